//! Meetings (when, where, scheduled or cancelled) and the RSVPs to them.

use anyhow::{Context as _, Result};
use sqlx::{AnyConnection, Row};

use super::people::PERSON_SELECT;
use super::{stored, Person, Store};
use crate::domain::{parse_response, MeetingStatus, OtherMailKind, Response};
use crate::schedule::JobKind;

impl Store {
    // ---- meetings ----------------------------------------------------------------------

    pub async fn create_meeting(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        starts_at: i64,
        place: Option<&str>,
        thread_id: &str,
        now: i64,
    ) -> Result<i64> {
        super::memo::meetings_changed();
        let row = sqlx::query(
            "INSERT INTO meetings (community_id, starts_at, place, status, sequence, thread_id, created_at, updated_at)
             VALUES ($1, $2, $3, $6, 0, $4, $5, $5) RETURNING id",
        )
        .bind(community_id)
        .bind(starts_at)
        .bind(place)
        .bind(thread_id)
        .bind(now)
        .bind(MeetingStatus::Scheduled.as_str())
        .fetch_one(&mut *conn)
        .await
        .context("creating a meeting")?;
        Ok(row.try_get("id")?)
    }

    pub async fn meetings(&self, community_id: i64) -> Result<Vec<Meeting>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{MEETING_SELECT} WHERE community_id = $1 ORDER BY starts_at"
        )))
        .bind(community_id)
        .fetch_all(&self.pool)
        .await
        .context("listing meetings")?;
        rows.iter().map(Meeting::from_row).collect()
    }

    pub async fn meeting(&self, conn: &mut AnyConnection, id: i64) -> Result<Option<Meeting>> {
        if let Some(known) = super::memo::meeting(id) {
            return Ok(known);
        }
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{MEETING_SELECT} WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
        .context("reading a meeting")?;
        let meeting = row.as_ref().map(Meeting::from_row).transpose()?;
        super::memo::keep_meeting(id, &meeting);
        Ok(meeting)
    }

    /// The meeting of a community whose thread (and calendar UID) is `thread_id`.
    pub async fn meeting_by_thread(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        thread_id: &str,
    ) -> Result<Option<Meeting>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{MEETING_SELECT} WHERE community_id = $1 AND thread_id = $2"
        )))
        .bind(community_id)
        .bind(thread_id)
        .fetch_optional(&mut *conn)
        .await
        .context("finding a meeting by its calendar UID")?;
        row.as_ref().map(Meeting::from_row).transpose()
    }

    /// The next scheduled meeting that has not started more than `grace` seconds ago.
    pub async fn next_meeting(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        now: i64,
    ) -> Result<Option<Meeting>> {
        if let Some(known) = super::memo::next_meeting(community_id, now) {
            return Ok(known);
        }
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{MEETING_SELECT} WHERE community_id = $1 AND status = $3 AND starts_at >= $2 ORDER BY starts_at LIMIT 1"
        )))
        .bind(community_id)
        .bind(now - 6 * 3600)
        .bind(MeetingStatus::Scheduled.as_str())
        .fetch_optional(&mut *conn)
        .await
        .context("finding the next meeting")?;
        let meeting = row.as_ref().map(Meeting::from_row).transpose()?;
        super::memo::keep_next_meeting(community_id, now, &meeting);
        Ok(meeting)
    }

    /// The scheduled meeting of a community starting at exactly `starts_at`, if any.
    pub async fn meeting_at(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        starts_at: i64,
    ) -> Result<Option<Meeting>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{MEETING_SELECT} WHERE community_id = $1 AND starts_at = $2 AND status = $3"
        )))
        .bind(community_id)
        .bind(starts_at)
        .bind(MeetingStatus::Scheduled.as_str())
        .fetch_optional(&mut *conn)
        .await
        .context("finding a meeting by time")?;
        row.as_ref().map(Meeting::from_row).transpose()
    }

    /// Moves a meeting and bumps its SEQUENCE.
    pub async fn move_meeting(
        &self,
        conn: &mut AnyConnection,
        id: i64,
        starts_at: i64,
        place: Option<&str>,
        now: i64,
    ) -> Result<()> {
        super::memo::meetings_changed();
        sqlx::query("UPDATE meetings SET starts_at = $1, place = $2, sequence = sequence + 1, updated_at = $3 WHERE id = $4")
            .bind(starts_at)
            .bind(place)
            .bind(now)
            .bind(id)
            .execute(&mut *conn)
            .await
            .context("moving a meeting")?;
        Ok(())
    }

    /// The most recent meeting that started before `now`, held or still under way (takeaways
    /// belong to it).
    pub async fn last_meeting_before(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        now: i64,
    ) -> Result<Option<Meeting>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{MEETING_SELECT} WHERE community_id = $1 AND status IN ($3, $4) AND starts_at <= $2 ORDER BY starts_at DESC LIMIT 1"
        )))
        .bind(community_id)
        .bind(now)
        .bind(MeetingStatus::Scheduled.as_str())
        .bind(MeetingStatus::Held.as_str())
        .fetch_optional(&mut *conn)
        .await
        .context("finding the last meeting")?;
        row.as_ref().map(Meeting::from_row).transpose()
    }

    /// Everyone who got the announcement or an invitation of a meeting.
    pub async fn invited_people(
        &self,
        conn: &mut AnyConnection,
        meeting_id: i64,
    ) -> Result<Vec<Person>> {
        self.flush_deferred(conn).await?;
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{PERSON_SELECT} WHERE id IN (SELECT person_id FROM outbox WHERE meeting_id = $1 AND kind IN ($2, $3)) ORDER BY id"
        )))
        .bind(meeting_id)
        .bind(JobKind::Announcement.as_str())
        .bind(OtherMailKind::Invitation.as_str())
        .fetch_all(&mut *conn)
        .await
        .context("listing those invited")?;
        Person::from_rows(&rows)
    }

    /// Marks held every scheduled meeting of a community that started at or before
    /// `started_by` (the schedule passes now minus a meeting's length). How many.
    pub async fn mark_held(&self, community_id: i64, started_by: i64) -> Result<u64> {
        super::memo::meetings_changed();
        let r = sqlx::query(
            "UPDATE meetings SET status = $1 WHERE community_id = $2 AND status = $3 AND starts_at <= $4",
        )
        .bind(MeetingStatus::Held.as_str())
        .bind(community_id)
        .bind(MeetingStatus::Scheduled.as_str())
        .bind(started_by)
        .execute(&self.pool)
        .await
        .context("marking meetings held")?;
        Ok(r.rows_affected())
    }

    pub async fn cancel_meeting(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        id: i64,
        now: i64,
    ) -> Result<bool> {
        super::memo::meetings_changed();
        let r = sqlx::query(
            "UPDATE meetings SET status = $4, sequence = sequence + 1, updated_at = $1
             WHERE id = $2 AND community_id = $3 AND status = $5",
        )
        .bind(now)
        .bind(id)
        .bind(community_id)
        .bind(MeetingStatus::Cancelled.as_str())
        .bind(MeetingStatus::Scheduled.as_str())
        .execute(&mut *conn)
        .await
        .context("cancelling a meeting")?;
        Ok(r.rows_affected() > 0)
    }

    // ---- rsvps -------------------------------------------------------------------------

    pub async fn rsvps(&self, meeting_id: i64) -> Result<Vec<Rsvp>> {
        let rows = sqlx::query(
            "SELECT p.address, p.name, r.response, r.note, r.answered_at FROM rsvps r
             JOIN people p ON p.id = r.person_id WHERE r.meeting_id = $1 ORDER BY p.address",
        )
        .bind(meeting_id)
        .fetch_all(&self.pool)
        .await
        .context("listing RSVPs")?;
        rows.iter()
            .map(|r| {
                Ok(Rsvp {
                    address: r.try_get("address")?,
                    name: r.try_get("name")?,
                    response: stored(r, "rsvps", "response", parse_response)?,
                    note: r.try_get("note")?,
                    answered_at: r.try_get("answered_at")?,
                })
            })
            .collect()
    }
}

const MEETING_SELECT: &str =
    "SELECT id, community_id, starts_at, place, status, sequence, thread_id FROM meetings";

#[derive(Clone, Debug)]
pub struct Meeting {
    pub id: i64,
    pub community_id: i64,
    pub starts_at: i64,
    pub place: Option<String>,
    pub status: MeetingStatus,
    pub sequence: i64,
    pub thread_id: String,
}

impl Meeting {
    fn from_row(r: &sqlx::any::AnyRow) -> Result<Meeting> {
        Ok(Meeting {
            id: r.try_get("id")?,
            community_id: r.try_get("community_id")?,
            starts_at: r.try_get("starts_at")?,
            place: r.try_get("place")?,
            status: stored(r, "meetings", "status", MeetingStatus::parse)?,
            sequence: r.try_get("sequence")?,
            thread_id: r.try_get("thread_id")?,
        })
    }
}

#[derive(Clone, Debug)]
pub struct Rsvp {
    pub address: String,
    pub name: Option<String>,
    pub response: Response,
    pub note: Option<String>,
    pub answered_at: i64,
}
