//! Inbound: where replies come from. A [`Mailbox`] hands out waiting messages, and is told
//! afterwards what became of each: `ack` (handled and committed: move it to the handled
//! folder) or `quarantine` (not a mail we could read: move it aside, keep it).
//!
//! The order is the exactly-once contract: the pipeline commits a message's effects and its
//! "handled" record first, and acknowledges it only then. A crash in between leaves the message
//! in the mailbox; the next run sees it again, finds its handled record, and only acknowledges.
//! "Committed" means durable: on SQLite the batch's commit is synced (`Store::wal_sync`) just
//! before its messages are acknowledged, on the thread that acknowledges them.

pub mod imap;

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context as _, Result};

use crate::shutdown::Shutdown;
use crate::store::WalSync;

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

    /// Acknowledges handled messages once `durable` (their batch's commit made durable, see
    /// `Store::begin_batch`) has run.
    pub async fn ack(&mut self, keys: &[Key], durable: Option<WalSync>) -> Result<()> {
        match self {
            Mailbox::Maildir(m) => m.ack(keys, durable),
            Mailbox::Imap(m) => {
                if !keys.is_empty() {
                    synced(durable).await?;
                }
                m.ack(keys).await
            }
        }
    }

    /// Moves a message aside once `durable` has run (its record is in the same batch).
    pub async fn quarantine(&mut self, key: &Key, durable: Option<WalSync>) -> Result<()> {
        synced(durable).await?;
        match self {
            Mailbox::Maildir(m) => {
                m.settle()?;
                m.move_all(std::slice::from_ref(key), "Quarantine")
            }
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

/// Messages a Maildir listing keeps, the oldest: a larger backlog is listed again when these
/// are handled (each listing reads every name in the inbox, and keeps these).
const LISTED_AT_ONCE: usize = 10_000;

pub struct MaildirBox {
    pub dir: PathBuf,
    /// Messages listed but not fetched yet, oldest first. A backlog is listed once per
    /// [`LISTED_AT_ONCE`] messages, not once per batch (listing and sorting 10,000 names for
    /// every 100 messages cost more than reading them).
    listed: std::collections::VecDeque<PathBuf>,
    /// Messages of the last batch not yet acknowledged or quarantined: when some are left
    /// (handling stopped on an error), the next fetch lists again so that they come first.
    unsettled: usize,
    /// The last batch's acknowledgement, moving its files while the next batch is handled.
    acking: Option<std::thread::JoinHandle<Result<()>>>,
}

impl MaildirBox {
    pub fn open(dir: PathBuf) -> Result<MaildirBox> {
        crate::maildir::ensure(&dir)?;
        Ok(MaildirBox {
            dir,
            listed: Default::default(),
            unsettled: 0,
            acking: None,
        })
    }

    fn fetch(&mut self, max: usize, skip: &HashSet<Key>) -> Result<Vec<Incoming>> {
        if self.listed.is_empty() || self.unsettled > 0 {
            // A listing must not see the last batch's files still in the inbox.
            self.settle()?;
            self.listed = crate::maildir::list_oldest(&self.dir, LISTED_AT_ONCE, |p| {
                !skip.is_empty() && skip.contains(&Key::File(p.to_path_buf()))
            })?
            .into();
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
        if out.is_empty() {
            // Nothing more to do: what was acknowledged is moved when the caller sees that.
            self.settle()?;
        }
        self.unsettled = out.len();
        Ok(out)
    }

    /// Acknowledges handled messages: their effects are committed, so the files are moved
    /// to `.Handled` on a thread of their own while the next batch is fetched and handled (a
    /// rename is tens of microseconds: 10,000 of them were a tenth of draining a backlog,
    /// spent while nothing else ran). The next acknowledgement, quarantine or listing waits
    /// for it and reports its error. Should the process end first, the files not yet moved
    /// are read again and, their "handled" records found, only acknowledged.
    /// The commit is made durable first (`durable`), on that thread too.
    fn ack(&mut self, keys: &[Key], durable: Option<WalSync>) -> Result<()> {
        self.settle()?;
        self.unsettled = self.unsettled.saturating_sub(keys.len());
        if keys.is_empty() {
            return Ok(());
        }
        let (dir, owned) = (self.dir.clone(), keys.to_vec());
        let sync = durable.clone();
        let acking = std::thread::Builder::new()
            .name("inbound-ack".into())
            .spawn(move || {
                sync.map_or(Ok(()), |s| s.sync())?;
                move_keys(&dir, &owned, "Handled")
            });
        match acking {
            Ok(handle) => self.acking = Some(handle),
            // No thread to be had: move them here.
            Err(_) => {
                durable.map_or(Ok(()), |s| s.sync())?;
                move_keys(&self.dir, keys, "Handled")?
            }
        }
        Ok(())
    }

    /// Waits for the last acknowledgement, if one is under way.
    fn settle(&mut self) -> Result<()> {
        match self.acking.take() {
            Some(handle) => handle
                .join()
                .map_err(|_| anyhow::anyhow!("acknowledging messages: the thread panicked"))?,
            None => Ok(()),
        }
    }

    fn move_all(&mut self, keys: &[Key], folder: &str) -> Result<()> {
        self.unsettled = self.unsettled.saturating_sub(keys.len());
        move_keys(&self.dir, keys, folder)
    }
}

/// Runs `durable` off the async runtime's threads (an fsync).
async fn synced(durable: Option<WalSync>) -> Result<()> {
    match durable {
        Some(s) => tokio::task::spawn_blocking(move || s.sync())
            .await
            .context("syncing the database")?,
        None => Ok(()),
    }
}

/// Moves the files of `keys` into `folder` of the Maildir `dir`; one already gone is fine.
fn move_keys(dir: &std::path::Path, keys: &[Key], folder: &str) -> Result<()> {
    if keys.is_empty() {
        return Ok(());
    }
    let target = crate::maildir::folder_of(dir, folder)?;
    for k in keys {
        if let Key::File(p) = k {
            match crate::maildir::move_into(&target, p) {
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

impl Drop for MaildirBox {
    /// Whoever drops the mailbox expects what was acknowledged to be moved.
    fn drop(&mut self) {
        if let Err(e) = self.settle() {
            tracing::warn!("acknowledging the last batch: {e:#}");
        }
    }
}
