//! The built-in fake plex.tv: an axum server on loopback that behaves like plex.tv and
//! clients.plex.tv as `plex-api.md` describes them (same tree on one base URL), plus a stand-in for
//! the app.plex.tv/auth sign-in page. The tests prove the Plex adapter against it and
//! `plexgate demo` runs the product against it. It never imports `crate::plex`, so a field the
//! adapter misreads fails a test instead of agreeing with itself.
//!
//! [`FakePlex`] is the handle: its hooks let tests approve PINs, inject faults, inspect shares
//! and read the request log.

mod auth_page;
mod faults;
mod render;
mod server;
mod shares;
mod v1;
mod v2;
mod v2_shares;
mod world;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_faults;
#[cfg(test)]
mod tests_pins;
#[cfg(test)]
mod tests_shares;
#[cfg(test)]
mod tests_strict;

use std::future::Future;
use std::io;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::oneshot;

pub use faults::{Fault, FaultKind};
use server::{App, FakeListener, KillSwitch};
use world::World;

/// A test account. Every account has its own well-known token, valid from the start; each PIN
/// approval mints a fresh token (`<token>-<n>`) for that device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Account {
    /// plex.tv account id (`userID`, `invitedId`).
    pub id: u64,
    pub username: &'static str,
    /// Email; managed Home users have none.
    pub email: Option<&'static str>,
    /// The account's token.
    pub token: &'static str,
}

/// The server owner (owns [`SERVER_ID`]).
pub const OWNER: Account = Account {
    id: 10_000_001,
    username: "owner",
    email: Some("owner@example.com"),
    token: "fakeTokenOwner000001",
};
/// A friend of the owner, no share yet.
pub const ALICE: Account = Account {
    id: 10_000_002,
    username: "alice",
    email: Some("alice@example.com"),
    token: "fakeTokenAlice000002",
};
/// A friend of the owner, no share yet.
pub const BOB: Account = Account {
    id: 10_000_003,
    username: "bob",
    email: Some("bob@example.com"),
    token: "fakeTokenBob00000003",
};
/// A friend of the owner, no share yet.
pub const CAROL: Account = Account {
    id: 10_000_004,
    username: "carol",
    email: Some("carol@example.com"),
    token: "fakeTokenCarol000004",
};
/// A friend holding an accepted share made in Plex's UI (Movies and TV Shows).
pub const DAVE: Account = Account {
    id: 10_000_005,
    username: "dave",
    email: Some("dave@example.com"),
    token: "fakeTokenDave0000005",
};
/// A managed Home user of the owner: restricted, no email and an empty username (as plex.tv
/// lists Home users), so it can only be reached by account id.
pub const KID: Account = Account {
    id: 10_000_006,
    username: "",
    email: None,
    token: "fakeTokenKid00000006",
};
/// Another owner, whose server the owner sees as a non-owned resource.
pub const STRANGER: Account = Account {
    id: 10_000_007,
    username: "stranger",
    email: Some("stranger@example.com"),
    token: "fakeTokenStranger007",
};

/// How many generated friends ([`crowd`]) the fake knows besides the named accounts.
pub const CROWD_SIZE: u64 = 640;

/// Generated friends for bursts of joins: `friend00`… with ids from 20,000,000, each with its own
/// token; no share and no friendship with the owner at first.
pub fn crowd() -> &'static [Account] {
    static CROWD: std::sync::LazyLock<Vec<Account>> = std::sync::LazyLock::new(|| {
        let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
        (0..CROWD_SIZE)
            .map(|i| Account {
                id: 20_000_000 + i,
                username: leak(format!("friend{i:02}")),
                email: Some(leak(format!("friend{i:02}@example.com"))),
                token: leak(format!("fakeTokenFriend{i:05}")),
            })
            .collect()
    });
    &CROWD
}

/// The avatar image the fake serves at every account's `thumb` address.
pub const AVATAR_PNG: &[u8] = include_bytes!("avatar.png");

/// The owner's server machineIdentifier.
pub const SERVER_ID: &str = "a1b2c3d4e5f60718293a4b5c6d7e8f9001234567";
/// The owner's server name.
pub const SERVER_NAME: &str = "Fake Plex Server";
/// The stranger's server machineIdentifier.
pub const OTHER_SERVER_ID: &str = "f9e8d7c6b5a4039281706f5e4d3c2b1a00fedcba";
/// Global section id of Movies (local key "1").
pub const MOVIES: u64 = 118_181_361;
/// Global section id of TV Shows (local key "2").
pub const TV: u64 = 118_181_362;
/// Global section id of Music (local key "3").
pub const MUSIC: u64 = 118_181_363;
/// Global section id of Photos (local key "4").
pub const PHOTOS: u64 = 118_181_364;

