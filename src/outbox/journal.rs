//! The sent journal: on SQLite, a mail accepted by the server is recorded first as a line in a
//! file of this delivery's own, and folded into the outbox once per batch.
//!
//! Why: the crash bound (at most `max_connections` mails accepted by the server and not yet
//! recorded, see [`super`]) made every connection wait, before its next body, for its last
//! result's commit: a hand-off to SQLite's thread, a WAL write and the locks of a transaction,
//! ~70 µs of CPU and ~120-300 µs of waiting per commit, 1.4 results per commit. That wait was
//! ~40 % of a list post's delivery time (BENCHMARKS.md, session 10). A `write` to a file is
//! recorded as far as a crash of this process goes — the kernel holds it, as it holds the WAL
//! pages of a commit made with `synchronous = NORMAL`, which is all the results connection
//! ever promised (a power cut may undo both) — and costs a few microseconds on the delivery
//! thread itself. So the bound is kept with a line per mail, and the database is written once
//! per batch.
//!
//! The files: `<database>-sent/<uuid>.sent`, one per delivery at a time, the owner of the
//! leases (the `lease_owner` the rows were claimed under) on its first line, then one outbox
//! id per line. The delivery holds an exclusive lock on its file for as long as it has one
//! open. When a batch ends its file is folded (the rows marked sent where still leased by that
//! owner, which makes folding twice harmless) and removed; a file whose lock is free belongs to
//! a delivery that died (kill -9, a power cut, a fold that failed), and the next claim by
//! anyone folds it before it claims, so a row a dead delivery sent is never claimed again.
//! PostgreSQL keeps its journal in a table instead (`outbox_sent`, see
//! `Store::journal_sent`): its daemons may run on other machines, which could not read the
//! file of one that died.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

/// The journal of one delivery: the file being written, if any.
pub struct Journal {
    dir: PathBuf,
    owner: String,
    current: Option<Segment>,
}

/// One journal file and the ids written to it.
pub struct Segment {
    path: PathBuf,
    /// Open (and locked) for as long as the segment lives: the lock says its writer is alive.
    file: File,
    pub ids: Vec<i64>,
}

/// What a dead delivery left: its lease owner and its segment (the ids it recorded), the file
/// locked by us until it is folded and [`Orphan::remove`]d.
pub struct Orphan {
    pub owner: String,
    segment: Segment,
}

const SUFFIX: &str = "sent";
/// A file being made (see [`Segment::create`]).
const DRAFT: &str = "draft";

impl Journal {
    pub fn new(dir: PathBuf, owner: &str) -> Journal {
        Journal {
            dir,
            owner: owner.to_string(),
            current: None,
        }
    }

    /// Records that the mail of outbox row `id` was accepted by the server. When this returns
    /// `Ok`, a crash of the process no longer sends it again.
    pub fn append(&mut self, id: i64) -> Result<()> {
        if self.current.is_none() {
            self.current = Some(Segment::create(&self.dir, &self.owner)?);
        }
        let segment = self.current.as_mut().expect("just made");
        // One write per line: a kill can cut the file only between two lines or leave a
        // last line without its newline, which reading leaves out (that mail was in flight).
        (&segment.file)
            .write_all(format!("{id}\n").as_bytes())
            .with_context(|| format!("writing to {}", segment.path.display()))?;
        segment.ids.push(id);
        Ok(())
    }

    /// The segment written so far, to be folded; the next [`Journal::append`] starts another.
    pub fn take(&mut self) -> Option<Segment> {
        self.current.take()
    }
}

impl Segment {
    fn create(dir: &Path, owner: &str) -> Result<Segment> {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let name = uuid::Uuid::new_v4().simple().to_string();
        // Made under a name no reader looks at, locked, its owner line written, then given its
        // name: a reader never finds it unlocked before it is whole.
        let draft = dir.join(format!("{name}.{DRAFT}"));
        let path = dir.join(format!("{name}.{SUFFIX}"));
        let mut file = OpenOptions::new()
            .append(true)
            .create_new(true)
            .open(&draft)
            .with_context(|| format!("creating {}", draft.display()))?;
        file.lock()
            .with_context(|| format!("locking {}", draft.display()))?;
        file.write_all(format!("{owner}\n").as_bytes())
            .and_then(|()| std::fs::rename(&draft, &path))
            .with_context(|| format!("starting {}", path.display()))?;
        Ok(Segment {
            path,
            file,
            ids: Vec::new(),
        })
    }

