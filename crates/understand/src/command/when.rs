//! Dates and times in commands (SCHEDULE, RESCHEDULE; CANCEL to tell a date from a meeting
//! number): local times in the community's zone, as people write them. Pure: no zone, no
//! clock; the caller converts the local time (and refuses the past).
//!
//! Accepted: `2026-12-08 18:30`, `2026-12-08 18:30h`, `2026/12/08 18:30`, `2026-12-08T18:30`,
//! `08.12.2026 18:30`, `8 Dec 2026 18:30`, `8th December 2026 18:30`, `Dec 8 2026 18:30`,
//! `Dec 8, 2026, 6:30pm`, optionally led by a weekday (`Tue 8 Dec 2026`, checked against the
//! date) and with `at` before the time. Times: `18:30`, `18:30h`, `18h30`, `18h`, `18.30`,
//! `18:30:00`, `6:30pm`, `6pm`, `6:30 pm`, `18:30 Uhr`. `12/08/2026` is refused as ambiguous.
//! A problem is a sentence naming what was written, for the command's usage to follow.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use super::{clean, Problem};
use crate::address::show;

/// A date and a time at the start of `args`, and how many tokens they took; `word` is the
/// command as written, for the problem.
pub(super) fn when_at(word: &str, args: &[&str]) -> Result<(NaiveDateTime, usize), Problem> {
    let w = word;
    if args.is_empty() {
        return Err(Problem::new("usage-needs-date-time").arg("word", w));
    }
    let mut i = 0;
    let weekday = weekday(args[0]);
    if weekday.is_some() {
        i += 1;
    }
    let (date, used, time) = match date_at(&args[i..])? {
        Some(d) => d,
        None => {
            let what = args.get(i).copied().unwrap_or(args[0]);
            return Err(Problem::new("usage-needs-date-first")
                .arg("word", w)
                .arg("written", show(what)));
        }
    };
    i += used;
    if let Some(wd) = weekday {
        if date.weekday() != wd {
            return Err(Problem::new("usage-wrong-weekday")
                .arg("date", date.format("%Y-%m-%d"))
                .name("is", day_name(date.weekday()))
                .name("written", day_name(wd)));
        }
    }
    let time = match time {
        Some(t) => t,
        None => {
            if args.get(i).is_some_and(|t| {
                let t = clean(t).to_lowercase();
                t == "at" || t == "um" || t == "à" || t == "-" || t == "@"
            }) {
                i += 1;
            }
            match time_at(&args[i..])? {
                Some((t, n)) => {
                    i += n;
                    t
                }
                None => {
                    let d = date.format("%Y-%m-%d");
                    return Err(match args.get(i) {
                        None => Problem::new("usage-needs-time")
                            .arg("word", w)
                            .arg("date", d),
                        Some(t) => Problem::new("usage-not-a-time-after")
                            .arg("word", w)
                            .arg("date", d)
                            .arg("written", show(t)),
                    });
                }
            }
        }
    };
    Ok((date.and_time(time), i))
}

