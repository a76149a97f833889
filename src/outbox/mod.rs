//! Delivery: claim due outbox rows with a lease → send → record, in batches.
//!
//! Nothing is sent that was not first committed to the outbox. Each result is recorded as
//! soon as its send ends, and only a few mails are ever sent but not yet recorded, so a crash
//! sends again at most those in flight (their lease expires, the rows are due again, with the
//! same bytes and Message-ID): `max_connections` on SQLite, [`POSTGRES_UNRECORDED`] times
//! that on PostgreSQL. The bound is kept by a permit a mail takes just before its body goes
//! out — once the server has accepted its envelope — and gives back when its result is
//! recorded. A mail the server accepted is recorded first in a sent journal, folded into the
//! outbox once per batch: on SQLite a line in a file of the delivery's own ([`journal`]), which
//! frees the permit at once; on PostgreSQL rows of the table `outbox_sent`, committed for a
//! group of half the permits at a time (each statement costs the server a round trip and a
//! commit whatever it holds), while the connections go on sending under the other half.
//! Errors are sorted once, in [`classify`]: temporary ones (4xx, network) are retried on the
//! configured schedule until `max_age`, permanent ones (5xx) are recorded as failed for
//! `roundtable outbox list` to show.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, Result};
use lettre::address::Envelope;
use std::sync::atomic::Ordering::SeqCst;
use tokio::sync::{mpsc, Notify, OwnedSemaphorePermit, Semaphore};

use crate::clock::Clock;
use crate::config::{Outbound, RetryPolicy};
use crate::shutdown::Shutdown;
use crate::store::{Claimed, PostCache, ResultsConn, SendOutcome, Store};

/// Permits for mails sent but not yet recorded: one is taken before a message's body goes out
/// and given back once its result is committed (see the module's documentation).
pub type Unrecorded = Arc<Semaphore>;

/// The result of one send, with the permit its body went out under (none when it never got
/// that far: nothing of it can have been accepted).
pub type Sent = (Result<(), SendError>, Option<OwnedSemaphorePermit>);

/// How long delivery keeps trying to record results it could not commit. The lease on the
/// rows is renewed meanwhile (see [`lease`]); should the database stay away longer than the
/// lease, the rows are still ours when it comes back unless another daemon claimed them first.
/// A full disk is waited out however long it lasts (see [`Delivery::record`]).
const RECORD_PATIENCE: Duration = Duration::from_secs(60);

/// The longest the delivery task sleeps without looking at the outbox: mail queued by another
/// process (a command line, another daemon) wakes no nudge here. One indexed query per look.
const LOOK_AGAIN: Duration = Duration::from_secs(10);

/// On PostgreSQL, how many mails per connection may be sent and not yet recorded: what a crash
/// sends again at most (see [`Delivery::unrecorded_at_most`]). Each commit of results there
/// costs a round trip to the server and a commit, whatever it holds, and on a machine the
/// server shares that is what the connections wait for: a list post of 10,000 copies went out
/// 5 to 10 points of `smtp-source`'s rate faster with 8 (commits of 16 results) than with 2
/// (commits of 4), and 16 gained nothing more (BENCHMARKS.md, "Session 16"). A crash then
/// repeats at most 32 copies at the default 4 connections, of a post to thousands.
const POSTGRES_UNRECORDED: usize = 8;

/// How long the recorder waits for another result to join a group (see
/// [`Delivery::results_per_commit`]) before it commits what it has.
const GATHER: Duration = Duration::from_millis(1);

/// Seconds before a mail the outgoing Maildir had no room for is tried again (its attempts
/// and age do not count: the disk is ours, not the recipient's).
const FULL_DISK_RETRY: i64 = 30;

/// A full disk under delivery is logged once a minute, not for every mail or retry.
static DELIVERY_FULL: crate::telemetry::Throttle = crate::telemetry::Throttle::per_minute();

/// Whether a send's error text says our disk is full.
fn full_disk(error: &str) -> bool {
    crate::store::is_storage_full(&anyhow::anyhow!(error.to_string()))
}

/// Why a send did not go through, sorted by what we do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendError {
    /// Try again later (4xx, connection trouble, timeouts).
    Temporary(String),
    /// Give up and record (5xx).
    Permanent(String),
}

pub mod dkim;
pub mod journal;
pub mod lease;
mod smtp;

pub enum Transport {
    /// Pooled connections with TCP_NODELAY (see [`smtp`] for why not lettre's own pool).
    Smtp {
        pool: smtp::SmtpPool,
        max_connections: usize,
        rate_per_second: f64,
    },
    Maildir {
        path: PathBuf,
    },
}

