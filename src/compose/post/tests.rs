//! The composition of a post's copy: footer placement keeps MIME valid, the prefix is never
//! doubled, names can't inject headers. Each copy is parsed back with mail-parser.

use super::*;
use mail_parser::{MessageParser, MimeHeaders, PartType};

fn en() -> crate::texts::Tr<'static> {
    crate::texts::Tr::new(
        crate::texts::builtin(),
        crate::texts::Lang::En,
        chrono_tz::UTC,
    )
}

fn addr(s: &str) -> Address {
    Address::parse(s).expect("a test address")
}

fn shared(reply_to: ReplyTo, name: Option<&str>, subject: &str) -> String {
    shared_headers(&PostHead {
        community_name: "Practice Circle",
        community_slug: "circle",
        list: &addr("circle@example.org"),
        subject_prefix: "[Practice Circle]",
        reply_to,
        author_name: name,
        author: &addr("ana@example.net"),
        subject,
        message_id: "abc@example.net",
        in_reply_to: &["root@example.net".to_string()],
        references: &["root@example.net".to_string()],
        date: Some("Sat, 5 Dec 2026 10:00:00 +0000"),
        now: 1_796_000_000,
    })
}

fn copy(raw: &str) -> Vec<u8> {
    let list = addr("circle@example.org");
    let unsub = addr("circle+leave-tok@example.org");
    let footer = footer_text(&en(), "Practice Circle", &list, &unsub);
    let mine = personal(Some("Bo Berg"), &addr("bo@example.com"), &unsub, &footer);
    assemble(
        raw.replace('\n', "\r\n").as_bytes(),
        &shared(ReplyTo::Group, Some("Ana Lopez"), "Figma variables"),
        &mine,
    )
}

