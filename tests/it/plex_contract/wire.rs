//! Failure classes, where tokens and identity travel, share verification and accepting invites.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;

// ---------- failure classes ----------

#[tokio::test]
async fn timeouts_5xx_drops_and_401_are_classified() {
    let e = env().await;
    let t = token(&ALICE);
    // Only the call meant to time out gets a short timeout (a client of its own against the same
    // fake); every other call keeps the roomy default, so a busy machine cannot fail them.
    let mut short = settings(&e.fake.base_url(), &e.fake.base_url());
    short.request_timeout = Duration::from_millis(300);
    let impatient = PlexClient::new(short).unwrap();
    e.fake
        .inject(Fault::delay("/api/v2/user", Duration::from_secs(5)).times(1));
    let r = impatient.user(&t).await.unwrap_err();
    assert_eq!(r, PlexError::Timeout);
    assert!(r.is_retryable());

    e.fake.inject(Fault::status("/api/v2/user", 503).times(1));
    let r = e.client.user(&t).await.unwrap_err();
    assert_eq!(r, PlexError::Unavailable { status: 503 });
    assert!(r.is_retryable());

    e.fake
        .inject(Fault::drop_connection("/api/v2/user").times(1));
    let r = e.client.user(&t).await.unwrap_err();
    assert!(
        matches!(r, PlexError::Transport(_)) && r.is_retryable(),
        "{r:?}"
    );
    assert!(
        !r.to_string().contains("127.0.0.1"),
        "no URL in the error: {r}"
    );

    let r = e.client.user(&Secret::new("bogus")).await.unwrap_err();
    assert_eq!(r, PlexError::Unauthorized);
    assert!(!r.is_retryable());
    e.client.user(&t).await.unwrap();
}

#[tokio::test]
async fn a_429_carries_retry_after() {
    let other = CannedServer::start(vec![(
        "GET",
        "/api/v2/user".into(),
        429,
        vec![
            ("retry-after", "7".into()),
            ("content-type", "application/json".into()),
        ],
        r#"{"errors":[{"code":1003,"message":"API rate limit exceeded","status":429}]}"#.into(),
    )])
    .await;
    let client = PlexClient::new(settings(&other.base, &other.base)).unwrap();
    let r = client.user(&token(&ALICE)).await.unwrap_err();
    assert_eq!(
        r,
        PlexError::RateLimited {
            retry_after: Some(Duration::from_secs(7))
        }
    );
    assert!(r.is_retryable());
}

#[tokio::test]
async fn a_redirect_is_not_followed_and_no_token_reaches_the_other_host() {
    let e = env().await;
    let other = CannedServer::start(vec![("GET", "/steal".into(), 200, vec![], "{}".into())]).await;
    e.fake.inject(Fault::redirect(
        "/api/v2/user",
        format!("{}/steal", other.base),
    ));
    let r = e.client.user(&token(&ALICE)).await.unwrap_err();
    assert!(matches!(r, PlexError::Protocol(_)), "{r:?}");
    assert!(!r.is_retryable());
    assert!(
        other.hits().is_empty(),
        "the other host saw nothing: {:?}",
        other.hits()
    );
}

/// `user()` against `base` with the body cap at 1,000 bytes: its error.
async fn user_capped_at_1000(base: &str) -> PlexError {
    let mut s = settings(base, base);
    s.max_body_bytes = 1_000;
    PlexClient::new(s)
        .unwrap()
        .user(&token(&ALICE))
        .await
        .unwrap_err()
}

/// As [`user_capped_at_1000`], plex.tv answering `status` with `body`.
async fn canned_user_capped_at_1000(status: u16, body: String) -> PlexError {
    let other =
        CannedServer::start(vec![("GET", "/api/v2/user".into(), status, vec![], body)]).await;
    user_capped_at_1000(&other.base).await
}

#[tokio::test]
async fn a_body_over_the_cap_is_refused() {
    let r = canned_user_capped_at_1000(200, "x".repeat(10_000)).await;
    assert!(
        matches!(r, PlexError::Protocol(ref m) if m.contains("larger")),
        "{r:?}"
    );
}

#[tokio::test]
async fn a_body_of_exactly_the_cap_is_read() {
    let r = canned_user_capped_at_1000(503, "x".repeat(1_000)).await;
    assert_eq!(r, PlexError::Unavailable { status: 503 });
}

/// An answer without a Content-Length (read to the end of the connection) is capped as it is
/// read, even when it arrives in one piece.
#[tokio::test]
async fn a_body_without_a_length_is_capped_as_it_is_read() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let (mut conn, _) = listener.accept().await.unwrap();
        // The whole request first: closing on unread bytes would reset the connection.
        let mut request = Vec::new();
        let mut buf = [0u8; 1024];
        while !request.windows(4).any(|w| w == b"\r\n\r\n") {
            let n = conn.read(&mut buf).await.unwrap();
            assert!(n > 0, "the request ended early");
            request.extend_from_slice(&buf[..n]);
        }
        let answer = format!(
            "HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\n\r\n{}",
            "x".repeat(2_000)
        );
        conn.write_all(answer.as_bytes()).await.unwrap();
    });
    let r = user_capped_at_1000(&base).await;
    assert!(
        matches!(r, PlexError::Protocol(ref m) if m.contains("larger")),
        "{r:?}"
    );
}

// ---------- where the token and identity go ----------

