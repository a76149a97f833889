//! The results file (`key value` lines that `report` reads) and the figures every run records
//! about its own process: CPU seconds, bytes written, the load average, rates.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context as _, Result};

pub(crate) struct Results {
    pub(crate) path: Option<PathBuf>,
}

impl Results {
    /// `{p}.peak_rss_kb`, the process's peak so far, and, when [`start_phase`] could start
    /// `phase` (the drain), the resident memory before it and its own peak.
    pub(crate) fn put_peaks(&mut self, p: &str, phase: Option<(u64, u64)>) {
        let drain_peak = peak_rss_kb();
        self.put(
            &format!("{p}.peak_rss_kb"),
            drain_peak.max(phase.map_or(0, |(so_far, _)| so_far)),
        );
        if let Some((_, before)) = phase {
            self.put(&format!("{p}.drain_rss_before_kb"), before);
            self.put(&format!("{p}.drain_peak_rss_kb"), drain_peak);
        }
    }

    pub(crate) fn put(&mut self, key: &str, value: impl std::fmt::Display) {
        let line = format!("{key} {value}");
        println!("  {line}");
        if let Some(p) = &self.path {
            let mut f = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(p)
                .expect("opening the results file");
            writeln!(f, "{line}").expect("writing the results file");
        }
    }
}

/// CPU seconds (user + system, all threads) this process used so far.
pub(crate) fn self_cpu() -> f64 {
    proc_stat(std::process::id())
        .map(|(ticks, _)| ticks as f64 / 100.0)
        .unwrap_or(f64::NAN)
}

/// Bytes this process has passed to write(2) and friends so far (/proc/self/io `wchar`): the
/// database's file writes, the Maildir moves, the logs.
pub(crate) fn self_written() -> u64 {
    std::fs::read_to_string("/proc/self/io")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("wchar:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// The 1-minute load average: how busy the machine was besides the bench.
pub(crate) fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_string))
        .unwrap_or_default()
}

pub(crate) fn rate(n: usize, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64().max(1e-9)
}

/// (utime + stime in clock ticks, threads) from /proc/PID/stat.
pub(crate) fn proc_stat(pid: u32) -> Result<(u64, u64)> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
    let rest = s.rsplit_once(") ").context("/proc stat format")?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    // Fields after "(comm)": state is index 0, so utime (field 14) is 11, stime 12, threads 17.
    Ok((
        f[11].parse::<u64>()? + f[12].parse::<u64>()?,
        f[17].parse()?,
    ))
}

/// The peak resident set of this process so far (/proc/self/status `VmHWM`), in KB.
pub(crate) fn peak_rss_kb() -> u64 {
    status_kb("VmHWM:")
}

/// Starts the peak of [`peak_rss_kb`] again from the memory resident now, so that what is read
/// after a phase (a drain) is that phase's peak, apart from the set-up before it (adding
/// 100,000 members, writing the backlog). Returns the peak so far and the resident memory
/// now; `None` where the kernel does not allow it (`/proc/self/clear_refs`), and then a
/// phase's own peak is not reported. What the set-up freed goes back to the system first, so
/// that the phase starts from what is still in use, not from the set-up's high-water mark.
pub(crate) fn start_phase() -> Option<(u64, u64)> {
    let so_far = peak_rss_kb();
    #[cfg(target_env = "gnu")]
    // SAFETY: malloc_trim only returns free heap pages to the system; it takes no pointer.
    unsafe {
        libc::malloc_trim(0);
    }
    std::fs::write("/proc/self/clear_refs", "5").ok()?;
    Some((so_far, rss_kb()))
}

/// The resident memory of this process now, in KB.
pub(crate) fn rss_kb() -> u64 {
    status_kb("VmRSS:")
}

fn status_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}