    /// Its ids are in the outbox now: the file goes.
    pub fn remove(self) -> Result<()> {
        std::fs::remove_file(&self.path)
            .with_context(|| format!("removing {}", self.path.display()))?;
        drop(self.file);
        Ok(())
    }
}

impl Orphan {
    pub fn remove(self) -> Result<()> {
        self.segment.remove()
    }

    pub fn path(&self) -> &Path {
        &self.segment.path
    }

    pub fn ids(&self) -> &[i64] {
        &self.segment.ids
    }
}

/// The segments in `dir` whose writer is gone (their lock is free), each locked by us now.
/// A segment still being written, by this process or another, is left alone.
pub fn orphans(dir: &Path) -> Result<Vec<Orphan>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        // No journal can be there (none written yet, or something else stands in its place,
        // in which case every delivery records its results in the database instead).
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            return Ok(Vec::new())
        }
        Err(e) => return Err(e).with_context(|| format!("reading {}", dir.display())),
    };
    let mut out = Vec::new();
    for entry in entries {
        let path = entry
            .with_context(|| format!("reading {}", dir.display()))?
            .path();
        let draft = path.extension().is_some_and(|e| e == DRAFT);
        if !draft && path.extension().is_none_or(|e| e != SUFFIX) {
            continue;
        }
        let file = match File::open(&path) {
            Ok(f) => f,
            // Folded and removed by someone else meanwhile.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e).with_context(|| format!("opening {}", path.display())),
        };
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => continue,
            Err(TryLockError::Error(e)) => {
                return Err(e).with_context(|| format!("locking {}", path.display()))
            }
        }
        if draft {
            // Its writer died before the file had its name: no id can be in it.
            std::fs::remove_file(&path).with_context(|| format!("removing {}", path.display()))?;
            continue;
        }
        let (owner, ids) = read(&file).with_context(|| format!("reading {}", path.display()))?;
        out.push(Orphan {
            owner,
            segment: Segment { path, file, ids },
        });
    }
    Ok(out)
}

/// A segment's owner line and its ids: only whole lines count. A kill can cut a write short at
/// a page boundary, and the part of a line it leaves ("12" of "1234") must not be read as an
/// id: a line counts only with its newline, which is written last.
fn read(mut file: &File) -> std::io::Result<(String, Vec<i64>)> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut file, &mut bytes)?;
    let whole = match memchr::memrchr(b'\n', &bytes) {
        Some(end) => &bytes[..end],
        None => return Ok((String::new(), Vec::new())),
    };
    let mut lines = whole.split(|b| *b == b'\n');
    let owner = String::from_utf8_lossy(lines.next().unwrap_or_default()).into_owned();
    let ids = lines
        .filter_map(|l| std::str::from_utf8(l).ok()?.parse().ok())
        .collect();
    Ok((owner, ids))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_segment_is_read_back_and_a_cut_last_line_is_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let mut j = Journal::new(dir.path().join("db-sent"), "host-1-abc");
        for id in [7, 1234, 99] {
            j.append(id).unwrap();
        }
        // Ours, alive: not an orphan.
        assert!(orphans(&dir.path().join("db-sent")).unwrap().is_empty());
        let seg = j.take().unwrap();
        assert_eq!(seg.ids, vec![7, 1234, 99]);
        // A kill in the middle of the next line's write.
        (&seg.file).write_all(b"56").unwrap();
        let path = seg.path.clone();
        drop(seg); // the writer dies: the lock goes with it
        let found = orphans(&dir.path().join("db-sent")).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].owner, "host-1-abc");
        assert_eq!(found[0].ids(), [7, 1234, 99]);
        // Locked by its folder now: nobody else takes it meanwhile.
        assert!(orphans(&dir.path().join("db-sent")).unwrap().is_empty());
        found.into_iter().next().unwrap().remove().unwrap();
        assert!(!path.exists());
    }

    #[test]
    fn a_file_cut_inside_its_owner_line_holds_nothing() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x.sent"), b"host-1-a").unwrap();
        std::fs::write(dir.path().join("y.draft"), b"host-1-b\n5\n").unwrap();
        let found = orphans(dir.path()).unwrap();
        assert_eq!(found.len(), 1, "drafts are not read");
        assert!(found[0].ids().is_empty());
        assert!(
            !dir.path().join("y.draft").exists(),
            "a draft its writer left is removed"
        );
    }

    #[test]
    fn no_directory_no_orphans() {
        let dir = tempfile::tempdir().unwrap();
        assert!(orphans(&dir.path().join("missing")).unwrap().is_empty());
    }
}
