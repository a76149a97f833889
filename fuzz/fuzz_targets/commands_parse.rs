//! `understand::command::parse` (the Subject command grammar) on arbitrary input: line 1 is the
//! command word, line 2 the arguments (split on whitespace, as `understand` splits a Subject),
//! the rest the sender's own body lines. No panic; whatever it accepts carries no control
//! character into what could end up in a header, and a refusal names the problem.
#![no_main]

use libfuzzer_sys::fuzz_target;
use understand::command::{Cmd, MAX_ATTENDED, MAX_NAME, MAX_PLACE, MAX_REASON, MAX_SEARCH};

/// The free-text values of a command, by what they are.
fn text_fields(cmd: &Cmd) -> Vec<(&'static str, &str)> {
    fn opt<'a>(out: &mut Vec<(&'static str, &'a str)>, field: &'static str, v: &'a Option<String>) {
        if let Some(v) = v {
            out.push((field, v.as_str()));
        }
    }
    let mut out = Vec::new();
    match cmd {
        Cmd::Schedule { place, .. } | Cmd::Reschedule { place, .. } => opt(&mut out, "place", place),
        Cmd::Cancel { reason, .. } => opt(&mut out, "reason", reason),
        Cmd::Invite { address, name } | Cmd::Add { address, name } => {
            opt(&mut out, "name", name);
            out.push(("address", address.as_str()));
        }
        Cmd::Remove { address } | Cmd::Promote { address } => out.push(("address", address.as_str())),
        Cmd::Attended { people } => out.extend(people.iter().map(|p| ("person", p.as_str()))),
        Cmd::Search(s) => out.push(("search", s)),
        _ => {}
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut lines = text.split('\n');
    let command = lines.next().unwrap_or("").trim().to_uppercase();
    let args: Vec<String> = lines.next().unwrap_or("").split_whitespace().map(str::to_string).collect();
    let body: Vec<&str> = lines.collect();
    match understand::command::parse(&command, &args, &body) {
        Ok(cmd) => {
            for (field, value) in text_fields(&cmd) {
                assert!(!value.chars().any(char::is_control), "control character accepted in {field}: {cmd:?}");
                let limit = match field {
                    "name" => MAX_NAME,
                    "place" => MAX_PLACE,
                    "reason" => MAX_REASON,
                    "search" => MAX_SEARCH,
                    _ => 320, // an address
                };
                assert!(value.chars().count() <= limit, "{field} longer than {limit}: {cmd:?}");
            }
            if let Cmd::Attended { people } = &cmd {
                assert!(people.len() <= MAX_ATTENDED, "more than {MAX_ATTENDED} attended");
            }
        }
        Err(usage) => {
            assert!(!usage.problem.id.is_empty(), "refused without saying why");
            let _ = usage.to_string();
        }
    }
});
