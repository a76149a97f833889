//! `roundtable demo`: the main job on embedded defaults (SQLite + Maildirs), nothing to install.
//!
//! It writes a workspace with a config, a community and members, schedules a meeting, sends
//! the announcement into the outgoing Maildir, drops the members' replies — written as real
//! mail clients write them — into the inbound Maildir, runs the daemon until the inbox is
//! drained, and prints what happened.

use std::path::Path;

use anyhow::{bail, Context as _, Result};

use crate::app::App;
use crate::clock::Clock;
use crate::domain::{response_str, Address, Role};
use crate::rules::local_time;

const MARKER: &str = ".roundtable-demo";

const CONFIG: &str = r#"# roundtable demo configuration: embedded defaults, nothing to install.
database_url = "sqlite://roundtable.db"

[inbound]
kind = "maildir"          # replies are read from here
path = "inbox"

[outbound]
kind = "maildir"          # mail is written here instead of being sent
path = "outbox"

[[community]]
slug = "design"
name = "Design Circle"
address = "circle@example.org"
timezone = "Europe/Berlin"
coordinators = ["ana@example.org"]
description = "Practising designers trading what books can't teach: critique, client work, tools."
signature = "Ana, coordinator"
"#;

struct Member {
    address: &'static str,
    name: &'static str,
}

const MEMBERS: &[Member] = &[
    Member {
        address: "ben@example.org",
        name: "Ben Okafor",
    },
    Member {
        address: "chloe@example.org",
        name: "Chloé Martin",
    },
    Member {
        address: "dev@example.org",
        name: "Dev Patel",
    },
    Member {
        address: "eva@example.org",
        name: "Eva Novak",
    },
    Member {
        address: "farid@example.org",
        name: "Farid Haddad",
    },
];

pub async fn run(dir: &Path) -> Result<()> {
    prepare(dir)?;
    let config = crate::config::load(&dir.join("roundtable.toml"))?;
    let app = App::build(config, Clock::system()).await?;
    let c = app.world.community("design")?.clone();
    let now = app.clock.now();

    // Members.
    let mut tx = app.store().begin().await?;
    for m in MEMBERS {
        app.store()
            .upsert_person(
                &mut tx,
                c.id,
                &Address::parse(m.address)?,
                Some(m.name),
                Role::Member,
                now,
            )
            .await?;
    }
    tx.commit().await?;

    // A meeting ten days from now at 18:30 local time: announced at once.
    let day = (chrono::Utc::now().with_timezone(&c.cfg.timezone) + chrono::Duration::days(10))
        .format("%Y-%m-%d")
        .to_string();
    let (meeting_id, queued) = app
        .world
        .schedule_meeting(
            "design",
            &format!("{day} 18:30"),
            Some("Room 4, Werkstatt, Kastanienallee 12"),
            now,
        )
        .await?;
    let delivery = app.delivery()?;
    let sent = delivery.drain(app.clock.now()).await?;
    let mut tx = app.store().begin().await?;
    let meeting = app
        .store()
        .meeting(&mut tx, meeting_id)
        .await?
        .context("the demo meeting")?;
    tx.commit().await?;
    println!("roundtable demo in {}", dir.display());
    println!();
    println!(
        "1. Scheduled meeting {meeting_id} of {} for {}.",
        c.cfg.name,
        local_time(c.cfg.timezone, meeting.starts_at)
    );
    println!(
        "   Announcement queued for {queued} people and written to {}/outbox/new ({} files).",
        dir.display(),
        sent.sent
    );

    // Replies, as the members' mail clients would write them, to the Reply-To of their own
    // announcement.
    let announcements = read_announcements(&dir.join("outbox"))?;
    let mut dropped = 0;
    for (i, (to, reply_to, message_id, subject)) in announcements.iter().enumerate() {
        let Some(text) = reply_for(to, reply_to, message_id, subject, i) else {
            continue;
        };
        crate::maildir::deliver(&dir.join("inbox"), text.as_bytes())?;
        dropped += 1;
    }
    // A second answer from Ben: the latest answer wins.
    if let Some((to, reply_to, message_id, subject)) =
        announcements.iter().find(|a| a.0 == "ben@example.org")
    {
        crate::maildir::deliver(
            &dir.join("inbox"),
            change_of_mind(to, reply_to, message_id, subject).as_bytes(),
        )?;
        dropped += 1;
    }
    println!(
        "2. Dropped {dropped} member replies into {}/inbox/new.",
        dir.display()
    );

    // The daemon, until the inbox is drained.
    let mut mailbox = app.open_mailbox().await?;
    let stats = app.drain_inbox(&mut mailbox).await?;
    let answers = delivery.drain(app.clock.now()).await?;
    println!(
        "3. The daemon handled {} messages and wrote {} answers (confirmations and questions) to the outbox.",
        stats.handled, answers.sent
    );
    println!();
    println!("What it understood:");
    let mut log = app.store().inbound_log(100).await?;
    log.reverse();
    for e in &log {
        println!(
            "   {:<20} {:<11} {}",
            e.from_address.as_deref().unwrap_or("-"),
            e.kind,
            e.outcome
        );
    }
    println!();
    println!("Answers for meeting {meeting_id} (the latest answer counts):");
    for r in app.store().rsvps(meeting_id).await? {
        println!(
            "   {:<20} {:<5} {}",
            r.name.as_deref().unwrap_or(&r.address),
            response_str(r.response).to_uppercase(),
            r.note
                .as_deref()
                .map(|n| format!("“{n}”"))
                .unwrap_or_default()
        );
    }
    println!();
    println!("Mail written (newest first):");
    for o in app.store().outbox(None, 30).await? {
        println!("   {:<13} → {:<20} {}", o.kind, o.recipient, o.subject);
    }
    println!();
    println!("What happens next (roundtable timeline):");
    for j in app.store().jobs(c.id, false).await? {
        println!(
            "   {:<17} {}",
            j.kind.as_str(),
            local_time(c.cfg.timezone, j.due_at)
        );
    }
    println!();
    println!("Read them:  ls {0}/outbox/new   (each file is a complete message; open one in a mail client or `less`)", dir.display());
    println!(
        "Look again: cargo run -- --config {0}/roundtable.toml meeting list design",
        dir.display()
    );
    println!(
        "            cargo run -- --config {0}/roundtable.toml log",
        dir.display()
    );
    app.store().close().await;
    Ok(())
}

