//! What the reading tests share: the checks of an expectation against an `inspect --json`
//! line (used by `fixtures.rs` for the project's own fixtures and by `corpora.rs` for the
//! vendored public corpora), and loading the corpora under `tests/corpora/`.
//!
//! The checks, the wrapping of bare bodies and the corpus format follow the `conformance`
//! runner that scores `roundtable inspect --json` against labelled corpora, exactly: the same
//! normalisation, the same case-insensitivity, the same wrapped bytes (down to the Message-ID
//! and the quoted-printable encoding), so the score here is the score that tool reports.

// Each test binary uses its own part of this module.
#![allow(dead_code)]

use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

// ------------------------------------------------------------------------------------------
// Text helpers
// ------------------------------------------------------------------------------------------

/// Whitespace as Python's `str.strip()` and `\s` see it: Unicode White_Space plus the
/// information separators U+001C..U+001F.
fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// The normalisation of text comparisons: CRLF and CR -> LF, trailing whitespace removed from
/// every line, 3+ newlines collapsed to 2, both ends stripped.
pub fn normalise(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = s
        .split('\n')
        .map(|l| l.trim_end_matches(is_space))
        .collect();
    let mut out = lines.join("\n");
    while out.contains("\n\n\n") {
        out = out.replace("\n\n\n", "\n\n");
    }
    out.trim_matches(is_space).to_string()
}

