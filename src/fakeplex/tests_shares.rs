//! Shares over HTTP: v1 and v2 create, duplicates, the invitee's accept, owner views, changes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::json as j;

use super::tests::{Got, T, error_code, json, setup, shared_path};
use super::*;

fn v1_share_body(who: serde_json::Value, ids: &[serde_json::Value]) -> serde_json::Value {
    let mut shared = j!({"library_section_ids": ids});
    if let (Some(o), Some(w)) = (shared.as_object_mut(), who.as_object()) {
        o.extend(w.clone());
    }
    j!({"server_id": SERVER_ID, "shared_server": shared,
        "sharing_settings": {"allowSync": "1", "allowCameraUpload": "0", "allowChannels": "0",
            "filterMovies": "", "filterTelevision": "", "filterMusic": ""}})
}

const RECEIVED: &str = "/api/v2/shared_servers/invites/received/pending";

impl T {
    async fn post_v1(&self, path: &str, who: serde_json::Value, ids: &[serde_json::Value]) -> Got {
        let body = v1_share_body(who, ids);
        self.v1("POST", path, OWNER.token, Some(body)).await
    }

    /// The owner's v2 create.
    async fn post_v2(&self, body: serde_json::Value) -> Got {
        self.v2_body("POST", "/api/v2/shared_servers", OWNER.token, body)
            .await
    }
}

/// Attribute of the first element with this tag.
fn attr(xml: &str, tag: &str, name: &str) -> Option<String> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants()
        .find(|n| n.has_tag_name(tag))
        .and_then(|n| n.attribute(name).map(str::to_owned))
}

fn user_server_pending(xml: &str, user: &Account) -> Option<String> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    let u = doc.descendants().find(|n| {
        n.has_tag_name("User") && n.attribute("id") == Some(user.id.to_string().as_str())
    })?;
    u.children()
        .find(|n| n.has_tag_name("Server"))
        .and_then(|s| s.attribute("pending").map(str::to_owned))
}

#[tokio::test]
async fn v1_share_and_its_duplicate() {
    let t = setup().await;
    let body = v1_share_body(
        j!({"invited_email": "alice@example.com"}),
        &[j!(MOVIES), j!(MUSIC)],
    );
    let (s, _, xml) = t
        .v1("POST", &shared_path(), OWNER.token, Some(body.clone()))
        .await;
    assert_eq!(s, 200, "{xml}");
    assert_eq!(
        attr(&xml, "SharedServer", "userID"),
        Some(ALICE.id.to_string())
    );
    assert_eq!(
        attr(&xml, "SharedServer", "allowSync").as_deref(),
        Some("1")
    );
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let shared: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("Section") && n.attribute("shared") == Some("1"))
        .map(|n| n.attribute("id").unwrap())
        .collect();
    assert_eq!(shared, [MOVIES.to_string(), MUSIC.to_string()]);
    let id: u64 = attr(&xml, "SharedServer", "id").unwrap().parse().unwrap();
    assert_eq!(t.fake.share_via(id), Some("v1"));

    let (s, _, xml) = t.v1("POST", &shared_path(), OWNER.token, Some(body)).await;
    assert_eq!(s, 400);
    assert!(xml.contains("status=\"You're already sharing this server with alice. Please edit your existing share.\""), "{xml}");
}

#[tokio::test]
async fn v1_invite_is_pending_until_the_invitee_accepts() {
    let t = setup().await;
    let body = v1_share_body(j!({"invited_email": "alice@example.com"}), &[j!(MOVIES)]);
    let (_, _, xml) = t.v1("POST", &shared_path(), OWNER.token, Some(body)).await;
    let id: u64 = attr(&xml, "SharedServer", "id").unwrap().parse().unwrap();

    let (_, _, users) = t.v1("GET", "/api/users", OWNER.token, None).await;
    assert_eq!(user_server_pending(&users, &ALICE).as_deref(), Some("1"));
    assert!(
        users.contains("username=\"carol\"") && users.contains("title=\"Kid\" username=\"\""),
        "friends without share and Home users (no username)"
    );

    let (_, _, body) = t.json2("GET", RECEIVED, ALICE.token).await;
    let inv = json(&body);
    assert_eq!(inv[0]["owner"]["username"], "owner");
    assert!(
        inv[0]["owner"]["email"].is_null(),
        "plex.tv gives no owner email here"
    );
    assert_eq!(
        (
            inv[0]["sharedServers"][0]["id"].as_u64(),
            inv[0]["sharedServers"][0]["machineIdentifier"].as_str()
        ),
        (Some(id), Some(SERVER_ID))
    );
    // Someone else cannot accept it.
    let accept = format!("/api/v2/shared_servers/{id}/accept");
    let (s, _, _) = t.json2("POST", &accept, BOB.token).await;
    assert_eq!(s, 404);
    let (s, _, _) = t.json2("POST", &accept, ALICE.token).await;
    assert_eq!(s, 204);
    let again = t.json2("POST", &accept, ALICE.token).await;
    assert_eq!(
        (again.0, error_code(&again.2)),
        (404, 1002),
        "a repeat accept answers 404"
    );
    let (_, _, users) = t.v1("GET", "/api/users", OWNER.token, None).await;
    assert_eq!(user_server_pending(&users, &ALICE).as_deref(), Some("0"));
    assert!(
        t.fake
            .shares()
            .iter()
            .any(|s| s.id == id && s.accepted && s.user_id == ALICE.id)
    );
    let (_, _, body) = t.json2("GET", RECEIVED, ALICE.token).await;
    assert_eq!(json(&body), j!([]));
}

