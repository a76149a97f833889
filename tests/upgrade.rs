//! Issue 18: an upgrade keeps a group's data. A database is migrated to the schema of
//! roundtable v0.1.0 (tag `v0.1.0`: migrations 0001–0009, which never change: sqlx checks
//! their checksums) and filled with that release's data (`tests/fixtures/upgrade/v0.1.0.sql`);
//! then today's roundtable opens it, applies the migrations since, and everything is there and
//! behaves: people and their states, meetings and answers, topics and +1s, takeaways, search,
//! mail already sent (not sent again), mail still queued (sent once), failed mail (kept), a
//! message already handled (not applied twice), pending jobs. On SQLite and PostgreSQL.

mod support;

use std::borrow::Cow;
use std::path::Path;

use roundtable::clock::Clock;
use roundtable::domain::{MeetingStatus, OutboxStatus, PersonStatus, Response};
use support::{both_backends, Backend, World};

/// The last migration of v0.1.0.
const V0_1_0: i64 = 9;

both_backends!(a_database_of_v0_1_0_keeps_everything_after_the_upgrade);
async fn a_database_of_v0_1_0_keeps_everything_after_the_upgrade(backend: Backend) {
    let w = World::new(backend, Some("kind = \"maildir\"\npath = \"sent\"".into())).await;
    let url = {
        let cfg = std::fs::read_to_string(&w.config_path).unwrap();
        let line = cfg.lines().find(|l| l.starts_with("database_url")).unwrap();
        line.split('"').nth(1).unwrap().to_string()
    };
    let now = chrono::Utc::now().timestamp();
    // Each name's address, made once (the stack makes a fresh one per call).
    let names: std::collections::BTreeMap<&str, String> = ["ben", "chloe", "dev", "eva", "gus"]
        .into_iter()
        .map(|n| (n, w.stack.address(n)))
        .collect();
    let who = |n: &str| names[n].clone();

    // v0.1.0's schema, and its data.
    sqlx::any::install_default_drivers();
    let url_rwc = if url.starts_with("sqlite:") {
        format!("{url}?mode=rwc")
    } else {
        url.clone()
    };
    let pool = sqlx::any::AnyPoolOptions::new()
        .max_connections(1)
        .connect(&url_rwc)
        .await
        .unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(match backend {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        });
    let mut old = sqlx::migrate::Migrator::new(dir.as_path()).await.unwrap();
    old.migrations = Cow::Owned(
        old.migrations
            .iter()
            .filter(|m| m.version <= V0_1_0)
            .cloned()
            .collect(),
    );
    assert_eq!(old.migrations.len(), V0_1_0 as usize);
    old.run(&pool).await.unwrap();
    let sql = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/upgrade/v0.1.0.sql"),
    )
    .unwrap()
    .replace("{list}", &w.list)
    .replace("{coord}", &w.coordinator)
    .replace("{ben}", &who("ben"))
    .replace("{chloe}", &who("chloe"))
    .replace("{dev}", &who("dev"))
    .replace("{eva}", &who("eva"))
    .replace("{gus}", &who("gus"))
    .replace("{now}", &now.to_string());
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
        .execute(&pool)
        .await
        .unwrap();
    for (id, to, mid, what) in [
        (
            1,
            who("ben"),
            "fixture-sent",
            "Already sent before the upgrade.",
        ),
        (
            2,
            who("dev"),
            "fixture-queued",
            "Queued before the upgrade, sent after it.",
        ),
        (
            3,
            w.coordinator.clone(),
            "fixture-failed",
            "Failed before the upgrade.",
        ),
    ] {
        let body = format!(
            "From: Design Circle <{}>\r\nTo: {to}\r\nSubject: x\r\nMessage-ID: <{mid}@rt.test>\r\n\r\n{what}\r\n",
            w.list
        );
        sqlx::query("INSERT INTO outbox_bodies (outbox_id, body) VALUES ($1, $2)")
            .bind(id as i64)
            .bind(body.into_bytes())
            .execute(&pool)
            .await
            .unwrap();
    }
    if backend == Backend::Postgres {
        // Rows written with their ids: the identity sequences continue after them.
        for t in [
            "communities",
            "people",
            "meetings",
            "inbound",
            "outbox",
            "jobs",
            "topics",
            "takeaways",
            "audit",
        ] {
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                "SELECT setval(pg_get_serial_sequence('{t}', 'id'), (SELECT MAX(id) FROM {t}))"
            )))
            .execute(&pool)
            .await
            .unwrap();
        }
    }
    pool.close().await;

    // Today's roundtable opens it: the migrations since v0.1.0 run, nothing is lost.
    let app = w.app_at(Clock::fixed(now)).await;
    let c = app.world.community("design").unwrap();
    assert_eq!(c.id, 1, "the community keeps its row");
    let people = app.store().people(c.id).await.unwrap();
    let status = |n: &str| {
        people
            .iter()
            .find(|p| p.address.as_str() == who(n))
            .unwrap_or_else(|| panic!("{n} is gone"))
            .status
    };
    assert_eq!(people.len(), 6);
    assert_eq!(status("ben"), PersonStatus::Active);
    assert_eq!(status("chloe"), PersonStatus::Paused);
    assert_eq!(status("eva"), PersonStatus::Left);
    let meetings = app.store().meetings(c.id).await.unwrap();
    assert_eq!(meetings.len(), 3);
    let answers = app.store().rsvps(2).await.unwrap();
    assert!(answers
        .iter()
        .any(|r| r.address == who("ben") && r.response == Response::Maybe));
    let mut tx = app.store().begin().await.unwrap();
    let topics = app.store().open_topics(&mut tx, c.id).await.unwrap();
    drop(tx);
    assert_eq!(
        topics
            .iter()
            .map(|t| (t.number, t.votes))
            .collect::<Vec<_>>(),
        [(1, 2), (2, 1)],
        "open topics and their +1s"
    );

    // It behaves: the schedule marks last week's meeting held, delivers what was queued once,
    // never resends what was sent, and keeps what failed.
    app.run_once().await.unwrap();
    app.run_once().await.unwrap();
    let meetings = app.store().meetings(c.id).await.unwrap();
    assert_eq!(meetings[0].status, MeetingStatus::Held, "{meetings:?}");
    assert_eq!(meetings[2].status, MeetingStatus::Scheduled);
    let sent_dir = w.dir.path().join("sent");
    let delivered: Vec<String> = roundtable::maildir::list(&sent_dir)
        .unwrap_or_default()
        .iter()
        .filter_map(|f| support::header(&std::fs::read(f).unwrap(), "Message-ID"))
        .collect();
    let copies = |mid: &str| delivered.iter().filter(|m| m.contains(mid)).count();
    assert_eq!(
        copies("fixture-queued"),
        1,
        "queued mail sent once: {delivered:?}"
    );
    assert_eq!(copies("fixture-sent"), 0, "sent mail not resent");
    assert_eq!(
        copies("fixture-failed"),
        0,
        "failed mail not retried by itself"
    );
    let failed = app
        .store()
        .outbox(Some(OutboxStatus::Failed), 10)
        .await
        .unwrap();
    assert_eq!(failed.len(), 1);

    // Search finds what v0.1.0 indexed; the handled reply is not applied again; the next
    // meeting's pending jobs are still planned.
    let out = w
        .command(&["do", "design", "SEARCH outcome"])
        .output()
        .unwrap();
    let found = String::from_utf8_lossy(&out.stdout);
    assert!(found.contains("Price the outcome"), "{found}");
    let again = format!(
        "From: {}\r\nTo: {}\r\nSubject: Re: x\r\nMessage-ID: <fixture-reply@client.example>\r\n\r\nyes\r\n",
        who("ben"),
        w.list
    );
    let h = app.handle(again.as_bytes()).await.unwrap();
    assert!(matches!(h, roundtable::rules::Handled::Duplicate), "{h:?}");
    let jobs = app.store().jobs(c.id, false).await.unwrap();
    assert!(
        jobs.iter()
            .any(|j| j.meeting_id == Some(2) && j.kind.as_str() == "reminder"),
        "{jobs:?}"
    );
}
