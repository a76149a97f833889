//! Commands and self-service: confirmations, the audit log, search, the guest pipeline,
//! and the figures STATUS reports.

use anyhow::{Context as _, Result};
use sqlx::{AnyConnection, Row};

use super::{stored, Backend, Person, Store, PERSON_SELECT};
use crate::domain::{Address, OutboxStatus, PersonStatus, Role, SearchKind, TopicStatus};

#[derive(Clone, Debug)]
pub struct Confirmation {
    pub id: i64,
    pub community_id: i64,
    pub person_id: i64,
    pub command: String,
    pub args: Vec<String>,
    pub body: String,
}

#[derive(Clone, Debug)]
pub struct AuditEntry {
    pub at: i64,
    pub community_id: Option<i64>,
    pub actor: String,
    pub command: String,
    pub auth: String,
    pub outcome: String,
}

#[derive(Clone, Debug)]
pub struct Hit {
    pub kind: SearchKind,
    pub author: String,
    pub at: i64,
    pub body: String,
}

impl Store {
    #[allow(clippy::too_many_arguments)] // one argument per column
    pub async fn add_confirmation(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        person_id: i64,
        command: &str,
        args: &[String],
        body: &str,
        now: i64,
        ttl: i64,
    ) -> Result<i64> {
        let row = sqlx::query(
            "INSERT INTO confirmations (community_id, person_id, command, args, body, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(community_id)
        .bind(person_id)
        .bind(command)
        .bind(args.join("\n"))
        .bind(body)
        .bind(now)
        .bind(now + ttl)
        .fetch_one(&mut *conn)
        .await
        .context("storing a command to confirm")?;
        Ok(row.try_get("id")?)
    }

    /// Uses a confirmation once. `Err(reason)` when it is unknown, someone else's, already
    /// used or expired.
    pub async fn take_confirmation(&self, conn: &mut AnyConnection, id: i64, person_id: i64, now: i64) -> Result<std::result::Result<Confirmation, &'static str>> {
        let row = sqlx::query("SELECT id, community_id, person_id, command, args, body, expires_at, used_at FROM confirmations WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await
            .context("reading a confirmation")?;
        let Some(r) = row else { return Ok(Err("unknown confirmation")) };
        if r.try_get::<i64, _>("person_id")? != person_id {
            return Ok(Err("confirmation of another person"));
        }
        if r.try_get::<Option<i64>, _>("used_at")?.is_some() {
            return Ok(Err("confirmation already used (a replay)"));
        }
        if r.try_get::<i64, _>("expires_at")? < now {
            return Ok(Err("confirmation expired"));
        }
        let used = sqlx::query("UPDATE confirmations SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
            .bind(now)
            .bind(id)
            .execute(&mut *conn)
            .await
            .context("using a confirmation")?;
        if used.rows_affected() != 1 {
            return Ok(Err("confirmation already used (a replay)"));
        }
        let args: String = r.try_get("args")?;
        Ok(Ok(Confirmation {
            id,
            community_id: r.try_get("community_id")?,
            person_id,
            command: r.try_get("command")?,
            args: args.lines().map(str::to_string).filter(|s| !s.is_empty()).collect(),
            body: r.try_get("body")?,
        }))
    }

    #[allow(clippy::too_many_arguments)] // one argument per column
    pub async fn audit(&self, conn: &mut AnyConnection, community_id: Option<i64>, actor: &str, command: &str, auth: &str, outcome: &str, now: i64) -> Result<()> {
        sqlx::query("INSERT INTO audit (community_id, at, actor, command, auth, outcome) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(community_id)
            .bind(now)
            .bind(actor)
            .bind(command)
            .bind(auth)
            .bind(outcome)
            .execute(&mut *conn)
            .await
            .context("writing the audit log")?;
        Ok(())
    }

    pub async fn audit_log(&self, limit: i64) -> Result<Vec<AuditEntry>> {
        let rows = sqlx::query("SELECT at, community_id, actor, command, auth, outcome FROM audit ORDER BY id DESC LIMIT $1")
            .bind(limit)
            .fetch_all(&self.pool)
            .await
            .context("reading the audit log")?;
        rows.iter()
            .map(|r| {
                Ok(AuditEntry {
                    at: r.try_get("at")?,
                    community_id: r.try_get("community_id")?,
                    actor: r.try_get("actor")?,
                    command: r.try_get("command")?,
                    auth: r.try_get("auth")?,
                    outcome: r.try_get("outcome")?,
                })
            })
            .collect()
    }

    // ---- search ------------------------------------------------------------------------

    pub async fn index_text(&self, conn: &mut AnyConnection, community_id: i64, kind: SearchKind, author: &str, at: i64, body: &str) -> Result<()> {
        sqlx::query("INSERT INTO search_index (body, community_id, kind, author, at) VALUES ($1, $2, $3, $4, $5)")
            .bind(body)
            .bind(community_id)
            .bind(kind.as_str())
            .bind(author)
            .bind(at)
            .execute(&mut *conn)
            .await
            .context("indexing text for search")?;
        Ok(())
    }

    /// Topics and takeaways matching every word, best first. SQLite uses FTS5, PostgreSQL
    /// its full-text search; words are passed as data, never as query syntax.
    pub async fn search(&self, conn: &mut AnyConnection, community_id: i64, words: &str, limit: i64) -> Result<Vec<Hit>> {
        let terms: Vec<String> = words
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(10)
            .map(|w| w.to_lowercase())
            .collect();
        if terms.is_empty() {
            return Ok(Vec::new());
        }
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

    // ---- guests and strangers ----------------------------------------------------------

    pub async fn set_guest_mark(&self, conn: &mut AnyConnection, person_id: i64, column: GuestMark, at: Option<i64>) -> Result<()> {
        let sql = match column {
            GuestMark::Invited => "UPDATE people SET invited_at = $1, followup_at = NULL, nudged_at = NULL WHERE id = $2",
            GuestMark::FollowedUp => "UPDATE people SET followup_at = $1 WHERE id = $2",
            GuestMark::Nudged => "UPDATE people SET nudged_at = $1 WHERE id = $2",
        };
        sqlx::query(sql).bind(at).bind(person_id).execute(&mut *conn).await.context("updating the guest pipeline")?;
        Ok(())
    }

    /// Guests followed up before `before` who neither answered nor were nudged yet.
    pub async fn guests_to_nudge(&self, conn: &mut AnyConnection, community_id: i64, before: i64) -> Result<Vec<Person>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{PERSON_SELECT} WHERE community_id = $1 AND role = $3 AND status = $4
             AND followup_at IS NOT NULL AND followup_at <= $2 AND nudged_at IS NULL ORDER BY id"
        )))
        .bind(community_id)
        .bind(before)
        .bind(Role::Guest.as_str())
        .bind(PersonStatus::Active.as_str())
        .fetch_all(&mut *conn)
        .await
        .context("finding guests to remind")?;
        rows.iter().map(Person::from_row).collect()
    }

