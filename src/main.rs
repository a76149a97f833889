use std::process::ExitCode;

use clap::Parser;
use roundtable::cli::{Cli, Command};

/// sysexits: the MTA keeps a message and retries on 75.
const EX_TEMPFAIL: u8 = 75;
const EX_CONFIG: u8 = 78;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
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
