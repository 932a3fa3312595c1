//! The decision and the grant: allowlist, invites, policy, admins, refusals and requests.

use std::time::Duration;

use plexgate::access::signin::{GrantChange, InviteProblem, Role, SignInOutcome};
use plexgate::fakeplex::{ALICE, BOB, CAROL, DAVE, Fault, KID, MOVIES, MUSIC, OWNER, TV};
use plexgate::store::{AdminEntry, FlowPurpose, GrantStatus, IdTable};

use super::{allow, grant_of, invite, shares_of, sign_in, verified};
use crate::support::TestApp;

#[tokio::test]
async fn an_allowlisted_friend_joins_with_one_accepted_share_in_seven_calls() {
    let app = TestApp::with_fake(&[]).await;
    allow(&app, "ALICE", None).await;
    app.fake().clear_requests();
    match sign_in(&app, &ALICE, None).await {
        SignInOutcome::Joined {
            user,
            grant,
            change,
        } => {
            assert_eq!(change, GrantChange::Joined);
            assert_eq!(user.id, ALICE.id);
            assert_eq!(grant.libraries, vec!["Movies", "TV Shows"]);
            assert_eq!(grant.status, GrantStatus::Accepted);
            assert_eq!(grant.server_name, plexgate::fakeplex::SERVER_NAME);
        }
        other => panic!("expected Joined, got {other:?}"),
    }
    let calls = app.fake().requests();
    assert!(
        calls.len() <= 7,
        "{} plex.tv calls: {calls:#?}",
        calls.len()
    );
    let shares = shares_of(&app, &ALICE);
    assert_eq!(shares.len(), 1);
    assert_eq!(shares[0].section_ids, vec![MOVIES, TV]);
    assert!(shares[0].accepted);
    // The allowlist entry is pinned to the account id.
    let entries = app.store().read(|tx| tx.list_allow()).await.unwrap();
    assert_eq!(entries[0].plex_id, Some(ALICE.id));

    // Signing in again creates no second share: a returning friend is already in.
    assert!(matches!(
        sign_in(&app, &ALICE, None).await,
        SignInOutcome::AlreadyIn { .. }
    ));
    assert_eq!(shares_of(&app, &ALICE).len(), 1);

    // The friend's token never reaches the disk.
    let bytes = std::fs::read(app.store().path()).unwrap();
    let token = ALICE.token.as_bytes();
    assert!(!bytes.windows(token.len()).any(|w| w == token));
}

#[tokio::test]
async fn an_external_share_only_gains_libraries_and_stands_for_the_unlisted() {
    let app = TestApp::with_fake(&[]).await;
    // CAROL's share made in Plex's UI with Music; DAVE's (seeded) with Movies and TV.
    app.fake().add_share(&CAROL, &[MUSIC], true);
    let report = app.state.access.run_once().await.unwrap();
    assert_eq!(report.adopted, 2);
    assert!(grant_of(&app, CAROL.id).await.unwrap().external);

    allow(&app, "carol@example.com", Some(vec![MOVIES])).await;
    assert!(matches!(
        sign_in(&app, &CAROL, None).await,
        SignInOutcome::Joined {
            change: GrantChange::Changed,
            ..
        }
    ));
    let shares = shares_of(&app, &CAROL);
    assert_eq!(shares.len(), 1);
    let mut ids = shares[0].section_ids.clone();
    ids.sort_unstable();
    assert_eq!(ids, vec![MOVIES, MUSIC]);

    // DAVE is not on the list: "you're in" as it stands, nothing changed.
    let before = shares_of(&app, &DAVE);
    match sign_in(&app, &DAVE, None).await {
        SignInOutcome::AlreadyIn { grant, .. } => {
            assert_eq!(grant.libraries, vec!["Movies", "TV Shows"]);
        }
        other => panic!("expected AlreadyIn, got {other:?}"),
    }
    assert_eq!(shares_of(&app, &DAVE), before);
}

