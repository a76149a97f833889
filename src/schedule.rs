//! When each mail of the meeting timeline is due, and when a cron expression fires in a
//! community's time zone (DESIGN.md "The meeting timeline").
//!
//! Pure: no clock, no I/O, nothing from the rest of the crate. Every time is an `i64` of Unix
//! seconds (UTC) and `now` is always an argument (STYLE.md "Own the clock").
//!
//! # Choices
//!
//! **Late scheduling** ([`meeting_jobs`]). A job is never due before the meeting was scheduled.
//! A pre-meeting job whose time had already passed when the meeting was scheduled is *overdue*:
//! - the announcement (the invitation with the .ics) is always sent, at once;
//! - the call for topics is sent at once while the agenda's time is still ahead (there is
//!   still time to gather topics), and dropped once that has passed too;
//! - an overdue agenda or reminder is dropped: sent at the same moment as the invitation,
//!   an agenda would list no answers yet and a reminder would repeat the invitation (the
//!   coordinator can still send an agenda by command).
//!
//! So, with the default offsets: scheduled 10 days ahead → announcement now, call for topics,
//! agenda and reminder on time; 3 days ahead → announcement and call for topics now, agenda
//! and reminder on time; 36 hours ahead → announcement now, reminder on time; 12 hours ahead →
//! the announcement only. The takeaway request and guest follow-up always stay (after the
//! meeting). A meeting scheduled after its start gets no pre-meeting mail. Jobs come back in
//! timeline order and their due times never decrease along it (offsets configured out of order
//! are pushed forward, never reordered).
//!
//! **Grace** ([`deadline`], [`decide`]). A daemon that was down sends a job that fell due while
//! it was away if `now` is still before the job's deadline, and skips it after:
//!
//! | kind | worth sending until |
//! | --- | --- |
//! | announcement, agenda, reminder | the meeting starts |
//! | call for topics | 2 days after it fell due, and never once the meeting started |
//! | takeaway request | 3 days after it fell due |
//! | guest follow-up | 7 days after it fell due |
//! | digest | 1 day after it fell due |
//!
//! A meeting kind given no start time (should not happen) falls back to its due time plus 1 day
//! (announcement, agenda, reminder) or its own grace (the others).
//!
//! **Daylight saving** ([`next_cron`]). A cron expression names wall-clock times in the
//! community's zone, and each wall-clock time fires at most once:
//! - a time that happens twice (clocks go back: 02:30 on 2026-10-25 in Europe/Berlin) fires
//!   once, at its first occurrence (02:30 CEST = 00:30 UTC), as RFC 5545 reads such times;
//! - a time that does not exist (clocks jump forward: 02:30 on 2026-03-29 in Europe/Berlin)
//!   fires at the first valid local time after the gap, 03:00 CEST (01:00 UTC). Several times
//!   inside one gap (02:00, 02:15, … with a 15-minute cron) fire once together then, and a
//!   time that is also 03:00 is the same instant and fires once: no send is doubled.
//!
//! The `cron` crate (0.17) on a chrono-tz zone does neither: it skips non-existent times (the
//! 02:30 job would not run that day at all) and yields both instants of a repeated time (it
//! would run twice). So the expression is evaluated on a zone-less wall clock here and each
//! wall-clock time is mapped to an instant by the rules above.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

const HOUR: i64 = 3600;
const DAY: i64 = 24 * HOUR;

/// One kind of scheduled mail. [`JobKind::as_str`] is also the `X-Roundtable-Kind` header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JobKind {
    Announcement,
    CallForTopics,
    Agenda,
    Reminder,
    TakeawayRequest,
    GuestFollowup,
    Digest,
}

impl JobKind {
    /// Every kind, in timeline order.
    pub const ALL: [JobKind; 7] = [
        JobKind::Announcement,
        JobKind::CallForTopics,
        JobKind::Agenda,
        JobKind::Reminder,
        JobKind::TakeawayRequest,
        JobKind::GuestFollowup,
        JobKind::Digest,
    ];

