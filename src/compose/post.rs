//! A post to the list as each member gets it (issue 15; DESIGN.md, "The group talks: posts").
//!
//! Pure code, in three pieces that are put together at send time:
//! - [`shared_headers`]: what every copy of a post carries, written once when the post is
//!   accepted and stored beside it: From munged for DMARC (`"Ana via Circle" <list>`),
//!   Reply-To per the community, X-Original-From the author, the Subject with the prefix
//!   (never twice), the author's Message-ID, In-Reply-To and References, the List-* headers;
//! - [`personal`]: one member's own part, a few hundred bytes: To, List-Unsubscribe, footer;
//! - [`assemble`]: the copy, from the author's message as it came (stored once), the shared
//!   headers and a member's part. The author's headers other than Content-* are left out
//!   (their DKIM-Signature no longer verifies, Received lines are theirs), and the body goes
//!   out byte for byte, the footer added where MIME stays valid:
//!   - a lone text/plain part in 7bit, 8bit or quoted-printable whose charset can carry the
//!     footer gets it appended, in its own encoding (format=flowed kept: no trailing spaces,
//!     space-stuffed);
//!   - multipart/mixed gets one more part before its closing delimiter;
//!   - everything else (HTML, alternative, signed, base64 text, other charsets) is wrapped:
//!     a multipart/mixed of the author's body, untouched, and the footer part.
//!
//! Every value taken from the author's mail is made one line (no CR, LF or other control
//! character) before it is written into a header: no header can be injected.

use data_encoding::BASE64;

use crate::config::ReplyTo;
use crate::domain::{one_line, Address};

/// What [`shared_headers`] needs.
pub struct PostHead<'a> {
    pub community_name: &'a str,
    pub community_slug: &'a str,
    pub list: &'a Address,
    pub subject_prefix: &'a str,
    pub reply_to: ReplyTo,
    pub author_name: Option<&'a str>,
    pub author: &'a Address,
    /// The author's Subject, decoded.
    pub subject: &'a str,
    /// Without angle brackets (see [`clean_id`]).
    pub message_id: &'a str,
    pub in_reply_to: &'a [String],
    pub references: &'a [String],
    /// The author's Date header, if it is a valid one; else when we took the post.
    pub date: Option<&'a str>,
    pub now: i64,
}

/// The headers every copy of a post shares, each line ending in CRLF.
pub fn shared_headers(h: &PostHead<'_>) -> String {
    let mut out = String::new();
    let author = display_author(h.author_name, h.author);
    let from_name = format!("{author} via {}", one_line(h.community_name, 100));
    out.push_str(&format!(
        "From: {}\r\n",
        mailbox(&from_name, h.list.as_str())
    ));
    match h.reply_to {
        ReplyTo::Group => out.push_str(&format!(
            "Reply-To: {}\r\n",
            mailbox(h.community_name, h.list.as_str())
        )),
        ReplyTo::Author => out.push_str(&format!(
            "Reply-To: {}\r\n",
            mailbox(&author, h.author.as_str())
        )),
    }
    out.push_str(&format!(
        "X-Original-From: {}\r\n",
        mailbox(&author, h.author.as_str())
    ));
    out.push_str(&format!(
        "Subject: {}\r\n",
        encode_text(&prefixed_subject(h.subject, h.subject_prefix))
    ));
    let date = h
        .date
        .map(|d| one_line(d, 100))
        .filter(|d| chrono::DateTime::parse_from_rfc2822(d).is_ok())
        .unwrap_or_else(|| {
            chrono::DateTime::from_timestamp(h.now, 0)
                .unwrap_or_default()
                .to_rfc2822()
        });
    out.push_str(&format!("Date: {date}\r\n"));
    out.push_str(&format!("Message-ID: <{}>\r\n", h.message_id));
    let ids = |v: &[String]| -> Vec<String> {
        v.iter()
            .filter_map(|i| clean_id(i))
            .map(|i| format!("<{i}>"))
            .collect()
    };
    let irt = ids(h.in_reply_to);
    if let Some(first) = irt.first() {
        out.push_str(&format!("In-Reply-To: {first}\r\n"));
    }
    let refs = ids(h.references);
    if !refs.is_empty() {
        // The root and the last few: enough for every client to thread.
        let keep: Vec<&String> = if refs.len() > 20 {
            refs.iter()
                .take(1)
                .chain(refs[refs.len() - 19..].iter())
                .collect()
        } else {
            refs.iter().collect()
        };
        let joined: Vec<&str> = keep.iter().map(|s| s.as_str()).collect();
        out.push_str(&format!("References: {}\r\n", joined.join("\r\n ")));
    }
    let list = h.list.as_str();
    out.push_str("MIME-Version: 1.0\r\n");
    out.push_str(&format!(
        "List-Id: {} <{}.{}>\r\n",
        encode_phrase(h.community_name),
        one_line(h.community_slug, 60),
        h.list.domain()
    ));
    out.push_str(&format!("List-Post: <mailto:{list}>\r\n"));
    out.push_str(&format!("List-Help: <mailto:{list}?subject=HELP>\r\n"));
    out.push_str("Precedence: list\r\n");
    out.push_str(&format!("X-Loop: {list}\r\n"));
    out.push_str("X-Roundtable-Kind: post\r\n");
    out
}

