//! Writes a batch of inbound messages makes with one statement per table at its end instead of
//! one per message (issue 14): the RSVPs and the search index's texts. On PostgreSQL every
//! statement is a round trip, and these were a quarter of an inbound batch's.
//!
//! Inside [`scope`] (the inbound writer's batch, one transaction), [`Store::set_rsvp`] and
//! [`Store::index_text`] keep their rows, and [`Store::flush_deferred`] writes them. It runs
//! before the batch commits (`rules::batch::flush`) and first thing in every statement of the
//! store that reads these tables on the batch's connection (`responses`, `attendees`,
//! `search`), so the batch reads what it wrote. A command's savepoint that is rolled back
//! drops what was kept since it began ([`mark`], [`undo_to`]). Nothing changes about what
//! commits: the same rows in the same transaction; a row that fails fails the batch, which is
//! done again one message at a time.

use std::cell::RefCell;
use std::future::Future;

use anyhow::{Context as _, Result};
use sqlx::AnyConnection;

use super::batch::marks;
use super::Store;
use crate::domain::{response_str, Response, SearchKind};

tokio::task_local! {
    static DEFERRED: RefCell<Deferred>;
}

/// Rows per statement (SQLite allows 32,766 bind values).
const ROWS: usize = 200;

#[derive(Default)]
struct Deferred {
    rsvps: Vec<RsvpRow>,
    texts: Vec<TextRow>,
}

struct RsvpRow {
    meeting_id: i64,
    person_id: i64,
    response: Response,
    note: Option<String>,
    answered_at: i64,
}

struct TextRow {
    body: String,
    community_id: i64,
    kind: SearchKind,
    author: String,
    at: i64,
}

/// How much was kept at a point in time (a savepoint's start).
#[derive(Clone, Copy, Debug)]
pub struct Mark {
    rsvps: usize,
    texts: usize,
}

/// Runs `f` (one transaction) with its RSVPs and texts kept until [`Store::flush_deferred`].
pub async fn scope<F: Future>(f: F) -> F::Output {
    DEFERRED.scope(RefCell::new(Deferred::default()), f).await
}

/// What is kept now; `None` outside a [`scope`].
pub fn mark() -> Option<Mark> {
    DEFERRED
        .try_with(|d| {
            let d = d.borrow();
            Mark {
                rsvps: d.rsvps.len(),
                texts: d.texts.len(),
            }
        })
        .ok()
}

/// Drops what was kept since `mark` (its savepoint was rolled back).
pub fn undo_to(mark: Option<Mark>) {
    if let Some(m) = mark {
        let _ = DEFERRED.try_with(|d| {
            let mut d = d.borrow_mut();
            d.rsvps.truncate(m.rsvps);
            d.texts.truncate(m.texts);
        });
    }
}

impl Store {
    /// Records an answer; the latest answer wins.
    pub async fn set_rsvp(
        &self,
        conn: &mut AnyConnection,
        meeting_id: i64,
        person_id: i64,
        response: Response,
        note: Option<&str>,
        now: i64,
    ) -> Result<()> {
        let row = RsvpRow {
            meeting_id,
            person_id,
            response,
            note: note.map(str::to_string),
            answered_at: now,
        };
        let mut row = Some(row);
        let _ = DEFERRED.try_with(|d| d.borrow_mut().rsvps.extend(row.take()));
        match row {
            None => Ok(()),
            // Boxed: the rules' futures hold this one inline, and they are deep already.
            Some(r) => Box::pin(self.write_rsvps(conn, &[r])).await,
        }
    }

    /// Adds a text to what SEARCH looks through.
    pub async fn index_text(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        kind: SearchKind,
        author: &str,
        at: i64,
        body: &str,
    ) -> Result<()> {
        let row = TextRow {
            body: body.to_string(),
            community_id,
            kind,
            author: author.to_string(),
            at,
        };
        let mut row = Some(row);
        let _ = DEFERRED.try_with(|d| d.borrow_mut().texts.extend(row.take()));
        match row {
            None => Ok(()),
            Some(r) => Box::pin(self.write_texts(conn, &[r])).await,
        }
    }

