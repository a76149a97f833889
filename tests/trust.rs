//! Issue 17, "nothing comes back, nobody acts for someone else": forged bounces, answers to
//! confirmation requests that are not a yes, token-less replies, forged strangers, and state
//! that must stick — on SQLite and PostgreSQL, with the real Postfix and Dovecot where mail
//! goes out.

mod support;

use std::time::Duration;

use roundtable::app::App;
use roundtable::compose::token::{Claims, Purpose, Signer};
use roundtable::domain::{Address, PersonStatus, Role};
use support::{add_member, both_backends, in_days, mail, reply_to, text, Backend, World};

const WAIT: Duration = Duration::from_secs(30);
/// The secret of the test config (tests/support).
const SECRET: &[u8] = b"test-secret-0123456789abcdef";

/// A Postfix-style delivery status notification saying mail to `victim` failed for good.
fn dsn(to: &str, victim: &str, n: u32) -> Vec<u8> {
    format!(
        "From: Mail Delivery System <MAILER-DAEMON@mx.elsewhere.example>\r\nTo: {to}\r\nSubject: Undelivered Mail Returned to Sender\r\nMessage-ID: <dsn-{n}-{victim}>\r\nDate: Sat, 05 Dec 2026 10:00:00 +0000\r\nAuto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nI'm sorry to have to inform you that your message could not be delivered.\r\n\r\n--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.elsewhere.example\r\n\r\nFinal-Recipient: rfc822; {victim}\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 <{victim}>: user unknown\r\n\r\n--B--\r\n"
    )
    .into_bytes()
}

async fn person(app: &App, address: &str) -> roundtable::store::Person {
    let c = app.world.community("design").unwrap();
    app.store()
        .people(c.id)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.address.as_str() == address)
        .unwrap()
}

both_backends!(forged_bounces_cut_nobody_off);
async fn forged_bounces_cut_nobody_off(backend: Backend) {
    let w = World::new(backend, None).await;
    let app = w.app().await;
    let ben = w.stack.address("ben");
    add_member(&app, &ben, "Ben").await;

    // Three forged reports to the bare list address, naming Ben, then three naming the
    // coordinator: no VERP token, so they count against nobody.
    for (n, victim) in [
        (1, &ben),
        (2, &ben),
        (3, &ben),
        (4, &w.coordinator),
        (5, &w.coordinator),
        (6, &w.coordinator),
    ] {
        let h = app.handle(&dsn(&w.list, victim, n)).await.unwrap();
        let roundtable::rules::Handled::Done { outcome, .. } = h else {
            panic!("{h:?}")
        };
        assert!(outcome.contains("counted against nobody"), "{outcome}");
    }
    assert_eq!(
        person(&app, &ben).await.status,
        PersonStatus::Active,
        "a forged bounce stops nobody's mail"
    );
    assert_eq!(
        person(&app, &w.coordinator).await.status,
        PersonStatus::Active
    );

    // Real proof — reports to the coordinator's own VERP address — still never suspends a
    // coordinator: the coordinators are told instead.
    let coord = person(&app, &w.coordinator).await;
    let token = Signer::new(SECRET).sign(&Claims {
        purpose: Purpose::Bounce,
        person_id: coord.id,
        reference: 0,
        expires_at: app.clock.now() + 86400,
    });
    let verp = Address::parse(&w.list)
        .unwrap()
        .with_tag(&format!("bounce-{token}"))
        .unwrap();
    for n in 7..=9 {
        app.handle(&dsn(verp.as_str(), &w.coordinator, n))
            .await
            .unwrap();
    }
    assert_eq!(
        person(&app, &w.coordinator).await.status,
        PersonStatus::Active,
        "bounces never suspend a coordinator"
    );
    let out = w
        .command(&["do", "design", "STATUS", "--as", &w.coordinator])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the coordinator's commands still work: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    // And the same proof for a member does stop their mail (the rule still works).
    let ben_p = person(&app, &ben).await;
    let token = Signer::new(SECRET).sign(&Claims {
        purpose: Purpose::Bounce,
        person_id: ben_p.id,
        reference: 0,
        expires_at: app.clock.now() + 86400,
    });
    let verp = Address::parse(&w.list)
        .unwrap()
        .with_tag(&format!("bounce-{token}"))
        .unwrap();
    for n in 10..=12 {
        app.handle(&dsn(verp.as_str(), &ben, n)).await.unwrap();
    }
    assert_eq!(person(&app, &ben).await.status, PersonStatus::Bouncing);
}

