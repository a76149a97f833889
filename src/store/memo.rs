//! What a batch of inbound messages reads again and again: its senders and the meetings their
//! replies name (issue 14). Without it, nearly every reply looked its sender up and half of
//! them a meeting, one statement each, each a hand-off to the SQLite thread or a round trip to
//! PostgreSQL.
//!
//! Inside [`scope`] (the inbound writer's batch, one transaction), `person_by_address`,
//! `person_by_id`, `coordinators`, `meeting` and `next_meeting` answer from what the
//! transaction read before, and a batch asks for all the senders it has read so far with one
//! statement ([`Store::prefetch_people`]), and for the people its bounces name with another
//! ([`Store::prefetch_bounced`]). The
//! memo holds only what this transaction sees: every write to `people` forgets the people and
//! every write to `meetings` the meetings, before it runs, and a savepoint rolled back
//! forgets everything ([`forget_all`]). Outside a scope nothing is kept.

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;

use anyhow::{Context as _, Result};
use sqlx::{AnyConnection, Row};

use super::people::PERSON_SELECT;
use super::{Meeting, Person, Store};
use crate::domain::Address;

tokio::task_local! {
    static MEMO: RefCell<Memo>;
}

#[derive(Default)]
struct Memo {
    /// By community and address; `None`: nobody has that address.
    people: HashMap<(i64, String), Option<Person>>,
    /// By id (the people a batch's bounces name); `None`: no such person.
    people_by_id: HashMap<i64, Option<Person>>,
    /// By id; `None`: no such meeting.
    meetings: HashMap<i64, Option<Meeting>>,
    /// `next_meeting` by community and time.
    next: HashMap<(i64, i64), Option<Meeting>>,
    /// The active coordinators by community.
    coordinators: HashMap<i64, Vec<Person>>,
}

/// Runs `f` (one transaction) with a memo of what it reads.
pub async fn scope<F: Future>(f: F) -> F::Output {
    MEMO.scope(RefCell::new(Memo::default()), f).await
}

fn with<R>(f: impl FnOnce(&mut Memo) -> R) -> Option<R> {
    MEMO.try_with(|m| f(&mut m.borrow_mut())).ok()
}

pub(super) fn person(community_id: i64, address: &Address) -> Option<Option<Person>> {
    with(|m| {
        m.people
            .get(&(community_id, address.as_str().to_string()))
            .cloned()
    })
    .flatten()
}

pub(super) fn keep_person(community_id: i64, address: &Address, p: &Option<Person>) {
    with(|m| {
        m.people
            .insert((community_id, address.as_str().to_string()), p.clone())
    });
}

pub(super) fn person_by_id(id: i64) -> Option<Option<Person>> {
    with(|m| m.people_by_id.get(&id).cloned()).flatten()
}

pub(super) fn keep_person_by_id(id: i64, p: &Option<Person>) {
    with(|m| m.people_by_id.insert(id, p.clone()));
}

pub(super) fn meeting(id: i64) -> Option<Option<Meeting>> {
    with(|m| m.meetings.get(&id).cloned()).flatten()
}

pub(super) fn keep_meeting(id: i64, found: &Option<Meeting>) {
    with(|m| m.meetings.insert(id, found.clone()));
}

pub(super) fn next_meeting(community_id: i64, now: i64) -> Option<Option<Meeting>> {
    with(|m| m.next.get(&(community_id, now)).cloned()).flatten()
}

pub(super) fn keep_next_meeting(community_id: i64, now: i64, found: &Option<Meeting>) {
    with(|m| m.next.insert((community_id, now), found.clone()));
}

pub(super) fn coordinators(community_id: i64) -> Option<Vec<Person>> {
    with(|m| m.coordinators.get(&community_id).cloned()).flatten()
}

pub(super) fn keep_coordinators(community_id: i64, found: &[Person]) {
    with(|m| m.coordinators.insert(community_id, found.to_vec()));
}

/// Called by every write to `people`.
pub(super) fn people_changed() {
    with(|m| {
        m.people.clear();
        m.people_by_id.clear();
        m.coordinators.clear();
    });
}

/// Called by every write to `meetings`.
pub(super) fn meetings_changed() {
    with(|m| {
        m.meetings.clear();
        m.next.clear();
    });
}

/// Forgets everything: what the transaction wrote since a savepoint was undone.
pub fn forget_all() {
    with(|m| *m = Memo::default());
}

impl Store {
    /// Reads the people of `senders` (community, address) that the memo does not know yet, with
    /// one statement per community, and keeps who is there and who is not. Nothing outside a
    /// [`scope`].
    pub async fn prefetch_people(
        &self,
        conn: &mut AnyConnection,
        senders: &[(i64, &Address)],
    ) -> Result<()> {
        let Some(mut missing) = with(|m| {
            senders
                .iter()
                .filter(|(c, a)| !m.people.contains_key(&(*c, a.as_str().to_string())))
                .map(|(c, a)| (*c, a.as_str().to_string()))
                .collect::<Vec<_>>()
        }) else {
            return Ok(());
        };
        missing.sort();
        missing.dedup();
        for group in missing.chunk_by(|a, b| a.0 == b.0) {
            // A batch is at most a hundred messages: one statement per community.
            for chunk in group.chunks(500) {
                let community_id = chunk[0].0;
                let sql = format!(
                    "{PERSON_SELECT} WHERE community_id = {} AND address IN ({})",
                    super::batch::mark(self.backend, 1),
                    super::batch::list(self.backend, 2, chunk.len())
                );
                // Not kept prepared on PostgreSQL: a prepared one gets a generic plan from
                // its sixth use on, a scan of all the community's people (~12 ms at 10,000,
                // BENCHMARKS.md). SQLite plans when it prepares, with the values unknown
                // either way: kept, it is not prepared again.
                let mut q = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .persistent(self.backend == super::Backend::Sqlite)
                    .bind(community_id);
                for (_, a) in chunk {
                    q = q.bind(a.as_str());
                }
                let rows = q
                    .fetch_all(&mut *conn)
                    .await
                    .context("looking up the senders of a batch")?;
                // A row that is no person (an address no mail can go to) is not kept: the
                // lookup of its own reports it, as before.
                let mut found = HashMap::new();
                for r in &rows {
                    let address: String = r.try_get("address")?;
                    found.insert(address, Person::from_row(r).ok());
                }
                with(|m| {
                    for (_, a) in chunk {
                        match found.remove(a) {
                            Some(None) => {}
                            Some(p) => {
                                m.people.insert((community_id, a.clone()), p);
                            }
                            None => {
                                m.people.insert((community_id, a.clone()), None);
                            }
                        }
                    }
                });
            }
        }
        Ok(())
    }
}
