//! Set-up shared by the runs: the roundtable binary, the stack's variables, fresh databases,
//! the config file, N members, and a group's history (a past meeting with attendees, takeaways
//! and open topics, and the next meeting); small queries on a run's database.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use roundtable::app::App;
use roundtable::clock::Clock;
use roundtable::domain::{Address, Role};
use sqlx::Row;

use crate::{DAY, SECRET, SLUG};

pub(crate) fn roundtable_bin(given: Option<PathBuf>) -> Result<PathBuf> {
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

pub(crate) fn env(name: &str) -> Result<String> {
    std::env::var(name).with_context(|| {
        format!("{name} is not set: source the env file that `scripts/stack.sh up DIR` writes")
    })
}

/// A fresh, empty database: a SQLite file in `work`, or a new database on $RT_PG_URL's server.
pub(crate) async fn fresh_db(kind: &str, work: &Path, name: &str) -> Result<String> {
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
pub(crate) async fn pg_durability(url: &str) -> Result<String> {
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

pub(crate) struct Setup {
    pub(crate) list: String,
    pub(crate) coordinator: String,
    pub(crate) inbound: String,
    pub(crate) outbound: String,
}

pub(crate) fn write_config(path: &Path, db: &str, s: &Setup) -> Result<()> {
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

pub(crate) async fn build_app(config: &Path) -> Result<App> {
    let config = roundtable::config::load(config)?;
    App::build(config, Clock::system()).await
}

/// N members `PREFIXnnnnn@DOMAIN`, in one transaction. Returns (person id, address).
pub(crate) async fn add_members(
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
    // As `roundtable members import` does after adding people.
    app.store().people_counted().await?;
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
pub(crate) async fn group_history(
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

pub(crate) async fn group_count(db: &str, sql: &'static str) -> Result<Vec<(String, i64)>> {
    let pool = sqlx::AnyPool::connect(db).await?;
    let rows = sqlx::query(sql).fetch_all(&pool).await?;
    let out = rows
        .iter()
        .map(|r| Ok((r.try_get::<String, _>("k")?, r.try_get::<i64, _>("n")?)))
        .collect::<Result<_>>();
    pool.close().await;
    out
}

pub(crate) async fn scalar(db: &str, sql: &'static str) -> Result<i64> {
    let pool = sqlx::AnyPool::connect(db).await?;
    let v = sqlx::query(sql)
        .fetch_one(&pool)
        .await?
        .try_get::<i64, _>(0)?;
    pool.close().await;
    Ok(v)
}
