//! Tests of `auth_results`.

use super::*;

#[test]
fn marked_failing_is_spf_or_dmarc_fail_from_our_server_only() {
    let ours = "mx.roundtable.example";
    let f = |h: &str| marked_failing(&[h.to_string()], ours, "example.org");
    assert!(f("mx.roundtable.example; spf=fail smtp.mailfrom=example.org; dmarc=none header.from=example.org").unwrap().contains("spf=fail"));
    assert!(
        f("mx.roundtable.example; dmarc=fail (p=reject) header.from=example.org")
            .unwrap()
            .contains("dmarc=fail")
    );
    assert_eq!(f("mx.roundtable.example; spf=pass smtp.mailfrom=example.org; dmarc=none header.from=example.org"), None);
    assert_eq!(
        f("mx.elsewhere.example; spf=fail smtp.mailfrom=example.org"),
        None,
        "not our server's word"
    );
    assert_eq!(marked_failing(&[], ours, "example.org"), None);
}

const ID: &str = "mx.roundtable.example";

fn v(headers: &[&str], from: &str) -> Verdict {
    let h: Vec<String> = headers.iter().map(|s| s.to_string()).collect();
    verify_sender(&h, ID, from)
}

fn is_fail(v: &Verdict) -> bool {
    matches!(v, Verdict::Fail { .. })
}
fn is_missing(v: &Verdict) -> bool {
    matches!(v, Verdict::Missing { .. })
}

#[test]
fn postfix_opendmarc() {
    let h = "mx.roundtable.example; dmarc=pass (p=none dis=none) header.from=example.org";
    assert_eq!(v(&[h], "example.org"), Verdict::Pass { method: "dmarc" });
    // OpenDKIM's header, folded with CRLF and tabs.
    let h = "mx.roundtable.example;\r\n\tdkim=pass (2048-bit key; unprotected) header.d=example.org\r\n\theader.i=@example.org header.a=rsa-sha256 header.s=default header.b=AbCd+/Ef;\r\n\tdkim-atps=neutral";
    assert_eq!(v(&[h], "example.org"), Verdict::Pass { method: "dkim" });
    // The ';' inside the comment does not split the resinfo.
    let c = check(&[h.to_string()], ID, "example.org");
    assert_eq!(c.trusted, Some(0));
    assert!(c.ignored.is_empty());
}

#[test]
fn gmail() {
    let h = "mx.google.com;\r\n       dkim=pass header.i=@example.org header.s=20230601 header.b=Ab1cDeF2;\r\n       spf=pass (google.com: domain of anna@example.org designates 209.85.220.41 as permitted sender) smtp.mailfrom=anna@example.org;\r\n       dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=example.org";
    let hs = vec![h.to_string()];
    assert_eq!(
        verify_sender(&hs, "mx.google.com", "example.org"),
        Verdict::Pass { method: "dmarc" }
    );
    assert_eq!(
        verify_sender(&hs, "MX.Google.COM", "Example.ORG"),
        Verdict::Pass { method: "dmarc" }
    );
    // Not our id → ignored.
    let c = check(&hs, ID, "example.org");
    assert!(is_missing(&c.verdict), "{:?}", c.verdict);
    assert_eq!(c.ignored.len(), 1);
    assert_eq!(c.ignored[0].authserv_id.as_deref(), Some("mx.google.com"));
    // dkim fallback via header.i when dmarc is absent.
    let h = "mx.google.com; dkim=pass header.i=@example.org header.s=x header.b=y; spf=pass smtp.mailfrom=a@example.org";
    assert_eq!(
        verify_sender(&[h.to_string()], "mx.google.com", "example.org"),
        Verdict::Pass { method: "dkim" }
    );
}

