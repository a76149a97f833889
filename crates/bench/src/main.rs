//! `bench`: roundtable's benchmark harness (issue 6). `scripts/bench.sh` brings up what it needs
//! on loopback (Postfix, Dovecot and PostgreSQL with `scripts/stack.sh`, `smtp-sink`, mlmmj),
//! runs the subcommands below and the peers beside them, then `bench report` prints the table
//! and writes it into BENCHMARKS.md. Each subcommand appends `key value` lines to `--results`.
//!
//! Everything runs through the library's real code paths: `App::drain_inbox` on a Maildir,
//! the rules' digest job, `Delivery::drain` over SMTP, and the `roundtable` binary itself as a
//! daemon. Nothing here is asserted: benchmarks print, tests check behaviour.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _, Result};
use clap::{Parser, Subcommand};
use roundtable::app::App;
use roundtable::clock::Clock;
use roundtable::compose::token::{Claims, Purpose, Signer};
use roundtable::domain::{Address, OutboxStatus, Role};
use roundtable::schedule::JobKind;
use sqlx::Row;

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
            label,
        } => {
            inbound(
                &db,
                &work,
                n,
                drain_only,
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
        Cmd::Report { out: file, command } => report(
            cli.results.as_deref().context("report needs --results")?,
            &file,
            &command,
        ),
    }
}

// ---- results -----------------------------------------------------------------------------

struct Results {
    path: Option<PathBuf>,
}

impl Results {
    fn put(&mut self, key: &str, value: impl std::fmt::Display) {
        let line = format!("{key} {value}");
        println!("  {line}");
        if let Some(p) = &self.path {
            let mut f = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(p)
                .expect("opening the results file");
            writeln!(f, "{line}").expect("writing the results file");
        }
    }
}

/// CPU seconds (user + system, all threads) this process used so far.
fn self_cpu() -> f64 {
    proc_stat(std::process::id())
        .map(|(ticks, _)| ticks as f64 / 100.0)
        .unwrap_or(f64::NAN)
}

/// Bytes this process has passed to write(2) and friends so far (/proc/self/io `wchar`): the
/// database's file writes, the Maildir moves, the logs.
fn self_written() -> u64 {
    std::fs::read_to_string("/proc/self/io")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("wchar:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// The 1-minute load average: how busy the machine was besides the bench.
fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_string))
        .unwrap_or_default()
}

fn rate(n: usize, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64().max(1e-9)
}

// ---- set-up shared by the runs -------------------------------------------------------------

fn roundtable_bin(given: Option<PathBuf>) -> Result<PathBuf> {
    let p = match given {
        Some(p) => p,
        None => std::env::current_exe()?
            .parent()
            .context("the bench binary's directory")?
            .join("roundtable"),
    };
    if !p.exists() {
        bail!(
            "{} does not exist: build it with cargo build --release",
            p.display()
        );
    }
    Ok(p)
}

fn env(name: &str) -> Result<String> {
    std::env::var(name).with_context(|| {
        format!("{name} is not set: source the env file that `scripts/stack.sh up DIR` writes")
    })
}

/// A fresh, empty database: a SQLite file in `work`, or a new database on $RT_PG_URL's server.
async fn fresh_db(kind: &str, work: &Path, name: &str) -> Result<String> {
    match kind {
        "sqlite" => {
            let f = work.join(format!("{name}.db"));
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", f.display()));
            }
            Ok(format!("sqlite://{}", f.display()))
        }
        "postgres" => {
            use sqlx::Connection;
            let server = env("RT_PG_URL")?;
            let db = format!("{name}_{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
            let mut c = sqlx::PgConnection::connect(&server)
                .await
                .context("connecting to $RT_PG_URL")?;
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {db}")))
                .execute(&mut c)
                .await?;
            let base = server
                .rsplit_once('/')
                .context("RT_PG_URL ends in /DBNAME")?
                .0;
            Ok(format!("{base}/{db}"))
        }
        other => bail!("--db {other}: use sqlite or postgres"),
    }
}

/// What the server does with commits: the stack turns durability off for tests; bench.sh
/// turns it back on, and the results say which it was.
async fn pg_durability(url: &str) -> Result<String> {
    use sqlx::Connection;
    let mut c = sqlx::PgConnection::connect(url).await?;
    let mut parts = Vec::new();
    for s in ["fsync", "synchronous_commit", "full_page_writes"] {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!("SHOW {s}")))
            .fetch_one(&mut c)
            .await?;
        parts.push(format!("{s}={}", row.try_get::<String, _>(0)?));
    }
    Ok(parts.join(","))
}

struct Setup {
    list: String,
    coordinator: String,
    inbound: String,
    outbound: String,
}

fn write_config(path: &Path, db: &str, s: &Setup) -> Result<()> {
    let text = format!(
        r#"# written by the bench
database_url = "{db}"
secret = "{SECRET}"
authserv_id = "mx.rt.test"

[inbound]
{inbound}

[outbound]
{outbound}

[[community]]
slug = "{SLUG}"
name = "Bench Circle"
address = "{list}"
timezone = "Europe/Berlin"
coordinators = ["{coordinator}"]
description = "Practising engineers trading what books can't teach: incidents, estimates, tools, and the clients who pay for them."
signature = "Ana, coordinator"
"#,
        inbound = s.inbound,
        outbound = s.outbound,
        list = s.list,
        coordinator = s.coordinator
    );
    std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))
}

async fn build_app(config: &Path) -> Result<App> {
    let config = roundtable::config::load(config)?;
    App::build(config, Clock::system()).await
}

/// N members `PREFIXnnnnn@DOMAIN`, in one transaction. Returns (person id, address).
async fn add_members(
    app: &App,
    n: usize,
    prefix: &str,
    domain: &str,
    now: i64,
) -> Result<Vec<(i64, String)>> {
    let c = app.world.community(SLUG)?.clone();
    let mut tx = app.store().begin().await?;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let addr = format!("{prefix}{i:05}@{domain}");
        let name = format!(
            "{} {}",
            FIRST[i % FIRST.len()],
            LAST[(i / FIRST.len()) % LAST.len()]
        );
        let id = app
            .store()
            .upsert_person(
                &mut tx,
                c.id,
                &Address::parse(&addr)?,
                Some(&name),
                Role::Member,
                now,
            )
            .await?;
        out.push((id, addr));
    }
    tx.commit().await?;
    Ok(out)
}

const FIRST: &[&str] = &[
    "Ana", "Ben", "Chloé", "Dev", "Eva", "Farid", "Grete", "Hiro", "Inés", "João", "Kofi", "Lena",
    "Marta", "Nils", "Olu", "Priya",
];
const LAST: &[&str] = &[
    "Okafor", "Martin", "Patel", "Novak", "Haddad", "Schmidt", "Tanaka", "García", "Silva",
    "Mensah", "Jansen", "Rossi", "Kowalski", "Dubois", "Andersen", "Ng",
];

