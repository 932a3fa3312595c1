//! The strictness rules that make the fake refuse what plex.tv refuses (plex-api.md §10, §12).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::json as j;

use super::tests::{CID, T, error_code, json, setup, shared_path};
use super::*;

#[tokio::test]
async fn clients_share_calls_need_the_full_identity_in_the_query() {
    let t = setup().await;
    let path = "/api/v2/shared_servers/invites/received/pending";
    let partial = t
        .bare(
            "GET",
            &format!("{path}?X-Plex-Product=p&X-Plex-Client-Identifier={CID}"),
        )
        .header("X-Plex-Client-Identifier", CID)
        .header("X-Plex-Token", ALICE.token)
        .header("Accept", "application/json");
    let (s, _, body) = T::send(partial).await;
    assert_eq!(s, 400);
    let message = json(&body)["errors"][0]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        message.starts_with("missing in query:") && message.contains("X-Plex-Features"),
        "{message}"
    );
    assert!(
        !message.contains("X-Plex-Product,"),
        "only what is missing: {message}"
    );
    // With the set (the test helper adds it) the same call answers.
    assert_eq!(t.json2("GET", path, ALICE.token).await.0, 200);
    // The knob turns the rule off.
    t.fake.set_strict_clients_query(false);
    let bare = t
        .bare("GET", path)
        .header("X-Plex-Client-Identifier", CID)
        .header("X-Plex-Token", ALICE.token);
    assert_eq!(T::send(bare).await.0, 200);
}

#[tokio::test]
async fn unknown_routes_and_foreign_share_ids_look_alike() {
    let t = setup().await;
    let (s, ct, _) = T::send(t.bare("GET", "/api/v2/no/such/route")).await;
    assert!(s == 404 && ct.starts_with("text/html"));
    // A share id that is not the owner's: 404 with error 1002 ("resource or endpoint").
    let (s, _, body) = t
        .json2("DELETE", &format!("{}/424242", shared_path()), OWNER.token)
        .await;
    assert_eq!((s, error_code(&body)), (404, 1002));
    let dave = t.fake.shares()[0].id;
    let (s, _, body) = t
        .json2(
            "DELETE",
            &format!("/api/v2/shared_servers/{dave}"),
            STRANGER.token,
        )
        .await;
    assert_eq!((s, error_code(&body)), (404, 1002));
    assert_eq!(t.fake.shares().len(), 1, "nothing removed");
}

#[tokio::test]
async fn a_delete_fault_answers_1002_and_keeps_the_share() {
    let t = setup().await;
    let dave = t.fake.shares()[0].id;
    t.fake.inject(
        Fault::not_found_1002(shared_path())
            .method("DELETE")
            .times(1),
    );
    let path = format!("{}/{dave}", shared_path());
    let (s, _, body) = t.json2("DELETE", &path, OWNER.token).await;
    assert_eq!((s, error_code(&body)), (404, 1002));
    assert!(t.fake.shares().iter().any(|s| s.id == dave), "still shared");
    assert_eq!(t.json2("DELETE", &path, OWNER.token).await.0, 200);
    assert!(t.fake.shares().is_empty());
}

#[tokio::test]
async fn a_managed_user_has_no_username_and_cannot_be_invited_by_name() {
    let t = setup().await;
    let (_, _, me) = t.json2("GET", "/api/v2/user", KID.token).await;
    let me = json(&me);
    assert_eq!(
        (me["username"].as_str(), me["restricted"].as_bool()),
        (Some(""), Some(true))
    );
    for name in ["kid", "Kid", ""] {
        let body = j!({"server_id": SERVER_ID,
            "shared_server": {"library_section_ids": [MOVIES], "invited_email": name}});
        let (s, _, _) = t.v1("POST", &shared_path(), OWNER.token, Some(body)).await;
        assert_eq!(s, 400, "invited_email {name:?}");
    }
    let body = j!({"server_id": SERVER_ID,
        "shared_server": {"library_section_ids": [MOVIES], "invited_id": KID.id}});
    assert_eq!(
        t.v1("POST", &shared_path(), OWNER.token, Some(body))
            .await
            .0,
        200
    );
}

#[tokio::test]
async fn an_invite_to_an_address_without_an_account_is_listed_with_an_empty_user_id() {
    let t = setup().await;
    let id = t.fake.add_invite_without_account("new@example.com");
    let (_, _, xml) = t.v1("GET", &shared_path(), OWNER.token, None).await;
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let entry = doc
        .descendants()
        .find(|n| n.has_tag_name("SharedServer") && n.attribute("id") == Some(&id.to_string()))
        .unwrap();
    assert_eq!(entry.attribute("userID"), Some(""));
    assert_eq!(entry.attribute("email"), Some("new@example.com"));
}
