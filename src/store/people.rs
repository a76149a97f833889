//! People: the members, coordinators and guests of each community, their roles and
//! statuses, and the bounces counted against their addresses.

use anyhow::{Context as _, Result};
use sqlx::{AnyConnection, Row};

use super::{stored, Store};
use crate::domain::{Address, PersonStatus, Role};

impl Store {
    /// Makes a configured coordinator a coordinator of the community, adding them if new; what
    /// they did themselves (PAUSE, LEAVE) and their bounce counts stay as they are, so a
    /// restart never undoes them (issue 17: every start used to reset them to active).
    pub async fn ensure_coordinator(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        address: &Address,
        now: i64,
    ) -> Result<()> {
        super::memo::people_changed();
        sqlx::query(
            "INSERT INTO people (community_id, address, name, role, status, created_at, updated_at)
             VALUES ($1, $2, NULL, $3, $4, $5, $5)
             ON CONFLICT (community_id, address) DO UPDATE SET role = excluded.role, updated_at = excluded.updated_at
             WHERE people.role <> excluded.role",
        )
        .bind(community_id)
        .bind(address.as_str())
        .bind(Role::Coordinator.as_str())
        .bind(PersonStatus::Active.as_str())
        .bind(now)
        .execute(&mut *conn)
        .await
        .with_context(|| format!("making {address} a coordinator"))?;
        Ok(())
    }

    /// Adds a person or, if the address is known, sets their role and name and makes them
    /// active again. Returns the person's id.
    pub async fn upsert_person(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        address: &Address,
        name: Option<&str>,
        role: Role,
        now: i64,
    ) -> Result<i64> {
        super::memo::people_changed();
        // It resets the bounce counts: the batch's own are added first, and read again after.
        self.flush_deferred(conn).await?;
        super::deferred::counts_reset();
        let row = sqlx::query(
            "INSERT INTO people (community_id, address, name, role, status, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $6, $5, $5)
             ON CONFLICT (community_id, address) DO UPDATE SET
               name = COALESCE(excluded.name, people.name), role = excluded.role,
               status = excluded.status, updated_at = excluded.updated_at, hard_bounces = 0, soft_bounces = 0
             RETURNING id",
        )
        .bind(community_id)
        .bind(address.as_str())
        .bind(name)
        .bind(role.as_str())
        .bind(now)
        .bind(PersonStatus::Active.as_str())
        .fetch_one(&mut *conn)
        .await
        .with_context(|| format!("saving {address}"))?;
        Ok(row.try_get("id")?)
    }

    /// Counts a bounce for a person; returns their hard bounces so far. A delivery that
    /// works again is not tracked: a coordinator who re-adds someone resets the count.
    pub async fn record_bounce(
        &self,
        conn: &mut AnyConnection,
        person_id: i64,
        permanent: bool,
        now: i64,
    ) -> Result<i64> {
        // In a batch that read the person's count: added at its end (`store::deferred`).
        if let Some(hard) = super::deferred::keep_bounce(person_id, permanent, now) {
            return Ok(hard);
        }
        let sql = if permanent {
            "UPDATE people SET hard_bounces = hard_bounces + 1, last_bounce_at = $1 WHERE id = $2 RETURNING hard_bounces"
        } else {
            "UPDATE people SET soft_bounces = soft_bounces + 1, last_bounce_at = $1 WHERE id = $2 RETURNING hard_bounces"
        };
        let row = sqlx::query(sql)
            .bind(now)
            .bind(person_id)
            .fetch_one(&mut *conn)
            .await
            .context("recording a bounce")?;
        Ok(row.try_get("hard_bounces")?)
    }

    pub async fn set_status(
        &self,
        conn: &mut AnyConnection,
        person_id: i64,
        status: PersonStatus,
        now: i64,
    ) -> Result<()> {
        super::memo::people_changed();
        sqlx::query("UPDATE people SET status = $1, updated_at = $2 WHERE id = $3")
            .bind(status.as_str())
            .bind(now)
            .bind(person_id)
            .execute(&mut *conn)
            .await
            .context("changing a person's status")?;
        Ok(())
    }

    /// Marks a person as having left; returns false if nobody had that address.
    pub async fn remove_person(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        address: &Address,
        now: i64,
    ) -> Result<bool> {
        super::memo::people_changed();
        let r = sqlx::query("UPDATE people SET status = $4, updated_at = $1 WHERE community_id = $2 AND address = $3 AND status <> $4")
            .bind(now)
            .bind(community_id)
            .bind(address.as_str())
            .bind(PersonStatus::Left.as_str())
            .execute(&mut *conn)
            .await
            .context("removing a person")?;
        Ok(r.rows_affected() > 0)
    }

    pub async fn people(&self, community_id: i64) -> Result<Vec<Person>> {
        self.people_in(
            &mut *self.pool.acquire().await.context("listing people")?,
            community_id,
        )
        .await
    }

