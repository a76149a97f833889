//! The facts of one parsed message that the later steps need, gathered once from mail-parser's
//! tree: header values, the main text, calendar parts, report parts and the returned message
//! of a bounce.

use crate::{text, Unreadable};
use mail_parser::{Address, HeaderValue, Message, MessagePart, MimeHeaders, PartType};

/// How deep we follow message/rfc822 parts inside each other.
const MAX_NESTING: usize = 4;

/// A first look at the bytes: is this a mail message at all?
pub(crate) fn looks_like_mail(raw: &[u8]) -> Result<(), Unreadable> {
    let unreadable = |reason: &str| {
        Err(Unreadable {
            reason: reason.to_string(),
        })
    };
    let mut rest = raw;
    if rest.starts_with(&[0xEF, 0xBB, 0xBF]) {
        rest = &rest[3..];
    }
    if rest.iter().all(|b| b.is_ascii_whitespace()) {
        return unreadable("empty: not a mail message");
    }
    // An mbox "From " separator line may precede the header.
    if rest.starts_with(b"From ") {
        match rest.iter().position(|&b| b == b'\n') {
            Some(nl) => rest = &rest[nl + 1..],
            None => return unreadable("no header block: not a mail message"),
        }
    }
    let head_end = find_header_end(rest);
    let head = &rest[..head_end];
    if head.contains(&0) {
        return unreadable("binary data: not a mail message");
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && b != b'\r' && b != b'\n' && b != b'\t')
        .count();
    if controls > 0 && controls * 50 > head.len().max(1) {
        return unreadable("binary data: not a mail message");
    }
    // The first line must be a header field: a name of printable ASCII, then a colon.
    let first_line_end = head.iter().position(|&b| b == b'\n').unwrap_or(head.len());
    let first = &head[..first_line_end];
    let Some(colon) = first.iter().position(|&b| b == b':') else {
        return unreadable("no header block: not a mail message");
    };
    let name = &first[..colon];
    let name = trim_ascii_end(name);
    if name.is_empty() || name.len() > 76 || !name.iter().all(|&b| (33..=126).contains(&b)) {
        return unreadable("no header block: not a mail message");
    }
    Ok(())
}

fn trim_ascii_end(s: &[u8]) -> &[u8] {
    let mut end = s.len();
    while end > 0 && (s[end - 1] == b' ' || s[end - 1] == b'\t') {
        end -= 1;
    }
    &s[..end]
}

fn find_header_end(raw: &[u8]) -> usize {
    let limit = raw.len().min(256 * 1024);
    let mut i = 0;
    while i < limit {
        if raw[i] == b'\n' {
            let next = &raw[i + 1..];
            if next.starts_with(b"\n") || next.starts_with(b"\r\n") {
                return i + 1;
            }
        }
        i += 1;
    }
    limit
}

/// One header: lower-case name and unfolded raw value (not RFC 2047-decoded).
#[derive(Clone, Debug, Default)]
pub(crate) struct Header {
    pub name: String,
    pub value: String,
}

/// The body text the sender wrote, before trimming.
#[derive(Clone, Debug, Default)]
pub(crate) struct Body {
    pub text: String,
    /// True when the text was rendered from HTML (there was no text/plain part).
    #[allow(dead_code)]
    pub from_html: bool,
}

/// A calendar part: its text and the `method` parameter of its Content-Type, if any.
#[derive(Clone, Debug, Default)]
pub(crate) struct Calendar {
    pub text: String,
    pub method: Option<String>,
}

/// A message returned inside a bounce (message/rfc822, text/rfc822-headers) or quoted in one.
#[derive(Clone, Debug, Default)]
pub(crate) struct Returned {
    pub headers: Vec<Header>,
}

