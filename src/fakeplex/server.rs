//! The HTTP side: one fallback handler that reads the request into a [`Req`], applies injected
//! faults, dispatches by path (plex.tv and clients.plex.tv share one tree), and logs the outcome.
//! Also a listener whose connections a `Drop` fault can cut without answering.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::connect_info::{ConnectInfo, Connected};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use axum::serve::{IncomingStream, Listener};
use serde_json::Value;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};

use super::faults::{self, FaultKind};
use super::render::{self, html_404_body};
use super::world::World;
use super::{LoggedRequest, auth_page, v1, v2};

/// Largest request body the fake reads.
const BODY_LIMIT: usize = 1 << 20;

/// The shared state handle.
#[derive(Debug, Clone)]
pub(crate) struct App {
    pub world: Arc<Mutex<World>>,
}

impl App {
    /// Locks the world; a poisoned lock still holds usable state, so it is taken over.
    pub(crate) fn lock(&self) -> MutexGuard<'_, World> {
        self.world.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// One request, read whole.
#[derive(Debug)]
pub(crate) struct Req {
    pub method: String,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Req {
    /// A header value as text.
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// A query parameter (names compared without case, as X-Plex-* names vary in case).
    pub(crate) fn query(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// An X-Plex-* value from a header or the query string; empty counts as missing.
    pub(crate) fn plex(&self, name: &str) -> Option<&str> {
        self.header(name)
            .or_else(|| self.query(name))
            .filter(|v| !v.is_empty())
    }

    /// The token: only `X-Plex-Token` (header or query) counts.
    pub(crate) fn token(&self) -> Option<&str> {
        self.plex("X-Plex-Token")
    }

    pub(crate) fn token_in_query(&self) -> bool {
        self.query("X-Plex-Token").is_some()
    }

    pub(crate) fn client_id(&self) -> Option<&str> {
        self.plex("X-Plex-Client-Identifier")
    }

    pub(crate) fn wants_json(&self) -> bool {
        self.header("accept")
            .is_some_and(|a| a.to_ascii_lowercase().contains("application/json"))
    }

    /// The path split into segments, without empty ones (so `/api/users/` = `/api/users`).
    pub(crate) fn segs(&self) -> Vec<&str> {
        self.path.split('/').filter(|s| !s.is_empty()).collect()
    }

    /// The body as JSON, if it is JSON.
    pub(crate) fn json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// The body as an urlencoded form.
    pub(crate) fn form(&self) -> Vec<(String, String)> {
        url::form_urlencoded::parse(&self.body)
            .into_owned()
            .collect()
    }
}

/// Builds the router: a single fallback, since the fake matches paths itself.
pub(crate) fn router(app: App) -> Router {
    Router::new().fallback(handle).with_state(app)
}

async fn handle(
    State(app): State<App>,
    ConnectInfo(kill): ConnectInfo<KillSwitch>,
    req: Request,
) -> Response {
    let (parts, body) = req.into_parts();
    let Ok(body) = axum::body::to_bytes(body, BODY_LIMIT).await else {
        return render::empty(StatusCode::PAYLOAD_TOO_LARGE);
    };
    let arrived = std::time::Instant::now();
    let query = parts
        .uri
        .query()
        .map(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .into_owned()
                .collect()
        })
        .unwrap_or_default();
    let r = Req {
        method: parts.method.as_str().to_owned(),
        path: parts.uri.path().to_owned(),
        query,
        headers: parts.headers,
        body,
    };
    let (account, fault) = {
        let mut w = app.lock();
        let account = w.account_for(r.token()).map(|a| a.username.to_owned());
        (account, faults::take(&mut w.faults, &r.method, &r.path))
    };
    let resp = match fault {
        Some(FaultKind::Delay(by)) => {
            tokio::time::sleep(by).await;
            dispatch(&app, &r)
        }
        Some(FaultKind::Status {
            status,
            body,
            content_type,
        }) => canned(status, body, &content_type),
        Some(FaultKind::Redirect(to)) => render::redirect(&to),
        Some(FaultKind::Drop) => {
            kill.0.store(true, Ordering::SeqCst);
            log(&app, &r, account, 0, arrived);
            return render::empty(StatusCode::INTERNAL_SERVER_ERROR);
        }
        Some(FaultKind::Swallow) => {
            drop(dispatch(&app, &r));
            log(&app, &r, account, 0, arrived);
            return std::future::pending::<Response>().await;
        }
        None => dispatch(&app, &r),
    };
    log(&app, &r, account, resp.status().as_u16(), arrived);
    resp
}

fn canned(status: u16, body: impl Into<Body>, content_type: &str) -> Response {
    let mut resp = Response::new(body.into());
    *resp.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    if let Ok(v) = content_type.parse() {
        resp.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    resp
}

fn log(app: &App, r: &Req, account: Option<String>, status: u16, arrived: std::time::Instant) {
    let entry = LoggedRequest {
        elapsed: arrived.elapsed(),
        method: r.method.clone(),
        path: r.path.clone(),
        account,
        status,
        host_header: r.header("host").map(str::to_owned),
        had_token_in_query: r.token_in_query(),
    };
    tracing::debug!(method = %entry.method, path = %entry.path, status, "fake plex.tv request");
    app.lock().log.push(entry);
}

fn dispatch(app: &App, r: &Req) -> Response {
    let mut w = app.lock();
    let segs = r.segs();
    let out = match segs.as_slice() {
        ["api", "v2", rest @ ..] => v2::handle(&mut w, r, rest),
        ["api", rest @ ..] => v1::handle(&mut w, r, rest),
        ["auth", rest @ ..] => auth_page::handle(&mut w, r, rest),
        ["users", uuid, "avatar"] => avatar(uuid),
        _ => None,
    };
    out.unwrap_or_else(|| render::html(StatusCode::NOT_FOUND, html_404_body()))
}

/// `GET /users/{uuid}/avatar` (the `thumb` address): the same small PNG for every account.
fn avatar(uuid: &str) -> Option<Response> {
    super::world::all_accounts().find(|a| super::world::uuid(a.id) == uuid)?;
    Some(canned(200, super::AVATAR_PNG, "image/png"))
}

/// Accepts connections wrapped so that a `Drop` fault can cut them.
#[derive(Debug)]
pub(crate) struct FakeListener(pub TcpListener);

impl Listener for FakeListener {
    type Io = KillableStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            match self.0.accept().await {
                Ok((inner, addr)) => {
                    let kill = Arc::new(AtomicBool::new(false));
                    return (KillableStream { inner, kill }, addr);
                }
                // Out of file descriptors and the like: wait a moment rather than spin.
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            }
        }
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        self.0.local_addr()
    }
}

/// The per-connection switch a handler flips to have its connection closed unanswered.
#[derive(Debug, Clone)]
pub(crate) struct KillSwitch(Arc<AtomicBool>);

impl Connected<IncomingStream<'_, FakeListener>> for KillSwitch {
    fn connect_info(stream: IncomingStream<'_, FakeListener>) -> Self {
        KillSwitch(stream.io().kill.clone())
    }
}

/// A TCP stream that fails every write once killed, so hyper drops the connection instead of
/// sending the response.
#[derive(Debug)]
pub(crate) struct KillableStream {
    inner: TcpStream,
    kill: Arc<AtomicBool>,
}

impl KillableStream {
    /// An error once killed.
    fn alive(&self) -> io::Result<()> {
        if self.kill.load(Ordering::SeqCst) {
            let why = "dropped by an injected fault";
            return Err(io::Error::new(io::ErrorKind::ConnectionAborted, why));
        }
        Ok(())
    }
}

impl AsyncRead for KillableStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        self.alive()?;
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl AsyncWrite for KillableStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.alive()?;
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.alive()?;
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}
