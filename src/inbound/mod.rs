//! Inbound: where replies come from. A [`Mailbox`] hands out waiting messages, and is told
//! afterwards what became of each: `ack` (handled and committed: move it to the handled
//! folder) or `quarantine` (not a mail we could read: move it aside, keep it).
//!
//! The order is the exactly-once contract: the pipeline commits a message's effects and its
//! "handled" record first, and acknowledges it only then. A crash in between leaves the message
//! in the mailbox; the next run sees it again, finds its handled record, and only acknowledges.

pub mod imap;

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Result;

use crate::shutdown::Shutdown;

/// One message waiting in a mailbox.
#[derive(Debug)]
pub struct Incoming {
    pub key: Key,
    pub raw: Vec<u8>,
}

/// Where a message sits, to acknowledge it later.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Key {
    File(PathBuf),
    Uid(u32),
}

impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Key::File(p) => write!(
                f,
                "{}",
                p.file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default()
            ),
            Key::Uid(u) => write!(f, "uid {u}"),
        }
    }
}

pub enum Mailbox {
    Maildir(MaildirBox),
    Imap(Box<imap::ImapBox>),
}

impl Mailbox {
    /// Up to `max` waiting messages, oldest first, leaving out those in `skip` (messages
    /// waiting to be tried again), so that they hold up nothing behind them.
    pub async fn fetch(&mut self, max: usize, skip: &HashSet<Key>) -> Result<Vec<Incoming>> {
        match self {
            Mailbox::Maildir(m) => m.fetch(max, skip),
            Mailbox::Imap(m) => m.fetch(max, skip).await,
        }
    }

    pub async fn ack(&mut self, keys: &[Key]) -> Result<()> {
        match self {
            Mailbox::Maildir(m) => m.move_all(keys, "Handled"),
            Mailbox::Imap(m) => m.ack(keys).await,
        }
    }

    pub async fn quarantine(&mut self, key: &Key) -> Result<()> {
        match self {
            Mailbox::Maildir(m) => m.move_all(std::slice::from_ref(key), "Quarantine"),
            Mailbox::Imap(m) => m.quarantine(key).await,
        }
    }

    /// Waits until new mail may have arrived, `timeout` passed, or shutdown began. IMAP uses
    /// IDLE where the server offers it; a Maildir is looked at again after a short pause.
    pub async fn wait(&mut self, timeout: Duration, shutdown: &mut Shutdown) -> Result<()> {
        match self {
            Mailbox::Maildir(_) => {
                tokio::select! {
                    _ = tokio::time::sleep(timeout.min(Duration::from_millis(500))) => {}
                    _ = shutdown.recv() => {}
                }
                Ok(())
            }
            Mailbox::Imap(m) => m.wait(timeout, shutdown).await,
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Mailbox::Maildir(m) => format!("Maildir {}", m.dir.display()),
            Mailbox::Imap(m) => m.describe(),
        }
    }
}

pub struct MaildirBox {
    pub dir: PathBuf,
    /// Messages listed but not fetched yet, oldest first. A backlog is listed once, not once
    /// per batch (listing and sorting 10,000 names for every 100 messages cost more than
    /// reading them).
    listed: std::collections::VecDeque<PathBuf>,
    /// Messages of the last batch not yet acknowledged or quarantined: when some are left
    /// (handling stopped on an error), the next fetch lists again so that they come first.
    unsettled: usize,
}

impl MaildirBox {
    pub fn open(dir: PathBuf) -> Result<MaildirBox> {
        crate::maildir::ensure(&dir)?;
        Ok(MaildirBox {
            dir,
            listed: Default::default(),
            unsettled: 0,
        })
    }

    fn fetch(&mut self, max: usize, skip: &HashSet<Key>) -> Result<Vec<Incoming>> {
        if self.listed.is_empty() || self.unsettled > 0 {
            self.listed = crate::maildir::list(&self.dir)?.into();
        }
        let mut out = Vec::new();
        while out.len() < max {
            let Some(path) = self.listed.pop_front() else {
                break;
            };
            if !skip.is_empty() && skip.contains(&Key::File(path.clone())) {
                continue;
            }
            match std::fs::read(&path) {
                Ok(raw) => out.push(Incoming {
                    key: Key::File(path),
                    raw,
                }),
                // Another instance took it between list and read.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => {
                    self.listed.clear(); // list again next time, this one included
                    return Err(
                        anyhow::Error::from(e).context(format!("reading {}", path.display()))
                    );
                }
            }
        }
        self.unsettled = out.len();
        Ok(out)
    }

    fn move_all(&mut self, keys: &[Key], folder: &str) -> Result<()> {
        self.unsettled = self.unsettled.saturating_sub(keys.len());
        for k in keys {
            if let Key::File(p) = k {
                match crate::maildir::move_to_folder(&self.dir, p, folder) {
                    Ok(_) => {}
                    Err(e) if !p.exists() => {
                        tracing::debug!("{} was already moved: {e:#}", p.display())
                    }
                    Err(e) => return Err(e),
                }
            }
        }
        Ok(())
    }
}
