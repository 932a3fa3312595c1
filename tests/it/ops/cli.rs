//! The real binary: `check` against the fake plex.tv (passing, failing, a running server),
//! `backup`/`restore` refused while serving, and `admin-link` links that work once.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use plexgate::access::admin_link::ADMIN_LINK_TTL;
use plexgate::fakeplex::{self, FakePlex};

use crate::support::{TestApp, client};

const BIN: &str = env!("CARGO_BIN_EXE_plexgate");

/// Runs the binary off the async workers (the fake plex.tv answers on them meanwhile).
async fn plexgate(data: &Path, args: &[&str], vars: &[(&str, String)]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.env_clear()
        .env("PLEXGATE_SERVER_DATA_DIR", data)
        .current_dir(data.parent().unwrap())
        .args(args);
    for (k, v) in vars {
        cmd.env(k, v);
    }
    tokio::task::spawn_blocking(move || cmd.output().unwrap())
        .await
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// `check` always prints the same six lines, in order, whatever failed.
fn assert_six_lines(text: &str) {
    let names: Vec<&str> = text
        .lines()
        .map(|l| l.split(": ").next().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "config",
            "store",
            "plex.tv",
            "owner token",
            "server",
            "libraries"
        ],
        "{text}"
    );
}

fn fake_vars(fake: &FakePlex, token: &str, server: &str) -> Vec<(&'static str, String)> {
    vec![
        ("PLEXGATE_PLEX_API_URL", fake.base_url()),
        ("PLEXGATE_PLEX_CLIENTS_URL", fake.base_url()),
        ("PLEXGATE_PLEX_AUTH_URL", fake.auth_url()),
        ("PLEXGATE_PLEX_TOKEN", token.to_owned()),
        ("PLEXGATE_PLEX_SERVER", server.to_owned()),
        ("PLEXGATE_ACCESS_LIBRARIES", "Movies,TV Shows".to_owned()),
    ]
}

#[tokio::test(flavor = "multi_thread")]
async fn check_passes_against_the_fake_and_says_why_it_fails() {
    let fake = FakePlex::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let vars = fake_vars(&fake, fakeplex::OWNER.token, fakeplex::SERVER_ID);
    let out = plexgate(&data, &["check"], &vars).await;
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    for line in [
        "config: ok",
        "store: ok",
        "plex.tv: reachable",
        "owner token: valid",
        &format!("server: found {}", fakeplex::SERVER_NAME),
        "libraries: resolvable (Movies, TV Shows)",
    ] {
        assert!(text.contains(line), "{line} missing in:\n{text}");
    }
    assert_six_lines(&text);

    let out = plexgate(
        &data,
        &["check"],
        &fake_vars(&fake, "bad-token", fakeplex::SERVER_ID),
    )
    .await;
    let text = stdout(&out);
    assert!(!out.status.success(), "{text}");
    assert!(
        text.contains("owner token: invalid: plex.tv refused the token"),
        "{text}"
    );
    assert!(
        text.contains("server: skipped: needs a valid owner token"),
        "{text}"
    );
    assert_six_lines(&text);

    let out = plexgate(
        &data,
        &["check"],
        &fake_vars(&fake, fakeplex::OWNER.token, "Nope"),
    )
    .await;
    let text = stdout(&out);
    assert!(!out.status.success(), "{text}");
    assert!(
        text.contains("server: not found: plex.server \"Nope\""),
        "{text}"
    );
    assert!(
        text.contains("libraries: skipped: needs the server"),
        "{text}"
    );
    assert_six_lines(&text);

    let mut bad_libs = vars.clone();
    bad_libs.push(("PLEXGATE_ACCESS_LIBRARIES", "Anime".to_owned()));
    let out = plexgate(&data, &["check"], &bad_libs).await;
    let text = stdout(&out);
    assert!(!out.status.success(), "{text}");
    assert!(
        text.contains("libraries: access.libraries: unknown libraries: \"Anime\""),
        "{text}"
    );

    let mut bad_config = vars.clone();
    bad_config.push(("PLEXGATE_ACCESS_POLICY", "everyone".to_owned()));
    let out = plexgate(&data, &["check"], &bad_config).await;
    assert!(!out.status.success());
    assert!(
        stdout(&out).starts_with("config: invalid"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("store: skipped: the config is invalid"));
    assert_six_lines(&stdout(&out));

    // No owner yet: plex.tv is not asked, and that is said, not passed.
    let fresh = dir.path().join("fresh");
    let no_owner: Vec<(&str, String)> = vars
        .iter()
        .filter(|(k, _)| *k != "PLEXGATE_PLEX_TOKEN")
        .cloned()
        .collect();
    let out = plexgate(&fresh, &["check"], &no_owner).await;
    let text = stdout(&out);
    assert!(!out.status.success(), "{text}");
    assert!(
        text.contains("plex.tv: skipped: no owner token to ask it with"),
        "{text}"
    );
    assert!(text.contains("owner token: not configured"), "{text}");
    assert_six_lines(&text);
}

#[tokio::test(flavor = "multi_thread")]
async fn while_serving_check_reports_the_server_and_backup_restore_refuse() {
    let mut app = TestApp::with_fake(&[]).await;
    // Kept past `stop()`, which drops the app and its temporary dir.
    let dir = std::mem::replace(&mut app.dir, tempfile::tempdir().unwrap());
    let data = dir.path().join("data");
    let listen = vec![("PLEXGATE_SERVER_LISTEN", app.addr.to_string())];
    let out = plexgate(&data, &["check"], &listen).await;
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("a plexgate server is running on this data dir"),
        "{text}"
    );
    assert!(
        text.contains("plex.tv reachable, owner token valid, store ok"),
        "{text}"
    );
    assert!(
        text.contains("server: skipped: the running server holds the store"),
        "{text}"
    );
    assert_six_lines(&text);

    let file = dir.path().join("manual.redb");
    for cmd in ["backup", "restore"] {
        let out = plexgate(&data, &[cmd, file.to_str().unwrap()], &[]).await;
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("a plexgate server is running on this data dir"),
            "{err}"
        );
    }

    app.stop().await;
    let out = plexgate(&data, &["backup", file.to_str().unwrap()], &[]).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout(&out).contains("backup written"), "{}", stdout(&out));
    let out = plexgate(&data, &["restore", file.to_str().unwrap()], &[]).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout(&out).contains("plexgate.redb.before-restore-"),
        "{}",
        stdout(&out)
    );
}

