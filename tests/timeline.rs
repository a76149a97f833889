//! The meeting timeline driven by the clock (`--now`), on SQLite and PostgreSQL: a whole cycle
//! across the end of daylight saving in Europe/Berlin, a restart in the middle, downtime and
//! the grace rule, a reschedule and a cancel, and two daemons on one PostgreSQL.

mod support;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use mail_parser::MimeHeaders;
use roundtable::app::App;
use roundtable::clock::Clock;
use roundtable::domain::{Address, Role};
use support::{both_backends, Backend, World};

fn t(s: &str) -> i64 {
    DateTime::parse_from_rfc3339(s)
        .unwrap()
        .with_timezone(&Utc)
        .timestamp()
}

/// A world whose outbound mail goes to a Maildir, so the test reads exactly what was sent.
async fn world(backend: Backend) -> (World, std::path::PathBuf) {
    let w = World::new(backend, Some("kind = \"maildir\"\npath = \"sent\"".into())).await;
    let sent = w.dir.path().join("sent");
    (w, sent)
}

async fn add_members(app: &App, w: &World, names: &[&str], at: i64) -> Vec<String> {
    let c = app.world.community("design").unwrap().clone();
    let mut out = Vec::new();
    let mut tx = app.store().begin().await.unwrap();
    for n in names {
        let a = w.stack.address(n);
        app.store()
            .upsert_person(
                &mut tx,
                c.id,
                &Address::parse(&a).unwrap(),
                Some(n),
                Role::Member,
                at,
            )
            .await
            .unwrap();
        out.push(a);
    }
    tx.commit().await.unwrap();
    out
}

/// `run --once` at `now`: mailbox, due jobs, delivery.
async fn tick(w: &World, now: i64) -> App {
    let app = w.app_at(Clock::fixed(now)).await;
    app.run_once().await.unwrap();
    app
}

/// Every mail written so far: (kind, recipient) → bodies.
fn sent(dir: &std::path::Path) -> BTreeMap<(String, String), Vec<String>> {
    let mut out: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for f in roundtable::maildir::list(dir).unwrap() {
        let raw = std::fs::read(&f).unwrap();
        let kind = support::header(&raw, "X-Roundtable-Kind").unwrap();
        let to = support::header(&raw, "Delivered-To").unwrap();
        let m = mail_parser::MessageParser::default().parse(&raw).unwrap();
        let text = m.body_text(0).map(|t| t.to_string()).unwrap_or_default();
        out.entry((kind, to)).or_default().push(text);
    }
    out
}

/// The invite.ics attached to a mail, decoded.
fn calendar_of(raw: &[u8]) -> String {
    let m = mail_parser::MessageParser::default().parse(raw).unwrap();
    let ics = m
        .attachments()
        .find(|a| a.attachment_name() == Some("invite.ics"))
        .expect("an invite.ics attachment");
    String::from_utf8_lossy(ics.contents()).to_string()
}

fn count(sent: &BTreeMap<(String, String), Vec<String>>, kind: &str) -> usize {
    sent.iter()
        .filter(|((k, _), _)| k == kind)
        .map(|(_, v)| v.len())
        .sum()
}

fn reply_raw(from: &str, to: &str, subject: &str, body: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: <{}@client.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n",
        uuid::Uuid::new_v4().simple()
    )
    .into_bytes()
}

/// The Reply-To of the newest mail of `kind` to `to`.
fn reply_address(dir: &std::path::Path, kind: &str, to: &str) -> String {
    let mut found = None;
    for f in roundtable::maildir::list(dir).unwrap() {
        let raw = std::fs::read(&f).unwrap();
        if support::header(&raw, "X-Roundtable-Kind").as_deref() == Some(kind)
            && support::header(&raw, "Delivered-To").as_deref() == Some(to)
        {
            found = Some(support::reply_to(&raw));
        }
    }
    found.unwrap_or_else(|| panic!("no {kind} to {to}"))
}