#[tokio::test]
async fn v1_takes_usernames_and_ids_and_refuses_local_keys_and_foreign_machines() {
    let t = setup().await;
    let (s, _, xml) = t
        .post_v1(&shared_path(), j!({"invited_email": "bob"}), &[j!(TV)])
        .await;
    assert_eq!(
        (s, attr(&xml, "SharedServer", "userID")),
        (200, Some(BOB.id.to_string()))
    );
    let (s, _, xml) = t
        .post_v1(&shared_path(), j!({"invited_id": KID.id}), &[j!(MOVIES)])
        .await;
    assert_eq!(
        (s, attr(&xml, "SharedServer", "email").as_deref()),
        (200, Some(""))
    );
    let (s, _, _) = t
        .post_v1(&shared_path(), j!({"invited_email": "carol"}), &[j!("1")])
        .await;
    assert_eq!(s, 400, "local key 1 is not a global id");
    let other = format!("/api/servers/{OTHER_SERVER_ID}/shared_servers");
    let (s, _, _) = t
        .post_v1(&other, j!({"invited_email": "carol"}), &[j!(MOVIES)])
        .await;
    assert_eq!(s, 400);
    assert!(!t.fake.shares().iter().any(|s| s.user_id == CAROL.id));
}

#[tokio::test]
async fn v1_list_update_and_delete_one_share() {
    let t = setup().await;
    let dave = t
        .fake
        .shares()
        .into_iter()
        .find(|s| s.user_id == DAVE.id)
        .unwrap();
    assert!(dave.accepted && dave.section_ids == [MOVIES, TV]);
    let (_, _, xml) = t.v1("GET", &shared_path(), OWNER.token, None).await;
    assert_eq!(
        attr(&xml, "SharedServer", "username").as_deref(),
        Some("dave")
    );
    let one = format!("{}/{}", shared_path(), dave.id);
    let upd = j!({"server_id": SERVER_ID, "shared_server": {"library_section_ids": [PHOTOS]}});
    let (s, _, _) = t.v1("PUT", &one, OWNER.token, Some(upd)).await;
    assert_eq!(s, 200);
    let (_, _, xml) = t.v1("GET", &one, OWNER.token, None).await;
    assert!(
        xml.contains(&format!(
            "id=\"{PHOTOS}\" key=\"4\" title=\"Photos\" type=\"photo\" shared=\"1\""
        )),
        "{xml}"
    );
    assert_eq!(t.v1("DELETE", &one, OWNER.token, None).await.0, 200);
    assert!(t.fake.shares().is_empty());
    assert_eq!(t.v1("GET", &one, OWNER.token, None).await.0, 404);
}

