//! Whose words a reply is (issue 17). A reply carrying a valid reply token is its holder's:
//! the token went only to them. Without one, the From header is all we have, and anyone can
//! write it, so a reply is taken as the sender's only when our own receiving server vouches
//! for it (DMARC or aligned DKIM in its Authentication-Results, see [`super::auth_results`]), or —
//! when it gave no verdict at all — when the reply names in In-Reply-To a message we sent to
//! that very person. A reply our server marked as failing is applied as nobody's.

use anyhow::Result;
use understand::Reading;

use super::auth_results::{self as auth, Verdict};
use super::Act;
use crate::compose::token::Claims;
use crate::store::Person;

/// Why a reply may be applied as its sender's, or why not.
pub(super) enum Proof {
    /// Applied: how the sender was recognised.
    Shown(&'static str),
    /// Not applied, and nothing to say to anyone: our server said the sender is not who the
    /// From header claims.
    Failed(String),
    /// Not applied: nothing shows it is the sender's; they may be asked to use the reply button.
    Missing(String),
}

impl Act<'_, '_> {
    /// How `person` is known to have written `reading`; `claims` is their own valid token, if any.
    pub(super) async fn proof(
        &mut self,
        person: &Person,
        reading: &Reading,
        claims: Option<&Claims>,
    ) -> Result<Proof> {
        if claims.is_some() {
            return Ok(Proof::Shown("reply token"));
        }
        let verdict = match &self.world.authserv_id {
            Some(id) => auth::check(&reading.auth_results, id, person.address.domain()).verdict,
            None => Verdict::Missing {
                reason: "no authserv_id configured".into(),
            },
        };
        match verdict {
            Verdict::Pass { method } => Ok(Proof::Shown(method)),
            Verdict::Fail { reason } => Ok(Proof::Failed(reason)),
            Verdict::Missing { reason } => {
                let store = self.world.store.clone();
                for id in &reading.in_reply_to {
                    if let Some(sent) = store.sent_message(self.conn, id).await? {
                        if sent.person_id == Some(person.id) {
                            return Ok(Proof::Shown("in reply to our mail to them"));
                        }
                    }
                }
                Ok(Proof::Missing(reason))
            }
        }
    }
}
