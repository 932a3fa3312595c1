//! Round trips of every table, invite index upkeep, event paging and the sweeps.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use super::tests::open_tmp;
use super::*;

fn grant(plex_id: u64) -> Grant {
    Grant {
        plex_id,
        username: format!("user{plex_id}"),
        email: Some("a@example.com".into()),
        libraries: vec![1, 2],
        status: GrantStatus::Pending,
        external: false,
        share_id: Some(99),
        expires_at: Some(5_000),
        source: GrantSource::Invite,
        invite_id: Some(3),
        attempts: 2,
        next_attempt_at: Some(1_000),
        share_attempted: true,
        last_error: Some("timeout".into()),
        removal: None,
        created_at: 10,
        updated_at: 20,
    }
}

pub(super) fn invite(id: u64, code_hash: &str) -> Invite {
    Invite {
        id,
        code_hash: code_hash.into(),
        max_uses: Some(3),
        uses: 1,
        used_by: vec![42],
        expires_at: Some(9_000),
        libraries: Some(vec![4]),
        access_days: Some(30),
        note: "for the book club".into(),
        revoked: false,
        sharing: Default::default(),
        created_at: 1,
    }
}

fn flow(expires_at: i64) -> Flow {
    Flow {
        purpose: FlowPurpose::Join,
        pin_id: 77,
        pin_code: "ABCD".into(),
        created_at: expires_at - 600,
        expires_at,
        invite_code_hash: Some("h".into()),
        next: None,
        rd: Some("https://app.example.com/".into()),
        checks: 1,
        last_check_at: Some(3),
        used: false,
    }
}

fn session(kind: SessionKind, plex_id: u64, created_at: i64, last_seen_at: i64) -> Session {
    Session {
        kind,
        plex_id,
        username: "ann".into(),
        created_at,
        last_seen_at,
        csrf: "csrf".into(),
    }
}

fn event(at: i64, kind: EventKind, plex_id: Option<u64>) -> NewEvent {
    NewEvent {
        at,
        kind,
        actor: "owner".into(),
        plex_id,
        ip: Some("192.0.2.1".into()),
        outcome: "ok".into(),
        detail: String::new(),
    }
}

type People = (AllowEntry, AdminEntry, AccessRequest, ApiKeyRecord);

fn seed_people(tx: &mut WriteTx) -> Result<People, StoreError> {
    let allow = AllowEntry {
        id: tx.next_id(IdTable::Allowlist)?,
        account: "Ann@Example.com".into(),
        plex_id: None,
        libraries: Some(vec![1]),
        access_days: Some(7),
        note: "sister".into(),
        sharing: Default::default(),
        created_at: 5,
    };
    tx.put_allow(&allow)?;
    let admin = AdminEntry {
        id: tx.next_id(IdTable::Admins)?,
        account: "bob".into(),
        plex_id: Some(12),
        created_at: 6,
    };
    tx.put_admin(&admin)?;
    let req = AccessRequest {
        id: tx.next_id(IdTable::Requests)?,
        plex_id: 50,
        username: "carl".into(),
        email: None,
        note: "please".into(),
        created_at: 7,
        status: RequestStatus::Open,
        decided_at: None,
        decided_by: None,
    };
    tx.put_request(&req)?;
    let key = ApiKeyRecord {
        id: tx.next_id(IdTable::ApiKeys)?,
        name: "script".into(),
        hash: crate::crypto::sha256_hex("k1"),
        created_at: 8,
        last_used_at: None,
    };
    tx.put_api_key(&key)?;
    Ok((allow, admin, req, key))
}

#[test]
fn people_tables_round_trip() {
    let (_dir, store) = open_tmp();
    let (allow, admin, req, key) = store.write_blocking(seed_people).unwrap();
    store
        .read_blocking(|tx| {
            assert_eq!(tx.get_allow(allow.id)?, Some(allow.clone()));
            assert_eq!(tx.list_allow()?, vec![allow.clone()]);
            assert_eq!(tx.get_admin(admin.id)?, Some(admin.clone()));
            assert_eq!(tx.list_admins()?, vec![admin.clone()]);
            assert_eq!(tx.get_request(req.id)?, Some(req.clone()));
            assert_eq!(tx.list_requests()?, vec![req.clone()]);
            assert_eq!(tx.open_request_for(50)?, Some(req.clone()));
            assert_eq!(tx.open_request_for(51)?, None);
            assert_eq!(tx.get_api_key(key.id)?, Some(key.clone()));
            assert_eq!(tx.list_api_keys()?, vec![key.clone()]);
            let hash = crate::crypto::sha256_hex("k1");
            assert_eq!(tx.api_key_by_hash(&hash)?, Some(key.clone()));
            assert_eq!(tx.api_key_by_hash(&crate::crypto::sha256_hex("k2"))?, None);
            Ok(())
        })
        .unwrap();
    store
        .write_blocking(|tx| {
            let mut decided = req.clone();
            decided.status = RequestStatus::Declined;
            tx.put_request(&decided)?;
            assert_eq!(tx.open_request_for(50)?, None);
            assert!(tx.delete_allow(allow.id)?);
            assert!(!tx.delete_allow(allow.id)?);
            assert!(tx.delete_admin(admin.id)?);
            assert!(tx.delete_request(req.id)?);
            assert!(tx.delete_api_key(key.id)?);
            assert!(tx.list_allow()?.is_empty() && tx.list_api_keys()?.is_empty());
            // Ids are never reused, even once the newest row is gone.
            assert_eq!(tx.next_id(IdTable::Allowlist)?, allow.id + 1);
            Ok(())
        })
        .unwrap();
}

