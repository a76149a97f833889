//! IMAP mailbox: TLS none / STARTTLS / implicit, IDLE where the server offers it and polling
//! where not, UID-based, handled mail moved to a folder, reconnect on the next call.
//!
//! Every message still in the watched folder is unhandled (handled ones are moved out), so
//! the box needs no remembered UID: after a reconnect or a UIDVALIDITY change it simply
//! lists the folder again, and the inbound log recognises anything seen before.

use std::collections::HashSet;
use std::fmt::Debug;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{anyhow, bail, Context as _, Result};
use futures::TryStreamExt;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;

use super::{Incoming, Key};
use crate::config::{ImapConfig, Tls};
use crate::shutdown::Shutdown;

pub trait Stream: AsyncRead + AsyncWrite + Unpin + Send + Debug {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send + Debug> Stream for T {}

type Session = async_imap::Session<Box<dyn Stream>>;

const CONNECT_TIMEOUT: Duration = Duration::from_secs(20);
/// A server that accepts a connection but never answers must not hold the daemon (or its
/// shutdown) forever: every exchange has a deadline, after which the connection is dropped.
const OPERATION_TIMEOUT: Duration = Duration::from_secs(120);

async fn deadline<T>(what: &str, f: impl std::future::Future<Output = Result<T>>) -> Result<T> {
    tokio::time::timeout(OPERATION_TIMEOUT, f)
        .await
        .map_err(|_| {
            anyhow!(
                "IMAP {what}: no answer within {}s",
                OPERATION_TIMEOUT.as_secs()
            )
        })?
}

pub struct ImapBox {
    cfg: ImapConfig,
    /// Built once from the config (`tls` other than none).
    tls: Option<Arc<rustls::ClientConfig>>,
    session: Option<Session>,
    can_idle: bool,
    can_move: bool,
    can_uidplus: bool,
    uid_validity: Option<u32>,
}

impl ImapBox {
    /// Connects once, so that a wrong host or password is reported at start.
    pub async fn open(cfg: ImapConfig) -> Result<ImapBox> {
        let tls = match cfg.tls {
            Tls::None => None,
            Tls::StartTls | Tls::Implicit => Some(
                crate::tls::client_config(cfg.tls_ca_file.as_ref())
                    .context("setting up TLS for IMAP")?,
            ),
        };
        let mut b = ImapBox {
            cfg,
            tls,
            session: None,
            can_idle: false,
            can_move: false,
            can_uidplus: false,
            uid_validity: None,
        };
        b.session().await?;
        Ok(b)
    }

    pub fn describe(&self) -> String {
        format!(
            "IMAP {}@{}:{}/{}",
            self.cfg.username, self.cfg.host, self.cfg.port, self.cfg.folder
        )
    }

    async fn session(&mut self) -> Result<&mut Session> {
        if self.session.is_none() {
            let s = deadline("connect", self.connect()).await?;
            self.session = Some(s);
        }
        Ok(self.session.as_mut().expect("just connected"))
    }

    async fn connect(&mut self) -> Result<Session> {
        let c = &self.cfg;
        let tcp = tokio::time::timeout(
            CONNECT_TIMEOUT,
            TcpStream::connect((c.host.as_str(), c.port)),
        )
        .await
        .map_err(|_| anyhow!("connecting to {}:{} timed out", c.host, c.port))?
        .with_context(|| format!("connecting to IMAP server {}:{}", c.host, c.port))?;
        tcp.set_nodelay(true).ok();
        let stream: Box<dyn Stream> = match c.tls {
            Tls::None => Box::new(tcp),
            Tls::Implicit => Box::new(tls_wrap(c, self.tls.as_ref(), tcp).await?),
            Tls::StartTls => {
                let mut client = async_imap::Client::new(tcp);
                client
                    .read_response()
                    .await
                    .context("reading the IMAP greeting")?;
                client
                    .run_command_and_check_ok("STARTTLS", None)
                    .await
                    .context("STARTTLS refused by the IMAP server")?;
                Box::new(tls_wrap(c, self.tls.as_ref(), client.into_inner()).await?)
            }
        };
        let mut client = async_imap::Client::new(stream);
        if c.tls != Tls::StartTls {
            let greeting = client
                .read_response()
                .await
                .context("reading the IMAP greeting")?;
            if greeting.is_none() {
                bail!("the IMAP server closed the connection before greeting");
            }
        }
        let mut session = client
            .login(&c.username, c.password.expose())
            .await
            .map_err(|(e, _)| anyhow!("IMAP login as {} failed: {e}", c.username))?;
        let caps = session
            .capabilities()
            .await
            .context("reading IMAP capabilities")?;
        self.can_idle = caps.has_str("IDLE");
        self.can_move = caps.has_str("MOVE");
        self.can_uidplus = caps.has_str("UIDPLUS");
        for folder in [&c.handled_folder, &c.quarantine_folder] {
            // Fails when it exists already; whether it exists is what matters, checked by MOVE.
            let _ = session.create(folder).await;
        }
        let mbox = session
            .select(&c.folder)
            .await
            .with_context(|| format!("selecting folder {}", c.folder))?;
        if let (Some(old), Some(new)) = (self.uid_validity, mbox.uid_validity) {
            if old != new {
                tracing::warn!(
                    old,
                    new,
                    "UIDVALIDITY of {} changed: listing the folder anew",
                    c.folder
                );
            }
        }
        self.uid_validity = mbox.uid_validity;
        tracing::info!(
            idle = self.can_idle,
            r#move = self.can_move,
            "connected to {}",
            self.describe()
        );
        Ok(session)
    }

