//! The guest pipeline (when a guest was invited, followed up, nudged: marks kept on their
//! `people` row) and the throttle on answers to strangers.

use anyhow::{Context as _, Result};
use sqlx::{AnyConnection, Row};

use super::people::PERSON_SELECT;
use super::{Person, Store};
use crate::domain::{Address, PersonStatus, Role};

impl Store {
    pub async fn set_guest_mark(
        &self,
        conn: &mut AnyConnection,
        person_id: i64,
        column: GuestMark,
        at: Option<i64>,
    ) -> Result<()> {
        let sql = match column {
            GuestMark::Invited => "UPDATE people SET invited_at = $1, followup_at = NULL, nudged_at = NULL WHERE id = $2",
            GuestMark::FollowedUp => "UPDATE people SET followup_at = $1 WHERE id = $2",
            GuestMark::Nudged => "UPDATE people SET nudged_at = $1 WHERE id = $2",
        };
        sqlx::query(sql)
            .bind(at)
            .bind(person_id)
            .execute(&mut *conn)
            .await
            .context("updating the guest pipeline")?;
        Ok(())
    }

    /// Guests followed up before `before` who neither answered nor were nudged yet.
    pub async fn guests_to_nudge(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        before: i64,
    ) -> Result<Vec<Person>> {
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
        Person::from_rows(&rows)
    }

    /// Guests in the pipeline with where each stands, for STATUS.
    pub async fn guests(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
    ) -> Result<Vec<(Person, Option<i64>, Option<i64>, Option<i64>)>> {
        let rows = sqlx::query(
            "SELECT id, community_id, address, name, role, status, language, invited_at, followup_at, nudged_at FROM people
             WHERE community_id = $1 AND role = $2 ORDER BY invited_at DESC",
        )
        .bind(community_id)
        .bind(Role::Guest.as_str())
        .fetch_all(&mut *conn)
        .await
        .context("listing guests")?;
        rows.iter()
            .map(|r| {
                Ok((
                    Person::from_row(r)?,
                    r.try_get("invited_at")?,
                    r.try_get("followup_at")?,
                    r.try_get("nudged_at")?,
                ))
            })
            .collect()
    }

    /// How many answers went to non-members, in every community, since `since`.
    pub async fn strangers_answered_since(
        &self,
        conn: &mut AnyConnection,
        since: i64,
    ) -> Result<i64> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM strangers WHERE answered_at >= $1")
            .bind(since)
            .fetch_one(&mut *conn)
            .await
            .context("counting answers to non-members")?;
        Ok(row.try_get("n")?)
    }

    /// Records that a non-member got the polite answer; false if they got one since `since`.
    pub async fn answer_stranger(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        address: &Address,
        since: i64,
        now: i64,
    ) -> Result<bool> {
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
}

#[derive(Clone, Copy, Debug)]
pub enum GuestMark {
    Invited,
    FollowedUp,
    Nudged,
}
