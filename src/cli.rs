//! The command line (SPEC §6): `plexgate` with no subcommand serves.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Share your Plex libraries with friends who sign in with Plex.
#[derive(Debug, Parser)]
#[command(name = "plexgate", version, about)]
pub struct Cli {
    /// The config file [default: ./config.toml; a missing default file means built-in defaults].
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// What to do; serving is the default.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand, PartialEq, Eq)]
pub enum Command {
    /// Serve (the default).
    Serve,
    /// Check the config, plex.tv, the owner token, the server and the libraries (one line each;
    /// exit code 1 if any failed). While a server runs on the data dir, report its /healthz.
    Check,
    /// Exit 0 when the local server (at server.listen) answers /healthz with status ok, else 1;
    /// for container health checks (no curl or shell needed).
    Healthcheck,
    /// Print the annotated default config (every key commented out).
    PrintConfig,
    /// Print a reverse-proxy snippet guarding HOST with forward auth (and plexgate's own site).
    PrintProxy {
        /// nginx, traefik or caddy.
        proxy: crate::commands::print_proxy::ProxyKind,
        /// The app's host, e.g. overseerr.example.com.
        host: String,
        /// Where the app listens.
        #[arg(long, default_value = "http://127.0.0.1:5055")]
        upstream: String,
    },
    /// Print the values an app's OpenID Connect settings ask for (issuer, client id, redirect
    /// URIs, scopes), with notes for Immich, Audiobookshelf, Grafana, Portainer and Nextcloud.
    PrintOidc {
        /// The client id.
        client: String,
    },
    /// OpenID Connect provider maintenance.
    Oidc {
        /// What to do.
        #[command(subcommand)]
        action: OidcAction,
    },
    /// Try plexgate against a simulated plex.tv on this machine (no Plex account needed).
    Demo(crate::commands::demo::DemoArgs),
    /// Write a backup of the store to FILE (stopped instance only; a running server backs up
    /// daily, from the admin page and via POST /api/v1/backups).
    Backup {
        /// Where to write the backup.
        file: PathBuf,
    },
    /// Replace the store with the backup FILE (stopped instance only; the old file is kept).
    Restore {
        /// The backup to restore.
        file: PathBuf,
    },
    /// Print a one-time admin sign-in link, valid 10 minutes (works while the server runs).
    AdminLink,
}

/// `plexgate oidc ...`.
#[derive(Debug, Subcommand, PartialEq, Eq)]
pub enum OidcAction {
    /// Add a new signing key (stopped instance only); the old one stays in JWKS for 7 days.
    RotateKey,
}

impl Cli {
    /// The config path and whether it was given explicitly.
    pub fn config_path(&self) -> (PathBuf, bool) {
        let path = self.config.clone().unwrap_or_else(|| "config.toml".into());
        (path, self.config.is_some())
    }
}