/// The author as the From name shows them: their name, or their address's local part; never
/// a name that shows an address (it would pass for the sender).
fn display_author(name: Option<&str>, address: &Address) -> String {
    match name.map(|n| one_line(n, 80)) {
        Some(n) if !n.is_empty() && !n.contains('@') => n,
        _ => address.local().to_string(),
    }
}

/// One member's own part of a copy: To and List-Unsubscribe, then a NUL, then the footer
/// text. Stored in `outbox_bodies` for the member's outbox row.
pub fn personal(
    to_name: Option<&str>,
    to: &Address,
    unsubscribe: &Address,
    footer: &str,
) -> Vec<u8> {
    let to_line = match to_name.map(|n| one_line(n, 100)).filter(|n| !n.is_empty()) {
        Some(n) => mailbox(&n, to.as_str()),
        None => to.as_str().to_string(),
    };
    let mut out =
        format!("To: {to_line}\r\nList-Unsubscribe: <mailto:{unsubscribe}?subject=LEAVE>\r\n")
            .into_bytes();
    out.push(0);
    out.extend_from_slice(footer.as_bytes());
    out
}

/// The footer of a member's copy (plain text, lines separated by `\n`), in their language.
pub fn footer_text(
    tr: &crate::texts::Tr<'_>,
    community: &str,
    list: &Address,
    unsubscribe: &Address,
) -> String {
    format!(
        "-- \n{}\n{}",
        tr.t2(
            "post-footer",
            "community",
            one_line(community, 100),
            "list",
            list
        ),
        tr.t1(
            "post-footer-leave",
            "link",
            format!("mailto:{unsubscribe}?subject=LEAVE")
        )
    )
}

/// A copy of a post: the shared headers, the member's part, and the author's message with the
/// footer placed where MIME stays valid. `personal` is what [`personal`] made.
pub fn assemble(raw: &[u8], shared: &str, personal: &[u8]) -> Vec<u8> {
    let copy = pieces(raw, shared, personal);
    let mut out = Vec::with_capacity(copy.len(raw));
    for s in copy.slices(raw) {
        out.extend_from_slice(s);
    }
    out
}

/// A copy of a post as pieces: the bytes of the member's own (headers, footer) and ranges of
/// the post as stored, shared by every copy. Written out piece by piece, a copy of a 10 MB post
/// costs its few KB of own bytes, never a second 10 MB (issue 15, item 9).
#[derive(Debug, Default, Clone)]
pub struct Pieces(Vec<Piece>);

#[derive(Debug, Clone)]
enum Piece {
    Own(Vec<u8>),
    Shared(std::ops::Range<usize>),
}

impl Pieces {
    fn own(&mut self, bytes: &[u8]) {
        match self.0.last_mut() {
            Some(Piece::Own(v)) => v.extend_from_slice(bytes),
            _ => self.0.push(Piece::Own(bytes.to_vec())),
        }
    }

    /// `part`, a slice of `raw`, by reference.
    fn shared(&mut self, raw: &[u8], part: &[u8]) {
        if part.is_empty() {
            return;
        }
        let at = part.as_ptr() as usize - raw.as_ptr() as usize;
        debug_assert!(at + part.len() <= raw.len());
        self.0.push(Piece::Shared(at..at + part.len()));
    }

    /// The copy's bytes in order, `raw` being the post these pieces were made from.
    pub fn slices<'a>(&'a self, raw: &'a [u8]) -> impl Iterator<Item = &'a [u8]> + Clone + 'a {
        self.0.iter().map(move |p| match p {
            Piece::Own(v) => v.as_slice(),
            Piece::Shared(r) => &raw[r.clone()],
        })
    }

    /// The copy's size in bytes.
    pub fn len(&self, raw: &[u8]) -> usize {
        self.slices(raw).map(<[u8]>::len).sum()
    }

    pub fn is_empty(&self, raw: &[u8]) -> bool {
        self.len(raw) == 0
    }
}