/// A string or a list of strings, as a list.
pub fn strings(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a
            .iter()
            .filter_map(|x| x.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

/// Python's `str(x)` for a JSON value inside a list (strings as they are).
fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A value for a failure message, cut at 120 characters.
fn short(v: &Value) -> String {
    let text = v.to_string();
    match text.char_indices().nth(120) {
        Some((i, _)) => format!("{}...", &text[..i]),
        None => text,
    }
}

fn short_str(s: &str) -> String {
    short(&Value::String(s.to_string()))
}

/// Where two texts part, for a failure message.
fn first_difference(want: &str, got: &str) -> String {
    let (w, g): (Vec<char>, Vec<char>) = (want.chars().collect(), got.chars().collect());
    let i = w.iter().zip(&g).take_while(|(a, b)| a == b).count();
    let lo = i.saturating_sub(30);
    let cut = |v: &[char]| {
        v[lo.min(v.len())..(i + 50).min(v.len())]
            .iter()
            .collect::<String>()
    };
    format!(
        "differs at character {i}: expected ...{:?}, got ...{:?} (lengths {} and {})",
        cut(&w),
        cut(&g),
        w.len(),
        g.len()
    )
}

/// An address as compared: surrounding whitespace and `<>` off, lower case.
fn clean_address(a: &str) -> String {
    let a = a.trim_matches(is_space);
    let a = match a.strip_prefix('<').and_then(|x| x.strip_suffix('>')) {
        Some(inner) => inner.trim_matches(is_space),
        None => a,
    };
    a.to_lowercase()
}

/// The raw message plus every decoded MIME part, lower-cased (for `recipients_in_message`).
fn message_haystack(raw: &[u8]) -> String {
    fn parts_of(m: &mail_parser::Message, out: &mut Vec<String>, depth: usize) {
        for p in &m.parts {
            match &p.body {
                mail_parser::PartType::Text(t) | mail_parser::PartType::Html(t) => {
                    out.push(t.to_string())
                }
                mail_parser::PartType::Binary(b) | mail_parser::PartType::InlineBinary(b) => {
                    out.push(String::from_utf8_lossy(b).into_owned())
                }
                mail_parser::PartType::Message(inner) if depth < 20 => {
                    parts_of(inner, out, depth + 1)
                }
                _ => {}
            }
        }
    }
    let mut parts = vec![
        String::from_utf8_lossy(raw).into_owned(),
        raw.iter().map(|&b| b as char).collect(), // latin-1
    ];
    if let Some(m) = mail_parser::MessageParser::default().parse(raw) {
        parts_of(&m, &mut parts, 0);
    }
    parts.join("\n").to_lowercase()
}

// ------------------------------------------------------------------------------------------
// Checks
// ------------------------------------------------------------------------------------------

/// The checks a corpus case may hold in `expect`, in the order they are evaluated and reported.
pub const CHECKS: [&str; 19] = [
    "kind",
    "not_kind",
    "response",
    "note_contains",
    "count",
    "titles_contain",
    "votes",
    "contain",
    "command",
    "args_contain",
    "recipients",
    "recipients_count",
    "recipients_in_message",
    "permanent",
    "text_exact",
    "text_nows",
    "text_prefix",
    "text_contains",
    "text_excludes",
];

/// Why `value` is no valid expectation for check `key` (`None`: it is valid).
pub fn invalid(key: &str, value: &Value) -> Option<String> {
    let nonempty_strings = |v: &Value| {
        v.is_string()
            || v.as_array()
                .is_some_and(|a| !a.is_empty() && a.iter().all(Value::is_string))
    };
    let ok = match key {
        "kind" | "not_kind" => {
            let list = strings(value);
            nonempty_strings(value)
                && list
                    .iter()
                    .all(|k| understand::Intent::KINDS.contains(&k.as_str()))
        }
        "response" => matches!(value.as_str(), Some("yes" | "no" | "maybe")),
        "note_contains" | "command" | "text_exact" | "text_nows" | "text_prefix" => {
            value.is_string()
        }
        "count" | "recipients_count" => value.is_u64(),
        "titles_contain" | "contain" | "args_contain" | "text_contains" | "text_excludes" => {
            nonempty_strings(value)
        }
        "votes" => value
            .as_array()
            .is_some_and(|a| a.iter().all(|x| x.is_i64() || x.is_u64())),
        "recipients" => value
            .as_array()
            .is_some_and(|a| a.iter().all(Value::is_string)),
        "recipients_in_message" => value == &Value::Bool(true),
        "permanent" => value.is_boolean(),
        _ => return Some("unknown check".into()),
    };
    (!ok).then(|| format!("{} is not a valid value", short(value)))
}

/// Evaluates check `key` (one of [`CHECKS`]) with expected value `want` against `out`, the
/// `inspect --json` object of a message whose file bytes are `raw`. `None` for a key that is
/// not one of these checks; otherwise `Ok` or `Err(why it failed)`.
pub fn check(key: &str, want: &Value, out: &Value, raw: &[u8]) -> Option<Result<(), String>> {
    let kind = out.get("kind").and_then(Value::as_str);
    let kind_shown = out.get("kind").map(short).unwrap_or_else(|| "null".into());
    let fail = |ok: bool, why: String| if ok { Ok(()) } else { Err(why) };
    let lower_list = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| a.iter().map(|x| plain(x).to_lowercase()).collect())
            .unwrap_or_default()
    };
    let result = match key {
        "kind" => fail(
            kind.is_some_and(|k| strings(want).iter().any(|w| w == k)),
            format!("expected {}, got {kind_shown}", short(want)),
        ),
        "not_kind" => fail(
            !kind.is_some_and(|k| strings(want).iter().any(|w| w == k)),
            format!("got {kind_shown}, which is excluded"),
        ),
        "response" => {
            let got = out.get("response").unwrap_or(&Value::Null);
            fail(
                got == want,
                format!("expected {}, got {}", short(want), short(got)),
            )
        }
        "note_contains" => {
            let note = out.get("note").unwrap_or(&Value::Null);
            let lower = note.as_str().map(str::to_lowercase);
            let missing: Vec<String> = strings(want)
                .into_iter()
                .filter(|w| {
                    !lower
                        .as_ref()
                        .is_some_and(|n| n.contains(&w.to_lowercase()))
                })
                .collect();
            fail(
                missing.is_empty(),
                format!("{missing:?} not in note {}", short(note)),
            )
        }
        "count" => {
            let topics = kind == Some("topics")
                || (kind != Some("takeaways") && out.get("topics").is_some());
            let items = out.get(if topics { "topics" } else { "takeaways" });
            match items.and_then(Value::as_array) {
                None => Err(format!(
                    "expected {want} topics/takeaways, got none (kind {kind_shown})"
                )),
                Some(items) => fail(
                    Some(items.len() as u64) == want.as_u64(),
                    format!("expected {want}, got {}", items.len()),
                ),
            }
        }
        "titles_contain" => {
            let titles: Vec<String> = out
                .get("topics")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter(|t| t.is_object())
                        .map(|t| t.get("title").map(plain).unwrap_or_default().to_lowercase())
                        .collect()
                })
                .unwrap_or_default();
            let missing: Vec<String> = strings(want)
                .into_iter()
                .filter(|w| !titles.iter().any(|t| t.contains(&w.to_lowercase())))
                .collect();
            fail(
                missing.is_empty(),
                format!("no topic title contains {missing:?}; titles {titles:?}"),
            )
        }
        "votes" => {
            let sorted = |v: &Value| -> Option<Vec<f64>> {
                let mut n: Vec<f64> = v
                    .as_array()?
                    .iter()
                    .map(Value::as_f64)
                    .collect::<Option<_>>()?;
                n.sort_by(f64::total_cmp);
                Some(n)
            };
            let got = out.get("votes").unwrap_or(&Value::Null);
            fail(
                sorted(got).is_some() && sorted(got) == sorted(want),
                format!(
                    "expected {:?}, got {}",
                    sorted(want).unwrap_or_default(),
                    short(got)
                ),
            )
        }
        "contain" => {
            let items = lower_list(out.get("takeaways").unwrap_or(&Value::Null));
            let missing: Vec<String> = strings(want)
                .into_iter()
                .filter(|w| !items.iter().any(|t| t.contains(&w.to_lowercase())))
                .collect();
            fail(
                missing.is_empty(),
                format!("no takeaway contains {missing:?}"),
            )
        }
        "command" => {
            let got = out.get("command").unwrap_or(&Value::Null);
            let ok = got
                .as_str()
                .zip(want.as_str())
                .is_some_and(|(g, w)| g.to_lowercase() == w.to_lowercase());
            fail(ok, format!("expected {}, got {}", short(want), short(got)))
        }
        "args_contain" => {
            let args = out.get("args").unwrap_or(&Value::Null);
            let joined = lower_list(args).join(" ");
            let missing: Vec<String> = strings(want)
                .into_iter()
                .filter(|w| !joined.contains(&w.to_lowercase()))
                .collect();
            fail(
                missing.is_empty(),
                format!("{missing:?} not in args {}", short(args)),
            )
        }
        "recipients" | "recipients_count" | "recipients_in_message" => {
            let got: Option<Vec<&str>> = out
                .get("recipients")
                .and_then(Value::as_array)
                .and_then(|a| a.iter().map(Value::as_str).collect());
            match got {
                None => Err(format!("no recipients list (kind {kind_shown})")),
                Some(got) if key == "recipients" => {
                    let set = |v: Vec<String>| -> std::collections::BTreeSet<String> {
                        v.iter().map(|a| clean_address(a)).collect()
                    };
                    let g = set(got.iter().map(|s| s.to_string()).collect());
                    let w = set(strings(want));
                    fail(g == w, format!("expected {w:?}, got {g:?}"))
                }
                Some(got) if key == "recipients_count" => fail(
                    Some(got.len() as u64) == want.as_u64(),
                    format!("expected {want}, got {}: {got:?}", got.len()),
                ),
                Some(got) => {
                    let hay = message_haystack(raw);
                    let absent: Vec<&str> = got
                        .into_iter()
                        .filter(|a| !hay.contains(&clean_address(a)))
                        .collect();
                    fail(absent.is_empty(), format!("not in the message: {absent:?}"))
                }
            }
        }
        "permanent" => {
            if kind == Some("bounce") {
                let got = out.get("permanent").unwrap_or(&Value::Null);
                fail(
                    got.is_boolean() && got == want,
                    format!("expected {want}, got {}", short(got)),
                )
            } else {
                fail(
                    want == &Value::Bool(false),
                    format!("expected a permanent bounce, got kind {kind_shown}"),
                )
            }
        }
        "text_exact" | "text_nows" | "text_prefix" | "text_contains" | "text_excludes" => {
            let Some(text) = out.get("text").and_then(Value::as_str) else {
                let got = out.get("text").unwrap_or(&Value::Null);
                return Some(Err(format!("no text field (got {})", short(got))));
            };
            let w = want.as_str().unwrap_or("");
            match key {
                "text_exact" => {
                    let (w, t) = (normalise(w), normalise(text));
                    fail(w == t, first_difference(&w, &t))
                }
                "text_nows" => {
                    let squeeze = |s: &str| s.chars().filter(|&c| !is_space(c)).collect::<String>();
                    let (w, t) = (squeeze(w), squeeze(text));
                    fail(
                        w == t,
                        format!("expected {}, got {}", short_str(&w), short_str(&t)),
                    )
                }
                "text_prefix" => {
                    let (w, t) = (normalise(w), normalise(text));
                    fail(
                        t.starts_with(&w),
                        format!("prefix {}", first_difference(&w, &t)),
                    )
                }
                _ => {
                    let low = normalise(text).to_lowercase();
                    let found: Vec<String> = strings(want)
                        .into_iter()
                        .filter(|s| low.contains(&normalise(s).to_lowercase()))
                        .collect();
                    if key == "text_contains" {
                        let missing: Vec<String> = strings(want)
                            .into_iter()
                            .filter(|s| !found.contains(s))
                            .collect();
                        fail(
                            missing.is_empty(),
                            format!("missing {missing:?} in {}", short_str(&normalise(text))),
                        )
                    } else {
                        fail(found.is_empty(), format!("present {found:?}"))
                    }
                }
            }
        }
        _ => return None,
    };
    Some(result)
}

