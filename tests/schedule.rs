//! Issue 17, the schedule's side of "nothing stalls": a job that fails holds up no other job
//! and is given up (coordinators told) after its last attempt; a person's address left from
//! before addresses were checked stops nobody else's mail; `meeting_cron` occurrences show in
//! `timeline` and `meeting list` long before they are planned; a meeting that took place is
//! marked held. On SQLite and PostgreSQL, the clock set by `--now`, outbound mail in a Maildir.

mod support;

use chrono::{DateTime, Utc};
use roundtable::app::App;
use roundtable::clock::Clock;
use roundtable::domain::{JobStatus, MeetingStatus};
use roundtable::schedule::JobKind;
use support::{both_backends, Backend, World};

fn t(s: &str) -> i64 {
    DateTime::parse_from_rfc3339(s)
        .unwrap()
        .with_timezone(&Utc)
        .timestamp()
}

/// A world that meets on the first Tuesday of each month at 18:30 in Berlin, its outbound mail
/// in the Maildir `sent`, with Ben as a member besides the coordinator.
async fn first_tuesdays(backend: Backend) -> (World, String) {
    let w = World::new(backend, Some("kind = \"maildir\"\npath = \"sent\"".into())).await;
    w.rewrite_config(
        "coordinator_auth =",
        "meeting_cron = \"0 30 18 1-7 * Tue\"\ncoordinator_auth =",
    );
    let ben = w.stack.address("ben");
    let app = w.app().await;
    support::add_member(&app, &ben, "Ben").await;
    (w, ben)
}

