//! Timeline state: jobs, topics and votes, takeaways, attendance, leases.

use anyhow::{Context as _, Result};
use sqlx::{AnyConnection, Row};

use super::{stored, Backend, Store};
use crate::domain::{
    parse_response, response_str, JobStatus, MeetingStatus, Response, TopicStatus,
};
use crate::schedule::JobKind;

#[derive(Clone, Debug)]
pub struct Job {
    pub id: i64,
    pub community_id: i64,
    pub meeting_id: Option<i64>,
    pub kind: JobKind,
    pub due_at: i64,
    pub status: JobStatus,
    /// How many times it was claimed (fired or tried).
    pub attempts: i64,
}

impl Job {
    fn from_row(r: &sqlx::any::AnyRow) -> Result<Job> {
        Ok(Job {
            id: r.try_get("id")?,
            community_id: r.try_get("community_id")?,
            meeting_id: r.try_get("meeting_id")?,
            kind: stored(r, "jobs", "kind", JobKind::parse)?,
            due_at: r.try_get("due_at")?,
            status: stored(r, "jobs", "status", JobStatus::parse)?,
            attempts: r.try_get("attempts")?,
        })
    }
}

#[derive(Clone, Debug)]
pub struct TopicRow {
    pub id: i64,
    pub number: i64,
    pub title: String,
    pub details: Option<String>,
    pub proposer: Option<String>,
    pub status: TopicStatus,
    pub created_at: i64,
    pub first_meeting_id: Option<i64>,
    pub votes: i64,
}

#[derive(Clone, Debug)]
pub struct TakeawayRow {
    pub id: i64,
    pub meeting_id: i64,
    pub author: String,
    pub text: String,
    pub created_at: i64,
}

const JOB_SELECT: &str =
    "SELECT id, community_id, meeting_id, kind, due_at, status, attempts FROM jobs";

impl Store {
    /// Takes the slot `starts_at` of a community's `meeting_cron` for a meeting, once and for
    /// all: true the first time (plan a meeting there), false ever after, whatever became of
    /// that meeting (cancelled, moved), and also when a meeting of any status already starts
    /// there (planned before this record existed).
    pub async fn claim_recurring_slot(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        starts_at: i64,
        now: i64,
    ) -> Result<bool> {
        let claimed = sqlx::query(
            "INSERT INTO recurring_slots (community_id, starts_at, planned_at) VALUES ($1, $2, $3)
             ON CONFLICT (community_id, starts_at) DO NOTHING",
        )
        .bind(community_id)
        .bind(starts_at)
        .bind(now)
        .execute(&mut *conn)
        .await
        .context("taking a recurring meeting's slot")?
        .rows_affected()
            == 1;
        if !claimed {
            return Ok(false);
        }
        let existing = sqlx::query(
            "SELECT 1 AS one FROM meetings WHERE community_id = $1 AND starts_at = $2 LIMIT 1",
        )
        .bind(community_id)
        .bind(starts_at)
        .fetch_optional(&mut *conn)
        .await
        .context("looking for a meeting in a recurring slot")?;
        Ok(existing.is_none())
    }

    /// Whether the slot `starts_at` of a community's `meeting_cron` has been planned (a
    /// meeting was made there once, whatever became of it), or a meeting starts there.
    pub async fn recurring_slot_taken(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        starts_at: i64,
    ) -> Result<bool> {
        let row = sqlx::query(
            "SELECT 1 AS one FROM recurring_slots WHERE community_id = $1 AND starts_at = $2
             UNION ALL SELECT 1 AS one FROM meetings WHERE community_id = $1 AND starts_at = $2
             LIMIT 1",
        )
        .bind(community_id)
        .bind(starts_at)
        .fetch_optional(&mut *conn)
        .await
        .context("looking up a recurring meeting's slot")?;
        Ok(row.is_some())
    }

