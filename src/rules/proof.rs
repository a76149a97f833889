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
use crate::domain::Address;
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

impl super::World {
    /// What our own receiving server (`authserv_id`) says of the sender's domain; every other
    /// Authentication-Results header is logged as ignored. Commands and plain replies both ask.
    pub(super) fn verdict(&self, reading: &Reading, sender: &Address) -> Verdict {
        let Some(id) = &self.authserv_id else {
            return Verdict::Missing {
                reason: "no authserv_id configured".into(),
            };
        };
        let check = auth::check(&reading.auth_results, id, sender.domain());
        for ig in &check.ignored {
            tracing::warn!(sender = %sender, authserv_id = ?ig.authserv_id, "ignored an Authentication-Results header: {}", ig.why);
        }
        check.verdict
    }
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
        match self.world.verdict(reading, &person.address) {
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
