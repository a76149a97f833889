//! Issue 15, DKIM signing of what we send, on SQLite and PostgreSQL with the real Postfix and
//! Dovecot: a community with `dkim_key` signs every mail when it is sent — a post's copy and
//! a command's answer — and mail-auth's verifier, given the public key as the DNS record
//! (a resolver that asks no server: the record is in its cache), says `pass` for what a
//! member reads back over IMAP. A key that can't be read stops the config with its name.

mod support;

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use mail_auth::common::parse::TxtRecordParser;
use mail_auth::common::verify::DomainKey;
use mail_auth::hickory_resolver::config::{NameServerConfig, ResolverConfig, ResolverOpts};
use mail_auth::{AuthenticatedMessage, DkimResult, MessageAuthenticator, Parameters};
use mail_auth::{ResolverCache, Txt};
use support::{add_member, both_backends, header, mail, Backend, World};

const WAIT: Duration = Duration::from_secs(30);
const SELECTOR: &str = "rt2026";

/// The DNS records the verifier sees: only what the test put in.
struct Records(Mutex<HashMap<Box<str>, Txt>>);

impl ResolverCache<Box<str>, Txt> for Records {
    fn get<Q>(&self, name: &Q) -> Option<Txt>
    where
        Box<str>: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.0.lock().unwrap().get(name).cloned()
    }

    fn remove<Q>(&self, name: &Q) -> Option<Txt>
    where
        Box<str>: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.0.lock().unwrap().remove(name)
    }

    fn insert(&self, key: Box<str>, value: Txt, _: Instant) {
        self.0.lock().unwrap().insert(key, value);
    }
}

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/dkim")
        .join(name)
}

/// mail-auth's DKIM verdicts for a message, the key's record given for `domain`.
async fn verify(raw: &[u8], domain: &str) -> Vec<DkimResult> {
    let public = std::fs::read_to_string(fixture("test-rsa.pub.b64")).unwrap();
    let record = format!("v=DKIM1; k=rsa; p={}", public.trim());
    let records = Records(Mutex::new(HashMap::new()));
    records.insert(
        format!("{SELECTOR}._domainkey.{domain}.").into(),
        Txt::from(DomainKey::parse(record.as_bytes()).unwrap()),
        Instant::now() + Duration::from_secs(3600),
    );
    // A resolver on loopback that is never asked: the record is in the cache.
    let resolver = MessageAuthenticator::new(
        ResolverConfig::from_name_servers(vec![NameServerConfig::udp(
            std::net::Ipv4Addr::LOCALHOST.into(),
        )]),
        ResolverOpts::default(),
    )
    .unwrap();
    let message = AuthenticatedMessage::parse(raw).expect("a parsable mail");
    resolver
        .verify_dkim(Parameters::new(&message).with_txt_cache(&records))
        .await
        .into_iter()
        .map(|o| o.result().clone())
        .collect()
}

both_backends!(every_mail_we_send_is_signed_and_verifies);
async fn every_mail_we_send_is_signed_and_verifies(backend: Backend) {
    let w = World::new(backend, None).await;
    let key = fixture("test-rsa.pem");
    w.rewrite_config(
        "description = ",
        &format!(
            "dkim_key = \"{}\"\ndkim_selector = \"{SELECTOR}\"\ndescription = ",
            key.display()
        ),
    );
    let app = w.app().await;
    let (ana, ben) = (w.stack.address("ana"), w.stack.address("ben"));
    add_member(&app, &ana, "Ana Lopez").await;
    add_member(&app, &ben, "Ben Berg").await;
    let post = mail(
        &format!("Ana Lopez <{ana}>"),
        &w.list,
        "Figma variables with clients?",
        "Anyone used Figma's new variables with a client yet? Grüße!",
    );
    app.handle(&post).await.unwrap();
    app.handle(&mail(&ben, &w.list, "TOPICS", ""))
        .await
        .unwrap();
    app.run_once().await.unwrap();

    let domain = w.list.rsplit_once('@').unwrap().1.to_string();
    let copy = w.stack.wait_for_kind(&ben, "post", 1, WAIT).await.remove(0);
    let answer = w
        .stack
        .wait_for_kind(&ben, "command-result", 1, WAIT)
        .await
        .remove(0);
    for (what, m) in [("post", &copy), ("answer", &answer)] {
        let sig = header(m, "DKIM-Signature").unwrap_or_else(|| panic!("{what} is signed"));
        assert!(
            sig.contains(&format!("d={domain}")) && sig.contains(&format!("s={SELECTOR}")),
            "{what}: {sig}"
        );
        assert_eq!(
            verify(m, &domain).await,
            vec![DkimResult::Pass],
            "{what} verifies"
        );
    }
    // What was changed after signing does not verify: the check can fail.
    let mut forged = String::from_utf8_lossy(&copy).into_owned();
    forged = forged.replace("Figma variables with clients?", "Figma variables, cheap!");
    assert_ne!(
        verify(forged.as_bytes(), &domain).await,
        vec![DkimResult::Pass]
    );
    println!("--- a post's copy as Ben reads it ({backend:?}) ---");
    println!(
        "DKIM-Signature: {}",
        header(&copy, "DKIM-Signature").unwrap_or_default()
    );
}

/// A key that can't be read is refused when the config is read, the key named.
#[test]
fn a_missing_key_is_refused_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("roundtable.toml");
    std::fs::write(
        &cfg,
        r#"database_url = "sqlite::memory:"
secret = "test-secret-0123456789abcdef"
[inbound]
kind = "maildir"
path = "inbox"
[outbound]
kind = "maildir"
path = "outbox"
[[community]]
slug = "design"
name = "Design Circle"
address = "circle@example.org"
timezone = "Europe/Berlin"
coordinators = ["ana@example.org"]
dkim_key = "no-such-key.pem"
dkim_selector = "rt2026"
"#,
    )
    .unwrap();
    let e = format!("{:#}", roundtable::config::load(&cfg).unwrap_err());
    assert!(
        e.contains("dkim_key") && e.contains("no-such-key.pem"),
        "{e}"
    );
    // A file that is no key is refused too.
    std::fs::write(dir.path().join("no-such-key.pem"), "hello").unwrap();
    let e = format!("{:#}", roundtable::config::load(&cfg).unwrap_err());
    assert!(e.contains("dkim_key") && e.contains("PEM"), "{e}");
}
