//! The tools that read the server's sections, against the fake plex.tv: the default library
//! set, and allowlist entries and invites that name libraries.

use plexgate::fakeplex::{MOVIES, MUSIC, TV};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::{KEY, assert_error, call, key_event_kinds};
use crate::support::TestApp;

fn selected(libs: &Value) -> Vec<u64> {
    libs["libraries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["selected"] == true)
        .map(|l| l["id"].as_u64().unwrap())
        .collect()
}

#[tokio::test]
async fn libraries_show_plex_tv_ids_and_the_config_set_is_read_only() {
    let app = TestApp::with_fake(&[("PLEXGATE_API_KEY", KEY)]).await;
    let (status, libs) = call(&app, Method::GET, "/libraries", None).await;
    assert_eq!(status, StatusCode::OK, "{libs}");
    let movies = libs["libraries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["title"] == "Movies")
        .unwrap();
    assert_eq!(movies["id"], MOVIES);
    assert_eq!(movies["key"], "1");
    assert_eq!(movies["type"], "movie");
    assert_eq!(movies.as_object().unwrap().len(), 5, "{movies}");
    assert_eq!(selected(&libs), [MOVIES, TV]);

    let put = call(
        &app,
        Method::PUT,
        "/libraries",
        Some(json!({"libraries": ["Music"]})),
    )
    .await;
    assert!(assert_error(&put, StatusCode::CONFLICT, "conflict").contains("access.libraries"));
    assert_eq!(
        selected(&call(&app, Method::GET, "/libraries", None).await.1),
        [MOVIES, TV]
    );
    assert!(key_event_kinds(&app).await.is_empty());
}

#[tokio::test]
async fn the_default_set_is_put_by_title_or_id() {
    // An empty variable counts as unset: the default set comes from the store, empty until PUT.
    let app =
        TestApp::with_fake(&[("PLEXGATE_API_KEY", KEY), ("PLEXGATE_ACCESS_LIBRARIES", "")]).await;
    let (_, before) = call(&app, Method::GET, "/libraries", None).await;
    assert!(selected(&before).is_empty(), "{before}");

    let body = json!({"libraries": ["Movies", 118_181_362]});
    let (status, after) = call(&app, Method::PUT, "/libraries", Some(body)).await;
    assert_eq!(status, StatusCode::OK, "{after}");
    assert_eq!(selected(&after), [MOVIES, TV]);
    assert_eq!(call(&app, Method::GET, "/libraries", None).await.1, after);

    let empty = call(
        &app,
        Method::PUT,
        "/libraries",
        Some(json!({"libraries": []})),
    )
    .await;
    assert_error(&empty, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    let unknown = call(
        &app,
        Method::PUT,
        "/libraries",
        Some(json!({"libraries": ["Anime", 1]})),
    )
    .await;
    let msg = assert_error(&unknown, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    assert!(msg.contains("\"Anime\"") && msg.contains('1'), "{msg}");
    let extra = call(
        &app,
        Method::PUT,
        "/libraries",
        Some(json!({"libraries": ["Movies"], "all": true})),
    )
    .await;
    assert_error(&extra, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    let missing = call(&app, Method::PUT, "/libraries", Some(json!({}))).await;
    assert_error(&missing, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    assert_eq!(
        selected(&call(&app, Method::GET, "/libraries", None).await.1),
        [MOVIES, TV]
    );
    assert_eq!(key_event_kinds(&app).await, ["libraries_set"]);
}

#[tokio::test]
async fn entries_and_invites_resolve_named_libraries() {
    let app = TestApp::with_fake(&[("PLEXGATE_API_KEY", KEY)]).await;
    let body = json!({"account": "alice", "libraries": ["tv shows", MUSIC]});
    let (status, entry) = call(&app, Method::POST, "/allowlist", Some(body)).await;
    assert_eq!(status, StatusCode::CREATED, "{entry}");
    assert_eq!(entry["libraries"], json!([TV, MUSIC]));

    let unknown = call(
        &app,
        Method::POST,
        "/allowlist",
        Some(json!({"account": "bob", "libraries": ["Anime"]})),
    )
    .await;
    assert!(
        assert_error(&unknown, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body")
            .contains("\"Anime\"")
    );

    let (status, invite) = call(
        &app,
        Method::POST,
        "/invites",
        Some(json!({"libraries": ["Movies"]})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{invite}");
    assert_eq!(invite["libraries"], json!([MOVIES]));
    let (_, list) = call(&app, Method::GET, "/invites", None).await;
    assert_eq!(list["invites"][0]["libraries"], json!([MOVIES]));
    assert_eq!(
        key_event_kinds(&app).await,
        ["allowlist_add", "invite_create"]
    );
}
