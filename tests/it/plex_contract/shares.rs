//! Owner-side shares: v1, "already sharing", managed users, the v1 → v2 fallback and when not to fall back.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;

// ---------- shares (v1) ----------

#[tokio::test]
async fn v1_share_create_list_update_remove() {
    let e = env().await;
    let o = e.owner();
    let share = e
        .client
        .create_share(&o, SERVER_ID, &invitee(&ALICE), &[MOVIES, TV], flags(false))
        .await
        .unwrap();
    assert_eq!(share.user_id, ALICE.id);
    assert!(!share.accepted);
    let fake = e.share_of(&ALICE).unwrap();
    assert_eq!(
        (fake.id, fake.section_ids.clone(), fake.allow_sync),
        (share.share_id, vec![MOVIES, TV], false)
    );
    assert_eq!(
        e.hits("/api/v2/shared_servers"),
        vec![],
        "v1 worked: no v2 call"
    );
    assert_eq!(e.client.share_family(), ShareFamily::V1);

    let dave_id = e.fake.add_share(&DAVE, &[MOVIES], true);
    let listed = e.client.list_shares(&o, SERVER_ID).await.unwrap();
    let alice = listed.iter().find(|s| s.user_id == ALICE.id).unwrap();
    assert!(!alice.accepted);
    let dave = listed.iter().find(|s| s.share_id == dave_id).unwrap();
    assert!(dave.accepted);
    assert_eq!(dave.section_ids, vec![MOVIES]);

    e.client
        .update_share(&o, SERVER_ID, share.share_id, &[MUSIC], Some(true))
        .await
        .unwrap();
    let fake = e.share_of(&ALICE).unwrap();
    assert_eq!((fake.section_ids, fake.allow_sync), (vec![MUSIC], true));
    assert!(e.hits(&v1_share_path()).iter().any(|(m, _)| m == "PUT"));

    e.client
        .remove_share(&o, SERVER_ID, share.share_id, ALICE.id)
        .await
        .unwrap();
    assert!(e.share_of(&ALICE).is_none());
    assert!(
        e.share_of(&DAVE).is_some(),
        "only that one share is removed"
    );
    assert_eq!(
        e.client
            .remove_share(&o, SERVER_ID, share.share_id, ALICE.id)
            .await,
        Ok(Removal::AlreadyGone),
        "a 404 with no share listed for that account is 'already gone'"
    );
}

#[tokio::test]
async fn already_sharing_only_when_the_body_says_so() {
    let e = env().await;
    let o = e.owner();
    e.client
        .create_share(&o, SERVER_ID, &invitee(&BOB), &[MOVIES], flags(false))
        .await
        .unwrap();
    let again = e
        .client
        .create_share(&o, SERVER_ID, &invitee(&BOB), &[MOVIES], flags(false))
        .await;
    assert_eq!(again, Err(PlexError::AlreadySharing));
    e.fake.add_share(&DAVE, &[MOVIES], true);
    let dave = e
        .client
        .create_share(&o, SERVER_ID, &invitee(&DAVE), &[TV], flags(false))
        .await;
    assert_eq!(dave, Err(PlexError::AlreadySharing));
    // Another 400 (a local key instead of a global id) is a refusal, not "already sharing", not Gone.
    let bad = e
        .client
        .create_share(&o, SERVER_ID, &invitee(&CAROL), &[1], flags(false))
        .await;
    assert!(
        matches!(bad, Err(PlexError::Refused { status: 400, .. })),
        "{bad:?}"
    );
    assert_eq!(e.client.share_family(), ShareFamily::V1);
    assert!(e.hits("/api/v2/shared_servers").is_empty());
}

#[tokio::test]
async fn a_managed_home_user_is_shared_by_id() {
    let e = env().await;
    let share = e
        .client
        .create_share(
            &e.owner(),
            SERVER_ID,
            &invitee(&KID),
            &[PHOTOS],
            flags(false),
        )
        .await
        .unwrap();
    assert_eq!(share.user_id, KID.id);
    assert_eq!(e.share_of(&KID).unwrap().section_ids, vec![PHOTOS]);
}

// ---------- v1 gone → v2 ----------

