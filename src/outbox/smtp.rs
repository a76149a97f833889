//! SMTP for delivery: lettre's client protocol on sockets we open ourselves, with
//! TCP_NODELAY, kept in a small pool.
//!
//! Why not lettre's `AsyncSmtpTransport` (0.11.23) and its pool:
//! - It opens its sockets without TCP_NODELAY and has no option to set it, and it writes the
//!   end of DATA (`\r\n.\r\n`) as a separate 5-byte write after the body. Nagle's algorithm
//!   holds those 5 bytes until the server acknowledges the body, and a server with delayed
//!   ACKs (Linux: 40 ms) acknowledges only when its timer runs out, because it has nothing to
//!   say before the final dot. Every message cost ~45 ms per connection: 86 msg/s over four
//!   connections to `smtp-sink` on loopback, where `smtp-source` does 11,900 (BENCHMARKS.md).
//! - Its pool sends a NOOP before every reuse of a connection: one more round trip per mail.
//!
//! Here each socket gets TCP_NODELAY before the greeting, and a connection that was used less
//! than [`CHECK_AFTER`] ago is reused without a NOOP. Should the server have closed it anyway
//! (or answer 421 at MAIL FROM), the failure comes at MAIL FROM, before any byte of the
//! message was accepted, so that one mail is tried once more on a fresh connection: nothing
//! can be sent twice by that. Every other failure drops the connection (as lettre does) and is
//! returned for the caller's retry schedule. The commands themselves are lettre's.
//!
//! The body is not: lettre dot-stuffs it byte by byte (`ClientCodec`, ~50 MB/s), and a 10 MB
//! post to 10,000 members is 100 GB of copies. [`transaction`] stuffs it with a search for
//! CRLF . ([`Stuffing`], 64 KB pieces, the line's state carried across them) and writes it to
//! the socket under lettre ([`Socket`], shared with it), then reads the answer with lettre.
//! Under STARTTLS lettre's TLS sits above that socket, and the body still goes through lettre.

use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials, DEFAULT_MECHANISMS};
use lettre::transport::smtp::client::{
    AsyncSmtpConnection, AsyncTokioStream, Certificate, TlsParameters,
};
use lettre::transport::smtp::commands::{Data, Ehlo, Mail, Rcpt};
use lettre::transport::smtp::extension::{ClientId, Extension, MailBodyParameter, MailParameter};
use tokio::io::AsyncWriteExt as _;
use tokio::net::TcpStream;

use super::{classify, stopped, SendError, Sent, Unrecorded};
use crate::config::{SmtpConfig, Tls};

/// A connection idle longer than this is checked with NOOP before it is used again.
const CHECK_AFTER: Duration = Duration::from_secs(2);
/// Idle connections are closed (QUIT) after this long.
const IDLE_TIMEOUT: Duration = Duration::from_secs(30);
/// Connecting: TCP, greeting, EHLO, TLS and AUTH together.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(60);

pub struct SmtpPool {
    inner: Arc<Inner>,
    /// Starts the task that closes idle connections, on the runtime of the first send (the
    /// one the connections live in).
    reaper: std::sync::Once,
}

struct Inner {
    host: String,
    port: u16,
    /// `tls = "implicit"`: our own handshake, with the IMAP client's configuration.
    implicit: Option<Arc<rustls::ClientConfig>>,
    /// `tls = "starttls"`: lettre upgrades its connection itself and takes only its own
    /// parameters, built from the same trust (its default store is the same webpki-roots, and
    /// `tls_ca_file`'s certificates are added to it).
    starttls: Option<TlsParameters>,
    credentials: Option<Credentials>,
    hello: ClientId,
    max_idle: usize,
    idle: Mutex<Vec<Parked>>,
}

struct Parked {
    conn: Conn,
    since: Instant,
}

