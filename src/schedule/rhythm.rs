//! A meeting rhythm in the words people use — "first Tuesday of the month at 18:30",
//! "every Thursday at 7pm", "on the 15th of each month at 18:00" — as the `meeting_cron`
//! expression the schedule runs on (seconds first, as the cron crate reads it; its
//! day-of-month and weekday fields are ANDed, which is what "first Tuesday" needs: a Tuesday
//! among days 1–7).
//!
//! English words only: `roundtable init` asks in English, and a coordinator who wants
//! anything else writes the cron expression directly.

/// The cron expression for `rhythm`, or what could not be read and how to say it instead.
pub fn to_cron(rhythm: &str) -> Result<String, String> {
    let lower = rhythm.to_lowercase().replace(',', " ");
    let words: Vec<&str> = lower.split_whitespace().collect();
    if words.is_empty() {
        return Err(help("the rhythm is empty"));
    }
    let at = words
        .iter()
        .position(|w| *w == "at")
        .ok_or_else(|| help("no time of day (\"at 18:30\")"))?;
    let (hour, minute) = time_of_day(&words[at + 1..].join(" "))?;
    let day = &words[..at];
    let day: Vec<&str> = day
        .iter()
        .copied()
        .filter(|w| {
            !matches!(
                *w,
                "the" | "of" | "on" | "each" | "month" | "every" | "weekly" | "monthly" | "in"
            )
        })
        .collect();
    let wd = day.iter().find_map(|w| weekday(w));
    let nth = day.iter().find_map(|w| ordinal(w));
    if day.contains(&"last") {
        return Err(help(
            "\"last\" cannot be said in a cron expression the schedule reads",
        ));
    }
    if day
        .iter()
        .any(|w| matches!(*w, "other" | "second-to-last" | "fortnightly" | "biweekly"))
    {
        return Err(help(
            "\"every other week\" cannot be said in a cron expression",
        ));
    }
    let unknown: Vec<&str> = day
        .iter()
        .copied()
        .filter(|w| weekday(w).is_none() && ordinal(w).is_none() && day_of_month(w).is_none())
        .collect();
    if !unknown.is_empty() {
        return Err(help(&format!("did not understand {:?}", unknown.join(" "))));
    }
    match (wd, nth, day.iter().find_map(|w| day_of_month(w))) {
        // "first Tuesday (of the month)": the Tuesday among days 1–7, 8–14, …
        (Some(wd), Some(n), _) => {
            let from = (n - 1) * 7 + 1;
            Ok(format!("0 {minute} {hour} {from}-{} * {wd}", from + 6))
        }
        // "every Thursday", "Thursdays"
        (Some(wd), None, None) => Ok(format!("0 {minute} {hour} * * {wd}")),
        // "the 15th (of each month)"
        (None, _, Some(d)) => Ok(format!("0 {minute} {hour} {d} * *")),
        _ => Err(help(
            "no day (\"first Tuesday\", \"every Thursday\", \"the 15th\")",
        )),
    }
}

fn help(what: &str) -> String {
    format!(
        "{what}: say the rhythm like \"first Tuesday of the month at 18:30\", \"every Thursday at 7pm\" \
         or \"the 15th of each month at 18:00\" — or write meeting_cron yourself (seconds first: \
         \"0 30 18 1-7 * Tue\")"
    )
}

fn weekday(w: &str) -> Option<&'static str> {
    let w = w.trim_end_matches('s');
    Some(match w {
        "monday" | "mon" => "Mon",
        "tuesday" | "tue" | "tues" => "Tue",
        "wednesday" | "wed" => "Wed",
        "thursday" | "thu" | "thur" | "thurs" => "Thu",
        "friday" | "fri" => "Fri",
        "saturday" | "sat" => "Sat",
        "sunday" | "sun" => "Sun",
        _ => return None,
    })
}

/// "first" … "fourth" (a fifth weekday is not in every month).
fn ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        _ => return None,
    })
}

/// "15th", "1st", "22nd" (up to 28, so it is in every month).
fn day_of_month(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=28).contains(d))
}

/// "18:30", "6:30pm", "6 pm", "7pm", "18h30", "noon".
fn time_of_day(s: &str) -> Result<(u32, u32), String> {
    let t = s.trim().replace(' ', "");
    let t = t.trim_end_matches('.');
    if t == "noon" {
        return Ok((12, 0));
    }
    let (t, pm) = match (t.strip_suffix("pm"), t.strip_suffix("am")) {
        (Some(x), _) => (x, Some(true)),
        (_, Some(x)) => (x, Some(false)),
        _ => (t, None),
    };
    let (h, m) = match t.split_once([':', 'h', '.']) {
        Some((h, m)) => (h, if m.is_empty() { "0" } else { m }),
        None => (t, "0"),
    };
    let bad = || help(&format!("{s:?} is not a time of day"));
    let (mut h, m): (u32, u32) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    match pm {
        Some(true) if (1..=11).contains(&h) => h += 12,
        Some(false) if h == 12 => h = 0,
        Some(_) if !(1..=12).contains(&h) => return Err(bad()),
        _ => {}
    }
    if h > 23 || m > 59 {
        return Err(bad());
    }
    Ok((h, m))
}

#[cfg(test)]
mod tests {
    use super::to_cron;

    #[test]
    fn rhythms_people_say() {
        for (said, cron) in [
            ("first Tuesday of the month at 18:30", "0 30 18 1-7 * Tue"),
            ("First Tuesday of each month, at 18:30", "0 30 18 1-7 * Tue"),
            ("the third Wednesday at 7pm", "0 0 19 15-21 * Wed"),
            ("2nd Monday of every month at 6:30 pm", "0 30 18 8-14 * Mon"),
            ("every Thursday at 19:00", "0 0 19 * * Thu"),
            ("Thursdays at 12pm", "0 0 12 * * Thu"),
            ("weekly on Friday at noon", "0 0 12 * * Fri"),
            ("the 15th of each month at 18:00", "0 0 18 15 * *"),
            ("monthly on the 1st at 9am", "0 0 9 1 * *"),
            ("fourth Saturday at 10h30", "0 30 10 22-28 * Sat"),
        ] {
            assert_eq!(to_cron(said).as_deref(), Ok(cron), "{said}");
        }
    }

    #[test]
    fn what_it_cannot_say_is_explained() {
        for (said, why) in [
            ("last Friday of the month at 18:00", "\"last\""),
            ("every other Tuesday at 18:00", "every other week"),
            ("first Tuesday", "no time of day"),
            ("at 18:30", "no day"),
            ("first Tuesday at 25:00", "not a time of day"),
            ("the 31st at 18:00", "did not understand"),
            ("first Blursday at 18:00", "did not understand"),
        ] {
            let e = to_cron(said).unwrap_err();
            assert!(e.contains(why), "{said}: {e}");
            assert!(e.contains("meeting_cron"), "{e}");
        }
    }

    #[test]
    fn every_answer_is_a_cron_the_schedule_reads() {
        for said in [
            "first Tuesday of the month at 18:30",
            "every Sunday at 23:59",
            "the 28th at 0:00",
        ] {
            let cron = to_cron(said).unwrap();
            let next = crate::schedule::next_cron(&cron, chrono_tz::Europe::Berlin, 0);
            assert!(matches!(next, Ok(Some(_))), "{said} → {cron}: {next:?}");
        }
    }
}
