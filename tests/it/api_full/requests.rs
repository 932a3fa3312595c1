//! Access requests: listed, approved (an allowlist entry pinned to the account, the grant and
//! the share at once) or declined, each decision once.

use plexgate::fakeplex::{Account, BOB, CAROL, MOVIES};
use plexgate::store::{AccessRequest, GrantStatus, IdTable, RequestStatus};
use reqwest::{Method, StatusCode};
use serde_json::json;

use super::{assert_error, by_actor, call, with_plex};
use crate::support::TestApp;

async fn open_request(app: &TestApp, who: &Account, note: &str) -> u64 {
    let (plex_id, username, email, note) = (
        who.id,
        who.username.to_owned(),
        who.email.map(str::to_owned),
        note.to_owned(),
    );
    app.store()
        .write(move |tx| {
            let id = tx.next_id(IdTable::Requests)?;
            tx.put_request(&AccessRequest {
                id,
                plex_id,
                username,
                email,
                note,
                created_at: 1_700_000_000,
                status: RequestStatus::Open,
                decided_at: None,
                decided_by: None,
            })?;
            Ok(id)
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn approving_a_request_creates_the_grant_and_the_share() {
    let app = with_plex(&[]).await;
    let carol = open_request(&app, &CAROL, "hi, it's Carol").await;
    let bob = open_request(&app, &BOB, "").await;
    let (status, list) = call(&app, Method::GET, "/requests", None).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(list["requests"][0]["id"], bob, "newest first");
    let first = &list["requests"][1];
    assert_eq!(
        (
            first["username"].as_str(),
            first["note"].as_str(),
            first["status"].as_str()
        ),
        (Some("carol"), Some("hi, it's Carol"), Some("open"))
    );
    assert_eq!(first["created_at"], "2023-11-14T22:13:20Z");
    assert_eq!(first.as_object().unwrap().len(), 7, "{first}");

    let path = format!("/requests/{carol}/approve");
    let body = json!({"libraries": ["Movies"], "access_days": 7});
    let (status, approved) = call(&app, Method::POST, &path, Some(body)).await;
    assert_eq!(status, StatusCode::OK, "{approved}");
    assert_eq!(approved["status"], "approved");
    let share = app
        .fake()
        .shares()
        .into_iter()
        .find(|s| s.user_id == CAROL.id)
        .unwrap();
    assert_eq!(share.section_ids, [MOVIES]);
    let grant = app
        .store()
        .read(|tx| tx.get_grant(CAROL.id))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (grant.status, grant.source.as_str()),
        (GrantStatus::Pending, "request")
    );
    assert!(grant.expires_at.is_some());
    let allow = app.store().read(|tx| tx.list_allow()).await.unwrap();
    assert_eq!((allow.len(), allow[0].plex_id), (1, Some(CAROL.id)));

    let twice = call(&app, Method::POST, &path, Some(json!({}))).await;
    assert_error(&twice, StatusCode::CONFLICT, "conflict");
    let decline_approved = call(
        &app,
        Method::POST,
        &format!("/requests/{carol}/decline"),
        None,
    )
    .await;
    assert_error(&decline_approved, StatusCode::CONFLICT, "conflict");

    let (status, declined) = call(
        &app,
        Method::POST,
        &format!("/requests/{bob}/decline"),
        None,
    )
    .await;
    assert_eq!(
        (status, declined["status"].as_str()),
        (StatusCode::OK, Some("declined"))
    );
    assert!(app.fake().shares().iter().all(|s| s.user_id != BOB.id));
    let unknown = call(&app, Method::POST, "/requests/99/approve", Some(json!({}))).await;
    assert_error(&unknown, StatusCode::NOT_FOUND, "not_found");
    let unknown = call(&app, Method::POST, "/requests/99/decline", None).await;
    assert_error(&unknown, StatusCode::NOT_FOUND, "not_found");
    let bad = open_request(&app, &plexgate::fakeplex::ALICE, "").await;
    let bad_libs = call(
        &app,
        Method::POST,
        &format!("/requests/{bad}/approve"),
        Some(json!({"libraries": ["Anime"]})),
    )
    .await;
    assert_error(&bad_libs, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    let bad_days = call(
        &app,
        Method::POST,
        &format!("/requests/{bad}/approve"),
        Some(json!({"access_days": 0})),
    )
    .await;
    assert_error(&bad_days, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    assert_eq!(
        by_actor(&app, "api.key").await,
        [
            ("request_approve".to_owned(), Some(CAROL.id)),
            ("request_decline".to_owned(), Some(BOB.id)),
        ]
    );
}
