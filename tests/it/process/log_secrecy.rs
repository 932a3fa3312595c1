//! No secret reaches the log (SPEC §4): the real binary at `RUST_LOG=trace` with JSON logs, its
//! stderr captured, through a whole journey against the fake plex.tv (owner setup, a friend
//! joining by invite, admin actions, forward auth, the API with two keys, an admin link), then
//! every log line is searched for every secret the journey handled.

use std::process::{Command, Stdio};

use plexgate::fakeplex::{
    ALICE, Account, BOB, CAROL, DAVE, FakePlex, KID, MOVIES, OWNER, SERVER_ID, STRANGER, TV,
};
use reqwest::StatusCode;

use super::{BIN, plexgate, start};
use crate::join::browser::{Browser, Page, fragment_param};
use crate::support::client;

/// The key from the config (`api.key`); another one is created on the settings page.
const CONFIG_KEY: &str = "log-secrecy-config-key-7f3a9c1e5b";
const PUBLIC: &str = "http://auth.example.com";

/// The `value` of the input with `id`.
fn input_value(page: &Page, id: &str) -> String {
    let at = page
        .body
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("#{id} in {}", page.body));
    let rest = &page.body[at..];
    let rest = &rest[rest.find("value=\"").unwrap() + 7..];
    rest[..rest.find('"').unwrap()].replace("&#x2F;", "/")
}

/// The `csrf` hidden field of a page.
fn csrf(page: &Page) -> String {
    let marker = "name=\"csrf\" value=\"";
    let at = page.body.find(marker).expect("a form with a CSRF token") + marker.len();
    page.body[at..at + page.body[at..].find('"').unwrap()].to_owned()
}

/// One OIDC round for a signed-in browser; returns every secret it handled.
async fn oidc_round(t: &Target<'_>, b: &mut Browser) -> Vec<String> {
    let cb = "https://grafana.example.com/login/generic_oauth";
    let r: serde_json::Value = client()
        .put(t.url("/api/v1/oidc/clients"))
        .bearer_auth(CONFIG_KEY)
        .json(&serde_json::json!({"clients": [{"client_id": "grafana", "redirect_uris": [cb], "allow": "friends"}]}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let secret = r["clients"][0]["client_secret"]
        .as_str()
        .unwrap()
        .to_owned();
    let q: String = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs([
            ("client_id", "grafana"),
            ("redirect_uri", cb),
            ("response_type", "code"),
            ("scope", "openid profile email groups offline_access"),
            ("state", "s"),
            ("nonce", "n"),
        ])
        .finish();
    let page = b.get(&t.url(&format!("/oidc/authorize?{q}"))).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let code = url::form_urlencoded::parse(page.location().split_once('?').unwrap().1.as_bytes())
        .find(|(k, _)| k == "code")
        .unwrap()
        .1
        .into_owned();
    let token = |form: Vec<(&'static str, String)>| {
        let secret = secret.clone();
        async move {
            let body: String = url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(form)
                .finish();
            let r = client()
                .post(t.url("/oidc/token"))
                .basic_auth("grafana", Some(secret))
                .header("content-type", "application/x-www-form-urlencoded")
                .body(body)
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), StatusCode::OK);
            r.json::<serde_json::Value>().await.unwrap()
        }
    };
    let t1 = token(vec![
        ("grant_type", "authorization_code".into()),
        ("code", code.clone()),
        ("redirect_uri", cb.into()),
    ])
    .await;
    let rt = t1["refresh_token"].as_str().unwrap().to_owned();
    let t2 = token(vec![
        ("grant_type", "refresh_token".into()),
        ("refresh_token", rt.clone()),
    ])
    .await;
    let info = client()
        .get(t.url("/oidc/userinfo"))
        .bearer_auth(t2["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(info.status(), StatusCode::OK);
    let mut out = vec![secret, code, rt];
    for t in [&t1, &t2] {
        for k in ["access_token", "refresh_token", "id_token"] {
            out.extend(t[k].as_str().map(str::to_owned));
        }
    }
    out
}

/// The running binary's origin, and the fake plex.tv it talks to.
struct Target<'a> {
    base: String,
    fake: &'a FakePlex,
}

impl Target<'_> {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Starts a sign-in at `start`, approves it as `who` at the fake, returns the callback.
    async fn sign_in(&self, b: &mut Browser, who: &Account, start: &str) -> Page {
        let page = b.get(&self.url(start)).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{start}: {}", page.body);
        let code = fragment_param(page.location(), "code").expect("a PIN code");
        assert!(self.fake.approve_pin_code(&code, who));
        b.get(&self.url("/auth/plex/callback")).await
    }

    /// GETs `path`, then POSTs `form` with the page's CSRF token to `action`.
    async fn submit(
        &self,
        b: &mut Browser,
        path: &str,
        action: &str,
        form: &[(&str, &str)],
    ) -> Page {
        let page = b.get(&self.url(path)).await;
        assert_eq!(page.status, StatusCode::OK, "{path}: {}", page.body);
        let token = csrf(&page);
        let mut all = vec![("csrf", token.as_str())];
        all.extend_from_slice(form);
        b.post(&self.url(action), &all).await
    }

    async fn api(&self, key: &str, path: &str) -> StatusCode {
        client()
            .get(self.url(path))
            .bearer_auth(key)
            .send()
            .await
            .unwrap()
            .status()
    }
}

