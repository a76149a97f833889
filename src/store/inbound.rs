//! The inbound log: each message handled, once, by its dedup key, and what came of it.

use anyhow::{Context as _, Result};
use sqlx::{AnyConnection, Row};

use super::{stored, Store};
use crate::domain::InboundKind;

impl Store {
    /// Whether a message with this key was already handled. Called inside the transaction
    /// that would record it, so two instances can't both handle it (the UNIQUE key decides).
    pub async fn inbound_seen(&self, conn: &mut AnyConnection, dedup_key: &str) -> Result<bool> {
        let row = sqlx::query("SELECT 1 AS one FROM inbound WHERE dedup_key = $1")
            .bind(dedup_key)
            .fetch_optional(&mut *conn)
            .await
            .context("checking the inbound log")?;
        Ok(row.is_some())
    }

    /// Which of these keys were already handled: [`Store::inbound_seen`] for many messages in
    /// one statement (a batch's, inside its transaction).
    pub async fn inbound_seen_among(
        &self,
        conn: &mut AnyConnection,
        keys: &[&str],
    ) -> Result<std::collections::HashSet<String>> {
        let mut seen = std::collections::HashSet::new();
        // Well under SQLite's and PostgreSQL's limits on bound parameters.
        for chunk in keys.chunks(500) {
            // `?` on SQLite (see `batch::mark`); the text changes with the number of keys, so
            // it is not kept among the prepared statements.
            let marks = super::batch::list(self.backend, 1, chunk.len());
            let sql = format!("SELECT dedup_key FROM inbound WHERE dedup_key IN ({marks})");
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).persistent(false);
            for k in chunk {
                q = q.bind(*k);
            }
            for r in q
                .fetch_all(&mut *conn)
                .await
                .context("checking the inbound log")?
            {
                seen.insert(r.try_get::<String, _>("dedup_key")?);
            }
        }
        Ok(seen)
    }

    pub async fn record_inbound(
        &self,
        conn: &mut AnyConnection,
        r: &InboundRecord<'_>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO inbound (dedup_key, message_id, from_address, community_id, person_id, received_at, kind, outcome, raw)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(r.dedup_key)
        .bind(r.message_id)
        .bind(r.from_address)
        .bind(r.community_id)
        .bind(r.person_id)
        .bind(r.received_at)
        .bind(r.kind.as_str())
        .bind(r.outcome)
        .bind(r.raw)
        .execute(&mut *conn)
        .await
        .context("recording the handled message")?;
        Ok(())
    }

    pub async fn inbound_log(&self, limit: i64) -> Result<Vec<InboundEntry>> {
        let rows = sqlx::query(
            "SELECT id, message_id, from_address, received_at, kind, outcome FROM inbound ORDER BY id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .context("reading the inbound log")?;
        rows.iter()
            .map(|r| {
                Ok(InboundEntry {
                    id: r.try_get("id")?,
                    message_id: r.try_get("message_id")?,
                    from_address: r.try_get("from_address")?,
                    received_at: r.try_get("received_at")?,
                    kind: stored(r, "inbound", "kind", InboundKind::parse)?,
                    outcome: r.try_get("outcome")?,
                })
            })
            .collect()
    }

    /// How many messages of `person_id` since `since` the inbound log says were forwarded
    /// (their outcome contains `marker`): the per-sender cap on words passed to coordinators.
    pub async fn forwarded_since(
        &self,
        conn: &mut AnyConnection,
        person_id: i64,
        since: i64,
        marker: &str,
    ) -> Result<i64> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM inbound WHERE person_id = $1 AND received_at >= $2 AND outcome LIKE $3")
            .bind(person_id)
            .bind(since)
            .bind(format!("%{marker}%"))
            .fetch_one(&mut *conn)
            .await
            .context("counting forwarded messages")?;
        Ok(row.try_get("n")?)
    }

    /// Replies nobody could read in the last `since` seconds, for STATUS.
    pub async fn unclear_since(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        since: i64,
    ) -> Result<i64> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM inbound WHERE community_id = $1 AND kind = $3 AND received_at >= $2")
            .bind(community_id)
            .bind(since)
            .bind(crate::domain::InboundKind::Unclear.as_str())
            .fetch_one(&mut *conn)
            .await
            .context("counting unclear replies")?;
        Ok(row.try_get("n")?)
    }
}

pub struct InboundRecord<'a> {
    pub dedup_key: &'a str,
    pub message_id: Option<&'a str>,
    pub from_address: Option<&'a str>,
    pub community_id: Option<i64>,
    pub person_id: Option<i64>,
    pub received_at: i64,
    pub kind: InboundKind,
    pub outcome: &'a str,
    pub raw: Option<&'a [u8]>,
}

#[derive(Clone, Debug)]
pub struct InboundEntry {
    pub id: i64,
    pub message_id: Option<String>,
    pub from_address: Option<String>,
    pub received_at: i64,
    pub kind: InboundKind,
    pub outcome: String,
}