/// A past meeting with attendees, takeaways and open topics (what a digest reports), and the
/// next meeting. Returns (past id, next id, next thread id).
async fn group_history(
    app: &App,
    members: &[(i64, String)],
    now: i64,
) -> Result<(i64, i64, String)> {
    let c = app.world.community(SLUG)?.clone();
    let store = app.store();
    let mut tx = store.begin().await?;
    let past = store
        .create_meeting(
            &mut tx,
            c.id,
            now - 2 * DAY,
            Some("Room 4, Werkstatt"),
            "past-meeting@bench.test",
            now - 20 * DAY,
        )
        .await?;
    let thread = format!("next-meeting-{}@bench.test", uuid::Uuid::new_v4().simple());
    let next = store
        .create_meeting(
            &mut tx,
            c.id,
            now + 30 * DAY,
            Some("Room 4, Werkstatt"),
            &thread,
            now,
        )
        .await?;
    let attended: Vec<i64> = members.iter().take(14).map(|m| m.0).collect();
    store.set_attended(&mut tx, past, &attended).await?;
    for (i, m) in members.iter().take(12).enumerate() {
        store
            .add_takeaway(
                &mut tx,
                past,
                m.0,
                TAKEAWAYS[i % TAKEAWAYS.len()],
                now - DAY,
            )
            .await?;
        store
            .add_takeaway(
                &mut tx,
                past,
                m.0,
                TAKEAWAYS[(i + 5) % TAKEAWAYS.len()],
                now - DAY,
            )
            .await?;
    }
    for (i, t) in TOPICS.iter().enumerate() {
        let proposer = members[(i * 7) % members.len()].0;
        store
            .add_topic(
                &mut tx,
                c.id,
                t.0,
                Some(t.1),
                proposer,
                Some(next),
                now - DAY,
            )
            .await?;
    }
    tx.commit().await?;
    Ok((past, next, thread))
}

const TAKEAWAYS: &[&str] = &[
    "Write the estimate as a range and say what would move it; clients trust the range more than the number.",
    "Post-mortems without names got us twice the detail.",
    "Feature flags need an owner and an expiry date, or they become configuration.",
    "A five-minute demo at the end of each week replaced the status meeting.",
    "Pairing on the on-call handover caught three alerts nobody understood.",
    "Charging for discovery as a separate, fixed-price phase filters out the tyre-kickers.",
    "Keep a decision log in the repository; the wiki rots.",
    "Saying no to a client early is cheaper than a rescue project later.",
    "Load tests against production-like data found the N+1 query the unit tests never would.",
    "Read 'Thinking in Systems': the chapter on delays explains our release trains.",
];

const TOPICS: &[(&str, &str)] = &[
    (
        "Pricing maintenance contracts",
        "flat fee, hours bank, or per incident?",
    ),
    (
        "On-call for a team of three",
        "how do small teams keep it humane",
    ),
    (
        "When to rewrite",
        "signals that a rewrite is cheaper than the next feature",
    ),
    (
        "Tools for estimating",
        "reference-class forecasting in practice",
    ),
    (
        "Client workshops that work",
        "formats, length, who should be in the room",
    ),
    ("Hiring juniors remotely", "onboarding without an office"),
    ("Accessibility audits", "what we learned from the first two"),
    ("Monorepo or not", "experiences after a year"),
];

// ---- 1. inbound ----------------------------------------------------------------------------

async fn inbound(
    kind: &str,
    work: &Path,
    n: usize,
    drain_only: bool,
    label: &str,
    out: &mut Results,
) -> Result<()> {
    let dir = work.join(format!("inbound-{label}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let db = fresh_db(kind, &dir, "rt_bench_inbound").await?;
    let inbox = dir.join("inbox");
    let setup = Setup {
        list: "circle@bench.test".into(),
        coordinator: "ana@bench.test".into(),
        inbound: format!("kind = \"maildir\"\npath = \"{}\"", inbox.display()),
        outbound: format!(
            "kind = \"maildir\"\npath = \"{}\"",
            dir.join("outbox").display()
        ),
    };
    let cfg = dir.join("roundtable.toml");
    write_config(&cfg, &db, &setup)?;
    let app = build_app(&cfg).await?;
    let now = app.clock.now();
    let members = add_members(&app, n, "m", "bench.test", now).await?;
    let (past, next, thread) = group_history(&app, &members, now).await?;

    let mix = gen::backlog(
        &inbox,
        n,
        &members,
        &Signer::new(SECRET.as_bytes()),
        past,
        next,
        &thread,
        now,
    )?;
    let files = roundtable::maildir::list(&inbox)?;
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).map(|m| m.len()).unwrap_or(0))
        .sum();
    println!(
        "inbound on {kind}: {} replies in {} ({} KB), mix: {}",
        files.len(),
        inbox.display(),
        bytes / 1024,
        mix.iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    );

    // mail-parser's raw parse rate of the same files, read from disk the same way.
    let parser = mail_parser::MessageParser::default();
    let t = Instant::now();
    let mut parsed = 0usize;
    for f in files.iter().filter(|_| !drain_only) {
        let raw = std::fs::read(f)?;
        if let Some(m) = parser.parse(&raw) {
            parsed += std::hint::black_box(m.parts.len()).min(1);
        }
    }
    let parse_time = t.elapsed();
    // The pure reading (guard, trim, intent) alone, for the profile: no database, no files moved.
    let own = vec![setup.list.clone()];
    let t = Instant::now();
    for f in files.iter().filter(|_| !drain_only) {
        let raw = std::fs::read(f)?;
        let _ = std::hint::black_box(understand::read(
            &raw,
            &understand::Context {
                asked: None,
                own_addresses: &own,
            },
        ));
    }
    let understand_time = t.elapsed();

    // The real path: read, understand, commit, acknowledge (move to .Handled), enqueue answers.
    let mut mailbox = app.open_mailbox().await?;
    let written = self_written();
    let cpu = self_cpu();
    let t = Instant::now();
    let stats = app.drain_inbox(&mut mailbox).await?;
    let drain_time = t.elapsed();
    let cpu = self_cpu() - cpu;
    let written = self_written() - written;
    let handled_files = std::fs::read_dir(inbox.join(".Handled/cur"))
        .map(|d| d.count())
        .unwrap_or(0);
    let left = roundtable::maildir::list(&inbox)?.len();

    let p = format!("inbound.{label}");
    out.put(&format!("{p}.messages"), files.len());
    out.put(&format!("{p}.bytes"), bytes);
    out.put(
        &format!("{p}.mix"),
        mix.iter()
            .map(|(k, v)| format!("{k}:{v}"))
            .collect::<Vec<_>>()
            .join(","),
    );
    out.put(
        &format!("{p}.parse_rate"),
        format!("{:.0}", rate(parsed, parse_time)),
    );
    out.put(
        &format!("{p}.understand_rate"),
        format!("{:.0}", rate(files.len(), understand_time)),
    );
    out.put(
        &format!("{p}.rate"),
        format!("{:.0}", rate(files.len(), drain_time)),
    );
    out.put(
        &format!("{p}.seconds"),
        format!("{:.2}", drain_time.as_secs_f64()),
    );
    out.put(&format!("{p}.cpu_seconds"), format!("{cpu:.2}"));
    out.put(
        &format!("{p}.written_kb_per_message"),
        format!("{:.1}", written as f64 / 1024.0 / files.len().max(1) as f64),
    );
    out.put(&format!("{p}.load"), loadavg());
    out.put(&format!("{p}.handled"), stats.handled);
    out.put(&format!("{p}.duplicates"), stats.duplicates);
    out.put(&format!("{p}.quarantined"), stats.quarantined);
    out.put(&format!("{p}.answers_queued"), stats.queued);
    out.put(&format!("{p}.acknowledged"), handled_files);
    out.put(&format!("{p}.left_in_inbox"), left);
    let kinds = group_count(
        &db,
        "SELECT kind AS k, COUNT(*) AS n FROM inbound GROUP BY kind ORDER BY kind",
    )
    .await?;
    out.put(
        &format!("{p}.read_as"),
        kinds
            .iter()
            .map(|(k, v)| format!("{k}:{v}"))
            .collect::<Vec<_>>()
            .join(","),
    );
    if kind == "postgres" {
        out.put(&format!("{p}.server"), pg_durability(&db).await?);
    } else {
        out.put(&format!("{p}.server"), "journal_mode=WAL,synchronous=FULL");
    }
    app.store().close().await;
    Ok(())
}

