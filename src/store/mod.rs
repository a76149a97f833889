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
use sqlx::{AnyPool, Row};

mod batch;
mod colocate;
mod confirmations;
pub mod deferred;
mod failures;
mod guests;
mod health;
mod inbound;
mod meetings;
pub mod memo;
mod outbox;
mod people;
mod posts;
mod roster;
mod search;
mod timeline;
pub use batch::InboundRow;
pub use colocate::{Colocated, Elsewhere};
pub use confirmations::{AuditEntry, Confirmation, Unusable};
pub use guests::GuestMark;
pub use health::{LastInbound, MailCounts, MailboxLease, SET_ASIDE};
pub use inbound::{InboundEntry, InboundRecord};
pub use meetings::{Meeting, Rsvp};
pub use outbox::{
    is_answer, Claimed, OutMail, OutboxEntry, PostCache, SendOutcome, SentRef, SharedPost,
};
pub use people::Person;
pub use posts::{Conversation, NewPost, PostRow};
pub use roster::RosterEntry;
pub use search::Hit;
pub use timeline::{Job, TakeawayRow, TopicRow};

use crate::config::CommunityConfig;

/// Runs `f`, an inbound batch's transaction, with what the store keeps for one: the people
/// and meetings it read ([`memo`]) and the rows it writes at its end ([`deferred`]).
pub async fn in_batch<F: std::future::Future>(f: F) -> F::Output {
    memo::scope(deferred::scope(f)).await
}

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
    /// On SQLite, the one connection inbound batches write through (see [`Store::begin_batch`]);
    /// on PostgreSQL, `pool`.
    writer: AnyPool,
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

/// Connections for delivery's results: the recorder's, held across its commits, and on
/// PostgreSQL one more, on which the last batch's sent journal is folded meanwhile
/// (`outbox::Delivery::step`).
fn results_connections(backend: Backend) -> u32 {
    match backend {
        Backend::Sqlite => 1,
        Backend::Postgres => 2,
    }
}

fn pool_options(backend: Backend, size: u32, commit: Commit) -> AnyPoolOptions {
    AnyPoolOptions::new()
        .max_connections(size)
        .acquire_timeout(Duration::from_secs(10))
        // A SQLite connection is a file in this process: nothing can break it between two
        // uses, so the ping before every acquire (one more round trip to sqlx's worker
        // thread per query outside a transaction) only costs. PostgreSQL keeps it: a
        // server restart leaves dead connections in the pool.
        .test_before_acquire(backend == Backend::Postgres)
        // A connection still in a transaction when it comes back is closed, not pooled. On
        // SQLite a COMMIT that fails for a full disk (SQLITE_FULL) rolls the transaction back
        // itself; the ROLLBACK sqlx sends then fails ("no transaction is active") and leaves
        // its count of open transactions at 1, so every later BEGIN on that connection failed
        // ("begin_with at non-zero transaction depth") long after space had returned.
        .after_release(|conn, _| {
            Box::pin(async move {
                use sqlx::Connection as _;
                if !conn.is_in_transaction() {
                    return Ok(true);
                }
                // A rollback queued on drop may not have run yet: one round trip lets it.
                conn.ping().await?;
                Ok(!conn.is_in_transaction())
            })
        })
        .after_connect(move |conn, _| {
            Box::pin(async move {
                match (backend, commit) {
                    (Backend::Sqlite, _) => {
                        // WAL lets readers run beside the one writer; FULL makes a commit
                        // survive power loss, which "handled" records rely on.
                        sqlx::query("PRAGMA journal_mode = WAL")
                            .execute(&mut *conn)
                            .await?;
                        let sync = if commit == Commit::Durable {
                            "PRAGMA synchronous = FULL"
                        } else {
                            "PRAGMA synchronous = NORMAL"
                        };
                        sqlx::query(sync).execute(&mut *conn).await?;
                        sqlx::query("PRAGMA busy_timeout = 10000")
                            .execute(&mut *conn)
                            .await?;
                        sqlx::query("PRAGMA foreign_keys = ON")
                            .execute(&mut *conn)
                            .await?;
                    }
                    (Backend::Postgres, Commit::CrashSafe) => {
                        sqlx::query("SET synchronous_commit = off")
                            .execute(&mut *conn)
                            .await?;
                    }
                    (Backend::Postgres, Commit::Durable) => {}
                }
                Ok(())
            })
        })
}

/// The inbound writer's page cache (KiB when negative): 32 MB, against SQLite's default 2 MB.
const WRITER_CACHE: &str = "PRAGMA cache_size = -32768";

