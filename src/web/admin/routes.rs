//! A router that keeps its own table: each route is added with the guard its handler's
//! extractor applies, so the route-walk test reads the very table the server is built from.

use axum::Router;
use axum::handler::Handler;
use axum::http::Method;
use axum::routing::{get, post};

use crate::web::AppState;

/// Who may call a route (the handler's extractor enforces it; the table says it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guard {
    /// Anyone: sign-in pages, and the setup pages that check the setup code themselves.
    Public,
    /// The owner and co-admins (`AdminSession`, `AdminPost`).
    Admin,
    /// The owner only (`OwnerSession`, `OwnerPost`): a co-admin gets the "Owner only" page.
    Owner,
}

/// One served route, with the full path it has in the app (`{…}` parameters as in axum).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub method: Method,
    pub path: String,
    pub guard: Guard,
}

/// A router under `base` and the table of what it serves.
pub struct Routes {
    base: &'static str,
    pub router: Router<AppState>,
    pub table: Vec<Route>,
}

impl Routes {
    /// An empty router whose routes are nested at `base` ("" for none).
    pub fn under(base: &'static str) -> Self {
        Self {
            base,
            router: Router::new(),
            table: Vec::new(),
        }
    }

    /// `GET path`.
    pub fn get<H: Handler<T, AppState>, T: 'static>(self, path: &str, g: Guard, h: H) -> Self {
        self.add(Method::GET, path, g, get(h))
    }

    /// `POST path`.
    pub fn post<H: Handler<T, AppState>, T: 'static>(self, path: &str, g: Guard, h: H) -> Self {
        self.add(Method::POST, path, g, post(h))
    }

    fn add(
        mut self,
        method: Method,
        path: &str,
        guard: Guard,
        on: axum::routing::MethodRouter<AppState>,
    ) -> Self {
        // `/` of a nested router is the base itself.
        let full = match path {
            "/" if !self.base.is_empty() => self.base.to_owned(),
            p => format!("{}{p}", self.base),
        };
        self.table.push(Route {
            method,
            path: full,
            guard,
        });
        // Routes on one path join one method router.
        self.router = self.router.route(path, on);
        self
    }
}
