//! `GET /admin/apps` (owner only): every app and who may open it, in one place: the
//! forward-auth apps (read-only here) and the OpenID Connect clients (add, remove, new secret;
//! a secret is shown once). The client list is shared with `PUT /api/v1/oidc/clients`.

use axum::extract::{Path, Query, State};
use serde::Serialize;

use super::access::{LibraryBox, library_boxes};
use super::flash::FlashKind;
use super::form::Sticky;
use super::{Answer, Done, OwnerPost, OwnerSession, View, done, done_shown, render};
use crate::access::AccessError;
use crate::access::model::{EventKind, Session};
use crate::access::oidc::{client_id_ok, redirect_uri_ok};
use crate::access::sso::AppSource;
use crate::config::{LibraryRef, SsoRule};
use crate::i18n::{arg, tr, tr_args};
use crate::web::AppState;
use crate::web::api::oidc_clients::{ClientBody, replace, view};
use crate::web::csrf::AdminPost;
use crate::web::error::PageError;
use crate::web::oidc::clients;
use crate::web::sso::account;

const BACK: &str = "/admin/apps";
const VIEW: View = View(BACK, "adm-tab-apps", "admin/apps.html");

#[derive(Serialize)]
struct AppRow {
    name: String,
    place: String,
    rule: String,
    /// Paths passed without a sign-in (the app's own API key protects them).
    bypass: Vec<String>,
    source: String,
}

#[derive(Serialize)]
struct ClientRow {
    client_id: String,
    name: String,
    kind: &'static str,
    rule: String,
    /// `admin` when added here (removable), else `config`.
    source: AppSource,
    /// Where it is set, in words.
    origin: String,
    redirect_uris: Vec<String>,
}

#[derive(Serialize)]
struct AppsPage {
    apps: Vec<AppRow>,
    oidc_enabled: bool,
    clients: Vec<ClientRow>,
}

/// Where an app is set: a forward-auth app outside the file comes from `PUT /api/v1/apps`, an
/// OpenID Connect client from this page (or its API).
fn source(s: AppSource, admin: &str) -> String {
    match s {
        AppSource::Config => tr("adm-apps-from-config"),
        AppSource::Admin => tr(admin),
    }
}

/// Who may open an app, in words, with library titles (never section ids).
fn who_may(
    rule: SsoRule,
    users: &[String],
    libraries: &[LibraryRef],
    boxes: &[LibraryBox],
) -> String {
    let mut s = match rule {
        SsoRule::Deny => return tr("adm-apps-rule-deny"),
        SsoRule::Owner => tr("adm-apps-rule-owner"),
        SsoRule::Admins => tr("adm-apps-rule-admins"),
        SsoRule::Friends if libraries.is_empty() => tr("adm-apps-rule-friends"),
        SsoRule::Friends => {
            let titles: Vec<String> = libraries
                .iter()
                .map(|l| match l {
                    LibraryRef::Title(t) => t.clone(),
                    LibraryRef::Id(id) => boxes
                        .iter()
                        .find(|b| b.id == *id)
                        .map_or_else(|| tr("adm-ev-gone-library"), |b| b.title.clone()),
                })
                .collect();
            let or = format!(" {} ", tr("adm-apps-or"));
            tr_args(
                "adm-apps-rule-friends-to",
                &[("libraries", arg(titles.join(&or)))],
            )
        }
    };
    if !users.is_empty() {
        s = tr_args(
            "adm-apps-rule-and-users",
            &[("rule", arg(s)), ("users", arg(users.join(", ")))],
        );
    }
    s
}

async fn show(state: &AppState, s: &Session, d: &Done) -> Answer {
    let (Ok(apps), Ok(all)) = (account::apps(state).await, clients::all(state).await) else {
        return Err(PageError::internal(&"reading apps failed"));
    };
    let boxes = library_boxes(state).await;
    let page = AppsPage {
        apps: apps
            .iter()
            .map(|a| AppRow {
                name: a.display_name().to_owned(),
                place: format!("{}{}", a.app.host, a.app.path.as_deref().unwrap_or("")),
                rule: who_may(a.app.allow, &a.app.users, &a.app.libraries, &boxes),
                bypass: a.app.bypass.clone(),
                source: source(a.source, "adm-apps-set-with-api"),
            })
            .collect(),
        oidc_enabled: state.config.oidc.enabled,
        clients: all
            .iter()
            .map(|c| ClientRow {
                client_id: c.id().to_owned(),
                name: c.display_name().to_owned(),
                kind: if c.config.public {
                    "public"
                } else {
                    "confidential"
                },
                rule: who_may(c.config.allow, &c.config.users, &c.config.libraries, &boxes),
                source: c.source,
                origin: source(c.source, "adm-apps-added-here"),
                redirect_uris: c.config.redirect_uris.clone(),
            })
            .collect(),
    };
    // Never cached: the `frame` layer marks every /admin answer `no-store`.
    Ok(render(state, s, &VIEW, d, &page).await)
}