impl Transport {
    pub fn from_config(o: &Outbound) -> Result<Transport> {
        Ok(match o {
            Outbound::Maildir { path } => {
                crate::maildir::ensure(path)?;
                Transport::Maildir { path: path.clone() }
            }
            Outbound::Smtp(c) => Transport::Smtp {
                pool: smtp::SmtpPool::new(c)?,
                max_connections: c.max_connections as usize,
                rate_per_second: c.rate_per_second,
            },
        })
    }

    fn concurrency(&self) -> usize {
        match self {
            Transport::Smtp {
                max_connections, ..
            } => *max_connections,
            Transport::Maildir { .. } => 1,
        }
    }

    fn rate(&self) -> f64 {
        match self {
            Transport::Smtp {
                rate_per_second, ..
            } => *rate_per_second,
            Transport::Maildir { .. } => 0.0,
        }
    }

    /// Sends one mail, given as the pieces it is made of in order (one for most mail; a
    /// post's copy is its member's own bytes around the shared post, never put together:
    /// issue 15, item 9); its body goes out only under a permit from `unrecorded`.
    pub async fn send(
        &self,
        envelope_from: &str,
        recipient: &str,
        body: &[&[u8]],
        unrecorded: &Unrecorded,
    ) -> Sent {
        match self {
            Transport::Smtp { pool, .. } => {
                let env = match envelope(envelope_from, recipient) {
                    Ok(env) => env,
                    Err(e) => return (Err(e), None),
                };
                pool.send(&env, body, unrecorded).await
            }
            Transport::Maildir { path } => {
                let Ok(permit) = unrecorded.clone().acquire_owned().await else {
                    return (Err(stopped()), None);
                };
                let mut bytes =
                    format!("Return-Path: <{envelope_from}>\r\nDelivered-To: {recipient}\r\n")
                        .into_bytes();
                for part in body {
                    bytes.extend_from_slice(part);
                }
                let path = path.clone();
                let r = match tokio::task::spawn_blocking(move || {
                    crate::maildir::deliver(&path, &bytes)
                })
                .await
                {
                    Ok(r) => r
                        .map(|_| ())
                        .map_err(|e| SendError::Temporary(format!("{e:#}"))),
                    Err(e) => Err(SendError::Temporary(e.to_string())),
                };
                (r, Some(permit))
            }
        }
    }
}

fn envelope(from: &str, to: &str) -> Result<Envelope, SendError> {
    let from = from
        .parse()
        .map_err(|e| SendError::Permanent(format!("bad sender {from}: {e}")))?;
    let to = to
        .parse()
        .map_err(|e| SendError::Permanent(format!("bad recipient {to}: {e}")))?;
    Envelope::new(Some(from), vec![to]).map_err(|e| SendError::Permanent(e.to_string()))
}

/// What a send returns when results can no longer be recorded: it stopped before the body.
fn stopped() -> SendError {
    SendError::Temporary("delivery stopped: results could not be recorded".into())
}

/// The one place where an SMTP error becomes "retry" or "give up".
pub fn classify(e: &lettre::transport::smtp::Error) -> SendError {
    if e.is_permanent() {
        SendError::Permanent(e.to_string())
    } else {
        SendError::Temporary(e.to_string())
    }
}

/// What one step of delivery did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Batch {
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
}

impl Batch {
    pub fn is_empty(&self) -> bool {
        self.sent + self.retried + self.failed == 0
    }
}

pub struct Delivery {
    store: Store,
    transport: Arc<Transport>,
    owner: String,
    policy: RetryPolicy,
    batch_size: i64,
    pub nudge: Arc<Notify>,
    /// The next batch, claimed while the current one is still being sent (see [`Delivery::step`]).
    next: std::sync::Mutex<Option<tokio::task::JoinHandle<Result<Vec<Claimed>>>>>,
    /// The rows this delivery holds a lease on and has not recorded yet: what the lease
    /// keeper renews. Locked while results are committed, so that a renewal never mistakes a
    /// row recorded a moment ago for one lost to another daemon.
    held: Held,
    /// Signs each mail as it is sent, for the communities with a DKIM key (issue 15).
    dkim: Arc<dkim::Signers>,
    /// The posts the claimed batches hold: the batch claimed ahead shares the one in flight's.
    posts: PostCache,
    /// On SQLite, where a mail accepted by the server is recorded first (see [`journal`]).
    journal: Option<Arc<std::sync::Mutex<journal::Journal>>>,
    /// The directory of every delivery's journal on this database: what dead ones left is
    /// folded before each claim.
    journals: Option<PathBuf>,
    /// On PostgreSQL, where a mail accepted by the server is recorded first: a row in the
    /// table `outbox_sent` (see [`Store::journal_sent`]), folded into the outbox once per
    /// batch, while the next batch is sent.
    journal_table: bool,
    /// Set when a batch left rows in that table to fold.
    unfolded: std::sync::atomic::AtomicBool,
}

