//! Every `tests/fixtures/<kind>/NAME.eml` is read and checked against `NAME.expect.json`
//! (the format is described in `tests/fixtures/README.md`). All failures are reported at once.
//! `tests/heldout/` holds fixtures of the same format that were written before the code that
//! reads them and never tuned against: they are scored, not required (see `heldout_score`).

mod common;

use common::strings;
use serde_json::Value;
use std::path::{Path, PathBuf};
use understand::{inspect_json, read, Asked, Context, Intent};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn heldout_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/heldout")
}

fn eml_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(eml_files(&p));
        } else if p.extension().is_some_and(|x| x == "eml") {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn check_fixture(eml: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let expect_path = eml.with_extension("expect.json");
    let expect: Value = match std::fs::read_to_string(&expect_path)
        .map_err(|e| e.to_string())
        .and_then(|s| serde_json::from_str(&s).map_err(|e| e.to_string()))
    {
        Ok(v) => v,
        Err(e) => return vec![format!("cannot read {}: {e}", expect_path.display())],
    };
    let Some(expect) = expect.as_object() else {
        return vec!["the expectation is not a JSON object".into()];
    };
    let raw = std::fs::read(eml).expect("fixture readable");
    let asked: Option<Asked> = expect
        .get("as")
        .and_then(|v| v.as_str())
        .map(|s| s.parse().expect("valid \"as\""));
    let own: Vec<String> = expect
        .get("own")
        .map(strings)
        .unwrap_or_else(|| vec!["circle@example.org".to_string()]);
    let line = inspect_json("f.eml", &raw, asked, &own);
    let json: Value = serde_json::from_str(&line).expect("inspect_json gives JSON");
    let reading = read(
        &raw,
        &Context {
            asked,
            own_addresses: &own,
        },
    );
    let kind = json["kind"].as_str().unwrap_or("").to_string();
    let mut fail = |what: String| problems.push(what);

    for (key, want) in expect {
        match key.as_str() {
            "as" | "own" | "comment" => {}
            // An RSVP's question for the coordinator: each is in it (case-insensitive).
            "question_contains" => {
                let got = json["question"].as_str().unwrap_or("").to_lowercase();
                for w in strings(want) {
                    if !got.contains(&w.to_lowercase()) {
                        fail(format!(
                            "question_contains: {w:?} not in {:?}",
                            json["question"]
                        ));
                    }
                }
            }
            "note" => {
                let got = json.get("note").cloned().unwrap_or(Value::Null);
                if got != *want {
                    fail(format!("note: want {want}, got {got}"));
                }
            }
            // The same as the corpora's text_exact.
            "text" => {
                if let Some(Err(why)) = common::check("text_exact", want, &json, &raw) {
                    fail(format!("text: {why}"));
                }
            }
            "args" => {
                if json["args"] != *want {
                    fail(format!("args: want {want}, got {}", json["args"]));
                }
            }
            "titles" | "details_contain" => {
                let topics = json["topics"].as_array().cloned().unwrap_or_default();
                if key == "titles" {
                    let titles: Vec<String> = topics
                        .iter()
                        .map(|t| t["title"].as_str().unwrap_or("").to_string())
                        .collect();
                    if titles != strings(want) {
                        fail(format!("titles: want {want}, got {titles:?}"));
                    }
                } else {
                    let details: Vec<String> = topics
                        .iter()
                        .map(|t| t["details"].as_str().unwrap_or("").to_lowercase())
                        .collect();
                    for w in strings(want) {
                        if !details.iter().any(|d| d.contains(&w.to_lowercase())) {
                            fail(format!("details_contain: {w:?} not in {details:?}"));
                        }
                    }
                }
            }
            "reason_contains" => {
                let reason = json["reason"].as_str().unwrap_or("").to_lowercase();
                for w in strings(want) {
                    if !reason.contains(&w.to_lowercase()) {
                        fail(format!("reason_contains: {w:?} not in {reason:?}"));
                    }
                }
            }
            "unreadable" => {
                if want.as_bool() != Some(reading.is_err()) {
                    fail(format!("unreadable: want {want}, got {}", reading.is_err()));
                }
            }
            "from" => {
                if json["from"] != *want {
                    fail(format!("from: want {want}, got {}", json["from"]));
                }
            }
            "from_name" | "message_id" | "in_reply_to" | "subject" | "reading_recipients" => {
                let Ok(r) = &reading else {
                    fail(format!("{key}: the message was unreadable"));
                    continue;
                };
                let got = match key.as_str() {
                    "from_name" => serde_json::json!(r.from.as_ref().and_then(|m| m.name.clone())),
                    "message_id" => serde_json::json!(r.message_id),
                    "in_reply_to" => serde_json::json!(r.in_reply_to),
                    "reading_recipients" => serde_json::json!(r.recipients),
                    _ => serde_json::json!(r.subject),
                };
                let ok = if key == "subject" {
                    got.as_str()
                        .is_some_and(|s| s.contains(want.as_str().unwrap_or("\u{0}")))
                } else {
                    got == *want
                };
                if !ok {
                    fail(format!("{key}: want {want}, got {got}"));
                }
            }
            // The checks the corpora use too (kind, not_kind, response, note_contains,
            // text_contains, command, votes, count, recipients, permanent, …).
            other => match common::check(other, want, &json, &raw) {
                Some(Ok(())) => {}
                Some(Err(why)) => fail(format!("{other}: {why}")),
                None => fail(format!("unknown expectation key {other:?}")),
            },
        }
    }
    // The JSON line and the reading agree.
    if let Ok(r) = &reading {
        if r.intent.kind() != kind {
            fail(format!(
                "read() says {}, inspect_json says {kind}",
                r.intent.kind()
            ));
        }
        if let Intent::Rsvp { .. } = r.intent {
            if json.get("response").is_none() {
                fail("an rsvp line without a response".into());
            }
        }
    }
    problems
}

#[test]
fn every_fixture_reads_as_expected() {
    let files = eml_files(&fixtures_dir());
    assert!(
        files.len() >= 60,
        "expected at least 60 fixtures under {}, found {}",
        fixtures_dir().display(),
        files.len()
    );
    let mut report = String::new();
    let mut failed = 0;
    for f in &files {
        let problems = check_fixture(f);
        if !problems.is_empty() {
            failed += 1;
            let name = f
                .strip_prefix(fixtures_dir())
                .unwrap_or(f)
                .display()
                .to_string();
            report.push_str(&format!("\n{name}:\n"));
            for p in problems {
                report.push_str(&format!("    {p}\n"));
            }
        }
    }
    assert!(
        failed == 0,
        "{failed} of {} fixtures failed:{report}",
        files.len()
    );
}

#[test]
fn every_fixture_has_an_expectation() {
    for f in eml_files(&fixtures_dir()) {
        assert!(
            f.with_extension("expect.json").exists(),
            "{} has no .expect.json",
            f.display()
        );
    }
}

/// The held-out fixtures' score, printed; they must not fall below what they scored when the
/// reader was first written (the floor), and every one must have an expectation.
#[test]
fn heldout_score() {
    let files = eml_files(&heldout_dir());
    assert!(
        files.len() >= 20,
        "expected at least 20 held-out fixtures under {}, found {}",
        heldout_dir().display(),
        files.len()
    );
    let mut failed = Vec::new();
    for f in &files {
        let problems = check_fixture(f);
        if !problems.is_empty() {
            let name = f
                .strip_prefix(heldout_dir())
                .unwrap_or(f)
                .display()
                .to_string();
            failed.push(format!("{name}: {}", problems.join("; ")));
        }
    }
    let passed = files.len() - failed.len();
    println!(
        "held-out fixtures: {passed}/{} passed ({:.1}%)",
        files.len(),
        100.0 * passed as f64 / files.len() as f64
    );
    for f in &failed {
        println!("  FAILED {f}");
    }
    assert!(
        passed >= HELDOUT_FLOOR,
        "held-out score fell below its floor {HELDOUT_FLOOR}"
    );
}

/// What the held-out fixtures scored when the conversation reading was written.
const HELDOUT_FLOOR: usize = 24;

fn unseen_dir(half: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/unseen")
        .join(half)
}

/// Scores one half of `tests/unseen/`, printing the score per folder (category) and each
/// failure; gives (passed, total).
fn score_half(half: &str, show_failures: bool) -> (usize, usize) {
    let dir = unseen_dir(half);
    let files = eml_files(&dir);
    let mut by_cat: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    let mut failures = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(&dir).unwrap_or(f).display().to_string();
        let cat = rel.split('/').next().unwrap_or("").to_string();
        let problems = check_fixture(f);
        let e = by_cat.entry(cat).or_default();
        e.1 += 1;
        if problems.is_empty() {
            e.0 += 1;
        } else {
            failures.push(format!("{rel}: {}", problems.join("; ")));
        }
    }
    let passed: usize = by_cat.values().map(|v| v.0).sum();
    println!(
        "unseen/{half}: {passed}/{} passed ({:.1}%)",
        files.len(),
        100.0 * passed as f64 / files.len().max(1) as f64
    );
    for (cat, (p, t)) in &by_cat {
        println!("  {cat:<12} {p:>3}/{t:<3}");
    }
    if show_failures {
        for f in &failures {
            println!("  FAILED {f}");
        }
    }
    (passed, files.len())
}

