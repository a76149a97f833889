//! A stand-in for `roundtable inspect`, so the reading can be checked before the daemon exists:
//!
//!     inspect [inspect] [--json] [--as rsvp|topics|takeaways|followup] [--own ADDRESS]... FILE...
//!
//! With `--json`, one object per file and line (what `understand::inspect_json` gives);
//! without, a short readable summary per file.

use std::process::ExitCode;
use understand::{inspect_json, read, Asked, Context, Intent};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1).peekable();
    if args.peek().map(String::as_str) == Some("inspect") {
        args.next();
    }
    let mut json = false;
    let mut asked: Option<Asked> = None;
    let mut own: Vec<String> = Vec::new();
    let mut files: Vec<String> = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--json" => json = true,
            "--facts" => {
                for f in args.by_ref() {
                    println!(
                        "{}",
                        understand::debug_facts(&std::fs::read(&f).unwrap_or_default())
                    );
                }
                return ExitCode::SUCCESS;
            }
            "--as" => match args.next().map(|v| v.parse::<Asked>()) {
                Some(Ok(v)) => asked = Some(v),
                Some(Err(e)) => {
                    eprintln!("inspect: {e}");
                    return ExitCode::from(2);
                }
                None => {
                    eprintln!("inspect: --as needs a value: rsvp, topics, takeaways or followup");
                    return ExitCode::from(2);
                }
            },
            "--own" => match args.next() {
                Some(v) => own.push(v.to_lowercase()),
                None => {
                    eprintln!("inspect: --own needs an address");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                println!(
                    "usage: inspect [--json] [--as rsvp|topics|takeaways|followup] [--own ADDRESS]... FILE..."
                );
                return ExitCode::SUCCESS;
            }
            _ if a.starts_with("--as=") => match a["--as=".len()..].parse::<Asked>() {
                Ok(v) => asked = Some(v),
                Err(e) => {
                    eprintln!("inspect: {e}");
                    return ExitCode::from(2);
                }
            },
            _ => files.push(a),
        }
    }
    if files.is_empty() {
        eprintln!("inspect: no FILE given");
        return ExitCode::from(2);
    }
    let mut status = ExitCode::SUCCESS;
    for file in &files {
        let raw = match std::fs::read(file) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("inspect: {file}: {e}");
                if json {
                    println!(
                        "{}",
                        serde_json::json!({"file": file, "from": null, "kind": "unclear", "text": "", "reason": format!("cannot read the file: {e}")})
                    );
                }
                status = ExitCode::from(1);
                continue;
            }
        };
        if json {
            println!("{}", inspect_json(file, &raw, asked, &own));
            continue;
        }
        let ctx = Context {
            asked,
            own_addresses: &own,
        };
        match read(&raw, &ctx) {
            Ok(r) => {
                println!("{file}");
                println!(
                    "  from:    {}",
                    r.from.as_ref().map(|m| m.address.as_str()).unwrap_or("-")
                );
                println!("  subject: {}", r.subject);
                println!("  reading: {}", describe(&r.intent));
                for line in r.text.lines().take(12) {
                    println!("  | {line}");
                }
            }
            Err(e) => println!("{file}\n  unreadable: {e}"),
        }
    }
    status
}

fn describe(i: &Intent) -> String {
    match i {
        Intent::Rsvp {
            response,
            note,
            question,
        } => format!(
            "RSVP {:?}{}{}",
            response,
            note.as_ref().map(|n| format!(" ({n})")).unwrap_or_default(),
            question
                .as_ref()
                .map(|q| format!(", asking: {q}"))
                .unwrap_or_default()
        ),
        Intent::Topics { topics } => format!(
            "topics: {}",
            topics
                .iter()
                .map(|t| t.title.as_str())
                .collect::<Vec<_>>()
                .join(" | ")
        ),
        Intent::Votes { votes } => format!("votes: {votes:?}"),
        Intent::Takeaways { takeaways } => format!("{} takeaway(s)", takeaways.len()),
        Intent::Join => "JOIN".into(),
        Intent::Decline => "declines".into(),
        Intent::Command(c) => format!("command {} {}", c.word, c.args.join(" ")),
        Intent::AutoReply { reason } => format!("automatic mail ({reason})"),
        Intent::Bounce {
            recipients,
            permanent,
        } => format!(
            "{} bounce for {}",
            if *permanent { "permanent" } else { "temporary" },
            recipients.join(", ")
        ),
        Intent::Conversation => "conversation (a person talking to people)".into(),
        Intent::Unclear { reason } => format!("unclear ({reason})"),
    }
}