async fn group_count(db: &str, sql: &'static str) -> Result<Vec<(String, i64)>> {
    let pool = sqlx::AnyPool::connect(db).await?;
    let rows = sqlx::query(sql).fetch_all(&pool).await?;
    let out = rows
        .iter()
        .map(|r| Ok((r.try_get::<String, _>("k")?, r.try_get::<i64, _>("n")?)))
        .collect::<Result<_>>();
    pool.close().await;
    out
}

async fn scalar(db: &str, sql: &'static str) -> Result<i64> {
    let pool = sqlx::AnyPool::connect(db).await?;
    let v = sqlx::query(sql)
        .fetch_one(&pool)
        .await?
        .try_get::<i64, _>(0)?;
    pool.close().await;
    Ok(v)
}

/// The inbound backlog: real-format messages from tests/fixtures, re-addressed as replies of
/// this community's members.
mod gen {
    use super::*;

    /// (category, share of the backlog in percent, fixture folder, filter)
    const MIX: &[(&str, usize, &str)] = &[
        ("rsvp", 45, "rsvp"),
        ("calendar-reply", 8, "calendar"),
        ("topics", 10, "topics"),
        ("votes", 5, "votes"),
        ("takeaways", 10, "takeaways"),
        ("bounce", 10, "bounces"),
        ("auto-reply", 12, "auto"),
    ];

