//! The store: the only module that knows SQL.
//!
//! **One decision, made once:** the store runs portable runtime queries through sqlx's `Any`
//! driver, the same SQL text on SQLite and PostgreSQL (`$1` binds, `UPDATE … RETURNING`,
//! `ON CONFLICT`, which both accept), so the one test suite that runs on both backends tests
//! every query. Where the backends must differ, the store branches on [`Backend`] in the one
//! function that needs it (e.g. `FOR UPDATE SKIP LOCKED` when claiming outbox rows on
//! PostgreSQL). We do not use the compile-time `query!` macros: they check against one database
//! per crate and would need an offline cache per backend. To keep `Any` simple, times are
//! Unix seconds (UTC) in BIGINT columns and flags are text; the schema lives twice
//! (`migrations/sqlite`, `migrations/postgres`) only because id columns are declared
//! differently, and a test keeps the two sets of migrations in step.

use std::str::FromStr;
use std::time::Duration;

use anyhow::{Context as _, Result};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyConnection, AnyPool, Row};

mod confirmations;
mod failures;
mod timeline;
pub use confirmations::{AuditEntry, Confirmation, GuestMark, Hit};
pub use timeline::{Job, TakeawayRow, TopicRow};

use crate::config::CommunityConfig;
use crate::domain::{parse_response, response_str, Address, InboundKind, MailKind, MeetingStatus, OtherMailKind, OutboxStatus, PersonStatus, Response, Role};
use crate::schedule::JobKind;

pub type Tx = sqlx::Transaction<'static, sqlx::Any>;
pub type ResultsConn = sqlx::pool::PoolConnection<sqlx::Any>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    /// One connection whose commits survive a crash of this process but not a power cut (see
    /// [`Store::finish_outbox`]); opened on first use.
    results: AnyPool,
    backend: Backend,
    options: AnyConnectOptions,
}

/// How a pool's connections commit.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Commit {
    /// Durable when COMMIT returns, power cuts included.
    Durable,
    /// Durable against a crash of this process (SQLite: written to the WAL, not yet fsynced;
    /// PostgreSQL: `synchronous_commit = off`, flushed by the server within a fraction of a
    /// second); a power cut may undo the last ones. The next durable commit makes them durable.
    CrashSafe,
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

fn pool_options(backend: Backend, size: u32, commit: Commit) -> AnyPoolOptions {
    AnyPoolOptions::new()
        .max_connections(size)
        .acquire_timeout(Duration::from_secs(10))
        // A SQLite connection is a file in this process: nothing can break it between two
        // uses, so the ping before every acquire (one more round trip to sqlx's worker
        // thread per query outside a transaction) only costs. PostgreSQL keeps it: a
        // server restart leaves dead connections in the pool.
        .test_before_acquire(backend == Backend::Postgres)
        .after_connect(move |conn, _| {
            Box::pin(async move {
                match (backend, commit) {
                    (Backend::Sqlite, _) => {
                        // WAL lets readers run beside the one writer; FULL makes a commit
                        // survive power loss, which "handled" records rely on.
                        sqlx::query("PRAGMA journal_mode = WAL").execute(&mut *conn).await?;
                        let sync = if commit == Commit::Durable { "PRAGMA synchronous = FULL" } else { "PRAGMA synchronous = NORMAL" };
                        sqlx::query(sync).execute(&mut *conn).await?;
                        sqlx::query("PRAGMA busy_timeout = 10000").execute(&mut *conn).await?;
                        sqlx::query("PRAGMA foreign_keys = ON").execute(&mut *conn).await?;
                    }
                    (Backend::Postgres, Commit::CrashSafe) => {
                        sqlx::query("SET synchronous_commit = off").execute(&mut *conn).await?;
                    }
                    (Backend::Postgres, Commit::Durable) => {}
                }
                Ok(())
            })
        })
}