#[tokio::test]
async fn v2_share_duplicate_and_owner_views() {
    let t = setup().await;
    let body = j!({"machineIdentifier": SERVER_ID, "invitedEmail": "carol@example.com",
        "librarySectionIds": [MOVIES], "settings": {"allowSync": true}, "skipFriendship": true});
    let (s, _, out) = t.post_v2(body.clone()).await;
    assert_eq!(s, 201, "{out}");
    let share = json(&out);
    assert_eq!(
        (share["accepted"].as_bool(), share["invitedId"].as_u64()),
        (Some(false), Some(CAROL.id))
    );
    assert_eq!(share["libraries"][0]["key"], "1");
    let id = share["id"].as_u64().unwrap();
    let (s, _, out) = t.post_v2(body).await;
    assert_eq!(s, 422);
    assert!(out.contains("already sharing"));
    let local =
        j!({"machineIdentifier": SERVER_ID, "invitedEmail": "bob", "librarySectionIds": [1]});
    let (s, _, out) = t.post_v2(local).await;
    assert_eq!((s, error_code(&out)), (404, 1002));

    let (_, _, out) = t
        .json2(
            "GET",
            "/api/v2/shared_servers/invites/owned/pending",
            OWNER.token,
        )
        .await;
    assert_eq!(json(&out)[0]["sharedServers"][0]["id"].as_u64(), Some(id));
    let (_, _, out) = t
        .json2("GET", "/api/v2/shared_servers/owned/accepted", OWNER.token)
        .await;
    assert!(!out.contains(&format!("\"id\":{id},")), "not accepted yet");
    assert!(t.fake.accept_from_email(&CAROL));
    let (_, _, out) = t
        .json2("GET", "/api/v2/shared_servers/owned/accepted", OWNER.token)
        .await;
    assert!(
        json(&out)
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"].as_u64() == Some(id) && s["accepted"] == true)
    );
}

#[tokio::test]
async fn v2_post_replaces_a_share_put_is_405_and_delete_removes_it() {
    let t = setup().await;
    let body = j!({"machineIdentifier": SERVER_ID, "invitedEmail": "carol", "librarySectionIds": [MOVIES]});
    let (_, _, out) = t.post_v2(body).await;
    let id = json(&out)["id"].as_u64().unwrap();
    let path = format!("/api/v2/shared_servers/{id}");
    let upd = j!({"librarySectionIds": [TV, MUSIC], "settings": {"allowSync": false}});
    let (s, _, out) = t.v2_body("POST", &path, OWNER.token, upd).await;
    assert_eq!((s, json(&out)["numLibraries"].as_u64()), (200, Some(2)));
    assert_eq!(t.v2_body("PUT", &path, OWNER.token, j!({})).await.0, 405);
    let (_, _, out) = t.json2("GET", &path, CAROL.token).await;
    assert_eq!(json(&out)["sharingSettings"]["allowSync"], false);
    assert_eq!(t.json2("DELETE", &path, OWNER.token).await.0, 204);
    assert!(!t.fake.shares().iter().any(|s| s.id == id));
}

#[tokio::test]
async fn invite_appears_after_n_listings() {
    let t = setup().await;
    t.fake.invite_visible_after(2);
    let id = t.fake.add_share(&BOB, &[MOVIES], false);
    // add_share is "in Plex's UI": no delay. A v2 invite made now is delayed.
    t.fake.shares().iter().find(|s| s.id == id).unwrap();
    let body = j!({"machineIdentifier": SERVER_ID, "invitedEmail": "alice", "librarySectionIds": [MOVIES]});
    assert_eq!(t.post_v2(body).await.0, 201);
    let list = RECEIVED;
    for _ in 0..2 {
        assert_eq!(json(&t.json2("GET", list, ALICE.token).await.2), j!([]));
    }
    let (_, _, out) = t.json2("GET", list, ALICE.token).await;
    assert_eq!(json(&out).as_array().unwrap().len(), 1);
    let (_, _, out) = t.json2("GET", list, BOB.token).await;
    assert_eq!(json(&out)[0]["sharedServers"][0]["id"].as_u64(), Some(id));
}

#[tokio::test]
async fn friends_and_the_sharings_calls() {
    let t = setup().await;
    let (_, _, out) = t.json2("GET", "/api/v2/friends", OWNER.token).await;
    let names: Vec<String> = json(&out)
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["title"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        ["alice", "bob", "carol", "dave", "Kid"]
            .iter()
            .all(|n| names.iter().any(|m| m == n)),
        "{names:?}"
    );
    let put = format!("/api/v2/sharings/{}?allowSync=1", DAVE.id);
    assert_eq!(t.json2("PUT", &put, OWNER.token).await.0, 204);
    assert!(
        t.fake
            .shares()
            .iter()
            .any(|s| s.user_id == DAVE.id && s.allow_sync)
    );
    let del = format!("/api/v2/sharings/{}", DAVE.id);
    assert_eq!(t.json2("DELETE", &del, OWNER.token).await.0, 204);
    assert!(t.fake.shares().is_empty());
    let (_, _, users) = t.v1("GET", "/api/users", OWNER.token, None).await;
    assert!(!users.contains("username=\"dave\""));
}