#[test]
fn invites_keep_their_code_index() {
    let (_dir, store) = open_tmp();
    store
        .write_blocking(|tx| {
            let inv = invite(1, "hash-a");
            tx.put_invite(&inv)?;
            assert_eq!(tx.get_invite(1)?, Some(inv.clone()));
            assert_eq!(tx.invite_by_hash("hash-a")?, Some(inv.clone()));
            assert_eq!(tx.list_invites()?, vec![inv.clone()]);
            // Another invite cannot take the same code.
            let clash = tx.put_invite(&invite(2, "hash-a"));
            assert!(matches!(clash, Err(StoreError::Conflict(_))));
            // A new code for the same invite drops the old index entry.
            tx.put_invite(&invite(1, "hash-b"))?;
            assert_eq!(tx.invite_by_hash("hash-a")?, None);
            assert_eq!(tx.invite_by_hash("hash-b")?.map(|i| i.id), Some(1));
            assert!(tx.delete_invite(1)?);
            assert!(!tx.delete_invite(1)?);
            assert_eq!(tx.invite_by_hash("hash-b")?, None);
            Ok(())
        })
        .unwrap();
}

#[test]
fn grants_and_settings_round_trip() {
    let (_dir, store) = open_tmp();
    store
        .write_blocking(|tx| {
            tx.put_grant(&grant(1))?;
            tx.put_grant(&grant(2))?;
            tx.put_setting("libraries", &vec![1u64, 2])?;
            Ok(())
        })
        .unwrap();
    store
        .read_blocking(|tx| {
            assert_eq!(tx.get_grant(1)?, Some(grant(1)));
            assert_eq!(tx.get_grant(3)?, None);
            assert_eq!(tx.list_grants()?, vec![grant(1), grant(2)]);
            assert_eq!(tx.get_setting::<Vec<u64>>("libraries")?, Some(vec![1, 2]));
            // A setting of another shape is reported, not silently defaulted.
            assert!(matches!(
                tx.get_setting::<String>("libraries"),
                Err(StoreError::Corrupt(_))
            ));
            Ok(())
        })
        .unwrap();
    store
        .write_blocking(|tx| {
            assert!(tx.delete_grant(1)?);
            assert!(tx.delete_setting("libraries")?);
            assert_eq!(tx.list_grants()?, vec![grant(2)]);
            assert_eq!(tx.get_setting::<Vec<u64>>("libraries")?, None);
            Ok(())
        })
        .unwrap();
    let json = serde_json::to_string(&GrantStatus::Accepted).unwrap();
    assert_eq!(json, "\"accepted\"");
}

#[test]
fn flows_round_trip_and_sweep() {
    let (_dir, store) = open_tmp();
    store
        .write_blocking(|tx| {
            tx.put_flow("old", &flow(100))?;
            tx.put_flow("edge", &flow(200))?;
            tx.put_flow("new", &flow(300))?;
            assert_eq!(tx.get_flow("new")?, Some(flow(300)));
            assert_eq!(tx.count_flows()?, 3);
            assert_eq!(tx.sweep_flows(200)?, 2);
            assert_eq!(tx.count_flows()?, 1);
            assert_eq!(tx.get_flow("old")?, None);
            assert!(tx.delete_flow("new")?);
            assert_eq!(tx.count_flows()?, 0);
            Ok(())
        })
        .unwrap();
}

#[test]
fn sessions_round_trip_and_sweep() {
    let (_dir, store) = open_tmp();
    let day = 24 * 3600;
    let timing = crate::clock::Timing {
        session_idle: Duration::from_secs(14 * 86_400),
        session_lifetime: Duration::from_secs(30 * 86_400),
        admin_idle: Duration::from_secs(1_800),
        ..Default::default()
    };
    let now = 100 * day;
    store
        .write_blocking(move |tx| {
            let fresh = session(SessionKind::Account, 1, now - day, now - 60);
            tx.put_session("fresh", &fresh)?;
            tx.put_session(
                "idle",
                &session(SessionKind::Account, 1, now - day, now - 14 * day),
            )?;
            tx.put_session(
                "old",
                &session(SessionKind::Account, 2, now - 30 * day, now),
            )?;
            tx.put_session(
                "admin-ok",
                &session(SessionKind::Admin, 1, now - day, now - 60),
            )?;
            tx.put_session(
                "admin-idle",
                &session(SessionKind::Admin, 2, now, now - 1_800),
            )?;
            assert_eq!(tx.get_session("fresh")?, Some(fresh));
            assert_eq!(tx.sessions_for(1)?.len(), 3);
            assert_eq!(
                tx.sweep_sessions(|s| crate::access::sessions::expired(s, now, &timing))?,
                3
            );
            let mut left: Vec<String> = tx.sessions_for(1)?.into_iter().map(|(h, _)| h).collect();
            left.sort();
            assert_eq!(left, vec!["admin-ok", "fresh"]);
            assert!(tx.sessions_for(2)?.is_empty());
            assert!(tx.delete_session("fresh")?);
            tx.put_session("other", &session(SessionKind::Account, 3, now, now))?;
            assert_eq!(tx.delete_sessions_for(1)?, 1);
            assert_eq!(tx.get_session("admin-ok")?, None);
            assert!(tx.get_session("other")?.is_some());
            Ok(())
        })
        .unwrap();
}