impl Store {
    /// Connects (creating a SQLite file on first run, in WAL mode) and applies migrations.
    pub async fn open(url: &str) -> Result<Store> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") { Backend::Sqlite } else { Backend::Postgres };
        let options = AnyConnectOptions::from_str(url)
            .with_context(|| format!("reading database_url {}", redact_url(url)))?;
        let pool = pool_options(backend, if backend == Backend::Sqlite { 4 } else { 8 }, Commit::Durable)
            .connect_with(options.clone())
            .await
            .with_context(|| format!("connecting to {}", redact_url(url)))?;
        let results = pool_options(backend, 1, Commit::CrashSafe).connect_lazy_with(options.clone());
        let migrator = match backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&pool).await.context("applying migrations")?;
        Ok(Store { pool, results, backend, options })
    }

    /// The same database through connections of its own, opened when first used, in the
    /// runtime that uses them: a thread with a runtime of its own (delivery) must not share
    /// connections with another runtime, because a PostgreSQL socket belongs to the runtime
    /// that opened it and dies with it. Two connections, plus one for delivery results.
    pub fn reconnect(&self) -> Store {
        Store {
            pool: pool_options(self.backend, 2, Commit::Durable).connect_lazy_with(self.options.clone()),
            results: pool_options(self.backend, 1, Commit::CrashSafe).connect_lazy_with(self.options.clone()),
            backend: self.backend,
            options: self.options.clone(),
        }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A write transaction. On SQLite it takes the write lock at once (`BEGIN IMMEDIATE`):
    /// a deferred one that read first could not write after another connection committed
    /// (SQLITE_BUSY_SNAPSHOT); waiting for the lock up front is what the busy timeout is for.
    pub async fn begin(&self) -> Result<Tx> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
        .context("starting a transaction")
    }

    pub async fn close(&self) {
        self.results.close().await;
        self.pool.close().await;
    }

    // ---- settings ----------------------------------------------------------------------

    /// The reply-token secret kept in the database, generated on first use.
    pub async fn secret_or_generate(&self) -> Result<String> {
        let fresh = {
            use rand::RngCore;
            let mut b = [0u8; 32];
            rand::rng().fill_bytes(&mut b);
            data_encoding::HEXLOWER.encode(&b)
        };
        sqlx::query("INSERT INTO settings (key, value) VALUES ('secret', $1) ON CONFLICT (key) DO NOTHING")
            .bind(fresh)
            .execute(&self.pool)
            .await
            .context("storing the generated secret")?;
        let row = sqlx::query("SELECT value FROM settings WHERE key = 'secret'")
            .fetch_one(&self.pool)
            .await
            .context("reading the secret")?;
        Ok(row.try_get("value")?)
    }

    // ---- communities -------------------------------------------------------------------

    /// Makes the communities table match the config; returns (slug, id) pairs.
    pub async fn sync_communities(&self, cs: &[CommunityConfig]) -> Result<Vec<(String, i64)>> {
        let mut out = Vec::new();
        for c in cs {
            let row = sqlx::query(
                "INSERT INTO communities (slug, name, address, timezone) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (slug) DO UPDATE SET name = excluded.name, address = excluded.address,
                 timezone = excluded.timezone RETURNING id",
            )
            .bind(&c.slug)
            .bind(&c.name)
            .bind(c.address.as_str())
            .bind(c.timezone.name())
            .fetch_one(&self.pool)
            .await
            .with_context(|| format!("saving community {}", c.slug))?;
            out.push((c.slug.clone(), row.try_get::<i64, _>("id")?));
        }
        Ok(out)
    }

    // ---- people ------------------------------------------------------------------------

    /// Adds a person or, if the address is known, sets their role and name and makes them
    /// active again. Returns the person's id.
    pub async fn upsert_person(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        address: &Address,
        name: Option<&str>,
        role: Role,
        now: i64,
    ) -> Result<i64> {
        let row = sqlx::query(
            "INSERT INTO people (community_id, address, name, role, status, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $6, $5, $5)
             ON CONFLICT (community_id, address) DO UPDATE SET
               name = COALESCE(excluded.name, people.name), role = excluded.role,
               status = excluded.status, updated_at = excluded.updated_at, hard_bounces = 0, soft_bounces = 0
             RETURNING id",
        )
        .bind(community_id)
        .bind(address.as_str())
        .bind(name)
        .bind(role.as_str())
        .bind(now)
        .bind(PersonStatus::Active.as_str())
        .fetch_one(&mut *conn)
        .await
        .with_context(|| format!("saving {address}"))?;
        Ok(row.try_get("id")?)
    }

    /// Counts a bounce for a person; returns their hard bounces so far. A delivery that
    /// works again is not tracked: a coordinator who re-adds someone resets the count.
    pub async fn record_bounce(&self, conn: &mut AnyConnection, person_id: i64, permanent: bool, now: i64) -> Result<i64> {
        let sql = if permanent {
            "UPDATE people SET hard_bounces = hard_bounces + 1, last_bounce_at = $1 WHERE id = $2 RETURNING hard_bounces"
        } else {
            "UPDATE people SET soft_bounces = soft_bounces + 1, last_bounce_at = $1 WHERE id = $2 RETURNING hard_bounces"
        };
        let row = sqlx::query(sql).bind(now).bind(person_id).fetch_one(&mut *conn).await.context("recording a bounce")?;
        Ok(row.try_get("hard_bounces")?)
    }

    pub async fn set_status(&self, conn: &mut AnyConnection, person_id: i64, status: PersonStatus, now: i64) -> Result<()> {
        sqlx::query("UPDATE people SET status = $1, updated_at = $2 WHERE id = $3")
            .bind(status.as_str())
            .bind(now)
            .bind(person_id)
            .execute(&mut *conn)
            .await
            .context("changing a person's status")?;
        Ok(())
    }

    /// Marks a person as having left; returns false if nobody had that address.
    pub async fn remove_person(&self, conn: &mut AnyConnection, community_id: i64, address: &Address, now: i64) -> Result<bool> {
        let r = sqlx::query("UPDATE people SET status = $4, updated_at = $1 WHERE community_id = $2 AND address = $3 AND status <> $4")
            .bind(now)
            .bind(community_id)
            .bind(address.as_str())
            .bind(PersonStatus::Left.as_str())
            .execute(&mut *conn)
            .await
            .context("removing a person")?;
        Ok(r.rows_affected() > 0)
    }

    pub async fn people(&self, community_id: i64) -> Result<Vec<Person>> {
        self.people_in(&mut *self.pool.acquire().await.context("listing people")?, community_id).await
    }

    /// Everyone of a community as the caller's transaction sees them (rules run inside one,
    /// and a batch of inbound messages shares one: earlier messages' changes are not committed
    /// yet, so a read on another connection would miss them).
    pub async fn people_in(&self, conn: &mut AnyConnection, community_id: i64) -> Result<Vec<Person>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!("{PERSON_SELECT} WHERE community_id = $1 ORDER BY role, address")))
            .bind(community_id)
            .fetch_all(&mut *conn)
            .await
            .context("listing people")?;
        rows.iter().map(Person::from_row).collect()
    }

    pub async fn person_by_address(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        address: &Address,
    ) -> Result<Option<Person>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!("{PERSON_SELECT} WHERE community_id = $1 AND address = $2")))
            .bind(community_id)
            .bind(address.as_str())
            .fetch_optional(&mut *conn)
            .await
            .context("looking up a person")?;
        row.as_ref().map(Person::from_row).transpose()
    }

    pub async fn person_by_id(&self, conn: &mut AnyConnection, id: i64) -> Result<Option<Person>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!("{PERSON_SELECT} WHERE id = $1")))
            .bind(id)
            .fetch_optional(&mut *conn)
            .await
            .context("looking up a person")?;
        row.as_ref().map(Person::from_row).transpose()
    }

    /// Active members, coordinators and guests who get the group's mail.
    pub async fn active_people(&self, conn: &mut AnyConnection, community_id: i64) -> Result<Vec<Person>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{PERSON_SELECT} WHERE community_id = $1 AND status = $2 AND role IN ($3, $4) ORDER BY id"
        )))
        .bind(community_id)
        .bind(PersonStatus::Active.as_str())
        .bind(Role::Member.as_str())
        .bind(Role::Coordinator.as_str())
        .fetch_all(&mut *conn)
        .await
        .context("listing active members")?;
        rows.iter().map(Person::from_row).collect()
    }

    /// The active coordinators of a community (a few rows, where `active_people` reads them all).
    pub async fn coordinators(&self, conn: &mut AnyConnection, community_id: i64) -> Result<Vec<Person>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{PERSON_SELECT} WHERE community_id = $1 AND status = $2 AND role = $3 ORDER BY id"
        )))
        .bind(community_id)
        .bind(PersonStatus::Active.as_str())
        .bind(Role::Coordinator.as_str())
        .fetch_all(&mut *conn)
        .await
        .context("listing coordinators")?;
        rows.iter().map(Person::from_row).collect()
    }

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
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!("{MEETING_SELECT} WHERE community_id = $1 ORDER BY starts_at")))
            .bind(community_id)
            .fetch_all(&self.pool)
            .await
            .context("listing meetings")?;
        rows.iter().map(Meeting::from_row).collect()
    }

    pub async fn meeting(&self, conn: &mut AnyConnection, id: i64) -> Result<Option<Meeting>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!("{MEETING_SELECT} WHERE id = $1")))
            .bind(id)
            .fetch_optional(&mut *conn)
            .await
            .context("reading a meeting")?;
        row.as_ref().map(Meeting::from_row).transpose()
    }

    /// The next scheduled meeting that has not started more than `grace` seconds ago.
    pub async fn next_meeting(&self, conn: &mut AnyConnection, community_id: i64, now: i64) -> Result<Option<Meeting>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{MEETING_SELECT} WHERE community_id = $1 AND status = $3 AND starts_at >= $2 ORDER BY starts_at LIMIT 1"
        )))
        .bind(community_id)
        .bind(now - 6 * 3600)
        .bind(MeetingStatus::Scheduled.as_str())
        .fetch_optional(&mut *conn)
        .await
        .context("finding the next meeting")?;
        row.as_ref().map(Meeting::from_row).transpose()
    }

    /// The scheduled meeting of a community starting at exactly `starts_at`, if any.
    pub async fn meeting_at(&self, conn: &mut AnyConnection, community_id: i64, starts_at: i64) -> Result<Option<Meeting>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!("{MEETING_SELECT} WHERE community_id = $1 AND starts_at = $2 AND status = $3")))
            .bind(community_id)
            .bind(starts_at)
            .bind(MeetingStatus::Scheduled.as_str())
            .fetch_optional(&mut *conn)
            .await
            .context("finding a meeting by time")?;
        row.as_ref().map(Meeting::from_row).transpose()
    }

    /// Moves a meeting and bumps its SEQUENCE.
    pub async fn move_meeting(&self, conn: &mut AnyConnection, id: i64, starts_at: i64, place: Option<&str>, now: i64) -> Result<()> {
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

    /// The most recent meeting that started before `now` (takeaways belong to it).
    pub async fn last_meeting_before(&self, conn: &mut AnyConnection, community_id: i64, now: i64) -> Result<Option<Meeting>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{MEETING_SELECT} WHERE community_id = $1 AND status = $3 AND starts_at <= $2 ORDER BY starts_at DESC LIMIT 1"
        )))
        .bind(community_id)
        .bind(now)
        .bind(MeetingStatus::Scheduled.as_str())
        .fetch_optional(&mut *conn)
        .await
        .context("finding the last meeting")?;
        row.as_ref().map(Meeting::from_row).transpose()
    }

    /// Everyone who got the announcement or an invitation of a meeting.
    pub async fn invited_people(&self, conn: &mut AnyConnection, meeting_id: i64) -> Result<Vec<Person>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{PERSON_SELECT} WHERE id IN (SELECT person_id FROM outbox WHERE meeting_id = $1 AND kind IN ($2, $3)) ORDER BY id"
        )))
        .bind(meeting_id)
        .bind(JobKind::Announcement.as_str())
        .bind(OtherMailKind::Invitation.as_str())
        .fetch_all(&mut *conn)
        .await
        .context("listing those invited")?;
        rows.iter().map(Person::from_row).collect()
    }

    pub async fn cancel_meeting(&self, conn: &mut AnyConnection, community_id: i64, id: i64, now: i64) -> Result<bool> {
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
        sqlx::query(
            "INSERT INTO rsvps (meeting_id, person_id, response, note, answered_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (meeting_id, person_id) DO UPDATE SET response = excluded.response,
               note = excluded.note, answered_at = excluded.answered_at",
        )
        .bind(meeting_id)
        .bind(person_id)
        .bind(response_str(response))
        .bind(note)
        .bind(now)
        .execute(&mut *conn)
        .await
        .context("recording an RSVP")?;
        Ok(())
    }

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

    // ---- inbound log -------------------------------------------------------------------

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
    pub async fn inbound_seen_among(&self, conn: &mut AnyConnection, keys: &[&str]) -> Result<std::collections::HashSet<String>> {
        let mut seen = std::collections::HashSet::new();
        // Well under SQLite's and PostgreSQL's limits on bound parameters.
        for chunk in keys.chunks(500) {
            let marks = (1..=chunk.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
            let sql = format!("SELECT dedup_key FROM inbound WHERE dedup_key IN ({marks})");
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for k in chunk {
                q = q.bind(*k);
            }
            for r in q.fetch_all(&mut *conn).await.context("checking the inbound log")? {
                seen.insert(r.try_get::<String, _>("dedup_key")?);
            }
        }
        Ok(seen)
    }

    pub async fn record_inbound(&self, conn: &mut AnyConnection, r: &InboundRecord<'_>) -> Result<()> {
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

    // ---- outbox ------------------------------------------------------------------------

    /// Queues one rendered mail. Returns false (and changes nothing) if a mail with the same
    /// dedup key was queued before: each job × recipient exists once.
    /// The bytes go to `outbox_bodies`, so that claiming and recording (which change the row)
    /// never rewrite them.
    pub async fn enqueue(&self, conn: &mut AnyConnection, m: &OutMail, now: i64) -> Result<bool> {
        let row = sqlx::query(
            "INSERT INTO outbox (dedup_key, community_id, meeting_id, person_id, kind, recipient, envelope_from,
               message_id, subject, status, attempts, created_at, next_attempt_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $11, 0, $10, $10)
             ON CONFLICT (dedup_key) DO NOTHING RETURNING id",
        )
        .bind(&m.dedup_key)
        .bind(m.community_id)
        .bind(m.meeting_id)
        .bind(m.person_id)
        .bind(m.kind.as_str())
        .bind(&m.recipient)
        .bind(&m.envelope_from)
        .bind(&m.message_id)
        .bind(&m.subject)
        .bind(now)
        .bind(OutboxStatus::Pending.as_str())
        .fetch_optional(&mut *conn)
        .await
        .with_context(|| format!("queueing {} mail to {}", m.kind, m.recipient))?;
        let Some(row) = row else { return Ok(false) };
        let id: i64 = row.try_get("id")?;
        sqlx::query("INSERT INTO outbox_bodies (outbox_id, body) VALUES ($1, $2)")
            .bind(id)
            .bind(&m.body)
            .execute(&mut *conn)
            .await
            .with_context(|| format!("queueing {} mail to {}", m.kind, m.recipient))?;
        Ok(true)
    }

    /// Claims up to `limit` due rows for `owner` until `now + lease`. One statement, so two
    /// daemons never claim the same row; an expired lease makes a crashed daemon's rows due
    /// again. On PostgreSQL, `SKIP LOCKED` lets concurrent claimers pass each other. Oldest due
    /// first, in the order of the `outbox_due` index (status, next_attempt_at; SQLite's index
    /// ends in the row id), so the first rows are found without sorting every pending one.
    pub async fn claim_outbox(&self, owner: &str, now: i64, lease: i64, limit: i64) -> Result<Vec<Claimed>> {
        let skip_locked = match self.backend {
            Backend::Postgres => "FOR UPDATE SKIP LOCKED",
            Backend::Sqlite => "",
        };
        let sql = format!(
            "UPDATE outbox SET leased_until = $1, lease_owner = $2, attempts = attempts + 1
             WHERE id IN (SELECT id FROM outbox WHERE status = $5 AND next_attempt_at <= $3
                          AND (leased_until IS NULL OR leased_until < $3) ORDER BY next_attempt_at, id LIMIT $4 {skip_locked})
             RETURNING id, recipient, envelope_from, attempts, created_at, kind, message_id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(now + lease)
            .bind(owner)
            .bind(now)
            .bind(limit)
            .bind(OutboxStatus::Pending.as_str())
            .fetch_all(&self.pool)
            .await
            .context("claiming outbox rows")?;
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        // The bytes of the claimed rows (they never change, so no lock is needed to read them).
        let ids: Vec<i64> = rows.iter().map(|r| r.try_get::<i64, _>("id")).collect::<Result<_, _>>()?;
        let list = ids.iter().map(|id| id.to_string()).collect::<Vec<_>>().join(",");
        let mut bodies: std::collections::HashMap<i64, Vec<u8>> = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT outbox_id, body FROM outbox_bodies WHERE outbox_id IN ({list})"
        )))
        .fetch_all(&self.pool)
        .await
        .context("reading claimed mail")?
        .iter()
        .map(|r| Ok((r.try_get::<i64, _>("outbox_id")?, r.try_get::<Vec<u8>, _>("body")?)))
        .collect::<Result<_>>()?;
        let mut out: Vec<Claimed> = rows
            .iter()
            .map(|r| {
                let id: i64 = r.try_get("id")?;
                Ok(Claimed {
                    id,
                    recipient: r.try_get("recipient")?,
                    envelope_from: r.try_get("envelope_from")?,
                    body: bodies.remove(&id).with_context(|| format!("outbox row {id} has no body"))?,
                    attempts: r.try_get("attempts")?,
                    created_at: r.try_get("created_at")?,
                    kind: stored(r, "outbox", "kind", MailKind::parse)?,
                    message_id: r.try_get("message_id")?,
                })
            })
            .collect::<Result<_>>()?;
        out.sort_by_key(|c| c.id);
        Ok(out)
    }

    /// Records the outcome of a batch of sends in one transaction. Only rows still leased by
    /// `owner` are changed, so a daemon whose lease ran out can't overwrite another's result.
    /// The sent rows (nearly all of them) are marked by one statement, so a batch that only
    /// sent costs one statement and one commit, whatever its size.
    ///
    /// These commits are crash-safe, not power-safe ([`Commit::CrashSafe`]): a crash of this
    /// process loses none of them, so it repeats at most the mails in flight; a power cut may
    /// undo the results recorded since the last durable commit — at the latest the claim of
    /// the next batch — and those mails go out once more. What a durable commit per result
    /// would buy (no repeat after a power cut) cost two thirds of the delivery rate on SQLite
    /// (BENCHMARKS.md); a recipient getting a mail twice after a power cut is the lesser harm.
    ///
    /// `conn` comes from [`Store::results_connection`], held by the caller across commits.
    pub async fn finish_outbox(&self, conn: &mut AnyConnection, owner: &str, results: &[(i64, SendOutcome)], now: i64) -> Result<()> {
        let sent: Vec<i64> = results.iter().filter(|(_, o)| *o == SendOutcome::Sent).map(|(id, _)| *id).collect();
        let others: Vec<&(i64, SendOutcome)> = results.iter().filter(|(_, o)| *o != SendOutcome::Sent).collect();
        if others.is_empty() && sent.len() <= SENT_PER_STATEMENT {
            // One statement is atomic by itself: no BEGIN/COMMIT round trips.
            if !sent.is_empty() {
                self.mark_sent(conn, owner, &sent, now).await?;
            }
            return Ok(());
        }
        let mut tx = match self.backend {
            Backend::Sqlite => sqlx::Connection::begin_with(conn, "BEGIN IMMEDIATE").await,
            Backend::Postgres => sqlx::Connection::begin(conn).await,
        }
        .context("starting a transaction")?;
        for chunk in sent.chunks(SENT_PER_STATEMENT) {
            self.mark_sent(&mut tx, owner, chunk, now).await?;
        }
        for (id, outcome) in others {
            let q = match outcome {
                SendOutcome::Sent => continue,
                SendOutcome::Retry { at, error } => sqlx::query(
                    "UPDATE outbox SET next_attempt_at = $1, last_error = $2, leased_until = NULL
                     WHERE id = $3 AND lease_owner = $4",
                )
                .bind(*at)
                .bind(error.as_str()),
                SendOutcome::Failed { error } => sqlx::query(
                    "UPDATE outbox SET status = $1, last_error = $2, leased_until = NULL
                     WHERE id = $3 AND lease_owner = $4",
                )
                .bind(OutboxStatus::Failed.as_str())
                .bind(error.as_str()),
            };
            let q = q.bind(*id).bind(owner);
            q.execute(&mut *tx).await.context("recording a delivery")?;
        }
        tx.commit().await.context("committing delivery results")?;
        Ok(())
    }

    /// The connection delivery records its results on. Held across commits: sqlx pings a
    /// pooled connection each time it goes back to its pool, one more round trip per commit.
    pub async fn results_connection(&self) -> Result<ResultsConn> {
        self.results.acquire().await.context("connecting to the database to record delivery results")
    }

    async fn mark_sent(&self, conn: &mut AnyConnection, owner: &str, ids: &[i64], now: i64) -> Result<()> {
        // The ids are our own integers, written as literals: one statement for any number of rows.
        let list = ids.iter().map(|id| id.to_string()).collect::<Vec<_>>().join(",");
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE outbox SET status = $3, sent_at = $1, leased_until = NULL, last_error = NULL
             WHERE lease_owner = $2 AND id IN ({list})"
        )))
        .bind(now)
        .bind(owner)
        .bind(OutboxStatus::Sent.as_str())
        .execute(&mut *conn)
        .await
        .context("recording deliveries")?;
        Ok(())
    }

    /// Gives claimed rows back unsent: due again at once, the claim not counted as an attempt.
    pub async fn release_outbox(&self, owner: &str, ids: &[i64]) -> Result<()> {
        if ids.is_empty() {
            return Ok(());
        }
        // Our own integers, written as literals (as in mark_sent).
        let list = ids.iter().map(|id| id.to_string()).collect::<Vec<_>>().join(",");
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE outbox SET leased_until = NULL, attempts = attempts - 1
             WHERE lease_owner = $1 AND status = $2 AND id IN ({list})"
        )))
        .bind(owner)
        .bind(OutboxStatus::Pending.as_str())
        .execute(&self.pool)
        .await
        .context("giving back claimed mail")?;
        Ok(())
    }

    /// When the next pending row falls due (for the delivery loop's sleep).
    pub async fn next_outbox_due(&self) -> Result<Option<i64>> {
        let row = sqlx::query(
            "SELECT MIN(CASE WHEN leased_until IS NOT NULL AND leased_until > next_attempt_at THEN leased_until ELSE next_attempt_at END) AS due
             FROM outbox WHERE status = $1",
        )
        .bind(OutboxStatus::Pending.as_str())
        .fetch_one(&self.pool)
        .await
        .context("finding the next due mail")?;
        Ok(row.try_get::<Option<i64>, _>("due")?)
    }

    pub async fn outbox(&self, status: Option<OutboxStatus>, limit: i64) -> Result<Vec<OutboxEntry>> {
        let rows = sqlx::query(
            "SELECT id, kind, recipient, subject, status, attempts, created_at, next_attempt_at, last_error, sent_at, message_id
             FROM outbox WHERE ($1 = '' OR status = $1) ORDER BY id DESC LIMIT $2",
        )
        .bind(status.map_or("", OutboxStatus::as_str))
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .context("listing the outbox")?;
        rows.iter()
            .map(|r| {
                Ok(OutboxEntry {
                    id: r.try_get("id")?,
                    kind: stored(r, "outbox", "kind", MailKind::parse)?,
                    recipient: r.try_get("recipient")?,
                    subject: r.try_get("subject")?,
                    status: stored(r, "outbox", "status", OutboxStatus::parse)?,
                    attempts: r.try_get("attempts")?,
                    created_at: r.try_get("created_at")?,
                    next_attempt_at: r.try_get("next_attempt_at")?,
                    last_error: r.try_get("last_error")?,
                    sent_at: r.try_get("sent_at")?,
                    message_id: r.try_get("message_id")?,
                })
            })
            .collect()
    }

    /// Puts failed rows (all, or one id) back in the queue, due now. Returns how many.
    pub async fn retry_outbox(&self, id: Option<i64>, now: i64) -> Result<u64> {
        let r = sqlx::query(
            "UPDATE outbox SET status = $3, next_attempt_at = $1, leased_until = NULL, attempts = 0, created_at = $1
             WHERE status = $4 AND ($2 = 0 OR id = $2)",
        )
        .bind(now)
        .bind(id.unwrap_or(0))
        .bind(OutboxStatus::Pending.as_str())
        .bind(OutboxStatus::Failed.as_str())
        .execute(&self.pool)
        .await
        .context("re-queueing failed mail")?;
        Ok(r.rows_affected())
    }

    /// How many automatic answers went to `recipient` since `since` (for the per-sender throttle).
    pub async fn answers_since(&self, conn: &mut AnyConnection, recipient: &str, since: i64) -> Result<i64> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM outbox WHERE recipient = $1 AND created_at >= $2
             AND kind IN ($3, $4, $5)",
        )
        .bind(recipient)
        .bind(since)
        .bind(OtherMailKind::Confirmation.as_str())
        .bind(OtherMailKind::Question.as_str())
        .bind(OtherMailKind::CommandResult.as_str())
        .fetch_one(&mut *conn)
        .await
        .context("counting recent answers")?;
        Ok(row.try_get("n")?)
    }

    /// What one of our Message-IDs was (to place a reply that has no token).
    pub async fn sent_message(&self, conn: &mut AnyConnection, message_id: &str) -> Result<Option<SentRef>> {
        let row = sqlx::query("SELECT kind, meeting_id, person_id, community_id FROM outbox WHERE message_id = $1 LIMIT 1")
            .bind(message_id)
            .fetch_optional(&mut *conn)
            .await
            .context("looking up a Message-ID")?;
        row.map(|r| {
            Ok(SentRef {
                kind: stored(&r, "outbox", "kind", MailKind::parse)?,
                meeting_id: r.try_get("meeting_id")?,
                person_id: r.try_get("person_id")?,
                community_id: r.try_get("community_id")?,
            })
        })
        .transpose()
    }
}

