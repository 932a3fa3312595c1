//! The admin area (SPEC §3): one module per page, all behind [`AdminSession`] (anonymous
//! visitors go to `/admin/signin`, other accounts get a 403) and, for changes, behind
//! [`AdminPost`](super::csrf::AdminPost) (CSRF token and `Origin`). Handlers stay thin: parse
//! the form, call the access layer (the same functions the API calls), render or redirect.

pub mod access;
pub mod activity;
pub mod apps;
pub mod backups;
pub mod dashboard;
pub mod events;
pub mod flash;
pub mod form;
pub mod invites;
pub mod libraries;
pub mod routes;
pub mod settings;
pub mod setup;
pub mod users;

use axum::Router;
use axum::extract::{FromRequest, FromRequestParts, Query, Request, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::csrf::AdminPost;
use super::error::PageError;
use super::next::{is_admin_path, local_path};
use super::sessions::{AdminRejection, AdminSession, see_other};
use super::views::{self, Action, access_error_page};
use crate::access::AccessError;
use crate::access::model::{Session, SharingOverrides};
use crate::config::LibraryRef;
use crate::i18n::tr;
use crate::web::AppState;
use flash::{FlashKind, FlashView};
use form::Sticky;
use routes::{Guard, Route, Routes};

/// The admin tabs: path, label (its message id), owner only.
const TABS: &[(&str, &str, bool)] = &[
    ("/admin", "adm-tab-dashboard", false),
    ("/admin/access", "adm-tab-access", false),
    ("/admin/invites", "adm-tab-invites", false),
    ("/admin/libraries", "adm-tab-libraries", false),
    ("/admin/users", "adm-tab-users", false),
    ("/admin/activity", "adm-tab-activity", false),
    ("/admin/apps", "adm-tab-apps", true),
    ("/admin/settings", "adm-tab-settings", true),
];

/// Short confirmations shown after a change (`?done=…`, the message `adm-done-<key>`), from a
/// fixed list so a link cannot put arbitrary text on an admin page.
const NOTICES: &[&str] = &[
    "allow-added",
    "allow-edited",
    "allow-edited-shared",
    "allow-removed",
    "policy",
    "admin-added",
    "admin-removed",
    "approved",
    "declined",
    "revoked",
    "libraries",
    "refreshed",
    "user-changed",
    "user-removed",
    "invited",
    "sessions-ended",
    "settings",
    "key-revoked",
    "key-created",
    "invite-created",
    "preview",
    "notify-test-1",
    "notify-test-2",
    "notify-test-3",
    "notify-none",
    "backup",
    "app-secret",
    "app-saved",
    "app-removed",
    "held",
    "setup",
];

/// A tab of the admin navigation.
#[derive(Serialize)]
struct Tab {
    href: &'static str,
    label: String,
    current: bool,
}

/// What every admin page gets besides its own data.
#[derive(Serialize)]
struct Frame<'a, T: Serialize> {
    admin: AdminInfo<'a>,
    page: &'a T,
}

#[derive(Serialize)]
struct AdminInfo<'a> {
    username: &'a str,
    owner: bool,
    csrf: &'a str,
    tabs: Vec<Tab>,
    notice: Option<String>,
    /// The failed form's values and errors (empty when none failed).
    form: &'a Sticky,
    /// A one-shot result (new link or key, a preview) for this page.
    flash: Option<FlashView>,
}

/// The `?done=` confirmation of the page after a change, the `shown=` id of a one-shot result,
/// and (not from the query) a failed form to show again.
#[derive(Debug, Default, Deserialize)]
pub struct Done {
    done: Option<String>,
    shown: Option<String>,
    #[serde(skip)]
    pub form: Sticky,
}

impl Done {
    /// The page again with `form`'s values and errors.
    pub fn failed(form: Sticky) -> Self {
        Self {
            form,
            ..Self::default()
        }
    }

    /// The `shown=` id, if any.
    pub fn shown(&self) -> Option<&str> {
        self.shown.as_deref()
    }
}

