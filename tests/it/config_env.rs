//! Every env override of SPEC §5, checked against the spec's env names written out here (not
//! taken from `KEYS`), plus the `_FILE` variants of the secrets. The env is an injected closure;
//! the process environment is never touched.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Duration;

use plexgate::config::{Config, ConfigError, KEYS, LibraryRef, LogFormat, Policy, SsoRule};

struct Case {
    env: &'static str,
    key: &'static str,
    value: &'static str,
    changed: fn(&Config) -> bool,
}

const fn case(
    env: &'static str,
    key: &'static str,
    value: &'static str,
    changed: fn(&Config) -> bool,
) -> Case {
    Case {
        env,
        key,
        value,
        changed,
    }
}

fn secret_is(s: &Option<plexgate::secret::Secret>, want: &str) -> bool {
    s.as_ref().is_some_and(|s| s.expose() == want)
}

/// SPEC §5, one row each, with a non-default value.
const CASES: &[Case] = &[
    case(
        "PLEXGATE_SERVER_LISTEN",
        "server.listen",
        "0.0.0.0:9000",
        |c| c.server.listen.to_string() == "0.0.0.0:9000",
    ),
    case(
        "PLEXGATE_SERVER_PUBLIC_URL",
        "server.public_url",
        "https://ex.com/plex/",
        |c| {
            c.server.public_url.base() == "https://ex.com/plex"
                && c.server.public_url.path_prefix() == "/plex"
        },
    ),
    case(
        "PLEXGATE_SERVER_DATA_DIR",
        "server.data_dir",
        "/var/lib/plexgate",
        |c| c.server.data_dir == Path::new("/var/lib/plexgate"),
    ),
    case(
        "PLEXGATE_SERVER_TRUSTED_PROXIES",
        "server.trusted_proxies",
        "10.0.0.0/8, 172.17.0.1",
        |c| {
            c.server
                .trusted_proxies
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                == ["10.0.0.0/8", "172.17.0.1/32"]
        },
    ),
    case("PLEXGATE_LOG_FORMAT", "log.format", "json", |c| {
        c.log.format == LogFormat::Json
    }),
    case("PLEXGATE_EVENTS_KEEP_DAYS", "events.keep_days", "90", |c| {
        c.events.keep_days == 90
    }),
    case(
        "PLEXGATE_PLEX_API_URL",
        "plex.api_url",
        "http://127.0.0.1:5000",
        |c| c.plex.api_url.as_str() == "http://127.0.0.1:5000/",
    ),
    case(
        "PLEXGATE_PLEX_CLIENTS_URL",
        "plex.clients_url",
        "http://127.0.0.1:5001",
        |c| c.plex.clients_url.as_str() == "http://127.0.0.1:5001/",
    ),
    case(
        "PLEXGATE_PLEX_AUTH_URL",
        "plex.auth_url",
        "http://127.0.0.1:5002/auth",
        |c| c.plex.auth_url.as_str() == "http://127.0.0.1:5002/auth",
    ),
    case("PLEXGATE_PLEX_TOKEN", "plex.token", "owner-tok", |c| {
        secret_is(&c.plex.token, "owner-tok")
    }),
    case("PLEXGATE_PLEX_SERVER", "plex.server", "Basement", |c| {
        c.plex.server.as_deref() == Some("Basement")
    }),
    case("PLEXGATE_ACCESS_POLICY", "access.policy", "open", |c| {
        c.access.policy == Policy::Open
    }),
    case(
        "PLEXGATE_ACCESS_LIBRARIES",
        "access.libraries",
        "Movies, 12",
        |c| {
            c.access.libraries == Some(vec![LibraryRef::Title("Movies".into()), LibraryRef::Id(12)])
        },
    ),
    case(
        "PLEXGATE_ACCESS_ALLOW_DOWNLOADS",
        "access.allow_downloads",
        "true",
        |c| c.access.allow_downloads,
    ),
    case(
        "PLEXGATE_ACCESS_ALLOW_LIVE_TV",
        "access.allow_live_tv",
        "true",
        |c| c.access.allow_live_tv,
    ),
    case(
        "PLEXGATE_ACCESS_ALLOW_CAMERA_UPLOAD",
        "access.allow_camera_upload",
        "true",
        |c| c.access.allow_camera_upload,
    ),
    case(
        "PLEXGATE_SESSION_LIFETIME",
        "session.lifetime",
        "12h",
        |c| c.session.lifetime == Duration::from_secs(43_200),
    ),
    case("PLEXGATE_SESSION_IDLE", "session.idle", "90s", |c| {
        c.session.idle == Duration::from_secs(90)
    }),
    case("PLEXGATE_ADMIN_IDLE", "admin.idle", "2h", |c| {
        c.admin.idle == Duration::from_secs(7_200)
    }),
    case(
        "PLEXGATE_LIMITS_SIGNINS_PER_MINUTE",
        "limits.signins_per_minute",
        "0",
        |c| c.limits.signins_per_minute == 0,
    ),
    case(
        "PLEXGATE_RECONCILE_INTERVAL",
        "reconcile.interval",
        "1m",
        |c| c.reconcile.interval == Duration::from_secs(60),
    ),
    case(
        "PLEXGATE_RECONCILE_MAX_REMOVALS",
        "reconcile.max_removals",
        "50",
        |c| c.reconcile.max_removals == 50,
    ),
    case("PLEXGATE_BACKUP_KEEP", "backup.keep", "30", |c| {
        c.backup.keep == 30
    }),
    case(
        "PLEXGATE_NOTIFY_WEBHOOK_URL",
        "notify.webhook_url",
        "https://h.example/x",
        |c| secret_is(&c.notify.webhook_url, "https://h.example/x"),
    ),
    case(
        "PLEXGATE_NOTIFY_DISCORD_URL",
        "notify.discord_url",
        "https://d.example/y",
        |c| secret_is(&c.notify.discord_url, "https://d.example/y"),
    ),
    case(
        "PLEXGATE_NOTIFY_NTFY_URL",
        "notify.ntfy_url",
        "https://ntfy.example/z",
        |c| secret_is(&c.notify.ntfy_url, "https://ntfy.example/z"),
    ),
    case("PLEXGATE_API_KEY", "api.key", "bootstrap-key", |c| {
        secret_is(&c.api.key, "bootstrap-key")
    }),
    case("PLEXGATE_SSO_ENABLED", "sso.enabled", "1", |c| {
        c.sso.enabled
    }),
    case(
        "PLEXGATE_SSO_COOKIE_DOMAIN",
        "sso.cookie_domain",
        // Must contain the public URL's host (`ex.com` in `all_env_overrides_at_once`).
        "ex.com",
        |c| c.sso.cookie_domain.as_deref() == Some("ex.com"),
    ),
    case(
        "PLEXGATE_SSO_DEFAULT_ALLOW",
        "sso.default_allow",
        "friends",
        |c| c.sso.default_allow == SsoRule::Friends,
    ),
    case("PLEXGATE_OIDC_ENABLED", "oidc.enabled", "true", |c| {
        c.oidc.enabled
    }),
];

