//! Tests of `config`.

use super::*;

fn no_env(_: &str) -> Option<String> {
    None
}

const GOOD: &str = r#"
        database_url = "sqlite://rt.db"
        [inbound]
        kind = "maildir"
        path = "in"
        [outbound]
        kind = "smtp"
        host = "127.0.0.1"
        port = 2525
        tls = "none"
        retry = ["1m", "10m"]
        [[community]]
        slug = "design"
        name = "Design Circle"
        address = "circle@example.org"
        timezone = "Europe/Berlin"
        coordinators = ["ana@example.org"]
        [community.timeline]
        announce = "10d"
    "#;

#[test]
fn good_config_resolves_paths_and_defaults() {
    let c = parse(GOOD, Path::new("/srv/rt"), &no_env).unwrap();
    assert_eq!(c.database_url, "sqlite:///srv/rt/rt.db?mode=rwc");
    assert!(matches!(&c.inbound, Inbound::Maildir { path } if path == Path::new("/srv/rt/in")));
    let Outbound::Smtp(s) = &c.outbound else {
        panic!("smtp expected")
    };
    assert_eq!(
        s.retry.delays,
        vec![Duration::from_secs(60), Duration::from_secs(600)]
    );
    assert_eq!(s.retry.delay_after(5), Duration::from_secs(600));
    let t = &c.communities[0].timeline;
    assert_eq!(t.announce, Duration::from_secs(10 * 86400));
    assert_eq!(t.call_for_topics, Duration::from_secs(7 * 86400));
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = r#"
            [inbound]
            kind = "imap"
            [outbound]
            kind = "carrier-pigeon"
            [[community]]
            slug = "Bad Slug"
            name = "x"
            address = "not-an-address"
            timezone = "Mars/Olympus"
            coordinators = []
            meeting_cron = "every tuesday"
        "#;
    let problems = parse(text, Path::new("/"), &no_env).unwrap_err();
    let keys: Vec<_> = problems.iter().map(|p| p.key.as_str()).collect();
    for k in [
        "inbound.host",
        "inbound.username",
        "inbound.password",
        "outbound.kind",
        "community[0].slug",
        "community[0].address",
        "community[0].timezone",
        "community[0].coordinators",
        "community[0].meeting_cron",
    ] {
        assert!(keys.contains(&k), "missing problem for {k}: {keys:?}");
    }
    assert!(problems.iter().all(|p| !p.fix.is_empty()));
}

#[test]
fn secrets_come_from_the_environment_and_never_print() {
    let text = GOOD.replace(
        "kind = \"maildir\"\n        path = \"in\"",
        "kind = \"imap\"\n        host = \"127.0.0.1\"\n        username = \"u\"",
    );
    let env = |k: &str| match k {
        ENV_IMAP_PASSWORD => Some("hunter2-imap".to_string()),
        ENV_SECRET => Some("0123456789abcdef0123".to_string()),
        _ => None,
    };
    let c = parse(&text, Path::new("/"), &env).unwrap();
    let Inbound::Imap(i) = &c.inbound else {
        panic!("imap expected")
    };
    assert_eq!(i.password.expose(), "hunter2-imap");
    let dbg = format!("{:?} {:?}", i, c.secret);
    assert!(
        !dbg.contains("hunter2") && !dbg.contains("0123456789"),
        "{dbg}"
    );
}

#[test]
fn tls_ca_file_is_read_at_load_and_every_problem_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ca.pem"), crate::tls::TEST_CA_PEM).unwrap();
    std::fs::write(dir.path().join("empty.pem"), "").unwrap();
    let imap = "kind = \"imap\"\n        host = \"127.0.0.1\"\n        username = \"u\"\n        password = \"p\"\n        tls = \"starttls\"\n        tls_ca_file = \"ca.pem\"";
    let text = GOOD
        .replace("kind = \"maildir\"\n        path = \"in\"", imap)
        .replace(
            "tls = \"none\"",
            "tls = \"implicit\"\n        tls_ca_file = \"ca.pem\"",
        );
    let c = parse(&text, dir.path(), &no_env).unwrap();
    let Inbound::Imap(i) = &c.inbound else {
        panic!("imap expected")
    };
    assert_eq!(
        i.tls_ca_file.as_ref().unwrap().path,
        dir.path().join("ca.pem"),
        "relative to the config's directory"
    );
    assert_eq!(i.tls_ca_file.as_ref().unwrap().certificates().len(), 1);
    let Outbound::Smtp(s) = &c.outbound else {
        panic!("smtp expected")
    };
    assert!(s.tls_ca_file.is_some());

    // A missing file, a file without a certificate, and a CA file on a connection without TLS.
    let bad = text
        .replacen(
            "tls_ca_file = \"ca.pem\"",
            "tls_ca_file = \"missing.pem\"",
            1,
        )
        .replace(
            "tls = \"implicit\"\n        tls_ca_file = \"ca.pem\"",
            "tls = \"none\"\n        tls_ca_file = \"empty.pem\"",
        );
    let problems = parse(&bad, dir.path(), &no_env).unwrap_err();
    let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(problems.len(), 3, "{shown:#?}");
    assert!(
        shown[0].starts_with("inbound.tls_ca_file: cannot read")
            && shown[0].contains("missing.pem"),
        "{shown:#?}"
    );
    assert!(
        shown[1].starts_with("outbound.tls_ca_file: is set, but outbound.tls = \"none\""),
        "{shown:#?}"
    );
    assert!(
        shown[2].starts_with("outbound.tls_ca_file:")
            && shown[2].contains("holds no PEM certificate"),
        "{shown:#?}"
    );
    assert!(problems.iter().all(|p| !p.fix.is_empty()));
}

#[test]
fn unknown_keys_and_bad_toml_name_the_place() {
    let p = parse("database_url = 3\n", Path::new("/"), &no_env).unwrap_err();
    assert_eq!(p[0].key, "line 1");
    let p = parse("colour = \"blue\"\n", Path::new("/"), &no_env).unwrap_err();
    assert!(p[0].problem.contains("colour"), "{:?}", p);
}

#[test]
fn metrics_listen_is_loopback_only() {
    let with = |v: &str| {
        GOOD.replacen(
            "[inbound]",
            &format!("metrics_listen = \"{v}\"\n[inbound]"),
            1,
        )
    };
    let c = parse(&with("127.0.0.1:9464"), Path::new("/"), &no_env).unwrap();
    assert_eq!(c.metrics_listen, Some("127.0.0.1:9464".parse().unwrap()));
    let c = parse(&with("[::1]:9464"), Path::new("/"), &no_env).unwrap();
    assert_eq!(c.metrics_listen, Some("[::1]:9464".parse().unwrap()));
    assert_eq!(
        parse(GOOD, Path::new("/"), &no_env).unwrap().metrics_listen,
        None
    );
    for bad in ["0.0.0.0:9464", "192.0.2.7:9464", "localhost", "9464"] {
        let problems = parse(&with(bad), Path::new("/"), &no_env).unwrap_err();
        assert_eq!(problems.len(), 1, "{bad}: {problems:?}");
        assert_eq!(problems[0].key, "metrics_listen");
        assert!(
            problems[0].fix.contains("127.0.0.1"),
            "{bad}: {:?}",
            problems[0]
        );
    }
}
