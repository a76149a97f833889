//! Issue 15, "people's words reach people", on SQLite and PostgreSQL with the real Postfix and
//! Dovecot: a member's question in reply to the agenda reaches the coordinator's mailbox with
//! Reply-To the member (and the member is told where it went, never "Did you mean YES, NO or
//! MAYBE?"); an RSVP that also asks is recorded and its question forwarded; words without proof
//! of their sender are handled as the proof rules say, not forwarded; a fresh mail to the list
//! is a post (tests/posts.rs).

mod support;

use std::time::Duration;

use roundtable::app::App;
use roundtable::clock::Clock;
use roundtable::domain::{Address, MailKind, OtherMailKind, Response, Role};
use roundtable::rules::Handled;
use support::{both_backends, header, in_days, message_id, of_kind, reply, reply_to, text};
use support::{Backend, World};

const WAIT: Duration = Duration::from_secs(30);

/// Ben, a member; a meeting in ten days; the clock ten minutes after its agenda went out
/// (two days before), with everything due sent through Postfix. Returns the app at that
/// clock, Ben's address, the meeting and the agenda Ben received over IMAP.
async fn agenda_to_ben(w: &World) -> (App, String, i64, Vec<u8>) {
    let app = w.app().await;
    let c = app.world.community("design").unwrap().clone();
    let ben = w.stack.address("ben");
    let mut tx = app.store().begin().await.unwrap();
    app.store()
        .upsert_person(
            &mut tx,
            c.id,
            &Address::parse(&ben).unwrap(),
            Some("Ben Member"),
            Role::Member,
            app.clock.now(),
        )
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let (meeting, _) = app
        .world
        .schedule_meeting("design", &in_days(10), None, app.clock.now())
        .await
        .unwrap();
    let starts_at = app
        .store()
        .meetings(c.id)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.id == meeting)
        .unwrap()
        .starts_at;
    let app = w.app_at(Clock::fixed(starts_at - 2 * 86400 + 600)).await;
    app.run_once().await.unwrap();
    let agenda = w
        .stack
        .wait_for_kind(&ben, "agenda", 1, WAIT)
        .await
        .remove(0);
    (app, ben, meeting, agenda)
}

/// What the outbox holds of `kind` for `recipient`.
async fn queued(app: &App, kind: OtherMailKind, recipient: &str) -> usize {
    app.store()
        .outbox(None, 1000)
        .await
        .unwrap()
        .iter()
        .filter(|e| e.kind == MailKind::Other(kind) && e.recipient == recipient)
        .count()
}

both_backends!(a_question_to_the_agenda_reaches_the_coordinator);
async fn a_question_to_the_agenda_reaches_the_coordinator(backend: Backend) {
    let w = World::new(backend, None).await;
    let (app, ben, _, agenda) = agenda_to_ben(&w).await;

    // Ben answers the agenda with a question, from a real SMTP client, to its Reply-To.
    let ask = reply(
        &ben,
        &reply_to(&agenda),
        &message_id(&agenda),
        "Is this the same room as last time?",
    );
    w.stack.send(&ben, &reply_to(&agenda), &ask).await;
    // Postfix hands it to Dovecot a moment after accepting it.
    w.stack.wait_for_messages(&w.list, 1, WAIT).await;
    app.run_once().await.unwrap();

    // The coordinator gets his words, Reply-To Ben, the Subject naming him and what he
    // replied to.
    let fwd = w
        .stack
        .wait_for_kind(&w.coordinator, "forwarded", 1, WAIT)
        .await
        .remove(0);
    assert_eq!(reply_to(&fwd), ben, "one click answers Ben");
    let subject = header(&fwd, "Subject").unwrap();
    assert!(
        subject.contains("Ben Member") && subject.contains("Design Circle"),
        "{subject}"
    );
    let body = text(&fwd);
    assert!(
        body.contains("Is this the same room as last time?") && body.contains(&ben),
        "{body}"
    );
    assert_eq!(
        header(&fwd, "In-Reply-To"),
        header(&ask, "Message-ID"),
        "threads with Ben's mail"
    );

    // Ben is told in one line where it went, and asked nothing.
    let told = w
        .stack
        .wait_for_kind(&ben, "confirmation", 1, WAIT)
        .await
        .remove(0);
    assert!(text(&told).contains("went to"), "{}", text(&told));
    let bens = w.stack.messages(&ben, "INBOX").await;
    assert!(
        of_kind(&bens, "question").is_empty()
            && !bens
                .iter()
                .any(|m| String::from_utf8_lossy(m).contains("YES, NO or MAYBE?")),
        "no YES/NO/MAYBE question to Ben"
    );
    assert_eq!(queued(&app, OtherMailKind::Question, &ben).await, 0);
    // One mail to the coordinator, not a notice about an unclear reply besides.
    assert_eq!(
        queued(&app, OtherMailKind::Notice, &w.coordinator).await,
        0,
        "no unclear-reply notice"
    );
    assert_eq!(
        queued(&app, OtherMailKind::Forwarded, &w.coordinator).await,
        1
    );
    let log = app.store().inbound_log(10).await.unwrap();
    assert!(
        log.iter()
            .any(|e| e.kind.as_str() == "conversation" && e.outcome.contains("forwarded to")),
        "{log:?}"
    );
}

