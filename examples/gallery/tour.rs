//! A community through one whole meeting cycle, so that every kind of mail roundtable sends is
//! written once: the timeline's mails (announcement, call for topics, agenda, reminder,
//! takeaway request, guest follow-up, digest with its charts) and the answers to what people
//! write (confirmations, questions back, HELP and STATUS, a guest's invitation and welcome,
//! notices to the coordinators, a member's question passed on, a meeting moved).
//!
//! It drives the real rules on the configured database, with the clock set to each moment of
//! the cycle (as `run --once --now` does), and the outbound mail written to the config's
//! Maildir. Shared by `examples/gallery` (the pictures) and `tests/gallery.rs` (the checks).

use std::path::Path;

use anyhow::{Context as _, Result};
use roundtable::app::App;
use roundtable::clock::Clock;
use roundtable::domain::{Address, Role};

/// Who takes part, by address (the caller picks the domain).
pub struct Cast {
    /// The community's `slug` in the config.
    pub slug: String,
    /// The list address.
    pub list: String,
    /// The configured coordinator.
    pub coordinator: String,
    /// Ben, Chloé, Dev and Eva, members.
    pub members: [String; 4],
    /// Gus, invited as a guest, who joins.
    pub guest: String,
    /// Someone who is not a member and writes to the list.
    pub stranger: String,
    /// What our receiving server writes in `Authentication-Results` (the config's `authserv_id`):
    /// the coordinator's commands by mail carry its DMARC pass.
    pub authserv_id: String,
}

pub const NAMES: [&str; 4] = ["Ben Okafor", "Chloé Martin", "Dev Patel", "Eva Novak"];

impl Cast {
    /// The cast of community `design`: `address("ben")` etc. gives each person's address
    /// (members ben, chloe, dev, eva; guest gus; stranger sam).
    pub fn of(
        list: &str,
        coordinator: &str,
        address: impl Fn(&str) -> String,
        authserv_id: &str,
    ) -> Cast {
        Cast {
            slug: "design".into(),
            list: list.into(),
            coordinator: coordinator.into(),
            members: ["ben", "chloe", "dev", "eva"].map(&address),
            guest: address("gus"),
            stranger: address("sam"),
            authserv_id: authserv_id.into(),
        }
    }
}

/// Unix seconds of an RFC 3339 instant.
fn t(s: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(s)
        .expect("an RFC 3339 instant")
        .timestamp()
}

/// The moment the digest after the meeting goes out: read the newest mail after it.
pub const DIGEST_AT: &str = "2026-11-02T08:01:00Z";

/// Runs the cycle. `config` is a roundtable.toml with one community (`cast.slug`) whose
/// outbound mail goes to the Maildir `sent`.
pub async fn run(config: &Path, sent: &Path, cast: &Cast) -> Result<()> {
    let tour = Tour { config, sent, cast };
    let [ben, chloe, dev, eva] = &cast.members;

    // 1 October: the members, and a meeting on Tuesday 27 October.
    let app = tour.app("2026-10-01T10:00:00Z").await?;
    let c = app.world.community(&cast.slug)?.clone();
    let mut tx = app.store().begin().await?;
    for (a, name) in cast.members.iter().zip(NAMES) {
        app.store()
            .upsert_person(
                &mut tx,
                c.id,
                &Address::parse(a)?,
                Some(name),
                Role::Member,
                app.clock.now(),
            )
            .await?;
    }
    tx.commit().await?;
    let (meeting, _) = app
        .world
        .schedule_meeting(
            &cast.slug,
            "2026-10-27 18:30",
            Some("Room 4, Werkstatt, Kastanienallee 12"),
            app.clock.now(),
        )
        .await?;

    // 13 October, 14 days before: the announcement, and the answers to it.
    let app = tour.tick("2026-10-13T16:31:00Z").await?;
    tour.answer(&app, ben, "announcement", "Yes! Count me in.")
        .await?;
    tour.answer(
        &app,
        chloe,
        "announcement",
        "No, sorry, I'm in Lyon that week. Next time!",
    )
    .await?;
    tour.answer(&app, dev, "announcement", "yes no").await?; // asked back
    tour.answer(
        &app,
        eva,
        "announcement",
        "Is this the same room as last time? I got lost in October.",
    )
    .await?; // passed on to the coordinator
    tour.send(&app, ben, &cast.list, "HELP", "").await?;
    tour.send(
        &app,
        &cast.stranger,
        &cast.list,
        "Hello",
        "Can I come along too?",
    )
    .await?; // a notice: "your mail to …"
    let coordinator_mail = |subject: &str| {
        let domain = cast.coordinator.rsplit_once('@').map_or("", |d| d.1);
        format!(
            "Authentication-Results: {}; dmarc=pass header.from={domain}\r\n",
            cast.authserv_id
        )
        .into_bytes()
        .into_iter()
        .chain(mail(&cast.coordinator, &cast.list, subject, ""))
        .collect::<Vec<u8>>()
    };
    app.handle(&coordinator_mail(&format!(
        "INVITE {} Gus Berg",
        cast.guest
    )))
    .await?;
    app.handle(&coordinator_mail(&format!(
        "RESCHEDULE #{meeting} 2026-10-27 18:45 Room 5, Werkstatt, Kastanienallee 12"
    )))
    .await?;
    app.run_once().await?;
    tour.answer(&app, &cast.guest, "invitation", "Yes, happy to come along.")
        .await?;
    app.run_once().await?;

    // 20 October: the call for topics; topics and +1s.
    let app = tour.tick("2026-10-20T16:46:00Z").await?;
    tour.answer(
        &app,
        ben,
        "call-for-topics",
        "Topic: Pricing retainers\nTopic: Tools we stopped using",
    )
    .await?;
    tour.answer(
        &app,
        chloe,
        "call-for-topics",
        "Topic: Saying no to a client",
    )
    .await?;
    tour.answer(&app, eva, "call-for-topics", "+1 #2").await?;
    tour.answer(&app, dev, "call-for-topics", "+1 #2 +1 #3")
        .await?;
    // The coordinator looks: STATUS, with the +1s as a chart.
    app.handle(&coordinator_mail("STATUS")).await?;
    app.run_once().await?;

    // 25 October: the agenda; 26 October: the reminder, and Dev decides.
    tour.tick("2026-10-25T17:46:00Z").await?;
    let app = tour.tick("2026-10-26T17:46:00Z").await?;
    tour.answer(
        &app,
        dev,
        "reminder",
        "Maybe, depends on my train from Hamburg.",
    )
    .await?;
    app.run_once().await?;

    // The evening of the meeting: the takeaway request, and Ben's takeaways.
    let app = tour.tick("2026-10-27T19:46:00Z").await?;
    tour.answer(
        &app,
        ben,
        "takeaway-request",
        "- Price the outcome, not the hours\n- Retire a tool every quarter",
    )
    .await?;
    app.run_once().await?;

    // The day after: the guest's follow-up, and Gus joins.
    let app = tour.tick("2026-10-28T18:46:00Z").await?;
    tour.answer(&app, &cast.guest, "guest-followup", "JOIN")
        .await?;
    app.run_once().await?;

    // The Monday digest.
    tour.tick(DIGEST_AT).await?;
    Ok(())
}