/// A journal that cannot be written is logged once a minute; its mails are recorded in the
/// database one by one meanwhile, as on PostgreSQL.
static JOURNAL_TROUBLE: crate::telemetry::Throttle = crate::telemetry::Throttle::per_minute();

/// See [`Delivery`]'s `held`.
type Held = Arc<tokio::sync::Mutex<std::collections::HashSet<i64>>>;

impl Delivery {
    pub fn new(store: Store, transport: Transport, policy: RetryPolicy) -> Delivery {
        let owner = format!(
            "{}-{}-{}",
            gethostname::gethostname().to_string_lossy(),
            std::process::id(),
            uuid::Uuid::new_v4().simple()
        );
        let journals = store.journal_dir();
        let journal_table = store.backend() == crate::store::Backend::Postgres;
        let journal = journals
            .clone()
            .map(|dir| Arc::new(std::sync::Mutex::new(journal::Journal::new(dir, &owner))));
        Delivery {
            store,
            transport: Arc::new(transport),
            owner,
            policy,
            batch_size: 200,
            nudge: Arc::new(Notify::new()),
            next: Default::default(),
            held: Default::default(),
            dkim: Default::default(),
            posts: Default::default(),
            journal,
            journals,
            journal_table,
            unfolded: Default::default(),
        }
    }

    /// This delivery signs what it sends with these communities' DKIM keys.
    pub fn with_dkim(mut self, signers: Arc<dkim::Signers>) -> Delivery {
        self.dkim = signers;
        self
    }

