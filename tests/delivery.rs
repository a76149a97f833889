//! Delivery against a real SMTP server answering as told: Postfix's `smtp-sink` on loopback,
//! made to refuse recipients with 4xx (`-r RCPT`) or 5xx (`-f RCPT`), or to accept and dump
//! each message to a file so we can count what arrived; a scripted server for refusals in a
//! pipelined group (smtp-sink stops offering PIPELINING when it refuses anything); and the
//! stack's Postfix over implicit TLS and STARTTLS. Both backends.

mod support;

use std::path::Path;
use std::time::Duration;

use roundtable::clock::Clock;
use roundtable::domain::{Address, OutboxStatus, Role};
use support::{
    both_backends, dump_dir, ehlo_keywords, free_port, Backend, ScriptedSmtp, Sink, SmtpEvent,
    Stack, World,
};

/// Messages the sink accepted. It opens a transaction's dump file at MAIL FROM and removes it
/// when the client gives up (RSET/QUIT after a refused RCPT); stopped at that moment, it
/// leaves a file with no recipient in it. Only files with an accepted recipient count.
fn dumped(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter(|e| e.path().is_file())
                .filter(|e| {
                    std::fs::read_to_string(e.path())
                        .is_ok_and(|t| t.lines().any(|l| l.starts_with("X-Rcpt-Args:")))
                })
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
    schedule_with_members(w, &[&w.stack.address("ben")]).await
}

