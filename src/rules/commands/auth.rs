//! Proving a command's sender: our server's DMARC verdict, their own reply token, or a
//! confirmation mailed to their address that must come back with a yes.

use anyhow::Result;
use understand::command::Command;
use understand::Reading;

use crate::compose::token::Claims;
use crate::config::CoordinatorAuth;
use crate::rules::auth_results as auth;
use crate::rules::{Act, Community, Outcome};
use crate::store::Person;

/// How long a confirmation token may be sent back.
pub(super) const CONFIRM_TTL: i64 = 24 * 3600;

pub(in crate::rules) enum Auth {
    Pass(&'static str),
    Confirm(String),
    Refuse(String),
}

impl Act<'_, '_> {
    /// A reply to a confirmation request: runs the stored command once.
    pub(in crate::rules) async fn confirmed(
        &mut self,
        c: &Community,
        p: &Person,
        reading: &Reading,
        id: i64,
    ) -> Result<Outcome> {
        let store = self.world.store.clone();
        match store
            .take_confirmation(self.conn, id, p.id, self.now)
            .await?
        {
            Ok(conf) => {
                // Stored as written (word, arguments, own words): read again with the same grammar.
                let given = Command::read(conf.command, conf.args, &conf.body);
                let line = given.line();
                // Only an explicit yes runs it; any other answer ("NO!! I did not send this", an
                // autoresponder without its headers) cancels it: it was taken, it can't be reused.
                if !understand::intent::confirm::confirms(&reading.text) {
                    tracing::warn!(community = %c.cfg.slug, sender = %p.address, confirmation = id, "confirmation answered without a yes: cancelled");
                    self.audit(
                        c,
                        p,
                        &line,
                        "confirmation answered without CONFIRM / YES / OK",
                        "cancelled",
                    )
                    .await?;
                    let text = format!(
                        "Not done: {line}\n\nYour answer did not say CONFIRM (or YES / OK), so the command was cancelled and this confirmation can't be used any more. If you did send it, send the command again and answer CONFIRM."
                    );
                    self.result(c, p, reading, "Not confirmed: cancelled", &text)
                        .await?;
                    return Ok(Outcome::kept(
                        format!("confirmation {id} answered without a yes: {line} cancelled"),
                        Some(p.id),
                    ));
                }
                match &given.parsed {
                    Ok(cmd) => {
                        self.run_command(c, p, reading, cmd, &line, "confirmed by reply")
                            .await
                    }
                    Err(u) => Ok(Outcome::kept(
                        format!(
                            "confirmed command no longer parses: {}",
                            super::english(&u.problem)
                        ),
                        Some(p.id),
                    )),
                }
            }
            Err(why) => {
                tracing::warn!(community = %c.cfg.slug, sender = %p.address, confirmation = id, "confirmation refused: {why}");
                self.audit(c, p, &format!("confirmation {id}"), why, "refused")
                    .await?;
                self.result(c, p, reading, "Confirmation refused", &format!("That confirmation can't be used: {why}. Send the command again for a new one.")).await?;
                Ok(Outcome::kept(
                    format!("confirmation {id} refused: {why}"),
                    Some(p.id),
                ))
            }
        }
    }

    pub(in crate::rules) fn authenticate(
        &self,
        c: &Community,
        p: &Person,
        reading: &Reading,
        claims: Option<Claims>,
        coordinator: bool,
    ) -> Auth {
        let from = reading.from.as_ref();
        if let Some(f) = from {
            if auth::display_name_mismatch(f.name.as_deref(), f.address.as_str()) {
                return Auth::Refuse(format!(
                    "the sender's name {:?} shows another address than {}",
                    f.name.as_deref().unwrap_or(""),
                    f.address
                ));
            }
        }
        let dmarc = self.world.verdict(reading, &p.address);
        let why = match &dmarc {
            auth::Verdict::Pass { method } => return Auth::Pass(method),
            auth::Verdict::Fail { reason } => format!("authentication failed: {reason}"),
            auth::Verdict::Missing { reason } => {
                format!("no authentication from our mail server: {reason}")
            }
        };
        if !coordinator {
            // Their own reply token: only ever mailed to them.
            return match claims {
                Some(_) => Auth::Pass("reply token"),
                None => Auth::Confirm(why),
            };
        }
        match c.cfg.coordinator_auth {
            CoordinatorAuth::Dmarc => Auth::Refuse(why),
            CoordinatorAuth::Confirm | CoordinatorAuth::DmarcOrConfirm => Auth::Confirm(why),
        }
    }
}