/// The secrets of SPEC §5 that also accept `<NAME>_FILE`.
const FILE_SECRETS: &[&str] = &[
    "PLEXGATE_PLEX_TOKEN",
    "PLEXGATE_NOTIFY_WEBHOOK_URL",
    "PLEXGATE_NOTIFY_DISCORD_URL",
    "PLEXGATE_NOTIFY_NTFY_URL",
    "PLEXGATE_API_KEY",
];

fn load(env: &dyn Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
    Config::from_toml_str("", Path::new("test.toml"), env)
}

#[test]
fn every_env_override_changes_its_field() {
    let defaults = Config::default();
    for case in CASES {
        assert!(
            !(case.changed)(&defaults),
            "{}: test value equals the default",
            case.env
        );
        let env = |name: &str| {
            if name == case.env {
                Some(case.value.to_owned())
            } else if case.env == "PLEXGATE_SSO_ENABLED" && name == "PLEXGATE_SSO_COOKIE_DOMAIN" {
                // Enabling forward auth requires a cookie domain containing the public host.
                Some("example.com".to_owned())
            } else if case.env == "PLEXGATE_SSO_ENABLED" && name == "PLEXGATE_SERVER_PUBLIC_URL" {
                Some("https://auth.example.com".to_owned())
            } else {
                None
            }
        };
        let c = load(&env).unwrap_or_else(|e| panic!("{}: {e}", case.env));
        assert!(
            (case.changed)(&c),
            "{} did not change {}",
            case.env,
            case.key
        );
        assert!(c.is_set(case.key), "{} not marked set", case.key);
    }
}

