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
mod tests {
    use super::*;
    use chrono_tz::America::New_York;
    use chrono_tz::Asia::Kolkata;
    use chrono_tz::Australia::Sydney;
    use chrono_tz::Europe::Berlin;

    const HOUR: i64 = 3600;
    const DAY: i64 = 24 * HOUR;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> i64 {
        NaiveDate::from_ymd_opt(y, mo, d)
            .unwrap()
            .and_hms_opt(h, mi, 0)
            .unwrap()
            .and_utc()
            .timestamp()
    }

    fn event<'a>(uid: &'a str, starts_at: i64, tz: Tz) -> Event<'a> {
        Event {
            uid,
            sequence: 0,
            dtstamp: at(2026, 10, 1, 8, 0),
            starts_at,
            duration: Duration::from_secs(2 * 3600),
            tz,
            summary: "Design round table",
            description: "Bring a problem you are stuck on.\nWe start on time.",
            location: Some("Room 4, Werkstatt; Kastanienallee 12"),
            url: Some("https://rt.test/design"),
            organizer_name: "Design CP",
            organizer_email: "design@rt.test",
            attendee_email: "ada@example.org",
            attendee_name: Some("Ada Lovelace"),
        }
    }

    /// The unfolded content lines.
    fn lines(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "")
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    }

    fn has(ics: &str, line: &str) -> bool {
        lines(ics).iter().any(|l| l == line)
    }

    fn zone_lines(tz: Tz, t: i64) -> Vec<String> {
        lines(&vtimezone(tz, t, t + 2 * HOUR))
    }

    #[test]
    fn request_has_every_property_of_an_invitation() {
        let ics = request(&event(
            "meeting-7@rt.test",
            at(2026, 10, 20, 16, 30),
            Berlin,
        ));
        let l = lines(&ics);
        assert_eq!(l.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
        assert_eq!(l.last().map(String::as_str), Some("END:VCALENDAR"));
        for want in [
            "METHOD:REQUEST",
            "VERSION:2.0",
            &format!("PRODID:{PRODID}"),
            "UID:meeting-7@rt.test",
            "SEQUENCE:0",
            "DTSTAMP:20261001T080000Z",
            "DTSTART;TZID=Europe/Berlin:20261020T183000",
            "DTEND;TZID=Europe/Berlin:20261020T203000",
            "SUMMARY:Design round table",
            r"DESCRIPTION:Bring a problem you are stuck on.\nWe start on time.",
            r"LOCATION:Room 4\, Werkstatt\; Kastanienallee 12",
            "URL:https://rt.test/design",
            "ORGANIZER;CN=Design CP:mailto:design@rt.test",
            "ATTENDEE;CN=Ada Lovelace;PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:ada@example.org",
            "STATUS:CONFIRMED",
            "TZID:Europe/Berlin",
        ] {
            assert!(l.iter().any(|x| x == want), "missing {want:?} in\n{ics}");
        }
        // One event, one zone, defined before the event; no stray DTSTAMP/UID in the zone.
        let count = |s: &str| l.iter().filter(|x| *x == s).count();
        assert_eq!((count("BEGIN:VEVENT"), count("BEGIN:VTIMEZONE")), (1, 1));
        let pos = |s: &str| l.iter().position(|x| x == s).unwrap();
        assert!(pos("END:VTIMEZONE") < pos("BEGIN:VEVENT"));
        assert_eq!(
            l.iter()
                .filter(|x| x.starts_with("DTSTAMP") || x.starts_with("UID"))
                .count(),
            2
        );
        // Every line ends in CRLF; no bare CR or LF anywhere.
        assert!(ics.ends_with("\r\n"));
        assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count());
        assert_eq!(ics.matches('\r').count(), ics.matches("\r\n").count());
        // Same input, same bytes (nothing reads the clock or a random source).
        assert_eq!(
            ics,
            request(&event(
                "meeting-7@rt.test",
                at(2026, 10, 20, 16, 30),
                Berlin
            ))
        );
    }

    #[test]
    fn cancel_keeps_the_uid_and_says_cancelled() {
        let mut e = event("meeting-7@rt.test", at(2026, 10, 20, 16, 30), Berlin);
        e.sequence = 3;
        let ics = cancel(&e);
        for want in [
            "METHOD:CANCEL",
            "STATUS:CANCELLED",
            "UID:meeting-7@rt.test",
            "SEQUENCE:3",
            "TZID:Europe/Berlin",
        ] {
            assert!(has(&ics, want), "missing {want:?} in\n{ics}");
        }
        assert!(
            has(
                &ics,
                "ATTENDEE;CN=Ada Lovelace;ROLE=REQ-PARTICIPANT:mailto:ada@example.org"
            ),
            "{ics}"
        );
        assert!(
            !ics.contains("RSVP=TRUE")
                && !ics.contains("METHOD:REQUEST")
                && !ics.contains("CONFIRMED")
        );
    }

    #[test]
    fn optional_parts_are_left_out() {
        let mut e = event("m@rt.test", at(2026, 10, 20, 16, 30), Berlin);
        e.location = None;
        e.url = Some("  ");
        e.description = "";
        e.attendee_name = None;
        e.organizer_name = "";
        e.sequence = -5;
        let ics = request(&e);
        assert!(
            !ics.contains("LOCATION") && !ics.contains("URL") && !ics.contains("DESCRIPTION"),
            "{ics}"
        );
        assert!(has(&ics, "ORGANIZER:mailto:design@rt.test"), "{ics}");
        assert!(
            has(&ics, "ATTENDEE;PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:ada@example.org"),
            "{ics}"
        );
        assert!(has(&ics, "SEQUENCE:0"), "{ics}");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let mut e = event("m@rt.test", at(2026, 10, 20, 16, 30), Berlin);
        let long = format!(
            "{}{}",
            "x".repeat(142),
            "Überraschung für alle – ünd mehr ".repeat(9)
        );
        e.summary = &long;
        let description = "Zeile eins, ä ö ü ß 😀 ".repeat(40);
        e.description = &description;
        for n in 60..160 {
            // Every length around the crate's off-by-one (a 150-octet line).
            let s = "y".repeat(n);
            let mut f = e.clone();
            f.summary = &s;
            let ics = request(&f);
            assert!(ics.split("\r\n").all(|l| l.len() <= 75), "{n}: {ics}");
            assert!(has(&ics, &format!("SUMMARY:{s}")));
        }
        let ics = request(&e);
        for l in ics.split("\r\n") {
            assert!(l.len() <= 75, "{} octets: {l:?}", l.len());
        }
        assert!(has(&ics, &format!("SUMMARY:{long}")));
        assert!(has(
            &ics,
            &format!("DESCRIPTION:{}", description.replace(',', r"\,"))
        ));
    }

    #[test]
    fn nothing_passed_in_can_start_a_new_property_or_parameter() {
        let mut e = event(
            "m@rt.test\r\nMETHOD:PUBLISH",
            at(2026, 10, 20, 16, 30),
            Berlin,
        );
        e.summary = "Hi\r\nATTENDEE:mailto:evil@x.test\rBEGIN:VALARM\n, ; \\ done";
        e.location = Some("Room\r\nDTSTART:19700101T000000Z");
        e.description = "line\rtwo\u{0}\u{7}";
        e.url = Some("https://rt.test/x\r\nORGANIZER:mailto:evil@x.test");
        e.organizer_name = "List\"; SENT-BY=\"mailto:evil@x.test";
        e.attendee_name = Some("\"Eve\";ROLE=CHAIR;X=\"");
        e.attendee_email = "eve@example.org\r\nATTENDEE:mailto:evil@x.test";
        e.organizer_email = "design@rt.test\nX-INJECTED:1";
        let ics = request(&e);
        let l = lines(&ics);
        let keys: Vec<&str> = l
            .iter()
            .map(|x| x.split([':', ';']).next().unwrap())
            .collect();
        let mut expected = vec![
            "BEGIN",
            "PRODID",
            "VERSION",
            "CALSCALE",
            "METHOD",
            "BEGIN",
            "TZID",
            "BEGIN",
            "DTSTART",
            "RRULE",
            "TZOFFSETFROM",
            "TZOFFSETTO",
            "TZNAME",
            "END",
            "BEGIN",
            "DTSTART",
            "RRULE",
            "TZOFFSETFROM",
            "TZOFFSETTO",
            "TZNAME",
            "END",
            "END",
            "BEGIN",
        ];
        expected.extend([
            "DESCRIPTION",
            "DTEND",
            "DTSTAMP",
            "DTSTART",
            "LOCATION",
            "ORGANIZER",
            "SEQUENCE",
            "STATUS",
            "SUMMARY",
            "UID",
            "URL",
            "ATTENDEE",
            "END",
            "END",
        ]);
        assert_eq!(keys, expected, "{ics}");
        assert!(
            has(
                &ics,
                r"SUMMARY:Hi\nATTENDEE:mailto:evil@x.test\nBEGIN:VALARM\n\, \; \\ done"
            ),
            "{ics}"
        );
        assert!(has(&ics, r"UID:m@rt.test\nMETHOD:PUBLISH"), "{ics}");
        assert!(has(&ics, r"DESCRIPTION:line\ntwo"), "{ics}");
        assert!(
            has(&ics, "ORGANIZER;CN=\"List; SENT-BY=mailto:evil@x.test\":mailto:design@rt.testX-INJECTED:1"),
            "{ics}"
        );
        assert!(
            has(&ics, "ATTENDEE;CN=\"Eve;ROLE=CHAIR;X=\";PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:eve@example.orgATTENDEE:mailto:evil@x.test"),
            "{ics}"
        );
        assert_eq!(l.iter().filter(|x| x.starts_with("METHOD")).count(), 1);
    }

    #[test]
    fn berlin_zone_is_two_yearly_rules() {
        assert_eq!(
            zone_lines(Berlin, at(2026, 10, 20, 16, 30)),
            [
                "BEGIN:VTIMEZONE",
                "TZID:Europe/Berlin",
                "BEGIN:STANDARD",
                "DTSTART:20251026T030000",
                "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
                "TZOFFSETFROM:+0200",
                "TZOFFSETTO:+0100",
                "TZNAME:CET",
                "END:STANDARD",
                "BEGIN:DAYLIGHT",
                "DTSTART:20250330T020000",
                "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
                "TZOFFSETFROM:+0100",
                "TZOFFSETTO:+0200",
                "TZNAME:CEST",
                "END:DAYLIGHT",
                "END:VTIMEZONE",
            ]
        );
    }

    #[test]
    fn new_york_zone_is_second_sunday_of_march_and_first_of_november() {
        let l = zone_lines(New_York, at(2026, 11, 10, 23, 0));
        let joined = l.join("\n");
        for want in [
            "DTSTART:20251102T020000\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\nTZOFFSETFROM:-0400\nTZOFFSETTO:-0500\nTZNAME:EST",
            "DTSTART:20250309T020000\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\nTZOFFSETFROM:-0500\nTZOFFSETTO:-0400\nTZNAME:EDT",
        ] {
            assert!(joined.contains(want), "{joined}");
        }
    }

    #[test]
    fn sydney_zone_is_southern() {
        let l = zone_lines(Sydney, at(2026, 6, 1, 8, 0));
        let joined = l.join("\n");
        for want in [
            // Clocks go back on the first Sunday of April at 03:00 AEDT, forward on the first
            // Sunday of October at 02:00 AEST.
            "BEGIN:STANDARD\nDTSTART:20250406T030000\nRRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU\nTZOFFSETFROM:+1100\nTZOFFSETTO:+1000\nTZNAME:AEST",
            "BEGIN:DAYLIGHT\nDTSTART:20251005T020000\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU\nTZOFFSETFROM:+1000\nTZOFFSETTO:+1100\nTZNAME:AEDT",
        ] {
            assert!(joined.contains(want), "{joined}");
        }
    }

    #[test]
    fn zones_without_daylight_saving_are_one_standard() {
        for (tz, offset, name) in [(Kolkata, "+0530", "IST"), (chrono_tz::UTC, "+0000", "UTC")] {
            assert_eq!(
                zone_lines(tz, at(2026, 10, 20, 12, 0)),
                [
                    "BEGIN:VTIMEZONE".to_string(),
                    format!("TZID:{}", tz.name()),
                    "BEGIN:STANDARD".into(),
                    "DTSTART:19700101T000000".into(),
                    format!("TZOFFSETFROM:{offset}"),
                    format!("TZOFFSETTO:{offset}"),
                    format!("TZNAME:{name}"),
                    "END:STANDARD".into(),
                    "END:VTIMEZONE".into(),
                ]
            );
        }
    }

    #[test]
    fn irregular_zones_list_each_change() {
        // Samoa: daylight saving until April 2021 (3 changes in 2020–2022), none since; Casablanca: suspended for
        // Ramadan (moves every year). Neither is one yearly rule.
        for (tz, year, changes) in [
            (chrono_tz::Pacific::Apia, 2021, 3),
            (chrono_tz::Africa::Casablanca, 2026, 6),
        ] {
            let l = zone_lines(tz, at(year, 6, 1, 12, 0));
            assert!(!l.iter().any(|x| x.starts_with("RRULE")), "{l:?}");
            let onsets = l.iter().filter(|x| x.starts_with("DTSTART")).count();
            assert_eq!(onsets, 1 + changes, "{tz}: {l:#?}");
        }
    }

    #[test]
    fn a_start_in_the_repeated_hour_uses_utc_when_it_means_the_second_one() {
        // Berlin 2026-10-25: 02:30 CEST = 00:30Z, 02:30 CET = 01:30Z.
        let first = request(&event("m", at(2026, 10, 25, 0, 30), Berlin));
        assert!(
            has(&first, "DTSTART;TZID=Europe/Berlin:20261025T023000"),
            "{first}"
        );
        let second = request(&event("m", at(2026, 10, 25, 1, 30), Berlin));
        assert!(has(&second, "DTSTART:20261025T013000Z"), "{second}");
        assert!(
            has(&second, "DTEND;TZID=Europe/Berlin:20261025T043000"),
            "{second}"
        );
    }

    #[test]
    fn a_meeting_across_new_year_covers_both_years() {
        let l = zone_lines(Berlin, at(2026, 12, 31, 22, 0));
        assert!(l.contains(&"DTSTART:20251026T030000".to_string()), "{l:?}");
        let v = vtimezone(Berlin, at(2026, 12, 31, 22, 0), at(2027, 1, 1, 2, 0));
        assert!(v.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"), "{v}");
    }

    // -----------------------------------------------------------------------------------------
    // Independent check: Python's `icalendar` reads what we write.
    // -----------------------------------------------------------------------------------------

    /// Reads each file with Python's icalendar and prints, tab-separated: METHOD, UID,
    /// SEQUENCE, STATUS; DTSTART and DTEND as Unix seconds (local time + TZID → zoneinfo, or
    /// UTC); DTSTART read through the VTIMEZONE we sent instead of the TZID's name; how many
    /// hours of the event's year our VTIMEZONE and zoneinfo give different offsets (leaving
    /// out local times that do not exist or happen twice); SUMMARY, LOCATION and the
    /// attendee's CN as UTF-8 hex.
    const READ_BACK: &str = r#"
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo
import icalendar

def instant(prop, tz=None):
    tzid = prop.params.get("TZID")
    if not tzid:
        return int(prop.dt.timestamp())
    return int(prop.dt.replace(tzinfo=tz or ZoneInfo(str(tzid))).timestamp())

def hx(v):
    return str(v).encode().hex() or "-"

for path in sys.argv[1:]:
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    events, zones = cal.walk("VEVENT"), cal.walk("VTIMEZONE")
    assert len(events) == 1 and len(zones) == 1, f"{path}: {len(events)} VEVENTs, {len(zones)} VTIMEZONEs"
    ev, vtz = events[0], zones[0]
    ours = vtz.to_tz(lookup_tzid=False)
    zi = ZoneInfo(str(vtz["TZID"]))
    bad = 0
    local = datetime(ev["DTEND"].dt.year, 1, 1)
    while local.year == ev["DTEND"].dt.year:
        a, b = local.replace(tzinfo=zi), local.replace(tzinfo=zi, fold=1)
        if a.utcoffset() == b.utcoffset() and local.replace(tzinfo=ours).utcoffset() != a.utcoffset():
            bad += 1
        local += timedelta(hours=1)
    print("\t".join(str(x) for x in [
        cal["METHOD"], ev["UID"], ev["SEQUENCE"], ev["STATUS"],
        instant(ev["DTSTART"]), instant(ev["DTEND"]), instant(ev["DTSTART"], ours), bad,
        hx(ev.get("SUMMARY", "")), hx(ev.get("LOCATION", "")), hx(ev["ATTENDEE"].params.get("CN", "")),
    ]))
"#;

    fn unhex(h: &str) -> String {
        if h == "-" {
            return String::new();
        }
        let bytes: Vec<u8> = (0..h.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&h[i..i + 2], 16).unwrap())
            .collect();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn python_icalendar_reads_back_what_we_send() {
        // RT_PYTHON picks another interpreter than the `python3` on PATH.
        let python = std::env::var("RT_PYTHON").unwrap_or_else(|_| "python3".into());
        let probe = std::process::Command::new(&python)
            .args(["-c", "import icalendar"])
            .output();
        match probe {
            Err(err) => panic!(
                "this test checks our .ics with Python's `icalendar` package, but {python} could not \
                 be run ({err}). Install Python 3 and then the package: `python3 -m pip install \
                 icalendar`, or run `scripts/stack.sh install` (RT_PYTHON names another interpreter)"
            ),
            Ok(out) if !out.status.success() => panic!(
                "this test checks our .ics with Python's `icalendar` package, which {python} does not \
                 have: install it with `{python} -m pip install icalendar`, or run \
                 `scripts/stack.sh install` ({python} said: {})",
                String::from_utf8_lossy(&out.stderr).trim().lines().last().unwrap_or("nothing")
            ),
            Ok(_) => {}
        }

        let dir = std::env::temp_dir().join(format!("roundtable-ics-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let tricky = "Topics: pricing, clients; tools \\ more\nSecond line";
        let mut cases: Vec<(String, i64, i64, &str)> = Vec::new(); // file, start, sequence, method
        let mut write = |name: &str, ics: String, start: i64, seq: i64, method: &'static str| {
            let path = dir.join(name);
            std::fs::write(&path, ics).unwrap();
            cases.push((path.to_string_lossy().into_owned(), start, seq, method));
        };
        // Berlin, one week before and one week after the end of summer time.
        let before = at(2026, 10, 20, 16, 30); // 18:30 CEST
        let after = at(2026, 10, 27, 17, 30); // 18:30 CET
        let mut e = event("berlin-1@rt.test", before, Berlin);
        e.summary = tricky;
        e.attendee_name = Some("Zoë \"Z\" Müller,\r\nATTENDEE:mailto:x@y");
        write("berlin-before.ics", request(&e), before, 0, "REQUEST");
        let mut e = event("berlin-2@rt.test", after, Berlin);
        e.sequence = 2;
        write("berlin-after.ics", request(&e), after, 2, "REQUEST");
        write(
            "berlin-cancel.ics",
            cancel(&Event {
                sequence: 3,
                ..e.clone()
            }),
            after,
            3,
            "CANCEL",
        );
        // Sydney in its summer (AEDT), and in its winter.
        let sydney = at(2026, 12, 1, 7, 0); // 18:00 AEDT
        write(
            "sydney.ics",
            request(&event("sydney@rt.test", sydney, Sydney)),
            sydney,
            0,
            "REQUEST",
        );
        let sydney_winter = at(2026, 6, 2, 8, 0); // 18:00 AEST
        write(
            "sydney-winter.ics",
            request(&event("sydney-w@rt.test", sydney_winter, Sydney)),
            sydney_winter,
            0,
            "REQUEST",
        );
        // Kolkata, +05:30 all year; New York and UTC.
        let kolkata = at(2026, 10, 20, 13, 0); // 18:30 IST
        write(
            "kolkata.ics",
            request(&event("kolkata@rt.test", kolkata, Kolkata)),
            kolkata,
            0,
            "REQUEST",
        );
        let ny = at(2026, 11, 3, 23, 30); // 18:30 EST
        write(
            "new-york.ics",
            request(&event("ny@rt.test", ny, New_York)),
            ny,
            0,
            "REQUEST",
        );
        let z = at(2026, 10, 20, 18, 30);
        write(
            "utc.ics",
            request(&event("utc@rt.test", z, chrono_tz::UTC)),
            z,
            0,
            "REQUEST",
        );
        // The second 02:30 of Berlin's repeated hour, written in UTC.
        let second = at(2026, 10, 25, 1, 30);
        write(
            "berlin-repeated.ics",
            request(&event("berlin-3@rt.test", second, Berlin)),
            second,
            0,
            "REQUEST",
        );

        let out = std::process::Command::new(&python)
            .arg("-c")
            .arg(READ_BACK)
            .args(cases.iter().map(|c| c.0.as_str()))
            .output()
            .expect("run python3");
        let _ = std::fs::remove_dir_all(&dir);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "Python's icalendar could not read our .ics:\n{}\n{stdout}",
            String::from_utf8_lossy(&out.stderr)
        );

        let rows: Vec<Vec<&str>> = stdout.lines().map(|l| l.split('\t').collect()).collect();
        assert_eq!(rows.len(), cases.len(), "{stdout}");
        for ((file, start, seq, method), row) in cases.iter().zip(&rows) {
            assert_eq!(row[0], *method, "{file}: METHOD");
            assert!(row[1].ends_with("@rt.test"), "{file}: UID {}", row[1]);
            assert_eq!(row[2], seq.to_string(), "{file}: SEQUENCE");
            assert_eq!(
                row[3],
                if *method == "CANCEL" {
                    "CANCELLED"
                } else {
                    "CONFIRMED"
                },
                "{file}"
            );
            assert_eq!(
                row[4],
                start.to_string(),
                "{file}: DTSTART via TZID → zoneinfo"
            );
            assert_eq!(row[5], (start + 2 * HOUR).to_string(), "{file}: DTEND");
            assert_eq!(
                row[6],
                start.to_string(),
                "{file}: DTSTART via our VTIMEZONE"
            );
            assert_eq!(
                row[7], "0",
                "{file}: hours of the year where our VTIMEZONE disagrees with zoneinfo"
            );
        }
        let uids: Vec<&str> = rows.iter().map(|r| r[1]).collect();
        assert_eq!(
            &uids[..3],
            ["berlin-1@rt.test", "berlin-2@rt.test", "berlin-2@rt.test"]
        );
        // The UTC instants of the two Berlin meetings at 18:30 local differ by a week and an hour.
        assert_eq!(
            rows[1][4].parse::<i64>().unwrap() - rows[0][4].parse::<i64>().unwrap(),
            7 * DAY + HOUR
        );
        // Text comes back as it went in; the name is one parameter, not a new property.
        assert_eq!(unhex(rows[0][8]), tricky);
        assert_eq!(unhex(rows[0][9]), "Room 4, Werkstatt; Kastanienallee 12");
        assert_eq!(unhex(rows[0][10]), "Zoë Z Müller, ATTENDEE:mailto:x@y");
    }
}