/// A share as the tests see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FakeShare {
    /// shared_server id.
    pub id: u64,
    /// Invitee account id.
    pub user_id: u64,
    /// Server machineIdentifier.
    pub machine_id: String,
    /// Global section ids.
    pub section_ids: Vec<u64>,
    /// allowSync setting.
    pub allow_sync: bool,
    /// allowCameraUpload setting.
    pub allow_camera_upload: bool,
    /// allowChannels (Live TV) setting.
    pub allow_channels: bool,
    /// filterMovies setting (a content restriction such as `contentRating=G`).
    pub filter_movies: String,
    pub accepted: bool,
}

/// One request the fake answered (the query string is not kept: it may hold a token).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedRequest {
    pub method: String,
    /// Path without the query.
    pub path: String,
    /// Username of the account whose valid token came with the request.
    pub account: Option<String>,
    /// Status answered (0 when the connection was dropped).
    pub status: u16,
    pub host_header: Option<String>,
    /// Whether `X-Plex-Token` came in the query string.
    pub had_token_in_query: bool,
    /// From the request's arrival (body read) to its answer, injected delays included: the time
    /// "inside plex.tv" as `scripts/bench` counts it.
    pub elapsed: Duration,
}

/// Handle on a running fake; the server stops when the last clone is dropped.
#[derive(Debug, Clone)]
pub struct FakePlex {
    app: App,
    base: String,
    _stop: Arc<oneshot::Sender<()>>,
}

async fn serve(
    app: App,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    let svc = server::router(app).into_make_service_with_connect_info::<KillSwitch>();
    axum::serve(FakeListener(listener), svc)
        .with_graceful_shutdown(shutdown)
        .await
}

impl FakePlex {
    /// Starts a seeded fake on 127.0.0.1 with a free port.
    pub async fn start() -> io::Result<FakePlex> {
        Self::start_on(TcpListener::bind("127.0.0.1:0").await?)
    }

    /// Starts a seeded fake on a listener the caller bound (the demo picks its own address).
    pub fn start_on(listener: TcpListener) -> io::Result<FakePlex> {
        let addr = listener.local_addr()?;
        let app = App {
            world: Arc::new(Mutex::new(World::seed())),
        };
        let (tx, rx) = oneshot::channel::<()>();
        let served = app.clone();
        tokio::spawn(async move {
            // Resolves when the last handle drops its sender.
            let stop = async move {
                let _ = rx.await;
            };
            if let Err(e) = serve(served, listener, stop).await {
                tracing::warn!(error = %e, "fake plex.tv stopped");
            }
        });
        Ok(FakePlex {
            app,
            base: format!("http://{addr}"),
            _stop: Arc::new(tx),
        })
    }

    /// "http://127.0.0.1:PORT": serves the plex.tv and clients.plex.tv trees.
    pub fn base_url(&self) -> String {
        self.base.clone()
    }

    /// The stand-in for app.plex.tv/auth.
    pub fn auth_url(&self) -> String {
        format!("{}/auth", self.base)
    }

    /// Approves a PIN for `account` as if they clicked "Accept"; false if unknown or expired.
    pub fn approve_pin(&self, pin_id: u64, account: &Account) -> bool {
        self.app.lock().approve(pin_id, account)
    }

    /// Approves the live PIN with this code.
    pub fn approve_pin_code(&self, code: &str, account: &Account) -> bool {
        let mut w = self.app.lock();
        w.pin_by_code(code).is_some_and(|id| w.approve(id, account))
    }

    /// Adds a fault; the first matching fault applies.
    pub fn inject(&self, fault: Fault) {
        self.app.lock().faults.push(fault);
    }

    /// Removes every fault.
    pub fn clear_faults(&self) {
        self.app.lock().faults.clear();
    }

    /// Invites created from now on stay out of the invitee's pending listing for `listings` listings.
    pub fn invite_visible_after(&self, listings: u32) {
        self.app.lock().invite_delay = listings;
    }

    /// The invitee accepts every pending invite from the emailed link; true if there was one.
    pub fn accept_from_email(&self, invitee: &Account) -> bool {
        self.app.lock().accept_all(invitee.id)
    }

    /// Every share on the fake (any owner).
    pub fn shares(&self) -> Vec<FakeShare> {
        self.app
            .lock()
            .shares
            .values()
            .map(|s| FakeShare {
                id: s.id,
                user_id: s.user_id,
                machine_id: s.machine_id.clone(),
                section_ids: s.section_ids.clone(),
                allow_sync: s.settings.allow_sync,
                allow_camera_upload: s.settings.allow_camera_upload,
                allow_channels: s.settings.allow_channels,
                filter_movies: s.settings.filter_movies.clone(),
                accepted: s.accepted,
            })
            .collect()
    }

