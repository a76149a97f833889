//! The search index: the text of topics and takeaways, found by word.

use anyhow::{Context as _, Result};
use sqlx::{AnyConnection, Row};

use super::{stored, Backend, Store};
use crate::domain::SearchKind;

#[derive(Clone, Debug)]
pub struct Hit {
    pub kind: SearchKind,
    pub author: String,
    pub at: i64,
    pub body: String,
}

impl Store {
    /// Topics and takeaways matching every word, best first. SQLite uses FTS5, PostgreSQL
    /// its full-text search; words are passed as data, never as query syntax.
    pub async fn search(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        words: &str,
        limit: i64,
    ) -> Result<Vec<Hit>> {
        let terms: Vec<String> = words
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(10)
            .map(|w| w.to_lowercase())
            .collect();
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        self.flush_deferred(conn).await?;
        let rows = match self.backend {
            Backend::Sqlite => {
                // Each word quoted: FTS5 reads it as a plain term, never as an operator.
                let q = terms.iter().map(|t| format!("\"{t}\"")).collect::<Vec<_>>().join(" ");
                sqlx::query(
                    "SELECT kind, author, at, body FROM search_index WHERE search_index MATCH $1 AND community_id = $2
                     ORDER BY rank LIMIT $3",
                )
                .bind(q)
                .bind(community_id)
                .bind(limit)
                .fetch_all(&mut *conn)
                .await
            }
            Backend::Postgres => {
                sqlx::query(
                    "SELECT kind, author, at, body FROM search_index
                     WHERE community_id = $2 AND tsv @@ plainto_tsquery('simple', $1)
                     ORDER BY ts_rank(tsv, plainto_tsquery('simple', $1)) DESC, at DESC LIMIT $3",
                )
                .bind(terms.join(" "))
                .bind(community_id)
                .bind(limit)
                .fetch_all(&mut *conn)
                .await
            }
        }
        .context("searching")?;
        rows.iter()
            .map(|r| {
                Ok(Hit {
                    kind: stored(r, "search_index", "kind", SearchKind::parse)?,
                    author: r.try_get("author")?,
                    at: r.try_get("at")?,
                    body: r.try_get("body")?,
                })
            })
            .collect()
    }
}
