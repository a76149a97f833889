//! roundtable runs a community of practice by email.
//!
//! Data flows one way:
//!
//! ```text
//! mailbox (IMAP IDLE / Maildir / stdin)        inbound
//!   → understand (pure: guard, trim, intent)    the `understand` crate
//!   → community rules (state + mail to send)    rules
//!   → store (one transaction: change + outbox rows + "handled")   store
//!   → delivery (outbox → SMTP, retries)         outbox
//! ```
//!
//! - [`config`]: the TOML file and `ROUNDTABLE_…` variables → a checked [`config::Config`].
//! - [`domain`]: addresses, roles, durations — valid by construction.
//! - [`token`]: HMAC-signed reply tokens in `list+TOKEN@domain`.
//! - [`auth`]: is a command really from the coordinator (Authentication-Results, display names).
//! - commands: words, usage, HELP, who may send each: one table in `understand::command`.
//! - [`inbound`]: Maildir and IMAP mailboxes (fetch, ack after commit, quarantine).
//! - [`schedule`]: when each timeline mail is due; cron in the community's zone, DST-safe (pure).
//! - [`rules`]: what a reading does and which mail it causes; never sends.
//! - [`render`]: askama templates → message bytes with the list headers.
//! - [`ics`]: iCalendar REQUEST / CANCEL with a VTIMEZONE, for the calendar part (pure).
//! - [`store`]: the only module that knows SQL (SQLite and PostgreSQL).
//! - [`outbox`]: lease → send → record; retry schedule; SMTP and Maildir transports.
//! - [`tls`]: what the IMAP and SMTP clients trust (web PKI roots + `tls_ca_file`).
//! - [`app`]: wiring, the daemon's tasks, `run --once`.
//! - [`demo`]: the newcomer's first run on embedded defaults.

pub mod admin;
pub mod app;
pub mod auth;
pub mod cli;
pub mod clock;
pub mod config;
pub mod demo;
pub mod domain;
pub mod ics;
pub mod inbound;
pub mod maildir;
pub mod outbox;
pub mod render;
pub mod rules;
pub mod schedule;
pub mod shutdown;
pub mod store;
pub mod telemetry;
pub mod tls;
pub mod token;
