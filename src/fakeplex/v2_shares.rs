//! v2 shared_servers (plex-api.md §5.2, §6.2, §7): create, the owner's and the invitee's
//! listings, accept, replace (POST; PUT/PATCH answer 405) and delete.

use std::collections::BTreeSet;

use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

use crate::clock::rfc3339;

use super::Account;
use super::render;
use super::server::Req;
use super::shares::{NewShare, ShareError, parse_ids, settings_from, truthy};
use super::v2::{authed, not_found};
use super::world::{
    Share, Via, World, account, account_by_name_or_email, server, thumb, title, uuid,
};

/// The non-secret X-Plex-* set clients.plex.tv wanted in the query of share calls (plex-api.md §0).
const FULL_XPLEX_SET: [&str; 10] = [
    "X-Plex-Product",
    "X-Plex-Version",
    "X-Plex-Client-Identifier",
    "X-Plex-Platform",
    "X-Plex-Platform-Version",
    "X-Plex-Device",
    "X-Plex-Device-Name",
    "X-Plex-Model",
    "X-Plex-Features",
    "X-Plex-Language",
];

/// 400 "missing in query: …" when the strict rule is on and the query lacks part of the set.
fn missing_query(w: &World, r: &Req) -> Option<Response> {
    if !w.strict_clients_query {
        return None;
    }
    let missing: Vec<&str> = FULL_XPLEX_SET
        .iter()
        .copied()
        .filter(|k| r.query(k).is_none_or(str::is_empty))
        .collect();
    if missing.is_empty() {
        return None;
    }
    Some(render::v2_error(
        r.wants_json(),
        StatusCode::BAD_REQUEST,
        1000,
        &format!("missing in query: {}", missing.join(",")),
    ))
}

/// Dispatches `/api/v2/shared_servers...`; `None` = unknown route.
pub(super) fn handle(w: &mut World, r: &Req, segs: &[&str]) -> Option<Response> {
    if matches!(segs.first(), Some(&"shared_servers"))
        && let Some(refused) = missing_query(w, r)
    {
        return Some(refused);
    }
    let resp = match (r.method.as_str(), segs) {
        ("POST", ["shared_servers"]) => authed(w, r, |w, a| create(w, r, a)),
        ("GET", ["shared_servers", "owned", "accepted"]) => authed(w, r, |w, a| {
            let list: Vec<Value> = w
                .owner_shares(a.id, None)
                .iter()
                .filter(|s| s.accepted)
                .map(|s| share_json(w, s))
                .collect();
            render::v2(
                r.wants_json(),
                StatusCode::OK,
                "sharedServers",
                &list.into(),
            )
        }),
        ("GET", ["shared_servers", "invites", "owned", "pending"]) => {
            authed(w, r, |w, a| owned_pending(w, r, a))
        }
        ("GET", ["shared_servers", "invites", "received", "pending"]) => {
            authed(w, r, |w, a| received_pending(w, r, a))
        }
        // 204 once; a repeat (or someone else's id) answers 404, as on plex.tv (plex-api.md §12).
        ("POST", ["shared_servers", id, "accept"]) => authed(w, r, |w, a| {
            match id.parse().ok().and_then(|id| w.accept_share(a.id, id)) {
                Some(_) => render::empty(StatusCode::NO_CONTENT),
                None => not_found(r.wants_json()),
            }
        }),
        ("GET", ["shared_servers", id]) => authed(w, r, |w, a| {
            match id.parse().ok().and_then(|id| w.visible_share(a.id, id)) {
                Some(s) => render::v2(
                    r.wants_json(),
                    StatusCode::OK,
                    "sharedServer",
                    &share_json(w, s),
                ),
                None => not_found(r.wants_json()),
            }
        }),
        ("POST", ["shared_servers", id]) => authed(w, r, |w, a| update(w, r, a, id)),
        ("PUT" | "PATCH", ["shared_servers", _]) => render::empty(StatusCode::METHOD_NOT_ALLOWED),
        ("DELETE", ["shared_servers", id]) => authed(w, r, |w, a| {
            if id.parse().is_ok_and(|id| w.delete_share(a.id, id)) {
                render::empty(StatusCode::NO_CONTENT)
            } else {
                not_found(r.wants_json())
            }
        }),
        _ => return None,
    };
    Some(resp)
}

/// The JSON share of plex-api.md §5.2a.
pub(super) fn share_json(w: &World, s: &Share) -> Value {
    let srv = server(&s.machine_id);
    let invited = account(s.user_id);
    let libraries: Vec<Value> = srv
        .map(|srv| {
            srv.sections
                .iter()
                .filter(|sec| s.section_ids.contains(&sec.id))
                .map(|sec| json!({"id": sec.id, "key": sec.key, "title": sec.title, "type": sec.kind}))
                .collect()
        })
        .unwrap_or_default();
    let all = srv.is_some_and(|srv| srv.sections.len() == s.section_ids.len());
    let st = &s.settings;
    json!({
        "id": s.id, "name": srv.map(|v| v.name), "ownerId": s.owner_id, "invitedId": s.user_id,
        "invitedEmail": invited.and_then(|a| a.email), "serverId": srv.map(|v| v.numeric_id),
        "machineIdentifier": s.machine_id, "accepted": s.accepted,
        "acceptedAt": s.accepted_at.map(rfc3339), "deletedAt": null, "leftAt": null, "owned": false,
        "inviteToken": format!("invite{}", s.id), "lastSeenAt": rfc3339(w.now()),
        "numLibraries": s.section_ids.len(), "allLibraries": all,
        "invited": invited.map(|a| json!({"id": a.id, "uuid": uuid(a.id), "title": title(a),
            "username": a.username, "restricted": super::world::is_managed(a.id), "thumb": thumb(a.id),
            "status": if s.accepted { "accepted" } else { "pending" }})),
        "sharingSettings": {"allowSync": st.allow_sync, "allowChannels": st.allow_channels,
            "allowCameraUpload": st.allow_camera_upload, "allowSubtitleAdmin": st.allow_subtitle_admin,
            "allowTuners": 0, "filterMovies": st.filter_movies, "filterMusic": st.filter_music,
            "filterPhotos": st.filter_photos, "filterTelevision": st.filter_television, "filterAll": null},
        "libraries": libraries,
    })
}

