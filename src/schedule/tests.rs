//! Tests of `schedule`.

#[test]
fn day_offsets_keep_the_local_time_across_daylight_saving() {
    let berlin: Tz = "Europe/Berlin".parse().unwrap();
    let at = |s: &str| {
        berlin
            .from_local_datetime(&NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap())
            .single()
            .unwrap()
            .timestamp()
    };
    // Tuesday 27 October 2026 18:30 CET, two days after the clocks went back.
    let start = at("2026-10-27 18:30");
    let jobs = meeting_jobs_in(start, at("2026-10-01 12:00"), &Offsets::default(), berlin);
    let due = |k: JobKind| jobs.iter().find(|(j, _)| *j == k).unwrap().1;
    assert_eq!(
        due(JobKind::Announcement),
        at("2026-10-13 18:30"),
        "18:30 CEST, 14 calendar days before"
    );
    assert_eq!(due(JobKind::CallForTopics), at("2026-10-20 18:30"));
    assert_eq!(due(JobKind::Agenda), at("2026-10-25 18:30"));
    assert_eq!(due(JobKind::Reminder), at("2026-10-26 18:30"));
    assert_eq!(due(JobKind::TakeawayRequest), start + 2 * HOUR);
    assert_eq!(due(JobKind::GuestFollowup), at("2026-10-28 18:30"));
    // In UTC the announcement is 14 days and one hour before the start.
    assert_eq!(start - due(JobKind::Announcement), 14 * DAY + HOUR);
}

use super::*;
use chrono::{Datelike, NaiveDate, Timelike, Weekday};
use chrono_tz::America::New_York;
use chrono_tz::Europe::Berlin;

/// Unix seconds of a UTC wall-clock time.
fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> i64 {
    NaiveDate::from_ymd_opt(y, mo, d)
        .unwrap()
        .and_hms_opt(h, mi, 0)
        .unwrap()
        .and_utc()
        .timestamp()
}

fn local(t: i64, tz: Tz) -> NaiveDateTime {
    DateTime::from_timestamp(t, 0)
        .unwrap()
        .with_timezone(&tz)
        .naive_local()
}

fn kinds(jobs: &[(JobKind, i64)]) -> Vec<JobKind> {
    jobs.iter().map(|j| j.0).collect()
}

use JobKind::*;

#[test]
fn kind_names_round_trip() {
    for k in JobKind::ALL {
        assert_eq!(JobKind::parse(k.as_str()), Some(k));
        assert_eq!(k.to_string(), k.as_str());
    }
    assert_eq!(JobKind::parse("Agenda"), None);
    assert_eq!(JobKind::parse("invitation"), None);
    let before: Vec<_> = JobKind::ALL
        .into_iter()
        .filter(|k| k.is_before_meeting())
        .collect();
    assert_eq!(before, [Announcement, CallForTopics, Agenda, Reminder]);
}

#[test]
fn default_offsets_give_the_designed_timeline() {
    let start = at(2026, 11, 3, 17, 30);
    let jobs = meeting_jobs(start, start - 30 * DAY, &Offsets::default());
    assert_eq!(
        jobs,
        vec![
            (Announcement, start - 14 * DAY),
            (CallForTopics, start - 7 * DAY),
            (Agenda, start - 2 * DAY),
            (Reminder, start - DAY),
            (TakeawayRequest, start + 2 * HOUR),
            (GuestFollowup, start + DAY),
        ]
    );
    // Scheduled exactly at the announcement's time: nothing is late.
    assert_eq!(
        meeting_jobs(start, start - 14 * DAY, &Offsets::default()),
        jobs
    );
}

#[test]
fn scheduled_ten_days_ahead_announces_at_once_and_the_rest_follows_on_time() {
    let start = at(2026, 11, 3, 17, 30);
    let now = start - 10 * DAY;
    let jobs = meeting_jobs(start, now, &Offsets::default());
    assert_eq!(
        jobs,
        vec![
            (Announcement, now),
            (CallForTopics, start - 7 * DAY),
            (Agenda, start - 2 * DAY),
            (Reminder, start - DAY),
            (TakeawayRequest, start + 2 * HOUR),
            (GuestFollowup, start + DAY),
        ]
    );
}

