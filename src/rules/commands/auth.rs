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
use crate::texts::Msg;

/// How long a confirmation token may be sent back.
pub(super) const CONFIRM_TTL: i64 = 24 * 3600;

pub(in crate::rules) enum Auth {
    Pass(&'static str),
    Confirm(String),
    /// Refused: why, for the sender (in their language), and in detail for the log.
    Refuse(Msg, String),
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
                    let tr = c.tr_for(p);
                    let text = tr.t1("confirm-cancelled", "line", &line);
                    self.result(c, p, reading, &tr.t("subject-confirm-cancelled"), &text)
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
                self.audit(
                    c,
                    p,
                    &format!("confirmation {id}"),
                    &why.to_string(),
                    "refused",
                )
                .await?;
                let tr = c.tr_for(p);
                let said = tr.t1("confirm-refused", "why", tr.t(why.id()));
                self.result(c, p, reading, &tr.t("subject-confirm-refused"), &said)
                    .await?;
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
                return Auth::Refuse(
                    Msg::new("refused-name-shows-other-address")
                        .arg("name", f.name.as_deref().unwrap_or(""))
                        .arg("address", &f.address),
                    format!(
                        "the sender's name {:?} shows another address than {}",
                        f.name.as_deref().unwrap_or(""),
                        f.address
                    ),
                );
            }
        }
        let dmarc = self.world.verdict(reading, &p.address);
        let (said, why) = match &dmarc {
            auth::Verdict::Pass { method } => return Auth::Pass(method),
            auth::Verdict::Fail { reason } => (
                Msg::new("refused-auth-failed").arg("address", &p.address),
                format!("authentication failed: {reason}"),
            ),
            auth::Verdict::Missing { reason } => (
                Msg::new("refused-auth-missing").arg("address", &p.address),
                format!("no authentication from our mail server: {reason}"),
            ),
        };
        if !coordinator {
            // Their own reply token: only ever mailed to them.
            return match claims {
                Some(_) => Auth::Pass("reply token"),
                None => Auth::Confirm(why),
            };
        }
        match c.cfg.coordinator_auth {
            CoordinatorAuth::Dmarc => Auth::Refuse(said, why),
            CoordinatorAuth::Confirm | CoordinatorAuth::DmarcOrConfirm => Auth::Confirm(why),
        }
    }
}
