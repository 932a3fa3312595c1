//! `GET /oidc/authorize` (SPEC §9) and its continuation after the Plex sign-in,
//! `GET /oidc/resume?req=…`: checks in SPEC order, then a code at once for a signed-in account
//! the client's rule lets in, the welcome page for a browser without a session, the 403 page
//! with "Back to {app}" for an account the rule refuses.

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Deserialize;

use super::clients;
use super::pages::{self, PostForm};
use super::state::Pending;
use crate::access::model::EventKind;
use crate::access::oidc::{AuthorizeError, AuthorizeParams, PageProblem, check_authorize};
use crate::crypto::{random_token, sha256_hex};
use crate::i18n::{arg, tr, tr_args};
use crate::web::AppState;
use crate::web::cookies::{self, Which};
use crate::web::error::PageError;
use crate::web::sessions::see_other;
use crate::web::sso::account;
use crate::web::views::{self, Action};

/// The local path the sign-in returns to for a kept request.
pub const RESUME_PATH: &str = "/oidc/resume";

/// `redirect_uri` with `pairs` added to its query.
pub fn with_query(uri: &str, pairs: &[(&str, &str)]) -> String {
    let mut q = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        q.append_pair(k, v);
    }
    let sep = if uri.contains('?') { '&' } else { '?' };
    format!("{uri}{sep}{}", q.finish())
}

/// Answers the client at its checked redirect URI (query or form post): `pairs`, then the
/// client's `state` when it sent one, then our `iss`.
pub fn answer(
    state: &AppState,
    redirect_uri: &str,
    form_post: bool,
    pairs: &[(&str, &str)],
    client_state: Option<&str>,
    app: &str,
) -> Response {
    let iss = clients::issuer(state);
    let mut pairs: Vec<(&str, &str)> = pairs.to_vec();
    pairs.extend(client_state.map(|s| ("state", s)));
    pairs.push(("iss", iss.as_str()));
    if !form_post {
        return see_other(&with_query(redirect_uri, &pairs));
    }
    // No script (the CSP forbids inline script): one press sends the answer.
    let form = PostForm {
        action: redirect_uri.to_owned(),
        fields: pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
        label: tr_args("continue-to", &[("app", arg(app))]),
    };
    let title = tr("oidc-signed-in-title");
    pages::page(state, StatusCode::OK, &title, &[], None, Some(form))
}

fn refused(state: &AppState, e: AuthorizeError, app: &str) -> Response {
    match e {
        AuthorizeError::Page(PageProblem::UnknownClient) => {
            pages::bad_request(state, &tr("oidc-unknown-client"))
        }
        AuthorizeError::Page(PageProblem::BadRedirect(name)) => pages::bad_request(
            state,
            &tr_args("oidc-bad-redirect", &[("app", arg(name.as_str()))]),
        ),
        AuthorizeError::Redirect {
            error,
            description,
            redirect_uri,
            state: st,
            form_post,
        } => {
            let pairs = [("error", error), ("error_description", &description)];
            answer(state, &redirect_uri, form_post, &pairs, st.as_deref(), app)
        }
    }
}

/// `GET /oidc/authorize`.
pub async fn authorize(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(p): Query<AuthorizeParams>,
) -> Answer {
    start(state, headers, p).await
}

/// `POST /oidc/authorize` (OIDC Core §3.1.2.1: the same request as a form).
pub async fn authorize_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    axum::Form(p): axum::Form<AuthorizeParams>,
) -> Answer {
    start(state, headers, p).await
}

/// The page (or redirect) either way: `Err` is the answer that ended the request early.
type Answer = Result<Response, Response>;

/// The 500 page, after logging `e`.
fn internal(state: &AppState, e: &dyn std::fmt::Display) -> Response {
    views::error_response(state, &PageError::internal(e))
}

async fn start(state: AppState, headers: HeaderMap, p: AuthorizeParams) -> Answer {
    if !state.config.oidc.enabled {
        return Err(views::error_response(&state, &PageError::not_found()));
    }
    let client = clients::find(&state, p.client_id.as_deref()).await;
    let client = client.map_err(|e| internal(&state, &e))?;
    let app = client
        .as_ref()
        .map(|c| c.display_name().to_owned())
        .unwrap_or_default();
    let request = check_authorize(client.as_ref(), &p).map_err(|e| refused(&state, e, &app))?;
    let now = state.access.clock().unix();
    let current = cookies::get(&headers, &state.config, Which::Account)
        .map(|id| sha256_hex(&id))
        .unwrap_or_default();
    let pending = Pending {
        stale_session: request.prompt_login.then_some(current),
        request,
        at: now,
    };
    let id = random_token(32);
    state.oidc.put_pending(&id, pending.clone(), now);
    continue_with(&state, &headers, &id, pending).await
}