/// Every (name, value) of a plexgate cookie a browser was given (session, admin, flow).
fn cookies_given(b: &Browser) -> Vec<(String, String)> {
    b.seen
        .iter()
        .filter_map(|s| {
            let (name, rest) = s.split_once('=')?;
            let value = rest.split(';').next()?;
            (name.contains("plexgate_") && !name.contains(char::is_whitespace) && !value.is_empty())
                .then(|| (name.to_owned(), value.to_owned()))
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_journey_at_trace_level_logs_no_secret() {
    let fake = FakePlex::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut cmd = plexgate(
        &data,
        &fake,
        &[
            ("RUST_LOG", "trace"),
            ("PLEXGATE_LOG_FORMAT", "json"),
            ("PLEXGATE_SERVER_PUBLIC_URL", PUBLIC),
            ("PLEXGATE_SSO_ENABLED", "true"),
            ("PLEXGATE_SSO_COOKIE_DOMAIN", "example.com"),
            ("PLEXGATE_OIDC_ENABLED", "true"),
            ("PLEXGATE_API_KEY", CONFIG_KEY),
            ("PLEXGATE_LIMITS_SIGNINS_PER_MINUTE", "0"),
        ],
    );
    let mut running = tokio::task::block_in_place(|| start(&mut cmd));
    let setup_url = tokio::task::block_in_place(|| {
        std::iter::repeat_with(|| running.next_line())
            .find_map(|l| l.trim().strip_prefix(PUBLIC).map(str::to_owned))
            .unwrap()
    });
    let setup_code = setup_url.split_once("code=").unwrap().1.to_owned();
    let t = Target {
        base: format!("http://{}", running.addr),
        fake: &fake,
    };
    let mut secrets: Vec<String> = vec![setup_code.clone(), CONFIG_KEY.to_owned()];

    // The owner sets up: sign-in, server, libraries and policy.
    let mut owner = Browser::new();
    let page = owner.get(&t.url(&setup_url)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let page = t
        .sign_in(
            &mut owner,
            &OWNER,
            &format!("/setup/connect?code={setup_code}"),
        )
        .await;
    assert_eq!(page.location(), "/setup/server", "{}", page.body);
    let page = t
        .submit(
            &mut owner,
            "/setup/server",
            "/setup/server",
            &[("server", SERVER_ID)],
        )
        .await;
    assert_eq!(page.location(), "/setup/libraries", "{}", page.body);
    let (movies, tv) = (MOVIES.to_string(), TV.to_string());
    let page = t
        .submit(
            &mut owner,
            "/setup/libraries",
            "/setup/libraries",
            &[
                ("libraries", &movies),
                ("libraries", &tv),
                ("policy", "invite"),
            ],
        )
        .await;
    assert_eq!(page.location(), "/admin?done=setup", "{}", page.body);

    // Admin actions: an invite link, alice on the allowlist, an API key.
    let page = t
        .submit(
            &mut owner,
            "/admin/invites",
            "/admin/invites",
            &[("max_uses", "1"), ("expires_in_days", "7")],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let page = owner.get(&t.url(page.location())).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let invite = input_value(&page, "invite-url");
    let invite_code = invite.rsplit('/').next().unwrap().to_owned();
    secrets.push(invite_code.clone());
    let page = t
        .submit(
            &mut owner,
            "/admin/access",
            "/admin/access/allow",
            &[("account", ALICE.username)],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let page = t
        .submit(
            &mut owner,
            "/admin/settings",
            "/admin/settings/keys",
            &[("name", "home script")],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let page = owner.get(&t.url(page.location())).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let made_key = input_value(&page, "new-key");
    secrets.push(made_key.clone());

    // A friend joins by the invite link.
    let mut carol = Browser::new();
    let page = carol.get(&t.url(&format!("/i/{invite_code}"))).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    t.sign_in(
        &mut carol,
        &CAROL,
        &format!("/auth/plex?invite={invite_code}"),
    )
    .await;
    assert!(
        fake.shares()
            .iter()
            .any(|s| s.user_id == CAROL.id && s.machine_id == SERVER_ID),
        "carol joined"
    );
    // ... and the owner changes her libraries.
    let page = t
        .submit(
            &mut owner,
            "/admin/users",
            &format!("/admin/users/{}/libraries", CAROL.id),
            &[("libraries", &movies)],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);

    // The API with both keys (and a wrong one); forward-auth apps set through it.
    for key in [CONFIG_KEY, made_key.as_str()] {
        assert_eq!(t.api(key, "/api/v1/status").await, StatusCode::OK);
        assert_eq!(t.api(key, "/api/v1/users").await, StatusCode::OK);
    }
    assert_eq!(
        t.api("wrong-key-0000", "/api/v1/status").await,
        StatusCode::UNAUTHORIZED
    );
    let apps = serde_json::json!({"apps": [
        {"host": "friends.example.com", "name": "Overseerr", "allow": "friends", "bypass": ["/api/"]},
    ]});
    let r = client()
        .put(t.url("/api/v1/apps"))
        .bearer_auth(&made_key)
        .json(&apps)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "{}", r.text().await.unwrap());

    // Forward auth: alice signs in for the app, then the proxy asks about her requests.
    let mut alice = Browser::new();
    let rd = "http://friends.example.com/movies?page=2";
    let login = alice
        .get(&t.url(&format!(
            "/sso/login?rd={}",
            url::form_urlencoded::byte_serialize(rd.as_bytes()).collect::<String>()
        )))
        .await;
    assert_eq!(login.status, StatusCode::OK, "{}", login.body);
    let href = login
        .body
        .split("href=\"")
        .map(|s| s.split('"').next().unwrap())
        .map(|h| h.replace("&#x2F;", "/").replace("&amp;", "&"))
        .find(|h| h.contains("/auth/plex"))
        .expect("a sign-in button");
    t.sign_in(&mut alice, &ALICE, &href).await;
    let session = alice
        .cookies
        .iter()
        .find(|(k, _)| k.contains("plexgate_session"))
        .map(|(k, v)| format!("{k}={v}"))
        .expect("alice's account cookie");
    let r = client()
        .get(t.url("/sso/auth/nginx"))
        .header("x-original-url", rd)
        .header("cookie", &session)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["remote-user"], ALICE.username);
    let r = client()
        .get(t.url("/sso/auth/nginx"))
        .header("x-original-url", rd)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);

    // OIDC: a client, alice's code (her session is reused), tokens, userinfo and a refresh.
    secrets.extend(oidc_round(&t, &mut alice).await);

    // An admin link from the CLI, used while serving; then the owner ends alice's sessions.
    let out = tokio::task::block_in_place(|| {
        Command::new(BIN)
            .env_clear()
            .env("PLEXGATE_SERVER_DATA_DIR", &data)
            .env("PLEXGATE_SERVER_PUBLIC_URL", PUBLIC)
            .arg("admin-link")
            .stdin(Stdio::null())
            .output()
            .unwrap()
    });
    assert!(out.status.success());
    let link = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    let link_token = link.split_once("?t=").unwrap().1.to_owned();
    secrets.push(link_token.clone());
    let mut by_link = Browser::new();
    let page = by_link
        .get(&t.url(&format!("/admin/link?t={link_token}")))
        .await;
    assert_eq!(page.location(), "/admin", "{}", page.body);
    let page = t
        .submit(
            &mut by_link,
            "/admin/users",
            &format!("/admin/users/{}/sessions", ALICE.id),
            &[],
        )
        .await;
    assert!(page.status.is_redirection(), "{}", page.body);

    let cookies: Vec<(String, String)> = [&owner, &carol, &alice, &by_link]
        .into_iter()
        .flat_map(cookies_given)
        .collect();
    for kind in ["plexgate_flow", "plexgate_session", "plexgate_admin"] {
        assert!(
            cookies.iter().any(|(name, _)| name.ends_with(kind)),
            "the journey was given a {kind} cookie: {cookies:?}"
        );
    }
    secrets.extend(cookies.into_iter().map(|(_, value)| value));
    for a in [OWNER, ALICE, BOB, CAROL, DAVE, KID, STRANGER] {
        // Tokens the fake mints for a sign-in start with the account's well-known one.
        secrets.push(a.token.to_owned());
    }

    let (_, log, _) = tokio::task::block_in_place(|| running.terminate());
    let lines: Vec<&str> = log.lines().filter(|l| !l.trim().is_empty()).collect();
    for line in &lines {
        assert!(
            serde_json::from_str::<serde_json::Value>(line).is_ok(),
            "log.format=json writes JSON lines: {line}"
        );
    }
    assert!(
        lines.iter().any(|l| l.contains("\"TRACE\"")),
        "RUST_LOG=trace took effect"
    );
    assert!(
        lines.iter().any(|l| l.contains("\"route\"")),
        "request logs are written"
    );
    // A request's line is INFO, and WARN only for a 5xx answer.
    let mut requests = 0;
    for line in &lines {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let Some(status) = v["fields"]["status"].as_u64() else {
            continue;
        };
        if v["fields"]["message"] != "request" {
            continue;
        }
        let level = if status >= 500 { "WARN" } else { "INFO" };
        assert_eq!(v["level"], level, "{line}");
        requests += 1;
    }
    assert!(requests > 0, "request lines carry their status");
    for line in &lines {
        // SPEC §3: the first-run setup link is printed to stdout and announced once in the log.
        if line.contains("open the one-time setup link") {
            continue;
        }
        for secret in &secrets {
            assert!(
                !line.contains(secret.as_str()),
                "a secret ({secret}) reached the log: {line}"
            );
        }
    }
}
