#![allow(clippy::unwrap_used)]
use super::*;

fn app(host: &str, path: Option<&str>, allow: SsoRule) -> AppEntry {
    AppEntry {
        app: SsoApp {
            host: host.into(),
            path: path.map(Into::into),
            name: None,
            allow,
            users: vec![],
            libraries: vec![],
            bypass: vec![],
        },
        source: AppSource::Config,
    }
}

#[test]
fn hosts_match_ignoring_case_with_one_wildcard_label() {
    assert!(host_matches("A.Example.com", "a.example.com"));
    assert!(host_matches("*.example.com", "x.example.com"));
    assert!(!host_matches("*.example.com", "y.x.example.com"));
    assert!(!host_matches("*.example.com", "example.com"));
    assert!(!host_matches("a.example.com", "a.example.com.evil.test"));
}

#[test]
fn longest_whole_segment_prefix_wins() {
    let apps = vec![
        app("a.example.com", None, SsoRule::Friends),
        app("a.example.com", Some("/admin"), SsoRule::Owner),
        app("*.example.com", Some("/admin/deep"), SsoRule::Deny),
    ];
    let rule = |p: &str| find_app(&apps, "a.example.com", p).map(|a| a.app.allow);
    assert_eq!(rule("/admin/x"), Some(SsoRule::Owner));
    assert_eq!(rule("/administrator"), Some(SsoRule::Friends));
    assert_eq!(rule(&normalize_path("/x/../admin")), Some(SsoRule::Owner));
    assert_eq!(rule(&normalize_path("/%61dmin")), Some(SsoRule::Owner));
    assert_eq!(rule(&normalize_path("//admin")), Some(SsoRule::Owner));
    assert_eq!(
        find_app(&apps, "other.test", "/").map(|a| a.app.allow),
        None
    );
}

#[test]
fn bypass_is_exact_and_refuses_tricks() {
    let b = vec!["/api/".to_owned()];
    assert!(bypassed(&b, "/api/v1/x"));
    assert!(bypassed(&b, "/%61pi/x"));
    for bad in [
        "/api",
        "/apix",
        "/API/x",
        "/api/../admin",
        "/api/%2e%2e/admin",
        "/api/%2F..%2Fadmin",
        "//api/x",
        "/api//x",
        "/api/x;y",
        "/api\\x",
        "/api/%252e",
        "/api/./x",
        "/x/api/",
    ] {
        assert!(!bypassed(&b, bad), "{bad}");
    }
}

#[test]
fn bypass_refuses_encoded_separators_and_any_escape_of_a_reserved_character() {
    let b = vec!["/api/".to_owned()];
    // Escapes of unreserved characters are fine (`%61` is `a`, `%7E` is `~`).
    for good in ["/api/%7Euser", "/api/v%2D1", "/api/a%2Eb", "/api/%5F"] {
        assert!(bypassed(&b, good), "{good}");
    }
    for bad in [
        "/api%2Fadmin",
        "/api%2fv3/series",
        "/api%5Cadmin",
        "/api%5cadmin",
        "/api/%2F",
        "/api/x%2fy",
        "/api/x%5Cy",
        "/api/x%5cy",
        "/api/%252F",
        "/api/%25",
        "/api/%3B",
        "/api/%3F",
        "/api/%23",
        "/api/%20x",
        "/api/%C3%A9",
        "/api/%",
        "/api/%4",
        "/api/%G1",
        "/api/%+1",
    ] {
        assert!(!bypassed(&b, bad), "{bad}");
    }
}

#[test]
fn bypass_refuses_control_characters() {
    let b = vec!["/api/".to_owned()];
    for bad in [
        "/api/\u{7}x",
        "/api/x\u{1f}",
        "/api/\u{7f}",
        "/api/\t",
        "/api/\u{85}x",
        "/api/%07x",
        "/api/%7F",
        "/api/%C2%85",
    ] {
        assert!(!bypassed(&b, bad), "{bad:?}");
    }
}

#[test]
fn rules_and_groups() {
    let friend = Who {
        plex_id: 7,
        username: "alice".into(),
        email: Some("a@x.test".into()),
        active_grant: Some(vec![1]),
        ..Who::default()
    };
    let none = |_: &str| None;
    let t = |_: &str| Some(1);
    let eight = |_: &str| Some(8);
    let alice = vec!["alice".to_owned()];
    let (movies, two) = (vec![LibraryRef::Title("M".into())], vec![LibraryRef::Id(2)]);
    type Lookup<'a> = &'a dyn Fn(&str) -> Option<u64>;
    type Case<'a> = (
        bool,
        SsoRule,
        &'a [String],
        &'a [LibraryRef],
        Lookup<'a>,
        Lookup<'a>,
    );
    let cases: [Case; 7] = [
        (true, SsoRule::Friends, &[], &[], &none, &none),
        (false, SsoRule::Admins, &[], &[], &none, &none),
        (false, SsoRule::Friends, &[], &two, &none, &none),
        (true, SsoRule::Friends, &[], &movies, &none, &t),
        (true, SsoRule::Owner, &["ALICE".into()], &[], &none, &none),
        (false, SsoRule::Owner, &alice, &[], &eight, &none),
        (false, SsoRule::Deny, &alice, &[], &none, &none),
    ];
    for (i, (want, rule, users, libs, pin_of, title_id)) in cases.into_iter().enumerate() {
        assert_eq!(
            passes(rule, users, libs, &friend, pin_of, title_id),
            want,
            "case {i}"
        );
    }
    assert_eq!(friend.groups(), "plexgate-friends");
    let owner = Who {
        owner: true,
        ..Who::default()
    };
    assert!(passes(SsoRule::Owner, &[], &[], &owner, &none, &none));
    assert_eq!(
        owner.groups(),
        "plexgate-owner,plexgate-admins,plexgate-friends"
    );
    assert_eq!(Who::default().groups(), "");
}

