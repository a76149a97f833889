//! Wiring: [`App::build`] turns a checked config into a store, a token signer and the
//! communities; [`App::run`] runs inbound and delivery as tasks until shutdown;
//! [`App::run_once`] does what is due now and returns.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context as _, Result};

use crate::clock::Clock;
use crate::compose::token::Signer;
use crate::config::{Config, Inbound, Outbound, RetryPolicy};
use crate::domain::Address;
use crate::inbound::{imap::ImapBox, Incoming, Key, Mailbox, MaildirBox};
use crate::outbox::{Batch, Delivery, Transport};
use crate::rules::{batch, sha256_hex, Community, Fired, Handled, Read, World};
use crate::shutdown::Shutdown;
use crate::store::{is_storage_full, Backend, Colocated, Store};
use crate::telemetry::{resumed, retrying, Throttle};

/// How long a daemon's hold on its mailbox lasts without renewal: it is renewed every few
/// seconds while held (see [`crate::outbox::lease`]), and a standby daemon takes over this
/// long after the holder stopped renewing it (a crash).
const MAILBOX_LEASE: i64 = crate::outbox::lease::LEASE;

/// The longest the mailbox is waited on (IMAP IDLE) before it is looked at again.
const MAILBOX_WAIT: Duration = Duration::from_secs(60);

/// Messages fetched and committed per round.
const INBOUND_BATCH: usize = 100;

/// Attempts at handling a message that keeps failing before it is moved aside, and the waits
/// (seconds) before the second and the third.
const FAILED_ATTEMPTS: i64 = 3;
const RETRY_AFTER: [i64; 2] = [60, 300];

/// A full disk under inbound or the schedule is logged once a minute, not on every retry.
static INBOUND_FULL: Throttle = Throttle::per_minute();
static SCHEDULE_FULL: Throttle = Throttle::per_minute();

pub struct App {
    pub config: Config,
    pub world: Arc<World>,
    pub clock: Clock,
    /// Who holds leases taken by this process (jobs, the mailbox).
    pub owner: String,
    /// Messages that failed to be handled, not to be fetched before the time given.
    deferred: Mutex<HashMap<Key, i64>>,
    /// The communities' DKIM keys, loaded once at start (issue 15).
    dkim: Arc<crate::outbox::dkim::Signers>,
    /// The inbound writer on SQLite, from the first batch on (see [`App::handle_batch`]).
    writer: Mutex<Option<tokio::sync::mpsc::UnboundedSender<WriterJob>>>,
}

/// A batch for the inbound writer: the messages, the time, where to answer.
type WriterJob = (
    Vec<(String, Vec<u8>)>,
    i64,
    tokio::sync::oneshot::Sender<Result<Vec<Handled>>>,
);

/// What draining the mailbox did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct InboxStats {
    pub handled: usize,
    pub duplicates: usize,
    pub quarantined: usize,
    pub queued: usize,
}

impl App {
    pub async fn build(config: Config, clock: Clock) -> Result<App> {
        // A DKIM key that can't be used stops the start, before anything is sent unsigned.
        let dkim = Arc::new(crate::outbox::dkim::Signers::from_config(&config)?);
        let store = Store::open(&config.database_url).await?;
        let secret = match &config.secret {
            Some(s) => s.expose().to_string(),
            None => store.secret_or_generate().await?,
        };
        let ids = store.sync_communities(&config.communities).await?;
        let now = clock.now();
        let mut communities = Vec::new();
        for (c, (_, id)) in config.communities.iter().zip(ids) {
            let mut conn = store.begin().await?;
            for a in &c.coordinators {
                store.ensure_coordinator(&mut conn, id, a, now).await?;
            }
            conn.commit().await?;
            communities.push(Community::new(id, c.clone())?);
        }
        let world = World {
            store,
            signer: Signer::new(secret.as_bytes()),
            communities,
            authserv_id: config.authserv_id.clone(),
        };
        let owner = format!(
            "{}-{}-{}",
            gethostname::gethostname().to_string_lossy(),
            std::process::id(),
            &uuid::Uuid::new_v4().simple().to_string()[..8]
        );
        Ok(App {
            config,
            world: Arc::new(world),
            clock,
            owner,
            deferred: Mutex::default(),
            dkim,
            writer: Mutex::default(),
        })
    }

