//! What the real-proxy tests share: a free loopback port for the proxy, an upstream that echoes
//! the `Remote-User` it got, and the proxy's first answer once it listens.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::SocketAddr;

use tokio::net::TcpListener;

use crate::programs::Spawned;

/// A loopback port nobody listens on (for the proxy, which binds it itself).
pub fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

/// A tiny upstream app that answers with the `Remote-User` it got: `remote-user=Some("alice")`
/// or `remote-user=None`.
pub async fn echo_upstream() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = axum::Router::new().fallback(|h: axum::http::HeaderMap| async move {
        let user = h
            .get("remote-user")
            .map(|v| v.to_str().unwrap_or("?").to_owned());
        format!("remote-user={user:?}")
    });
    tokio::spawn(async move { axum::serve(listener, app).await });
    addr
}

/// The first answer of a proxy that is still starting: retries while the connection is refused
/// (a connection, not a sleep, proves readiness), failing at once if the process has exited.
pub async fn first_answer<F, Fut>(proxy: &mut Spawned, mut send: F) -> reqwest::Response
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = reqwest::Result<reqwest::Response>>,
{
    for _ in 0..500 {
        if let Ok(r) = send().await {
            return r;
        }
        if let Some(status) = proxy.child.try_wait().unwrap() {
            panic!("the proxy exited before answering: {status}");
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("the proxy did not answer within 5 seconds");
}