/// Issue 12's own set (`tests/unseen/`, written by `tests/unseen/make.py`): replies as real
/// clients write them, in six languages. The rules were tuned on `tuned/` only; `heldout/` (every
/// fourth message) is scored and never looked at — its failures are not printed, on purpose.
/// Both halves must stay at or above their floors.
#[test]
fn unseen_score() {
    let (tuned, tuned_total) = score_half("tuned", true);
    let (held, held_total) = score_half("heldout", false);
    assert!(
        tuned_total >= 150 && held_total >= 50,
        "the unseen set is missing"
    );
    assert!(
        tuned >= UNSEEN_TUNED_FLOOR,
        "unseen/tuned fell below its floor {UNSEEN_TUNED_FLOOR}"
    );
    assert!(
        held >= UNSEEN_HELDOUT_FLOOR,
        "unseen/heldout fell below its floor {UNSEEN_HELDOUT_FLOOR}"
    );
}

/// What the halves of the unseen set score (raise when a change makes more pass).
const UNSEEN_TUNED_FLOOR: usize = 189;
const UNSEEN_HELDOUT_FLOOR: usize = 62;

/// Issue 12's hand-written sets (`tests/unseen/hand*/`, see `tests/unseen/README.md`): messages
/// written one by one, not from templates, in six languages plus Nordic phones. Each batch was
/// split before it was first scored: every fourth file of each folder, by name, is in
/// `heldout/`, scored without its failures being printed; `tuned/` prints them. Every half must
/// stay at or above its floor; the combined score is printed too.
#[test]
fn hand_score() {
    let (mut tuned_all, mut tuned_total_all, mut held_all, mut held_total_all) = (0, 0, 0, 0);
    for &(batch, tuned_floor, held_floor) in HAND_FLOORS {
        let (tuned, tuned_total) = score_half(&format!("{batch}/tuned"), true);
        let (held, held_total) = score_half(&format!("{batch}/heldout"), false);
        assert!(
            tuned_total >= 20 && held_total >= 5,
            "the hand-written batch {batch} is missing"
        );
        assert!(
            tuned >= tuned_floor,
            "unseen/{batch}/tuned fell below its floor {tuned_floor}"
        );
        assert!(
            held >= held_floor,
            "unseen/{batch}/heldout fell below its floor {held_floor}"
        );
        tuned_all += tuned;
        tuned_total_all += tuned_total;
        held_all += held;
        held_total_all += held_total;
    }
    println!(
        "hand-written, all batches: tuned {tuned_all}/{tuned_total_all} ({:.1}%), held-out {held_all}/{held_total_all} ({:.1}%)",
        100.0 * tuned_all as f64 / tuned_total_all.max(1) as f64,
        100.0 * held_all as f64 / held_total_all.max(1) as f64
    );
}

/// Each hand-written batch with what its halves score (raise when a change makes more pass).
const HAND_FLOORS: &[(&str, usize, usize)] = &[
    ("hand", 123, 36),
    ("hand2", 58, 17),
    ("hand3", 30, 9),
    ("hand4", 24, 8),
    ("hand5", 21, 7),
    ("hand6", 21, 7),
    ("hand7", 71, 22),
    ("hand8", 50, 15),
    ("hand9", 60, 16),
];