    pub fn store(&self) -> &Store {
        &self.world.store
    }

    pub async fn open_mailbox(&self) -> Result<Mailbox> {
        Ok(match &self.config.inbound {
            Inbound::Maildir { path } => Mailbox::Maildir(MaildirBox::open(path.clone())?),
            Inbound::Imap(c) => Mailbox::Imap(Box::new(ImapBox::open(c.clone()).await?)),
        })
    }

    pub fn delivery(&self) -> Result<Delivery> {
        let policy = match &self.config.outbound {
            Outbound::Smtp(s) => s.retry.clone(),
            Outbound::Maildir { .. } => RetryPolicy::default(),
        };
        Ok(Delivery::new(
            self.world.store.clone(),
            Transport::from_config(&self.config.outbound)?,
            policy,
        )
        .with_dkim(self.dkim.clone()))
    }

    /// One message from anywhere (stdin, a test): read, apply, record. No mailbox to ack.
    pub async fn handle(&self, raw: &[u8]) -> Result<Handled> {
        let h = self.world.handle_message(raw, self.clock.now()).await?;
        log_handled("stdin", &h);
        Ok(h)
    }

    /// Fetches one batch, handles each message (commit first), then acknowledges; returns how
    /// many messages it settled (acknowledged or moved aside): 0 when nothing is left to do now.
    ///
    /// The batch shares one transaction: its messages' effects, answers and "handled" records
    /// commit together, with one commit (one fsync on SQLite) instead of one per message, and
    /// only then is the mailbox told. Should a message fail, the batch is rolled back and done
    /// again one message per transaction, all of them: one message that fails never holds up
    /// the others. The failing one stays in the mailbox and is tried again after a wait (it is
    /// not fetched meanwhile); after [`FAILED_ATTEMPTS`] it is recorded with its reason, the
    /// coordinators are told, and it is moved aside (see [`World::give_up`]).
    pub async fn inbox_step(&self, mailbox: &mut Mailbox, stats: &mut InboxStats) -> Result<usize> {
        let now = self.clock.now();
        let skip = self.deferred_now(now);
        let batch = mailbox.fetch(INBOUND_BATCH, &skip).await?;
        let n = batch.len();
        if n == 0 {
            return Ok(0);
        }
        let results: Vec<Result<Handled>> = match self.handle_batch(&batch, now).await {
            Ok(handled) => handled.into_iter().map(Ok).collect(),
            // Not the messages' fault: none is tried alone or counted as failing; the round
            // stops, nothing is acknowledged, and all of them are tried again later.
            Err(e) if is_storage_full(&e) => return Err(e),
            Err(e) => {
                tracing::warn!(
                    "a batch of {n} messages failed ({e:#}): handling them one at a time"
                );
                self.handle_each(&batch, now).await
            }
        };
        fault_point("crash-before-ack");
        let mut acks: Vec<Key> = Vec::with_capacity(n);
        let mut settled = 0;
        let mut stop = None;
        for (m, r) in batch.iter().zip(results) {
            let h = match r {
                Ok(h) => h,
                Err(e) if is_storage_full(&e) => {
                    stop = Some(e);
                    break;
                }
                Err(e) => match self.failed(m, &e, now).await {
                    Ok(Some(h)) => h,
                    Ok(None) => continue,
                    Err(e) => {
                        stop = Some(e);
                        break;
                    }
                },
            };
            settled += 1;
            log_handled(&m.key.to_string(), &h);
            match h {
                Handled::Done { queued, .. } => {
                    stats.handled += 1;
                    stats.queued += queued;
                    acks.push(m.key.clone());
                }
                Handled::Duplicate => {
                    stats.duplicates += 1;
                    acks.push(m.key.clone());
                }
                Handled::Unreadable { .. } => {
                    stats.quarantined += 1;
                    mailbox
                        .quarantine(&m.key, self.world.store.wal_sync())
                        .await
                        .context("moving a message aside")?;
                }
            }
        }
        mailbox
            .ack(&acks, self.world.store.wal_sync())
            .await
            .context("acknowledging handled messages")?;
        match stop {
            Some(e) => Err(e),
            None => Ok(settled),
        }
    }

