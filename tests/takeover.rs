//! Two daemons on one database (issue 17 item 6): leases live as long as the work. The real
//! binary runs as child processes (so that `kill -9` is real) against an SMTP server on
//! loopback that is slow on purpose ([`daemon::SlowSmtp`]), on SQLite (two daemons on one
//! file) and on PostgreSQL. Every mail is counted by its recipient and Message-ID as the server received it.
//!
//! - A send slower than the lease: the lease is renewed while the send is in flight, so the
//!   other daemon, standing by, never takes the mail over and sends it again.
//! - `kill -9` of the active daemon in the middle of a send: the other daemon takes over the
//!   outbox and the mailbox in under 30 s, and every mail arrives exactly once. The take-over
//!   times are printed (never asserted beyond that functional bound).

#[path = "support/daemon.rs"]
mod daemon;
mod support;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use daemon::{held_by, until, Group, SlowSmtp, PATIENCE};
use support::{both_backends, Backend};

/// The lease on outbox rows and on the mailbox (src/outbox/lease.rs), in seconds.
const LEASE: u64 = roundtable::outbox::lease::LEASE as u64;
/// The take-over bound of issue 17: another daemon takes over in under this.
const TAKEOVER_BOUND: Duration = Duration::from_secs(30);

/// How often each message (`RECIPIENT MESSAGE-ID`) arrived.
fn copies(received: &[(Instant, String)]) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for (_, id) in received {
        *out.entry(id.clone()).or_insert(0) += 1;
    }
    out
}

/// The messages of the outbox, as the server sees them: `RECIPIENT <MESSAGE-ID>`.
async fn queued_ids(db: &daemon::Db) -> Vec<String> {
    let sql = "SELECT LOWER(recipient) || ' <' || message_id || '>' FROM outbox ORDER BY id";
    db.strings(sql).await
}

// ---- a send slower than the lease ------------------------------------------------------------

both_backends!(a_send_slower_than_the_lease_is_not_sent_twice);

/// The server takes `LEASE + 10` s to accept each message after its final dot. Daemon A
/// claims the announcements and sends them; daemon B starts meanwhile and stands by. Without
/// renewal, A's lease runs out mid-send and B sends the same mails again; with it, each
/// mail arrives once.
async fn a_send_slower_than_the_lease_is_not_sent_twice(backend: Backend) {
    let now = roundtable::clock::unix_now();
    let slow = Duration::from_secs(LEASE + 10);
    let smtp = SlowSmtp::start(Duration::ZERO, slow);
    let g = Group::new(backend, &smtp.outbound(4), None).await;
    g.members(2, now).await;
    let (_, _, queued) = g.meeting(now).await;
    assert!(
        queued >= 3,
        "announcements to the members and the coordinator"
    );
    let db = g.db().await;

    let mut a = g.daemon("a");
    // A has claimed every row (one batch) once the first message arrived.
    until(PATIENCE, "the first message reaches the server", || async {
        (!smtp.messages().is_empty()).then_some(())
    })
    .await;
    let first = smtp.messages()[0].0;
    let mut b = g.daemon("b");
    // Until everything is recorded as sent, or a mail arrived twice (the bug this is about).
    until(PATIENCE, "every announcement recorded as sent", || async {
        let twice = copies(&smtp.messages()).values().any(|n| *n > 1);
        (twice
            || db
                .count("SELECT COUNT(*) FROM outbox WHERE status <> 'sent'")
                .await
                == 0)
            .then_some(())
    })
    .await;
    // The fault really happened: the send outlived the lease, and B was there all along.
    let done = Instant::now();
    let twice = copies(&smtp.messages()).values().any(|n| *n > 1);
    assert!(
        twice || done - first > Duration::from_secs(LEASE),
        "the sends took longer than the lease ({:?})",
        done - first
    );
    assert!(b.alive() && a.alive(), "both daemons ran throughout");
    // Give B one more lease length to send anything twice, should it think it may.
    tokio::time::sleep(Duration::from_secs(LEASE + 2)).await;

    let received = smtp.messages();
    let ids = queued_ids(&db).await;
    let per = copies(&received);
    let twice: Vec<_> = per.iter().filter(|(_, n)| **n > 1).collect();
    assert!(
        twice.is_empty(),
        "sent twice: {twice:?}\nA: {}\nB: {}",
        a.log(),
        b.log()
    );
    for id in &ids {
        assert_eq!(per.get(id), Some(&1), "{id} arrived once: {per:?}");
    }
    assert_eq!(received.len(), ids.len(), "nothing else arrived");
    assert!(b.terminate().success(), "B stops cleanly: {}", b.log());
    assert!(a.terminate().success(), "A stops cleanly: {}", a.log());
    eprintln!(
        "a_send_slower_than_the_lease_is_not_sent_twice ({backend:?}): {} mails, each send {slow:?} against a {LEASE} s lease, sent once each",
        ids.len()
    );
    db.close().await;
}

// ---- kill -9 in the middle of a send ---------------------------------------------------------