    fn fixtures(folder: &str) -> Result<Vec<Vec<u8>>> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(folder);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .with_context(|| format!("reading {}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "eml"))
            .collect();
        files.sort();
        let mut out = Vec::new();
        for f in files {
            let raw = std::fs::read(&f)?;
            let text = String::from_utf8_lossy(&raw).to_ascii_lowercase();
            // Calendar: only the answers (iTIP REPLY), not invitations or cancellations.
            if folder == "calendar"
                && !(text.contains("method:reply") || text.contains("method=reply"))
            {
                continue;
            }
            out.push(raw);
        }
        if out.is_empty() {
            bail!("no fixtures in {}", dir.display());
        }
        Ok(out)
    }

    /// Writes N messages into `inbox/new` (oldest first by name) and returns the mix.
    #[allow(clippy::too_many_arguments)]
    pub fn backlog(
        inbox: &Path,
        n: usize,
        members: &[(i64, String)],
        signer: &Signer,
        past: i64,
        next: i64,
        thread: &str,
        now: i64,
    ) -> Result<Vec<(String, usize)>> {
        roundtable::maildir::ensure(inbox)?;
        let pools: Vec<(&str, usize, Vec<Vec<u8>>)> = MIX
            .iter()
            .map(|(k, share, folder)| Ok((*k, *share, fixtures(folder)?)))
            .collect::<Result<_>>()?;
        // Deterministic interleaving: message i gets the category whose running share is
        // furthest behind, so every stretch of the backlog has the same mix.
        let mut counts = vec![0usize; pools.len()];
        let expires = now + 120 * DAY;
        for i in 0..n {
            let k = (0..pools.len())
                .max_by(|&a, &b| {
                    let due =
                        |j: usize| (pools[j].1 as f64) * (i + 1) as f64 / 100.0 - counts[j] as f64;
                    due(a)
                        .partial_cmp(&due(b))
                        .unwrap_or(std::cmp::Ordering::Equal)
                        .then(b.cmp(&a))
                })
                .unwrap_or(0);
            let (cat, _, files) = &pools[k];
            let raw = &files[counts[k] % files.len()];
            counts[k] += 1;
            let (pid, addr) = &members[i % members.len()];
            let token = |purpose: Purpose, reference: i64| {
                signer.sign(&Claims {
                    purpose,
                    person_id: *pid,
                    reference,
                    expires_at: expires,
                })
            };
            let name = format!("Member {i}");
            let (from, to, in_reply_to) = match *cat {
                "rsvp" => (
                    Some(format!("{name} <{addr}>")),
                    format!("circle+{}@bench.test", token(Purpose::Rsvp, next)),
                    Some(thread.to_string()),
                ),
                // Calendar apps answer the ORGANIZER, the plain list address.
                "calendar-reply" => (
                    Some(format!("{name} <{addr}>")),
                    "circle@bench.test".to_string(),
                    None,
                ),
                "topics" | "votes" => (
                    Some(format!("{name} <{addr}>")),
                    format!("circle+{}@bench.test", token(Purpose::Topics, next)),
                    Some(thread.to_string()),
                ),
                "takeaways" => (
                    Some(format!("{name} <{addr}>")),
                    format!("circle+{}@bench.test", token(Purpose::Takeaways, past)),
                    None,
                ),
                // A receiving server's report to our VERP return path; its own From is kept.
                "bounce" => (
                    None,
                    format!("circle+bounce-{}@bench.test", token(Purpose::Bounce, next)),
                    None,
                ),
                _ => (
                    Some(format!("{name} <{addr}>")),
                    format!("circle+{}@bench.test", token(Purpose::Rsvp, next)),
                    Some(thread.to_string()),
                ),
            };
            let msg = rewrite(
                raw,
                from.as_deref(),
                &to,
                &format!(
                    "<bench-{i}-{}@client.example>",
                    &uuid::Uuid::new_v4().simple().to_string()[..12]
                ),
                in_reply_to.as_deref(),
            );
            let name = format!("{}.M{:06}P1Q{i}.bench", now, i);
            let tmp = inbox.join("tmp").join(&name);
            std::fs::write(&tmp, &msg)?;
            std::fs::rename(&tmp, inbox.join("new").join(&name))?;
        }
        Ok(pools
            .iter()
            .zip(counts)
            .map(|((k, _, _), c)| (k.to_string(), c))
            .collect())
    }

    /// The fixture with new From (unless None), To, Message-ID, Date and In-Reply-To; every
    /// other header and the body as they were.
    pub fn rewrite(
        raw: &[u8],
        from: Option<&str>,
        to: &str,
        message_id: &str,
        in_reply_to: Option<&str>,
    ) -> Vec<u8> {
        let (head_end, body_start) = match find(raw, b"\r\n\r\n") {
            Some(p) => (p, p + 4),
            None => match find(raw, b"\n\n") {
                Some(p) => (p, p + 2),
                None => (raw.len(), raw.len()),
            },
        };
        let head = &raw[..head_end];
        let nl: &[u8] = if find(head, b"\r\n").is_some() {
            b"\r\n"
        } else {
            b"\n"
        };
        let mut drop = vec![
            "to",
            "cc",
            "message-id",
            "date",
            "delivered-to",
            "x-original-to",
            "in-reply-to",
            "references",
        ];
        if from.is_some() {
            drop.push("from");
        }
        let mut out: Vec<u8> = Vec::with_capacity(raw.len() + 256);
        let mut add = |line: String| {
            out.extend_from_slice(line.as_bytes());
            out.extend_from_slice(nl);
        };
        if let Some(f) = from {
            add(format!("From: {f}"));
        }
        add(format!("To: {to}"));
        add(format!("Message-ID: {message_id}"));
        add(format!("Date: {}", chrono::Utc::now().to_rfc2822()));
        if let Some(r) = in_reply_to {
            add(format!("In-Reply-To: <{r}>"));
            add(format!("References: <{r}>"));
        }
        let mut keep = true;
        for line in head.split(|&b| b == b'\n') {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if line.first().is_some_and(|b| *b == b' ' || *b == b'\t') {
                if keep {
                    out.extend_from_slice(line);
                    out.extend_from_slice(nl);
                }
                continue;
            }
            let name = line
                .split(|&b| b == b':')
                .next()
                .map(|n| String::from_utf8_lossy(n).trim().to_ascii_lowercase())
                .unwrap_or_default();
            keep = !drop.contains(&name.as_str());
            if keep {
                out.extend_from_slice(line);
                out.extend_from_slice(nl);
            }
        }
        out.extend_from_slice(nl);
        out.extend_from_slice(&raw[body_start.min(raw.len())..]);
        out
    }

    fn find(h: &[u8], needle: &[u8]) -> Option<usize> {
        h.windows(needle.len()).position(|w| w == needle)
    }
}

// ---- 2. outbound ---------------------------------------------------------------------------

/// Queues a personalised digest to N members through the rules (the digest job). Returns
/// (mails queued, the moment they are due, queueing time).
async fn queue_digest(app: &App, n: usize, domain: &str) -> Result<(usize, i64, Duration)> {
    // A week back, so that the digest falls due before now and a daemon on the system clock
    // sends it at once.
    let t0 = roundtable::clock::unix_now() - 8 * DAY;
    let members = add_members(app, n, "r", domain, t0).await?;
    group_history(app, &members, t0).await?;
    app.world.plan(t0).await?;
    let c = app.world.community(SLUG)?;
    let jobs = app.store().jobs(c.id, false).await?;
    let due = jobs
        .iter()
        .find(|j| j.kind == JobKind::Digest)
        .context("plan() made no digest job")?
        .due_at;
    let t = Instant::now();
    let fired = app.world.fire_due("bench", due).await?;
    Ok((fired.mails, due, t.elapsed()))
}

fn smtp_outbound(port: u16, connections: u32) -> String {
    format!("kind = \"smtp\"\nhost = \"127.0.0.1\"\nport = {port}\ntls = \"none\"\nmax_connections = {connections}\nrate_per_second = 0\nretry = [\"1m\", \"5m\"]\nmax_age = \"30d\"")
}

async fn outbound(
    kind: &str,
    work: &Path,
    n: usize,
    port: u16,
    connections: u32,
    label: &str,
    out: &mut Results,
) -> Result<()> {
    let dir = work.join(format!("{label}-{kind}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let db = fresh_db(kind, &dir, "rt_bench_outbound").await?;
    let setup = Setup {
        list: "circle@bench.test".into(),
        coordinator: "ana@bench.test".into(),
        inbound: format!(
            "kind = \"maildir\"\npath = \"{}\"",
            dir.join("inbox").display()
        ),
        outbound: smtp_outbound(port, connections),
    };
    let cfg = dir.join("roundtable.toml");
    write_config(&cfg, &db, &setup)?;
    let app = build_app(&cfg).await?;
    let (queued, _, queue_time) = queue_digest(&app, n, "sink.test").await?;
    let size = scalar(
        &db,
        "SELECT CAST(SUM(LENGTH(body)) / COUNT(*) AS BIGINT) FROM outbox_bodies",
    )
    .await?;
    println!("outbound on {kind}: {queued} digests queued in {:.2}s, {size} bytes each on average; delivering over {connections} connection(s) to 127.0.0.1:{port}", queue_time.as_secs_f64());

    let delivery = app.delivery()?;
    let written = self_written();
    let cpu = self_cpu();
    let t = Instant::now();
    let now = roundtable::clock::unix_now();
    // As the daemon and `run --once` deliver: on a thread and runtime of its own.
    let b = delivery
        .on_own_thread(move |d| async move { d.drain(now).await })
        .await??;
    let send_time = t.elapsed();
    let cpu = self_cpu() - cpu;
    let written = self_written() - written;
    let p = format!("{label}.{kind}");
    out.put(&format!("{p}.messages"), queued);
    out.put(&format!("{p}.size"), size);
    out.put(&format!("{p}.connections"), connections);
    out.put(
        &format!("{p}.queue_rate"),
        format!("{:.0}", rate(queued, queue_time)),
    );
    out.put(&format!("{p}.sent"), b.sent);
    out.put(&format!("{p}.retried"), b.retried);
    out.put(&format!("{p}.failed"), b.failed);
    out.put(
        &format!("{p}.rate"),
        format!("{:.0}", rate(b.sent, send_time)),
    );
    out.put(
        &format!("{p}.seconds"),
        format!("{:.2}", send_time.as_secs_f64()),
    );
    out.put(&format!("{p}.cpu_seconds"), format!("{cpu:.2}"));
    out.put(
        &format!("{p}.written_kb_per_message"),
        format!("{:.1}", written as f64 / 1024.0 / b.sent.max(1) as f64),
    );
    out.put(&format!("{p}.load"), loadavg());
    app.store().close().await;
    Ok(())
}

// ---- 6. scale-out --------------------------------------------------------------------------

#[allow(clippy::too_many_arguments)]
async fn scaleout(
    work: &Path,
    n: usize,
    port: u16,
    connections: u32,
    daemons: usize,
    dump: &Path,
    bin: &Path,
    out: &mut Results,
) -> Result<()> {
    let dir = work.join(format!("scaleout-{daemons}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let db = fresh_db("postgres", &dir, "rt_bench_scale").await?;
    let setup = Setup {
        list: "circle@bench.test".into(),
        coordinator: "ana@bench.test".into(),
        inbound: format!(
            "kind = \"maildir\"\npath = \"{}\"",
            dir.join("inbox").display()
        ),
        outbound: smtp_outbound(port, connections),
    };
    let cfg = dir.join("roundtable.toml");
    write_config(&cfg, &db, &setup)?;
    // Each run has its own recipient domain, so the sink's dumps tell the runs apart.
    let domain = format!(
        "scale{daemons}-{}.test",
        &uuid::Uuid::new_v4().simple().to_string()[..6]
    );
    let (queued, _, _) = {
        let app = build_app(&cfg).await?;
        let r = queue_digest(&app, n, &domain).await?;
        app.store().close().await;
        r
    };
    let pool = sqlx::AnyPool::connect(&db).await?;
    let t = Instant::now();
    let mut children: Vec<Child> = (0..daemons)
        .map(|i| {
            Command::new(bin)
                .args(["--config", &cfg.to_string_lossy(), "run"])
                .env("RUST_LOG", "warn")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(
                    std::fs::File::create(dir.join(format!("daemon-{i}.log"))).expect("daemon log"),
                )
                .spawn()
                .with_context(|| format!("starting {}", bin.display()))
        })
        .collect::<Result<_>>()?;
    let deadline = Instant::now() + Duration::from_secs(600);
    let elapsed = loop {
        let left: i64 = sqlx::query("SELECT COUNT(*) FROM outbox WHERE status <> $1")
            .bind(OutboxStatus::Sent.as_str())
            .fetch_one(&pool)
            .await?
            .try_get(0)?;
        if left == 0 {
            break t.elapsed();
        }
        if Instant::now() > deadline {
            bail!(
                "{left} mails still unsent after 10 minutes; see {}",
                dir.display()
            );
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    };
    let per_daemon = sqlx::query("SELECT lease_owner AS k, COUNT(*) AS n FROM outbox GROUP BY lease_owner ORDER BY lease_owner").fetch_all(&pool).await?;
    let shares: Vec<String> = per_daemon
        .iter()
        .map(|r| r.try_get::<i64, _>("n").map(|n| n.to_string()))
        .collect::<Result<_, _>>()?;
    pool.close().await;
    for c in &mut children {
        stop(c, Duration::from_secs(20));
    }
    // Let the sink finish writing its last dumps.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let counts = dumped_recipients(dump, &format!("@{domain}"))?;
    let doubles: usize = counts.values().map(|c| c.saturating_sub(1)).sum();
    let p = format!("scaleout.{daemons}");
    out.put(&format!("{p}.messages"), queued);
    out.put(&format!("{p}.connections_each"), connections);
    out.put(
        &format!("{p}.rate"),
        format!("{:.0}", rate(queued, elapsed)),
    );
    out.put(
        &format!("{p}.seconds"),
        format!("{:.2}", elapsed.as_secs_f64()),
    );
    out.put(&format!("{p}.received"), counts.values().sum::<usize>());
    out.put(&format!("{p}.recipients"), counts.len());
    out.put(&format!("{p}.double_sends"), doubles);
    // Every member of the run's domain once (the coordinator's copy goes to another domain).
    out.put(&format!("{p}.missing"), n.saturating_sub(counts.len()));
    out.put(&format!("{p}.shares"), shares.join("+"));
    Ok(())
}

/// How many transactions smtp-sink dumped per recipient (its `X-Rcpt-Args: <address>` lines,
/// in the block of `X-` lines it writes above the message) whose address ends with `suffix`.
fn dumped_recipients(dump: &Path, suffix: &str) -> Result<HashMap<String, usize>> {
    let mut counts = HashMap::new();
    let mut stack = vec![dump.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).with_context(|| format!("reading {}", d.display()))? {
            let p = e?.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let f = std::fs::File::open(&p)?;
            for line in BufReader::new(f).split(b'\n') {
                let line = line?;
                if !line.starts_with(b"X-") {
                    break; // the message itself begins
                }
                if let Some(rest) = line.strip_prefix(b"X-Rcpt-Args: ") {
                    let addr = String::from_utf8_lossy(rest)
                        .trim()
                        .trim_matches(['<', '>'])
                        .to_ascii_lowercase();
                    if addr.ends_with(suffix) {
                        *counts.entry(addr).or_insert(0) += 1;
                    }
                }
            }
        }
    }
    Ok(counts)
}

fn stop(c: &mut Child, within: Duration) -> Option<Duration> {
    let t = Instant::now();
    let _ = Command::new("kill")
        .args(["-TERM", &c.id().to_string()])
        .status();
    while t.elapsed() < within {
        if let Ok(Some(_)) = c.try_wait() {
            return Some(t.elapsed());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let _ = c.kill();
    let _ = c.wait();
    None
}

// ---- 4 + 5. the daemon: start-up, footprint, latency ---------------------------------------

async fn daemon(
    work: &Path,
    idle_secs: u64,
    replies: usize,
    bin: &Path,
    out: &mut Results,
) -> Result<()> {
    let dir = work.join("daemon");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let domain = env("RT_MAIL_DOMAIN")?;
    let smtp_port: u16 = env("RT_SMTP_PORT")?.parse()?;
    let tag = &uuid::Uuid::new_v4().simple().to_string()[..6];
    let list = format!("bench-{tag}@{domain}");
    let setup = Setup {
        list: list.clone(),
        coordinator: format!("bench-coord-{tag}@{domain}"),
        inbound: format!(
            "kind = \"imap\"\nhost = \"127.0.0.1\"\nport = {}\ntls = \"none\"\nusername = \"{list}\"\npassword = \"{}\"\nfolder = \"INBOX\"\nidle = true\npoll_interval = \"60s\"",
            env("RT_IMAP_PORT")?,
            env("RT_IMAP_PASSWORD")?
        ),
        outbound: format!("kind = \"smtp\"\nhost = \"127.0.0.1\"\nport = {smtp_port}\ntls = \"none\"\nmax_connections = 2\nretry = [\"1m\"]"),
    };
    let db = fresh_db("sqlite", &dir, "daemon").await?;
    let cfg = dir.join("roundtable.toml");
    write_config(&cfg, &db, &setup)?;
    let (members, meeting) = {
        let app = build_app(&cfg).await?;
        let now = app.clock.now();
        let members =
            add_members(&app, replies.max(1), &format!("lat{tag}-"), &domain, now).await?;
        let (_, next, _) = group_history(&app, &members, now).await?;
        app.store().close().await;
        (members, next)
    };

    // Start-up: exec → "roundtable running" (config, database, IMAP login).
    let t = Instant::now();
    let mut child = Command::new(bin)
        .args(["--config", &cfg.to_string_lossy(), "run"])
        .env("RUST_LOG", "info,roundtable::outbox=debug,sqlx=warn")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("starting {}", bin.display()))?;
    let lines = log_lines(
        child.stderr.take().context("daemon stderr")?,
        dir.join("daemon.log"),
    );
    let started = wait_line(&lines, Duration::from_secs(30), |l| {
        l.contains("roundtable running")
    });
    let Some(started) = started else {
        stop(&mut child, Duration::from_secs(5));
        bail!(
            "the daemon did not say \"roundtable running\" within 30 s; see {}",
            dir.join("daemon.log").display()
        );
    };
    let startup = started.duration_since(t);
    let pid = child.id();

    // Footprint: let the first round settle, then watch an idle daemon.
    std::thread::sleep(Duration::from_secs(2));
    let (ticks0, _) = proc_stat(pid)?;
    let t = Instant::now();
    let mut rss_max = 0u64;
    let mut rss_sum = 0u64;
    let mut samples = 0u64;
    while t.elapsed() < Duration::from_secs(idle_secs) {
        let rss = proc_rss_kb(pid)?;
        rss_max = rss_max.max(rss);
        rss_sum += rss;
        samples += 1;
        std::thread::sleep(Duration::from_millis(500));
    }
    let idle = t.elapsed();
    let (ticks1, threads) = proc_stat(pid)?;
    let clk = 100.0; // USER_HZ on Linux
    let cpu = (ticks1 - ticks0) as f64 / clk / idle.as_secs_f64() * 100.0;
    out.put(
        "daemon.startup_ms",
        format!("{:.0}", startup.as_secs_f64() * 1000.0),
    );
    out.put("daemon.idle_seconds", format!("{:.0}", idle.as_secs_f64()));
    out.put("daemon.rss_max_kb", rss_max);
    out.put("daemon.rss_avg_kb", rss_sum / samples.max(1));
    out.put("daemon.cpu_ticks", ticks1 - ticks0);
    out.put("daemon.cpu_percent", format!("{cpu:.3}"));
    out.put("daemon.threads", threads);
    let size = std::fs::metadata(bin)?.len();
    out.put("binary.bytes", size);
    let stripped = dir.join("roundtable.stripped");
    if Command::new("strip")
        .arg("-o")
        .arg(&stripped)
        .arg(bin)
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
    {
        out.put("binary.stripped_bytes", std::fs::metadata(&stripped)?.len());
    }

    // Latency: one reply at a time through Postfix → Dovecot → IDLE → the daemon → its
    // confirmation accepted by Postfix (the daemon logs "sent" once Postfix said 250).
    let signer = Signer::new(SECRET.as_bytes());
    let mut lat = Vec::with_capacity(replies);
    let mut lost = 0;
    for (i, (pid, addr)) in members.iter().take(replies).enumerate() {
        let token = signer.sign(&Claims {
            purpose: Purpose::Rsvp,
            person_id: *pid,
            reference: meeting,
            expires_at: roundtable::clock::unix_now() + 90 * DAY,
        });
        let (local, dom) = list.split_once('@').context("list address")?;
        let to = format!("{local}+{token}@{dom}");
        let answers = [
            "Yes, see you there!",
            "No, sorry — travelling that week.",
            "Maybe, depends on a client call.",
            "yes 15 min late",
        ];
        let msg = format!(
            "From: Member {i} <{addr}>\r\nTo: <{to}>\r\nSubject: Re: Bench Circle: will you come?\r\nMessage-ID: <lat-{i}-{}@client.example>\r\nDate: {}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{}\r\n\r\n-- \r\nMember {i}\r\n",
            uuid::Uuid::new_v4().simple(),
            chrono::Utc::now().to_rfc2822(),
            answers[i % answers.len()]
        );
        while lines.try_recv().is_ok() {}
        smtp_send(smtp_port, addr, &to, msg.as_bytes())
            .with_context(|| format!("sending reply {i} to Postfix"))?;
        let t0 = Instant::now();
        let needle = format!("to={addr}");
        match wait_line(&lines, Duration::from_secs(15), |l| {
            l.contains(" sent") && l.contains(&needle)
        }) {
            Some(at) => lat.push(at.duration_since(t0)),
            None => lost += 1,
        }
    }
    let shutdown = stop(&mut child, Duration::from_secs(20));
    lat.sort();
    let pct = |q: f64| {
        lat.get(
            ((lat.len() as f64 * q).ceil() as usize)
                .saturating_sub(1)
                .min(lat.len().saturating_sub(1)),
        )
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(f64::NAN)
    };
    out.put("latency.replies", replies);
    out.put("latency.answered", lat.len());
    out.put("latency.lost", lost);
    out.put("latency.p50_ms", format!("{:.0}", pct(0.50)));
    out.put("latency.p99_ms", format!("{:.0}", pct(0.99)));
    out.put(
        "latency.min_ms",
        format!(
            "{:.0}",
            lat.first()
                .map(|d| d.as_secs_f64() * 1000.0)
                .unwrap_or(f64::NAN)
        ),
    );
    out.put(
        "latency.max_ms",
        format!(
            "{:.0}",
            lat.last()
                .map(|d| d.as_secs_f64() * 1000.0)
                .unwrap_or(f64::NAN)
        ),
    );
    out.put(
        "daemon.shutdown_ms",
        shutdown
            .map(|d| format!("{:.0}", d.as_secs_f64() * 1000.0))
            .unwrap_or_else(|| "killed".into()),
    );
    Ok(())
}

/// The daemon's stderr, line by line with the moment each arrived; also copied to `log`.
fn log_lines(
    stderr: std::process::ChildStderr,
    log: PathBuf,
) -> std::sync::mpsc::Receiver<(Instant, String)> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut file = std::fs::File::create(log).ok();
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            let at = Instant::now();
            let line = strip_ansi(&line);
            if let Some(f) = file.as_mut() {
                let _ = writeln!(f, "{line}");
            }
            if tx.send((at, line)).is_err() {
                break;
            }
        }
    });
    rx
}

fn wait_line(
    rx: &std::sync::mpsc::Receiver<(Instant, String)>,
    within: Duration,
    want: impl Fn(&str) -> bool,
) -> Option<Instant> {
    let deadline = Instant::now() + within;
    loop {
        let left = deadline.checked_duration_since(Instant::now())?;
        match rx.recv_timeout(left) {
            Ok((at, line)) if want(&line) => return Some(at),
            Ok(_) => continue,
            Err(_) => return None,
        }
    }
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}

/// (utime + stime in clock ticks, threads) from /proc/PID/stat.
fn proc_stat(pid: u32) -> Result<(u64, u64)> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
    let rest = s.rsplit_once(") ").context("/proc stat format")?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    // Fields after "(comm)": state is index 0, so utime (field 14) is 11, stime 12, threads 17.
    Ok((
        f[11].parse::<u64>()? + f[12].parse::<u64>()?,
        f[17].parse()?,
    ))
}

fn proc_rss_kb(pid: u32) -> Result<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    let line = s
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .context("VmRSS in /proc status")?;
    Ok(line
        .split_whitespace()
        .nth(1)
        .context("VmRSS value")?
        .parse()?)
}