    /// Claims one batch of due mail, sends it, records the results. Empty when nothing is due.
    ///
    /// At most `max_connections` sends run at once (`slots`, given back when a send ends). A
    /// result is recorded as soon as its send ends (on PostgreSQL, as soon as a group of them
    /// has gathered: [`Delivery::results_per_commit`]), and a body goes out only while fewer
    /// than [`Delivery::unrecorded_at_most`] mails are sent-but-not-yet-recorded
    /// (`unrecorded`, taken before the body, given back once recorded). So a crash at any
    /// moment repeats at most that many mails: the ones in flight. On PostgreSQL the sent
    /// journal the last batch left is folded into the outbox while this one is sent.
    ///
    /// When a batch is full (more mail is likely due), the next one is claimed once half of it
    /// is handed out, so that the connections never stand idle while a claim reads 200 rows
    /// and their bodies (a third of the time on a 10,000 digest, BENCHMARKS.md); the next step
    /// sends it. A claimed batch nobody sends is given back by [`Delivery::release_next`].
    ///
    /// The lease on the claimed rows is short ([`lease::LEASE`]) and renewed while the batch
    /// is in flight; should it be lost, no more bodies go out (see [`lease`]).
    pub async fn step(&self, now: i64) -> Result<Batch> {
        // On SQLite this thread and the connection threads it hands statements to share a CPU
        // while the step runs (see `store::Colocated`): a result's commit holds back the next
        // body, and waking a connection thread on the other CPU for each made a list post's
        // delivery ~15 % slower (BENCHMARKS.md). Should an inbound batch pin them to its own
        // CPU meanwhile, the last to pin wins: only speed is at stake, never a result.
        let _colocated = (self.store.backend() == crate::store::Backend::Sqlite)
            .then(crate::store::Colocated::here);
        let started = tokio::time::Instant::now();
        // `now` moves on while a batch is sent (a fixed clock included): claims and renewals
        // made later in the step count from the time they are made.
        let later = move || now + started.elapsed().as_secs() as i64;
        let rate = self.transport.rate();
        let batch = if rate > 0.0 {
            (rate.ceil() as i64 * 10).clamp(1, self.batch_size)
        } else {
            self.batch_size
        };
        let lease = lease::LEASE;
        // What a step that failed left in the journal is recorded before anything is claimed.
        let mut conn = None;
        self.fold_journal(&mut conn, now).await?;
        let next = self.next.lock().ok().and_then(|mut n| n.take());
        let claimed = match next {
            Some(claiming) => claiming.await.context("claiming the next batch")??,
            None => {
                let claimed = claim(
                    &self.store,
                    &self.owner,
                    now,
                    lease,
                    batch,
                    &self.posts,
                    self.journals.as_deref(),
                )
                .await?;
                self.held.lock().await.extend(claimed.iter().map(|c| c.id));
                claimed
            }
        };
        // What the last batch left in the journal's table is folded while this one is sent.
        let fold_last = self.unfolded.swap(false, SeqCst);
        if claimed.is_empty() {
            if fold_last {
                self.fold_table(now).await?;
            }
            return Ok(Batch::default());
        }
        // Whatever becomes of this batch, its rows are no longer renewed once the step ends:
        // those not recorded (recording failed) come back when their lease runs out.
        let _forget = Forget {
            held: self.held.clone(),
            ids: claimed.iter().map(|c| c.id).collect(),
        };
        let claim_next_at = (claimed.len() as i64 == batch).then_some(claimed.len() / 2);
        let interval = (rate > 0.0).then(|| Duration::from_secs_f64(1.0 / rate));
        let slots = Arc::new(Semaphore::new(self.transport.concurrency()));
        let unrecorded: Unrecorded = Arc::new(Semaphore::new(self.unrecorded_at_most()));
        let _keeper = self.keep_lease(later, unrecorded.clone());
        let (done_tx, mut done_rx) = mpsc::unbounded_channel::<Done>();

        let transport = self.transport.clone();
        let sends = {
            let unrecorded = unrecorded.clone();
            async move {
                let start = tokio::time::Instant::now();
                for (i, c) in claimed.into_iter().enumerate() {
                    if let Some(iv) = interval {
                        tokio::time::sleep_until(start + iv * i as u32).await;
                    }
                    if claim_next_at == Some(i) {
                        let (store, owner) = (self.store.clone(), self.owner.clone());
                        let (held, posts) = (self.held.clone(), self.posts.clone());
                        let journals = self.journals.clone();
                        let at = later();
                        let claiming = tokio::spawn(async move {
                            let claimed = claim(
                                &store,
                                &owner,
                                at,
                                lease,
                                batch,
                                &posts,
                                journals.as_deref(),
                            )
                            .await?;
                            held.lock().await.extend(claimed.iter().map(|c| c.id));
                            Ok(claimed)
                        });
                        if let Ok(mut n) = self.next.lock() {
                            *n = Some(claiming);
                        }
                    }
                    // Closed when recording failed: send nothing more that could not be recorded.
                    if unrecorded.is_closed() {
                        break;
                    }
                    let Ok(slot) = slots.clone().acquire_owned().await else {
                        break;
                    };
                    let (t, done, unrecorded) =
                        (transport.clone(), done_tx.clone(), unrecorded.clone());
                    let dkim = self.dkim.clone();
                    let journal = self.journal.clone();
                    tokio::spawn(async move {
                        // A post's copy goes out as pieces around the shared post, unless it is
                        // signed: the signature covers the whole body, so that copy is put
                        // together (at most one per connection at a time: `slots`).
                        let pieces = match c.post.is_some() && !dkim.signs(&c.envelope_from) {
                            true => c.pieces(),
                            false => None,
                        };
                        let signed;
                        let parts: Vec<&[u8]> = match (&pieces, &c.post) {
                            (Some(p), Some(post)) => p.slices(&post.0).collect(),
                            _ => {
                                signed = dkim.sign(&c.envelope_from, c.bytes());
                                vec![&signed[..]]
                            }
                        };
                        let (r, permit) = t
                            .send(&c.envelope_from, &c.recipient, &parts, &unrecorded)
                            .await;
                        drop(parts);
                        drop(pieces);
                        // Accepted: recorded in the journal, which frees the permit at once.
                        let journaled =
                            r.is_ok() && journal.as_ref().is_some_and(|j| journaled(j, c.id));
                        let permit = if journaled { None } else { permit };
                        drop(slot);
                        let _ = done.send(Done {
                            mail: c,
                            result: r,
                            _permit: permit,
                            journaled,
                        });
                    });
                }
            }
        };
        let records = async {
            let mut out = Batch::default();
            let group = self.results_per_commit();
            while let Some(first) = done_rx.recv().await {
                let mut ended = vec![first];
                loop {
                    while let Ok(more) = done_rx.try_recv() {
                        ended.push(more);
                    }
                    if ended.len() >= group {
                        break;
                    }
                    match tokio::time::timeout(GATHER, done_rx.recv()).await {
                        Ok(Some(more)) => ended.push(more),
                        // Quiet for a moment, or every send has ended: record what there is.
                        Ok(None) | Err(_) => break,
                    }
                }
                let mut outcomes: Vec<(i64, SendOutcome)> = ended
                    .iter()
                    .filter_map(|d| {
                        let outcome = self.tally(&d.mail, &d.result, now, &mut out);
                        // A journaled one is recorded with its batch, below.
                        (!d.journaled).then_some((d.mail.id, outcome))
                    })
                    .collect();
                // On PostgreSQL what was sent goes to the journal's table, the rest to the
                // outbox.
                let sent: Vec<i64> = match self.journal_table {
                    true => {
                        let (sent, others) = outcomes
                            .into_iter()
                            .partition(|(_, o)| *o == SendOutcome::Sent);
                        outcomes = others;
                        sent.into_iter().map(|(id, _)| id).collect()
                    }
                    false => Vec::new(),
                };
                for what in [Results::Journal(&sent), Results::Outcomes(&outcomes)] {
                    if what.is_empty() {
                        continue;
                    }
                    if let Err(e) = self.record(&mut conn, what, now).await {
                        // The rows stay leased and come back when the lease runs out.
                        unrecorded.close();
                        return Err(e);
                    }
                }
                drop(ended); // gives the permits back
            }
            // Every send has ended: what the journal holds goes into the outbox in one commit.
            if let Err(e) = self.fold_journal(&mut conn, now).await {
                unrecorded.close();
                return Err(e);
            }
            Ok(out)
        };
        let fold = async {
            match fold_last {
                true => self.fold_table(now).await,
                false => Ok(()),
            }
        };
        let ((), out, folded) = tokio::join!(sends, records, fold);
        if self.journal_table && out.as_ref().map_or(true, |o| o.sent > 0) {
            self.unfolded.store(true, SeqCst);
        }
        let out = out?;
        folded?;
        if out.sent > 0 || out.failed > 0 {
            tracing::info!(
                sent = out.sent,
                retried = out.retried,
                failed = out.failed,
                "delivered a batch"
            );
        }
        Ok(out)
    }

