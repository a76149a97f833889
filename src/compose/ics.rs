//! iCalendar invitations and cancellations (RFC 5545, iTIP RFC 5546) for the text/calendar
//! part of announcements, invitations and changes.
//!
//! Pure: the caller gives every time (`dtstamp` is its `now`); nothing from the rest of the
//! crate. Built with the `icalendar` crate, with three things it does not do (or not right):
//!
//! - **VTIMEZONE.** Times are sent as local time with a `TZID`, so the invitation must define
//!   that zone (DESIGN.md: "Always send VTIMEZONE, … or meetings land hours off"). The crate
//!   has no VTIMEZONE and adds a `DTSTAMP` and a random `UID` to any component it writes, so
//!   [`vtimezone`] writes it from chrono-tz's offsets: the transitions of the event's year and
//!   the years either side are found by scanning and bisecting; where they follow one yearly
//!   rule (the n-th or last weekday of a month at a fixed local time, as in Europe, North
//!   America and Australia) it is one STANDARD and one DAYLIGHT with an `RRULE`, otherwise
//!   each transition is its own observance, and a zone without any is one STANDARD.
//! - **Folding.** The crate's folder lets a continuation line reach 76 octets; the whole
//!   calendar is refolded here at 75 octets on character boundaries, CRLF line ends.
//! - **Injection.** The crate escapes TEXT values (`\\`, `;`, `,`, newline) but passes a bare
//!   carriage return through, writes URI and address values and parameter values (`CN=`) as
//!   given, and emits a parameter value that starts and ends with `"` unquoted. So every value
//!   is cleaned first: line breaks in text become `\n` escapes, in names and addresses spaces
//!   or nothing, other control characters and `"` in parameters are dropped: nothing the
//!   caller passes can start a new line, property or parameter.
//!
//! A local start or end time that happens twice (the hour the clocks go back) is written in
//! UTC (`…Z`) when it means the second occurrence, since `TZID` times mean the first.

use std::fmt::Write as _;
use std::time::Duration;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc, Weekday};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use icalendar::{CalendarDateTime, Component, EventLike, EventStatus, Property};

/// `PRODID` of everything we send.
pub const PRODID: &str = "-//roundtable//roundtable meeting invitations//EN";

/// One meeting as one person's calendar sees it.
#[derive(Clone, Debug)]
pub struct Event<'a> {
    /// Stable per meeting: every update and the cancellation carry the same one.
    pub uid: &'a str,
    /// Bumped by the caller on every change (RFC 5546 §2.1.4); the first invitation sends 0.
    pub sequence: i64,
    /// When this version was made (the caller's `now`), Unix seconds.
    pub dtstamp: i64,
    /// Unix seconds.
    pub starts_at: i64,
    pub duration: Duration,
    /// The community's zone: times are shown there.
    pub tz: Tz,
    pub summary: &'a str,
    pub description: &'a str,
    pub location: Option<&'a str>,
    pub url: Option<&'a str>,
    pub organizer_name: &'a str,
    /// The list address.
    pub organizer_email: &'a str,
    pub attendee_email: &'a str,
    pub attendee_name: Option<&'a str>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Method {
    Request,
    Cancel,
}

/// `METHOD:REQUEST`: the invitation (or an update of it, with a higher `sequence`), asking the
/// attendee to answer (`RSVP=TRUE`, `PARTSTAT=NEEDS-ACTION`), with a VTIMEZONE for `e.tz`.
///
/// ```
/// use roundtable::compose::ics::{request, Event};
/// let e = Event {
///     uid: "meeting-7@rt.test", sequence: 0, dtstamp: 1_790_000_000,
///     starts_at: 1_792_513_800, // 2026-10-20T16:30:00Z
///     duration: std::time::Duration::from_secs(2 * 3600), tz: chrono_tz::Europe::Berlin,
///     summary: "Design round table", description: "Bring a problem.", location: None, url: None,
///     organizer_name: "Design CP", organizer_email: "design@rt.test",
///     attendee_email: "ada@example.org", attendee_name: Some("Ada"),
/// };
/// let ics = request(&e);
/// assert!(ics.contains("\r\nMETHOD:REQUEST\r\n"));
/// assert!(ics.contains("\r\nDTSTART;TZID=Europe/Berlin:20261020T183000\r\n"));
/// assert!(ics.contains("\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"));
/// ```
pub fn request(e: &Event) -> String {
    build(e, Method::Request)
}