/// These members, then a meeting: one announcement each and one to the coordinator, queued.
async fn schedule_with_members(w: &World, members: &[&str]) -> roundtable::app::App {
    let app = w.app_at(Clock::fixed(T0)).await;
    let c = app.world.community("design").unwrap().clone();
    let mut tx = app.store().begin().await.unwrap();
    for m in members {
        app.store()
            .upsert_person(
                &mut tx,
                c.id,
                &Address::parse(m).unwrap(),
                None,
                Role::Member,
                T0,
            )
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    let (_, queued) = app
        .world
        .schedule_meeting("design", "2030-03-27 18:30", None, T0)
        .await
        .unwrap();
    assert_eq!(queued, members.len() + 1, "the members and the coordinator");
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
    assert_eq!(
        (b.sent, b.retried, b.failed),
        (0, 2, 0),
        "4xx is retried later"
    );
    let rows = app
        .store()
        .outbox(Some(OutboxStatus::Pending), 10)
        .await
        .unwrap();
    assert_eq!(rows.len(), 2);
    assert!(
        rows.iter().all(|r| r.next_attempt_at == T0 + 60),
        "first retry after 1m: {rows:?}"
    );
    assert!(
        rows.iter()
            .all(|r| r.last_error.as_deref().unwrap_or("").contains('4')),
        "{rows:?}"
    );
    sink.stop();
    assert_eq!(dumped(dump.path()), 0);

    let sink = Sink::start(port, dump.path(), &[]);
    assert!(
        delivery.drain(T0 + 30).await.unwrap().is_empty(),
        "not due before the retry time"
    );
    let b = delivery.drain(T0 + 61).await.unwrap();
    assert_eq!((b.sent, b.retried, b.failed), (2, 0, 0));
    assert!(
        delivery.drain(T0 + 3600).await.unwrap().is_empty(),
        "nothing left"
    );
    sink.stop();
    assert_eq!(dumped(dump.path()), 2, "each mail arrived exactly once");
    assert_eq!(
        app.store()
            .outbox(Some(OutboxStatus::Sent), 10)
            .await
            .unwrap()
            .len(),
        2
    );
}

both_backends!(permanent_failure_is_recorded_and_can_be_retried);
async fn permanent_failure_is_recorded_and_can_be_retried(backend: Backend) {
    let port = free_port();
    let (w, dump) = world_with_sink(backend, port).await;
    let app = schedule_with_one_member(&w).await;
    let delivery = app.delivery().unwrap();

    let sink = Sink::start(port, dump.path(), &["-f", "RCPT"]);
    let b = delivery.drain(T0).await.unwrap();
    assert_eq!(
        (b.sent, b.retried, b.failed),
        (0, 0, 2),
        "5xx is not retried"
    );
    assert!(delivery.drain(T0 + 86400).await.unwrap().is_empty());
    sink.stop();

    // The admin sees it …
    let out = w
        .command(&["outbox", "list", "--status", "failed"])
        .output()
        .unwrap();
    let listing = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(listing.matches("failed ").count(), 2, "{listing}");
    assert!(
        listing.contains("last error: permanent error (5"),
        "{listing}"
    );
    // … and puts it back once the problem is fixed.
    let out = w.command(&["outbox", "retry", "--all"]).output().unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("2 mail(s) queued again"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let sink = Sink::start(port, dump.path(), &[]);
    let b = w
        .app()
        .await
        .delivery()
        .unwrap()
        .drain(roundtable::clock::unix_now())
        .await
        .unwrap();
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
    assert_eq!(
        delivery.drain(T0 + 60).await.unwrap().retried,
        2,
        "second attempt after 1m"
    );
    let rows = app
        .store()
        .outbox(Some(OutboxStatus::Pending), 10)
        .await
        .unwrap();
    assert!(
        rows.iter().all(|r| r.next_attempt_at == T0 + 60 + 600),
        "then the last delay, 10m: {rows:?}"
    );
    let b = delivery.drain(T0 + 3600).await.unwrap();
    assert_eq!(b.failed, 2, "older than max_age (1h): given up");
    sink.stop();
    let failed = app
        .store()
        .outbox(Some(OutboxStatus::Failed), 10)
        .await
        .unwrap();
    assert!(
        failed.iter().all(|r| r
            .last_error
            .as_deref()
            .unwrap_or("")
            .starts_with("gave up after 3 attempts")),
        "{failed:?}"
    );
}

// ---- PIPELINING (RFC 2920) -----------------------------------------------------------------

/// The recipients of the messages in a sink's dump directory (`X-Rcpt-Args: <addr> …`).
fn dumped_recipients(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .flat_map(|t| {
            t.lines()
                .filter_map(|l| l.strip_prefix("X-Rcpt-Args:"))
                .filter_map(|a| a.split_whitespace().next())
                .map(|a| a.trim_start_matches('<').trim_end_matches('>').to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    out.sort();
    out
}

both_backends!(without_pipelining_every_mail_goes_out_command_by_command);
async fn without_pipelining_every_mail_goes_out_command_by_command(backend: Backend) {
    let port = free_port();
    let (w, dump) = world_with_sink(backend, port).await;
    let members: Vec<String> = ["ben", "chloe", "dev", "eve"]
        .iter()
        .map(|n| w.stack.address(n))
        .collect();
    let app =
        schedule_with_members(&w, &members.iter().map(String::as_str).collect::<Vec<_>>()).await;

    // The premise: `-p` is what takes PIPELINING out of the sink's EHLO.
    let sink = Sink::start(port, dump.path(), &["-p"]);
    assert!(
        !ehlo_keywords(port).contains(&"PIPELINING".to_string()),
        "smtp-sink -p offers no PIPELINING"
    );
    let b = app.delivery().unwrap().drain(T0).await.unwrap();
    assert_eq!((b.sent, b.retried, b.failed), (5, 0, 0));
    sink.stop();
    let mut want: Vec<String> = members
        .iter()
        .cloned()
        .chain([w.coordinator.clone()])
        .collect();
    want.sort();
    assert_eq!(
        dumped_recipients(dump.path()),
        want,
        "each mail arrived, once"
    );
    assert_eq!(dumped(dump.path()), 5);
    assert_eq!(
        app.store()
            .outbox(Some(OutboxStatus::Sent), 10)
            .await
            .unwrap()
            .len(),
        5
    );

    // smtp-sink answers commands that came early all the same; this server records them: a
    // client must not pipeline where the server did not offer it.
    let server = ScriptedSmtp::start(false, Box::new(|_, _| None));
    let w2 = World::new(
        backend,
        Some(format!(
            "kind = \"smtp\"\nhost = \"127.0.0.1\"\nport = {}\ntls = \"none\"",
            server.port
        )),
    )
    .await;
    let app2 =
        schedule_with_members(&w2, &[&w2.stack.address("ben"), &w2.stack.address("chloe")]).await;
    let b = app2.delivery().unwrap().drain(T0).await.unwrap();
    assert_eq!((b.sent, b.retried, b.failed), (3, 0, 0));
    let events = server.events();
    let mails: Vec<&SmtpEvent> = events
        .iter()
        .filter(|e| matches!(e, SmtpEvent::Mail { .. }))
        .collect();
    assert_eq!(mails.len(), 3, "{events:#?}");
    assert!(
        mails.iter().all(|e| **e
            == SmtpEvent::Mail {
                pipelined: false,
                early: false
            }),
        "one command at a time: {events:#?}"
    );
    assert_eq!(
        events
            .iter()
            .filter(|e| matches!(e, SmtpEvent::Delivered { .. }))
            .count(),
        3,
        "{events:#?}"
    );
}

/// A world that delivers to a [`ScriptedSmtp`] offering PIPELINING, one connection at a time
/// (so that the order of events is the order of the mails).
async fn world_with_scripted(backend: Backend, rule: support::RcptRule) -> (World, ScriptedSmtp) {
    let server = ScriptedSmtp::start(true, rule);
    let outbound = format!(
        "kind = \"smtp\"\nhost = \"127.0.0.1\"\nport = {}\ntls = \"none\"\nmax_connections = 1\nretry = [\"1m\", \"10m\"]\nmax_age = \"1h\"",
        server.port
    );
    (World::new(backend, Some(outbound)).await, server)
}

/// Everything the server saw was pipelined and well-formed: no stray line (such as a body
/// sent after a refused DATA).
fn assert_all_pipelined(events: &[SmtpEvent]) {
    assert!(
        events.iter().any(|e| matches!(e, SmtpEvent::Mail { .. })),
        "{events:#?}"
    );
    for e in events {
        match e {
            SmtpEvent::Mail { pipelined, .. } => assert!(
                pipelined,
                "MAIL FROM, RCPT TO and DATA in one go: {events:#?}"
            ),
            SmtpEvent::Unexpected(l) => {
                panic!("the server got a line that is no command: {l:?}; all: {events:#?}")
            }
            _ => {}
        }
    }
}

both_backends!(a_recipient_refused_with_5xx_in_a_pipelined_group_fails_alone);
async fn a_recipient_refused_with_5xx_in_a_pipelined_group_fails_alone(backend: Backend) {
    let (w, server) = world_with_scripted(
        backend,
        Box::new(|rcpt, _| {
            rcpt.starts_with("gone-")
                .then(|| format!("550 5.1.1 <{rcpt}>: Recipient address rejected: User unknown"))
        }),
    )
    .await;
    assert!(ehlo_keywords(server.port).contains(&"PIPELINING".to_string()));
    // The refused one first: the mails after it must still go out.
    let (gone, ben, chloe) = (
        w.stack.address("gone"),
        w.stack.address("ben"),
        w.stack.address("chloe"),
    );
    let app = schedule_with_members(&w, &[&gone, &ben, &chloe]).await;
    let delivery = app.delivery().unwrap();
    let b = delivery.drain(T0).await.unwrap();
    assert_eq!(
        (b.sent, b.retried, b.failed),
        (3, 0, 1),
        "5xx: recorded failed, not retried; the others sent"
    );
    assert!(
        delivery.drain(T0 + 86400).await.unwrap().is_empty(),
        "nothing left to try"
    );

    let events = server.events();
    assert_all_pipelined(&events);
    let refused = events
        .iter()
        .position(|e| matches!(e, SmtpEvent::Refused { rcpt, .. } if *rcpt == gone))
        .expect("the server refused it");
    assert_eq!(
        events
            .iter()
            .filter(|e| matches!(e, SmtpEvent::Refused { .. }))
            .count(),
        1,
        "refused once, not retried: {events:#?}"
    );
    assert!(
        events[refused..]
            .iter()
            .any(|e| matches!(e, SmtpEvent::Delivered { .. })),
        "mail went out after the refusal: {events:#?}"
    );
    assert!(
        server.delivered_to(&gone).is_empty(),
        "nothing of its body arrived: {events:#?}"
    );
    for r in [&ben, &chloe, &w.coordinator] {
        assert_eq!(server.delivered_to(r).len(), 1, "{r}: {events:#?}");
    }
    let failed = app
        .store()
        .outbox(Some(OutboxStatus::Failed), 10)
        .await
        .unwrap();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].recipient, gone);
    assert!(
        failed[0]
            .last_error
            .as_deref()
            .unwrap_or("")
            .contains("550"),
        "{failed:?}"
    );
    assert_eq!(
        app.store()
            .outbox(Some(OutboxStatus::Sent), 10)
            .await
            .unwrap()
            .len(),
        3
    );
}

both_backends!(a_recipient_refused_with_4xx_in_a_pipelined_group_is_retried_and_delivered_once);
async fn a_recipient_refused_with_4xx_in_a_pipelined_group_is_retried_and_delivered_once(
    backend: Backend,
) {
    // Busy the first time it is seen, accepted after that.
    let (w, server) = world_with_scripted(
        backend,
        Box::new(|rcpt, n| {
            (rcpt.starts_with("busy-") && n == 1)
                .then(|| format!("450 4.2.1 <{rcpt}>: mailbox busy, try again later"))
        }),
    )
    .await;
    let (busy, ben) = (w.stack.address("busy"), w.stack.address("ben"));
    let app = schedule_with_members(&w, &[&busy, &ben]).await;
    let delivery = app.delivery().unwrap();
    let b = delivery.drain(T0).await.unwrap();
    assert_eq!(
        (b.sent, b.retried, b.failed),
        (2, 1, 0),
        "4xx: retried later; the others sent"
    );
    let pending = app
        .store()
        .outbox(Some(OutboxStatus::Pending), 10)
        .await
        .unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].recipient, busy);
    assert_eq!(pending[0].next_attempt_at, T0 + 60, "first retry after 1m");
    assert!(
        pending[0]
            .last_error
            .as_deref()
            .unwrap_or("")
            .contains("450"),
        "{pending:?}"
    );
    assert!(server.delivered_to(&busy).is_empty());

    assert!(
        delivery.drain(T0 + 30).await.unwrap().is_empty(),
        "not due before the retry time"
    );
    let b = delivery.drain(T0 + 61).await.unwrap();
    assert_eq!((b.sent, b.retried, b.failed), (1, 0, 0));
    assert!(
        delivery.drain(T0 + 3600).await.unwrap().is_empty(),
        "nothing left"
    );

    let events = server.events();
    assert_all_pipelined(&events);
    assert_eq!(
        server.delivered_to(&busy).len(),
        1,
        "delivered exactly once: {events:#?}"
    );
    for r in [&ben, &w.coordinator] {
        assert_eq!(server.delivered_to(r).len(), 1, "{r}: {events:#?}");
    }
    assert_eq!(
        app.store()
            .outbox(Some(OutboxStatus::Sent), 10)
            .await
            .unwrap()
            .len(),
        3
    );
}

both_backends!(a_recipient_refused_by_postfix_in_a_pipelined_group_fails_alone);
/// The same on the real Postfix of the stack, which offers PIPELINING and refuses any
/// recipient outside the test domain at RCPT TO (550 5.1.2).
async fn a_recipient_refused_by_postfix_in_a_pipelined_group_fails_alone(backend: Backend) {
    let w = World::new(backend, None).await;
    assert!(ehlo_keywords(w.stack.smtp_port).contains(&"PIPELINING".to_string()));
    let outside = format!(
        "someone-{}@elsewhere.example",
        &uuid::Uuid::new_v4().simple().to_string()[..8]
    );
    let (ben, chloe) = (w.stack.address("ben"), w.stack.address("chloe"));
    let app = schedule_with_members(&w, &[&outside, &ben, &chloe]).await;
    let b = app.delivery().unwrap().drain(T0).await.unwrap();
    assert_eq!((b.sent, b.retried, b.failed), (3, 0, 1));
    let failed = app
        .store()
        .outbox(Some(OutboxStatus::Failed), 10)
        .await
        .unwrap();
    assert_eq!(failed[0].recipient, outside);
    assert!(
        failed[0]
            .last_error
            .as_deref()
            .unwrap_or("")
            .contains("5.1.2"),
        "{failed:?}"
    );
    for r in [&ben, &chloe] {
        w.stack
            .wait_for_messages(r, 1, Duration::from_secs(30))
            .await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    for r in [&ben, &chloe] {
        assert_eq!(
            w.stack.messages(r, "INBOX").await.len(),
            1,
            "{r} got its announcement once"
        );
    }
}

// ---- TLS ------------------------------------------------------------------------------------

/// `[outbound]` for the stack's Postfix over TLS: `implicit` on its SMTPS port (host name
/// `localhost`, checked against the certificate's DNS name), `starttls` on its STARTTLS port
/// (host `127.0.0.1`, checked against its IP address entry); with the stack's CA or without.
fn tls_outbound(stack: &Stack, mode: &str, with_ca: bool) -> String {
    let tls = stack.tls();
    let (host, port) = match mode {
        "implicit" => ("localhost", tls.smtps_port),
        "starttls" => ("127.0.0.1", tls.smtp_starttls_port),
        other => panic!("no TLS mode {other}"),
    };
    let ca = if with_ca {
        format!("\ntls_ca_file = \"{}\"", tls.ca_file.display())
    } else {
        String::new()
    };
    format!("kind = \"smtp\"\nhost = \"{host}\"\nport = {port}\ntls = \"{mode}\"{ca}\nmax_connections = 2\nretry = [\"1m\", \"10m\"]\nmax_age = \"1h\"")
}

/// The header block of a raw message.
fn head(raw: &[u8]) -> String {
    let t = String::from_utf8_lossy(raw);
    t.split("\r\n\r\n")
        .next()
        .unwrap_or_default()
        .replace("\r\n", "\n")
}

async fn delivers_over_tls(backend: Backend, mode: &str) {
    let stack = Stack::from_env();
    let w = World::new(backend, Some(tls_outbound(&stack, mode, true))).await;
    let ben = w.stack.address("ben");
    let app = schedule_with_members(&w, &[&ben]).await;
    let b = app.delivery().unwrap().drain(T0).await.unwrap();
    assert_eq!(
        (b.sent, b.retried, b.failed),
        (2, 0, 0),
        "{:?}",
        app.store().outbox(None, 10).await.unwrap()
    );
    let got = w
        .stack
        .wait_for_messages(&ben, 1, Duration::from_secs(30))
        .await;
    // Postfix notes TLS in its Received header: the mail really went over TLS.
    let h = head(&got[0]);
    assert!(
        h.contains("with ESMTPS") && h.contains("using TLSv1."),
        "{h}"
    );
    w.stack
        .wait_for_messages(&w.coordinator, 1, Duration::from_secs(30))
        .await;
}

both_backends!(delivers_over_smtps_trusting_tls_ca_file);
async fn delivers_over_smtps_trusting_tls_ca_file(backend: Backend) {
    delivers_over_tls(backend, "implicit").await
}

both_backends!(delivers_over_smtp_starttls_trusting_tls_ca_file);
async fn delivers_over_smtp_starttls_trusting_tls_ca_file(backend: Backend) {
    delivers_over_tls(backend, "starttls").await
}

/// Without `tls_ca_file` the stack's certificate is not trusted: the mail stays queued with an
/// error that names the problem and the fix, and goes out once the CA is configured.
async fn unknown_ca_keeps_mail_queued(backend: Backend, mode: &str) {
    let stack = Stack::from_env();
    let w = World::new(backend, Some(tls_outbound(&stack, mode, false))).await;
    let ben = w.stack.address("ben");
    let app = schedule_with_members(&w, &[&ben]).await;
    let b = app.delivery().unwrap().drain(T0).await.unwrap();
    assert_eq!(
        (b.sent, b.retried, b.failed),
        (0, 2, 0),
        "a certificate problem is temporary"
    );
    let pending = app
        .store()
        .outbox(Some(OutboxStatus::Pending), 10)
        .await
        .unwrap();
    assert_eq!(pending.len(), 2);
    for r in &pending {
        let e = r.last_error.as_deref().unwrap_or("");
        assert!(
            e.contains("invalid peer certificate: UnknownIssuer"),
            "names the certificate problem: {e}"
        );
        assert!(e.contains("set outbound.tls_ca_file"), "names the fix: {e}");
    }
    assert!(w.stack.messages(&ben, "INBOX").await.is_empty());

    // The admin adds the CA; the queued mail goes out at its retry time, once.
    let tls = stack.tls();
    w.rewrite_config(
        &format!("tls = \"{mode}\"\n"),
        &format!(
            "tls = \"{mode}\"\ntls_ca_file = \"{}\"\n",
            tls.ca_file.display()
        ),
    );
    let app = w.app_at(Clock::fixed(T0 + 61)).await;
    let b = app.delivery().unwrap().drain(T0 + 61).await.unwrap();
    assert_eq!((b.sent, b.retried, b.failed), (2, 0, 0));
    w.stack
        .wait_for_messages(&ben, 1, Duration::from_secs(30))
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        w.stack.messages(&ben, "INBOX").await.len(),
        1,
        "delivered once"
    );
}

both_backends!(smtps_without_tls_ca_file_keeps_mail_queued_and_says_why);
async fn smtps_without_tls_ca_file_keeps_mail_queued_and_says_why(backend: Backend) {
    unknown_ca_keeps_mail_queued(backend, "implicit").await
}

both_backends!(smtp_starttls_without_tls_ca_file_keeps_mail_queued_and_says_why);
async fn smtp_starttls_without_tls_ca_file_keeps_mail_queued_and_says_why(backend: Backend) {
    unknown_ca_keeps_mail_queued(backend, "starttls").await
}

// ---- the sent journal (SQLite) ---------------------------------------------------------------

/// On SQLite a delivery records each mail the server accepted in a journal beside the database
/// (`rt.db-sent/`) and folds it into the outbox when its batch ends (src/outbox/journal.rs):
/// after a drain every row is sent and no journal file is left. Where the journal cannot be
/// written (here a file stands where its directory would be), each result is committed to
/// the database instead: slower, and still every mail arrives once and is recorded once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sent_journal_is_folded_and_one_that_cannot_be_written_costs_only_speed() {
    for blocked in [false, true] {
        let port = free_port();
        let (w, dump) = world_with_sink(Backend::Sqlite, port).await;
        let journal = w.dir.path().join("rt.db-sent");
        if blocked {
            std::fs::write(&journal, b"not a directory").unwrap();
        }
        let members = ["ana", "ben", "cy", "dee", "eve"].map(|m| w.stack.address(m));
        let members: Vec<&str> = members.iter().map(String::as_str).collect();
        let app = schedule_with_members(&w, &members).await;
        let sink = Sink::start(port, dump.path(), &[]);
        let b = app.delivery().unwrap().drain(T0).await.unwrap();
        sink.stop();
        let total = members.len() + 1;
        assert_eq!(
            (b.sent, b.retried, b.failed),
            (total, 0, 0),
            "blocked: {blocked}"
        );
        assert_eq!(
            dumped(dump.path()),
            total,
            "each mail arrived once (blocked: {blocked})"
        );
        assert_eq!(
            app.store()
                .outbox(Some(OutboxStatus::Sent), 100)
                .await
                .unwrap()
                .len(),
            total,
            "every mail recorded as sent (blocked: {blocked})"
        );
        if blocked {
            assert!(
                journal.is_file(),
                "the file in the journal's way is left alone"
            );
        } else {
            assert!(journal.is_dir(), "the journal was written");
            let left: Vec<_> = std::fs::read_dir(&journal)
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .collect();
            assert!(left.is_empty(), "folded and removed: {left:?}");
        }
    }
}

