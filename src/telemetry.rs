//! Logs: `tracing` to standard error, one line per event; `RUST_LOG` filters (default info).
//! Secrets never reach a log: they are [`crate::config::Secret`]s, which print as `***`.

/// `default` applies when `RUST_LOG` is unset, e.g. "info" for the daemon, "warn" for the demo.
pub fn init(default: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(format!("{default},sqlx=warn")));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        // Colours only for a person at a terminal: an MTA pipe or the systemd journal reads
        // the escape codes as text.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
}

/// Keeps a condition that lasts (a full disk) from filling the log: [`Throttle::allow`] says
/// yes to the first occurrence, then at most once per `every`, with how many occurrences were
/// not logged since; [`Throttle::clear`] ends the condition (and says whether it was on).
pub struct Throttle {
    every: std::time::Duration,
    state: std::sync::Mutex<(Option<std::time::Instant>, u64)>,
}

impl Throttle {
    pub const fn new(every: std::time::Duration) -> Throttle {
        Throttle {
            every,
            state: std::sync::Mutex::new((None, 0)),
        }
    }

    /// Once a minute: the log line for a condition that stays until an operator acts.
    pub const fn per_minute() -> Throttle {
        Throttle::new(std::time::Duration::from_secs(60))
    }

    /// `Some(n)` when this occurrence is to be logged (`n` were left out since the last one
    /// logged), `None` when it is to be left out.
    pub fn allow(&self) -> Option<u64> {
        let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let now = std::time::Instant::now();
        match s.0 {
            Some(last) if now.duration_since(last) < self.every => {
                s.1 += 1;
                None
            }
            _ => {
                let left_out = s.1;
                *s = (Some(now), 0);
                Some(left_out)
            }
        }
    }

    /// The condition is over: the next occurrence is logged at once. True if it was on.
    pub fn clear(&self) -> bool {
        let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let was = s.0.is_some();
        *s = (None, 0);
        was
    }
}

/// Logs that `what` (inbound, delivery, the schedule) failed and is tried again in `retry`.
/// A full disk ([`crate::store::is_storage_full`]) lasts until space returns, and the retries
/// would log it every few seconds: it goes through `full`, once a minute.
pub fn retrying(full: &Throttle, what: &str, retry: std::time::Duration, e: &anyhow::Error) {
    if crate::store::is_storage_full(e) {
        if let Some(left_out) = full.allow() {
            tracing::error!(
                "{what}: the disk is full; nothing is acknowledged or recorded as sent that was not stored, retrying until space returns (logged once a minute, {left_out} like it left out): {e:#}"
            );
        }
    } else {
        tracing::error!("{what} failed, retrying in {}s: {e:#}", retry.as_secs());
    }
}

/// `what` went through: if it had been held up by a full disk, says that it goes on.
pub fn resumed(full: &Throttle, what: &str) {
    if full.clear() {
        tracing::info!("{what}: disk space is back, going on");
    }
}

#[cfg(test)]
mod tests {
    use super::Throttle;
    use std::time::Duration;

    #[test]
    fn a_throttle_lets_the_first_through_then_counts_until_the_period_ends() {
        let t = Throttle::new(Duration::from_millis(200));
        assert_eq!(t.allow(), Some(0));
        assert_eq!(t.allow(), None);
        assert_eq!(t.allow(), None);
        std::thread::sleep(Duration::from_millis(250));
        assert_eq!(t.allow(), Some(2), "two were left out");
        assert!(t.clear());
        assert!(!t.clear());
        assert_eq!(t.allow(), Some(0), "after clear, at once");
    }
}
