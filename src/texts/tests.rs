use super::*;

fn args(pairs: &[(&str, &str)]) -> FluentArgs<'static> {
    let mut a = FluentArgs::new();
    for (k, v) in pairs {
        a.set(k.to_string(), v.to_string());
    }
    a
}

#[test]
fn every_catalog_has_every_message_with_the_same_placeholders() {
    let english = messages(builtin_source(Lang::En));
    assert!(english.len() > 20);
    for &lang in Lang::ALL {
        let theirs = messages(builtin_source(lang));
        let names = |m: &[(String, BTreeSet<String>)]| -> Vec<String> {
            m.iter().map(|(n, _)| n.clone()).collect()
        };
        assert_eq!(
            names(&theirs),
            names(&english),
            "{lang}: the same messages, in the same order"
        );
        for ((id, vars), (_, en)) in theirs.iter().zip(&english) {
            assert_eq!(vars, en, "{lang}: {id} has the placeholders of en");
        }
        // And each formats.
        let t = Texts::builtin();
        for (id, vars) in &theirs {
            let mut a = FluentArgs::new();
            for v in vars {
                a.set(v.clone(), FluentValue::from(2));
            }
            let out = t.get(lang, id, &a);
            assert_ne!(&out, id, "{lang}: {id} formats");
            assert!(
                !out.contains('{') && !out.contains('$'),
                "{lang}: {id}: {out}"
            );
        }
    }
}

#[test]
fn dates_as_each_language_writes_them() {
    let t = Texts::builtin();
    let berlin = chrono_tz::Europe::Berlin;
    // Tuesday 6 October 2026, 16:30 UTC.
    let at = 1_791_304_200;
    let expect = [
        (Lang::En, "Tuesday 6 October 2026, 18:30 CEST"),
        (Lang::De, "Dienstag, 6. Oktober 2026, 18:30 Uhr CEST"),
        (Lang::Fr, "mardi 6 octobre 2026 à 18:30 CEST"),
        (Lang::Es, "martes, 6 de octubre de 2026, 18:30 CEST"),
        (Lang::Nl, "dinsdag 6 oktober 2026, 18:30 CEST"),
        (Lang::Pt, "terça-feira, 6 de outubro de 2026, às 18:30 CEST"),
    ];
    for (lang, want) in expect {
        assert_eq!(t.when(lang, berlin, at), want, "{lang}");
    }
}

#[test]
fn plurals_follow_each_language() {
    let t = Texts::builtin();
    let n = |lang, count: i64| {
        let mut a = FluentArgs::new();
        a.set("count", count);
        t.get(lang, "takeaways", &a)
    };
    assert_eq!(n(Lang::En, 1), "one takeaway");
    assert_eq!(n(Lang::En, 3), "3 takeaways");
    assert_eq!(n(Lang::De, 1), "eine Erkenntnis");
    // French and Portuguese count 0 as singular (CLDR "one" is i = 0,1): Fluent knows.
    assert_eq!(n(Lang::Fr, 0), "0 enseignement");
    assert_eq!(n(Lang::Fr, 2), "2 enseignements");
    assert_eq!(n(Lang::Pt, 0), "0 aprendizado");
}

#[test]
fn an_override_wins_message_by_message() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("de.ftl"), "hello = Moin { $name }!\n").unwrap();
    let t = Texts::load(Some(dir.path())).unwrap();
    assert_eq!(
        t.get(Lang::De, "hello", &args(&[("name", "Ben")])),
        "Moin Ben!"
    );
    // What it does not override stays built in, and other languages are untouched.
    assert!(t
        .get(Lang::De, "footer-answer", &args(&[("leave", "ABMELDEN")]))
        .contains("ABMELDEN im Betreff"));
    assert_eq!(
        t.get(Lang::En, "hello", &args(&[("name", "Ben")])),
        "Hello Ben,"
    );
}

#[test]
fn the_footer_names_leave_in_the_readers_language_and_the_robot_reads_that_word() {
    for &lang in Lang::ALL {
        let tr = Tr::new(super::builtin(), lang, chrono_tz::Europe::Berlin);
        let word = tr.command_word("LEAVE");
        let footer = tr.t1("footer-answer", "leave", word);
        assert!(footer.contains(word), "{lang:?}: {footer}");
        assert_eq!(lang == Lang::En, word == "LEAVE", "{lang:?}: {word}");
        assert!(
            matches!(
                understand::command::parse(word, &[], &[]),
                Ok(understand::command::Cmd::Leave)
            ),
            "{lang:?}: {word} is not read as LEAVE"
        );
    }
}

#[test]
fn a_broken_override_is_refused_with_file_line_and_fix() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "fr.ftl",
            "hello = Salut { $name }\nfooter-answer = { $oops\n",
            "not Fluent syntax",
            2,
        ),
        (
            "nl.ftl",
            "hello = Hoi\n\ngreeting = Dag { $name }\n",
            "no message named \"greeting\"",
            3,
        ),
        (
            "es.ftl",
            "# mine\nhello = Hola { $nombre }\n",
            "has no placeholder { $nombre }",
            2,
        ),
        (
            "pt.ftl",
            "hello = Olá { -missing-term }\n",
            "does not format",
            1,
        ),
        ("xx.ftl", "hello = Hi\n", "not named after a language", 0),
    ];
    for (file, text, what, line) in cases {
        for f in std::fs::read_dir(dir.path()).unwrap() {
            std::fs::remove_file(f.unwrap().path()).unwrap();
        }
        std::fs::write(dir.path().join(file), text).unwrap();
        let problems = Texts::load(Some(dir.path()))
            .err()
            .unwrap_or_else(|| panic!("{file} accepted"));
        let p = &problems[0];
        assert!(p.what.contains(what), "{file}: {p}");
        assert_eq!(p.line, line, "{file}: {p}");
        assert!(p.file.ends_with(file));
        assert!(!p.fix.is_empty());
        assert!(p.to_string().contains(&format!("{file}:{line}:")), "{p}");
    }
}