fn person(a: &Account) -> Value {
    json!({"id": a.id, "uuid": uuid(a.id), "username": a.username, "title": title(a),
        "friendlyName": title(a), "email": a.email, "thumb": thumb(a.id)})
}

fn share_error(j: bool, e: &ShareError) -> Response {
    match e {
        ShareError::Duplicate(name) => render::v2_error(
            j,
            StatusCode::UNPROCESSABLE_ENTITY,
            1997,
            &format!("You're already sharing this server with {name}."),
        ),
        ShareError::BadBody => {
            render::v2_error(j, StatusCode::BAD_REQUEST, 1999, "Bad request body")
        }
        ShareError::UnknownMachine | ShareError::UnknownSection | ShareError::UnknownUser => {
            not_found(j)
        }
    }
}

fn create(w: &mut World, r: &Req, a: &Account) -> Response {
    let j = r.wants_json();
    let Some(body) = r.json() else {
        return share_error(j, &ShareError::BadBody);
    };
    let invitee = match (
        body.get("invitedEmail").and_then(Value::as_str),
        body.get("invitedId"),
    ) {
        (Some(e), _) => account_by_name_or_email(e),
        (None, Some(id)) => id
            .as_u64()
            .or_else(|| id.as_str().and_then(|s| s.parse().ok()))
            .and_then(account),
        (None, None) => None,
    };
    let Some(invitee) = invitee else {
        return not_found(j);
    };
    let ids = match parse_ids(body.get("librarySectionIds")) {
        Ok(ids) => ids,
        Err(e) => return share_error(j, &e),
    };
    let new = NewShare {
        machine_id: body
            .get("machineIdentifier")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
        invitee,
        section_ids: ids,
        settings: settings_from(body.get("settings")),
        via: Via::V2,
        befriend: !body.get("skipFriendship").is_some_and(truthy),
    };
    match w.create_share(a.id, new) {
        Ok(id) => match w.shares.get(&id) {
            Some(s) => render::v2(j, StatusCode::CREATED, "sharedServer", &share_json(w, s)),
            None => not_found(j),
        },
        Err(e) => share_error(j, &e),
    }
}

/// Replaces libraries and settings; settings left out reset, as on plex.tv.
fn update(w: &mut World, r: &Req, a: &Account, id: &str) -> Response {
    let j = r.wants_json();
    let Ok(id) = id.parse::<u64>() else {
        return not_found(j);
    };
    let Some(body) = r.json() else {
        return share_error(j, &ShareError::BadBody);
    };
    let ids = match parse_ids(body.get("librarySectionIds")) {
        Ok(ids) => ids,
        Err(e) => return share_error(j, &e),
    };
    let settings = Some(settings_from(body.get("settings")));
    match w.update_share(a.id, id, ids, settings) {
        Ok(Some(s)) => render::v2(j, StatusCode::OK, "sharedServer", &share_json(w, &s)),
        Ok(None) => not_found(j),
        Err(e) => share_error(j, &e),
    }
}

fn received_pending(w: &mut World, r: &Req, a: &Account) -> Response {
    let pending = w.pending_listing(a.id);
    let owners: BTreeSet<u64> = pending.iter().map(|s| s.owner_id).collect();
    let list: Vec<Value> = owners
        .iter()
        .filter_map(|o| account(*o))
        .map(|owner| {
            let mine: Vec<&Share> = pending.iter().filter(|s| s.owner_id == owner.id).collect();
            let created = mine.iter().map(|s| s.invited_at).min().unwrap_or_default();
            json!({"id": owner.id, "createdAt": rfc3339(created), "friend": true, "home": false,
                // plex.tv gives the inviting owner's username but no email here (Wizarr).
                "server": true, "owner": {"id": owner.id, "uuid": uuid(owner.id),
                    "username": owner.username, "title": title(owner),
                    "friendlyName": title(owner), "email": null, "thumb": thumb(owner.id)},
                "sharedServers": mine.iter().map(|s| share_json(w, s)).collect::<Vec<_>>(),
                "sharedSources": []})
        })
        .collect();
    render::v2(r.wants_json(), StatusCode::OK, "invites", &list.into())
}

fn owned_pending(w: &mut World, r: &Req, a: &Account) -> Response {
    let pending: Vec<Share> = w
        .owner_shares(a.id, None)
        .into_iter()
        .filter(|s| !s.accepted)
        .collect();
    let invitees: BTreeSet<u64> = pending.iter().map(|s| s.user_id).collect();
    let list: Vec<Value> = invitees
        .iter()
        .filter_map(|u| account(*u))
        .map(|inv| {
            let theirs: Vec<Value> = pending
                .iter()
                .filter(|s| s.user_id == inv.id)
                .map(|s| share_json(w, s))
                .collect();
            json!({"id": inv.id, "invitedEmail": inv.email, "invited": person(inv),
                "sharedServers": theirs, "sharedSources": []})
        })
        .collect();
    render::v2(r.wants_json(), StatusCode::OK, "invites", &list.into())
}