/// `roundtable run --once --now NOW` with `fault` in `ROUNDTABLE_FAULT` (if any); it must
/// succeed.
fn run_once(w: &World, now: &str, fault: Option<&str>) {
    let mut cmd = w.command(&["run", "--once", "--now", now]);
    if let Some(f) = fault {
        cmd.env("ROUNDTABLE_FAULT", f);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "run --once at {now} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// (kind, recipient, subject) of every mail written so far.
fn sent(w: &World) -> Vec<(String, String, String)> {
    let dir = w.dir.path().join("sent");
    roundtable::maildir::list(&dir)
        .unwrap_or_default()
        .iter()
        .map(|f| {
            let raw = std::fs::read(f).unwrap();
            let h = |n: &str| support::header(&raw, n).unwrap_or_default();
            (h("X-Roundtable-Kind"), h("To"), h("Subject"))
        })
        .collect()
}

fn count(sent: &[(String, String, String)], kind: &str) -> usize {
    sent.iter().filter(|(k, _, _)| k == kind).count()
}

both_backends!(a_failing_job_holds_up_no_other_and_is_given_up_after_three_tries);
async fn a_failing_job_holds_up_no_other_and_is_given_up_after_three_tries(backend: Backend) {
    let (w, _ben) = first_tuesdays(backend).await;
    // Five days before the first Tuesday of October the meeting is planned with its
    // announcement and its call for topics both due at once; every announcement fails.
    let fault = Some("fail-job:announcement");
    run_once(&w, "2026-10-01T08:00:00Z", fault);
    let after_one = sent(&w);
    assert_eq!(count(&after_one, "announcement"), 0, "{after_one:?}");
    assert_eq!(
        count(&after_one, "call-for-topics"),
        2,
        "the call for topics went out although the announcement failed: {after_one:?}"
    );
    // Tried again when its lease has run out, twice more; then given up, the coordinator told.
    run_once(&w, "2026-10-01T09:00:00Z", fault);
    run_once(&w, "2026-10-01T10:00:00Z", fault);
    let app = w.app().await;
    let c = app.world.community("design").unwrap();
    let jobs = app.store().jobs(c.id, true).await.unwrap();
    let announcement = jobs
        .iter()
        .find(|j| j.kind == JobKind::Announcement)
        .unwrap();
    assert_eq!(announcement.status, JobStatus::Failed, "{jobs:?}");
    assert_eq!(announcement.attempts, 3);
    let all = sent(&w);
    let notices: Vec<_> = all.iter().filter(|(k, _, _)| k == "notice").collect();
    assert_eq!(notices.len(), 1, "one notice, to the coordinator: {all:?}");
    assert!(notices[0].1.contains(&w.coordinator), "{notices:?}");
    assert!(
        notices[0].2.contains("could not be sent"),
        "{:?}",
        notices[0]
    );
    // Given up means given up: a later run neither retries it nor tells anyone again.
    run_once(&w, "2026-10-01T12:00:00Z", fault);
    assert_eq!(sent(&w).len(), all.len());
}

both_backends!(an_address_left_from_before_stops_nobodys_mail);
async fn an_address_left_from_before_stops_nobodys_mail(backend: Backend) {
    let (w, ben) = first_tuesdays(backend).await;
    // A member row written before addresses were checked where they come in: lettre refuses
    // `a..b@…`, so no mail can be made for it.
    let app = w.app().await;
    let c = app.world.community("design").unwrap();
    let mut tx = app.store().begin().await.unwrap();
    sqlx::query(
        "INSERT INTO people (community_id, address, name, role, status, created_at, updated_at)
         VALUES ($1, 'a..b@example.org', 'Odd', 'member', 'active', 0, 0)",
    )
    .bind(c.id)
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();

    run_once(&w, "2026-10-01T08:00:00Z", None);
    let s = sent(&w);
    let to: Vec<&str> = s
        .iter()
        .filter(|(k, _, _)| k == "announcement")
        .map(|(_, to, _)| to.as_str())
        .collect();
    assert_eq!(to.len(), 2, "{s:?}");
    assert!(to.iter().any(|t| t.contains(&ben)), "{to:?}");
    assert!(to.iter().any(|t| t.contains(&w.coordinator)), "{to:?}");
    // The member list still works and leaves the row out.
    let out = w.command(&["member", "list", "design"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list = String::from_utf8_lossy(&out.stdout);
    assert!(list.contains(&ben), "{list}");
}

both_backends!(recurring_meetings_show_ahead_and_are_marked_held_once_over);
async fn recurring_meetings_show_ahead_and_are_marked_held_once_over(backend: Backend) {
    let (w, _ben) = first_tuesdays(backend).await;
    // Long before anything is planned, the coordinator sees the next three occurrences and
    // what each will bring (the command line runs on today's clock).
    let out = w.command(&["timeline"]).output().unwrap();
    let timeline = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{timeline}");
    let coming: Vec<&str> = timeline
        .lines()
        .filter(|l| l.starts_with("  recurring — Tuesday"))
        .collect();
    assert_eq!(coming.len(), 3, "{timeline}");
    assert!(coming.iter().all(|l| l.contains("18:30")), "{timeline}");
    assert!(timeline.contains("announcement"), "{timeline}");
    assert!(!timeline.contains("nothing planned"), "{timeline}");
    let out = w.command(&["meeting", "list", "design"]).output().unwrap();
    let list = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        list.lines().filter(|l| l.contains("recurring")).count(),
        3,
        "{list}"
    );

    // STATUS (by mail or `do`) says the same.
    let out = w.command(&["do", "design", "STATUS"]).output().unwrap();
    let status = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{status}");
    assert!(status.contains("Then, from meeting_cron:"), "{status}");
    assert_eq!(
        status
            .lines()
            .filter(|l| l.starts_with("  Tuesday") && l.contains("announcement"))
            .count(),
        3,
        "{status}"
    );

    // On a set clock: the planned October meeting is no longer "to come"; what follows is.
    let w = &w;
    let at = |now: &str| {
        let now = t(now);
        async move {
            let app = w.app_at(Clock::fixed(now)).await;
            app.run_once().await.unwrap();
            app
        }
    };
    let app = at("2026-09-23T08:00:00Z").await;
    let c = app.world.community("design").unwrap();
    let local = |s: i64| roundtable::rules::local_time(c.cfg.timezone, s);
    let mut tx = app.store().begin().await.unwrap();
    let coming = app
        .world
        .coming_occurrences(&mut tx, c, t("2026-09-23T08:00:00Z"), 3)
        .await
        .unwrap();
    drop(tx);
    assert_eq!(
        coming.iter().map(|(s, _)| local(*s)).collect::<Vec<_>>(),
        [
            "Tuesday 3 November 2026, 18:30 CET",
            "Tuesday 1 December 2026, 18:30 CET",
            "Tuesday 5 January 2027, 18:30 CET"
        ]
    );
    assert_eq!(coming[0].1[0].0, JobKind::Announcement);
    let october = app.store().meetings(c.id).await.unwrap();
    assert_eq!(october.len(), 1);
    assert_eq!(october[0].status, MeetingStatus::Scheduled);

    // During the meeting it is still scheduled; once its time has passed, held.
    let app = at("2026-10-06T17:00:00Z").await;
    let m = app.store().meetings(c.id).await.unwrap();
    assert_eq!(m[0].status, MeetingStatus::Scheduled, "{m:?}");
    let app: App = at("2026-10-06T19:00:00Z").await;
    let m = app.store().meetings(c.id).await.unwrap();
    assert_eq!(m[0].status, MeetingStatus::Held, "{m:?}");
}