fn digits(s: &str, min: usize, max: usize) -> Option<u32> {
    (s.len() >= min && s.len() <= max && s.chars().all(|c| c.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

pub(super) fn month(tok: &str) -> Option<u32> {
    let t = clean(tok).trim_end_matches('.').to_lowercase();
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if t.len() < 3 {
        return None;
    }
    if t == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == t || (t.len() == 3 && m.starts_with(&t)))
        .map(|p| p as u32 + 1)
}

fn weekday(tok: &str) -> Option<Weekday> {
    let t = clean(tok).trim_end_matches('.').to_lowercase();
    const DAYS: [(&str, Weekday); 7] = [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ];
    if t.len() < 3 {
        return None;
    }
    DAYS.iter()
        .find(|(name, _)| {
            *name == t
                || (t.len() == 3 && name.starts_with(&t))
                || (t == "tues" && *name == "tuesday")
                || ((t == "thur" || t == "thurs") && *name == "thursday")
        })
        .map(|(_, d)| *d)
}

/// The catalogs' message for a weekday's name.
fn day_name(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "weekday-1",
        Weekday::Tue => "weekday-2",
        Weekday::Wed => "weekday-3",
        Weekday::Thu => "weekday-4",
        Weekday::Fri => "weekday-5",
        Weekday::Sat => "weekday-6",
        Weekday::Sun => "weekday-7",
    }
}

/// A day of the month: `8`, `08`, `8.`, `8th`, `1st`, `22nd`, `3rd`.
pub(super) fn day_num(tok: &str) -> Option<u32> {
    let t = clean(tok).to_lowercase();
    let t = ["st", "nd", "rd", "th", "."]
        .iter()
        .find_map(|suf| t.strip_suffix(suf))
        .unwrap_or(&t);
    digits(t, 1, 2)
}

pub(super) fn looks_numeric_date(tok: &str) -> bool {
    let t = clean(tok);
    t.chars().next().is_some_and(|c| c.is_ascii_digit())
        && t.contains(['-', '.', '/'])
        && t.chars()
            .all(|c| c.is_ascii_digit() || "-./T:t".contains(c))
}

fn ymd(y: u32, m: u32, d: u32, tok: &str) -> Result<NaiveDate, Problem> {
    if !(1..=12).contains(&m) {
        return Err(Problem::new("usage-no-such-month")
            .arg("written", show(tok))
            .arg("month", m));
    }
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(|| {
        Problem::new("usage-no-such-day")
            .arg("written", show(tok))
            .arg("day", d)
    })
}

/// `YYYY-MM-DD` or `YYYY/MM/DD`.
fn iso(t: &str) -> Option<(u32, u32, u32)> {
    let parts: Vec<&str> = t.split(['-', '/']).collect();
    match parts.as_slice() {
        [y, m, d] => Some((digits(y, 4, 4)?, digits(m, 1, 2)?, digits(d, 1, 2)?)),
        _ => None,
    }
}

/// A date at the start of `t`: `(date, tokens used, time if written in the same token)`.
/// `Ok(None)`: it does not look like a date at all.
fn date_at(t: &[&str]) -> Result<Option<(NaiveDate, usize, Option<NaiveTime>)>, Problem> {
    let Some(first) = t.first() else {
        return Ok(None);
    };
    let tok = clean(first);
    // 2026-12-08T18:30
    if let Some((d, tm)) = tok.split_once(['T', 't']) {
        if let Some((y, m, dd)) = iso(d) {
            let date = ymd(y, m, dd, tok)?;
            return match time_at(&[tm]) {
                Ok(Some((time, _))) => Ok(Some((date, 1, Some(time)))),
                Ok(None) => Err(Problem::new("usage-no-time-after-t")
                    .arg("written", show(tok))
                    .arg("date", d)),
                Err(p) => Err(p),
            };
        }
    }
    if let Some((y, m, d)) = iso(tok) {
        return ymd(y, m, d, tok).map(|date| Some((date, 1, None)));
    }
    // 08.12.2026 (day first)
    let dotted: Vec<&str> = tok.trim_end_matches('.').split('.').collect();
    if let [d, m, y] = dotted.as_slice() {
        if let (Some(d), Some(m)) = (digits(d, 1, 2), digits(m, 1, 2)) {
            if digits(y, 2, 2).is_some() {
                return Err(Problem::new("usage-two-digit-year")
                    .arg("written", show(tok))
                    .arg("example", "08.12.2026"));
            }
            if let Some(y) = digits(y, 4, 4) {
                return ymd(y, m, d, tok).map(|date| Some((date, 1, None)));
            }
        }
    }
    // 12/08/2026: month-first or day-first? Refuse.
    let slashed: Vec<&str> = tok.split('/').collect();
    if let [a, b, y] = slashed.as_slice() {
        if let (Some(a), Some(b), Some(_)) = (digits(a, 1, 2), digits(b, 1, 2), digits(y, 2, 4)) {
            let _ = (a, b);
            return Err(Problem::new("usage-ambiguous-date").arg("written", show(tok)));
        }
    }
    // 8 Dec 2026 / Dec 8 2026
    let (day, mon) = if let (Some(d), Some(m)) = (day_num(tok), t.get(1).and_then(|x| month(x))) {
        (d, m)
    } else if let (Some(m), Some(d)) = (month(tok), t.get(1).and_then(|x| day_num(x))) {
        (d, m)
    } else if month(tok).is_some()
        || (day_num(tok).is_some() && t.get(1).is_some_and(|x| month(x).is_some()))
    {
        return Err(Problem::new("usage-needs-day-and-year")
            .arg("written", show(&t[..t.len().min(2)].join(" "))));
    } else {
        return Ok(None);
    };
    let written = t[..2].join(" ");
    match t.get(2).map(|y| clean(y).trim_end_matches('.')) {
        Some(y) if digits(y, 4, 4).is_some() => {
            let y = digits(y, 4, 4).unwrap_or(0);
            let shown = format!("{written} {y}");
            ymd(y, mon, day, &shown).map(|date| Some((date, 3, None)))
        }
        Some(y) if digits(y, 2, 2).is_some() => Err(Problem::new("usage-two-digit-year")
            .arg("written", show(&format!("{written} {y}")))
            .arg("example", "8 Dec 2026")),
        _ => Err(Problem::new("usage-needs-year").arg("written", show(clean(&written)))),
    }
}

/// A time at the start of `t` and the tokens it took. `Ok(None)`: not a time at all.
fn time_at(t: &[&str]) -> Result<Option<(NaiveTime, usize)>, Problem> {
    let Some(first) = t.first() else {
        return Ok(None);
    };
    let raw = clean(first).to_lowercase();
    let mut s: &str = &raw;
    let mut used = 1;
    let mut pm: Option<bool> = None;
    let mut marked = false;
    for (suf, is_pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
        if let Some(x) = s.strip_suffix(suf) {
            s = x;
            pm = Some(is_pm);
            break;
        }
    }
    if let Some(x) = s.strip_suffix("uhr").or_else(|| s.strip_suffix('h')) {
        s = x;
        marked = true;
    }
    if pm.is_none() && !marked {
        if let Some(next) = t.get(1) {
            match clean(next).to_lowercase().as_str() {
                "am" | "a.m." => (pm, used) = (Some(false), 2),
                "pm" | "p.m." => (pm, used) = (Some(true), 2),
                "h" | "uhr" | "o'clock" => (marked, used) = (true, 2),
                _ => {}
            }
        }
    }
    let parts: Vec<&str> = s.split([':', 'h', '.']).collect();
    let (h, m, sec) = match parts.as_slice() {
        [h] if pm.is_some() || marked => (digits(h, 1, 2), Some(0), Some(0)),
        [h, m] => (digits(h, 1, 2), digits(m, 2, 2), Some(0)),
        [h, m, sec] if s.matches(':').count() == 2 => {
            (digits(h, 1, 2), digits(m, 2, 2), digits(sec, 2, 2))
        }
        _ => return Ok(None),
    };
    let (Some(mut h), Some(m), Some(sec)) = (h, m, sec) else {
        return Ok(None);
    };
    let bad = || Problem::new("usage-not-a-time").arg("written", show(&t[..used].join(" ")));
    if let Some(is_pm) = pm {
        if !(1..=12).contains(&h) {
            return Err(bad());
        }
        h = match (h, is_pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
    }
    NaiveTime::from_hms_opt(h, m, sec)
        .filter(|_| h < 24)
        .map(|time| Some((time, used)))
        .ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{p, problem, said, sched};

    #[test]
    fn schedule_date_forms() {
        for s in [
            "SCHEDULE 2026-12-08 18:30",
            "schedule 2026-12-08 18:30h",
            "Schedule 08.12.2026 18:30",
            "SCHEDULE 8.12.2026 18:30",
            "SCHEDULE 8 Dec 2026 18:30",
            "SCHEDULE 8th December 2026 18:30",
            "SCHEDULE Dec 8 2026 18:30",
            "SCHEDULE Dec 8, 2026, 18:30",
            "SCHEDULE dec. 8 2026 18:30",
            "SCHEDULE 2026-12-08T18:30",
            "SCHEDULE 2026/12/08 18:30",
            "SCHEDULE 2026-12-08 at 18:30",
            "SCHEDULE 2026-12-08 18h30",
            "SCHEDULE 2026-12-08 18.30",
            "SCHEDULE 2026-12-08 18:30:00",
            "SCHEDULE 2026-12-08 6:30pm",
            "SCHEDULE 2026-12-08 6:30 pm",
            "SCHEDULE 2026-12-08 6:30 P.M.",
            "SCHEDULE 2026-12-08 18:30 Uhr",
            "SCHEDULE Tue 8 Dec 2026 18:30",
            "SCHEDULE Tuesday, 2026-12-08 18:30",
        ] {
            assert_eq!(p(s), Ok(sched("2026-12-08 18:30", None)), "{s}");
        }
        assert_eq!(
            p("SCHEDULE 2026-12-08 6pm"),
            Ok(sched("2026-12-08 18:00", None))
        );
        assert_eq!(
            p("SCHEDULE 2026-12-08 18h"),
            Ok(sched("2026-12-08 18:00", None))
        );
        assert_eq!(
            p("SCHEDULE 2026-12-08 12am"),
            Ok(sched("2026-12-08 00:00", None))
        );
        assert_eq!(
            p("SCHEDULE 2026-12-08 12:15pm"),
            Ok(sched("2026-12-08 12:15", None))
        );
        assert_eq!(
            p("SCHEDULE 2026-12-08 9:05"),
            Ok(sched("2026-12-08 09:05", None))
        );
    }

    #[test]
    fn schedule_problems() {
        assert_eq!(problem("SCHEDULE"), "SCHEDULE needs a date and a time.");
        assert_eq!(
            problem("SCHEDULE 2026-12-08"),
            "SCHEDULE needs a time: write it after the date, as in 2026-12-08 18:30."
        );
        assert_eq!(
            problem("SCHEDULE 8 Dec 2026"),
            "SCHEDULE needs a time: write it after the date, as in 2026-12-08 18:30."
        );
        assert_eq!(
            problem("SCHEDULE 2026-12-08 Zoom"),
            "SCHEDULE needs a time after the date: `Zoom` is not a time (write 2026-12-08 18:30)."
        );
        assert_eq!(
            problem("SCHEDULE tomorrow 18:30"),
            "SCHEDULE needs a date first: `tomorrow` is not one (write 2026-12-08, 08.12.2026 or 8 Dec 2026)."
        );
        assert_eq!(
            problem("SCHEDULE 2026-02-30 18:30"),
            "`2026-02-30` is not a date: that month has no day 30."
        );
        assert_eq!(
            problem("SCHEDULE 2026-13-01 18:30"),
            "`2026-13-01` is not a date: there is no month 13."
        );
        assert_eq!(
            problem("SCHEDULE 2026-12-08 25:00"),
            "`25:00` is not a time of day."
        );
        assert_eq!(
            problem("SCHEDULE 2026-12-08 18:60"),
            "`18:60` is not a time of day."
        );
        assert_eq!(
            problem("SCHEDULE 2026-12-08 13:00 pm"),
            "`13:00 pm` is not a time of day."
        );
        assert_eq!(
            problem("SCHEDULE 12/08/2026 18:30"),
            "`12/08/2026` is ambiguous (day or month first?): write the date as 2026-12-08 or 8 Dec 2026."
        );
        assert_eq!(
            problem("SCHEDULE 08.12.26 18:30"),
            "`08.12.26` has a two-digit year: write it with four, as in 08.12.2026."
        );
        assert_eq!(
            problem("SCHEDULE 8 Dec 18:30"),
            "`8 Dec` needs a year, as in 8 Dec 2026 18:30."
        );
        assert_eq!(
            problem("SCHEDULE Dec 8, 18:30"),
            "`Dec 8` needs a year, as in 8 Dec 2026 18:30."
        );
        assert_eq!(
            problem("SCHEDULE 8 Dec 26 18:30"),
            "`8 Dec 26` has a two-digit year: write it with four, as in 8 Dec 2026."
        );
        assert_eq!(
            problem("SCHEDULE December 18:30"),
            "`December 18:30` needs a day and a year, as in 8 Dec 2026."
        );
        assert_eq!(
            problem("SCHEDULE Wed 8 Dec 2026 18:30"),
            "2026-12-08 is a Tuesday, not a Wednesday."
        );
        assert_eq!(
            problem("SCHEDULE 2026-12-08T18:30Z"),
            "`2026-12-08T18:30Z` has no time after the T that can be read (write 2026-12-08T18:30, local time without a zone)."
        );
        let u = p("SCHEDULE 2026-12-08").unwrap_err();
        assert_eq!(
            said(&u),
            "SCHEDULE needs a time: write it after the date, as in 2026-12-08 18:30.\nUsage: SCHEDULE date time [place or link]  (local time, e.g. 2026-12-08 18:30 or 8 Dec 2026 18:30)\nExample: SCHEDULE 2026-12-08 18:30 https://meet.example.org/cp"
        );
    }
}
