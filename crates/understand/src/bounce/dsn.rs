//! RFC 3464 delivery status notifications: the message/delivery-status part, one group of
//! fields per recipient (Final-Recipient, Action, Status, Diagnostic-Code), read into failures.

use super::plain;
use super::Failure;
use crate::text;

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
    // Original-Recipient is the address we sent to; Final-Recipient may be a rewritten
    // mailbox behind an alias or forward (RFC 3464 2.3.1), which is nobody's address here.
    let address = [orig_r.as_deref(), final_r.as_deref(), x_actual.as_deref()]
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
    // Transport prefixes some MTAs leave in the value: "smtp=a@b" (Exchange), "SMTP:a@b".
    let lower = v.to_ascii_lowercase();
    let v = ["smtp=", "smtp:", "rfc822=", "rfc822:"]
        .iter()
        .find(|p| lower.starts_with(*p))
        .map_or(v, |p| v[p.len()..].trim());
    // "|program@host" or "/path/to/file" recipients are not addresses.
    if v.starts_with('|') || v.starts_with('/') || v.starts_with('"') && v.contains('|') {
        return None;
    }
    text::addresses_in(v)
        .into_iter()
        .find(|a| !a.starts_with('@') && a.split('@').next().is_some_and(|l| !l.is_empty()))
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
