//! The stand-in for app.plex.tv/auth (plex-api.md §1.2, §10.4): a page whose inline script reads
//! the parameters from `location.hash` (`#?` or `#!?`) and offers one button per test account; the
//! plain form it posts approves the PIN and then redirects to `forwardUrl`, never before.

use axum::http::StatusCode;
use axum::response::Response;

use super::render::{self, esc};
use super::server::Req;
use super::world::{ACCOUNTS, World};

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

fn page() -> String {
    let buttons: String = ACCOUNTS
        .iter()
        .map(|a| {
            let name = esc(a.username);
            format!(
                "<button type=\"submit\" name=\"account\" value=\"{name}\" id=\"as-{name}\">Sign in as {name}</button>\n"
            )
        })
        .collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Fake Plex - Sign in</title></head><body>\n\
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
    let Some(acct) = ACCOUNTS.iter().find(|a| a.username == field("account")) else {
        return message(StatusCode::BAD_REQUEST, "Unknown test account.");
    };
    let Some(pin_id) = w.pin_by_code(field("code")) else {
        return message(
            StatusCode::NOT_FOUND,
            "This code was not found or has expired.",
        );
    };
    let Some(pin) = w.pins.get(&pin_id) else {
        return message(
            StatusCode::NOT_FOUND,
            "This code was not found or has expired.",
        );
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
        return message(
            StatusCode::NOT_FOUND,
            "This code was not found or has expired.",
        );
    }
    match forward_target(field("forwardUrl")) {
        Some(to) => render::redirect(&to),
        None => message(StatusCode::OK, "Signed in. You can close this window."),
    }
}
