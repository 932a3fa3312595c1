//! `plexgate backup FILE` and `plexgate restore FILE` on a stopped instance.

use std::path::Path;

use anyhow::Context as _;

use super::explain;
use crate::config::Config;
use crate::store::Store;

/// Writes a backup of the store in `server.data_dir` to `file`; returns the line to print.
pub fn backup(config: &Config, file: &Path) -> anyhow::Result<String> {
    let store = Store::open(&config.server.data_dir).map_err(|e| explain(e, "taking a backup"))?;
    let info = store
        .backup_to(file)
        .with_context(|| format!("writing the backup to {}", file.display()))?;
    let key_file = config.server.data_dir.join(crate::store::KEY_FILE);
    Ok(format!(
        "backup written: {} ({} bytes; the key file {} is not in it: keep it safe separately)",
        info.file.display(),
        info.bytes,
        key_file.display()
    ))
}

/// Replaces the store in `server.data_dir` with the backup `file`; returns the lines to print.
pub fn restore(config: &Config, file: &Path) -> anyhow::Result<String> {
    let data_dir = &config.server.data_dir;
    let info = Store::restore_from(data_dir, file)
        .map_err(|e| explain(e, "restoring"))
        .with_context(|| format!("restore of {} refused; nothing was changed", file.display()))?;
    let mut out = format!("restored {} into {}", file.display(), data_dir.display());
    if let Some(previous) = &info.previous {
        out.push_str(&format!(
            "\nthe database it replaced is kept as {}",
            previous.display()
        ));
    }
    if info.schema_version < crate::store::SCHEMA_VERSION {
        out.push_str(&format!(
            "\nthe backup has schema version {}; it is migrated at the next start",
            info.schema_version
        ));
    }
    Ok(out)
}