#[test]
fn late_scheduling_keeps_only_what_still_makes_sense() {
    let o = Offsets::default();
    let start = at(2026, 11, 3, 17, 30);

    // 3 days ahead: topics can still be gathered before the agenda (2 days before).
    let now = start - 3 * DAY;
    assert_eq!(
        meeting_jobs(start, now, &o),
        vec![
            (Announcement, now),
            (CallForTopics, now),
            (Agenda, start - 2 * DAY),
            (Reminder, start - DAY),
            (TakeawayRequest, start + 2 * HOUR),
            (GuestFollowup, start + DAY),
        ]
    );

    // 36 hours ahead: no time for topics; the reminder still comes a day before.
    let now = start - 36 * HOUR;
    assert_eq!(
        meeting_jobs(start, now, &o),
        vec![
            (Announcement, now),
            (Reminder, start - DAY),
            (TakeawayRequest, start + 2 * HOUR),
            (GuestFollowup, start + DAY)
        ]
    );

    // 12 hours ahead: the invitation is the reminder.
    let now = start - 12 * HOUR;
    assert_eq!(
        meeting_jobs(start, now, &o),
        vec![
            (Announcement, now),
            (TakeawayRequest, start + 2 * HOUR),
            (GuestFollowup, start + DAY)
        ]
    );

    // Recorded an hour after it started: no pre-meeting mail; the takeaway request is due
    // at once (never before the meeting was scheduled).
    let now = start + 3 * HOUR;
    assert_eq!(
        meeting_jobs(start, now, &o),
        vec![(TakeawayRequest, now), (GuestFollowup, start + DAY)]
    );
}

#[test]
fn due_times_never_decrease_along_the_timeline() {
    let start = at(2026, 6, 1, 18, 0);
    // Offsets configured out of order: agenda before the call for topics.
    let o = Offsets {
        announce: Duration::from_secs(3 * DAY as u64),
        call_for_topics: Duration::from_secs(DAY as u64),
        agenda: Duration::from_secs(2 * DAY as u64),
        reminder: Duration::from_secs(0),
        takeaway_request: Duration::from_secs(2 * DAY as u64),
        guest_followup: Duration::from_secs(HOUR as u64),
    };
    for ahead in [10 * DAY, 3 * DAY, 2 * DAY + HOUR, DAY, HOUR, -HOUR] {
        let jobs = meeting_jobs(start, start - ahead, &o);
        assert!(
            jobs.windows(2).all(|w| w[0].1 <= w[1].1),
            "{ahead}: {jobs:?}"
        );
        assert!(
            jobs.iter().all(|j| j.1 >= start - ahead),
            "{ahead}: {jobs:?}"
        );
        for (k, due) in &jobs {
            assert_eq!(k.is_before_meeting(), *due < start, "{ahead}: {jobs:?}");
        }
        // A reminder at the very start is no reminder: dropped.
        assert!(!kinds(&jobs).contains(&Reminder));
    }
}

