//! The group-commit writer: many writes waiting together are synced once, yet each keeps its own
//! outcome, a panic reaches its own caller, and the database is let go with the last handle.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::tests::open_tmp;
use super::*;

/// The settings `a` and `b` as a fresh read sees them.
async fn two_settings(
    store: &Store,
    a: &'static str,
    b: &'static str,
) -> (Option<u32>, Option<u32>) {
    let read = store.read(move |tx| Ok((tx.get_setting(a)?, tx.get_setting(b)?)));
    read.await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_waiting_together_keep_their_own_outcomes() {
    let (dir, store) = open_tmp();
    let tasks: Vec<_> = (0..100u32)
        .map(|i| {
            let store = store.clone();
            tokio::spawn(async move {
                store
                    .write(move |tx| {
                        tx.put_setting(&format!("k{i}"), &i)?;
                        if i % 2 == 1 {
                            // Fails after writing: its write must go, its neighbours' stay.
                            return Err(StoreError::Conflict(format!("no {i}")));
                        }
                        Ok(i)
                    })
                    .await
            })
        })
        .collect();
    for (i, t) in (0..100u32).zip(tasks) {
        match t.await.unwrap() {
            Ok(got) => assert_eq!(got, i),
            Err(StoreError::Conflict(m)) => assert_eq!(m, format!("no {i}")),
            Err(e) => panic!("{i}: {e}"),
        }
    }
    // What was answered is in the file: a fresh open sees exactly the even ones.
    drop(store);
    let store = Store::open(&dir.path().join("data")).unwrap();
    for i in 0..100u32 {
        let got: Option<u32> = store
            .read(move |tx| tx.get_setting(&format!("k{i}")))
            .await
            .unwrap();
        assert_eq!(got, (i % 2 == 0).then_some(i), "k{i}");
    }
}

#[tokio::test]
async fn a_panicking_write_reaches_its_caller_and_the_writer_carries_on() {
    let (_dir, store) = open_tmp();
    let s = store.clone();
    let panicked = tokio::spawn(async move {
        s.write(|tx| -> Result<(), StoreError> {
            tx.put_setting("half", &1)?;
            panic!("boom")
        })
        .await
    })
    .await;
    assert!(panicked.unwrap_err().is_panic());
    store.write(|tx| tx.put_setting("after", &2)).await.unwrap();
    assert_eq!(two_settings(&store, "half", "after").await, (None, Some(2)));
}

#[tokio::test]
async fn the_database_is_let_go_with_the_last_handle() {
    let (dir, store) = open_tmp();
    for i in 0..20u32 {
        store
            .write(move |tx| tx.put_setting("n", &i))
            .await
            .unwrap();
        drop(store.clone());
    }
    drop(store);
    // Not "already in use": the writer thread holds no handle between batches.
    let again = Store::open(&dir.path().join("data")).unwrap();
    let n: Option<u32> = again.read(|tx| tx.get_setting("n")).await.unwrap();
    assert_eq!(n, Some(19));
}

#[tokio::test]
async fn a_refused_disk_fails_the_batch_and_the_store_recovers() {
    let (_dir, store) = open_tmp();
    store.refuse_writes(true);
    let err = store.write(|tx| tx.put_setting("x", &1)).await.unwrap_err();
    assert!(err.is_unwritable(), "{err}");
    store.refuse_writes(false);
    store.write(|tx| tx.put_setting("y", &2)).await.unwrap();
    assert_eq!(two_settings(&store, "x", "y").await, (None, Some(2)));
}

#[tokio::test]
async fn a_cached_invite_is_read_again_after_any_write() {
    let (_dir, store) = open_tmp();
    let inv = super::tests_tables::invite(1, "hash-a");
    let put = inv.clone();
    store.write(move |tx| tx.put_invite(&put)).await.unwrap();
    assert_eq!(
        store.invite_by_hash("hash-a").await.unwrap(),
        Some(inv.clone())
    );
    assert_eq!(
        store.invite_by_hash("hash-a").await.unwrap(),
        Some(inv.clone())
    );
    // Revoked through the writer: the next lookup sees it.
    let mut revoked = inv.clone();
    revoked.revoked = true;
    let put = revoked.clone();
    store.write(move |tx| tx.put_invite(&put)).await.unwrap();
    assert_eq!(store.invite_by_hash("hash-a").await.unwrap(), Some(revoked));
    // Deleted through a blocking write: gone at once.
    store.write_blocking(|tx| tx.delete_invite(1)).unwrap();
    assert_eq!(store.invite_by_hash("hash-a").await.unwrap(), None);
}

#[tokio::test]
async fn a_cached_setting_is_read_again_after_any_write() {
    let (_dir, store) = open_tmp();
    let get = || store.setting::<Vec<u64>>("libs");
    assert_eq!(get().await.unwrap(), None);
    assert_eq!(get().await.unwrap(), None);
    // Set through the writer: the next read sees it, not the remembered "unset".
    store
        .write(|tx| tx.put_setting("libs", &vec![1u64, 2]))
        .await
        .unwrap();
    assert_eq!(get().await.unwrap(), Some(vec![1, 2]));
    assert_eq!(get().await.unwrap(), Some(vec![1, 2]));
    // Changed through a blocking write, then removed through the writer.
    store
        .write_blocking(|tx| tx.put_setting("libs", &vec![3u64]))
        .unwrap();
    assert_eq!(get().await.unwrap(), Some(vec![3]));
    store
        .write(|tx| tx.delete_setting("libs").map(drop))
        .await
        .unwrap();
    assert_eq!(get().await.unwrap(), None);
}

/// Polls `fut` once, so a `Store::write` is queued for the writer thread before the next step.
async fn queue<F: std::future::Future + Unpin>(fut: &mut F) {
    std::future::poll_fn(|cx| {
        let _ = std::pin::Pin::new(&mut *fut).poll(cx);
        std::task::Poll::Ready(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_answers_only_once_what_it_saw_is_durable() {
    use std::sync::mpsc;
    use std::time::Duration;
    let (_dir, store) = open_tmp();
    let (open_gate, gate) = mpsc::channel::<()>();
    let (reading, read_started) = mpsc::channel::<()>();
    let (x_committed, committed) = tokio::sync::oneshot::channel::<()>();
    // Holds the writer so that the next two writes run in one batch.
    let mut gate_job = Box::pin(store.write(move |_| {
        let _ = gate.recv_timeout(Duration::from_secs(60));
        Ok(())
    }));
    queue(&mut gate_job).await;
    let mut write_x = Box::pin(store.write(|tx| tx.put_setting("x", &1u32)));
    queue(&mut write_x).await;
    // Runs after "x" is committed (not yet synced): lets the read in, then the disk fails.
    let disk = store.clone();
    let mut fail_sync = Box::pin(store.write(move |_| {
        let _ = x_committed.send(());
        let _ = read_started.recv_timeout(Duration::from_secs(60));
        disk.refuse_writes(true);
        Ok(())
    }));
    queue(&mut fail_sync).await;
    open_gate.send(()).unwrap();
    committed.await.unwrap();
    // This read's snapshot holds "x" before it is durable; the sync then fails.
    let saw = store
        .read(move |tx| {
            let x: Option<u32> = tx.get_setting("x")?;
            let _ = reading.send(());
            Ok(x)
        })
        .await;
    let err = saw.expect_err("a read answered with a write the disk then refused");
    assert!(err.is_unwritable(), "{err}");
    assert!(write_x.await.unwrap_err().is_unwritable());
    let _ = fail_sync.await;
    let _ = gate_job.await; // in that batch or the one before
    store.refuse_writes(false);
    store.write(|tx| tx.put_setting("y", &2u32)).await.unwrap();
    assert_eq!(two_settings(&store, "x", "y").await, (None, Some(2)));
}