/// A connection and what its server offers beyond what lettre keeps track of.
struct Conn {
    smtp: AsyncSmtpConnection,
    /// The server offers PIPELINING (RFC 2920): MAIL FROM, RCPT TO and DATA go out in one
    /// write and their answers are read after, one round trip instead of three per mail.
    pipelining: bool,
    /// The socket under lettre, to write the body to ourselves; not under STARTTLS, where
    /// lettre's TLS sits above it.
    socket: Option<Socket>,
}

/// Where a transaction failed.
#[derive(PartialEq, Eq)]
enum Stage {
    Mail,
    Later,
}

impl SmtpPool {
    pub fn new(c: &SmtpConfig) -> anyhow::Result<SmtpPool> {
        use anyhow::Context as _;
        let (implicit, starttls) = match c.tls {
            Tls::None => (None, None),
            Tls::Implicit => (
                Some(
                    crate::tls::client_config(c.tls_ca_file.as_ref())
                        .context("setting up TLS for SMTP")?,
                ),
                None,
            ),
            Tls::StartTls => {
                let mut params = TlsParameters::builder(c.host.clone());
                for cert in c.tls_ca_file.iter().flat_map(|ca| ca.certificates()) {
                    params = params.add_root_certificate(
                        Certificate::from_der(cert.to_vec()).context("outbound.tls_ca_file")?,
                    );
                }
                (
                    None,
                    Some(
                        params
                            .build_rustls()
                            .context("setting up STARTTLS for SMTP")?,
                    ),
                )
            }
        };
        let credentials = match (&c.username, &c.password) {
            (Some(u), Some(p)) => Some(Credentials::new(u.clone(), p.expose().to_string())),
            _ => None,
        };
        let inner = Arc::new(Inner {
            host: c.host.clone(),
            port: c.port,
            implicit,
            starttls,
            credentials,
            hello: ClientId::default(),
            max_idle: (c.max_connections as usize).max(1),
            idle: Mutex::new(Vec::new()),
        });
        Ok(SmtpPool {
            inner,
            reaper: std::sync::Once::new(),
        })
    }

    /// Sends one message to the envelope's recipients; its body goes out under a permit from
    /// `unrecorded`, returned with the result.
    pub async fn send(&self, envelope: &Envelope, body: &[&[u8]], unrecorded: &Unrecorded) -> Sent {
        // Close connections nobody used for a while, as lettre's pool does.
        self.reaper.call_once(|| {
            tokio::spawn(close_idle(Arc::downgrade(&self.inner)));
        });
        let mut retried = false;
        let mut permit = None;
        loop {
            let (mut conn, reused) = match self.inner.checkout().await {
                Some(c) => (c, true),
                None => match self.inner.connect().await {
                    Ok(c) => (c, false),
                    Err(e) => return (Err(e), None),
                },
            };
            let r = match transaction(&mut conn, envelope, body, unrecorded, &mut permit).await {
                Ok(()) => {
                    self.inner.checkin(conn);
                    Ok(())
                }
                Err(Failure::Refused(why)) => {
                    // Nothing was sent: the connection is still good.
                    self.inner.checkin(conn);
                    Err(SendError::Permanent(why))
                }
                Err(Failure::Stopped) => {
                    // Mid-DATA with no body sent: closing the connection drops the transaction.
                    conn.smtp.abort().await;
                    Err(stopped())
                }
                Err(Failure::Io(e)) => {
                    // Some of the body may have gone out: no second try here.
                    conn.smtp.abort().await;
                    Err(SendError::Temporary(format!(
                        "network error: writing the message: {e}"
                    )))
                }
                Err(Failure::Smtp(stage, e)) => {
                    conn.smtp.abort().await;
                    if reused && !retried && stage == Stage::Mail && !e.is_permanent() {
                        tracing::debug!("a pooled SMTP connection failed at MAIL FROM ({e}): once more on a new one");
                        retried = true;
                        continue;
                    }
                    Err(classify(&e))
                }
            };
            return (r, permit);
        }
    }
}