both_backends!(only_a_yes_confirms_a_command);
async fn only_a_yes_confirms_a_command(backend: Backend) {
    let w = World::with_auth(backend, None, "dmarc-or-confirm").await;
    let app = w.app().await;
    let ben = w.stack.address("ben");
    add_member(&app, &ben, "Ben").await;
    let (trigger, shutdown) = roundtable::shutdown::channel();
    let daemon = tokio::spawn(app.run(shutdown));
    let coord = w.coordinator.clone();

    // A forged REMOVE (no DMARC verdict): a confirmation is asked of the real coordinator…
    w.stack
        .send(
            &coord,
            &w.list,
            &mail(&coord, &w.list, &format!("REMOVE {ben}"), ""),
        )
        .await;
    let ask = w
        .stack
        .wait_for_kind(&coord, "confirmation-request", 1, WAIT)
        .await
        .remove(0);
    assert!(text(&ask).contains("Reply CONFIRM"), "{}", text(&ask));
    // …who answers that they did not send it: nothing is done, the request is cancelled.
    let confirm_to = reply_to(&ask);
    w.stack
        .send(
            &coord,
            &confirm_to,
            &mail(
                &coord,
                &confirm_to,
                "Re: Confirm",
                "NO!! I did not send this",
            ),
        )
        .await;
    let got = w
        .stack
        .wait_for_kind(&coord, "command-result", 1, WAIT)
        .await;
    assert!(text(&got[0]).contains("was cancelled"), "{}", text(&got[0]));
    // A later "yes" to the same request does nothing either: it was used up.
    w.stack
        .send(
            &coord,
            &confirm_to,
            &mail(&coord, &confirm_to, "Re: Confirm", "yes"),
        )
        .await;
    let got = w
        .stack
        .wait_for_kind(&coord, "command-result", 2, WAIT)
        .await;
    assert!(text(&got[1]).contains("already used"), "{}", text(&got[1]));

    // Autoresponders answering two more requests — one without Auto-Submitted headers, one
    // recognised as automatic — confirm nothing and use the request up: a "yes" after either
    // is too late.
    for (n, subject) in [(2usize, "Re: Confirm"), (3, "Out of office")] {
        w.stack
            .send(
                &coord,
                &w.list,
                &mail(
                    &coord,
                    &w.list,
                    &format!("SCHEDULE {}", in_days(18 + n as i64)),
                    "",
                ),
            )
            .await;
        let ask = w
            .stack
            .wait_for_kind(&coord, "confirmation-request", n, WAIT)
            .await
            .remove(n - 1);
        let confirm_to = reply_to(&ask);
        w.stack
            .send(
                &coord,
                &confirm_to,
                &mail(
                    &coord,
                    &confirm_to,
                    subject,
                    "I am out of the office until Monday and will answer your mail then.",
                ),
            )
            .await;
        w.stack
            .send(
                &coord,
                &confirm_to,
                &mail(&coord, &confirm_to, "Re: Confirm", "yes"),
            )
            .await;
    }
    let got = w
        .stack
        .wait_for_kind(&coord, "command-result", 5, WAIT)
        .await;
    assert_eq!(
        got.iter()
            .filter(|m| text(m).contains("already used"))
            .count(),
        3,
        "the yes after each autoresponder is refused"
    );

    trigger.fire();
    tokio::time::timeout(WAIT, daemon)
        .await
        .expect("the daemon stops")
        .unwrap()
        .unwrap();
    let app = w.app().await;
    assert_eq!(
        person(&app, &ben).await.status,
        PersonStatus::Active,
        "Ben was not removed"
    );
    let c = app.world.community("design").unwrap();
    assert!(
        app.store().meetings(c.id).await.unwrap().is_empty(),
        "nothing was scheduled"
    );
}