    /// Everyone of a community as the caller's transaction sees them (rules run inside one,
    /// and a batch of inbound messages shares one: earlier messages' changes are not committed
    /// yet, so a read on another connection would miss them).
    pub async fn people_in(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
    ) -> Result<Vec<Person>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{PERSON_SELECT} WHERE community_id = $1 ORDER BY role, address"
        )))
        .bind(community_id)
        .fetch_all(&mut *conn)
        .await
        .context("listing people")?;
        Person::from_rows(&rows)
    }

    pub async fn person_by_address(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
        address: &Address,
    ) -> Result<Option<Person>> {
        if let Some(known) = super::memo::person(community_id, address) {
            return Ok(known);
        }
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{PERSON_SELECT} WHERE community_id = $1 AND address = $2"
        )))
        .bind(community_id)
        .bind(address.as_str())
        .fetch_optional(&mut *conn)
        .await
        .context("looking up a person")?;
        let person = row.as_ref().map(Person::from_row).transpose()?;
        super::memo::keep_person(community_id, address, &person);
        Ok(person)
    }

    pub async fn person_by_id(&self, conn: &mut AnyConnection, id: i64) -> Result<Option<Person>> {
        if let Some(known) = super::memo::person_by_id(id) {
            return Ok(known);
        }
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{PERSON_SELECT} WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
        .context("looking up a person")?;
        row.as_ref().map(Person::from_row).transpose()
    }

    /// Active members, coordinators and guests who get the group's mail.
    pub async fn active_people(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
    ) -> Result<Vec<Person>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{PERSON_SELECT} WHERE community_id = $1 AND status = $2 AND role IN ($3, $4) ORDER BY id"
        )))
        .bind(community_id)
        .bind(PersonStatus::Active.as_str())
        .bind(Role::Member.as_str())
        .bind(Role::Coordinator.as_str())
        .fetch(&mut *conn);
        Person::from_stream(rows, "listing active members").await
    }

    /// The active coordinators of a community (a few rows, where `active_people` reads them all).
    pub async fn coordinators(
        &self,
        conn: &mut AnyConnection,
        community_id: i64,
    ) -> Result<Vec<Person>> {
        if let Some(known) = super::memo::coordinators(community_id) {
            return Ok(known);
        }
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{PERSON_SELECT} WHERE community_id = $1 AND status = $2 AND role = $3 ORDER BY id"
        )))
        .bind(community_id)
        .bind(PersonStatus::Active.as_str())
        .bind(Role::Coordinator.as_str())
        .fetch_all(&mut *conn)
        .await
        .context("listing coordinators")?;
        let found = Person::from_rows(&rows)?;
        super::memo::keep_coordinators(community_id, &found);
        Ok(found)
    }
}

pub(crate) const PERSON_SELECT: &str =
    "SELECT id, community_id, address, name, role, status, language FROM people";

#[derive(Clone, Debug)]
pub struct Person {
    pub id: i64,
    pub community_id: i64,
    pub address: Address,
    pub name: Option<String>,
    pub role: Role,
    pub status: PersonStatus,
    /// Their own language (LANGUAGE, `member add --language`); `None`: the community's.
    pub language: Option<crate::domain::Lang>,
}

impl Person {
    pub(super) fn from_row(r: &sqlx::any::AnyRow) -> Result<Person> {
        let address: String = r.try_get("address")?;
        Ok(Person {
            id: r.try_get("id")?,
            community_id: r.try_get("community_id")?,
            address: Address::parse(&address).map_err(anyhow::Error::from)?,
            name: r.try_get("name")?,
            role: stored(r, "people", "role", Role::parse)?,
            status: stored(r, "people", "status", PersonStatus::parse)?,
            language: match r.try_get::<Option<String>, _>("language")? {
                None => None,
                Some(l) => Some(
                    crate::domain::Lang::parse(&l)
                        .with_context(|| format!("unknown value {l:?} in people.language"))?,
                ),
            },
        })
    }

    /// The people of a list's rows, leaving out (with a warning) any whose address mail servers
    /// would refuse: such an address can only be a row from before addresses were checked
    /// where they come in, and one of them must not stop everyone else's mail. Correcting
    /// or deleting the row is the fix the warning names.
    pub(super) fn from_rows(rows: &[sqlx::any::AnyRow]) -> Result<Vec<Person>> {
        let mut people = Vec::with_capacity(rows.len());
        for r in rows {
            Person::keep(r, &mut people)?;
        }
        Ok(people)
    }

    /// [`Person::from_rows`] as the rows arrive, for the lists of a whole group: all of a
    /// group's rows held at once beside its people took ~95 MB for 100,000 members
    /// (BENCHMARKS.md, growth); a row is dropped once it is a person.
    pub(super) async fn from_stream<'c>(
        mut rows: futures::stream::BoxStream<'c, Result<sqlx::any::AnyRow, sqlx::Error>>,
        what: &'static str,
    ) -> Result<Vec<Person>> {
        use futures::TryStreamExt as _;
        let mut people = Vec::new();
        while let Some(r) = rows.try_next().await.context(what)? {
            Person::keep(&r, &mut people)?;
        }
        Ok(people)
    }

    /// Adds the person of row `r`, unless its address is one no mail can go to.
    fn keep(r: &sqlx::any::AnyRow, people: &mut Vec<Person>) -> Result<()> {
        match Person::from_row(r) {
            Ok(p) => people.push(p),
            Err(e) if e.chain().any(|x| x.is::<crate::domain::BadAddress>()) => {
                let id: i64 = r.try_get("id")?;
                tracing::warn!(person = id, "left out, no mail can go to this address: {e:#} (fix: correct the address in row {id} of the people table, or delete that row)");
            }
            Err(e) => return Err(e),
        }
        Ok(())
    }

    /// The name to greet them with.
    pub fn display_name(&self) -> &str {
        self.name
            .as_deref()
            .filter(|n| !n.is_empty())
            .unwrap_or(self.address.local())
    }
}