#[tokio::test]
async fn a_stranger_is_refused_and_may_ask_once() {
    let app = TestApp::with_fake(&[]).await;
    let first = match sign_in(&app, &BOB, None).await {
        SignInOutcome::NotAllowed {
            user,
            request_token: Some(t),
        } => {
            assert_eq!(user.username, "bob");
            t
        }
        other => panic!("expected NotAllowed with a token, got {other:?}"),
    };
    let second = match sign_in(&app, &BOB, None).await {
        SignInOutcome::NotAllowed {
            request_token: Some(t),
            ..
        } => t,
        other => panic!("expected NotAllowed with a token, got {other:?}"),
    };
    assert!(shares_of(&app, &BOB).is_empty());
    assert!(grant_of(&app, BOB.id).await.is_none());

    let access = &app.state.access;
    let req = access
        .request_access(&first, "hi, it's Bob", None)
        .await
        .unwrap();
    assert_eq!(req.plex_id, BOB.id);
    assert_eq!(req.note, "hi, it's Bob");
    // One open request per account; a token works once.
    let again = access.request_access(&second, "again", None).await.unwrap();
    assert_eq!(again.id, req.id);
    assert!(access.request_access(&first, "x", None).await.is_err());
    let all = app.store().read(|tx| tx.list_requests()).await.unwrap();
    assert_eq!(all.len(), 1);
    // With a request open, no new token is handed out.
    assert!(matches!(
        sign_in(&app, &BOB, None).await,
        SignInOutcome::NotAllowed {
            request_token: None,
            ..
        }
    ));
}