    /// Guests in the pipeline with where each stands, for STATUS.
    pub async fn guests(&self, conn: &mut AnyConnection, community_id: i64) -> Result<Vec<(Person, Option<i64>, Option<i64>, Option<i64>)>> {
        let rows = sqlx::query(
            "SELECT id, community_id, address, name, role, status, invited_at, followup_at, nudged_at FROM people
             WHERE community_id = $1 AND role = $2 ORDER BY invited_at DESC",
        )
        .bind(community_id)
        .bind(Role::Guest.as_str())
        .fetch_all(&mut *conn)
        .await
        .context("listing guests")?;
        rows.iter()
            .map(|r| Ok((Person::from_row(r)?, r.try_get("invited_at")?, r.try_get("followup_at")?, r.try_get("nudged_at")?)))
            .collect()
    }

    /// Records that a non-member got the polite answer; false if they got one since `since`.
    pub async fn answer_stranger(&self, conn: &mut AnyConnection, community_id: i64, address: &Address, since: i64, now: i64) -> Result<bool> {
        let row = sqlx::query(
            "INSERT INTO strangers (community_id, address, answered_at) VALUES ($1, $2, $3)
             ON CONFLICT (community_id, address) DO UPDATE SET answered_at = excluded.answered_at
             WHERE strangers.answered_at < $4
             RETURNING answered_at",
        )
        .bind(community_id)
        .bind(address.as_str())
        .bind(now)
        .bind(since)
        .fetch_optional(&mut *conn)
        .await
        .context("throttling answers to non-members")?;
        Ok(row.is_some())
    }

    /// Sets an open topic's status (closed, deferred); false when there is no such open topic.
    pub async fn set_topic_status(&self, conn: &mut AnyConnection, community_id: i64, number: i64, status: TopicStatus) -> Result<bool> {
        let r = sqlx::query("UPDATE topics SET status = $1 WHERE community_id = $2 AND number = $3 AND status = $4")
            .bind(status.as_str())
            .bind(community_id)
            .bind(number)
            .bind(TopicStatus::Open.as_str())
            .execute(&mut *conn)
            .await
            .context("changing a topic")?;
        Ok(r.rows_affected() == 1)
    }

    /// Outbox rows per status for a community: (pending, failed).
    pub async fn outbox_counts(&self, conn: &mut AnyConnection, community_id: i64) -> Result<(i64, i64)> {
        let row = sqlx::query(
            "SELECT COALESCE(SUM(CASE WHEN status = $2 THEN 1 ELSE 0 END), 0) AS n_pending,
                    COALESCE(SUM(CASE WHEN status = $3 THEN 1 ELSE 0 END), 0) AS n_failed
             FROM outbox WHERE community_id = $1",
        )
        .bind(community_id)
        .bind(OutboxStatus::Pending.as_str())
        .bind(OutboxStatus::Failed.as_str())
        .fetch_one(&mut *conn)
        .await
        .context("counting the outbox")?;
        Ok((row.try_get("n_pending")?, row.try_get("n_failed")?))
    }

    /// Replies nobody could read in the last `since` seconds, for STATUS.
    pub async fn unclear_since(&self, conn: &mut AnyConnection, community_id: i64, since: i64) -> Result<i64> {
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

#[derive(Clone, Copy, Debug)]
pub enum GuestMark {
    Invited,
    FollowedUp,
    Nudged,
}