impl Inner {
    /// The most recently used idle connection that is still good, if any.
    async fn checkout(&self) -> Option<Conn> {
        loop {
            let parked = self.idle.lock().ok()?.pop()?;
            let idle = parked.since.elapsed();
            let mut conn = parked.conn;
            if idle >= IDLE_TIMEOUT {
                conn.smtp.abort().await;
                continue;
            }
            if idle >= CHECK_AFTER && !conn.smtp.test_connected().await {
                conn.smtp.abort().await;
                continue;
            }
            return Some(conn);
        }
    }

    fn checkin(&self, conn: Conn) {
        if conn.smtp.has_broken() {
            return;
        }
        if let Ok(mut idle) = self.idle.lock() {
            if idle.len() < self.max_idle {
                idle.push(Parked {
                    conn,
                    since: Instant::now(),
                });
            }
        }
    }

    async fn connect(&self) -> Result<Conn, SendError> {
        match tokio::time::timeout(CONNECT_TIMEOUT, self.connect_inner()).await {
            Ok(r) => r,
            Err(_) => Err(SendError::Temporary(format!(
                "connecting to {}:{} timed out after {}s",
                self.host,
                self.port,
                CONNECT_TIMEOUT.as_secs()
            ))),
        }
    }

    async fn connect_inner(&self) -> Result<Conn, SendError> {
        let where_ = format!("{}:{}", self.host, self.port);
        let tcp = tcp_connect(&self.host, self.port)
            .await
            .map_err(|e| SendError::Temporary(format!("connecting to {where_}: {e}")))?;
        // A refused server certificate is named with its fix (typically: outbound.tls_ca_file),
        // and stays a temporary failure: the mail waits in the outbox until the config is fixed.
        let cert = |e: &(dyn std::error::Error + 'static)| {
            crate::tls::certificate_problem(e, &self.host, "outbound.tls_ca_file")
        };
        let stream: Box<dyn AsyncTokioStream> = match &self.implicit {
            Some(config) => {
                let tls =
                    crate::tls::connect(config, &self.host, tcp)
                        .await
                        .map_err(|e| match cert(&e) {
                            Some(p) => SendError::Temporary(format!("TLS with {where_}: {p}")),
                            None => SendError::Temporary(format!("TLS with {where_}: {e}")),
                        })?;
                Box::new(TlsTcp(tls))
            }
            None => Box::new(tcp),
        };
        let socket = Socket(Arc::new(Mutex::new(stream)));
        let mut conn =
            AsyncSmtpConnection::connect_with_transport(Box::new(socket.clone()), &self.hello)
                .await
                .map_err(|e| classify(&e))?;
        if let Some(params) = &self.starttls {
            conn.starttls(params.clone(), &self.hello)
                .await
                .map_err(|e| match cert(&e) {
                    Some(p) => SendError::Temporary(format!("STARTTLS with {where_}: {p}")),
                    None => classify(&e),
                })?;
        }
        if let Some(c) = &self.credentials {
            conn.auth(DEFAULT_MECHANISMS, c)
                .await
                .map_err(|e| classify(&e))?;
        }
        // lettre keeps only the EHLO keywords it uses itself; ask once more for PIPELINING
        // (one round trip per connection, and EHLO again is allowed at any time: RFC 5321).
        let ehlo = conn
            .command(Ehlo::new(self.hello.clone()))
            .await
            .map_err(|e| classify(&e))?;
        let pipelining = ehlo.message().skip(1).any(|l| {
            l.split_whitespace()
                .next()
                .is_some_and(|k| k.eq_ignore_ascii_case("PIPELINING"))
        });
        Ok(Conn {
            smtp: conn,
            pipelining,
            socket: self.starttls.is_none().then_some(socket),
        })
    }
}

