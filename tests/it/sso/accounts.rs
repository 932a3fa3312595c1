//! Forward auth's stored facts read directly: the session and its profile, and who an account
//! is at check time (owner, co-admin, an active grant at the clock's exact instant).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;

use plexgate::access::sso::{APPS_KEY, Profile};
use plexgate::config::{SsoApp, SsoRule};
use plexgate::fakeplex::{ALICE, CAROL, DAVE, OWNER};
use plexgate::store::{AdminEntry, GrantStatus, IdTable, Session, SessionKind};

use super::support::sso_app;
use crate::support::TestApp;

fn session(kind: SessionKind) -> Session {
    Session {
        kind,
        plex_id: DAVE.id,
        username: "dave".into(),
        created_at: 0,
        last_seen_at: 0,
        csrf: "x".into(),
    }
}

#[tokio::test]
async fn a_session_without_a_kept_profile_is_named_by_its_username_and_admin_ones_are_none() {
    let app = sso_app(&[]).await;
    app.store()
        .write(|tx| {
            tx.put_session("acc", &session(SessionKind::Account))?;
            tx.put_session("adm", &session(SessionKind::Admin))
        })
        .await
        .unwrap();
    let access = &app.state.access;
    let (s, profile) = access.account_session("acc").await.unwrap().unwrap();
    assert_eq!(s, session(SessionKind::Account));
    let named = Profile {
        username: "dave".into(),
        ..Profile::default()
    };
    assert_eq!(profile, named);
    assert_eq!(access.account_session("adm").await.unwrap(), None);
    assert_eq!(access.account_session("none").await.unwrap(), None);
}

/// Sets DAVE's (adopted) grant to `status`, ending at `expires_at`; the libraries `who` then
/// finds active.
async fn active(app: &TestApp, status: GrantStatus, expires_at: Option<i64>) -> Option<Vec<u64>> {
    app.store()
        .write(move |tx| {
            let mut g = tx.get_grant(DAVE.id)?.expect("adopted");
            g.status = status;
            g.expires_at = expires_at;
            tx.put_grant(&g)
        })
        .await
        .unwrap();
    let who = app.state.access.who(DAVE.id, &Profile::default()).await;
    who.unwrap().active_grant
}

#[tokio::test]
async fn who_is_owner_co_admin_or_friend_with_a_grant_active_until_its_end() {
    let app = sso_app(&[]).await;
    let access = &app.state.access;
    let profile = Profile::default();
    let owner = access.who(OWNER.id, &profile).await.unwrap();
    assert!(owner.owner && !owner.co_admin, "{owner:?}");
    assert!(!access.who(DAVE.id, &profile).await.unwrap().owner);

    app.store()
        .write(|tx| {
            let id = tx.next_id(IdTable::Admins)?;
            tx.put_admin(&AdminEntry {
                id,
                account: "carol".into(),
                plex_id: Some(CAROL.id),
                created_at: 0,
            })
        })
        .await
        .unwrap();
    assert!(access.who(CAROL.id, &profile).await.unwrap().co_admin);
    assert!(!access.who(DAVE.id, &profile).await.unwrap().co_admin);

    // DAVE's share (seeded at the fake) is adopted as his grant.
    access.run_once().await.unwrap();
    let now = access.clock().unix();
    assert!(active(&app, GrantStatus::Accepted, None).await.is_some());
    assert!(
        active(&app, GrantStatus::Pending, Some(now + 1))
            .await
            .is_some()
    );
    assert_eq!(
        active(&app, GrantStatus::Accepted, Some(now)).await,
        None,
        "ends now"
    );
    assert_eq!(
        active(&app, GrantStatus::Removed, Some(now + 1)).await,
        None
    );
    assert_eq!(active(&app, GrantStatus::Failed, None).await, None);
}

#[tokio::test]
async fn each_account_keeps_its_own_profile_and_the_pins_and_apps_read_back() {
    let app = sso_app(&[]).await;
    let access = &app.state.access;
    let profile = |name: &str| Profile {
        username: name.into(),
        ..Profile::default()
    };
    assert_eq!(access.profile(ALICE.id).await.unwrap(), None);
    let pins = HashMap::from([("alice".to_owned(), ALICE.id)]);
    access
        .keep_profile(ALICE.id, profile("alice"), Some(pins.clone()))
        .await
        .unwrap();
    access
        .keep_profile(DAVE.id, profile("dave"), None)
        .await
        .unwrap();
    assert_eq!(
        access.profile(ALICE.id).await.unwrap(),
        Some(profile("alice"))
    );
    assert_eq!(
        access.profile(DAVE.id).await.unwrap(),
        Some(profile("dave"))
    );
    assert_eq!(
        access.stored_pins().await.unwrap(),
        pins,
        "kept, not cleared by `None`"
    );

    let apps = vec![SsoApp {
        host: "movies.example.com".into(),
        path: None,
        name: None,
        allow: SsoRule::Friends,
        users: Vec::new(),
        libraries: Vec::new(),
        bypass: Vec::new(),
    }];
    let stored = apps.clone();
    app.store()
        .write(move |tx| tx.put_setting(APPS_KEY, &stored))
        .await
        .unwrap();
    assert_eq!(access.stored_apps().await.unwrap(), apps);
}

/// A forward-auth session's last use reaches the store (in the background), so it outlives a
/// restart: the in-memory cache alone would keep it fresh only while the process runs.
#[tokio::test]
async fn a_session_s_last_use_is_written_to_the_store() {
    let app = sso_app(&[]).await;
    let store = app.store();
    store
        .write(|tx| tx.put_session("acc", &session(SessionKind::Account)))
        .await
        .unwrap();
    app.state.access.write_last_use("acc", 500);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let s = store
            .read(|tx| tx.get_session("acc"))
            .await
            .unwrap()
            .unwrap();
        if s.last_seen_at == 500 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the last use was not written: {}",
            s.last_seen_at
        );
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
}
