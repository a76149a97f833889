//! A batch's bounce counts, kept until its end (issue 14). A bounce to one of our VERP return
//! paths looked its person up and added to their count, two round trips on PostgreSQL (0.16
//! per reply of the bench's mix).
//!
//! The batch reads the people its bounces name, with their hard bounces so far, in one
//! statement as it reads the messages ([`Store::prefetch_bounced`]); a bounce then adds to
//! that count in memory, and the batch's end adds each person's bounces to their row in one
//! statement. The count a bounce sees is the one the database would have returned: what was
//! read, and the batch's own bounces since. A count is known only while it is exact: the
//! statement that resets it (a person added again) writes what is kept first and forgets
//! the counts ([`counts_reset`]), and so does a command's savepoint that is rolled back.

use anyhow::{Context as _, Result};
use sqlx::{AnyConnection, Row as _};

use super::{DEFERRED, ROWS};
use crate::store::batch::{list, marks};
use crate::store::{Person, Store};

pub(super) struct BounceRow {
    person_id: i64,
    permanent: bool,
    at: i64,
}

/// Counts a bounce in the batch when the person's count is known: their hard bounces so far.
/// `None` when it is not (outside a batch, or not read by [`Store::prefetch_bounced`]).
pub(in crate::store) fn keep_bounce(person_id: i64, permanent: bool, at: i64) -> Option<i64> {
    DEFERRED
        .try_with(|d| {
            let mut d = d.borrow_mut();
            let hard = d.hard_bounces.get_mut(&person_id)?;
            *hard += i64::from(permanent);
            let hard = *hard;
            d.bounces.push(BounceRow {
                person_id,
                permanent,
                at,
            });
            Some(hard)
        })
        .ok()
        .flatten()
}

/// Forgets the counts (a person's were reset). What was kept must have been written first.
pub(in crate::store) fn counts_reset() {
    let _ = DEFERRED.try_with(|d| d.borrow_mut().hard_bounces.clear());
}

impl Store {
    /// Reads the people of `ids` (the persons the batch's bounces name) whose count the batch
    /// does not know yet, with one statement, and keeps them and their hard bounces. Nothing
    /// outside a batch's scope.
    pub async fn prefetch_bounced(&self, conn: &mut AnyConnection, ids: &[i64]) -> Result<()> {
        let Ok(mut missing) = DEFERRED.try_with(|d| {
            let d = d.borrow();
            ids.iter()
                .copied()
                .filter(|id| !d.hard_bounces.contains_key(id))
                .collect::<Vec<i64>>()
        }) else {
            return Ok(());
        };
        missing.sort_unstable();
        missing.dedup();
        for chunk in missing.chunks(500) {
            let sql = format!(
                "{PERSON_SELECT_BOUNCES} WHERE id IN ({})",
                list(self.backend, 1, chunk.len())
            );
            // Not kept prepared on PostgreSQL (see `Store::prefetch_people`).
            let sqlite = self.backend == crate::store::Backend::Sqlite;
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).persistent(sqlite);
            for id in chunk {
                q = q.bind(*id);
            }
            let rows = q
                .fetch_all(&mut *conn)
                .await
                .context("looking up the people a batch's bounces name")?;
            for r in &rows {
                let id: i64 = r.try_get("id")?;
                let hard: i64 = r.try_get("hard_bounces")?;
                // A row that is no person is left to the lookup of its own, which reports it.
                if let Ok(p) = Person::from_row(r) {
                    crate::store::memo::keep_person_by_id(id, &Some(p));
                }
                DEFERRED.with(|d| {
                    d.borrow_mut().hard_bounces.entry(id).or_insert(hard);
                });
            }
        }
        Ok(())
    }

    /// Adds the kept bounces to their people's counts: one statement for many people.
    pub(super) async fn write_bounces(
        &self,
        conn: &mut AnyConnection,
        rows: &[BounceRow],
    ) -> Result<()> {
        // Per person: (hard, soft, last bounce), in the order first seen.
        let mut per: Vec<(i64, i64, i64, i64)> = Vec::new();
        let mut at = std::collections::HashMap::new();
        for b in rows {
            let i = *at.entry(b.person_id).or_insert_with(|| {
                per.push((b.person_id, 0, 0, b.at));
                per.len() - 1
            });
            let p = &mut per[i];
            if b.permanent {
                p.1 += 1;
            } else {
                p.2 += 1;
            }
            p.3 = p.3.max(b.at);
        }
        for chunk in per.chunks(ROWS) {
            let sql = format!(
                "UPDATE people SET hard_bounces = hard_bounces + v.column2,
                   soft_bounces = soft_bounces + v.column3, last_bounce_at = v.column4
                 FROM (VALUES {}) AS v WHERE people.id = v.column1",
                marks(self.backend, 1, chunk.len(), 4)
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).persistent(chunk.len() == 1);
            for (id, hard, soft, at) in chunk {
                q = q.bind(*id).bind(*hard).bind(*soft).bind(*at);
            }
            q.execute(&mut *conn).await.context("recording bounces")?;
        }
        Ok(())
    }
}

const PERSON_SELECT_BOUNCES: &str =
    "SELECT id, community_id, address, name, role, status, language, hard_bounces FROM people";

#[cfg(test)]
#[test]
fn the_bounces_select_reads_a_person() {
    // The prefetch reads people with `Person::from_row`: its columns are the person's and one more.
    assert_eq!(
        PERSON_SELECT_BOUNCES.replace(", hard_bounces", ""),
        crate::store::people::PERSON_SELECT
    );
}