// ------------------------------------------------------------------------------------------
// Corpora
// ------------------------------------------------------------------------------------------

/// Where the vendored corpora live (see `tests/corpora/SOURCES.md`).
pub fn corpora_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpora")
}

/// Every corpus directory (one holding `cases.jsonl`), sorted by name.
pub fn corpus_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(corpora_dir())
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.join("cases.jsonl").is_file())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    dirs
}

/// One line of a corpus's `cases.jsonl`.
pub struct Case {
    /// The corpus directory's name.
    pub corpus: String,
    /// The message file, relative to the corpus directory.
    pub file: String,
    /// The file's path.
    pub path: PathBuf,
    /// `None`: a whole message; `Some("text" | "html")`: a bare body to wrap.
    pub wrap: Option<String>,
    /// What the message answers (`--as`).
    pub asked: Option<String>,
    pub expect: Map<String, Value>,
    pub note: Option<String>,
}

impl Case {
    /// The message as the tool gets it: the file, or the body wrapped into a message.
    pub fn message(&self) -> Vec<u8> {
        let raw =
            std::fs::read(&self.path).unwrap_or_else(|e| panic!("{}: {e}", self.path.display()));
        match self.wrap.as_deref() {
            None => raw,
            Some(subtype) => {
                let ident = &sha1_hex(format!("{}/{}", self.corpus, self.file).as_bytes())[..20];
                wrap_body(
                    &raw,
                    if subtype == "text" { "plain" } else { "html" },
                    ident,
                )
            }
        }
    }
}

