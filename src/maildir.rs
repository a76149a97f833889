//! Maildir primitives shared by the inbound mailbox and the outbound Maildir transport:
//! deliver safely (write in `tmp/`, fsync, rename into `new/`), list, and move between
//! Maildir++ folders (`.Handled`, `.Quarantine`) so Dovecot shows them as folders.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{Context as _, Result};

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Creates `cur`, `new` and `tmp` under `dir` if they are missing.
pub fn ensure(dir: &Path) -> Result<()> {
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(dir.join(sub))
            .with_context(|| format!("creating Maildir {}", dir.join(sub).display()))?;
    }
    Ok(())
}

/// A unique file name, as the Maildir spec asks: time, a per-process counter, pid and host.
pub fn unique_name() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let host = gethostname::gethostname()
        .to_string_lossy()
        .replace(['/', ':'], "_");
    format!(
        // Microseconds zero-padded: list() sorts names as text, oldest first, and `M99999`
        // would sort after `M100001` of the same second.
        "{}.M{:06}P{}Q{}.{}",
        now.as_secs(),
        now.subsec_micros(),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        host
    )
}

/// Delivers `bytes` into `dir/new` durably; returns the final path.
pub fn deliver(dir: &Path, bytes: &[u8]) -> Result<PathBuf> {
    use std::io::Write;
    ensure(dir)?;
    let name = unique_name();
    let tmp = dir.join("tmp").join(&name);
    let dst = dir.join("new").join(&name);
    let mut f =
        std::fs::File::create(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
    let written = f
        .write_all(bytes)
        .with_context(|| format!("writing {}", tmp.display()))
        .and_then(|()| {
            f.sync_all()
                .with_context(|| format!("syncing {}", tmp.display()))
        })
        .and_then(|()| {
            std::fs::rename(&tmp, &dst)
                .with_context(|| format!("moving {} into new/", tmp.display()))
        });
    if written.is_err() {
        // A full disk: the part written would keep taking the space each retry needs.
        let _ = std::fs::remove_file(&tmp);
    }
    written.map(|()| dst)
}

/// Messages waiting in `dir` (`new/` then `cur/`), oldest name first.
pub fn list(dir: &Path) -> Result<Vec<PathBuf>> {
    list_oldest(dir, usize::MAX, |_| false)
}

/// The `max` oldest messages waiting in `dir` ([`list`]'s order), leaving out those `skip`
/// names. Every name is read once and only `max` are kept, so that a backlog of any size is
/// listed in the same memory: the 100,000 paths of a large one were 15 MB held through its
/// drain (BENCHMARKS.md, "Session 12").
pub fn list_oldest(dir: &Path, max: usize, skip: impl Fn(&Path) -> bool) -> Result<Vec<PathBuf>> {
    const SUBS: [&str; 2] = ["new", "cur"];
    // The newest kept on top, to be dropped when an older name comes.
    let mut oldest: std::collections::BinaryHeap<(usize, std::ffi::OsString)> =
        std::collections::BinaryHeap::new();
    for (i, sub) in SUBS.iter().enumerate() {
        let d = dir.join(sub);
        let rd = match std::fs::read_dir(&d) {
            Ok(rd) => rd,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e).with_context(|| format!("listing {}", d.display())),
        };
        for e in rd.filter_map(|e| e.ok()) {
            let name = e.file_name();
            if name.as_encoded_bytes().starts_with(b".")
                || !e.file_type().map(|t| t.is_file()).unwrap_or(false)
            {
                continue;
            }
            let key = (i, name);
            if oldest.len() >= max && oldest.peek().is_some_and(|newest| key >= *newest) {
                continue;
            }
            if skip(&d.join(&key.1)) {
                continue;
            }
            oldest.push(key);
            if oldest.len() > max {
                oldest.pop();
            }
        }
    }
    Ok(oldest
        .into_sorted_vec()
        .into_iter()
        .map(|(i, name)| dir.join(SUBS[i]).join(name))
        .collect())
}

/// The Maildir++ folder `folder` of `dir`, made if it is missing.
pub fn folder_of(dir: &Path, folder: &str) -> Result<PathBuf> {
    let target = dir.join(format!(".{folder}"));
    ensure(&target)?;
    Ok(target)
}

/// Moves a message file into a folder made by [`folder_of`], marked seen. A batch makes the
/// folder once (three `mkdir`s per message were 38 % of acknowledging a 10,000-reply backlog).
pub fn move_into(target: &Path, file: &Path) -> Result<PathBuf> {
    let name = file
        .file_name()
        .context("message file has no name")?
        .to_string_lossy()
        .to_string();
    let base = name.split(":2,").next().unwrap_or(&name);
    let dst = target.join("cur").join(format!("{base}:2,S"));
    std::fs::rename(file, &dst)
        .with_context(|| format!("moving {} to {}", file.display(), dst.display()))?;
    Ok(dst)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listing_keeps_the_oldest_it_may() {
        let d = tempfile::tempdir().unwrap();
        ensure(d.path()).unwrap();
        for (sub, name) in [
            ("cur", "1:2,S"),
            ("new", "3"),
            ("new", "1"),
            ("new", "2"),
            ("new", ".x"),
        ] {
            std::fs::write(d.path().join(sub).join(name), b"m").unwrap();
        }
        let at = |sub: &str, name: &str| d.path().join(sub).join(name);
        assert_eq!(
            list(d.path()).unwrap(),
            vec![
                at("new", "1"),
                at("new", "2"),
                at("new", "3"),
                at("cur", "1:2,S")
            ]
        );
        let none = |_: &Path| false;
        assert_eq!(
            list_oldest(d.path(), 2, none).unwrap(),
            vec![at("new", "1"), at("new", "2")]
        );
        let skipped = at("new", "1");
        assert_eq!(
            list_oldest(d.path(), 2, |p: &Path| p == skipped).unwrap(),
            vec![at("new", "2"), at("new", "3")],
            "what is skipped takes no place"
        );
        assert_eq!(
            list_oldest(d.path(), 0, none).unwrap(),
            Vec::<PathBuf>::new()
        );
    }

    #[test]
    fn deliver_list_and_move() {
        let d = tempfile::tempdir().unwrap();
        let a = deliver(d.path(), b"one").unwrap();
        let b = deliver(d.path(), b"two").unwrap();
        assert_eq!(list(d.path()).unwrap(), vec![a.clone(), b.clone()]);
        let moved = move_into(&folder_of(d.path(), "Handled").unwrap(), &a).unwrap();
        assert_eq!(std::fs::read(&moved).unwrap(), b"one");
        assert!(moved.to_string_lossy().ends_with(":2,S"));
        assert_eq!(list(d.path()).unwrap(), vec![b]);
        assert!(std::fs::read_dir(d.path().join("tmp"))
            .unwrap()
            .next()
            .is_none());
    }
}