/// Closes idle connections after [`IDLE_TIMEOUT`], until the pool is gone.
async fn close_idle(pool: Weak<Inner>) {
    loop {
        tokio::time::sleep(IDLE_TIMEOUT).await;
        let Some(inner) = pool.upgrade() else { return };
        let stale: Vec<Parked> = match inner.idle.lock() {
            Ok(mut idle) => {
                let (stale, fresh): (Vec<Parked>, Vec<Parked>) = idle
                    .drain(..)
                    .partition(|p| p.since.elapsed() >= IDLE_TIMEOUT);
                *idle = fresh;
                stale
            }
            Err(_) => return,
        };
        drop(inner);
        for mut p in stale {
            p.conn.smtp.abort().await;
        }
    }
}

enum Failure {
    /// The server answered with an error, or the connection broke.
    Smtp(Stage, lettre::transport::smtp::Error),
    /// We did not start: the message needs an extension the server lacks.
    Refused(String),
    /// Results can no longer be recorded: we stopped before the body.
    Stopped,
    /// Writing the body to the socket failed.
    Io(std::io::Error),
}

/// MAIL FROM, RCPT TO, DATA, the message: lettre's `AsyncSmtpConnection::send`, with the stage
/// of a failure kept so that the caller knows whether any of the message went out, with the
/// envelope pipelined where the server offers it, and the body sent under a permit.
async fn transaction(
    conn: &mut Conn,
    envelope: &Envelope,
    body: &[&[u8]],
    unrecorded: &Unrecorded,
    permit: &mut Option<tokio::sync::OwnedSemaphorePermit>,
) -> Result<(), Failure> {
    let mut params = Vec::new();
    let ascii = |a: &lettre::Address| AsRef::<str>::as_ref(a).is_ascii();
    let non_ascii =
        envelope.from().is_some_and(|a| !ascii(a)) || envelope.to().iter().any(|a| !ascii(a));
    let smtp = &mut conn.smtp;
    if non_ascii {
        if !smtp.server_info().supports_feature(Extension::SmtpUtfEight) {
            return Err(Failure::Refused(
                "the addresses are not ASCII and the server does not offer SMTPUTF8".into(),
            ));
        }
        params.push(MailParameter::SmtpUtfEight);
    }
    let ascii = body.iter().all(|p| p.is_ascii());
    if !ascii {
        if !smtp.server_info().supports_feature(Extension::EightBitMime) {
            return Err(Failure::Refused(
                "the message is not ASCII and the server does not offer 8BITMIME".into(),
            ));
        }
        params.push(MailParameter::Body(MailBodyParameter::EightBitMime));
    }
    let mail = Mail::new(envelope.from().cloned(), params);
    let later = |e| Failure::Smtp(Stage::Later, e);
    if conn.pipelining {
        // RFC 2920: DATA ends the group. `command` writes it all and reads MAIL's answer; the
        // answers of each RCPT and of DATA follow in order. Any refusal drops the connection
        // (the caller aborts it), so a DATA the server might still accept is never fed.
        let mut group = mail.to_string();
        for to in envelope.to() {
            group.push_str(&Rcpt::new(to.clone(), vec![]).to_string());
        }
        group.push_str(&Data.to_string());
        smtp.command(group)
            .await
            .map_err(|e| Failure::Smtp(Stage::Mail, e))?;
        for _ in envelope.to() {
            smtp.read_response().await.map_err(later)?;
        }
        smtp.read_response().await.map_err(later)?;
    } else {
        smtp.command(mail)
            .await
            .map_err(|e| Failure::Smtp(Stage::Mail, e))?;
        for to in envelope.to() {
            smtp.command(Rcpt::new(to.clone(), vec![]))
                .await
                .map_err(later)?;
        }
        smtp.command(Data).await.map_err(later)?;
    }
    // From here on the server may accept the mail: only under a permit (see super::Unrecorded).
    *permit = Some(
        unrecorded
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| Failure::Stopped)?,
    );
    let Some(socket) = &conn.socket else {
        // STARTTLS: lettre's TLS sits above our socket, so the body goes through lettre.
        return lettres_way(smtp, body, ascii).await.map_err(later);
    };
    // The body in pieces of about [`PIECE`] bytes, dot-stuffed as they go (the state of a line
    // carried from one piece to the next), the final dot in the last piece's write: what a
    // send holds beyond the mail itself is one piece, not a second copy. A mail up to a piece
    // goes out in one write. Any bytes will do (8BITMIME): they are written as they are.
    let mut stuffing = Stuffing::new();
    let mut out = Vec::with_capacity(PIECE + PIECE / 32 + 5);
    let mut socket = socket.clone();
    for part in body {
        for piece in part.chunks(PIECE) {
            stuffing.push(piece, &mut out);
            if out.len() >= PIECE {
                socket.write_all(&out).await.map_err(Failure::Io)?;
                out.clear();
            }
        }
    }
    out.extend_from_slice(b"\r\n.\r\n");
    socket.write_all(&out).await.map_err(Failure::Io)?;
    socket.flush().await.map_err(Failure::Io)?;
    drop(out);
    // And the server's answer, as lettre's `message` reads it.
    smtp.read_response().await.map_err(later)?;
    Ok(())
}