/// [`assemble`]'s copy as [`Pieces`].
pub fn pieces(raw: &[u8], shared: &str, personal: &[u8]) -> Pieces {
    let (own_headers, footer) = match personal.iter().position(|&b| b == 0) {
        Some(i) => (&personal[..i], String::from_utf8_lossy(&personal[i + 1..])),
        None => (personal, String::new().into()),
    };
    let (head, body) = split_message(raw);
    let content = content_headers(head);
    let mut out = Pieces::default();
    out.own(shared.as_bytes());
    out.own(own_headers);
    let plan = match plan(&content, body, raw) {
        // Only UTF-8 text (in 8bit or quoted-printable) can carry a footer that is not ASCII.
        Plan::Append { utf8, .. }
            if !footer.is_ascii()
                && (!utf8 || content.cte.as_deref().is_none_or(|c| c == "7bit")) =>
        {
            Plan::Wrap {
                boundary: new_boundary(raw),
            }
        }
        p => p,
    };
    match plan {
        Plan::Append { qp, flowed, .. } => {
            for l in &content.lines {
                out.own(l);
            }
            out.own(b"\r\n");
            out.shared(raw, body);
            if !body.is_empty() && !body.ends_with(b"\n") {
                out.own(b"\r\n");
            }
            if qp && (body.ends_with(b"=\r\n") || body.ends_with(b"=\n")) {
                out.own(b"\r\n");
            }
            let text = footer_lines(&footer, flowed);
            if qp {
                out.own(&qp_encode(text.as_bytes()));
                out.own(b"\r\n");
            } else {
                out.own(text.as_bytes());
                out.own(b"\r\n");
            }
        }
        Plan::AddPart { boundary, at } => {
            for l in &content.lines {
                out.own(l);
            }
            out.own(b"\r\n");
            out.shared(raw, &body[..at]);
            out.own(format!("--{boundary}\r\n").as_bytes());
            out.own(&footer_part(&footer));
            out.own(b"\r\n");
            out.shared(raw, &body[at..]);
        }
        Plan::Wrap { boundary } => {
            // The multipart's own encoding: 8bit if what it holds is not 7-bit.
            let cte = match content.cte.as_deref() {
                Some("8bit") => "Content-Transfer-Encoding: 8bit\r\n",
                Some("binary") => "Content-Transfer-Encoding: binary\r\n",
                _ => "",
            };
            out.own(
                format!("Content-Type: multipart/mixed; boundary=\"{boundary}\"\r\n{cte}\r\n")
                    .as_bytes(),
            );
            // No preamble: clients hide it, and it would be an English sentence in every
            // community's post.
            out.own(format!("--{boundary}\r\n").as_bytes());
            if content.lines.is_empty() {
                out.own(b"Content-Type: text/plain; charset=us-ascii\r\n");
            }
            for l in &content.lines {
                out.own(l);
            }
            out.own(b"\r\n");
            out.shared(raw, body);
            if !body.ends_with(b"\n") {
                out.own(b"\r\n");
            }
            out.own(format!("--{boundary}\r\n").as_bytes());
            out.own(&footer_part(&footer));
            out.own(format!("\r\n--{boundary}--\r\n").as_bytes());
        }
    }
    out
}

/// The Subject with the community's prefix, never twice: a Subject that already holds it
/// ("Re: [Circle] lunch") stays as it is.
pub fn prefixed_subject(subject: &str, prefix: &str) -> String {
    let subject = one_line(subject, 250);
    let prefix = prefix.trim();
    if prefix.is_empty() || subject.to_lowercase().contains(&prefix.to_lowercase()) {
        return subject;
    }
    if subject.is_empty() {
        return prefix.to_string();
    }
    // After the reply prefixes: "Re: x" → "Re: [Circle] x", as the first post read.
    let mut rest = subject.as_str();
    while let Some((head, tail)) = rest.split_once(':') {
        if !matches!(
            head.trim().to_ascii_lowercase().as_str(),
            "re" | "aw" | "sv" | "antw" | "ref" | "res" | "r"
        ) {
            break;
        }
        rest = tail.trim_start();
    }
    let replies = subject[..subject.len() - rest.len()].trim_end();
    if replies.is_empty() {
        format!("{prefix} {subject}")
    } else {
        format!("{replies} {prefix} {rest}")
    }
}

