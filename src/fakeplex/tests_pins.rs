//! PINs over HTTP: create (strong or not, JSON or XML), check, approve, expiry, sign-out, the
//! optional 429, and the stand-in sign-in page.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use super::tests::{CID, T, error_code, json, setup};
use super::*;
#[tokio::test]
async fn pin_create_check_approve_expire_and_sign_out() {
    let t = setup().await;
    // python-plexapi style: strong=True, no Accept -> XML.
    let (s, _, body) = t.v2("POST", "/api/v2/pins?strong=True", None, false).await;
    assert_eq!(s, 201);
    let doc = roxmltree::Document::parse(&body).unwrap();
    let pin = doc.root_element();
    assert_eq!(pin.tag_name().name(), "pin");
    assert_eq!(pin.attribute("code").unwrap().len(), 25);
    assert!(pin.attribute("authToken").is_none());

    let (s, _, body) = t.v2("POST", "/api/v2/pins", None, true).await;
    assert_eq!(s, 201);
    let p = json(&body);
    assert_eq!(p["code"].as_str().unwrap().len(), 4);
    assert_eq!(
        (p["clientIdentifier"].as_str(), p["expiresIn"].as_i64()),
        (Some(CID), Some(900))
    );
    assert!(p["authToken"].is_null());
    let id = p["id"].as_u64().unwrap();
    let path = format!("/api/v2/pins/{id}");

    let (s, _, body) = t.v2("GET", &path, None, true).await;
    assert!(s == 200 && json(&body)["authToken"].is_null());
    assert!(t.fake.approve_pin(id, &BOB));
    t.fake.advance(Duration::from_millis(500));
    let (_, _, body) = t.v2("GET", &path, None, true).await;
    let token = json(&body)["authToken"].as_str().unwrap().to_owned();
    // Each approval mints a fresh token for that device (it starts with the account's own).
    assert!(
        token.starts_with(BOB.token) && token != BOB.token,
        "{token}"
    );

    // Another client id does not see the PIN.
    let other = t
        .req("GET", &path)
        .header("X-Plex-Client-Identifier", "other")
        .header("Accept", "application/json");
    let (s, _, body) = T::send(other).await;
    assert_eq!((s, error_code(&body)), (404, 1020));

    // Sign-out kills that token; a new sign-in mints another.
    let (s, _, _) = t
        .v2("DELETE", "/api/v2/users/signout", Some(&token), true)
        .await;
    assert_eq!(s, 204);
    let (s, _, _) = t.v2("GET", "/api/v2/user", Some(&token), true).await;
    assert_eq!(s, 401);
    let (s, _, _) = t.json2("GET", "/api/v2/user", BOB.token).await;
    assert_eq!(s, 200, "signing one device out leaves the others signed in");
    assert!(t.fake.approve_pin(id, &BOB));
    t.fake.advance(Duration::from_millis(500));
    let (_, _, body) = t.v2("GET", &path, None, true).await;
    let fresh = json(&body)["authToken"].as_str().unwrap().to_owned();
    assert!(fresh != BOB.token && fresh != token);
    let (s, _, _) = t.v2("GET", "/api/v2/user", Some(&fresh), true).await;
    assert_eq!(s, 200);

    t.fake.advance(Duration::from_secs(901));
    let (s, _, body) = t.v2("GET", &path, None, true).await;
    assert_eq!((s, error_code(&body)), (404, 1020));
    assert!(!t.fake.approve_pin(id, &BOB));
    let (s, _, body) = t.v2("GET", "/api/v2/pins/999", None, true).await;
    assert_eq!((s, error_code(&body)), (404, 1020));
}

#[tokio::test]
async fn pin_polling_too_fast_can_answer_429() {
    let t = setup().await;
    let (_, _, body) = t.v2("POST", "/api/v2/pins?strong=true", None, true).await;
    let path = format!("/api/v2/pins/{}", json(&body)["id"]);
    // On by default: checks of one PIN less than 0.5 s apart answer 429 with Retry-After.
    assert_eq!(t.v2("GET", &path, None, true).await.0, 200);
    let resp = t
        .req("GET", &path)
        .header("X-Plex-Client-Identifier", CID)
        .header("Accept", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 429);
    assert_eq!(resp.headers()["retry-after"], "1");
    assert_eq!(error_code(&resp.text().await.unwrap()), 1003);
    t.fake.advance(Duration::from_millis(500));
    assert_eq!(t.v2("GET", &path, None, true).await.0, 200);
    // The knob turns it off.
    t.fake.set_pin_rate_limit(false);
    assert_eq!(t.v2("GET", &path, None, true).await.0, 200);
}

#[tokio::test]
async fn sign_in_page_approves_then_redirects() {
    let t = setup().await;
    let (s, ct, page) = T::send(t.req("GET", "/auth")).await;
    assert!(s == 200 && ct.starts_with("text/html"));
    assert!(
        page.contains("location.hash")
            && page.contains("value=\"alice\"")
            && page.contains("/auth/approve")
    );

    let (_, _, body) = t.v2("POST", "/api/v2/pins?strong=1", None, true).await;
    let p = json(&body);
    let (id, code) = (
        p["id"].as_u64().unwrap(),
        p["code"].as_str().unwrap().to_owned(),
    );
    let post = |code: &str, cid: &str, fwd: &str| {
        let form = format!(
            "code={code}&clientID={cid}&forwardUrl={}&account=carol",
            url::form_urlencoded::byte_serialize(fwd.as_bytes()).collect::<String>()
        );
        t.req("POST", "/auth/approve")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(form)
    };
    // Unknown code or wrong client: no redirect, PIN untouched.
    assert_eq!(T::send(post("zzz", CID, "http://app.test/cb")).await.0, 404);
    assert_eq!(
        T::send(post(&code, "other", "http://app.test/cb")).await.0,
        400
    );
    let (_, _, body) = t.v2("GET", &format!("/api/v2/pins/{id}"), None, true).await;
    assert!(json(&body)["authToken"].is_null());

    let resp = post(&code, CID, "http://app.test/cb?x=1")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 302);
    assert_eq!(resp.headers()["location"], "http://app.test/cb?x=1");
    t.fake.advance(Duration::from_millis(500));
    let (_, _, body) = t.v2("GET", &format!("/api/v2/pins/{id}"), None, true).await;
    let minted = json(&body)["authToken"].as_str().unwrap().to_owned();
    assert!(minted.starts_with(CAROL.token) && minted != CAROL.token);
    let (_, _, me) = t.v2("GET", "/api/v2/user", Some(&minted), true).await;
    assert_eq!(json(&me)["username"], "carol");

    // Only http(s) forward URLs are followed; a weak (4-character) PIN is refused.
    let (_, _, body) = t.v2("POST", "/api/v2/pins?strong=true", None, true).await;
    let code2 = json(&body)["code"].as_str().unwrap().to_owned();
    assert_eq!(
        T::send(post(&code2, CID, "javascript:alert(1)")).await.0,
        200
    );
    let (_, _, body) = t.v2("POST", "/api/v2/pins", None, true).await;
    let weak = json(&body)["code"].as_str().unwrap().to_owned();
    assert_eq!(T::send(post(&weak, CID, "http://app.test/cb")).await.0, 400);
    assert!(t.fake.approve_pin_code(&weak, &ALICE));
}
