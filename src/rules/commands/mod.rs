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
use understand::command::{self as grammar, Cmd, Command, HelpRow};
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
        let cmd = grammar::parse(&command.to_uppercase(), args, &[]).map_err(|u| {
            let tr = crate::texts::Tr::new(
                crate::texts::builtin(),
                crate::texts::Lang::En,
                c.cfg.timezone,
            );
            anyhow::anyhow!("{}", usage_text(&tr, &u))
        })?;
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
        let tr = c.tr_for(p);
        let cmd = match &given.parsed {
            Ok(cmd) => cmd,
            Err(usage) => {
                let text = format!(
                    "{}\n\n{}",
                    usage_text(&tr, usage),
                    help_text(&tr, p.role == Role::Coordinator)
                );
                self.result(
                    c,
                    p,
                    reading,
                    &tr.t1("subject-cmd-not-understood", "word", command),
                    &text,
                )
                .await?;
                self.audit(
                    c,
                    p,
                    &line,
                    "-",
                    &format!("refused: {}", english(&usage.problem)),
                )
                .await?;
                return Ok(Outcome::done(
                    format!("command {command} not understood: usage sent"),
                    Some(p.id),
                ));
            }
        };
        if grammar::coordinator_only(cmd) && p.role != Role::Coordinator {
            let text = format!(
                "{}\n\n{}",
                tr.t2(
                    "cmd-coordinator-only",
                    "community",
                    &c.cfg.name,
                    "word",
                    command
                ),
                help_text(&tr, false)
            );
            self.result(
                c,
                p,
                reading,
                &tr.t1("subject-cmd-coordinator-only", "word", command),
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
                Auth::Refuse(said, why) => {
                    tracing::warn!(community = %c.cfg.slug, sender = %p.address, command = %line, "command refused: {why}");
                    let text = tr.t1("cmd-refused", "why", tr.msg(&said));
                    self.result(
                        c,
                        p,
                        reading,
                        &tr.t1("subject-cmd-refused", "word", command),
                        &text,
                    )
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
                    let text = tr.t1("cmd-confirm", "line", &line);
                    self.answer(
                        c,
                        p,
                        reading,
                        OtherMailKind::ConfirmationRequest,
                        &tr.t1("subject-cmd-confirm", "line", &line),
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
        let tr = c.tr_for(p);
        let (text, status) = match self.execute_or_undo(c, p, cmd, &word).await? {
            Ok(t) => (t, "done"),
            Err(e) => {
                // A refusal meant for the sender is said in their language; anything else
                // as it is.
                let error = match e.downcast_ref::<crate::texts::Said>() {
                    Some(said) => tr.msg(&said.0),
                    None => format!("{e:#}"),
                };
                (tr.t1("cmd-failed", "error", error), "not done")
            }
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
            &tr.t2("subject-cmd-result", "word", &word, "status", status),
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
        let kept = super::batch::savepoint(&self.world.store, self.conn).await?;
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
                super::batch::rolled_back(kept);
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

/// A command that could not be read, said back in the reader's language: the problem, how to
/// write the command, an example (the same usage and example HELP shows; for an unknown
/// command, how to ask for HELP).
pub(in crate::rules) fn usage_text(tr: &crate::texts::Tr<'_>, u: &grammar::Usage) -> String {
    let problem = tr.msg(&crate::texts::Msg::problem(&u.problem));
    let (usage, example) = match grammar::spec(u.word) {
        Some(s) if u.problem.id != "usage-unknown" => usage_and_example(tr, s),
        _ => {
            let help = grammar::word_in(
                grammar::spec("HELP").expect("HELP is a command"),
                tr.lang.as_str(),
            );
            (tr.t1("usage-send-help", "word", help), help.to_string())
        }
    };
    tr.t3(
        "usage", "problem", problem, "usage", usage, "example", example,
    )
}

/// How to write a command and an example, in the reader's language: the command in its word of
/// that language (the English word beside it).
fn usage_and_example(tr: &crate::texts::Tr<'_>, s: &grammar::Spec) -> (String, String) {
    let key = s.word.to_lowercase();
    let word = grammar::word_in(s, tr.lang.as_str());
    let usage = if s.short == s.word {
        word.to_string()
    } else {
        tr.t1(&format!("help-usage-{key}"), "word", word)
    };
    let usage = if word == s.word {
        usage
    } else {
        tr.t2("help-or", "usage", usage, "word", s.word)
    };
    let example_id = format!("help-example-{key}");
    let example = if tr.has(&example_id) {
        tr.t1(&example_id, "word", word)
    } else {
        // The example's arguments are no words of any language (RSVP yes, an address).
        let args = s.example.strip_prefix(s.word).unwrap_or("");
        format!("{word}{args}")
    };
    (usage, example)
}

/// A command's problem in English, for the log and the audit trail.
pub(in crate::rules) fn english(p: &grammar::Problem) -> String {
    crate::texts::Said(crate::texts::Msg::problem(p), chrono_tz::UTC).to_string()
}

/// HELP's rows in the reader's language, from the one spec table: each command in its word of
/// that language (the English word beside it), how to write it, what it does, an example.
/// Everyone's commands, and (for a coordinator) the coordinators' own.
pub(in crate::rules) fn help_rows(
    tr: &crate::texts::Tr<'_>,
    coordinator: bool,
) -> (Vec<HelpRow>, Vec<HelpRow>) {
    let lang = tr.lang.as_str();
    let row = |s: &grammar::Spec| {
        let key = s.word.to_lowercase();
        let (usage, example) = usage_and_example(tr, s);
        HelpRow {
            usage,
            what: tr.t2(
                &format!("help-{key}"),
                "pause",
                grammar::word_in(grammar::spec("PAUSE").expect("PAUSE is a command"), lang),
                "resume",
                grammar::word_in(grammar::spec("RESUME").expect("RESUME is a command"), lang),
            ),
            example,
        }
    };
    let rows = |who: grammar::Who| {
        grammar::SPECS
            .iter()
            .filter(|s| s.who == who)
            .map(row)
            .collect::<Vec<_>>()
    };
    let theirs = if coordinator {
        rows(grammar::Who::Coordinator)
    } else {
        Vec::new()
    };
    (rows(grammar::Who::Everyone), theirs)
}

/// HELP's text in the reader's language: one line per command, with an example.
pub(in crate::rules) fn help_text(tr: &crate::texts::Tr<'_>, coordinator: bool) -> String {
    let (everyone, theirs) = help_rows(tr, coordinator);
    let eg = tr.t("help-example");
    let line = |r: &HelpRow| format!("{} - {}. {eg} {}\n", r.usage, r.what, r.example);
    let mut out = tr.t("help-intro");
    out.push_str("\n\n");
    for r in &everyone {
        out.push_str(&line(r));
    }
    if coordinator {
        out.push_str(&format!("\n{}:\n", tr.t("help-coordinators")));
        for r in &theirs {
            out.push_str(&line(r));
        }
        out.push('\n');
        out.push_str(&tr.t("help-dates"));
        out.push('\n');
    }
    out
}
