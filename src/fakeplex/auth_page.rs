//! The stand-in for app.plex.tv/auth (plex-api.md §1.2, §10.4): a page whose inline script reads
//! the parameters from `location.hash` (`#?` or `#!?`) and offers one button per test account; the
//! plain form it posts approves the PIN and then redirects to `forwardUrl`, never before.

use axum::http::StatusCode;
use axum::response::Response;

use super::render::{self, esc};
use super::server::Req;
use super::world::{self, ACCOUNTS, World};
use super::{ALICE, Account, BOB, CAROL, DAVE, KID, OWNER};

/// Dispatches `/auth...`; `None` = unknown route.
pub(super) fn handle(w: &mut World, r: &Req, segs: &[&str]) -> Option<Response> {
    match (r.method.as_str(), segs) {
        ("GET", []) => Some(render::html(StatusCode::OK, page())),
        ("POST", ["approve"]) => Some(approve(w, r)),
        _ => None,
    }
}

const SCRIPT: &str = r#"
(function () {
  var raw = (location.hash || "").replace(/^#!?\??/, "");
  var p = new URLSearchParams(raw);
  var set = function (id, v) { document.getElementById(id).value = v || ""; };
  set("code", p.get("code"));
  set("clientID", p.get("clientID"));
  set("forwardUrl", p.get("forwardUrl"));
  document.getElementById("product").textContent = p.get("context[device][product]") || "an app";
  if (!p.get("code") || !p.get("clientID")) {
    document.getElementById("missing").hidden = false;
  }
})();
"#;

/// One line per demo account: what signing in as it shows.
fn describe(a: &Account) -> &'static str {
    match a.id {
        id if id == OWNER.id => "the server owner (opens the admin pages)",
        id if id == ALICE.id => "a friend of the owner with no share yet",
        id if id == BOB.id => "another friend with no share yet",
        id if id == CAROL.id => "a third friend with no share yet",
        id if id == DAVE.id => "a friend already sharing Movies and TV Shows (made in Plex)",
        id if id == KID.id => "a managed Home user: no email, no username",
        _ => "someone else's server owner, unknown to this one",
    }
}

/// The form value naming an account: its username, or its id when it has none (a Home user).
fn account_key(a: &Account) -> String {
    if a.username.is_empty() {
        a.id.to_string()
    } else {
        a.username.to_owned()
    }
}

/// Phone first: a viewport meta, one full-width 44 px button per account with its line below.
const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:0;padding:16px;\
max-width:32rem;margin-inline:auto;background:#1f1f1f;color:#eee;line-height:1.4}\
h1{font-size:1.4rem;color:#e5a00d}form{display:flex;flex-direction:column;gap:12px}\
button{min-height:44px;width:100%;font-size:1rem;border:0;border-radius:6px;\
background:#e5a00d;color:#1f1f1f;font-weight:600;cursor:pointer}\
.who{margin:0 0 4px;font-size:.9rem;color:#bbb}";

fn page() -> String {
    let buttons: String = ACCOUNTS
        .iter()
        .map(|a| {
            let key = esc(&account_key(a));
            let name = esc(world::title(a));
            let line = esc(describe(a));
            format!(
                "<div><button type=\"submit\" name=\"account\" value=\"{key}\" id=\"as-{key}\">Sign in as {name}</button>\n\
                 <p class=\"who\">{line}</p></div>\n"
            )
        })
        .collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Fake Plex - Sign in</title><style>{STYLE}</style></head><body>\n\
         <h1>Fake Plex</h1>\n<p>Sign in to <strong id=\"product\">an app</strong> with a test account.</p>\n\
         <p id=\"missing\" hidden>This sign-in link has no code or client id.</p>\n\
         <form id=\"approve\" method=\"post\" action=\"/auth/approve\">\n\
         <input type=\"hidden\" name=\"code\" id=\"code\">\n\
         <input type=\"hidden\" name=\"clientID\" id=\"clientID\">\n\
         <input type=\"hidden\" name=\"forwardUrl\" id=\"forwardUrl\">\n{buttons}</form>\n\
         <script>{SCRIPT}</script>\n</body></html>\n"
    )
}

fn message(status: StatusCode, text: &str) -> Response {
    render::html(
        status,
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Fake Plex</title></head>\
             <body><h1>Fake Plex</h1><p id=\"message\">{}</p></body></html>\n",
            esc(text)
        ),
    )
}

/// `forwardUrl` is followed only when it is an absolute http(s) URL; otherwise the page stays
/// put, as app.plex.tv falls back to its own home page.
fn forward_target(raw: &str) -> Option<String> {
    let u = url::Url::parse(raw).ok()?;
    matches!(u.scheme(), "http" | "https").then(|| u.to_string())
}

fn approve(w: &mut World, r: &Req) -> Response {
    let form = r.form();
    let field = |k: &str| {
        form.iter()
            .find(|(name, _)| name == k)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    };
    let expired = || {
        message(
            StatusCode::NOT_FOUND,
            "This code was not found or has expired.",
        )
    };
    let Some(acct) = ACCOUNTS.iter().find(|a| account_key(a) == field("account")) else {
        return message(StatusCode::BAD_REQUEST, "Unknown test account.");
    };
    let Some(pin_id) = w.pin_by_code(field("code")) else {
        return expired();
    };
    let Some(pin) = w.pins.get(&pin_id) else {
        return expired();
    };
    if pin.client_id != field("clientID") {
        return message(StatusCode::BAD_REQUEST, "This code belongs to another app.");
    }
    // app.plex.tv/auth only takes strong PINs (plex-api.md §1.1).
    if !pin.strong {
        return message(
            StatusCode::BAD_REQUEST,
            "This code cannot be used on this page.",
        );
    }
    if !w.approve(pin_id, acct) {
        return expired();
    }
    match forward_target(field("forwardUrl")) {
        Some(to) => render::redirect(&to),
        None => message(StatusCode::OK, "Signed in. You can close this window."),
    }
}
