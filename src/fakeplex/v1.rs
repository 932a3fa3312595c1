//! The v1 tree (`/api/...`, always XML): the owner's users, a server's sections, v1
//! shared_servers (create, list, update, delete) and the endpoints plex.tv removed (410).

use axum::http::StatusCode;
use axum::response::Response;
use serde_json::Value;

use super::render::{self, Elem};
use super::server::Req;
use super::shares::{NewShare, ShareError, parse_ids, settings_from};
use super::world::{
    self, Server, Share, Via, World, account, account_by_name_or_email, is_managed, server, thumb,
};
use super::{Account, KID, OWNER};

/// Dispatches a v1 path (segments after `/api`); `None` = unknown route.
pub(super) fn handle(w: &mut World, r: &Req, segs: &[&str]) -> Option<Response> {
    let m = r.method.as_str();
    let resp = match (m, segs) {
        // Removed by plex.tv (PA #1435, #1536, friends since 2024-05): 410 whatever the token.
        (_, ["invites", "requests", ..] | ["invites", "requested", ..] | ["friends", _, ..]) => {
            render::gone()
        }
        ("GET", ["users"]) => authed(w, r, users),
        ("GET", ["servers", mid]) => authed(w, r, |w, a| server_sections(w, a, mid)),
        ("GET", ["servers", mid, "shared_servers"]) => authed(w, r, |w, a| list_shares(w, a, mid)),
        ("POST", ["servers", mid, "shared_servers"]) => authed(w, r, |w, a| create(w, r, a, mid)),
        ("GET", ["servers", mid, "shared_servers", ss]) => {
            authed(w, r, |w, a| match find(w, a, mid, ss) {
                Some(s) => container(mid, vec![shared_server(w, &s)]),
                None => not_found(),
            })
        }
        ("PUT", ["servers", mid, "shared_servers", ss]) => {
            authed(w, r, |w, a| update(w, r, a, mid, ss))
        }
        // A share id that is not the caller's answers exactly like an unknown endpoint: 404
        // with error 1002 (plex-api.md §12), so "not found" never proves a share is gone.
        ("DELETE", ["servers", mid, "shared_servers", ss]) => {
            authed(w, r, |w, a| match find(w, a, mid, ss) {
                Some(s) if w.delete_share(a.id, s.id) => render::empty(StatusCode::OK),
                _ => super::v2::not_found(r.wants_json()),
            })
        }
        _ => return None,
    };
    Some(resp)
}

