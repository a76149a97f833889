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
        .get(Lang::De, "footer-answer", &FluentArgs::new())
        .contains("ABMELDEN"));
    assert_eq!(
        t.get(Lang::En, "hello", &args(&[("name", "Ben")])),
        "Hello Ben,"
    );
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
