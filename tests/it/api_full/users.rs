//! `/users` against the fake plex.tv: the joined list, direct invites, library and expiry
//! changes (exact for plexgate's shares, only adding for external ones), and removal with a
//! per-share DELETE.

use plexgate::fakeplex::{ALICE, BOB, DAVE, MOVIES, MUSIC, TV};
use plexgate::store::GrantStatus;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::{assert_error, by_actor, call, with_plex};
use crate::support::TestApp;

fn share_of(app: &TestApp, user_id: u64) -> Option<plexgate::fakeplex::FakeShare> {
    app.fake()
        .shares()
        .into_iter()
        .find(|s| s.user_id == user_id)
}

fn user(list: &Value, plex_id: u64) -> &Value {
    list["users"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["plex_id"] == plex_id)
        .unwrap_or_else(|| panic!("{plex_id} not in {list}"))
}

#[tokio::test]
async fn the_list_joins_plex_tv_shares_with_grants() {
    let app = with_plex(&[]).await;
    let (status, list) = call(&app, Method::GET, "/users", None).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let dave = user(&list, DAVE.id);
    assert_eq!(dave["username"], "dave");
    assert_eq!(dave["status"], "accepted");
    assert_eq!(dave["managed_by_plexgate"], false);
    assert_eq!(dave["libraries"], json!([MOVIES, TV]));
    assert_eq!(dave["joined_at"], Value::Null);
    assert_eq!(dave.as_object().unwrap().len(), 8, "{dave}");

    let (status, alice) = call(
        &app,
        Method::POST,
        "/users",
        Some(json!({"account": "Alice@Example.com", "libraries": ["Movies"], "access_days": 30})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{alice}");
    assert_eq!(alice["plex_id"], ALICE.id);
    assert_eq!(alice["username"], "alice");
    assert_eq!(alice["status"], "pending");
    assert_eq!(alice["managed_by_plexgate"], true);
    assert!(alice["expires_at"].as_str().unwrap().ends_with('Z'));
    let share = share_of(&app, ALICE.id).unwrap();
    assert_eq!((share.section_ids, share.accepted), (vec![MOVIES], false));
    let grant = app
        .store()
        .read(|tx| tx.get_grant(ALICE.id))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (grant.source.as_str(), grant.status),
        ("admin", GrantStatus::Pending)
    );

    // By username, with the default set; the list now holds both, plus the status counts.
    let (status, bob) = call(
        &app,
        Method::POST,
        "/users",
        Some(json!({"account": "bob"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{bob}");
    assert_eq!(share_of(&app, BOB.id).unwrap().section_ids, [MOVIES, TV]);
    let (_, list) = call(&app, Method::GET, "/users", None).await;
    let names: Vec<&str> = list["users"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["alice", "bob", "dave"]);
    assert_eq!(user(&list, ALICE.id)["joined_at"], alice["joined_at"]);
    let (_, status) = call(&app, Method::GET, "/status", None).await;
    assert_eq!(status["server"], plexgate::fakeplex::SERVER_NAME);
    assert_eq!(status["owner"], "owner");
    assert_eq!(status["counts"]["pending"], 2);

    // Inviting again never makes a second share.
    let shares = app.fake().shares().len();
    for account in ["alice", "ALICE@example.com", "dave", &ALICE.id.to_string()] {
        let again = call(
            &app,
            Method::POST,
            "/users",
            Some(json!({"account": account})),
        )
        .await;
        assert_error(&again, StatusCode::CONFLICT, "conflict");
    }
    assert_eq!(app.fake().shares().len(), shares);
    let nobody = call(
        &app,
        Method::POST,
        "/users",
        Some(json!({"account": "nobody@example.com"})),
    )
    .await;
    assert_error(&nobody, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    let owner = call(
        &app,
        Method::POST,
        "/users",
        Some(json!({"account": "owner"})),
    )
    .await;
    assert_error(&owner, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    let unknown = call(
        &app,
        Method::POST,
        "/users",
        Some(json!({"account": "carol", "libraries": ["Anime"]})),
    )
    .await;
    assert_error(&unknown, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    assert_eq!(
        by_actor(&app, "api.key").await,
        [
            ("share".to_owned(), Some(ALICE.id)),
            ("share".to_owned(), Some(BOB.id))
        ]
    );
}

#[tokio::test]
async fn libraries_change_exactly_for_own_shares_and_only_add_for_external_ones() {
    let app = with_plex(&[]).await;
    call(
        &app,
        Method::POST,
        "/users",
        Some(json!({"account": "alice", "libraries": ["Movies", "Music"]})),
    )
    .await;
    let path = format!("/users/{}", ALICE.id);
    let (status, alice) = call(
        &app,
        Method::PATCH,
        &path,
        Some(json!({"libraries": ["TV Shows"]})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{alice}");
    assert_eq!(alice["libraries"], json!([TV]));
    assert_eq!(share_of(&app, ALICE.id).unwrap().section_ids, [TV]);

    // Dave's share was made in Plex's UI: it only gains.
    let dave = format!("/users/{}", DAVE.id);
    let (status, d) = call(
        &app,
        Method::PATCH,
        &dave,
        Some(json!({"libraries": ["Music"]})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{d}");
    assert_eq!(d["managed_by_plexgate"], false);
    let mut ids = share_of(&app, DAVE.id).unwrap().section_ids;
    ids.sort_unstable();
    assert_eq!(ids, [MOVIES, TV, MUSIC]);
    // An expiry adopts it; null clears the expiry again.
    let (status, d) = call(
        &app,
        Method::PATCH,
        &dave,
        Some(json!({"expires_at": "2031-01-01T02:00:00+02:00"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{d}");
    assert_eq!(
        (d["managed_by_plexgate"].as_bool(), d["expires_at"].as_str()),
        (Some(true), Some("2031-01-01T00:00:00Z"))
    );
    let (_, d) = call(
        &app,
        Method::PATCH,
        &dave,
        Some(json!({"expires_at": null})),
    )
    .await;
    assert_eq!(d["expires_at"], Value::Null);
    let (_, same) = call(&app, Method::PATCH, &dave, Some(json!({}))).await;
    assert_eq!(same, d);

    let bad = call(
        &app,
        Method::PATCH,
        &dave,
        Some(json!({"expires_at": "next week"})),
    )
    .await;
    assert_error(&bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    let empty = call(&app, Method::PATCH, &dave, Some(json!({"libraries": []}))).await;
    assert_error(&empty, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    let nobody = call(
        &app,
        Method::PATCH,
        "/users/424242",
        Some(json!({"expires_at": null})),
    )
    .await;
    assert_error(&nobody, StatusCode::NOT_FOUND, "not_found");
    let kinds: Vec<String> = by_actor(&app, "api.key")
        .await
        .into_iter()
        .map(|e| e.0)
        .collect();
    assert_eq!(
        kinds,
        [
            "share",
            "user_update",
            "adopt",
            "user_update",
            "user_update",
            "user_update"
        ]
    );
}

#[tokio::test]
async fn removing_a_user_deletes_the_share_on_plex_tv_and_records_it() {
    let app = with_plex(&[]).await;
    call(
        &app,
        Method::POST,
        "/users",
        Some(json!({"account": "alice"})),
    )
    .await;
    let share_id = share_of(&app, ALICE.id).unwrap().id;
    app.fake().clear_requests();
    let gone = call(&app, Method::DELETE, &format!("/users/{}", ALICE.id), None).await;
    assert_eq!(gone, (StatusCode::NO_CONTENT, Value::Null));
    assert!(share_of(&app, ALICE.id).is_none());
    let deletes: Vec<String> = app
        .fake()
        .requests()
        .into_iter()
        .filter(|r| r.method == "DELETE")
        .map(|r| r.path)
        .collect();
    assert_eq!(deletes.len(), 1, "{deletes:?}");
    assert!(
        deletes[0].ends_with(&format!("/shared_servers/{share_id}")),
        "{deletes:?}"
    );
    let grant = app
        .store()
        .read(|tx| tx.get_grant(ALICE.id))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(grant.status, GrantStatus::Removed);
    let (_, list) = call(&app, Method::GET, "/users", None).await;
    assert_eq!(user(&list, ALICE.id)["status"], "removed");
    let again = call(&app, Method::DELETE, &format!("/users/{}", ALICE.id), None).await;
    assert_error(&again, StatusCode::NOT_FOUND, "not_found");

    // An external share goes too when the owner asks explicitly.
    let gone = call(&app, Method::DELETE, &format!("/users/{}", DAVE.id), None).await;
    assert_eq!(gone.0, StatusCode::NO_CONTENT, "{}", gone.1);
    assert!(share_of(&app, DAVE.id).is_none());
    assert_eq!(
        by_actor(&app, "api.key").await,
        [
            ("share".to_owned(), Some(ALICE.id)),
            ("remove".to_owned(), Some(ALICE.id)),
            ("adopt".to_owned(), Some(DAVE.id)),
            ("remove".to_owned(), Some(DAVE.id)),
        ]
    );
}
