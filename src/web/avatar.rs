//! `GET /assets/owner-avatar`: the owner's avatar on the welcome and invite pages (issue 20),
//! read from plex.tv when the owner connects (`Access::owner_avatar`) and served from
//! plexgate's own address, so the CSP keeps images to `'self'` and a friend's browser never
//! calls plex.tv. Without an image the pages show the owner's initial.

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::web::AppState;

/// `GET /assets/owner-avatar`: the kept image, else 404.
pub async fn serve(State(state): State<AppState>) -> Response {
    match state.access.owner_avatar() {
        Some(a) => {
            let hour = "public, max-age=3600";
            let headers = [
                (header::CONTENT_TYPE, a.content_type),
                (header::CACHE_CONTROL, hour),
            ];
            (headers, a.bytes.clone()).into_response()
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
