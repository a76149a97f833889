//! Issue 15, "the group talks between meetings", on SQLite and PostgreSQL with the real Postfix
//! and Dovecot, read back over IMAP: a member's post with an attachment reaches every member
//! intact, DMARC-safe, with the list headers and the author's Message-ID; replies thread; a
//! member in NONE gets no post; a non-member's post is held until an authenticated APPROVE (a
//! forged one is refused); our own List-Id is never redistributed; an oversized post is refused;
//! a DIGEST member gets the day's posts in one digest (once, even with two daemons), a NONE
//! or paused member none, while meeting mail reaches them all.

mod support;

use std::time::Duration;

use mail_parser::{MessageParser, MimeHeaders};
use roundtable::app::App;
use roundtable::domain::{Address, Delivery, MailKind, OtherMailKind, PostStatus, Role};
use roundtable::rules::Handled;
use support::{add_person, both_backends, header, mail, message_id, of_kind, reply_to, text};
use support::{Backend, World};

const WAIT: Duration = Duration::from_secs(30);

async fn set_delivery(app: &App, who: &str, d: Delivery) {
    let c = app.world.community("design").unwrap().clone();
    let mut tx = app.store().begin().await.unwrap();
    let p = app
        .store()
        .person_by_address(&mut tx, c.id, &Address::parse(who).unwrap())
        .await
        .unwrap()
        .unwrap();
    app.store()
        .set_delivery(&mut tx, p.id, d, app.clock.now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

async fn posts_queued(app: &App, recipient: &str) -> usize {
    app.store()
        .outbox(None, 10_000)
        .await
        .unwrap()
        .iter()
        .filter(|e| e.kind == MailKind::Other(OtherMailKind::Post) && e.recipient == recipient)
        .count()
}

/// Runs the daemon's steps until the inbound log has `n` outcomes containing `needle` (mail
/// accepted by Postfix reaches the list's mailbox a moment later).
async fn run_until(app: &App, needle: &str, n: usize) {
    let start = std::time::Instant::now();
    loop {
        app.run_once().await.unwrap();
        let log = app.store().inbound_log(100).await.unwrap();
        if log.iter().filter(|e| e.outcome.contains(needle)).count() >= n {
            return;
        }
        assert!(
            start.elapsed() < WAIT,
            "no {n} outcome(s) with {needle:?}: {:?}",
            log.iter().map(|e| &e.outcome).collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

fn outcome(h: Handled) -> String {
    match h {
        Handled::Done { outcome, .. } => outcome,
        other => panic!("{other:?}"),
    }
}

/// A post with a PDF attachment, as a mail client writes it (with the author's DKIM signature).
fn post_with_attachment(from: &str, to: &str) -> Vec<u8> {
    format!(
        "DKIM-Signature: v=1; a=rsa-sha256; d=rt.test; s=x; b=abc\r\nFrom: Ana Lopez <{from}>\r\nTo: {to}\r\nSubject: Figma variables with clients?\r\nDate: Mon, 30 Nov 2026 10:00:00 +0000\r\nMessage-ID: <post-{}@client.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n--outer\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nAnyone used Figma's new variables with a client yet? Notes attached. Grüße!\r\n--outer\r\nContent-Type: application/pdf; name=\"notes.pdf\"\r\nContent-Disposition: attachment; filename=\"notes.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQKJcfsj6IKMSAwIG9iago8PD4+CmVuZG9iagp0cmFpbGVyCjw8Pj4KJSVFT0YK\r\n--outer--\r\n",
        uuid::Uuid::new_v4().simple()
    )
    .into_bytes()
}

const PDF: &[u8] = b"%PDF-1.4\n%\xc7\xec\x8f\xa2\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";

fn line(m: &[u8]) -> String {
    format!(
        "Subject: {}\n  From: {}\n  Reply-To: {}\n  Message-ID: {}  In-Reply-To: {}",
        header(m, "Subject").unwrap_or_default(),
        header(m, "From").unwrap_or_default(),
        header(m, "Reply-To").unwrap_or_default(),
        header(m, "Message-ID").unwrap_or_default(),
        header(m, "In-Reply-To").unwrap_or_default(),
    )
}

both_backends!(a_post_reaches_every_member_intact_and_replies_thread);
async fn a_post_reaches_every_member_intact_and_replies_thread(backend: Backend) {
    let w = World::new(backend, None).await;
    let app = w.app().await;
    let (ana, ben, cara) = (
        w.stack.address("ana"),
        w.stack.address("ben"),
        w.stack.address("cara"),
    );
    add_person(&app, &ana, "Ana Lopez", Role::Member).await;
    add_person(&app, &ben, "Ben Berg", Role::Member).await;
    add_person(&app, &cara, "Cara Quiet", Role::Member).await;
    set_delivery(&app, &cara, Delivery::None).await;

    let sent = post_with_attachment(&ana, &w.list);
    w.stack.send(&ana, &w.list, &sent).await;
    run_until(&app, "queued to", 1).await;

    let mut transcript = Vec::new();
    for who in [&ana, &ben] {
        let got = w.stack.wait_for_kind(who, "post", 1, WAIT).await.remove(0);
        let m = MessageParser::default().parse(&got).unwrap();
        assert_eq!(
            message_id(&got),
            message_id(&sent),
            "the author's Message-ID"
        );
        let from = m.from().unwrap().first().unwrap();
        assert_eq!(from.name(), Some("Ana Lopez via Design Circle"));
        assert_eq!(from.address(), Some(w.list.as_str()), "DMARC-safe From");
        assert_eq!(reply_to(&got), w.list, "reply_to = group by default");
        assert!(header(&got, "X-Original-From").unwrap().contains(&ana));
        assert_eq!(
            header(&got, "Subject").unwrap(),
            "[Design Circle] Figma variables with clients?"
        );
        assert!(header(&got, "List-Id")
            .unwrap()
            .contains("<design.rt.test>"));
        assert_eq!(
            header(&got, "List-Post").unwrap(),
            format!("<mailto:{}>", w.list)
        );
        assert!(header(&got, "List-Help").is_some());
        let unsub = header(&got, "List-Unsubscribe").unwrap();
        assert!(unsub.contains("+leave-"), "{unsub}");
        assert!(header(&got, "List-Unsubscribe-Post").is_none());
        assert!(
            header(&got, "DKIM-Signature").is_none(),
            "the author's DKIM is removed"
        );
        assert!(
            header(&got, "To").unwrap().contains(who.as_str()),
            "personal To"
        );
        // The body intact: the words, the attachment byte for byte, and the footer.
        assert!(text(&got).contains(
            "Anyone used Figma's new variables with a client yet? Notes attached. Grüße!"
        ));
        assert_eq!(m.attachment_count(), 1);
        let a = m.attachment(0).unwrap();
        assert_eq!(a.attachment_name(), Some("notes.pdf"));
        assert_eq!(a.contents(), PDF);
        let all = String::from_utf8_lossy(&got).to_string();
        assert!(all.contains("Leave the group: mailto:"), "the footer");
        // Bounces come back by VERP, like all our mail.
        assert!(
            header(&got, "Return-Path").unwrap().contains("+bounce-"),
            "{:?}",
            header(&got, "Return-Path")
        );
    }
    // Each member's copy is one row naming the post; the post itself is stored once.
    assert_eq!(posts_queued(&app, &ana).await, 1);
    assert_eq!(posts_queued(&app, &ben).await, 1);
    assert_eq!(posts_queued(&app, &cara).await, 0, "NONE gets no post");
    let first = w.stack.messages(&ben, "INBOX").await;
    transcript.push(line(&of_kind(&first, "post")[0]));

    // Ben replies to the post (his client's reply-all goes to the list).
    let post_id = message_id(&sent);
    let r1 = format!(
        "From: Ben Berg <{ben}>\r\nTo: {}\r\nSubject: Re: [Design Circle] Figma variables with clients?\r\nDate: Mon, 30 Nov 2026 11:00:00 +0000\r\nMessage-ID: <r1-{}@client.example>\r\nIn-Reply-To: <{post_id}>\r\nReferences: <{post_id}>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8; format=flowed\r\n\r\nYes, we did, it went fine.\r\n",
        w.list,
        uuid::Uuid::new_v4().simple()
    );
    w.stack.send(&ben, &w.list, r1.as_bytes()).await;
    run_until(&app, "queued to", 2).await;
    let got = w.stack.wait_for_kind(&ana, "post", 2, WAIT).await;
    let reply = got
        .iter()
        .find(|m| header(m, "In-Reply-To").is_some())
        .expect("Ben's reply");
    assert_eq!(
        header(reply, "Subject").unwrap(),
        "Re: [Design Circle] Figma variables with clients?",
        "the prefix is not doubled"
    );
    assert_eq!(
        header(reply, "In-Reply-To").unwrap(),
        format!("<{post_id}>")
    );
    assert!(text(reply).contains("Yes, we did, it went fine."));
    transcript.push(line(reply));

    // Cara (NONE) writes with the post's subject and no In-Reply-To: same thread.
    let r2 = mail(
        &format!("Cara Quiet <{cara}>"),
        &w.list,
        "Re: Figma variables with clients?",
        "I'd love to see the notes in the next meeting.",
    );
    w.stack.send(&cara, &w.list, &r2).await;
    run_until(&app, "queued to", 3).await;
    let got = w.stack.wait_for_kind(&ben, "post", 3, WAIT).await;
    transcript.push(line(got.last().unwrap()));
    let c = app.world.community("design").unwrap().clone();
    let mut conn = app.store().begin().await.unwrap();
    let published = app
        .store()
        .posts_with_status(&mut conn, Some(c.id), PostStatus::Published)
        .await
        .unwrap();
    drop(conn);
    assert_eq!(published.len(), 3);
    assert!(
        published.iter().all(|p| p.thread_id == post_id),
        "one thread: {:?}",
        published.iter().map(|p| &p.thread_id).collect::<Vec<_>>()
    );
    // Cara still gets no post, Ben got each once.
    assert!(of_kind(&w.stack.messages(&cara, "INBOX").await, "post").is_empty());
    assert_eq!(posts_queued(&app, &ben).await, 3);
    println!("--- a thread of three posts, as Ben received them ({backend:?}) ---");
    for t in transcript {
        println!("{t}");
    }
}

both_backends!(a_non_members_post_is_held_until_an_authenticated_approve);
async fn a_non_members_post_is_held_until_an_authenticated_approve(backend: Backend) {
    let w = World::new(backend, None).await;
    let app = w.app().await;
    let ben = w.stack.address("ben");
    let zoe = w.stack.address("zoe");
    add_person(&app, &ben, "Ben Berg", Role::Member).await;

    let sent = mail(
        &format!("Zoe Outside <{zoe}>"),
        &w.list,
        "Workshop on design systems",
        "Hello all, we run a workshop next month; would your group like to come?",
    );
    w.stack.send(&zoe, &w.list, &sent).await;
    run_until(&app, "held (", 1).await;

    // Held: the coordinator gets one notice naming the author, subject, first lines, size.
    let notice = w
        .stack
        .wait_for_kind(&w.coordinator, "notice", 1, WAIT)
        .await
        .into_iter()
        .find(|m| header(m, "Subject").unwrap().starts_with("Held for review"))
        .expect("the held notice");
    let body = text(&notice);
    assert!(
        body.contains(&zoe) && body.contains("Workshop on design systems"),
        "{body}"
    );
    assert!(
        body.contains("would your group like to come?") && body.contains("KB"),
        "{body}"
    );
    // The sender is told once that it waits; nobody got the post.
    let told = w.stack.wait_for_kind(&zoe, "notice", 1, WAIT).await;
    assert!(text(&told[0]).contains("waits for a coordinator's review"));
    assert_eq!(posts_queued(&app, &ben).await, 0);

    // A forged APPROVE: from the coordinator's address, to the notice's reply address, but
    // without our server's word (sent on the port that gives no DMARC verdict): refused.
    let approve = |from_port_trusted: bool| {
        let raw = format!(
            "From: Coord <{}>\r\nTo: {}\r\nSubject: Re: {}\r\nDate: Mon, 30 Nov 2026 12:00:00 +0000\r\nMessage-ID: <ap-{}@client.example>\r\nIn-Reply-To: <{}>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nAPPROVE\r\n",
            w.coordinator,
            reply_to(&notice),
            header(&notice, "Subject").unwrap(),
            uuid::Uuid::new_v4().simple(),
            message_id(&notice),
        );
        (raw, from_port_trusted)
    };
    let (forged, _) = approve(false);
    w.stack
        .send(&w.coordinator, &reply_to(&notice), forged.as_bytes())
        .await;
    run_until(&app, "APPROVE of held post", 1).await;
    let log = app.store().inbound_log(20).await.unwrap();
    assert!(
        log.iter()
            .any(|e| e.outcome.contains("APPROVE of held post") && e.outcome.contains("refused")),
        "{:?}",
        log.iter().map(|e| &e.outcome).collect::<Vec<_>>()
    );
    assert_eq!(
        posts_queued(&app, &ben).await,
        0,
        "a forged APPROVE publishes nothing"
    );

    // The real coordinator's APPROVE, vouched for by our server (dmarc=pass): published.
    let (real, _) = approve(true);
    w.stack
        .send_trusted(&w.coordinator, &reply_to(&notice), real.as_bytes())
        .await;
    run_until(&app, "approved: queued to", 1).await;
    let got = w.stack.wait_for_kind(&ben, "post", 1, WAIT).await.remove(0);
    assert_eq!(message_id(&got), message_id(&sent));
    let from = header(&got, "From").unwrap();
    assert!(from.contains("Zoe Outside via Design Circle"), "{from}");
    println!("--- a held post and its approval ({backend:?}) ---");
    println!("held notice: {}", line(&notice));
    println!("approved, as Ben received it: {}", line(&got));
    // Approved once: another APPROVE does nothing more.
    let (again, _) = approve(true);
    w.stack
        .send_trusted(&w.coordinator, &reply_to(&notice), again.as_bytes())
        .await;
    run_until(&app, "already: nothing done", 1).await;
    assert_eq!(posts_queued(&app, &ben).await, 1, "never twice");
}

both_backends!(loops_and_oversized_posts_are_not_redistributed);
async fn loops_and_oversized_posts_are_not_redistributed(backend: Backend) {
    let w = World::new(backend, None).await;
    w.rewrite_config("description = ", "max_post_size = \"2KB\"\ndescription = ");
    let app = w.app().await;
    let (ana, ben) = (w.stack.address("ana"), w.stack.address("ben"));
    add_person(&app, &ana, "Ana Lopez", Role::Member).await;
    add_person(&app, &ben, "Ben Berg", Role::Member).await;

    // Our own copy come back (a member's forward rule): carries our List-Id.
    let looped = support::mail_with(
        &ana,
        &w.list,
        "[Design Circle] Figma",
        "words",
        "List-Id: \"Design Circle\" <design.rt.test>\r\n",
    );
    let o = outcome(app.handle(&looped).await.unwrap());
    assert!(o.contains("not redistributed"), "{o}");
    let looped = support::mail_with(
        &ana,
        &w.list,
        "Figma",
        "words",
        &format!("X-Loop: {}\r\n", w.list),
    );
    let o = outcome(app.handle(&looped).await.unwrap());
    assert!(o.contains("not redistributed"), "{o}");
    assert_eq!(posts_queued(&app, &ben).await, 0);

    // Over 2 KB: refused, the limit named in the answer to the author.
    let big = mail(&ana, &w.list, "A long story", &"word ".repeat(1000));
    let o = outcome(app.handle(&big).await.unwrap());
    assert!(o.contains("over the limit of 2 KB"), "{o}");
    app.run_once().await.unwrap();
    let answer = w
        .stack
        .wait_for_kind(&ana, "confirmation", 1, WAIT)
        .await
        .remove(0);
    assert!(text(&answer).contains("limit of 2 KB"), "{}", text(&answer));
    assert_eq!(posts_queued(&app, &ben).await, 0);
}

both_backends!(delivery_none_by_mail_stops_posts);
async fn delivery_none_by_mail_stops_posts(backend: Backend) {
    let w = World::new(backend, None).await;
    let app = w.app().await;
    let (ana, ben) = (w.stack.address("ana"), w.stack.address("ben"));
    add_person(&app, &ana, "Ana Lopez", Role::Member).await;
    add_person(&app, &ben, "Ben Berg", Role::Member).await;
    // Ben's own command, vouched for by our server.
    let cmd = support::mail_with(
        &ben,
        &w.list,
        "DELIVERY NONE",
        "",
        &format!(
            "Authentication-Results: {}; dmarc=pass header.from={}\r\n",
            w.stack.authserv_id, w.stack.domain
        ),
    );
    let o = outcome(app.handle(&cmd).await.unwrap());
    assert!(o.contains("DELIVERY"), "{o}");
    let post = mail(
        &format!("Ana Lopez <{ana}>"),
        &w.list,
        "Anyone tried the new plotter?",
        "Anyone tried the new plotter in room 4? I wonder how it handles A1.",
    );
    let o = outcome(app.handle(&post).await.unwrap());
    assert!(o.contains("queued to"), "{o}");
    assert_eq!(posts_queued(&app, &ana).await, 1);
    assert_eq!(posts_queued(&app, &ben).await, 0, "NONE: no posts");
    // DIGEST by mail is taken: Ben's posts now come once a day.
    let digest = support::mail_with(
        &ben,
        &w.list,
        "DELIVERY DIGEST",
        "",
        &format!(
            "Authentication-Results: {}; dmarc=pass header.from={}\r\n",
            w.stack.authserv_id, w.stack.domain
        ),
    );
    app.handle(&digest).await.unwrap();
    let c = app.world.community("design").unwrap().clone();
    let mut tx = app.store().begin().await.unwrap();
    let p = app
        .store()
        .person_by_address(&mut tx, c.id, &Address::parse(&ben).unwrap())
        .await
        .unwrap()
        .unwrap();
    let (d, _) = app.store().posting_settings(&mut tx, p.id).await.unwrap();
    assert_eq!(d, Delivery::Digest);
}

/// A member's own command, vouched for by our server.
fn trusted(w: &World, from: &str, subject: &str) -> Vec<u8> {
    support::mail_with(
        from,
        &w.list,
        subject,
        "",
        &format!(
            "Authentication-Results: {}; dmarc=pass header.from={}\r\n",
            w.stack.authserv_id, w.stack.domain
        ),
    )
}

async fn open_topics(app: &App, community_id: i64) -> Vec<roundtable::store::TopicRow> {
    let mut conn = app.store().begin().await.unwrap();
    app.store()
        .open_topics(&mut conn, community_id)
        .await
        .unwrap()
}

/// How many mails of `kind` are queued for `recipient`.
async fn queued_of(app: &App, recipient: &str, kind: &str) -> usize {
    app.store()
        .outbox(None, 10_000)
        .await
        .unwrap()
        .iter()
        .filter(|e| e.kind.as_str() == kind && e.recipient == recipient)
        .count()
}

both_backends!(digest_and_none_members_get_what_they_chose);
async fn digest_and_none_members_get_what_they_chose(backend: Backend) {
    use roundtable::clock::Clock;
    let w = World::new(backend, None).await;
    let t0 = roundtable::clock::unix_now();
    let app = w.app_at(Clock::fixed(t0)).await;
    let (ana, ben, cara, dan) = (
        w.stack.address("ana"),
        w.stack.address("ben"),
        w.stack.address("cara"),
        w.stack.address("dan"),
    );
    add_person(&app, &ana, "Ana Lopez", Role::Member).await;
    add_person(&app, &ben, "Ben Berg", Role::Member).await;
    add_person(&app, &cara, "Cara Quiet", Role::Member).await;
    add_person(&app, &dan, "Dan Away", Role::Member).await;
    // Ben chooses the digest by mail, Cara no posts; Dan chose the digest and then paused.
    for (who, subject) in [
        (&ben, "DELIVERY DIGEST"),
        (&cara, "DELIVERY NONE"),
        (&dan, "DELIVERY DIGEST"),
        (&dan, "PAUSE"),
    ] {
        let o = outcome(app.handle(&trusted(&w, who, subject)).await.unwrap());
        assert!(!o.contains("refused"), "{subject}: {o}");
    }
    // A meeting is scheduled: its announcement goes to everyone active, NONE and DIGEST too.
    let o = outcome(
        app.handle(&trusted(
            &w,
            &w.coordinator,
            &format!("SCHEDULE {}", support::in_days(5)),
        ))
        .await
        .unwrap(),
    );
    assert!(!o.contains("refused"), "{o}");
    // Two posts in one thread and one more, on the first day.
    let first = mail(
        &format!("Ana Lopez <{ana}>"),
        &w.list,
        "Figma variables with clients?",
        "Anyone used Figma's new variables with a client yet?\nI wonder how they hand over.",
    );
    assert!(outcome(app.handle(&first).await.unwrap()).contains("queued to"));
    let again = mail(
        &format!("Ana Lopez <{ana}>"),
        &w.list,
        "Re: Figma variables with clients?",
        "Answering myself: we tried it, the hand-over was smooth.",
    );
    assert!(outcome(app.handle(&again).await.unwrap()).contains("queued to"));
    let other = mail(
        &format!("Ana Lopez <{ana}>"),
        &w.list,
        "Plotter in room 4",
        "The plotter in room 4 takes A1 now.",
    );
    assert!(outcome(app.handle(&other).await.unwrap()).contains("queued to"));
    app.run_once().await.unwrap();

    // The day's digest falls due (18:00 local): two daemons run the schedule at once.
    let t1 = t0 + 86_400 + 60;
    let (a1, a2) = (
        w.app_at(Clock::fixed(t1)).await,
        w.app_at(Clock::fixed(t1)).await,
    );
    let (f1, f2) = tokio::join!(a1.schedule_step("daemon-1"), a2.schedule_step("daemon-2"));
    let (f1, f2) = (f1.unwrap(), f2.unwrap());
    assert!(f1.mails + f2.mails >= 1, "{f1:?} {f2:?}");
    a1.run_once().await.unwrap();
    assert_eq!(queued_of(&a1, &ben, "post-digest").await, 1, "one digest");
    assert_eq!(
        queued_of(&a1, &ben, "post").await,
        0,
        "DIGEST: no single posts"
    );
    for who in [&ana, &cara, &dan] {
        assert_eq!(queued_of(&a1, who, "post-digest").await, 0, "{who}");
    }
    assert_eq!(queued_of(&a1, &cara, "post").await, 0, "NONE: no posts");
    assert_eq!(queued_of(&a1, &dan, "post").await, 0, "PAUSE: no posts");

    let got = w.stack.wait_for_kind(&ben, "post-digest", 1, WAIT).await;
    assert_eq!(got.len(), 1);
    let d = &got[0];
    let body = text(d);
    for words in [
        "== Figma variables with clients?",
        "== Re: Figma variables with clients?",
        "Anyone used Figma's new variables with a client yet?",
        "Answering myself: we tried it",
        "Plotter in room 4",
        "The plotter in room 4 takes A1 now.",
    ] {
        assert_eq!(body.matches(words).count(), 1, "{words:?} once in\n{body}");
    }
    assert_eq!(
        body.matches("\nAna Lopez, ").count(),
        3,
        "each post's author:\n{body}"
    );
    assert_eq!(
        header(d, "Subject").unwrap(),
        "Design Circle: 3 new posts",
        "the Subject counts the posts"
    );
    let html = MessageParser::default()
        .parse(d)
        .unwrap()
        .body_html(0)
        .unwrap()
        .to_string();
    assert!(
        html.contains("mailto:") && html.contains("In-Reply-To=%3C"),
        "a reply link per post"
    );
    // Meeting mail reaches NONE and DIGEST members; nobody in NONE or PAUSE got a post.
    w.stack.wait_for_kind(&cara, "announcement", 1, WAIT).await;
    w.stack.wait_for_kind(&ben, "announcement", 1, WAIT).await;
    assert!(of_kind(&w.stack.messages(&cara, "INBOX").await, "post").is_empty());
    assert!(of_kind(&w.stack.messages(&cara, "INBOX").await, "post-digest").is_empty());
    let dans = w.stack.messages(&dan, "INBOX").await;
    assert!(of_kind(&dans, "post").is_empty() && of_kind(&dans, "post-digest").is_empty());
    // The weekly digest lists the conversations (a coordinator's DIGEST sends it now), and
    // SEARCH finds the posts.
    let o = outcome(
        a1.handle(&trusted(&w, &w.coordinator, "DIGEST"))
            .await
            .unwrap(),
    );
    assert!(!o.contains("refused"), "{o}");
    a1.handle(&mail(&cara, &w.list, "SEARCH plotter", ""))
        .await
        .unwrap();
    a1.run_once().await.unwrap();
    let weekly = w.stack.wait_for_kind(&cara, "digest", 1, WAIT).await;
    let weekly = weekly
        .iter()
        .map(|m| text(m))
        .find(|t| t.contains("Conversations since the last digest:"))
        .expect("a digest with the conversations");
    assert!(
        weekly.contains("* Figma variables with clients?")
            && weekly.contains("started by Ana Lopez, one reply")
            && weekly.contains("> Anyone used Figma's new variables")
            && weekly.contains("* Plotter in room 4")
            && weekly.contains("no replies yet"),
        "{weekly}"
    );
    let found = w
        .stack
        .wait_for_kind(&cara, "command-result", 1, WAIT)
        .await;
    let found = found
        .iter()
        .map(|m| text(m))
        .find(|t| t.contains("plotter"))
        .expect("SEARCH's answer");
    assert!(
        found.contains("Post by Ana Lopez") && found.contains("Plotter in room 4: The plotter"),
        "{found}"
    );
    // The coordinator sees the threads numbered in STATUS and makes one a topic for the
    // next agenda, credited to its author; the same command unproven changes nothing.
    let c = a1.world.community("design").unwrap().clone();
    let mut conn = a1.store().begin().await.unwrap();
    let threads = a1
        .store()
        .conversations_since(&mut conn, c.id, 0)
        .await
        .unwrap();
    drop(conn);
    let figma = threads
        .iter()
        .find(|v| v.subject == "Figma variables with clients?")
        .expect("the Figma thread");
    assert_eq!(figma.posts, 2);
    a1.handle(&trusted(&w, &w.coordinator, "STATUS"))
        .await
        .unwrap();
    let forged = mail(
        &w.coordinator,
        &w.list,
        &format!("TOPIC FROM THREAD {}", figma.number),
        "",
    );
    a1.handle(&forged).await.unwrap();
    assert!(
        open_topics(&a1, c.id).await.is_empty(),
        "an unproven TOPIC FROM THREAD adds nothing"
    );
    let o = outcome(
        a1.handle(&trusted(
            &w,
            &w.coordinator,
            &format!("TOPIC FROM THREAD {}", figma.number),
        ))
        .await
        .unwrap(),
    );
    assert!(!o.contains("refused"), "{o}");
    let topics = open_topics(&a1, c.id).await;
    assert_eq!(topics.len(), 1, "{topics:?}");
    assert_eq!(topics[0].title, "Figma variables with clients?");
    assert_eq!(
        topics[0].proposer.as_deref(),
        Some("Ana Lopez"),
        "credited to its author"
    );
    a1.run_once().await.unwrap();
    let status = w
        .stack
        .wait_for_kind(&w.coordinator, "command-result", 1, WAIT)
        .await
        .iter()
        .map(|m| text(m))
        .find(|t| t.contains("Conversations (TOPIC FROM THREAD n"))
        .expect("STATUS with the threads");
    assert!(
        status.contains(&format!(
            "#{} Figma variables with clients? — Ana Lopez, 1 reply",
            figma.number
        )),
        "{status}"
    );
    println!("--- Ben's post digest ({backend:?}) ---");
    println!("{}", line(d));
    println!("{body}");

    // A day without posts: no digest. Then one post: the next digest has it alone.
    let t2 = t1 + 86_400;
    let a = w.app_at(Clock::fixed(t2)).await;
    a.run_once().await.unwrap();
    assert_eq!(
        queued_of(&a, &ben, "post-digest").await,
        1,
        "nothing on a quiet day"
    );
    let late = mail(
        &format!("Ana Lopez <{ana}>"),
        &w.list,
        "Re: Plotter in room 4",
        "And it prints on vinyl too.",
    );
    assert!(outcome(a.handle(&late).await.unwrap()).contains("queued to"));
    a.run_once().await.unwrap();
    let a = w.app_at(Clock::fixed(t2 + 86_400)).await;
    a.run_once().await.unwrap();
    assert_eq!(queued_of(&a, &ben, "post-digest").await, 2);
    let got = w.stack.wait_for_kind(&ben, "post-digest", 2, WAIT).await;
    let second = got
        .iter()
        .map(|m| text(m))
        .find(|t| t.contains("vinyl"))
        .expect("the second digest");
    assert!(
        !second.contains("Figma") && !second.contains("takes A1 now"),
        "no post twice across digests:\n{second}"
    );
    assert_eq!(
        of_kind(&w.stack.messages(&ben, "INBOX").await, "post").len(),
        0
    );
}

both_backends!(a_large_post_goes_out_in_pieces_byte_for_byte);
/// A post larger than what delivery writes in one piece (issue 15 item 9: a copy is written as
/// its member's own bytes around the shared post, 64 KB at a time, never put together): a text
/// part of lines starting with a dot (dot-stuffed across the pieces' edges) and a 1 MB
/// attachment reach a member through Postfix and Dovecot as they were written.
async fn a_large_post_goes_out_in_pieces_byte_for_byte(backend: Backend) {
    let w = World::new(backend, None).await;
    let app = w.app().await;
    let (ana, ben) = (w.stack.address("ana"), w.stack.address("ben"));
    add_person(&app, &ana, "Ana Lopez", Role::Member).await;
    add_person(&app, &ben, "Ben Berg", Role::Member).await;

    // Lines of varied lengths, many starting with "." so that some fall on a piece's edge.
    let dots: String = (0..6000)
        .map(|i| format!(".{} line {i}\r\n", ".".repeat(i % 7)))
        .collect();
    let binary: Vec<u8> = (0..1_000_000u64).map(|i| (i * 7919 % 251) as u8).collect();
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD.encode(&binary);
    let b64: String = b64
        .as_bytes()
        .chunks(76)
        .map(|l| format!("{}\r\n", std::str::from_utf8(l).unwrap()))
        .collect();
    let sent = format!(
        "From: Ana Lopez <{ana}>\r\nTo: {list}\r\nSubject: The big file\r\nDate: Mon, 30 Nov 2026 10:00:00 +0000\r\nMessage-ID: <big-{}@client.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n--outer\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n{dots}--outer\r\nContent-Type: application/octet-stream; name=\"big.bin\"\r\nContent-Disposition: attachment; filename=\"big.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{b64}--outer--\r\n",
        uuid::Uuid::new_v4().simple(),
        list = w.list,
    );
    w.stack.send(&ana, &w.list, sent.as_bytes()).await;
    run_until(&app, "queued to", 1).await;

    let got = w.stack.wait_for_kind(&ben, "post", 1, WAIT).await.remove(0);
    let m = MessageParser::default().parse(&got).unwrap();
    assert_eq!(message_id(&got), message_id(sent.as_bytes()));
    let words = m.body_text(0).unwrap();
    assert!(
        // (the line break before a boundary belongs to the boundary)
        words.replace("\r\n", "\n").trim_end() == dots.replace("\r\n", "\n").trim_end(),
        "every line starting with a dot arrives as written"
    );
    let a = (0..m.attachment_count())
        .filter_map(|i| m.attachment(i as u32))
        .find(|a| a.attachment_name() == Some("big.bin"))
        .expect("the attachment");
    assert!(
        a.contents() == binary.as_slice(),
        "the attachment byte for byte"
    );
    assert!(String::from_utf8_lossy(&got).contains("Leave the group: mailto:"));
}
