//! Co-admins (owner only: every key acts for the owner) and the event log's pages and filters.

use plexgate::store::{EventKind, NewEvent, SessionKind};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::{KEY, assert_error, call};
use crate::support::TestApp;

#[tokio::test]
async fn co_admins_are_added_listed_and_removed() {
    let app = TestApp::start_with(&[("PLEXGATE_API_KEY", KEY)]).await;
    let (status, carol) = call(
        &app,
        Method::POST,
        "/admins",
        Some(json!({"account": " Carol "})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{carol}");
    assert_eq!(
        (carol["account"].as_str(), carol["plex_id"].as_u64()),
        (Some("Carol"), None)
    );
    assert_eq!(carol.as_object().unwrap().len(), 4, "{carol}");
    let (_, by_id) = call(
        &app,
        Method::POST,
        "/admins",
        Some(json!({"account": "10000003"})),
    )
    .await;
    assert_eq!(by_id["plex_id"], 10_000_003);
    for dup in ["carol", "10000003"] {
        let got = call(&app, Method::POST, "/admins", Some(json!({"account": dup}))).await;
        assert_error(&got, StatusCode::CONFLICT, "conflict");
    }
    let empty = call(
        &app,
        Method::POST,
        "/admins",
        Some(json!({"account": "  "})),
    )
    .await;
    assert_error(&empty, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    let (_, list) = call(&app, Method::GET, "/admins", None).await;
    assert_eq!(list["admins"], json!([carol, by_id]));

    // Removing one ends their admin sessions (an account session stays).
    let sessions = [("a", SessionKind::Admin), ("b", SessionKind::Account)];
    app.store()
        .write(move |tx| {
            for (hash, kind) in sessions {
                tx.put_session(
                    hash,
                    &plexgate::store::Session {
                        kind,
                        plex_id: 10_000_003,
                        username: "bob".into(),
                        created_at: 0,
                        last_seen_at: 0,
                        csrf: "x".into(),
                    },
                )?;
            }
            Ok(())
        })
        .await
        .unwrap();
    let id = by_id["id"].as_u64().unwrap();
    let gone = call(&app, Method::DELETE, &format!("/admins/{id}"), None).await;
    assert_eq!(gone, (StatusCode::NO_CONTENT, Value::Null));
    let left = app
        .store()
        .read(|tx| tx.sessions_for(10_000_003))
        .await
        .unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].1.kind, SessionKind::Account);
    let again = call(&app, Method::DELETE, &format!("/admins/{id}"), None).await;
    assert_error(&again, StatusCode::NOT_FOUND, "not_found");
    let (_, list) = call(&app, Method::GET, "/admins", None).await;
    assert_eq!(list["admins"], json!([carol]));
}

#[tokio::test]
async fn events_page_with_next_and_filter_by_account_and_kind() {
    let app = TestApp::start_with(&[("PLEXGATE_API_KEY", KEY)]).await;
    app.store()
        .write(|tx| {
            for i in 0..5u64 {
                tx.append_event(NewEvent {
                    at: 1_700_000_000,
                    kind: if i % 2 == 0 {
                        EventKind::Signin
                    } else {
                        EventKind::Share
                    },
                    actor: "alice".into(),
                    plex_id: Some(if i < 3 { 7 } else { 8 }),
                    ip: Some("192.0.2.1".into()),
                    outcome: "ok".into(),
                    detail: format!("event {i}"),
                })?;
            }
            tx.put_grant(&plexgate::store::Grant {
                plex_id: 8,
                username: "Bob".into(),
                email: None,
                libraries: vec![1],
                status: plexgate::store::GrantStatus::Accepted,
                external: false,
                share_id: None,
                expires_at: None,
                source: plexgate::store::GrantSource::Admin,
                invite_id: None,
                attempts: 0,
                next_attempt_at: None,
                share_attempted: false,
                last_error: None,
                removal: None,
                created_at: 0,
                updated_at: 0,
            })
        })
        .await
        .unwrap();
    let (status, page) = call(&app, Method::GET, "/events?limit=2", None).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let ids = |p: &Value| -> Vec<u64> {
        p["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(ids(&page), [5, 4]);
    assert_eq!(page["next"], 4);
    let first = &page["events"][0];
    assert_eq!(first["at"], "2023-11-14T22:13:20Z");
    assert_eq!(
        (first["plex_id"].as_u64(), first["ip"].as_str()),
        (Some(8), Some("192.0.2.1"))
    );
    assert_eq!(first.as_object().unwrap().len(), 8, "{first}");
    let (_, page2) = call(&app, Method::GET, "/events?limit=2&before=4", None).await;
    assert_eq!(ids(&page2), [3, 2]);
    let (_, last) = call(&app, Method::GET, "/events?limit=2&before=2", None).await;
    assert_eq!((ids(&last), last["next"].clone()), (vec![1], Value::Null));

    let (_, seven) = call(&app, Method::GET, "/events?account=7", None).await;
    assert_eq!(ids(&seven), [3, 2, 1]);
    let (_, shares) = call(&app, Method::GET, "/events?account=7&kind=share", None).await;
    assert_eq!(ids(&shares), [2]);
    let (_, bob) = call(&app, Method::GET, "/events?account=bob", None).await;
    assert_eq!(ids(&bob), [5, 4]);
    let (_, nobody) = call(&app, Method::GET, "/events?account=nobody", None).await;
    assert_eq!(nobody, json!({"events": [], "next": null}));
}
