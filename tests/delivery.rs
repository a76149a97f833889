//! Delivery against a real SMTP server answering as told: Postfix's `smtp-sink` on loopback,
//! made to refuse recipients with 4xx (`-r RCPT`) or 5xx (`-f RCPT`), or to accept and dump
//! each message to a file so we can count what arrived. Both backends.

mod support;

use std::path::Path;

use roundtable::clock::Clock;
use roundtable::domain::{Address, Role};
use support::{both_backends, dump_dir, free_port, Backend, Sink, World};

/// Messages the sink accepted. It opens a transaction's dump file at MAIL FROM and removes it
/// when the client gives up (RSET/QUIT after a refused RCPT); stopped at that moment, it
/// leaves a file with no recipient in it. Only files with an accepted recipient count.
fn dumped(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter(|e| e.path().is_file())
                .filter(|e| std::fs::read_to_string(e.path()).is_ok_and(|t| t.lines().any(|l| l.starts_with("X-Rcpt-Args:"))))
                .count()
        })
        .unwrap_or(0)
}

async fn world_with_sink(backend: Backend, port: u16) -> (World, tempfile::TempDir) {
    let outbound = format!(
        "kind = \"smtp\"\nhost = \"127.0.0.1\"\nport = {port}\ntls = \"none\"\nmax_connections = 2\nretry = [\"1m\", \"10m\"]\nmax_age = \"1h\""
    );
    let w = World::new(backend, Some(outbound)).await;
    (w, dump_dir())
}

const T0: i64 = 1_900_000_000;

async fn schedule_with_one_member(w: &World) -> roundtable::app::App {
    let app = w.app_at(Clock::fixed(T0)).await;
    let c = app.world.community("design").unwrap().clone();
    let mut tx = app.store().begin().await.unwrap();
    app.store().upsert_person(&mut tx, c.id, &Address::parse(&w.stack.address("ben")).unwrap(), None, Role::Member, T0).await.unwrap();
    tx.commit().await.unwrap();
    let (_, queued) = app.world.schedule_meeting("design", "2030-03-27 18:30", None, T0).await.unwrap();
    assert_eq!(queued, 2, "member and coordinator");
    app
}

both_backends!(temporary_failure_then_accepted_is_delivered_once);
async fn temporary_failure_then_accepted_is_delivered_once(backend: Backend) {
    let port = free_port();
    let (w, dump) = world_with_sink(backend, port).await;
    let app = schedule_with_one_member(&w).await;
    let delivery = app.delivery().unwrap();

    let sink = Sink::start(port, dump.path(), &["-r", "RCPT"]);
    let b = delivery.drain(T0).await.unwrap();
    assert_eq!((b.sent, b.retried, b.failed), (0, 2, 0), "4xx is retried later");
    let rows = app.store().outbox(Some("pending"), 10).await.unwrap();
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r.next_attempt_at == T0 + 60), "first retry after 1m: {rows:?}");
    assert!(rows.iter().all(|r| r.last_error.as_deref().unwrap_or("").contains('4')), "{rows:?}");
    sink.stop();
    assert_eq!(dumped(dump.path()), 0);

    let sink = Sink::start(port, dump.path(), &[]);
    assert!(delivery.drain(T0 + 30).await.unwrap().is_empty(), "not due before the retry time");
    let b = delivery.drain(T0 + 61).await.unwrap();
    assert_eq!((b.sent, b.retried, b.failed), (2, 0, 0));
    assert!(delivery.drain(T0 + 3600).await.unwrap().is_empty(), "nothing left");
    sink.stop();
    assert_eq!(dumped(dump.path()), 2, "each mail arrived exactly once");
    assert_eq!(app.store().outbox(Some("sent"), 10).await.unwrap().len(), 2);
}

both_backends!(permanent_failure_is_recorded_and_can_be_retried);
async fn permanent_failure_is_recorded_and_can_be_retried(backend: Backend) {
    let port = free_port();
    let (w, dump) = world_with_sink(backend, port).await;
    let app = schedule_with_one_member(&w).await;
    let delivery = app.delivery().unwrap();

    let sink = Sink::start(port, dump.path(), &["-f", "RCPT"]);
    let b = delivery.drain(T0).await.unwrap();
    assert_eq!((b.sent, b.retried, b.failed), (0, 0, 2), "5xx is not retried");
    assert!(delivery.drain(T0 + 86400).await.unwrap().is_empty());
    sink.stop();

    // The admin sees it …
    let out = w.command(&["outbox", "list", "--status", "failed"]).output().unwrap();
    let listing = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(listing.matches("failed ").count(), 2, "{listing}");
    assert!(listing.contains("last error: permanent error (5"), "{listing}");
    // … and puts it back once the problem is fixed.
    let out = w.command(&["outbox", "retry", "--all"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 mail(s) queued again"), "{}", String::from_utf8_lossy(&out.stdout));
    let sink = Sink::start(port, dump.path(), &[]);
    let b = w.app().await.delivery().unwrap().drain(roundtable::render::unix_now()).await.unwrap();
    assert_eq!(b.sent, 2);
    sink.stop();
    assert_eq!(dumped(dump.path()), 2);
}

both_backends!(temporary_failures_give_up_after_max_age);
async fn temporary_failures_give_up_after_max_age(backend: Backend) {
    let port = free_port();
    let (w, dump) = world_with_sink(backend, port).await;
    let app = schedule_with_one_member(&w).await;
    let delivery = app.delivery().unwrap();
    let sink = Sink::start(port, dump.path(), &["-r", "RCPT"]);
    assert_eq!(delivery.drain(T0).await.unwrap().retried, 2);
    assert_eq!(delivery.drain(T0 + 60).await.unwrap().retried, 2, "second attempt after 1m");
    let rows = app.store().outbox(Some("pending"), 10).await.unwrap();
    assert!(rows.iter().all(|r| r.next_attempt_at == T0 + 60 + 600), "then the last delay, 10m: {rows:?}");
    let b = delivery.drain(T0 + 3600).await.unwrap();
    assert_eq!(b.failed, 2, "older than max_age (1h): given up");
    sink.stop();
    let failed = app.store().outbox(Some("failed"), 10).await.unwrap();
    assert!(failed.iter().all(|r| r.last_error.as_deref().unwrap_or("").starts_with("gave up after 3 attempts")), "{failed:?}");
}
