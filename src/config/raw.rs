//! What serde reads from the TOML file: everything optional, strings as written. The
//! checker (`check.rs`) turns it into the typed [`super::Config`].

use std::collections::BTreeMap;

use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawConfig {
    pub(super) database_url: Option<String>,
    pub(super) secret: Option<String>,
    pub(super) authserv_id: Option<String>,
    pub(super) metrics_listen: Option<String>,
    pub(super) inbound: Option<RawInbound>,
    pub(super) outbound: Option<RawOutbound>,
    #[serde(default)]
    pub(super) community: Vec<RawCommunity>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawInbound {
    pub(super) kind: Option<String>,
    pub(super) path: Option<String>,
    pub(super) host: Option<String>,
    pub(super) port: Option<u16>,
    pub(super) tls: Option<String>,
    pub(super) tls_ca_file: Option<String>,
    pub(super) username: Option<String>,
    pub(super) password: Option<String>,
    pub(super) folder: Option<String>,
    pub(super) handled_folder: Option<String>,
    pub(super) quarantine_folder: Option<String>,
    pub(super) idle: Option<bool>,
    pub(super) poll_interval: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOutbound {
    pub(super) kind: Option<String>,
    pub(super) path: Option<String>,
    pub(super) host: Option<String>,
    pub(super) port: Option<u16>,
    pub(super) tls: Option<String>,
    pub(super) tls_ca_file: Option<String>,
    pub(super) username: Option<String>,
    pub(super) password: Option<String>,
    pub(super) max_connections: Option<u32>,
    pub(super) rate_per_second: Option<f64>,
    pub(super) retry: Option<Vec<String>>,
    pub(super) max_age: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCommunity {
    pub(super) slug: Option<String>,
    pub(super) name: Option<String>,
    pub(super) address: Option<String>,
    pub(super) timezone: Option<String>,
    #[serde(default)]
    pub(super) coordinators: Vec<String>,
    pub(super) meeting_cron: Option<String>,
    pub(super) meeting_place: Option<String>,
    pub(super) language: Option<String>,
    pub(super) texts_dir: Option<String>,
    pub(super) coordinator_auth: Option<String>,
    pub(super) description: Option<String>,
    pub(super) signature: Option<String>,
    pub(super) timeline: Option<BTreeMap<String, String>>,
    // Posts to the list (issue 15).
    pub(super) subject_prefix: Option<String>,
    pub(super) reply_to: Option<String>,
    pub(super) max_post_size: Option<String>,
    pub(super) posts_per_hour: Option<i64>,
    pub(super) guests_may_post: Option<bool>,
    pub(super) hold_days: Option<i64>,
    // DKIM signing of what we send (issue 15).
    pub(super) dkim_key: Option<String>,
    pub(super) dkim_selector: Option<String>,
    pub(super) dkim_domain: Option<String>,
}
