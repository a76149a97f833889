//! What a batch of inbound messages writes at its end rather than per message (issue 14).
//!
//! `App::handle_batch` applies up to a hundred messages in one transaction. Inside
//! [`scope`], the rules keep what no later statement of the batch reads back — each message's
//! "handled" record and the bodies of the mail queued (an answer's whole row waits in
//! `store::deferred`) — and [`flush`] writes them with one multi-row statement per table
//! before the batch commits (and before any statement that reads the inbound log). The
//! per-sender answer throttle (and who was asked a question today) is counted once for the
//! whole batch (see [`prefetch_answers`]) and kept up to date as answers are queued. Outside a
//! scope (one message, a job, the command line) every write goes out at once, as before.
//!
//! Nothing changes about what commits: the same rows, in the same transaction; a batch that
//! fails is rolled back with what it kept, and is done again one message at a time.

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;

use anyhow::Result;
use sqlx::AnyConnection;

use crate::domain::{MailKind, OtherMailKind};
use crate::store::{InboundRow, Store};

/// Bodies kept before they are written anyway (a list post queues a copy per member).
const BODIES_AT_ONCE: usize = 200;

tokio::task_local! {
    static PENDING: RefCell<Pending>;
}

#[derive(Default)]
struct Pending {
    inbound: Vec<InboundRow>,
    bodies: Vec<(i64, Vec<u8>)>,
    /// Automatic answers per recipient since `answers_since`, as this transaction sees them.
    answers: HashMap<String, i64>,
    answers_since: Option<i64>,
    /// Questions per recipient since `questions_since` (see [`questions_since`]); its keys
    /// are those of `answers`, filled together.
    questions: HashMap<String, i64>,
    questions_since: Option<i64>,
}

/// Runs `f` (a batch, in one transaction) with its writes kept until [`flush`].
pub async fn scope<F: Future>(f: F) -> F::Output {
    PENDING.scope(RefCell::new(Pending::default()), f).await
}

/// Whether the caller runs inside a batch's [`scope`].
pub(super) fn active() -> bool {
    PENDING.try_with(|_| ()).is_ok()
}

/// Writes what the batch kept, on its connection. Nothing to do outside a scope.
pub async fn flush(store: &Store, conn: &mut AnyConnection) -> Result<()> {
    let Ok((inbound, bodies)) = PENDING.try_with(|p| {
        let mut p = p.borrow_mut();
        (
            std::mem::take(&mut p.inbound),
            std::mem::take(&mut p.bodies),
        )
    }) else {
        return Ok(());
    };
    // The bodies of rows queued already first: the store's kept rows get their ids when they
    // are written, after these, and bodies written in the order of their ids are appended to
    // `outbox_bodies` rather than put between its rows.
    if !bodies.is_empty() {
        let bodies: Vec<(i64, &[u8])> = bodies.iter().map(|(id, b)| (*id, &b[..])).collect();
        store.outbox_bodies_many(conn, &bodies).await?;
    }
    store.flush_deferred(conn).await?;
    if !inbound.is_empty() {
        store.record_inbound_many(conn, &inbound).await?;
    }
    Ok(())
}

/// What the batch kept when a command's savepoint began (see [`savepoint`]).
pub(super) struct Mark {
    inbound: usize,
    bodies: usize,
    answers: HashMap<String, i64>,
    questions: HashMap<String, i64>,
    deferred: Option<crate::store::deferred::Mark>,
}

/// Before a command's savepoint begins: writes what the batch kept so far (written inside the
/// savepoint, a rollback would take it back too), and marks where the savepoint's own begin
/// (see [`rolled_back`]). `None` outside a scope.
pub(super) async fn savepoint(store: &Store, conn: &mut AnyConnection) -> Result<Option<Mark>> {
    flush(store, conn).await?;
    Ok(PENDING
        .try_with(|p| {
            let p = p.borrow();
            Mark {
                inbound: p.inbound.len(),
                bodies: p.bodies.len(),
                answers: p.answers.clone(),
                questions: p.questions.clone(),
                deferred: crate::store::deferred::mark(),
            }
        })
        .ok())
}

/// The savepoint of `mark` was rolled back, and with it the outbox rows whose bodies were kept
/// since (their ids may be given to the next rows): forgets those, the rows the store kept
/// since, and what the store read (see `store::memo`).
pub(super) fn rolled_back(mark: Option<Mark>) {
    crate::store::memo::forget_all();
    if let Some(m) = mark {
        let _ = PENDING.try_with(|p| {
            let mut p = p.borrow_mut();
            p.inbound.truncate(m.inbound);
            p.bodies.truncate(m.bodies);
            p.answers = m.answers;
            p.questions = m.questions;
        });
        crate::store::deferred::undo_to(m.deferred);
    }
}

/// Keeps a "handled" record for [`flush`]; gives it back outside a scope.
pub(super) fn keep_inbound(row: InboundRow) -> Option<InboundRow> {
    let mut row = Some(row);
    let _ = PENDING.try_with(|p| {
        if let Some(r) = row.take() {
            p.borrow_mut().inbound.push(r);
        }
    });
    row
}

