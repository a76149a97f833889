//! Is this mail really from the coordinator it claims to be? Pure: reads the
//! Authentication-Results headers (RFC 8601) the message carries and the display name of its
//! From line; no DNS, no I/O.
//!
//! Only one Authentication-Results header is trusted: the TOP-MOST one whose authserv-id is our
//! own receiving server's (`authserv_id` in the config). RFC 8601 §5: that server adds its
//! header on top and must remove (or rename) any header arriving from outside that claims its
//! id, so everything below it, and every header with another id, came from somewhere we cannot
//! vouch for. Those are ignored and returned in [`Check::ignored`] so the caller can log them.
//!
//! Operational note: a header claiming our id is trusted if it is the top-most one with that id,
//! so the receiving server MUST add its own header to every message it accepts (or strip
//! incoming ones claiming its id). Otherwise a forged header with our id, and no real one above
//! it, would be believed. Setups where several milters each add a header with the same id
//! (OpenDKIM + OpenDMARC) are read by the top-most one only: keep DMARC's on top (it runs last).
//! A header with no authserv-id at all (Microsoft 365 writes `spf=pass …; dkim=pass …` without
//! one) is never ours.
//!
//! A sender passes when that header says `dmarc=pass` with `header.from` equal to the From
//! domain, or `dkim=pass` whose signing domain (`header.d`, else the domain of `header.i`) is
//! aligned with the From domain. Relaxed alignment (RFC 7489 §3.1.1: same organizational
//! domain) needs the Public Suffix List; it is approximated here as "equal, or one is a
//! subdomain of the other", with a signing domain of at least two labels. That never aligns
//! siblings (`a.example.org` / `b.example.org`), which DMARC would: stricter, never looser,
//! except that `example.co.uk` and `co.uk` would align, and nobody can publish a DKIM key for
//! a public suffix. An explicit `dmarc=fail` (or other non-pass) for the From domain wins over
//! an aligned `dkim=pass`: the receiving server's DMARC verdict, with the domain's real policy,
//! knows better than our approximation.

use std::fmt;

/// The answer of [`verify_sender`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Our receiving server authenticated the From domain.
    Pass {
        /// `"dmarc"` or `"dkim"`.
        method: &'static str,
    },
    /// Our receiving server checked and the From domain is NOT authenticated.
    Fail { reason: String },
    /// Nothing to judge by: no header from our server, or one without a DMARC or DKIM result.
    Missing { reason: String },
}

impl Verdict {
    pub fn is_pass(&self) -> bool {
        matches!(self, Verdict::Pass { .. })
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Verdict::Pass { method } => write!(f, "{method}=pass"),
            Verdict::Fail { reason } => write!(f, "fail: {reason}"),
            Verdict::Missing { reason } => write!(f, "missing: {reason}"),
        }
    }
}

/// An Authentication-Results header that was not trusted, for the log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ignored {
    /// Its position in the slice given to [`check`] (0 = top-most).
    pub index: usize,
    /// The authserv-id it claims (lower-case), if one could be read.
    pub authserv_id: Option<String>,
    /// Why it was not trusted.
    pub why: &'static str,
}

/// The full reading: the verdict, which header it came from, and the headers ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    pub verdict: Verdict,
    /// Index of the trusted header in the input, if there was one.
    pub trusted: Option<usize>,
    pub ignored: Vec<Ignored>,
}

/// `auth_results`: the raw values of the Authentication-Results headers, top-most first (as
/// the message carries them). See the module documentation for what is trusted.
pub fn verify_sender(auth_results: &[String], authserv_id: &str, from_domain: &str) -> Verdict {
    check(auth_results, authserv_id, from_domain).verdict
}

