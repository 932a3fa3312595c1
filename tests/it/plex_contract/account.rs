//! Sign-in, the account, its servers and the section ids.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;

// ---------- sign-in and account ----------

#[tokio::test]
async fn pin_sign_in_user_servers_ping_and_sign_out() {
    let e = env().await;
    let pin = e.client.create_pin().await.unwrap();
    assert!(pin.code.len() >= 20, "a strong PIN has a long code");
    assert_eq!(e.client.check_pin(pin.id).await.unwrap(), PinState::Waiting);
    let url = e
        .client
        .sign_in_url(&pin.code, "http://gw.test/auth/plex/callback");
    assert!(url.starts_with(&format!(
        "{}/auth#?clientID=plexgate-test-client&code={}",
        e.fake.base_url(),
        pin.code
    )));
    assert!(url.contains("forwardUrl=http%3A%2F%2Fgw.test%2Fauth%2Fplex%2Fcallback"));

    assert!(e.fake.approve_pin(pin.id, &ALICE));
    let PinState::Authorized(t) = e.client.check_pin(pin.id).await.unwrap() else {
        panic!("not authorized")
    };
    let user = e.client.user(&t).await.unwrap();
    assert_eq!(
        (user.id, user.username.as_str(), user.email.as_deref()),
        (ALICE.id, "alice", ALICE.email)
    );
    assert!(!user.restricted);

    let servers = e.client.servers(&e.owner()).await.unwrap();
    let mine: Vec<_> = servers.iter().filter(|s| s.is_shareable()).collect();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].machine_id, SERVER_ID);
    assert!(
        servers
            .iter()
            .any(|s| s.machine_id == OTHER_SERVER_ID && !s.owned)
    );

    e.client.ping(&t).await.unwrap();
    e.client.sign_out(&t).await.unwrap();
    assert_eq!(e.client.user(&t).await, Err(PlexError::Unauthorized));
}

#[tokio::test]
async fn an_expired_pin_reads_as_expired_and_a_kid_as_restricted() {
    let e = env().await;
    let pin = e.client.create_pin().await.unwrap();
    e.fake.advance(Duration::from_secs(2 * 3600));
    assert_eq!(e.client.check_pin(pin.id).await.unwrap(), PinState::Expired);
    let kid = e.client.user(&token(&KID)).await.unwrap();
    assert!(kid.restricted);
    assert_eq!(kid.email, None);
}

// ---------- sections ----------

#[tokio::test]
async fn sections_use_global_ids_and_are_cached_until_forgotten() {
    let e = env().await;
    let s = e.client.sections(&e.owner(), SERVER_ID).await.unwrap();
    let ids: Vec<u64> = s.sections.iter().map(|s| s.id).collect();
    assert_eq!(ids, vec![MOVIES, TV, MUSIC, PHOTOS]);
    assert_eq!(s.sections[0].key, "1");
    assert!(s.warnings.is_empty(), "{:?}", s.warnings);

    e.fake.clear_requests();
    e.client.sections(&e.owner(), SERVER_ID).await.unwrap();
    assert!(
        e.fake.requests().is_empty(),
        "second read comes from the cache"
    );
    e.client.forget_sections(SERVER_ID);
    e.client.sections(&e.owner(), SERVER_ID).await.unwrap();
    assert_eq!(e.hits("/api/servers/").len(), 1);
    assert_eq!(e.hits("/api/v2/servers/").len(), 1);
}

#[tokio::test]
async fn an_empty_section_list_is_a_warning_not_an_error() {
    let e = env().await;
    e.fake.empty_sections(false, true);
    let s = e.client.sections(&e.owner(), SERVER_ID).await.unwrap();
    assert_eq!(s.sections.len(), 4, "v1 still counts");
    assert_eq!(
        s.warnings,
        vec!["v2 listed fewer sections than v1".to_owned()]
    );

    e.fake.empty_sections(true, true);
    let s = e.client.sections(&e.owner(), SERVER_ID).await.unwrap();
    assert!(s.sections.is_empty());
    assert!(!s.warnings.is_empty());

    // A v1 outage is covered by v2, with a warning.
    e.fake.empty_sections(false, false);
    e.fake.inject(Fault::status("/api/servers/", 503));
    let s = e.client.sections(&e.owner(), SERVER_ID).await.unwrap();
    assert_eq!(s.sections.len(), 4);
    assert_eq!(s.warnings.len(), 1);
}
