//! A small browser: keeps cookies from `set-cookie`, sends them back, records every body and
//! `set-cookie` it saw (to prove no token ever leaks), and signs in through the fake plex.tv.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::collections::BTreeMap;

use plexgate::fakeplex::Account;
use reqwest::StatusCode;
use reqwest::header::{COOKIE, HeaderMap, LOCATION, SET_COOKIE};

use crate::support::{TestApp, client};

/// One answer, read fully.
#[derive(Debug)]
pub struct Page {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Page {
    /// The `Location` header.
    pub fn location(&self) -> &str {
        self.headers
            .get(LOCATION)
            .map(|v| v.to_str().unwrap())
            .unwrap_or_default()
    }

    /// Whether this is the "You're in" page (an accepted share).
    pub fn says_in(&self) -> bool {
        self.status == StatusCode::OK && self.body.contains("<h1>You&#x27;re in</h1>")
    }

    /// Every `set-cookie` value.
    pub fn set_cookies(&self) -> Vec<String> {
        self.headers
            .get_all(SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .collect()
    }
}

/// A cookie-keeping client.
pub struct Browser {
    client: reqwest::Client,
    pub cookies: BTreeMap<String, String>,
    /// Every body and `set-cookie` seen, for the "no token anywhere" check.
    pub seen: Vec<String>,
    /// Sent as `Accept-Language` when set.
    pub lang: Option<String>,
}

impl Default for Browser {
    fn default() -> Self {
        Self::new()
    }
}

impl Browser {
    pub fn new() -> Self {
        Self {
            client: client(),
            cookies: BTreeMap::new(),
            seen: Vec::new(),
            lang: None,
        }
    }

    /// A browser whose `Accept-Language` is `lang`.
    pub fn speaking(lang: &str) -> Self {
        Self {
            lang: Some(lang.to_owned()),
            ..Self::new()
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn finish(&mut self, resp: reqwest::Response) -> Page {
        let status = resp.status();
        let headers = resp.headers().clone();
        for v in headers.get_all(SET_COOKIE) {
            let v = v.to_str().unwrap();
            self.seen.push(v.to_owned());
            let pair = v.split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            if v.contains("Max-Age=0") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_owned(), value.to_owned());
            }
        }
        let body = resp.text().await.unwrap();
        self.seen.push(body.clone());
        Page {
            status,
            headers,
            body,
        }
    }

    /// GET `url` with the cookies kept so far.
    pub async fn get(&mut self, url: &str) -> Page {
        self.get_with(url, &[]).await
    }

    /// GET with extra headers.
    pub async fn get_with(&mut self, url: &str, extra: &[(&str, &str)]) -> Page {
        let mut req = self.client.get(url);
        if !self.cookies.is_empty() {
            req = req.header(COOKIE, self.cookie_header());
        }
        if let Some(l) = &self.lang {
            req = req.header("accept-language", l);
        }
        for (k, v) in extra {
            req = req.header(*k, *v);
        }
        let resp = req.send().await.unwrap();
        self.finish(resp).await
    }

    /// POST a form.
    pub async fn post(&mut self, url: &str, form: &[(&str, &str)]) -> Page {
        let body: String = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form)
            .finish();
        let mut req = self
            .client
            .post(url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body);
        if !self.cookies.is_empty() {
            req = req.header(COOKIE, self.cookie_header());
        }
        if let Some(l) = &self.lang {
            req = req.header("accept-language", l);
        }
        let resp = req.send().await.unwrap();
        self.finish(resp).await
    }

    /// Starts a sign-in at `start` (`/auth/plex?...`) and returns the PIN code from the 303.
    pub async fn start(&mut self, app: &TestApp, start: &str) -> String {
        let page = self.get(&app.url(start)).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
        fragment_param(page.location(), "code").expect("code in the sign-in URL")
    }

    /// Starts at `start`, approves as `who` in the fake, and returns the callback's answer.
    pub async fn callback(&mut self, app: &TestApp, who: &Account, start: &str) -> Page {
        let code = self.start(app, start).await;
        assert!(app.fake().approve_pin_code(&code, who));
        self.get(&app.url("/auth/plex/callback")).await
    }

    /// As [`Browser::callback`], then follows the callback's 303 to the page showing the
    /// outcome (`/me?welcome=1…`, `/request`, `/auth/plex/result`) as a browser would; any
    /// other answer as it is.
    pub async fn sign_in(&mut self, app: &TestApp, who: &Account, start: &str) -> Page {
        let page = self.callback(app, who, start).await;
        self.land(app, page).await
    }

    /// Follows the callback's 303 to the page showing the outcome; any other answer as it is.
    pub async fn land(&mut self, app: &TestApp, page: Page) -> Page {
        if is_outcome_redirect(app, &page) {
            self.follow(app, &page).await
        } else {
            page
        }
    }

    /// Follows one 303 (relative to the app's origin).
    pub async fn follow(&mut self, app: &TestApp, page: &Page) -> Page {
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
        let url = format!("{}{}", app.origin, page.location());
        self.get(&url).await
    }
}

/// Whether `page` is the callback's 303 to the page that shows a sign-in's outcome.
pub fn is_outcome_redirect(app: &TestApp, page: &Page) -> bool {
    let prefix = app.state.prefix();
    page.status == StatusCode::SEE_OTHER
        && page.location().strip_prefix(prefix).is_some_and(|l| {
            l.starts_with("/me?welcome=1") || l == "/request" || l == "/auth/plex/result"
        })
}

/// A parameter of the `#?a=b&c=d` fragment Plex's auth URL carries.
pub fn fragment_param(location: &str, name: &str) -> Option<String> {
    let (_, frag) = location.split_once("#?")?;
    url::form_urlencoded::parse(frag.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}
