//! The reconciler over the API: its schedule, and mass removals it held, discarded or
//! confirmed by the owner. Plus the backup call.

use std::time::Duration;

use plexgate::fakeplex::{ALICE, BOB};
use reqwest::{Method, StatusCode};
use serde_json::json;

use super::{by_actor, call, with_plex};

#[tokio::test]
async fn held_removals_are_listed_discarded_and_confirmed() {
    let app = with_plex(&[("PLEXGATE_RECONCILE_MAX_REMOVALS", "1")]).await;
    let (status, before) = call(&app, Method::GET, "/reconcile", None).await;
    assert_eq!(status, StatusCode::OK, "{before}");
    assert_eq!(
        before,
        json!({"last_run": null, "next_run": null, "held_removals": []})
    );
    for who in ["alice", "bob"] {
        let (status, u) = call(
            &app,
            Method::POST,
            "/users",
            Some(json!({"account": who, "access_days": 1})),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{u}");
    }
    app.clock.advance(Duration::from_secs(2 * 86_400));
    let report = app.state.access.run_once().await.unwrap();
    assert_eq!((report.held, report.removed), (2, 0));
    let (_, state) = call(&app, Method::GET, "/reconcile", None).await;
    let held = state["held_removals"].as_array().unwrap();
    assert_eq!(held.len(), 2, "{state}");
    assert_eq!(
        held[0],
        json!({"plex_id": ALICE.id, "username": "alice", "reason": "expired"})
    );
    let last = state["last_run"].as_str().unwrap();
    assert!(
        last.ends_with('Z') && state["next_run"].as_str().unwrap() > last,
        "{state}"
    );

    let (status, discarded) = call(&app, Method::POST, "/reconcile/discard", None).await;
    assert_eq!(status, StatusCode::OK, "{discarded}");
    assert_eq!(
        (
            discarded["count"].as_u64(),
            discarded["held_removals"].as_array().map(Vec::len)
        ),
        (Some(2), Some(0))
    );
    assert_eq!(
        app.fake()
            .shares()
            .iter()
            .filter(|s| s.user_id == ALICE.id || s.user_id == BOB.id)
            .count(),
        2
    );

    // Still due and still too many: the next run holds them again; confirming removes them.
    app.state.access.run_once().await.unwrap();
    let (status, confirmed) = call(&app, Method::POST, "/reconcile/confirm", None).await;
    assert_eq!(status, StatusCode::OK, "{confirmed}");
    assert_eq!(confirmed["count"], 2);
    assert_eq!(confirmed["held_removals"], json!([]));
    assert!(
        app.fake()
            .shares()
            .iter()
            .all(|s| s.user_id != ALICE.id && s.user_id != BOB.id)
    );
    let kinds: Vec<(String, Option<u64>)> = by_actor(&app, "api.key")
        .await
        .into_iter()
        .skip(2)
        .collect();
    assert_eq!(
        kinds,
        [
            ("reconcile_discard".to_owned(), None),
            ("expired".to_owned(), Some(ALICE.id)),
            ("expired".to_owned(), Some(BOB.id)),
            ("reconcile_confirm".to_owned(), None),
        ]
    );
    let (_, nothing) = call(&app, Method::POST, "/reconcile/confirm", None).await;
    assert_eq!(nothing["count"], 0);
}

#[tokio::test]
async fn a_backup_is_written_and_recorded() {
    let app = with_plex(&[]).await;
    let (status, b) = call(&app, Method::POST, "/backups", None).await;
    assert_eq!(status, StatusCode::CREATED, "{b}");
    assert!(b["bytes"].as_u64().unwrap() > 0);
    assert!(b["file"].as_str().unwrap().contains("backups"));
    assert!(b["created_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(
        by_actor(&app, "api.key").await,
        [("backup".to_owned(), None)]
    );
}
