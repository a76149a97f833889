//! Plain-text bounces: find the failed addresses and the status in the human-readable
//! report, before the returned copy of the message.
//!
//! Addresses are taken where reports put them, in this order of trust: delivery-status
//! fields quoted in the text; labelled lines ("Recipient address:", "RCPT TO:"); a line
//! that starts with the address (qmail's `<a@b>:`, Postfix's `<a@b>: host … said`,
//! Exim's indented list, Gmail's "failed permanently:" list); a failure sentence naming it
//! ("could not be delivered to <a@b>"); SMTP error lines (`550 5.1.1 <a@b>… User
//! unknown`). Only when none of these says anything, every address of the report except
//! the sender's, the report's own and message ids.
//!
//! The addresses are read here; `report` finds the report itself (and the returned copy after
//! it), `permanence` whether the failure is final.

mod permanence;
mod report;

use super::Failure;
use crate::message::Facts;
use crate::text;
pub(crate) use permanence::permanence;
pub(crate) use report::{has_bounce_phrase, inline_returned, report_part};

/// The addresses of the sender side: never the failed recipient of a report.
fn excluded(f: &Facts) -> (Vec<String>, Vec<String>) {
    let mut people: Vec<String> = Vec::new();
    if let Some(m) = &f.from {
        people.push(m.address.clone());
    }
    let mut ids: Vec<String> = Vec::new();
    if let Some(id) = &f.message_id {
        ids.extend(text::addresses_in(id));
    }
    for id in f.in_reply_to.iter().chain(f.references.iter()) {
        ids.extend(text::addresses_in(id));
    }
    let inline = inline_returned(&f.report_text);
    for h in f
        .returned
        .iter()
        .flat_map(|r| r.headers.iter())
        .chain(inline.iter())
    {
        {
            match h.name.as_str() {
                "from" | "sender" | "return-path" | "reply-to" | "errors-to" => {
                    people.extend(text::addresses_in(&h.value))
                }
                "message-id" | "references" | "in-reply-to" | "x-message-id" => {
                    ids.extend(text::addresses_in(&h.value))
                }
                _ => {}
            }
        }
    }
    (people, ids)
}

fn is_machine_address(a: &str) -> bool {
    let local = a.split('@').next().unwrap_or("");
    matches!(
        local,
        "mailer-daemon"
            | "postmaster"
            | "mailerdaemon"
            | "mailer_daemon"
            | "abuse"
            | "noreply"
            | "no-reply"
            | "post_master"
            | "support"
            | "help"
            | "root"
    )
}

/// Whether an address looks like a message id ("20090429.1234.abc@host").
fn looks_like_id(a: &str) -> bool {
    let local = a.split('@').next().unwrap_or("");
    let digits = local.chars().filter(|c| c.is_ascii_digit()).count();
    let hexish = local
        .chars()
        .filter(|c| c.is_ascii_hexdigit() || *c == '.' || *c == '-')
        .count();
    (local.len() >= 16 && hexish * 10 >= local.len() * 9 && digits >= 6)
        || (digits >= 10 && local.contains('.'))
}

/// Labels (lower-case, without the colon) that name a failed recipient.
const LABELS: &[&str] = &[
    "recipient address",
    "recipient",
    "recipients",
    "failed recipient",
    "failed recipients",
    "invalid recipient",
    "unknown recipient",
    "original-recipient",
    "final-recipient",
    "original recipient",
    "final recipient",
    "rcpt to",
    "address",
    "e-mail address",
    "email address",
    "addressee",
    "unknown user",
    "user unknown",
    "bad address",
    "undeliverable address",
    "delivered to",
    "could not be delivered to",
    "to",
];

/// Words in a line that make an address on it a failed recipient.
const FAILURE_WORDS: &[&str] = &[
    "deliver",
    "fail",
    "reject",
    "error",
    "unknown",
    "bounce",
    "unable",
    "couldn't",
    "could not",
    "undeliver",
    "not reach",
    "does not exist",
    "invalid",
    "refused",
    "full",
    "quota",
    "denied",
    "unavailable",
    "timed out",
    "expired",
    "problem",
];

pub(crate) fn parse(f: &Facts) -> Vec<Failure> {
    let report = report_part(&f.report_text);
    let (people, ids) = excluded(f);
    let daemon = f
        .from
        .as_ref()
        .map(|m| m.address.clone())
        .unwrap_or_default();
    let mut addresses: Vec<String> = Vec::new();
    let push = |a: String, list: &mut Vec<String>| {
        if a != daemon && !ids.contains(&a) && !list.contains(&a) && !a.starts_with('@') {
            list.push(a);
        }
    };
    // 1. Delivery-status fields quoted in the text.
    let dsn = super::parse_delivery_status_report(report);
    let permanent_from_dsn = dsn.failures.iter().any(|x| x.permanent);
    if !dsn.failures.is_empty() {
        return dsn.failures;
    }
    let _ = permanent_from_dsn;
    // 2. X-Failed-Recipients.
    if let Some(v) = f.header("x-failed-recipients") {
        for a in text::addresses_in(v) {
            push(a, &mut addresses);
        }
    }
    // 3. Where reports put the failed addresses.
    if addresses.is_empty() {
        let mut sender_side = people.clone();
        sender_side.extend(f.recipients.iter().cloned());
        for a in strong_addresses(report, &sender_side) {
            if !is_machine_address_strict(&a) {
                push(a, &mut addresses);
            }
        }
    }
    // 4. Every address of the report but the sender side's.
    if addresses.is_empty() {
        for a in text::addresses_in(report) {
            if people.contains(&a)
                || f.recipients.contains(&a)
                || is_machine_address(&a)
                || looks_like_id(&a)
            {
                continue;
            }
            push(a, &mut addresses);
        }
    }
    let permanent = permanence(report).unwrap_or(true);
    addresses
        .into_iter()
        .map(|address| Failure {
            address,
            status: None,
            permanent,
        })
        .collect()
}