/// Whether `session` is the owner (the claimed owner, before setup picked a server).
pub async fn is_owner(state: &AppState, session: &Session) -> bool {
    // The owner whose token plex.tv refused is still the owner (the one who may reconnect).
    if let Some(o) = state
        .access
        .owner()
        .or_else(|| state.access.suspended_owner())
    {
        return o.plex_id == session.plex_id;
    }
    matches!(state.access.claimed_by().await, Ok(Some(c)) if c.plex_id == session.plex_id)
}

/// The 403 page for a co-admin on an owner-only page or action.
pub fn owner_only_page() -> PageError {
    let mut e = PageError::new(
        StatusCode::FORBIDDEN,
        tr("adm-owner-only"),
        tr("adm-owner-only-text"),
    );
    e.back = Some(("/admin", tr("adm-back-dashboard")));
    e
}

/// The owner's admin session: owner-only pages (SPEC §1) refuse co-admins with
/// [`owner_only_page`], and everyone else as [`AdminSession`] does.
#[derive(Debug, Clone)]
pub struct OwnerSession(pub Session);

impl FromRequestParts<AppState> for OwnerSession {
    type Rejection = AdminRejection;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let AdminSession(s) = AdminSession::from_request_parts(parts, state).await?;
        match is_owner(state, &s).await {
            true => Ok(Self(s)),
            false => Err(AdminRejection::Page(owner_only_page())),
        }
    }
}

/// An owner-only form post: [`AdminPost`]'s checks (session, `Origin`, CSRF token), then
/// co-admins are refused as by [`OwnerSession`].
pub struct OwnerPost(pub AdminPost);

impl FromRequest<AppState> for OwnerPost {
    type Rejection = AdminRejection;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let form = AdminPost::from_request(req, state).await?;
        match is_owner(state, &form.session).await {
            true => Ok(Self(form)),
            false => Err(AdminRejection::Page(owner_only_page())),
        }
    }
}

/// What an admin handler answers: its page or redirect, or the page of what went wrong.
pub type Answer = Result<Response, PageError>;

/// What a form handler's steps end in: the answer, or the form to show again with its errors.
pub type Steps = Result<Response, Sticky>;

fn build() -> Routes {
    use Guard::{Admin, Owner, Public};
    Routes::under("/admin")
        .get("/signin", Public, sign_in)
        .get("/link", Public, super::admin_link::admin_link)
        .get("/", Admin, dashboard::page)
        .post("/reconnect", Owner, dashboard::reconnect)
        .post("/held/confirm", Owner, dashboard::held_confirm)
        .post("/held/discard", Owner, dashboard::held_discard)
        .get("/access", Admin, access::page)
        .post("/access/policy", Admin, access::set_policy)
        .post("/access/allow", Admin, access::add_allow)
        .post("/access/allow/{id}/edit", Admin, access::edit_allow)
        .post("/access/allow/{id}/remove", Admin, access::remove_allow)
        .post("/access/admins", Owner, access::add_admin)
        .post("/access/admins/{id}/remove", Owner, access::remove_admin)
        .post("/access/requests/{id}/approve", Admin, access::approve)
        .post("/access/requests/{id}/decline", Admin, access::decline)
        .get("/invites", Admin, invites::page)
        .post("/invites", Admin, invites::create)
        .post("/invites/{id}/revoke", Admin, invites::revoke)
        .get("/libraries", Admin, libraries::page)
        .post("/libraries", Admin, libraries::save)
        .post("/libraries/refresh", Admin, libraries::refresh)
        .get("/users", Admin, users::page)
        .post("/users/invite", Admin, users::invite)
        .post("/users/remove", Admin, users::remove)
        .post("/users/{plex_id}/libraries", Admin, users::libraries)
        .post("/users/{plex_id}/expiry", Admin, users::expiry)
        .post("/users/{plex_id}/sessions", Admin, users::end_sessions)
        .get("/activity", Admin, activity::page)
        .get("/apps", Owner, apps::page)
        .post("/apps/oidc", Owner, apps::add)
        .post("/apps/oidc/{id}/remove", Owner, apps::remove)
        .post("/apps/oidc/{id}/secret", Owner, apps::new_secret)
        .get("/settings", Owner, settings::page)
        .post("/settings/welcome", Owner, settings::welcome)
        .post("/settings/onboarding", Owner, settings::onboarding)
        .post("/settings/translation", Owner, settings::translation)
        .post("/settings/keys", Owner, settings::create_key)
        .post("/settings/keys/{id}/revoke", Owner, settings::revoke_key)
        .post("/settings/notify-test", Owner, settings::notify_test)
        .post("/settings/backups", Owner, backups::take)
        .get("/settings/backups/{name}", Owner, backups::download)
}

