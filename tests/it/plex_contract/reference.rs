//! The issue-17 contract scenarios against the independent Python reference simulator
//! (`../shared/reference-plextv/`), with its strict knobs on. Ignored by default: run them with
//! `scripts/contract-reference`, which starts the simulator and sets `PLEXGATE_REFERENCE_URL` (its
//! plex.tv listener, which also serves `/__control`) and `PLEXGATE_REFERENCE_CLIENTS_URL`.
//! `cargo test` never needs it. Where it and the built-in fake disagree, plex-api.md decides (the
//! README's "Plex assumptions" lists the known differences).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::{Value, json};

use super::*;

const MID: &str = "5d7a9c1e3b2f4a6c8e0d1f3a5b7c9e1d2f4a6b8c";
const MOVIES_ID: u64 = 118_181_361;
const TV_ID: u64 = 118_181_362;
const BOB_ID: u64 = 2002;
const CAROL_ID: u64 = 2003;
const KID_ID: u64 = 3001;

/// The running reference simulator and a client pointed at it.
struct Reference {
    control: String,
    http: reqwest::Client,
    client: PlexClient,
}

async fn reference() -> Reference {
    let api = std::env::var("PLEXGATE_REFERENCE_URL")
        .expect("PLEXGATE_REFERENCE_URL (run scripts/contract-reference)");
    let clients = std::env::var("PLEXGATE_REFERENCE_CLIENTS_URL").unwrap_or_else(|_| api.clone());
    let api = api.trim_end_matches('/').to_owned();
    let mut s = settings(&api, clients.trim_end_matches('/'));
    s.pin_check_spacing = Duration::ZERO;
    let r = Reference {
        control: format!("{api}/__control"),
        http: crate::support::client(),
        client: PlexClient::new(s).unwrap(),
    };
    r.post("reset", json!({})).await;
    // Strict knobs on.
    r.post(
        "config",
        json!({"require_full_xplex_query_for_shares": true, "pin_poll_min_interval": 0.5}),
    )
    .await;
    r
}

impl Reference {
    async fn post(&self, what: &str, body: Value) -> Value {
        let resp = self
            .http
            .post(format!("{}/{what}", self.control))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert!(
            resp.status().is_success(),
            "control {what}: {}",
            resp.status()
        );
        resp.json().await.unwrap()
    }

    async fn state(&self) -> Value {
        let resp = self
            .http
            .get(format!("{}/state", self.control))
            .send()
            .await
            .unwrap();
        resp.json().await.unwrap()
    }

    async fn share_of(&self, invited_id: u64) -> Option<Value> {
        self.state().await["shares"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["invited_id"] == invited_id)
            .cloned()
    }

    fn owner(&self) -> Secret {
        Secret::new("OWNER-TOKEN")
    }
}

fn person(id: u64, email: Option<&str>) -> Invitee {
    Invitee::Account {
        id,
        email: email.map(str::to_owned),
        username: String::new(),
    }
}

#[tokio::test]
#[ignore = "needs the reference simulator: scripts/contract-reference"]
async fn reference_1_removal_answered_1002_is_not_gone() {
    let r = reference().await;
    let seeded = r
        .post(
            "share",
            json!({"user": "bob", "sections": ["Movies"], "accepted": true}),
        )
        .await;
    let id = seeded["id"].as_u64().unwrap();
    r.post(
        "fault",
        json!({"path": "/shared_servers/\\d+$", "method": "DELETE", "count": null, "status": 404,
               "json_error": {"code": 1002,
                   "message": "The requested resource or endpoint could not be found"}}),
    )
    .await;
    let got = r.client.remove_share(&r.owner(), MID, id, BOB_ID).await;
    assert_eq!(got, Err(PlexError::StillListed));
    assert!(r.share_of(BOB_ID).await.is_some(), "still shared");
}

#[tokio::test]
#[ignore = "needs the reference simulator: scripts/contract-reference"]
async fn reference_2_update_keeps_restrictions() {
    let r = reference().await;
    let seeded = r
        .post(
            "share",
            json!({"user": "bob", "sections": ["Movies"], "accepted": true,
                   "settings": {"filterMovies": "contentRating=G%2CPG", "allowCameraUpload": true}}),
        )
        .await;
    let id = seeded["id"].as_u64().unwrap();
    r.client
        .update_share(&r.owner(), MID, id, &[MOVIES_ID, TV_ID], None)
        .await
        .unwrap();
    r.client
        .update_share(&r.owner(), MID, id, &[MOVIES_ID, TV_ID], Some(true))
        .await
        .unwrap();
    let s = r.share_of(BOB_ID).await.unwrap();
    assert_eq!(s["settings"]["filterMovies"], "contentRating=G%2CPG");
    assert_eq!(s["settings"]["allowCameraUpload"], true);
    assert_eq!(s["settings"]["allowSync"], true);
    r.client.set_share_family(ShareFamily::V2);
    r.client
        .update_share(&r.owner(), MID, id, &[MOVIES_ID], None)
        .await
        .unwrap();
    let s = r.share_of(BOB_ID).await.unwrap();
    assert_eq!(s["library_section_ids"], json!([MOVIES_ID]));
    assert_eq!(s["settings"]["filterMovies"], "contentRating=G%2CPG");
    assert_eq!(s["settings"]["allowCameraUpload"], true);
}

