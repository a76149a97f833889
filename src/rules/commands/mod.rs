//! Commands in the Subject: who may do what, how we know it is them, and what each does.
//!
//! A command that only reads (HELP, STATUS, TOPICS, SEARCH) is answered to the sender's
//! address: a forger learns nothing. A command that changes state needs proof:
//! - coordinator commands follow `coordinator_auth`: `dmarc` (the top-most
//!   Authentication-Results header of our own server says dmarc=pass for the From domain),
//!   `confirm` (a single-use, expiring confirmation token mailed to the coordinator's real
//!   address must come back), or `dmarc-or-confirm`;
//! - a member's own commands (LEAVE, PAUSE, RSVP, …) pass with DMARC or with their own reply
//!   token in the address (it was only ever mailed to them), else they are confirmed too.
//!
//! Every command and its outcome goes to the audit log.
//!
//! Its files: this one takes a command from the mail or the command line, runs it, answers
//! and audits it; `auth` proves who sent it (and runs what a confirmation confirms);
//! `execute` is what each command does.

use anyhow::Result;
use understand::command::{self as grammar, Cmd, Command};
use understand::Reading;

use super::{Act, Answer, Community, Outcome};
use crate::compose::token::Claims;
use crate::domain::{Address, OtherMailKind, Role};
use crate::store::Person;

mod auth;
mod execute;

pub(super) use auth::Auth;
use auth::CONFIRM_TTL;

impl super::World {
    /// A command given on the command line, as the coordinator (or `as_address`) would send
    /// it by mail: the same grammar, the same effects, audited as coming from the command line.
    pub async fn run_cli_command(
        &self,
        slug: &str,
        line: &str,
        as_address: Option<&str>,
        now: i64,
    ) -> Result<String> {
        let c = self.community(slug)?;
        let words: Vec<String> = line.split_whitespace().map(str::to_string).collect();
        let Some((command, args)) = words.split_first() else {
            anyhow::bail!("no command given: try HELP")
        };
        let mut tx = self.store.begin().await?;
        let actor = match as_address {
            Some(a) => self
                .store
                .person_by_address(&mut tx, c.id, &Address::parse(a)?)
                .await?
                .ok_or_else(|| anyhow::anyhow!("{a} is not in {}", c.cfg.slug))?,
            None => {
                let first = c
                    .cfg
                    .coordinators
                    .first()
                    .ok_or_else(|| anyhow::anyhow!("{} has no coordinator", c.cfg.slug))?;
                self.store
                    .person_by_address(&mut tx, c.id, first)
                    .await?
                    .ok_or_else(|| anyhow::anyhow!("coordinator {first} is missing"))?
            }
        };
        let cmd = grammar::parse(&command.to_uppercase(), args, &[])
            .map_err(|u| anyhow::anyhow!("{u}"))?;
        let mut act = Act {
            world: self,
            conn: &mut tx,
            now,
            queued: 0,
        };
        let text = act.execute(c, &actor, &cmd).await?;
        self.store
            .audit(
                act.conn,
                Some(c.id),
                actor.address.as_str(),
                line,
                "command line",
                text.lines().next().unwrap_or(""),
                now,
            )
            .await?;
        tx.commit().await?;
        self.fire_due(&format!("cli-{}", std::process::id()), now)
            .await?;
        Ok(text)
    }

    /// `roundtable member remove`: what a coordinator's REMOVE does. Whether they were an
    /// active member.
    pub async fn remove_member(&self, slug: &str, address: &Address, now: i64) -> Result<bool> {
        let c = self.community(slug)?;
        let mut tx = self.store.begin().await?;
        let removed = Act {
            world: self,
            conn: &mut tx,
            now,
            queued: 0,
        }
        .remove(c, address)
        .await?;
        tx.commit().await?;
        Ok(removed)
    }
}

impl Act<'_, '_> {
    /// A command as the reading gives it: read once, in `understand` (from the Subject and the
    /// sender's own words); never parsed again here.
    pub(super) async fn command(
        &mut self,
        c: &Community,
        p: &Person,
        reading: &Reading,
        claims: Option<Claims>,
        given: &Command,
    ) -> Result<Outcome> {
        let (command, args) = (given.word.as_str(), &given.args);
        let line = given.line();
        let cmd = match &given.parsed {
            Ok(cmd) => cmd,
            Err(usage) => {
                let text = format!("{usage}\n\n{}", grammar::help(p.role == Role::Coordinator));
                self.result(c, p, reading, &format!("{command}: not understood"), &text)
                    .await?;
                self.audit(c, p, &line, "-", &format!("refused: {}", usage.problem))
                    .await?;
                return Ok(Outcome::done(
                    format!("command {command} not understood: usage sent"),
                    Some(p.id),
                ));
            }
        };
        if grammar::coordinator_only(cmd) && p.role != Role::Coordinator {
            let text = format!(
                "Only the coordinator of {} can use {command}.\n\n{}",
                c.cfg.name,
                grammar::help(false)
            );
            self.result(
                c,
                p,
                reading,
                &format!("{command}: for the coordinator"),
                &text,
            )
            .await?;
            self.audit(c, p, &line, "-", "refused: not a coordinator")
                .await?;
            return Ok(Outcome::done(
                format!("command {command} from a non-coordinator: refused"),
                Some(p.id),
            ));
        }
        if grammar::changes_state(cmd) {
            match self.authenticate(c, p, reading, claims, grammar::coordinator_only(cmd)) {
                Auth::Pass(how) => return self.run_command(c, p, reading, cmd, &line, how).await,
                Auth::Refuse(why) => {
                    tracing::warn!(community = %c.cfg.slug, sender = %p.address, command = %line, "command refused: {why}");
                    let text = format!("A command in your name was refused: {why}.\nIf it was you, send it from your usual account (its mail server must sign it), or ask the administrator to allow confirmations (coordinator_auth = \"dmarc-or-confirm\").");
                    self.result(c, p, reading, &format!("{command}: refused"), &text)
                        .await?;
                    self.audit(c, p, &line, &why, "refused").await?;
                    return Ok(Outcome::kept(
                        format!("command {command} refused: {why}"),
                        Some(p.id),
                    ));
                }
                Auth::Confirm(why) => {
                    let store = self.world.store.clone();
                    let id = store
                        .add_confirmation(
                            self.conn,
                            c.id,
                            p.id,
                            command,
                            args,
                            &reading.text,
                            self.now,
                            CONFIRM_TTL,
                        )
                        .await?;
                    let text = format!(
                        "Please confirm: {line}\n\nReply CONFIRM (or YES / OK) to this mail within 24 hours and it will be done. Any other answer cancels it. If you didn't send it, ignore this mail or answer NO: nothing happens."
                    );
                    self.answer(
                        c,
                        p,
                        reading,
                        OtherMailKind::ConfirmationRequest,
                        &format!("Confirm: {line}"),
                        Answer::Confirm { text: &text, id },
                    )
                    .await?;
                    self.audit(
                        c,
                        p,
                        &line,
                        &format!("confirmation requested ({why})"),
                        "waiting",
                    )
                    .await?;
                    return Ok(Outcome::done(
                        format!("command {command}: confirmation requested ({why})"),
                        Some(p.id),
                    ));
                }
            }
        }
        self.run_command(c, p, reading, cmd, &line, "read-only")
            .await
    }

