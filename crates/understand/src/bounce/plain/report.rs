//! Where a plain-text report is: the phrases only failure reports say, and the line where the
//! report ends and the returned copy of the original message begins.

use crate::text;

/// Phrases (lower-case) that only delivery failure reports say.
const PHRASES: &[&str] = &[
    "the mail system",
    "this message was created automatically by mail delivery software",
    "delivery to the following recipient failed",
    "delivery to the following recipients failed",
    "message could not be delivered",
    "could not be delivered to",
    "delivery has failed to these recipients",
    "your message couldn't be delivered",
    "your message could not be delivered",
    "your message wasn't delivered",
    "your message did not reach",
    "did not reach the following recipient",
    "undeliverable",
    "undelivered mail",
    "i'm afraid i wasn't able to deliver",
    "i'm sorry to have to inform you",
    "permanent error",
    "permanent fatal error",
    "fatal error",
    "unable to deliver",
    "user unknown",
    "unknown user",
    "no such user",
    "invalid user",
    "invalid recipient",
    "mailbox unavailable",
    "mailbox not found",
    "mailbox is full",
    "mailbox full",
    "quota exceeded",
    "over quota",
    "address rejected",
    "recipient address rejected",
    "does not exist",
    "delivery failed",
    "delivery failure",
    "failed permanently",
    "failed recipient",
    "returned mail",
    "hi. this is the qmail-send program",
    "the following addresses had",
    "the following address(es) failed",
    "a message that you sent could not be delivered",
    "this is a permanent error",
    "this is the mail system at host",
    "delivery to the following",
    "was not delivered",
    "could not deliver",
    "has not been delivered",
    "not be delivered",
    "delivery has been delayed",
    "has been delayed",
    "smtp error",
    "remote server replied",
    "diagnostic-code",
    "status: 5.",
    "status: 4.",
    "retry timeout exceeded",
    "message delayed",
    "delivery delayed",
    "could not be sent",
    "error delivering",
    "rejected your message",
    "message rejected",
    "host unknown",
    "nicht zugestellt",
    "unzustellbar",
    "konnte nicht zugestellt werden",
    "n'a pas pu être remis",
    "n'a pu être remis",
    "no se pudo entregar",
    "kon niet worden bezorgd",
    "não pôde ser entregue",
];

pub(crate) fn has_bounce_phrase(t: &str) -> bool {
    // One pass for all the phrases, not one per phrase: asked of every reply that could be a
    // bounce, which most replies can (issue 14).
    static FINDER: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::LazyLock::new(|| aho_corasick::AhoCorasick::new(PHRASES).ok());
    let head = head_of(report_part(t), 20_000).to_lowercase();
    match &*FINDER {
        Some(finder) => finder.is_match(&head),
        None => PHRASES.iter().any(|p| head.contains(p)),
    }
}

fn head_of(t: &str, n: usize) -> &str {
    if t.len() <= n {
        return t;
    }
    let mut end = n;
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    &t[..end]
}

/// Lines (lower-case, trimmed, dashes and spaces ignored at the ends) that begin the
/// returned copy of the original message.
const RETURNED_MARKERS: &[&str] = &[
    "this is a copy of the message",
    "this is a copy of your message",
    "below this line is a copy of the message",
    "original message follows",
    "original message",
    "the header of the original message is following",
    "original message headers",
    "the following is a copy of the message",
    "unsent message below",
    "unsent message follows",
    "message header follows",
    "message headers follow",
    "original message header",
    "failed message header",
    "forwarded message",
    "message text follows",
    "undelivered message",
    "below is a copy of the original message",
    "returned message",
    "original message text",
    "text of original message",
];

/// The report part of the text: up to the returned copy of the original message.
pub(crate) fn report_part(t: &str) -> &str {
    let mut offset = 0;
    let mut in_headers_run = 0;
    for line in t.split_inclusive('\n') {
        let l = line.trim().to_lowercase();
        let core = l
            .trim_matches(|c: char| {
                c == '-' || c == '=' || c == '|' || c == '_' || c == '*' || c.is_whitespace()
            })
            .trim_end_matches([':', '.']);
        if !core.is_empty()
            && core.len() < 80
            && RETURNED_MARKERS
                .iter()
                .any(|m| core == *m || core.contains(m) && l.starts_with(['-', '=', '|']))
        {
            return &t[..offset];
        }
        // A run of header lines (Received:, Return-Path:, Message-ID:) is the returned copy.
        if l.starts_with("received: from")
            || l.starts_with("return-path:")
            || l.starts_with("x-received:")
            || l.starts_with("dkim-signature:")
        {
            in_headers_run += 1;
            if in_headers_run >= 1 && offset > 0 {
                return &t[..offset];
            }
        }
        offset += line.len();
    }
    t
}

/// The header of a copy of the original message returned inline, after the report.
pub(crate) fn inline_returned(t: &str) -> Vec<crate::message::Header> {
    let cut = report_part(t).len();
    if cut >= t.len() {
        return Vec::new();
    }
    let rest = &t[cut..];
    // Skip the marker line and blank lines before the header block.
    let mut offset = 0;
    for (n, line) in rest.split_inclusive('\n').enumerate() {
        let l = line.trim();
        let is_header = l
            .split_once(':')
            .is_some_and(|(name, _)| !name.is_empty() && !name.contains(' ') && name.len() < 40);
        if is_header || n > 3 {
            break;
        }
        offset += line.len();
    }
    text::parse_header_block(&rest[offset.min(rest.len())..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_part_stops_at_the_returned_copy() {
        let t = "The mail system\n\n<a@b.org>: no\n\n------ This is a copy of the message, including all the headers. ------\nTo: c@d.org\n";
        assert!(!report_part(t).contains("c@d.org"));
        let inline = inline_returned(t);
        assert!(inline
            .iter()
            .any(|h| h.name == "to" && h.value == "c@d.org"));
    }
}