both_backends!(a_whole_meeting_cycle_across_the_end_of_summer_time);
async fn a_whole_meeting_cycle_across_the_end_of_summer_time(backend: Backend) {
    let (w, dir) = world(backend).await;
    // Scheduled on 1 October for Tuesday 27 October, two days after the clocks go back.
    let scheduled = t("2026-10-01T10:00:00Z");
    let app = w.app_at(Clock::fixed(scheduled)).await;
    let m = add_members(&app, &w, &["ben", "chloe", "dev"], scheduled).await;
    let (ben, chloe, dev) = (&m[0], &m[1], &m[2]);
    let (meeting, queued) = app
        .world
        .schedule_meeting("design", "2026-10-27 18:30", Some("Room 4"), scheduled)
        .await
        .unwrap();
    assert_eq!(queued, 0, "26 days ahead: nothing is due yet");

    // 14 days before, at the meeting's local time of day: the announcement, with the .ics.
    tick(&w, t("2026-10-13T16:31:00Z")).await;
    let s = sent(&dir);
    assert_eq!(
        count(&s, "announcement"),
        4,
        "three members and the coordinator: {:?}",
        s.keys()
    );
    let body = &s[&("announcement".to_string(), ben.clone())][0];
    assert!(
        body.contains("Tuesday 27 October 2026, 18:30 CET"),
        "local time after the change: {body}"
    );
    let raw = std::fs::read(roundtable::maildir::list(&dir).unwrap()[0].clone()).unwrap();
    let ics = calendar_of(&raw);
    assert!(
        ics.contains("METHOD:REQUEST") && ics.contains("RSVP=TRUE"),
        "{ics}"
    );
    assert!(
        ics.contains("DTSTART;TZID=Europe/Berlin:20261027T183000"),
        "calendar start in local time: {ics}"
    );
    assert!(ics.contains("BEGIN:VTIMEZONE"), "VTIMEZONE sent");

    // Answers arrive (through the same path as `deliver`).
    app.handle(&reply_raw(
        ben,
        &reply_address(&dir, "announcement", ben),
        "Re: x",
        "Yes!",
    ))
    .await
    .unwrap();
    app.handle(&reply_raw(
        chloe,
        &reply_address(&dir, "announcement", chloe),
        "Re: x",
        "no, sorry",
    ))
    .await
    .unwrap();

    // A week before: the call for topics.
    let app = tick(&w, t("2026-10-20T16:31:00Z")).await;
    assert_eq!(count(&sent(&dir), "call-for-topics"), 4);
    app.handle(&reply_raw(
        ben,
        &reply_address(&dir, "call-for-topics", ben),
        "Re: topics",
        "Topic: Pricing workshops\nTopic: Tools we stopped using",
    ))
    .await
    .unwrap();
    app.handle(&reply_raw(
        dev,
        &reply_address(&dir, "call-for-topics", dev),
        "Re: topics",
        "+1 #2",
    ))
    .await
    .unwrap();

    // A restart in the middle of the cycle changes nothing: the same tick twice sends once.
    tick(&w, t("2026-10-20T16:35:00Z")).await;
    assert_eq!(
        count(&sent(&dir), "call-for-topics"),
        4,
        "not sent again after a restart"
    );
    // Dev's +1 is confirmed by the topic's title, not only its number.
    let plus = &sent(&dir)[&("confirmation".to_string(), dev.clone())];
    assert!(
        plus.iter()
            .any(|b| b.contains("+1 for #2 \u{201c}Tools we stopped using\u{201d}")),
        "{plus:?}"
    );

    // Two days before: the agenda, topics ranked by +1s, who is coming.
    tick(&w, t("2026-10-25T17:31:00Z")).await;
    let s = sent(&dir);
    assert_eq!(count(&s, "agenda"), 4);
    let agenda = &s[&("agenda".to_string(), dev.clone())][0];
    let (tools, pricing) = (
        agenda.find("Tools we stopped using").unwrap(),
        agenda.find("Pricing workshops").unwrap(),
    );
    assert!(tools < pricing, "the +1'd topic comes first:\n{agenda}");
    assert!(agenda.contains("Coming (1): ben"), "{agenda}");

    // The day before: the reminder, never to those who said no.
    tick(&w, t("2026-10-26T17:31:00Z")).await;
    let s = sent(&dir);
    assert_eq!(count(&s, "reminder"), 3);
    assert!(
        !s.contains_key(&("reminder".to_string(), chloe.clone())),
        "no reminder to a NO"
    );
    assert!(s[&("reminder".to_string(), dev.clone())][0].contains("haven't answered"));

    // Two hours after: the takeaway request to those who came (the YES answers).
    let app = tick(&w, t("2026-10-27T19:31:00Z")).await;
    let s = sent(&dir);
    assert_eq!(count(&s, "takeaway-request"), 1);
    app.handle(&reply_raw(
        ben,
        &reply_address(&dir, "takeaway-request", ben),
        "Re: takeaways",
        "- Price the outcome, not the hours\n- Retire tools quarterly",
    ))
    .await
    .unwrap();

    // The Monday digest (09:00 local) carries the takeaways with their author, once.
    tick(&w, t("2026-11-02T08:01:00Z")).await;
    let s = sent(&dir);
    let with = |s: &BTreeMap<(String, String), Vec<String>>| -> Vec<String> {
        s.get(&("digest".to_string(), chloe.clone()))
            .into_iter()
            .flatten()
            .filter(|d| d.contains("Price the outcome, not the hours"))
            .cloned()
            .collect()
    };
    let digests = with(&s);
    assert_eq!(
        digests.len(),
        1,
        "{:?}",
        s.get(&("digest".to_string(), chloe.clone()))
    );
    assert!(
        digests[0].contains("— ben") && digests[0].contains("Retire tools quarterly"),
        "{}",
        digests[0]
    );
    // The newest digest has pictures: who came (Ben said yes) and the +1s, inline, each said
    // in words too.
    let raw = roundtable::maildir::list(&dir)
        .unwrap()
        .into_iter()
        .rev()
        .map(|f| std::fs::read(f).unwrap())
        .find(|raw| {
            support::header(raw, "X-Roundtable-Kind").as_deref() == Some("digest")
                && support::header(raw, "Delivered-To").as_deref() == Some(chloe.as_str())
        })
        .unwrap();
    let m = mail_parser::MessageParser::default().parse(&raw).unwrap();
    let html = m.body_html(0).unwrap().to_string();
    let text = m.body_text(0).unwrap().to_string();
    for cid in ["attendance@roundtable", "votes@roundtable"] {
        assert!(html.contains(&format!("src=\"cid:{cid}\"")), "{html}");
        let part = m
            .parts
            .iter()
            .find(|p| p.content_id() == Some(cid))
            .unwrap_or_else(|| panic!("no part {cid}"));
        assert!(part.contents().starts_with(b"\x89PNG"), "{cid} is a PNG");
    }
    assert!(
        text.contains("Who came to the last meetings: 27 October 2026 (1)"),
        "{text}"
    );
    assert!(
        text.contains("+1s for the open topics: #2 Tools we stopped using (1)"),
        "{text}"
    );
    let digests_so_far = s
        .get(&("digest".to_string(), chloe.clone()))
        .map_or(0, Vec::len);
    tick(&w, t("2026-11-09T08:01:00Z")).await;
    assert_eq!(
        with(&sent(&dir)).len(),
        1,
        "nothing of the previous digest repeated"
    );
    // Nothing new in the week since (no takeaway, topic, +1 or meeting news): no digest at all
    // (the Monday after: the Nov 9 run planned the digest of Nov 16).
    tick(&w, t("2026-11-16T08:01:00Z")).await;
    assert_eq!(
        sent(&dir)
            .get(&("digest".to_string(), chloe.clone()))
            .map_or(0, Vec::len),
        digests_so_far,
        "a quiet week sends no digest"
    );
    // Every mail of the cycle went to each recipient once per job.
    let app = w.app().await;
    let rows = app.store().outbox(None, 1000).await.unwrap();
    let mut seen = std::collections::HashSet::new();
    for r in rows
        .iter()
        .filter(|r| !matches!(r.kind.as_str(), "confirmation" | "question" | "digest"))
    {
        assert!(
            seen.insert((r.kind, r.recipient.clone())),
            "{} sent twice to {}",
            r.kind,
            r.recipient
        );
    }
    let _ = meeting;
}