// ---- the sent journal (PostgreSQL) -----------------------------------------------------------

/// On PostgreSQL a delivery records each mail the server accepted as a row of the table
/// `outbox_sent` and folds its rows into the outbox once per batch (src/store/outbox.rs). What
/// a delivery that died left there is folded before the next claim, once the lease of the
/// outbox row has run out: its mail is marked sent, never claimed and sent again. The rows of
/// a delivery whose lease still runs are left to it, and a row whose mail another delivery
/// holds now marks nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_sent_journal_rows_of_a_dead_delivery_are_folded_before_a_claim() {
    let port = free_port();
    let (w, dump) = world_with_sink(Backend::Postgres, port).await;
    let members = ["ana", "ben", "cy", "dee", "eve"].map(|m| w.stack.address(m));
    let members: Vec<&str> = members.iter().map(String::as_str).collect();
    let app = schedule_with_members(&w, &members).await;
    let store = app.store();
    let ids = |rows: Vec<roundtable::store::Claimed>| rows.iter().map(|c| c.id).collect::<Vec<_>>();
    // "dead" claims three mails until T0 + 15, "live" the other three until T0 + 100.
    let dead = ids(store.claim_outbox("dead", T0, 15, 3).await.unwrap());
    let live = ids(store.claim_outbox("live", T0, 100, 3).await.unwrap());
    assert_eq!((dead.len(), live.len()), (3, 3));
    let mut conn = store.results_connection().await.unwrap();
    // Each journals what it sent; "dead" also names a mail "live" holds (taken over).
    store
        .journal_sent(&mut conn, "dead", &[dead[0], dead[1], live[1]], T0)
        .await
        .unwrap();
    store
        .journal_sent(&mut conn, "live", &[live[0]], T0)
        .await
        .unwrap();
    let status = |id: i64| {
        let store = store.clone();
        async move {
            let rows = store.outbox(None, 100).await.unwrap();
            rows.into_iter().find(|r| r.id == id).unwrap().status
        }
    };
    let sent_rows = || async {
        let rows = store.outbox(Some(OutboxStatus::Sent), 100).await.unwrap();
        rows.len()
    };

    // While "dead"'s lease runs nothing is folded: it may still be alive.
    assert_eq!(store.fold_dead_sent_rows(T0 + 5).await.unwrap(), 0);
    assert_eq!(sent_rows().await, 0);
    // Once it has run out, its two mails are marked sent; the row naming "live"'s mail is
    // dropped and marks nothing; "live"'s own row waits for its own fold.
    assert_eq!(store.fold_dead_sent_rows(T0 + 20).await.unwrap(), 2);
    assert_eq!(status(dead[0]).await, OutboxStatus::Sent);
    assert_eq!(status(dead[1]).await, OutboxStatus::Sent);
    assert_eq!(
        status(dead[2]).await,
        OutboxStatus::Pending,
        "never journaled"
    );
    assert_eq!(
        status(live[0]).await,
        OutboxStatus::Pending,
        "live's lease runs"
    );
    assert_eq!(status(live[1]).await, OutboxStatus::Pending, "held by live");
    // "live" folds its own: exactly its row leaves the journal.
    assert_eq!(
        store.fold_sent_rows(&mut conn, "live").await.unwrap(),
        vec![live[0]]
    );
    assert_eq!(status(live[0]).await, OutboxStatus::Sent);
    assert!(store
        .fold_sent_rows(&mut conn, "live")
        .await
        .unwrap()
        .is_empty());
    drop(conn);

    // After every lease has run out, delivery sends exactly the three mails never journaled.
    let sink = Sink::start(port, dump.path(), &[]);
    let b = app.delivery().unwrap().drain(T0 + 200).await.unwrap();
    sink.stop();
    assert_eq!((b.sent, b.retried, b.failed), (3, 0, 0));
    assert_eq!(dumped(dump.path()), 3, "no journaled mail sent again");
    assert_eq!(sent_rows().await, 6, "every mail recorded as sent");
}