/// Runs `f` for a valid token; else 401 (or 422 "Invalid token" when the world says so).
fn authed(
    w: &mut World,
    r: &Req,
    f: impl FnOnce(&mut World, &'static Account) -> Response,
) -> Response {
    match w.account_for(r.token()) {
        Some(a) => f(w, a),
        None if w.invalid_token_status == 422 => {
            render::v1_errors(StatusCode::UNPROCESSABLE_ENTITY, "Invalid token")
        }
        None => render::v1_errors(StatusCode::UNAUTHORIZED, "Invalid authentication token."),
    }
}

fn not_found() -> Response {
    render::v1_errors(StatusCode::NOT_FOUND, "Not found")
}

fn find(w: &World, a: &Account, mid: &str, ss: &str) -> Option<Share> {
    let id = ss.parse::<u64>().ok()?;
    w.shares
        .get(&id)
        .filter(|s| s.owner_id == a.id && s.machine_id == mid)
        .cloned()
}

fn container(mid: &str, children: Vec<Elem>) -> Response {
    let root = Elem::new("MediaContainer")
        .attr("friendlyName", "myPlex")
        .attr("identifier", "com.plexapp.plugins.myplex")
        .attr("machineIdentifier", mid)
        .attr("size", children.len())
        .children(children);
    render::xml(StatusCode::OK, &root)
}

fn section_elem(srv: &Server, share: Option<&Share>) -> Vec<Elem> {
    srv.sections
        .iter()
        .map(|s| {
            let e = Elem::new("Section")
                .attr("id", s.id)
                .attr("key", s.key)
                .attr("title", s.title)
                .attr("type", s.kind);
            match share {
                Some(sh) => e.flag("shared", sh.section_ids.contains(&s.id)),
                None => e,
            }
        })
        .collect()
}

/// `<SharedServer ...>` with every section of the server, each marked `shared` 0/1.
fn shared_server(w: &World, s: &Share) -> Elem {
    let invitee = account(s.user_id);
    let accountless = w.accountless.get(&s.id).map(String::as_str);
    let srv = server(&s.machine_id);
    let st = &s.settings;
    let e = Elem::new("SharedServer")
        .attr("id", s.id)
        .attr("username", invitee.map(|a| a.username).unwrap_or_default())
        .attr(
            "email",
            invitee
                .and_then(|a| a.email)
                .or(accountless)
                .unwrap_or_default(),
        )
        // An invite to an address with no Plex account has no user id: `userID=""`.
        .attr(
            "userID",
            if s.user_id == 0 {
                String::new()
            } else {
                s.user_id.to_string()
            },
        )
        .attr("accessToken", format!("srvtok{}x{}", s.id, s.user_id))
        .attr("name", srv.map(|v| v.name).unwrap_or_default())
        .attr("acceptedAt", s.accepted_at.unwrap_or(0))
        .attr("invitedAt", s.invited_at)
        .flag("allowSync", st.allow_sync)
        .flag("allowCameraUpload", st.allow_camera_upload)
        .flag("allowChannels", st.allow_channels)
        .flag("allowSubtitleAdmin", st.allow_subtitle_admin)
        .attr("allowTuners", 0)
        .flag("owned", false)
        .attr("filterMovies", &st.filter_movies)
        .attr("filterTelevision", &st.filter_television)
        .attr("filterMusic", &st.filter_music)
        .attr("lastSeenAt", w.now());
    e.children(srv.into_iter().flat_map(|srv| section_elem(srv, Some(s))))
}

fn server_sections(w: &mut World, a: &Account, mid: &str) -> Response {
    let Some(srv) = w.owned_server(a.id, mid) else {
        return not_found();
    };
    let now = w.now();
    let mut e = Elem::new("Server")
        .attr("accessToken", format!("srv-{}-{}", srv.numeric_id, a.id))
        .attr("name", srv.name)
        .attr("address", "203.0.113.7")
        .attr("port", 32400)
        .attr("version", "1.41.0.8992")
        .attr("scheme", "http")
        .attr("host", "203.0.113.7")
        .attr("localAddresses", "192.168.1.10")
        .attr("machineIdentifier", srv.machine_id)
        .attr("createdAt", now - 86_400 * 365)
        .attr("updatedAt", now)
        .flag("owned", true)
        .flag("synced", false);
    if !w.empty_v1_sections {
        e = e.children(section_elem(srv, None));
    }
    container(mid, vec![e])
}

fn list_shares(w: &mut World, a: &Account, mid: &str) -> Response {
    if w.owned_server(a.id, mid).is_none() {
        return not_found();
    }
    let items = w
        .owner_shares(a.id, Some(mid))
        .iter()
        .map(|s| shared_server(w, s))
        .collect();
    container(mid, items)
}

fn share_error(e: &ShareError) -> Response {
    let msg = match e {
        ShareError::Duplicate(name) => {
            format!(
                "You're already sharing this server with {name}. Please edit your existing share."
            )
        }
        ShareError::UnknownMachine => "Invalid server".to_owned(),
        ShareError::UnknownSection => "Invalid library section".to_owned(),
        ShareError::UnknownUser => "Invalid invited user".to_owned(),
        ShareError::BadBody => "Bad request".to_owned(),
    };
    render::v1_response(StatusCode::BAD_REQUEST, &msg)
}

/// `invited_email` may be a username or an email; `invited_id` (number or string) also works.
fn invitee(shared: Option<&Value>) -> Option<&'static Account> {
    let shared = shared?;
    if let Some(e) = shared.get("invited_email").and_then(Value::as_str) {
        return account_by_name_or_email(e);
    }
    let id = shared.get("invited_id")?;
    id.as_u64()
        .or_else(|| id.as_str().and_then(|s| s.parse().ok()))
        .and_then(account)
}