/// `GET /admin/apps`.
pub async fn page(
    State(state): State<AppState>,
    OwnerSession(s): OwnerSession,
    Query(d): Query<Done>,
) -> Answer {
    show(&state, &s, &d).await
}

/// The admin-managed clients as the API shapes them.
async fn current(state: &AppState) -> Result<Vec<ClientBody>, PageError> {
    let all = clients::all(state)
        .await
        .map_err(|e| PageError::internal(&e))?;
    Ok(all
        .into_iter()
        .filter(|c| c.source == AppSource::Admin)
        // The API's shape; the source goes, `replace` takes the list back.
        .map(|c| ClientBody {
            source: None,
            ..view(c)
        })
        .collect())
}

async fn save(state: &AppState, form: &AdminPost, list: Vec<ClientBody>) -> Answer {
    match replace(state, list).await {
        Ok((_, secrets)) => {
            account::record(
                state,
                EventKind::OidcClientChanged,
                Some((&form.session.username, form.session.plex_id)),
                None,
                "ok",
                "admin page".to_owned(),
            )
            .await;
            // Post/redirect/get: a new secret waits, for this session only, on the page the
            // redirect lands on (never in its URL).
            let kind = FlashKind::ClientSecret;
            Ok(match secrets.into_iter().next() {
                Some((_, secret)) => {
                    done_shown(state, &form.session, BACK, "app-secret", kind, secret)
                }
                None => done(state, BACK, "app-saved"),
            })
        }
        Err(AccessError::Conflict(m) | AccessError::Invalid(m)) => {
            let field = if m.contains("redirect") {
                "redirect_uris"
            } else {
                "client_id"
            };
            add_refused(state, form, field, m).await
        }
        Err(e) => Err(PageError::internal(&e)),
    }
}

/// The page again (422) with the "Add an app" form as sent and `message` beside `field`.
async fn add_refused(state: &AppState, form: &AdminPost, field: &str, message: String) -> Answer {
    let mut sticky = Sticky::from_post("oidc-add", form).error(field, message);
    sticky.status = Some(axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    show(state, &form.session, &Done::failed(sticky)).await
}

/// What is wrong with an "Add an app" form, in plain words, and beside which field.
fn add_problem(id: &str, redirect_uris: &[String], taken: bool) -> Option<(&'static str, String)> {
    if !client_id_ok(id) {
        return Some(("client_id", tr("adm-apps-bad-id")));
    }
    if taken {
        return Some((
            "client_id",
            tr_args("adm-apps-id-taken", &[("id", arg(id))]),
        ));
    }
    if redirect_uris.is_empty() {
        return Some(("redirect_uris", tr("adm-apps-no-redirect")));
    }
    redirect_uris.iter().find(|u| !redirect_uri_ok(u)).map(|u| {
        (
            "redirect_uris",
            tr_args("adm-apps-bad-redirect", &[("uri", arg(u.as_str()))]),
        )
    })
}

/// `POST /admin/apps/oidc`: adds a client (a confidential one's secret is shown once).
pub async fn add(State(state): State<AppState>, OwnerPost(form): OwnerPost) -> Answer {
    let mut list = current(&state).await?;
    let allow = match form.get("allow").unwrap_or("friends") {
        "owner" => SsoRule::Owner,
        "admins" => SsoRule::Admins,
        "deny" => SsoRule::Deny,
        _ => SsoRule::Friends,
    };
    let split = |name: &str, sep: &[char]| -> Vec<String> {
        form.get(name)
            .unwrap_or_default()
            .split(sep)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let id = form.get("client_id").unwrap_or_default().trim().to_owned();
    let redirect_uris = split("redirect_uris", &['\n', '\r']);
    let taken = list.iter().any(|c| c.client_id == id);
    if let Some((field, message)) = add_problem(&id, &redirect_uris, taken) {
        return add_refused(&state, &form, field, message).await;
    }
    list.push(ClientBody {
        client_id: id,
        name: form.get("name").map(str::to_owned),
        redirect_uris,
        public: form.get("public").is_some(),
        allow,
        users: split("users", &[',']),
        libraries: Vec::new(),
        post_logout_redirect_uris: Vec::new(),
        new_secret: true,
        source: None,
        client_secret: None,
    });
    save(&state, &form, list).await
}

/// `POST /admin/apps/oidc/{id}/remove`: removes a client and revokes nothing else.
pub async fn remove(
    State(state): State<AppState>,
    Path(id): Path<String>,
    OwnerPost(form): OwnerPost,
) -> Answer {
    let mut list = current(&state).await?;
    list.retain(|c| c.client_id != id);
    save(&state, &form, list).await
}

/// `POST /admin/apps/oidc/{id}/secret`: a new secret for a confidential client, shown once.
pub async fn new_secret(
    State(state): State<AppState>,
    Path(id): Path<String>,
    OwnerPost(form): OwnerPost,
) -> Answer {
    let mut list = current(&state).await?;
    for c in &mut list {
        c.new_secret = c.client_id == id;
    }
    save(&state, &form, list).await
}