/// Hides the password of a database URL in messages.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}://{}:***@{}", &url[..s], user, &url[at + 1..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// A text column read through its one mapping (`parse`, see `crate::domain`): a value the code
/// doesn't know is an error naming the column and the value.
pub(crate) fn stored<T>(r: &sqlx::any::AnyRow, table: &str, column: &str, parse: fn(&str) -> Option<T>) -> Result<T> {
    let text: String = r.try_get(column)?;
    parse(&text).with_context(|| format!("unknown value {text:?} in {table}.{column}"))
}

/// Ids per "mark sent" statement (well under both backends' limits on statement size).
const SENT_PER_STATEMENT: usize = 500;

pub(crate) const PERSON_SELECT: &str = "SELECT id, community_id, address, name, role, status FROM people";
const MEETING_SELECT: &str =
    "SELECT id, community_id, starts_at, place, status, sequence, thread_id FROM meetings";

#[derive(Clone, Debug)]
pub struct Person {
    pub id: i64,
    pub community_id: i64,
    pub address: Address,
    pub name: Option<String>,
    pub role: Role,
    pub status: PersonStatus,
}

impl Person {
    fn from_row(r: &sqlx::any::AnyRow) -> Result<Person> {
        let address: String = r.try_get("address")?;
        Ok(Person {
            id: r.try_get("id")?,
            community_id: r.try_get("community_id")?,
            address: Address::parse(&address).map_err(anyhow::Error::from)?,
            name: r.try_get("name")?,
            role: stored(r, "people", "role", Role::parse)?,
            status: stored(r, "people", "status", PersonStatus::parse)?,
        })
    }