#[test]
fn microsoft() {
    // Microsoft 365 writes no authserv-id: never ours.
    let ms = "spf=pass (sender IP is 209.85.128.51) smtp.mailfrom=example.org; dkim=pass (signature was verified) header.d=example.org;dmarc=pass action=none header.from=example.org;compauth=pass reason=100";
    let c = check(&[ms.to_string()], ID, "example.org");
    assert!(is_missing(&c.verdict));
    assert_eq!(c.ignored[0].authserv_id, None);
    // Its resinfo syntax under our id (as a relaying server copying it would write it).
    let h = format!("{ID}; {ms}");
    assert_eq!(v(&[&h], "example.org"), Verdict::Pass { method: "dmarc" });
    let h = format!("{ID}; dkim=pass (signature was verified) header.d=example.org;dmarc=none action=none header.from=example.org;compauth=pass reason=100");
    assert_eq!(v(&[&h], "example.org"), Verdict::Pass { method: "dkim" });
    let h = format!("{ID}; spf=fail (sender IP is 1.2.3.4) smtp.mailfrom=example.org; dkim=none (message not signed) header.d=none;dmarc=fail action=oreject header.from=example.org;compauth=fail reason=000");
    assert!(is_fail(&v(&[&h], "example.org")));
}

#[test]
fn fastmail_and_stalwart() {
    let fm = "mx6.messagingengine.com;\r\n    arc=none (no signatures found);\r\n    dkim=pass (2048-bit rsa key sha256) header.d=example.org header.i=@example.org header.b=Xy9+a/b= header.a=rsa-sha256 header.s=fm1 x-bits=2048;\r\n    dmarc=pass policy.published-domain-policy=none policy.applied-disposition=none policy.evaluated-disposition=none (p=none,d=none,d.eval=none) policy.policy-from=p header.from=example.org;\r\n    iprev=pass smtp.remote-ip=1.2.3.4 (mail.example.org);\r\n    spf=pass smtp.mailfrom=anna@example.org smtp.helo=mail.example.org;\r\n    x-aligned-from=pass (Address match);\r\n    x-tls=pass smtp.version=TLSv1.3 smtp.cipher=TLS_AES_256_GCM_SHA384 smtp.bits=256/256;\r\n    x-vs=clean score=-100 state=0";
    assert_eq!(
        verify_sender(&[fm.to_string()], "mx6.messagingengine.com", "example.org"),
        Verdict::Pass { method: "dmarc" }
    );
    let st = "mx.roundtable.example;\r\n\tdkim=pass header.d=example.org header.s=rsa header.b=abcd;\r\n\tspf=pass (mx.roundtable.example: domain of anna@example.org designates 1.2.3.4 as permitted sender) smtp.mailfrom=anna@example.org;\r\n\tiprev=pass policy.iprev=1.2.3.4 (mail.example.org);\r\n\tdmarc=pass header.from=example.org policy.dmarc=reject";
    assert_eq!(v(&[st], "example.org"), Verdict::Pass { method: "dmarc" });
}

#[test]
fn foreign_and_forged_headers_are_ignored() {
    // A forged header with a different id saying pass; ours says fail.
    let forged = "mx.google.com; dmarc=pass header.from=example.org";
    let real = "mx.roundtable.example; dmarc=fail (p=reject dis=reject) header.from=example.org";
    let c = check(&[real.to_string(), forged.to_string()], ID, "example.org");
    assert!(is_fail(&c.verdict));
    assert_eq!(c.trusted, Some(0));
    assert_eq!(c.ignored[0].index, 1);
    assert_eq!(c.ignored[0].why, "foreign authserv-id");
    // Only a foreign one.
    assert!(is_missing(&v(&[forged], "example.org")));
    // A forged header with OUR id placed below the real one.
    let forged_ours = "mx.roundtable.example; dmarc=pass header.from=example.org";
    let real = "mx.roundtable.example; spf=pass smtp.mailfrom=example.org; dkim=none; dmarc=none header.from=example.org";
    let c = check(
        &[real.to_string(), forged_ours.to_string()],
        ID,
        "example.org",
    );
    assert!(!c.verdict.is_pass(), "{:?}", c.verdict);
    assert_eq!(c.ignored.len(), 1);
    assert!(c.ignored[0].why.contains("forged"));
    // A foreign header on top (a later hop), ours below it: ours is still the one read.
    let c = check(
        &[
            "relay.other.net; dmarc=fail header.from=example.org".into(),
            "MX.ROUNDTABLE.EXAMPLE 1; DMARC=PASS header.from=EXAMPLE.org".into(),
        ],
        ID,
        "example.org",
    );
    assert_eq!(c.verdict, Verdict::Pass { method: "dmarc" });
    assert_eq!(c.trusted, Some(1));
    // A result hidden in a comment or quoted string is not a result.
    assert!(is_fail(&v(
            &["mx.roundtable.example; dmarc=fail (dmarc=pass header.from=example.org) header.from=example.org"],
            "example.org"
        )));
    // The id written as a quoted string.
    assert_eq!(
        v(
            &["\"mx.roundtable.example\"; dmarc=pass header.from=example.org"],
            "example.org"
        ),
        Verdict::Pass { method: "dmarc" }
    );
    // A configured authserv_id that is empty trusts nothing.
    assert!(is_missing(&verify_sender(
        &["mx.roundtable.example; dmarc=pass header.from=example.org".into()],
        " ",
        "example.org"
    )));
}

