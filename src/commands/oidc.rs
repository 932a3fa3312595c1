//! `plexgate print-oidc CLIENT` (the values an app's OIDC settings page asks for, with notes
//! for common apps) and `plexgate oidc rotate-key` (a new signing key; the old one stays in
//! JWKS for 7 days). SPEC §9.

use std::fmt::Write as _;

use super::explain;
use crate::clock::{Clock as _, SystemClock};
use crate::config::{Config, OidcClientConfig};
use crate::store::Store;

/// The scopes an app should ask for.
pub const SCOPES: &str = "openid profile email groups offline_access";

/// Per-app notes: (match word, app, note lines).
const NOTES: &[(&str, &str, &[&str])] = &[
    (
        "immich",
        "Immich",
        &[
            "Administration > Settings > Authentication Settings > OAuth: Issuer URL, Client ID, Client Secret, Scope as above.",
            "Redirect URIs to register: https://<immich>/auth/login, https://<immich>/user-settings and app.immich:///oauth-callback (mobile).",
            "Turn on \"Auto register\" so friends get an account on first sign-in; the mobile app needs the custom-scheme URI.",
        ],
    ),
    (
        "audiobookshelf",
        "Audiobookshelf",
        &[
            "Settings > Authentication > OpenID Connect: paste the Issuer URL and press Auto-populate.",
            "Redirect URIs: https://<abs>/auth/openid/callback and https://<abs>/auth/openid/mobile-redirect.",
            "Group claim: groups (plexgate-admins can be mapped to admin).",
        ],
    ),
    (
        "grafana",
        "Grafana",
        &[
            "[auth.generic_oauth]: enabled = true, client_id, client_secret, scopes as above, auth_url / token_url / api_url = the Authorize / Token / Userinfo URLs.",
            "Redirect URI: https://<grafana>/login/generic_oauth; login_attribute_path = preferred_username.",
            "role_attribute_path = contains(groups[*], 'plexgate-admins') && 'Admin' || 'Viewer'",
        ],
    ),
    (
        "portainer",
        "Portainer",
        &[
            "Settings > Authentication > OAuth > Custom: Authorization / Access token / Resource URLs = Authorize / Token / Userinfo URLs.",
            "Redirect URL: https://<portainer>/ ; User identifier: preferred_username; Scopes: openid profile email groups (space-separated).",
            "Logout URL: the End session URL.",
        ],
    ),
    (
        "nextcloud",
        "Nextcloud",
        &[
            "Install the \"OpenID Connect user backend\" (user_oidc) app; occ user_oidc:provider plexgate --clientid=... --clientsecret=... --discoveryuri=<Discovery URL>.",
            "Redirect URI: https://<nextcloud>/apps/user_oidc/code; the user id is mapped from sub (the stable Plex account id).",
            "Groups: --group-provisioning=1 --mapping-groups=groups.",
        ],
    ),
];

/// The text of `print-oidc` for `client`.
pub fn print(config: &Config, client: &OidcClientConfig) -> String {
    let iss = config.server.public_url.base();
    let name = client.name.as_deref().unwrap_or(&client.client_id);
    let mut out = String::new();
    let _ = writeln!(out, "# OpenID Connect settings for {name}");
    let mut row = |k: &str, v: &str| {
        let _ = writeln!(out, "{k:<20}{v}");
    };
    row("Issuer URL:", iss);
    row(
        "Discovery URL:",
        &format!("{iss}/.well-known/openid-configuration"),
    );
    row("Client ID:", &client.client_id);
    row(
        "Client secret:",
        if client.public {
            "none (public client: PKCE S256 required)"
        } else {
            "the secret shown once when the client was created (or its client_secret_file)"
        },
    );
    for uri in &client.redirect_uris {
        row("Redirect URI:", uri);
    }
    row("Scopes:", SCOPES);
    row("Authorize URL:", &format!("{iss}/oidc/authorize"));
    row("Token URL:", &format!("{iss}/oidc/token"));
    row("Userinfo URL:", &format!("{iss}/oidc/userinfo"));
    row("JWKS URL:", &format!("{iss}/oidc/jwks"));
    row("End session URL:", &format!("{iss}/oidc/logout"));
    row(
        "User id claim:",
        "sub (the Plex account id; usernames can change)",
    );
    row(
        "Groups claim:",
        "groups (plexgate-owner, plexgate-admins, plexgate-friends, library:<title>)",
    );
    let key = format!("{} {name}", client.client_id).to_lowercase();
    let matching: Vec<_> = NOTES.iter().filter(|(w, _, _)| key.contains(w)).collect();
    let shown = if matching.is_empty() {
        NOTES.iter().collect()
    } else {
        matching
    };
    for (_, app, lines) in shown {
        let _ = writeln!(out, "\n## {app}");
        for l in *lines {
            let _ = writeln!(out, "- {l}");
        }
    }
    out
}

/// Finds `id` among the config clients, else the admin-managed ones in the store.
pub fn find(config: &Config, id: &str) -> anyhow::Result<OidcClientConfig> {
    if let Some(c) = config.oidc.clients.iter().find(|c| c.client_id == id) {
        return Ok(c.clone());
    }
    let store = Store::open(&config.server.data_dir).map_err(|e| {
        explain(
            e,
            "reading admin-managed clients (GET /api/v1/oidc/clients works meanwhile)",
        )
    })?;
    let clients = store.read_blocking(|tx| tx.oidc_clients())?;
    clients
        .into_iter()
        .map(|r| r.client)
        .find(|c| c.client_id == id)
        .ok_or_else(|| anyhow::anyhow!("no OIDC client {id} in config.toml or the admin page"))
}

/// `plexgate oidc rotate-key` on a stopped instance; returns the line to print.
pub fn rotate_key(config: &Config) -> anyhow::Result<String> {
    let store =
        Store::open(&config.server.data_dir).map_err(|e| explain(e, "rotating the OIDC key"))?;
    let kid = crate::access::oidc::jws::rotate(&store, SystemClock.unix())?;
    Ok(format!(
        "new OIDC signing key {kid}; the previous key stays in JWKS for 7 days"
    ))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// The README's Grafana example is what `print-oidc` prints for the same client.
    #[test]
    fn readme_grafana_example_matches_print_oidc() {
        let toml = r#"
[server]
public_url = "https://plex.example.com"
[oidc]
enabled = true
[[oidc.clients]]
client_id = "grafana"
name = "Grafana"
redirect_uris = ["https://grafana.example.com/login/generic_oauth"]
client_secret_file = "/run/secrets/grafana-oidc"
allow = "friends"
"#;
        let config =
            Config::from_toml_str(toml, std::path::Path::new("t.toml"), &|_| None).unwrap();
        let out = print(&config, &config.oidc.clients[0]);
        let readme = include_str!("../../README.md");
        for (label, key) in [
            ("Authorize URL:", "auth_url = "),
            ("Token URL:", "token_url = "),
            ("Userinfo URL:", "api_url = "),
            ("Client ID:", "client_id = "),
            ("Scopes:", "scopes = "),
        ] {
            let value = out
                .lines()
                .find_map(|l| l.strip_prefix(label))
                .unwrap()
                .trim();
            assert!(readme.contains(&format!("{key}{value}")), "{key}{value}");
        }
        assert!(out.contains("https://grafana.example.com/login/generic_oauth"));
        assert!(out.contains("## Grafana") && !out.contains("## Immich"));
    }
}