fn prepare(dir: &Path) -> Result<()> {
    if dir.exists() {
        if !dir.join(MARKER).exists() {
            bail!(
                "{} exists and is not a roundtable demo workspace: pass --dir with a new directory",
                dir.display()
            );
        }
        std::fs::remove_dir_all(dir)
            .with_context(|| format!("clearing the old demo in {}", dir.display()))?;
    }
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    std::fs::write(
        dir.join(MARKER),
        "created by `roundtable demo`; safe to delete\n",
    )?;
    std::fs::write(dir.join("roundtable.toml"), CONFIG)?;
    Ok(())
}

/// (recipient, reply-to, message-id, subject) of each announcement in the outgoing Maildir.
fn read_announcements(outbox: &Path) -> Result<Vec<(String, String, String, String)>> {
    let mut out = Vec::new();
    for f in crate::maildir::list(outbox)? {
        let raw = std::fs::read(&f)?;
        let Some(m) = mail_parser::MessageParser::default().parse(&raw) else {
            continue;
        };
        if m.header_raw("X-Roundtable-Kind").map(str::trim)
            != Some(crate::schedule::JobKind::Announcement.as_str())
        {
            continue;
        }
        let first = |a: Option<&mail_parser::Address>| {
            a.and_then(|a| a.first())
                .and_then(|a| a.address())
                .map(|s| s.to_string())
        };
        let (Some(to), Some(reply_to), Some(id)) =
            (first(m.to()), first(m.reply_to()), m.message_id())
        else {
            continue;
        };
        out.push((
            to,
            reply_to,
            id.to_string(),
            m.subject().unwrap_or_default().to_string(),
        ));
    }
    out.sort();
    Ok(out)
}