#[test]
fn all_env_overrides_at_once() {
    let env = |name: &str| {
        CASES
            .iter()
            .find(|c| c.env == name)
            .map(|c| c.value.to_owned())
    };
    let c = load(&env).unwrap();
    for case in CASES {
        assert!((case.changed)(&c) && c.is_set(case.key), "{}", case.env);
    }
}

#[test]
fn key_table_has_exactly_the_spec_env_names() {
    let spec: BTreeSet<&str> = CASES.iter().map(|c| c.env).collect();
    assert_eq!(spec.len(), 31);
    let table: BTreeSet<&str> = KEYS.iter().filter_map(|k| k.env).collect();
    assert_eq!(table, spec);
    for key in KEYS.iter().filter(|k| k.env.is_some()) {
        let case = CASES.iter().find(|c| Some(c.env) == key.env).unwrap();
        assert_eq!(case.key, key.dotted());
    }
    let with_file: BTreeSet<&str> = KEYS
        .iter()
        .filter(|k| k.file_env)
        .filter_map(|k| k.env)
        .collect();
    assert_eq!(with_file, FILE_SECRETS.iter().copied().collect());
}

#[test]
fn every_file_variant_reads_the_file() {
    let dir = tempfile::tempdir().unwrap();
    for (i, var) in FILE_SECRETS.iter().enumerate() {
        let path = dir.path().join(format!("secret{i}"));
        let ending = if i % 2 == 0 { "\n" } else { "\r\n" };
        std::fs::write(&path, format!("from-file-{i}{ending}")).unwrap();
        let file_var = format!("{var}_FILE");
        let path_str = path.to_str().unwrap().to_owned();
        let env = |name: &str| (name == file_var).then(|| path_str.clone());
        let c = load(&env).unwrap_or_else(|e| panic!("{file_var}: {e}"));
        let case = CASES.iter().find(|c| c.env == *var).unwrap();
        let got = match *var {
            "PLEXGATE_PLEX_TOKEN" => c.plex.token.clone(),
            "PLEXGATE_NOTIFY_WEBHOOK_URL" => c.notify.webhook_url.clone(),
            "PLEXGATE_NOTIFY_DISCORD_URL" => c.notify.discord_url.clone(),
            "PLEXGATE_NOTIFY_NTFY_URL" => c.notify.ntfy_url.clone(),
            _ => c.api.key.clone(),
        };
        assert_eq!(
            got.unwrap().expose(),
            format!("from-file-{i}"),
            "{file_var}"
        );
        assert!(c.is_set(case.key));
        assert!(!format!("{c:?}").contains("from-file"));
    }
}

#[test]
fn plain_and_file_together_is_an_error_naming_both() {
    let e = load(&|name: &str| match name {
        "PLEXGATE_API_KEY" | "PLEXGATE_API_KEY_FILE" => Some("x".to_owned()),
        _ => None,
    })
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("PLEXGATE_API_KEY ") && e.contains("PLEXGATE_API_KEY_FILE"),
        "{e}"
    );
}

#[test]
fn unreadable_file_variant_names_the_variable() {
    let e = load(&|name: &str| {
        (name == "PLEXGATE_PLEX_TOKEN_FILE").then(|| "/nonexistent/plexgate-token".to_owned())
    })
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("PLEXGATE_PLEX_TOKEN_FILE") && e.contains("/nonexistent/plexgate-token"),
        "{e}"
    );
}

#[test]
fn non_secrets_have_no_file_variant() {
    let c =
        load(&|name: &str| (name == "PLEXGATE_PLEX_SERVER_FILE").then(|| "/x".to_owned())).unwrap();
    assert!(c.plex.server.is_none() && !c.is_set("plex.server"));
}
