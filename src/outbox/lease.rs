//! Leases that live as long as the work (issue 17 item 6).
//!
//! A lease is short ([`LEASE`]) so that another daemon takes over soon after a crash, and it
//! is renewed every [`RENEW_EVERY`] by a [`Keeper`] for as long as the work it covers is in
//! flight, so that slow work (a slow SMTP server, a long batch) never outlives it. A renewal
//! that finds the lease lost to another daemon, or renewals that keep failing until less than
//! [`MARGIN`] of the lease is left, stop the work before it does more: for delivery, no body
//! goes out any more (see [`super::Unrecorded`]), so a mail is never sent by two daemons.

use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;
use tokio::time::Instant;

/// How long a lease (outbox rows, a mailbox) lasts without renewal, in seconds: the longest a
/// standby daemon waits after a crash before it takes over.
pub const LEASE: i64 = 15;

/// How often a lease in use is renewed.
pub const RENEW_EVERY: Duration = Duration::from_secs(5);

/// When renewals fail (the database is unreachable) and less than this is left of the lease,
/// the work stops: another daemon may take the lease over once it runs out.
pub const MARGIN: Duration = Duration::from_secs(5);

/// Renews a lease in the background until dropped; see the module's documentation.
pub struct Keeper {
    lost: Arc<AtomicBool>,
    task: tokio::task::JoinHandle<()>,
}

impl Keeper {
    /// Starts renewing `what` (a name for the logs), taken just now for `ttl` seconds.
    /// `renew` renews it: `Ok(true)` while it is still ours, `Ok(false)` once it was lost.
    /// `on_stop` runs once, when the work must stop (lost, or no longer vouched for).
    pub fn start<F, Fut>(
        what: String,
        ttl: i64,
        mut renew: F,
        on_stop: impl FnOnce() + Send + 'static,
    ) -> Keeper
    where
        F: FnMut() -> Fut + Send + 'static,
        Fut: Future<Output = Result<bool>> + Send + 'static,
    {
        let lost = Arc::new(AtomicBool::new(false));
        let flag = lost.clone();
        let ttl = Duration::from_secs(ttl.max(1) as u64);
        let task = tokio::spawn(async move {
            let mut valid_until = Instant::now() + ttl;
            loop {
                tokio::time::sleep(RENEW_EVERY).await;
                let attempt = Instant::now();
                let why = match tokio::time::timeout(RENEW_EVERY, renew()).await {
                    Ok(Ok(true)) => {
                        valid_until = attempt + ttl;
                        continue;
                    }
                    Ok(Ok(false)) => format!("{what}: lost to another daemon"),
                    Ok(Err(e)) if Instant::now() + MARGIN < valid_until => {
                        tracing::warn!("renewing {what} failed, trying again: {e:#}");
                        continue;
                    }
                    Err(_) if Instant::now() + MARGIN < valid_until => {
                        tracing::warn!("renewing {what} timed out, trying again");
                        continue;
                    }
                    Ok(Err(e)) => format!("{what}: could not be renewed ({e:#})"),
                    Err(_) => format!("{what}: could not be renewed in time"),
                };
                tracing::warn!("{why}: stopping the work it covers");
                flag.store(true, Ordering::SeqCst);
                on_stop();
                return;
            }
        });
        Keeper { lost, task }
    }

    /// Whether the lease was lost (or could not be vouched for): the work must stop.
    pub fn lost(&self) -> bool {
        self.lost.load(Ordering::SeqCst)
    }
}

impl Drop for Keeper {
    fn drop(&mut self) {
        self.task.abort();
    }
}