/// The body through lettre, where we cannot write to the socket ourselves (STARTTLS).
async fn lettres_way(
    smtp: &mut AsyncSmtpConnection,
    body: &[&[u8]],
    ascii: bool,
) -> Result<(), lettre::transport::smtp::Error> {
    let size: usize = body.iter().map(|p| p.len()).sum();
    if ascii && size <= WHOLE_UP_TO {
        // The message, dot-stuffed, and the final dot in one write; lettre's `message` does the
        // same byte by byte (a quarter of delivery's CPU on a 12 KB digest) in two writes.
        let whole;
        let one = match body {
            [one] => *one,
            _ => {
                whole = body.concat();
                &whole[..]
            }
        };
        let data = String::from_utf8(data_section(one)).expect("ASCII stays ASCII");
        smtp.command(data).await?;
    } else {
        // Dot-stuffed by lettre's codec byte by byte (~50 MB/s), one piece at a time.
        smtp.message_iter(body.iter().flat_map(|p| p.chunks(PIECE)))
            .await?;
    }
    Ok(())
}

/// Mails up to this size go through lettre in one write (see [`lettres_way`]).
const WHOLE_UP_TO: usize = 256 * 1024;

/// The pieces a mail is written in.
const PIECE: usize = 64 * 1024;

/// Where the bytes given so far leave the current line (what lettre's codec tracks).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Line {
    /// At the start of a line: after CRLF, or at the start of the body.
    Start,
    /// Right after a CR.
    AfterCr,
    Middle,
}

/// Dot-stuffing (RFC 5321 4.5.2) of a body given piece by piece: every line that starts with
/// a dot gets one more, whatever piece the CRLF before it ended. Byte for byte lettre's codec,
/// but a search for CRLF . (memmem) rather than a match on every byte.
struct Stuffing(Line);

impl Stuffing {
    fn new() -> Stuffing {
        Stuffing(Line::Start)
    }

    /// Appends `piece`, stuffed, to `out`.
    fn push(&mut self, piece: &[u8], out: &mut Vec<u8>) {
        let mut from = 0;
        match (self.0, piece) {
            (_, []) => return,
            // A line begins with this piece.
            (Line::Start, [b'.', ..]) => out.push(b'.'),
            // The previous piece ended in CR, this one begins with LF and a dot.
            (Line::AfterCr, [b'\n', b'.', ..]) => {
                out.extend_from_slice(b"\n.");
                from = 1;
            }
            _ => {}
        }
        for at in memchr::memmem::find_iter(piece, b"\r\n.") {
            out.extend_from_slice(&piece[from..at + 2]);
            out.push(b'.');
            from = at + 2;
        }
        out.extend_from_slice(&piece[from..]);
        self.0 = match piece {
            [.., b'\r'] => Line::AfterCr,
            [.., b'\r', b'\n'] => Line::Start,
            [b'\n'] if self.0 == Line::AfterCr => Line::Start,
            _ => Line::Middle,
        };
    }
}