#[test]
fn events_page_newest_first_with_next() {
    let (_dir, store) = open_tmp();
    store
        .write_blocking(|tx| {
            for i in 1..=7u64 {
                let kind = if i % 2 == 0 {
                    EventKind::Share
                } else {
                    EventKind::Signin
                };
                let id =
                    tx.append_event(event(i64::try_from(i).unwrap() * 10, kind, Some(i % 3)))?;
                assert_eq!(id, i);
            }
            Ok(())
        })
        .unwrap();
    let all = EventFilter::default();
    let ids = |p: &EventPage| p.events.iter().map(|e| e.id).collect::<Vec<_>>();
    store
        .read_blocking(move |tx| {
            let p1 = tx.events_page(None, 3, &all)?;
            assert_eq!((ids(&p1), p1.next), (vec![7, 6, 5], Some(5)));
            let p2 = tx.events_page(p1.next, 3, &all)?;
            assert_eq!((ids(&p2), p2.next), (vec![4, 3, 2], Some(2)));
            let p3 = tx.events_page(p2.next, 3, &all)?;
            assert_eq!((ids(&p3), p3.next), (vec![1], None));
            let exact = tx.events_page(Some(4), 3, &all)?;
            assert_eq!((ids(&exact), exact.next), (vec![3, 2, 1], None));
            let shares = EventFilter {
                kind: Some("share".into()),
                plex_id: None,
            };
            let p = tx.events_page(None, 2, &shares)?;
            assert_eq!((ids(&p), p.next), (vec![6, 4], Some(4)));
            let p = tx.events_page(p.next, 2, &shares)?;
            assert_eq!((ids(&p), p.next), (vec![2], None));
            let one = EventFilter {
                kind: None,
                plex_id: Some(1),
            };
            assert_eq!(ids(&tx.events_page(None, 10, &one)?), vec![7, 4, 1]);
            let e = tx.get_event(7)?.unwrap();
            assert_eq!(
                (e.at, e.kind.as_str(), e.ip.as_deref()),
                (70, "signin", Some("192.0.2.1"))
            );
            Ok(())
        })
        .unwrap();
}

#[test]
fn prune_events_keeps_newer_and_never_reuses_ids() {
    let (_dir, store) = open_tmp();
    store
        .write_blocking(|tx| {
            for at in [10, 20, 30] {
                tx.append_event(event(at, EventKind::Signin, None))?;
            }
            assert_eq!(tx.prune_events(25)?, 2);
            let left = tx.events_page(None, 10, &EventFilter::default())?;
            assert_eq!(
                left.events.iter().map(|e| e.at).collect::<Vec<_>>(),
                vec![30]
            );
            assert_eq!(tx.prune_events(1_000)?, 1);
            assert_eq!(tx.append_event(event(40, EventKind::Signin, None))?, 4);
            Ok(())
        })
        .unwrap();
}

#[test]
fn grant_sources_are_stored_as_the_strings_earlier_versions_wrote() {
    use GrantSource::*;
    for (source, stored) in [
        (Allowlist, "allowlist"),
        (Invite, "invite"),
        (Open, "open"),
        (Request, "request"),
        (Admin, "admin"),
        (External, "external"),
    ] {
        assert_eq!(source.as_str(), stored);
        let mut g = serde_json::to_value(grant(1)).unwrap();
        assert_eq!(
            serde_json::to_value(Grant { source, ..grant(1) }).unwrap()["source"],
            stored
        );
        g["source"] = stored.into();
        let bytes = serde_json::to_vec(&g).unwrap();
        assert_eq!(
            tx::decode::<Grant>("grants", &bytes).unwrap().source,
            source
        );
    }
    assert!(Allowlist.from_entry() && Request.from_entry());
    assert!(
        ![Invite, Open, Admin, External]
            .iter()
            .any(|s| s.from_entry())
    );
}

#[test]
fn event_kinds_have_one_stored_name_each() {
    let names: std::collections::BTreeSet<&str> =
        EventKind::ALL.iter().map(|k| k.as_str()).collect();
    assert_eq!(names.len(), EventKind::ALL.len());
    for k in EventKind::ALL {
        assert_eq!(EventKind::named(k.as_str()), Some(*k));
        let stored = serde_json::to_value(event(0, *k, None)).unwrap();
        assert_eq!(stored["kind"], k.as_str());
    }
    assert_eq!(EventKind::named("expire"), None);
}