fn create(w: &mut World, r: &Req, a: &Account, mid: &str) -> Response {
    let Some(body) = r.json() else {
        return share_error(&ShareError::BadBody);
    };
    let shared = body.get("shared_server");
    let Some(invitee) = invitee(shared) else {
        return share_error(&ShareError::UnknownUser);
    };
    let ids = match parse_ids(shared.and_then(|s| s.get("library_section_ids"))) {
        Ok(ids) => ids,
        Err(e) => return share_error(&e),
    };
    let new = NewShare {
        machine_id: mid.to_owned(),
        invitee,
        section_ids: ids,
        settings: settings_from(body.get("sharing_settings")),
        via: Via::V1,
        befriend: true,
    };
    match w.create_share(a.id, new) {
        Ok(id) => match w.shares.get(&id) {
            Some(s) => container(mid, vec![shared_server(w, s)]),
            None => not_found(),
        },
        Err(e) => share_error(&e),
    }
}

/// PUT replaces the libraries (and settings, when `sharing_settings` is sent).
fn update(w: &mut World, r: &Req, a: &Account, mid: &str, ss: &str) -> Response {
    let Some(existing) = find(w, a, mid, ss) else {
        return not_found();
    };
    let Some(body) = r.json() else {
        return share_error(&ShareError::BadBody);
    };
    let ids = match parse_ids(
        body.get("shared_server")
            .and_then(|s| s.get("library_section_ids")),
    ) {
        Ok(ids) => ids,
        Err(e) => return share_error(&e),
    };
    let settings = body.get("sharing_settings").map(|s| settings_from(Some(s)));
    match w.update_share(a.id, existing.id, ids, settings) {
        Ok(Some(s)) => container(mid, vec![shared_server(w, &s)]),
        Ok(None) => not_found(),
        Err(e) => share_error(&e),
    }
}

/// `/api/users`: friends (with or without a share), Home users and invitees, each with one
/// `<Server>` per share of the caller's servers; `pending` flips 1 -> 0 on accept.
fn users(w: &mut World, a: &Account) -> Response {
    let shares = w.owner_shares(a.id, None);
    let listed: Vec<&Account> = world::all_accounts()
        .filter(|u| {
            w.friendships.contains(&(a.id, u.id))
                || (a.id == OWNER.id && u.id == KID.id)
                || shares.iter().any(|s| s.user_id == u.id)
        })
        .collect();
    let now = w.now();
    let items: Vec<Elem> = listed.iter().map(|u| user_elem(u, &shares, now)).collect();
    let root = Elem::new("MediaContainer")
        .attr("friendlyName", "myPlex")
        .attr("identifier", "com.plexapp.plugins.myplex")
        .attr("machineIdentifier", "")
        .attr("totalSize", items.len())
        .attr("size", items.len())
        .children(items);
    render::xml(StatusCode::OK, &root)
}

/// One `<User>` with a `<Server>` per share the caller made to them.
fn user_elem(u: &Account, shares: &[Share], now: i64) -> Elem {
    let theirs: Vec<&Share> = shares.iter().filter(|s| s.user_id == u.id).collect();
    let st = theirs
        .first()
        .map(|s| s.settings.clone())
        .unwrap_or_default();
    let servers = theirs.iter().filter_map(|s| {
        let srv = server(&s.machine_id)?;
        Some(
            Elem::new("Server")
                .attr("id", s.id)
                .attr("serverId", srv.numeric_id)
                .attr("machineIdentifier", srv.machine_id)
                .attr("name", srv.name)
                .attr("lastSeenAt", now)
                .attr("numLibraries", s.section_ids.len())
                .flag("allLibraries", s.section_ids.len() == srv.sections.len())
                .flag("owned", true)
                .flag("pending", !s.accepted),
        )
    });
    Elem::new("User")
        .attr("id", u.id)
        .attr("title", super::world::title(u))
        .attr("username", u.username)
        .attr("email", u.email.unwrap_or_default())
        .attr("recommendationsPlaylistId", "")
        .attr("thumb", thumb(u.id))
        .flag("protected", false)
        .flag("home", is_managed(u.id))
        .flag("allowSync", st.allow_sync)
        .flag("allowCameraUpload", st.allow_camera_upload)
        .flag("allowChannels", st.allow_channels)
        .attr("allowTuners", 0)
        .flag("allowSubtitleAdmin", st.allow_subtitle_admin)
        .flag("restricted", is_managed(u.id))
        .attr("filterAll", "")
        .attr("filterMovies", &st.filter_movies)
        .attr("filterMusic", &st.filter_music)
        .attr("filterPhotos", &st.filter_photos)
        .attr("filterTelevision", &st.filter_television)
        .children(servers)
}
