//! Contract tests: the plex.tv adapter against the built-in fake plex.tv (and, where the fake cannot
//! say it, a tiny canned server). Each test fails if the behaviour it names is removed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod account;
mod defects;
mod reference;
mod shares;
mod wire;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use plexgate::fakeplex::{
    ALICE, Account, BOB, CAROL, DAVE, FakePlex, Fault, KID, MOVIES, MUSIC, OTHER_SERVER_ID, OWNER,
    PHOTOS, SERVER_ID, STRANGER, TV,
};
use plexgate::plex::{
    AcceptOutcome, Invitee, PinState, PlexClient, PlexError, PlexSettings, Removal, ShareFamily,
    SharingFlags,
};
use plexgate::secret::Secret;
use tokio::sync::oneshot;

// ---------- fixtures ----------

/// plex.tv at 127.0.0.1:PORT and clients.plex.tv at localhost:PORT, both the same fake, so
/// `LoggedRequest.host_header` tells them apart.
fn settings(api: &str, clients: &str) -> PlexSettings {
    let mut s = PlexSettings::new("plexgate-test-client").unwrap();
    s.api_url = api.parse().unwrap();
    s.clients_url = clients.parse().unwrap();
    s.auth_url = format!("{api}/auth").parse().unwrap();
    s.connect_timeout = Duration::from_secs(2);
    s.request_timeout = Duration::from_secs(5);
    s.pin_check_spacing = PIN_SPACING;
    s
}

/// Test PIN check spacing: the fake's 429 rule is scaled down to it (still on).
const PIN_SPACING: Duration = Duration::from_millis(5);

struct Env {
    fake: FakePlex,
    client: PlexClient,
    clients_host: String,
}

async fn env_with(tweak: impl FnOnce(&mut PlexSettings)) -> Env {
    let fake = FakePlex::start().await.unwrap();
    fake.set_pin_check_interval(PIN_SPACING);
    let api = fake.base_url();
    let clients = api.replace("127.0.0.1", "localhost");
    let mut s = settings(&api, &clients);
    tweak(&mut s);
    let clients_host = clients.trim_start_matches("http://").to_owned();
    Env {
        client: PlexClient::new(s).unwrap(),
        fake,
        clients_host,
    }
}

async fn env() -> Env {
    env_with(|_| {}).await
}

fn token(a: &Account) -> Secret {
    Secret::new(a.token)
}

fn invitee(a: &Account) -> Invitee {
    Invitee::Account {
        id: a.id,
        email: a.email.map(str::to_owned),
        username: a.username.to_owned(),
    }
}

/// Sharing flags with downloads as given and Live TV and camera upload off.
fn flags(allow_sync: bool) -> SharingFlags {
    SharingFlags {
        allow_sync,
        ..SharingFlags::default()
    }
}

fn v1_share_path() -> String {
    format!("/api/servers/{SERVER_ID}/shared_servers")
}

impl Env {
    fn owner(&self) -> Secret {
        token(&OWNER)
    }

    /// (method, path) of every logged request whose path starts with `prefix`.
    fn hits(&self, prefix: &str) -> Vec<(String, String)> {
        let log = self.fake.requests();
        log.into_iter()
            .filter(|r| r.path.starts_with(prefix))
            .map(|r| (r.method, r.path))
            .collect()
    }

    fn share_of(&self, a: &Account) -> Option<plexgate::fakeplex::FakeShare> {
        self.fake
            .shares()
            .into_iter()
            .find(|s| s.user_id == a.id && s.machine_id == SERVER_ID)
    }
}

/// One request the canned server saw.
#[derive(Debug, Clone)]
struct Hit {
    method: String,
    path: String,
    query: String,
    token_header: bool,
    /// The `Content-Length` header, if sent.
    content_length: Option<String>,
}

/// A canned answer: method, path, status, extra headers, body.
type Route = (
    &'static str,
    String,
    u16,
    Vec<(&'static str, String)>,
    String,
);

/// The canned server's state.
#[derive(Clone)]
struct Canned {
    routes: Arc<Vec<Route>>,
    seen: Arc<Mutex<Vec<Hit>>>,
}

/// A tiny HTTP server on loopback ("another host"); it stops when dropped.
struct CannedServer {
    base: String,
    seen: Arc<Mutex<Vec<Hit>>>,
    _stop: oneshot::Sender<()>,
}

impl CannedServer {
    async fn start(routes: Vec<Route>) -> Self {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let state = Canned {
            routes: Arc::new(routes),
            seen: seen.clone(),
        };
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let (tx, rx) = oneshot::channel::<()>();
        let app = Router::new().fallback(canned_handler).with_state(state);
        tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async { drop(rx.await) })
                .await;
        });
        CannedServer {
            base,
            seen,
            _stop: tx,
        }
    }

    fn hits(&self) -> Vec<Hit> {
        self.seen.lock().unwrap().clone()
    }
}

async fn canned_handler(State(c): State<Canned>, req: Request) -> Response {
    let hit = Hit {
        method: req.method().to_string(),
        path: req.uri().path().to_owned(),
        query: req.uri().query().unwrap_or_default().to_owned(),
        token_header: req.headers().contains_key("x-plex-token"),
        content_length: req
            .headers()
            .get("content-length")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
    };
    c.seen.lock().unwrap().push(hit.clone());
    let found = c
        .routes
        .iter()
        .find(|(m, p, ..)| *m == hit.method && *p == hit.path);
    let Some((_, _, status, headers, body)) = found else {
        return (StatusCode::NOT_FOUND, "<html><body>not here</body></html>").into_response();
    };
    let mut resp = (StatusCode::from_u16(*status).unwrap(), body.clone()).into_response();
    for (k, v) in headers {
        resp.headers_mut().insert(
            HeaderName::from_static(k),
            HeaderValue::from_str(v).unwrap(),
        );
    }
    resp
}
