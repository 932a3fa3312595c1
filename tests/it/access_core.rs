//! The access core against the fake plex.tv, by direct calls: owner resolution, sign-in flows,
//! the decision and the grant, access requests and the reconciler.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod reconcile;
mod signin;

use std::time::Duration;

use plexgate::access::OwnerStatus;
use plexgate::access::flows::FlowCheck;
use plexgate::access::flows::FlowInfo;
use plexgate::access::signin::SignInOutcome;
use plexgate::fakeplex::{self, Account, FakePlex, Fault, OWNER};
use plexgate::plex::PlexUser;
use plexgate::secret::Secret;
use plexgate::store::{FlowPurpose, Grant, IdTable, Invite};

use crate::support::allow;
use crate::support::{TestApp, fast_timing};

/// The app against a fake, its owner NOT resolved yet (the background loop is resolving).
async fn start_unresolved(fake: FakePlex, vars: &[(&str, &str)]) -> TestApp {
    let base = fake.base_url();
    let auth = fake.auth_url();
    let mut all: Vec<(&str, &str)> = vec![
        ("PLEXGATE_PLEX_API_URL", base.as_str()),
        ("PLEXGATE_PLEX_CLIENTS_URL", base.as_str()),
        ("PLEXGATE_PLEX_AUTH_URL", auth.as_str()),
        ("PLEXGATE_PLEX_TOKEN", OWNER.token),
        ("PLEXGATE_PLEX_SERVER", fakeplex::SERVER_ID),
        ("PLEXGATE_ACCESS_LIBRARIES", "Movies,TV Shows"),
    ];
    all.extend_from_slice(vars);
    let mut app = TestApp::start_full(&all, fast_timing()).await;
    app.fake = Some(fake);
    app
}

/// The PIN code from a sign-in URL's fragment.
fn pin_code(sign_in_url: &str) -> String {
    let (_, fragment) = sign_in_url.split_once('#').expect("a fragment");
    fragment
        .trim_start_matches(['?', '!'])
        .split('&')
        .find_map(|p| p.strip_prefix("code="))
        .expect("code= in the fragment")
        .to_owned()
}

/// Runs a PIN sign-in for `who` up to the verified account.
async fn verified(
    app: &TestApp,
    who: &Account,
    purpose: FlowPurpose,
    invite: Option<&str>,
) -> (PlexUser, Secret, FlowInfo) {
    let access = &app.state.access;
    let started = access
        .start_flow(purpose, invite, None, None)
        .await
        .unwrap();
    assert!(
        app.fake()
            .approve_pin_code(&pin_code(&started.sign_in_url), who)
    );
    match access.check_flow(&started.flow_id).await.unwrap() {
        FlowCheck::Authorized { user, token, flow } => (user, token, flow),
        other => panic!("expected Authorized, got {other:?}"),
    }
}

/// A whole join sign-in for `who`.
pub(crate) async fn sign_in(app: &TestApp, who: &Account, invite: Option<&str>) -> SignInOutcome {
    let (user, token, flow) = verified(app, who, FlowPurpose::Join, invite).await;
    app.state
        .access
        .sign_in(user, token, &flow, None, Duration::from_secs(20))
        .await
        .unwrap()
}

/// Adds an invite with this code; returns its id.
async fn invite(app: &TestApp, code: &str, max_uses: Option<u32>, change: fn(&mut Invite)) -> u64 {
    let hash = plexgate::crypto::sha256_hex(code);
    app.store()
        .write(move |tx| {
            let id = tx.next_id(IdTable::Invites)?;
            let mut inv = Invite {
                id,
                code_hash: hash,
                max_uses,
                uses: 0,
                used_by: Vec::new(),
                expires_at: None,
                libraries: None,
                access_days: None,
                note: String::new(),
                revoked: false,
                sharing: Default::default(),
                created_at: 0,
            };
            change(&mut inv);
            tx.put_invite(&inv)?;
            Ok(id)
        })
        .await
        .unwrap()
}

async fn grant_of(app: &TestApp, plex_id: u64) -> Option<Grant> {
    app.store()
        .read(move |tx| tx.get_grant(plex_id))
        .await
        .unwrap()
}

