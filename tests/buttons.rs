//! Issue 16: one-click answers by mail. Every HTML mail's buttons are `mailto:` links to the
//! reader's own reply (or leave) address with the answer in the Subject and body; sending
//! what a click starts does what the button says. On SQLite and PostgreSQL, outbound mail in a
//! Maildir, each click sent back the way `deliver` hands a message in.

mod support;

use roundtable::app::App;
use roundtable::domain::{PersonStatus, Response, Role};
use support::{both_backends, in_days, Backend, World};

/// Every `mailto:` link of the newest HTML mail of `kind` to `to`: (label, address, subject, body).
fn buttons(w: &World, kind: &str, to: &str) -> Vec<(String, String, String, String)> {
    let dir = w.dir.path().join("sent");
    let mut newest = None;
    for f in roundtable::maildir::list(&dir).unwrap() {
        let raw = std::fs::read(&f).unwrap();
        if support::header(&raw, "X-Roundtable-Kind").as_deref() == Some(kind)
            && support::header(&raw, "Delivered-To").as_deref() == Some(to)
        {
            newest = Some(raw);
        }
    }
    let raw = newest.unwrap_or_else(|| panic!("no {kind} to {to}"));
    let m = mail_parser::MessageParser::default().parse(&raw).unwrap();
    let html = m.body_html(0).expect("an HTML part").to_string();
    assert!(
        !html.contains("<reply-to>") && !html.contains("<leave-to>"),
        "every link slot is filled"
    );
    let mut out = Vec::new();
    for part in html.split("href=\"mailto:").skip(1) {
        let href = part[..part.find('"').unwrap()].replace("&amp;", "&");
        let label_start = part.find('>').unwrap() + 1;
        let label =
            part[label_start..label_start + part[label_start..].find("</a>").unwrap()].to_string();
        let (addr, query) = href.split_once('?').unwrap_or((&href, ""));
        let field = |name: &str| {
            query
                .split('&')
                .find_map(|kv| kv.strip_prefix(&format!("{name}=")))
                .map(decode)
                .unwrap_or_default()
        };
        out.push((label, addr.to_string(), field("subject"), field("body")));
    }
    out
}

