//! Friends read plexgate in their own language (issue 24): every friend page in every shipped
//! language without a missing message, no English sentence left on the German and Japanese
//! pages, English for an unknown language, and the language picker that works without script.
//! The admin pages and the owner's setup steps the same way in English, German and French.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use plexgate::fakeplex::{self, ALICE, BOB, DAVE, Fault, MOVIES, OWNER, TV};
use plexgate::i18n::{Lang, report, report_admin};
use reqwest::StatusCode;

use crate::join::browser::{Browser, Page};
use crate::join::journeys::{allow, hidden_value, invite};
use crate::support::{TestApp, allow_for_days};

/// Every friend page as a friend speaking `lang` meets it: (what, page).
async fn friend_pages(lang: &str) -> Vec<(&'static str, Page)> {
    let mut out = Vec::new();
    let unready = TestApp::start().await;
    out.push((
        "not ready",
        Browser::speaking(lang).get(&unready.url("/")).await,
    ));
    unready.stop().await;

    let app = TestApp::with_fake(&[]).await;
    let mut anon = Browser::speaking(lang);
    out.push(("welcome", anon.get(&app.url("/")).await));
    invite(&app, "good-invite-code-0001", None, None).await;
    invite(&app, "old-invite-code-0002", None, Some(-60)).await;
    out.push((
        "invite",
        anon.get(&app.url("/i/good-invite-code-0001")).await,
    ));
    out.push((
        "invite expired",
        anon.get(&app.url("/i/old-invite-code-0002")).await,
    ));
    out.push((
        "invite unknown",
        anon.get(&app.url("/i/no-such-code")).await,
    ));
    out.push(("404", anon.get(&app.url("/no/such/page")).await));
    out.push(("me, signed out", anon.get(&app.url("/me")).await));
    out.push(("request, signed out", anon.get(&app.url("/request")).await));
    out.push((
        "callback without a flow",
        anon.get(&app.url("/auth/plex/callback")).await,
    ));
    let bogus = anon.post(&app.url("/request"), &[("token", "bogus")]).await;
    out.push(("request form expired", bogus));

    // Waiting for Plex: the PIN was never approved.
    let mut waiting = Browser::speaking(lang);
    waiting.start(&app, "/auth/plex").await;
    out.push((
        "waiting for plex",
        waiting.get(&app.url("/auth/plex/callback")).await,
    ));

    // Not on the list, asking for access.
    let mut bob = Browser::speaking(lang);
    let refused = bob.sign_in(&app, &BOB, "/auth/plex").await;
    let token = hidden_value(&refused.body, "token");
    out.push(("not on the list", refused));
    let long = "x".repeat(501);
    let too_long = bob
        .post(&app.url("/request"), &[("token", &token), ("note", &long)])
        .await;
    out.push(("note too long", too_long));
    let mut sent = bob
        .post(&app.url("/request"), &[("token", &token), ("note", "hi")])
        .await;
    if sent.status == StatusCode::SEE_OTHER {
        sent = bob.follow(&app, &sent).await;
    }
    out.push(("request sent", sent));
    out.push((
        "not on the list, asked",
        bob.get(&app.url("/request")).await,
    ));

    // Almost there (shared, not accepted), then /me.
    allow(&app, "alice", None).await;
    app.fake().inject(Fault::status(
        "/api/v2/shared_servers/invites/received",
        503,
    ));
    let mut alice = Browser::speaking(lang);
    out.push((
        "almost there",
        alice.sign_in(&app, &ALICE, "/auth/plex").await,
    ));
    app.fake().clear_faults();
    out.push(("me, pending", alice.get(&app.url("/me")).await));

    // You're in, with an end date, then /me, signing out and a stale sign-out form.
    allow_for_days(&app, "dave", Some(30)).await;
    let mut dave = Browser::speaking(lang);
    let joined = dave.sign_in(&app, &DAVE, "/auth/plex").await;
    assert!(joined.status.is_success(), "{}", joined.body);
    out.push(("you're in", joined));
    let me = dave.get(&app.url("/me")).await;
    let csrf = hidden_value(&me.body, "csrf");
    out.push(("me", me));
    let stale = dave
        .post(&app.url("/auth/signout"), &[("csrf", "stale")])
        .await;
    out.push(("stale sign-out form", stale));
    let bye = dave
        .post(&app.url("/auth/signout"), &[("csrf", &csrf)])
        .await;
    out.push(("signed out", dave.follow(&app, &bye).await));
    app.stop().await;

    // The other apps' pages: forward auth and OpenID Connect.
    let apps = TestApp::with_fake(&[
        (
            "PLEXGATE_SERVER_PUBLIC_URL",
            "http://auth.example.com:{port}",
        ),
        ("PLEXGATE_SERVER_LISTEN", "127.0.0.1:{port}"),
        ("PLEXGATE_SSO_ENABLED", "true"),
        ("PLEXGATE_SSO_COOKIE_DOMAIN", "example.com"),
        ("PLEXGATE_OIDC_ENABLED", "true"),
    ])
    .await;
    let mut anon = Browser::speaking(lang);
    let rd = "https%3A%2F%2Ffriends.example.com%2F";
    out.push((
        "app sign-in",
        anon.get(&apps.url(&format!("/sso/login?rd={rd}"))).await,
    ));
    out.push((
        "app sign-out, signed out",
        anon.get(&apps.url("/sso/logout")).await,
    ));
    let bad = "/oidc/authorize?client_id=nope&redirect_uri=https%3A%2F%2Fx.example.com%2F";
    out.push(("oidc unknown app", anon.get(&apps.url(bad)).await));
    out.push(("oidc signed out", anon.get(&apps.url("/oidc/logout")).await));
    apps.stop().await;
    out
}