#[test]
fn grace_decisions() {
    let start = at(2026, 11, 3, 17, 30);
    let s = Some(start);
    let jobs = meeting_jobs(start, start - 30 * DAY, &Offsets::default());
    let due = |k: JobKind| jobs.iter().find(|j| j.0 == k).unwrap().1;

    // Every job: not yet before it is due, sent at the moment it is due.
    for &(k, d) in &jobs {
        assert_eq!(decide(k, d, s, d - 1), Decision::NotYet, "{k}");
        assert_eq!(decide(k, d, s, d), Decision::Send, "{k}");
    }

    // Back after ten days away: the invitation still goes out before the meeting.
    assert_eq!(
        decide(Announcement, due(Announcement), s, start - 4 * DAY),
        Decision::Send
    );
    assert_eq!(
        decide(Announcement, due(Announcement), s, start),
        Decision::TooLate
    );
    // A call for topics two days late is no call any more.
    assert_eq!(
        decide(
            CallForTopics,
            due(CallForTopics),
            s,
            due(CallForTopics) + 2 * DAY - 1
        ),
        Decision::Send
    );
    assert_eq!(
        decide(
            CallForTopics,
            due(CallForTopics),
            s,
            due(CallForTopics) + 2 * DAY
        ),
        Decision::TooLate
    );
    // A late agenda or reminder is fine up to the start, not for a meeting already over.
    assert_eq!(decide(Agenda, due(Agenda), s, start - 1), Decision::Send);
    assert_eq!(
        decide(Reminder, due(Reminder), s, start - HOUR),
        Decision::Send
    );
    assert_eq!(decide(Reminder, due(Reminder), s, start), Decision::TooLate);
    assert_eq!(
        decide(Reminder, due(Reminder), s, start + 3 * HOUR),
        Decision::TooLate
    );
    // After the meeting: takeaways within 3 days, guests within a week.
    assert_eq!(
        decide(
            TakeawayRequest,
            due(TakeawayRequest),
            s,
            due(TakeawayRequest) + 2 * DAY
        ),
        Decision::Send
    );
    assert_eq!(
        decide(
            TakeawayRequest,
            due(TakeawayRequest),
            s,
            due(TakeawayRequest) + 3 * DAY
        ),
        Decision::TooLate
    );
    assert_eq!(
        decide(
            GuestFollowup,
            due(GuestFollowup),
            s,
            due(GuestFollowup) + 6 * DAY
        ),
        Decision::Send
    );
    assert_eq!(
        decide(
            GuestFollowup,
            due(GuestFollowup),
            s,
            due(GuestFollowup) + 7 * DAY
        ),
        Decision::TooLate
    );
    // The digest has no meeting.
    let monday = at(2026, 11, 2, 8, 0);
    assert_eq!(
        decide(Digest, monday, None, monday + 23 * HOUR),
        Decision::Send
    );
    assert_eq!(
        decide(Digest, monday, None, monday + DAY),
        Decision::TooLate
    );
    assert_eq!(deadline(Digest, monday, None), monday + DAY);
    // A meeting kind without a start falls back to a day's grace.
    assert_eq!(deadline(Reminder, monday, None), monday + DAY);
    // Late-scheduled jobs (due at scheduling) are sendable at once.
    let now = start - 3 * DAY;
    for (k, d) in meeting_jobs(start, now, &Offsets::default()) {
        assert_eq!(decide(k, d, s, d), Decision::Send, "{k}");
    }
}

/// A weekly expression over a whole month across a fall-back change keeps its local time,
/// fires once a week, and its UTC time moves by exactly the change.
fn weekly_across_change(
    tz: Tz,
    expr: &str,
    from: i64,
    to: i64,
    weekday: Weekday,
    hh: u32,
    mm: u32,
) -> Vec<i64> {
    let all = cron_between(expr, tz, from, to, 100).unwrap();
    assert!(all.len() >= 4, "{all:?}");
    for &t in &all {
        let l = local(t, tz);
        assert_eq!(
            (l.weekday(), l.hour(), l.minute(), l.second()),
            (weekday, hh, mm, 0),
            "{l}"
        );
    }
    let gaps: Vec<i64> = all.windows(2).map(|w| w[1] - w[0]).collect();
    assert_eq!(
        gaps.iter().filter(|&&g| g == 7 * DAY + HOUR).count(),
        1,
        "{gaps:?}"
    );
    assert!(
        gaps.iter().all(|&g| g == 7 * DAY || g == 7 * DAY + HOUR),
        "{gaps:?}"
    );
    all
}

#[test]
fn weekly_cron_keeps_local_time_across_october_change_in_berlin() {
    let all = weekly_across_change(
        Berlin,
        "0 30 18 * * Tue",
        at(2026, 10, 10, 0, 0),
        at(2026, 11, 10, 0, 0),
        Weekday::Tue,
        18,
        30,
    );
    assert_eq!(
        all,
        vec![
            at(2026, 10, 13, 16, 30), // CEST, UTC+2
            at(2026, 10, 20, 16, 30),
            at(2026, 10, 27, 17, 30), // CET, UTC+1: clocks went back on the 25th
            at(2026, 11, 3, 17, 30),
        ]
    );
}