    /// The stored name, also the `X-Roundtable-Kind` header value.
    pub fn as_str(self) -> &'static str {
        match self {
            JobKind::Announcement => "announcement",
            JobKind::CallForTopics => "call-for-topics",
            JobKind::Agenda => "agenda",
            JobKind::Reminder => "reminder",
            JobKind::TakeawayRequest => "takeaway-request",
            JobKind::GuestFollowup => "guest-followup",
            JobKind::Digest => "digest",
        }
    }

    /// The inverse of [`JobKind::as_str`] (exact names only).
    ///
    /// ```
    /// use roundtable::schedule::JobKind;
    /// assert_eq!(JobKind::parse("call-for-topics"), Some(JobKind::CallForTopics));
    /// assert_eq!(JobKind::parse("invitation"), None);
    /// ```
    pub fn parse(s: &str) -> Option<JobKind> {
        JobKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Sent before the meeting (announcement, call for topics, agenda, reminder).
    pub fn is_before_meeting(self) -> bool {
        matches!(
            self,
            JobKind::Announcement | JobKind::CallForTopics | JobKind::Agenda | JobKind::Reminder
        )
    }
}

impl fmt::Display for JobKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The timeline of one community: how long before the meeting (announce … reminder) or after
/// it (takeaway request, guest follow-up) each mail goes out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Offsets {
    pub announce: Duration,
    pub call_for_topics: Duration,
    pub agenda: Duration,
    /// Before the meeting.
    pub reminder: Duration,
    /// After the meeting.
    pub takeaway_request: Duration,
    /// After the meeting.
    pub guest_followup: Duration,
}

impl Default for Offsets {
    /// DESIGN.md's defaults: 14d, 7d, 2d, 1d before; 2h, 1d after.
    fn default() -> Self {
        Offsets {
            announce: Duration::from_secs(14 * DAY as u64),
            call_for_topics: Duration::from_secs(7 * DAY as u64),
            agenda: Duration::from_secs(2 * DAY as u64),
            reminder: Duration::from_secs(DAY as u64),
            takeaway_request: Duration::from_secs(2 * HOUR as u64),
            guest_followup: Duration::from_secs(DAY as u64),
        }
    }
}

fn secs(d: Duration) -> i64 {
    i64::try_from(d.as_secs()).unwrap_or(i64::MAX)
}

/// The jobs of one meeting starting at `starts_at`, scheduled at `scheduled_at`, with their due
/// times, in timeline order (never [`JobKind::Digest`], which runs on its own cron).
///
/// A job is never due before `scheduled_at`; which overdue pre-meeting jobs are still sent is
/// described in the module docs ("Late scheduling"). Due times never decrease along the list,
/// so a caller that orders by `(due, position)` keeps the announcement first.
///
/// ```
/// use roundtable::schedule::{meeting_jobs, JobKind, Offsets};
/// let day = 86_400;
/// let start = 100 * day;
/// // Scheduled 10 days ahead: the announcement goes out at once, the rest on time.
/// let jobs = meeting_jobs(start, start - 10 * day, &Offsets::default());
/// assert_eq!(jobs[0], (JobKind::Announcement, start - 10 * day));
/// assert_eq!(jobs[1], (JobKind::CallForTopics, start - 7 * day));
/// ```
pub fn meeting_jobs(starts_at: i64, scheduled_at: i64, o: &Offsets) -> Vec<(JobKind, i64)> {
    meeting_jobs_in(starts_at, scheduled_at, o, Tz::UTC)
}

/// [`meeting_jobs`] in the community's zone: whole days of an offset are calendar days at the
/// meeting's local time of day ("14d before" an 18:30 meeting is 18:30 local fourteen days
/// earlier, even across a daylight-saving change); what is left over is exact seconds.
pub fn meeting_jobs_in(
    starts_at: i64,
    scheduled_at: i64,
    o: &Offsets,
    tz: Tz,
) -> Vec<(JobKind, i64)> {
    let before =
        |d: Duration| shift_local(starts_at, tz, -(secs(d) / DAY)).saturating_sub(secs(d) % DAY);
    let after =
        |d: Duration| shift_local(starts_at, tz, secs(d) / DAY).saturating_add(secs(d) % DAY);
    let mut jobs = Vec::with_capacity(6);
    let mut floor = scheduled_at;

    if scheduled_at < starts_at {
        let overdue = |t: i64| t < scheduled_at;
        let agenda_overdue = overdue(before(o.agenda));
        let pre = [
            (JobKind::Announcement, before(o.announce)),
            (JobKind::CallForTopics, before(o.call_for_topics)),
            (JobKind::Agenda, before(o.agenda)),
            (JobKind::Reminder, before(o.reminder)),
        ];
        for (kind, nominal) in pre {
            let keep = match kind {
                JobKind::Announcement => true,
                JobKind::CallForTopics => !overdue(nominal) || !agenda_overdue,
                _ => !overdue(nominal),
            };
            let due = nominal.max(floor);
            // A pre-meeting mail at or after the start (a zero offset pushed forward) is no
            // longer a pre-meeting mail.
            if keep && due < starts_at {
                jobs.push((kind, due));
                floor = due;
            }
        }
    }

    for (kind, nominal) in [
        (JobKind::TakeawayRequest, after(o.takeaway_request)),
        (JobKind::GuestFollowup, after(o.guest_followup)),
    ] {
        let due = nominal.max(floor);
        jobs.push((kind, due));
        floor = due;
    }
    jobs
}

