//! Tests of `ics`.

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
        !ics.contains("RSVP=TRUE") && !ics.contains("METHOD:REQUEST") && !ics.contains("CONFIRMED")
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
        has(
            &ics,
            "ATTENDEE;PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:ada@example.org"
        ),
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
        has(
            &ics,
            "ORGANIZER;CN=\"List; SENT-BY=mailto:evil@x.test\":mailto:design@rt.testX-INJECTED:1"
        ),
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
