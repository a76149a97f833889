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
        self.fixed.unwrap_or_else(crate::render::unix_now)
    }
}