async fn gone_fallback(e: &Env) {
    let o = e.owner();
    let alice = e
        .client
        .create_share(&o, SERVER_ID, &invitee(&ALICE), &[MOVIES], flags(false))
        .await
        .unwrap();
    assert_eq!(alice.user_id, ALICE.id);
    assert_eq!(e.client.share_family(), ShareFamily::V2);
    assert_eq!(
        e.hits(&v1_share_path()),
        vec![
            ("POST".into(), v1_share_path()),
            ("GET".into(), v1_share_path())
        ],
        "one v1 try, then one read-only call confirming v1 is gone"
    );
    let v2: Vec<_> = e
        .fake
        .requests()
        .into_iter()
        .filter(|r| r.path == "/api/v2/shared_servers")
        .collect();
    assert_eq!(v2.len(), 1);
    assert_eq!(
        v2[0].host_header.as_deref(),
        Some(e.clients_host.as_str()),
        "v2 shares go to clients.plex.tv"
    );

    e.fake.clear_requests();
    let bob = e
        .client
        .create_share(&o, SERVER_ID, &invitee(&BOB), &[MOVIES, TV], flags(true))
        .await
        .unwrap();
    assert!(
        e.hits("/api/servers/").is_empty(),
        "the second create goes straight to v2"
    );
    assert_eq!(
        e.hits("/api/v2/shared_servers"),
        vec![("POST".into(), "/api/v2/shared_servers".into())]
    );
    let fake_bob = e.share_of(&BOB).unwrap();
    assert_eq!(
        (fake_bob.section_ids, fake_bob.allow_sync),
        (vec![MOVIES, TV], true)
    );
    v2_family_keeps_working(e, bob.share_id).await;
}

/// After the switch, update, duplicate, accept, list and remove all work through v2 alone.
async fn v2_family_keeps_working(e: &Env, bob_share: u64) {
    let o = e.owner();
    // Update sends the current settings back: allowSync survives a library change.
    e.client
        .update_share(&o, SERVER_ID, bob_share, &[MUSIC], None)
        .await
        .unwrap();
    let fake_bob = e.share_of(&BOB).unwrap();
    assert_eq!(
        (fake_bob.section_ids, fake_bob.allow_sync),
        (vec![MUSIC], true)
    );

    let kid = e
        .client
        .create_share(&o, SERVER_ID, &invitee(&KID), &[PHOTOS], flags(false))
        .await
        .unwrap();
    assert_eq!(kid.user_id, KID.id);
    let dup = e
        .client
        .create_share(&o, SERVER_ID, &invitee(&BOB), &[MOVIES], flags(false))
        .await;
    assert_eq!(
        dup,
        Err(PlexError::AlreadySharing),
        "v2 422 already sharing"
    );

    assert_eq!(
        e.client
            .accept_invite(&token(&ALICE), OWNER.username, SERVER_ID)
            .await
            .unwrap(),
        AcceptOutcome::Accepted
    );
    let listed = e.client.list_shares(&o, SERVER_ID).await.unwrap();
    assert!(listed.iter().any(|s| s.user_id == ALICE.id && s.accepted));
    assert!(listed.iter().any(|s| s.user_id == BOB.id && !s.accepted));
    e.client
        .remove_share(&o, SERVER_ID, bob_share, BOB.id)
        .await
        .unwrap();
    assert!(e.share_of(&BOB).is_none());
    assert!(
        e.hits("/api/servers/").is_empty(),
        "nothing went back to v1"
    );
}

#[tokio::test]
async fn v1_share_routes_answering_410_fall_back_to_v2_and_stay_there() {
    let e = env().await;
    e.fake.inject(Fault::gone_410(v1_share_path()));
    gone_fallback(&e).await;
}

#[tokio::test]
async fn an_html_404_on_v1_share_routes_also_falls_back() {
    let e = env().await;
    e.fake.inject(Fault::html_404(v1_share_path()));
    gone_fallback(&e).await;
}

#[tokio::test]
async fn no_fallback_on_auth_failures_or_json_not_found() {
    let e = env().await;
    e.fake.revoke_token(&OWNER);
    let r = e
        .client
        .create_share(
            &e.owner(),
            SERVER_ID,
            &invitee(&ALICE),
            &[MOVIES],
            flags(false),
        )
        .await;
    assert_eq!(r, Err(PlexError::Unauthorized));
    assert!(r.unwrap_err().is_unauthorized());

    let e = env().await;
    e.fake.set_invalid_token_status(422);
    let bad = Secret::new("not-a-token");
    assert_eq!(
        e.client.list_shares(&bad, SERVER_ID).await,
        Err(PlexError::Unauthorized),
        "v1 422 Invalid token"
    );
    assert_eq!(
        e.client
            .create_share(&bad, SERVER_ID, &invitee(&ALICE), &[MOVIES], flags(false))
            .await,
        Err(PlexError::Unauthorized)
    );
    assert_eq!(e.client.share_family(), ShareFamily::V1);

    // In v2, a JSON 404 (error 1002) for an unknown machine is NotFound, not Gone.
    e.client.set_share_family(ShareFamily::V2);
    e.fake.clear_requests();
    let r = e
        .client
        .create_share(
            &e.owner(),
            "nosuchmachine",
            &invitee(&ALICE),
            &[MOVIES],
            flags(false),
        )
        .await;
    assert_eq!(r, Err(PlexError::NotFound));
    assert_eq!(e.hits("/api/v2/shared_servers").len(), 1);
    assert!(
        e.hits("/api/servers/").is_empty(),
        "a v2 not-found does not switch families"
    );
    assert_eq!(e.client.share_family(), ShareFamily::V2);
}