/// [`verify_sender`], plus the headers it ignored (foreign ids, our id below the trusted one,
/// unreadable ones), so the caller can log them.
pub fn check(auth_results: &[String], authserv_id: &str, from_domain: &str) -> Check {
    let ours = normalize_domain(authserv_id);
    let from = normalize_domain(from_domain);
    let mut trusted: Option<(usize, Header)> = None;
    let mut ignored = Vec::new();
    for (index, raw) in auth_results.iter().enumerate() {
        let (id, why) = match parse(raw) {
            Err(why) => (None, why),
            Ok(h) => match h.authserv_id.clone() {
                None => (None, "no authserv-id: not added by our receiving server"),
                Some(id) if ours.is_empty() || id != ours => (Some(id), "foreign authserv-id"),
                Some(id) if trusted.is_some() => (
                    Some(id),
                    "claims our authserv-id below the trusted header: forged",
                ),
                Some(id) if h.unsupported_version => {
                    (Some(id), "unsupported Authentication-Results version")
                }
                Some(_) => {
                    trusted = Some((index, h));
                    continue;
                }
            },
        };
        ignored.push(Ignored {
            index,
            authserv_id: id,
            why,
        });
    }
    let verdict = match &trusted {
        None if auth_results.is_empty() => Verdict::Missing {
            reason: "no Authentication-Results header".into(),
        },
        None => Verdict::Missing {
            reason: format!(
                "no Authentication-Results header from our receiving server ({}); {} other(s) ignored",
                if ours.is_empty() { "authserv_id unset" } else { ours.as_str() },
                ignored.len()
            ),
        },
        Some((_, h)) => judge(h, &from, &ours),
    };
    Check {
        verdict,
        trusted: trusted.map(|(i, _)| i),
        ignored,
    }
}

/// Whether our receiving server marked mail from `from_domain` as failing SPF or DMARC, and
/// how it said so. Mail so marked is likely forged: it is answered by nobody (no backscatter).
pub fn marked_failing(
    auth_results: &[String],
    authserv_id: &str,
    from_domain: &str,
) -> Option<String> {
    let c = check(auth_results, authserv_id, from_domain);
    if let Verdict::Fail { reason } = &c.verdict {
        return Some(reason.clone());
    }
    let h = parse(auth_results.get(c.trusted?)?).ok()?;
    h.results
        .iter()
        .find(|r| r.method == "spf" && matches!(r.result.as_str(), "fail" | "softfail"))
        .map(|r| format!("{} says spf={}", normalize_domain(authserv_id), r.result))
}

fn judge(h: &Header, from: &str, ours: &str) -> Verdict {
    if from.is_empty() || !from.contains('.') {
        return Verdict::Fail {
            reason: format!("the From address has no usable domain ({from:?})"),
        };
    }
    let dmarc: Vec<&ResInfo> = h.results.iter().filter(|r| r.method == "dmarc").collect();
    let dkim: Vec<&ResInfo> = h.results.iter().filter(|r| r.method == "dkim").collect();

    // DMARC for exactly the From domain decides, pass or not.
    for r in &dmarc {
        if r.prop("header.from").map(domain_of) == Some(from.to_string()) && r.result == "pass" {
            return Verdict::Pass { method: "dmarc" };
        }
    }
    if let Some(r) = dmarc.iter().find(|r| {
        r.prop("header.from").map(domain_of) == Some(from.to_string())
            && matches!(r.result.as_str(), "fail" | "quarantine" | "reject")
    }) {
        return Verdict::Fail {
            reason: format!("{ours} says dmarc={} for {from}", r.result),
        };
    }
    for r in &dkim {
        if r.result != "pass" {
            continue;
        }
        if let Some(d) = r.signing_domain() {
            if aligned(&d, from) {
                return Verdict::Pass { method: "dkim" };
            }
        }
    }

    // Not authenticated: say why as precisely as the header allows.
    let mut why = Vec::new();
    for r in &dmarc {
        match r.prop("header.from").map(domain_of) {
            Some(d) if d != from => why.push(format!("dmarc={} is for {d}, not {from}", r.result)),
            Some(_) => why.push(format!("dmarc={} for {from}", r.result)),
            None => why.push(format!("dmarc={} without header.from", r.result)),
        }
    }
    for r in &dkim {
        match (r.result.as_str(), r.signing_domain()) {
            ("pass", Some(d)) => why.push(format!("dkim=pass for {d}, not aligned with {from}")),
            ("pass", None) => why.push("dkim=pass without a signing domain".to_string()),
            (res, Some(d)) => why.push(format!("dkim={res} for {d}")),
            (res, None) => why.push(format!("dkim={res}")),
        }
    }
    let decisive = dmarc.iter().chain(dkim.iter()).any(|r| {
        !matches!(
            r.result.as_str(),
            "none" | "temperror" | "permerror" | "neutral" | "policy"
        )
    });
    if why.is_empty() {
        Verdict::Missing {
            reason: format!("the header from {ours} has no DMARC or DKIM result"),
        }
    } else if decisive {
        Verdict::Fail {
            reason: why.join("; "),
        }
    } else {
        Verdict::Missing {
            reason: why.join("; "),
        }
    }
}