#[test]
fn export_writes_the_built_in_catalog_and_it_loads_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = export(Lang::De, dir.path()).unwrap();
    assert!(path.ends_with("de.ftl"));
    let t = Texts::load(Some(dir.path())).unwrap();
    assert_eq!(
        t.get(Lang::De, "hello", &args(&[("name", "Ana")])),
        "Hallo Ana,"
    );
}

/// Every timeline mail renders in every language with words from the catalog: no message id
/// left in place of a sentence (what `get` returns for a missing message), and the German
/// agenda is German, dates included.
#[test]
fn every_mail_renders_in_every_language() {
    use crate::compose::{
        Agenda, CallForTopics, Digest, DigestConversation, DigestPost, Footer, GuestFollowup,
        Invitation, MeetingChanged, PostDigest, Reminder, TakeawayRequest, TopicLine, Welcome,
    };
    let en_ids: Vec<String> = Texts::builtin_catalog(Lang::En)
        .lines()
        .filter_map(|l| l.split_once(" = ").map(|(id, _)| id.trim().to_string()))
        .filter(|id| id.contains('-') && !id.starts_with('#'))
        .collect();
    let topics = vec![TopicLine {
        number: 2,
        title: "Pricing".into(),
        details: None,
        proposer: "Ana".into(),
        votes: 3,
        carried_over: true,
    }];
    let coming = vec!["Ana".to_string()];
    for &lang in Lang::ALL {
        let tr = Tr::new(super::builtin(), lang, chrono_tz::Europe::Berlin);
        let when = tr.when(1_796_578_200);
        let f = Footer {
            tr,
            community: "Circle",
            list_address: "c@example.org",
            signature: "",
        };
        let mut out = Vec::new();
        let agenda = Agenda {
            name: "Ben",
            community: "Circle",
            when: &when,
            place: Some("Room 4"),
            topics: &topics,
            coming: &coming,
            maybe: &[],
        };
        out.push(agenda.render(&f).unwrap());
        out.push(
            CallForTopics {
                name: "Ben",
                community: "Circle",
                when: &when,
                topics: &topics,
            }
            .render(&f)
            .unwrap(),
        );
        out.push(
            Reminder {
                name: "Ben",
                community: "Circle",
                when: &when,
                place: None,
                answer: "maybe",
            }
            .render(&f)
            .unwrap(),
        );
        out.push(
            TakeawayRequest {
                name: "Ben",
                community: "Circle",
                when: &when,
            }
            .render(&f)
            .unwrap(),
        );
        out.push(
            GuestFollowup {
                name: "Ben",
                community: "Circle",
                when: &when,
                description: "",
            }
            .render(&f)
            .unwrap(),
        );
        out.push(
            Digest {
                name: "Ben",
                community: "Circle",
                meetings: &[],
                topics: &topics,
                next: Some(when.clone()),
                conversations: &[DigestConversation {
                    number: 12,
                    subject: "Figma variables".into(),
                    author: "Ana".into(),
                    replies: 2,
                    first_lines: "Anyone used them yet?".into(),
                }],
                charts: &[],
            }
            .render(&f)
            .unwrap(),
        );
        out.push(
            PostDigest {
                name: "Ben",
                community: "Circle",
                list: "c@example.org",
                posts: &[DigestPost {
                    subject: "Figma variables".into(),
                    author: "Ana".into(),
                    when: when.clone(),
                    words: "Anyone used them yet?".into(),
                    reply: "mailto:c@example.org?subject=Re%3A%20Figma".into(),
                }],
            }
            .render(&f)
            .unwrap(),
        );
        for cancelled in [true, false] {
            out.push(
                MeetingChanged {
                    name: "Ben",
                    community: "Circle",
                    cancelled,
                    when: &when,
                    old_when: &when,
                    place: Some("Room 4"),
                    reason: None,
                }
                .render(&f)
                .unwrap(),
            );
        }
        out.push(
            Welcome {
                name: "Ben",
                community: "Circle",
                description: "",
            }
            .render(&f)
            .unwrap(),
        );
        out.push(
            Invitation {
                name: "Ben",
                inviter: "Ana",
                community: "Circle",
                description: "",
                when: &when,
                place: None,
            }
            .render(&f)
            .unwrap(),
        );
        for (text, html) in &out {
            for id in &en_ids {
                for part in [text, html] {
                    assert!(
                        !part.contains(id.as_str()),
                        "{lang}: message id {id} left in\n{part}"
                    );
                }
            }
        }
        if lang == Lang::De {
            let (text, html) = &out[0];
            assert!(
                text.contains(
                    "Die Tagesordnung für Circle am Sonntag, 6. Dezember 2026, 18:30 Uhr"
                ),
                "{text}"
            );
            assert!(
                text.contains("Dabei (1):") && text.contains("[übernommen]"),
                "{text}"
            );
            assert!(
                html.contains("Ja, ich komme") && html.contains("+1 für dieses Thema"),
                "{html}"
            );
            assert!(
                !text.contains("Hello") && !html.contains("Reply to this mail"),
                "{text}"
            );
        }
    }
}
