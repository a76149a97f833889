//! `bench`: roundtable's benchmark harness (issue 6). `scripts/bench.sh` brings up what it needs
//! on loopback (Postfix, Dovecot and PostgreSQL with `scripts/stack.sh`, `smtp-sink`, mlmmj),
//! runs the subcommands below and the peers beside them, then `bench report` prints the table
//! and writes it into BENCHMARKS.md. Each subcommand appends `key value` lines to `--results`.
//!
//! Everything runs through the library's real code paths: `App::drain_inbox` on a Maildir,
//! the rules' digest job, `Delivery::drain` over SMTP, and the `roundtable` binary itself as a
//! daemon. Nothing here is asserted: benchmarks print, tests check behaviour.

mod daemon;
mod inbound;
mod outbound;
mod post;
mod post_memory;
mod report;
mod results;
mod scaleout;
mod setup;

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use clap::{Parser, Subcommand};

use daemon::daemon;
use inbound::inbound;
use outbound::outbound;
use post::list_post;
use report::report;
use results::Results;
use scaleout::scaleout;
use setup::roundtable_bin;

const SECRET: &str = "bench-secret-0123456789abcdef0123456789";
const SLUG: &str = "bench";
const DAY: i64 = 86400;

#[derive(Parser)]
#[command(about = "roundtable's benchmark harness; run it through scripts/bench.sh")]
struct Cli {
    /// Append `key value` result lines to this file (read by `report`).
    #[arg(long, global = true)]
    results: Option<PathBuf>,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// A Maildir backlog of N replies drained by `App::drain_inbox`, beside mail-parser's raw
    /// parse rate of the same files.
    Inbound {
        /// `sqlite` or `postgres` (a fresh database on $RT_PG_URL's server).
        #[arg(long)]
        db: String,
        #[arg(long)]
        work: PathBuf,
        #[arg(long, default_value_t = 10_000)]
        n: usize,
        /// Skip the parse-rate measurements (to profile the drain alone).
        #[arg(long, hide = true)]
        drain_only: bool,
        /// After the drain, idle this many seconds and report the resident memory
        /// (`idle_rss_kb`): what a daemon keeps once a backlog is done.
        #[arg(long)]
        idle_after: Option<u64>,
        /// Result key: `inbound.LABEL.*` (default: the backend).
        #[arg(long)]
        label: Option<String>,
    },
    /// A personalised digest to N members queued by the rules, then `Delivery::drain` timed
    /// over SMTP to a sink on 127.0.0.1:PORT.
    Outbound {
        #[arg(long)]
        db: String,
        #[arg(long)]
        work: PathBuf,
        #[arg(long, default_value_t = 10_000)]
        n: usize,
        #[arg(long)]
        port: u16,
        #[arg(long, default_value_t = 4)]
        connections: u32,
        /// Result key prefix.
        #[arg(long, default_value = "outbound")]
        label: String,
    },
    /// One post of about SIZE bytes from a member to the list's address, to N members (personal
    /// copies) through the rules' post path, then `Delivery::drain` timed over SMTP to the sink.
    Post {
        #[arg(long)]
        db: String,
        #[arg(long)]
        work: PathBuf,
        #[arg(long, default_value_t = 10_000)]
        n: usize,
        #[arg(long, default_value_t = 4096)]
        size: usize,
        #[arg(long)]
        port: u16,
        #[arg(long, default_value_t = 4)]
        connections: u32,
        /// Result key prefix.
        #[arg(long, default_value = "post")]
        label: String,
    },
    /// D daemons (`roundtable run`) on one PostgreSQL deliver a queued digest to the sink, which
    /// dumps every transaction into DUMP: counts double sends per recipient.
    Scaleout {
        #[arg(long)]
        work: PathBuf,
        #[arg(long, default_value_t = 10_000)]
        n: usize,
        #[arg(long)]
        port: u16,
        #[arg(long, default_value_t = 4)]
        connections: u32,
        #[arg(long)]
        daemons: usize,
        #[arg(long)]
        dump: PathBuf,
        /// The roundtable binary (default: next to this one).
        #[arg(long)]
        roundtable: Option<PathBuf>,
    },
    /// `roundtable run` on IMAP IDLE against the stack ($RT_* variables): start-up time, idle
    /// footprint, then reply → confirmation latency through Postfix and Dovecot.
    Daemon {
        #[arg(long)]
        work: PathBuf,
        #[arg(long, default_value_t = 60)]
        idle_secs: u64,
        #[arg(long, default_value_t = 200)]
        replies: usize,
        #[arg(long)]
        roundtable: Option<PathBuf>,
    },
    /// A 10 MB post to N members on SQLite, delivered by `roundtable run` to a sink on
    /// 127.0.0.1:PORT: the daemon's peak RSS and the database's growth beside the post.
    PostMemory {
        #[arg(long)]
        work: PathBuf,
        #[arg(long, default_value_t = 10_000)]
        n: usize,
        #[arg(long, default_value_t = 10_000_000)]
        size: usize,
        #[arg(long)]
        port: u16,
        #[arg(long, default_value_t = 4)]
        connections: u32,
        #[arg(long)]
        roundtable: Option<PathBuf>,
    },
    /// Prints the table of a results file and writes it into BENCHMARKS.md (between the
    /// `bench:begin` / `bench:end` markers; the prose around them is kept).
    Report {
        #[arg(long)]
        out: PathBuf,
        /// The command line that produced the results, for the record.
        #[arg(long)]
        command: String,
    },
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<()> {
    let cli = Cli::parse();
    // As the daemon logs: one line per message handled (bench.sh sends stderr to a file).
    roundtable::telemetry::init("info");
    let mut out = Results {
        path: cli.results.clone(),
    };
    match cli.cmd {
        Cmd::Inbound {
            db,
            work,
            n,
            drain_only,
            idle_after,
            label,
        } => {
            inbound(
                &db,
                &work,
                n,
                drain_only,
                idle_after.map(std::time::Duration::from_secs),
                label.as_deref().unwrap_or(&db),
                &mut out,
            )
            .await
        }
        Cmd::Outbound {
            db,
            work,
            n,
            port,
            connections,
            label,
        } => outbound(&db, &work, n, port, connections, &label, &mut out).await,
        Cmd::Post {
            db,
            work,
            n,
            size,
            port,
            connections,
            label,
        } => list_post(&db, &work, n, size, port, connections, &label, &mut out).await,
        Cmd::Scaleout {
            work,
            n,
            port,
            connections,
            daemons,
            dump,
            roundtable,
        } => {
            scaleout(
                &work,
                n,
                port,
                connections,
                daemons,
                &dump,
                &roundtable_bin(roundtable)?,
                &mut out,
            )
            .await
        }
        Cmd::Daemon {
            work,
            idle_secs,
            replies,
            roundtable,
        } => {
            daemon(
                &work,
                idle_secs,
                replies,
                &roundtable_bin(roundtable)?,
                &mut out,
            )
            .await
        }
        Cmd::PostMemory {
            work,
            n,
            size,
            port,
            connections,
            roundtable,
        } => {
            let bin = roundtable_bin(roundtable)?;
            post_memory::post_memory(&work, n, size, port, connections, &bin, &mut out).await
        }
        Cmd::Report { out: file, command } => report(
            cli.results.as_deref().context("report needs --results")?,
            &file,
            &command,
        ),
    }
}