/// The link `admin-link` prints for `app`.
async fn admin_link(app: &TestApp) -> String {
    let data = app.dir.path().join("data");
    let vars = vec![("PLEXGATE_SERVER_PUBLIC_URL", app.origin.clone())];
    let out = plexgate(&data, &["admin-link"], &vars).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let link = stdout(&out).trim().to_owned();
    assert!(
        link.starts_with(&format!("{}/admin/link?t=", app.origin)),
        "{link}"
    );
    link
}

/// When the binary signed `link`, read from the expiry it carries (`base64url(expiry ‖ …)`): the
/// binary signs with the system clock, so the test puts the server's clock on the same instant.
fn signed_at(link: &str) -> SystemTime {
    use base64::Engine as _;
    let token = link.split("?t=").nth(1).unwrap();
    let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(token)
        .unwrap();
    let expiry = u64::from_be_bytes(raw[..8].try_into().unwrap());
    UNIX_EPOCH + Duration::from_secs(expiry) - ADMIN_LINK_TTL
}

#[tokio::test(flavor = "multi_thread")]
async fn an_admin_link_works_once_while_serving_and_expires_after_ten_minutes() {
    let app = TestApp::with_fake(&[]).await;
    let http = client();
    let link = admin_link(&app).await;
    app.clock.set(signed_at(&link));
    let resp = http.get(&link).send().await.unwrap();
    assert_eq!(resp.status(), 303);
    assert_eq!(resp.headers()["location"], "/admin");
    let cookie = resp.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("plexgate_admin="), "{cookie}");
    let pair = cookie.split(';').next().unwrap();
    let admin = http
        .get(app.url("/admin"))
        .header("cookie", pair)
        .send()
        .await
        .unwrap();
    assert_eq!(admin.status(), 200);
    assert!(
        admin
            .text()
            .await
            .unwrap()
            .contains(fakeplex::OWNER.username)
    );

    let again = http.get(&link).send().await.unwrap();
    assert_eq!(again.status(), 403, "a link works once");
    assert!(again.headers().get("set-cookie").is_none());

    let late = admin_link(&app).await;
    app.clock.set(signed_at(&late) + ADMIN_LINK_TTL);
    assert_eq!(http.get(&late).send().await.unwrap().status(), 403);

    let events = app
        .store()
        .read_blocking(|tx| {
            let f = plexgate::store::EventFilter {
                kind: Some("admin_link".into()),
                ..Default::default()
            };
            Ok(tx.events_page(None, 10, &f)?.events)
        })
        .unwrap();
    let outcomes: Vec<(&str, &str)> = events
        .iter()
        .rev()
        .map(|e| (e.outcome.as_str(), e.detail.as_str()))
        .collect();
    assert_eq!(
        outcomes,
        [
            ("ok", "admin sign-in link used"),
            ("refused", "this admin link was already used"),
            ("refused", "this admin link has expired"),
        ]
    );
}