#[test]
fn failures() {
    // dmarc=fail
    let r = v(
        &["mx.roundtable.example; dmarc=fail header.from=example.org"],
        "example.org",
    );
    assert_eq!(
        r,
        Verdict::Fail {
            reason: "mx.roundtable.example says dmarc=fail for example.org".into()
        }
    );
    // dmarc=fail wins over an aligned dkim=pass.
    assert!(is_fail(&v(
            &["mx.roundtable.example; dkim=pass header.d=mail.example.org; dmarc=fail header.from=example.org"],
            "example.org"
        )));
    // dkim=pass for another domain: not aligned.
    let r = v(
        &["mx.roundtable.example; dkim=pass header.d=evil.com header.s=x"],
        "example.org",
    );
    assert_eq!(
        r,
        Verdict::Fail {
            reason: "dkim=pass for evil.com, not aligned with example.org".into()
        }
    );
    // Lookalike suffix is not a subdomain.
    assert!(is_fail(&v(
        &["mx.roundtable.example; dkim=pass header.d=badexample.org"],
        "example.org"
    )));
    // Siblings do not align; a single label never aligns.
    assert!(is_fail(&v(
        &["mx.roundtable.example; dkim=pass header.d=a.example.org"],
        "b.example.org"
    )));
    assert!(is_fail(&v(
        &["mx.roundtable.example; dkim=pass header.d=org"],
        "example.org"
    )));
    // Subdomain either way aligns.
    assert!(v(
        &["mx.roundtable.example; dkim=pass header.d=mail.example.org"],
        "example.org"
    )
    .is_pass());
    assert!(v(
        &["mx.roundtable.example; dkim=pass header.d=example.org"],
        "lists.example.org"
    )
    .is_pass());
    // dmarc=pass for another domain than the From's.
    let r = v(
        &["mx.roundtable.example; dmarc=pass header.from=evil.com"],
        "example.org",
    );
    assert_eq!(
        r,
        Verdict::Fail {
            reason: "dmarc=pass is for evil.com, not example.org".into()
        }
    );
    // dkim=fail.
    assert!(is_fail(&v(
        &["mx.roundtable.example; dkim=fail (bad signature) header.d=example.org"],
        "example.org"
    )));
    // Empty From domain.
    assert!(is_fail(&v(
        &["mx.roundtable.example; dmarc=pass header.from=example.org"],
        ""
    )));
}

#[test]
fn missing() {
    assert_eq!(
        verify_sender(&[], ID, "example.org"),
        Verdict::Missing {
            reason: "no Authentication-Results header".into()
        }
    );
    // `none`: the server checked nothing.
    assert!(is_missing(&v(
        &["mx.roundtable.example; none"],
        "example.org"
    )));
    assert!(is_missing(&v(
        &["mx.roundtable.example 1; none"],
        "example.org"
    )));
    // Only SPF.
    assert!(is_missing(&v(
        &["mx.roundtable.example; spf=pass smtp.mailfrom=example.org"],
        "example.org"
    )));
    // dmarc=none / dkim=none / temperror: nothing decisive.
    assert!(is_missing(&v(
        &["mx.roundtable.example; dkim=none; dmarc=none header.from=example.org"],
        "example.org"
    )));
    assert!(is_missing(&v(
        &["mx.roundtable.example; dkim=temperror header.d=example.org"],
        "example.org"
    )));
    // A version we don't know is ignored.
    let c = check(
        &["mx.roundtable.example 2; dmarc=pass header.from=example.org".into()],
        ID,
        "example.org",
    );
    assert!(is_missing(&c.verdict));
    assert_eq!(
        c.ignored[0].why,
        "unsupported Authentication-Results version"
    );
}