/// Reads and validates one corpus; panics listing every problem (unknown keys, a missing file,
/// an invalid expectation), so a typo never silently passes.
pub fn load_corpus(dir: &Path) -> Vec<Case> {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let cases_path = dir.join("cases.jsonl");
    let text = std::fs::read_to_string(&cases_path)
        .unwrap_or_else(|e| panic!("{}: {e}", cases_path.display()));
    let mut cases = Vec::new();
    let mut problems = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("{}:{}", cases_path.display(), n + 1);
        let raw: Map<String, Value> = match serde_json::from_str(line) {
            Ok(Value::Object(m)) => m,
            Ok(_) => {
                problems.push(format!("{at}: not a JSON object"));
                continue;
            }
            Err(e) => {
                problems.push(format!("{at}: invalid JSON ({e})"));
                continue;
            }
        };
        for k in raw.keys() {
            if !["file", "wrap", "as", "expect", "note"].contains(&k.as_str()) {
                problems.push(format!("{at}: unknown key {k:?}"));
            }
        }
        let Some(file) = raw
            .get("file")
            .and_then(Value::as_str)
            .filter(|f| !f.is_empty())
        else {
            problems.push(format!("{at}: \"file\" must be a non-empty string"));
            continue;
        };
        let path = dir.join(file);
        if file.starts_with('/') || file.split('/').any(|p| p == "..") {
            problems.push(format!("{at}: \"file\" must be a path inside the corpus"));
        } else if !path.is_file() {
            problems.push(format!("{at}: file not found: {file}"));
        }
        let opt = |key: &str, allowed: &[&str]| -> Result<Option<String>, String> {
            match raw.get(key).unwrap_or(&Value::Null) {
                Value::Null => Ok(None),
                Value::String(s) if allowed.is_empty() || allowed.contains(&s.as_str()) => {
                    Ok(Some(s.clone()))
                }
                other => Err(format!("{at}: {key:?} may not be {other}")),
            }
        };
        let (wrap, asked, note) = match (
            opt("wrap", &["text", "html"]),
            opt("as", &["rsvp", "topics", "takeaways", "followup"]),
            opt("note", &[]),
        ) {
            (Ok(w), Ok(a), Ok(n)) => (w, a, n),
            (w, a, n) => {
                problems.extend([w.err(), a.err(), n.err()].into_iter().flatten());
                continue;
            }
        };
        let expect = match raw.get("expect") {
            Some(Value::Object(e)) if !e.is_empty() => e.clone(),
            _ => {
                problems.push(format!("{at}: \"expect\" must be a non-empty object"));
                continue;
            }
        };
        for (k, v) in &expect {
            if let Some(why) = invalid(k, v) {
                problems.push(format!("{at}: expect.{k}: {why}"));
            }
        }
        cases.push(Case {
            corpus: name.clone(),
            file: file.to_string(),
            path,
            wrap,
            asked,
            expect,
            note,
        });
    }
    if cases.is_empty() {
        problems.push(format!("{}: no cases", cases_path.display()));
    }
    assert!(
        problems.is_empty(),
        "invalid corpus {}:\n  {}",
        dir.display(),
        problems.join("\n  ")
    );
    cases
}

