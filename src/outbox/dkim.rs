//! DKIM signing of what we send (issue 15): a community with `dkim_key` (a PEM file, RSA in
//! PKCS#1 or PKCS#8, or Ed25519 in PKCS#8), `dkim_selector` and `dkim_domain` (default: its
//! address's domain) has every outgoing mail signed when it is sent, after the copy is put
//! together, so the signature covers exactly the bytes that leave. The crypto is mail-auth's
//! (relaxed/relaxed, rsa-sha256 or ed25519-sha256), never ours.
//!
//! A mail is matched to its community by its envelope sender (the community's address with a
//! VERP tag). A key that can't be read or parsed stops the daemon at start, with the key named.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

use anyhow::{anyhow, Context as _, Result};
use mail_auth::common::crypto::{Ed25519Key, RsaKey, Sha256};
use mail_auth::common::headers::HeaderWriter;
use mail_auth::dkim::{Canonicalization, DkimSigner, Done};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::PrivateKeyDer;

use crate::config::Config;

/// The headers we sign, when present (those a list mail is judged and threaded by).
const SIGNED: &[&str] = &[
    "From",
    "Reply-To",
    "Sender",
    "To",
    "Cc",
    "Subject",
    "Date",
    "Message-ID",
    "In-Reply-To",
    "References",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
    "List-Id",
    "List-Post",
    "List-Help",
    "List-Unsubscribe",
    "List-Unsubscribe-Post",
    "Auto-Submitted",
];

enum Signer {
    Rsa(DkimSigner<RsaKey<Sha256>, Done>),
    Ed25519(DkimSigner<Ed25519Key, Done>),
}

/// One signer per community that has a key, by its address (lower case, no tag).
#[derive(Default)]
pub struct Signers {
    by_list: HashMap<String, Signer>,
}

impl Signers {
    /// The signers of every community with a `dkim_key`; an unreadable or unusable key is an
    /// error naming the community and the file.
    pub fn from_config(config: &Config) -> Result<Signers> {
        let mut by_list = HashMap::new();
        for c in &config.communities {
            let Some(d) = &c.dkim else { continue };
            let signer = signer(&d.key, &d.domain, &d.selector).with_context(|| {
                format!(
                    "community {}: dkim_key {} can't be used",
                    c.slug,
                    d.key.display()
                )
            })?;
            by_list.insert(c.address.as_str().to_ascii_lowercase(), signer);
        }
        Ok(Signers { by_list })
    }

    pub fn is_empty(&self) -> bool {
        self.by_list.is_empty()
    }

    /// Whether mail from `envelope_from` is signed (its copy is then put together whole,
    /// since the signature covers its whole body).
    pub fn signs(&self, envelope_from: &str) -> bool {
        !self.by_list.is_empty() && self.by_list.contains_key(&untagged(envelope_from))
    }

    /// `message` with a DKIM-Signature on top when its envelope sender is a community that
    /// signs; as it is otherwise. A signature that fails is logged and the mail goes unsigned
    /// (as it would without a key): it is never held back for it.
    pub fn sign<'a>(&self, envelope_from: &str, message: Cow<'a, [u8]>) -> Cow<'a, [u8]> {
        let Some(s) = self.by_list.get(&untagged(envelope_from)) else {
            return message;
        };
        let signed = match s {
            Signer::Rsa(k) => k.sign(&message),
            Signer::Ed25519(k) => k.sign(&message),
        };
        match signed {
            Ok(sig) => {
                let header = sig.to_header();
                let mut out = Vec::with_capacity(header.len() + message.len());
                out.extend_from_slice(header.as_bytes());
                out.extend_from_slice(&message);
                Cow::Owned(out)
            }
            Err(e) => {
                tracing::warn!(
                    sender = envelope_from,
                    "DKIM signing failed, sent unsigned: {e}"
                );
                message
            }
        }
    }
}

/// `list+tag@domain` → `list@domain`, lower case.
fn untagged(address: &str) -> String {
    let a = address.to_ascii_lowercase();
    match a.split_once('@') {
        Some((local, domain)) => {
            let local = local.split_once('+').map_or(local, |(l, _)| l);
            format!("{local}@{domain}")
        }
        None => a,
    }
}

/// A signer from a PEM file: RSA (PKCS#1 or PKCS#8) or Ed25519 (PKCS#8).
fn signer(path: &Path, domain: &str, selector: &str) -> Result<Signer> {
    let pem = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let key = PrivateKeyDer::from_pem_slice(&pem)
        .map_err(|e| anyhow!("no private key in PEM form ({e})"))?;
    let rsa = match &key {
        PrivateKeyDer::Pkcs1(_) | PrivateKeyDer::Pkcs8(_) => {
            RsaKey::<Sha256>::from_key_der(key.clone_key())
        }
        _ => return Err(anyhow!("not an RSA or Ed25519 key (use PKCS#1 or PKCS#8)")),
    };
    match (rsa, &key) {
        (Ok(k), _) => Ok(Signer::Rsa(
            DkimSigner::from_key(k)
                .domain(domain)
                .selector(selector)
                .headers(SIGNED.iter().copied())
                .header_canonicalization(Canonicalization::Relaxed)
                .body_canonicalization(Canonicalization::Relaxed),
        )),
        (Err(rsa_error), PrivateKeyDer::Pkcs8(der)) => {
            let k = Ed25519Key::from_pkcs8_maybe_unchecked_der(der.secret_pkcs8_der())
                .map_err(|e| anyhow!("neither RSA ({rsa_error}) nor Ed25519 ({e})"))?;
            Ok(Signer::Ed25519(
                DkimSigner::from_key(k)
                    .domain(domain)
                    .selector(selector)
                    .headers(SIGNED.iter().copied())
                    .header_canonicalization(Canonicalization::Relaxed)
                    .body_canonicalization(Canonicalization::Relaxed),
            ))
        }
        (Err(e), _) => Err(anyhow!("not a usable RSA key: {e}")),
    }
}

/// Checks a community's key at load time (`check-config` and start): the problem, if any.
pub fn check_key(path: &Path, domain: &str, selector: &str) -> Option<String> {
    signer(path, domain, selector)
        .err()
        .map(|e| format!("{e:#}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_dropped_to_find_the_community() {
        assert_eq!(
            untagged("Circle+bounce-abc@Example.org"),
            "circle@example.org"
        );
        assert_eq!(untagged("circle@example.org"), "circle@example.org");
    }
}
