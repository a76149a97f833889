//! Member lists in and out as CSV (issue 18): reading the files a group brings along — our own
//! export, Mailman 3's and Google Groups' member exports, any spreadsheet with a header row —
//! into checked rows, deciding what an import changes, and writing our own export. Pure: no
//! database, no files; `cli::members` does the I/O and the store applies the plan.
//!
//! Formats, told apart by the first row:
//! - **roundtable** (and any spreadsheet): a header row naming the columns in any order —
//!   `address` (or `email`, `email address`), `name`, `role`, `delivery`, `language`; other
//!   columns are ignored. This is what `member export` writes.
//! - **Google Groups** ("Export members"): `Email address, Nickname, Group status, Email
//!   preference, Posting permissions, Join year, …`; owners and managers become coordinators,
//!   the email preference becomes the delivery (Email → each, Digest and Abridged → digest,
//!   No email → none).
//! - **Mailman 3**: Postorius' "Download members" (`Subscribers.csv`: no header, one address a
//!   row, optionally the display name beside it) and `mailman members` output
//!   (`Anne Person <anne@example.org>` a line). A first row holding an address is read as such a
//!   header-less file.

use std::collections::HashMap;
use std::fmt;

use crate::domain::{clean_name, Address, Lang, PersonStatus, Role};

pub use crate::domain::Delivery;

/// A delivery as our CSV, Google Groups' email preferences and Mailman's delivery modes
/// write it.
pub fn parse_delivery(s: &str) -> Option<Delivery> {
    match s.trim().to_lowercase().as_str() {
        "each" | "email" | "regular" | "all" => Some(Delivery::Each),
        "digest" | "abridged" | "mime_digests" | "plaintext_digests" | "summary_digests" => {
            Some(Delivery::Digest)
        }
        "none" | "no email" | "nomail" | "no mail" => Some(Delivery::None),
        _ => None,
    }
}

/// Which kind of file it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A header row naming our columns (our own export, a spreadsheet).
    Roundtable,
    /// Google Groups' member export.
    GoogleGroups,
    /// Mailman 3: no header, an address (or `Name <address>`) first on each row.
    Mailman,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Roundtable => "roundtable CSV",
            Format::GoogleGroups => "Google Groups export",
            Format::Mailman => "Mailman 3 export",
        })
    }
}

/// One member as the file gives them; what a cell left empty is `None` (kept as it is for
/// someone already there).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The line in the file (1 = first line), for the report.
    pub line: u64,
    pub address: Address,
    pub name: Option<String>,
    pub role: Option<Role>,
    pub delivery: Option<Delivery>,
    pub language: Option<Lang>,
}

/// A row left out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub line: u64,
    /// The address cell as written (or the whole row if it had none).
    pub what: String,
    pub reason: String,
}

/// A file read: its format, its good rows, the rows left out.
#[derive(Clone, Debug)]
pub struct Parsed {
    pub format: Format,
    pub rows: Vec<Row>,
    pub skipped: Vec<Skipped>,
}

/// What stops a whole file (rather than a row).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FileError {
    #[error("the file is empty")]
    Empty,
    #[error("the header row names no address column (found: {found}); name one of: address, email, email address")]
    NoAddressColumn { found: String },
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Column {
    Address,
    Name,
    Role,
    Delivery,
    Language,
}

/// A header cell's column, if we read it.
fn column(header: &str) -> Option<Column> {
    let h: String = header
        .trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .chars()
        .map(|c| if c == '_' || c == '-' { ' ' } else { c })
        .collect();
    match h.split_whitespace().collect::<Vec<_>>().join(" ").as_str() {
        "address" | "email" | "email address" | "e mail" | "e mail address" | "mail" => {
            Some(Column::Address)
        }
        "name" | "display name" | "nickname" | "full name" => Some(Column::Name),
        "role" | "group status" => Some(Column::Role),
        "delivery" | "email preference" | "delivery mode" => Some(Column::Delivery),
        "language" | "preferred language" | "lang" => Some(Column::Language),
        _ => None,
    }
}

/// Our roles, and the other tools' words for them.
fn role(s: &str) -> Option<Role> {
    let s = s.trim().to_lowercase();
    Role::parse(&s).or(match s.as_str() {
        "owner" | "manager" | "moderator" => Some(Role::Coordinator),
        _ => None,
    })
}

