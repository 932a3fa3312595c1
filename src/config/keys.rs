//! The key table (style.md #17): every config key once, with its env name, default and meaning.
//! Defaults, the env overlay, `print_config()` and `markdown_table()` are all read from here.

/// What a key's value is; decides how an env string becomes a TOML value and how it is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Free text.
    Str,
    /// A non-negative integer (u32).
    Int,
    /// `true`/`false` (env also takes `1`/`0`).
    Bool,
    /// A humantime duration such as `90s`, `30m`, `12h`, `30d`.
    Duration,
    /// An http(s) URL.
    Url,
    /// The public URL: http(s), optional path prefix, no query, fragment or userinfo.
    PublicUrl,
    /// `ip:port`.
    SocketAddr,
    /// A filesystem path.
    Path,
    /// A list of CIDRs (a bare IP is a single host); env: comma-separated.
    CidrList,
    /// Library titles (strings) or plex.tv section ids (integers); env: comma-separated.
    LibraryList,
    /// A secret string; env also accepts `<NAME>_FILE`.
    Secret,
    /// One of a fixed set of lowercase words.
    Choice(&'static [&'static str]),
    /// `[[sso.apps]]` tables; file only.
    Apps,
    /// `[[oidc.clients]]` tables; file only.
    OidcClients,
}

/// One configuration key.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    /// Section (`server`); the TOML table the key lives in.
    pub section: &'static str,
    /// Name inside the section (`public_url`).
    pub name: &'static str,
    /// Environment variable (`PLEXGATE_SERVER_PUBLIC_URL`); `None` for file-only keys.
    pub env: Option<&'static str>,
    /// Default as a TOML literal; `None` when the key is unset by default.
    pub default: Option<&'static str>,
    /// Value kind.
    pub kind: Kind,
    /// Whether `<env>_FILE` is accepted (secrets).
    pub file_env: bool,
    /// One-line meaning, as SPEC §5 words it (Markdown backticks allowed).
    pub meaning: &'static str,
    /// An example value (TOML literal) shown in `print_config()` for keys without a default.
    pub example: Option<&'static str>,
}

impl Key {
    /// The dotted name, e.g. `server.public_url`.
    pub fn dotted(&self) -> String {
        format!("{}.{}", self.section, self.name)
    }

    /// The `_FILE` variant of the env name, when the key accepts one.
    pub fn file_env_name(&self) -> Option<String> {
        let env = self.env.filter(|_| self.file_env)?;
        Some(format!("{env}_FILE"))
    }
}

/// Sections in the order they are documented.
pub const SECTIONS: &[&str] = &[
    "server",
    "log",
    "events",
    "plex",
    "access",
    "session",
    "admin",
    "limits",
    "reconcile",
    "backup",
    "notify",
    "api",
    "sso",
    "oidc",
];

const fn key(
    section: &'static str,
    name: &'static str,
    env: &'static str,
    default: Option<&'static str>,
    kind: Kind,
    meaning: &'static str,
) -> Key {
    Key {
        section,
        name,
        env: Some(env),
        default,
        kind,
        file_env: matches!(kind, Kind::Secret),
        meaning,
        example: None,
    }
}

/// A key set only in the file (no environment variable).
const fn file_only(mut k: Key) -> Key {
    k.env = None;
    k
}

const fn with_example(mut k: Key, example: &'static str) -> Key {
    k.example = Some(example);
    k
}

