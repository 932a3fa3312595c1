#![allow(clippy::unwrap_used)]
use super::*;

#[test]
fn every_catalogue_parses_and_has_every_message_with_the_same_variables() {
    let en = report(Lang::EN);
    assert!(en.errors.is_empty(), "en: {:?}", en.errors);
    assert!(en.variables.len() > 50, "the English catalogue looks empty");
    for lang in Lang::all().skip(1) {
        let r = report(lang);
        assert!(r.errors.is_empty(), "{}: {:?}", lang.tag(), r.errors);
        for (id, vars) in &en.variables {
            let theirs = r.variables.get(id);
            assert_eq!(theirs, Some(vars), "{}: message {id}", lang.tag());
        }
        for id in r.variables.keys() {
            assert!(en.variables.contains_key(id), "{}: extra {id}", lang.tag());
        }
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