/// The text a person sees: tags dropped, the common entities decoded, spaces collapsed.
fn visible_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&#x2F;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The English catalogue's phrases of two words or more (between variables).
fn english_phrases() -> Vec<String> {
    report(Lang::EN)
        .texts
        .values()
        .flatten()
        .map(|t| visible_text(t))
        .filter(|t| t.split_whitespace().count() >= 2)
        .collect()
}

/// The visible texts of `lang`'s catalogues: the friend pages' and, with `admin`, the admin's.
fn texts_of(lang: Lang, admin: bool) -> Vec<String> {
    let mut reports = vec![report(lang)];
    reports.extend(report_admin(lang).filter(|_| admin));
    reports
        .iter()
        .flat_map(|r| r.texts.values().flatten())
        .map(|t| visible_text(t))
        .collect()
}

/// Fails when `page` shows a missing message, says another language than `tag` in
/// `<html lang>`, or shows one of `english` that `own` (the page language's texts) lacks.
fn assert_speaks(tag: &str, what: &str, page: &Page, english: &[String], own: &[String]) {
    let body = without_textareas(&page.body);
    assert!(
        !page.body.contains('⟦'),
        "{tag} {what}: a missing message\n{}",
        page.body
    );
    assert_eq!(
        html_lang(page),
        tag,
        "{tag} {what}: <html lang>\n{}",
        page.body
    );
    if tag == "en" {
        return;
    }
    let seen = visible_text(&body);
    // A phrase the translation shares word for word (a brand, a name) is no leak.
    let leaks: Vec<&String> = english
        .iter()
        .filter(|p| seen.contains(p.as_str()) && !own.iter().any(|o| o.contains(p.as_str())))
        .collect();
    assert!(
        leaks.is_empty(),
        "{tag} {what}: English {leaks:?} in\n{seen}"
    );
}

/// `html` without what its text areas hold (the owner's own texts, being edited).
fn without_textareas(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(open) = rest.find("<textarea") {
        let Some(close) = rest[open..].find("</textarea>") else {
            break;
        };
        out.push_str(&rest[..open]);
        rest = &rest[open + close..];
    }
    out.push_str(rest);
    out
}

fn html_lang(page: &Page) -> &str {
    let start = page.body.find("<html lang=\"").map(|i| i + 12).unwrap_or(0);
    let end = page.body[start..].find('"').unwrap_or(0);
    &page.body[start..start + end]
}

