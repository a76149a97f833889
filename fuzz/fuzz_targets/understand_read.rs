//! `understand::read` and `inspect_json` on arbitrary bytes: no panic (the unguarded reader, so
//! a panic is a finding rather than "unreadable"), the same bytes give the same reading, and
//! the JSON line is valid with one of the documented kinds. The input's length picks what the
//! message is said to answer (like `inspect --as`), so that seeds are whole messages.
#![no_main]

use libfuzzer_sys::fuzz_target;
use understand::{inspect_json, read_unguarded, Asked, Context, Intent};

fuzz_target!(|data: &[u8]| {
    let raw = data;
    let asked = match raw.len() % 5 {
        0 => None,
        1 => Some(Asked::Rsvp),
        2 => Some(Asked::Topics),
        3 => Some(Asked::Takeaways),
        _ => Some(Asked::Followup),
    };
    let own = vec!["circle@example.org".to_string()];
    let ctx = Context { asked, own_addresses: &own };
    let once = read_unguarded(raw, &ctx);
    let again = read_unguarded(raw, &ctx);
    assert_eq!(format!("{once:?}"), format!("{again:?}"), "the same bytes must give the same reading");
    let line = inspect_json("fuzz.eml", raw, asked, &own);
    let v: serde_json::Value = serde_json::from_str(&line).expect("inspect_json gives one JSON object");
    let kind = v.get("kind").and_then(|k| k.as_str()).expect("a kind");
    assert!(Intent::KINDS.contains(&kind), "undocumented kind {kind:?}");
    assert!(!line.contains('\n'), "one JSON object a line");
});