/// The fake's shares with `who`.
pub(crate) fn shares_of(app: &TestApp, who: &Account) -> Vec<fakeplex::FakeShare> {
    app.fake()
        .shares()
        .into_iter()
        .filter(|s| s.user_id == who.id)
        .collect()
}

#[tokio::test]
async fn owner_resolves_by_machine_id_and_by_name() {
    let app = TestApp::with_fake(&[]).await;
    let owner = app.state.access.owner().unwrap();
    assert_eq!(owner.plex_id, OWNER.id);
    assert_eq!(owner.username, OWNER.username);
    assert_eq!(owner.machine_id, fakeplex::SERVER_ID);
    assert_eq!(owner.server_name, fakeplex::SERVER_NAME);
    let defaults = app.state.access.default_libraries().await.unwrap();
    assert_eq!(defaults, vec![fakeplex::MOVIES, fakeplex::TV]);

    let by_name = TestApp::with_fake(&[("PLEXGATE_PLEX_SERVER", "fake PLEX server")]).await;
    let owner = by_name.state.access.owner().unwrap();
    assert_eq!(owner.machine_id, fakeplex::SERVER_ID);
}

#[tokio::test]
async fn a_revoked_owner_token_is_token_invalid() {
    let app = TestApp::with_fake(&[]).await;
    app.fake().revoke_token(&OWNER);
    assert!(app.state.access.resolve_owner_once().await.is_err());
    assert!(matches!(
        app.state.access.owner_status(),
        OwnerStatus::TokenInvalid
    ));
}

#[tokio::test]
async fn unknown_library_or_server_is_misconfigured() {
    let fake = FakePlex::start().await.unwrap();
    let app = start_unresolved(fake, &[("PLEXGATE_ACCESS_LIBRARIES", "Movies,Anime")]).await;
    assert!(app.state.access.resolve_owner_once().await.is_err());
    match app.state.access.owner_status() {
        OwnerStatus::Misconfigured(msg) => assert!(msg.contains("Anime"), "{msg}"),
        other => panic!("expected Misconfigured, got {other:?}"),
    }

    let fake = FakePlex::start().await.unwrap();
    let app = start_unresolved(fake, &[("PLEXGATE_PLEX_SERVER", "No Such Server")]).await;
    assert!(app.state.access.resolve_owner_once().await.is_err());
    assert!(matches!(
        app.state.access.owner_status(),
        OwnerStatus::Misconfigured(_)
    ));
}

#[tokio::test]
async fn resolution_retries_while_plex_tv_drops_connections() {
    let fake = FakePlex::start().await.unwrap();
    fake.inject(Fault::drop_connection("/api/v2/user"));
    let app = start_unresolved(fake, &[]).await;
    let access = app.state.access.clone();
    // The background loop keeps failing while the fault stands...
    tokio::time::timeout(Duration::from_secs(10), async {
        while !matches!(
            access.owner_status(),
            OwnerStatus::Resolving {
                last_error: Some(_)
            }
        ) {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await
    .expect("a failed attempt is reported");
    // ...and resolves on its own once plex.tv answers again.
    app.fake().clear_faults();
    tokio::time::timeout(Duration::from_secs(10), async {
        while access.owner().is_none() {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await
    .expect("the owner resolves after the fault clears");
    assert_eq!(access.owner().unwrap().plex_id, OWNER.id);
}

#[tokio::test]
async fn a_flow_waits_then_expires_and_is_used_up() {
    let app = TestApp::with_fake(&[]).await;
    let access = &app.state.access;
    let started = access
        .start_flow(FlowPurpose::Join, Some("code"), Some("/me".into()), None)
        .await
        .unwrap();
    assert!(started.sign_in_url.contains("forwardUrl="));
    assert!(started.sign_in_url.contains("%2Fauth%2Fplex%2Fcallback"));
    assert!(matches!(
        access.check_flow(&started.flow_id).await.unwrap(),
        FlowCheck::Waiting
    ));
    app.fake().advance(Duration::from_secs(3600));
    assert!(matches!(
        access.check_flow(&started.flow_id).await.unwrap(),
        FlowCheck::Expired
    ));
    assert!(access.check_flow(&started.flow_id).await.is_err());
    assert!(access.check_flow("not-a-flow").await.is_err());
}
