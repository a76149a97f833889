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