both_backends!(a_plain_reply_needs_proof_of_its_sender);
async fn a_plain_reply_needs_proof_of_its_sender(backend: Backend) {
    let w = World::new(backend, None).await;
    let app = w.app().await;
    let ben = w.stack.address("ben");
    add_member(&app, &ben, "Ben").await;
    let (meeting, _) = app
        .world
        .schedule_meeting("design", &in_days(10), None, app.clock.now())
        .await
        .unwrap();
    let answer = || async {
        app.store()
            .rsvps(meeting)
            .await
            .unwrap()
            .into_iter()
            .find(|r| r.address == ben)
            .map(|r| r.response)
    };
    let plain = |extra: &str, n: u32| {
        format!("{extra}From: Ben <{ben}>\r\nTo: {}\r\nSubject: Re: Design Circle\r\nMessage-ID: <plain-{n}@client.example>\r\n\r\nno\r\n", w.list).into_bytes()
    };
    let outcome = |h: roundtable::rules::Handled| match h {
        roundtable::rules::Handled::Done { outcome, .. } => outcome,
        other => panic!("{other:?}"),
    };

    // Our own server says DMARC failed (p=reject): applied as nobody's, nobody answered.
    let failed = format!(
        "Authentication-Results: {}; dmarc=fail (p=reject dis=reject) header.from={}\r\n",
        w.stack.authserv_id, w.stack.domain
    );
    let o = outcome(app.handle(&plain(&failed, 1)).await.unwrap());
    assert!(
        o.contains("not applied: our mail server says it is not from"),
        "{o}"
    );
    assert_eq!(answer().await, None, "a forged 'no' sets nobody's RSVP");

    // No verdict at all, and it answers nothing we sent Ben: not applied; Ben is asked to use
    // the reply button (one short note, throttled like every automatic answer).
    let o = outcome(app.handle(&plain("", 2)).await.unwrap());
    assert!(
        o.contains("not applied: nothing shows it is from")
            && o.contains("asked to reply to our mail"),
        "{o}"
    );
    assert_eq!(answer().await, None);

    // No verdict, but In-Reply-To names the announcement we sent to Ben: his.
    let announcement = app
        .store()
        .outbox(None, 100)
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.recipient == ben)
        .expect("Ben's announcement");
    let threaded = format!(
        "In-Reply-To: <{}>\r\n",
        announcement.message_id.trim_matches(['<', '>'])
    );
    let o = outcome(app.handle(&plain(&threaded, 3)).await.unwrap());
    assert!(o.contains("rsvp no"), "{o}");
    assert_eq!(answer().await, Some(roundtable::domain::Response::No));

    // The same In-Reply-To from someone else's address proves nothing for them.
    let dev = w.stack.address("dev");
    add_member(&app, &dev, "Dev").await;
    let as_dev = format!("{threaded}From: Dev <{dev}>\r\nTo: {}\r\nSubject: Re: Design Circle\r\nMessage-ID: <plain-4@client.example>\r\n\r\nyes\r\n", w.list).into_bytes();
    let o = outcome(app.handle(&as_dev).await.unwrap());
    assert!(o.contains("not applied"), "{o}");
    assert!(app
        .store()
        .rsvps(meeting)
        .await
        .unwrap()
        .iter()
        .all(|r| r.address != dev));
}

