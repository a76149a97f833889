//! Bounces: RFC 3464 delivery status notifications, the plain-text reports of common MTAs and
//! providers, and anything sent to our VERP return path (`list+bounce-TOKEN@domain`).

use crate::message::Facts;
use crate::text;
use crate::Intent;

/// One failed recipient as a report states it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub address: String,
    /// The DSN status ("5.1.1"), when known.
    pub status: Option<String>,
    pub permanent: bool,
}

pub(crate) fn detect(f: &Facts) -> Option<Intent> {
    let verp = f
        .recipients
        .iter()
        .any(|r| r.split('@').next().is_some_and(|l| l.contains("+bounce-")));
    let mut dsn_success_only = false;
    // What the delivery-status part says about permanence even when it names no address.
    let mut dsn_permanent = None;
    if !f.delivery_status.is_empty() {
        let report = parse_delivery_status_report(&f.delivery_status.join("\n\n"));
        if !report.failures.is_empty() {
            return Some(to_intent(report.failures));
        }
        dsn_success_only = report.succeeded && !report.failed_without_address;
        dsn_permanent = report.permanent_without_address;
    }
    if dsn_success_only {
        // Delivered / relayed / expanded: a success report, not a bounce (even when it
        // comes back to the VERP address).
        return None;
    }
    if let Some(ses) = amazon_ses(f) {
        return Some(ses);
    }
    let by_content = !f.delivery_status.is_empty() || looks_like_bounce(f);
    if !by_content {
        if !verp {
            return None;
        }
        // Out-of-office replies go to the return path too (RFC 3834 §4): automatic mail to
        // the VERP address that reads as no failure report is an auto-reply, not a bounce.
        if crate::guard::automatic(f).is_some() {
            return None;
        }
    }
    let mut failures = plain::parse(f);
    if failures.is_empty() && !f.returned_delivery_status.is_empty() {
        // A report forwarded inside another one.
        failures = parse_delivery_status(&f.returned_delivery_status.join("\n\n"));
    }
    if failures.is_empty() {
        failures = plain::returned_recipients(f);
    }
    if failures.is_empty() && !verp && !strong_bounce_signal(f) {
        return None;
    }
    if let Some(p) = dsn_permanent {
        for x in &mut failures {
            x.permanent = p;
        }
    }
    Some(to_intent(failures))
}