#[tokio::test]
async fn every_friend_page_speaks_every_shipped_language() {
    let english = english_phrases();
    assert!(english.len() > 50, "{english:?}");
    for lang in Lang::all() {
        let tag = lang.tag();
        let own = texts_of(lang, false);
        for (what, page) in friend_pages(tag).await {
            assert_speaks(tag, what, &page, &english, &own);
        }
    }
}

/// The owner's setup steps and every admin page, with something on each, as an owner speaking
/// `lang` meets them: (what, page).
async fn admin_pages(lang: &str) -> Vec<(&'static str, Page)> {
    let mut out = Vec::new();
    let app = crate::admin::fixtures::first_run(&[crate::admin::fixtures::NO_LIMIT]).await;
    let code = crate::admin::fixtures::setup_code(&app);
    let mut owner = Browser::speaking(lang);
    out.push((
        "setup step 1",
        owner.get(&app.url(&format!("/setup?code={code}"))).await,
    ));
    let connected = owner
        .sign_in(&app, &OWNER, &format!("/setup/connect?code={code}"))
        .await;
    assert_eq!(connected.location(), "/setup/server", "{}", connected.body);
    let server = owner.get(&app.url("/setup/server")).await;
    let csrf = hidden_value(&server.body, "csrf");
    out.push(("setup step 2", server));
    owner
        .post(
            &app.url("/setup/server"),
            &[("csrf", &csrf), ("server", fakeplex::SERVER_ID)],
        )
        .await;
    out.push((
        "setup step 3",
        owner.get(&app.url("/setup/libraries")).await,
    ));
    let (movies, tv) = (MOVIES.to_string(), TV.to_string());
    let done = owner
        .post(
            &app.url("/setup/libraries"),
            &[
                ("csrf", &csrf),
                ("libraries", &movies),
                ("libraries", &tv),
                ("policy", "invite"),
            ],
        )
        .await;
    assert_eq!(done.location(), "/admin?done=setup", "{}", done.body);

    // Something on every page: an allowlist entry, a request, an invite link, a friend in.
    allow(&app, "alice", None).await;
    invite(&app, "good-invite-code-0001", Some(3), None).await;
    let mut bob = Browser::speaking(lang);
    let refused = bob.sign_in(&app, &BOB, "/auth/plex").await;
    let token = hidden_value(&refused.body, "token");
    bob.post(&app.url("/request"), &[("token", &token), ("note", "hi")])
        .await;
    allow_for_days(&app, "dave", Some(30)).await;
    Browser::speaking(lang)
        .sign_in(&app, &DAVE, "/auth/plex")
        .await;

    for (what, path) in [
        ("dashboard", "/admin?done=setup"),
        ("access", "/admin/access"),
        ("invites", "/admin/invites"),
        ("libraries", "/admin/libraries"),
        ("users", "/admin/users"),
        ("users with history", "/admin/users?show=history"),
        ("activity", "/admin/activity"),
        ("apps", "/admin/apps"),
        ("settings", "/admin/settings"),
    ] {
        let page = owner.get(&app.url(path)).await;
        assert_eq!(page.status, StatusCode::OK, "{what}: {}", page.body);
        out.push((what, page));
    }
    app.stop().await;
    out
}

#[tokio::test]
async fn every_admin_page_speaks_english_german_and_french() {
    let mut english = english_phrases();
    english.extend(
        texts_of(Lang::EN, true)
            .into_iter()
            .filter(|t| t.split_whitespace().count() >= 2),
    );
    for tag in ["en", "de", "fr"] {
        let lang = Lang::from_tag(tag).unwrap();
        let own = texts_of(lang, true);
        for (what, page) in admin_pages(tag).await {
            assert_speaks(tag, what, &page, &english, &own);
        }
    }
}

#[tokio::test]
async fn admin_pages_in_other_languages_are_english() {
    for tag in ["xx", "ja"] {
        let pages = admin_pages(tag).await;
        for (what, page) in &pages {
            assert_eq!(html_lang(page), "en", "{tag} {what}");
            assert!(!page.body.contains('⟦'), "{tag} {what}\n{}", page.body);
        }
        let (_, settings) = pages.last().unwrap();
        assert!(settings.body.contains("API keys"), "{}", settings.body);
        // The picker offers only the admin pages' languages.
        let (_, dashboard) = pages.iter().find(|(w, _)| *w == "dashboard").unwrap();
        let body = &dashboard.body;
        assert!(body.contains("value=\"fr\" lang=\"fr\""), "{body}");
        assert!(!body.contains("value=\"ja\" lang=\"ja\""), "{body}");
    }
}