both_backends!(downtime_sends_what_still_makes_sense_and_skips_the_rest);
async fn downtime_sends_what_still_makes_sense_and_skips_the_rest(backend: Backend) {
    let (w, dir) = world(backend).await;
    let scheduled = t("2026-12-01T10:00:00Z");
    let app = w.app_at(Clock::fixed(scheduled)).await;
    add_members(&app, &w, &["ben"], scheduled).await;
    app.world
        .schedule_meeting("design", "2026-12-20 18:30", None, scheduled)
        .await
        .unwrap();
    // Down from before the announcement until after the meeting started.
    tick(&w, t("2026-12-20T18:00:00Z")).await;
    let s = sent(&dir);
    assert_eq!(
        count(&s, "announcement"),
        0,
        "too late: the meeting has started"
    );
    assert_eq!(count(&s, "reminder"), 0);
    let app = w.app().await;
    let c = app.world.community("design").unwrap();
    let jobs = app.store().jobs(c.id, true).await.unwrap();
    assert!(
        jobs.iter()
            .filter(|j| j.kind.as_str() != "takeaway-request"
                && j.kind.as_str() != "guest-followup"
                && j.kind.as_str() != "digest"
                && j.kind.as_str() != "post-digest")
            .all(|j| j.status.as_str() == "skipped"),
        "{jobs:?}"
    );
}

