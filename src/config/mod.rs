//! plexgate's configuration (SPEC §5): one key table (`KEYS`) drives the defaults, the env
//! overlay, `print_config()` and `markdown_table()`; the file and env are merged over the defaults
//! and deserialized into the typed [`Config`] (`deny_unknown_fields`, style.md #10).

pub mod cookie_domain;
mod error;
mod keys;
mod load;
pub mod oidc_client;
mod render;
mod types;

#[cfg(test)]
mod tests;

use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use url::Url;

use crate::secret::Secret;

pub use error::ConfigError;
pub use keys::{KEYS, Key, Kind, SECTIONS};
pub use render::{markdown_table, print_config};
pub use types::{LibraryRef, LogFormat, Policy, PublicUrl, SsoRule};

use load::Layers;
use types::de_with;

/// The whole configuration. `Debug` never shows a secret (they are [`Secret`]s).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub server: ServerConfig,
    pub log: LogConfig,
    pub events: EventsConfig,
    pub plex: PlexConfig,
    pub access: AccessConfig,
    pub session: SessionConfig,
    pub admin: AdminConfig,
    pub limits: LimitsConfig,
    pub reconcile: ReconcileConfig,
    pub backup: BackupConfig,
    pub notify: NotifyConfig,
    pub api: ApiConfig,
    pub sso: SsoConfig,
    pub oidc: OidcConfig,
    /// Dotted names of the keys present in the file or the environment.
    #[serde(skip)]
    set: BTreeSet<String>,
    /// The file the config was read from, if any.
    #[serde(skip)]
    source: Option<PathBuf>,
}

/// `[server]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerConfig {
    pub listen: SocketAddr,
    pub public_url: PublicUrl,
    pub data_dir: PathBuf,
    /// A bare IP in the file or env means that one host (/32 or /128).
    #[serde(deserialize_with = "de_with::cidr_list")]
    pub trusted_proxies: Vec<ipnet::IpNet>,
}

/// `[log]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogConfig {
    pub format: LogFormat,
}

/// `[events]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventsConfig {
    pub keep_days: u32,
}

/// `[plex]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlexConfig {
    #[serde(deserialize_with = "de_with::http_url")]
    pub api_url: Url,
    #[serde(deserialize_with = "de_with::http_url")]
    pub clients_url: Url,
    #[serde(deserialize_with = "de_with::http_url")]
    pub auth_url: Url,
    pub token: Option<Secret>,
    pub server: Option<String>,
}

/// `[access]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessConfig {
    pub policy: Policy,
    pub libraries: Option<Vec<LibraryRef>>,
    pub allow_downloads: bool,
    pub allow_live_tv: bool,
    pub allow_camera_upload: bool,
}

/// `[session]`: account sessions (for `/me` and forward auth).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionConfig {
    #[serde(deserialize_with = "de_with::duration")]
    pub lifetime: Duration,
    #[serde(deserialize_with = "de_with::duration")]
    pub idle: Duration,
}

/// `[admin]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdminConfig {
    #[serde(deserialize_with = "de_with::duration")]
    pub idle: Duration,
}

/// `[limits]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitsConfig {
    pub signins_per_minute: u32,
}

/// `[reconcile]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReconcileConfig {
    #[serde(deserialize_with = "de_with::duration")]
    pub interval: Duration,
    pub max_removals: u32,
}

/// `[backup]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupConfig {
    pub keep: u32,
}

/// `[notify]`: webhook URLs carry their own credentials, so they are secrets.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotifyConfig {
    pub webhook_url: Option<Secret>,
    pub discord_url: Option<Secret>,
    pub ntfy_url: Option<Secret>,
}

/// `[api]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiConfig {
    pub key: Option<Secret>,
}

/// `[sso]`: forward auth (SPEC §8).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SsoConfig {
    pub enabled: bool,
    pub cookie_domain: Option<String>,
    pub default_allow: SsoRule,
    #[serde(default)]
    pub apps: Vec<SsoApp>,
}

/// One `[[sso.apps]]` entry (file only; the admin page keeps its own in the store).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SsoApp {
    pub host: String,
    pub path: Option<String>,
    pub name: Option<String>,
    pub allow: SsoRule,
    #[serde(default)]
    pub users: Vec<String>,
    #[serde(default)]
    pub libraries: Vec<LibraryRef>,
    #[serde(default)]
    pub bypass: Vec<String>,
}

/// `[oidc]`: the OpenID Connect provider (SPEC §9).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OidcConfig {
    pub enabled: bool,
    #[serde(default)]
    pub clients: Vec<OidcClientConfig>,
}

/// One `[[oidc.clients]]` entry (file only; the admin page keeps its own in the store). A
/// confidential client's secret is read from `client_secret_file` (never written in the file).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OidcClientConfig {
    pub client_id: String,
    pub name: Option<String>,
    pub redirect_uris: Vec<String>,
    #[serde(default)]
    pub public: bool,
    pub client_secret_file: Option<PathBuf>,
    pub allow: SsoRule,
    #[serde(default)]
    pub users: Vec<String>,
    #[serde(default)]
    pub libraries: Vec<LibraryRef>,
    #[serde(default)]
    pub post_logout_redirect_uris: Vec<String>,
}

