//! Tests of `command`.

use super::*;

pub(super) fn p(subject_args: &str) -> Result<Cmd, Usage> {
    pb(subject_args, &[])
}

pub(super) fn pb(subject: &str, body: &[&str]) -> Result<Cmd, Usage> {
    let mut words = subject.split_whitespace();
    let cmd = words.next().unwrap_or("");
    let args: Vec<String> = words.map(str::to_string).collect();
    parse(cmd, &args, body)
}

pub(super) fn problem(subject: &str) -> String {
    match p(subject) {
        Err(u) => en(&u.problem),
        Ok(c) => panic!("{subject:?} parsed as {c:?}"),
    }
}

/// A problem as the English catalog the daemon uses says it (every id the grammar gives must
/// be there, with its placeholders).
pub(super) fn en(p: &Problem) -> String {
    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
    let source = include_str!("../../../../templates/texts/en.ftl");
    let res = FluentResource::try_new(source.to_string()).expect("en.ftl parses");
    let lang: unic_langid::LanguageIdentifier = "en".parse().unwrap();
    let mut b = FluentBundle::new(vec![lang]);
    b.set_use_isolating(false);
    b.add_resource(res).expect("en.ftl loads");
    let say = |id: &str, args: &FluentArgs<'_>| {
        let m = b
            .get_message(id)
            .unwrap_or_else(|| panic!("en.ftl has no {id}"));
        let mut errors = Vec::new();
        let text = b
            .format_pattern(m.value().expect("a text"), Some(args), &mut errors)
            .to_string();
        assert!(errors.is_empty(), "{id}: {errors:?}");
        text
    };
    let mut args = FluentArgs::new();
    for (k, v) in &p.args {
        match v.parse::<i64>() {
            Ok(n) => args.set(*k, n),
            Err(_) => args.set(*k, v.clone()),
        }
    }
    for (k, id) in &p.names {
        args.set(*k, say(id, &FluentArgs::new()));
    }
    let text = say(p.id, &args);
    match p.line {
        None => text,
        Some(n) => {
            let mut a = FluentArgs::new();
            a.set("line", n as i64);
            a.set("problem", text);
            say("usage-at-line", &a)
        }
    }
}

/// A usage error as the daemon's answer says it in English.
pub(super) fn said(u: &Usage) -> String {
    format!(
        "{}\nUsage: {}\nExample: {}",
        en(&u.problem),
        u.usage(),
        u.example()
    )
}

