//! Admin forms that fail come back on their own page with the message beside the field and
//! every value typed (issue 20), and changes that show a one-time result follow
//! post/redirect/get, so a reload repeats nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use plexgate::fakeplex::{ALICE, OWNER};
use reqwest::StatusCode;

use super::browser::Browser;
use super::fixtures::{NO_LIMIT, admin, submit};
use crate::support::TestApp;

/// The text of the error paragraph `id`, if the page has it.
fn error_text(body: &str, id: &str) -> Option<String> {
    let at = body.find(&format!("<p class=\"error\" id=\"{id}\">"))?;
    let rest = &body[at..];
    let start = rest.find('>')? + 1;
    Some(rest[start..rest.find("</p>")?].to_owned())
}

#[tokio::test]
async fn a_duplicate_allowlist_entry_is_said_beside_the_field_with_the_input_kept() {
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    let mut b = admin(&app, &OWNER).await;
    let form = [("account", ALICE.username), ("note", "my sister")];
    let page = submit(&app, &mut b, "/admin/access", "/admin/access/allow", &form).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let form = [
        ("account", "ALICE"),
        ("note", "again"),
        ("access_days", "12"),
    ];
    let page = submit(&app, &mut b, "/admin/access", "/admin/access/allow", &form).await;
    assert_eq!(page.status, StatusCode::CONFLICT, "{}", page.body);
    let said = error_text(&page.body, "allow-add-account-error").expect("an error by the field");
    assert_eq!(said, "ALICE is already on your list.");
    assert!(page.body.contains("value=\"ALICE\""), "the account is kept");
    assert!(page.body.contains("value=\"again\""), "the note is kept");
    assert!(page.body.contains("value=\"12\""), "the days are kept");
    assert!(
        page.body
            .contains("aria-describedby=\"allow-add-account-error\"")
    );
    assert_eq!(app.state.access.allowlist().await.unwrap().len(), 1);
    // A number that is not one is said beside its field.
    let form = [("account", "bob"), ("access_days", "soon")];
    let page = submit(&app, &mut b, "/admin/access", "/admin/access/allow", &form).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(error_text(&page.body, "allow-add-access_days-error").is_some());
    assert!(page.body.contains("value=\"bob\""));
}

#[tokio::test]
async fn an_empty_extend_and_no_library_are_said_beside_their_fields() {
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    Browser::new().sign_in(&app, &ALICE, "/auth/plex").await;
    let mut b = admin(&app, &OWNER).await;
    // Alice is not on the list here; invite her directly so she has a grant.
    let form = [("account", ALICE.username)];
    let page = submit(&app, &mut b, "/admin/users", "/admin/users/invite", &form).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let id = ALICE.id;
    let page = submit(
        &app,
        &mut b,
        "/admin/users",
        &format!("/admin/users/{id}/expiry"),
        &[("days", "")],
    )
    .await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST, "{}", page.body);
    let said = error_text(&page.body, &format!("expiry-{id}-days-error")).expect("by the field");
    assert!(said.contains("how many days"), "{said}");
    let page = submit(
        &app,
        &mut b,
        "/admin/users",
        &format!("/admin/users/{id}/libraries"),
        &[],
    )
    .await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST, "{}", page.body);
    assert!(
        error_text(&page.body, &format!("libraries-{id}-libraries-error"))
            .is_some_and(|m| m.contains("at least one library")),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn an_unknown_plex_user_is_said_beside_the_account_field() {
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    let mut b = admin(&app, &OWNER).await;
    let form = [("account", "nobody-at-all"), ("access_days", "3")];
    let page = submit(&app, &mut b, "/admin/users", "/admin/users/invite", &form).await;
    assert!(page.status.is_client_error(), "{}", page.body);
    assert!(
        error_text(&page.body, "invite-account-error").is_some(),
        "{}",
        page.body
    );
    assert!(page.body.contains("value=\"nobody-at-all\""));
    assert!(page.body.contains("value=\"3\""));
}

#[tokio::test]
async fn editing_an_allowlist_entry_changes_the_friend_s_share_at_once() {
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    let mut b = admin(&app, &OWNER).await;
    let movies = plexgate::fakeplex::MOVIES.to_string();
    let form = [("account", ALICE.username), ("libraries", movies.as_str())];
    submit(&app, &mut b, "/admin/access", "/admin/access/allow", &form).await;
    Browser::new().sign_in(&app, &ALICE, "/auth/plex").await;
    let entry = app.state.access.allowlist().await.unwrap().remove(0);
    let music = plexgate::fakeplex::MUSIC.to_string();
    let action = format!("/admin/access/allow/{}/edit", entry.id);
    let form = [("libraries", music.as_str()), ("access_days", "10")];
    let page = submit(&app, &mut b, "/admin/access", &action, &form).await;
    assert_eq!(page.location(), "/admin/access?done=allow-edited-shared");
    let share = app
        .fake()
        .shares()
        .into_iter()
        .find(|s| s.user_id == ALICE.id)
        .unwrap();
    assert_eq!(share.section_ids, vec![plexgate::fakeplex::MUSIC]);
    let id = ALICE.id;
    let grant = app
        .store()
        .read(move |tx| tx.get_grant(id))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(grant.expires_at, Some(grant.created_at + 10 * 86_400));
}

#[tokio::test]
async fn an_app_with_a_bad_redirect_uri_or_a_taken_id_is_said_beside_its_field() {
    let app = TestApp::with_fake(&[NO_LIMIT]).await;
    let mut b = admin(&app, &OWNER).await;
    let bad = [
        ("client_id", "immich"),
        ("name", "Immich"),
        ("redirect_uris", "photos.example.com/callback"),
    ];
    let page = submit(&app, &mut b, "/admin/apps", "/admin/apps/oidc", &bad).await;
    assert_eq!(
        page.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        page.body
    );
    let said = error_text(&page.body, "oidc-add-redirect_uris-error").expect("beside the URIs");
    assert!(said.contains("is not a full address"), "{said}");
    assert!(error_text(&page.body, "oidc-add-client_id-error").is_none());
    assert!(page.body.contains("value=\"immich\"") && page.body.contains("value=\"Immich\""));
    assert!(
        page.body
            .contains(">photos.example.com&#x2F;callback</textarea>")
    );
    let good = [
        ("client_id", "immich"),
        ("redirect_uris", "https://photos.example.com/auth/login"),
    ];
    let page = submit(&app, &mut b, "/admin/apps", "/admin/apps/oidc", &good).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    // The same id again would replace the app (and its secret): said, nothing changed.
    let page = submit(&app, &mut b, "/admin/apps", "/admin/apps/oidc", &good).await;
    assert_eq!(
        page.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        page.body
    );
    let said = error_text(&page.body, "oidc-add-client_id-error").expect("beside the id");
    assert!(said.starts_with("immich is already on your list"), "{said}");
}
