//! `member import` and `member export` (issue 18): a group's member list in and out as CSV.
//! Reading and deciding is `crate::members_csv` (pure); this file reads the file, applies the
//! plan in one transaction and writes the report.
//!
//! **What is applied, and when.** Without `--welcome` the whole import is one transaction:
//! every added and updated row commits together, or (on an error) none does and the error says
//! so. Rows that cannot be applied (bad address, duplicate in the file, unknown role, delivery
//! or language, someone who left) are skipped before it, each listed with its reason; they
//! never stop the good rows. With `--welcome`, each new member is first added by the ADD
//! command, one transaction each (the person and their welcome mail commit together, as
//! `roundtable do COMMUNITY "ADD …"` does, audited), and the rest of the import (names, roles,
//! languages, updates) follows in one transaction; the report names every row either way.

use std::fmt::Write as _;

use anyhow::{Context as _, Result};

use crate::app::App;
use crate::domain::{Delivery, Lang, PersonStatus, Role};
use crate::members_csv::{self, Change, Existing, ExportRow, Format, Skipped};

/// How to import.
#[derive(Clone, Copy, Debug, Default)]
pub struct ImportOptions {
    /// Decide and report, change nothing.
    pub dry_run: bool,
    /// Queue the welcome mail for each new member (not for guests).
    pub welcome: bool,
}

/// What an import did (or, on a dry run, would do).
#[derive(Clone, Debug)]
pub struct Report {
    pub format: Format,
    pub dry_run: bool,
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub skipped: Vec<Skipped>,
    /// New members who got a welcome queued.
    pub welcomed: usize,
    /// Rows that named a delivery (kept for when it can be stored).
    pub with_delivery: usize,
    /// One line a row added, updated or skipped, in file order.
    pub lines: Vec<(u64, String)>,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut lines = self.lines.clone();
        lines.sort_by_key(|(line, _)| *line);
        for (_, l) in &lines {
            writeln!(f, "{l}")?;
        }
        let mut summary = format!(
            "{}: {} added, {} updated, {} unchanged, {} skipped",
            self.format,
            self.added,
            self.updated,
            self.unchanged,
            self.skipped.len()
        );
        if self.welcomed > 0 {
            let _ = write!(summary, "; {} welcome mail(s) queued", self.welcomed);
        }
        writeln!(f, "{summary}")?;
        if self.with_delivery > 0 {
            writeln!(
                f,
                "note: {} row(s) get the posts once a day in a digest (post_digest_cron)",
                self.with_delivery
            )?;
        }
        if self.dry_run {
            writeln!(
                f,
                "dry run: nothing was changed; run it again without --dry-run to apply it"
            )?;
        }
        Ok(())
    }
}

fn skipped_line(s: &Skipped) -> (u64, String) {
    (
        s.line,
        format!(
            "skipped  line {:<5} {}: {}",
            s.line,
            if s.what.is_empty() { "-" } else { &s.what },
            s.reason
        ),
    )
}

async fn existing(
    app: &App,
    conn: &mut sqlx::AnyConnection,
    community_id: i64,
) -> Result<Vec<Existing>> {
    Ok(app
        .store()
        .roster(conn, community_id)
        .await?
        .into_iter()
        .map(|e| Existing {
            id: e.id,
            address: e.address,
            name: e.name,
            role: e.role,
            status: e.status,
            language: e.language,
            delivery: e.delivery,
        })
        .collect())
}

