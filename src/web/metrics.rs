//! `GET /metrics` (SPEC §4, §7): Prometheus text for peers in `server.trusted_proxies` (loopback
//! by default, where a scraper usually sits) or a caller with a valid API key; 401 otherwise.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::web::AppState;
use crate::web::api::ApiKey;
use crate::web::client_ip::is_trusted;

/// Answers the registry's text after refreshing the store-backed gauges.
pub async fn metrics(State(state): State<AppState>, request: Request) -> Response {
    let (mut parts, _body) = request.into_parts();
    // The socket peer, not X-Forwarded-For: a forwarded address proves nothing about who asks.
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let trusted = peer.is_some_and(|ip| is_trusted(ip, &state.config.server.trusted_proxies));
    if !trusted && let Err(rejection) = ApiKey::from_request_parts(&mut parts, &state).await {
        return rejection.into_response();
    }
    state.access.refresh_gauges().await;
    (
        [(header::CONTENT_TYPE, crate::metrics::CONTENT_TYPE)],
        state.metrics.render(),
    )
        .into_response()
}