    /// The messages not to fetch now: those waiting to be tried again after a failure.
    fn deferred_now(&self, now: i64) -> HashSet<Key> {
        let mut deferred = self.deferred.lock().unwrap_or_else(|p| p.into_inner());
        deferred.retain(|_, until| *until > now);
        deferred.keys().cloned().collect()
    }

    /// A message failed to be handled: count the attempt; after [`FAILED_ATTEMPTS`] give up on
    /// it (`Some`: what to do with it now), else let it wait for its next try (`None`). The
    /// count is written on its own; if even that fails, the database is the trouble, not the
    /// message, and the round stops with the error (the daemon tries again later).
    async fn failed(&self, m: &Incoming, e: &anyhow::Error, now: i64) -> Result<Option<Handled>> {
        let error = format!("{e:#}");
        let attempts = self
            .world
            .store
            .count_inbound_failure(&sha256_hex(&m.raw), &error, now)
            .await
            .with_context(|| {
                format!(
                    "handling {} failed ({error}), and so did recording that",
                    m.key
                )
            })?;
        if attempts >= FAILED_ATTEMPTS {
            tracing::error!(msg = %m.key, "handling failed {attempts} times: moving it aside ({error})");
            return self
                .world
                .give_up(&m.raw, &error, attempts, now)
                .await
                .map(Some);
        }
        let wait = RETRY_AFTER[(attempts as usize)
            .saturating_sub(1)
            .min(RETRY_AFTER.len() - 1)];
        tracing::warn!(msg = %m.key, "handling failed (attempt {attempts} of {FAILED_ATTEMPTS}); trying again in {wait}s: {error}");
        self.deferred
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(m.key.clone(), now + wait);
        Ok(None)
    }

    /// All of a batch in one transaction; nothing is committed unless every message went through.
    /// Reading is pure CPU work (parsing, cutting quotes, finding the intent): a thread reads
    /// the batch while the writer applies the messages already read (the database work), so
    /// the two halves run on both cores.
    ///
    /// The writer is a thread of its own with a runtime of its own ([`start_writer`]). On
    /// SQLite it is kept on one CPU together with the SQLite connection threads it hands its
    /// statements to (see [`crate::store::Colocated`]), and the reader on the other: a
    /// statement's hand-off is then a context switch, not the wake-up of an idle CPU (issue
    /// 14: ~2,000 → see BENCHMARKS.md). On PostgreSQL each statement is a round trip to the
    /// server, which runs where the scheduler puts it; the answer wakes the writer's own
    /// thread, where on the daemon's runtime it woke a worker that then woke the task's
    /// thread: two wake-ups per statement (BENCHMARKS.md, "Session 13").
    async fn handle_batch(&self, batch: &[Incoming], now: i64) -> Result<Vec<Handled>> {
        let msgs: Vec<(String, Vec<u8>)> = batch
            .iter()
            .map(|m| (m.key.to_string(), m.raw.clone()))
            .collect();
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.to_writer((msgs, now, tx))?;
        rx.await
            .context("the inbound writer ended without an answer")?
    }

    /// Hands a batch to the inbound writer, started when there is none yet or the last one
    /// ended (a panic ends it with its batch).
    fn to_writer(&self, job: WriterJob) -> Result<()> {
        let mut writer = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        let job = match writer.as_ref() {
            Some(w) => match w.send(job) {
                Ok(()) => return Ok(()),
                Err(unsent) => unsent.0,
            },
            None => job,
        };
        let w = start_writer(self.world.clone())?;
        w.send(job)
            .map_err(|_| anyhow::anyhow!("the inbound writer ended as it started"))?;
        *writer = Some(w);
        Ok(())
    }