/// The connection inbound batches write through: one of its own on SQLite (opened when
/// first used), the pool on PostgreSQL. On SQLite its commits are crash-safe, and the WAL is
/// synced before the batch's messages are acknowledged ([`WalSync`]): off the writer's path.
fn writer_pool(backend: Backend, pool: &AnyPool, options: &AnyConnectOptions) -> AnyPool {
    match backend {
        Backend::Sqlite => {
            pool_options(backend, 1, Commit::CrashSafe).connect_lazy_with(options.clone())
        }
        Backend::Postgres => pool.clone(),
    }
}

/// Whether `e` says the disk under the database or a Maildir is full: SQLite's SQLITE_FULL
/// (code 13, "database or disk is full"), PostgreSQL's disk_full (53100), or ENOSPC/EDQUOT
/// from the file system. Not the message's fault: nothing to count against it, try again later.
pub fn is_storage_full(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        if let Some(sqlx::Error::Database(d)) = cause.downcast_ref::<sqlx::Error>() {
            return matches!(d.code().as_deref(), Some("13" | "53100"))
                || d.message().contains("database or disk is full");
        }
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            return io.kind() == std::io::ErrorKind::StorageFull
                || io.kind() == std::io::ErrorKind::QuotaExceeded
                || io.raw_os_error() == Some(28);
        }
        let text = cause.to_string();
        text.contains("database or disk is full") || text.contains("No space left on device")
    })
}