/// Relaxed alignment, approximated (see the module documentation).
fn aligned(signing: &str, from: &str) -> bool {
    if signing.is_empty() || !signing.contains('.') {
        return false;
    }
    signing == from
        || from.ends_with(&format!(".{signing}"))
        || signing.ends_with(&format!(".{from}"))
}

fn normalize_domain(s: &str) -> String {
    s.trim().trim_end_matches('.').to_ascii_lowercase()
}

/// The domain of `d`, `@d` or `local@d`, normalised.
fn domain_of(v: &str) -> String {
    let d = match v.rsplit_once('@') {
        Some((_, d)) => d,
        None => v,
    };
    normalize_domain(d)
}

// ---------------------------------------------------------------------------------------------
// RFC 8601 parsing

#[derive(Debug, Default)]
struct Header {
    /// Lower-case; None when the header starts with a result (`spf=pass …`).
    authserv_id: Option<String>,
    unsupported_version: bool,
    results: Vec<ResInfo>,
}

#[derive(Debug, Default)]
struct ResInfo {
    /// Lower-case, without a `/version`.
    method: String,
    /// Lower-case.
    result: String,
    /// `ptype.property` (lower-case) → value (as written, unquoted).
    props: Vec<(String, String)>,
}

impl ResInfo {
    fn prop(&self, name: &str) -> Option<&str> {
        self.props
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn signing_domain(&self) -> Option<String> {
        self.prop("header.d")
            .or_else(|| self.prop("header.i"))
            .map(domain_of)
            .filter(|d| !d.is_empty())
    }
}

/// One lexical item of a header value once comments are gone.
#[derive(Debug, Clone, PartialEq)]
enum Lex {
    /// A run of characters other than whitespace, `;`, `=`, `"` and `(`.
    Word(String),
    Quoted(String),
    Eq,
    Semi,
    /// Whitespace or a comment between items.
    Space,
}

fn lex(s: &str) -> Vec<Lex> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<Lex>| {
        if !word.is_empty() {
            out.push(Lex::Word(std::mem::take(word)));
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '(' => {
                flush(&mut word, &mut out);
                // A comment: nested parentheses, quoted pairs; unbalanced runs to the end.
                let mut depth = 1usize;
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '(' => depth += 1,
                        ')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                out.push(Lex::Space);
            }
            '"' => {
                flush(&mut word, &mut out);
                let mut q = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            if let Some(n) = chars.next() {
                                q.push(n);
                            }
                        }
                        '"' => break,
                        '\r' | '\n' => {}
                        c => q.push(c),
                    }
                }
                out.push(Lex::Quoted(q));
            }
            ';' => {
                flush(&mut word, &mut out);
                out.push(Lex::Semi);
            }
            '=' => {
                flush(&mut word, &mut out);
                out.push(Lex::Eq);
            }
            c if c.is_whitespace() || c.is_control() => {
                flush(&mut word, &mut out);
                out.push(Lex::Space);
            }
            c => word.push(c),
        }
    }
    flush(&mut word, &mut out);
    // Collapse runs of Space, drop leading/trailing ones.
    let mut collapsed: Vec<Lex> = Vec::with_capacity(out.len());
    for l in out {
        if l == Lex::Space && matches!(collapsed.last(), None | Some(Lex::Space)) {
            continue;
        }
        collapsed.push(l);
    }
    if collapsed.last() == Some(&Lex::Space) {
        collapsed.pop();
    }
    collapsed
}

/// Parse one Authentication-Results value. Lenient where real servers deviate (Microsoft's
/// `action=none`, Fastmail's `x-vs=clean score=-100`, base64 `header.b` values containing `=`
/// or `/`); anything that is not `key = value` is skipped. Errors only when nothing at all can
/// be read.
fn parse(raw: &str) -> Result<Header, &'static str> {
    if raw.len() > 64 * 1024 {
        return Err("too long to be an Authentication-Results header");
    }
    let lexed = lex(raw);
    let mut segments: Vec<&[Lex]> = lexed.split(|l| *l == Lex::Semi).collect();
    let trim = |s: &[Lex]| -> usize { s.iter().filter(|l| **l != Lex::Space).count() };
    let first = segments.remove(0);
    let mut header = Header::default();
    if first.contains(&Lex::Eq) {
        // No authserv-id: the whole first segment is a result (Microsoft 365).
        if let Some(r) = resinfo(first) {
            header.results.push(r);
        }
    } else {
        let mut items = first.iter().filter(|l| **l != Lex::Space);
        match items.next() {
            Some(Lex::Word(w)) => header.authserv_id = Some(normalize_domain(w)),
            Some(Lex::Quoted(q)) => header.authserv_id = Some(normalize_domain(q)),
            _ => {
                if trim(first) == 0 && segments.iter().all(|s| trim(s) == 0) {
                    return Err("empty");
                }
                return Err("no authserv-id");
            }
        }
        match items.next() {
            None => {}
            Some(Lex::Word(v)) if v.chars().all(|c| c.is_ascii_digit()) => {
                header.unsupported_version = v.trim_start_matches('0') != "1";
            }
            Some(_) => return Err("unreadable text after the authserv-id"),
        }
        if items.next().is_some() {
            return Err("unreadable text after the authserv-id");
        }
    }
    for seg in segments {
        if let Some(r) = resinfo(seg) {
            header.results.push(r);
        }
        // `none` (no-result) and garbage segments carry no result.
    }
    Ok(header)
}