/// Imports a member file (`input`, its bytes) into a community; see the top of this file.
pub async fn import(app: &App, slug: &str, input: &[u8], opts: ImportOptions) -> Result<Report> {
    let c = app.world.community(slug)?;
    let now = app.clock.now();
    let store = app.store();
    let parsed = members_csv::parse(input).map_err(|e| anyhow::anyhow!("{e}"))?;
    let format = parsed.format;
    let with_delivery = parsed
        .rows
        .iter()
        .filter(|r| r.delivery == Some(Delivery::Digest))
        .count();
    let rows = parsed.rows;
    let mut skipped = parsed.skipped;
    let mut lines: Vec<(u64, String)> = skipped.iter().map(skipped_line).collect();

    // With --welcome, the new members (not guests) first, each with their welcome, through
    // the ADD command.
    let mut welcomed = std::collections::HashSet::new();
    if opts.welcome && !opts.dry_run {
        let mut tx = store.begin().await?;
        let before = existing(app, &mut tx, c.id).await?;
        drop(tx);
        for change in members_csv::plan(rows.clone(), &before) {
            let Change::Add { row, role } = change else {
                continue;
            };
            if role == Role::Guest {
                continue;
            }
            let line = match &row.name {
                Some(n) => format!("ADD {} {n}", row.address),
                None => format!("ADD {}", row.address),
            };
            match app.world.run_cli_command(slug, &line, None, now).await {
                Ok(_) => {
                    welcomed.insert(row.address.clone());
                }
                Err(e) => {
                    let s = Skipped {
                        line: row.line,
                        what: row.address.to_string(),
                        reason: format!("not added: {e:#}"),
                    };
                    lines.push(skipped_line(&s));
                    skipped.push(s);
                }
            }
        }
    }
    // A row whose ADD failed is reported once, above, and not tried again.
    let not_added: std::collections::HashSet<String> =
        skipped.iter().map(|s| s.what.clone()).collect();
    let rows: Vec<_> = rows
        .into_iter()
        .filter(|r| !not_added.contains(r.address.as_str()))
        .collect();

    let mut tx = store.begin().await?;
    let there = existing(app, &mut tx, c.id).await?;
    let (mut added, mut updated, mut unchanged) = (0, 0, 0);
    for change in members_csv::plan(rows, &there) {
        match change {
            Change::Add { row, role } => {
                added += 1;
                if !opts.dry_run {
                    let id = store
                        .insert_person(
                            &mut tx,
                            c.id,
                            &row.address,
                            row.name.as_deref(),
                            role,
                            row.language,
                            now,
                        )
                        .await?;
                    if let Some(d) = row.delivery {
                        store
                            .set_delivery(&mut tx, id, members_csv::delivery_to_store(d), now)
                            .await?;
                    }
                }
                lines.push((
                    row.line,
                    added_line(row.line, row.address.as_str(), role, row.language, false),
                ));
            }
            Change::Update {
                id,
                row,
                name,
                role,
                language,
                what,
            } => {
                if !opts.dry_run {
                    store
                        .update_person(&mut tx, id, name.as_deref(), role, language, now)
                        .await?;
                    if let Some(d) = row.delivery {
                        store
                            .set_delivery(&mut tx, id, members_csv::delivery_to_store(d), now)
                            .await?;
                    }
                }
                if welcomed.contains(&row.address) {
                    added += 1;
                    lines.push((
                        row.line,
                        added_line(row.line, row.address.as_str(), role, language, true),
                    ));
                } else {
                    updated += 1;
                    lines.push((
                        row.line,
                        format!(
                            "updated  line {:<5} {}: {}",
                            row.line,
                            row.address,
                            what.join("; ")
                        ),
                    ));
                }
            }
            Change::Unchanged { row } => {
                if welcomed.contains(&row.address) {
                    added += 1;
                    let p = there.iter().find(|e| e.address == row.address);
                    lines.push((
                        row.line,
                        added_line(
                            row.line,
                            row.address.as_str(),
                            p.map(|p| p.role).unwrap_or(Role::Member),
                            p.and_then(|p| p.language),
                            true,
                        ),
                    ));
                } else {
                    unchanged += 1;
                }
            }
            Change::Skip(s) => {
                lines.push(skipped_line(&s));
                skipped.push(s);
            }
        }
    }
    if opts.dry_run {
        tx.rollback().await.context("ending the dry run")?;
    } else {
        tx.commit()
            .await
            .context("committing the import (nothing of it was applied)")?;
        if added > 0 {
            store.people_counted().await?;
        }
    }
    Ok(Report {
        format,
        dry_run: opts.dry_run,
        added,
        updated,
        unchanged,
        skipped,
        welcomed: welcomed.len(),
        with_delivery,
        lines,
    })
}

fn added_line(
    line: u64,
    address: &str,
    role: Role,
    language: Option<Lang>,
    welcomed: bool,
) -> String {
    format!(
        "added    line {line:<5} {address} ({}{}){}",
        role.as_str(),
        language
            .map(|l| format!(", language {l}"))
            .unwrap_or_default(),
        if welcomed { ", welcome queued" } else { "" }
    )
}

/// Writes a community's members (everyone but those who left or declined) as our CSV;
/// returns how many.
pub async fn export(app: &App, slug: &str, out: impl std::io::Write) -> Result<usize> {
    let c = app.world.community(slug)?;
    let roster = app.store().roster_of(c.id).await?;
    let rows: Vec<ExportRow> = roster
        .into_iter()
        .filter(|p| !matches!(p.status, PersonStatus::Left | PersonStatus::Declined))
        .map(|p| ExportRow {
            address: p.address,
            name: p.name,
            role: p.role,
            delivery: Some(p.delivery),
            language: p.language,
        })
        .collect();
    members_csv::write(out, &rows).context("writing the CSV")?;
    Ok(rows.len())
}