fn text_of(m: &mail_parser::Message<'_>) -> String {
    m.parts
        .iter()
        .filter_map(|p| match &p.body {
            PartType::Text(t) => Some(t.to_string()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn plain_text_gets_the_footer_appended() {
    let out = copy("From: Ana <ana@example.net>\nDKIM-Signature: v=1; d=example.net; b=xyz\nReceived: from x\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nHälló everyone,\nanyone used it?\n");
    let m = MessageParser::default().parse(&out).expect("parses");
    assert_eq!(m.parts.len(), 1, "still one part");
    let body = m.body_text(0).expect("text");
    assert!(
        body.starts_with("Hälló everyone,\r\nanyone used it?\r\n"),
        "{body}"
    );
    assert!(body.contains("Leave the group: mailto:circle+leave-tok@example.org"));
    let s = String::from_utf8_lossy(&out);
    assert!(
        !s.contains("DKIM-Signature"),
        "the author's signature is removed"
    );
    assert!(!s.contains("Received: from x"));
    assert_eq!(m.message_id(), Some("abc@example.net"));
    assert_eq!(m.in_reply_to().as_text(), Some("root@example.net"));
}

#[test]
fn quoted_printable_text_gets_a_quoted_printable_footer() {
    let out = copy("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nH=C3=A4ll=C3=B3 a long line that was soft=\n broken\n");
    let m = MessageParser::default().parse(&out).expect("parses");
    let body = m.body_text(0).expect("text");
    assert!(
        body.starts_with("Hälló a long line that was soft broken"),
        "{body}"
    );
    assert!(body.contains("Leave the group"));
}

#[test]
fn format_flowed_survives() {
    let out = copy("Content-Type: text/plain; charset=utf-8; format=flowed\n\nA flowed line \nthat continues.\n");
    let s = String::from_utf8_lossy(&out);
    assert!(s.contains("format=flowed"));
    assert!(
        s.contains("A flowed line \r\nthat continues.\r\n-- \r\n"),
        "{s}"
    );
    for l in s.split("-- \r\n").nth(1).expect("footer").lines() {
        assert!(!l.ends_with(' '), "no flowed line in the footer: {l:?}");
    }
}

#[test]
fn other_charsets_keep_their_bytes() {
    // ISO-8859-1 "é" is one byte 0xE9: the footer (ASCII) is appended, the bytes stay.
    let mut raw = b"Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\nCaf\xe9 tomorrow?\r\n".to_vec();
    let list = addr("circle@example.org");
    let unsub = addr("circle+leave-tok@example.org");
    let mine = personal(
        None,
        &addr("bo@example.com"),
        &unsub,
        &footer_text(&en(), "Circle", &list, &unsub),
    );
    let out = assemble(&raw, &shared(ReplyTo::Group, None, "x"), &mine);
    assert!(memchr::memmem::find(&out, b"Caf\xe9 tomorrow?\r\n-- \r\n").is_some());
    let m = MessageParser::default().parse(&out).expect("parses");
    assert!(m.body_text(0).expect("text").starts_with("Café tomorrow?"));
    // A footer that is not ASCII can't go into ISO-8859-1 text: a part of its own.
    raw = b"Content-Type: text/plain; charset=iso-8859-1\r\n\r\nCaf\xe9\r\n".to_vec();
    let mine = personal(
        None,
        &addr("bo@example.com"),
        &unsub,
        &footer_text(&en(), "Café Circle", &list, &unsub),
    );
    let out = assemble(&raw, &shared(ReplyTo::Group, None, "x"), &mine);
    let m = MessageParser::default().parse(&out).expect("parses");
    assert_eq!(m.content_type().map(|c| c.subtype()), Some(Some("mixed")));
    assert!(text_of(&m).contains("Café\r\n") || text_of(&m).contains("Café"));
    assert!(text_of(&m).contains("Café Circle: write to"));
}

#[test]
fn alternative_is_wrapped_untouched() {
    let alt = "Content-Type: multipart/alternative; boundary=\"b1\"\n\n--b1\nContent-Type: text/plain; charset=utf-8\n\nplain words\n--b1\nContent-Type: text/html; charset=utf-8\n\n<p>html words</p>\n--b1--\n";
    let out = copy(alt);
    let m = MessageParser::default().parse(&out).expect("parses");
    assert_eq!(m.content_type().map(|c| c.subtype()), Some(Some("mixed")));
    let s = String::from_utf8_lossy(&out);
    let inner = alt.replace('\n', "\r\n");
    let inner_body = inner
        .split("\r\n\r\n")
        .skip(1)
        .collect::<Vec<_>>()
        .join("\r\n\r\n");
    assert!(
        s.contains(&inner_body),
        "the alternative goes out byte for byte"
    );
    assert_eq!(m.body_html(0).as_deref(), Some("<p>html words</p>"));
    assert!(text_of(&m).contains("Leave the group"));
}

#[test]
fn mixed_gets_one_more_part_and_the_attachment_stays() {
    let mixed = "Content-Type: multipart/mixed; boundary=\"m1\"\n\n--m1\nContent-Type: text/plain\n\nsee attached\n--m1\nContent-Type: application/pdf; name=\"a.pdf\"\nContent-Disposition: attachment; filename=\"a.pdf\"\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQKJcfs\n--m1--\n";
    let out = copy(mixed);
    let m = MessageParser::default().parse(&out).expect("parses");
    assert_eq!(m.attachment_count(), 1);
    let a = m.attachment(0).expect("the pdf");
    assert_eq!(a.attachment_name(), Some("a.pdf"));
    assert_eq!(a.contents(), b"%PDF-1.4\n%\xc7\xec");
    assert!(text_of(&m).contains("see attached"));
    assert!(text_of(&m).contains("Leave the group"));
    // Three parts under the root: text, pdf, footer.
    assert_eq!(m.parts.len(), 4);
}

#[test]
fn base64_text_is_wrapped() {
    let out = copy("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\nSGVsbG8gd29ybGQ=\n");
    let m = MessageParser::default().parse(&out).expect("parses");
    assert!(text_of(&m).contains("Hello world"));
    assert!(text_of(&m).contains("Leave the group"));
}

#[test]
fn the_prefix_is_never_doubled() {
    let p = "[Practice Circle]";
    assert_eq!(prefixed_subject("Figma", p), "[Practice Circle] Figma");
    assert_eq!(
        prefixed_subject("Re: [Practice Circle] Figma", p),
        "Re: [Practice Circle] Figma"
    );
    assert_eq!(
        prefixed_subject("AW: Re: [practice circle] Figma", p),
        "AW: Re: [practice circle] Figma"
    );
    assert_eq!(prefixed_subject("Figma", ""), "Figma");
    assert_eq!(
        prefixed_subject("Re: AW: Figma", p),
        "Re: AW: [Practice Circle] Figma"
    );
    assert_eq!(
        prefixed_subject("a\r\nBcc: x@evil.example", p),
        "[Practice Circle] a Bcc: x@evil.example"
    );
}

#[test]
fn names_are_escaped_and_cannot_inject_headers() {
    let s = shared(
        ReplyTo::Author,
        Some("Ana \"the\" Lopez\r\nBcc: evil"),
        "hi\nBcc: y@evil.example",
    );
    assert!(s.contains("From: \"Ana \\\"the\\\" Lopez Bcc: evil via Practice Circle\" <circle@example.org>\r\n"), "{s}");
    for line in s.split("\r\n") {
        assert!(!line.starts_with("Bcc"), "injected: {line}");
    }
    assert!(
        s.contains("Reply-To: \"Ana \\\"the\\\" Lopez Bcc: evil\" <ana@example.net>"),
        "{s}"
    );
    let bytes = format!("{s}\r\nbody");
    let m = MessageParser::default()
        .parse(bytes.as_bytes())
        .expect("parses");
    assert_eq!(
        m.from().and_then(|a| a.first()).and_then(|a| a.address()),
        Some("circle@example.org")
    );
    // Not ASCII: encoded words, read back the same.
    let s = shared(ReplyTo::Group, Some("Zoë Ørsted"), "Grüße");
    let bytes = format!("{s}\r\nbody");
    let m = MessageParser::default()
        .parse(bytes.as_bytes())
        .expect("parses");
    assert_eq!(
        m.from().and_then(|a| a.first()).and_then(|a| a.name()),
        Some("Zoë Ørsted via Practice Circle")
    );
    assert_eq!(m.subject(), Some("[Practice Circle] Grüße"));
    assert_eq!(
        m.reply_to()
            .and_then(|a| a.first())
            .and_then(|a| a.address()),
        Some("circle@example.org")
    );
    // A name that shows an address is not shown.
    let s = shared(ReplyTo::Group, Some("boss@bank.example"), "x");
    assert!(s.starts_with("From: \"ana via Practice Circle\""), "{s}");
}
