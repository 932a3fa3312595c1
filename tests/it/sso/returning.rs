//! Forward-auth sign-in (SPEC §8): only a fresh join sees "You're in" with "Continue to
//! {app}" (on the welcome page the callback sends it to); a returning friend goes straight
//! back to `rd`, byte for byte.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use plexgate::fakeplex::ALICE;
use reqwest::StatusCode;

use super::support::{header, sign_in, sso_app};
use crate::support::signin_outcomes;

/// A valid `rd` with bytes a careless re-encoding would change.
const RD: &str = "https://friends.example.com/movies/a%20b?x=1&y=%C3%A9&z=%2F";

#[tokio::test]
async fn a_returning_friend_goes_straight_back_to_the_app() {
    let app = sso_app(&[]).await;
    // First time: a fresh join, shown "You're in" with the way on to the app.
    let first = sign_in(&app, &ALICE, RD).await;
    assert_eq!(first.last.status(), StatusCode::OK);
    let body = first.last.text().await.unwrap();
    assert!(body.contains("<h1>You&#x27;re in</h1>"), "{body}");
    assert!(body.contains("Continue to Overseerr"), "{body}");

    // Signing in again (say, after the session ran out): 303 straight to `rd`.
    for _ in 0..2 {
        let again = sign_in(&app, &ALICE, RD).await;
        assert_eq!(again.last.status(), StatusCode::SEE_OTHER);
        assert_eq!(header(again.last.headers(), "location"), Some(RD));
    }
    assert_eq!(
        signin_outcomes(&app, ALICE.id).await,
        ["joined", "already_in", "already_in"]
    );
}