/// Percent-decoding of a mailto query value.
fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() + 1 {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// Sends what clicking the button `label` of the newest `kind` mail to `who` starts.
async fn click(app: &App, w: &World, kind: &str, who: &str, label: &str) {
    let all = buttons(w, kind, who);
    let (_, to, subject, body) = all
        .iter()
        .find(|(l, ..)| l.contains(label))
        .unwrap_or_else(|| panic!("no {label:?} button in the {kind} to {who}: {all:?}"));
    assert!(
        to.starts_with(w.list.split('@').next().unwrap()),
        "a button answers to the list's own address: {to}"
    );
    let raw = format!(
        "From: {who}\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: <{}@client.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n",
        uuid::Uuid::new_v4().simple()
    );
    app.handle(raw.as_bytes()).await.unwrap();
    app.run_once().await.unwrap();
}

async fn add(app: &App, w: &World, who: &str, role: Role) -> String {
    let a = w.stack.address(who);
    support::add_person(app, &a, who, role).await;
    a
}

both_backends!(every_button_does_what_it_says);
async fn every_button_does_what_it_says(backend: Backend) {
    let w = World::new(backend, Some("kind = \"maildir\"\npath = \"sent\"".into())).await;
    let app = w.app().await;
    let ben = add(&app, &w, "ben", Role::Member).await;
    let dev = add(&app, &w, "dev", Role::Member).await;
    let (meeting, _) = app
        .world
        .schedule_meeting("design", &in_days(10), None, app.clock.now())
        .await
        .unwrap();
    app.run_once().await.unwrap();
    let answer = |who: String| {
        let app = &app;
        async move {
            app.store()
                .rsvps(meeting)
                .await
                .unwrap()
                .into_iter()
                .find(|r| r.address == who)
                .map(|r| r.response)
        }
    };

    // The announcement's three answers.
    let labels: Vec<String> = buttons(&w, "announcement", &ben)
        .into_iter()
        .map(|b| b.0)
        .collect();
    assert!(
        labels.iter().any(|l| l.contains("Yes"))
            && labels.iter().any(|l| l == "Maybe")
            && labels.iter().any(|l| l == "No"),
        "{labels:?}"
    );
    click(&app, &w, "announcement", &ben, "Yes").await;
    assert_eq!(answer(ben.clone()).await, Some(Response::Yes));
    click(&app, &w, "announcement", &dev, "Maybe").await;
    assert_eq!(answer(dev.clone()).await, Some(Response::Maybe));

    // A topic, then the agenda now: Dev +1s it with its button.
    let topic = format!(
        "From: {ben}\r\nTo: {}\r\nSubject: TOPIC: Pricing retainers\r\nAuthentication-Results: {}; dmarc=pass header.from={}\r\nMessage-ID: <t1@client.example>\r\n\r\nHow do you price them?\r\n",
        w.list, w.stack.authserv_id, w.stack.domain
    );
    app.handle(topic.as_bytes()).await.unwrap();
    app.world
        .run_cli_command("design", "AGENDA", None, app.clock.now())
        .await
        .unwrap();
    app.run_once().await.unwrap();
    click(&app, &w, "agenda", &dev, "+1 this topic").await;
    let c = app.world.community("design").unwrap();
    let mut tx = app.store().begin().await.unwrap();
    let topics = app.store().open_topics(&mut tx, c.id).await.unwrap();
    drop(tx);
    assert_eq!(topics.len(), 1, "{topics:?}");
    assert_eq!(topics[0].votes, 1, "Dev's +1 counted");
    // The agenda's answers work too: Dev decides.
    click(&app, &w, "agenda", &dev, "No").await;
    assert_eq!(answer(dev.clone()).await, Some(Response::No));

    // A guest's invitation: the guest declines by the button.
    let gus = w.stack.address("gus");
    app.world
        .run_cli_command(
            "design",
            &format!("INVITE {gus} Gus"),
            None,
            app.clock.now(),
        )
        .await
        .unwrap();
    app.run_once().await.unwrap();
    click(&app, &w, "invitation", &gus, "No").await;
    assert_eq!(answer(gus.clone()).await, Some(Response::No));

    // The footer's leave link: one mail and Dev is out.
    click(&app, &w, "agenda", &dev, "Leave with one mail").await;
    let people = app.store().people(c.id).await.unwrap();
    let dev_now = people.iter().find(|p| p.address.as_str() == dev).unwrap();
    assert_eq!(dev_now.status, PersonStatus::Left);
}

both_backends!(help_is_a_short_table_of_commands);
async fn help_is_a_short_table_of_commands(backend: Backend) {
    let w = World::new(backend, Some("kind = \"maildir\"\npath = \"sent\"".into())).await;
    let app = w.app().await;
    let ben = add(&app, &w, "ben", Role::Member).await;
    for who in [&ben, &w.coordinator] {
        app.handle(&support::mail(who, &w.list, "HELP", ""))
            .await
            .unwrap();
    }
    app.run_once().await.unwrap();
    let html_to = |to: &str| {
        let dir = w.dir.path().join("sent");
        roundtable::maildir::list(&dir)
            .unwrap()
            .into_iter()
            .map(|f| std::fs::read(f).unwrap())
            .find(|raw| support::header(raw, "Delivered-To").as_deref() == Some(to))
            .map(|raw| {
                let m = mail_parser::MessageParser::default().parse(&raw).unwrap();
                (
                    m.body_html(0).unwrap().to_string(),
                    m.body_text(0).unwrap().to_string(),
                )
            })
            .unwrap_or_else(|| panic!("no answer to {to}"))
    };
    let (html, text) = html_to(&ben);
    assert!(html.contains("<table"), "{html}");
    assert_eq!(
        html.matches("<tr>").count(),
        understand::command::help_rows(false).0.len(),
        "one row per member command: {html}"
    );
    assert!(html.contains("<strong>SEARCH words</strong>"), "{html}");
    assert!(!html.contains("For coordinators"), "{html}");
    assert!(
        text.contains("SEARCH words - "),
        "the text part says it in words: {text}"
    );
    let (html, _) = html_to(&w.coordinator);
    assert!(html.contains("For coordinators"), "{html}");
    assert!(
        html.contains("<strong>SCHEDULE date time [place]</strong>"),
        "{html}"
    );
}