/// `de`, also written `DE`, `de_DE` or `de-AT`.
fn language(s: &str) -> Option<Lang> {
    let s = s.trim().to_lowercase();
    let code = s.split(['_', '-']).next().unwrap_or("");
    Lang::parse(code)
}

/// `anne@example.org`, or `Anne Person <anne@example.org>` (Mailman's listing): the address
/// and the name beside it.
fn address_and_name(cell: &str) -> (&str, Option<&str>) {
    let t = cell.trim();
    match (t.rfind('<'), t.ends_with('>')) {
        (Some(open), true) if open > 0 => {
            let name = t[..open].trim().trim_matches('"').trim();
            (&t[open..], (!name.is_empty()).then_some(name))
        }
        _ => (t, None),
    }
}

fn non_empty(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

/// Reads a member file of any of the three formats. Rows with a bad address, an unknown role,
/// delivery or language, or an address already seen earlier in the file are left out with the
/// reason; the other rows are all returned.
pub fn parse(input: &[u8]) -> Result<Parsed, FileError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(input);
    let mut records = reader.records();
    let mut skipped = Vec::new();
    // The first row that is a row at all (not blank, readable).
    let first = loop {
        match records.next() {
            None => return Err(FileError::Empty),
            Some(Ok(r)) if r.iter().all(|c| c.trim().is_empty()) => continue,
            Some(Ok(r)) => break r,
            Some(Err(e)) => skipped.push(Skipped {
                line: e.position().map(|p| p.line()).unwrap_or(0),
                what: String::new(),
                reason: format!("unreadable: {e}"),
            }),
        }
    };
    let headerless = first
        .iter()
        .any(|c| Address::parse(address_and_name(c.trim_start_matches('\u{feff}')).0).is_ok());
    let (format, columns): (Format, HashMap<Column, usize>) = if headerless {
        // The display name, where a row has one, beside the address.
        (
            Format::Mailman,
            HashMap::from([(Column::Address, 0), (Column::Name, 1)]),
        )
    } else {
        let mut m = HashMap::new();
        for (i, h) in first.iter().enumerate() {
            if let Some(c) = column(h) {
                m.entry(c).or_insert(i);
            }
        }
        if !m.contains_key(&Column::Address) {
            return Err(FileError::NoAddressColumn {
                found: first
                    .iter()
                    .map(|h| h.trim().trim_start_matches('\u{feff}'))
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        }
        let google = first.iter().any(|h| {
            let h = h.trim().to_lowercase();
            h == "email preference" || h == "group status" || h == "posting permissions"
        });
        (
            if google {
                Format::GoogleGroups
            } else {
                Format::Roundtable
            },
            m,
        )
    };
    let mut rows: Vec<Row> = Vec::new();
    let mut seen: HashMap<Address, u64> = HashMap::new();
    let first_line = first.position().map(|p| p.line()).unwrap_or(1);
    let body = headerless.then_some(Ok(first)).into_iter().chain(records);
    for record in body {
        let r = match record {
            Ok(r) => r,
            Err(e) => {
                skipped.push(Skipped {
                    line: e.position().map(|p| p.line()).unwrap_or(0),
                    what: String::new(),
                    reason: format!("unreadable: {e}"),
                });
                continue;
            }
        };
        if r.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = r.position().map(|p| p.line()).unwrap_or(first_line);
        let cell = |c: Column| columns.get(&c).and_then(|i| r.get(*i));
        let raw_address = cell(Column::Address).unwrap_or("").trim();
        let what = if raw_address.is_empty() {
            r.iter().collect::<Vec<_>>().join(",")
        } else {
            raw_address.to_string()
        };
        let mut skip = |reason: String| {
            skipped.push(Skipped {
                line,
                what: what.clone(),
                reason,
            })
        };
        let (address_text, name_beside) = address_and_name(raw_address);
        if address_text.is_empty() {
            skip("no address".into());
            continue;
        }
        let address = match Address::parse(address_text) {
            Ok(a) => a,
            Err(e) => {
                skip(format!("bad address: {}", e.why));
                continue;
            }
        };
        let role = match non_empty(cell(Column::Role)) {
            None => None,
            Some(s) => match role(s) {
                Some(r) => Some(r),
                None => {
                    skip(format!("unknown role {s:?} (member, guest or coordinator)"));
                    continue;
                }
            },
        };
        let delivery = match non_empty(cell(Column::Delivery)) {
            None => None,
            Some(s) => match parse_delivery(s) {
                Some(d) => Some(d),
                None => {
                    skip(format!("unknown delivery {s:?} (each, digest or none)"));
                    continue;
                }
            },
        };
        let language = match non_empty(cell(Column::Language)) {
            None => None,
            Some(s) => match language(s) {
                Some(l) => Some(l),
                None => {
                    skip(format!(
                        "unknown language {s:?} ({})",
                        Lang::ALL
                            .iter()
                            .map(|l| l.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                    continue;
                }
            },
        };
        if let Some(earlier) = seen.get(&address) {
            skip(format!("duplicate: {address} is already on line {earlier}"));
            continue;
        }
        seen.insert(address.clone(), line);
        let name = non_empty(cell(Column::Name))
            .or(name_beside)
            .map(clean_name)
            .filter(|n| !n.is_empty());
        rows.push(Row {
            line,
            address,
            name,
            role,
            delivery,
            language,
        });
    }
    Ok(Parsed {
        format,
        rows,
        skipped,
    })
}

/// Someone already in the community, as an import compares against them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Existing {
    pub id: i64,
    pub address: Address,
    pub name: Option<String>,
    pub role: Role,
    pub status: PersonStatus,
    pub language: Option<Lang>,
    pub delivery: Delivery,
}

/// The delivery an imported row gets: the one it asks for (each, digest or none).
pub fn delivery_to_store(d: Delivery) -> Delivery {
    d
}

/// What an import does with one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// Someone new: added as an active member (or the role the row gives).
    Add { row: Row, role: Role },
    /// Someone there whose name, role or language the row changes; their status (paused,
    /// bouncing) stays as it is.
    Update {
        id: i64,
        row: Row,
        name: Option<String>,
        role: Role,
        language: Option<Lang>,
        /// What changes, for the report, e.g. "role member → coordinator".
        what: Vec<String>,
    },
    /// Someone there already as the row says.
    Unchanged { row: Row },
    /// A row that must not be applied (e.g. the person left).
    Skip(Skipped),
}

/// Decides what importing `rows` does to a community whose people are `existing`. Someone
/// who left (LEAVE, removed) or declined is not brought back by an import: only their own
/// request or a coordinator's `member add` does that.
pub fn plan(rows: Vec<Row>, existing: &[Existing]) -> Vec<Change> {
    let by_address: HashMap<&Address, &Existing> =
        existing.iter().map(|e| (&e.address, e)).collect();
    rows.into_iter()
        .map(|row| match by_address.get(&row.address) {
            None => Change::Add {
                role: row.role.unwrap_or(Role::Member),
                row,
            },
            Some(e) if matches!(e.status, PersonStatus::Left | PersonStatus::Declined) => {
                Change::Skip(Skipped {
                    line: row.line,
                    what: row.address.to_string(),
                    reason: format!(
                        "{} has {} the group; only `member add` (or their own request) brings them back",
                        row.address,
                        if e.status == PersonStatus::Left { "left" } else { "declined" }
                    ),
                })
            }
            Some(e) => {
                let name = row.name.clone().or_else(|| e.name.clone());
                let role = row.role.unwrap_or(e.role);
                let language = row.language.or(e.language);
                let mut what = Vec::new();
                if name != e.name {
                    what.push(format!(
                        "name {} → {}",
                        e.name.as_deref().unwrap_or("-"),
                        name.as_deref().unwrap_or("-")
                    ));
                }
                if role != e.role {
                    what.push(format!("role {} → {}", e.role.as_str(), role.as_str()));
                }
                if language != e.language {
                    what.push(format!(
                        "language {} → {}",
                        e.language.map(Lang::as_str).unwrap_or("-"),
                        language.map(Lang::as_str).unwrap_or("-")
                    ));
                }
                let delivery = row.delivery.map(delivery_to_store).unwrap_or(e.delivery);
                if delivery != e.delivery {
                    what.push(format!(
                        "delivery {} → {}",
                        e.delivery.as_str(),
                        delivery.as_str()
                    ));
                }
                if what.is_empty() {
                    Change::Unchanged { row }
                } else {
                    Change::Update {
                        id: e.id,
                        row,
                        name,
                        role,
                        language,
                        what,
                    }
                }
            }
        })
        .collect()
}

/// One person as `member export` writes them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportRow {
    pub address: Address,
    pub name: Option<String>,
    pub role: Role,
    pub delivery: Option<Delivery>,
    pub language: Option<Lang>,
}

/// The header `member export` writes and `parse` reads back.
pub const HEADER: [&str; 5] = ["address", "name", "role", "delivery", "language"];

/// Writes our CSV: the header, then a row a person.
pub fn write<W: std::io::Write>(out: W, rows: &[ExportRow]) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(HEADER)?;
    for r in rows {
        w.write_record([
            r.address.as_str(),
            r.name.as_deref().unwrap_or(""),
            r.role.as_str(),
            r.delivery.map(Delivery::as_str).unwrap_or(""),
            r.language.map(Lang::as_str).unwrap_or(""),
        ])?;
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(format!(
            "{}/tests/fixtures/members/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    }

    fn a(s: &str) -> Address {
        Address::parse(s).unwrap()
    }

    #[test]
    fn our_own_format_with_columns_in_any_order_and_extra_columns() {
        let p = parse(&fixture("roundtable.csv")).unwrap();
        assert_eq!(p.format, Format::Roundtable);
        let first = &p.rows[0];
        assert_eq!(first.address, a("ana.lima@example.org"));
        assert_eq!(first.name.as_deref(), Some("Ana Lima"));
        assert_eq!(first.role, Some(Role::Coordinator));
        assert_eq!(first.delivery, Some(Delivery::Each));
        assert_eq!(first.language, Some(Lang::Pt));
        // Every skipped row names its reason.
        let reasons: Vec<_> = p
            .skipped
            .iter()
            .map(|s| (s.line, s.reason.as_str()))
            .collect();
        assert!(
            reasons
                .iter()
                .any(|(_, r)| r.starts_with("bad address: ") && r.contains("two in a row")),
            "{reasons:?}"
        );
        assert!(
            reasons
                .iter()
                .any(|(_, r)| r
                    .starts_with("duplicate: jonas.weber@example.de is already on line 3")),
            "{reasons:?}"
        );
        assert!(
            reasons
                .iter()
                .any(|(_, r)| r.starts_with("unknown role \"admin\"")),
            "{reasons:?}"
        );
        assert!(
            reasons
                .iter()
                .any(|(_, r)| r.starts_with("unknown language \"klingon\"")),
            "{reasons:?}"
        );
        assert!(
            reasons
                .iter()
                .any(|(_, r)| r.starts_with("unknown delivery \"weekly\"")),
            "{reasons:?}"
        );
        assert_eq!(p.rows.len() + p.skipped.len(), 10, "{p:?}");
        // Mixed-case addresses are folded, so the duplicate above was found.
        assert!(p
            .rows
            .iter()
            .all(|r| r.address.as_str() == r.address.as_str().to_lowercase()));
    }

    #[test]
    fn google_groups_export() {
        let p = parse(&fixture("google-groups.csv")).unwrap();
        assert_eq!(p.format, Format::GoogleGroups);
        let get = |s: &str| p.rows.iter().find(|r| r.address == a(s)).unwrap();
        let owner = get("marie.dubois@example.fr");
        assert_eq!(owner.role, Some(Role::Coordinator));
        assert_eq!(owner.name.as_deref(), Some("Marie Dubois"));
        assert_eq!(owner.delivery, Some(Delivery::Each));
        assert_eq!(get("pieter@example.nl").delivery, Some(Delivery::Digest));
        assert_eq!(
            get("lucia.garcia@example.es").delivery,
            Some(Delivery::Digest)
        );
        assert_eq!(get("tom.baker@example.org").delivery, Some(Delivery::None));
        assert_eq!(get("tom.baker@example.org").name, None);
        assert_eq!(get("tom.baker@example.org").role, Some(Role::Member));
        assert_eq!(p.skipped.len(), 1, "{:?}", p.skipped);
        assert!(p.skipped[0].reason.starts_with("bad address"));
    }

    #[test]
    fn mailman_exports_without_header() {
        let p = parse(&fixture("mailman3-subscribers.csv")).unwrap();
        assert_eq!(p.format, Format::Mailman);
        assert_eq!(p.rows[0].address, a("anne@example.com"));
        assert_eq!(p.rows[0].line, 1);
        assert_eq!(p.rows[0].role, None);
        let bart = p
            .rows
            .iter()
            .find(|r| r.address == a("bart@example.com"))
            .unwrap();
        assert_eq!(bart.name.as_deref(), Some("Bart Person"));
        assert_eq!(p.skipped.len(), 1, "{:?}", p.skipped);

        let p = parse(&fixture("mailman3-members.txt")).unwrap();
        assert_eq!(p.format, Format::Mailman);
        let anne = &p.rows[0];
        assert_eq!(
            (anne.address.as_str(), anne.name.as_deref()),
            ("anne@example.com", Some("Anne Person"))
        );
        assert_eq!(p.rows.len(), 3);
    }

    #[test]
    fn whole_file_problems() {
        assert_eq!(parse(b"").unwrap_err(), FileError::Empty);
        assert_eq!(parse(b"\n\n").unwrap_err(), FileError::Empty);
        let e = parse(b"who,what\nx,y\n").unwrap_err();
        assert_eq!(
            e,
            FileError::NoAddressColumn {
                found: "who, what".into()
            }
        );
        // A byte-order mark before the header is no part of its first name.
        let p = parse("\u{feff}Email,Name\nzoe@example.org,Zoë\n".as_bytes()).unwrap();
        assert_eq!(p.rows[0].name.as_deref(), Some("Zoë"));
    }

    fn existing(id: i64, s: &str, role: Role, status: PersonStatus) -> Existing {
        Existing {
            delivery: Delivery::Each,
            id,
            address: a(s),
            name: Some("Old".into()),
            role,
            status,
            language: None,
        }
    }

    #[test]
    fn the_plan_adds_updates_and_keeps() {
        let rows = parse(
            b"address,name,role,language\n\
              new@example.org,New,,de\n\
              same@example.org,Old,member,\n\
              lead@example.org,,coordinator,\n\
              gone@example.org,Gone,member,\n\
              keep@example.org,,,\n",
        )
        .unwrap()
        .rows;
        let there = [
            existing(1, "same@example.org", Role::Member, PersonStatus::Active),
            existing(2, "lead@example.org", Role::Member, PersonStatus::Paused),
            existing(3, "gone@example.org", Role::Member, PersonStatus::Left),
            existing(
                4,
                "keep@example.org",
                Role::Coordinator,
                PersonStatus::Active,
            ),
        ];
        let p = plan(rows, &there);
        assert!(
            matches!(&p[0], Change::Add { role: Role::Member, row } if row.language == Some(Lang::De))
        );
        assert!(matches!(&p[1], Change::Unchanged { .. }));
        match &p[2] {
            Change::Update {
                id,
                role,
                name,
                what,
                ..
            } => {
                assert_eq!((*id, *role), (2, Role::Coordinator));
                assert_eq!(
                    name.as_deref(),
                    Some("Old"),
                    "an empty name cell keeps the name"
                );
                assert_eq!(what, &["role member → coordinator".to_string()]);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&p[3], Change::Skip(s) if s.reason.contains("has left")));
        // No role in the file: a coordinator stays one.
        assert!(matches!(&p[4], Change::Unchanged { .. }));
    }

    #[test]
    fn what_we_write_reads_back_the_same() {
        let rows = vec![
            ExportRow {
                address: a("ana@example.org"),
                name: Some("Ana \"Nana\" Lima, PhD".into()),
                role: Role::Coordinator,
                delivery: Some(Delivery::Digest),
                language: Some(Lang::Pt),
            },
            ExportRow {
                address: a("bo@example.org"),
                name: None,
                role: Role::Guest,
                delivery: None,
                language: None,
            },
        ];
        let mut out = Vec::new();
        write(&mut out, &rows).unwrap();
        let p = parse(&out).unwrap();
        assert_eq!(p.format, Format::Roundtable);
        assert!(p.skipped.is_empty());
        let back: Vec<ExportRow> = p
            .rows
            .into_iter()
            .map(|r| ExportRow {
                address: r.address,
                name: r.name,
                role: r.role.unwrap(),
                delivery: r.delivery,
                language: r.language,
            })
            .collect();
        assert_eq!(back, rows);
    }
}