    /// How many mails may be sent and not yet recorded: what a crash sends again at most. On
    /// SQLite `max_connections`: a result is recorded by a line in the journal's file, a
    /// write of a few microseconds. On PostgreSQL [`POSTGRES_UNRECORDED`] times that: a
    /// result is recorded by a statement, a round trip and a commit whatever it holds, so
    /// results are recorded [`Delivery::results_per_commit`] at a time, and the connections
    /// keep sending while a group gathers and while it is committed (BENCHMARKS.md, "Session
    /// 14" and "Session 16").
    fn unrecorded_at_most(&self) -> usize {
        match self.journal_table {
            true => POSTGRES_UNRECORDED * self.transport.concurrency(),
            false => self.transport.concurrency(),
        }
    }

    /// How many results the recorder gathers before it commits them (fewer when no other send
    /// ends within [`GATHER`]): half of [`Delivery::unrecorded_at_most`] on PostgreSQL, so that
    /// a group's commit never holds back a body; one (whatever ended together) on SQLite.
    fn results_per_commit(&self) -> usize {
        match self.journal_table {
            true => self.unrecorded_at_most() / 2,
            false => 1,
        }
    }

    /// Renews the lease on the rows held while a step runs (until the keeper is dropped); when
    /// the lease is lost or can no longer be vouched for, `unrecorded` is closed: no more
    /// bodies go out in this step.
    fn keep_lease(
        &self,
        now: impl Fn() -> i64 + Send + 'static,
        unrecorded: Unrecorded,
    ) -> lease::Keeper {
        let (store, owner, held) = (self.store.clone(), self.owner.clone(), self.held.clone());
        lease::Keeper::start(
            "the lease on mail being sent".into(),
            lease::LEASE,
            move || {
                let (store, owner, held) = (store.clone(), owner.clone(), held.clone());
                let until = now() + lease::LEASE;
                async move {
                    let held = held.lock().await;
                    let ids: Vec<i64> = held.iter().copied().collect();
                    let kept = store.renew_outbox(&owner, &ids, until).await?;
                    if kept.len() < ids.len() {
                        let kept: std::collections::HashSet<i64> = kept.into_iter().collect();
                        let lost: Vec<i64> =
                            ids.into_iter().filter(|id| !kept.contains(id)).collect();
                        tracing::warn!(?lost, "outbox rows taken over by another daemon");
                        return Ok(false);
                    }
                    Ok(true)
                }
            },
            move || unrecorded.close(),
        )
    }

    /// Records in the outbox what this delivery's journal holds and removes its file. Should
    /// that fail, the file is left to be folded before the next claim (see [`journal`]).
    async fn fold_journal(&self, conn: &mut Option<ResultsConn>, now: i64) -> Result<()> {
        let Some(segment) = self
            .journal
            .as_ref()
            .and_then(|j| j.lock().ok().and_then(|mut j| j.take()))
        else {
            return Ok(());
        };
        let outcomes: Vec<(i64, SendOutcome)> = segment
            .ids
            .iter()
            .map(|id| (*id, SendOutcome::Sent))
            .collect();
        self.record(conn, Results::Outcomes(&outcomes), now).await?;
        if let Err(e) = segment.remove() {
            // Folded already: folding it again when its lock is free changes nothing.
            tracing::warn!("delivery: {e:#}");
        }
        Ok(())
    }

