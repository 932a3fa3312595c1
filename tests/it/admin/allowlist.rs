//! Editing an allowlist entry from the Access page (SPEC §3 "allowlist add/edit/remove"): the
//! owner and co-admins may, the change and its actor land in the event log, and a form without
//! the CSRF token changes nothing. Also the Settings "Send a test" answer with no channels.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use plexgate::access::tools::NewAllowEntry;
use plexgate::fakeplex::{ALICE, MOVIES, MUSIC, OWNER, TV};
use plexgate::store::AllowEntry;
use reqwest::StatusCode;

use super::fixtures::{NO_LIMIT, admin, co_admin, has_event, submit};
use crate::support::TestApp;

async fn add(app: &TestApp, account: &str) -> AllowEntry {
    let new = NewAllowEntry {
        account: account.to_owned(),
        libraries: Some(vec![plexgate::config::LibraryRef::Id(MOVIES)]),
        access_days: Some(30),
        note: Some("old".to_owned()),
        sharing: Default::default(),
    };
    app.state.access.add_allow_entry("test", new).await.unwrap()
}

async fn only_entry(app: &TestApp) -> AllowEntry {
    let list = app.state.access.allowlist().await.unwrap();
    assert_eq!(list.len(), 1, "{list:?}");
    list.into_iter().next().unwrap()
}

#[tokio::test]
async fn the_owner_edits_libraries_days_and_note() {
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    let entry = add(&app, "carol").await;
    let mut b = admin(&app, &OWNER).await;
    let page = b.get(&app.url("/admin/access")).await;
    let action = format!("/admin/access/allow/{}/edit", entry.id);
    assert!(page.body.contains(&action), "an Edit form per entry");
    assert!(
        page.body.contains("value=\"old\""),
        "the form shows the note"
    );
    let (music, tv) = (MUSIC.to_string(), TV.to_string());
    let form = [
        ("libraries", music.as_str()),
        ("libraries", tv.as_str()),
        ("access_days", "7"),
        ("note", "<i>cousin</i>"),
    ];
    let page = submit(&app, &mut b, "/admin/access", &action, &form).await;
    assert_eq!(
        page.location(),
        "/admin/access?done=allow-edited",
        "{}",
        page.body
    );
    let edited = only_entry(&app).await;
    assert_eq!(edited.libraries, Some(vec![MUSIC, TV]));
    assert_eq!(edited.access_days, Some(7));
    assert_eq!(edited.note, "<i>cousin</i>");
    assert_eq!((edited.account.as_str(), edited.id), ("carol", entry.id));
    assert!(has_event(&app, "allowlist_edit", "owner").await);
    let page = b.get(&app.url("/admin/access?done=allow-edited")).await;
    assert!(page.body.contains("Allowlist entry saved."));
    assert!(page.body.contains("&lt;i&gt;cousin"), "notes are escaped");

    // No box ticked and no days: the default set, no end. A bad value changes nothing.
    let page = submit(&app, &mut b, "/admin/access", &action, &[("note", "")]).await;
    assert_eq!(page.location(), "/admin/access?done=allow-edited");
    let edited = only_entry(&app).await;
    assert_eq!((edited.libraries, edited.access_days), (None, None));
    assert_eq!(edited.note, "");
    let page = submit(
        &app,
        &mut b,
        "/admin/access",
        &action,
        &[("access_days", "0")],
    )
    .await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST, "{}", page.body);
    assert_eq!(only_entry(&app).await.access_days, None);
    let page = submit(
        &app,
        &mut b,
        "/admin/access",
        "/admin/access/allow/999/edit",
        &[("access_days", "3")],
    )
    .await;
    assert_eq!(page.status, StatusCode::NOT_FOUND, "{}", page.body);
}

#[tokio::test]
async fn a_co_admin_may_edit_and_a_form_without_csrf_changes_nothing() {
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    let entry = add(&app, "carol").await;
    co_admin(&app, &ALICE).await;
    let mut co = admin(&app, &ALICE).await;
    let action = format!("/admin/access/allow/{}/edit", entry.id);
    let page = co
        .post(
            &app.url(&action),
            &[("access_days", "5"), ("note", "forged")],
        )
        .await;
    assert_eq!(page.status, StatusCode::FORBIDDEN, "{}", page.body);
    let page = co
        .post(
            &app.url(&action),
            &[("csrf", "not-the-token"), ("access_days", "5")],
        )
        .await;
    assert_eq!(page.status, StatusCode::FORBIDDEN, "{}", page.body);
    assert_eq!(only_entry(&app).await, entry);
    assert!(!has_event(&app, "allowlist_edit", "alice").await);

    let form = [("access_days", "5"), ("note", "from alice")];
    let page = submit(&app, &mut co, "/admin/access", &action, &form).await;
    assert_eq!(
        page.location(),
        "/admin/access?done=allow-edited",
        "{}",
        page.body
    );
    let edited = only_entry(&app).await;
    assert_eq!(
        (edited.access_days, edited.note.as_str()),
        (Some(5), "from alice")
    );
    assert!(has_event(&app, "allowlist_edit", "alice").await);
}

