//! Every `tests/fixtures/<kind>/NAME.eml` is read and checked against `NAME.expect.json`
//! (the format is described in `tests/fixtures/README.md`). All failures are reported at once.

use serde_json::Value;
use std::path::{Path, PathBuf};
use understand::{inspect_json, read, Asked, Context, Intent};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
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

/// A string or a list of strings, as a list.
fn strings(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a
            .iter()
            .filter_map(|x| x.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

/// The normalisation the conformance tool uses for text comparisons.
fn normalise(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = s.split('\n').map(|l| l.trim_end()).collect();
    let mut out = lines.join("\n");
    while out.contains("\n\n\n") {
        out = out.replace("\n\n\n", "\n\n");
    }
    out.trim().to_string()
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
    let text = json["text"].as_str().unwrap_or("").to_string();
    let mut fail = |what: String| problems.push(what);

    for (key, want) in expect {
        match key.as_str() {
            "as" | "own" | "comment" => {}
            "kind" => {
                if json["kind"] != *want {
                    fail(format!("kind: want {want}, got {}", json["kind"]));
                }
            }
            "not_kind" => {
                if strings(want).contains(&kind) {
                    fail(format!("not_kind: got {kind}"));
                }
            }
            "response" => {
                if json["response"] != *want {
                    fail(format!("response: want {want}, got {}", json["response"]));
                }
            }
            "note" => {
                let got = json.get("note").cloned().unwrap_or(Value::Null);
                if got != *want {
                    fail(format!("note: want {want}, got {got}"));
                }
            }
            "note_contains" => {
                let note = json["note"].as_str().unwrap_or("").to_lowercase();
                for w in strings(want) {
                    if !note.contains(&w.to_lowercase()) {
                        fail(format!("note_contains: {w:?} not in {note:?}"));
                    }
                }
            }
            "text" => {
                let w = want.as_str().unwrap_or("");
                if normalise(&text) != normalise(w) {
                    fail(format!("text: want {w:?}, got {text:?}"));
                }
            }
            "text_contains" => {
                for w in strings(want) {
                    if !text.to_lowercase().contains(&w.to_lowercase()) {
                        fail(format!("text_contains: {w:?} not in {text:?}"));
                    }
                }
            }
            "text_excludes" => {
                for w in strings(want) {
                    if text.to_lowercase().contains(&w.to_lowercase()) {
                        fail(format!("text_excludes: {w:?} in {text:?}"));
                    }
                }
            }
            "command" => {
                if json["command"] != *want {
                    fail(format!("command: want {want}, got {}", json["command"]));
                }
            }
            "args" => {
                if json["args"] != *want {
                    fail(format!("args: want {want}, got {}", json["args"]));
                }
            }
            "votes" => {
                let mut got: Vec<u64> = json["votes"]
                    .as_array()
                    .map(|a| a.iter().filter_map(Value::as_u64).collect())
                    .unwrap_or_default();
                let mut w: Vec<u64> = want
                    .as_array()
                    .map(|a| a.iter().filter_map(Value::as_u64).collect())
                    .unwrap_or_default();
                got.sort();
                w.sort();
                if got != w {
                    fail(format!("votes: want {w:?}, got {got:?}"));
                }
            }
            "titles" | "titles_contain" | "details_contain" => {
                let topics = json["topics"].as_array().cloned().unwrap_or_default();
                let titles: Vec<String> = topics
                    .iter()
                    .map(|t| t["title"].as_str().unwrap_or("").to_string())
                    .collect();
                let details: Vec<String> = topics
                    .iter()
                    .map(|t| t["details"].as_str().unwrap_or("").to_lowercase())
                    .collect();
                match key.as_str() {
                    "titles" => {
                        if titles != strings(want) {
                            fail(format!("titles: want {want}, got {titles:?}"));
                        }
                    }
                    "titles_contain" => {
                        for w in strings(want) {
                            if !titles
                                .iter()
                                .any(|t| t.to_lowercase().contains(&w.to_lowercase()))
                            {
                                fail(format!("titles_contain: {w:?} not in {titles:?}"));
                            }
                        }
                    }
                    _ => {
                        for w in strings(want) {
                            if !details.iter().any(|d| d.contains(&w.to_lowercase())) {
                                fail(format!("details_contain: {w:?} not in {details:?}"));
                            }
                        }
                    }
                }
            }
            "count" => {
                let n = json
                    .get("topics")
                    .or_else(|| json.get("takeaways"))
                    .and_then(Value::as_array)
                    .map(Vec::len);
                if n != want.as_u64().map(|x| x as usize) {
                    fail(format!("count: want {want}, got {n:?}"));
                }
            }
            "contain" => {
                let items: Vec<String> = json["takeaways"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|x| x.as_str().map(str::to_lowercase))
                            .collect()
                    })
                    .unwrap_or_default();
                for w in strings(want) {
                    if !items.iter().any(|i| i.contains(&w.to_lowercase())) {
                        fail(format!("contain: {w:?} not in {items:?}"));
                    }
                }
            }
            "recipients" => {
                let mut got = strings(&json["recipients"]);
                let mut w = strings(want);
                got.sort();
                w.sort();
                if got != w {
                    fail(format!("recipients: want {w:?}, got {got:?}"));
                }
            }
            "permanent" => {
                if json["permanent"] != *want {
                    fail(format!("permanent: want {want}, got {}", json["permanent"]));
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
            other => fail(format!("unknown expectation key {other:?}")),
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