#[test]
fn garbage_never_panics() {
    let junk = [
        "",
        ";",
        ";;;",
        "(",
        ")",
        "\"",
        "(((",
        "mx.roundtable.example; (unclosed",
        "mx.roundtable.example; dmarc=\"pass",
        "mx.roundtable.example; dmarc",
        "mx.roundtable.example; =pass",
        "mx.roundtable.example; dmarc= ; =",
        "mx.roundtable.example; dmarc=pass header.from",
        "mx.roundtable.example; dmarc=pass header.from=",
        "mx.roundtable.example junk junk; dmarc=pass header.from=example.org",
        "\u{0}\u{1}\r\n\t",
        "mx.roundtable.example; dkim=pass header.d=@",
        "mx.roundtable.example; dkim=pass header.i=@@@",
        "ü; ä=ö header.from=ß",
        "mx.roundtable.example;\\;\\(",
        "=\u{FFFF}=;=",
        "mx.roundtable.example; dmarc/1=pass header.from=example.org",
    ];
    for j in junk {
        let _ = v(&[j], "example.org");
        let _ = v(&[j, j], "");
        let _ = display_name_mismatch(Some(j), j);
    }
    // Version on the method is stripped.
    assert!(v(
        &["mx.roundtable.example; dmarc/1=pass header.from=example.org"],
        "example.org"
    )
    .is_pass());
    // Text after the id that is not a version: unreadable, ignored.
    assert!(is_missing(&v(
        &["mx.roundtable.example junk junk; dmarc=pass header.from=example.org"],
        "example.org"
    )));
    let long = format!("{ID}; {}", "dkim=pass header.d=x.org; ".repeat(5000));
    let _ = v(&[&long], "example.org");
    let nested = format!(
        "{ID}; dmarc=fail {}dmarc=pass header.from=example.org{} header.from=example.org",
        "(".repeat(100),
        ")".repeat(100)
    );
    assert!(is_fail(&v(&[&nested], "example.org")));
}

#[test]
fn display_names() {
    assert!(display_name_mismatch(Some("boss@x.org"), "evil@y.com"));
    assert!(display_name_mismatch(
        Some("Boss (boss@x.org)"),
        "evil@y.com"
    ));
    assert!(display_name_mismatch(
        Some("Boss <boss@x.org>"),
        "evil@y.com"
    ));
    assert!(display_name_mismatch(
        Some("mailto:boss@x.org"),
        "evil@y.com"
    ));
    assert!(display_name_mismatch(
        Some("boss\u{FF20}x.org"),
        "evil@y.com"
    ));
    assert!(display_name_mismatch(
        Some("Anna via boss@x.org"),
        "anna@y.com"
    ));
    // The real address shown in the name is fine, in any case.
    assert!(!display_name_mismatch(Some("anna@x.org"), "anna@x.org"));
    assert!(!display_name_mismatch(Some("'Anna@X.org'"), "anna@x.org"));
    assert!(!display_name_mismatch(
        Some("Anna Berg (anna@x.org)"),
        "<Anna@x.org>"
    ));
    // Ordinary names, and an @ that is not part of an address.
    assert!(!display_name_mismatch(Some("Anna Berg"), "anna@x.org"));
    assert!(!display_name_mismatch(Some("Anna @ ACME"), "anna@x.org"));
    assert!(!display_name_mismatch(None, "anna@x.org"));
    assert!(!display_name_mismatch(Some(""), "anna@x.org"));
    // Two addresses, one of them the real one: still a trick.
    assert!(display_name_mismatch(
        Some("anna@x.org for boss@x.org"),
        "anna@x.org"
    ));
}
