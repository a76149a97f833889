//! TLS for the IMAP and SMTP clients: which certificates they trust, the one rustls client
//! configuration both use, and what to tell the admin when a server's certificate is refused.
//!
//! Trust is the public web PKI roots (webpki-roots, compiled in) plus, when the config names
//! one, the CA certificates of a PEM file (`inbound.tls_ca_file`, `outbound.tls_ca_file`).
//! *In addition to* the public roots, not instead of them: a private CA is added for a server
//! that uses one, and a later move of that server to a public certificate (or a second
//! server behind the same name) keeps working without a config change. Whoever needs the
//! private CA *only* can still get it, by pointing the host at a name no public CA would sign.
//!
//! The host name is always checked: a DNS name against the certificate's DNS names, an IP
//! address (`host = "127.0.0.1"`) against its IP address entries. There is no switch to turn
//! verification off.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName};
use rustls::{ClientConfig, RootCertStore};
use tokio::net::TcpStream;

/// The CA certificates of a `tls_ca_file`, read and checked when the config is loaded (so that
/// `roundtable check-config` reports a missing or unusable file).
#[derive(Clone)]
pub struct CaFile {
    pub path: PathBuf,
    certs: Vec<CertificateDer<'static>>,
}

impl fmt::Debug for CaFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "CaFile({}, {} certificate(s))",
            self.path.display(),
            self.certs.len()
        )
    }
}

/// Why a `tls_ca_file` cannot be used, and the fix, for the config's problem list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaFileProblem {
    pub problem: String,
    pub fix: String,
}

impl CaFile {
    /// Reads every `-----BEGIN CERTIFICATE-----` block of `path`; each must be a certificate
    /// rustls accepts as a trust anchor, and there must be at least one. Other PEM blocks
    /// (a private key, say) are skipped.
    pub fn read(path: &Path) -> Result<CaFile, CaFileProblem> {
        let shown = path.display();
        let bytes = std::fs::read(path).map_err(|e| CaFileProblem {
            problem: format!("cannot read {shown}: {e}"),
            fix: "give the path of a readable PEM file with the CA's certificate (a relative path is taken from the config file's directory)".into(),
        })?;
        let not_pem = |problem: String| {
            CaFileProblem {
            problem,
            fix: format!("put the CA's certificate in PEM form (-----BEGIN CERTIFICATE----- …) into {shown}; a DER file converts with `openssl x509 -inform der -in CA.der -out CA.pem`"),
        }
        };
        let certs = CertificateDer::pem_slice_iter(&bytes)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| not_pem(format!("{shown} is not valid PEM: {e}")))?;
        if certs.is_empty() {
            return Err(not_pem(format!("{shown} holds no PEM certificate")));
        }
        let mut store = RootCertStore::empty();
        for (i, c) in certs.iter().enumerate() {
            store.add(c.clone()).map_err(|e| CaFileProblem {
                problem: format!("certificate {} of {} ({shown}) is not a usable CA certificate: {e}", i + 1, certs.len()),
                fix: "replace it with the X.509 certificate of the CA that signed the server's certificate, e.g. from `openssl s_client -showcerts`".into(),
            })?;
        }
        Ok(CaFile {
            path: path.to_path_buf(),
            certs,
        })
    }

    pub fn certificates(&self) -> &[CertificateDer<'static>] {
        &self.certs
    }
}

/// The rustls client configuration of IMAP (implicit TLS and STARTTLS) and SMTP implicit TLS:
/// ring, TLS 1.2 and 1.3, the web PKI roots plus `ca`'s certificates. (SMTP STARTTLS runs
/// through lettre, which builds its own from the same roots: see `outbox::smtp`.) Build it once
/// per client, not per connection.
pub fn client_config(ca: Option<&CaFile>) -> Result<Arc<ClientConfig>, rustls::Error> {
    let mut roots = RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    for c in ca.map(CaFile::certificates).unwrap_or_default() {
        roots.add(c.clone())?;
    }
    let config =
        ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()?
            .with_root_certificates(roots)
            .with_no_client_auth();
    Ok(Arc::new(config))
}

/// The TLS handshake on a connected socket, checking the certificate against `host`.
pub async fn connect(
    config: &Arc<ClientConfig>,
    host: &str,
    tcp: TcpStream,
) -> std::io::Result<tokio_rustls::client::TlsStream<TcpStream>> {
    let name = ServerName::try_from(host.to_string()).map_err(|e| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("{host} is not a valid TLS server name: {e}"),
        )
    })?;
    tokio_rustls::TlsConnector::from(Arc::clone(config))
        .connect(name, tcp)
        .await
}

/// A server certificate that rustls refused: what is wrong (rustls' words) and the fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateProblem {
    pub problem: String,
    pub fix: String,
}

impl fmt::Display for CertificateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (fix: {})", self.problem, self.fix)
    }
}