#[test]
fn header_values_are_ascii_without_controls() {
    assert_eq!(header_value("Jos\u{e9} \r\nX\0"), "Jos%C3%A9 X");
}

#[test]
fn rd_hosts_stay_inside_the_cookie_domain() {
    let ok = |u: &str| rd_target(u, false, "example.com").is_some();
    assert!(ok("https://a.example.com/x?y=1"));
    assert!(ok("https://A.EXAMPLE.com.:8443/"));
    assert!(ok("https://example.com/"));
    for bad in [
        "http://a.example.com/",
        "https://a.example.com.evil.test/",
        "https://evilexample.com/",
        "https://u:p@a.example.com/",
        "https://user@a.example.com/",
        "https://127.0.0.1/",
        "https://[::1]/",
        "javascript:alert(1)",
        "//a.example.com/",
        "/local",
    ] {
        assert!(!ok(bad), "{bad}");
    }
    assert!(rd_target("http://a.example.com/", true, "example.com").is_some());
}

#[test]
fn an_exact_host_beats_a_wildcard_then_the_longer_prefix() {
    let apps = vec![
        app("a.example.com", Some("/admin"), SsoRule::Owner),
        app("*.example.com", Some("/admin/deep"), SsoRule::Deny),
    ];
    let rule = |h: &str, p: &str| find_app(&apps, h, p).map(|a| a.app.allow);
    assert_eq!(rule("a.example.com", "/admin"), Some(SsoRule::Owner));
    assert_eq!(rule("a.example.com", "/admin/deep/x"), Some(SsoRule::Owner));
    assert_eq!(rule("b.example.com", "/admin/deep/x"), Some(SsoRule::Deny));
    assert_eq!(rule("b.example.com", "/admin/x"), None);
}

#[test]
fn the_display_name_is_the_configured_name_else_the_host() {
    let mut e = app("a.example.com", None, SsoRule::Friends);
    assert_eq!(e.display_name(), "a.example.com");
    e.app.name = Some("  ".into());
    assert_eq!(e.display_name(), "a.example.com");
    e.app.name = Some("Sonarr".into());
    assert_eq!(e.display_name(), "Sonarr");
}

#[test]
fn users_entries_name_by_id_username_or_email_and_pins_only_by_id() {
    let who = Who {
        plex_id: 7,
        username: "alice".into(),
        email: Some("a@x.test".into()),
        ..Who::default()
    };
    assert!(user_entry_names("7", None, &who));
    assert!(user_entry_names(" Alice ", None, &who));
    assert!(user_entry_names("A@X.test", None, &who));
    for other in ["8", "bob", "b@x.test", "", "  "] {
        assert!(!user_entry_names(other, None, &who), "{other:?}");
    }
    let no_mail = Who {
        email: None,
        ..who.clone()
    };
    assert!(!user_entry_names("a@x.test", None, &no_mail));
    assert!(user_entry_names("alice", Some(7), &who));
    assert!(
        !user_entry_names("alice", Some(8), &who),
        "pinned to another id"
    );
    assert!(user_entry_names("someone-else", Some(7), &who));
}

#[test]
fn co_admins_are_admins_and_admins_pass_friends_without_a_grant() {
    let none = |_: &str| None;
    let co = Who {
        plex_id: 9,
        co_admin: true,
        ..Who::default()
    };
    let owner = Who {
        plex_id: 1,
        owner: true,
        ..Who::default()
    };
    assert!(co.admin() && owner.admin() && !Who::default().admin());
    assert_eq!(co.groups(), "plexgate-admins,plexgate-friends");
    for (rule, co_passes) in [
        (SsoRule::Admins, true),
        (SsoRule::Friends, true),
        (SsoRule::Owner, false),
        (SsoRule::Deny, false),
    ] {
        assert_eq!(
            passes(rule, &[], &[], &co, &none, &none),
            co_passes,
            "{rule:?}"
        );
    }
    assert!(passes(SsoRule::Admins, &[], &[], &owner, &none, &none));
    assert!(passes(
        SsoRule::Friends,
        &[],
        &[LibraryRef::Id(2)],
        &owner,
        &none,
        &none
    ));
    let stranger = Who {
        plex_id: 5,
        ..Who::default()
    };
    assert!(!passes(SsoRule::Friends, &[], &[], &stranger, &none, &none));
    assert!(passes(
        SsoRule::Admins,
        &["5".into()],
        &[],
        &stranger,
        &none,
        &none
    ));
}

#[test]
fn percent_decoding_takes_two_hex_digits_only() {
    assert_eq!(percent_decode("/caf%C3%A9%2f").as_deref(), Some("/café/"));
    // `from_str_radix` alone would read `+1` as 1 and `-0` as 0.
    for bad in ["%+1", "%-0", "%1", "%", "%zz", "%ff"] {
        assert_eq!(percent_decode(bad), None, "{bad}");
    }
}
