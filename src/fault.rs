//! Fault injection for the isolation and crash tests, by the environment variable
//! `ROUNDTABLE_FAULT` (nothing else reads it; unset, every check here is one lookup):
//! - `fail-command:WORD`: the command WORD fails after it has made its changes, as a bug
//!   halfway through would (the changes must be undone);
//! - `fail-job:KIND`: every scheduled job of that kind (`announcement`, `digest`, …) fails
//!   (the other jobs must still go out; it is given up after its last attempt);
//! - `fail-message:TEXT` and the abort points of `app.rs` (handling of a message, crashes).

use anyhow::{bail, Result};

/// Fails when `ROUNDTABLE_FAULT` is `{what}:{name}`.
pub fn check(what: &str, name: &str) -> Result<()> {
    if let Ok(f) = std::env::var("ROUNDTABLE_FAULT") {
        if f.strip_prefix(what).and_then(|r| r.strip_prefix(':')) == Some(name) {
            bail!("fault injection: {what} {name}");
        }
    }
    Ok(())
}
