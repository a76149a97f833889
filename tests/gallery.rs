//! Issue 16: every HTML mail the service sends, checked as sent. A community goes through one
//! whole meeting cycle (`examples/gallery/tour.rs`, the same tour the gallery's pictures are
//! made from) on SQLite and on PostgreSQL, its mail written to a Maildir; then for every HTML
//! part:
//!
//! - every colour pair an element ends up with — its inline `color` on the background it sits
//!   on (its own or inherited), in the light styles and in the dark-mode styles of the mail's
//!   own `<style>` (which override inline colours with `!important`) — is WCAG AA, 4.5:1;
//! - every `<img>` has a text alternative and is a part of the mail, not a remote image;
//! - every `mailto:` link goes to the list address, or to an address whose token the daemon
//!   verifies for the very person the mail went to, and what the click starts (its Subject and
//!   body, with the words a person adds where the button leaves room) is read by the daemon as
//!   what the button says: YES is an RSVP yes, "+1 #2" a vote for #2, LEAVE the command;
//! - no `http(s):` link carries anything that could change state: roundtable serves no web
//!   pages, so that would be a reply token or the list's address in a web address.

mod support;

#[allow(dead_code)]
#[path = "../examples/gallery/tour.rs"]
mod tour;

use std::collections::{BTreeMap, BTreeSet};

use roundtable::app::App;
use roundtable::compose::contrast::ratio;
use roundtable::rules::Read;
use support::{both_backends, Backend, World};
use understand::command::Cmd;
use understand::{Intent, Response};

/// One mail as sent.
struct Sent {
    kind: String,
    to: String,
    subject: String,
    date: i64,
    html: String,
}

fn sent(dir: &std::path::Path) -> Vec<Sent> {
    roundtable::maildir::list(dir)
        .unwrap()
        .into_iter()
        .map(|f| {
            let raw = std::fs::read(&f).unwrap();
            let m = mail_parser::MessageParser::default().parse(&raw).unwrap();
            let header = |name: &'static str| {
                support::header(&raw, name).unwrap_or_else(|| panic!("no {name} in {f:?}"))
            };
            Sent {
                kind: header("X-Roundtable-Kind"),
                to: header("Delivered-To"),
                subject: m.subject().unwrap_or_default().to_string(),
                date: m.date().expect("a Date").to_timestamp(),
                html: m
                    .body_html(0)
                    .unwrap_or_else(|| {
                        panic!(
                            "{} to {} has no HTML part",
                            header("X-Roundtable-Kind"),
                            header("Delivered-To")
                        )
                    })
                    .to_string(),
            }
        })
        .collect()
}

// ---- colours -----------------------------------------------------------------------------------

/// A CSS declaration list → property → value (lower-case, `!important` dropped).
fn declarations(css: &str) -> BTreeMap<String, String> {
    css.split(';')
        .filter_map(|d| {
            let (k, v) = d.split_once(':')?;
            Some((
                k.trim().to_ascii_lowercase(),
                v.trim()
                    .trim_end_matches("!important")
                    .trim()
                    .to_ascii_lowercase(),
            ))
        })
        .collect()
}

/// A colour value we can compute with: `#rgb`/`#rrggbb`; anything else fails the test (a
/// colour we cannot check is not a colour we know to be readable).
fn colour(v: &str, what: &str) -> String {
    let h = v.trim_start_matches('#');
    assert!(
        v.starts_with('#')
            && (h.len() == 3 || h.len() == 6)
            && h.chars().all(|c| c.is_ascii_hexdigit()),
        "{what}: the colour {v:?} is not #rgb or #rrggbb"
    );
    v.to_string()
}

fn fg_bg(decls: &BTreeMap<String, String>, what: &str) -> (Option<String>, Option<String>) {
    let fg = decls.get("color").map(|v| colour(v, what));
    let bg = decls
        .get("background-color")
        .or_else(|| decls.get("background"))
        .filter(|v| !v.starts_with("url(") && *v != "none" && *v != "transparent")
        .map(|v| colour(v, what));
    (fg, bg)
}

/// The dark-mode rules of a mail's `<style>`: (selector, declarations). Selectors are a tag
/// or a `.class`; anything else fails the test rather than go unchecked.
fn dark_rules(html: &str) -> Vec<(String, BTreeMap<String, String>)> {
    let Some(start) = html.find("prefers-color-scheme: dark") else {
        return Vec::new();
    };
    let block = &html[start..];
    let block = &block[block.find('{').unwrap() + 1..];
    let end = block.find("</style>").unwrap();
    let mut out = Vec::new();
    for rule in block[..end].split('}') {
        let Some((sel, css)) = rule.split_once('{') else {
            continue;
        };
        for s in sel.split(',') {
            let s = s.trim().to_string();
            assert!(
                s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
                    && s.matches('.').count() <= 1
                    && (s.starts_with('.') || !s.contains('.')),
                "a dark-mode selector this test cannot follow: {s:?}"
            );
            out.push((s, declarations(css)));
        }
    }
    out
}