/// Every key, in documentation order (SPEC §5).
// Kept as a hand-aligned table: rustfmt would spread each entry over eight lines.
#[rustfmt::skip]
pub const KEYS: &[Key] = &[
    key("server", "listen", "PLEXGATE_SERVER_LISTEN", Some(r#""127.0.0.1:8080""#), Kind::SocketAddr,
        "address to bind"),
    key("server", "public_url", "PLEXGATE_SERVER_PUBLIC_URL", Some(r#""http://localhost:8080""#),
        Kind::PublicUrl,
        "external URL, may include a path prefix (`https://example.com/plex`)"),
    key("server", "data_dir", "PLEXGATE_SERVER_DATA_DIR", Some(r#""data""#), Kind::Path,
        "where the redb file and backups live"),
    key("server", "trusted_proxies", "PLEXGATE_SERVER_TRUSTED_PROXIES",
        Some(r#"["127.0.0.0/8", "::1/128"]"#), Kind::CidrList,
        "CIDRs whose forwarded headers are believed (a reverse proxy on the same host works as is)"),
    key("log", "format", "PLEXGATE_LOG_FORMAT", Some(r#""text""#), Kind::Choice(&["text", "json"]),
        "`text` or `json`; the level comes from `RUST_LOG` (default `info`)"),
    key("events", "keep_days", "PLEXGATE_EVENTS_KEEP_DAYS", Some("730"), Kind::Int,
        "events older than this are pruned daily"),
    key("plex", "api_url", "PLEXGATE_PLEX_API_URL", Some(r#""https://plex.tv""#), Kind::Url,
        "plex.tv API base"),
    key("plex", "clients_url", "PLEXGATE_PLEX_CLIENTS_URL", Some(r#""https://clients.plex.tv""#),
        Kind::Url, "clients.plex.tv API base"),
    key("plex", "auth_url", "PLEXGATE_PLEX_AUTH_URL", Some(r#""https://app.plex.tv/auth""#),
        Kind::Url, "Plex's sign-in page"),
    with_example(key("plex", "token", "PLEXGATE_PLEX_TOKEN", None, Kind::Secret,
        "owner token for headless installs"), r#""your-plex-token""#),
    with_example(key("plex", "server", "PLEXGATE_PLEX_SERVER", None, Kind::Str,
        "machine identifier or name of the server to share"), r#""My Server""#),
    key("access", "policy", "PLEXGATE_ACCESS_POLICY", Some(r#""invite""#),
        Kind::Choice(&["invite", "allowlist", "open"]),
        "`invite`, `allowlist` or `open`"),
    with_example(key("access", "libraries", "PLEXGATE_ACCESS_LIBRARIES", None, Kind::LibraryList,
        "default library set (titles or plex.tv section ids), for headless installs"),
        r#"["Movies", "TV Shows", 118181362]"#),
    key("access", "allow_downloads", "PLEXGATE_ACCESS_ALLOW_DOWNLOADS", Some("false"), Kind::Bool,
        "sharing flag for new shares: downloads (`allowSync`)"),
    key("access", "allow_live_tv", "PLEXGATE_ACCESS_ALLOW_LIVE_TV", Some("false"), Kind::Bool,
        "sharing flag for new shares: Live TV (`allowChannels`)"),
    key("access", "allow_camera_upload", "PLEXGATE_ACCESS_ALLOW_CAMERA_UPLOAD", Some("false"),
        Kind::Bool, "sharing flag for new shares: camera upload (`allowCameraUpload`)"),
    key("session", "lifetime", "PLEXGATE_SESSION_LIFETIME", Some(r#""30d""#), Kind::Duration,
        "a signed-in account's session (for `/me` and §8), absolute"),
    key("session", "idle", "PLEXGATE_SESSION_IDLE", Some(r#""14d""#), Kind::Duration,
        "such a session ends after this long unused"),
    key("admin", "idle", "PLEXGATE_ADMIN_IDLE", Some(r#""30m""#), Kind::Duration,
        "admin sessions end after this much inactivity"),
    key("limits", "signins_per_minute", "PLEXGATE_LIMITS_SIGNINS_PER_MINUTE", Some("30"), Kind::Int,
        "per client IP; `0` turns the limit off (load tests only)"),
    key("reconcile", "interval", "PLEXGATE_RECONCILE_INTERVAL", Some(r#""10m""#), Kind::Duration,
        "how often the reconciler runs"),
    key("reconcile", "max_removals", "PLEXGATE_RECONCILE_MAX_REMOVALS", Some("5"), Kind::Int,
        "removals in one run beyond which it waits for the owner's confirmation"),
    key("backup", "keep", "PLEXGATE_BACKUP_KEEP", Some("7"), Kind::Int,
        "automatic daily backups kept in `{data_dir}/backups`"),
    with_example(key("notify", "webhook_url", "PLEXGATE_NOTIFY_WEBHOOK_URL", None, Kind::Secret,
        "generic JSON webhook"), r#""https://hooks.example.com/plexgate""#),
    with_example(key("notify", "discord_url", "PLEXGATE_NOTIFY_DISCORD_URL", None, Kind::Secret,
        "Discord webhook"), r#""https://discord.com/api/webhooks/...""#),
    with_example(key("notify", "ntfy_url", "PLEXGATE_NOTIFY_NTFY_URL", None, Kind::Secret,
        "ntfy topic URL"), r#""https://ntfy.sh/my-topic""#),
    with_example(key("api", "key", "PLEXGATE_API_KEY", None, Kind::Secret,
        "a bootstrap API key for scripts"), r#""a-long-random-string""#),
    key("sso", "enabled", "PLEXGATE_SSO_ENABLED", Some("false"), Kind::Bool,
        "serve forward auth (§8)"),
    with_example(key("sso", "cookie_domain", "PLEXGATE_SSO_COOKIE_DOMAIN", None, Kind::Str,
        "parent domain of the apps, e.g. `example.com` (required when enabled)"),
        r#""example.com""#),
    key("sso", "default_allow", "PLEXGATE_SSO_DEFAULT_ALLOW", Some(r#""admins""#),
        Kind::Choice(&["owner", "admins", "friends", "deny"]),
        "rule for hosts without an app entry"),
    file_only(key("sso", "apps", "", None, Kind::Apps,
        "`host`, `path`?, `name`?, `allow`, `users`?, `libraries`?, `bypass`?")),
    key("oidc", "enabled", "PLEXGATE_OIDC_ENABLED", Some("false"), Kind::Bool,
        "serve OpenID Connect for the owner's other apps (§9)"),
    file_only(key("oidc", "clients", "", None, Kind::OidcClients,
        "`client_id`, `name`?, `redirect_uris`, `public`?, `client_secret_file`?, `allow`, `users`?, `libraries`?, `post_logout_redirect_uris`?")),
];

/// The key called `dotted` (`server.listen`), if there is one.
pub fn find(dotted: &str) -> Option<&'static Key> {
    let (section, name) = dotted.split_once('.')?;
    KEYS.iter().find(|k| k.section == section && k.name == name)
}
