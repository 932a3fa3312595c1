//! The page language (issue 24): chosen per request from the picker's cookie and
//! `Accept-Language` ([`crate::i18n::negotiate`]), carried through the request by the `frame`
//! layer, and changed with the small picker every page shows (`POST /lang`: a form, so it
//! works without JavaScript; the cookie is set, then a 303 back to the page).

use std::cell::RefCell;

use axum::Form;
use axum::extract::{Request, State};
use axum::http::{Method, header};
use axum::response::Response;
use serde::{Deserialize, Serialize};

use super::cookies::{self, Which};
use super::next::{is_admin_path, local_path};
use super::sessions::see_other;
use crate::i18n::{self, Lang};
use crate::web::AppState;

/// How long the picker's choice is remembered.
const REMEMBER: std::time::Duration = std::time::Duration::from_secs(365 * 86_400);

tokio::task_local! {
    /// The page the picker returns to (app-relative).
    static BACK: RefCell<String>;
    /// Whether the request is for an admin page (their languages are [`Lang::has_admin`]).
    static ADMIN: bool;
}

/// The admin pages and the owner's setup steps: shipped in fewer languages.
fn is_admin_page(path: &str) -> bool {
    is_admin_path(path) || path == "/setup" || path.starts_with("/setup/")
}

/// The language and the picker's way back for one request.
#[derive(Debug)]
pub struct Chosen {
    lang: Lang,
    back: String,
    admin: bool,
}

/// What `req` is answered in.
pub fn chosen(state: &AppState, req: &Request) -> Chosen {
    // The path only: a query may hold what a page must not echo (a refused `rd`, a bad
    // `redirect_uri`); pages whose query matters name their address with [`return_here`].
    // A page reached by a form post has no address to return to; the start page does.
    let back = match *req.method() {
        Method::GET | Method::HEAD => req.uri().path().to_owned(),
        _ => "/".to_owned(),
    };
    let admin = is_admin_page(req.uri().path());
    // The picker's cookie and `Accept-Language`.
    let cookie = cookies::get(req.headers(), &state.config.server.public_url, Which::Lang);
    let accept = req.headers().get(header::ACCEPT_LANGUAGE);
    let accept = accept.and_then(|v| v.to_str().ok());
    let lang = if admin {
        i18n::negotiate_admin(cookie.as_deref(), accept)
    } else {
        i18n::negotiate(cookie.as_deref(), accept)
    };
    Chosen { lang, back, admin }
}

/// Runs `fut` (the rest of the request, error pages included) as `chosen` says.
pub async fn within<F: Future>(chosen: Chosen, fut: F) -> F::Output {
    let fut = ADMIN.scope(chosen.admin, BACK.scope(RefCell::new(chosen.back), fut));
    i18n::scope(chosen.lang, fut).await
}

/// The picker on this page returns to `path_and_query` (app-relative, already checked).
pub fn return_here(path_and_query: String) {
    let _ = BACK.try_with(|b| *b.borrow_mut() = path_and_query);
}

/// One language in the picker.
#[derive(Debug, Serialize)]
pub struct Choice {
    /// `de`.
    pub tag: &'static str,
    /// `Deutsch`.
    pub name: &'static str,
}

/// What every page's picker and `<html lang>` need.
#[derive(Debug, Serialize)]
pub struct Picker {
    /// The page's language tag.
    pub lang: &'static str,
    /// Its name.
    pub name: &'static str,
    /// Where the picker returns to.
    pub back: String,
    /// The other languages (on admin pages: those the admin pages are shipped in).
    pub choices: Vec<Choice>,
}

impl Picker {
    /// The picker for the request being answered.
    pub fn current() -> Self {
        let lang = i18n::current();
        let admin = ADMIN.try_with(|a| *a).unwrap_or(false);
        Self {
            lang: lang.tag(),
            name: lang.name(),
            back: BACK
                .try_with(|b| b.borrow().clone())
                .unwrap_or_else(|_| "/".to_owned()),
            choices: Lang::all()
                .filter(|l| *l != lang && (!admin || l.has_admin()))
                .map(|l| Choice {
                    tag: l.tag(),
                    name: l.name(),
                })
                .collect(),
        }
    }
}

/// The picker's form.
#[derive(Debug, Deserialize)]
pub struct LangForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    back: String,
}

/// `POST /lang`: remembers the choice (an unknown one forgets it) and goes back to the page.
pub async fn choose(State(state): State<AppState>, Form(form): Form<LangForm>) -> Response {
    let back = local_path(&form.back).unwrap_or_else(|| "/".to_owned());
    let url = &state.config.server.public_url;
    let cookie = match Lang::from_tag(&form.lang) {
        Some(l) => cookies::set(url, Which::Lang, l.tag(), Some(REMEMBER)),
        None => cookies::expire(url, Which::Lang),
    };
    cookies::with(see_other(&format!("{}{back}", state.prefix())), &[cookie])
}