/// One message to Postfix the way a member's client sends it (with TCP_NODELAY, so the bench's
/// own client adds no Nagle delay).
fn smtp_send(port: u16, from: &str, to: &str, msg: &[u8]) -> Result<()> {
    let s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_nodelay(true)?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut r = BufReader::new(s.try_clone()?);
    let mut w = s;
    let mut expect = |code: &str| -> Result<()> {
        loop {
            let mut line = String::new();
            if r.read_line(&mut line)? == 0 {
                bail!("connection closed, expected {code}");
            }
            if !line.starts_with(code) {
                bail!("expected {code}, got {}", line.trim_end());
            }
            if line.as_bytes().get(3) != Some(&b'-') {
                return Ok(());
            }
        }
    };
    expect("220")?;
    w.write_all(b"EHLO client.example\r\n")?;
    expect("250")?;
    w.write_all(format!("MAIL FROM:<{from}>\r\n").as_bytes())?;
    expect("250")?;
    w.write_all(format!("RCPT TO:<{to}>\r\n").as_bytes())?;
    expect("250")?;
    w.write_all(b"DATA\r\n")?;
    expect("354")?;
    let mut data = Vec::with_capacity(msg.len() + 8);
    for line in msg.split_inclusive(|&b| b == b'\n') {
        if line.first() == Some(&b'.') {
            data.push(b'.');
        }
        data.extend_from_slice(line);
    }
    data.extend_from_slice(b".\r\n");
    w.write_all(&data)?;
    expect("250")?;
    w.write_all(b"QUIT\r\n")?;
    Ok(())
}