pub(super) fn dt(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

pub(super) fn sched(when: &str, place: Option<&str>) -> Cmd {
    Cmd::Schedule {
        when: dt(when),
        place: place.map(str::to_string),
    }
}

/// Every word and alias with its row.
fn words() -> impl Iterator<Item = (&'static str, &'static Spec)> {
    SPECS.iter().flat_map(|s| {
        std::iter::once(&s.word)
            .chain(s.aliases)
            .map(move |w| (*w, s))
    })
}

#[test]
fn schedule_place() {
    assert_eq!(
        p("SCHEDULE 2026-12-08 18:30 https://meet.example.org/cp?x=1"),
        Ok(sched(
            "2026-12-08 18:30",
            Some("https://meet.example.org/cp?x=1")
        ))
    );
    assert_eq!(
        p("SCHEDULE 8 Dec 2026 18:30h Café Central, Room 2"),
        Ok(sched("2026-12-08 18:30", Some("Café Central, Room 2")))
    );
    assert_eq!(
        p("SCHEDULE 2026-12-08 18:30, \"Room 4\""),
        Ok(sched("2026-12-08 18:30", Some("Room 4")))
    );
    assert_eq!(
        p("SCHEDULE 2026-12-08 18:30 - at the Lab"),
        Ok(sched("2026-12-08 18:30", Some("at the Lab")))
    );
    // A place starting with a number is still a place.
    assert_eq!(
        p("SCHEDULE 2026-12-08 18:30 2nd floor"),
        Ok(sched("2026-12-08 18:30", Some("2nd floor")))
    );
    let long = format!("SCHEDULE 2026-12-08 18:30 {}", "x".repeat(201));
    assert_eq!(
        problem(&long),
        "The place is 201 characters long; at most 200 are allowed."
    );
    let args = vec![
        "2026-12-08".to_string(),
        "18:30".into(),
        "Room\u{7}4".into(),
    ];
    assert_eq!(
        en(&parse("SCHEDULE", &args, &[]).unwrap_err().problem),
        "The place contains a control character (U+0007); write plain text."
    );
    let args = vec![
        "2026-12-08".to_string(),
        "18:30".into(),
        "Room\u{202E}4".into(),
    ];
    assert!(parse("SCHEDULE", &args, &[]).is_err());
}

#[test]
fn reschedule() {
    let r = |m: Option<i64>, w: &str, pl: Option<&str>| Cmd::Reschedule {
        meeting: m,
        when: dt(w),
        place: pl.map(str::to_string),
    };
    assert_eq!(
        p("RESCHEDULE 2026-12-15 18:30"),
        Ok(r(None, "2026-12-15 18:30", None))
    );
    assert_eq!(
        p("reschedule #12 2026-12-15 18:30"),
        Ok(r(Some(12), "2026-12-15 18:30", None))
    );
    assert_eq!(
        p("RESCHEDULE 12 2026-12-15 18:30 Room 5"),
        Ok(r(Some(12), "2026-12-15 18:30", Some("Room 5")))
    );
    assert_eq!(
        p("RESCHEDULE next 15.12.2026 19:00"),
        Ok(r(None, "2026-12-15 19:00", None))
    );
    // A bare number followed by a month is a day, not an id.
    assert_eq!(
        p("RESCHEDULE 15 Dec 2026 18:30"),
        Ok(r(None, "2026-12-15 18:30", None))
    );
    assert_eq!(
        p("RESCHEDULE 3 15 Dec 2026 18:30"),
        Ok(r(Some(3), "2026-12-15 18:30", None))
    );
    assert_eq!(
        problem("RESCHEDULE"),
        "RESCHEDULE needs the new date and time."
    );
    assert_eq!(
        problem("RESCHEDULE #12"),
        "RESCHEDULE needs the new date and time after the meeting."
    );
    assert_eq!(
        problem("RESCHEDULE #12 2026-12-15"),
        "RESCHEDULE needs a time: write it after the date, as in 2026-12-15 18:30."
    );
    assert_eq!(
        problem("RESCHEDULE #x 2026-12-15 18:30"),
        "`#x` is not a meeting number: write #12 or 12 (STATUS shows the numbers)."
    );
    assert_eq!(
        problem("RESCHEDULE #0 2026-12-15 18:30"),
        "`#0` is not a meeting number: write #12 or 12 (STATUS shows the numbers)."
    );
    assert_eq!(
            problem("RESCHEDULE 99999999999999999999 2026-12-15 18:30"),
            "`99999999999999999999` is not a meeting number: write #12 or 12 (STATUS shows the numbers)."
        );
}

#[test]
fn cancel() {
    let c = |m: Option<i64>, r: Option<&str>| Cmd::Cancel {
        meeting: m,
        reason: r.map(str::to_string),
    };
    assert_eq!(p("CANCEL"), Ok(c(None, None)));
    assert_eq!(p("cancel next"), Ok(c(None, None)));
    assert_eq!(
        p("Cancel NEXT the room is closed"),
        Ok(c(None, Some("the room is closed")))
    );
    assert_eq!(p("CANCEL #12"), Ok(c(Some(12), None)));
    assert_eq!(
        p("CANCEL 12 \"speaker is ill\""),
        Ok(c(Some(12), Some("speaker is ill")))
    );
    assert_eq!(
        p("CANCEL speaker is ill"),
        Ok(c(None, Some("speaker is ill")))
    );
    assert_eq!(
        problem("CANCEL #twelve"),
        "`#twelve` is not a meeting number: write #12 or 12 (STATUS shows the numbers)."
    );
    assert_eq!(
        problem("CANCEL 2026-12-08"),
        "CANCEL takes a meeting number, not a date (`2026-12-08`): STATUS shows the numbers."
    );
    assert_eq!(
        problem("CANCEL 8 Dec 2026 snow"),
        "CANCEL takes a meeting number, not a date (`8 Dec 2026`): STATUS shows the numbers."
    );
    assert_eq!(
        problem("CANCEL Dec 8"),
        "CANCEL takes a meeting number, not a date (`Dec 8`): STATUS shows the numbers."
    );
    // A reason that merely starts with a month-like word is a reason.
    assert_eq!(p("CANCEL May is busy"), Ok(c(None, Some("May is busy"))));
    assert_eq!(
        problem(&format!("CANCEL next {}", "x".repeat(201))),
        "The reason is 201 characters long; at most 200 are allowed."
    );
    let args = vec!["next".to_string(), "bad\u{0}reason".into()];
    assert_eq!(
        en(&parse("CANCEL", &args, &[]).unwrap_err().problem),
        "The reason contains a control character (U+0000); write plain text."
    );
}

#[test]
fn invite_and_add() {
    let inv = |a: &str, n: Option<&str>| Cmd::Invite {
        address: Address::parse(a).unwrap(),
        name: n.map(str::to_string),
    };
    assert_eq!(
        p("INVITE anna@example.org"),
        Ok(inv("anna@example.org", None))
    );
    assert_eq!(
        p("invite Anna@Example.ORG Anna Berg"),
        Ok(inv("anna@example.org", Some("Anna Berg")))
    );
    assert_eq!(
        p("INVITE anna@example.org \"Anna Berg\""),
        Ok(inv("anna@example.org", Some("Anna Berg")))
    );
    assert_eq!(
        p("INVITE \"Anna Berg\" <anna@example.org>"),
        Ok(inv("anna@example.org", Some("Anna Berg")))
    );
    assert_eq!(
        p("INVITE Anna Berg <anna@example.org>"),
        Ok(inv("anna@example.org", Some("Anna Berg")))
    );
    assert_eq!(
        p("INVITE mailto:anna@example.org"),
        Ok(inv("anna@example.org", None))
    );
    assert_eq!(
        p("INVITE anna+cp@mail.example.co.uk"),
        Ok(inv("anna+cp@mail.example.co.uk", None))
    );
    assert_eq!(
        p("ADD bob@example.org Bob"),
        Ok(Cmd::Add {
            address: Address::parse("bob@example.org").unwrap(),
            name: Some("Bob".into())
        })
    );
    assert_eq!(problem("INVITE"), "INVITE needs an email address.");
    assert_eq!(problem("ADD"), "ADD needs an email address.");
    assert_eq!(
        problem("INVITE Anna Berg"),
        "INVITE needs an email address: `Anna Berg` has none."
    );
    assert_eq!(
        problem("INVITE a@example.org b@example.org"),
        "INVITE takes one address at a time; found 2: `a@example.org`, `b@example.org`."
    );
    assert_eq!(
        problem("INVITE anna@@example.org"),
        "`anna@@example.org` is not an email address: it has more than one @."
    );
    assert_eq!(
        problem("INVITE a@b@example.org"),
        "`a@b@example.org` is not an email address: it has more than one @."
    );
    assert_eq!(
        problem("INVITE @example.org"),
        "`@example.org` is not an email address: nothing before the @."
    );
    assert_eq!(
        problem("INVITE anna@"),
        "`anna@` is not an email address: nothing after the @."
    );
    assert_eq!(problem("INVITE anna@localhost"), "`anna@localhost` is not an email address: the domain localhost has no dot (as in example.org).");
    assert_eq!(
        problem("INVITE anna@example..org"),
        "`anna@example..org` is not an email address: the domain example..org is malformed."
    );
    assert_eq!(
        problem("INVITE anna@example.org."),
        "`anna@example.org.` is not an email address: the domain example.org. is malformed."
    );
    assert_eq!(
        problem("INVITE anna@exa_mple.org"),
        "`anna@exa_mple.org` is not an email address: the domain contains _."
    );
    assert_eq!(
        problem("INVITE an(na@example.org"),
        "`an(na@example.org` is not an email address: it contains (."
    );
    let args = vec!["anna@exam\u{0}ple.org".to_string()];
    assert_eq!(
        en(&parse("INVITE", &args, &[]).unwrap_err().problem),
        "`anna@exam?ple.org` is not an email address: it contains a space or a control character."
    );
    // Header injection through the name.
    let args = vec![
        "anna@example.org".to_string(),
        "Anna\r\nBcc: x@evil.com".into(),
    ];
    // (split on whitespace: the CRLF is gone; the rest is a name with a second address)
    assert!(parse("INVITE", &args, &[]).is_err());
    let args = vec!["anna@example.org".to_string(), "Anna\u{1b}Berg".into()];
    assert_eq!(
        en(&parse("INVITE", &args, &[]).unwrap_err().problem),
        "The name contains a control character (U+001B); write plain text."
    );
    assert_eq!(
        problem(&format!("INVITE anna@example.org {}", "A".repeat(101))),
        "The name is 101 characters long; at most 100 are allowed."
    );
    assert_eq!(
        problem("INVITE anna@example.org Anna <x"),
        "The name `Anna <x` may not contain <."
    );
    let u = p("INVITE").unwrap_err();
    assert_eq!(
        (u.usage(), u.example()),
        ("INVITE address [name]", "INVITE anna@example.org Anna Berg")
    );
}

#[test]
fn remove_and_promote() {
    assert_eq!(
        p("REMOVE anna@example.org"),
        Ok(Cmd::Remove {
            address: Address::parse("anna@example.org").unwrap()
        })
    );
    assert_eq!(
        p("remove <Anna@example.org>"),
        Ok(Cmd::Remove {
            address: Address::parse("anna@example.org").unwrap()
        })
    );
    assert_eq!(
        p("Promote anna@example.org"),
        Ok(Cmd::Promote {
            address: Address::parse("anna@example.org").unwrap()
        })
    );
    assert_eq!(problem("REMOVE"), "REMOVE needs an email address.");
    assert_eq!(problem("PROMOTE"), "PROMOTE needs an email address.");
    assert_eq!(
        problem("REMOVE anna@example.org bob@example.org"),
        "REMOVE takes just one address; remove `bob@example.org`."
    );
    assert_eq!(
        problem("PROMOTE Anna"),
        "`Anna` is not an email address: it has no @."
    );
}

#[test]
fn attended() {
    let a = |v: &[&str]| {
        Ok(Cmd::Attended {
            people: v.iter().map(|s| s.to_string()).collect(),
        })
    };
    assert_eq!(
        p("ATTENDED anna@example.org bob@example.org"),
        a(&["anna@example.org", "bob@example.org"])
    );
    assert_eq!(
        p("attended Anna, Bob Meyer, carl@example.org"),
        a(&["Anna", "Bob Meyer", "carl@example.org"])
    );
    assert_eq!(p("ATTENDED Anna Bob"), a(&["Anna", "Bob"]));
    assert_eq!(
        p("ATTENDED anna@example.org,bob@example.org;Carl"),
        a(&["anna@example.org", "bob@example.org", "Carl"])
    );
    assert_eq!(
        p("ATTENDED Anna Berg <Anna@Example.org>, Bob"),
        a(&["anna@example.org", "Bob"])
    );
    // Duplicates (any case) once.
    assert_eq!(
        p("ATTENDED Anna, anna, ANNA@x.org, anna@X.org"),
        a(&["Anna", "anna@x.org"])
    );
    // Body lines, bullets, numbering, quotes; stop at the signature.
    assert_eq!(
        pb(
            "ATTENDED",
            &[
                "",
                "- anna@example.org",
                "* Bob Meyer",
                "3. Carl",
                "  \"Dora D\"  ",
                "> quoted@x.org",
                "",
                "-- ",
                "Coordinator Name",
                "coord@example.org"
            ]
        ),
        a(&["anna@example.org", "Bob Meyer", "Carl", "Dora D"])
    );
    // Subject and body together.
    assert_eq!(
        pb("ATTENDED anna@example.org", &["Bob", "anna@example.org"]),
        a(&["anna@example.org", "Bob"])
    );
    assert_eq!(pb("ATTENDED", &["Anna, Bob"]), a(&["Anna", "Bob"]));
    assert_eq!(
            problem("ATTENDED"),
            "ATTENDED needs who attended: addresses or names in the Subject, or one per line in the body."
        );
    assert_eq!(
        en(&pb("ATTENDED", &["", "--", "sig"]).unwrap_err().problem),
        problem("ATTENDED")
    );
    assert_eq!(
        problem("ATTENDED anna@example.org Bob, Carl"),
        "Can't tell who is who in `anna@example.org Bob`: separate people with commas."
    );
    assert_eq!(problem("ATTENDED anna@localhost"), "`anna@localhost` is not an email address: the domain localhost has no dot (as in example.org).");
    assert_eq!(
        en(&pb("ATTENDED", &["Anna", "bob@@x.org"]).unwrap_err().problem),
        "Body line 2: `bob@@x.org` is not an email address: it has more than one @."
    );
    assert_eq!(
        en(&pb("ATTENDED", &[&"x".repeat(150)]).unwrap_err().problem),
        "Body line 1: The name is 150 characters long; at most 100 are allowed."
    );
    assert_eq!(
        problem("ATTENDED #12 Anna"),
        "`#12` is not a person: ATTENDED is for the last meeting and takes no meeting number."
    );
    let many: Vec<String> = (0..201).map(|i| format!("p{i}@example.org")).collect();
    let lines: Vec<&str> = many.iter().map(String::as_str).collect();
    assert_eq!(
        en(&pb("ATTENDED", &lines).unwrap_err().problem),
        "ATTENDED lists 201 people; at most 200 at a time."
    );
}

#[test]
fn topic() {
    assert_eq!(p("TOPIC CLOSE 3"), Ok(Cmd::TopicClose(3)));
    assert_eq!(p("topic close #3"), Ok(Cmd::TopicClose(3)));
    assert_eq!(p("Topic Defer 12"), Ok(Cmd::TopicDefer(12)));
    assert_eq!(p("TOPIC FROM THREAD 12"), Ok(Cmd::TopicFromThread(12)));
    assert_eq!(p("topic from thread #7"), Ok(Cmd::TopicFromThread(7)));
    assert!(p("TOPIC FROM 12").is_err());
    assert!(p("TOPIC FROM THREAD twelve").is_err());
    assert_eq!(p("TOPIC DEFER #4."), Ok(Cmd::TopicDefer(4)));
    assert_eq!(
        problem("TOPIC"),
        "TOPIC needs CLOSE or DEFER and a topic number."
    );
    assert_eq!(
        problem("TOPIC REOPEN 3"),
        "TOPIC takes CLOSE, DEFER or FROM THREAD, not `REOPEN`."
    );
    assert_eq!(
        problem("TOPIC close"),
        "TOPIC CLOSE needs a topic number (TOPICS lists them)."
    );
    assert_eq!(
        problem("TOPIC DEFER three"),
        "`three` is not a topic number: write 3 or #3 (TOPICS lists them)."
    );
    assert_eq!(
        problem("TOPIC DEFER #0"),
        "`#0` is not a topic number: write 3 or #3 (TOPICS lists them)."
    );
    assert_eq!(
        problem("TOPIC DEFER -1"),
        "`-1` is not a topic number: write 3 or #3 (TOPICS lists them)."
    );
    assert_eq!(
        problem("TOPIC CLOSE 3 4"),
        "TOPIC CLOSE takes one topic number; remove `4`."
    );
}

#[test]
fn rsvp() {
    assert_eq!(p("RSVP YES"), Ok(Cmd::Rsvp(Response::Yes)));
    assert_eq!(p("rsvp yes"), Ok(Cmd::Rsvp(Response::Yes)));
    assert_eq!(p("Rsvp No"), Ok(Cmd::Rsvp(Response::No)));
    assert_eq!(p("RSVP maybe"), Ok(Cmd::Rsvp(Response::Maybe)));
    assert_eq!(p("RSVP yes, 15 min late"), Ok(Cmd::Rsvp(Response::Yes)));
    assert_eq!(p("RSVP \"no\"!"), Ok(Cmd::Rsvp(Response::No)));
    assert_eq!(problem("RSVP"), "RSVP needs YES, NO or MAYBE.");
    assert!(problem("RSVP ja")
        .starts_with("`ja` is not YES, NO or MAYBE (RSVP takes only these English words"));
    assert!(problem("RSVP yesss").starts_with("`yesss` is not YES"));
}

#[test]
fn search() {
    assert_eq!(p("SEARCH pricing"), Ok(Cmd::Search("pricing".into())));
    assert_eq!(
        p("search   pricing   workshops"),
        Ok(Cmd::Search("pricing workshops".into()))
    );
    assert_eq!(problem("SEARCH"), "SEARCH needs words to look for.");
    assert_eq!(
        problem(&format!("SEARCH {}", "w ".repeat(101))),
        "The search is 201 characters long; at most 200 are allowed."
    );
}

#[test]
fn argless() {
    assert_eq!(p("HELP"), Ok(Cmd::Help));
    assert_eq!(p("help me please"), Ok(Cmd::Help));
    assert_eq!(p("Status"), Ok(Cmd::Status));
    assert_eq!(p("STATUS of things"), Ok(Cmd::Status));
    assert_eq!(p("topics"), Ok(Cmd::Topics));
    assert_eq!(p("AGENDA"), Ok(Cmd::Agenda));
    assert_eq!(p("Digest now"), Ok(Cmd::Digest));
    assert_eq!(p("LEAVE"), Ok(Cmd::Leave));
    assert_eq!(p("unsubscribe"), Ok(Cmd::Leave));
    assert_eq!(p("Unsubscribe please!"), Ok(Cmd::Leave));
    assert_eq!(p("pause"), Ok(Cmd::Pause));
    assert_eq!(p("RESUME"), Ok(Cmd::Resume));
    assert_eq!(p("Join"), Ok(Cmd::Join));
    assert_eq!(p("JOIN, thanks!"), Ok(Cmd::Join));
    assert_eq!(
            problem("Leave of absence"),
            "LEAVE takes nothing after it (got `of absence`); to do it, send just LEAVE as the Subject."
        );
    assert_eq!(
            problem("AGENDA for Tuesday"),
            "AGENDA takes nothing after it (got `for Tuesday`); to do it, send just AGENDA as the Subject."
        );
    assert!(p("JOIN us for dinner").is_err());
    assert!(p("PAUSE until March").is_err());
}

#[test]
fn unknown_commands() {
    let u = p("FROBNICATE now").unwrap_err();
    assert_eq!(en(&u.problem), "Unknown command: `FROBNICATE`.");
    assert_eq!(u.problem.id, "usage-unknown");
    assert_eq!(u.word, "HELP");
    assert_eq!(u.usage(), "send HELP for the list of commands");
    assert_eq!(u.example(), "HELP");
    assert_eq!(
        said(&u),
        "Unknown command: `FROBNICATE`.\nUsage: send HELP for the list of commands\nExample: HELP"
    );
    assert_eq!(
        en(&parse("", &[], &[]).unwrap_err().problem),
        "Unknown command: ``."
    );
    let weird = format!("X\u{0}{}", "Y".repeat(100));
    let u = parse(&weird, &[], &[]).unwrap_err();
    let said = en(&u.problem);
    assert!(
        !said.contains('\u{0}') && said.chars().count() < 90,
        "{said}"
    );
    // Mixed case of every known word parses (or fails with its own usage, not "unknown").
    for (word, s) in words() {
        let mixed: String = word
            .chars()
            .enumerate()
            .map(|(i, c)| {
                if i % 2 == 0 {
                    c.to_ascii_lowercase()
                } else {
                    c
                }
            })
            .collect();
        if let Err(u) = parse(&mixed, &[], &[]) {
            assert_eq!(u.usage(), s.usage, "{mixed}");
        }
    }
    assert_eq!(
        usage_of("schedule").map(|u| u.1),
        Some("SCHEDULE 2026-12-08 18:30 https://meet.example.org/cp")
    );
    assert_eq!(usage_of("nope"), None);
}

#[test]
fn coordinator_only_split() {
    for (s, c) in [
        ("SCHEDULE 2026-12-08 18:30", true),
        ("RESCHEDULE 2026-12-08 18:30", true),
        ("CANCEL", true),
        ("INVITE a@example.org", true),
        ("ADD a@example.org", true),
        ("REMOVE a@example.org", true),
        ("PROMOTE a@example.org", true),
        ("ATTENDED Anna", true),
        ("AGENDA", true),
        ("DIGEST", true),
        ("TOPIC CLOSE 1", true),
        ("TOPIC DEFER 1", true),
        ("STATUS", true),
        ("HELP", false),
        ("LEAVE", false),
        ("UNSUBSCRIBE", false),
        ("PAUSE", false),
        ("RESUME", false),
        ("RSVP yes", false),
        ("TOPICS", false),
        ("SEARCH x", false),
        ("JOIN", false),
    ] {
        assert_eq!(coordinator_only(&p(s).unwrap()), c, "{s}");
    }
}

#[test]
fn never_panics_on_garbage() {
    let junk = [
        "",
        "#",
        "##",
        "@",
        "@@",
        "<>",
        "<@>",
        "\"",
        "“",
        "T",
        "2026-12-08T",
        "T18:30",
        "8.",
        "8th",
        "Dec",
        "9999-99-99",
        "0000-01-01",
        "2026-12-08T99:99",
        "12:",
        ":30",
        "h",
        "pm",
        "1:2:3:4",
        "ü@ü.ü",
        "a@b.c",
        "-- ",
        "０@０.０",
        "\u{0}",
        "mailto:",
        "mailto:@",
        "#-1",
        "#٣",
    ];
    for cmd in words().map(|(w, _)| w).chain(["X", ""]) {
        for a in junk {
            for b in junk {
                let args = vec![a.to_string(), b.to_string(), "18:30".to_string()];
                let _ = parse(cmd, &args, &[a, b]);
                let args = vec![a.to_string(), b.to_string()];
                let _ = parse(cmd, &args, &[]);
            }
        }
    }
}

#[test]
fn the_table_is_the_one_list_of_commands() {
    // The words the Subject grammar has always known, no more, no fewer.
    let mut known: Vec<&str> = words().map(|(w, _)| w).collect();
    known.sort_unstable();
    let mut before = vec![
        "SCHEDULE",
        "RESCHEDULE",
        "CANCEL",
        "INVITE",
        "ADD",
        "REMOVE",
        "PROMOTE",
        "ATTENDED",
        "AGENDA",
        "DIGEST",
        "TOPIC",
        "STATUS",
        "HELP",
        "LEAVE",
        "UNSUBSCRIBE",
        // (LEAVE's synonyms in our languages are `local` words, with the other commands'.)
        "SIGNOFF",
        // Whole-Subject phrases of LEAVE (see `whole_subject_phrase`).
        "OPT-OUT",
        "UNSUBSCRIBE ME",
        "REMOVE ME",
        "OPT OUT",
        "PAUSE",
        "RESUME",
        "RSVP",
        "TOPICS",
        "SEARCH",
        "JOIN",
        "DELIVERY",
        "LANGUAGE",
    ];
    before.sort_unstable();
    assert_eq!(known, before);
    for (w, _) in words() {
        assert!(is_command_word(w), "{w}");
        assert_eq!(words().filter(|(x, _)| *x == w).count(), 1, "{w} twice");
    }
    assert!(!is_command_word("SCHEDULED") && !is_command_word("schedule"));
    for s in SPECS {
        // Each row's example reads as that row's command, so `Cmd::word` leads back to
        // the row that says who may send it.
        let cmd = p(s.example).unwrap_or_else(|u| panic!("{}: {u}", s.example));
        assert_eq!(cmd.word(), s.word, "{}", s.example);
        assert_eq!(
            coordinator_only(&cmd),
            s.who == Who::Coordinator,
            "{}",
            s.word
        );
        assert_eq!(changes_state(&cmd), s.changes, "{}", s.word);
    }
    assert_eq!(Cmd::TopicDefer(1).word(), "TOPIC");
    assert_eq!(p("UNSUBSCRIBE").map(|c| c.word()), Ok("LEAVE"));
    for synonym in [
        "abmelden",
        "Désabonner",
        "desabonner",
        "afmelden",
        "SIGNOFF",
    ] {
        assert_eq!(p(synonym).map(|c| c.word()), Ok("LEAVE"), "{synonym}");
    }
}

#[test]
fn local_words_are_data_of_the_member_commands() {
    for s in SPECS {
        for (lang, local) in s.local {
            assert!(
                LANGUAGES.contains(lang) && *lang != "en",
                "{}: {lang}",
                s.word
            );
            assert_eq!(s.who, Who::Everyone, "{}: only member commands", s.word);
            for w in *local {
                // A local word never shadows another command's English word.
                assert!(spec(w).is_some_and(|x| x.word == s.word), "{w}");
            }
        }
    }
    for w in [
        "LEAVE", "PAUSE", "RESUME", "HELP", "TOPICS", "SEARCH", "DELIVERY", "LANGUAGE",
    ] {
        let s = spec(w).unwrap();
        for lang in &LANGUAGES[1..] {
            assert!(
                s.local.iter().any(|(l, _)| l == lang),
                "{w} has no {lang} word"
            );
        }
    }
    assert_eq!(word_in(spec("HELP").unwrap(), "de"), "HILFE");
    assert_eq!(word_in(spec("HELP").unwrap(), "en"), "HELP");
    assert_eq!(word_in(spec("STATUS").unwrap(), "fr"), "STATUS");
    assert_eq!(
        local_word("hilfe").map(|(s, l)| (s.word, l)),
        Some(("HELP", "de"))
    );
    assert!(
        local_word("PAUSE").is_none(),
        "an English word is not a local one"
    );
    assert!(local_word("UNSUBSCRIBE").is_none());
}

#[test]
fn only_help_status_topics_and_search_just_read() {
    for (s, changes) in [
        ("HELP", false),
        ("STATUS", false),
        ("TOPICS", false),
        ("SEARCH x", false),
        ("RSVP yes", true),
        ("LEAVE", true),
        ("PAUSE", true),
        ("RESUME", true),
        ("JOIN", true),
        ("SCHEDULE 2026-12-08 18:30", true),
        ("CANCEL", true),
        ("AGENDA", true),
        ("TOPIC CLOSE 1", true),
    ] {
        assert_eq!(changes_state(&p(s).unwrap()), changes, "{s}");
    }
}

#[test]
fn an_alias_is_answered_in_its_own_word() {
    assert_eq!(
            problem("UNSUBSCRIBE me from everything"),
            "UNSUBSCRIBE takes nothing after it (got `me from everything`); to do it, send just UNSUBSCRIBE as the Subject."
        );
    assert_eq!(usage_of("unsubscribe"), usage_of("LEAVE"));
}

#[test]
fn a_command_reads_its_words_and_the_senders_own() {
    let c = Command::read(
        "ATTENDED".into(),
        vec!["Anna,".into(), "Bob".into()],
        "carl@example.org\n-- \nsig",
    );
    assert_eq!(
        c.parsed,
        Ok(Cmd::Attended {
            people: vec!["Anna".into(), "Bob".into(), "carl@example.org".into()]
        })
    );
    assert_eq!(c.line(), "ATTENDED Anna, Bob");
    let leave = Command::implied(Cmd::Leave);
    assert_eq!(
        (leave.line(), leave.parsed),
        ("LEAVE".to_string(), Ok(Cmd::Leave))
    );
    // Its JSON is the word and the arguments only (the `inspect --json` contract).
    assert_eq!(
        serde_json::to_string(&c).unwrap(),
        r#"{"command":"ATTENDED","args":["Anna,","Bob"]}"#
    );
    let bad = Command::read("SCHEDULE".into(), vec!["soon".into()], "");
    assert!(bad.parsed.is_err());
    assert_eq!(
        serde_json::to_string(&bad).unwrap(),
        r#"{"command":"SCHEDULE","args":["soon"]}"#
    );
}

#[test]
fn language_takes_a_code_or_a_name() {
    let read = |s: &str| {
        let (w, args, _) = subject::parse_subject(s).unwrap();
        parse(&w, &args, &[])
    };
    assert_eq!(read("LANGUAGE de"), Ok(Cmd::Language("de")));
    assert_eq!(read("language Français"), Ok(Cmd::Language("fr")));
    assert_eq!(read("LANGUAGE PT"), Ok(Cmd::Language("pt")));
    assert!(read("LANGUAGE").is_err());
    assert!(read("LANGUAGE klingon").is_err());
}
