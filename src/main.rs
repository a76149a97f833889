use std::process::ExitCode;

use clap::Parser;
use roundtable::cli::{Cli, Command};

/// sysexits: the MTA keeps a message and retries on 75.
const EX_TEMPFAIL: u8 = 75;
const EX_CONFIG: u8 = 78;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    if matches!(
        cli.command,
        Command::Inspect(_)
            | Command::Timeline { .. }
            | Command::Log { .. }
            | Command::Audit { .. }
            | Command::Status
            | Command::CheckConfig
    ) {
        // A report read through a pipe that closes early (`roundtable log | head`) ends
        // quietly, as other Unix tools do, instead of panicking in println! on EPIPE. Only for
        // commands that print and open no connection of their own to write to: Rust ignores
        // SIGPIPE so that a peer's closed socket is an error, not death, and the daemon keeps that.
        // SAFETY: signal(2) with the default handler, at start, before anything is written.
        unsafe {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
        }
    }
    let quiet = matches!(cli.command, Command::Demo(_) | Command::Inspect(_));
    roundtable::telemetry::init(if quiet { "warn" } else { "info" });
    let deliver = matches!(cli.command, Command::Deliver);
    match roundtable::cli::admin::dispatch(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if let Some(c) = e.downcast_ref::<roundtable::config::ConfigError>() {
                eprint!("error: {c}");
                return ExitCode::from(EX_CONFIG);
            }
            eprintln!("error: {e:#}");
            ExitCode::from(if deliver { EX_TEMPFAIL } else { 1 })
        }
    }
}