#[tokio::test]
async fn an_unknown_language_gets_english_and_q_values_pick_the_best() {
    let app = TestApp::with_fake(&[]).await;
    let page = Browser::speaking("xx").get(&app.url("/")).await;
    assert_eq!(html_lang(&page), "en");
    assert!(page.body.contains("Sign in with Plex"), "{}", page.body);
    let page = Browser::speaking("en;q=0.3, de-CH;q=0.8, ja;q=0.5")
        .get(&app.url("/"))
        .await;
    assert_eq!(html_lang(&page), "de");
    assert!(page.body.contains("Mit Plex anmelden"), "{}", page.body);
    let page = Browser::new().get(&app.url("/")).await;
    assert_eq!(html_lang(&page), "en", "no Accept-Language: English");
    app.stop().await;
}

#[tokio::test]
async fn the_picker_remembers_a_language_without_script() {
    let app = TestApp::with_fake(&[]).await;
    let mut b = Browser::speaking("de");
    let welcome = b.get(&app.url("/i/no-such-code")).await;
    assert!(
        welcome.body.contains("name=\"lang\" value=\"ja\""),
        "{}",
        welcome.body
    );
    let back = hidden_value(&welcome.body, "back").replace("&#x2F;", "/");
    assert_eq!(back, "/i/no-such-code");
    let chosen = b
        .post(&app.url("/lang"), &[("lang", "ja"), ("back", &back)])
        .await;
    assert_eq!(chosen.status, StatusCode::SEE_OTHER);
    assert_eq!(chosen.location(), "/i/no-such-code");
    assert!(b.cookies.values().any(|v| v == "ja"), "{:?}", b.cookies);
    let again = b.follow(&app, &chosen).await;
    assert_eq!(
        html_lang(&again),
        "ja",
        "the cookie wins over Accept-Language"
    );
    // Only local paths: anything else goes to the start page.
    let away = b
        .post(
            &app.url("/lang"),
            &[("lang", "de"), ("back", "//evil.example")],
        )
        .await;
    assert_eq!(away.location(), "/");
    app.stop().await;
}

#[tokio::test]
async fn the_owners_texts_stay_theirs_with_a_version_per_language() {
    let app = TestApp::with_fake(&[]).await;
    let access = &app.state.access;
    let save = |key: &'static str, value: &'static str| access.save_page_text("test", key, value);
    save("welcome_title", "Movie night at Sam's").await.unwrap();
    save("welcome_title.de", "Filmabend bei Sam").await.unwrap();
    save("onboarding_markdown.de", "**Popcorn** mitbringen")
        .await
        .unwrap();
    let de = Browser::speaking("de").get(&app.url("/")).await;
    assert!(
        de.body.contains("<h1>Filmabend bei Sam</h1>"),
        "{}",
        de.body
    );
    let ja = Browser::speaking("ja").get(&app.url("/")).await;
    assert!(
        ja.body.contains("<h1>Movie night at Sam&#x27;s</h1>"),
        "{}",
        ja.body
    );
    assert!(
        ja.body.contains("Plex アカウントでサインイン"),
        "{}",
        ja.body
    );
    allow(&app, "dave", None).await;
    let mut dave = Browser::speaking("de");
    let joined = dave.sign_in(&app, &DAVE, "/auth/plex").await;
    assert!(
        joined.body.contains("<strong>Popcorn</strong> mitbringen"),
        "{}",
        joined.body
    );
    allow(&app, "alice", None).await;
    let mut alice = Browser::speaking("fr");
    let joined = alice.sign_in(&app, &ALICE, "/auth/plex").await;
    assert!(!joined.body.contains("Popcorn"), "{}", joined.body);
    assert!(joined.body.contains("Et maintenant"), "{}", joined.body);
    app.stop().await;
}