/// `method[/version] = result [reason=…] [ptype.property=value …]`, anything else skipped.
fn resinfo(seg: &[Lex]) -> Option<ResInfo> {
    let pairs = pairs(seg);
    let mut it = pairs.into_iter();
    let (method, result) = it.next()?;
    let method = method
        .split('/')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if method.is_empty()
        || !method
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return None;
    }
    let mut r = ResInfo {
        method,
        result: result.to_ascii_lowercase(),
        props: Vec::new(),
    };
    for (k, v) in it {
        r.props.push((k.to_ascii_lowercase(), v));
    }
    Some(r)
}

/// `key = value` pairs in order. A value is a quoted string, or a word possibly glued to
/// further `=` and words with no space between (base64: `header.b=ab+c/d==`).
fn pairs(seg: &[Lex]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    let skip_space = |i: &mut usize| {
        while *i < seg.len() && seg[*i] == Lex::Space {
            *i += 1;
        }
    };
    while i < seg.len() {
        skip_space(&mut i);
        let key = match seg.get(i) {
            Some(Lex::Word(w)) => w.clone(),
            Some(_) => {
                i += 1;
                continue;
            }
            None => break,
        };
        i += 1;
        let mut j = i;
        skip_space(&mut j);
        if seg.get(j) != Some(&Lex::Eq) {
            continue; // a stray word (`none`, garbage): no pair
        }
        j += 1;
        skip_space(&mut j);
        let mut value = String::new();
        match seg.get(j) {
            Some(Lex::Quoted(q)) => {
                value = q.clone();
                j += 1;
            }
            Some(Lex::Word(_)) | Some(Lex::Eq) => {
                while let Some(l) = seg.get(j) {
                    match l {
                        Lex::Word(w) => value.push_str(w),
                        Lex::Eq => value.push('='),
                        _ => break,
                    }
                    j += 1;
                }
            }
            _ => {}
        }
        i = j;
        out.push((key, value));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Display names

/// Whether the display name shows an address other than the real one: `"boss@x.org"
/// <evil@y.com>`, `"Boss (boss@x.org)" <evil@y.com>`, `"boss＠x.org"` (full-width at sign).
/// A name that shows the real address itself (`"anna@x.org" <anna@x.org>`) is fine.
pub fn display_name_mismatch(display_name: Option<&str>, address: &str) -> bool {
    let Some(name) = display_name else {
        return false;
    };
    let real = address
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim()
        .to_lowercase();
    let chars: Vec<char> = name
        .chars()
        .map(|c| match c {
            '\u{FF20}' | '\u{FE6B}' => '@',
            c => c,
        })
        .collect();
    let addr_char = |c: char| c.is_alphanumeric() || ".-_+%'!#$&*/=?^`{|}~".contains(c);
    for (at, _) in chars.iter().enumerate().filter(|(_, c)| **c == '@') {
        let mut s = at;
        while s > 0 && addr_char(chars[s - 1]) {
            s -= 1;
        }
        let mut e = at + 1;
        while e < chars.len() && (addr_char(chars[e]) && chars[e] != '@') {
            e += 1;
        }
        let local: String = chars[s..at].iter().collect();
        let domain: String = chars[at + 1..e].iter().collect();
        let local = local.trim_matches(|c| ".'".contains(c));
        let domain = domain.trim_end_matches(|c: char| !c.is_alphanumeric());
        if local.is_empty() || domain.is_empty() {
            continue;
        }
        let shown = format!("{local}@{domain}").to_lowercase();
        if shown != real {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
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
        let real =
            "mx.roundtable.example; dmarc=fail (p=reject dis=reject) header.from=example.org";
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
}
