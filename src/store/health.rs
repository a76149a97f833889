//! What `roundtable status` and the metrics endpoint read: who holds the mailbox, the last
//! message handled, and what mail waits, retries, failed or was set aside — one query each,
//! for all communities at once, so a scrape costs the same with one group or fifty.

use std::collections::HashMap;

use anyhow::{Context as _, Result};
use sqlx::Row;

use super::{stored, Store};
use crate::domain::{InboundKind, OutboxStatus, PostStatus};

/// A mailbox lease: the daemon reading that mailbox, and until when it holds it unless it
/// renews (a holder renews every few seconds while it runs).
#[derive(Clone, Debug, PartialEq)]
pub struct MailboxLease {
    /// What the mailbox is (`Maildir /path`, `imap user@host:port/INBOX`).
    pub mailbox: String,
    pub owner: String,
    pub until: i64,
}

/// The last message handled for a community.
#[derive(Clone, Debug, PartialEq)]
pub struct LastInbound {
    pub received_at: i64,
    pub from_address: Option<String>,
    pub kind: InboundKind,
    pub outcome: String,
}

/// The counts for one community (or, under `None`, for mail that belongs to none).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MailCounts {
    /// Queued and not tried yet.
    pub waiting: i64,
    /// Tried, failed for now, to be tried again.
    pub retrying: i64,
    /// Given up: a permanent failure or too old.
    pub failed: i64,
    /// Inbound messages that could not be handled and were moved aside.
    pub quarantined: i64,
    /// Posts waiting for a coordinator's APPROVE or REJECT.
    pub held_posts: i64,
}

/// How the inbound log says a message was set aside (see `rules::inbound_log`).
pub const SET_ASIDE: &str = "could not be handled after ";

impl Store {
    pub async fn mailbox_leases(&self) -> Result<Vec<MailboxLease>> {
        let rows = sqlx::query(
            "SELECT name, owner, until FROM leases WHERE name LIKE 'mailbox:%' ORDER BY name",
        )
        .fetch_all(&self.pool)
        .await
        .context("reading the mailbox leases")?;
        rows.iter()
            .map(|r| {
                let name: String = r.try_get("name")?;
                Ok(MailboxLease {
                    mailbox: name.trim_start_matches("mailbox:").to_string(),
                    owner: r.try_get("owner")?,
                    until: r.try_get("until")?,
                })
            })
            .collect()
    }

    /// The last message handled, per community id (`None`: mail that named no community).
    pub async fn last_inbound(&self) -> Result<HashMap<Option<i64>, LastInbound>> {
        let rows = sqlx::query(
            "SELECT i.community_id, i.received_at, i.from_address, i.kind, i.outcome
             FROM inbound i
             JOIN (SELECT MAX(id) AS id FROM inbound GROUP BY community_id) last ON last.id = i.id",
        )
        .fetch_all(&self.pool)
        .await
        .context("reading the last message handled")?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get("community_id")?,
                    LastInbound {
                        received_at: r.try_get("received_at")?,
                        from_address: r.try_get("from_address")?,
                        kind: stored(r, "inbound", "kind", InboundKind::parse)?,
                        outcome: r.try_get("outcome")?,
                    },
                ))
            })
            .collect()
    }

    /// Mail waiting, retrying, failed and set aside, and posts held, per community id.
    pub async fn mail_counts(&self) -> Result<HashMap<Option<i64>, MailCounts>> {
        let mut counts: HashMap<Option<i64>, MailCounts> = HashMap::new();
        // Pending and failed each from its partial index (migration 0017): the statuses are
        // literals, which those indexes need, and a community may come in both halves.
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT community_id,
                    SUM(CASE WHEN attempts = 0 THEN 1 ELSE 0 END) AS waiting,
                    SUM(CASE WHEN attempts > 0 THEN 1 ELSE 0 END) AS retrying,
                    CAST(0 AS BIGINT) AS failed
             FROM outbox WHERE status = '{}' GROUP BY community_id
             UNION ALL
             SELECT community_id, CAST(0 AS BIGINT), CAST(0 AS BIGINT), COUNT(*) FROM outbox WHERE status = '{}' GROUP BY community_id",
            OutboxStatus::Pending.as_str(),
            OutboxStatus::Failed.as_str()
        )))
        .fetch_all(&self.pool)
        .await
        .context("counting the outbox")?;
        for r in &rows {
            let c = counts.entry(r.try_get("community_id")?).or_default();
            c.waiting += r.try_get::<i64, _>("waiting")?;
            c.retrying += r.try_get::<i64, _>("retrying")?;
            c.failed += r.try_get::<i64, _>("failed")?;
        }
        let rows = sqlx::query(
            "SELECT community_id, COUNT(*) AS n FROM inbound
             WHERE kind = $1 OR outcome LIKE $2 GROUP BY community_id",
        )
        .bind(InboundKind::Unreadable.as_str())
        .bind(format!("{SET_ASIDE}%"))
        .fetch_all(&self.pool)
        .await
        .context("counting the messages set aside")?;
        for r in &rows {
            counts
                .entry(r.try_get("community_id")?)
                .or_default()
                .quarantined = r.try_get("n")?;
        }
        let rows = sqlx::query(
            "SELECT community_id, COUNT(*) AS n FROM posts WHERE status = $1 GROUP BY community_id",
        )
        .bind(PostStatus::Held.as_str())
        .fetch_all(&self.pool)
        .await
        .context("counting the held posts")?;
        for r in &rows {
            counts
                .entry(Some(r.try_get("community_id")?))
                .or_default()
                .held_posts = r.try_get("n")?;
        }
        Ok(counts)
    }
}
