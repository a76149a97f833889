//! The HELP text, made from the spec table: every command the sender may use, one line each
//! with an example; a coordinator also gets theirs and how to write dates.

use super::{Who, SPECS};

/// The HELP text for a member, or (`coordinator`) for a coordinator.
pub fn help(coordinator: bool) -> String {
    let mut out = String::from(
        "Send a command as the Subject of a mail to the group's address (upper or lower case).\n\n",
    );
    let line = |out: &mut String, s: &super::Spec| {
        out.push_str(&format!(
            "{} - {}. Example: {}\n",
            s.short, s.what, s.example
        ));
    };
    for s in SPECS.iter().filter(|s| s.who == Who::Everyone) {
        line(&mut out, s);
    }
    if coordinator {
        out.push_str("\nFor coordinators:\n");
        for s in SPECS.iter().filter(|s| s.who == Who::Coordinator) {
            line(&mut out, s);
        }
        out.push_str(
            "\nDates are local time: 2026-12-08 18:30, 08.12.2026 18:30 or 8 Dec 2026 18:30.\n",
        );
    }
    out
}

/// One command of HELP, for a table: how to write it, what it does, an example.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HelpRow {
    pub usage: String,
    pub what: String,
    pub example: String,
}

/// The rows of HELP, from the same spec table as [`help`]: everyone's commands, and (for a
/// coordinator) the coordinators' own.
pub fn help_rows(coordinator: bool) -> (Vec<HelpRow>, Vec<HelpRow>) {
    let rows = |who: Who| {
        SPECS
            .iter()
            .filter(|s| s.who == who)
            .map(|s| HelpRow {
                usage: s.short.to_string(),
                what: s.what.to_string(),
                example: s.example.to_string(),
            })
            .collect::<Vec<_>>()
    };
    let theirs = if coordinator {
        rows(Who::Coordinator)
    } else {
        Vec::new()
    };
    (rows(Who::Everyone), theirs)
}

#[cfg(test)]
mod tests {
    use super::super::tests::p;
    use super::*;

    #[test]
    fn help_rows_are_the_help_texts_lines() {
        let (everyone, theirs) = help_rows(true);
        let text = help(true);
        for r in everyone.iter().chain(&theirs) {
            assert!(
                text.contains(&format!("{} - {}. Example: {}", r.usage, r.what, r.example)),
                "{r:?}"
            );
        }
        assert_eq!((everyone.len(), theirs.len()), (10, 12));
        assert!(help_rows(false).1.is_empty());
    }

    #[test]
    fn help_text() {
        let member = help(false);
        let coord = help(true);
        for w in [
            "RSVP YES|NO|MAYBE",
            "TOPICS",
            "SEARCH words",
            "PAUSE",
            "RESUME",
            "LEAVE",
            "JOIN",
            "DELIVERY EACH|DIGEST|NONE",
            "HELP",
        ] {
            assert!(member.contains(w), "{w}");
            assert!(coord.contains(w), "{w}");
        }
        for w in [
            "SCHEDULE",
            "RESCHEDULE",
            "CANCEL",
            "INVITE",
            "ADD",
            "REMOVE",
            "PROMOTE",
            "ATTENDED",
            "AGENDA",
            "DIGEST",
            "TOPIC CLOSE",
            "STATUS",
        ] {
            assert!(!member.contains(&format!("\n{w} ")), "{w} in member help");
            assert!(coord.contains(&format!("\n{w} ")), "{w}");
        }
        // One line per command, each with an example.
        assert_eq!(
            member.lines().filter(|l| l.contains("Example: ")).count(),
            10
        );
        assert_eq!(
            coord.lines().filter(|l| l.contains("Example: ")).count(),
            10 + 12
        );
        assert!(coord.lines().all(|l| l.chars().count() <= 110), "{coord}");
        // Every example in the help parses.
        for l in coord.lines().filter_map(|l| l.split("Example: ").nth(1)) {
            assert!(p(l).is_ok(), "{l}");
        }
    }
}