// ---- report --------------------------------------------------------------------------------

fn report(results: &Path, file: &Path, command: &str) -> Result<()> {
    let text = std::fs::read_to_string(results)
        .with_context(|| format!("reading {}", results.display()))?;
    let mut r: BTreeMap<String, String> = BTreeMap::new();
    for line in text.lines() {
        if let Some((k, v)) = line.split_once(' ') {
            r.insert(k.to_string(), v.to_string());
        }
    }
    let get = |k: &str| r.get(k).cloned().unwrap_or_else(|| "—".into());
    let num = |k: &str| r.get(k).and_then(|v| v.parse::<f64>().ok());
    let fmt_int = |v: f64| {
        let s = format!("{:.0}", v);
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 && c != '-' {
                out.push(',');
            }
            out.push(c);
        }
        out
    };
    let n = |k: &str| num(k).map(fmt_int).unwrap_or_else(|| "—".into());
    let ratio = |a: &str, b: &str| match (num(a), num(b)) {
        (Some(a), Some(b)) if b > 0.0 => format!("{:.0} %", a / b * 100.0),
        _ => "—".into(),
    };
    let verdict = |ok: Option<bool>| match ok {
        Some(true) => "**met**",
        Some(false) => "**missed**",
        None => "not measured",
    };

    let mut rows: Vec<[String; 4]> = Vec::new();
    for kind in ["sqlite", "postgres"] {
        let p = format!("inbound.{kind}");
        let budget = if kind == "sqlite" {
            format!(
                "budget ≥ 5,000/s: {}",
                verdict(num(&format!("{p}.rate")).map(|v| v >= 5000.0))
            )
        } else {
            "no budget (SQLite is the budget backend)".into()
        };
        rows.push([
            format!(
                "Inbound, {} ({} replies, drain_inbox end to end)",
                if kind == "sqlite" {
                    "SQLite"
                } else {
                    "PostgreSQL"
                },
                n(&format!("{p}.messages"))
            ),
            format!("{} replies/s", n(&format!("{p}.rate"))),
            format!(
                "mail-parser raw parse of the same files: {} msg/s (understand::read alone: {}/s)",
                n(&format!("{p}.parse_rate")),
                n(&format!("{p}.understand_rate"))
            ),
            format!(
                "{} of the raw parse rate; {budget}",
                ratio(&format!("{p}.rate"), &format!("{p}.parse_rate"))
            ),
        ]);
    }
    rows.push([
        "Inbound, SQLite, the same run confined to one CPU (`taskset -c 0`): a diagnosis, not a configuration".into(),
        format!("{} replies/s", n("inbound.sqlite-1cpu.rate")),
        format!("{} s of CPU, against {} s on both CPUs", get("inbound.sqlite-1cpu.cpu_seconds"), get("inbound.sqlite.cpu_seconds")),
        format!("{} of the two-CPU rate: waking a thread on the other, idle vCPU is what costs (see below)", ratio("inbound.sqlite-1cpu.rate", "inbound.sqlite.rate")),
    ]);
    rows.push([
        format!(
            "Outbound, SQLite (digest to {} over SMTP, {} connections, {} B/msg)",
            n("outbound.sqlite.messages"),
            get("outbound.sqlite.connections"),
            n("outbound.sqlite.size")
        ),
        format!("{} msg/s", n("outbound.sqlite.rate")),
        format!(
            "smtp-source, same size, {} sessions reusing connections, same sink: {} msg/s",
            get("smtp_source.sessions"),
            n("smtp_source.rate")
        ),
        format!(
            "**{}**; budget ≥ 90 %: {}",
            ratio("outbound.sqlite.rate", "smtp_source.rate"),
            verdict(
                match (num("outbound.sqlite.rate"), num("smtp_source.rate")) {
                    (Some(a), Some(b)) if b > 0.0 => Some(a / b >= 0.9),
                    _ => None,
                }
            )
        ),
    ]);
    rows.push([
        "Outbound, PostgreSQL (same run)".to_string(),
        format!("{} msg/s", n("outbound.postgres.rate")),
        format!("smtp-source as above: {} msg/s", n("smtp_source.rate")),
        ratio("outbound.postgres.rate", "smtp_source.rate"),
    ]);
    rows.push([
        format!(
            "Peer: mlmmj {} as packaged, one post to a list of {} addresses (one connection)",
            get("mlmmj.version"),
            n("mlmmj.packaged.recipients")
        ),
        format!("{} msg/s", n("mlmmj.packaged.rate")),
        format!(
            "roundtable outbound (SQLite): {} msg/s",
            n("outbound.sqlite.rate")
        ),
        format!(
            "roundtable = {} × mlmmj",
            match (num("outbound.sqlite.rate"), num("mlmmj.packaged.rate")) {
                (Some(a), Some(b)) if b > 0.0 => format!("{:.0}", a / b),
                _ => "—".into(),
            }
        ),
    ]);
    rows.push([
        format!(
            "Peer: mlmmj with TCP_NODELAY forced (LD_PRELOAD), a list of {} addresses",
            n("mlmmj.nodelay.recipients")
        ),
        format!("{} msg/s", n("mlmmj.nodelay.rate")),
        format!("smtp-source, 1 session: {} msg/s", n("smtp_source_1.rate")),
        format!(
            "{} of smtp-source (1 session)",
            ratio("mlmmj.nodelay.rate", "smtp_source_1.rate")
        ),
    ]);
    rows.push([
        "Peer: Mailman 3".into(),
        "not run".into(),
        get("mailman.note"),
        "—".into(),
    ]);
    rows.push([
        format!("Latency: reply into Postfix → confirmation accepted by Postfix ({} replies, IMAP IDLE, SQLite)", get("latency.replies")),
        format!("p50 {} ms, p99 {} ms", get("latency.p50_ms"), get("latency.p99_ms")),
        format!("min {} ms, max {} ms; {} lost", get("latency.min_ms"), get("latency.max_ms"), get("latency.lost")),
        format!("budget < 1 s: {}", verdict(num("latency.p99_ms").map(|v| v < 1000.0))),
    ]);
    rows.push([
        format!(
            "Footprint: idle daemon over {} s (IMAP IDLE, SQLite)",
            get("daemon.idle_seconds")
        ),
        format!(
            "RSS max {:.1} MB, CPU {} %",
            num("daemon.rss_max_kb").unwrap_or(f64::NAN) / 1024.0,
            get("daemon.cpu_percent")
        ),
        format!(
            "{} CPU ticks in the window; {} threads",
            get("daemon.cpu_ticks"),
            get("daemon.threads")
        ),
        format!(
            "budget < 30 MB, ~0 % CPU: {}",
            verdict(
                num("daemon.rss_max_kb")
                    .zip(num("daemon.cpu_percent"))
                    .map(|(r, c)| r < 30.0 * 1024.0 && c < 0.5)
            )
        ),
    ]);
    rows.push([
        "Binary size (release)".into(),
        format!(
            "{:.1} MB",
            num("binary.bytes").unwrap_or(f64::NAN) / 1048576.0
        ),
        format!(
            "stripped: {:.1} MB",
            num("binary.stripped_bytes").unwrap_or(f64::NAN) / 1048576.0
        ),
        "—".into(),
    ]);
    rows.push([
        "Start-up to \"roundtable running\"".into(),
        format!("{} ms", get("daemon.startup_ms")),
        format!("shutdown on SIGTERM: {} ms", get("daemon.shutdown_ms")),
        "—".into(),
    ]);
    rows.push([
        format!(
            "Scale-out: 1 daemon on PostgreSQL ({} connections)",
            get("scaleout.1.connections_each")
        ),
        format!("{} msg/s", n("scaleout.1.rate")),
        format!(
            "received {} for {} recipients; double sends {}, missing {}",
            n("scaleout.1.received"),
            n("scaleout.1.recipients"),
            get("scaleout.1.double_sends"),
            get("scaleout.1.missing")
        ),
        "—".into(),
    ]);
    rows.push([
        format!(
            "Scale-out: 2 daemons on one PostgreSQL ({} connections each)",
            get("scaleout.2.connections_each")
        ),
        format!("{} msg/s", n("scaleout.2.rate")),
        format!(
            "received {} for {} recipients; **double sends {}**, missing {}; shares {}",
            n("scaleout.2.received"),
            n("scaleout.2.recipients"),
            get("scaleout.2.double_sends"),
            get("scaleout.2.missing"),
            get("scaleout.2.shares")
        ),
        format!(
            "{} of 1 daemon; double sends must be 0: {}",
            ratio("scaleout.2.rate", "scaleout.1.rate"),
            verdict(num("scaleout.2.double_sends").map(|d| d == 0.0))
        ),
    ]);

    let mut table = String::from("| what | figure | measured beside it, same run | ratio / budget |\n| --- | --- | --- | --- |\n");
    for row in &rows {
        table.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    let machine = machine();
    let mut block = String::new();
    block.push_str(&format!(
        "Run on {} (UTC).\n\n",
        chrono::Utc::now().format("%Y-%m-%d %H:%M")
    ));
    block.push_str(&format!("Machine: {machine}\n\n"));
    block.push_str(&format!("Command: `{command}`\n\n"));
    block.push_str(&format!(
        "Load average (1/5/15 min) before the run: {}, after: {}. The machine is shared: other work running at the same time slows every figure; the peers ran in the same minutes under the same load.\n\n",
        get("run.load_before"),
        get("run.load_after")
    ));
    block.push_str(&table);
    block.push_str("\nDetails of this run:\n\n");
    block.push_str(&format!(
        "- Inbound mix (generated from tests/fixtures, re-addressed to this group's members): {}\n",
        get("inbound.sqlite.mix")
    ));
    block.push_str(&format!(
        "- What the daemon read them as (SQLite run): {}\n",
        get("inbound.sqlite.read_as")
    ));
    block.push_str(&format!(
        "- Inbound answers queued: SQLite {}, PostgreSQL {}; acknowledged (moved to .Handled): {} / {}; quarantined {} / {}\n",
        get("inbound.sqlite.answers_queued"), get("inbound.postgres.answers_queued"), get("inbound.sqlite.acknowledged"), get("inbound.postgres.acknowledged"), get("inbound.sqlite.quarantined"), get("inbound.postgres.quarantined")
    ));
    block.push_str(&format!(
        "- Durability: SQLite {}; PostgreSQL {}\n",
        get("inbound.sqlite.server"),
        get("inbound.postgres.server")
    ));
    for (label, p) in [
        ("Inbound, SQLite", "inbound.sqlite"),
        ("Inbound, PostgreSQL", "inbound.postgres"),
        ("Outbound, SQLite", "outbound.sqlite"),
        ("Outbound, PostgreSQL", "outbound.postgres"),
    ] {
        block.push_str(&format!(
            "- {label}: {} s wall, {} s of CPU in the bench process (all its threads; a PostgreSQL server's own CPU is not in it), {} KB written per message by the process, 1-minute load {}\n",
            get(&format!("{p}.seconds")),
            get(&format!("{p}.cpu_seconds")),
            get(&format!("{p}.written_kb_per_message")),
            get(&format!("{p}.load"))
        ));
    }
    block.push_str(&format!(
        "- Outbound: queueing the digest through the rules (render + sign + insert) ran at {} rows/s (SQLite) and {} rows/s (PostgreSQL); delivery sent {} / failed {} / retried {}\n",
        n("outbound.sqlite.queue_rate"), n("outbound.postgres.queue_rate"), get("outbound.sqlite.sent"), get("outbound.sqlite.failed"), get("outbound.sqlite.retried")
    ));
    block.push_str(&format!(
        "- smtp-source: `{}`\n",
        get("smtp_source.command")
    ));
    block.push_str(&format!(
        "- mlmmj as packaged: {} recipients in {} s; with TCP_NODELAY: {} in {} s\n",
        get("mlmmj.packaged.recipients"),
        get("mlmmj.packaged.seconds"),
        get("mlmmj.nodelay.recipients"),
        get("mlmmj.nodelay.seconds")
    ));
    block.push_str(&format!("- Scale-out: 1 daemon {} s, 2 daemons {} s for {} mails each run (time from exec to the last row recorded as sent)\n", get("scaleout.1.seconds"), get("scaleout.2.seconds"), get("scaleout.1.messages")));

    println!("\n{table}");
    let begin =
        "<!-- bench:begin (written by `bench report`; everything outside the markers is kept) -->";
    let end = "<!-- bench:end -->";
    let generated = format!("{begin}\n{block}{end}");
    let old = std::fs::read_to_string(file).unwrap_or_default();
    let new = match (old.find("<!-- bench:begin"), old.find(end)) {
        (Some(a), Some(b)) if b > a => format!("{}{generated}{}", &old[..a], &old[b + end.len()..]),
        _ => format!("# Benchmarks\n\n{generated}\n"),
    };
    std::fs::write(file, new).with_context(|| format!("writing {}", file.display()))?;
    println!("written to {}", file.display());
    Ok(())
}

fn machine() -> String {
    let cpus = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("MemTotal:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<f64>().ok())
        })
        .map(|kb| format!("{:.1} GB RAM", kb / 1048576.0))
        .unwrap_or_default();
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    let os = std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("PRETTY_NAME=")).map(|l| {
                l.trim_start_matches("PRETTY_NAME=")
                    .trim_matches('"')
                    .to_string()
            })
        })
        .unwrap_or_default();
    format!(
        "{cpus} CPUs ({model}), {mem}, {os}, Linux {kernel}, {}",
        rustc_version()
    )
}

fn rustc_version() -> String {
    Command::new("rustc")
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}