    /// The name to greet them with.
    pub fn display_name(&self) -> &str {
        self.name.as_deref().filter(|n| !n.is_empty()).unwrap_or(self.address.local())
    }
}

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

/// A rendered mail ready for the outbox.
#[derive(Clone, Debug)]
pub struct OutMail {
    pub dedup_key: String,
    pub community_id: Option<i64>,
    pub meeting_id: Option<i64>,
    pub person_id: Option<i64>,
    pub kind: MailKind,
    pub recipient: String,
    pub envelope_from: String,
    pub message_id: String,
    pub subject: String,
    pub body: Vec<u8>,
}

#[derive(Clone, Debug)]
pub struct Claimed {
    pub id: i64,
    pub recipient: String,
    pub envelope_from: String,
    pub body: Vec<u8>,
    pub attempts: i64,
    pub created_at: i64,
    pub kind: MailKind,
    pub message_id: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SendOutcome {
    Sent,
    Retry { at: i64, error: String },
    Failed { error: String },
}

#[derive(Clone, Debug)]
pub struct OutboxEntry {
    pub id: i64,
    pub kind: MailKind,
    pub recipient: String,
    pub subject: String,
    pub status: OutboxStatus,
    pub attempts: i64,
    pub created_at: i64,
    pub next_attempt_at: i64,
    pub last_error: Option<String>,
    pub sent_at: Option<i64>,
    pub message_id: String,
}

#[derive(Clone, Debug)]
pub struct SentRef {
    pub kind: MailKind,
    pub meeting_id: Option<i64>,
    pub person_id: Option<i64>,
    pub community_id: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_redacted() {
        assert_eq!(redact_url("postgres://rt:s3cret@127.0.0.1:5432/db"), "postgres://rt:***@127.0.0.1:5432/db");
        assert_eq!(redact_url("sqlite:///tmp/x.db"), "sqlite:///tmp/x.db");
    }

    #[test]
    fn both_backends_have_the_same_migrations() {
        let names = |d: &str| {
            let mut v: Vec<_> = std::fs::read_dir(format!("{}/migrations/{d}", env!("CARGO_MANIFEST_DIR")))
                .unwrap()
                .map(|e| e.unwrap().file_name().into_string().unwrap())
                .collect();
            v.sort();
            v
        };
        assert_eq!(names("sqlite"), names("postgres"));
    }
}