/// `METHOD:CANCEL` with `STATUS:CANCELLED` and the same `UID` (the caller bumps `sequence`).
pub fn cancel(e: &Event) -> String {
    build(e, Method::Cancel)
}

fn build(e: &Event, method: Method) -> String {
    let mut cal = icalendar::Calendar::empty();
    cal.append_property(Property::new("PRODID", PRODID));
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    cal.append_property(Property::new(
        "METHOD",
        match method {
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        },
    ));

    let ends_at = e
        .starts_at
        .saturating_add(i64::try_from(e.duration.as_secs()).unwrap_or(i64::MAX));
    let mut ev = icalendar::Event::new();
    ev.uid(&text(e.uid))
        .add_property("SEQUENCE", e.sequence.max(0).to_string())
        .timestamp(utc(e.dtstamp))
        .starts(date_time(e.starts_at, e.tz))
        .ends(date_time(ends_at, e.tz))
        .summary(&text(e.summary))
        .status(match method {
            Method::Request => EventStatus::Confirmed,
            Method::Cancel => EventStatus::Cancelled,
        });
    if !e.description.trim().is_empty() {
        ev.description(&text(e.description));
    }
    if let Some(l) = e.location.map(text).filter(|l| !l.trim().is_empty()) {
        ev.location(&l);
    }
    if let Some(u) = e.url.map(uri).filter(|u| !u.is_empty()) {
        ev.url(&u);
    }
    ev.append_property(with_cn(
        Property::new("ORGANIZER", mailto(e.organizer_email)),
        Some(e.organizer_name),
    ));
    let mut attendee = with_cn(
        Property::new("ATTENDEE", mailto(e.attendee_email)),
        e.attendee_name,
    );
    attendee.add_parameter("ROLE", "REQ-PARTICIPANT");
    if method == Method::Request {
        attendee
            .add_parameter("PARTSTAT", "NEEDS-ACTION")
            .add_parameter("RSVP", "TRUE");
    }
    ev.append_multi_property(attendee);
    cal.push(ev.done());

    // The zone goes before the event that refers to it (the crate cannot write it, see above).
    let written = cal.to_string();
    let zone = vtimezone(e.tz, e.starts_at, ends_at);
    let spliced = match written.find("BEGIN:VEVENT\r\n") {
        Some(i) => format!("{}{}{}", &written[..i], zone, &written[i..]),
        None => written, // unreachable: we pushed one event
    };
    refold(&spliced)
}

fn with_cn(mut p: Property, name: Option<&str>) -> Property {
    if let Some(n) = name.map(param).filter(|n| !n.is_empty()) {
        p.add_parameter("CN", &n);
    }
    p
}

fn utc(t: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(t, 0).unwrap_or_default()
}

/// `DTSTART;TZID=<zone>:<local>`, unless the local time is ambiguous and means its second
/// occurrence, which only UTC can say.
fn date_time(t: i64, tz: Tz) -> CalendarDateTime {
    let at = utc(t);
    let local = at.with_timezone(&tz).naive_local();
    let first = tz
        .from_local_datetime(&local)
        .earliest()
        .map(|d| d.timestamp());
    if first == Some(at.timestamp()) {
        CalendarDateTime::WithTimezone {
            date_time: local,
            tzid: tz.name().to_string(),
        }
    } else {
        CalendarDateTime::Utc(at)
    }
}