    /// Folds this delivery's rows of PostgreSQL's journal table into the outbox, on a
    /// connection of its own (the recorder's stays free for the batch being sent). Should that
    /// fail, they are folded with the next batch's, or, once their lease has run out, before
    /// the next claim by anyone (see [`Store::fold_dead_sent_rows`]).
    async fn fold_table(&self, now: i64) -> Result<()> {
        let r = self.record(&mut None, Results::Fold, now).await;
        if r.is_err() {
            self.unfolded.store(true, SeqCst);
        }
        r
    }

    /// The outcome of one send, logged and counted.
    fn tally(
        &self,
        c: &Claimed,
        r: &Result<(), SendError>,
        now: i64,
        out: &mut Batch,
    ) -> SendOutcome {
        let outcome = self.outcome(c, r.clone(), now);
        match &outcome {
            SendOutcome::Sent => {
                out.sent += 1;
                tracing::debug!(id = c.id, kind = %c.kind, to = %c.recipient, "sent");
            }
            SendOutcome::Retry { at, error } if full_disk(error) => {
                out.retried += 1;
                if let Some(left_out) = DELIVERY_FULL.allow() {
                    tracing::error!(id = c.id, to = %c.recipient, retry_in_s = at - now, "delivery: the disk is full, the mail stays queued and is tried again until space returns (logged once a minute, {left_out} like it left out): {error}");
                }
            }
            SendOutcome::Retry { at, error } => {
                out.retried += 1;
                tracing::warn!(id = c.id, kind = %c.kind, to = %c.recipient, retry_in_s = at - now, "temporary failure: {error}");
            }
            SendOutcome::Failed { error } => {
                out.failed += 1;
                tracing::error!(id = c.id, kind = %c.kind, to = %c.recipient, "permanent failure, not retried: {error}");
            }
        }
        outcome
    }

    /// Commits send results. The mail is out: if the database is briefly unreachable (a
    /// restart), keep trying rather than let the lease run out and send it again.
    /// `conn` is kept for the next commit, and dropped after a failure (it may be broken).
    async fn record(
        &self,
        conn: &mut Option<ResultsConn>,
        what: Results<'_>,
        now: i64,
    ) -> Result<()> {
        let start = std::time::Instant::now();
        let mut wait = Duration::from_millis(250);
        loop {
            // No renewal runs while a commit that changes the outbox does (see `held`).
            let mut held = match what {
                Results::Journal(_) => None,
                Results::Outcomes(_) | Results::Fold => Some(self.held.lock().await),
            };
            let r = match conn {
                Some(c) => Ok(c),
                None => self
                    .store
                    .results_connection()
                    .await
                    .map(|c| conn.insert(c)),
            };
            let r = match r {
                Ok(c) => match what {
                    Results::Outcomes(outcomes) => self
                        .store
                        .finish_outbox(c, &self.owner, outcomes, now)
                        .await
                        .map(|()| outcomes.iter().map(|(id, _)| *id).collect()),
                    // Still ours to renew until folded.
                    Results::Journal(ids) => self
                        .store
                        .journal_sent(c, &self.owner, ids, now)
                        .await
                        .map(|()| Vec::new()),
                    Results::Fold => self.store.fold_sent_rows(c, &self.owner).await,
                },
                Err(e) => Err(e),
            };
            if r.is_err() {
                *conn = None;
            }
            match r {
                Ok(recorded) => {
                    if let Some(held) = held.as_mut() {
                        for id in &recorded {
                            held.remove(id);
                        }
                    }
                    return Ok(());
                }
                // The mail is out: on a full disk, wait for space rather than let the lease
                // run out and send it again, however long that takes.
                Err(e)
                    if start.elapsed() < RECORD_PATIENCE || crate::store::is_storage_full(&e) =>
                {
                    drop(held);
                    if crate::store::is_storage_full(&e) {
                        if let Some(left_out) = DELIVERY_FULL.allow() {
                            tracing::error!("recording {what}: the disk is full, retrying ({left_out} like it left out): {e:#}");
                        }
                    } else {
                        tracing::warn!(
                            "recording {what} failed, retrying in {} ms: {e:#}",
                            wait.as_millis()
                        );
                    }
                    tokio::time::sleep(wait).await;
                    wait = (wait * 2).min(Duration::from_secs(5));
                }
                Err(e) => return Err(e.context(format!("recording {what}"))),
            }
        }
    }