both_backends!(kill_9_mid_send_the_other_daemon_takes_over);

/// Members the announcement goes to in the kill test.
const MEMBERS: usize = 8;
/// Replies that arrive once the active daemon is dead.
const REPLIES: usize = 3;

/// Daemon A sends the announcements one at a time through a server that waits 2 s before it
/// answers DATA; daemon B stands by. A is killed with SIGKILL while a transaction waits for
/// that answer (its body not sent yet), and replies arrive in the mailbox. B takes over the
/// outbox (its first MAIL FROM) and the mailbox (the first reply handled) in under 30 s;
/// every mail, A's unfinished one included, arrives exactly once, and every reply is applied
/// once.
async fn kill_9_mid_send_the_other_daemon_takes_over(backend: Backend) {
    let now = roundtable::clock::unix_now();
    let smtp = SlowSmtp::start(Duration::from_secs(2), Duration::ZERO);
    let g = Group::new(backend, &smtp.outbound(1), None).await;
    let members = g.members(MEMBERS, now).await;
    let (meeting, thread, queued) = g.meeting(now).await;
    assert_eq!(
        queued,
        MEMBERS + 1,
        "announcements to the members and the coordinator"
    );
    let db = g.db().await;

    let mut a = g.daemon("a");
    let a_pid = a.pid();
    until(
        PATIENCE,
        "A holds the mailbox and has sent two mails",
        || async {
            let holder = db.mailbox_holder().await?;
            (held_by(&holder, a_pid) && smtp.messages().len() >= 2).then_some(())
        },
    )
    .await;
    let mut b = g.daemon("b");
    until(PATIENCE, "B stands by", || async {
        b.log().contains("standing by").then_some(())
    })
    .await;
    // Kill A while a transaction waits for the answer to DATA, well before its body goes.
    let waiting = until(PATIENCE, "a transaction of A waits for DATA", || async {
        smtp.data_waiting()
            .filter(|at| at.elapsed() >= Duration::from_millis(100))
            .filter(|at| at.elapsed() < Duration::from_millis(900))
    })
    .await;
    let sent_before = smtp.messages().len();
    a.kill9();
    let killed = Instant::now();
    assert!(
        killed - waiting < Duration::from_secs(2),
        "the kill landed before the body could go"
    );
    assert!(
        sent_before < MEMBERS + 1,
        "A was killed mid-way: {sent_before} of {} sent",
        MEMBERS + 1
    );
    for m in members.iter().take(REPLIES) {
        g.drop_in(&g.reply(m, &thread, "yes"));
    }

    // B takes over the outbox: its first MAIL FROM after the kill.
    let outbox_at = until(PATIENCE, "B sends what A left", || async {
        smtp.first_mail_after(killed)
    })
    .await;
    // B takes over the mailbox: the replies are handled.
    let mailbox_at = until(PATIENCE, "B handles the replies", || async {
        (db.count("SELECT COUNT(*) FROM inbound").await as usize >= REPLIES).then(Instant::now)
    })
    .await;
    let holder = db
        .mailbox_holder()
        .await
        .expect("someone holds the mailbox");
    assert!(held_by(&holder, b.pid()), "B holds the mailbox: {holder}");
    let (outbox_takeover, mailbox_takeover) = (outbox_at - killed, mailbox_at - killed);
    assert!(
        outbox_takeover < TAKEOVER_BOUND,
        "outbox taken over in {outbox_takeover:?}"
    );
    assert!(
        mailbox_takeover < TAKEOVER_BOUND,
        "mailbox taken over in {mailbox_takeover:?}"
    );

    // Everything goes out: the announcements and the confirmations of the replies.
    until(PATIENCE, "everything recorded as sent", || async {
        (db.count("SELECT COUNT(*) FROM outbox WHERE status <> 'sent'")
            .await
            == 0
            && db.count("SELECT COUNT(*) FROM outbox").await as usize > MEMBERS + 1)
            .then_some(())
    })
    .await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let received = smtp.messages();
    let ids = queued_ids(&db).await;
    let per = copies(&received);
    for id in &ids {
        assert_eq!(
            per.get(id),
            Some(&1),
            "{id} arrived exactly once: {per:?}\nB: {}",
            b.log()
        );
    }
    assert_eq!(received.len(), ids.len(), "nothing else arrived: {per:?}");
    assert_eq!(
        db.count("SELECT COUNT(*) FROM inbound").await as usize,
        REPLIES,
        "each reply handled once"
    );
    let app = g.app(now).await;
    let rsvps = app.store().rsvps(meeting).await.unwrap();
    assert_eq!(rsvps.len(), REPLIES, "each reply applied");
    app.store().close().await;
    assert!(b.terminate().success(), "B stops cleanly: {}", b.log());
    eprintln!(
        "TAKEOVER {backend:?}: outbox {:.1} s, mailbox {:.1} s after kill -9 (lease {LEASE} s); {} mails, each once",
        outbox_takeover.as_secs_f64(),
        mailbox_takeover.as_secs_f64(),
        ids.len()
    );
    db.close().await;
}