both_backends!(a_coordinators_own_pause_survives_a_restart);
async fn a_coordinators_own_pause_survives_a_restart(backend: Backend) {
    let w = World::new(backend, None).await;
    let app = w.app().await;
    assert_eq!(
        person(&app, &w.coordinator).await.status,
        PersonStatus::Active
    );
    let out = w
        .command(&["do", "design", "PAUSE", "--as", &w.coordinator])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        person(&app, &w.coordinator).await.status,
        PersonStatus::Paused
    );
    // A restart (App::build syncs the config's coordinators) leaves their own choice alone.
    let app = w.app().await;
    assert_eq!(
        person(&app, &w.coordinator).await.status,
        PersonStatus::Paused,
        "a restart does not undo PAUSE"
    );
    assert_eq!(person(&app, &w.coordinator).await.role, Role::Coordinator);
}

both_backends!(fifty_forged_strangers_get_ten_answers_and_the_coordinator_one_notice);
async fn fifty_forged_strangers_get_ten_answers_and_the_coordinator_one_notice(backend: Backend) {
    let w = World::new(backend, None).await;
    let app = w.app().await;
    let stranger = |n: u32, extra: &str| {
        format!("{extra}From: \"Click here: evil.example\" <victim{n}@elsewhere.example>\r\nTo: {}\r\nSubject: WIN A PRIZE at evil.example {n}\r\nMessage-ID: <s{n}@elsewhere.example>\r\n\r\nhello\r\n", w.list).into_bytes()
    };
    // Marked failing by our own server: answered by nobody.
    let spf_fail = format!("Authentication-Results: {}; spf=fail smtp.mailfrom=elsewhere.example; dmarc=none header.from=elsewhere.example\r\n", w.stack.authserv_id);
    for n in 0..5 {
        let h = app.handle(&stranger(n, &spf_fail)).await.unwrap();
        let roundtable::rules::Handled::Done { outcome, .. } = h else {
            panic!("{h:?}")
        };
        assert!(
            outcome.contains("not answered: our mail server marked it as failing"),
            "{outcome}"
        );
    }
    // Fifty more with no verdict: ten answers in the hour, then none.
    for n in 5..55 {
        app.handle(&stranger(n, "")).await.unwrap();
    }
    let queued = app.store().outbox(None, 1000).await.unwrap();
    let answers: Vec<_> = queued
        .iter()
        .filter(|e| e.recipient.starts_with("victim"))
        .collect();
    assert_eq!(
        answers.len(),
        10,
        "{:?}",
        answers.iter().map(|e| &e.recipient).collect::<Vec<_>>()
    );
    assert!(
        answers.iter().all(|e| !e.subject.contains("PRIZE")),
        "the attacker's Subject is not repeated"
    );
    let notices = queued
        .iter()
        .filter(|e| e.recipient == w.coordinator)
        .count();
    // The failing ones once this hour (twice if the test crossed the top of an hour); the
    // others are posts held for review (issue 15), each with its notice up to the strangers'
    // hourly limit of 10, then held quietly: never fifty.
    assert!(
        (1..=13).contains(&notices),
        "{notices} notices: the coordinator hears of them once an hour, and of at most 10 held posts"
    );
}

both_backends!(who_left_hears_nothing_of_a_cancelled_meeting);
async fn who_left_hears_nothing_of_a_cancelled_meeting(backend: Backend) {
    let w = World::new(backend, None).await;
    let app = w.app().await;
    let (ben, chloe) = (w.stack.address("ben"), w.stack.address("chloe"));
    add_member(&app, &ben, "Ben").await;
    add_member(&app, &chloe, "Chloé").await;
    let (meeting, _) = app
        .world
        .schedule_meeting("design", &in_days(10), None, app.clock.now())
        .await
        .unwrap();
    let out = w
        .command(&["do", "design", "LEAVE", "--as", &ben])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    app.world
        .cancel_meeting("design", meeting, None, app.clock.now())
        .await
        .unwrap();
    let told: Vec<String> = app
        .store()
        .outbox(None, 100)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.kind.to_string() == "cancellation")
        .map(|e| e.recipient)
        .collect();
    assert!(told.contains(&chloe), "{told:?}");
    assert!(
        !told.contains(&ben),
        "Ben left: no cancellation for him ({told:?})"
    );
}