    fn outcome(&self, c: &Claimed, r: Result<(), SendError>, now: i64) -> SendOutcome {
        match r {
            Ok(()) => SendOutcome::Sent,
            Err(SendError::Permanent(e)) => SendOutcome::Failed { error: e },
            // Our own disk is full (the outgoing Maildir's): not the mail's fault, so it is
            // never given up on, and tried again soon, as space may return any time.
            Err(SendError::Temporary(e))
                if matches!(*self.transport, Transport::Maildir { .. }) && full_disk(&e) =>
            {
                SendOutcome::Retry {
                    at: now + FULL_DISK_RETRY,
                    error: e,
                }
            }
            Err(SendError::Temporary(e)) => {
                let age = Duration::from_secs((now - c.created_at).max(0) as u64);
                if age >= self.policy.max_age {
                    SendOutcome::Failed {
                        error: format!("gave up after {} attempts: {e}", c.attempts),
                    }
                } else {
                    let delay = self.policy.delay_after(c.attempts.max(1) as u32);
                    SendOutcome::Retry {
                        at: now + delay.as_secs() as i64,
                        error: e,
                    }
                }
            }
        }
    }

    /// Runs `job` with this delivery on a thread of its own, in a single-threaded runtime, and
    /// returns what it returns, with database connections of its own (a PostgreSQL connection
    /// belongs to the runtime that opened it). That is how the daemon, `run --once` and the
    /// benchmark deliver:
    /// each send is a chain of short waits (an SMTP answer, a permit, a commit), and in a
    /// runtime of its own every wake-up stays on one thread instead of hopping between the
    /// multi-threaded runtime's workers, nor waits behind inbound work; on two cores it
    /// delivers ~20 % more mail per second for ~25 % less CPU (BENCHMARKS.md).
    pub async fn on_own_thread<T, Fut>(
        self,
        job: impl FnOnce(Delivery) -> Fut + Send + 'static,
    ) -> Result<T>
    where
        Fut: std::future::Future<Output = T> + 'static,
        T: Send + 'static,
    {
        let (tx, rx) = tokio::sync::oneshot::channel();
        std::thread::Builder::new()
            .name("delivery".into())
            .spawn(move || {
                let r = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .map(|rt| {
                        rt.block_on(async move {
                            // Connections of this runtime's own (see Store::reconnect).
                            let store = self.store.reconnect();
                            let r = job(Delivery {
                                store: store.clone(),
                                ..self
                            })
                            .await;
                            store.close().await;
                            r
                        })
                    });
                let _ = tx.send(r);
            })
            .context("starting the delivery thread")?;
        rx.await
            .context("the delivery thread ended without an answer")?
            .context("starting the delivery runtime")
    }

    /// Gives back a batch claimed ahead that no step will send (the caller stops): its rows are
    /// due again at once instead of when their lease runs out.
    pub async fn release_next(&self) -> Result<()> {
        let next = self.next.lock().ok().and_then(|mut n| n.take());
        if let Some(claiming) = next {
            if let Ok(Ok(rows)) = claiming.await {
                let ids: Vec<i64> = rows.iter().map(|c| c.id).collect();
                let mut held = self.held.lock().await;
                self.store.release_outbox(&self.owner, &ids).await?;
                for id in &ids {
                    held.remove(id);
                }
            }
        }
        Ok(())
    }

    /// Steps until nothing is due at `now` (for `run --once` and tests).
    pub async fn drain(&self, now: i64) -> Result<Batch> {
        let total = self.drain_inner(now).await;
        let released = self.release_next().await;
        let total = total?;
        released?;
        Ok(total)
    }

    async fn drain_inner(&self, now: i64) -> Result<Batch> {
        let mut total = Batch::default();
        loop {
            let b = self.step(now).await?;
            if b.is_empty() {
                return Ok(total);
            }
            total.sent += b.sent;
            total.retried += b.retried;
            total.failed += b.failed;
            if b.sent == 0 && b.failed == 0 {
                // Only retries: they are due later, not now.
                return Ok(total);
            }
        }
    }