#[tokio::test]
async fn send_a_test_without_channels_says_so() {
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    let mut b = admin(&app, &OWNER).await;
    let page = b.get(&app.url("/admin/settings")).await;
    assert!(!page.body.contains("Send a test"), "no channel, no button");
    let page = submit(
        &app,
        &mut b,
        "/admin/settings",
        "/admin/settings/notify-test",
        &[],
    )
    .await;
    assert_eq!(page.location(), "/admin/settings?done=notify-none");
    let page = b.get(&app.url(page.location())).await;
    assert!(
        page.body.contains("No channels configured"),
        "{}",
        page.body
    );
}

/// The three sharing-flag boxes ticked in a page, in order: downloads, Live TV, camera upload.
fn ticked(body: &str, nth: usize) -> [bool; 3] {
    ["allow_downloads", "allow_live_tv", "allow_camera_upload"].map(|name| {
        let tag = format!("name=\"{name}\" value=\"yes\"");
        let at = body.match_indices(&tag).nth(nth).expect("a flag box").0;
        body[at + tag.len()..].starts_with(" checked")
    })
}

#[tokio::test]
async fn the_invite_and_allowlist_forms_set_sharing_flags_over_the_owner_s() {
    let app = TestApp::with_fake(&[NO_LIMIT, ("PLEXGATE_ACCESS_ALLOW_DOWNLOADS", "true")]).await;
    let mut b = admin(&app, &OWNER).await;
    let page = b.get(&app.url("/admin/invites")).await;
    assert_eq!(
        ticked(&page.body, 0),
        [true, false, false],
        "the owner's settings"
    );

    // Downloads unticked, Live TV ticked: both differ from the owner's; camera upload follows.
    let form = [("sharing_flags", "shown"), ("allow_live_tv", "yes")];
    let page = submit(&app, &mut b, "/admin/invites", "/admin/invites", &form).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let invites = app.state.access.invites().await.unwrap();
    let s = invites[0].sharing;
    assert_eq!(
        (s.allow_downloads, s.allow_live_tv, s.allow_camera_upload),
        (Some(false), Some(true), None)
    );

    let form = [
        ("account", ALICE.username),
        ("sharing_flags", "shown"),
        ("allow_downloads", "yes"),
        ("allow_camera_upload", "yes"),
    ];
    let page = submit(&app, &mut b, "/admin/access", "/admin/access/allow", &form).await;
    assert_eq!(
        page.location(),
        "/admin/access?done=allow-added",
        "{}",
        page.body
    );
    let entry = only_entry(&app).await;
    assert_eq!(entry.sharing.allow_camera_upload, Some(true));
    assert_eq!(
        entry.sharing.allow_downloads, None,
        "as the owner's: follows it"
    );
    let page = b.get(&app.url("/admin/access")).await;
    assert_eq!(ticked(&page.body, 1), [true, false, true], "the edit form");

    // The friend's new share at plex.tv carries them.
    crate::access_core::sign_in(&app, &ALICE, None).await;
    let s = &crate::access_core::shares_of(&app, &ALICE)[0];
    assert!(
        s.allow_sync && !s.allow_channels && s.allow_camera_upload,
        "{s:?}"
    );

    // The edit form with no box ticked turns all three off.
    let action = format!("/admin/access/allow/{}/edit", entry.id);
    let page = submit(
        &app,
        &mut b,
        "/admin/access",
        &action,
        &[("sharing_flags", "shown")],
    )
    .await;
    // Alice has joined: her share follows the entry's libraries and days at once.
    assert_eq!(page.location(), "/admin/access?done=allow-edited-shared");
    let s = only_entry(&app).await.sharing;
    assert_eq!(
        (s.allow_downloads, s.allow_live_tv, s.allow_camera_upload),
        (Some(false), None, None)
    );
}