    /// One transaction per message, every message: what became of each.
    async fn handle_each(&self, batch: &[Incoming], now: i64) -> Vec<Result<Handled>> {
        let mut out = Vec::with_capacity(batch.len());
        for m in batch {
            let r = match fault_fails(&m.raw) {
                Err(e) => Err(e),
                Ok(()) => self.world.handle_message(&m.raw, now).await,
            };
            out.push(r.with_context(|| format!("handling {}", m.key)));
        }
        out
    }

    /// Handles everything waiting in the mailbox.
    pub async fn drain_inbox(&self, mailbox: &mut Mailbox) -> Result<InboxStats> {
        let mut stats = InboxStats::default();
        while self.inbox_step(mailbox, &mut stats).await? > 0 {}
        Ok(stats)
    }

    /// `run --once`: drain the mailbox, fire due jobs, deliver what is due, return.
    pub async fn run_once(&self) -> Result<(InboxStats, Fired, Batch)> {
        let mut mailbox = self.open_mailbox().await?;
        let stats = self.drain_inbox(&mut mailbox).await?;
        let fired = self.schedule_step(&self.owner).await?;
        let now = self.clock.now();
        let sent = self
            .delivery()?
            .on_own_thread(move |d| async move { d.drain(now).await })
            .await??;
        Ok((stats, fired, sent))
    }

    /// Plans what recurs and fires every job due now.
    pub async fn schedule_step(&self, owner: &str) -> Result<Fired> {
        let now = self.clock.now();
        self.world.plan(now).await?;
        self.world.fire_due(owner, now).await
    }