impl Config {
    /// Reads `path`, then the environment. A missing file is an error only when `explicit`
    /// (`--config` given); otherwise the defaults and the environment apply.
    pub fn load(
        path: &Path,
        explicit: bool,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Config, ConfigError> {
        match std::fs::read_to_string(path) {
            Ok(text) => Self::from_toml_str(&text, path, env),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => {
                Self::build(None, env)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(ConfigError::Missing {
                path: path.to_owned(),
            }),
            Err(source) => Err(ConfigError::Read {
                path: path.to_owned(),
                source,
            }),
        }
    }

    /// Parses `text` as if read from `origin` (named in errors), then applies the environment.
    pub fn from_toml_str(
        text: &str,
        origin: &Path,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Config, ConfigError> {
        let table: toml::Table =
            text.parse()
                .map_err(|e: toml::de::Error| ConfigError::Syntax {
                    path: origin.to_owned(),
                    message: e.to_string().trim().to_owned(),
                })?;
        Self::build(Some((table, origin)), env)
    }

    fn build(
        file: Option<(toml::Table, &Path)>,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Config, ConfigError> {
        let mut layers = Layers::defaults()?;
        let source = file.as_ref().map(|(_, path)| path.to_path_buf());
        if let Some((table, path)) = file {
            layers.merge_file(table, path)?;
        }
        layers.merge_env(env)?;
        layers.validate()?;
        let mut config = layers.typed()?;
        config.set = layers.set_keys();
        config.source = source;
        config.check_rules(&layers)?;
        Ok(config)
    }

    /// Rules across keys; per-key checks already passed.
    fn check_rules(&self, layers: &Layers) -> Result<(), ConfigError> {
        if self.sso.enabled
            && self
                .sso
                .cookie_domain
                .as_deref()
                .is_none_or(|d| d.trim().is_empty())
        {
            let message = "required when sso.enabled is true".to_owned();
            return Err(layers.invalid("sso.cookie_domain", "sso.enabled", message));
        }
        self.check_sso_domain(layers)?;
        self.check_oidc_clients(layers)
    }

    /// Every `[[oidc.clients]]` entry has a unique id, at least one redirect URI, and a secret
    /// file exactly when it is confidential.
    fn check_oidc_clients(&self, layers: &Layers) -> Result<(), ConfigError> {
        let invalid = |message| layers.invalid("oidc.clients", "oidc.clients", message);
        let mut seen = BTreeSet::new();
        for c in &self.oidc.clients {
            oidc_client::check_client_shape(
                &c.client_id,
                &c.redirect_uris,
                &c.post_logout_redirect_uris,
            )
            .map_err(invalid)?;
            if !seen.insert(c.client_id.as_str()) {
                return Err(invalid(format!(
                    "client_id `{}` appears twice",
                    c.client_id
                )));
            }
            if c.public == c.client_secret_file.is_some() {
                return Err(invalid(format!(
                    "client `{}`: a confidential client needs client_secret_file, a public one has none",
                    c.client_id
                )));
            }
        }
        Ok(())
    }

    /// SPEC §8: the cookie domain must contain the public URL's host and must not be an IP, a
    /// single label or a public suffix; every app host lies inside it.
    fn check_sso_domain(&self, layers: &Layers) -> Result<(), ConfigError> {
        if !self.sso.enabled {
            // Only a cookie domain in use is judged: a leftover value does no harm.
            return Ok(());
        }
        let Some(raw) = self
            .sso
            .cookie_domain
            .as_deref()
            .filter(|d| !d.trim().is_empty())
        else {
            return Ok(());
        };
        let domain = cookie_domain::check(raw, self.server.public_url.host())
            .map_err(|m| layers.invalid("sso.cookie_domain", "sso.cookie_domain", m))?;
        for app in &self.sso.apps {
            cookie_domain::check_app_host(&app.host, &domain)
                .map_err(|m| layers.invalid("sso.apps", "sso.apps", m))?;
        }
        Ok(())
    }

    /// Whether `key` (dotted, e.g. `plex.token`) was present in the file or the environment.
    pub fn is_set(&self, key: &str) -> bool {
        self.set.contains(key)
    }

    /// The file the config was read from (`None` when it did not exist).
    pub fn source(&self) -> Option<&Path> {
        self.source.as_deref()
    }
}

/// Two configs are equal when their settings are; where the values came from does not count.
impl PartialEq for Config {
    fn eq(&self, o: &Self) -> bool {
        self.server == o.server
            && self.log == o.log
            && self.events == o.events
            && self.plex == o.plex
            && self.access == o.access
            && self.session == o.session
            && self.admin == o.admin
            && self.limits == o.limits
            && self.reconcile == o.reconcile
            && self.backup == o.backup
            && self.notify == o.notify
            && self.api == o.api
            && self.sso == o.sso
            && self.oidc == o.oidc
    }
}

impl Default for Config {
    /// Exactly the defaults of `KEYS`, nothing set.
    fn default() -> Self {
        match Self::build(None, &|_| None) {
            Ok(config) => config,
            // KEYS is a constant and `tests::defaults_parse` proves it loads; reaching this is a
            // bug in the table, not something a user can cause.
            Err(e) => panic!("the built-in config defaults do not load: {e}"),
        }
    }
}

/// The process environment as the `env` argument of [`Config::load`] (used by `main`; tests pass
/// their own closure instead of touching the process environment).
pub fn env_from_process() -> impl Fn(&str) -> Option<String> {
    |name: &str| std::env::var(name).ok()
}
