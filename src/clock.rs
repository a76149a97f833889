//! Own the clock: everything that depends on time takes `now` from a [`Clock`], so
//! `run --once --now …` and tests can set it.

#[derive(Clone, Copy, Debug, Default)]
pub struct Clock {
    fixed: Option<i64>,
}

impl Clock {
    pub fn system() -> Clock {
        Clock { fixed: None }
    }

    pub fn fixed(unix: i64) -> Clock {
        Clock { fixed: Some(unix) }
    }

    /// Unix seconds.
    pub fn now(&self) -> i64 {
        self.fixed.unwrap_or_else(unix_now)
    }
}

/// Now, in Unix seconds, from the system clock.
pub fn unix_now() -> i64 {
    use std::time::{SystemTime, UNIX_EPOCH};
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}
