//! Scores the reading against the public corpora vendored in `tests/corpora/` (where they come
//! from: `tests/corpora/SOURCES.md`), as the `conformance` runner scores `roundtable inspect
//! --json`: the same wrapping of bare bodies, the same `--as`, the same checks (see
//! `common/mod.rs`), no own addresses (as `inspect` without a config file). A corpus that
//! scores below its floor fails the test, so a regression in understanding fails CI.
//!
//! The per-corpus table and every failing case are printed; to see them on success:
//!
//!     cargo test -p understand --test corpora -- --nocapture

mod common;

use common::{Case, CHECKS};
use serde_json::Value;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};
use understand::{inspect_json, Asked};

/// The cases each corpus passed when this test was written (debug and release builds alike).
/// A corpus passing fewer fails the test: lowering a floor is accepting a regression. Raising
/// one is welcome — do it whenever a change makes more cases pass, so the gain is kept.
const FLOORS: &[(&str, usize)] = &[
    ("calmailproc", 40),    // of 40
    ("ccs-imip", 9),        // of 9
    ("crisp-erp", 51),      // of 51
    ("github-erp", 20),     // of 20
    ("sisimai", 575),       // of 588
    ("talon", 24),          // of 24
    ("willdurand-erp", 58), // of 60
];

/// As the conformance runner: one tool call per `--as` group and chunk of this many files…
const CHUNK: usize = 200;
/// …and each call must finish in this time; the files not answered by then fail.
const CALL_TIMEOUT: Duration = Duration::from_secs(60);

/// A case's result.
struct Scored {
    case: Case,
    /// The failed checks (empty: it passed).
    failed: Vec<String>,
    /// The JSON line, if it failed a check.
    got: Option<String>,
}

/// Reads every case of one corpus and runs its checks.
fn score(cases: Vec<Case>) -> Vec<Scored> {
    let mut results: Vec<Option<(Vec<String>, Option<String>)>> =
        (0..cases.len()).map(|_| None).collect();
    // Groups in the runner's order (no --as first), cases in file order within a group.
    let mut groups: Vec<Option<&str>> = cases.iter().map(|c| c.asked.as_deref()).collect();
    groups.sort();
    groups.dedup();
    for group in groups {
        let members: Vec<usize> = (0..cases.len())
            .filter(|&i| cases[i].asked.as_deref() == group)
            .collect();
        let asked: Option<Asked> =
            group.map(|a| a.parse().unwrap_or_else(|e| panic!("--as {a}: {e}")));
        for chunk in members.chunks(CHUNK) {
            let started = Instant::now();
            // Once a call has crashed or run out of time, the rest of its files get no answer.
            let mut call_failed: Option<String> = None;
            for &i in chunk {
                let case = &cases[i];
                if let Some(why) = &call_failed {
                    results[i] = Some((vec![format!("no output line ({why})")], None));
                    continue;
                }
                let message = case.message();
                let line = catch_unwind(AssertUnwindSafe(|| {
                    inspect_json(&case.file, &message, asked, &[])
                }));
                if started.elapsed() > CALL_TIMEOUT {
                    call_failed = Some(format!(
                        "timeout: the call of {} files took over {} s",
                        chunk.len(),
                        CALL_TIMEOUT.as_secs()
                    ));
                } else if line.is_err() {
                    call_failed = Some(format!("the reader panicked on {}", case.file));
                }
                let out: Value = match (&call_failed, line) {
                    (Some(why), _) => {
                        results[i] = Some((vec![format!("no output line ({why})")], None));
                        continue;
                    }
                    (None, Ok(line)) => match serde_json::from_str(&line) {
                        Ok(v @ Value::Object(_)) => v,
                        _ => {
                            results[i] = Some((vec![format!("not a JSON object: {line}")], None));
                            continue;
                        }
                    },
                    (None, Err(_)) => unreachable!("a panic sets call_failed"),
                };
                let raw = std::fs::read(&case.path).expect("corpus file readable");
                let mut problems = Vec::new();
                for key in CHECKS {
                    let Some(want) = case.expect.get(key) else {
                        continue;
                    };
                    match common::check(key, want, &out, &raw) {
                        Some(Ok(())) => {}
                        Some(Err(why)) => problems.push(format!("{key}: {why}")),
                        None => problems.push(format!("{key}: unknown check")),
                    }
                }
                let got = (!problems.is_empty()).then(|| {
                    let got = out.to_string();
                    match got.char_indices().nth(400) {
                        Some((n, _)) => format!("{}...", &got[..n]),
                        None => got,
                    }
                });
                results[i] = Some((problems, got));
            }
        }
    }
    cases
        .into_iter()
        .zip(results)
        .map(|(case, result)| {
            let (failed, got) = result.expect("every case scored");
            Scored { case, failed, got }
        })
        .collect()
}