/// Amazon SES bounce notifications delivered by SNS as mail: a JSON body with
/// `"notificationType":"Bounce"`.
fn amazon_ses(f: &Facts) -> Option<Intent> {
    let body = f.report_text.trim_start();
    if !body.starts_with('{') || !body.contains("notificationType") {
        return None;
    }
    let end = body.rfind('}')?;
    let parsed: Option<serde_json::Value> =
        serde_json::from_str(&body[..=end])
            .ok()
            .and_then(
                |v: serde_json::Value| match v.get("Message").and_then(|m| m.as_str()) {
                    Some(inner) => serde_json::from_str(inner).ok(),
                    None => Some(v),
                },
            );
    let Some(v) = parsed else {
        // Wrapped or cut JSON: read the few fields by scanning.
        let flat = body.replace('\\', "");
        if json_values(&flat, "notificationType")
            .first()
            .map(String::as_str)
            != Some("Bounce")
        {
            return None;
        }
        let permanent =
            json_values(&flat, "bounceType").first().map(String::as_str) != Some("Transient");
        let mut recipients: Vec<String> = Vec::new();
        let section = flat
            .find("bouncedRecipients")
            .map(|p| &flat[p..])
            .unwrap_or("");
        let section = &section[..section.find(']').unwrap_or(section.len())];
        for a in json_values(section, "emailAddress") {
            for a in text::addresses_in(&a) {
                if !recipients.contains(&a) {
                    recipients.push(a);
                }
            }
        }
        return Some(Intent::Bounce {
            recipients,
            permanent,
        });
    };
    if v.get("notificationType").and_then(|t| t.as_str()) != Some("Bounce") {
        return None;
    }
    let bounce = v.get("bounce")?;
    let permanent = bounce.get("bounceType").and_then(|t| t.as_str()) != Some("Transient");
    let recipients = bounce
        .get("bouncedRecipients")
        .and_then(|r| r.as_array())
        .map(|list| {
            list.iter()
                .filter_map(|r| r.get("emailAddress").and_then(|a| a.as_str()))
                .flat_map(text::addresses_in)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    Some(Intent::Bounce {
        recipients,
        permanent,
    })
}

fn to_intent(failures: Vec<Failure>) -> Intent {
    let permanent = if failures.is_empty() {
        true
    } else {
        failures.iter().any(|x| x.permanent)
    };
    let mut recipients: Vec<String> = Vec::new();
    for x in failures {
        if !recipients.contains(&x.address) {
            recipients.push(x.address);
        }
    }
    Intent::Bounce {
        recipients,
        permanent,
    }
}

/// The string values of `"key":"value"` pairs found by scanning (for JSON that does not parse).
fn json_values(t: &str, key: &str) -> Vec<String> {
    let needle = format!("\"{key}\"");
    let mut out = Vec::new();
    let mut rest = t;
    while let Some(p) = rest.find(&needle) {
        rest = &rest[p + needle.len()..];
        let after = rest.trim_start();
        let Some(after) = after.strip_prefix(':') else {
            continue;
        };
        let after = after.trim_start();
        let Some(after) = after.strip_prefix('"') else {
            continue;
        };
        if let Some(end) = after.find('"') {
            out.push(after[..end].to_string());
        }
    }
    out
}

/// What a message/delivery-status says.
#[derive(Clone, Debug, Default)]
pub struct DeliveryReport {
    /// Recipients whose delivery failed or was delayed.
    pub failures: Vec<Failure>,
    /// Some recipient was delivered, relayed or expanded.
    pub succeeded: bool,
    /// Some recipient failed but its address is not one (a file, a program).
    pub failed_without_address: bool,
    /// The permanence the report gives that recipient.
    pub permanent_without_address: Option<bool>,
}

/// Parses message/delivery-status content: per-recipient groups with Final-Recipient,
/// Original-Recipient, Action and Status. Returns the recipients whose delivery failed or
/// was delayed.
pub fn parse_delivery_status(content: &str) -> Vec<Failure> {
    parse_delivery_status_report(content).failures
}

/// The whole reading of a message/delivery-status (see [`DeliveryReport`]).
pub fn parse_delivery_status_report(content: &str) -> DeliveryReport {
    let mut report = DeliveryReport::default();
    let content = content.replace("\r\n", "\n");
    // Groups are separated by blank lines; the first is per-message.
    let mut groups: Vec<Vec<crate::message::Header>> = Vec::new();
    let mut current = String::new();
    for line in content.split('\n') {
        if line.trim().is_empty() {
            if !current.trim().is_empty() {
                groups.push(text::parse_header_block(&current));
            }
            current.clear();
        } else {
            current.push_str(line);
            current.push('\n');
        }
    }
    if !current.trim().is_empty() {
        groups.push(text::parse_header_block(&current));
    }
    for g in groups {
        // A group may hold several recipients when a generator forgot the blank lines:
        // split it at each recipient field that repeats.
        for g in split_recipient_groups(&g) {
            read_group(&g, &mut report);
        }
    }
    report
}

fn split_recipient_groups(g: &[crate::message::Header]) -> Vec<Vec<crate::message::Header>> {
    let mut out: Vec<Vec<crate::message::Header>> = Vec::new();
    let mut cur: Vec<crate::message::Header> = Vec::new();
    for h in g {
        if cur.iter().any(|x| x.name == h.name)
            && matches!(
                h.name.as_str(),
                "final-recipient" | "original-recipient" | "action"
            )
        {
            out.push(std::mem::take(&mut cur));
        }
        cur.push(h.clone());
    }
    out.push(cur);
    out
}

fn read_group(g: &[crate::message::Header], report: &mut DeliveryReport) {
    let get = |n: &str| g.iter().find(|h| h.name == n).map(|h| h.value.clone());
    let final_r = get("final-recipient");
    let orig_r = get("original-recipient");
    let x_actual = get("x-actual-recipient");
    if final_r.is_none() && orig_r.is_none() && x_actual.is_none() {
        return;
    }
    let action = get("action").unwrap_or_default().to_ascii_lowercase();
    let status = get("status").map(|s| s.trim().to_string());
    let diagnostic = get("diagnostic-code").unwrap_or_default();
    let status_code = status
        .as_deref()
        .map(|s| {
            s.chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect::<String>()
        })
        .filter(|c| c.starts_with(['2', '4', '5']));
    let action_word = action.split_whitespace().next().unwrap_or("").to_string();
    let failed = match action_word.as_str() {
        "failed" | "failure" | "delayed" | "expired" | "undeliverable" | "bounced" => true,
        "delivered" | "relayed" | "expanded" | "deliverable" => false,
        _ => status_code
            .as_deref()
            .is_some_and(|s| s.starts_with('5') || s.starts_with('4')),
    };
    if !failed {
        report.succeeded = true;
        return;
    }
    let diagnostic_says = plain::permanence(&diagnostic);
    let permanent = match status_code.as_deref().and_then(|s| s.chars().next()) {
        Some('5') => true,
        // The MTA gave up while the remote server had answered with a permanent error.
        Some('4') => action_word == "failed" && diagnostic_says == Some(true),
        _ => match action_word.as_str() {
            // The MTA gave up after retrying: a final failure.
            "expired" => true,
            "delayed" => false,
            _ => diagnostic_says.unwrap_or(true),
        },
    };
    let address = [final_r.as_deref(), orig_r.as_deref(), x_actual.as_deref()]
        .into_iter()
        .flatten()
        .find_map(recipient_value);
    let Some(address) = address else {
        report.failed_without_address = true;
        report.permanent_without_address.get_or_insert(permanent);
        return;
    };
    if !report.failures.iter().any(|x| x.address == address) {
        report.failures.push(Failure {
            address,
            status: status_code.filter(|c| c.starts_with(['4', '5'])),
            permanent,
        });
    }
}

/// "rfc822; user@example.org" → "user@example.org".
fn recipient_value(v: &str) -> Option<String> {
    let v = v.trim();
    let v = match v.split_once(';') {
        Some((_, rest)) => rest,
        None => v,
    };
    let v = v.trim();
    // "|program@host" or "/path/to/file" recipients are not addresses.
    if v.starts_with('|') || v.starts_with('/') || v.starts_with('"') && v.contains('|') {
        return None;
    }
    text::addresses_in(v)
        .into_iter()
        .find(|a| !a.starts_with('@') && a.split('@').next().is_some_and(|l| !l.is_empty()))
}

/// Senders that only send reports.
fn is_daemon_sender(f: &Facts) -> bool {
    let from = f
        .from
        .as_ref()
        .map(|m| format!("{} {}", m.name.as_deref().unwrap_or(""), m.address).to_lowercase())
        .unwrap_or_default();
    [
        "mailer-daemon",
        "mailer daemon",
        "maildaemon",
        "postmaster",
        "mail delivery",
        "mail.delivery",
        "mailerdaemon",
        "mmdf",
        "mail-daemon",
        "mail administrator",
        "microsoftexchange",
        "mailreturn",
        "bounce",
        "mdaemon",
        "mailer@",
        "smtp gateway",
        "nobody@",
        "root@",
        "administrator@",
        "mail_delivery",
        "post_master",
        "mail delivery subsystem",
        "delivery subsystem",
    ]
    .iter()
    .any(|p| from.contains(p))
        || f.from.is_none()
}

/// Subjects (lower-case fragments) of delivery failure reports.
const BOUNCE_SUBJECTS: &[&str] = &[
    "undeliver",
    "undelivered",
    "returned mail",
    "return mail",
    "mail delivery fail",
    "delivery fail",
    "delivery status notification",
    "delivery notification",
    "delivery report",
    "delivery problem",
    "failure notice",
    "failed delivery",
    "mail system error",
    "non remis",
    "non-remis",
    "nicht zustellbar",
    "unzustellbar",
    "no se puede entregar",
    "no entregado",
    "onbestelbaar",
    "não é possível entregar",
    "nao e possivel entregar",
    "could not send message",
    "mail could not be delivered",
    "message could not be delivered",
    "delivery has failed",
    "warning: could not send",
    "delayed mail",
    "delivery delayed",
    "returned to sender",
    "mail not delivered",
    "message not delivered",
    "nondeliverable",
    "non-deliverable",
    "non delivery",
    "non-delivery",
    "nondelivery",
    "rejected",
    "mail error",
    "error sending",
    "permanent error",
    "temporary error",
    "unable to deliver",
    "cannot be delivered",
    "notice of delivery",
    "benachrichtung zum",
    "benachrichtigung zum übermittlungsstatus",
    "zustellung fehlgeschlagen",
    "échec de la remise",
    "échec de remise",
    "notification d'état de remise",
    "message bounced",
    "bounced mail",
    "mail bounced",
    "returned message",
    "delivery failure",
    "fail notification",
    "unknown user",
    "user unknown",
    "delivery status",
    "mail failure",
    "mail failed",
    "failed mail",
    "returning to sender",
    "returning message to sender",
    "cannot send message",
    "could not send",
    "dsn",
];

fn looks_like_bounce(f: &Facts) -> bool {
    let subject = f.subject.to_lowercase();
    let subject_says = BOUNCE_SUBJECTS.iter().any(|p| subject.contains(p));
    let report_says = f.report_type.as_deref() == Some("delivery-status");
    let daemon = is_daemon_sender(f);
    let body_says = plain::has_bounce_phrase(&f.report_text);
    let returned = !f.returned.is_empty() || !plain::inline_returned(&f.report_text).is_empty();
    // A person forwarding or answering a failure report ("Fwd: Undelivered Mail…") wrote a
    // message of their own; it is no bounce.
    let (_, reply, forward) = text::strip_subject_prefixes(&f.subject);
    if !daemon && !report_says && (reply || forward) {
        return false;
    }
    report_says
        || (daemon && (subject_says || body_says || returned))
        || (subject_says && body_says)
        || (body_says && returned)
        || f.header("x-failed-recipients").is_some()
}

fn strong_bounce_signal(f: &Facts) -> bool {
    let subject = f.subject.to_lowercase();
    f.report_type.as_deref() == Some("delivery-status")
        || (is_daemon_sender(f) && BOUNCE_SUBJECTS.iter().any(|p| subject.contains(p)))
        || f.header("x-failed-recipients").is_some()
        || (is_daemon_sender(f) && plain::has_bounce_phrase(&f.report_text))
}

pub(crate) mod plain {
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

    use super::Failure;
    use crate::message::Facts;
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
        let head = head_of(report_part(t), 20_000).to_lowercase();
        PHRASES.iter().any(|p| head.contains(p))
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
            let is_header = l.split_once(':').is_some_and(|(name, _)| {
                !name.is_empty() && !name.contains(' ') && name.len() < 40
            });
            if is_header || n > 3 {
                break;
            }
            offset += line.len();
        }
        text::parse_header_block(&rest[offset.min(rest.len())..])
    }

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

    /// Whether the report says the failure is permanent: enhanced status codes first (any
    /// 5.x.x), then SMTP reply codes, then words. None when it says nothing.
    pub(crate) fn permanence(report: &str) -> Option<bool> {
        let codes = enhanced_codes(report);
        if !codes.is_empty() {
            return Some(codes.contains(&5));
        }
        let l = report.to_lowercase();
        let temporary_words = [
            "delivery delayed",
            "message delayed",
            "delayed mail",
            "has been delayed",
            "is delayed",
            "will retry",
            "will be retried",
            "will continue trying",
            "still trying",
            "temporary failure",
            "temporarily",
            "temporary error",
            "has not yet been delivered",
            "not yet been delivered",
            "warning message only",
            "timed out",
            "timeout",
            "try again later",
            "deferred",
            "failing for a long time",
        ];
        let smtp = smtp_codes(report);
        if !smtp.is_empty() {
            return Some(smtp.contains(&5));
        }
        // The mail system gave up after retrying: the failure is final, whatever caused it.
        let gave_up = [
            "retry timeout exceeded",
            "in the queue too long",
            "not going to try again",
            "envelope expired",
            "message expired",
            "delivery time expired",
            "giving up",
            "gave up",
            "given up",
        ];
        if gave_up.iter().any(|p| l.contains(p)) {
            return Some(true);
        }
        if temporary_words.iter().any(|p| l.contains(p)) {
            return Some(false);
        }
        let permanent_words = [
            "permanent",
            "user unknown",
            "no such user",
            "does not exist",
            "gave up",
            "giving up",
        ];
        if permanent_words.iter().any(|p| l.contains(p)) {
            return Some(true);
        }
        None
    }

    /// First digits of enhanced status codes (RFC 3463: class.subject.detail) in the text.
    fn enhanced_codes(t: &str) -> Vec<u8> {
        let b = t.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i + 4 < b.len() {
            let c = b[i];
            let prev_ok = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.');
            if (c == b'4' || c == b'5') && prev_ok && b[i + 1] == b'.' {
                // subject: 1-3 digits, '.', detail: 1-3 digits, not followed by ".digit".
                let mut j = i + 2;
                let s0 = j;
                while j < b.len() && b[j].is_ascii_digit() && j - s0 < 3 {
                    j += 1;
                }
                if j > s0 && j < b.len() && b[j] == b'.' {
                    j += 1;
                    let d0 = j;
                    while j < b.len() && b[j].is_ascii_digit() && j - d0 < 3 {
                        j += 1;
                    }
                    let next_is_more = j < b.len()
                        && (b[j].is_ascii_digit()
                            || (b[j] == b'.' && b.get(j + 1).is_some_and(|x| x.is_ascii_digit())));
                    if j > d0 && !next_is_more {
                        out.push(c - b'0');
                        i = j;
                        continue;
                    }
                }
            }
            i += 1;
        }
        out
    }

    /// First digits of SMTP reply codes (4xx, 5xx) at the start of a line or after "said:".
    fn smtp_codes(t: &str) -> Vec<u8> {
        let mut out = Vec::new();
        for line in t.lines() {
            let l = line.trim().trim_start_matches("<<<").trim_start();
            let candidates = std::iter::once(l).chain(
                [
                    "said:",
                    "reply:",
                    "replied:",
                    "error:",
                    "response:",
                    "reason:",
                ]
                .iter()
                .filter_map(|m| {
                    l.to_lowercase()
                        .find(m)
                        .map(|p| l[p + m.len()..].trim_start())
                }),
            );
            for c in candidates {
                let b = c.as_bytes();
                if b.len() >= 4
                    && matches!(b[0], b'4' | b'5')
                    && b[1].is_ascii_digit()
                    && b[2].is_ascii_digit()
                    && matches!(b[3], b' ' | b'-')
                {
                    out.push(b[0] - b'0');
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dsn() {
        let dsn = "Reporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; Gone@Example.com\nAction: failed\nStatus: 5.1.1\n\nFinal-Recipient: rfc822; ok@example.com\nAction: delivered\nStatus: 2.0.0\n";
        let f = parse_delivery_status(dsn);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].address, "gone@example.com");
        assert!(f[0].permanent);
        assert_eq!(f[0].status.as_deref(), Some("5.1.1"));
    }

    #[test]
    fn permanence_from_codes_and_words() {
        use super::plain::permanence;
        assert_eq!(permanence("said: 550 5.1.1 User unknown"), Some(true));
        assert_eq!(
            permanence("Unable to contact LDAP server. (#4.4.3)"),
            Some(false)
        );
        // An IP address is no status code.
        assert_eq!(permanence("host 192.0.2.1 said nothing useful"), None);
        assert_eq!(
            permanence("421 Service not available, try again later"),
            Some(false)
        );
        assert_eq!(permanence("retry timeout exceeded"), Some(true));
        assert_eq!(permanence("Delivery delayed, will retry"), Some(false));
        assert_eq!(permanence("This is a permanent error."), Some(true));
    }

    #[test]
    fn report_part_stops_at_the_returned_copy() {
        let t = "The mail system\n\n<a@b.org>: no\n\n------ This is a copy of the message, including all the headers. ------\nTo: c@d.org\n";
        assert!(!super::plain::report_part(t).contains("c@d.org"));
        let inline = super::plain::inline_returned(t);
        assert!(inline
            .iter()
            .any(|h| h.name == "to" && h.value == "c@d.org"));
    }

    #[test]
    fn program_and_file_recipients_are_no_addresses() {
        let dsn = "Final-Recipient: rfc822;/var/mail/box\nAction: failed\nStatus: 5.0.0\n";
        let r = parse_delivery_status_report(dsn);
        assert!(r.failures.is_empty());
        assert!(r.failed_without_address);
    }

    #[test]
    fn groups_without_blank_lines_are_split() {
        let dsn = "Final-Recipient: rfc822;a@b.org\nAction: failed\nStatus: 5.1.1\nFinal-Recipient: rfc822;c@d.org\nAction: failed\nStatus: 5.1.1\n";
        assert_eq!(parse_delivery_status(dsn).len(), 2);
    }

    #[test]
    fn delayed_is_temporary() {
        let dsn = "Final-Recipient: rfc822;a@b.org\nAction: delayed\nStatus: 4.4.1\n";
        assert!(!parse_delivery_status(dsn)[0].permanent);
    }
}
