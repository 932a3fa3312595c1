//! A cookie-keeping sign-in walk against the app and its fake plex.tv, and a local receiver
//! for notifications.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::collections::BTreeMap;
use std::time::Duration;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::routing::post;
use plexgate::fakeplex::Account;
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use tokio::net::TcpListener;
use tokio::sync::mpsc;

use crate::support::{TestApp, client};

/// One answer, read fully.
pub struct Page {
    pub status: u16,
    pub location: String,
    pub body: String,
}

/// Keeps cookies between requests.
#[derive(Default)]
pub struct Jar(BTreeMap<String, String>);

impl Jar {
    pub async fn get(&mut self, url: &str) -> Page {
        let mut req = client().get(url);
        if !self.0.is_empty() {
            let header: Vec<String> = self.0.iter().map(|(k, v)| format!("{k}={v}")).collect();
            req = req.header(COOKIE, header.join("; "));
        }
        self.finish(req.send().await.unwrap()).await
    }

    pub async fn post_form(&mut self, url: &str, form: &[(&str, &str)]) -> Page {
        let body: String = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form)
            .finish();
        let mut req = client()
            .post(url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body);
        if !self.0.is_empty() {
            let header: Vec<String> = self.0.iter().map(|(k, v)| format!("{k}={v}")).collect();
            req = req.header(COOKIE, header.join("; "));
        }
        self.finish(req.send().await.unwrap()).await
    }

    async fn finish(&mut self, resp: reqwest::Response) -> Page {
        for v in resp.headers().get_all(SET_COOKIE) {
            let v = v.to_str().unwrap();
            let (name, value) = v.split(';').next().unwrap().split_once('=').unwrap();
            if v.contains("Max-Age=0") {
                self.0.remove(name);
            } else {
                self.0.insert(name.to_owned(), value.to_owned());
            }
        }
        let status = resp.status().as_u16();
        let location = resp
            .headers()
            .get(LOCATION)
            .map(|l| l.to_str().unwrap().to_owned())
            .unwrap_or_default();
        Page {
            status,
            location,
            body: resp.text().await.unwrap(),
        }
    }
}

/// A parameter of the `#?a=b` fragment of Plex's sign-in URL.
pub fn fragment_param(location: &str, name: &str) -> String {
    let (_, frag) = location.split_once("#?").expect("a fragment");
    url::form_urlencoded::parse(frag.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
        .expect("the parameter")
}

/// Starts at `start`, approves the PIN as `who` in the fake, returns the page the callback
/// leads to (its 303 to `/me?welcome=1`, `/request` or `/auth/plex/result` followed, as a
/// browser would).
pub async fn sign_in(app: &TestApp, who: &Account, start: &str) -> (Jar, Page) {
    let mut jar = Jar::default();
    let page = jar.get(&app.url(start)).await;
    assert_eq!(page.status, 303, "{}", page.body);
    let code = fragment_param(&page.location, "code");
    assert!(app.fake().approve_pin_code(&code, who));
    let mut page = jar.get(&app.url("/auth/plex/callback")).await;
    let local = page.location.strip_prefix(app.state.prefix()).unwrap_or("");
    let outcome = ["/request", "/auth/plex/result"].contains(&local);
    if page.status == 303 && (local.starts_with("/me?welcome=1") || outcome) {
        page = jar.get(&format!("{}{}", app.origin, page.location)).await;
    }
    (jar, page)
}

/// The value of a hidden input.
pub fn hidden_value(body: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = body.find(&marker).expect("hidden input") + marker.len();
    let end = body[start..].find('"').unwrap();
    body[start..start + end].to_owned()
}

/// One POST a receiver got.
#[derive(Debug, Clone)]
pub struct Got {
    /// The path's last segment (`webhook`, `discord`, `ntfy`).
    pub channel: String,
    pub title: Option<String>,
    pub content_type: String,
    pub body: String,
}

/// An axum server on 127.0.0.1:0 recording every POST to `/{channel}`; `/hang` never answers.
pub struct Receiver {
    pub base: String,
    rx: mpsc::UnboundedReceiver<Got>,
}

async fn record(
    State(tx): State<mpsc::UnboundedSender<Got>>,
    Path(channel): Path<String>,
    headers: HeaderMap,
    body: String,
) -> &'static str {
    if channel == "hang" {
        std::future::pending::<()>().await;
    }
    let text = |k: &str| headers.get(k).map(|v| v.to_str().unwrap().to_owned());
    let _ = tx.send(Got {
        channel,
        title: text("title"),
        content_type: text("content-type").unwrap_or_default(),
        body,
    });
    "ok"
}

impl Receiver {
    pub async fn start() -> Receiver {
        let (tx, rx) = mpsc::unbounded_channel();
        let app = Router::new()
            .route("/{channel}", post(record))
            .with_state(tx);
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        Receiver { base, rx }
    }

    pub fn url(&self, channel: &str) -> String {
        format!("{}/{channel}", self.base)
    }

    /// The next POST (a bound, not a wait for readiness: it fails the test if nothing comes).
    pub async fn next(&mut self) -> Got {
        tokio::time::timeout(Duration::from_secs(20), self.rx.recv())
            .await
            .expect("a notification arrives")
            .expect("receiver open")
    }

    /// The next three POSTs (one per channel), by channel.
    pub async fn next_three(&mut self) -> BTreeMap<String, Got> {
        let mut by = BTreeMap::new();
        while by.len() < 3 {
            let g = self.next().await;
            by.insert(g.channel.clone(), g);
        }
        by
    }
}
