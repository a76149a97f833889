//! Bounces: RFC 3464 delivery status notifications, the plain-text reports of common MTAs and
//! providers, and anything sent to our VERP return path (`list+bounce-TOKEN@domain`).
//!
//! `detect` decides whether a message is a bounce and tries the readers in turn: `dsn` (RFC 3464
//! delivery-status parts), `amazon_ses` (SES's JSON notifications) and `plain` (the plain-text
//! reports of the MTAs).

mod amazon_ses;
mod dsn;
pub(crate) mod plain;

use crate::message::Facts;
use crate::text;
use crate::Intent;
use amazon_ses::amazon_ses;
pub use dsn::{parse_delivery_status, parse_delivery_status_report, DeliveryReport};

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
    let report_says = f.report_type.as_deref() == Some("delivery-status");
    let daemon = is_daemon_sender(f);
    // A person forwarding or answering a failure report ("Fwd: Undelivered Mail…") wrote a
    // message of their own; it is no bounce.
    let (_, reply, forward) = text::strip_subject_prefixes(&f.subject);
    if !daemon && !report_says && (reply || forward) {
        return false;
    }
    if report_says || f.header("x-failed-recipients").is_some() {
        return true;
    }
    let subject = f.subject.to_lowercase();
    let subject_says = BOUNCE_SUBJECTS.iter().any(|p| subject.contains(p));
    // The body's two readings (each a pass over the report) only when they can decide: most
    // replies are asked this, and most are no bounce.
    let body_says = || plain::has_bounce_phrase(&f.report_text);
    let returned = || !f.returned.is_empty() || !plain::inline_returned(&f.report_text).is_empty();
    if daemon {
        subject_says || body_says() || returned()
    } else {
        body_says() && (subject_says || returned())
    }
}

fn strong_bounce_signal(f: &Facts) -> bool {
    let subject = f.subject.to_lowercase();
    f.report_type.as_deref() == Some("delivery-status")
        || (is_daemon_sender(f) && BOUNCE_SUBJECTS.iter().any(|p| subject.contains(p)))
        || f.header("x-failed-recipients").is_some()
        || (is_daemon_sender(f) && plain::has_bounce_phrase(&f.report_text))
}