// ------------------------------------------------------------------------------------------
// Wrapping bare bodies
// ------------------------------------------------------------------------------------------

const WRAP_DATE: &str = "Mon, 01 Jan 2024 09:00:00 +0000";

/// A minimal RFC 5322 message around a text or HTML body (`subtype` "plain" or "html"):
/// 8bit, or quoted-printable when a line is longer than the 998 octets RFC 5322 allows; header
/// lines end in CRLF when the body uses CRLF.
pub fn wrap_body(body: &[u8], subtype: &str, ident: &str) -> Vec<u8> {
    let crlf = body.windows(2).any(|w| w == b"\r\n");
    let nl: &[u8] = if crlf { b"\r\n" } else { b"\n" };
    let long = body.split(|&b| b == b'\n').any(|line| {
        let end = line.iter().rposition(|&b| b != b'\r').map_or(0, |i| i + 1);
        end > 998
    });
    let (cte, body) = if long {
        let qp = quoted_printable(&replace(body, b"\r\n", b"\n"));
        (
            "quoted-printable",
            if crlf {
                replace(&qp, b"\n", b"\r\n")
            } else {
                qp
            },
        )
    } else {
        ("8bit", body.to_vec())
    };
    let headers = [
        "From: member@example.org".to_string(),
        "To: circle@example.org".into(),
        "Subject: Re: Meeting".into(),
        format!("Date: {WRAP_DATE}"),
        format!("Message-ID: <{ident}@conformance.example.org>"),
        "MIME-Version: 1.0".into(),
        format!("Content-Type: text/{subtype}; charset=utf-8"),
        format!("Content-Transfer-Encoding: {cte}"),
    ];
    let mut out = Vec::with_capacity(body.len() + 400);
    for h in headers {
        out.extend_from_slice(h.as_bytes());
        out.extend_from_slice(nl);
    }
    out.extend_from_slice(nl);
    out.extend_from_slice(&body);
    out
}

