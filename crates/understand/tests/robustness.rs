//! The reader never panics and always answers: on every message of the vendored corpora, on
//! truncated and garbled variants of the fixtures, and on pathological inputs.

mod common;

use std::path::{Path, PathBuf};
use understand::{inspect_json, read_unguarded, Asked, Context};

fn own() -> Vec<String> {
    vec!["circle@example.org".to_string()]
}

/// Reads with every kind of question, panicking (failing the test) on any panic inside.
fn read_all_ways(raw: &[u8]) {
    let own = own();
    for asked in [
        None,
        Some(Asked::Rsvp),
        Some(Asked::Topics),
        Some(Asked::Takeaways),
        Some(Asked::Followup),
    ] {
        let _ = read_unguarded(
            raw,
            &Context {
                asked,
                own_addresses: &own,
            },
        );
    }
    let line = inspect_json("x.eml", raw, None, &own);
    let v: serde_json::Value = serde_json::from_str(&line).expect("inspect_json gives JSON");
    assert!(v["kind"].is_string(), "no kind in {line}");
}

fn files_under(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(files_under(&p, ext));
            } else if p.to_string_lossy().ends_with(ext) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_corpus_message_gets_a_reading() {
    let corpora = common::corpus_dirs();
    assert!(
        !corpora.is_empty(),
        "no corpora under {}: the public corpora are vendored there (see SOURCES.md)",
        common::corpora_dir().display()
    );
    let mut n = 0;
    for dir in corpora {
        for case in common::load_corpus(&dir) {
            // Bare bodies wrapped as the conformance runner wraps them.
            let raw = case.message();
            read_all_ways(&raw);
            // And once with letters whose case mapping changes their byte length.
            let text = String::from_utf8_lossy(&raw);
            let odd: String = text
                .chars()
                .enumerate()
                .map(|(i, c)| match (c.is_ascii_alphabetic(), i % 11) {
                    (true, 0) => '\u{212A}',
                    (true, 5) => '\u{130}',
                    _ => c,
                })
                .collect();
            read_all_ways(odd.as_bytes());
            n += 1;
        }
    }
    assert!(n > 600, "only {n} corpus messages read");
}

/// A deterministic stream of pseudo-random numbers (no dependency, same every run).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() as usize) % n
        }
    }
}

fn variants(raw: &[u8], seed: u64) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let len = raw.len();
    // Truncations.
    for k in 1..20 {
        out.push(raw[..len * k / 20].to_vec());
    }
    if let Some(p) = raw.windows(2).position(|w| w == b"\n\n") {
        out.push(raw[..p + 1].to_vec());
        out.push(raw[..(p + 3).min(len)].to_vec());
    }
    let mut rng = Lcg(seed);
    // Flipped, inserted and deleted bytes.
    for _ in 0..30 {
        let mut v = raw.to_vec();
        for _ in 0..1 + rng.below(8) {
            if v.is_empty() {
                break;
            }
            let i = rng.below(v.len());
            match rng.below(4) {
                0 => v[i] ^= 1 << rng.below(8),
                1 => v.insert(i, rng.next() as u8),
                2 => {
                    v.remove(i);
                }
                _ => {
                    let special = [
                        b'\n', b'\r', b'=', b'>', b'<', b'-', b':', b';', b'"', 0, 0xff, 0xc3,
                    ];
                    v[i] = special[rng.below(special.len())];
                }
            }
        }
        out.push(v);
    }
    // Line endings changed, CRs removed, lines shuffled a little.
    out.push(raw.iter().copied().filter(|&b| b != b'\r').collect());
    out.push(
        raw.iter()
            .flat_map(|&b| if b == b'\n' { vec![b'\r'] } else { vec![b] })
            .collect(),
    );
    let lines: Vec<&[u8]> = raw.split(|&b| b == b'\n').collect();
    let mut swapped = lines.clone();
    if swapped.len() > 4 {
        let a = rng.below(swapped.len());
        let b = rng.below(swapped.len());
        swapped.swap(a, b);
    }
    out.push(swapped.join(&b'\n'));
    // Boundaries and encodings doubled or cut.
    out.push([raw, raw].concat());
    // Letters replaced by characters whose case mapping changes their length in bytes
    // (Kelvin sign, long s, dotted I, sharp s, final sigma), to catch byte offsets carried
    // from a lower-cased copy into the original.
    let tricky = [
        "\u{212A}", "\u{17F}", "\u{130}", "\u{DF}", "\u{3A3}", "\u{1E9E}",
    ];
    let text = String::from_utf8_lossy(raw);
    for (k, t) in tricky.iter().enumerate() {
        let mut v = String::with_capacity(text.len() + 64);
        for (i, c) in text.chars().enumerate() {
            if c.is_ascii_alphabetic() && (i + k) % 7 == 0 {
                v.push_str(t);
            } else {
                v.push(c);
            }
        }
        out.push(v.into_bytes());
    }
    out
}

