//! Amazon SES bounce notifications, delivered by SNS as mail: JSON rather than a report, read
//! before the plain-text readers; when the JSON does not parse (wrapped or cut), by scanning.

use crate::message::Facts;
use crate::text;
use crate::Intent;

/// Amazon SES bounce notifications delivered by SNS as mail: a JSON body with
/// `"notificationType":"Bounce"`.
pub(super) fn amazon_ses(f: &Facts) -> Option<Intent> {
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