/// The From header as written: display name and lower-cased address text, not yet checked
/// (bounces come `From: MAILER-DAEMON`, which the guard must still see). The reading parses
/// it into an [`crate::Address`] once, at the end.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Sender {
    pub name: Option<String>,
    pub address: String,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Facts {
    pub message_id: Option<String>,
    pub from: Option<Sender>,
    pub recipients: Vec<String>,
    pub subject: String,
    pub in_reply_to: Vec<String>,
    pub references: Vec<String>,
    pub auth_results: Vec<String>,
    /// Every top-level header, in order.
    pub headers: Vec<Header>,
    /// `type/subtype` of the top-level body, lower-case.
    pub content_type: String,
    /// The report-type of any multipart/report, lower-case.
    pub report_type: Option<String>,
    pub body: Body,
    /// text/calendar (or .ics) contents outside any returned message.
    pub calendars: Vec<Calendar>,
    /// Whether a text/calendar part sits inside a returned message (a bounced invitation).
    pub returned_calendar: bool,
    /// message/delivery-status contents.
    pub delivery_status: Vec<String>,
    /// message/delivery-status contents found inside returned messages (a report forwarded
    /// inside another one).
    pub returned_delivery_status: Vec<String>,
    pub has_mdn: bool,
    pub has_feedback_report: bool,
    /// All human-readable text of the top-level message outside returned messages: what
    /// a plain-text bounce says.
    pub report_text: String,
    /// Messages returned inside this one.
    pub returned: Vec<Returned>,
    /// Header lines of returned messages that were only text (text/rfc822-headers or inline).
    pub returned_text: String,
}

impl Facts {
    pub fn gather(msg: &Message<'_>) -> Facts {
        let mut f = Facts {
            message_id: msg.message_id().map(clean_id),
            subject: msg.subject().map(clean_line).unwrap_or_default(),
            in_reply_to: ids(msg.in_reply_to()),
            references: ids(msg.references()),
            headers: headers_of(msg),
            ..Facts::default()
        };
        f.from = msg.from().and_then(first_mailbox).or_else(|| {
            f.header("from")
                .and_then(|v| text::addresses_in(v).into_iter().next())
                .map(|address| Sender {
                    name: None,
                    address,
                })
        });
        let mut recipients: Vec<String> = Vec::new();
        let mut push = |a: String| {
            if !a.is_empty() && !recipients.contains(&a) {
                recipients.push(a);
            }
        };
        for addr in [msg.to(), msg.cc()].into_iter().flatten() {
            for a in all_addrs(addr) {
                push(a);
            }
        }
        for name in ["delivered-to", "x-original-to", "envelope-to"] {
            for v in f.header_all(name) {
                for a in text::addresses_in(v) {
                    push(a);
                }
            }
        }
        f.recipients = recipients;
        f.auth_results = f
            .header_all("authentication-results")
            .map(str::to_string)
            .collect();
        f.content_type = msg
            .root_part()
            .content_type()
            .map(|ct| {
                format!(
                    "{}/{}",
                    ct.c_type.to_ascii_lowercase(),
                    ct.c_subtype.as_deref().unwrap_or("").to_ascii_lowercase()
                )
            })
            .unwrap_or_else(|| "text/plain".into());
        f.body = main_body(msg);
        f.walk(msg, 0, false);
        if f.report_text.trim().is_empty() {
            // A multipart whose boundary never occurs (broken or anonymised mail): the parts
            // are lost, so read the raw body as the report.
            let raw = msg.raw_message.as_ref();
            let start = (msg.root_part().offset_body as usize).min(raw.len());
            f.report_text = String::from_utf8_lossy(&raw[start..]).into_owned();
        }
        f
    }

