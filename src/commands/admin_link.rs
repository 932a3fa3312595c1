//! `plexgate admin-link`: prints a one-time admin sign-in link. It reads only the key file, never
//! the redb file, so it works while the server runs (SPEC §6).

use anyhow::Context as _;

use crate::access::admin_link::{admin_link_url, make_admin_link_token};
use crate::clock::UnixTime;
use crate::config::Config;
use crate::store::{KEY_FILE, Keys};

/// The link for `config`'s install, valid 10 minutes from `now`.
pub fn run(config: &Config, now: UnixTime) -> anyhow::Result<String> {
    let dir = &config.server.data_dir;
    // A first run may not have created the data dir yet; the server will use the same key file.
    {
        use std::os::unix::fs::DirBuilderExt as _;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .with_context(|| format!("creating {}", dir.display()))?;
    }
    let keys = Keys::load_or_create(&dir.join(KEY_FILE)).context("reading the key file")?;
    let token = make_admin_link_token(&keys, now);
    Ok(admin_link_url(&config.server.public_url, &token))
}