/// Every non-overlapping `from` in `data` replaced by `to`, left to right.
fn replace(data: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        if data[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(data[i]);
            i += 1;
        }
    }
    out
}

/// Quoted-printable as Python's `quopri.encodestring` (binascii's `b2a_qp`, text mode, tabs
/// and spaces literal): lines of at most 76 characters with `=` soft breaks; the line ending
/// of the first line used throughout.
fn quoted_printable(data: &[u8]) -> Vec<u8> {
    const MAX_LINE: usize = 76;
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let crlf = data
        .iter()
        .position(|&b| b == b'\n')
        .is_some_and(|p| p > 0 && data[p - 1] == b'\r');
    let nl: &[u8] = if crlf { b"\r\n" } else { b"\n" };
    let escaped = |c: u8| [b'=', HEX[(c >> 4) as usize], HEX[(c & 15) as usize]];
    let mut out = Vec::with_capacity(data.len() * 11 / 10);
    let mut line_len = 0;
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        let next = data.get(i + 1).copied();
        let encode = c > 126
            || c == b'='
            || (c == b'.' && line_len == 0 && matches!(next, None | Some(b'\n' | b'\r' | 0)))
            || ((c == b'\t' || c == b' ') && next.is_none())
            || (c < 33 && !matches!(c, b'\r' | b'\n' | b'\t' | b' '));
        if encode {
            if line_len + 3 >= MAX_LINE {
                out.push(b'=');
                out.extend_from_slice(nl);
                line_len = 0;
            }
            out.extend_from_slice(&escaped(c));
            line_len += 3;
            i += 1;
        } else if c == b'\n' || (c == b'\r' && next == Some(b'\n')) {
            line_len = 0;
            // No whitespace at the end of a line.
            if let Some(&last @ (b' ' | b'\t')) = out.last() {
                out.pop();
                out.extend_from_slice(&escaped(last));
            }
            out.extend_from_slice(nl);
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if next.is_some() && next != Some(b'\n') && line_len + 1 >= MAX_LINE {
                out.push(b'=');
                out.extend_from_slice(nl);
                line_len = 0;
            }
            line_len += 1;
            out.push(c);
            i += 1;
        }
    }
    out
}

/// SHA-1 as lower-case hex (the wrapped message's Message-ID is derived from it).
pub fn sha1_hex(data: &[u8]) -> String {
    let mut h: [u32; 5] = [
        0x6745_2301,
        0xEFCD_AB89,
        0x98BA_DCFE,
        0x1032_5476,
        0xC3D2_E1F0,
    ];
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&(data.len() as u64 * 8).to_be_bytes());
    for block in msg.chunks(64) {
        let mut w = [0u32; 80];
        for (i, word) in block.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A82_7999),
                20..=39 => (b ^ c ^ d, 0x6ED9_EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
                _ => (b ^ c ^ d, 0xCA62_C1D6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*wi);
            (e, d, c, b, a) = (d, c, b.rotate_left(30), a, t);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    h.iter().map(|x| format!("{x:08x}")).collect()
}