both_backends!(an_rsvp_with_a_question_is_recorded_and_the_question_forwarded);
async fn an_rsvp_with_a_question_is_recorded_and_the_question_forwarded(backend: Backend) {
    let w = World::new(backend, None).await;
    let (app, ben, meeting, agenda) = agenda_to_ben(&w).await;

    let yes = reply(
        &ben,
        &reply_to(&agenda),
        &message_id(&agenda),
        "Yes! Is there parking?",
    );
    w.stack.send(&ben, &reply_to(&agenda), &yes).await;
    // Postfix hands it to Dovecot a moment after accepting it.
    w.stack.wait_for_messages(&w.list, 1, WAIT).await;
    app.run_once().await.unwrap();

    let rsvp = app
        .store()
        .rsvps(meeting)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.address == ben)
        .expect("Ben's RSVP");
    assert_eq!(rsvp.response, Response::Yes);
    let fwd = w
        .stack
        .wait_for_kind(&w.coordinator, "forwarded", 1, WAIT)
        .await
        .remove(0);
    assert_eq!(reply_to(&fwd), ben);
    let body = text(&fwd);
    assert!(
        body.contains("Is there parking?") && body.contains("YES"),
        "{body}"
    );
    // Ben's usual confirmation, saying where his question went: one mail.
    let conf = w
        .stack
        .wait_for_kind(&ben, "confirmation", 1, WAIT)
        .await
        .remove(0);
    let conf = text(&conf);
    assert!(
        conf.contains("You're coming") || conf.contains("Thanks! You're coming"),
        "{conf}"
    );
    assert!(conf.contains("Your question went to"), "{conf}");
    assert_eq!(queued(&app, OtherMailKind::Confirmation, &ben).await, 1);
}

both_backends!(words_without_proof_are_not_forwarded);
async fn words_without_proof_are_not_forwarded(backend: Backend) {
    let w = World::new(backend, None).await;
    let (app, ben, _, agenda) = agenda_to_ben(&w).await;
    let outcome = |h: Handled| match h {
        Handled::Done { outcome, .. } => outcome,
        other => panic!("{other:?}"),
    };

    // To the bare list address, no token, no In-Reply-To: not an answer to our mail but a
    // fresh mail to the group, so a post to the list (tests/posts.rs), not words for the
    // coordinators. Nothing is forwarded.
    let subject = format!("Re: {}", header(&agenda, "Subject").unwrap());
    let plain = format!(
        "From: Ben <{ben}>\r\nTo: {}\r\nSubject: Re: Design Circle\r\nMessage-ID: <plain-1@client.example>\r\n\r\nIs this the same room as last time?\r\n",
        w.list
    );
    let o = outcome(app.handle(plain.as_bytes()).await.unwrap());
    assert!(o.contains("post #") && o.contains("queued to"), "{o}");
    assert_eq!(
        queued(&app, OtherMailKind::Forwarded, &w.coordinator).await,
        0
    );

    // The same words naming the agenda we sent Ben in In-Reply-To (no token; the agenda's
    // Subject, which starts with a command word): his, read in the agenda's context — a
    // person talking, not the AGENDA command — and forwarded.
    let threaded = format!(
        "From: Ben <{ben}>\r\nTo: {}\r\nSubject: {subject}\r\nMessage-ID: <plain-2@client.example>\r\nIn-Reply-To: <{}>\r\n\r\nIs this the same room as last time?\r\n",
        w.list,
        message_id(&agenda)
    );
    let o = outcome(app.handle(threaded.as_bytes()).await.unwrap());
    assert!(o.contains("conversation: forwarded to"), "{o}");
    assert_eq!(
        queued(&app, OtherMailKind::Forwarded, &w.coordinator).await,
        1
    );
}

both_backends!(the_forward_cap_counts_a_batchs_own_forwards);
/// At most `ANSWERS_PER_HOUR` (20) messages of one member an hour are passed on to the
/// coordinators. A batch writes its "handled" records at its end, and the cap counts those it
/// has not written yet: 22 questions of Ben waiting together are 20 forwards and 2 kept.
async fn the_forward_cap_counts_a_batchs_own_forwards(backend: Backend) {
    let w = World::new(backend, None).await;
    let (app, ben, _, agenda) = agenda_to_ben(&w).await;
    for n in 0..22 {
        let ask = reply(
            &ben,
            &reply_to(&agenda),
            &message_id(&agenda),
            &format!("Question {n}: is this the same room as last time?"),
        );
        w.stack.send(&ben, &reply_to(&agenda), &ask).await;
    }
    w.stack.wait_for_messages(&w.list, 22, WAIT).await;
    app.run_once().await.unwrap();

    assert_eq!(
        queued(&app, OtherMailKind::Forwarded, &w.coordinator).await,
        20
    );
    let log = app.store().inbound_log(100).await.unwrap();
    let kept = log
        .iter()
        .filter(|e| e.kind.as_str() == "conversation" && e.outcome.ends_with("; kept"))
        .count();
    assert_eq!(kept, 2, "{log:?}");
}