/// The DATA section as it goes on the wire (RFC 5321 4.5.2): every line that starts with a
/// dot gets one more, then CRLF . CRLF ends it — byte for byte what lettre's `message` sends.
fn data_section(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() + body.len() / 64 + 8);
    Stuffing::new().push(body, &mut out);
    out.extend_from_slice(b"\r\n.\r\n");
    out
}

async fn tcp_connect(host: &str, port: u16) -> std::io::Result<TcpStream> {
    let mut last = None;
    for addr in tokio::net::lookup_host((host, port)).await? {
        match TcpStream::connect(addr).await {
            Ok(s) => {
                // The point of this module: no Nagle delay on the small writes of SMTP.
                s.set_nodelay(true)?;
                return Ok(s);
            }
            Err(e) => last = Some(e),
        }
    }
    Err(last.unwrap_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("{host} resolves to no address"),
        )
    }))
}

/// A TLS stream lettre can drive (it needs `peer_addr`).
#[derive(Debug)]
struct TlsTcp(tokio_rustls::client::TlsStream<TcpStream>);

impl AsyncTokioStream for TlsTcp {
    fn peer_addr(&self) -> std::io::Result<std::net::SocketAddr> {
        self.0.get_ref().0.peer_addr()
    }
}

impl tokio::io::AsyncRead for TlsTcp {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.0).poll_read(cx, buf)
    }
}

impl tokio::io::AsyncWrite for TlsTcp {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        std::pin::Pin::new(&mut self.0).poll_write(cx, buf)
    }
    fn poll_flush(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.0).poll_flush(cx)
    }
    fn poll_shutdown(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.0).poll_shutdown(cx)
    }
}

/// The connection's socket (TCP, or our TLS on it), shared by lettre, which reads the
/// server's answers and writes the commands, and [`transaction`], which writes the body. Never
/// both at once: lettre writes nothing it does not flush before its call returns, and the
/// transaction holds the connection, so the lock is never contended.
#[derive(Debug, Clone)]
struct Socket(Arc<Mutex<Box<dyn AsyncTokioStream>>>);

impl Socket {
    fn with<R>(&self, f: impl FnOnce(std::pin::Pin<&mut dyn AsyncTokioStream>) -> R) -> R {
        let mut s = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        f(std::pin::Pin::new(&mut **s))
    }
}

impl AsyncTokioStream for Socket {
    fn peer_addr(&self) -> std::io::Result<std::net::SocketAddr> {
        self.with(|s| s.peer_addr())
    }
}

impl tokio::io::AsyncRead for Socket {
    fn poll_read(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        self.with(|s| s.poll_read(cx, buf))
    }
}

impl tokio::io::AsyncWrite for Socket {
    fn poll_write(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        self.with(|s| s.poll_write(cx, buf))
    }
    fn poll_flush(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        self.with(|s| s.poll_flush(cx))
    }
    fn poll_shutdown(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        self.with(|s| s.poll_shutdown(cx))
    }
}

#[cfg(test)]
mod tests {
    use super::{data_section, Stuffing, PIECE};

    /// lettre's `ClientCodec` (0.11.23), the reference: a dot right after CRLF, or first, is
    /// doubled; `message` then sends CRLF . CRLF.
    fn lettre_way(body: &[u8]) -> Vec<u8> {
        let (mut out, mut state) = (Vec::new(), 2u8); // 0 middle of line, 1 after CR, 2 line start
        for &b in body {
            out.push(b);
            state = match (b, state) {
                (b'\r', _) => 1,
                (b'\n', 1) => 2,
                (b'.', 2) => {
                    out.push(b'.');
                    0
                }
                (_, 1) | (_, 2) => 0,
                (_, s) => s,
            };
        }
        out.extend_from_slice(b"\r\n.\r\n");
        out
    }