both_backends!(an_invitation_never_demotes_a_paused_member);
async fn an_invitation_never_demotes_a_paused_member(backend: Backend) {
    let w = World::new(backend, None).await;
    let app = w.app().await;
    let ben = w.stack.address("ben");
    add_member(&app, &ben, "Ben").await;
    app.world
        .schedule_meeting("design", &in_days(10), None, app.clock.now())
        .await
        .unwrap();
    assert!(w
        .command(&["do", "design", "PAUSE", "--as", &ben])
        .output()
        .unwrap()
        .status
        .success());
    let out = w
        .command(&["do", "design", &format!("INVITE {ben} Ben")])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("already a member") && said.contains("paused"),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let p = person(&app, &ben).await;
    assert_eq!(
        (p.role, p.status),
        (Role::Member, PersonStatus::Paused),
        "still a paused member, not an active guest"
    );
}

both_backends!(a_slow_autoresponder_without_in_reply_to_is_asked_once);
async fn a_slow_autoresponder_without_in_reply_to_is_asked_once(backend: Backend) {
    let w = World::new(backend, None).await;
    let app = w.app().await;
    let ben = w.stack.address("ben");
    add_member(&app, &ben, "Ben").await;
    let t0 = app.clock.now();
    // Every ten minutes for two hours, a robot at Ben's (DMARC-passing) address writes
    // something nobody can read, with no In-Reply-To and no headers marking it automatic.
    for n in 0..12i64 {
        let raw = format!(
            "Authentication-Results: {}; dmarc=pass header.from={}\r\nFrom: {ben}\r\nTo: {}\r\nSubject: Re: Design Circle\r\nMessage-ID: <robot-{n}@client.example>\r\n\r\n???\r\n",
            w.stack.authserv_id, w.stack.domain, w.list
        );
        w.app_at(roundtable::clock::Clock::fixed(t0 + n * 600))
            .await
            .handle(raw.as_bytes())
            .await
            .unwrap();
    }
    let questions = app
        .store()
        .outbox(None, 1000)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.recipient == ben)
        .count();
    assert_eq!(questions, 1, "asked once, not every ten minutes");
}

both_backends!(a_command_that_fails_halfway_changes_nothing);
async fn a_command_that_fails_halfway_changes_nothing(backend: Backend) {
    let w = World::new(backend, None).await;
    let app = w.app().await;
    let ben = w.stack.address("ben");
    add_member(&app, &ben, "Ben").await;
    // Ben pauses, with DMARC; PAUSE fails after it has made its change (fault injection, as a
    // bug halfway through would): the change is undone and Ben is told it was not done.
    w.stack
        .send_trusted(&ben, &w.list, &mail(&ben, &w.list, "PAUSE", ""))
        .await;
    w.stack.wait_for_messages(&w.list, 1, WAIT).await;
    let out = w
        .command(&["run", "--once"])
        .env("ROUNDTABLE_FAULT", "fail-command:PAUSE")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        person(&app, &ben).await.status,
        PersonStatus::Active,
        "a command that failed halfway leaves nothing behind"
    );
    let answer = w
        .stack
        .wait_for_kind(&ben, "command-result", 1, WAIT)
        .await
        .remove(0);
    let subject = support::header(&answer, "Subject").unwrap_or_default();
    assert!(subject.contains("PAUSE: not done"), "{subject}");
    assert!(
        text(&answer).contains("Nothing was changed"),
        "{}",
        text(&answer)
    );
}