const VOID: [&str; 6] = ["br", "img", "hr", "meta", "link", "input"];

/// Every element's colour pair, light and dark, as a mail client that honours (or ignores)
/// the dark-mode styles shows it; panics on a pair below 4.5:1. Returns how many were checked.
fn check_colours(mail: &Sent) -> usize {
    let what = format!("{} to {}", mail.kind, mail.to);
    let dark = dark_rules(&mail.html);
    assert!(!dark.is_empty(), "{what}: no dark-mode styles");
    let body_start = mail
        .html
        .find("<body")
        .unwrap_or_else(|| panic!("{what}: no <body>"));
    // (light fg, light bg, dark fg, dark bg) of the open elements; a mail client's page is white
    // (light) and the dark rule for `body` says the dark page.
    let mut stack = vec![(
        "#000000".to_string(),
        "#ffffff".to_string(),
        "#ffffff".to_string(),
        "#000000".to_string(),
    )];
    let mut checked = 0;
    let mut rest = &mail.html[body_start..];
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt + 1..];
        let gt = rest
            .find('>')
            .unwrap_or_else(|| panic!("{what}: an unclosed tag"));
        let tag = &rest[..gt];
        rest = &rest[gt + 1..];
        if let Some(closing) = tag.strip_prefix('/') {
            if !VOID.contains(&closing.trim()) && stack.len() > 1 {
                stack.pop();
            }
            continue;
        }
        let name = tag
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap()
            .to_ascii_lowercase();
        let attr = |a: &str| {
            let key = format!(" {a}=\"");
            tag.find(&key).map(|i| {
                let v = &tag[i + key.len()..];
                v[..v.find('"').unwrap()].to_string()
            })
        };
        let classes: Vec<String> = attr("class")
            .map(|c| c.split_whitespace().map(|c| format!(".{c}")).collect())
            .unwrap_or_default();
        let parent = stack.last().unwrap().clone();
        let inline = attr("style").map(|s| declarations(&s)).unwrap_or_default();
        let (lfg, lbg) = fg_bg(&inline, &what);
        // Dark mode: a matching rule's `!important` beats the inline style; a class rule beats
        // a tag rule (more specific).
        let mut dfg = None;
        let mut dbg = None;
        for specific in [false, true] {
            for (sel, decls) in &dark {
                let matches = if specific {
                    classes.contains(sel)
                } else {
                    *sel == name
                };
                if matches {
                    let (f, b) = fg_bg(decls, &what);
                    dfg = f.or(dfg);
                    dbg = b.or(dbg);
                }
            }
        }
        let lfg_set = lfg.is_some() || lbg.is_some();
        let dark_set = dfg.is_some() || dbg.is_some() || lfg_set;
        let light = (
            lfg.clone().unwrap_or(parent.0.clone()),
            lbg.clone().unwrap_or(parent.1.clone()),
        );
        let dark_pair = (
            dfg.or(lfg).unwrap_or(parent.2.clone()),
            dbg.or(lbg).unwrap_or(parent.3.clone()),
        );
        if name != "body" || lfg_set {
            if lfg_set {
                let r = ratio(&light.0, &light.1);
                assert!(
                    r >= 4.5,
                    "{what}: <{name}> is {} on {}, {r:.2}:1 (AA needs 4.5:1): <{tag}>",
                    light.0,
                    light.1
                );
                checked += 1;
            }
            if dark_set {
                let r = ratio(&dark_pair.0, &dark_pair.1);
                assert!(
                    r >= 4.5,
                    "{what}, dark mode: <{name}> is {} on {}, {r:.2}:1 (AA needs 4.5:1): <{tag}>",
                    dark_pair.0,
                    dark_pair.1
                );
                checked += 1;
            }
        }
        if !VOID.contains(&name.as_str()) && !tag.ends_with('/') {
            stack.push((light.0, light.1, dark_pair.0, dark_pair.1));
        }
    }
    checked
}

// ---- images and links --------------------------------------------------------------------------