    /// The first value of a header (lower-case name).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|h| h.name == name)
            .map(|h| h.value.as_str())
    }

    /// Every value of a header (lower-case name), top-most first.
    pub fn header_all<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s str> + 's {
        self.headers
            .iter()
            .filter(move |h| h.name == name)
            .map(|h| h.value.as_str())
    }

    /// Whether the message says it answers another one.
    pub fn is_reply(&self) -> bool {
        !self.in_reply_to.is_empty() || text::has_reply_prefix(&self.subject)
    }

    fn walk(&mut self, msg: &Message<'_>, depth: usize, returned: bool) {
        for part in msg.parts.iter() {
            let (ty, sub) = content_type_of(part);
            let name = part
                .attachment_name()
                .map(|n| n.to_ascii_lowercase())
                .unwrap_or_default();
            let is_calendar = matches!(
                (ty.as_str(), sub.as_str()),
                ("text", "calendar")
                    | ("application", "ics")
                    | ("text", "x-vcalendar")
                    | ("application", "calendar")
            ) || name.ends_with(".ics")
                || name.ends_with(".vcs")
                || (ty == "text" && sub == "plain" && starts_with_vcalendar(part))
                || (ty == "application" && sub == "octet-stream" && starts_with_vcalendar(part));
            match (ty.as_str(), sub.as_str()) {
                ("multipart", "report") if !returned && self.report_type.is_none() => {
                    self.report_type = part
                        .content_type()
                        .and_then(|ct| ct.attribute("report-type"))
                        .map(|v| v.to_ascii_lowercase());
                }
                ("message", "delivery-status") | ("message", "global-delivery-status") => {
                    if returned {
                        self.returned_delivery_status.push(part_text(part));
                    } else {
                        self.delivery_status.push(part_text(part));
                    }
                }
                ("message", "disposition-notification")
                | ("message", "global-disposition-notification")
                    if !returned =>
                {
                    self.has_mdn = true;
                }
                ("message", "feedback-report") if !returned => {
                    self.has_feedback_report = true;
                }
                ("text", "rfc822-headers") | ("message", "rfc822-headers") => {
                    let t = part_text(part);
                    self.returned.push(Returned {
                        headers: text::parse_header_block(&t),
                    });
                    self.returned_text.push_str(&t);
                    self.returned_text.push('\n');
                }
                _ => {}
            }
            if is_calendar {
                let content = part_text(part);
                if returned {
                    self.returned_calendar = true;
                } else {
                    self.calendars.push(Calendar {
                        text: content,
                        method: part
                            .content_type()
                            .and_then(|ct| ct.attribute("method"))
                            .map(|m| m.trim().to_ascii_uppercase()),
                    });
                }
                continue;
            }
            match &part.body {
                PartType::Message(inner) => {
                    self.returned.push(Returned {
                        headers: headers_of(inner),
                    });
                    if depth < MAX_NESTING {
                        self.walk(inner, depth + 1, true);
                    }
                }
                PartType::Text(t) if !returned && ty == "text" && sub != "rfc822-headers" => {
                    push_para(&mut self.report_text, t);
                }
                // HTML explains the report only when no text part does.
                PartType::Html(h)
                    if !returned
                        && !msg.text_body.iter().any(|&id| {
                            matches!(
                                msg.parts.get(id as usize).map(|p| &p.body),
                                Some(PartType::Text(_))
                            )
                        }) =>
                {
                    push_para(&mut self.report_text, &crate::html::to_text(h));
                }
                PartType::Binary(b) | PartType::InlineBinary(b)
                    if !returned && ty == "message" && sub != "delivery-status" =>
                {
                    // An unparsed returned message (e.g. message/rfc822 that did not parse).
                    let t = String::from_utf8_lossy(b);
                    self.returned.push(Returned {
                        headers: text::parse_header_block(&t),
                    });
                }
                _ => {}
            }
        }
    }
}

fn push_para(out: &mut String, t: &str) {
    if !out.is_empty() {
        out.push_str("\n\n");
    }
    out.push_str(t);
}

fn starts_with_vcalendar(part: &MessagePart<'_>) -> bool {
    let c = part.contents();
    let head = &c[..c.len().min(200)];
    let s = String::from_utf8_lossy(head);
    s.trim_start()
        .to_ascii_uppercase()
        .starts_with("BEGIN:VCALENDAR")
}

/// `(type, subtype)` lower-case; none means text/plain.
pub(crate) fn content_type_of(part: &MessagePart<'_>) -> (String, String) {
    match part.content_type() {
        Some(ct) => (
            ct.c_type.to_ascii_lowercase(),
            ct.c_subtype.as_deref().unwrap_or("").to_ascii_lowercase(),
        ),
        None => ("text".into(), "plain".into()),
    }
}

/// The decoded content of a part as text (lossy for bytes).
pub(crate) fn part_text(part: &MessagePart<'_>) -> String {
    match &part.body {
        PartType::Text(t) | PartType::Html(t) => t.to_string(),
        PartType::Binary(b) | PartType::InlineBinary(b) => String::from_utf8_lossy(b).into_owned(),
        PartType::Message(m) => String::from_utf8_lossy(m.raw_message.as_ref()).into_owned(),
        PartType::Multipart(_) => String::new(),
    }
}

/// Plain text beyond this is not read: what a reply says is at its top, and a person's
/// message is not megabytes long (the same bound as `html::MAX_HTML`). A 25 MB text took 30 s
/// to read in a debug build; its first megabyte is read in about one.
const MAX_TEXT: usize = 1024 * 1024;