/// When `e`, or an error it wraps, is a server certificate that rustls refused: the problem
/// and what to do about it, naming the config key `ca_key` where a private CA goes. `None`
/// for anything else.
pub fn certificate_problem(
    e: &(dyn std::error::Error + 'static),
    host: &str,
    ca_key: &str,
) -> Option<CertificateProblem> {
    use rustls::CertificateError as C;
    let err = find_certificate_error(e)?;
    let rustls::Error::InvalidCertificate(cert) = err else {
        return None;
    };
    let (why, fix) = match cert {
        C::UnknownIssuer | C::BadSignature | C::UnhandledCriticalExtension => (
            format!("the certificate of {host} is not signed by a CA this client trusts (the public web PKI roots, and {ca_key} if set)"),
            format!("if the server uses a private or self-signed CA, set {ca_key} to that CA's certificate (PEM)"),
        ),
        C::NotValidForName | C::NotValidForNameContext { .. } => (
            format!("the certificate is not issued for {host}"),
            "set host to a name or IP address that the server's certificate lists".to_string(),
        ),
        C::Expired | C::ExpiredContext { .. } | C::NotValidYet | C::NotValidYetContext { .. } => (
            format!("the certificate of {host} is outside its validity period"),
            "renew the certificate on the server, or check this machine's clock".to_string(),
        ),
        _ => (format!("the certificate of {host} was refused"), format!("check the server's certificate chain, and {ca_key}")),
    };
    Some(CertificateProblem {
        problem: format!("{err}: {why}"),
        fix,
    })
}

/// Walks the chain of causes, looking inside `io::Error`s too (their `source()` skips the
/// error they wrap, which is where tokio-rustls puts the rustls error).
fn find_certificate_error<'a>(
    e: &'a (dyn std::error::Error + 'static),
) -> Option<&'a rustls::Error> {
    let mut cur = Some(e);
    while let Some(err) = cur {
        if let Some(r @ rustls::Error::InvalidCertificate(_)) = err.downcast_ref::<rustls::Error>()
        {
            return Some(r);
        }
        if let Some(inner) = err
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
        {
            if let Some(c) = find_certificate_error(inner) {
                return Some(c);
            }
        }
        cur = err.source();
    }
    None
}

/// A self-signed CA certificate (EC P-256, valid until 2126; its key was thrown away) for unit
/// tests of config loading.
#[cfg(test)]
pub(crate) const TEST_CA_PEM: &str = "\
-----BEGIN CERTIFICATE-----\n\
MIIBqzCCAVGgAwIBAgIUKvpsYCYj+aA02Vp9Da6VK1+rbpAwCgYIKoZIzj0EAwIw\n\
IjEgMB4GA1UEAwwXcm91bmR0YWJsZSB1bml0LXRlc3QgQ0EwIBcNMjYxMTI5MDYx\n\
MDMyWhgPMjEyNjExMDUwNjEwMzJaMCIxIDAeBgNVBAMMF3JvdW5kdGFibGUgdW5p\n\
dC10ZXN0IENBMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAERxXe+bKZC9/sckrp\n\
SAb9Y62OQuvoBK+ZrO/00bH07KMmGncFt2fHt28SmtyHAu3HBAJEKxjP21YxQ3Ew\n\
RLLt26NjMGEwHQYDVR0OBBYEFLR00lpxzO0U0Eqhf7elPP76fwQjMB8GA1UdIwQY\n\
MBaAFLR00lpxzO0U0Eqhf7elPP76fwQjMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0P\n\
AQH/BAQDAgEGMAoGCCqGSM49BAMCA0gAMEUCIQCKUq4pAFc0ZdLT1riq81WtLBSX\n\
5JP+isXdWW2Fcl0VWQIgLDE4lqPmPq9G3pKyGBuGQen7hmHm4V5eAlgCdgRzglU=\n\
-----END CERTIFICATE-----\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ca_certificate_is_read_and_trusted_besides_the_web_roots() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ca.pem");
        // With a private key in the same file, as some tools write it: skipped.
        std::fs::write(&path, format!("-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIB3MTDBCC2Tj4U6M5c3nEQ3fKrEv9xkQj6FMWAp3NRbC\n-----END PRIVATE KEY-----\n{TEST_CA_PEM}")).unwrap();
        let ca = CaFile::read(&path).unwrap();
        assert_eq!(ca.certificates().len(), 1);
        client_config(Some(&ca)).unwrap();
        client_config(None).unwrap();
    }

    #[test]
    fn a_file_without_a_certificate_is_refused_with_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        let missing = CaFile::read(&dir.path().join("nope.pem")).unwrap_err();
        assert!(missing.problem.starts_with("cannot read"), "{missing:?}");

        let key_only = dir.path().join("key.pem");
        std::fs::write(&key_only, "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIB3MTDBCC2Tj4U6M5c3nEQ3fKrEv9xkQj6FMWAp3NRbC\n-----END PRIVATE KEY-----\n").unwrap();
        let p = CaFile::read(&key_only).unwrap_err();
        assert!(p.problem.contains("holds no PEM certificate"), "{p:?}");

        let garbage = dir.path().join("garbage.pem");
        std::fs::write(
            &garbage,
            "-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQ=\n-----END CERTIFICATE-----\n",
        )
        .unwrap();
        let p = CaFile::read(&garbage).unwrap_err();
        assert!(
            p.problem.contains("certificate 1 of 1")
                && p.problem.contains("not a usable CA certificate"),
            "{p:?}"
        );

        let broken = dir.path().join("broken.pem");
        std::fs::write(&broken, "-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQ=\n").unwrap();
        let p = CaFile::read(&broken).unwrap_err();
        assert!(p.problem.contains("is not valid PEM"), "{p:?}");
        assert!([missing, p].iter().all(|p| !p.fix.is_empty()));
    }

    #[test]
    fn a_refused_certificate_is_found_inside_an_io_error() {
        let rustls_err = rustls::Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer);
        let io = std::io::Error::new(std::io::ErrorKind::InvalidData, rustls_err);
        let p = certificate_problem(&io, "mx.example.org", "outbound.tls_ca_file").unwrap();
        assert!(
            p.problem.starts_with(
                "invalid peer certificate: UnknownIssuer: the certificate of mx.example.org"
            ),
            "{p}"
        );
        assert!(p.fix.contains("set outbound.tls_ca_file"), "{p}");
        let other = std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "refused");
        assert_eq!(certificate_problem(&other, "h", "k"), None);
    }
}