/// Every `<img>` has a non-empty alt and is sent with the mail (`cid:`, never fetched from
/// the web); returns how many images there were.
fn check_alts(mail: &Sent) -> usize {
    let mut n = 0;
    for img in mail.html.split("<img").skip(1) {
        let tag = &img[..img.find('>').unwrap()];
        let alt = tag
            .split(" alt=\"")
            .nth(1)
            .map(|a| &a[..a.find('"').unwrap()])
            .unwrap_or_default();
        assert!(
            !alt.trim().is_empty(),
            "{} to {}: an image without a text alternative: <img{tag}>",
            mail.kind,
            mail.to
        );
        assert!(
            tag.contains(" src=\"cid:"),
            "{} to {}: an image that is not sent with the mail (a remote image): <img{tag}>",
            mail.kind,
            mail.to
        );
        n += 1;
    }
    n
}

/// Percent-decoding of a URL query value (`+` is a plus in mailto: RFC 6068).
fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() + 1 {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).expect("a %XX escape"));
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("UTF-8 after decoding")
}

/// The HTML's attribute values (`&amp;` and `&quot;` decoded) of every `href="…"`.
fn hrefs(html: &str) -> Vec<String> {
    html.split(" href=\"")
        .skip(1)
        .map(|h| {
            h[..h.find('"').unwrap()]
                .replace("&amp;", "&")
                .replace("&#x3d;", "=")
                .replace("&quot;", "\"")
        })
        .collect()
}