/// A Message-ID (without `<>`) fit to be written back: printable ASCII, no spaces or angle
/// brackets, at most 250 characters.
pub fn clean_id(id: &str) -> Option<String> {
    let id = id.trim().trim_start_matches('<').trim_end_matches('>');
    let ok = !id.is_empty()
        && id.len() <= 250
        && id
            .chars()
            .all(|c| c.is_ascii_graphic() && !matches!(c, '<' | '>' | '"' | '\\' | ','));
    ok.then(|| id.to_string())
}

/// `"Name" <address>`, or `=?utf-8?b?…?= <address>` when the name is not ASCII. The name is
/// made one line first: no header can be injected through it.
pub fn mailbox(name: &str, address: &str) -> String {
    let name = one_line(name, 120);
    if name.is_empty() {
        return address.to_string();
    }
    format!("{} <{address}>", encode_phrase(&name))
}

/// A display name as a quoted string, or as encoded words when it is not printable ASCII.
fn encode_phrase(name: &str) -> String {
    let name = one_line(name, 120);
    if name.chars().all(|c| c.is_ascii() && !c.is_ascii_control()) {
        let escaped = name.replace('\\', "\\\\").replace('"', "\\\"");
        format!("\"{escaped}\"")
    } else {
        encoded_words(&name)
    }
}

/// Unstructured header text (a Subject): as it is when printable ASCII, else encoded words.
fn encode_text(s: &str) -> String {
    if s.chars().all(|c| c.is_ascii() && !c.is_ascii_control()) {
        s.to_string()
    } else {
        encoded_words(s)
    }
}

/// RFC 2047 B-encoded words of at most 45 bytes of text each (75 characters encoded), folded.
fn encoded_words(s: &str) -> String {
    let mut words = Vec::new();
    let mut chunk = String::new();
    for c in s.chars() {
        if chunk.len() + c.len_utf8() > 45 {
            words.push(format!("=?utf-8?b?{}?=", BASE64.encode(chunk.as_bytes())));
            chunk.clear();
        }
        chunk.push(c);
    }
    if !chunk.is_empty() {
        words.push(format!("=?utf-8?b?{}?=", BASE64.encode(chunk.as_bytes())));
    }
    words.join("\r\n ")
}

/// The header block and the body of a message (split at the first empty line; a message
/// without one is all header).
fn split_message(raw: &[u8]) -> (&[u8], &[u8]) {
    let mut i = 0;
    while i < raw.len() {
        let end = memchr::memchr(b'\n', &raw[i..]).map_or(raw.len(), |e| i + e + 1);
        let line = &raw[i..end];
        if line == b"\r\n" || line == b"\n" {
            return (&raw[..i], &raw[end..]);
        }
        i = end;
    }
    (raw, &[])
}

/// The author's Content-* headers (kept verbatim, folded lines and all, each ending CRLF) and
/// what they say.
struct Content {
    lines: Vec<Vec<u8>>,
    /// Lower-case `type/subtype`.
    mime: String,
    charset: Option<String>,
    boundary: Option<String>,
    flowed: bool,
    /// Lower-case Content-Transfer-Encoding.
    cte: Option<String>,
}

fn content_headers(head: &[u8]) -> Content {
    // Unfold into (name, raw lines).
    let mut fields: Vec<(String, Vec<u8>)> = Vec::new();
    for line in head.split_inclusive(|&b| b == b'\n') {
        let bare = line.strip_suffix(b"\n").unwrap_or(line);
        let bare = bare.strip_suffix(b"\r").unwrap_or(bare);
        if bare.is_empty() {
            continue;
        }
        if matches!(bare[0], b' ' | b'\t') {
            if let Some(last) = fields.last_mut() {
                last.1.extend_from_slice(bare);
                last.1.extend_from_slice(b"\r\n");
            }
            continue;
        }
        let name = bare
            .iter()
            .position(|&b| b == b':')
            .map(|i| {
                String::from_utf8_lossy(&bare[..i])
                    .trim()
                    .to_ascii_lowercase()
            })
            .unwrap_or_default();
        let mut l = bare.to_vec();
        l.extend_from_slice(b"\r\n");
        fields.push((name, l));
    }
    let mut c = Content {
        lines: Vec::new(),
        mime: "text/plain".into(),
        charset: None,
        boundary: None,
        flowed: false,
        cte: None,
    };
    for (name, l) in fields {
        if !name.starts_with("content-") {
            continue;
        }
        let value = String::from_utf8_lossy(&l);
        let value = value
            .split_once(':')
            .map(|(_, v)| v)
            .unwrap_or("")
            .replace(['\r', '\n'], "");
        match name.as_str() {
            "content-type" => {
                let mut parts = split_params(&value).into_iter();
                if let Some(t) = parts.next() {
                    c.mime = t.trim().to_ascii_lowercase();
                }
                for p in parts {
                    let Some((k, v)) = p.split_once('=') else {
                        continue;
                    };
                    let v = v.trim().trim_matches('"').to_string();
                    match k.trim().to_ascii_lowercase().as_str() {
                        "charset" => c.charset = Some(v.to_ascii_lowercase()),
                        "boundary" => c.boundary = Some(v),
                        "format" => c.flowed = v.eq_ignore_ascii_case("flowed"),
                        _ => {}
                    }
                }
            }
            "content-transfer-encoding" => c.cte = Some(value.trim().to_ascii_lowercase()),
            _ => {}
        }
        c.lines.push(l);
    }
    c
}