/// Only the report machinery itself, for the trusted contexts.
fn is_machine_address_strict(a: &str) -> bool {
    let local = a.split('@').next().unwrap_or("");
    matches!(local, "mailer-daemon" | "mailerdaemon" | "mailer_daemon")
}

/// The original recipients of the returned message: the fallback when a report names no
/// address (Postfix's "Delivery report unavailable", bare "returned mail").
pub(crate) fn returned_recipients(f: &Facts) -> Vec<Failure> {
    let report = report_part(&f.report_text);
    let permanent = permanence(report).unwrap_or(true);
    let mut out: Vec<Failure> = Vec::new();
    let inline = inline_returned(&f.report_text);
    let headers: &[crate::message::Header] = match f.returned.first() {
        Some(r) => &r.headers,
        None => &inline,
    };
    {
        for h in headers {
            if h.name == "to" || h.name == "cc" {
                for a in text::addresses_in(&h.value) {
                    if !out.iter().any(|x| x.address == a) && !is_machine_address(&a) {
                        out.push(Failure {
                            address: a,
                            status: None,
                            permanent,
                        });
                    }
                }
            }
        }
    }
    out
}

/// Addresses in the places reports put failed recipients.
fn strong_addresses(report: &str, sender_side: &[String]) -> Vec<String> {
    let lines: Vec<&str> = report.lines().collect();
    let mut out: Vec<String> = Vec::new();
    let add = |a: String, out: &mut Vec<String>| {
        if !out.contains(&a) {
            out.push(a);
        }
    };
    let mut prev_nonblank = "";
    for raw in &lines {
        let line = raw
            .trim()
            .trim_start_matches(['*', '-', '•', '|', '>', ' ', '\t'])
            .trim();
        if line.is_empty() {
            continue;
        }
        let lower = line.to_lowercase();
        let found = text::addresses_in(line);
        if !found.is_empty() {
            // a. "Label: address"
            if let Some(colon) = line.find(':') {
                let label = line[..colon].to_lowercase();
                let label = label.trim().trim_start_matches(">>>").trim();
                if LABELS.contains(&label) && label != "to" {
                    for a in text::addresses_in(&line[colon + 1..]) {
                        add(a, &mut out);
                    }
                    prev_nonblank = line;
                    continue;
                }
            }
            // b. The line starts with the address.
            let starts_with_address = {
                let t = line.trim_start_matches(['<', '"', '\'', '(']);
                let first = &found[0];
                t.to_lowercase().starts_with(first.as_str())
            };
            if starts_with_address {
                let after = {
                    let t = line.trim_start_matches(['<', '"', '\'', '(']);
                    t.get(found[0].len()..)
                        .unwrap_or("")
                        .trim_start_matches(['>', '"', '\'', ')'])
                        .trim()
                };
                let prev = prev_nonblank.trim_end();
                let listed = prev.ends_with(':')
                    || prev.ends_with("--")
                    || prev.ends_with("-----")
                    || prev.to_lowercase().contains("recipient")
                    || prev.to_lowercase().contains("following");
                if !after.is_empty() || listed {
                    let not_a_header = !after.to_lowercase().starts_with("wrote");
                    if not_a_header {
                        add(found[0].clone(), &mut out);
                    }
                }
                prev_nonblank = line;
                continue;
            }
            // c. A failure sentence naming the address after "to".
            if FAILURE_WORDS.iter().any(|w| lower.contains(w)) {
                for a in &found {
                    if let Some(pos) = lower.find(a.as_str()) {
                        let before = lower[..pos]
                            .trim_end()
                            .trim_end_matches(['<', '"', ':', ' ']);
                        let last_words: Vec<&str> =
                            before.split_whitespace().rev().take(2).collect();
                        let says_to = last_words.first().is_some_and(|w| {
                            matches!(
                                *w,
                                "to" | "to:"
                                    | "recipient"
                                    | "recipient:"
                                    | "address"
                                    | "user"
                                    | "mailbox"
                                    | "for"
                                    | "an"
                                    | "à"
                                    | "a"
                            )
                        });
                        let says_from = last_words
                            .iter()
                            .any(|w| matches!(*w, "from" | "by" | "sender" | "id"));
                        if says_to && !says_from && !lower.starts_with("received") {
                            add(a.clone(), &mut out);
                        }
                    }
                }
            }
            // d. SMTP error lines: "550 5.1.1 <a@b>... User unknown", "<<< 550 …".
            let code_line = lower.trim_start_matches("<<<").trim_start();
            if code_line.len() > 4
                && code_line.as_bytes()[0].is_ascii_digit()
                && matches!(code_line.as_bytes()[0], b'4' | b'5')
                && code_line.as_bytes()[1].is_ascii_digit()
                && code_line.as_bytes()[2].is_ascii_digit()
                && matches!(code_line.as_bytes()[3], b' ' | b'-')
            {
                // These lines also name the sender ("You cannot send to yourself (a@b)",
                // "F=[a@b] T=[c@d]"): the sender side is never the failed recipient here.
                for a in &found {
                    if !sender_side.contains(a) {
                        add(a.clone(), &mut out);
                    }
                }
            }
        }
        prev_nonblank = line;
    }
    out
}
