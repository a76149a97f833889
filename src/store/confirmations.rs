//! Commands waiting for their confirmation, and the audit log of commands.

use anyhow::{Context as _, Result};
use sqlx::{AnyConnection, Row};

use super::Store;

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
    pub async fn take_confirmation(
        &self,
        conn: &mut AnyConnection,
        id: i64,
        person_id: i64,
        now: i64,
    ) -> Result<std::result::Result<Confirmation, Unusable>> {
        let row = sqlx::query("SELECT id, community_id, person_id, command, args, body, expires_at, used_at FROM confirmations WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await
            .context("reading a confirmation")?;
        let Some(r) = row else {
            return Ok(Err(Unusable::Unknown));
        };
        if r.try_get::<i64, _>("person_id")? != person_id {
            return Ok(Err(Unusable::NotYours));
        }
        if r.try_get::<Option<i64>, _>("used_at")?.is_some() {
            return Ok(Err(Unusable::Used));
        }
        if r.try_get::<i64, _>("expires_at")? < now {
            return Ok(Err(Unusable::Expired));
        }
        let used =
            sqlx::query("UPDATE confirmations SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
                .bind(now)
                .bind(id)
                .execute(&mut *conn)
                .await
                .context("using a confirmation")?;
        if used.rows_affected() != 1 {
            return Ok(Err(Unusable::Used));
        }
        let args: String = r.try_get("args")?;
        Ok(Ok(Confirmation {
            id,
            community_id: r.try_get("community_id")?,
            person_id,
            command: r.try_get("command")?,
            args: args
                .lines()
                .map(str::to_string)
                .filter(|s| !s.is_empty())
                .collect(),
            body: r.try_get("body")?,
        }))
    }

    #[allow(clippy::too_many_arguments)] // one argument per column
    pub async fn audit(
        &self,
        conn: &mut AnyConnection,
        community_id: Option<i64>,
        actor: &str,
        command: &str,
        auth: &str,
        outcome: &str,
        now: i64,
    ) -> Result<()> {
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
}

/// Why a confirmation can't be used: in English for the log ([`Display`](std::fmt::Display)),
/// and the catalogs' message ([`id`](Unusable::id)) for the person's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unusable {
    Unknown,
    NotYours,
    Used,
    Expired,
}

impl Unusable {
    pub fn id(self) -> &'static str {
        match self {
            Unusable::Unknown => "confirm-unknown",
            Unusable::NotYours => "confirm-not-yours",
            Unusable::Used => "confirm-used",
            Unusable::Expired => "confirm-expired",
        }
    }
}

impl std::fmt::Display for Unusable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Unusable::Unknown => "unknown confirmation",
            Unusable::NotYours => "confirmation of another person",
            Unusable::Used => "confirmation already used (a replay)",
            Unusable::Expired => "confirmation expired",
        })
    }
}
