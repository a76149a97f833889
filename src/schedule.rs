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

pub mod rhythm;

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
    /// The day's posts to the members whose delivery is DIGEST (issue 15).
    PostDigest,
}

impl JobKind {
    /// Every kind, in timeline order.
    pub const ALL: [JobKind; 8] = [
        JobKind::Announcement,
        JobKind::CallForTopics,
        JobKind::Agenda,
        JobKind::Reminder,
        JobKind::TakeawayRequest,
        JobKind::GuestFollowup,
        JobKind::Digest,
        JobKind::PostDigest,
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
            JobKind::PostDigest => "post-digest",
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
        // A post digest skipped leaves its posts for the next one: nothing is lost.
        (JobKind::PostDigest, _) => grace(DAY),
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
mod tests;
