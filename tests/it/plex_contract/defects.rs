//! The six adapter defects of issue 17, each provoked against the strict fake: plexgate records
//! only what plex.tv confirmed (plex-api.md §12).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use plexgate::access::reconcile::V1_PROBED_AT_KEY;
use plexgate::store::{EventFilter, GrantStatus};

use super::*;
use crate::support::TestApp;

// ---------- 1. a removal answered 404/1002 is not "gone" ----------

#[tokio::test]
async fn a_delete_answered_404_1002_while_listed_is_not_a_removal() {
    let e = env().await;
    let o = e.owner();
    let dave = e.share_of(&DAVE).unwrap();
    e.fake
        .inject(Fault::not_found_1002(v1_share_path()).method("DELETE"));
    let r = e.client.remove_share(&o, SERVER_ID, dave.id, DAVE.id).await;
    assert_eq!(r, Err(PlexError::StillListed));
    assert!(r.unwrap_err().is_retryable());
    assert!(e.share_of(&DAVE).is_some(), "the share is still there");
    // The same in the v2 family.
    e.client.set_share_family(ShareFamily::V2);
    e.fake.inject(
        Fault::not_found_1002(format!("/api/v2/shared_servers/{}", dave.id)).method("DELETE"),
    );
    let r = e.client.remove_share(&o, SERVER_ID, dave.id, DAVE.id).await;
    assert_eq!(r, Err(PlexError::StillListed));
    assert!(e.share_of(&DAVE).is_some());
}

async fn events_of(app: &TestApp, kind: &str) -> Vec<plexgate::store::Event> {
    let kind = kind.to_owned();
    app.store()
        .read(|tx| tx.events_page(None, 10_000, &EventFilter::default()))
        .await
        .unwrap()
        .events
        .into_iter()
        .filter(|ev| ev.kind == kind)
        .collect()
}