    /// The schedule task: fire due jobs, then sleep until the next one (at most a minute, so
    /// jobs added by another process or the CLI are seen) or shutdown.
    async fn schedule_loop(
        world: Arc<World>,
        clock: Clock,
        owner: String,
        nudge: Arc<tokio::sync::Notify>,
        mut shutdown: Shutdown,
    ) {
        let mut backoff = Duration::from_secs(1);
        while !shutdown.is_shutdown() {
            let now = clock.now();
            let step = async {
                world.plan(now).await?;
                world.fire_due(&owner, now).await
            };
            let wait = match step.await {
                Ok(f) => {
                    backoff = Duration::from_secs(1);
                    resumed(&SCHEDULE_FULL, "schedule");
                    if f.mails > 0 {
                        nudge.notify_one();
                    }
                    match world.store.next_job_due().await {
                        Ok(Some(due)) => {
                            Duration::from_secs((due - clock.now()).clamp(1, 60) as u64)
                        }
                        _ => Duration::from_secs(60),
                    }
                }
                Err(e) => {
                    retrying(&SCHEDULE_FULL, "schedule", backoff, &e);
                    let w = backoff;
                    backoff = (backoff * 2).min(Duration::from_secs(60));
                    w
                }
            };
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = shutdown.recv() => {}
            }
        }
    }

    /// The daemon: inbound and delivery as tasks until shutdown; each finishes what it has in
    /// flight, then this returns.
    pub async fn run(self, shutdown: Shutdown) -> Result<()> {
        let mut mailbox = self.open_mailbox().await?;
        let delivery = self.delivery()?;
        let nudge = delivery.nudge.clone();
        if let Some(addr) = self.config.metrics_listen {
            let listener = crate::health::bind(addr).await?;
            tracing::info!("metrics on http://{addr}/metrics");
            tokio::spawn(crate::health::serve(
                listener,
                self.world.clone(),
                self.clock,
                shutdown.clone(),
            ));
        }
        tracing::info!(inbox = %mailbox.describe(), communities = self.world.communities.len(), "roundtable running");
        let clock = self.clock;
        let deliver_task = {
            let shutdown = shutdown.clone();
            delivery.on_own_thread(move |d| d.run(clock, shutdown))
        };
        let deliver_task = tokio::spawn(deliver_task);
        let schedule_task = tokio::spawn(Self::schedule_loop(
            self.world.clone(),
            clock,
            self.owner.clone(),
            nudge.clone(),
            shutdown.clone(),
        ));
        let mut sd = shutdown.clone();
        let mut backoff = Duration::from_secs(1);
        // One instance at a time reads a mailbox; another takes over when its lease runs out.
        let lease = format!("mailbox:{}", mailbox.describe());
        let mut standing_by = false;
        // Renews the lease while it is held; gone when it was lost.
        let mut keeper: Option<crate::outbox::lease::Keeper> = None;
        while !sd.is_shutdown() {
            if keeper.as_ref().is_some_and(|k| k.lost()) {
                keeper = None;
            }
            if keeper.is_none() {
                match self
                    .world
                    .store
                    .try_lease(&lease, &self.owner, self.clock.now(), MAILBOX_LEASE)
                    .await
                {
                    Ok(true) => {
                        if standing_by {
                            tracing::info!("took over {lease}");
                            standing_by = false;
                        }
                        keeper = Some(self.keep_lease(&lease));
                    }
                    Ok(false) => {
                        if !standing_by {
                            tracing::info!("another instance holds {lease}: standing by (delivery and schedule go on)");
                            standing_by = true;
                        }
                        // Look again just after the holder's lease runs out, if it is not
                        // renewed meanwhile.
                        let until = self.world.store.lease_until(&lease).await;
                        let wait = match until {
                            Ok(Some(until)) => {
                                (until + 1 - self.clock.now()).clamp(1, MAILBOX_LEASE)
                            }
                            _ => MAILBOX_LEASE,
                        };
                        tokio::select! {
                            _ = tokio::time::sleep(Duration::from_secs(wait as u64)) => {}
                            _ = sd.recv() => {}
                        }
                        continue;
                    }
                    Err(e) => tracing::warn!("mailbox lease: {e:#}"),
                }
            }
            let mut stats = InboxStats::default();
            match self.inbox_step(&mut mailbox, &mut stats).await {
                Ok(n) => {
                    backoff = Duration::from_secs(1);
                    resumed(&INBOUND_FULL, "inbound");
                    if stats.queued > 0 {
                        nudge.notify_one();
                    }
                    if n == 0 {
                        if let Err(e) = mailbox.wait(MAILBOX_WAIT, &mut sd).await {
                            tracing::warn!("mailbox: {e:#}");
                        }
                    }
                }
                Err(e) => {
                    retrying(&INBOUND_FULL, "inbound", backoff, &e);
                    tokio::select! {
                        _ = tokio::time::sleep(backoff) => {}
                        _ = sd.recv() => {}
                    }
                    backoff = (backoff * 2).min(Duration::from_secs(60));
                }
            }
        }
        drop(keeper);
        if let Err(e) = self.world.store.release_lease(&lease, &self.owner).await {
            tracing::warn!("releasing {lease}: {e:#}");
        }
        schedule_task.await.context("the schedule task")?;
        deliver_task.await.context("the delivery task")??;
        self.world.store.close().await;
        tracing::info!("roundtable stopped");
        Ok(())
    }
}

impl App {
    /// Renews the lease `name` of this daemon every few seconds until dropped.
    fn keep_lease(&self, name: &str) -> crate::outbox::lease::Keeper {
        let (store, owner, clock) = (self.world.store.clone(), self.owner.clone(), self.clock);
        let lease = name.to_string();
        crate::outbox::lease::Keeper::start(
            name.to_string(),
            MAILBOX_LEASE,
            move || {
                let (store, owner, lease) = (store.clone(), owner.clone(), lease.clone());
                async move {
                    store
                        .try_lease(&lease, &owner, clock.now(), MAILBOX_LEASE)
                        .await
                }
            },
            || {},
        )
    }
}