/// Cuts `text` to [`MAX_TEXT`] at the end of a line.
fn cut_text(text: &mut String) {
    if text.len() <= MAX_TEXT {
        return;
    }
    let mut end = MAX_TEXT;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if let Some(nl) = text[..end].rfind('\n') {
        end = nl + 1;
    }
    text.truncate(end);
}

/// The main body: text/plain parts (format=flowed undone), else the HTML rendered as text.
fn main_body(msg: &Message<'_>) -> Body {
    let mut text = String::new();
    for &id in &msg.text_body {
        let Some(part) = msg.parts.get(id as usize) else {
            continue;
        };
        let PartType::Text(t) = &part.body else {
            continue;
        };
        let (ty, sub) = content_type_of(part);
        if ty != "text" || !(sub == "plain" || sub.is_empty()) {
            continue;
        }
        if t.trim_start()
            .to_ascii_uppercase()
            .starts_with("BEGIN:VCALENDAR")
        {
            continue;
        }
        let repaired = repair_charset(msg, part, t);
        let t = &repaired;
        let ct = part.content_type();
        let flowed = ct
            .and_then(|c| c.attribute("format"))
            .is_some_and(|v| v.eq_ignore_ascii_case("flowed"));
        let delsp = ct
            .and_then(|c| c.attribute("delsp"))
            .is_some_and(|v| v.eq_ignore_ascii_case("yes"));
        let t = if flowed {
            text::unflow(t, delsp)
        } else {
            t.to_string()
        };
        push_para(&mut text, &t);
        if text.len() >= MAX_TEXT {
            break;
        }
    }
    cut_text(&mut text);
    if !text.trim().is_empty() {
        return Body {
            text,
            from_html: false,
        };
    }
    for &id in msg.html_body.iter().chain(msg.text_body.iter()) {
        let Some(part) = msg.parts.get(id as usize) else {
            continue;
        };
        if let PartType::Html(h) = &part.body {
            let h = repair_charset(msg, part, h);
            return Body {
                text: crate::html::to_text(&h),
                from_html: true,
            };
        }
    }
    Body::default()
}

/// Text that came out with replacement characters because its charset was missing or wrong
/// (8-bit Latin-1 declared as UTF-8 or not declared at all) is decoded again from the part's
/// bytes as Windows-1252, the superset of Latin-1 that such mail is written in.
fn repair_charset<'t>(
    msg: &Message<'_>,
    part: &MessagePart<'_>,
    decoded: &'t str,
) -> std::borrow::Cow<'t, str> {
    use std::borrow::Cow;
    if !decoded.contains('\u{FFFD}') {
        return Cow::Borrowed(decoded);
    }
    let declared = part
        .content_type()
        .and_then(|ct| ct.attribute("charset"))
        .map(|c| c.to_ascii_lowercase())
        .unwrap_or_default();
    if !matches!(
        declared.as_str(),
        "" | "us-ascii" | "ascii" | "utf-8" | "utf8" | "unknown-8bit" | "x-unknown"
    ) {
        return Cow::Borrowed(decoded);
    }
    let raw = msg.raw_message.as_ref();
    let start = (part.offset_body as usize).min(raw.len());
    let end = (part.offset_end as usize).clamp(start, raw.len());
    let body = &raw[start..end];
    let bytes = match part.encoding {
        mail_parser::Encoding::QuotedPrintable => {
            mail_parser::decoders::quoted_printable::quoted_printable_decode(body)
        }
        mail_parser::Encoding::Base64 => mail_parser::decoders::base64::base64_decode(body),
        mail_parser::Encoding::None => Some(body.to_vec()),
    };
    let Some(bytes) = bytes else {
        return Cow::Borrowed(decoded);
    };
    if std::str::from_utf8(&bytes).is_ok() {
        return Cow::Borrowed(decoded);
    }
    match mail_parser::decoders::charsets::map::charset_decoder(b"windows-1252") {
        Some(decode) => Cow::Owned(decode(&bytes)),
        None => Cow::Borrowed(decoded),
    }
}