/// A TEXT value before the crate escapes it: one kind of line break (`\n`, which it escapes),
/// no other control characters but tab.
fn text(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

/// A parameter value (`CN`): one line, no control characters, no `"` (RFC 5545 §3.1 allows
/// none inside a quoted parameter value).
fn param(s: &str) -> String {
    let one_line: String = s
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|&c| !c.is_control() && c != '"')
        .collect();
    one_line
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A URI value (the crate writes it unescaped): no whitespace or control characters.
fn uri(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect()
}

fn mailto(address: &str) -> String {
    let a = uri(address);
    if a.len() >= 7 && a[..7].eq_ignore_ascii_case("mailto:") {
        a
    } else {
        format!("mailto:{a}")
    }
}

/// Unfolds what the crate folded and folds every content line again at 75 octets (RFC 5545
/// §3.1), never inside a UTF-8 character; CRLF line ends.
fn refold(s: &str) -> String {
    let unfolded = s.replace("\r\n ", "");
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 25);
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        let mut rest = line;
        let mut limit = 75;
        loop {
            if rest.len() <= limit {
                out.push_str(rest);
                out.push_str("\r\n");
                break;
            }
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            limit = 74; // the leading space takes one octet
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// VTIMEZONE
// ---------------------------------------------------------------------------------------------

/// The zone's offset at one instant.
#[derive(Clone, Debug, PartialEq)]
struct Observance {
    /// Seconds east of UTC.
    total: i32,
    daylight: bool,
    name: Option<String>,
}

fn observance(tz: Tz, t: i64) -> Observance {
    let off = tz.offset_from_utc_datetime(&utc(t).naive_utc());
    Observance {
        total: off.fix().local_minus_utc(),
        daylight: off.dst_offset().num_seconds() != 0,
        name: off.abbreviation().map(str::to_string),
    }
}

/// A change of the zone's UTC offset.
#[derive(Clone, Debug)]
struct Transition {
    /// The first instant of the new offset.
    at: i64,
    from: Observance,
    to: Observance,
}

impl Transition {
    /// The onset as RFC 5545 writes it: local time in the offset before the change.
    fn onset(&self) -> NaiveDateTime {
        utc(self.at + i64::from(self.from.total)).naive_utc()
    }
}

/// Every change of UTC offset in `[from, to)`, found by stepping 6 hours and bisecting.
fn transitions(tz: Tz, from: i64, to: i64) -> Vec<Transition> {
    const STEP: i64 = 6 * 3600;
    let total = |t: i64| observance(tz, t).total;
    let mut out = Vec::new();
    let mut prev = from;
    while prev < to {
        let next = (prev + STEP).min(to);
        if total(next) != total(prev) {
            let (mut lo, mut hi) = (prev, next);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if total(mid) == total(prev) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            out.push(Transition {
                at: hi,
                from: observance(tz, lo),
                to: observance(tz, hi),
            });
        }
        prev = next;
    }
    out
}

fn year_start(year: i32) -> i64 {
    NaiveDate::from_ymd_opt(year, 1, 1).map_or(0, |d| {
        d.and_hms_opt(0, 0, 0)
            .unwrap_or_default()
            .and_utc()
            .timestamp()
    })
}

/// A VTIMEZONE for `tz` that is right for every time in `[start, end]` (Unix seconds): it covers
/// the years of both and the year before and after. Written as text, CRLF line ends.
pub fn vtimezone(tz: Tz, start: i64, end: i64) -> String {
    let first_year = utc(start).with_timezone(&tz).year() - 1;
    let last_year = utc(end.max(start)).with_timezone(&tz).year() + 1;
    let window = (year_start(first_year), year_start(last_year + 1));
    let changes = transitions(tz, window.0, window.1);

    let mut out = String::new();
    let _ = write!(out, "BEGIN:VTIMEZONE\r\nTZID:{}\r\n", tz.name());
    if changes.is_empty() {
        // No daylight saving (Asia/Kolkata, UTC): one observance since forever.
        let o = observance(tz, start);
        write_observance(&mut out, "STANDARD", epoch_local(), None, &o, &o);
    } else if let Some(rules) = yearly_rules(&changes, first_year, last_year) {
        for (t, rule) in rules {
            let kind = if t.to.daylight {
                "DAYLIGHT"
            } else {
                "STANDARD"
            };
            write_observance(&mut out, kind, t.onset(), Some(&rule), &t.from, &t.to);
        }
    } else {
        // Irregular: the offset in force at the start of the window, then each change.
        let o = observance(tz, window.0);
        let kind = if o.daylight { "DAYLIGHT" } else { "STANDARD" };
        let local_start = utc(window.0 + i64::from(o.total)).naive_utc();
        write_observance(&mut out, kind, local_start, None, &o, &o);
        for t in &changes {
            let kind = if t.to.daylight {
                "DAYLIGHT"
            } else {
                "STANDARD"
            };
            write_observance(&mut out, kind, t.onset(), None, &t.from, &t.to);
        }
    }
    out.push_str("END:VTIMEZONE\r\n");
    out
}

fn epoch_local() -> NaiveDateTime {
    DateTime::UNIX_EPOCH.naive_utc()
}

fn write_observance(
    out: &mut String,
    kind: &str,
    onset: NaiveDateTime,
    rrule: Option<&str>,
    from: &Observance,
    to: &Observance,
) {
    let _ = write!(
        out,
        "BEGIN:{kind}\r\nDTSTART:{}\r\n",
        onset.format("%Y%m%dT%H%M%S")
    );
    if let Some(r) = rrule {
        let _ = write!(out, "RRULE:{r}\r\n");
    }
    let _ = write!(
        out,
        "TZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\n",
        utc_offset(from.total),
        utc_offset(to.total)
    );
    if let Some(name) = to
        .name
        .as_deref()
        .map(|n| text(n).replace(['\n', '\\', ';', ','], ""))
        .filter(|n| !n.is_empty())
    {
        let _ = write!(out, "TZNAME:{name}\r\n");
    }
    let _ = write!(out, "END:{kind}\r\n");
}

/// `+0100`, `-0500`, `+0530`, `+0000`; seconds only when there are some (old LMT offsets).
fn utc_offset(secs: i32) -> String {
    let sign = if secs < 0 { '-' } else { '+' };
    let s = secs.unsigned_abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

fn ical_weekday(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next.and_then(|n| n.pred_opt()).map_or(31, |d| d.day())
}

/// The positions (`BYDAY` prefixes) that describe a date within its month: its n-th weekday
/// (1–5) and, in the month's last week, also -1.
fn positions(d: NaiveDate) -> Vec<i32> {
    let mut p = vec![(d.day() as i32 - 1) / 7 + 1];
    if d.day() + 7 > days_in_month(d.year(), d.month()) {
        p.push(-1);
    }
    p
}

/// When the changes of every year in `first..=last` are one change into daylight time and one
/// out of it, each on the same n-th (or last) weekday of the same month at the same local time
/// between the same offsets: those two changes (of the first year) with their RRULEs.
fn yearly_rules(
    changes: &[Transition],
    first: i32,
    last: i32,
) -> Option<Vec<(Transition, String)>> {
    let mut rules = Vec::new();
    for daylight in [false, true] {
        let of_kind: Vec<&Transition> = changes
            .iter()
            .filter(|t| t.to.daylight == daylight)
            .collect();
        let years: Vec<i32> = of_kind.iter().map(|t| t.onset().year()).collect();
        if years != (first..=last).collect::<Vec<_>>() {
            return None;
        }
        let head = of_kind[0];
        let (d0, time0) = (head.onset().date(), head.onset().time());
        let mut common = positions(d0);
        for t in &of_kind {
            let d = t.onset().date();
            if t.onset().time() != time0
                || d.month() != d0.month()
                || d.weekday() != d0.weekday()
                || t.from.total != head.from.total
                || t.to.total != head.to.total
            {
                return None;
            }
            let p = positions(d);
            common.retain(|x| p.contains(x));
        }
        let n = *common.first()?;
        rules.push((
            head.clone(),
            format!(
                "FREQ=YEARLY;BYMONTH={};BYDAY={n}{}",
                d0.month(),
                ical_weekday(d0.weekday())
            ),
        ));
    }
    Some(rules)
}

#[cfg(test)]
mod tests;
