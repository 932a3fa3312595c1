#![allow(clippy::unwrap_used)]
use super::*;

/// `r` parses and has exactly `en`'s messages, each with the same variables.
fn same_messages(en: &Report, r: &Report, name: &str) {
    assert!(r.errors.is_empty(), "{name}: {:?}", r.errors);
    for (id, vars) in &en.variables {
        assert_eq!(r.variables.get(id), Some(vars), "{name}: message {id}");
    }
    for id in r.variables.keys() {
        assert!(en.variables.contains_key(id), "{name}: extra {id}");
    }
}

#[test]
fn every_catalogue_parses_and_has_every_message_with_the_same_variables() {
    let en = report(Lang::EN);
    assert!(en.errors.is_empty(), "en: {:?}", en.errors);
    assert!(en.variables.len() > 50, "the English catalogue looks empty");
    for lang in Lang::all().skip(1) {
        same_messages(&en, &report(lang), lang.tag());
    }
}

#[test]
fn polish_plurals_have_three_forms() {
    let pl = Lang::from_tag("pl").unwrap();
    let days = |n| sync_scope(pl, || tr_args("rel-in-months", &[("n", num(n))]));
    assert_eq!(days(1), "za 1 miesiąc");
    assert_eq!(days(3), "za 3 miesiące");
    assert_eq!(days(5), "za 5 miesięcy");
    assert_eq!(days(22), "za 22 miesiące");
}

#[test]
fn a_missing_message_is_visible_in_tests() {
    assert_eq!(
        text_in(Lang::EN, "no-such-message", None),
        "⟦no-such-message⟧"
    );
}

#[test]
fn plurals_and_variables() {
    let de = Lang::from_tag("de").unwrap();
    let one = sync_scope(de, || tr_args("rel-days-ago", &[("n", num(1))]));
    let many = sync_scope(de, || tr_args("rel-days-ago", &[("n", num(3))]));
    assert_eq!(one, "vor 1 Tag");
    assert_eq!(many, "vor 3 Tagen");
    assert_eq!(tr_args("rel-days-ago", &[("n", num(3))]), "3 days ago");
}

#[test]
fn accept_language_with_fallbacks_and_q_values() {
    let tag = |c: Option<&str>, h: Option<&str>| negotiate(c, h).tag();
    assert_eq!(tag(None, None), "en");
    assert_eq!(tag(None, Some("xx")), "en");
    assert_eq!(tag(None, Some("de-AT,de;q=0.9,en;q=0.8")), "de");
    assert_eq!(tag(None, Some("en;q=0.5, ja")), "ja");
    assert_eq!(tag(None, Some("xx, ja;q=0.1")), "ja");
    assert_eq!(tag(None, Some("de;q=0, ja;q=0.2")), "ja");
    assert_eq!(tag(None, Some("*")), "en");
    assert_eq!(tag(Some("ja"), Some("de")), "ja");
    assert_eq!(tag(Some("zz"), Some("de")), "de");
    assert_eq!(tag(None, Some("DE")), "de");
    assert_eq!(tag(None, Some("pt-BR")), "pt-BR");
    assert_eq!(tag(None, Some("pt-PT, en;q=0.5")), "pt-BR");
    assert_eq!(tag(None, Some("pt")), "pt-BR");
}

#[test]
fn the_admin_catalogues_have_every_admin_message_with_the_same_variables() {
    let en = report_admin(Lang::EN).unwrap();
    assert!(en.errors.is_empty(), "admin en: {:?}", en.errors);
    assert!(
        en.variables.len() > 100,
        "the English admin catalogue looks empty"
    );
    let friend = report(Lang::EN);
    for id in en.variables.keys() {
        assert!(
            id.starts_with("adm-"),
            "admin message {id} lacks the adm- prefix"
        );
        assert!(
            !friend.variables.contains_key(id),
            "{id} in both catalogues"
        );
    }
    let shipped: Vec<Lang> = Lang::all().filter(|l| l.has_admin()).collect();
    let tags: Vec<&str> = shipped.iter().map(|l| l.tag()).collect();
    assert_eq!(tags, ["en", "de", "fr"]);
    for lang in shipped.into_iter().skip(1) {
        same_messages(
            &en,
            &report_admin(lang).unwrap(),
            &format!("admin {}", lang.tag()),
        );
    }
    // The friend catalogues carry no admin messages.
    for lang in Lang::all() {
        assert!(
            report(lang)
                .variables
                .keys()
                .all(|id| !id.starts_with("adm-")),
            "{}",
            lang.tag()
        );
    }
}

#[test]
fn admin_pages_fall_back_to_english_for_other_languages() {
    let ja = Lang::from_tag("ja").unwrap();
    assert_eq!(text_in(ja, "adm-save", None), "Save");
    let tag = |c: Option<&str>, h: Option<&str>| negotiate_admin(c, h).tag();
    assert_eq!(tag(None, Some("ja")), "en");
    assert_eq!(tag(None, Some("ja, fr;q=0.5")), "fr");
    assert_eq!(tag(Some("ja"), Some("de")), "de");
    assert_eq!(tag(Some("fr"), Some("de")), "fr");
    assert_eq!(tag(None, Some("de-CH")), "de");
    assert_eq!(tag(None, Some("pt-BR")), "en");
}
