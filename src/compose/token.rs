//! Signed reply tokens: the `TOKEN` in `list+TOKEN@domain`.
//!
//! A token binds a person, a purpose (what the mail asked) and a reference (the meeting) until
//! an expiry day, signed with HMAC-SHA256 under the community secret. It is short enough for
//! a local part (≤ 64 octets with the list name) and case-insensitive (base32, lower-case),
//! because some mail systems change the case of addresses.
//!
//! Layout (20 bytes → 32 base32 characters): version(1) purpose(1) person(4) reference(4)
//! expiry-day(2) mac(8). 64 bits of MAC cannot be guessed online; the token only says what a
//! reply answers, and the daemon still checks that the sender is the token's holder.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

const VERSION: u8 = 1;
const MAC_LEN: usize = 8;
const PAYLOAD_LEN: usize = 12;
/// Days are counted from 2020-01-01 so that a u16 lasts until 2199.
const EPOCH_2020: i64 = 1_577_836_800;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Rsvp = 1,
    Topics = 2,
    Takeaways = 3,
    Followup = 4,
    Bounce = 5,
    Confirm = 6,
    Reply = 7,
    /// The personal List-Unsubscribe address.
    Leave = 8,
    /// A coordinator's reply to a held post's notice (reference: the post).
    Moderate = 9,
}

impl Purpose {
    fn from_u8(b: u8) -> Option<Purpose> {
        Some(match b {
            1 => Purpose::Rsvp,
            2 => Purpose::Topics,
            3 => Purpose::Takeaways,
            4 => Purpose::Followup,
            5 => Purpose::Bounce,
            6 => Purpose::Confirm,
            7 => Purpose::Reply,
            8 => Purpose::Leave,
            9 => Purpose::Moderate,
            _ => return None,
        })
    }

    /// What a reply with this token answers, for the understanding step.
    pub fn asked(self) -> Option<understand::Asked> {
        match self {
            Purpose::Rsvp => Some(understand::Asked::Rsvp),
            Purpose::Topics => Some(understand::Asked::Topics),
            Purpose::Takeaways => Some(understand::Asked::Takeaways),
            Purpose::Followup => Some(understand::Asked::Followup),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Claims {
    pub purpose: Purpose,
    pub person_id: i64,
    pub reference: i64,
    /// Unix seconds after which the token is refused.
    pub expires_at: i64,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TokenError {
    #[error("the token is malformed")]
    Malformed,
    #[error("the token's signature does not match")]
    BadSignature,
    #[error("the token expired")]
    Expired,
}

/// Signs and checks tokens with one key.
#[derive(Clone)]
pub struct Signer {
    key: Vec<u8>,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Signer(***)")
    }
}

impl Signer {
    pub fn new(secret: &[u8]) -> Self {
        Signer {
            key: secret.to_vec(),
        }
    }

    fn mac(&self, payload: &[u8]) -> [u8; MAC_LEN] {
        let mut m = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.key)
            .expect("HMAC takes any key length");
        m.update(b"roundtable reply token v1\0");
        m.update(payload);
        let full = m.finalize().into_bytes();
        let mut out = [0u8; MAC_LEN];
        out.copy_from_slice(&full[..MAC_LEN]);
        out
    }

    pub fn sign(&self, c: &Claims) -> String {
        let day = ((c.expires_at - EPOCH_2020).max(0) / 86400).min(u16::MAX as i64) as u16;
        let mut b = Vec::with_capacity(PAYLOAD_LEN + MAC_LEN);
        b.push(VERSION);
        b.push(c.purpose as u8);
        b.extend_from_slice(&(c.person_id as u32).to_be_bytes());
        b.extend_from_slice(&(c.reference as u32).to_be_bytes());
        b.extend_from_slice(&day.to_be_bytes());
        let mac = self.mac(&b);
        b.extend_from_slice(&mac);
        data_encoding::BASE32_DNSSEC.encode(&b)
    }

    pub fn verify(&self, token: &str, now: i64) -> Result<Claims, TokenError> {
        let b = data_encoding::BASE32_DNSSEC
            .decode(token.to_ascii_lowercase().as_bytes())
            .map_err(|_| TokenError::Malformed)?;
        if b.len() != PAYLOAD_LEN + MAC_LEN || b[0] != VERSION {
            return Err(TokenError::Malformed);
        }
        let (payload, mac) = b.split_at(PAYLOAD_LEN);
        let mut m = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.key)
            .expect("HMAC takes any key length");
        m.update(b"roundtable reply token v1\0");
        m.update(payload);
        m.verify_truncated_left(mac)
            .map_err(|_| TokenError::BadSignature)?;
        let purpose = Purpose::from_u8(payload[1]).ok_or(TokenError::Malformed)?;
        let person_id = u32::from_be_bytes(payload[2..6].try_into().unwrap()) as i64;
        let reference = u32::from_be_bytes(payload[6..10].try_into().unwrap()) as i64;
        let day = u16::from_be_bytes(payload[10..12].try_into().unwrap()) as i64;
        let expires_at = EPOCH_2020 + (day + 1) * 86400;
        if now > expires_at {
            return Err(TokenError::Expired);
        }
        Ok(Claims {
            purpose,
            person_id,
            reference,
            expires_at,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_790_000_000;

    fn claims() -> Claims {
        Claims {
            purpose: Purpose::Rsvp,
            person_id: 42,
            reference: 7,
            expires_at: NOW + 90 * 86400,
        }
    }

    #[test]
    fn round_trip_and_case_insensitive() {
        let s = Signer::new(b"k1-0123456789abcdef");
        let t = s.sign(&claims());
        assert_eq!(t.len(), 32);
        assert!(t
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
        let c = s.verify(&t, NOW).unwrap();
        assert_eq!(
            (c.purpose, c.person_id, c.reference),
            (Purpose::Rsvp, 42, 7)
        );
        assert_eq!(s.verify(&t.to_uppercase(), NOW).unwrap().person_id, 42);
    }

    #[test]
    fn forged_tampered_and_expired_tokens_are_refused() {
        let s = Signer::new(b"k1-0123456789abcdef");
        let t = s.sign(&claims());
        assert_eq!(
            Signer::new(b"another-key-xxxxxxxx").verify(&t, NOW),
            Err(TokenError::BadSignature)
        );
        // Flip one character: either the payload or the MAC changes.
        let mut chars: Vec<char> = t.chars().collect();
        chars[5] = if chars[5] == 'a' { 'b' } else { 'a' };
        let tampered: String = chars.into_iter().collect();
        assert!(s.verify(&tampered, NOW).is_err());
        assert_eq!(s.verify("hello", NOW), Err(TokenError::Malformed));
        assert_eq!(s.verify(&t, NOW + 200 * 86400), Err(TokenError::Expired));
    }
}