fn headers_of(msg: &Message<'_>) -> Vec<Header> {
    let raw = msg.raw_message.as_ref();
    msg.headers()
        .iter()
        .map(|h| {
            let start = (h.offset_start as usize).min(raw.len());
            let end = (h.offset_end as usize).clamp(start, raw.len());
            Header {
                name: h.name.as_str().to_ascii_lowercase(),
                value: text::unfold(&String::from_utf8_lossy(&raw[start..end])),
            }
        })
        .collect()
}

fn first_mailbox(addr: &Address<'_>) -> Option<Sender> {
    let first = match addr {
        Address::List(list) => list.iter().find(|a| a.address.is_some()),
        Address::Group(groups) => groups
            .iter()
            .flat_map(|g| g.addresses.iter())
            .find(|a| a.address.is_some()),
    }?;
    let address = first.address.as_deref()?.trim().to_lowercase();
    if address.is_empty() {
        return None;
    }
    Some(Sender {
        name: first
            .name
            .as_deref()
            .map(clean_line)
            .filter(|n| !n.is_empty()),
        address,
    })
}

fn all_addrs(addr: &Address<'_>) -> Vec<String> {
    let list: Vec<&mail_parser::Addr<'_>> = match addr {
        Address::List(list) => list.iter().collect(),
        Address::Group(groups) => groups.iter().flat_map(|g| g.addresses.iter()).collect(),
    };
    list.into_iter()
        .filter_map(|a| a.address.as_deref())
        .map(|a| {
            a.trim()
                .trim_matches(|c| c == '<' || c == '>')
                .to_lowercase()
        })
        .filter(|a| a.contains('@'))
        .collect()
}

fn ids(v: &HeaderValue<'_>) -> Vec<String> {
    match v {
        HeaderValue::Text(t) => vec![clean_id(t)],
        HeaderValue::TextList(list) => list.iter().map(|t| clean_id(t)).collect(),
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect()
}

fn clean_id(s: &str) -> String {
    s.trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim()
        .to_string()
}

fn clean_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mail_or_not() {
        assert!(looks_like_mail(b"From: a@b.org\n\nhi").is_ok());
        assert!(looks_like_mail(b"From a@b.org Tue Mar 5 10:00:00 2024\nSubject: x\n\nhi").is_ok());
        assert!(looks_like_mail(b"").is_err());
        assert!(looks_like_mail(b"   \n\n").is_err());
        assert!(looks_like_mail(b"hello there\nno headers").is_err());
        assert!(looks_like_mail(b"Subject: x\x00\x01\x02\n\n").is_err());
    }

    #[test]
    fn gathers_recipients_in_order_without_duplicates() {
        let raw = b"From: A <A@Example.org>\nTo: circle+tok@example.org, b@example.org\nCc: B@example.org\nDelivered-To: circle+tok@example.org\nX-Original-To: x@example.org\nSubject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\nMessage-ID: <id@x>\nReferences: <r1@x> <r2@x>\n\nhi\n";
        let m = mail_parser::MessageParser::default()
            .parse(&raw[..])
            .unwrap();
        let f = Facts::gather(&m);
        assert_eq!(
            f.recipients,
            vec!["circle+tok@example.org", "b@example.org", "x@example.org"]
        );
        assert_eq!(f.from.unwrap().address, "a@example.org");
        assert_eq!(f.subject, "Grüße");
        assert_eq!(f.message_id.as_deref(), Some("id@x"));
        assert_eq!(f.references, vec!["r1@x", "r2@x"]);
    }

    #[test]
    fn a_huge_text_is_read_as_its_first_megabyte_cut_at_a_line_end() {
        let mut raw = b"From: a@b.org\nSubject: Re: x\n\nYes, I'll come.\n".to_vec();
        let line = "Paragraph: some thoughts about the agenda and the room, ünïcödé.\n";
        while raw.len() < 3 * MAX_TEXT {
            raw.extend_from_slice(line.as_bytes());
        }
        let m = mail_parser::MessageParser::default()
            .parse(&raw[..])
            .unwrap();
        let body = main_body(&m);
        assert!(body.text.starts_with("Yes, I'll come.\n"));
        assert!(body.text.len() <= MAX_TEXT, "{}", body.text.len());
        assert!(
            body.text.len() > MAX_TEXT - line.len(),
            "{}",
            body.text.len()
        );
        assert!(body.text.ends_with('\n'));
    }
}