#[tokio::test]
async fn a_single_use_invite_admits_exactly_one_of_four_racing_accounts() {
    let app = TestApp::with_fake(&[]).await;
    let id = invite(&app, "race-code", Some(1), |_| {}).await;
    let mut verified_all = Vec::new();
    for who in [ALICE, BOB, CAROL, KID] {
        verified_all.push(verified(&app, &who, FlowPurpose::Join, Some("race-code")).await);
    }
    let mut tasks = Vec::new();
    for (user, token, flow) in verified_all {
        let access = app.state.access.clone();
        tasks.push(tokio::spawn(async move {
            access
                .sign_in(user, token, &flow, None, Duration::from_secs(20))
                .await
                .unwrap()
        }));
    }
    let mut joined = Vec::new();
    for t in tasks {
        match t.await.unwrap() {
            SignInOutcome::Joined { user, .. } => joined.push(user),
            SignInOutcome::InviteRefused { problem, .. } => {
                assert_eq!(problem, InviteProblem::UsedUp);
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(joined.len(), 1);
    let ours: Vec<_> = app
        .fake()
        .shares()
        .into_iter()
        .filter(|s| [ALICE.id, BOB.id, CAROL.id, KID.id].contains(&s.user_id))
        .collect();
    assert_eq!(ours.len(), 1);
    assert_eq!(ours[0].user_id, joined[0].id);
    let uses = |app: &TestApp| {
        let store = app.store().clone();
        async move {
            store
                .read(move |tx| tx.get_invite(id))
                .await
                .unwrap()
                .unwrap()
        }
    };
    assert_eq!(uses(&app).await.uses, 1);
    assert_eq!(
        app.state.access.invite_problem("race-code").await.unwrap(),
        Some(InviteProblem::UsedUp)
    );

    // The same account using the link again consumes nothing: it is already in.
    let winner = [ALICE, BOB, CAROL, KID]
        .into_iter()
        .find(|a| a.id == joined[0].id)
        .unwrap();
    assert!(matches!(
        sign_in(&app, &winner, Some("race-code")).await,
        SignInOutcome::AlreadyIn { .. }
    ));
    let inv = uses(&app).await;
    assert_eq!((inv.uses, inv.used_by.len()), (1, 1));
}

#[tokio::test]
async fn expired_revoked_and_unknown_invites_are_refused() {
    let app = TestApp::with_fake(&[]).await;
    invite(&app, "old", None, |i| i.expires_at = Some(1)).await;
    invite(&app, "gone", None, |i| i.revoked = true).await;
    let cases = [
        ("old", InviteProblem::Expired),
        ("gone", InviteProblem::Revoked),
        ("nope", InviteProblem::Unknown),
    ];
    for (code, want) in cases {
        assert_eq!(
            app.state.access.invite_problem(code).await.unwrap(),
            Some(want)
        );
        match sign_in(&app, &BOB, Some(code)).await {
            SignInOutcome::InviteRefused { problem, .. } => assert_eq!(problem, want),
            other => panic!("expected InviteRefused, got {other:?}"),
        }
    }
    assert!(shares_of(&app, &BOB).is_empty());

    let closed = TestApp::with_fake(&[("PLEXGATE_ACCESS_POLICY", "allowlist")]).await;
    invite(&closed, "fine", None, |_| {}).await;
    assert_eq!(
        closed.state.access.invite_problem("fine").await.unwrap(),
        Some(InviteProblem::TurnedOff)
    );
    // The sign-in itself refuses the link too (a flow started before the policy changed).
    match sign_in(&closed, &BOB, Some("fine")).await {
        SignInOutcome::InviteRefused { problem, .. } => {
            assert_eq!(problem, InviteProblem::TurnedOff)
        }
        other => panic!("expected InviteRefused, got {other:?}"),
    }
    assert!(shares_of(&closed, &BOB).is_empty());
}

#[tokio::test]
async fn an_invite_s_access_days_end_the_grant_that_many_days_later() {
    let app = TestApp::with_fake(&[]).await;
    invite(&app, "week", None, |i| i.access_days = Some(7)).await;
    let now = app.state.access.clock().unix();
    sign_in(&app, &BOB, Some("week")).await;
    let grant = grant_of(&app, BOB.id).await.unwrap();
    assert_eq!(grant.expires_at, Some(now + 7 * 86_400));
}

#[tokio::test]
async fn admins_are_recognised_and_admin_flows_never_share() {
    let app = TestApp::with_fake(&[]).await;
    assert!(matches!(
        sign_in(&app, &OWNER, None).await,
        SignInOutcome::Admin {
            role: Role::Owner,
            ..
        }
    ));
    app.store()
        .write(|tx| {
            let id = tx.next_id(IdTable::Admins)?;
            tx.put_admin(&AdminEntry {
                id,
                account: "Carol@Example.com".into(),
                plex_id: None,
                created_at: 0,
            })
        })
        .await
        .unwrap();
    let (user, token, flow) = verified(&app, &CAROL, FlowPurpose::Admin, None).await;
    let out = app
        .state
        .access
        .sign_in(user, token, &flow, None, Duration::from_secs(20));
    assert!(matches!(
        out.await.unwrap(),
        SignInOutcome::Admin {
            role: Role::CoAdmin,
            ..
        }
    ));
    let admins = app.store().read(|tx| tx.list_admins()).await.unwrap();
    assert_eq!(admins[0].plex_id, Some(CAROL.id));

    // BOB is allowlisted, but an admin flow never shares.
    allow(&app, "bob", None).await;
    let (user, token, flow) = verified(&app, &BOB, FlowPurpose::Admin, None).await;
    let out = app
        .state
        .access
        .sign_in(user, token, &flow, None, Duration::from_secs(20));
    assert!(matches!(out.await.unwrap(), SignInOutcome::NotAdmin { .. }));
    assert!(grant_of(&app, BOB.id).await.is_none());
    assert!(shares_of(&app, &BOB).is_empty());
}

#[tokio::test]
async fn a_managed_home_user_without_email_is_shared_by_id() {
    let app = TestApp::with_fake(&[]).await;
    // A managed Home user has no username (and no email): the owner allows it by account id.
    allow(&app, &KID.id.to_string(), Some(vec![MOVIES])).await;
    assert!(matches!(
        sign_in(&app, &KID, None).await,
        SignInOutcome::Joined { .. }
    ));
    let shares = shares_of(&app, &KID);
    assert_eq!(shares.len(), 1);
    assert_eq!(shares[0].section_ids, vec![MOVIES]);
}

#[tokio::test]
async fn a_slow_plex_tv_gets_an_answer_within_the_deadline() {
    let app = TestApp::with_fake(&[]).await;
    allow(&app, "alice", None).await;
    let (user, token, flow) = verified(&app, &ALICE, FlowPurpose::Join, None).await;
    app.fake().inject(Fault::delay("/", Duration::from_secs(2)));
    let started = std::time::Instant::now();
    let out = app
        .state
        .access
        .sign_in(user, token, &flow, None, Duration::from_millis(300))
        .await
        .unwrap();
    assert!(
        started.elapsed() < Duration::from_millis(1500),
        "{:?}",
        started.elapsed()
    );
    match out {
        SignInOutcome::SettingUp { grant, .. } => assert_eq!(grant.status, GrantStatus::Sharing),
        other => panic!("expected SettingUp, got {other:?}"),
    }
    assert!(grant_of(&app, ALICE.id).await.is_some());
}

#[tokio::test]
async fn new_shares_carry_the_owner_flags_and_an_invite_overrides_them() {
    let app = TestApp::with_fake(&[
        ("PLEXGATE_ACCESS_ALLOW_DOWNLOADS", "true"),
        ("PLEXGATE_ACCESS_ALLOW_CAMERA_UPLOAD", "true"),
    ])
    .await;
    allow(&app, "alice", None).await;
    assert!(matches!(
        sign_in(&app, &ALICE, None).await,
        SignInOutcome::Joined { .. }
    ));
    let s = &shares_of(&app, &ALICE)[0];
    assert!(s.allow_sync && s.allow_camera_upload && !s.allow_channels);

    invite(&app, "live-tv", None, |i| {
        i.sharing.allow_live_tv = Some(true);
        i.sharing.allow_downloads = Some(false);
    })
    .await;
    assert!(matches!(
        sign_in(&app, &BOB, Some("live-tv")).await,
        SignInOutcome::Joined { .. }
    ));
    let s = &shares_of(&app, &BOB)[0];
    assert!(
        !s.allow_sync && s.allow_camera_upload && s.allow_channels,
        "the invite's flags win, the rest is the owner's: {s:?}"
    );
}

#[tokio::test]
async fn an_allowlisted_friend_s_share_carries_the_entry_flags() {
    let app = TestApp::with_fake(&[("PLEXGATE_ACCESS_ALLOW_DOWNLOADS", "true")]).await;
    let entry = plexgate::access::tools::NewAllowEntry {
        account: "alice".to_owned(),
        sharing: plexgate::store::SharingOverrides {
            allow_downloads: Some(false),
            allow_live_tv: Some(true),
            allow_camera_upload: None,
        },
        ..Default::default()
    };
    app.state
        .access
        .add_allow_entry("test", entry)
        .await
        .unwrap();
    assert!(matches!(
        sign_in(&app, &ALICE, None).await,
        SignInOutcome::Joined { .. }
    ));
    let s = &shares_of(&app, &ALICE)[0];
    assert!(
        !s.allow_sync && s.allow_channels && !s.allow_camera_upload,
        "the entry's flags win, the rest is the owner's: {s:?}"
    );
}

#[tokio::test]
async fn a_returning_friend_with_an_accepted_grant_makes_no_share_call() {
    let app = TestApp::with_fake(&[]).await;
    allow(&app, "ALICE", None).await;
    sign_in(&app, &ALICE, None).await;
    assert_eq!(
        grant_of(&app, ALICE.id).await.unwrap().status,
        GrantStatus::Accepted
    );
    app.fake().clear_requests();
    assert!(matches!(
        sign_in(&app, &ALICE, None).await,
        SignInOutcome::AlreadyIn { .. }
    ));
    let calls = app.fake().requests();
    let shares: Vec<_> = calls
        .iter()
        .filter(|r| r.path.contains("/api/servers/") || r.path.contains("shared_servers"))
        .collect();
    assert!(shares.is_empty(), "{shares:#?}");
}

#[tokio::test]
async fn a_failed_grant_is_shared_again_at_the_next_sign_in() {
    let app = TestApp::with_fake(&[]).await;
    allow(&app, "ALICE", None).await;
    // plex.tv refuses the share outright: the grant fails, with the same libraries as before.
    app.fake()
        .inject(Fault::status("/api/servers/", 400).method("POST"));
    app.fake()
        .inject(Fault::status("/api/v2/shared_servers", 400).method("POST"));
    sign_in(&app, &ALICE, None).await;
    let failed = grant_of(&app, ALICE.id).await.unwrap();
    assert_eq!(failed.status, GrantStatus::Failed);
    assert!(shares_of(&app, &ALICE).is_empty());

    app.fake().clear_faults();
    match sign_in(&app, &ALICE, None).await {
        SignInOutcome::Joined { grant, change, .. } => {
            assert_eq!(change, GrantChange::Joined);
            assert_eq!(grant.status, GrantStatus::Accepted);
        }
        other => panic!("expected Joined, got {other:?}"),
    }
    let grant = grant_of(&app, ALICE.id).await.unwrap();
    assert_eq!(grant.status, GrantStatus::Accepted);
    assert_eq!(grant.libraries, failed.libraries);
    assert_eq!(shares_of(&app, &ALICE).len(), 1);
}