    /// A share of the owner's server made "in Plex's UI"; returns its id.
    pub fn add_share(&self, invitee: &Account, section_ids: &[u64], accepted: bool) -> u64 {
        self.app
            .lock()
            .add_external_share(invitee.id, section_ids, accepted)
    }

    /// The requests answered so far, oldest first.
    pub fn requests(&self) -> Vec<LoggedRequest> {
        self.app.lock().log.clone()
    }

    /// Forgets the request log.
    pub fn clear_requests(&self) {
        self.app.lock().log.clear();
    }

    /// Moves the fake's clock forward (PIN expiry, poll spacing).
    pub fn advance(&self, by: Duration) {
        self.app.lock().clock.advance(by);
    }

    /// What v1 routes answer for a bad token: 401 (default) or 422 "Invalid token".
    pub fn set_invalid_token_status(&self, status: u16) {
        self.app.lock().invalid_token_status = if status == 422 { 422 } else { 401 };
    }

    /// Empties the section list of v1 `/api/servers/{mid}` and/or v2 `librarySections`.
    pub fn empty_sections(&self, v1: bool, v2: bool) {
        let mut w = self.app.lock();
        w.empty_v1_sections = v1;
        w.empty_v2_sections = v2;
    }

    /// The still-valid tokens minted for the account by PIN approvals, oldest first.
    pub fn minted_tokens(&self, account: &Account) -> Vec<String> {
        let w = self.app.lock();
        let mut minted: Vec<String> = w
            .tokens
            .iter()
            .filter(|(t, id)| **id == account.id && t.as_str() != account.token)
            .map(|(t, _)| t.clone())
            .collect();
        minted.sort_by_key(|t| (t.len(), t.clone()));
        minted
    }

    /// Invalidates every token of the account (a later PIN sign-in gets a new one).
    pub fn revoke_token(&self, account: &Account) {
        self.app.lock().revoke_all(account.id);
    }

    /// Answer 429 (error 1003, with `Retry-After`) to checks of one PIN less than 0.5 s apart (on
    /// by default, as plex.tv); `false` turns the rule off.
    pub fn set_pin_rate_limit(&self, on: bool) {
        self.app.lock().pin_check_interval = if on {
            world::PIN_CHECK_INTERVAL
        } else {
            Duration::ZERO
        };
    }

    /// The least spacing between two checks of one PIN before 429 (0.5 s by default). Tests whose
    /// timing is shrunk scale it down with their PIN check spacing, so the rule stays on.
    pub fn set_pin_check_interval(&self, interval: Duration) {
        self.app.lock().pin_check_interval = interval;
    }

    /// Whether clients.plex.tv share and invite calls (`/api/v2/shared_servers…`) without the full
    /// non-secret X-Plex-* set in the query answer 400 "missing in query: …" (on by default:
    /// Wizarr's finding). The fake serves both hosts on one base URL, so the rule applies to those
    /// routes on any host.
    pub fn set_strict_clients_query(&self, on: bool) {
        self.app.lock().strict_clients_query = on;
    }

    /// Sets the sharing settings of a share as the owner would in Plex's UI (a content filter on
    /// movies, camera upload, Live TV); false when there is no such share.
    pub fn restrict_share(
        &self,
        share_id: u64,
        filter_movies: &str,
        allow_camera_upload: bool,
        allow_channels: bool,
    ) -> bool {
        let mut w = self.app.lock();
        let Some(s) = w.shares.get_mut(&share_id) else {
            return false;
        };
        s.settings.filter_movies = filter_movies.to_owned();
        s.settings.allow_camera_upload = allow_camera_upload;
        s.settings.allow_channels = allow_channels;
        true
    }

    /// A pending invite to an email address with no Plex account: plex.tv lists it with an empty
    /// `userID` (an odd entry that a listing must skip, not fail on). Returns its id.
    pub fn add_invite_without_account(&self, email: &str) -> u64 {
        self.app.lock().add_accountless_invite(email)
    }

    /// Which API family made a share: "v1", "v2" or "external" (made in Plex's UI).
    pub fn share_via(&self, share_id: u64) -> Option<&'static str> {
        self.app.lock().shares.get(&share_id).map(|s| match s.via {
            world::Via::V1 => "v1",
            world::Via::V2 => "v2",
            world::Via::External => "external",
        })
    }
}