struct Tour<'a> {
    config: &'a Path,
    sent: &'a Path,
    cast: &'a Cast,
}

impl Tour<'_> {
    async fn app(&self, at: &str) -> Result<App> {
        let config = roundtable::config::load(self.config)?;
        App::build(config, Clock::fixed(t(at))).await
    }

    /// `run --once` at `at`: the mailbox, the due jobs, delivery.
    async fn tick(&self, at: &str) -> Result<App> {
        let app = self.app(at).await?;
        app.run_once().await?;
        Ok(app)
    }

    /// `from` replies with `body` to the newest mail of `kind` they got.
    async fn answer(&self, app: &App, from: &str, kind: &str, body: &str) -> Result<()> {
        let (reply_to, message_id, subject) =
            newest(self.sent, kind, from)?.with_context(|| format!("no {kind} to {from}"))?;
        let raw = format!(
            "From: {}\r\nTo: {reply_to}\r\nSubject: Re: {subject}\r\nMessage-ID: <{}@client.example>\r\nIn-Reply-To: <{message_id}>\r\nReferences: <{message_id}>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n",
            self.display(from),
            uuid::Uuid::new_v4().simple()
        );
        app.handle(raw.as_bytes()).await?;
        Ok(())
    }

    /// `from` writes a new mail to `to`.
    async fn send(&self, app: &App, from: &str, to: &str, subject: &str, body: &str) -> Result<()> {
        app.handle(&mail(&self.display(from), to, subject, body))
            .await?;
        Ok(())
    }

    fn display(&self, address: &str) -> String {
        match self.cast.members.iter().position(|m| m == address) {
            Some(i) => format!("{} <{address}>", NAMES[i]),
            None => address.to_string(),
        }
    }
}

fn mail(from: &str, to: &str, subject: &str, body: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: <{}@client.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n",
        uuid::Uuid::new_v4().simple()
    )
    .into_bytes()
}

/// (Reply-To, Message-ID, Subject) of the newest mail of `kind` to `to` in the Maildir `dir`.
fn newest(dir: &Path, kind: &str, to: &str) -> Result<Option<(String, String, String)>> {
    let mut found = None;
    for f in roundtable::maildir::list(dir)? {
        let raw = std::fs::read(&f)?;
        let Some(m) = mail_parser::MessageParser::default().parse(&raw) else {
            continue;
        };
        let header = |name: &'static str| m.header_raw(name).map(str::trim);
        if header("X-Roundtable-Kind") != Some(kind) || header("Delivered-To") != Some(to) {
            continue;
        }
        let reply_to = m
            .reply_to()
            .and_then(|a| a.first())
            .and_then(|a| a.address())
            .context("a Reply-To")?;
        found = Some((
            reply_to.to_string(),
            m.message_id().unwrap_or_default().to_string(),
            m.subject().unwrap_or_default().to_string(),
        ));
    }
    Ok(found)
}
