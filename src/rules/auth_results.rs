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
mod tests;