    /// Forgets a connection that failed, so the next call reconnects.
    fn check<T>(&mut self, what: &str, r: Result<T>) -> Result<T> {
        if r.is_err() {
            self.session = None;
        }
        r.with_context(|| format!("IMAP {what}"))
    }

    pub async fn fetch(&mut self, max: usize, skip: &HashSet<Key>) -> Result<Vec<Incoming>> {
        let s = self.session().await?;
        let r = deadline("fetch", fetch_in(s, max, skip)).await;
        self.check("fetch", r)
    }

    async fn move_uids(&mut self, keys: &[Key], folder: String) -> Result<()> {
        let uids: Vec<u32> = keys
            .iter()
            .filter_map(|k| if let Key::Uid(u) = k { Some(*u) } else { None })
            .collect();
        if uids.is_empty() {
            return Ok(());
        }
        let (can_move, can_uidplus) = (self.can_move, self.can_uidplus);
        let s = self.session().await?;
        let r = deadline(
            "move",
            move_in(s, &uid_set(&uids), &folder, can_move, can_uidplus),
        )
        .await;
        self.check("move", r)
    }

    pub async fn ack(&mut self, keys: &[Key]) -> Result<()> {
        let f = self.cfg.handled_folder.clone();
        self.move_uids(keys, f).await
    }

    pub async fn quarantine(&mut self, key: &Key) -> Result<()> {
        let f = self.cfg.quarantine_folder.clone();
        self.move_uids(std::slice::from_ref(key), f).await
    }

    /// IDLE until the server reports a change, `timeout` passes, or shutdown; polls where
    /// IDLE is off or missing.
    pub async fn wait(&mut self, timeout: Duration, shutdown: &mut Shutdown) -> Result<()> {
        let timeout = timeout.min(self.cfg.poll_interval);
        if !(self.cfg.idle && self.can_idle) {
            tokio::select! {
                _ = tokio::time::sleep(timeout) => {}
                _ = shutdown.recv() => {}
            }
            return Ok(());
        }
        let session = match self.session.take() {
            Some(s) => s,
            None => {
                self.session().await?;
                self.session.take().expect("connected")
            }
        };
        let mut handle = session.idle();
        deadline("IDLE", async {
            handle.init().await.context("starting IMAP IDLE")
        })
        .await?;
        let (idle, stop) = handle.wait_with_timeout(timeout);
        let result = tokio::select! {
            r = idle => r.map(|_| ()).map_err(anyhow::Error::from),
            _ = shutdown.recv() => Ok(()),
        };
        drop(stop);
        let session = deadline("IDLE end", async {
            handle.done().await.context("ending IMAP IDLE")
        })
        .await?;
        self.session = Some(session);
        result.context("waiting in IMAP IDLE")
    }
}

async fn fetch_in(s: &mut Session, max: usize, skip: &HashSet<Key>) -> Result<Vec<Incoming>> {
    drain_unsolicited(s);
    let mut uids: Vec<u32> = s
        .uid_search("UNDELETED")
        .await?
        .into_iter()
        .filter(|u| !skip.contains(&Key::Uid(*u)))
        .collect();
    uids.sort_unstable();
    uids.truncate(max);
    if uids.is_empty() {
        return Ok(Vec::new());
    }
    let fetches: Vec<_> = s
        .uid_fetch(uid_set(&uids), "(UID BODY.PEEK[])")
        .await?
        .try_collect()
        .await?;
    let mut out: Vec<Incoming> = fetches
        .iter()
        .filter_map(|f| {
            Some(Incoming {
                key: Key::Uid(f.uid?),
                raw: f.body()?.to_vec(),
            })
        })
        .collect();
    out.sort_by_key(|m| match m.key {
        Key::Uid(u) => u,
        Key::File(_) => 0,
    });
    Ok(out)
}

async fn move_in(
    s: &mut Session,
    set: &str,
    folder: &str,
    can_move: bool,
    can_uidplus: bool,
) -> Result<()> {
    if can_move {
        s.uid_mv(set, folder).await?;
    } else {
        s.uid_copy(set, folder).await?;
        let _: Vec<_> = s
            .uid_store(set, "+FLAGS.SILENT (\\Deleted)")
            .await?
            .try_collect()
            .await?;
        if can_uidplus {
            let _: Vec<_> = s.uid_expunge(set).await?.try_collect().await?;
        } else {
            let _: Vec<_> = s.expunge().await?.try_collect().await?;
        }
    }
    Ok(())
}

fn drain_unsolicited(s: &mut Session) {
    while s.unsolicited_responses.try_recv().is_ok() {}
}

/// `1,2,3,7` — compact enough for the batch sizes we fetch.
fn uid_set(uids: &[u32]) -> String {
    uids.iter()
        .map(|u| u.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// The TLS handshake; a refused server certificate is reported with its fix. (A free function:
/// a `&ImapBox` held across the await would make the daemon's future not `Send`.)
async fn tls_wrap(
    c: &ImapConfig,
    config: Option<&Arc<rustls::ClientConfig>>,
    tcp: TcpStream,
) -> Result<tokio_rustls::client::TlsStream<TcpStream>> {
    let config = config.context("TLS is set up in ImapBox::open unless tls = none")?;
    crate::tls::connect(config, &c.host, tcp)
        .await
        .map_err(
            |e| match crate::tls::certificate_problem(&e, &c.host, "inbound.tls_ca_file") {
                Some(p) => anyhow!("TLS handshake with IMAP server {}:{}: {p}", c.host, c.port),
                None => anyhow!("TLS handshake with IMAP server {}:{}: {e}", c.host, c.port),
            },
        )
}
