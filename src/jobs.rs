//! The background jobs of a running server (style.md #2): the access layer's work, the sweeps
//! that keep limiters, flows and sessions bounded, and the daily backup and event pruning. All
//! stop on the same signal as the server; `crate::serve` starts them.

use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::access::Access;
use crate::config::Config;
use crate::store::EventKind;

/// Starts the jobs. `sweep_memory` bounds the web layer's in-memory limiters.
pub fn spawn(
    access: &Access,
    config: &Config,
    sweep_memory: impl Fn() + Send + 'static,
    stop: &watch::Receiver<bool>,
) -> Vec<JoinHandle<()>> {
    vec![
        tokio::spawn(sweep_loop(access.clone(), sweep_memory, stop.clone())),
        tokio::spawn(daily_loop(access.clone(), config.clone(), stop.clone())),
        tokio::spawn(background(access.clone(), stop.clone())),
    ]
}

/// The access layer's background work; on a first run it waits until setup resolved the owner.
async fn background(access: Access, mut stop: watch::Receiver<bool>) {
    tokio::select! {
        _ = stop.changed() => return,
        () = access.owner_known() => {}
    }
    access.run_background(stop).await;
}

/// Keeps the in-memory limiters and the stored flows and sessions bounded.
async fn sweep_loop(access: Access, sweep_memory: impl Fn(), mut stop: watch::Receiver<bool>) {
    loop {
        tokio::select! {
            _ = stop.changed() => return,
            () = tokio::time::sleep(access.timing().sweep_interval) => {}
        }
        sweep_memory();
        let swept = access.sweep_expired().await;
        match swept {
            Ok(0) => {}
            Ok(n) => tracing::debug!(removed = n, "swept expired flows and sessions"),
            Err(e) => tracing::warn!(error = %e, "sweeping flows and sessions failed"),
        }
    }
}

/// The daily upkeep (SPEC §5, §6): a backup into `{data_dir}/backups` rotated down to
/// `backup.keep`, and events older than `events.keep_days` pruned. Both are recorded as events.
pub async fn daily_upkeep(access: &Access, config: &Config) {
    let now = access.clock().unix();
    let store = access.store();
    match store.backup_auto(now, config.backup.keep).await {
        Ok(info) => {
            tracing::info!(file = %info.file.display(), bytes = info.bytes, "daily backup written")
        }
        Err(e) => {
            tracing::warn!(error = %e, "daily backup failed");
            access
                .record(
                    EventKind::Backup,
                    "system",
                    None,
                    None,
                    "failed",
                    e.to_string(),
                )
                .await;
        }
    }
    match store.prune_events(now, config.events.keep_days).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(removed = n, "pruned old events"),
        Err(e) => {
            tracing::warn!(error = %e, "pruning events failed");
            access
                .record(
                    EventKind::Prune,
                    "system",
                    None,
                    None,
                    "failed",
                    e.to_string(),
                )
                .await;
        }
    }
}

/// Runs [`daily_upkeep`] `backup_first_delay` after start, then every `backup_interval`.
async fn daily_loop(access: Access, config: Config, mut stop: watch::Receiver<bool>) {
    let mut wait = access.timing().backup_first_delay;
    loop {
        tokio::select! {
            _ = stop.changed() => return,
            () = tokio::time::sleep(wait) => {}
        }
        daily_upkeep(&access, &config).await;
        wait = access.timing().backup_interval;
    }
}