both_backends!(a_command_that_fails_after_queueing_mail_sends_none);
/// INVITE queues the guest's invitation, then fails (fault injection, as a bug halfway
/// through would): the invitation is undone with the rest, and the batch it came in is not
/// failed by it either (an inbound batch writes the bodies of the mail it queued at its end:
/// the body of an undone row must not be written then).
async fn a_command_that_fails_after_queueing_mail_sends_none(backend: Backend) {
    let w = World::new(backend, None).await;
    let app = w.app().await;
    let coord = w.coordinator.clone();
    let gina = w.stack.address("gina");
    app.world
        .schedule_meeting("design", &in_days(3), None, app.clock.now())
        .await
        .unwrap();
    let invite = format!("INVITE {gina} Gina");
    w.stack
        .send_trusted(&coord, &w.list, &mail(&coord, &w.list, &invite, ""))
        .await;
    w.stack.wait_for_messages(&w.list, 1, WAIT).await;
    let out = w
        .command(&["run", "--once"])
        .env("ROUNDTABLE_FAULT", "fail-command:INVITE")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        !stderr.contains("one at a time"),
        "the batch held: {stderr}"
    );
    let to_gina = app
        .store()
        .outbox(None, 100)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.recipient == gina)
        .count();
    assert_eq!(to_gina, 0, "no invitation queued for Gina");
    let answer = w
        .stack
        .wait_for_kind(&coord, "command-result", 1, WAIT)
        .await
        .remove(0);
    let subject = support::header(&answer, "Subject").unwrap_or_default();
    assert!(subject.contains("INVITE: not done"), "{subject}");
}

both_backends!(a_calendar_answer_counts_for_the_meeting_it_names);
async fn a_calendar_answer_counts_for_the_meeting_it_names(backend: Backend) {
    let w = World::new(backend, None).await;
    let app = w.app().await;
    let ben = w.stack.address("ben");
    add_member(&app, &ben, "Ben").await;
    let now = app.clock.now();
    let (first, _) = app
        .world
        .schedule_meeting("design", &in_days(10), None, now)
        .await
        .unwrap();
    let (second, _) = app
        .world
        .schedule_meeting("design", &in_days(20), None, now)
        .await
        .unwrap();
    let c = app.world.community("design").unwrap();
    let uid = app
        .store()
        .meetings(c.id)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.id == second)
        .unwrap()
        .thread_id;
    // Ben's calendar declines the second meeting's invitation, sent to the bare list address
    // with no thread headers (as calendar apps do), his domain's DMARC vouched for.
    let itip = |uid: &str, n: u32| {
        format!(
            "Authentication-Results: {}; dmarc=pass header.from={}\r\nFrom: Ben <{ben}>\r\nTo: {}\r\nSubject: Declined: Design Circle\r\nMessage-ID: <cal-{n}@client.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/calendar; method=REPLY; charset=utf-8\r\n\r\nBEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nPRODID:Microsoft Exchange Server 2010\r\nBEGIN:VEVENT\r\nUID:{uid}\r\nATTENDEE;PARTSTAT=DECLINED:mailto:{ben}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            w.stack.authserv_id, w.stack.domain, w.list
        )
        .into_bytes()
    };
    let answer = |meeting: i64| {
        let app = &app;
        let ben = &ben;
        async move {
            app.store()
                .rsvps(meeting)
                .await
                .unwrap()
                .into_iter()
                .find(|r| &r.address == ben)
                .map(|r| r.response)
        }
    };
    app.handle(&itip(&uid, 1)).await.unwrap();
    assert_eq!(
        answer(second).await,
        Some(roundtable::domain::Response::No),
        "the meeting the calendar named"
    );
    assert_eq!(answer(first).await, None, "not the next one");
    // An event that is none of our meetings answers nothing.
    app.handle(&itip("someone-elses-event@calendar.example", 2))
        .await
        .unwrap();
    assert_eq!(answer(first).await, None);
}