#[test]
fn weekly_cron_keeps_local_time_across_november_change_in_new_york() {
    // US clocks go back on the first Sunday of November (2026-11-01).
    let all = weekly_across_change(
        New_York,
        "0 0 9 * * Sun",
        at(2026, 10, 15, 0, 0),
        at(2026, 11, 15, 0, 0),
        Weekday::Sun,
        9,
        0,
    );
    assert_eq!(
        all,
        vec![
            at(2026, 10, 18, 13, 0), // EDT, UTC-4
            at(2026, 10, 25, 13, 0),
            at(2026, 11, 1, 14, 0), // EST, UTC-5: the change was at 02:00 that morning
            at(2026, 11, 8, 14, 0),
        ]
    );
}

#[test]
fn a_meeting_at_1830_one_week_before_and_after_the_change_differs_by_one_hour_utc() {
    let before = next_cron("0 30 18 * * Tue", Berlin, at(2026, 10, 19, 0, 0))
        .unwrap()
        .unwrap();
    let after = next_cron("0 30 18 * * Tue", Berlin, before)
        .unwrap()
        .unwrap();
    assert_eq!(before, at(2026, 10, 20, 16, 30));
    assert_eq!(after, at(2026, 10, 27, 17, 30));
    assert_eq!(after - before, 7 * DAY + HOUR);
    assert_eq!(local(before, Berlin).time(), local(after, Berlin).time());
}

#[test]
fn first_tuesday_of_the_month_ands_day_of_month_and_weekday() {
    let all = cron_between(
        "0 30 18 1-7 * Tue",
        Berlin,
        at(2026, 9, 1, 0, 0),
        at(2026, 12, 31, 0, 0),
        10,
    )
    .unwrap();
    assert_eq!(
        all,
        vec![
            at(2026, 9, 1, 16, 30),
            at(2026, 10, 6, 16, 30),
            at(2026, 11, 3, 17, 30), // after the change: still 18:30 local
            at(2026, 12, 1, 17, 30),
        ]
    );
}

#[test]
fn a_repeated_time_fires_once_at_its_first_occurrence() {
    // Berlin, 2026-10-25: 03:00 CEST becomes 02:00 CET, so 02:30 happens twice.
    let all = cron_between(
        "0 30 2 * * *",
        Berlin,
        at(2026, 10, 23, 0, 0),
        at(2026, 10, 27, 12, 0),
        10,
    )
    .unwrap();
    assert_eq!(
        all,
        vec![
            at(2026, 10, 23, 0, 30),
            at(2026, 10, 24, 0, 30),
            at(2026, 10, 25, 0, 30), // 02:30 CEST, the first of the two
            at(2026, 10, 26, 1, 30),
            at(2026, 10, 27, 1, 30),
        ]
    );
    // Asked from inside the repeated hour, after the first 02:30 passed: tomorrow, not again.
    let inside = at(2026, 10, 25, 1, 15); // 02:15 CET, the second pass
    assert_eq!(
        next_cron("0 30 2 * * *", Berlin, inside).unwrap(),
        Some(at(2026, 10, 26, 1, 30))
    );
    // From between the two 02:30s.
    let between = at(2026, 10, 25, 0, 45);
    assert_eq!(
        next_cron("0 30 2 * * *", Berlin, between).unwrap(),
        Some(at(2026, 10, 26, 1, 30))
    );
    // New York, 2026-11-01: 01:30 happens twice (EDT, then EST).
    assert_eq!(
        next_cron("0 30 1 * * *", New_York, at(2026, 11, 1, 0, 0)).unwrap(),
        Some(at(2026, 11, 1, 5, 30)) // 01:30 EDT
    );
    assert_eq!(
        next_cron("0 30 1 * * *", New_York, at(2026, 11, 1, 5, 30)).unwrap(),
        Some(at(2026, 11, 2, 6, 30)) // tomorrow 01:30 EST
    );
}

