//! The rules for the admin-managed forward-auth apps (`PUT /api/v1/apps`, SPEC §8): at most
//! [`MAX_APPS`], every host inside `sso.cookie_domain`, none that `config.toml` defines, clean
//! path prefixes, no entry twice. The admin-managed OpenID Connect clients are stored here too.

use super::sso::{APPS_KEY, host_matches};
use super::{Access, AccessError};
use crate::config::SsoApp;
use crate::config::cookie_domain::check_app_host;
use crate::store::OidcClientRecord;

/// At most this many admin-managed apps.
pub const MAX_APPS: usize = 200;

/// `input` checked and tidied (hosts lowercased, names, paths and users trimmed).
/// `Conflict` without a cookie domain or for a host `config_apps` holds; `Invalid` otherwise.
pub fn check_apps(
    input: Vec<SsoApp>,
    cookie_domain: Option<&str>,
    config_apps: &[SsoApp],
) -> Result<Vec<SsoApp>, AccessError> {
    if input.len() > MAX_APPS {
        return Err(AccessError::Invalid(format!("at most {MAX_APPS} apps")));
    }
    let domain = cookie_domain
        .map(|d| d.trim().trim_end_matches('.').to_ascii_lowercase())
        .ok_or_else(|| AccessError::Conflict("set sso.cookie_domain before adding apps".into()))?;
    let mut out: Vec<SsoApp> = Vec::with_capacity(input.len());
    for a in input {
        let host = a.host.trim().to_ascii_lowercase();
        check_app_host(&host, &domain).map_err(AccessError::Invalid)?;
        if config_apps.iter().any(|c| same_host(&c.host, &host)) {
            return Err(AccessError::Conflict(format!(
                "{host} is defined in config.toml; change it there"
            )));
        }
        let path = a
            .path
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty());
        let bad_path = |p: &str| {
            !p.starts_with('/')
                || p.contains(['?', '#', '\\'])
                || p.chars().any(char::is_whitespace)
        };
        if path.as_deref().is_some_and(bad_path) || a.bypass.iter().any(|b| bad_path(b)) {
            return Err(AccessError::Invalid(
                "paths and bypass prefixes start with / and carry no ?, #, \\ or spaces".into(),
            ));
        }
        if out.iter().any(|o| o.host == host && o.path == path) {
            return Err(AccessError::Invalid(format!(
                "{host} is listed twice with the same path"
            )));
        }
        out.push(SsoApp {
            host,
            path,
            name: trimmed(a.name).next(),
            users: trimmed(a.users).collect(),
            ..a
        });
    }
    Ok(out)
}

/// The non-empty ones of `names`, trimmed (an app's name, its `users`).
pub fn trimmed(names: impl IntoIterator<Item = String>) -> impl Iterator<Item = String> {
    names
        .into_iter()
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
}

/// Two app host patterns that name the same host.
fn same_host(a: &str, b: &str) -> bool {
    let a = a.trim().to_ascii_lowercase();
    a == b || (!b.starts_with("*.") && host_matches(&a, b) && !a.starts_with("*."))
}

impl Access {
    /// Replaces the stored admin-managed forward-auth apps (checked by [`check_apps`]).
    pub async fn save_admin_apps(&self, apps: Vec<SsoApp>) -> Result<(), AccessError> {
        self.save_setting(APPS_KEY, apps, None).await
    }

    /// Replaces the stored admin-managed OpenID Connect clients.
    pub async fn save_oidc_clients(&self, list: Vec<OidcClientRecord>) -> Result<(), AccessError> {
        self.write(move |tx| tx.put_oidc_clients(&list)).await
    }
}