#[tokio::test]
#[ignore = "needs the reference simulator: scripts/contract-reference"]
async fn reference_3_accept_passes_the_strict_query_rule() {
    let r = reference().await;
    let flags = SharingFlags {
        allow_channels: true,
        ..SharingFlags::default()
    };
    r.client
        .create_share(
            &r.owner(),
            MID,
            &person(CAROL_ID, Some("carol@example.com")),
            &[MOVIES_ID],
            flags,
        )
        .await
        .unwrap();
    assert_eq!(
        r.share_of(CAROL_ID).await.unwrap()["settings"]["allowChannels"],
        true,
        "new shares carry the flags"
    );
    let got = r
        .client
        .accept_invite(&Secret::new("CAROL-TOKEN"), "owner", MID)
        .await;
    assert_eq!(got, Ok(AcceptOutcome::Accepted));
    assert_eq!(r.share_of(CAROL_ID).await.unwrap()["accepted"], true);
    // A managed Home user is shared by id (the reference refuses a name).
    let kid = r
        .client
        .create_share(&r.owner(), MID, &person(KID_ID, None), &[MOVIES_ID], flags)
        .await
        .unwrap();
    assert_eq!(kid.user_id, KID_ID);
}

#[tokio::test]
#[ignore = "needs the reference simulator: scripts/contract-reference"]
async fn reference_4_one_odd_entry_does_not_fail_the_listing() {
    let r = reference().await;
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><MediaContainer size=\"2\">\
         <SharedServer id=\"1\" userID=\"\" email=\"new@example.com\" acceptedAt=\"0\"/>\
         <SharedServer id=\"2\" userID=\"{BOB_ID}\" username=\"bob\" acceptedAt=\"1\"/></MediaContainer>"
    );
    r.post(
        "fault",
        json!({"path": "/shared_servers$", "method": "GET", "count": 1, "status": 200,
               "body": body, "content_type": "application/xml"}),
    )
    .await;
    let list = r.client.list_shares_checked(&r.owner(), MID).await.unwrap();
    assert_eq!(list.shares.len(), 1);
    assert_eq!(list.shares[0].user_id, BOB_ID);
    assert!(list.skipped[0].contains("userID"));
}

#[tokio::test]
#[ignore = "needs the reference simulator: scripts/contract-reference"]
async fn reference_5_family_switches_only_when_confirmed_and_back() {
    let r = reference().await;
    let bob = person(BOB_ID, Some("bob@example.com"));
    let page = "<!DOCTYPE html><html><body>404</body></html>";
    r.post(
        "fault",
        json!({"path": "/api/servers/[^/]+/shared_servers$", "method": "POST", "count": 1,
               "status": 404, "body": page, "content_type": "text/html"}),
    )
    .await;
    let got = r
        .client
        .create_share(&r.owner(), MID, &bob, &[MOVIES_ID], SharingFlags::default())
        .await;
    assert_eq!(got, Err(PlexError::ErrorPage));
    assert_eq!(r.client.share_family(), ShareFamily::V1);
    r.post(
        "fault",
        json!({"path": "/api/servers/[^/]+/shared_servers", "count": null, "status": 410,
               "body": "<Response code=\"410\" status=\"This endpoint was deprecated and removed\"/>",
               "content_type": "application/xml"}),
    )
    .await;
    r.client
        .create_share(&r.owner(), MID, &bob, &[MOVIES_ID], SharingFlags::default())
        .await
        .unwrap();
    assert_eq!(r.client.share_family(), ShareFamily::V2);
    r.post("faults/clear", json!({})).await;
    assert_eq!(r.client.probe_v1(&r.owner(), MID).await, Ok(true));
    assert_eq!(r.client.share_family(), ShareFamily::V1);
}

#[tokio::test]
#[ignore = "needs the reference simulator: scripts/contract-reference"]
async fn reference_6_pin_checks_respect_the_rate_limit() {
    let r = reference().await;
    let pin = r.client.create_pin().await.unwrap();
    assert_eq!(r.client.check_pin(pin.id).await, Ok(PinState::Waiting));
    let second = r.client.check_pin(pin.id).await;
    assert!(
        matches!(second, Err(PlexError::RateLimited { .. })),
        "{second:?}"
    );
    let before = r.state().await["requests"].as_array().unwrap().len();
    let third = r.client.check_pin(pin.id).await;
    assert!(
        matches!(third, Err(PlexError::RateLimited { .. })),
        "{third:?}"
    );
    let after = r.state().await["requests"].as_array().unwrap().len();
    // The state read itself is logged; no PIN check is.
    let log = r.state().await["requests"].clone();
    let checks_after = log.as_array().unwrap()[before..after]
        .iter()
        .filter(|e| {
            e["path"]
                .as_str()
                .is_some_and(|p| p.starts_with("/api/v2/pins/"))
        })
        .count();
    assert_eq!(checks_after, 0, "held back, not sent");
}