/// How long the inbound writer waits for another batch before it gives back the memory of
/// its page cache (up to 32 MB after a backlog, beyond the idle daemon's budget of 30 MB).
const WRITER_IDLE: Duration = Duration::from_secs(10);

/// The inbound writer: a thread with a runtime of its own that applies the batches it is
/// handed, one after the other, for as long as the app lives. Its runtime outlives each batch:
/// a batch's connection goes back to its pool on the runtime the batch ran on, and when that
/// runtime ended with the batch (a thread per batch, as before), the connection was dropped
/// instead: every batch opened a new one, with an empty page cache (issue 14). On PostgreSQL
/// the writer has connections of its own: a socket belongs to the runtime that opened it.
fn start_writer(world: Arc<World>) -> Result<tokio::sync::mpsc::UnboundedSender<WriterJob>> {
    let (jobs, mut todo) = tokio::sync::mpsc::unbounded_channel::<WriterJob>();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the inbound writer's runtime")?;
    std::thread::Builder::new()
        .name("inbound-writer".into())
        .spawn(move || {
            rt.block_on(async move {
                let sqlite = world.store.backend() == Backend::Sqlite;
                let world = match sqlite {
                    true => world,
                    false => Arc::new(world.with_store(world.store.reconnect())),
                };
                // Whether batches ran since the writer last gave its cache back.
                let mut cached = false;
                loop {
                    let job = match cached {
                        true => match tokio::time::timeout(WRITER_IDLE, todo.recv()).await {
                            Ok(job) => job,
                            Err(_) => {
                                world.store.release_writer_memory().await;
                                cached = false;
                                continue;
                            }
                        },
                        false => todo.recv().await,
                    };
                    let Some((msgs, now, answer)) = job else {
                        break;
                    };
                    let _ = answer.send(apply_batch(world.clone(), msgs, now, sqlite).await);
                    cached = true;
                }
                if !sqlite {
                    world.store.close().await;
                }
            })
        })
        .context("starting the inbound writer")?;
    Ok(jobs)
}

/// The batch applied in one transaction by a writer while a thread reads the messages ahead of
/// it (see [`App::handle_batch`]); `colocate`: keep the writer and the SQLite connection
/// threads on this CPU, the reader off it.
async fn apply_batch(
    world: Arc<World>,
    msgs: Vec<(String, Vec<u8>)>,
    now: i64,
    colocate: bool,
) -> Result<Vec<Handled>> {
    // Boxed: on PostgreSQL the batch runs on the caller's task, and the rules' futures are
    // deep (a debug build's test thread overflowed its stack with it inline).
    batch::scope(crate::store::in_batch(Box::pin(apply_batch_in(
        world, msgs, now, colocate,
    ))))
    .await
}

