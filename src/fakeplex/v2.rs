//! The v2 tree (`/api/v2/...`, served for plex.tv and clients.plex.tv alike): PINs, the account,
//! ping, sign-out, resources, a server's sections, friends and per-user sharings (plex-api.md
//! §1-§4, §7). Shared-server routes live in `v2_shares`.

use axum::http::StatusCode;
use axum::response::Response;
use rand::Rng;
use serde_json::{Value, json};

use crate::clock::rfc3339;

use super::render::{self, Elem};
use super::server::Req;
use super::shares::truthy_str;
use super::world::{self, Pin, SERVERS, Server, World, account, is_managed, thumb, title, uuid};
use super::{Account, KID, OWNER, v2_shares};

/// Runs `f` for a caller with a client id and a valid token, else answers 400/1000 or 401/1001.
pub(super) fn authed(
    w: &mut World,
    r: &Req,
    f: impl FnOnce(&mut World, &'static Account) -> Response,
) -> Response {
    let j = r.wants_json();
    if r.client_id().is_none() {
        return missing_client(j);
    }
    match w.account_for(r.token()) {
        Some(acct) => f(w, acct),
        None => render::v2_error(
            j,
            StatusCode::UNAUTHORIZED,
            1001,
            "User could not be authenticated",
        ),
    }
}

fn missing_client(j: bool) -> Response {
    render::v2_error(
        j,
        StatusCode::BAD_REQUEST,
        1000,
        "X-Plex-Client-Identifier is missing",
    )
}

/// 404 error 1002.
pub(super) fn not_found(j: bool) -> Response {
    render::v2_error(
        j,
        StatusCode::NOT_FOUND,
        1002,
        "The requested resource or endpoint could not be found",
    )
}

/// Dispatches a v2 path (segments after `/api/v2`); `None` = unknown route.
pub(super) fn handle(w: &mut World, r: &Req, segs: &[&str]) -> Option<Response> {
    let resp = match (r.method.as_str(), segs) {
        ("POST", ["pins"]) => match r.client_id() {
            Some(cid) => create_pin(w, r, cid),
            None => missing_client(r.wants_json()),
        },
        ("GET", ["pins", id]) => match r.client_id() {
            Some(cid) => check_pin(w, r, cid, id),
            None => missing_client(r.wants_json()),
        },
        ("GET", ["user"]) => authed(w, r, |_, a| user(r, a)),
        ("DELETE", ["users", "signout"]) => authed(w, r, |w, _| {
            if let Some(t) = r.token() {
                w.tokens.remove(t);
            }
            render::empty(StatusCode::NO_CONTENT)
        }),
        ("GET", ["ping"]) => authed(w, r, |_, _| ping(r)),
        ("GET", ["resources"]) => authed(w, r, |w, a| resources(w, r, a)),
        ("GET", ["servers", mid]) => authed(w, r, |w, a| server_sections(w, r, a, mid)),
        ("GET", ["friends"]) => authed(w, r, |w, a| friends(w, r, a)),
        ("PUT", ["sharings", uid]) => authed(w, r, |w, a| put_sharing(w, r, a, uid)),
        ("DELETE", ["sharings", uid]) => authed(w, r, |w, a| delete_sharing(w, r, a, uid)),
        _ => return v2_shares::handle(w, r, segs),
    };
    Some(resp)
}

fn random_code(strong: bool) -> String {
    let (alphabet, len): (&[u8], usize) = if strong {
        (b"abcdefghijklmnopqrstuvwxyz0123456789", 25)
    } else {
        (b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 4)
    };
    let mut rng = rand::rng();
    (0..len)
        .map(|_| char::from(alphabet[rng.random_range(0..alphabet.len())]))
        .collect()
}

fn pin_json(p: &Pin, now: i64) -> Value {
    json!({
        "id": p.id,
        "code": p.code,
        "product": p.product,
        "trusted": false,
        "qr": format!("https://plex.tv/api/v2/pins/qr/{}", p.code),
        "clientIdentifier": p.client_id,
        "location": {"code": "US", "european_union_member": false, "continent_code": "NA",
            "country": "United States", "city": "Springfield", "time_zone": "America/Chicago",
            "postal_code": "00000", "in_privacy_restricted_country": false, "subdivisions": "IL",
            "coordinates": "0.0, 0.0"},
        "expiresIn": (p.expires_at - now).max(0),
        "createdAt": rfc3339(p.created_at),
        "expiresAt": rfc3339(p.expires_at),
        "authToken": p.auth_token,
        "newRegistration": null,
    })
}

fn create_pin(w: &mut World, r: &Req, cid: &str) -> Response {
    let strong = r.query("strong").is_some_and(truthy_str);
    let now = w.now();
    let pin = Pin {
        id: w.next_id(),
        code: random_code(strong),
        client_id: cid.to_owned(),
        product: r.plex("X-Plex-Product").unwrap_or_default().to_owned(),
        strong,
        created_at: now,
        expires_at: now + if strong { 1800 } else { 900 },
        auth_token: None,
        last_poll_ms: None,
    };
    let body = pin_json(&pin, now);
    w.pins.insert(pin.id, pin);
    render::v2(r.wants_json(), StatusCode::CREATED, "pin", &body)
}

fn check_pin(w: &mut World, r: &Req, cid: &str, id: &str) -> Response {
    let j = r.wants_json();
    let now = w.now();
    let now_ms = w.clock.millis();
    let interval = w.pin_check_interval.as_millis();
    let pin = id
        .parse::<u64>()
        .ok()
        .and_then(|id| w.pins.get_mut(&id))
        // A PIN checked with another client id is treated as not found (plex-api.md §10.3).
        .filter(|p| p.expires_at > now && p.client_id == cid);
    let Some(pin) = pin else {
        return render::v2_error(j, StatusCode::NOT_FOUND, 1020, "Code not found or expired");
    };
    if let Some(last) = pin.last_poll_ms
        && now_ms.saturating_sub(last) < interval
    {
        // Whole seconds, rounded up: the earliest moment a check is answered again.
        let wait_ms = interval - now_ms.saturating_sub(last);
        let secs = u64::try_from(wait_ms.div_ceil(1000).max(1)).unwrap_or(1);
        let mut resp = render::v2_error(
            j,
            StatusCode::TOO_MANY_REQUESTS,
            1003,
            "API rate limit exceeded",
        );
        resp.headers_mut()
            .insert(axum::http::header::RETRY_AFTER, secs.into());
        return resp;
    }
    pin.last_poll_ms = Some(now_ms);
    render::v2(j, StatusCode::OK, "pin", &pin_json(pin, now))
}

fn user(r: &Req, a: &Account) -> Response {
    let owner = a.id == OWNER.id;
    let managed = is_managed(a.id);
    let features: Vec<&str> = if owner {
        vec!["pass", "sync", "camera_upload"]
    } else {
        vec![]
    };
    let body = json!({
        "id": a.id, "uuid": uuid(a.id), "username": a.username, "title": title(a),
        "friendlyName": title(a), "email": a.email, "authToken": r.token(),
        "thumb": thumb(a.id), "locale": null, "confirmed": true, "joinedAt": 1_500_000_000,
        "emailOnlyAuth": false, "hasPassword": !managed, "protected": false,
        "mailingListStatus": "inactive", "mailingListActive": false, "scrobbleTypes": "",
        "country": "US", "restricted": managed, "anonymous": null, "guest": false,
        "home": owner || managed, "homeAdmin": owner, "homeSize": 2, "maxHomeSize": 15,
        "twoFactorEnabled": false, "backupCodesCreated": false, "experimentalFeatures": false,
        "subscription": {"active": owner, "subscribedAt": null, "status": if owner { "Active" } else { "Inactive" },
            "paymentService": null, "plan": if owner { Some("lifetime") } else { None }, "features": features},
        "subscriptionDescription": null,
        "profile": {"autoSelectAudio": true, "defaultAudioLanguage": "en", "defaultSubtitleLanguage": "en",
            "autoSelectSubtitle": 0, "defaultSubtitleAccessibility": 0, "defaultSubtitleForced": 0,
            "watchedIndicator": 1, "mediaReviewsVisibility": 0},
        "roles": [], "entitlements": [], "services": [],
    });
    render::v2(r.wants_json(), StatusCode::OK, "user", &body)
}

fn ping(r: &Req) -> Response {
    if r.wants_json() {
        return render::json(StatusCode::OK, &json!({"pong": true}));
    }
    render::xml(StatusCode::OK, &Elem::new("pong").text("true"))
}

fn connections(srv: &Server) -> Value {
    let dashed = "192-168-1-10";
    json!([
        {"protocol": "https", "address": "192.168.1.10", "port": 32400,
         "uri": format!("https://{dashed}.{}.plex.direct:32400", srv.machine_id),
         "local": true, "relay": false, "IPv6": false},
        {"protocol": "https", "address": "203.0.113.7", "port": 32400,
         "uri": format!("https://203-0-113-7.{}.plex.direct:32400", srv.machine_id),
         "local": false, "relay": false, "IPv6": false},
    ])
}

fn resource(srv: &Server, caller: u64, stamp: &str) -> Value {
    let owned = srv.owner_id == caller;
    let owner = account(srv.owner_id);
    json!({
        "name": srv.name, "product": "Plex Media Server", "productVersion": "1.41.0.8992",
        "platform": "Linux", "platformVersion": "6.1", "device": "PC",
        "clientIdentifier": srv.machine_id, "createdAt": stamp, "lastSeenAt": stamp,
        "provides": "server", "ownerId": if owned { None } else { Some(srv.owner_id) },
        "sourceTitle": if owned { None } else { owner.map(|o| o.username) },
        "publicAddress": "203.0.113.7", "accessToken": format!("srv-{}-{caller}", srv.numeric_id),
        "owned": owned, "home": false, "synced": false, "relay": true, "presence": true,
        "httpsRequired": true, "publicAddressMatches": false, "dnsRebindingProtection": false,
        "natLoopbackSupported": false, "connections": connections(srv),
    })
}

/// An owned player first (so "the first owned resource" is the wrong pick), then every server the
/// caller owns or can see: the owner also sees the stranger's server as a non-owned resource.
fn resources(w: &mut World, r: &Req, a: &Account) -> Response {
    let stamp = rfc3339(w.now());
    let mut list = vec![json!({
        "name": "Chrome", "product": "Plex Web", "productVersion": "4.145.1", "platform": "Chrome",
        "device": "Linux", "clientIdentifier": format!("web-player-{}", a.id), "provides": "client,player",
        "owned": true, "ownerId": null, "sourceTitle": null, "presence": false, "accessToken": null,
        "httpsRequired": false, "createdAt": stamp, "lastSeenAt": stamp, "connections": [],
    })];
    for srv in &SERVERS {
        let shared = w
            .shares
            .values()
            .any(|s| s.user_id == a.id && s.accepted && s.machine_id == srv.machine_id);
        if srv.owner_id == a.id || shared || a.id == OWNER.id {
            list.push(resource(srv, a.id, &stamp));
        }
    }
    render::v2(r.wants_json(), StatusCode::OK, "resources", &list.into())
}

fn server_sections(w: &mut World, r: &Req, a: &Account, mid: &str) -> Response {
    let Some(srv) = w.owned_server(a.id, mid) else {
        return not_found(r.wants_json());
    };
    let sections: Vec<Value> = if w.empty_v2_sections {
        Vec::new()
    } else {
        srv.sections
            .iter()
            .map(|s| json!({"id": s.id, "key": s.key, "title": s.title, "type": s.kind}))
            .collect()
    };
    let body = json!({"name": srv.name, "machineIdentifier": srv.machine_id, "owned": true,
        "librarySections": sections});
    render::v2(r.wants_json(), StatusCode::OK, "server", &body)
}

fn friends(w: &mut World, r: &Req, a: &Account) -> Response {
    let mut ids: Vec<u64> = w
        .friendships
        .iter()
        .filter(|(o, _)| *o == a.id)
        .map(|(_, f)| *f)
        .collect();
    if a.id == OWNER.id {
        ids.push(KID.id);
    }
    // plex.tv often leaves sharedServers empty here (spec #29), so the fake does too.
    let list: Vec<Value> = world::all_accounts()
        .filter(|f| ids.contains(&f.id))
        .map(|f| {
            json!({"id": f.id, "uuid": uuid(f.id), "username": f.username, "title": title(f),
                "friendlyName": title(f), "email": f.email, "thumb": thumb(f.id),
                "home": is_managed(f.id), "restricted": is_managed(f.id), "status": "accepted",
                "sharedServers": [], "sharedSources": []})
        })
        .collect();
    render::v2(r.wants_json(), StatusCode::OK, "friends", &list.into())
}

fn put_sharing(w: &mut World, r: &Req, a: &Account, uid: &str) -> Response {
    let Ok(uid) = uid.parse::<u64>() else {
        return not_found(r.wants_json());
    };
    let mut found = w.friendships.contains(&(a.id, uid));
    for s in w
        .shares
        .values_mut()
        .filter(|s| s.owner_id == a.id && s.user_id == uid)
    {
        found = true;
        let set = |name: &str, target: &mut bool| {
            if let Some(v) = r.query(name) {
                *target = truthy_str(v);
            }
        };
        set("allowSync", &mut s.settings.allow_sync);
        set("allowCameraUpload", &mut s.settings.allow_camera_upload);
        set("allowChannels", &mut s.settings.allow_channels);
        if let Some(v) = r.query("filterMovies") {
            s.settings.filter_movies = v.to_owned();
        }
        if let Some(v) = r.query("filterTelevision") {
            s.settings.filter_television = v.to_owned();
        }
        if let Some(v) = r.query("filterMusic") {
            s.settings.filter_music = v.to_owned();
        }
    }
    if found {
        render::empty(StatusCode::NO_CONTENT)
    } else {
        not_found(r.wants_json())
    }
}

/// Removes the friendship and every share with that user: the product must never call this.
fn delete_sharing(w: &mut World, r: &Req, a: &Account, uid: &str) -> Response {
    let Ok(uid) = uid.parse::<u64>() else {
        return not_found(r.wants_json());
    };
    let was_friend = w.friendships.remove(&(a.id, uid));
    let before = w.shares.len();
    w.shares
        .retain(|_, s| !(s.owner_id == a.id && s.user_id == uid));
    tracing::warn!(
        user_id = uid,
        "fake plex.tv: DELETE /api/v2/sharings removed a whole friendship"
    );
    if was_friend || w.shares.len() != before {
        render::empty(StatusCode::NO_CONTENT)
    } else {
        not_found(r.wants_json())
    }
}