/// `t` moved by `days` calendar days in `tz`, keeping its local time of day; a local time that
/// doesn't exist that day is the first valid one after the gap, one that exists twice the first.
fn shift_local(t: i64, tz: Tz, days: i64) -> i64 {
    if days == 0 {
        return t;
    }
    let Some(local) = DateTime::from_timestamp(t, 0).map(|d| d.with_timezone(&tz).naive_local())
    else {
        return t + days * DAY;
    };
    let Some(target) = local.checked_add_signed(chrono::Duration::days(days)) else {
        return t + days * DAY;
    };
    match tz.from_local_datetime(&target) {
        LocalResult::Single(d) => d.timestamp(),
        LocalResult::Ambiguous(first, _) => first.timestamp(),
        LocalResult::None => {
            // In a gap: step forward a minute at a time to the first valid local time.
            (1..=180)
                .find_map(|m| {
                    tz.from_local_datetime(&(target + chrono::Duration::minutes(m)))
                        .earliest()
                })
                .map(|d| d.timestamp())
                .unwrap_or(t + days * DAY)
        }
    }
}

/// The first moment (exclusive) at which a job of `kind` that fell due at `due` is too late to
/// send; `starts_at` is the meeting's start (`None` for the digest). See the module docs
/// ("Grace") for the table.
pub fn deadline(kind: JobKind, due: i64, starts_at: Option<i64>) -> i64 {
    let grace = |d: i64| due.saturating_add(d);
    match (kind, starts_at) {
        (JobKind::Announcement | JobKind::Agenda | JobKind::Reminder, Some(start)) => start,
        (JobKind::Announcement | JobKind::Agenda | JobKind::Reminder, None) => grace(DAY),
        (JobKind::CallForTopics, Some(start)) => grace(2 * DAY).min(start),
        (JobKind::CallForTopics, None) => grace(2 * DAY),
        (JobKind::TakeawayRequest, _) => grace(3 * DAY),
        (JobKind::GuestFollowup, _) => grace(7 * DAY),
        (JobKind::Digest, _) => grace(DAY),
    }
}

/// What to do with a job at `now`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Decision {
    /// `now` is before `due`.
    NotYet,
    /// Due, and still worth sending: send it (once).
    Send,
    /// Fell due, but `now` is past its [`deadline`]: skip it, with a log line.
    TooLate,
}

/// Whether a job that fell due at `due` should be sent at `now`.
///
/// ```
/// use roundtable::schedule::{decide, Decision, JobKind};
/// let start = 1_000_000;
/// let due = start - 86_400;
/// assert_eq!(decide(JobKind::Reminder, due, Some(start), due - 1), Decision::NotYet);
/// assert_eq!(decide(JobKind::Reminder, due, Some(start), due + 3600), Decision::Send);
/// // The daemon came back after the meeting started: a reminder makes no sense any more.
/// assert_eq!(decide(JobKind::Reminder, due, Some(start), start), Decision::TooLate);
/// ```
pub fn decide(kind: JobKind, due: i64, starts_at: Option<i64>, now: i64) -> Decision {
    if now < due {
        Decision::NotYet
    } else if now < deadline(kind, due, starts_at) {
        Decision::Send
    } else {
        Decision::TooLate
    }
}

/// How many wall-clock candidates one search may look at before giving up. Only candidates
/// inside the repeated hour of a fall-back change are ever passed over (an every-second
/// expression passes 3,600 there), so this is far above any real need.
const MAX_CANDIDATES: usize = 200_000;