fn pct(passed: usize, total: usize) -> String {
    if total == 0 {
        "-".into()
    } else {
        format!("{:.1}%", 100.0 * passed as f64 / total as f64)
    }
}

#[test]
fn corpora_score_at_least_their_floors() {
    let dirs = common::corpus_dirs();
    assert!(
        !dirs.is_empty(),
        "no corpora under {}",
        common::corpora_dir().display()
    );
    let mut table = Vec::new();
    let mut problems = Vec::new();
    for dir in &dirs {
        let cases = common::load_corpus(dir);
        let name = cases[0].corpus.clone();
        let scored = score(cases);
        let passed = scored.iter().filter(|s| s.failed.is_empty()).count();
        let floor = FLOORS.iter().find(|(n, _)| *n == name).map(|&(_, f)| f);
        println!(
            "== {name}: cases {}, passed {passed}, pass {}, floor {}",
            scored.len(),
            pct(passed, scored.len()),
            floor.map_or("none".into(), |f| f.to_string())
        );
        for s in scored.iter().filter(|s| !s.failed.is_empty()) {
            let c = &s.case;
            println!(
                "   - {}  [as {}{}]",
                c.file,
                c.asked.as_deref().unwrap_or("-"),
                c.wrap
                    .as_deref()
                    .map(|w| format!(", wrap {w}"))
                    .unwrap_or_default()
            );
            if let Some(note) = &c.note {
                println!("       note:     {note}");
            }
            println!("       expected: {}", Value::Object(c.expect.clone()));
            for f in &s.failed {
                println!("       failed:   {f}");
            }
            if let Some(got) = &s.got {
                println!("       got:      {got}");
            }
        }
        match floor {
            None => problems.push(format!(
                "{name}: no floor in FLOORS (add (\"{name}\", {passed}))"
            )),
            Some(f) if passed < f => problems.push(format!(
                "{name}: {passed} of {} cases pass, fewer than its floor {f}: a regression (the failing cases are listed above)",
                scored.len()
            )),
            Some(f) if passed > f => println!(
                "   {name} passes {} more than its floor: raise it in FLOORS to {passed}",
                passed - f
            ),
            Some(_) => {}
        }
        table.push((name, scored.len(), passed));
    }
    for (name, _) in FLOORS {
        if !table.iter().any(|(n, _, _)| n == name) {
            problems.push(format!("{name}: in FLOORS but not under tests/corpora"));
        }
    }
    println!(
        "\n{:<28}{:>7}{:>8}{:>8}",
        "corpus", "cases", "passed", "pass"
    );
    for (name, total, passed) in &table {
        println!("{name:<28}{total:>7}{passed:>8}{:>8}", pct(*passed, *total));
    }
    let total: usize = table.iter().map(|t| t.1).sum();
    let passed: usize = table.iter().map(|t| t.2).sum();
    println!("TOTAL {passed}/{total} ({})", pct(passed, total));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn message_ids_of_wrapped_bodies_use_sha1() {
    assert_eq!(
        common::sha1_hex(b""),
        "da39a3ee5e6b4b0d3255bfef95601890afd80709"
    );
    assert_eq!(
        common::sha1_hex(b"abc"),
        "a9993e364706816aba3e25717850c26c9cd0d89d"
    );
    assert_eq!(
        common::sha1_hex(&[b'a'; 1000]),
        "291e9a6c66994949b57ba5e650361e98fc36b1ba"
    );
}
