//! roundtable runs a community of practice by email.
//!
//! Data flows one way; each stage is a folder:
//!
//! ```text
//! inbound/   mailbox (IMAP IDLE / Maildir / stdin): bytes in, acknowledged after the commit
//!   → understand   (crates/understand, pure: guard, trim, intent, iTIP, bounces, commands)
//!   → rules/       what a reading does to the group and which mail it causes; never sends
//!       schedule   beside the rules: when each timeline mail is due (pure)
//!       compose/   what we write: templates, .ics, signed reply tokens
//!   → store/       the only SQL: one transaction per change + its outbox rows + "handled"
//!   → outbox/      delivery: lease → send → record, retries, SMTP and Maildir transports
//! cli/       the command-line front: arguments, admin commands, the demo
//! ```
//!
//! - [`app`]: wiring: a checked config → store, mailbox, delivery; the daemon's tasks, `run --once`.
//! - [`cli`]: clap's commands ([`cli::admin`] carries them out; [`cli::demo`] is the newcomer's first run).
//! - [`clock`]: the one source of "now", fixed in tests and by `run --once --now`.
//! - [`compose`]: askama templates → message bytes with the list headers; [`compose::ics`], [`compose::token`].
//! - [`config`]: the TOML file and `ROUNDTABLE_…` variables → a checked [`config::Config`].
//! - [`domain`]: addresses, roles, statuses and kinds, durations — valid by construction.
//! - [`fault`]: `ROUNDTABLE_FAULT`, the fault injection the isolation tests use.
//! - [`health`]: `roundtable status` and the Prometheus metrics: leases, last handled, mail waiting.
//! - [`inbound`]: Maildir and IMAP mailboxes (fetch, ack after commit, quarantine).
//! - [`members_csv`]: member lists in and out as CSV (ours, Mailman 3's, Google Groups'), pure.
//! - [`maildir`]: Maildir primitives shared by the inbound mailbox and the outbound Maildir transport.
//! - [`outbox`]: lease → send → record; retry schedule; SMTP and Maildir transports.
//! - [`rules`]: what a reading, a command or a due job does; [`rules::auth_results`] reads our server's verdict.
//! - [`schedule`]: when each timeline mail is due; cron in the community's zone, DST-safe (pure).
//! - [`shutdown`]: the token every loop selects on.
//! - [`store`]: the only module that knows SQL (SQLite and PostgreSQL).
//! - [`telemetry`]: logging set-up.
//! - [`texts`]: what we say, per language: Fluent catalogs (`templates/texts/`) and overrides.
//! - [`tls`]: what the IMAP and SMTP clients trust (web PKI roots + `tls_ca_file`).

pub mod app;
pub mod cli;
pub mod clock;
pub mod compose;
pub mod config;
pub mod domain;
pub mod fault;
pub mod health;
pub mod inbound;
pub mod maildir;
pub mod members_csv;
pub mod outbox;
pub mod rules;
pub mod schedule;
pub mod shutdown;
pub mod store;
pub mod telemetry;
pub mod texts;
pub mod tls;