#[tokio::test]
async fn the_dashboard_and_users_page_say_removal_failed() {
    let app = TestApp::with_fake(&[]).await;
    app.fake()
        .inject(Fault::not_found_1002(v1_share_path()).method("DELETE"));
    assert!(
        app.state
            .access
            .remove_user("owner", DAVE.id)
            .await
            .is_err()
    );
    let mut b = crate::admin::fixtures::admin(&app, &plexgate::fakeplex::OWNER).await;
    let page = b.get(&app.url("/admin")).await;
    assert!(
        page.body
            .contains("<dt>Removal not confirmed</dt><dd>1</dd>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("<dt>Sharing failed</dt><dd>0</dd>"));
    assert!(
        page.body
            .contains("1 removal not confirmed by plex.tv: they may still have access")
    );
    let page = b.get(&app.url("/admin/users")).await;
    assert!(
        page.body.contains("removal not confirmed by Plex yet"),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn a_removal_plex_did_not_confirm_leaves_the_grant_failed_and_is_retried() {
    let app = TestApp::with_fake(&[]).await;
    let fake = app.fake();
    fake.inject(Fault::not_found_1002(v1_share_path()).method("DELETE"));
    let r = app.state.access.remove_user("owner", DAVE.id).await;
    assert!(r.is_err(), "the owner is told the removal failed: {r:?}");
    let g = app
        .store()
        .read(|tx| tx.get_grant(DAVE.id))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(g.status, GrantStatus::Failed, "not `removed`");
    assert_eq!(g.removal.as_deref(), Some("remove"));
    assert!(g.last_error.is_some() && g.next_attempt_at.is_some());
    assert!(
        fake.shares().iter().any(|s| s.user_id == DAVE.id),
        "still listed at plex.tv"
    );
    let failed = events_of(&app, "grant_failed").await;
    assert_eq!(failed.len(), 1);
    assert!(
        events_of(&app, "remove").await.is_empty(),
        "no 'removed' event"
    );

    // Once plex.tv takes the DELETE, the reconciler finishes the removal.
    fake.clear_faults();
    app.clock.advance(Duration::from_secs(3600));
    let report = app.state.access.run_once().await.unwrap();
    assert_eq!(report.removed, 1, "{report:?}");
    let g = app
        .store()
        .read(|tx| tx.get_grant(DAVE.id))
        .await
        .unwrap()
        .unwrap();
    assert_eq!((g.status, g.removal), (GrantStatus::Removed, None));
    assert!(!fake.shares().iter().any(|s| s.user_id == DAVE.id));
    assert_eq!(events_of(&app, "remove").await.len(), 1);
}

// ---------- 2. an update keeps the owner's restrictions ----------

async fn restricted_bob(e: &Env) -> u64 {
    let share = e
        .client
        .create_share(
            &e.owner(),
            SERVER_ID,
            &invitee(&BOB),
            &[MOVIES],
            flags(false),
        )
        .await
        .unwrap();
    assert!(
        e.fake
            .restrict_share(share.share_id, "contentRating=G%2CPG", true, true)
    );
    share.share_id
}

fn assert_restrictions_kept(e: &Env, sections: Vec<u64>, sync: bool) {
    let s = e.share_of(&BOB).unwrap();
    assert_eq!(s.section_ids, sections);
    assert_eq!(
        s.filter_movies, "contentRating=G%2CPG",
        "content filter kept"
    );
    assert!(
        s.allow_camera_upload && s.allow_channels,
        "camera upload and Live TV kept"
    );
    assert_eq!(s.allow_sync, sync);
}

#[tokio::test]
async fn a_v1_update_keeps_filters_and_flags() {
    let e = env().await;
    let id = restricted_bob(&e).await;
    e.client
        .update_share(&e.owner(), SERVER_ID, id, &[MOVIES, TV], None)
        .await
        .unwrap();
    assert_restrictions_kept(&e, vec![MOVIES, TV], false);
    // Changing downloads writes every current setting back with only allowSync changed.
    e.client
        .update_share(&e.owner(), SERVER_ID, id, &[MOVIES], Some(true))
        .await
        .unwrap();
    assert_restrictions_kept(&e, vec![MOVIES], true);
}

#[tokio::test]
async fn a_v2_update_keeps_filters_and_flags() {
    let e = env().await;
    let id = restricted_bob(&e).await;
    e.client.set_share_family(ShareFamily::V2);
    e.client
        .update_share(&e.owner(), SERVER_ID, id, &[MOVIES, TV], None)
        .await
        .unwrap();
    assert_restrictions_kept(&e, vec![MOVIES, TV], false);
}

#[tokio::test]
async fn new_shares_carry_the_three_sharing_flags() {
    let e = env().await;
    let all = SharingFlags {
        allow_sync: true,
        allow_channels: true,
        allow_camera_upload: true,
    };
    e.client
        .create_share(&e.owner(), SERVER_ID, &invitee(&ALICE), &[MOVIES], all)
        .await
        .unwrap();
    let s = e.share_of(&ALICE).unwrap();
    assert!(s.allow_sync && s.allow_channels && s.allow_camera_upload);
    e.client.set_share_family(ShareFamily::V2);
    let live_tv = SharingFlags {
        allow_channels: true,
        ..SharingFlags::default()
    };
    e.client
        .create_share(&e.owner(), SERVER_ID, &invitee(&BOB), &[MOVIES], live_tv)
        .await
        .unwrap();
    let s = e.share_of(&BOB).unwrap();
    assert!(!s.allow_sync && s.allow_channels && !s.allow_camera_upload);
}

// ---------- 3. clients.plex.tv calls carry the full identity ----------

#[tokio::test]
async fn the_accept_passes_the_strict_query_rule() {
    let e = env().await;
    e.client
        .create_share(
            &e.owner(),
            SERVER_ID,
            &invitee(&CAROL),
            &[MOVIES],
            flags(false),
        )
        .await
        .unwrap();
    assert_eq!(
        e.client
            .accept_invite(&token(&CAROL), OWNER.username, SERVER_ID)
            .await,
        Ok(AcceptOutcome::Accepted)
    );
    assert!(e.share_of(&CAROL).unwrap().accepted);
    assert!(
        e.fake.requests().iter().all(|r| r.status != 400),
        "no call was refused for a missing X-Plex-* value"
    );
    // Accepting again answers 404 at plex.tv: nothing pending, nothing recorded.
    assert_eq!(
        e.client
            .accept_invite(&token(&CAROL), OWNER.username, SERVER_ID)
            .await,
        Ok(AcceptOutcome::NothingPending)
    );
}

// ---------- 4. one odd entry does not fail a listing ----------

#[tokio::test]
async fn a_listing_with_an_unreadable_entry_returns_the_others_and_a_warning() {
    let e = env().await;
    e.fake.add_invite_without_account("nobody@example.com");
    let list = e
        .client
        .list_shares_checked(&e.owner(), SERVER_ID)
        .await
        .unwrap();
    assert!(list.shares.iter().any(|s| s.user_id == DAVE.id));
    assert_eq!(list.skipped.len(), 1, "{:?}", list.skipped);
    assert!(
        list.skipped[0].contains("userID"),
        "names the field: {:?}",
        list.skipped
    );
    assert_eq!(
        e.client
            .list_shares(&e.owner(), SERVER_ID)
            .await
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn the_reconciler_carries_on_past_an_unreadable_entry() {
    let app = TestApp::with_fake(&[]).await;
    app.fake().add_invite_without_account("nobody@example.com");
    let report = app.state.access.run_once().await.unwrap();
    assert!(report.errors.is_empty(), "{report:?}");
    assert_eq!(report.adopted, 1, "dave's share is still adopted");
}

// ---------- 5. one error page does not switch families ----------

#[tokio::test]
async fn one_error_page_does_not_switch_two_do_and_v1_answering_switches_back() {
    let e = env().await;
    let o = e.owner();
    e.fake
        .inject(Fault::html_404(v1_share_path()).method("POST").times(1));
    let r = e
        .client
        .create_share(&o, SERVER_ID, &invitee(&ALICE), &[MOVIES], flags(false))
        .await;
    assert_eq!(r, Err(PlexError::ErrorPage));
    assert!(r.unwrap_err().is_retryable());
    assert_eq!(
        e.client.share_family(),
        ShareFamily::V1,
        "one page is not a move"
    );
    assert!(e.hits("/api/v2/shared_servers").is_empty());

    e.fake.inject(Fault::html_404(v1_share_path()));
    e.client
        .create_share(&o, SERVER_ID, &invitee(&ALICE), &[MOVIES], flags(false))
        .await
        .unwrap();
    assert_eq!(e.client.share_family(), ShareFamily::V2, "confirmed twice");

    assert_eq!(e.client.probe_v1(&o, SERVER_ID).await, Ok(false));
    assert_eq!(e.client.share_family(), ShareFamily::V2);
    e.fake.clear_faults();
    assert_eq!(e.client.probe_v1(&o, SERVER_ID).await, Ok(true));
    assert_eq!(e.client.share_family(), ShareFamily::V1, "v1 answers again");
}

#[tokio::test]
async fn family_switches_are_events_and_v1_is_probed_daily() {
    let app = TestApp::with_fake(&[]).await;
    let plex = &app.state.access.plex();
    app.fake().inject(Fault::html_404(v1_share_path()));
    app.state.access.run_once().await.unwrap();
    assert_eq!(plex.share_family(), ShareFamily::V2);
    let ev = events_of(&app, "share_family").await;
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].outcome, "v2");
    let probed: Option<i64> = app
        .store()
        .read(|tx| tx.get_setting(V1_PROBED_AT_KEY))
        .await
        .unwrap();
    assert!(probed.is_some());

    app.fake().clear_faults();
    app.state.access.run_once().await.unwrap();
    assert_eq!(
        plex.share_family(),
        ShareFamily::V2,
        "not probed again within a day"
    );
    app.clock.advance(Duration::from_secs(24 * 3600 + 1));
    app.state.access.run_once().await.unwrap();
    assert_eq!(
        plex.share_family(),
        ShareFamily::V1,
        "the daily probe moves back"
    );
    let mut outcomes: Vec<String> = events_of(&app, "share_family")
        .await
        .into_iter()
        .map(|e| e.outcome)
        .collect();
    outcomes.sort();
    assert_eq!(outcomes, ["v1", "v2"], "both moves are events");
}

// ---------- 6. the smaller ones ----------

#[tokio::test]
async fn pin_checks_respect_retry_after() {
    // The fake's default: checks of one PIN closer than 0.5 s answer 429 with Retry-After.
    let fake = FakePlex::start().await.unwrap();
    let api = fake.base_url();
    let mut s = settings(&api, &api);
    s.pin_check_spacing = Duration::ZERO;
    let client = PlexClient::new(s).unwrap();
    let pin = client.create_pin().await.unwrap();
    assert_eq!(client.check_pin(pin.id).await, Ok(PinState::Waiting));
    let r = client.check_pin(pin.id).await;
    assert_eq!(
        r,
        Err(PlexError::RateLimited {
            retry_after: Some(Duration::from_secs(1))
        })
    );
    fake.clear_requests();
    let r = client.check_pin(pin.id).await;
    assert!(matches!(r, Err(PlexError::RateLimited { .. })), "{r:?}");
    assert!(
        fake.requests().is_empty(),
        "the call was held back until Retry-After, not sent"
    );
    // Other kinds of call are not held back.
    client.user(&token(&ALICE)).await.unwrap();
}

#[tokio::test]
async fn pin_checks_are_spaced_in_real_time() {
    // The adapter's own spacing keeps it under the fake's default 0.5 s rule.
    let fake = FakePlex::start().await.unwrap();
    let api = fake.base_url();
    let mut s = settings(&api, &api);
    s.pin_check_spacing = Duration::from_millis(500);
    let client = PlexClient::new(s).unwrap();
    let pin = client.create_pin().await.unwrap();
    assert_eq!(client.check_pin(pin.id).await, Ok(PinState::Waiting));
    assert_eq!(client.check_pin(pin.id).await, Ok(PinState::Waiting));
    assert!(fake.requests().iter().all(|r| r.status != 429));
}

#[tokio::test]
async fn bodyless_posts_say_content_length_zero() {
    let pins = CannedServer::start(vec![
        (
            "POST",
            "/api/v2/pins".into(),
            201,
            vec![("content-type", "application/json".into())],
            r#"{"id":1,"code":"abc","expiresIn":1800,"authToken":null}"#.into(),
        ),
        (
            "GET",
            "/api/v2/shared_servers/invites/received/pending".into(),
            200,
            vec![("content-type", "application/json".into())],
            r#"[{"owner":{"username":"owner","email":null},"sharedServers":[{"id":5,"machineIdentifier":"m1"}]}]"#.into(),
        ),
        ("POST", "/api/v2/shared_servers/5/accept".into(), 204, vec![], String::new()),
    ])
    .await;
    let client = PlexClient::new(settings(&pins.base, &pins.base)).unwrap();
    client.create_pin().await.unwrap();
    assert_eq!(
        client.accept_invite(&token(&ALICE), "owner", "m1").await,
        Ok(AcceptOutcome::Accepted)
    );
    let posts: Vec<_> = pins
        .hits()
        .into_iter()
        .filter(|h| h.method == "POST")
        .collect();
    assert_eq!(posts.len(), 2);
    for h in posts {
        assert_eq!(h.content_length.as_deref(), Some("0"), "{}", h.path);
    }
    // A GET says nothing of a body.
    let gets: Vec<_> = pins
        .hits()
        .into_iter()
        .filter(|h| h.method == "GET")
        .collect();
    assert_eq!(gets.len(), 1);
    assert_eq!(gets[0].content_length, None, "{}", gets[0].path);
}

#[tokio::test]
async fn v2_share_answers_may_be_xml() {
    let xml = "application/xml".to_owned();
    let canned = CannedServer::start(vec![
        (
            "GET",
            "/api/v2/shared_servers/owned/accepted".into(),
            200,
            vec![("content-type", xml.clone())],
            r#"<sharedServers size="1"><sharedServer id="77" invitedId="1002" machineIdentifier="m1" accepted="1">
                 <invited id="1002" username="bob"/><sharingSettings allowSync="1"/>
                 <libraries size="1"><library id="118181361"/></libraries></sharedServer></sharedServers>"#.into(),
        ),
        (
            "GET",
            "/api/v2/shared_servers/invites/owned/pending".into(),
            200,
            vec![("content-type", xml.clone())],
            r#"<invites size="1"><invite><invited id="1003" username="carol"/>
                 <sharedServers size="1"><sharedServer id="78" machineIdentifier="m1"/></sharedServers></invite></invites>"#.into(),
        ),
        (
            "GET",
            "/api/v2/shared_servers/invites/received/pending".into(),
            200,
            vec![("content-type", xml)],
            r#"<invites size="1"><invite><owner username="owner"/>
                 <sharedServers size="1"><sharedServer id="79" machineIdentifier="m1"/></sharedServers></invite></invites>"#.into(),
        ),
    ])
    .await;
    let client = PlexClient::new(settings(&canned.base, &canned.base)).unwrap();
    client.set_share_family(ShareFamily::V2);
    let shares = client.list_shares(&token(&OWNER), "m1").await.unwrap();
    let bob = shares.iter().find(|s| s.share_id == 77).unwrap();
    assert_eq!(
        (bob.user_id, bob.accepted, bob.allow_sync),
        (1002, true, true)
    );
    assert_eq!(bob.section_ids, vec![118181361]);
    let carol = shares.iter().find(|s| s.share_id == 78).unwrap();
    assert_eq!((carol.user_id, carol.accepted), (1003, false));
    let pending = client.pending_invites(&token(&ALICE)).await.unwrap();
    assert_eq!(pending[0].shares, vec![(79, Some("m1".to_owned()))]);
}

#[tokio::test]
async fn a_managed_user_with_no_email_is_invited_by_id_never_by_name() {
    let e = env().await;
    // Even when a name is at hand, an account without email is reached by id (a name is refused).
    let kid = Invitee::Account {
        id: KID.id,
        email: None,
        username: "kid".into(),
    };
    let share = e
        .client
        .create_share(&e.owner(), SERVER_ID, &kid, &[PHOTOS], flags(false))
        .await
        .unwrap();
    assert_eq!(share.user_id, KID.id);
    assert!(e.fake.requests().iter().all(|r| r.status != 400));
}
