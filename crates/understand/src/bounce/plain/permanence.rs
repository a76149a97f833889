//! Whether a plain-text report's failure is permanent: enhanced status codes (RFC 3463), SMTP
//! reply codes, then the words MTAs use for retrying and giving up.

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
                // "ERROR_CODE :421", "error code: 550": the code named as such.
                "code :",
                "code:",
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
                && matches!(b[3], b' ' | b'-' | b',')
            {
                out.push(b[0] - b'0');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permanence_from_codes_and_words() {
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
        // The remote server's own code, named as such, says more than the MTA's template.
        assert_eq!(
            permanence(
                "This is a permanent error.\nx@y Error, ERROR_CODE :421, Host not reachable."
            ),
            Some(false)
        );
    }
}
