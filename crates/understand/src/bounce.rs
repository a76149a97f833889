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
    if !f.delivery_status.is_empty() {
        let failures = parse_delivery_status(&f.delivery_status.join("\n\n"));
        if !failures.is_empty() {
            return Some(to_intent(failures));
        }
        if !verp {
            // Delivered / relayed / expanded: a success report, not a bounce.
            return None;
        }
    }
    let looks = verp || looks_like_bounce(f);
    if !looks {
        return None;
    }
    let failures = plain::parse(f);
    if failures.is_empty() && !verp && !strong_bounce_signal(f) {
        return None;
    }
    Some(to_intent(failures))
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

/// Parses message/delivery-status content: per-recipient groups with Final-Recipient,
/// Original-Recipient, Action and Status. Returns the recipients whose delivery failed or
/// was delayed.
pub fn parse_delivery_status(content: &str) -> Vec<Failure> {
    let mut out: Vec<Failure> = Vec::new();
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
        let get = |n: &str| g.iter().find(|h| h.name == n).map(|h| h.value.clone());
        let final_r = get("final-recipient");
        let orig_r = get("original-recipient");
        let x_actual = get("x-actual-recipient");
        let Some(rcpt_field) = final_r.clone().or(orig_r.clone()).or(x_actual) else {
            continue;
        };
        let action = get("action").unwrap_or_default().to_ascii_lowercase();
        let status = get("status").map(|s| s.trim().to_string());
        let action_word = action.split_whitespace().next().unwrap_or("").to_string();
        let failed = match action_word.as_str() {
            "failed" | "failure" => true,
            "delayed" => true,
            "delivered" | "relayed" | "expanded" | "deliverable" => false,
            _ => status
                .as_deref()
                .is_some_and(|s| s.starts_with('5') || s.starts_with('4')),
        };
        if !failed {
            continue;
        }
        let permanent = match status.as_deref().and_then(|s| s.chars().next()) {
            Some('5') => true,
            Some('4') => false,
            _ => action_word != "delayed",
        };
        let address = recipient_value(&rcpt_field)
            .or_else(|| orig_r.as_deref().and_then(recipient_value))
            .unwrap_or_default();
        if address.is_empty() {
            continue;
        }
        if !out.iter().any(|x| x.address == address) {
            out.push(Failure {
                address,
                status: status.and_then(|s| {
                    let code: String = s
                        .chars()
                        .take_while(|c| c.is_ascii_digit() || *c == '.')
                        .collect();
                    (!code.is_empty()).then_some(code)
                }),
                permanent,
            });
        }
    }
    out
}

/// "rfc822; user@example.org" → "user@example.org".
fn recipient_value(v: &str) -> Option<String> {
    let v = v.trim();
    let v = match v.split_once(';') {
        Some((_, rest)) => rest,
        None => v,
    };
    text::addresses_in(v).into_iter().next()
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
    "dsn",
];

fn looks_like_bounce(f: &Facts) -> bool {
    let subject = f.subject.to_lowercase();
    let subject_says = BOUNCE_SUBJECTS.iter().any(|p| subject.contains(p));
    let report_says = f.report_type.as_deref() == Some("delivery-status");
    let daemon = is_daemon_sender(f);
    let body_says = plain::has_bounce_phrase(&f.report_text);
    report_says
        || (daemon && (subject_says || body_says || !f.returned.is_empty()))
        || (subject_says && body_says)
        || f.header("x-failed-recipients").is_some()
}

fn strong_bounce_signal(f: &Facts) -> bool {
    f.report_type.as_deref() == Some("delivery-status")
        || f.header("x-failed-recipients").is_some()
        || (is_daemon_sender(f) && plain::has_bounce_phrase(&f.report_text))
}

