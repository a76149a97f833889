//! `roundtable::config::parse` on arbitrary text: no panic, and a refused config always says
//! why (at least one problem, each with a key and a fix).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let env = |k: &str| match k {
        "ROUNDTABLE_SECRET" => Some("fuzz-secret-0123456789abcdef".to_string()),
        _ => None,
    };
    match roundtable::config::parse(text, std::path::Path::new("/srv/roundtable"), &env) {
        Ok(_) => {}
        Err(problems) => {
            assert!(!problems.is_empty(), "refused without a problem");
            for p in &problems {
                assert!(!p.key.is_empty() && !p.fix.is_empty(), "a problem without key or fix: {p:?}");
            }
        }
    }
});
