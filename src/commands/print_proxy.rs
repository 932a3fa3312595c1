//! `plexgate print-proxy nginx|traefik|caddy HOST` (SPEC §8): a working snippet that guards the
//! app at HOST with forward auth, and one for plexgate's own site that keeps `/sso/auth/`
//! unreachable from outside. Client-sent `Remote-*` headers never reach the app: each snippet
//! overwrites or strips them.

use crate::config::Config;

/// Which proxy to print for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ProxyKind {
    /// nginx `auth_request` (Debian's nginx has the module).
    Nginx,
    /// Traefik ForwardAuth (file provider, YAML).
    Traefik,
    /// Caddy `forward_auth`.
    Caddy,
}

/// The identity headers plexgate answers with.
pub const IDENTITY_HEADERS: [&str; 5] = [
    "Remote-User",
    "Remote-Email",
    "Remote-Name",
    "Remote-Groups",
    "Remote-Plex-Id",
];

/// The snippet for `kind`, guarding `host` whose app listens at `upstream`.
pub fn snippet(kind: ProxyKind, host: &str, upstream: &str, config: &Config) -> String {
    let url = &config.server.public_url;
    let plexgate = format!("127.0.0.1:{}", config.server.listen.port());
    let prefix = url.path_prefix();
    match kind {
        ProxyKind::Nginx => nginx(
            host,
            upstream,
            &plexgate,
            prefix,
            url.host(),
            url.is_https(),
        ),
        ProxyKind::Traefik => traefik(host, upstream, &plexgate, prefix, url.host()),
        ProxyKind::Caddy => caddy(host, upstream, &plexgate, prefix, url.host()),
    }
}

fn nginx(
    host: &str,
    upstream: &str,
    plexgate: &str,
    prefix: &str,
    own: &str,
    https: bool,
) -> String {
    let listen = if https {
        "listen 443 ssl;\n    # ssl_certificate / ssl_certificate_key: your certificate"
    } else {
        "listen 80;"
    };
    let mut set = String::new();
    for (i, h) in IDENTITY_HEADERS.iter().enumerate() {
        let var = h.to_ascii_lowercase().replace('-', "_");
        set.push_str(&format!(
            "        auth_request_set $pg_{i} $upstream_http_{var};\n        proxy_set_header {h} $pg_{i};\n"
        ));
    }
    format!(
        r#"# --- the app at {host}, guarded by plexgate ---
server {{
    {listen}
    server_name {host};

    location = /plexgate-auth {{
        internal;
        proxy_pass http://{plexgate}{prefix}/sso/auth/nginx;
        proxy_pass_request_body off;
        proxy_set_header Content-Length "";
        proxy_set_header Host $host;
        proxy_set_header X-Original-URL $scheme://$http_host$request_uri;
        proxy_set_header X-Original-Method $request_method;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }}

    location / {{
        auth_request /plexgate-auth;
        # plexgate's 401 carries the sign-in URL; nginx cannot pass a redirect on by itself.
        auth_request_set $pg_login $upstream_http_location;
        error_page 401 = @plexgate_login;
        # Always set (empty when absent), so a client-sent Remote-* header never reaches the app.
{set}        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_pass {upstream};
    }}

    location @plexgate_login {{
        return 302 $pg_login;
    }}
}}

# --- plexgate's own site ({own}) ---
server {{
    {listen}
    server_name {own};

    # The auth endpoints answer the proxy only, never the outside.
    location {prefix}/sso/auth/ {{
        return 404;
    }}

    location / {{
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_pass http://{plexgate};
    }}
}}
"#
    )
}

fn traefik(host: &str, upstream: &str, plexgate: &str, prefix: &str, own: &str) -> String {
    let headers = IDENTITY_HEADERS.join(", ");
    format!(
        r#"# Traefik dynamic configuration (file provider). authResponseHeaders replace any
# client-sent header of the same name. Add plexgate's address to server.trusted_proxies if
# Traefik is not on the same host.
http:
  middlewares:
    plexgate:
      forwardAuth:
        address: "http://{plexgate}{prefix}/sso/auth/forward"
        trustForwardHeader: false
        authResponseHeaders: [{headers}]
    plexgate-local-only:
      ipAllowList:
        sourceRange: ["127.0.0.1/32", "::1/128"]
  routers:
    app:
      rule: "Host(`{host}`)"
      middlewares: [plexgate]
      service: app
    plexgate:
      rule: "Host(`{own}`)"
      service: plexgate
    plexgate-auth-endpoints:
      # The auth endpoints answer the proxy only, never the outside.
      rule: "Host(`{own}`) && PathPrefix(`{prefix}/sso/auth/`)"
      priority: 1000
      middlewares: [plexgate-local-only]
      service: plexgate
  services:
    app:
      loadBalancer:
        servers: [{{ url: "{upstream}" }}]
    plexgate:
      loadBalancer:
        servers: [{{ url: "http://{plexgate}" }}]
"#
    )
}

fn caddy(host: &str, upstream: &str, plexgate: &str, prefix: &str, own: &str) -> String {
    let mut matchers = String::new();
    let mut strip = String::new();
    let mut unset = String::new();
    for (i, h) in IDENTITY_HEADERS.iter().enumerate() {
        // Caddy 2.6's copy_headers sets a header plexgate did not send to its own unreplaced
        // placeholder text; these matchers find that text so it can be removed.
        matchers.push_str(&format!(
            "    @pg_unset_{i} header {h} \"\\{{http.reverse_proxy.header.{h}\\}}\"\n"
        ));
        strip.push_str(&format!("        request_header -{h}\n"));
        unset.push_str(&format!("        request_header @pg_unset_{i} -{h}\n"));
    }
    let headers = IDENTITY_HEADERS.join(" ");
    format!(
        r#"# The app at {host}, guarded by plexgate. `route` keeps this order: client-sent Remote-*
# headers are stripped first (Debian's caddy 2.6 would pass them on), then plexgate's are copied,
# then any header plexgate did not send (caddy 2.6 would pass a placeholder's text) is removed.
{host} {{
{matchers}    route {{
{strip}        forward_auth {plexgate} {{
            uri {prefix}/sso/auth/forward
            copy_headers {headers}
        }}
{unset}        reverse_proxy {upstream}
    }}
}}

# plexgate's own site; the auth endpoints answer the proxy only, never the outside.
{own} {{
    @sso_auth path {prefix}/sso/auth/*
    respond @sso_auth 404
    reverse_proxy {plexgate}
}}
"#
    )
}