    /// Creates a job unless one with this key exists. Returns whether it was created.
    pub async fn add_job(
        &self,
        conn: &mut AnyConnection,
        key: &str,
        community_id: i64,
        meeting_id: Option<i64>,
        kind: JobKind,
        due_at: i64,
    ) -> Result<bool> {
        let r = sqlx::query(
            "INSERT INTO jobs (job_key, community_id, meeting_id, kind, due_at, status) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (job_key) DO NOTHING",
        )
        .bind(key)
        .bind(community_id)
        .bind(meeting_id)
        .bind(kind.as_str())
        .bind(due_at)
        .bind(JobStatus::Pending.as_str())
        .execute(&mut *conn)
        .await
        .context("adding a job")?;
        Ok(r.rows_affected() > 0)
    }

    /// Moves a meeting's pending job to a new due time (a rescheduled meeting).
    pub async fn retime_job(
        &self,
        conn: &mut AnyConnection,
        meeting_id: i64,
        kind: JobKind,
        due_at: i64,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE jobs SET due_at = $1 WHERE meeting_id = $2 AND kind = $3 AND status = $4",
        )
        .bind(due_at)
        .bind(meeting_id)
        .bind(kind.as_str())
        .bind(JobStatus::Pending.as_str())
        .execute(&mut *conn)
        .await
        .context("re-timing a job")?;
        Ok(())
    }

    /// Drops every pending job of a meeting (it was cancelled).
    pub async fn cancel_jobs(
        &self,
        conn: &mut AnyConnection,
        meeting_id: i64,
        now: i64,
    ) -> Result<u64> {
        let r = sqlx::query("UPDATE jobs SET status = $3, done_at = $1, detail = 'meeting cancelled' WHERE meeting_id = $2 AND status = $4")
            .bind(now)
            .bind(meeting_id)
            .bind(JobStatus::Cancelled.as_str())
            .bind(JobStatus::Pending.as_str())
            .execute(&mut *conn)
            .await
            .context("cancelling jobs")?;
        Ok(r.rows_affected())
    }

    /// Claims up to `limit` jobs due at `now` for `owner` (a lease, as for the outbox).
    pub async fn claim_jobs(
        &self,
        owner: &str,
        now: i64,
        lease: i64,
        limit: i64,
    ) -> Result<Vec<Job>> {
        let skip_locked = match self.backend {
            Backend::Postgres => "FOR UPDATE SKIP LOCKED",
            Backend::Sqlite => "",
        };
        let sql = format!(
            "UPDATE jobs SET leased_until = $1, lease_owner = $2, attempts = attempts + 1
             WHERE id IN (SELECT id FROM jobs WHERE status = $5 AND due_at <= $3
                          AND (leased_until IS NULL OR leased_until < $3) ORDER BY due_at, id LIMIT $4 {skip_locked})
             RETURNING id, community_id, meeting_id, kind, due_at, status, attempts"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(now + lease)
            .bind(owner)
            .bind(now)
            .bind(limit)
            .bind(JobStatus::Pending.as_str())
            .fetch_all(&self.pool)
            .await
            .context("claiming due jobs")?;
        let mut jobs: Vec<Job> = rows.iter().map(Job::from_row).collect::<Result<_>>()?;
        jobs.sort_by_key(|j| (j.due_at, j.id));
        Ok(jobs)
    }

    /// Renews `owner`'s lease on a running job until `until`; false when it was lost.
    pub async fn renew_job(&self, id: i64, owner: &str, until: i64) -> Result<bool> {
        let r = sqlx::query(
            "UPDATE jobs SET leased_until = $1 WHERE id = $2 AND lease_owner = $3 AND status = $4",
        )
        .bind(until)
        .bind(id)
        .bind(owner)
        .bind(JobStatus::Pending.as_str())
        .execute(&self.pool)
        .await
        .context("renewing the lease on a job")?;
        Ok(r.rows_affected() == 1)
    }

    /// Marks a claimed job done or skipped, inside the transaction that queued its mail.
    /// Returns false if the lease was lost meanwhile (another daemon took over): the caller
    /// must then roll back.
    pub async fn finish_job(
        &self,
        conn: &mut AnyConnection,
        id: i64,
        owner: &str,
        status: JobStatus,
        detail: &str,
        now: i64,
    ) -> Result<bool> {
        let r = sqlx::query(
            "UPDATE jobs SET status = $1, detail = $2, done_at = $3, leased_until = NULL
             WHERE id = $4 AND lease_owner = $5 AND status = $6",
        )
        .bind(status.as_str())
        .bind(detail)
        .bind(now)
        .bind(id)
        .bind(owner)
        .bind(JobStatus::Pending.as_str())
        .execute(&mut *conn)
        .await
        .context("finishing a job")?;
        Ok(r.rows_affected() == 1)
    }

    pub async fn jobs(&self, community_id: i64, include_finished: bool) -> Result<Vec<Job>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{JOB_SELECT} WHERE community_id = $1 AND ($2 = 1 OR status = $3) ORDER BY due_at, id"
        )))
        .bind(community_id)
        .bind(include_finished as i64)
        .bind(JobStatus::Pending.as_str())
        .fetch_all(&self.pool)
        .await
        .context("listing jobs")?;
        rows.iter().map(Job::from_row).collect()
    }

    pub async fn next_job_due(&self) -> Result<Option<i64>> {
        // A job another daemon holds is due again only when its lease runs out: a standby
        // daemon sleeps until then instead of looking every second.
        let row = sqlx::query("SELECT MIN(CASE WHEN leased_until IS NOT NULL AND leased_until > due_at THEN leased_until ELSE due_at END) AS due FROM jobs WHERE status = $1")
            .bind(JobStatus::Pending.as_str())
            .fetch_one(&self.pool)
            .await
            .context("finding the next job")?;
        Ok(row.try_get::<Option<i64>, _>("due")?)
    }

    /// Whether a community has a pending job of this kind.
    pub async fn has_pending_job(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        kind: JobKind,
    ) -> Result<bool> {
        let row = sqlx::query("SELECT 1 AS one FROM jobs WHERE community_id = $1 AND kind = $2 AND status = $3 LIMIT 1")
            .bind(community_id)
            .bind(kind.as_str())
            .bind(JobStatus::Pending.as_str())
            .fetch_optional(&mut *conn)
            .await
            .context("looking for a pending job")?;
        Ok(row.is_some())
    }

    /// The latest digest job of a community (to schedule the next one after it).
    pub async fn last_digest_due(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        kind: JobKind,
    ) -> Result<Option<i64>> {
        let row = sqlx::query(
            "SELECT MAX(due_at) AS due FROM jobs WHERE community_id = $1 AND kind = $2",
        )
        .bind(community_id)
        .bind(kind.as_str())
        .fetch_one(&mut *conn)
        .await
        .context("finding the last digest")?;
        Ok(row.try_get::<Option<i64>, _>("due")?)
    }

    /// When the community's last digest went out, if one ever did.
    pub async fn last_digest_done(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
    ) -> Result<Option<i64>> {
        let row = sqlx::query(
            "SELECT MAX(done_at) AS done FROM jobs WHERE community_id = $1 AND kind = $2 AND status = $3",
        )
        .bind(community_id)
        .bind(JobKind::Digest.as_str())
        .bind(JobStatus::Done.as_str())
        .fetch_one(&mut *conn)
        .await
        .context("finding when the last digest went out")?;
        Ok(row.try_get::<Option<i64>, _>("done")?)
    }

    /// How much happened in a community after `since` that a digest would tell: topics
    /// proposed, +1s given, meetings planned, moved or cancelled.
    pub async fn news_since(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        since: i64,
    ) -> Result<i64> {
        self.flush_deferred(conn).await?;
        let row = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM topics WHERE community_id = $1 AND created_at > $2)
                  + (SELECT COUNT(*) FROM votes v JOIN topics t ON t.id = v.topic_id
                     WHERE t.community_id = $1 AND v.voted_at > $2)
                  + (SELECT COUNT(*) FROM meetings WHERE community_id = $1 AND updated_at > $2) AS news",
        )
        .bind(community_id)
        .bind(since)
        .fetch_one(&mut *conn)
        .await
        .context("counting what happened since the last digest")?;
        Ok(row.try_get("news")?)
    }

    // ---- topics and votes --------------------------------------------------------------

    /// Adds a topic with the community's next number; returns the number.
    #[allow(clippy::too_many_arguments)] // one argument per column
    pub async fn add_topic(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        title: &str,
        details: Option<&str>,
        proposer_id: i64,
        meeting_id: Option<i64>,
        now: i64,
    ) -> Result<i64> {
        // In a batch: numbered from what the batch read, written at its end (`store::deferred`).
        if let Some(n) = self
            .keep_topic(
                conn,
                community_id,
                title,
                details,
                proposer_id,
                meeting_id,
                now,
            )
            .await?
        {
            return Ok(n);
        }
        let row = sqlx::query(
            "INSERT INTO topics (community_id, number, title, details, proposer_id, status, created_at, first_meeting_id)
             VALUES ($1, (SELECT COALESCE(MAX(number), 0) + 1 FROM topics WHERE community_id = $1), $2, $3, $4, $7, $5, $6)
             RETURNING number",
        )
        .bind(community_id)
        .bind(title)
        .bind(details)
        .bind(proposer_id)
        .bind(now)
        .bind(meeting_id)
        .bind(TopicStatus::Open.as_str())
        .fetch_one(&mut *conn)
        .await
        .context("adding a topic")?;
        Ok(row.try_get("number")?)
    }

    /// A +1 by a person for an open topic by number: the topic's title, or `None` when there
    /// is no such open topic; voting twice counts once.
    pub async fn vote(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        number: i64,
        person_id: i64,
        now: i64,
    ) -> Result<Option<String>> {
        // In a batch: checked against what the batch read, written at its end.
        if let Some(title) = self
            .keep_vote(conn, community_id, number, person_id, now)
            .await?
        {
            return Ok(title);
        }
        let row = sqlx::query(
            "SELECT id, title FROM topics WHERE community_id = $1 AND number = $2 AND status = $3",
        )
        .bind(community_id)
        .bind(number)
        .bind(TopicStatus::Open.as_str())
        .fetch_optional(&mut *conn)
        .await
        .context("finding a topic")?;
        let Some(row) = row else { return Ok(None) };
        let topic_id: i64 = row.try_get("id")?;
        sqlx::query("INSERT INTO votes (topic_id, person_id, voted_at) VALUES ($1, $2, $3) ON CONFLICT (topic_id, person_id) DO NOTHING")
            .bind(topic_id)
            .bind(person_id)
            .bind(now)
            .execute(&mut *conn)
            .await
            .context("recording a vote")?;
        Ok(Some(row.try_get("title")?))
    }

    /// Open topics, ranked: most votes first, ties older first.
    pub async fn open_topics(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
    ) -> Result<Vec<TopicRow>> {
        self.flush_deferred(conn).await?;
        let rows = sqlx::query(
            "SELECT t.id, t.number, t.title, t.details, t.status, t.created_at, t.first_meeting_id,
                    COALESCE(p.name, p.address) AS proposer,
                    (SELECT COUNT(*) FROM votes v WHERE v.topic_id = t.id) AS votes
             FROM topics t LEFT JOIN people p ON p.id = t.proposer_id
             WHERE t.community_id = $1 AND t.status = $2
             ORDER BY votes DESC, t.created_at, t.number",
        )
        .bind(community_id)
        .bind(TopicStatus::Open.as_str())
        .fetch_all(&mut *conn)
        .await
        .context("listing open topics")?;
        rows.iter()
            .map(|r| {
                Ok(TopicRow {
                    id: r.try_get("id")?,
                    number: r.try_get("number")?,
                    title: r.try_get("title")?,
                    details: r.try_get("details")?,
                    proposer: r.try_get("proposer")?,
                    status: stored(r, "topics", "status", TopicStatus::parse)?,
                    created_at: r.try_get("created_at")?,
                    first_meeting_id: r.try_get("first_meeting_id")?,
                    votes: r.try_get("votes")?,
                })
            })
            .collect()
    }

    /// Sets an open topic's status (closed, deferred); false when there is no such open topic.
    pub async fn set_topic_status(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        number: i64,
        status: TopicStatus,
    ) -> Result<bool> {
        // The topic may be one the batch keeps; the batch's books no longer hold.
        self.flush_deferred(conn).await?;
        super::deferred::topics_changed();
        let r = sqlx::query(
            "UPDATE topics SET status = $1 WHERE community_id = $2 AND number = $3 AND status = $4",
        )
        .bind(status.as_str())
        .bind(community_id)
        .bind(number)
        .bind(TopicStatus::Open.as_str())
        .execute(&mut *conn)
        .await
        .context("changing a topic")?;
        Ok(r.rows_affected() == 1)
    }

    // ---- takeaways and attendance ------------------------------------------------------
    // (a takeaway is added by `add_takeaway`, in `store::deferred`: a batch writes its own at
    // its end)

    /// Takeaways no digest has carried yet, oldest meeting first.
    pub async fn undigested_takeaways(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
    ) -> Result<Vec<TakeawayRow>> {
        self.flush_deferred(conn).await?;
        let rows = sqlx::query(
            "SELECT k.id, k.meeting_id, COALESCE(p.name, p.address) AS author, k.text, k.created_at
             FROM takeaways k JOIN meetings m ON m.id = k.meeting_id JOIN people p ON p.id = k.person_id
             WHERE m.community_id = $1 AND k.digest_job_id IS NULL ORDER BY m.starts_at, k.id",
        )
        .bind(community_id)
        .fetch_all(&mut *conn)
        .await
        .context("listing takeaways")?;
        rows.iter()
            .map(|r| {
                Ok(TakeawayRow {
                    id: r.try_get("id")?,
                    meeting_id: r.try_get("meeting_id")?,
                    author: r.try_get("author")?,
                    text: r.try_get("text")?,
                    created_at: r.try_get("created_at")?,
                })
            })
            .collect()
    }

    pub async fn mark_digested(
        &self,
        conn: &mut AnyConnection,
        ids: &[i64],
        job_id: i64,
    ) -> Result<()> {
        for id in ids {
            sqlx::query(
                "UPDATE takeaways SET digest_job_id = $1 WHERE id = $2 AND digest_job_id IS NULL",
            )
            .bind(job_id)
            .bind(*id)
            .execute(&mut *conn)
            .await
            .context("marking takeaways digested")?;
        }
        Ok(())
    }

    pub async fn set_attended(
        &self,
        conn: &mut AnyConnection,
        meeting_id: i64,
        person_ids: &[i64],
    ) -> Result<()> {
        sqlx::query("DELETE FROM attendance WHERE meeting_id = $1")
            .bind(meeting_id)
            .execute(&mut *conn)
            .await
            .context("clearing attendance")?;
        for p in person_ids {
            sqlx::query("INSERT INTO attendance (meeting_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .bind(meeting_id)
                .bind(*p)
                .execute(&mut *conn)
                .await
                .context("recording attendance")?;
        }
        Ok(())
    }

    /// Who attended: the ATTENDED list if the coordinator sent one, else the YES answers.
    /// How many came to each of the community's last `n` meetings that have begun by `now`
    /// (oldest first): (starts_at, attendees).
    pub async fn recent_attendance(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        now: i64,
        n: i64,
    ) -> Result<Vec<(i64, usize)>> {
        let rows = sqlx::query(
            "SELECT id, starts_at FROM meetings WHERE community_id = $1 AND status IN ($2, $3)
             AND starts_at <= $4 ORDER BY starts_at DESC LIMIT $5",
        )
        .bind(community_id)
        .bind(MeetingStatus::Held.as_str())
        .bind(MeetingStatus::Scheduled.as_str())
        .bind(now)
        .bind(n)
        .fetch_all(&mut *conn)
        .await
        .context("listing the last meetings")?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows.iter().rev() {
            let id: i64 = r.try_get("id")?;
            out.push((
                r.try_get("starts_at")?,
                self.attendees(conn, id).await?.len(),
            ));
        }
        Ok(out)
    }

    pub async fn attendees(&self, conn: &mut AnyConnection, meeting_id: i64) -> Result<Vec<i64>> {
        self.flush_deferred(conn).await?;
        let listed = sqlx::query(
            "SELECT person_id FROM attendance WHERE meeting_id = $1 ORDER BY person_id",
        )
        .bind(meeting_id)
        .fetch_all(&mut *conn)
        .await
        .context("reading attendance")?;
        let rows = if listed.is_empty() {
            sqlx::query("SELECT person_id FROM rsvps WHERE meeting_id = $1 AND response = $2 ORDER BY person_id")
                .bind(meeting_id)
                .bind(response_str(Response::Yes))
                .fetch_all(&mut *conn)
                .await
                .context("reading YES answers")?
        } else {
            listed
        };
        rows.iter().map(|r| Ok(r.try_get("person_id")?)).collect()
    }

    /// Answers of one meeting by person id.
    pub async fn responses(
        &self,
        conn: &mut AnyConnection,
        meeting_id: i64,
    ) -> Result<Vec<(i64, Response)>> {
        self.flush_deferred(conn).await?;
        let rows = sqlx::query("SELECT person_id, response FROM rsvps WHERE meeting_id = $1")
            .bind(meeting_id)
            .fetch_all(&mut *conn)
            .await
            .context("reading answers")?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get("person_id")?,
                    stored(r, "rsvps", "response", parse_response)?,
                ))
            })
            .collect()
    }

    // ---- leases ------------------------------------------------------------------------

    /// Takes or renews the lease `name` for `owner` until `now + ttl`. False while another
    /// owner's lease is still running.
    pub async fn try_lease(&self, name: &str, owner: &str, now: i64, ttl: i64) -> Result<bool> {
        let row = sqlx::query(
            "INSERT INTO leases (name, owner, until) VALUES ($1, $2, $3)
             ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, until = excluded.until
             WHERE leases.until < $4 OR leases.owner = excluded.owner
             RETURNING owner",
        )
        .bind(name)
        .bind(owner)
        .bind(now + ttl)
        .bind(now)
        .fetch_optional(&self.pool)
        .await
        .context("taking a lease")?;
        Ok(row.is_some())
    }

    /// When the lease `name` runs out (whoever holds it), if anyone took it.
    pub async fn lease_until(&self, name: &str) -> Result<Option<i64>> {
        let row = sqlx::query("SELECT until FROM leases WHERE name = $1")
            .bind(name)
            .fetch_optional(&self.pool)
            .await
            .context("reading a lease")?;
        row.map(|r| Ok(r.try_get::<i64, _>("until")?)).transpose()
    }

    pub async fn release_lease(&self, name: &str, owner: &str) -> Result<()> {
        sqlx::query("DELETE FROM leases WHERE name = $1 AND owner = $2")
            .bind(name)
            .bind(owner)
            .execute(&self.pool)
            .await
            .context("releasing a lease")?;
        Ok(())
    }
}