/// How many of the "handled" records the batch keeps are of `person_id`, since `since`, with
/// `marker` in their outcome: what a count of the inbound log misses until [`flush`].
pub(super) fn kept_inbound(person_id: i64, since: i64, marker: &str) -> i64 {
    PENDING
        .try_with(|p| {
            p.borrow()
                .inbound
                .iter()
                .filter(|r| {
                    r.person_id == Some(person_id)
                        && r.received_at >= since
                        && r.outcome.contains(marker)
                })
                .count() as i64
        })
        .unwrap_or(0)
}

/// Keeps the body of outbox row `id` for [`flush`] and counts the answer to `recipient` (see
/// [`answers_since`]); returns how many bodies are kept.
pub(super) fn keep_body(id: i64, body: Vec<u8>, kind: MailKind, recipient: &str) -> usize {
    count_answer(kind, recipient);
    PENDING
        .try_with(|p| {
            let mut p = p.borrow_mut();
            p.bodies.push((id, body));
            p.bodies.len()
        })
        .unwrap_or(0)
}

/// Counts a mail queued to `recipient` in the batch's answer throttle (see [`answers_since`])
/// and its questions ([`questions_since`]), if they count its kind.
pub(super) fn count_answer(kind: MailKind, recipient: &str) {
    if !crate::store::is_answer(kind) {
        return;
    }
    let question = kind == MailKind::Other(OtherMailKind::Question);
    let _ = PENDING.try_with(|p| {
        let mut p = p.borrow_mut();
        if let Some(n) = p.answers.get_mut(recipient) {
            *n += 1;
        }
        if let Some(n) = p.questions.get_mut(recipient).filter(|_| question) {
            *n += 1;
        }
    });
}

pub(super) const fn bodies_at_once() -> usize {
    BODIES_AT_ONCE
}

/// Where the answer throttle's hour begins.
pub fn answers_window(now: i64) -> i64 {
    now - 3600
}

/// Where the day begins in which a sender asked a question is not asked again.
pub fn questions_window(now: i64) -> i64 {
    now - 86400
}

/// Counts the recent automatic answers and questions of many senders at once, for the batch's
/// throttle and [`questions_since`].
pub async fn prefetch_answers(
    store: &Store,
    conn: &mut AnyConnection,
    recipients: &[&str],
    now: i64,
) -> Result<()> {
    let (since, questions_since) = (answers_window(now), questions_window(now));
    let Ok(missing) = PENDING.try_with(|p| {
        let p = p.borrow();
        if p.answers_since.is_some_and(|s| s != since)
            || p.questions_since.is_some_and(|s| s != questions_since)
        {
            return Vec::new();
        }
        recipients
            .iter()
            .filter(|r| !p.answers.contains_key(**r))
            .map(|r| r.to_string())
            .collect::<Vec<_>>()
    }) else {
        return Ok(());
    };
    if missing.is_empty() {
        return Ok(());
    }
    let refs: Vec<&str> = missing.iter().map(String::as_str).collect();
    let counts = store
        .answers_since_among(conn, &refs, since, questions_since)
        .await?;
    let _ = PENDING.try_with(|p| {
        let mut p = p.borrow_mut();
        p.answers_since = Some(since);
        p.questions_since = Some(questions_since);
        for (r, (answers, questions)) in counts {
            p.questions.insert(r.clone(), questions);
            p.answers.insert(r, answers);
        }
    });
    Ok(())
}

/// Picks from what a batch keeps a window's start and its counts (the answers' or the
/// questions').
type Window = fn(&Pending) -> (Option<i64>, &HashMap<String, i64>);

/// The batch's count for `recipient` over the window from `since`, if it has it.
fn known(recipient: &str, since: i64, counts: Window) -> Option<i64> {
    PENDING
        .try_with(|p| match counts(&p.borrow()) {
            (Some(s), counted) if s == since => counted.get(recipient).copied(),
            _ => None,
        })
        .ok()
        .flatten()
}

/// [`Store::questions_since`], from the batch's counts when it has the recipient's.
pub(super) async fn questions_since(
    store: &Store,
    conn: &mut AnyConnection,
    recipient: &str,
    since: i64,
) -> Result<i64> {
    match known(recipient, since, |p| (p.questions_since, &p.questions)) {
        Some(n) => Ok(n),
        None => store.questions_since(conn, recipient, since).await,
    }
}

/// [`Store::answers_since`], from the batch's counts when it has the recipient's.
pub(super) async fn answers_since(
    store: &Store,
    conn: &mut AnyConnection,
    recipient: &str,
    since: i64,
) -> Result<i64> {
    if let Some(n) = known(recipient, since, |p| (p.answers_since, &p.answers)) {
        return Ok(n);
    }
    let n = store.answers_since(conn, recipient, since).await?;
    let _ = PENDING.try_with(|p| {
        let mut p = p.borrow_mut();
        if p.answers_since.is_none_or(|s| s == since) {
            p.answers_since = Some(since);
            p.answers.insert(recipient.to_string(), n);
        }
    });
    Ok(n)
}