#[test]
fn garbled_fixtures_never_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let files = files_under(&dir, ".eml");
    assert!(!files.is_empty(), "no fixtures under {}", dir.display());
    for (n, f) in files.iter().enumerate() {
        let raw = std::fs::read(f).expect("fixture readable");
        for v in variants(&raw, n as u64 + 1) {
            read_all_ways(&v);
        }
    }
}

#[test]
fn pathological_inputs_finish() {
    let header = "From: a@example.org\nTo: circle@example.org\nSubject: Re: x\nMIME-Version: 1.0\n";
    let mut cases: Vec<Vec<u8>> = Vec::new();
    // A 700,000-character quote line, and 100,000 quote lines.
    cases.push(format!("{header}\nHi\n\n{}\n", ">".repeat(700_000)).into_bytes());
    cases.push(format!("{header}\nHi\n{}", "> quoted line\n".repeat(100_000)).into_bytes());
    // Thousands of would-be attributions and header lines.
    cases.push(
        format!(
            "{header}\n{}",
            "On Tue, Bob wrote:\nFrom: x\n".repeat(20_000)
        )
        .into_bytes(),
    );
    // Deeply nested multiparts and messages.
    let mut nested = String::from(header);
    for i in 0..500 {
        nested.push_str(&format!(
            "Content-Type: multipart/mixed; boundary=\"b{i}\"\n\n--b{i}\n"
        ));
    }
    nested.push_str("Content-Type: text/plain\n\nyes\n");
    cases.push(nested.into_bytes());
    let mut msgs = String::from(header);
    for _ in 0..200 {
        msgs.push_str("Content-Type: message/rfc822\n\nFrom: b@example.org\nSubject: y\n");
    }
    msgs.push_str("\nyes\n");
    cases.push(msgs.into_bytes());
    // Deeply nested HTML.
    cases.push(
        format!(
            "{header}Content-Type: text/html\n\n{}yes{}",
            "<div><blockquote>".repeat(20_000),
            "</blockquote></div>".repeat(20_000)
        )
        .into_bytes(),
    );
    // A huge header and a header-only message with a huge folded Subject.
    cases.push(format!("X-Long: {}\n{header}\nyes\n", "a".repeat(1_000_000)).into_bytes());
    cases.push(format!("Subject: {}\n\n", "x\n ".repeat(100_000)).into_bytes());
    // Calendars with endless folding and parameters.
    cases.push(
        format!(
            "{header}Content-Type: text/calendar; method=REPLY\n\nBEGIN:VCALENDAR\nMETHOD:REPLY\nATTENDEE{}:mailto:a@b\n{}END:VCALENDAR\n",
            ";X=\"a:b;c\"".repeat(50_000),
            " folded\n".repeat(50_000)
        )
        .into_bytes(),
    );
    // Votes and topics at scale.
    cases.push(
        format!(
            "{header}\n{}",
            "+1 #3, #4 and 5\n- topic: details\n".repeat(20_000)
        )
        .into_bytes(),
    );
    for c in cases {
        read_all_ways(&c);
    }
}