impl Store {
    /// Connects (creating a SQLite file on first run, in WAL mode) and applies migrations.
    pub async fn open(url: &str) -> Result<Store> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else {
            Backend::Postgres
        };
        let options = AnyConnectOptions::from_str(url)
            .with_context(|| format!("reading database_url {}", redact_url(url)))?;
        let pool = pool_options(
            backend,
            if backend == Backend::Sqlite { 4 } else { 8 },
            Commit::Durable,
        )
        .connect_with(options.clone())
        .await
        .with_context(|| format!("connecting to {}", redact_url(url)))?;
        let results = pool_options(backend, results_connections(backend), Commit::CrashSafe)
            .connect_lazy_with(options.clone());
        let migrator = match backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&pool).await.context("applying migrations")?;
        let writer = writer_pool(backend, &pool, &options);
        Ok(Store {
            pool,
            results,
            writer,
            backend,
            options,
        })
    }

    /// The same database through connections of its own, opened when first used, in the
    /// runtime that uses them: a thread with a runtime of its own (delivery) must not share
    /// connections with another runtime, because a PostgreSQL socket belongs to the runtime
    /// that opened it and dies with it. Two connections, plus those for delivery results.
    pub fn reconnect(&self) -> Store {
        let pool =
            pool_options(self.backend, 2, Commit::Durable).connect_lazy_with(self.options.clone());
        Store {
            writer: writer_pool(self.backend, &pool, &self.options),
            pool,
            results: pool_options(
                self.backend,
                results_connections(self.backend),
                Commit::CrashSafe,
            )
            .connect_lazy_with(self.options.clone()),
            backend: self.backend,
            options: self.options.clone(),
        }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// After many people were added at once (`members import`): PostgreSQL's planner is told
    /// how many there are now. Until autovacuum gets to it (a minute or more), a community
    /// imported into an empty table is planned as a few rows: a batch's senders were then
    /// looked up by scanning all 10,000 of them (~2 ms per lookup instead of ~0.4, issue 14,
    /// BENCHMARKS.md), and so were its coordinators. SQLite plans these by their indexes
    /// alone: nothing to do there.
    pub async fn people_counted(&self) -> Result<()> {
        if self.backend == Backend::Postgres {
            sqlx::query("ANALYZE people")
                .execute(&self.pool)
                .await
                .context("updating the planner's statistics of people")?;
        }
        Ok(())
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

    /// The transaction of a batch of inbound messages (`App::handle_batch`). On SQLite it is
    /// always the same connection, kept open, with a page cache large enough for the pages a
    /// batch touches: SQLite empties a connection's cache whenever another connection wrote,
    /// so with the pool's connections taking turns every batch began with a cold cache and
    /// read its index pages again (issue 14, BENCHMARKS.md). Its commit survives a crash of
    /// the process when it returns (WAL, `synchronous = NORMAL`) and a power cut once
    /// [`Store::wal_sync`] has synced the WAL, which the mailbox does before it acknowledges
    /// the batch's messages, while the writer goes on with the next batch: the fsync was a
    /// fifth of a backlog's drain, spent with the writer waiting (BENCHMARKS.md, session 10).
    /// Nothing is sent before that either: delivery's claim is a durable commit, which syncs
    /// the same WAL first.
    pub async fn begin_batch(&self) -> Result<Tx> {
        match self.backend {
            Backend::Sqlite => {
                let mut tx = self
                    .writer
                    .begin_with("BEGIN IMMEDIATE")
                    .await
                    .context("starting a transaction")?;
                sqlx::query(WRITER_CACHE)
                    .execute(&mut *tx)
                    .await
                    .context("sizing the writer's page cache")?;
                Ok(tx)
            }
            Backend::Postgres => self.begin().await,
        }
    }

    /// Gives back the memory of the inbound writer's page cache (SQLite; a cache filled by a
    /// backlog stays otherwise, while the daemon idles), and the C heap's free pages to the
    /// system. The next batch reads its pages again from the file (the OS still caches it).
    pub async fn release_writer_memory(&self) {
        if self.backend != Backend::Sqlite {
            return;
        }
        if let Err(e) = sqlx::query("PRAGMA shrink_memory")
            .execute(&self.writer)
            .await
        {
            tracing::debug!("shrinking the inbound writer's cache: {e}");
        }
        #[cfg(target_env = "gnu")]
        // SAFETY: malloc_trim only returns free heap pages to the system; it takes no pointer.
        unsafe {
            libc::malloc_trim(0);
        }
    }

    /// What makes the inbound writer's commits durable (see [`Store::begin_batch`]): on a
    /// SQLite file, an fsync of its WAL; nothing to do on PostgreSQL, whose batches commit
    /// durably, or for a database in memory.
    pub fn wal_sync(&self) -> Option<WalSync> {
        self.beside_sqlite_file("-wal").map(WalSync)
    }

    /// `<file><suffix>` beside the file of a SQLite database (its WAL, the delivery journals);
    /// none on PostgreSQL or in memory.
    pub(crate) fn beside_sqlite_file(&self, suffix: &str) -> Option<std::path::PathBuf> {
        if self.backend != Backend::Sqlite {
            return None;
        }
        let url = self.options.database_url.as_str();
        // sqlx opens `sqlite::memory:` under a name of its own: tell it by the URL.
        if url.contains(":memory:") || url.contains("mode=memory") {
            return None;
        }
        let options = sqlx::sqlite::SqliteConnectOptions::from_str(url).ok()?;
        let file = options.get_filename();
        let mut name = file.file_name()?.to_os_string();
        name.push(suffix);
        Some(file.with_file_name(name))
    }

    pub async fn close(&self) {
        self.writer.close().await;
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
        sqlx::query(
            "INSERT INTO settings (key, value) VALUES ('secret', $1) ON CONFLICT (key) DO NOTHING",
        )
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
}

/// Syncs a SQLite database's WAL: every commit written to it so far survives a power cut.
#[derive(Clone, Debug)]
pub struct WalSync(std::path::PathBuf);

impl WalSync {
    pub fn sync(&self) -> Result<()> {
        match std::fs::File::open(&self.0) {
            Ok(f) => f
                .sync_data()
                .with_context(|| format!("syncing {}", self.0.display())),
            // No WAL: the last connection closed, checkpointed it into the database, synced
            // and removed it. Nothing is left unsynced.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e).with_context(|| format!("opening {}", self.0.display())),
        }
    }

    pub fn path(&self) -> &std::path::Path {
        &self.0
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
pub(crate) fn stored<T>(
    r: &sqlx::any::AnyRow,
    table: &str,
    column: &str,
    parse: fn(&str) -> Option<T>,
) -> Result<T> {
    let text: String = r.try_get(column)?;
    parse(&text).with_context(|| format!("unknown value {text:?} in {table}.{column}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_redacted() {
        assert_eq!(
            redact_url("postgres://rt:s3cret@127.0.0.1:5432/db"),
            "postgres://rt:***@127.0.0.1:5432/db"
        );
        assert_eq!(redact_url("sqlite:///tmp/x.db"), "sqlite:///tmp/x.db");
    }

    #[tokio::test]
    async fn the_wal_synced_is_the_one_the_writer_writes() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/rt.db?mode=rwc", dir.path().display());
        let store = Store::open(&url).await.unwrap();
        let mut tx = store.begin_batch().await.unwrap();
        sqlx::query("INSERT INTO settings (key, value) VALUES ('k', 'v')")
            .execute(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let wal = store.wal_sync().expect("a SQLite file has a WAL");
        assert_eq!(wal.path(), dir.path().join("rt.db-wal"));
        assert!(wal.path().exists(), "the writer's commit is in {wal:?}");
        wal.sync().unwrap();
        store.close().await;
        let memory = Store::open("sqlite::memory:").await.unwrap();
        assert!(memory.wal_sync().is_none());
    }

    #[test]
    fn both_backends_have_the_same_migrations() {
        let names = |d: &str| {
            let mut v: Vec<_> =
                std::fs::read_dir(format!("{}/migrations/{d}", env!("CARGO_MANIFEST_DIR")))
                    .unwrap()
                    .map(|e| e.unwrap().file_name().into_string().unwrap())
                    .collect();
            v.sort();
            v
        };
        assert_eq!(names("sqlite"), names("postgres"));
    }
}
