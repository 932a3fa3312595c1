//! The facts the OIDC endpoints judge with: every client (config first, then the admin-managed
//! ones, loaded once), and an account's rule verdict and claims, gathered exactly as forward
//! auth gathers them (`web::sso::account`).

use crate::access::AccessError;
use crate::access::oidc::{self, Client, Identity, Person};
use crate::access::sso::{AppSource, Who};
use crate::web::AppState;
use crate::web::sso::account;

/// Every client: config entries first, then the admin-managed ones.
pub async fn all(state: &AppState) -> Result<Vec<Client>, AccessError> {
    let admin = &state.oidc.admin_clients;
    let admin = admin.get_or_load(state.access.oidc_clients()).await?;
    let mut out: Vec<Client> = state
        .config
        .oidc
        .clients
        .iter()
        .map(|c| Client {
            config: c.clone(),
            secret_hash: state.oidc.config_secrets.get(&c.client_id).cloned(),
            source: AppSource::Config,
        })
        .collect();
    out.extend(
        admin
            .iter()
            .filter(|a| !out.iter().any(|c| c.id() == a.id()))
            .cloned()
            .collect::<Vec<_>>(),
    );
    Ok(out)
}

/// The client called `id`.
pub async fn find(state: &AppState, id: Option<&str>) -> Result<Option<Client>, AccessError> {
    let Some(id) = id else {
        return Ok(None);
    };
    Ok(all(state).await?.into_iter().find(|c| c.id() == id))
}

/// Who an account is now and what its claims say.
pub struct Facts {
    /// Owner, co-admin, grant.
    pub who: Who,
    /// Username, title, email, picture.
    pub person: Person,
}

/// The account's facts now (its profile as kept at its last sign-in).
pub async fn facts(state: &AppState, plex_id: u64) -> Result<Facts, AccessError> {
    let profile = state.access.profile(plex_id).await?.unwrap_or_default();
    let who = state.access.who(plex_id, &profile).await?;
    let person = Person {
        username: profile.username,
        title: profile.title,
        email: profile.email,
        email_verified: profile.email_verified,
        picture: profile.picture,
    };
    Ok(Facts { who, person })
}

/// Whether the account passes the client's rule now.
pub async fn passes(state: &AppState, client: &Client, who: &Who) -> Result<bool, AccessError> {
    let pins = account::pins(state).await?;
    let titles = crate::web::sso::titles::for_rule(state, &client.config.libraries);
    let pin_of = |e: &str| pins.get(&e.trim().to_ascii_lowercase()).copied();
    let title_id = |t: &str| titles.get(&crate::web::sso::titles::key(t)).copied();
    Ok(oidc::client_passes(client, who, &pin_of, &title_id))
}

/// The titles of the libraries the account's active grant holds (from the adapter's cached
/// section list: no plex.tv call).
fn library_titles(state: &AppState, who: &Who) -> Vec<String> {
    let Some(held) = &who.active_grant else {
        return Vec::new();
    };
    let Some(sections) = state.access.cached_sections() else {
        return Vec::new();
    };
    held.iter()
        .filter_map(|id| sections.sections.iter().find(|s| s.id == *id))
        .map(|s| s.title.clone())
        .collect()
}

/// The identity claims for `scopes`.
pub fn identity(state: &AppState, facts: &Facts, scopes: &[String]) -> Identity {
    let groups = oidc::groups(&facts.who, &library_titles(state, &facts.who));
    oidc::identity(&facts.who, &facts.person, groups, scopes)
}

/// The issuer: the public URL with its prefix, never from request headers.
pub fn issuer(state: &AppState) -> String {
    state.config.server.public_url.base().to_owned()
}