/// A reply in the style of one mail client per member.
fn reply_for(to: &str, reply_to: &str, mid: &str, subject: &str, i: usize) -> Option<String> {
    let date = "Mon, 30 Nov 2026 09:12:44 +0100";
    let id = format!(
        "<demo-{i}-{}@mail.example.net>",
        uuid::Uuid::new_v4().simple()
    );
    let head = |from: &str, ua: &str| {
        format!(
            "From: {from}\r\nTo: Design Circle <{reply_to}>\r\nSubject: Re: {subject}\r\nDate: {date}\r\nMessage-ID: {id}\r\nIn-Reply-To: <{mid}>\r\nReferences: <{mid}>\r\nMIME-Version: 1.0\r\n{ua}"
        )
    };
    Some(match to {
        // Gmail: multipart/alternative, "On … wrote:" and the quote below.
        "ben@example.org" => format!(
            "{}Content-Type: multipart/alternative; boundary=\"000000000000a1b2\"\r\n\r\n--000000000000a1b2\r\nContent-Type: text/plain; charset=\"UTF-8\"\r\n\r\nYes! Count me in.\r\n\r\nOn Sun, Nov 29, 2026 at 10:00 AM Design Circle <circle@example.org> wrote:\r\n> Hello Ben Okafor,\r\n>\r\n> Design Circle meets on ...\r\n\r\n--000000000000a1b2\r\nContent-Type: text/html; charset=\"UTF-8\"\r\n\r\n<div dir=\"ltr\">Yes! Count me in.</div><br><div class=\"gmail_quote\"><div class=\"gmail_attr\">On Sun, Nov 29, 2026 at 10:00 AM Design Circle &lt;circle@example.org&gt; wrote:<br></div><blockquote class=\"gmail_quote\">Hello Ben Okafor,</blockquote></div>\r\n--000000000000a1b2--\r\n",
            head("Ben Okafor <ben@example.org>", "")
        ),
        // Outlook: quoted-printable, the From/Sent block instead of quote marks.
        "chloe@example.org" => format!(
            "{}Content-Type: text/plain; charset=\"iso-8859-1\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nNo, sorry =96 I'm in Lyon that week. Next time!\r\n\r\nChlo=E9\r\n\r\n________________________________\r\nFrom: Design Circle <circle@example.org>\r\nSent: Sunday, November 29, 2026 10:00 AM\r\nTo: Chlo=E9 Martin <chloe@example.org>\r\nSubject: {subject}\r\n\r\nHello Chlo=E9 Martin,\r\n",
            head("=?iso-8859-1?Q?Chlo=E9_Martin?= <chloe@example.org>", "X-Mailer: Microsoft Outlook 16.0\r\n")
        ),
        // iPhone: a note after the answer, "Sent from my iPhone".
        "dev@example.org" => format!(
            "{}Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nMaybe, depends on my train from Hamburg.\r\n\r\nSent from my iPhone\r\n\r\n> On 29. Nov 2026, at 10:00, Design Circle <circle@example.org> wrote:\r\n>\r\n> Hello Dev Patel,\r\n",
            head("Dev Patel <dev@example.org>", "")
        ),
        // Thunderbird: a question to people, not an answer: passed on to the coordinator.
        "eva@example.org" => format!(
            "{}Content-Type: text/plain; charset=UTF-8; format=flowed\r\nContent-Transfer-Encoding: 8bit\r\n\r\nIs this the same room as last time? I got lost in October.\r\n\r\nOn 29.11.26 10:00, Design Circle wrote:\r\n> Hello Eva Novak,\r\n",
            head("Eva Novak <eva@example.org>", "User-Agent: Mozilla Thunderbird\r\n")
        ),
        // An out-of-office reply: recorded, never answered.
        "farid@example.org" => format!(
            "{}Auto-Submitted: auto-replied\r\nX-Autoreply: yes\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nI am out of the office until 7 December with limited access to email.\r\n",
            head("Farid Haddad <farid@example.org>", "").replace("Subject: Re: ", "Subject: Out of Office: ")
        ),
        _ => return None,
    })
}

fn change_of_mind(_to: &str, reply_to: &str, mid: &str, subject: &str) -> String {
    format!(
        "From: Ben Okafor <ben@example.org>\r\nTo: {reply_to}\r\nSubject: Re: {subject}\r\nDate: Mon, 30 Nov 2026 18:02:10 +0100\r\nMessage-ID: <demo-ben-2-{}@mail.example.net>\r\nIn-Reply-To: <{mid}>\r\nReferences: <{mid}>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nmaybe after all, 15 min late if I come\r\n\r\nOn Sun, Nov 29, 2026 at 10:00 AM Design Circle <circle@example.org> wrote:\r\n> Hello Ben Okafor,\r\n",
        uuid::Uuid::new_v4().simple()
    )
}