#[tokio::test]
async fn the_token_never_rides_in_a_query_string() {
    let e = env().await;
    let o = e.owner();
    e.client.user(&o).await.unwrap();
    e.client.sections(&o, SERVER_ID).await.unwrap();
    e.client
        .create_share(&o, SERVER_ID, &invitee(&CAROL), &[MOVIES], flags(false))
        .await
        .unwrap();
    e.client
        .accept_invite(&token(&CAROL), OWNER.username, SERVER_ID)
        .await
        .unwrap();
    let log = e.fake.requests();
    assert!(
        log.iter()
            .any(|r| r.host_header.as_deref() == Some(e.clients_host.as_str()))
    );
    assert!(log.iter().all(|r| !r.had_token_in_query), "{log:?}");
    assert!(
        log.iter().all(|r| r.account.is_some()),
        "the header token was recognised: {log:?}"
    );
}

#[tokio::test]
async fn identity_goes_in_the_query_for_clients_plex_tv_only() {
    let clients = CannedServer::start(vec![(
        "GET",
        "/api/v2/shared_servers/invites/received/pending".into(),
        200,
        vec![("content-type", "application/json".into())],
        "[]".into(),
    )])
    .await;
    let api = CannedServer::start(vec![(
        "GET",
        "/api/v2/ping".into(),
        200,
        vec![],
        r#"{"pong":true}"#.into(),
    )])
    .await;
    let client = PlexClient::new(settings(&api.base, &clients.base)).unwrap();
    assert!(
        client
            .pending_invites(&token(&ALICE))
            .await
            .unwrap()
            .is_empty()
    );
    client.ping(&token(&ALICE)).await.unwrap();

    let c = &clients.hits()[0];
    for part in [
        "X-Plex-Product=plexgate",
        "X-Plex-Client-Identifier=plexgate-test-client",
        "X-Plex-Version=",
        "X-Plex-Platform=",
        "X-Plex-Device-Name=",
    ] {
        assert!(c.query.contains(part), "{part} missing from {}", c.query);
    }
    assert!(!c.query.to_lowercase().contains("token") && c.token_header);
    let a = &api.hits()[0];
    assert!(
        a.query.is_empty() && a.token_header,
        "plex.tv gets headers only: {a:?}"
    );
}

// ---------- verification and accept ----------

#[tokio::test]
async fn a_share_made_for_another_account_is_removed_and_reported() {
    let path = "/api/servers/m1/shared_servers";
    let body = r#"<MediaContainer size="1"><SharedServer id="77" username="mallory" userID="999" acceptedAt=""/></MediaContainer>"#;
    let other = CannedServer::start(vec![
        (
            "POST",
            path.into(),
            200,
            vec![("content-type", "application/xml".into())],
            body.into(),
        ),
        ("DELETE", format!("{path}/77"), 200, vec![], String::new()),
    ])
    .await;
    let client = PlexClient::new(settings(&other.base, &other.base)).unwrap();
    let r = client
        .create_share(
            &token(&OWNER),
            "m1",
            &invitee(&ALICE),
            &[MOVIES],
            flags(false),
        )
        .await;
    assert!(matches!(r, Err(PlexError::Mismatch(_))), "{r:?}");
    let methods: Vec<_> = other
        .hits()
        .into_iter()
        .map(|h| (h.method, h.path))
        .collect();
    assert_eq!(
        methods,
        vec![
            ("POST".into(), path.into()),
            ("DELETE".into(), format!("{path}/77"))
        ]
    );
}

#[tokio::test]
async fn accept_waits_for_the_invite_and_picks_this_servers_one() {
    let e = env().await;
    let carol = token(&CAROL);
    // A stranger's invite for another server sits in Carol's listing too.
    let theirs = e
        .client
        .sections(&token(&STRANGER), OTHER_SERVER_ID)
        .await
        .unwrap();
    let their_ids: Vec<u64> = theirs.sections.iter().map(|s| s.id).collect();
    e.client
        .create_share(
            &token(&STRANGER),
            OTHER_SERVER_ID,
            &invitee(&CAROL),
            &their_ids,
            flags(false),
        )
        .await
        .unwrap();

    e.fake.invite_visible_after(2);
    let share = e
        .client
        .create_share(
            &e.owner(),
            SERVER_ID,
            &invitee(&CAROL),
            &[MOVIES],
            flags(false),
        )
        .await
        .unwrap();
    let mut outcomes = Vec::new();
    for _ in 0..3 {
        outcomes.push(
            e.client
                .accept_invite(&carol, OWNER.username, SERVER_ID)
                .await
                .unwrap(),
        );
    }
    assert_eq!(
        outcomes,
        vec![
            AcceptOutcome::NothingPending,
            AcceptOutcome::NothingPending,
            AcceptOutcome::Accepted
        ]
    );
    assert!(e.share_of(&CAROL).unwrap().accepted);
    let strangers = e
        .fake
        .shares()
        .into_iter()
        .find(|s| s.machine_id == OTHER_SERVER_ID)
        .unwrap();
    assert!(
        !strangers.accepted,
        "the other server's invite is left alone"
    );
    assert!(
        e.hits(&format!("/api/v2/shared_servers/{}/accept", share.share_id))
            .len()
            == 1
    );
    let pending = e.client.pending_invites(&carol).await.unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].owner_username, STRANGER.username);
}

#[tokio::test]
async fn an_invite_accepted_from_email_leaves_nothing_pending() {
    let e = env().await;
    // Accepted from Plex's email meanwhile: nothing left to accept.
    e.client
        .create_share(
            &e.owner(),
            SERVER_ID,
            &invitee(&BOB),
            &[MOVIES],
            flags(false),
        )
        .await
        .unwrap();
    assert!(e.fake.accept_from_email(&BOB));
    assert_eq!(
        e.client
            .accept_invite(&token(&BOB), OWNER.username, SERVER_ID)
            .await
            .unwrap(),
        AcceptOutcome::NothingPending
    );
    assert!(
        e.client
            .pending_invites(&token(&BOB))
            .await
            .unwrap()
            .is_empty()
    );
}