    async fn run_command(
        &mut self,
        c: &Community,
        p: &Person,
        reading: &Reading,
        cmd: &Cmd,
        line: &str,
        how: &str,
    ) -> Result<Outcome> {
        // By mail these answer as a plain reply would, in the thread (an RSVP for the meeting
        // the mail answers, LEAVE with its goodbye); `execute` does them for the command line.
        match cmd {
            Cmd::Leave => return self.leave(c, p, reading).await,
            Cmd::Rsvp(r) => return self.rsvp(c, p, reading, None, *r, None).await,
            Cmd::Join => return self.join(c, p, reading).await,
            _ => {}
        }
        let word = line.split_whitespace().next().unwrap_or("").to_uppercase();
        let (text, status) = match self.execute_or_undo(c, p, cmd, &word).await? {
            Ok(t) => (t, "done"),
            Err(e) => (
                format!("That didn't work: {e:#}\nNothing was changed."),
                "not done",
            ),
        };
        // HELP's HTML is a table of the commands; STATUS shows attendance and +1s as charts;
        // the text part, like every result's, is the text.
        let answer = match cmd {
            Cmd::Help if status == "done" => Answer::Help {
                text: &text,
                coordinator: p.role == Role::Coordinator,
            },
            Cmd::Status if status == "done" => {
                let topics = self.topic_lines(c, None).await?;
                Answer::Status {
                    text: &text,
                    charts: self.digest_charts(c, &topics).await?,
                }
            }
            _ => Answer::Result(&text),
        };
        self.answer(
            c,
            p,
            reading,
            OtherMailKind::CommandResult,
            &format!("{word}: {status}"),
            answer,
        )
        .await?;
        self.audit(c, p, line, how, text.lines().next().unwrap_or(""))
            .await?;
        Ok(Outcome::done(
            format!(
                "command {word} ({how}): {}",
                text.lines().next().unwrap_or("")
            ),
            Some(p.id),
        ))
    }

    /// Runs a command in a savepoint. If it fails halfway for a reason of its own (a meeting
    /// that is not there, an address refused), whatever it wrote before failing is undone and
    /// the error is returned inside `Ok`, to become the answer; only a database error (the
    /// transaction itself is in doubt) is returned as `Err`.
    async fn execute_or_undo(
        &mut self,
        c: &Community,
        p: &Person,
        cmd: &Cmd,
        word: &str,
    ) -> Result<Result<String>> {
        let mut savepoint = sqlx::Connection::begin(&mut *self.conn).await?;
        let mut inner = Act {
            world: self.world,
            conn: &mut savepoint,
            now: self.now,
            queued: 0,
        };
        let done = match inner.execute(c, p, cmd).await {
            Ok(text) => crate::fault::check("fail-command", word).map(|()| text),
            Err(e) => Err(e),
        };
        let queued = inner.queued;
        match done {
            Ok(text) => {
                savepoint.commit().await?;
                self.queued += queued;
                Ok(Ok(text))
            }
            Err(e) if e.chain().any(|x| x.is::<sqlx::Error>()) => Err(e),
            Err(e) => {
                savepoint.rollback().await?;
                Ok(Err(e))
            }
        }
    }

    /// A command's answer to its sender.
    async fn result(
        &mut self,
        c: &Community,
        p: &Person,
        reading: &Reading,
        subject: &str,
        text: &str,
    ) -> Result<bool> {
        self.answer(
            c,
            p,
            reading,
            OtherMailKind::CommandResult,
            subject,
            Answer::Result(text),
        )
        .await
    }

    async fn audit(
        &mut self,
        c: &Community,
        p: &Person,
        command: &str,
        how: &str,
        outcome: &str,
    ) -> Result<()> {
        let store = self.world.store.clone();
        store
            .audit(
                self.conn,
                Some(c.id),
                p.address.as_str(),
                command,
                how,
                outcome,
                self.now,
            )
            .await
    }
}