#[test]
fn a_missing_time_fires_at_the_end_of_the_gap() {
    // Berlin, 2026-03-29: 02:00 CET becomes 03:00 CEST, so 02:30 does not exist.
    let all = cron_between(
        "0 30 2 * * *",
        Berlin,
        at(2026, 3, 27, 0, 0),
        at(2026, 3, 31, 0, 0),
        10,
    )
    .unwrap();
    assert_eq!(
        all,
        vec![
            at(2026, 3, 27, 1, 30),
            at(2026, 3, 28, 1, 30),
            at(2026, 3, 29, 1, 0), // 03:00 CEST, the first valid local time
            at(2026, 3, 30, 0, 30),
        ]
    );
    assert_eq!(local(all[2], Berlin).time().to_string(), "03:00:00");
    // New York, 2026-03-08: 02:30 does not exist; 03:00 EDT is 07:00 UTC.
    assert_eq!(
        next_cron("0 30 2 * * *", New_York, at(2026, 3, 8, 0, 0)).unwrap(),
        Some(at(2026, 3, 8, 7, 0))
    );
    // The expression that names the gap's end itself fires once there, not twice.
    let both = cron_between(
        "0 30 2,3 * * *",
        Berlin,
        at(2026, 3, 29, 0, 0),
        at(2026, 3, 29, 12, 0),
        10,
    )
    .unwrap();
    assert_eq!(both, vec![at(2026, 3, 29, 1, 0), at(2026, 3, 29, 1, 30)]);
}

#[test]
fn no_duplicates_and_every_local_time_once_through_both_changes() {
    for tz in [Berlin, New_York, chrono_tz::Australia::Sydney] {
        let all = cron_between(
            "0 */15 * * * *",
            tz,
            at(2026, 1, 1, 0, 0),
            at(2027, 1, 1, 0, 0),
            100_000,
        )
        .unwrap();
        assert!(
            all.windows(2).all(|w| w[0] < w[1]),
            "{tz}: not strictly increasing"
        );
        // Each distinct local time of the year appears once; the four quarter-hours of the
        // spring gap collapse into its end, which is also the 03:00 slot: 4 fewer.
        let locals: std::collections::BTreeSet<NaiveDateTime> =
            all.iter().map(|&t| local(t, tz)).collect();
        assert_eq!(locals.len(), all.len(), "{tz}: a local time fired twice");
        assert_eq!(all.len(), 365 * 96 - 4, "{tz}");
    }
}

#[test]
fn zones_without_daylight_saving_and_limits() {
    let kolkata = chrono_tz::Asia::Kolkata;
    let t = next_cron("0 0 9 * * Mon", kolkata, at(2026, 10, 20, 0, 0))
        .unwrap()
        .unwrap();
    assert_eq!(t, at(2026, 10, 26, 3, 30)); // 09:00 IST = 03:30 UTC
    let u = next_cron("0 0 9 * * Mon", chrono_tz::UTC, t)
        .unwrap()
        .unwrap();
    assert_eq!(u, at(2026, 10, 26, 9, 0)); // same Monday, later in UTC
                                           // Strictly after: asking at an occurrence gives the next one.
    assert_eq!(
        next_cron("0 0 9 * * Mon", chrono_tz::UTC, u).unwrap(),
        Some(u + 7 * DAY)
    );
    // Bounded by `limit` and by `to` (inclusive).
    assert_eq!(
        cron_between("0 0 9 * * *", chrono_tz::UTC, u - 1, u + 10 * DAY, 3)
            .unwrap()
            .len(),
        3
    );
    assert_eq!(
        cron_between("0 0 9 * * *", chrono_tz::UTC, u, u + 2 * DAY, 10).unwrap(),
        vec![u + DAY, u + 2 * DAY]
    );
    assert_eq!(
        cron_between("0 0 9 * * *", chrono_tz::UTC, u, u, 10).unwrap(),
        Vec::<i64>::new()
    );
    // A year field in the past never fires again.
    assert_eq!(
        next_cron("0 0 9 1 1 * 2020", chrono_tz::UTC, u).unwrap(),
        None
    );
}

#[test]
fn bad_expressions_say_how_to_write_one() {
    let e = next_cron("30 18 * * Tue", Berlin, 0).unwrap_err();
    assert!(
        e.contains("six or seven fields") && e.contains("30 18 * * Tue"),
        "{e}"
    );
    assert!(next_cron("0 61 18 * * *", Berlin, 0).is_err());
    assert!(cron_between("nonsense", Berlin, 0, 1, 1).is_err());
}
