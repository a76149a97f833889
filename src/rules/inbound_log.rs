//! The inbound log: what became of each message, kept under a key that knows a copy when it
//! comes back; also of one that is unreadable or could not be handled.

use anyhow::{Context as _, Result};
use sqlx::AnyConnection;
use understand::Reading;

use super::{Act, Handled, Read, World, KEEP_RAW_MAX};
use crate::domain::InboundKind;
use crate::store::InboundRecord;

impl World {
    pub(super) async fn record_unreadable(
        &self,
        tx: &mut AnyConnection,
        raw: &[u8],
        reason: &str,
        now: i64,
    ) -> Result<Handled> {
        let key = format!("sha256:{}", sha256_hex(raw));
        // A batch's records so far are in the inbound log this looks at.
        super::batch::flush(&self.store, tx).await?;
        if self.store.inbound_seen(tx, &key).await? {
            return Ok(Handled::Unreadable {
                reason: reason.to_string(),
            });
        }
        let outcome = format!("unreadable ({reason}): moved aside");
        self.store
            .record_inbound(
                tx,
                &InboundRecord {
                    dedup_key: &key,
                    message_id: None,
                    from_address: None,
                    community_id: None,
                    person_id: None,
                    received_at: now,
                    kind: InboundKind::Unreadable,
                    outcome: &outcome,
                    raw: Some(&raw[..raw.len().min(KEEP_RAW_MAX)]),
                },
            )
            .await?;
        Ok(Handled::Unreadable {
            reason: reason.to_string(),
        })
    }

    /// A message that failed to be handled `attempts` times: recorded with the reason (so
    /// `roundtable log` shows it and a copy coming back is only acknowledged), the coordinators
    /// of its community told once, and [`Handled::Unreadable`] returned so the mailbox moves
    /// it aside. Nothing of what the message says is applied.
    pub async fn give_up(
        &self,
        raw: &[u8],
        error: &str,
        attempts: i64,
        now: i64,
    ) -> Result<Handled> {
        let read = self.read(raw, now);
        let (key, kind, from, subject, community) = match &read {
            Read::Mail(m) => (
                m.dedup_key.clone(),
                InboundKind::of(&m.reading.intent),
                m.reading.from.as_ref().map(|f| f.address.to_string()),
                m.reading.subject.clone(),
                m.community
                    .and_then(|id| self.communities.iter().find(|c| c.id == id)),
            ),
            Read::Unreadable { .. } => (
                format!("sha256:{}", sha256_hex(raw)),
                InboundKind::Unreadable,
                None,
                String::new(),
                None,
            ),
        };
        let outcome = format!(
            "{}{attempts} attempts ({error}): moved aside",
            crate::store::SET_ASIDE
        );
        let mut tx = self.store.begin().await?;
        if self.store.inbound_seen(&mut tx, &key).await? {
            return Ok(Handled::Duplicate);
        }
        self.store
            .record_inbound(
                &mut tx,
                &InboundRecord {
                    dedup_key: &key,
                    message_id: None,
                    from_address: from.as_deref(),
                    community_id: community.map(|c| c.id),
                    person_id: None,
                    received_at: now,
                    kind,
                    outcome: &outcome,
                    raw: Some(&raw[..raw.len().min(KEEP_RAW_MAX)]),
                },
            )
            .await?;
        if let Some(c) = community {
            let mut act = Act {
                world: self,
                conn: &mut tx,
                now,
                queued: 0,
            };
            let what = crate::texts::Msg::new("notice-quarantined")
                .arg("from", from.as_deref().unwrap_or("?"))
                .arg("subject", if subject.is_empty() { "-" } else { &subject })
                .arg("error", error)
                .arg("count", attempts);
            act.notify_coordinators(
                c,
                &crate::texts::Msg::new("subject-notice-quarantined"),
                &what,
            )
            .await?;
        }
        tx.commit()
            .await
            .context("recording a message that could not be handled")?;
        Ok(Handled::Unreadable { reason: outcome })
    }
}

/// Message-ID and sender when there is a Message-ID (a resent copy with new Received lines is
/// still the same message); else the bytes.
pub(super) fn dedup_key(reading: &Reading, raw: &[u8]) -> String {
    match (&reading.message_id, &reading.from) {
        (Some(mid), Some(from)) => format!("mid:{}:{}", from.address, mid),
        (Some(mid), None) => format!("mid::{mid}"),
        _ => format!("sha256:{}", sha256_hex(raw)),
    }
}

pub(crate) fn sha256_hex(b: &[u8]) -> String {
    use sha2::Digest;
    data_encoding::HEXLOWER.encode(&sha2::Sha256::digest(b))
}