/// The admin area, nested under `/admin`.
pub fn router() -> Router<AppState> {
    build().router
}

/// Every route of [`router`] with its guard (full paths).
pub fn routes() -> Vec<Route> {
    build().table
}

/// An admin page: its tab (`""` for the setup steps), its title (a message id) and template.
pub struct View(pub &'static str, pub &'static str, pub &'static str);

/// Renders `view`'s template (under `templates/`) inside the admin frame.
pub async fn render<T: Serialize>(
    state: &AppState,
    session: &Session,
    view: &View,
    done: &Done,
    page: &T,
) -> Response {
    let View(current, title, template) = *view;
    let owner = is_owner(state, session).await;
    // The setup steps (no current tab) show no navigation: setup is not finished yet.
    let tabs = TABS
        .iter()
        .filter(|_| !current.is_empty())
        .filter(|(_, _, owner_only)| owner || !owner_only)
        .map(|(href, label, _)| Tab {
            href,
            label: tr(label),
            current: *href == current,
        })
        .collect();
    let notice = done
        .done
        .as_deref()
        .and_then(|d| NOTICES.iter().find(|k| **k == d))
        .map(|k| tr(&format!("adm-done-{k}")));
    let flash = done
        .shown
        .as_deref()
        .and_then(|id| state.flash.take(id, session, state.access.clock().unix()));
    let frame = Frame {
        admin: AdminInfo {
            username: &session.username,
            owner,
            csrf: &session.csrf,
            tabs,
            notice,
            form: &done.form,
            flash,
        },
        page,
    };
    match state.render(template, &tr(title), &frame) {
        Ok(html) => {
            let status = if done.form.form.is_empty() {
                StatusCode::OK
            } else {
                done.form.status()
            };
            // With `no-referrer` browsers send `Origin: null` on the page's own forms, which
            // the CSRF check refuses; `same-origin` still sends nothing to other sites.
            let policy = [(header::REFERRER_POLICY, "same-origin")];
            (status, policy, html).into_response()
        }
        Err(e) => views::error_response(state, &e),
    }
}

/// The answer to a successful change: 303 to `path` with a `done` notice (post/redirect/get).
pub fn done(state: &AppState, path: &str, notice: &str) -> Response {
    see_other(&format!("{}{path}?done={notice}", state.prefix()))
}

/// The answer to a change with a one-shot result: 303 to `path` with the notice and the id of
/// `value` kept for this session (the value itself never goes into the URL).
pub fn done_shown(
    state: &AppState,
    session: &Session,
    path: &str,
    notice: &str,
    kind: FlashKind,
    value: String,
) -> Response {
    let id = state
        .flash
        .put(session, kind, value, state.access.clock().unix());
    see_other(&format!(
        "{}{path}?done={notice}&shown={id}",
        state.prefix()
    ))
}

/// An access error as a page with a way back to `back`.
pub fn failed(e: &AccessError, back: &'static str) -> PageError {
    let mut page = access_error_page(e);
    if matches!(e, AccessError::Plex(_)) {
        page.message = tr("adm-plex-unexpected");
    }
    page.retry_after = None;
    page.back = Some((back, tr("adm-back")));
    page
}

/// A form value that is not acceptable.
pub fn invalid(message: String, back: &'static str) -> PageError {
    failed(&AccessError::Invalid(message), back)
}

/// Library checkboxes (`libraries=<plex.tv section id>`) as references; none = `None`.
pub fn library_refs(values: &[String]) -> Result<Option<Vec<LibraryRef>>, String> {
    if values.is_empty() {
        return Ok(None);
    }
    values
        .iter()
        .map(|v| {
            v.parse::<u64>()
                .map(LibraryRef::Id)
                .map_err(|_| tr("adm-library-not-here"))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// A form field that is wrong, and why.
pub type FieldError = (&'static str, String);

/// The library checkboxes and the access duration that the allowlist, request and invite forms
/// carry, or the field that is wrong and why.
pub fn grant_fields(
    form: &super::csrf::AdminPost,
) -> Result<(Option<Vec<LibraryRef>>, Option<u32>), FieldError> {
    let libraries = library_refs(&form.all("libraries")).map_err(|m| ("libraries", m))?;
    let days = form
        .number::<u32>("access_days")
        .map_err(|_| ("access_days", tr("adm-days-whole")))?;
    Ok((libraries, days))
}

/// The sharing-flag checkboxes of the invite and allowlist forms, ticked as they apply.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct FlagBoxes {
    pub downloads: bool,
    pub live_tv: bool,
    pub camera_upload: bool,
}

/// The boxes for flags `s` over the owner's settings.
pub fn flag_boxes(state: &AppState, s: SharingOverrides) -> FlagBoxes {
    let owner = state.access.settings().sharing_flags();
    FlagBoxes {
        downloads: s.allow_downloads.unwrap_or(owner.allow_sync),
        live_tv: s.allow_live_tv.unwrap_or(owner.allow_channels),
        camera_upload: s.allow_camera_upload.unwrap_or(owner.allow_camera_upload),
    }
}

/// The sharing flags a form's checkboxes ask for: a box as the owner's setting stays that
/// setting (`None`, following it), a box that differs overrides it. A form without the boxes
/// (no `sharing_flags` marker) leaves all three to the owner.
pub fn sharing_fields(state: &AppState, form: &super::csrf::AdminPost) -> SharingOverrides {
    if form.get("sharing_flags").is_none() {
        return SharingOverrides::default();
    }
    let owner = state.access.settings().sharing_flags();
    let pick = |name: &str, owner: bool| {
        let ticked = form.get(name).is_some();
        (ticked != owner).then_some(ticked)
    };
    SharingOverrides {
        allow_downloads: pick("allow_downloads", owner.allow_sync),
        allow_live_tv: pick("allow_live_tv", owner.allow_channels),
        allow_camera_upload: pick("allow_camera_upload", owner.allow_camera_upload),
    }
}

/// `GET /admin/signin`'s query.
#[derive(Debug, Deserialize)]
pub struct SignInQuery {
    next: Option<String>,
}

/// `GET /admin/signin?next=…`: a button that starts an admin sign-in returning to `next`.
pub async fn sign_in(State(state): State<AppState>, Query(q): Query<SignInQuery>) -> Response {
    let next = q
        .next
        .as_deref()
        .and_then(local_path)
        .filter(|n| is_admin_path(n))
        .unwrap_or_else(|| "/admin".to_owned());
    let next: String = url::form_urlencoded::byte_serialize(next.as_bytes()).collect();
    if setup::needs_reconnect(&state).await {
        return views::message(
            &state,
            StatusCode::OK,
            &tr("adm-reconnect"),
            &[tr("adm-signin-reconnect-text")],
            Action::to(&state, "/setup/reconnect", "adm-reconnect"),
        );
    }
    views::message(
        &state,
        StatusCode::OK,
        &tr("adm-signin-title"),
        &[tr("adm-signin-text")],
        Action::to(
            &state,
            &format!("/auth/plex?next={next}"),
            "sign-in-with-plex",
        ),
    )
}
