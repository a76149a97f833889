//! Delivery: claim due outbox rows with a lease → send → record, in batches.
//!
//! Nothing is sent that was not first committed to the outbox. A crash between "sent" and
//! "recorded" sends again at most what was in flight (the lease expires, the row is due
//! again, with the same bytes and Message-ID). Errors are sorted once, in [`classify`]:
//! temporary ones (4xx, network) are retried on the configured schedule until `max_age`,
//! permanent ones (5xx) are recorded as failed for `roundtable outbox list` to show.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, Result};
use futures::StreamExt;
use lettre::address::Envelope;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls as LettreTls, TlsParameters};
use lettre::transport::smtp::PoolConfig;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use tokio::sync::Notify;

use crate::clock::Clock;
use crate::config::{Outbound, RetryPolicy, SmtpConfig, Tls};
use crate::shutdown::Shutdown;
use crate::store::{Claimed, SendOutcome, Store};

/// Why a send did not go through, sorted by what we do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendError {
    /// Try again later (4xx, connection trouble, timeouts).
    Temporary(String),
    /// Give up and record (5xx).
    Permanent(String),
}

pub enum Transport {
    Smtp { inner: AsyncSmtpTransport<Tokio1Executor>, max_connections: usize, rate_per_second: f64 },
    Maildir { path: PathBuf },
}

impl Transport {
    pub fn from_config(o: &Outbound) -> Result<Transport> {
        Ok(match o {
            Outbound::Maildir { path } => {
                crate::maildir::ensure(path)?;
                Transport::Maildir { path: path.clone() }
            }
            Outbound::Smtp(c) => Transport::Smtp {
                inner: smtp_transport(c)?,
                max_connections: c.max_connections as usize,
                rate_per_second: c.rate_per_second,
            },
        })
    }

    fn concurrency(&self) -> usize {
        match self {
            Transport::Smtp { max_connections, .. } => *max_connections,
            Transport::Maildir { .. } => 1,
        }
    }

    fn rate(&self) -> f64 {
        match self {
            Transport::Smtp { rate_per_second, .. } => *rate_per_second,
            Transport::Maildir { .. } => 0.0,
        }
    }

    pub async fn send(&self, envelope_from: &str, recipient: &str, body: &[u8]) -> Result<(), SendError> {
        match self {
            Transport::Smtp { inner, .. } => {
                let from = envelope_from.parse().map_err(|e| SendError::Permanent(format!("bad sender {envelope_from}: {e}")))?;
                let to = recipient.parse().map_err(|e| SendError::Permanent(format!("bad recipient {recipient}: {e}")))?;
                let env = Envelope::new(Some(from), vec![to]).map_err(|e| SendError::Permanent(e.to_string()))?;
                inner.send_raw(&env, body).await.map(|_| ()).map_err(|e| classify(&e))
            }
            Transport::Maildir { path } => {
                let mut bytes = format!("Return-Path: <{envelope_from}>\r\nDelivered-To: {recipient}\r\n").into_bytes();
                bytes.extend_from_slice(body);
                let path = path.clone();
                tokio::task::spawn_blocking(move || crate::maildir::deliver(&path, &bytes))
                    .await
                    .map_err(|e| SendError::Temporary(e.to_string()))?
                    .map(|_| ())
                    .map_err(|e| SendError::Temporary(format!("{e:#}")))
            }
        }
    }
}

/// The one place where an SMTP error becomes "retry" or "give up".
pub fn classify(e: &lettre::transport::smtp::Error) -> SendError {
    if e.is_permanent() {
        SendError::Permanent(e.to_string())
    } else {
        SendError::Temporary(e.to_string())
    }
}

fn smtp_transport(c: &SmtpConfig) -> Result<AsyncSmtpTransport<Tokio1Executor>> {
    let params = || TlsParameters::new(c.host.clone()).context("TLS parameters for the SMTP relay");
    let tls = match c.tls {
        Tls::None => LettreTls::None,
        Tls::StartTls => LettreTls::Required(params()?),
        Tls::Implicit => LettreTls::Wrapper(params()?),
    };
    let mut b = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(c.host.clone())
        .port(c.port)
        .tls(tls)
        .timeout(Some(Duration::from_secs(60)))
        .pool_config(PoolConfig::new().max_size(c.max_connections).idle_timeout(Duration::from_secs(30)));
    if let (Some(u), Some(p)) = (&c.username, &c.password) {
        b = b.credentials(Credentials::new(u.clone(), p.expose().to_string()));
    }
    Ok(b.build())
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
}