    /// Writes what the batch kept, on its connection. Nothing to do outside a scope.
    pub async fn flush_deferred(&self, conn: &mut AnyConnection) -> Result<()> {
        let kept = DEFERRED
            .try_with(|d| {
                let d = d.borrow();
                !d.rsvps.is_empty() || !d.texts.is_empty()
            })
            .unwrap_or(false);
        match kept {
            // Boxed: every reader of these tables awaits this, inline in deep futures.
            true => Box::pin(self.write_deferred(conn)).await,
            false => Ok(()),
        }
    }

    async fn write_deferred(&self, conn: &mut AnyConnection) -> Result<()> {
        let Ok((rsvps, texts)) = DEFERRED.try_with(|d| {
            let mut d = d.borrow_mut();
            (std::mem::take(&mut d.rsvps), std::mem::take(&mut d.texts))
        }) else {
            return Ok(());
        };
        if !rsvps.is_empty() {
            self.write_rsvps(conn, &latest(rsvps)).await?;
        }
        if !texts.is_empty() {
            self.write_texts(conn, &texts).await?;
        }
        Ok(())
    }

    async fn write_rsvps(&self, conn: &mut AnyConnection, rows: &[RsvpRow]) -> Result<()> {
        for chunk in rows.chunks(ROWS) {
            let sql = format!(
                "INSERT INTO rsvps (meeting_id, person_id, response, note, answered_at) VALUES {}
                 ON CONFLICT (meeting_id, person_id) DO UPDATE SET response = excluded.response,
                   note = excluded.note, answered_at = excluded.answered_at",
                marks(self.backend, 1, chunk.len(), 5)
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).persistent(chunk.len() == 1);
            for r in chunk {
                q = q
                    .bind(r.meeting_id)
                    .bind(r.person_id)
                    .bind(response_str(r.response))
                    .bind(r.note.as_deref())
                    .bind(r.answered_at);
            }
            q.execute(&mut *conn).await.context("recording RSVPs")?;
        }
        Ok(())
    }

    async fn write_texts(&self, conn: &mut AnyConnection, rows: &[TextRow]) -> Result<()> {
        for chunk in rows.chunks(ROWS) {
            let sql = format!(
                "INSERT INTO search_index (body, community_id, kind, author, at) VALUES {}",
                marks(self.backend, 1, chunk.len(), 5)
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).persistent(chunk.len() == 1);
            for r in chunk {
                q = q
                    .bind(r.body.as_str())
                    .bind(r.community_id)
                    .bind(r.kind.as_str())
                    .bind(r.author.as_str())
                    .bind(r.at);
            }
            q.execute(&mut *conn)
                .await
                .context("indexing text for search")?;
        }
        Ok(())
    }
}

/// The last answer of each person to each meeting, in the order of the answers: one statement
/// may not change a row twice (PostgreSQL refuses it), and the latest answer wins.
fn latest(rows: Vec<RsvpRow>) -> Vec<RsvpRow> {
    let mut last = std::collections::HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        last.insert((r.meeting_id, r.person_id), i);
    }
    rows.into_iter()
        .enumerate()
        .filter(|(i, r)| last.get(&(r.meeting_id, r.person_id)) == Some(i))
        .map(|(_, r)| r)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rsvp(meeting_id: i64, person_id: i64, response: Response) -> RsvpRow {
        RsvpRow {
            meeting_id,
            person_id,
            response,
            note: None,
            answered_at: 0,
        }
    }

    #[test]
    fn the_latest_answer_of_each_person_wins() {
        let rows = vec![
            rsvp(1, 7, Response::Yes),
            rsvp(1, 8, Response::Maybe),
            rsvp(1, 7, Response::No),
            rsvp(2, 7, Response::Yes),
        ];
        let kept: Vec<(i64, i64, Response)> = latest(rows)
            .into_iter()
            .map(|r| (r.meeting_id, r.person_id, r.response))
            .collect();
        assert_eq!(
            kept,
            vec![
                (1, 8, Response::Maybe),
                (1, 7, Response::No),
                (2, 7, Response::Yes)
            ]
        );
    }
}
