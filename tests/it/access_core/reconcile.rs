//! The reconciler: retried shares, late accepts, expiry and held mass removals.

use plexgate::access::reconcile::{HELD_REMOVALS_KEY, HeldRemoval};
use plexgate::access::signin::SignInOutcome;
use plexgate::fakeplex::{ALICE, BOB, Fault};
use plexgate::store::{EventFilter, GrantStatus};

use super::{allow, grant_of, shares_of, sign_in};
use crate::support::TestApp;

#[tokio::test]
async fn a_failed_share_is_recorded_and_finished_by_the_reconciler() {
    let app = TestApp::with_fake(&[]).await;
    allow(&app, "alice", None).await;
    app.fake()
        .inject(Fault::status("/api/servers/", 503).method("POST"));
    match sign_in(&app, &ALICE, None).await {
        SignInOutcome::SettingUp { grant, .. } => assert_eq!(grant.status, GrantStatus::Sharing),
        other => panic!("expected SettingUp, got {other:?}"),
    }
    let g = grant_of(&app, ALICE.id).await.unwrap();
    assert_eq!((g.status, g.attempts), (GrantStatus::Sharing, 1));
    assert!(g.last_error.is_some());
    assert!(shares_of(&app, &ALICE).is_empty());

    app.fake().clear_faults();
    let report = app.state.access.run_once().await.unwrap();
    assert_eq!(report.shared, 1, "{report:?}");
    assert_eq!(shares_of(&app, &ALICE).len(), 1);
    let g = grant_of(&app, ALICE.id).await.unwrap();
    assert!(matches!(
        g.status,
        GrantStatus::Pending | GrantStatus::Accepted
    ));
    // The held token accepted it in the same run.
    assert_eq!(g.status, GrantStatus::Accepted);
}

#[tokio::test]
async fn an_invite_never_visible_stays_pending_until_accepted_by_email() {
    let app = TestApp::with_fake(&[]).await;
    allow(&app, "alice", None).await;
    app.fake().invite_visible_after(100);
    match sign_in(&app, &ALICE, None).await {
        // Not accepted yet: "Almost there", never "You're in".
        SignInOutcome::SettingUp { grant, .. } => assert_eq!(grant.status, GrantStatus::Pending),
        other => panic!("expected SettingUp, got {other:?}"),
    }
    assert_eq!(shares_of(&app, &ALICE).len(), 1);
    assert!(app.fake().accept_from_email(&ALICE));
    let report = app.state.access.run_once().await.unwrap();
    assert_eq!(report.marked_accepted, 1, "{report:?}");
    assert_eq!(
        grant_of(&app, ALICE.id).await.unwrap().status,
        GrantStatus::Accepted
    );
}

async fn expire(app: &TestApp, plex_id: u64) {
    app.store()
        .write(move |tx| {
            let mut g = tx.get_grant(plex_id)?.unwrap();
            g.expires_at = Some(1);
            tx.put_grant(&g)
        })
        .await
        .unwrap();
}

#[tokio::test]
async fn an_expired_grant_loses_its_share() {
    let app = TestApp::with_fake(&[]).await;
    allow(&app, "alice", None).await;
    assert!(matches!(
        sign_in(&app, &ALICE, None).await,
        SignInOutcome::Joined { .. }
    ));
    expire(&app, ALICE.id).await;
    let report = app.state.access.run_once().await.unwrap();
    assert_eq!(report.removed, 1, "{report:?}");
    assert!(shares_of(&app, &ALICE).is_empty());
    assert_eq!(
        grant_of(&app, ALICE.id).await.unwrap().status,
        GrantStatus::Removed
    );
    let filter = EventFilter {
        plex_id: Some(ALICE.id),
        kind: Some("expired".into()),
    };
    let page = app
        .store()
        .read(move |tx| tx.events_page(None, 10, &filter))
        .await
        .unwrap();
    assert_eq!(page.events.len(), 1);
}

#[tokio::test]
async fn more_expiries_than_max_removals_are_held() {
    let app = TestApp::with_fake(&[("PLEXGATE_RECONCILE_MAX_REMOVALS", "1")]).await;
    for (name, who) in [("alice", ALICE), ("bob", BOB)] {
        allow(&app, name, None).await;
        assert!(matches!(
            sign_in(&app, &who, None).await,
            SignInOutcome::Joined { .. }
        ));
        expire(&app, who.id).await;
    }
    let report = app.state.access.run_once().await.unwrap();
    assert_eq!((report.removed, report.held), (0, 2), "{report:?}");
    assert_eq!(shares_of(&app, &ALICE).len(), 1);
    assert_eq!(shares_of(&app, &BOB).len(), 1);
    let held = app
        .store()
        .read(|tx| tx.get_setting::<Vec<HeldRemoval>>(HELD_REMOVALS_KEY))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(held.len(), 2);
}