impl Delivery {
    pub fn new(store: Store, transport: Transport, policy: RetryPolicy) -> Delivery {
        let owner = format!("{}-{}-{}", gethostname::gethostname().to_string_lossy(), std::process::id(), uuid::Uuid::new_v4().simple());
        Delivery { store, transport: Arc::new(transport), owner, policy, batch_size: 200, nudge: Arc::new(Notify::new()) }
    }

    /// Claims one batch of due mail, sends it, records the results. Empty when nothing is due.
    pub async fn step(&self, now: i64) -> Result<Batch> {
        let rate = self.transport.rate();
        let batch = if rate > 0.0 { (rate.ceil() as i64 * 10).clamp(1, self.batch_size) } else { self.batch_size };
        // The lease covers the whole batch even at the configured rate, with room to spare.
        let lease = 120 + if rate > 0.0 { (batch as f64 / rate) as i64 * 2 } else { 0 };
        let claimed = self.store.claim_outbox(&self.owner, now, lease, batch).await?;
        if claimed.is_empty() {
            return Ok(Batch::default());
        }
        let interval = (rate > 0.0).then(|| Duration::from_secs_f64(1.0 / rate));
        let transport = self.transport.clone();
        let results: Vec<(Claimed, Result<(), SendError>)> = futures::stream::iter(claimed.into_iter().enumerate())
            .map(|(i, c)| {
                let t = transport.clone();
                async move {
                    if let Some(iv) = interval {
                        tokio::time::sleep(iv * i as u32).await;
                    }
                    let r = t.send(&c.envelope_from, &c.recipient, &c.body).await;
                    (c, r)
                }
            })
            .buffer_unordered(self.transport.concurrency())
            .collect()
            .await;
        let mut out = Batch::default();
        let mut outcomes = Vec::with_capacity(results.len());
        for (c, r) in results {
            let id = c.id;
            let outcome = self.outcome(&c, r, now);
            match &outcome {
                SendOutcome::Sent => {
                    out.sent += 1;
                    tracing::debug!(id, kind = %c.kind, to = %c.recipient, "sent");
                }
                SendOutcome::Retry { at, error } => {
                    out.retried += 1;
                    tracing::warn!(id, kind = %c.kind, to = %c.recipient, retry_in_s = at - now, "temporary failure: {error}");
                }
                SendOutcome::Failed { error } => {
                    out.failed += 1;
                    tracing::error!(id, kind = %c.kind, to = %c.recipient, "permanent failure, not retried: {error}");
                }
            }
            outcomes.push((id, outcome));
        }
        self.store.finish_outbox(&self.owner, &outcomes, now).await?;
        if out.sent > 0 || out.failed > 0 {
            tracing::info!(sent = out.sent, retried = out.retried, failed = out.failed, "delivered a batch");
        }
        Ok(out)
    }

    fn outcome(&self, c: &Claimed, r: Result<(), SendError>, now: i64) -> SendOutcome {
        match r {
            Ok(()) => SendOutcome::Sent,
            Err(SendError::Permanent(e)) => SendOutcome::Failed { error: e },
            Err(SendError::Temporary(e)) => {
                let age = Duration::from_secs((now - c.created_at).max(0) as u64);
                if age >= self.policy.max_age {
                    SendOutcome::Failed { error: format!("gave up after {} attempts: {e}", c.attempts) }
                } else {
                    let delay = self.policy.delay_after(c.attempts.max(1) as u32);
                    SendOutcome::Retry { at: now + delay.as_secs() as i64, error: e }
                }
            }
        }
    }

    /// Steps until nothing is due at `now` (for `run --once` and tests).
    pub async fn drain(&self, now: i64) -> Result<Batch> {
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
                    continue;
                }
                Ok(_) => match self.store.next_outbox_due().await {
                    Ok(Some(due)) => Duration::from_secs((due - now).clamp(1, 60) as u64),
                    Ok(None) => Duration::from_secs(60),
                    Err(e) => {
                        tracing::warn!("delivery: {e:#}");
                        Duration::from_secs(5)
                    }
                },
                Err(e) => {
                    tracing::error!("delivery failed, retrying in {}s: {e:#}", backoff.as_secs());
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
        tracing::debug!("delivery stopped");
    }
}