fn parse_cron(expr: &str) -> Result<cron::Schedule, String> {
    cron::Schedule::from_str(expr.trim()).map_err(|e| {
        format!(
            "cron expression {expr:?} is not valid ({e}): write six or seven fields, seconds first \
             (sec min hour day-of-month month day-of-week [year]), e.g. \"0 30 18 1-7 * Tue\" for \
             18:30 on the first Tuesday of each month"
        )
    })
}

fn utc(t: i64) -> Result<DateTime<Utc>, String> {
    DateTime::from_timestamp(t, 0).ok_or_else(|| format!("time {t} is out of range"))
}

/// The instant a wall-clock time in `tz` stands for: the only one, the first of two (clocks
/// went back), or the end of the gap it falls in (clocks jumped forward).
fn instant_of(tz: Tz, local: NaiveDateTime) -> i64 {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => t.timestamp(),
        LocalResult::Ambiguous(a, b) => a.timestamp().min(b.timestamp()),
        LocalResult::None => end_of_gap(tz, local),
    }
}

/// The first instant whose wall-clock time in `tz` is at or after `local`, for a `local` inside
/// a gap: that is the moment the clocks jumped (03:00 CEST for 02:30 on Berlin's spring day).
fn end_of_gap(tz: Tz, local: NaiveDateTime) -> i64 {
    let wall = local.and_utc().timestamp();
    let local_at = |t: i64| match DateTime::from_timestamp(t, 0) {
        Some(u) => u.with_timezone(&tz).naive_local(),
        None => NaiveDateTime::MAX,
    };
    // UTC offsets stay within ±1 day, so 2 days either side brackets the jump.
    let (mut lo, mut hi) = (wall - 2 * DAY, wall + 2 * DAY);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if local_at(mid) >= local {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi
}

fn next_after(schedule: &cron::Schedule, tz: Tz, after: i64) -> Result<Option<i64>, String> {
    // Walk the expression's wall-clock times on a zone-less clock (UTC standing for "naive"),
    // starting at the wall-clock time of `after`. Mapping wall-clock times to instants never
    // goes backwards, so the first candidate that lands after `after` is the answer; only times
    // of a repeated hour that were already passed land at or before it.
    let wall = utc(after)?.with_timezone(&tz).naive_local().and_utc();
    for candidate in schedule.after(&wall).take(MAX_CANDIDATES) {
        let t = instant_of(tz, candidate.naive_utc());
        if t > after {
            return Ok(Some(t));
        }
    }
    match schedule.after(&wall).nth(MAX_CANDIDATES) {
        None => Ok(None),
        Some(_) => Err(format!(
            "cron expression {:?}: no occurrence after {after} within {MAX_CANDIDATES} candidates",
            schedule.source()
        )),
    }
}

/// The next time the 6- or 7-field cron expression `expr` (seconds first; day-of-month AND
/// day-of-week, as the `cron` crate reads them) fires in the zone `tz`, strictly after `after`.
/// `Ok(None)` when it never fires again (e.g. a year field in the past). Daylight-saving
/// changes are handled as the module docs say: never moved, dropped or doubled.
///
/// ```
/// use roundtable::schedule::next_cron;
/// // 2026-10-01T00:00:00Z → the first Tuesday of October at 18:30 in Berlin (CEST, UTC+2).
/// let t = next_cron("0 30 18 1-7 * Tue", chrono_tz::Europe::Berlin, 1_790_812_800).unwrap();
/// assert_eq!(t, Some(1_791_304_200)); // 2026-10-06T16:30:00Z
/// ```
pub fn next_cron(expr: &str, tz: Tz, after: i64) -> Result<Option<i64>, String> {
    next_after(&parse_cron(expr)?, tz, after)
}

/// Every time `expr` fires in `tz` within `(from, to]`, in order, at most `limit` of them: the
/// occurrences of a `meeting_cron` to materialise as meetings.
pub fn cron_between(
    expr: &str,
    tz: Tz,
    from: i64,
    to: i64,
    limit: usize,
) -> Result<Vec<i64>, String> {
    let schedule = parse_cron(expr)?;
    let mut out = Vec::new();
    let mut t = from;
    while out.len() < limit {
        match next_after(&schedule, tz, t)? {
            Some(next) if next <= to => {
                out.push(next);
                t = next;
            }
            _ => break,
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
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
}