/// `?req=`.
#[derive(Debug, Deserialize)]
pub struct ResumeQuery {
    req: Option<String>,
}

/// `GET /oidc/resume?req=…`: the kept request, after the sign-in.
pub async fn resume(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<ResumeQuery>,
) -> Answer {
    let now = state.access.clock().unix();
    let Some((id, pending)) = q
        .req
        .as_deref()
        .and_then(|id| Some((id, state.oidc.pending(id, now)?)))
    else {
        return Err(pages::page(
            &state,
            StatusCode::BAD_REQUEST,
            &tr("flow-gone-title"),
            &[tr("flow-gone"), tr("oidc-back-to-app")],
            None,
            None,
        ));
    };
    let id = id.to_owned();
    continue_with(&state, &headers, &id, pending).await
}

/// The sign-in path that comes back to this request.
fn sign_in_path(id: &str) -> String {
    let next = format!("{RESUME_PATH}?req={id}");
    let enc: String = url::form_urlencoded::byte_serialize(next.as_bytes()).collect();
    format!("/auth/plex?next={enc}")
}

async fn continue_with(state: &AppState, headers: &HeaderMap, id: &str, p: Pending) -> Answer {
    let r = &p.request;
    let client = clients::find(state, Some(&r.client_id)).await;
    let client = client.map_err(|e| internal(state, &e))?;
    let client = client.ok_or_else(|| pages::bad_request(state, &tr("oidc-app-gone")))?;
    let app = client.display_name().to_owned();
    let cookie_hash =
        cookies::get(headers, &state.config, Which::Account).map(|id| sha256_hex(&id));
    let stale = p.stale_session.is_some() && p.stale_session == cookie_hash;
    let session = account::account(state, headers).await;
    let session = session.map_err(|e| internal(state, &e))?;
    let Some(session) = session.filter(|_| !stale) else {
        if r.prompt_none {
            state.oidc.forget_pending(id);
            return Err(refused(state, login_required(r), &app));
        }
        crate::web::lang::return_here(format!("{RESUME_PATH}?req={id}"));
        return Ok(pages::page(
            state,
            StatusCode::OK,
            &tr_args("app-sign-in-to", &[("app", arg(app.as_str()))]),
            &[tr_args("app-shared-named", &[("app", arg(app.as_str()))])],
            Action::to(state, &sign_in_path(id), "sign-in-with-plex"),
            None,
        ));
    };
    let plex_id = session.session.plex_id;
    let facts = clients::facts(state, plex_id).await;
    let facts = facts.map_err(|e| internal(state, &e))?;
    let ok = clients::passes(state, &client, &facts.who)
        .await
        .unwrap_or(false);
    state.oidc.forget_pending(id);
    let who = Some((session.profile.username.as_str(), plex_id));
    if !ok && r.prompt_none {
        // No page may be shown with prompt=none: the refusal goes back to the app.
        let denied = AuthorizeError::Redirect {
            error: "access_denied",
            description: "this account may not open this app".to_owned(),
            redirect_uri: r.redirect_uri.clone(),
            state: r.state.clone(),
            form_post: r.form_post,
        };
        return Err(refused(state, denied, &app));
    }
    if !ok {
        if state
            .oidc
            .denied_due(plex_id, client.id(), state.access.clock().unix())
        {
            account::record(
                state,
                EventKind::OidcDenied,
                who,
                None,
                "denied",
                app.clone(),
            )
            .await;
        }
        let mut pairs = vec![("error", "access_denied")];
        if let Some(s) = r.state.as_deref() {
            pairs.push(("state", s));
        }
        return Ok(pages::page(
            state,
            StatusCode::FORBIDDEN,
            &tr("no-access-title"),
            &[tr_args(
                "no-access",
                &[
                    ("name", arg(session.profile.username.as_str())),
                    ("app", arg(app.as_str())),
                ],
            )],
            Some(Action {
                href: with_query(&r.redirect_uri, &pairs),
                label: tr_args("back-to", &[("app", arg(app.as_str()))]),
            }),
            None,
        ));
    }
    let code = (state.access)
        .issue_oidc_code(r, plex_id, session.session.created_at)
        .await;
    let code = code.map_err(|e| internal(state, &e))?;
    account::record(state, EventKind::OidcSignin, who, None, "ok", app.clone()).await;
    let (uri, st) = (&r.redirect_uri, r.state.as_deref());
    let answered = answer(state, uri, r.form_post, &[("code", &code)], st, &app);
    Ok(answered)
}

fn login_required(r: &crate::access::oidc::Authorize) -> AuthorizeError {
    AuthorizeError::Redirect {
        error: "login_required",
        description: "no signed-in Plex account".to_owned(),
        redirect_uri: r.redirect_uri.clone(),
        state: r.state.clone(),
        form_post: r.form_post,
    }
}