    /// Bodies whose dots, line ends and bytes dot-stuffing can get wrong.
    const TRICKY: &[&[u8]] = &[
        b"",
        b".",
        b"..",
        b".\r\n",
        b".\r\n.\r\n.",
        b".starts with a dot\r\nthen\r\n.\r\n..\r\n.\r\nend",
        b"a\r\n.b\r\n..c\r\n",
        b"\r\n.\r\n",
        b"\r\n\r\n..\r\n",
        b"a\n.b\r.c\r\r\n.d",
        b"x\r\n.",
        b"\r\r\n\n.\r\n\r.",
        "caf\u{e9}\r\n.\u{fc}ber\r\n\u{2014}.\r\n".as_bytes(),
        b"\xff\xfe\r\n.\x80\r\n",
        b"a\n.b",
        b"a\r.b",
        b"a\r\r\n.b",
        b"...\r\n\r\n.",
    ];

    #[test]
    fn dot_stuffing_is_lettres() {
        for body in TRICKY.iter().copied() {
            assert_eq!(
                data_section(body),
                lettre_way(body),
                "{:?}",
                String::from_utf8_lossy(body)
            );
        }
        // And on random bodies made of the bytes that matter.
        use rand::{Rng, SeedableRng};
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        for _ in 0..2000 {
            let body: Vec<u8> = (0..rng.random_range(0..40))
                .map(|_| b".\r\na"[rng.random_range(0..4)])
                .collect();
            assert_eq!(
                data_section(&body),
                lettre_way(&body),
                "{:?}",
                String::from_utf8_lossy(&body)
            );
        }
    }

    /// The body stuffed piece by piece, as [`super::transaction`] writes it.
    fn in_pieces(pieces: &[&[u8]]) -> Vec<u8> {
        let (mut stuffing, mut out) = (Stuffing::new(), Vec::new());
        for p in pieces {
            stuffing.push(p, &mut out);
        }
        out.extend_from_slice(b"\r\n.\r\n");
        out
    }

    /// Every way of cutting `body` in two and in three pieces (empty ones too) stuffs to what
    /// the whole does, and to what lettre's codec makes of it.
    fn every_split(body: &[u8]) {
        let whole = data_section(body);
        assert_eq!(
            whole,
            lettre_way(body),
            "{:?}",
            String::from_utf8_lossy(body)
        );
        for i in 0..=body.len() {
            for j in i..=body.len() {
                assert_eq!(
                    in_pieces(&[&body[..i], &body[i..j], &body[j..]]),
                    whole,
                    "{:?} cut at {i} and {j}",
                    String::from_utf8_lossy(body)
                );
            }
        }
    }

    #[test]
    fn dot_stuffing_across_pieces_is_the_wholes() {
        for body in TRICKY.iter().copied() {
            every_split(body);
        }
        use rand::{Rng, SeedableRng};
        let mut rng = rand::rngs::StdRng::seed_from_u64(11);
        for _ in 0..300 {
            let body: Vec<u8> = (0..rng.random_range(0..24))
                .map(|_| b".\r\na\xe9"[rng.random_range(0..5)])
                .collect();
            every_split(&body);
        }
    }

    /// A large body in pieces of [`PIECE`] with CRLF . falling on every boundary, as a post
    /// with an attachment is written.
    #[test]
    fn dot_stuffing_of_a_large_body_in_pieces() {
        let mut body = Vec::new();
        while body.len() < 5 * PIECE {
            body.extend_from_slice(b"line of text\r\n.dotted\r\n.\r\n\xc3\xa9\r");
        }
        let whole = data_section(&body);
        for shift in 0..40 {
            let (head, rest) = body.split_at(shift);
            let mut pieces = vec![head];
            pieces.extend(rest.chunks(PIECE));
            assert_eq!(in_pieces(&pieces), whole, "shifted by {shift}");
        }
    }
}