/// What a link's Subject must be read as.
#[derive(Debug)]
enum Expect {
    Rsvp(Response),
    Vote(u32),
    Command(fn(&Cmd) -> bool, #[allow(dead_code)] &'static str),
    Join,
    Decline,
    Topics,
    Takeaways,
}

/// What the button asks for, from its Subject alone; with the words a person types where the
/// button leaves room (a topic's title, a takeaway).
fn expectation(subject: &str, body: &str) -> (Expect, String) {
    let s = subject.trim().to_ascii_uppercase();
    let e = match s.as_str() {
        "YES" => Expect::Rsvp(Response::Yes),
        "NO" => Expect::Rsvp(Response::No),
        "MAYBE" => Expect::Rsvp(Response::Maybe),
        "LEAVE" => Expect::Command(|c| *c == Cmd::Leave, "LEAVE"),
        "HELP" => Expect::Command(|c| *c == Cmd::Help, "HELP"),
        "JOIN" => Expect::Join,
        "NO THANKS" => Expect::Decline,
        "TOPIC" => Expect::Topics,
        "MY TAKEAWAYS" => Expect::Takeaways,
        _ => match s.strip_prefix("+1 #").and_then(|n| n.parse().ok()) {
            Some(n) => Expect::Vote(n),
            None => panic!("a button with a Subject this test does not know: {subject:?}"),
        },
    };
    let body = match e {
        Expect::Topics if body.trim_end().ends_with(':') => format!("{body}Pricing retainers"),
        Expect::Takeaways if body.trim().is_empty() => "- Price the outcome, not the hours".into(),
        _ => body.to_string(),
    };
    (e, body)
}

/// Every link of a mail: mailto links go to the list or to the reader's own verified address
/// and say what their button says; http(s) links change nothing. Returns the mailto count.
fn check_links(app: &App, w: &World, people: &BTreeMap<String, i64>, mail: &Sent) -> usize {
    let what = format!("{} to {} ({:?})", mail.kind, mail.to, mail.subject);
    let (list_local, list_domain) = w.list.split_once('@').unwrap();
    // The tokens of the mail's own `list+TOKEN@` addresses.
    let tags: Vec<String> = hrefs(&mail.html)
        .iter()
        .filter_map(|h| h.strip_prefix("mailto:"))
        .filter_map(|a| {
            a.split('@')
                .next()?
                .split_once('+')
                .map(|(_, t)| t.to_string())
        })
        .collect();
    let mut n = 0;
    for href in hrefs(&mail.html) {
        if let Some(web) = href
            .strip_prefix("http://")
            .or_else(|| href.strip_prefix("https://"))
        {
            assert!(
                !web.contains(list_local) && !tags.iter().any(|t| web.contains(t.as_str())),
                "{what}: a web link that could change state when fetched: {href}"
            );
            continue;
        }
        let Some(mailto) = href.strip_prefix("mailto:") else {
            assert!(
                href.starts_with('#'),
                "{what}: a link of another kind: {href}"
            );
            continue;
        };
        n += 1;
        let (address, query) = mailto.split_once('?').unwrap_or((mailto, ""));
        let field = |name: &str| {
            query
                .split('&')
                .find_map(|kv| kv.strip_prefix(&format!("{name}=")))
                .map(decode)
                .unwrap_or_default()
        };
        let (subject, body) = (field("subject"), field("body"));
        let (local, domain) = address
            .split_once('@')
            .unwrap_or_else(|| panic!("{what}: not an address: {href}"));
        assert_eq!(domain, list_domain, "{what}: {href}");
        let tagged = local != list_local;
        if tagged {
            assert!(
                local.starts_with(&format!("{list_local}+")),
                "{what}: a link to someone else's address: {href}"
            );
        }
        // The click, sent by the reader at the time the mail went out.
        let (expect, body) = expectation(&subject, &body);
        let raw = format!(
            "From: {}\r\nTo: {address}\r\nSubject: {subject}\r\nMessage-ID: <{}@client.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n",
            mail.to,
            uuid::Uuid::new_v4().simple()
        );
        let Read::Mail(read) = app.world.read(raw.as_bytes(), mail.date) else {
            panic!("{what}: the click on {href} is unreadable");
        };
        if tagged {
            let claims = read
                .claims()
                .unwrap_or_else(|| panic!("{what}: the token of {address} does not verify"));
            // Someone who is not a member (a stranger's "your mail to …") gets a token for
            // nobody (person 0): it answers for no one.
            let person = people.get(&mail.to).unwrap_or(&0);
            assert_eq!(
                claims.person_id, *person,
                "{what}: {address} answers for person {} instead of the reader, {person}",
                claims.person_id
            );
        }
        let intent = &read.reading().intent;
        let ok = match (&expect, intent) {
            (Expect::Rsvp(r), Intent::Rsvp { response, .. }) => r == response,
            (Expect::Rsvp(r), Intent::Command(c)) => c.parsed.as_ref() == Ok(&Cmd::Rsvp(*r)),
            (Expect::Vote(v), Intent::Votes { votes }) => {
                assert!(
                    mail.html.contains(&format!("#{v} ")),
                    "{what}: a +1 for #{v}, a topic the mail does not show"
                );
                votes == &vec![*v]
            }
            (Expect::Command(is, _), Intent::Command(c)) => c.parsed.as_ref().is_ok_and(is),
            (Expect::Join, Intent::Join) => true,
            (Expect::Join, Intent::Command(c)) => c.parsed.as_ref() == Ok(&Cmd::Join),
            (Expect::Decline, Intent::Decline) => true,
            (Expect::Topics, Intent::Topics { topics }) => topics.len() == 1,
            (Expect::Takeaways, Intent::Takeaways { takeaways }) => takeaways.len() == 1,
            _ => false,
        };
        assert!(
            ok,
            "{what}: the button {href} should say {expect:?}; the daemon reads {intent:?}"
        );
    }
    n
}

// ---- the test ----------------------------------------------------------------------------------

/// Every kind of mail the tour makes, each of which must be there and checked.
const KINDS: [&str; 15] = [
    "announcement",
    "call-for-topics",
    "agenda",
    "reminder",
    "takeaway-request",
    "guest-followup",
    "digest",
    "invitation",
    "update",
    "welcome",
    "notice",
    "confirmation",
    "question",
    "command-result",
    "forwarded",
];

both_backends!(every_html_mail_is_readable_and_every_button_answers_right);
async fn every_html_mail_is_readable_and_every_button_answers_right(backend: Backend) {
    let w = World::new(backend, Some("kind = \"maildir\"\npath = \"sent\"".into())).await;
    let dir = w.dir.path().join("sent");
    let cast = tour::Cast::of(
        &w.list,
        &w.coordinator,
        |n| w.stack.address(n),
        &w.stack.authserv_id,
    );
    tour::run(&w.config_path, &dir, &cast).await.unwrap();

    let app = w.app().await;
    let c = app.world.community("design").unwrap().clone();
    let people: BTreeMap<String, i64> = app
        .store()
        .people(c.id)
        .await
        .unwrap()
        .into_iter()
        .map(|p| (p.address.as_str().to_string(), p.id))
        .collect();

    let mails = sent(&dir);
    let mut per_kind: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    let (mut colours, mut images, mut mailtos) = (0, 0, 0);
    for mail in &mails {
        let k = per_kind.entry(mail.kind.as_str()).or_default();
        let pairs = check_colours(mail);
        let links = check_links(&app, &w, &people, mail);
        images += check_alts(mail);
        k.0 += 1;
        k.1 += pairs;
        k.2 += links;
        colours += pairs;
        mailtos += links;
    }
    println!(
        "{} mails, {colours} colour pairs, {images} images, {mailtos} mailto links",
        mails.len()
    );
    for (kind, (n, pairs, links)) in &per_kind {
        println!("  {kind:<18} {n:>3} mails {pairs:>5} colour pairs {links:>4} mailto links");
    }

    // Every kind was made, and checked: each has colours and at least the footer's link.
    let kinds: BTreeSet<&str> = per_kind.keys().copied().collect();
    for kind in KINDS {
        assert!(kinds.contains(kind), "no {kind} among {kinds:?}");
        let (_, pairs, links) = per_kind[kind];
        assert!(
            pairs > 0 && links > 0,
            "{kind}: {pairs} colour pairs, {links} links checked"
        );
    }
    // The answers people asked for: HELP's table and STATUS.
    let subjects: Vec<&str> = mails
        .iter()
        .filter(|m| m.kind == "command-result")
        .map(|m| m.subject.as_str())
        .collect();
    for command in ["HELP", "STATUS", "INVITE"] {
        assert!(
            subjects.iter().any(|s| s.contains(command)),
            "no answer to {command} among {subjects:?}"
        );
    }
    // The agenda's "Coming" counts the guest who said yes.
    let agenda = mails.iter().find(|m| m.kind == "agenda").unwrap();
    assert!(
        agenda
            .html
            .contains("Coming (2):</strong> Ben Okafor, Gus Berg (guest)"),
        "{}",
        agenda.html
    );
    // Dev's "+1 #2 +1 #3" counted for both.
    assert!(
        agenda.html.contains("#3 Saying no to a client</strong> <span class=\"rt-plus\" style=\"color:#1a7f37;font-weight:600\">+1</span>"),
        "{}",
        agenda.html
    );
    // The digest's charts were among the images; STATUS shows them too (issue 16 item 5).
    assert!(images >= 2, "{images} images");
    let status = mails
        .iter()
        .find(|m| m.kind == "command-result" && m.subject.contains("STATUS"))
        .unwrap();
    assert!(
        status.html.contains("<img class=\"rt-chart\""),
        "STATUS without its charts: {}",
        status.html
    );
    // Buttons of every kind were pressed: answers, +1s, topics, takeaways, joining.
    for subject in [
        "YES",
        "MAYBE",
        "NO",
        "%2B1%20%23",
        "Topic",
        "My%20takeaways",
        "JOIN",
        "No%20thanks",
        "LEAVE",
        "HELP",
    ] {
        assert!(
            mails
                .iter()
                .any(|m| m.html.contains(&format!("?subject={subject}"))),
            "no button with the Subject {subject}"
        );
    }
}

// ---- the checks can fail -----------------------------------------------------------------------

fn page(body: &str) -> Sent {
    Sent {
        kind: "example".into(),
        to: "ben@example.org".into(),
        subject: String::new(),
        date: 0,
        html: format!(
            "<html><head><style>@media (prefers-color-scheme: dark) {{ body, .rt-body {{ background:#1c1c1e !important; color:#ececec !important; }} .rt-plus {{ color:#7ee2a0 !important; }} }}</style></head><body class=\"rt-body\" style=\"color:#222222;background:#ffffff\">{body}</body></html>"
        ),
    }
}

#[test]
fn readable_colours_pass() {
    let n = check_colours(&page(
        "<p>Hi <strong class=\"rt-plus\" style=\"color:#1a7f37\">+2</strong></p>",
    ));
    assert_eq!(n, 4, "the body and the +2, light and dark");
}

#[test]
#[should_panic(expected = "2.96:1")]
fn a_pale_green_fails() {
    check_colours(&page("<p><span style=\"color:#22aa77\">+3</span></p>"));
}

#[test]
#[should_panic(expected = "dark mode")]
fn an_inline_colour_no_dark_rule_overrides_fails_in_dark_mode() {
    check_colours(&page("<p><strong style=\"color:#1a7f37\">+2</strong></p>"));
}

#[test]
#[should_panic(expected = "on #1a5fb4")]
fn text_inheriting_its_colour_onto_a_dark_box_fails() {
    check_colours(&page(
        "<div style=\"background:#1a5fb4\"><p>dark on blue</p></div>",
    ));
}

#[test]
#[should_panic(expected = "without a text alternative")]
fn an_image_without_alt_fails() {
    check_alts(&page("<img src=\"cid:x\" alt=\"\">"));
}

#[test]
#[should_panic(expected = "a remote image")]
fn a_remote_image_fails() {
    check_alts(&page(
        "<img src=\"https://tracker.example/p.png\" alt=\"logo\">",
    ));
}
