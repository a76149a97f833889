//! Times in a community's zone: what a coordinator types, read to the minute, and an instant
//! written the way people read it.

use anyhow::{Context as _, Result};
use chrono::{LocalResult, NaiveDateTime, TimeZone, Timelike, Utc};

/// "2026-12-08 18:30" in `tz` → Unix seconds (see [`local_instant`]).
pub fn parse_local_time(s: &str, tz: chrono_tz::Tz) -> Result<i64> {
    let naive = NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%d %H:%M").with_context(|| {
        format!(
            "{s:?} is not a date and time: write \"YYYY-MM-DD HH:MM\", e.g. \"2026-12-08 18:30\""
        )
    })?;
    local_instant(naive, tz)
}

/// A local time in `tz`, to the minute (seconds are dropped), → Unix seconds. A time that
/// doesn't exist (clocks jump forward) is refused; one that exists twice (clocks go back) is
/// the first of the two.
pub fn local_instant(naive: NaiveDateTime, tz: chrono_tz::Tz) -> Result<i64> {
    let naive = naive
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(naive);
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => Ok(t.timestamp()),
        LocalResult::Ambiguous(first, _) => Ok(first.timestamp()),
        LocalResult::None => anyhow::bail!(
            "{} does not exist in {tz} (the clocks jump forward then): pick another time",
            naive.format("%Y-%m-%d %H:%M")
        ),
    }
}

/// "Tuesday 8 December 2026, 18:30 CET".
pub fn local_time(tz: chrono_tz::Tz, unix: i64) -> String {
    Utc.timestamp_opt(unix, 0)
        .single()
        .map(|t| {
            t.with_timezone(&tz)
                .format("%A %-d %B %Y, %H:%M %Z")
                .to_string()
        })
        .unwrap_or_else(|| unix.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_across_daylight_saving() {
        let berlin: chrono_tz::Tz = "Europe/Berlin".parse().unwrap();
        let summer = parse_local_time("2026-10-24 18:30", berlin).unwrap();
        let winter = parse_local_time("2026-10-31 18:30", berlin).unwrap();
        // One week and one extra hour apart: the clocks went back on 25 October.
        assert_eq!(winter - summer, 7 * 86400 + 3600);
        assert_eq!(
            local_time(berlin, winter),
            "Saturday 31 October 2026, 18:30 CET"
        );
        assert_eq!(
            local_time(berlin, summer),
            "Saturday 24 October 2026, 18:30 CEST"
        );
        assert!(
            parse_local_time("2026-03-29 02:30", berlin).is_err(),
            "a time that doesn't exist"
        );
        assert!(parse_local_time("next tuesday", berlin).is_err());
    }

    #[test]
    fn a_typed_local_time_is_the_same_instant_to_the_minute() {
        let berlin: chrono_tz::Tz = "Europe/Berlin".parse().unwrap();
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap();
        let typed = local_instant(at("2026-12-08 18:30:45"), berlin).unwrap();
        assert_eq!(typed, parse_local_time("2026-12-08 18:30", berlin).unwrap());
        let gap = local_instant(at("2026-03-29 02:30:00"), berlin)
            .unwrap_err()
            .to_string();
        assert!(
            gap.starts_with("2026-03-29 02:30 does not exist in Europe/Berlin"),
            "{gap}"
        );
    }
}
