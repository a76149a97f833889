//! Issue 13: one announcement and one digest per language, text part, as they are written,
//! against golden files in `tests/snapshots/` (dates in the community's zone, Europe/Berlin,
//! as each language writes them). `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` writes
//! them anew; otherwise a difference fails. Addresses and tokens (which change from run to
//! run) are replaced by fixed words first. On SQLite and PostgreSQL.

mod support;

#[allow(dead_code)]
#[path = "../examples/gallery/tour.rs"]
mod tour;

use support::{both_backends, Backend, World};

const LANGS: [&str; 6] = ["en", "de", "fr", "es", "nl", "pt"];

async fn texts(backend: Backend, lang: &str) -> Vec<(String, String)> {
    texts_with(backend, lang, None).await
}

/// [`texts`] with an override file (`texts_dir`, one `lang.ftl`) in the community's config.
async fn texts_with(
    backend: Backend,
    lang: &str,
    overrides: Option<&str>,
) -> Vec<(String, String)> {
    let w = World::new(backend, Some("kind = \"maildir\"\npath = \"sent\"".into())).await;
    let mut extra = format!("language = \"{lang}\"");
    if let Some(ftl) = overrides {
        let dir = w.dir.path().join("mine");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{lang}.ftl")), ftl).unwrap();
        extra.push_str(&format!("\ntexts_dir = \"{}\"", dir.display()));
    }
    w.rewrite_config(
        "timezone = \"Europe/Berlin\"",
        &format!("timezone = \"Europe/Berlin\"\n{extra}"),
    );
    let dir = w.dir.path().join("sent");
    let cast = tour::Cast::of(
        &w.list,
        &w.coordinator,
        |n| w.stack.address(n),
        &w.stack.authserv_id,
    );
    tour::run(&w.config_path, &dir, &cast).await.unwrap();
    let ben = &cast.members[0];
    let mut out = Vec::new();
    for kind in ["announcement", "digest"] {
        let raw = roundtable::maildir::list(&dir)
            .unwrap()
            .into_iter()
            .map(|f| std::fs::read(f).unwrap())
            .find(|raw| {
                support::header(raw, "X-Roundtable-Kind").as_deref() == Some(kind)
                    && support::header(raw, "Delivered-To").as_deref() == Some(ben.as_str())
            })
            .unwrap_or_else(|| panic!("no {kind} to {ben}"));
        let m = mail_parser::MessageParser::default().parse(&raw).unwrap();
        let text = format!(
            "Subject: {}\n\n{}",
            m.subject().unwrap_or_default(),
            m.body_text(0).unwrap()
        );
        // Tokened addresses first (design+TOKEN@…), then the plain ones.
        let list_local = w.list.split('@').next().unwrap().to_string();
        let domain = w.list.split('@').nth(1).unwrap().to_string();
        let tokened = regex_lite(&text, &format!("{list_local}+"), &format!("@{domain}"));
        let text = tokened
            .replace(&w.list, "LIST")
            .replace(ben.as_str(), "BEN")
            .replace(&w.coordinator, "COORDINATOR");
        out.push((kind.to_string(), text));
    }
    out
}

/// `prefix…suffix` spans (a token between them) replaced by `TOKENED`.
fn regex_lite(text: &str, prefix: &str, suffix: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(prefix) {
        let after = &rest[i + prefix.len()..];
        match after.find(suffix) {
            Some(j) if !after[..j].contains(char::is_whitespace) => {
                out.push_str(&rest[..i]);
                out.push_str("TOKENED");
                rest = &after[j + suffix.len()..];
            }
            _ => {
                out.push_str(&rest[..i + prefix.len()]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

async fn snapshots(backend: Backend) {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut differ = Vec::new();
    for lang in LANGS {
        for (kind, text) in texts(backend, lang).await {
            let file = dir.join(format!("{lang}-{kind}.txt"));
            if update {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&file, &text).unwrap();
                continue;
            }
            let golden = std::fs::read_to_string(&file).unwrap_or_else(|e| {
                panic!("{}: {e} (UPDATE_SNAPSHOTS=1 writes it)", file.display())
            });
            if golden != text {
                differ.push(format!(
                    "{} differs (UPDATE_SNAPSHOTS=1 writes it anew):\n--- golden\n{golden}\n--- written\n{text}",
                    file.display()
                ));
            }
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n\n"));
}

both_backends!(one_announcement_and_one_digest_per_language);
async fn one_announcement_and_one_digest_per_language(backend: Backend) {
    snapshots(backend).await;
    // The dates in them, as each language writes them, in the group's zone (Berlin: 18:30
    // local, whatever the machine's zone).
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap();
    assert!(read("de-announcement.txt").contains("Dienstag, 27. Oktober 2026"));
    assert!(read("de-announcement.txt").contains("Uhr"));
    assert!(read("fr-announcement.txt").contains("mardi 27 octobre 2026"));
    assert!(read("es-announcement.txt").contains("27 de octubre de 2026"));
    assert!(read("nl-announcement.txt").contains("dinsdag 27 oktober 2026"));
    assert!(read("pt-announcement.txt").contains("27 de outubro de 2026"));
    assert!(read("en-announcement.txt").contains("Tuesday 27 October 2026"));
}

both_backends!(an_override_changes_the_announcements_first_sentence);
async fn an_override_changes_the_announcements_first_sentence(backend: Backend) {
    let mine = "meets-on-at = Am { $when } sehen wir uns wieder bei { $community }, diesmal in { $place }.\n";
    let texts = texts_with(backend, "de", Some(mine)).await;
    let (_, announcement) = texts.iter().find(|(k, _)| k == "announcement").unwrap();
    let builtin = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/snapshots/de-announcement.txt"),
    )
    .unwrap();
    let old = "Design Circle trifft sich am Dienstag, 27. Oktober 2026, 18:30 Uhr CET, Ort: Room 4";
    assert!(builtin.contains(old), "{builtin}");
    assert!(
        announcement.contains("Am Dienstag, 27. Oktober 2026, 18:30 Uhr CET sehen wir uns wieder bei Design Circle, diesmal in Room 4"),
        "{announcement}"
    );
    assert!(!announcement.contains(old), "{announcement}");
    // The rest stays the built-in words.
    assert!(announcement.contains("Bist du dabei?"), "{announcement}");
}