/// [`apply_batch`] inside its [`batch::scope`]: the "handled" records and the answers' bodies
/// are written with one statement per table at the end, the answer throttle counted once for
/// the senders read so far.
async fn apply_batch_in(
    world: Arc<World>,
    msgs: Vec<(String, Vec<u8>)>,
    now: i64,
    colocate: bool,
) -> Result<Vec<Handled>> {
    let colocated = colocate.then(Colocated::here);
    // The reader would inherit the writer's one CPU: it goes to the others.
    let elsewhere = colocated.as_ref().map(Colocated::elsewhere);
    let (read_tx, mut read_rx) = tokio::sync::mpsc::channel::<Read>(msgs.len().max(1));
    let raws: Vec<Vec<u8>> = msgs.iter().map(|(_, raw)| raw.clone()).collect();
    let reader = {
        let world = world.clone();
        std::thread::Builder::new()
            .name("inbound-reader".into())
            .spawn(move || {
                if let Some(e) = elsewhere {
                    e.go();
                }
                for raw in &raws {
                    if read_tx.blocking_send(world.read(raw, now)).is_err() {
                        break; // the batch failed: nobody waits for the rest
                    }
                }
            })
            .context("starting the inbound reader")?
    };
    let mut tx = world.store.begin_batch().await?;
    let mut handled = Vec::with_capacity(msgs.len());
    // Messages read and not yet applied, and the keys known to be handled: before this
    // batch (asked once for all that are read so far, one statement instead of one per
    // message), or earlier in it (a second copy in the same batch is a duplicate).
    let mut ready = std::collections::VecDeque::new();
    let mut seen = std::collections::HashSet::new();
    for (key, raw) in &msgs {
        if ready.is_empty() {
            ready.push_back(read_rx.recv().await.context("the reading thread stopped")?);
            while let Ok(more) = read_rx.try_recv() {
                ready.push_back(more);
            }
            let keys: Vec<&str> = ready.iter().filter_map(Read::dedup_key).collect();
            seen.extend(world.store.inbound_seen_among(&mut tx, &keys).await?);
            let senders: Vec<&str> = ready.iter().filter_map(Read::from_address).collect();
            batch::prefetch_answers(&world.store, &mut tx, &senders, now).await?;
            let people: Vec<(i64, &Address)> = ready.iter().filter_map(Read::sender).collect();
            world.store.prefetch_people(&mut tx, &people).await?;
            let bounced: Vec<i64> = ready.iter().filter_map(Read::bounced).collect();
            if !bounced.is_empty() {
                world.store.prefetch_bounced(&mut tx, &bounced).await?;
            }
            let asked: Vec<(i64, i64)> = ready
                .iter()
                .filter_map(Read::votes)
                .flat_map(|(c, votes)| votes.iter().map(move |n| (c, i64::from(*n))))
                .collect();
            if !asked.is_empty() {
                world.store.prefetch_topics(&mut tx, &asked).await?;
            }
        }
        let read = ready.pop_front().context("the reading thread stopped")?;
        fault_fails(raw).with_context(|| format!("handling {key}"))?;
        let dedup = read.dedup_key().map(str::to_string);
        let known = dedup.as_ref().map(|k| seen.contains(k));
        handled.push(
            world
                .apply_read_known(&mut tx, raw, read, now, known)
                .await
                .with_context(|| format!("handling {key}"))?,
        );
        seen.extend(dedup);
    }
    batch::flush(&world.store, &mut tx).await?;
    tx.commit()
        .await
        .context("committing a batch of handled messages")?;
    drop(read_rx);
    reader
        .join()
        .map_err(|_| anyhow::anyhow!("the reading thread panicked"))?;
    Ok(handled)
}

fn log_handled(key: &str, h: &Handled) {
    match h {
        Handled::Done {
            kind,
            outcome,
            queued,
        } => tracing::info!(msg = key, kind = %kind, queued, "{outcome}"),
        Handled::Duplicate => tracing::info!(msg = key, "seen before: acknowledged only"),
        Handled::Unreadable { reason } => {
            tracing::warn!(msg = key, "unreadable ({reason}): moved aside")
        }
    }
}

/// Fault injection for the isolation tests: `ROUNDTABLE_FAULT=fail-message:TEXT` makes the
/// handling of every message whose bytes contain TEXT fail, as a bug or bad data would.
fn fault_fails(raw: &[u8]) -> Result<()> {
    if let Ok(f) = std::env::var("ROUNDTABLE_FAULT") {
        if let Some(text) = f.strip_prefix("fail-message:") {
            if !text.is_empty() && raw.windows(text.len()).any(|w| w == text.as_bytes()) {
                anyhow::bail!("fault injection: this message fails");
            }
        }
    }
    Ok(())
}

/// Fault injection for the crash tests: `ROUNDTABLE_FAULT=<name>` aborts the process at that
/// point, as `kill -9` would. Nothing else reads this variable.
fn fault_point(name: &str) {
    if std::env::var("ROUNDTABLE_FAULT").as_deref() == Ok(name) {
        tracing::warn!("fault injection: aborting at {name}");
        std::process::abort();
    }
}