/// `a; b="x;y"; c` → ["a", " b=\"x;y\"", " c"].
fn split_params(v: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    for ch in v.chars() {
        match ch {
            '"' => {
                quoted = !quoted;
                out.last_mut().expect("one at least").push(ch);
            }
            ';' if !quoted => out.push(String::new()),
            _ => out.last_mut().expect("one at least").push(ch),
        }
    }
    out
}

enum Plan {
    Append { qp: bool, flowed: bool, utf8: bool },
    AddPart { boundary: String, at: usize },
    Wrap { boundary: String },
}

fn plan(c: &Content, body: &[u8], raw: &[u8]) -> Plan {
    let cte = c.cte.as_deref().unwrap_or("7bit");
    if c.mime == "text/plain" && matches!(cte, "7bit" | "8bit" | "quoted-printable") {
        let charset = c.charset.as_deref().unwrap_or("us-ascii");
        let utf8 = matches!(charset, "utf-8" | "utf8");
        let ascii_compatible = utf8
            || charset == "us-ascii"
            || charset.starts_with("iso-8859-")
            || charset.starts_with("windows-125");
        // Our footer's non-ASCII characters (a community's name) only fit UTF-8 text; in
        // 7bit, only ASCII fits. Else a part of its own.
        if ascii_compatible {
            return Plan::Append {
                qp: cte == "quoted-printable",
                flowed: c.flowed,
                utf8,
            };
        }
    }
    if c.mime == "multipart/mixed" {
        if let Some(b) = &c.boundary {
            if let Some(at) = closing_delimiter(body, b) {
                return Plan::AddPart {
                    boundary: b.clone(),
                    at,
                };
            }
        }
    }
    Plan::Wrap {
        boundary: new_boundary(raw),
    }
}

/// Where the line `--boundary--` starts (the last one).
fn closing_delimiter(body: &[u8], boundary: &str) -> Option<usize> {
    let close = format!("--{boundary}--");
    let mut found = None;
    let mut i = 0;
    for line in body.split_inclusive(|&b| b == b'\n') {
        if line.starts_with(close.as_bytes()) {
            let rest = &line[close.len()..];
            if rest.iter().all(|b| b.is_ascii_whitespace()) {
                found = Some(i);
            }
        }
        i += line.len();
    }
    // The delimiter must follow a line break (it is at a line start, or the body's start).
    found
}

/// A boundary that appears nowhere in the message.
fn new_boundary(raw: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(raw);
    let hex: String = digest.iter().take(12).map(|b| format!("{b:02x}")).collect();
    let mut b = format!("=_rt_{hex}");
    let mut n = 0;
    while memchr::memmem::find(raw, b.as_bytes()).is_some() {
        n += 1;
        b = format!("=_rt_{hex}_{n}");
    }
    b
}

/// The footer's lines for appending (CRLF). In format=flowed text no line may end in a space
/// (but the signature separator) and lines starting with a space, `>` or `From ` are stuffed.
fn footer_lines(footer: &str, flowed: bool) -> String {
    footer
        .lines()
        .map(|l| {
            if !flowed || l == "-- " {
                return l.to_string();
            }
            let l = l.trim_end();
            if l.starts_with(' ') || l.starts_with('>') || l.starts_with("From ") {
                format!(" {l}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\r\n")
}

/// The footer as a MIME part of its own (headers, empty line, quoted-printable UTF-8).
fn footer_part(footer: &str) -> Vec<u8> {
    let mut out = b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Disposition: inline\r\n\r\n".to_vec();
    out.extend_from_slice(&qp_encode(footer_lines(footer, false).as_bytes()));
    out
}

fn qp_encode(bytes: &[u8]) -> Vec<u8> {
    quoted_printable::encode(bytes)
}

#[cfg(test)]
mod tests;
