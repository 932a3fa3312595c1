//! Reading plex.tv XML (v1 always, v2 when it ignores `Accept`): illegal characters are stripped
//! first (as python-plexapi does), booleans are "0"/"1".

use roxmltree::{Document, Node};

use super::PlexError;

/// Removes characters XML 1.0 forbids (plex.tv has sent control characters in titles).
pub(crate) fn sanitize(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
        })
        .collect()
}

/// Parses a body and hands its root element to `read`.
pub(crate) fn with_root<T>(
    text: &str,
    read: impl FnOnce(Node<'_, '_>) -> Result<T, PlexError>,
) -> Result<T, PlexError> {
    let clean = sanitize(text);
    let doc = Document::parse(&clean).map_err(|e| PlexError::Protocol(format!("bad XML: {e}")))?;
    read(doc.root_element())
}

/// The elements named `tag` under `node` (itself included), in document order.
pub(crate) fn all<'a, 'i>(
    node: Node<'a, 'i>,
    tag: &'a str,
) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.descendants().filter(move |n| n.has_tag_name(tag))
}

/// The direct children named `tag`.
pub(crate) fn children<'a, 'i>(
    node: Node<'a, 'i>,
    tag: &'a str,
) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.children().filter(move |n| n.has_tag_name(tag))
}

/// A non-empty attribute.
pub(crate) fn attr(node: Node<'_, '_>, name: &str) -> Option<String> {
    node.attribute(name)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// An integer attribute.
pub(crate) fn attr_u64(node: Node<'_, '_>, name: &str) -> Option<u64> {
    node.attribute(name)?.trim().parse().ok()
}

/// A "0"/"1" (or "true"/"false") attribute.
pub(crate) fn attr_bool(node: Node<'_, '_>, name: &str) -> Option<bool> {
    node.attribute(name)
        .map(|v| matches!(v.trim(), "1" | "true" | "True"))
}

/// A required integer attribute.
pub(crate) fn need_u64(node: Node<'_, '_>, name: &str) -> Result<u64, PlexError> {
    attr_u64(node, name)
        .ok_or_else(|| PlexError::Protocol(format!("<{}> without {name}", node.tag_name().name())))
}

/// Reads a v2 answer sent as XML into the JSON shape the v2 readers take (`~`, see
/// [`super::assumptions::V2_SHARES_ACCEPT_XML`]): attributes become string fields; a child element
/// holding only a `size` attribute (or none) is a list of its children; any other child is an
/// object. A root that is a list (`<sharedServers size="2">…`) becomes an array.
pub(crate) fn to_value(text: &str) -> Result<serde_json::Value, PlexError> {
    with_root(text, |root| Ok(element_value(root)))
}

fn is_list(node: Node<'_, '_>) -> bool {
    node.attributes().all(|a| a.name() == "size")
}

fn element_value(node: Node<'_, '_>) -> serde_json::Value {
    use serde_json::Value;
    if is_list(node) && node.children().any(|c| c.is_element()) || node.has_attribute("size") {
        return Value::Array(
            node.children()
                .filter(Node::is_element)
                .map(object_value)
                .collect(),
        );
    }
    object_value(node)
}

fn object_value(node: Node<'_, '_>) -> serde_json::Value {
    use serde_json::{Map, Value};
    let mut map = Map::new();
    for a in node.attributes() {
        map.insert(a.name().to_owned(), Value::String(a.value().to_owned()));
    }
    for c in node.children().filter(Node::is_element) {
        let v = if is_list(c) {
            Value::Array(
                c.children()
                    .filter(Node::is_element)
                    .map(object_value)
                    .collect(),
            )
        } else {
            object_value(c)
        };
        map.insert(c.tag_name().name().to_owned(), v);
    }
    Value::Object(map)
}

/// The message of a v1 error: `<Response code status/>` or `<errors><error>…</error></errors>`.
pub(crate) fn error_message(text: &str) -> Option<String> {
    let clean = sanitize(text);
    let doc = Document::parse(&clean).ok()?;
    let root = doc.root_element();
    if let Some(status) = root.attribute("status") {
        return Some(status.to_owned());
    }
    all(root, "error").find_map(|n| n.text()).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn strips_illegal_characters_and_reads_flags() {
        let text =
            "<MediaContainer><Server name=\"Den\u{1}\" owned=\"1\" n=\"12\"/></MediaContainer>";
        let (name, owned, n) = with_root(text, |root| {
            let s = all(root, "Server").next().unwrap();
            Ok((attr(s, "name"), attr_bool(s, "owned"), attr_u64(s, "n")))
        })
        .unwrap();
        assert_eq!(name.as_deref(), Some("Den"));
        assert_eq!(owned, Some(true));
        assert_eq!(n, Some(12));
    }

    #[test]
    fn v2_xml_reads_like_json() {
        let x = r#"<sharedServers size="1"><sharedServer id="7" accepted="0">
            <invited id="42" username="bob"/><sharingSettings allowSync="1"/>
            <libraries><library id="5"/><library id="6"/></libraries></sharedServer></sharedServers>"#;
        let v = to_value(x).unwrap();
        assert_eq!(v[0]["id"], "7");
        assert_eq!(v[0]["invited"]["username"], "bob");
        assert_eq!(v[0]["sharingSettings"]["allowSync"], "1");
        assert_eq!(v[0]["libraries"][1]["id"], "6");
        let one = to_value(r#"<sharedServer id="9"><libraries/></sharedServer>"#).unwrap();
        assert_eq!(one["id"], "9");
        assert!(one["libraries"].as_array().unwrap().is_empty());
        assert!(
            to_value(r#"<invites size="0"/>"#)
                .unwrap()
                .as_array()
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn error_messages() {
        let r = r#"<Response code="410" status="This endpoint was deprecated and removed"/>"#;
        assert_eq!(
            error_message(r).as_deref(),
            Some("This endpoint was deprecated and removed")
        );
        let e = "<errors><error>Invalid authentication token.</error></errors>";
        assert_eq!(
            error_message(e).as_deref(),
            Some("Invalid authentication token.")
        );
        assert!(with_root("not xml", |_| Ok(())).is_err());
    }
}