pub(crate) mod plain {
    //! Plain-text bounces: find the failed addresses and the status in the human-readable
    //! report, before the returned copy of the message.

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
        "undeliverable",
        "i'm afraid i wasn't able to deliver",
        "i'm sorry to have to inform you",
        "permanent error",
        "permanent fatal error",
        "fatal error",
        "unable to deliver",
        "user unknown",
        "unknown user",
        "no such user",
        "mailbox unavailable",
        "mailbox not found",
        "address rejected",
        "recipient address rejected",
        "does not exist",
        "delivery failed",
        "delivery failure",
        "failed permanently",
        "failed recipient",
        "returned mail",
        "hi. this is the qmail-send program",
        "the following addresses had permanent fatal errors",
        "the following address(es) failed",
        "a message that you sent could not be delivered",
        "this is a permanent error",
        "this is the mail system at host",
        "delivery to the following",
        "was not delivered",
        "could not deliver",
        "has not been delivered",
        "not be delivered",
        "smtp error",
        "remote server replied",
        "diagnostic-code",
        "status: 5.",
        "status: 4.",
        "550 ",
        "554 ",
        "553 ",
        "552 ",
        "551 ",
        "452 ",
        "450 ",
        "451 ",
        "retry timeout exceeded",
        "message delayed",
        "delivery delayed",
        "will retry",
        "could not be sent",
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
        let head = head_of(t, 20_000).to_lowercase();
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

    /// The report part of the text: up to the returned copy of the original message.
    fn report_part(t: &str) -> &str {
        let l = t.to_lowercase();
        let markers = [
            "------ this is a copy of the message",
            "------ this is a copy of your message",
            "--- below this line is a copy of the message",
            "--- original message follows",
            "----- original message -----",
            "------ original message ------",
            "--- the header of the original message is following",
            "----- transcript of session follows",
            "original message headers",
            "----- the following is a copy of the message",
            "----- unsent message below -----",
            "----- message header follows -----",
            "------ original message headers -----",
            "------ failed message header -----",
            "---------- forwarded message",
            "content-type: message/rfc822",
            "\nreceived: from",
            "\nreturn-path:",
        ];
        let mut cut = t.len();
        for m in markers {
            if let Some(p) = l.find(m) {
                // The transcript of a session still belongs to the report.
                if m.contains("transcript") {
                    continue;
                }
                cut = cut.min(p);
            }
        }
        let mut end = cut.min(t.len());
        while !t.is_char_boundary(end) {
            end -= 1;
        }
        &t[..end]
    }

    pub(crate) fn parse(f: &Facts) -> Vec<Failure> {
        let report = report_part(&f.report_text);
        let mut excluded: Vec<String> = Vec::new();
        if let Some(m) = &f.from {
            excluded.push(m.address.clone());
        }
        excluded.extend(f.recipients.iter().cloned());
        for r in &f.returned {
            for h in &r.headers {
                if h.name == "from" || h.name == "sender" || h.name == "return-path" {
                    excluded.extend(text::addresses_in(&h.value));
                }
            }
        }
        let mut failures: Vec<Failure> = Vec::new();
        if let Some(v) = f.header("x-failed-recipients") {
            for a in text::addresses_in(v) {
                failures.push(Failure {
                    address: a,
                    status: None,
                    permanent: true,
                });
            }
        }
        if failures.is_empty() {
            for a in text::addresses_in(report) {
                if excluded.contains(&a) || is_machine_address(&a) {
                    continue;
                }
                failures.push(Failure {
                    address: a,
                    status: None,
                    permanent: true,
                });
            }
        }
        let temporary = is_temporary(report);
        for x in &mut failures {
            x.permanent = !temporary;
        }
        failures
    }

    fn is_machine_address(a: &str) -> bool {
        let local = a.split('@').next().unwrap_or("");
        matches!(
            local,
            "mailer-daemon" | "postmaster" | "mailerdaemon" | "mailer_daemon" | "abuse" | "noreply"
        )
    }

    fn is_temporary(report: &str) -> bool {
        let l = report.to_lowercase();
        let temp = [
            "delivery delayed",
            "message delayed",
            "delayed mail",
            "will retry",
            "will be retried",
            "still trying",
            "temporary failure",
            "temporarily",
            "has not yet been delivered",
            "not yet been delivered",
            "status: 4.",
            "warning: message",
        ];
        let perm = [
            "permanent",
            "status: 5.",
            "user unknown",
            "no such user",
            "does not exist",
            "gave up",
            "giving up",
            "retry timeout exceeded",
            "could not be delivered",
        ];
        temp.iter().any(|p| l.contains(p)) && !perm.iter().any(|p| l.contains(p))
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
    fn delayed_is_temporary() {
        let dsn = "Final-Recipient: rfc822;a@b.org\nAction: delayed\nStatus: 4.4.1\n";
        assert!(!parse_delivery_status(dsn)[0].permanent);
    }
}