both_backends!(reschedule_and_cancel_tell_those_invited_with_calendar_updates);
async fn reschedule_and_cancel_tell_those_invited_with_calendar_updates(backend: Backend) {
    let (w, dir) = world(backend).await;
    let now = t("2026-12-01T10:00:00Z");
    let app = w.app_at(Clock::fixed(now)).await;
    let m = add_members(&app, &w, &["ben"], now).await;
    let (id, queued) = app
        .world
        .schedule_meeting("design", "2026-12-08 18:30", None, now)
        .await
        .unwrap();
    assert_eq!(queued, 2, "announced at once");
    app.delivery().unwrap().drain(now).await.unwrap();

    let told = app
        .world
        .reschedule_meeting("design", id, "2026-12-10 19:00", Some("Room 5"), now + 60)
        .await
        .unwrap();
    assert_eq!(told, 2);
    app.delivery().unwrap().drain(now + 60).await.unwrap();
    let s = sent(&dir);
    let update = &s[&("update".to_string(), m[0].clone())][0];
    assert!(
        update.contains("Thursday 10 December 2026, 19:00 CET") && update.contains("Room 5"),
        "{update}"
    );
    // The jobs moved with it.
    let c = app.world.community("design").unwrap();
    let reminder = app
        .store()
        .jobs(c.id, false)
        .await
        .unwrap()
        .into_iter()
        .find(|j| j.kind.as_str() == "reminder")
        .unwrap();
    assert_eq!(reminder.due_at, t("2026-12-09T18:00:00Z"));

    let told = app
        .world
        .cancel_meeting("design", id, Some("Half the group is ill."), now + 120)
        .await
        .unwrap();
    assert_eq!(told, 2);
    app.delivery().unwrap().drain(now + 120).await.unwrap();
    let raws: Vec<Vec<u8>> = roundtable::maildir::list(&dir)
        .unwrap()
        .iter()
        .map(|f| std::fs::read(f).unwrap())
        .collect();
    let cancel = raws
        .iter()
        .find(|r| support::header(r, "X-Roundtable-Kind").as_deref() == Some("cancellation"))
        .expect("a cancellation");
    let text = calendar_of(cancel);
    assert!(
        text.contains("METHOD:CANCEL") && text.contains("SEQUENCE:2"),
        "cancel with a bumped sequence"
    );
    assert!(
        app.store()
            .jobs(c.id, false)
            .await
            .unwrap()
            .iter()
            .all(|j| j.kind.as_str() == "digest"),
        "the meeting's jobs are gone"
    );
    // Nothing else goes out for it.
    tick(&w, t("2026-12-09T18:30:00Z")).await;
    assert_eq!(count(&sent(&dir), "reminder"), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_daemons_on_one_postgres_send_each_mail_once() {
    let (w, dir) = world(Backend::Postgres).await;
    let now = t("2026-12-01T10:00:00Z");
    let app = w.app_at(Clock::fixed(now)).await;
    let names: Vec<String> = (0..40).map(|i| format!("m{i}")).collect();
    let names: Vec<&str> = names.iter().map(|s| s.as_str()).collect();
    add_members(&app, &w, &names, now).await;
    app.world
        .schedule_meeting("design", "2026-12-12 18:30", None, now)
        .await
        .unwrap();
    app.delivery().unwrap().drain(now).await.unwrap();
    let before = count(&sent(&dir), "announcement");
    assert_eq!(before, 41);
    // The call for topics falls due; two daemons (two processes' worth of state) fire at once.
    let at = t("2026-12-05T17:31:00Z");
    let (a, b) = (
        w.app_at(Clock::fixed(at)).await,
        w.app_at(Clock::fixed(at)).await,
    );
    let (ra, rb) = tokio::join!(a.run_once(), b.run_once());
    let (ra, rb) = (ra.unwrap(), rb.unwrap());
    assert_eq!(
        ra.1.mails + rb.1.mails,
        41,
        "queued once between them: {ra:?} {rb:?}"
    );
    assert_eq!(ra.2.sent + rb.2.sent, 41, "sent once between them");
    let s = sent(&dir);
    assert_eq!(count(&s, "call-for-topics"), 41);
    assert!(
        s.iter()
            .filter(|((k, _), _)| k == "call-for-topics")
            .all(|(_, v)| v.len() == 1),
        "nobody got it twice"
    );
}

/// A community on Maildirs and SQLite in `dir` that meets the first Tuesday of each month at
/// 18:30 in Berlin; returns its config file.
fn first_tuesdays_config(dir: &std::path::Path) -> std::path::PathBuf {
    let cfg = dir.join("roundtable.toml");
    std::fs::write(
        &cfg,
        "[inbound]\nkind = \"maildir\"\npath = \"in\"\n[outbound]\nkind = \"maildir\"\npath = \"out\"\n\
         [[community]]\nslug = \"d\"\nname = \"D\"\naddress = \"circle@example.org\"\ntimezone = \"Europe/Berlin\"\n\
         coordinators = [\"ana@example.org\"]\nmeeting_cron = \"0 30 18 1-7 * Tue\"\n",
    )
    .unwrap();
    cfg
}

/// `run --once` at `now` with the config at `cfg`.
async fn run_once_at(cfg: &std::path::Path, now: i64) -> App {
    let app = App::build(roundtable::config::load(cfg).unwrap(), Clock::fixed(now))
        .await
        .unwrap();
    app.run_once().await.unwrap();
    app
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn recurring_meetings_from_meeting_cron_keep_their_local_time_across_dst() {
    // Needs no mail server: Maildir in and out, SQLite, the clock set by the test.
    let dir = tempfile::tempdir().unwrap();
    let cfg = first_tuesdays_config(dir.path());
    let tick = |now: i64| run_once_at(&cfg, now);
    // Every day from 1 September to 10 November 2026.
    let mut app = tick(t("2026-09-01T08:00:00Z")).await;
    let mut now = t("2026-09-01T08:00:00Z");
    while now < t("2026-11-10T00:00:00Z") {
        now += 86400;
        app = tick(now).await;
    }
    let c = app.world.community("d").unwrap();
    let meetings = app.store().meetings(c.id).await.unwrap();
    let local: Vec<String> = meetings
        .iter()
        .map(|m| roundtable::rules::local_time(c.cfg.timezone, m.starts_at))
        .collect();
    // First Tuesdays, each once, at 18:30 local in summer and in winter time; 1 December is
    // not planned yet (its announcement is more than a week away).
    assert_eq!(
        local,
        [
            "Tuesday 1 September 2026, 18:30 CEST",
            "Tuesday 6 October 2026, 18:30 CEST",
            "Tuesday 3 November 2026, 18:30 CET"
        ],
        "{local:?}"
    );
    // Each announced once (to the one coordinator).
    let out = dir.path().join("out");
    let kinds: Vec<String> = roundtable::maildir::list(&out)
        .unwrap()
        .iter()
        .filter_map(|f| support::header(&std::fs::read(f).unwrap(), "X-Roundtable-Kind"))
        .collect();
    assert_eq!(
        kinds.iter().filter(|k| *k == "announcement").count(),
        3,
        "{kinds:?}"
    );
    // 1 September was planned the same morning: too late for anything but its announcement.
    assert_eq!(
        kinds.iter().filter(|k| *k == "reminder").count(),
        2,
        "{kinds:?}"
    );
}

/// Issue 17: with `meeting_cron`, a cancelled occurrence used to be planned and announced
/// again by the same run, and a moved one reappeared in its old slot. A slot, once planned,
/// stays taken.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancelled_or_moved_recurring_meeting_never_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = first_tuesdays_config(dir.path());
    let tick = |now: i64| run_once_at(&cfg, now);
    let announcements = || {
        roundtable::maildir::list(&dir.path().join("out"))
            .unwrap()
            .iter()
            .filter(|f| {
                support::header(&std::fs::read(f).unwrap(), "X-Roundtable-Kind").as_deref()
                    == Some("announcement")
            })
            .count()
    };
    // Within 14 days of the first Tuesday of October: planned and announced.
    let now = t("2026-09-23T08:00:00Z"); // 13 days before the first Tuesday of October
    let app = tick(now).await;
    let c = app.world.community("d").unwrap().clone();
    let planned = app.store().meetings(c.id).await.unwrap();
    let local =
        |m: &roundtable::store::Meeting| roundtable::rules::local_time(c.cfg.timezone, m.starts_at);
    assert_eq!(
        planned.iter().map(local).collect::<Vec<_>>(),
        ["Tuesday 6 October 2026, 18:30 CEST"],
        "one planned"
    );
    assert_eq!(announcements(), 1);
    let october = planned[0].id;

    // The coordinator cancels October; the runs after it leave the slot alone.
    app.world
        .cancel_meeting("d", october, Some("venue closed"), now)
        .await
        .unwrap();
    for day in 0..5 {
        tick(now + day * 86400).await;
    }
    let meetings = app.store().meetings(c.id).await.unwrap();
    assert_eq!(
        meetings.len(),
        1,
        "not planned again: {:?}",
        meetings.iter().map(local).collect::<Vec<_>>()
    );
    assert_eq!(
        meetings[0].status,
        roundtable::domain::MeetingStatus::Cancelled
    );
    assert_eq!(
        announcements(),
        1,
        "a cancelled meeting is not announced again"
    );

    // November is planned in its turn, moved by a day, and its old slot stays empty.
    let later = t("2026-10-21T08:00:00Z");
    let app = tick(later).await;
    let november = app
        .store()
        .meetings(c.id)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.status == roundtable::domain::MeetingStatus::Scheduled)
        .expect("November planned");
    assert_eq!(local(&november), "Tuesday 3 November 2026, 18:30 CET");
    app.world
        .reschedule_meeting("d", november.id, "2026-11-04 18:30", None, later)
        .await
        .unwrap();
    for day in 0..5 {
        tick(later + day * 86400).await;
    }
    let app = tick(later + 5 * 86400).await;
    let all: Vec<String> = app
        .store()
        .meetings(c.id)
        .await
        .unwrap()
        .iter()
        .map(local)
        .collect();
    assert_eq!(
        all,
        [
            "Tuesday 6 October 2026, 18:30 CEST",
            "Wednesday 4 November 2026, 18:30 CET"
        ],
        "{all:?}"
    );
}