    /// The delivery task: step while there is work; otherwise sleep until the next row falls
    /// due or a nudge (new mail queued) arrives. Finishes the batch in flight on shutdown.
    pub async fn run(self, clock: Clock, mut shutdown: Shutdown) {
        let mut backoff = Duration::from_secs(1);
        while !shutdown.is_shutdown() {
            let now = clock.now();
            let wait = match self.step(now).await {
                Ok(b) if !b.is_empty() => {
                    backoff = Duration::from_secs(1);
                    if b.sent > 0 {
                        crate::telemetry::resumed(&DELIVERY_FULL, "delivery");
                    }
                    continue;
                }
                Ok(_) => match self.store.next_outbox_due().await {
                    Ok(Some(due)) => {
                        Duration::from_secs((due - now).clamp(1, LOOK_AGAIN.as_secs() as i64) as u64)
                    }
                    Ok(None) => LOOK_AGAIN,
                    Err(e) => {
                        tracing::warn!("delivery: {e:#}");
                        Duration::from_secs(5)
                    }
                },
                Err(e) => {
                    crate::telemetry::retrying(&DELIVERY_FULL, "delivery", backoff, &e);
                    let w = backoff;
                    backoff = (backoff * 2).min(Duration::from_secs(60));
                    w
                }
            };
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = self.nudge.notified() => {}
                _ = shutdown.recv() => {}
            }
        }
        if let Err(e) = self.release_next().await {
            tracing::warn!(
                "giving back the mail claimed ahead: {e:#} (it is sent when its lease runs out)"
            );
        }
        if self.unfolded.swap(false, SeqCst) {
            if let Err(e) = self.fold_table(clock.now()).await {
                tracing::warn!("recording the last batch's results: {e:#} (they are recorded before the next claim once their lease runs out)");
            }
        }
        tracing::debug!("delivery stopped");
    }
}

/// What [`Delivery::record`] commits.
#[derive(Clone, Copy)]
enum Results<'a> {
    /// The outcomes of sends, into the outbox.
    Outcomes(&'a [(i64, SendOutcome)]),
    /// Mails the server accepted, into PostgreSQL's journal table.
    Journal(&'a [i64]),
    /// This delivery's rows of that table, into the outbox.
    Fold,
}

impl Results<'_> {
    fn is_empty(&self) -> bool {
        match self {
            Results::Outcomes(o) => o.is_empty(),
            Results::Journal(ids) => ids.is_empty(),
            Results::Fold => false,
        }
    }
}

impl std::fmt::Display for Results<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Results::Outcomes(o) => write!(f, "{} delivery result(s)", o.len()),
            Results::Journal(ids) => write!(f, "{} sent mail(s) in the sent journal", ids.len()),
            Results::Fold => write!(f, "the sent journal in the outbox"),
        }
    }
}

/// One send that ended, handed to the step's recorder.
struct Done {
    mail: Claimed,
    result: Result<(), SendError>,
    /// Held until the result is recorded (none when the body never went out, or when the
    /// journal recorded it already).
    _permit: Option<OwnedSemaphorePermit>,
    /// Recorded in the journal: its row is marked sent when the step folds the journal.
    journaled: bool,
}

/// Writes `id` to the journal; false when it could not be (it is then recorded the slow way).
fn journaled(journal: &std::sync::Mutex<journal::Journal>, id: i64) -> bool {
    let r = match journal.lock() {
        Ok(mut j) => j.append(id),
        Err(_) => Err(anyhow::anyhow!("the journal's lock was poisoned")),
    };
    match r {
        Ok(()) => true,
        Err(e) => {
            if let Some(left_out) = JOURNAL_TROUBLE.allow() {
                tracing::error!("delivery: the sent journal cannot be written, each result is committed to the database instead ({left_out} like it left out): {e:#}");
            }
            false
        }
    }
}

/// Claims a batch, after recording what the journals of deliveries that died hold: a row one
/// of them sent must not be claimed and sent again.
async fn claim(
    store: &Store,
    owner: &str,
    now: i64,
    lease: i64,
    batch: i64,
    posts: &PostCache,
    journals: Option<&std::path::Path>,
) -> Result<Vec<Claimed>> {
    if store.backend() == crate::store::Backend::Postgres {
        let folded = store.fold_dead_sent_rows(now).await?;
        if folded > 0 {
            tracing::info!(
                rows = folded,
                "recorded the mail a stopped delivery had sent"
            );
        }
    }
    if let Some(dir) = journals {
        for orphan in journal::orphans(dir)? {
            store
                .fold_sent(&orphan.owner, orphan.ids(), now)
                .await
                .with_context(|| format!("folding {}", orphan.path().display()))?;
            tracing::info!(
                file = %orphan.path().display(),
                rows = orphan.ids().len(),
                "recorded the mail a stopped delivery had sent"
            );
            orphan.remove()?;
        }
    }
    store
        .claim_outbox_sharing(owner, now, lease, batch, posts)
        .await
}

/// Takes a step's rows out of [`Delivery`]'s `held` when the step ends, however it ends.
struct Forget {
    held: Held,
    ids: Vec<i64>,
}

impl Drop for Forget {
    fn drop(&mut self) {
        let ids = std::mem::take(&mut self.ids);
        // Usually free at once; otherwise a commit holds it, and the rows go a moment later.
        if let Ok(mut h) = self.held.try_lock() {
            for id in &ids {
                h.remove(id);
            }
            return;
        }
        let held = self.held.clone();
        tokio::spawn(async move {
            let mut h = held.lock().await;
            for id in &ids {
                h.remove(id);
            }
        });
    }
}
