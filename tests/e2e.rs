//! End to end on the real stack, on SQLite and on PostgreSQL: a meeting is scheduled → the
//! announcement reaches every member's IMAP mailbox through Postfix → members answer with a
//! real SMTP client → the daemon, on IMAP IDLE, records the RSVPs → the confirmations reach
//! their mailboxes. And the same mailbox read over IMAPS and over IMAP with STARTTLS.

mod support;

use std::time::Duration;

use roundtable::domain::{response_str, Address, OutboxStatus, Role};
use support::{
    both_backends, header, in_days, mail, message_id, reply, reply_to, Backend, Stack, World,
};

const WAIT: Duration = Duration::from_secs(30);

both_backends!(announcement_rsvp_confirmation_round_trip);
async fn announcement_rsvp_confirmation_round_trip(backend: Backend) {
    let w = World::new(backend, None).await;
    let app = w.app().await;
    let c = app.world.community("design").unwrap().clone();
    let members: Vec<String> = ["ben", "chloe", "dev"]
        .iter()
        .map(|n| w.stack.address(n))
        .collect();
    let mut tx = app.store().begin().await.unwrap();
    for (m, name) in members.iter().zip(["Ben", "Chloé", "Dev"]) {
        app.store()
            .upsert_person(
                &mut tx,
                c.id,
                &Address::parse(m).unwrap(),
                Some(name),
                Role::Member,
                app.clock.now(),
            )
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();

    let (meeting_id, queued) = app
        .world
        .schedule_meeting("design", &in_days(10), Some("Room 4"), app.clock.now())
        .await
        .unwrap();
    assert_eq!(
        queued, 4,
        "three members and the coordinator are announced to"
    );

    // The daemon on IMAP IDLE, in this process.
    let (trigger, shutdown) = roundtable::shutdown::channel();
    let daemon = tokio::spawn(app.run(shutdown));

    // The announcement reaches every member through Postfix and Dovecot.
    let mut announcements = Vec::new();
    for m in &members {
        let got = w.stack.wait_for_messages(m, 1, WAIT).await;
        let a = got[0].clone();
        assert_eq!(
            header(&a, "X-Roundtable-Kind").as_deref(),
            Some("announcement")
        );
        assert!(
            header(&a, "List-Id").unwrap().contains("design."),
            "List-Id"
        );
        assert!(
            header(&a, "List-Unsubscribe")
                .unwrap()
                .starts_with("<mailto:"),
            "List-Unsubscribe"
        );
        assert_eq!(
            header(&a, "Auto-Submitted").as_deref(),
            Some("auto-generated")
        );
        let rt = reply_to(&a);
        let (local, _) = w.list.split_once('@').unwrap();
        assert!(
            rt.starts_with(&format!("{local}+")),
            "Reply-To carries a token: {rt}"
        );
        let text = String::from_utf8_lossy(&a).to_string();
        assert!(text.contains("18:30"), "local time in the announcement");
        announcements.push(a);
    }

    // Members answer with a real SMTP client, to the Reply-To of their announcement.
    let answers = [
        "Yes, count me in!",
        "no, sorry, I'm away",
        "maybe, 15 min late",
    ];
    for ((m, a), body) in members.iter().zip(&announcements).zip(answers) {
        w.stack
            .send(
                m,
                &reply_to(a),
                &reply(m, &reply_to(a), &message_id(a), body),
            )
            .await;
    }
    // Each gets one confirmation.
    for m in &members {
        let got = w.stack.wait_for_messages(m, 2, WAIT).await;
        assert_eq!(
            header(&got[1], "X-Roundtable-Kind").as_deref(),
            Some("confirmation")
        );
        assert_eq!(
            header(&got[1], "Auto-Submitted").as_deref(),
            Some("auto-replied")
        );
        assert!(header(&got[1], "In-Reply-To").is_some());
    }
    // Ben changes his mind: the latest answer wins, and he is told so.
    let ben_ann = &announcements[0];
    w.stack
        .send(
            &members[0],
            &reply_to(ben_ann),
            &reply(
                &members[0],
                &reply_to(ben_ann),
                &message_id(ben_ann),
                "No - something came up.",
            ),
        )
        .await;
    let got = w.stack.wait_for_messages(&members[0], 3, WAIT).await;
    assert!(
        String::from_utf8_lossy(&got[2]).contains("won't be at"),
        "the second confirmation says no"
    );

    trigger.fire();
    tokio::time::timeout(WAIT, daemon)
        .await
        .expect("the daemon stops on shutdown")
        .unwrap()
        .unwrap();

    let app = w.app().await;
    let rsvps = app.store().rsvps(meeting_id).await.unwrap();
    let by: std::collections::HashMap<String, (&str, Option<String>)> = rsvps
        .iter()
        .map(|r| {
            (
                r.address.clone(),
                (response_str(r.response), r.note.clone()),
            )
        })
        .collect();
    assert_eq!(by[&members[0]].0, "no");
    assert_eq!(by[&members[1]].0, "no");
    assert_eq!(by[&members[2]].0, "maybe");
    assert!(
        by[&members[2]]
            .1
            .as_deref()
            .unwrap_or("")
            .contains("15 min late"),
        "the note is kept: {:?}",
        by[&members[2]]
    );
    // Everything handled was moved out of the watched folder.
    assert!(w.stack.messages(&w.list, "INBOX").await.is_empty());
    assert_eq!(w.stack.messages(&w.list, "Handled").await.len(), 4);
    // Nothing was sent twice.
    let sent = app
        .store()
        .outbox(Some(OutboxStatus::Sent), 100)
        .await
        .unwrap();
    assert_eq!(sent.len(), 4 + 4, "4 announcements and 4 confirmations");
}

/// Ben, a member, and a meeting in ten days whose announcement he has received.
async fn ben_announced(w: &World) -> (roundtable::app::App, String, i64, Vec<u8>) {
    let app = w.app().await;
    let c = app.world.community("design").unwrap().clone();
    let ben = w.stack.address("ben");
    let mut tx = app.store().begin().await.unwrap();
    app.store()
        .upsert_person(
            &mut tx,
            c.id,
            &Address::parse(&ben).unwrap(),
            Some("Ben"),
            Role::Member,
            app.clock.now(),
        )
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let (meeting_id, _) = app
        .world
        .schedule_meeting("design", &in_days(10), None, app.clock.now())
        .await
        .unwrap();
    app.delivery()
        .unwrap()
        .drain(app.clock.now())
        .await
        .unwrap();
    let ann = w.stack.wait_for_messages(&ben, 1, WAIT).await.remove(0);
    (app, ben, meeting_id, ann)
}

/// Ben's replies to `ann`, one per body, sent in order and all waiting in the list's mailbox.
async fn replies_waiting(w: &World, ben: &str, ann: &[u8], bodies: &[&str]) {
    for (n, body) in bodies.iter().enumerate() {
        let raw = reply(ben, &reply_to(ann), &message_id(ann), body);
        w.stack.send(ben, &reply_to(ann), &raw).await;
        w.stack.wait_for_messages(&w.list, n + 1, WAIT).await;
    }
}

/// `roundtable run --once`: it succeeds, and handles what waits as one batch (it says so when
/// a batch fails and is done again one message at a time).
fn run_once_in_one_batch(w: &World) {
    let out = w.command(&["run", "--once"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("one at a time"), "one batch: {stderr}");
}

both_backends!(two_copies_in_one_batch_apply_once);
/// An MTA that delivered the same reply twice: both copies wait in the mailbox and are handled
/// in one batch (one transaction, which asks "handled before?" once for all the messages read
/// so far and remembers what it applied itself; which of the two covers the second copy
/// depends on how far the reading thread is ahead). The first is applied, the second
/// recognised as the same message: one RSVP, one confirmation, both acknowledged, and the
/// batch never falls back to one message at a time.
async fn two_copies_in_one_batch_apply_once(backend: Backend) {
    let w = World::new(backend, None).await;
    let (app, ben, meeting_id, ann) = ben_announced(&w).await;
    let raw = reply(&ben, &reply_to(&ann), &message_id(&ann), "yes");
    w.stack.send(&ben, &reply_to(&ann), &raw).await;
    w.stack.send(&ben, &reply_to(&ann), &raw).await;
    w.stack.wait_for_messages(&w.list, 2, WAIT).await;

    let out = w.command(&["run", "--once"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("1 seen before"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // Recognised within the batch, not by the UNIQUE key failing it (which would redo the
    // batch one message at a time, and say so).
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("one at a time"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        w.stack.messages(&w.list, "INBOX").await.is_empty(),
        "both acknowledged"
    );
    assert_eq!(app.store().rsvps(meeting_id).await.unwrap().len(), 1);
    let confirmations = app
        .store()
        .outbox(None, 100)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.kind.as_str() == "confirmation")
        .count();
    assert_eq!(confirmations, 1, "confirmed once");
}

both_backends!(a_message_sees_what_the_one_before_it_in_its_batch_changed);
/// A batch remembers the senders and meetings it looked up (one statement for all its senders,
/// issue 14); what one message changes, the next one of the same batch must see. Ben leaves by
/// his List-Unsubscribe address, then says "yes" to the announcement: both wait in the mailbox
/// and are handled in one batch. The "yes" is from someone who has left: no RSVP.
async fn a_message_sees_what_the_one_before_it_in_its_batch_changed(backend: Backend) {
    let w = World::new(backend, None).await;
    let (app, ben, meeting_id, ann) = ben_announced(&w).await;
    let unsub = support::unsubscribe_address(&ann);
    w.stack
        .send(&ben, &unsub, &mail(&ben, &unsub, "LEAVE", ""))
        .await;
    w.stack.wait_for_messages(&w.list, 1, WAIT).await;
    let yes = reply(&ben, &reply_to(&ann), &message_id(&ann), "yes");
    w.stack.send(&ben, &reply_to(&ann), &yes).await;
    w.stack.wait_for_messages(&w.list, 2, WAIT).await;

    run_once_in_one_batch(&w);
    assert!(
        w.stack.messages(&w.list, "INBOX").await.is_empty(),
        "both acknowledged"
    );
    assert!(
        app.store().rsvps(meeting_id).await.unwrap().is_empty(),
        "the yes came after the leave: no RSVP"
    );
    let kinds: Vec<String> = app
        .store()
        .outbox(None, 100)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.recipient == ben)
        .map(|e| e.kind.as_str().to_string())
        .collect();
    assert_eq!(
        kinds.iter().filter(|k| *k == "confirmation").count(),
        1,
        "only the leave is confirmed: {kinds:?}"
    );
}

both_backends!(yes_then_no_in_one_batch_leaves_no);
/// A batch writes its RSVPs with one statement at its end (issue 14); a member who says "yes"
/// and then "no" before the daemon looks has said "no", as when the two are handled apart,
/// and the batch does not fail over it (PostgreSQL refuses a statement that changes a row
/// twice).
async fn yes_then_no_in_one_batch_leaves_no(backend: Backend) {
    let w = World::new(backend, None).await;
    let (app, ben, meeting_id, ann) = ben_announced(&w).await;
    replies_waiting(&w, &ben, &ann, &["yes", "no"]).await;
    run_once_in_one_batch(&w);
    let rsvps = app.store().rsvps(meeting_id).await.unwrap();
    assert_eq!(rsvps.len(), 1);
    assert_eq!(response_str(rsvps[0].response), "no");
}

both_backends!(unclear_twice_in_one_batch_is_asked_about_once);
/// Two unclear replies of one member handled in one batch: the question the first is asked is
/// kept unwritten until the batch's end (`store::deferred`), and the second must still see it
/// and not be asked again (a loop with an autoresponder runs that way).
async fn unclear_twice_in_one_batch_is_asked_about_once(backend: Backend) {
    let w = World::new(backend, None).await;
    let (app, ben, _meeting_id, ann) = ben_announced(&w).await;
    replies_waiting(&w, &ben, &ann, &["??", "??"]).await;
    run_once_in_one_batch(&w);
    let questions = app
        .store()
        .outbox(None, 1000)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.kind.as_str() == "question" && e.recipient == ben)
        .count();
    assert_eq!(questions, 1, "asked once, not once per reply");
}

both_backends!(topics_and_plus_ones_in_one_batch);
/// A batch numbers its new topics from what it read of the community's and writes them, and
/// the +1s, at its end (`store::deferred`). Ben proposes two topics, then +1s the second of
/// them, then +1s it again with a number that does not exist: all in one batch. The topics
/// get #1 and #2, the +1 for a topic added in the same batch counts once, the unknown number
/// is said to be unknown, and the next batch goes on from #3.
async fn topics_and_plus_ones_in_one_batch(backend: Backend) {
    let w = World::new(backend, None).await;
    let (app, ben, _meeting_id, ann) = ben_announced(&w).await;
    let bodies = [
        "Topic: Pricing workshops\nTopic: Tools we stopped using",
        "+1 #2",
        "+1 #2 #7",
    ];
    replies_waiting(&w, &ben, &ann, &bodies).await;
    run_once_in_one_batch(&w);

    let topics = |app: &roundtable::app::App| {
        let (store, c) = (
            app.store().clone(),
            app.world.community("design").unwrap().id,
        );
        async move {
            let mut tx = store.begin().await.unwrap();
            let mut t: Vec<(i64, String, i64)> = store
                .open_topics(&mut tx, c)
                .await
                .unwrap()
                .into_iter()
                .map(|t| (t.number, t.title, t.votes))
                .collect();
            t.sort();
            t
        }
    };
    assert_eq!(
        topics(&app).await,
        vec![
            (1, "Pricing workshops".to_string(), 0),
            (2, "Tools we stopped using".to_string(), 1)
        ]
    );
    let confirmations: Vec<String> = w
        .stack
        .wait_for_kind(&ben, "confirmation", 3, WAIT)
        .await
        .iter()
        .map(|m| support::text(m))
        .collect();
    assert!(
        confirmations
            .iter()
            .any(|t| t.contains("+1 for #2 \u{201c}Tools we stopped using\u{201d}")),
        "{confirmations:?}"
    );
    assert!(
        confirmations.iter().any(|t| t.contains("#7")),
        "the unknown number is named: {confirmations:?}"
    );

    let raw = reply(
        &ben,
        &reply_to(&ann),
        &message_id(&ann),
        "Topic: Onboarding",
    );
    w.stack.send(&ben, &reply_to(&ann), &raw).await;
    w.stack.wait_for_messages(&w.list, 1, WAIT).await;
    let out = w.command(&["run", "--once"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let numbers: Vec<i64> = topics(&app).await.into_iter().map(|t| t.0).collect();
    assert_eq!(numbers, vec![1, 2, 3]);
}

both_backends!(three_hard_bounces_in_one_batch_stop_the_address_once);
/// A batch reads the people its bounces name, with their counts, in one statement, and adds
/// its bounces to the counts at its end (`store::deferred`). Three bounces of one address
/// handled in one batch count as three: the address is stopped by the third, and the
/// coordinator is told once.
async fn three_hard_bounces_in_one_batch_stop_the_address_once(backend: Backend) {
    let w = World::new(backend, None).await;
    let app = w.app().await;
    let c = app.world.community("design").unwrap().clone();
    let dead = dead_member(&w, &app).await;
    let (id, _) = app
        .world
        .schedule_meeting("design", &in_days(10), None, app.clock.now())
        .await
        .unwrap();
    for n in 1..=2 {
        app.world
            .reschedule_meeting("design", id, &in_days(10 + n), None, app.clock.now())
            .await
            .unwrap();
    }
    app.delivery()
        .unwrap()
        .drain(app.clock.now())
        .await
        .unwrap();
    // The three bounces wait in the list's mailbox; one run handles them together.
    w.stack.wait_for_messages(&w.list, 3, WAIT).await;
    run_once_in_one_batch(&w);
    let gone = app
        .store()
        .people(c.id)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.address.as_str() == dead)
        .unwrap();
    assert_eq!(gone.status.as_str(), "bouncing");
    let notices: Vec<String> = app
        .store()
        .outbox(None, 100)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.kind.as_str() == "notice")
        .map(|e| e.subject)
        .collect();
    assert_eq!(notices.len(), 1, "told once: {notices:?}");
    let log = app.store().inbound_log(20).await.unwrap();
    assert!(
        log.iter()
            .any(|e| e.outcome.contains("3 hard bounces, no more mail")),
        "the third counted three: {log:?}"
    );
}

both_backends!(killed_between_commit_and_ack_applies_once);
async fn killed_between_commit_and_ack_applies_once(backend: Backend) {
    let w = World::new(backend, None).await;
    let (app, ben, meeting_id, ann) = ben_announced(&w).await;
    w.stack
        .send(
            &ben,
            &reply_to(&ann),
            &reply(&ben, &reply_to(&ann), &message_id(&ann), "yes"),
        )
        .await;
    // Wait until Postfix has put the reply in the list's mailbox.
    w.stack.wait_for_messages(&w.list, 1, WAIT).await;

    // The process dies right after the commit, before the mailbox is told.
    let out = w
        .command(&["run", "--once"])
        .env("ROUNDTABLE_FAULT", "crash-before-ack")
        .output()
        .unwrap();
    assert!(!out.status.success(), "the fault point aborts the process");
    assert_eq!(
        w.stack.messages(&w.list, "INBOX").await.len(),
        1,
        "not acknowledged: still in the mailbox"
    );
    let queued_after_crash = app.store().outbox(None, 100).await.unwrap().len();
    assert_eq!(
        queued_after_crash, 3,
        "2 announcements + 1 confirmation committed before the crash"
    );

    // Restarted: the message is recognised, only acknowledged; nothing applied twice.
    let out = w.command(&["run", "--once"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("1 seen before"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(w.stack.messages(&w.list, "INBOX").await.is_empty());
    assert_eq!(
        app.store().outbox(None, 100).await.unwrap().len(),
        queued_after_crash,
        "no second confirmation"
    );
    let rsvps = app.store().rsvps(meeting_id).await.unwrap();
    assert_eq!(rsvps.len(), 1);
    // The confirmation goes out once.
    let got = w.stack.wait_for_messages(&ben, 2, WAIT).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(
        w.stack.messages(&ben, "INBOX").await.len(),
        2,
        "announcement + one confirmation: {}",
        got.len()
    );
}

both_backends!(a_mailbox_lease_has_one_holder_and_expires);
async fn a_mailbox_lease_has_one_holder_and_expires(backend: Backend) {
    let w = World::new(backend, None).await;
    let app = w.app().await;
    let s = app.store();
    let now = 1_900_000_000;
    assert!(
        s.try_lease("mailbox:x", "a", now, 60).await.unwrap(),
        "free: a takes it"
    );
    assert!(
        !s.try_lease("mailbox:x", "b", now + 1, 60).await.unwrap(),
        "held by a"
    );
    assert!(
        s.try_lease("mailbox:x", "a", now + 30, 60).await.unwrap(),
        "a renews"
    );
    assert!(
        !s.try_lease("mailbox:x", "b", now + 80, 60).await.unwrap(),
        "renewed until now + 90"
    );
    assert!(
        s.try_lease("mailbox:x", "b", now + 91, 60).await.unwrap(),
        "expired: b takes over"
    );
    assert!(
        !s.try_lease("mailbox:x", "a", now + 92, 60).await.unwrap(),
        "a lost it"
    );
    s.release_lease("mailbox:x", "b").await.unwrap();
    assert!(
        s.try_lease("mailbox:x", "a", now + 93, 60).await.unwrap(),
        "released: free again"
    );
}

/// A member whose every mail comes back: the test Postfix accepts anything@bounce.rt.test and
/// then bounces it with a real DSN to the envelope sender, our VERP address list+bounce-TOKEN.
async fn dead_member(w: &World, app: &roundtable::app::App) -> String {
    let c = app.world.community("design").unwrap().clone();
    let dead = format!(
        "gone-{}@bounce.{}",
        &uuid::Uuid::new_v4().simple().to_string()[..8],
        w.stack.domain
    );
    let mut tx = app.store().begin().await.unwrap();
    app.store()
        .upsert_person(
            &mut tx,
            c.id,
            &Address::parse(&dead).unwrap(),
            Some("Gone"),
            Role::Member,
            app.clock.now(),
        )
        .await
        .unwrap();
    tx.commit().await.unwrap();
    dead
}

both_backends!(hard_bounces_stop_mail_to_an_address_and_tell_the_coordinator);
async fn hard_bounces_stop_mail_to_an_address_and_tell_the_coordinator(backend: Backend) {
    let w = World::new(backend, None).await;
    let app = w.app().await;
    let dead = dead_member(&w, &app).await;
    let (id, _) = app
        .world
        .schedule_meeting("design", &in_days(10), None, app.clock.now())
        .await
        .unwrap();
    let (trigger, shutdown) = roundtable::shutdown::channel();
    let daemon = tokio::spawn(app.run(shutdown));

    let status_of = |w: &World, dead: String| {
        let cfg = roundtable::config::load(&w.config_path).unwrap();
        async move {
            let app = roundtable::app::App::build(cfg, roundtable::clock::Clock::system())
                .await
                .unwrap();
            let c = app.world.community("design").unwrap().clone();
            let p = app
                .store()
                .people(c.id)
                .await
                .unwrap()
                .into_iter()
                .find(|p| p.address.as_str() == dead)
                .unwrap();
            p.status.as_str()
        }
    };
    // Each mail to the dead address comes back; the third hard bounce stops it.
    let app2 = w.app().await;
    for n in 1..=2 {
        app2.world
            .reschedule_meeting("design", id, &in_days(10 + n), None, app2.clock.now())
            .await
            .unwrap();
    }
    let notice = w
        .stack
        .wait_for_kind(&w.coordinator, "notice", 1, WAIT)
        .await;
    assert!(
        support::text(&notice[0]).contains("has bounced 3 times"),
        "{}",
        support::text(&notice[0])
    );
    assert_eq!(status_of(&w, dead.clone()).await, "bouncing");
    trigger.fire();
    tokio::time::timeout(WAIT, daemon)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    let log = w.app().await.store().inbound_log(20).await.unwrap();
    assert_eq!(
        log.iter().filter(|e| e.kind.as_str() == "bounce").count(),
        3,
        "{log:?}"
    );
}

// ---- IMAP over TLS ----------------------------------------------------------------------------

/// `[inbound]` for the stack's Dovecot over TLS: `implicit` on its IMAPS port (host name
/// `localhost`, checked against the certificate's DNS name), `starttls` on its IMAP port (host
/// `127.0.0.1`, checked against its IP address entry); with the stack's CA or without.
fn tls_inbound(stack: &Stack, mode: &str, with_ca: bool, list: &str) -> String {
    let tls = stack.tls();
    let (host, port) = match mode {
        "implicit" => ("localhost", tls.imaps_port),
        "starttls" => ("127.0.0.1", tls.imap_starttls_port),
        other => panic!("no TLS mode {other}"),
    };
    let ca = if with_ca {
        format!("\ntls_ca_file = \"{}\"", tls.ca_file.display())
    } else {
        String::new()
    };
    format!(
        "kind = \"imap\"\nhost = \"{host}\"\nport = {port}\ntls = \"{mode}\"{ca}\nusername = \"{list}\"\npassword = \"{}\"\nidle = true\npoll_interval = \"30s\"",
        stack.imap_password
    )
}

/// The daemon (`run --once`) reads a member's RSVP over TLS, records it and moves it out.
async fn reads_a_reply_over_tls(backend: Backend, mode: &str) {
    let stack = Stack::from_env();
    let w = World::with_inbound(backend, |list| tls_inbound(&stack, mode, true, list), None).await;
    let (app, ben, meeting_id, ann) = ben_announced(&w).await;
    w.stack
        .send(
            &ben,
            &reply_to(&ann),
            &reply(
                &ben,
                &reply_to(&ann),
                &message_id(&ann),
                "Yes, I'll be there",
            ),
        )
        .await;
    w.stack.wait_for_messages(&w.list, 1, WAIT).await;

    let out = w.command(&["run", "--once"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rsvps = app.store().rsvps(meeting_id).await.unwrap();
    assert_eq!(
        rsvps.len(),
        1,
        "the reply read over TLS ({mode}) is recorded"
    );
    assert_eq!(response_str(rsvps[0].response), "yes");
    assert!(w.stack.messages(&w.list, "INBOX").await.is_empty());
    assert_eq!(w.stack.messages(&w.list, "Handled").await.len(), 1);
}

both_backends!(reads_a_reply_over_imaps_trusting_tls_ca_file);
async fn reads_a_reply_over_imaps_trusting_tls_ca_file(backend: Backend) {
    reads_a_reply_over_tls(backend, "implicit").await
}

both_backends!(reads_a_reply_over_imap_starttls_trusting_tls_ca_file);
async fn reads_a_reply_over_imap_starttls_trusting_tls_ca_file(backend: Backend) {
    reads_a_reply_over_tls(backend, "starttls").await
}

both_backends!(imap_without_tls_ca_file_fails_with_the_fix_and_leaves_the_mail);
/// Without `tls_ca_file` the stack's certificate is not trusted, over IMAPS and over STARTTLS:
/// the daemon stops at start with an error naming the certificate problem and the fix, and the
/// message stays in the mailbox until the CA is configured.
async fn imap_without_tls_ca_file_fails_with_the_fix_and_leaves_the_mail(backend: Backend) {
    let stack = Stack::from_env();
    for mode in ["implicit", "starttls"] {
        let w =
            World::with_inbound(backend, |list| tls_inbound(&stack, mode, false, list), None).await;
        let someone = w.stack.address("someone");
        w.stack
            .send(
                &someone,
                &w.list,
                &support::mail(&someone, &w.list, "HELP", "help"),
            )
            .await;
        w.stack.wait_for_messages(&w.list, 1, WAIT).await;

        let out = w.command(&["run", "--once"]).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{mode}: {err}");
        assert!(
            err.contains("invalid peer certificate: UnknownIssuer"),
            "{mode}: names the certificate problem: {err}"
        );
        assert!(
            err.contains("set inbound.tls_ca_file"),
            "{mode}: names the fix: {err}"
        );
        assert_eq!(
            w.stack.messages(&w.list, "INBOX").await.len(),
            1,
            "{mode}: the message stays in the mailbox"
        );

        w.rewrite_config(
            &format!("tls = \"{mode}\"\n"),
            &format!(
                "tls = \"{mode}\"\ntls_ca_file = \"{}\"\n",
                stack.tls().ca_file.display()
            ),
        );
        let out = w.command(&["run", "--once"]).output().unwrap();
        assert!(
            out.status.success(),
            "{mode}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            w.stack.messages(&w.list, "INBOX").await.is_empty(),
            "{mode}: read once the CA is trusted"
        );
        assert_eq!(
            w.stack.messages(&w.list, "Handled").await.len(),
            1,
            "{mode}"
        );
    }
}
