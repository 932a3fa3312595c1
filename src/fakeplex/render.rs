//! Response writers: v2 JSON or XML (chosen by `Accept`), v1 XML, the error shapes of plex-api.md §0
//! and the HTML 404 page. XML is written by hand; every attribute value and text goes through
//! [`esc`], because names and emails come from requests.

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use serde_json::Value;

/// Escapes text for a double-quoted XML/HTML attribute value or element text (`'` stays as it is:
/// plex.tv's "You're already sharing" reads naturally to clients that search the raw body).
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 forbids are dropped rather than sent (python-plexapi strips them too).
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// A hand-written XML element: `Elem::new("Server").attr("id", 1).child(...)`.
#[derive(Debug, Clone)]
pub(crate) struct Elem {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Elem>,
    text: Option<String>,
}

impl Elem {
    pub(crate) fn new(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            attrs: Vec::new(),
            children: Vec::new(),
            text: None,
        }
    }

    pub(crate) fn attr(mut self, key: &str, value: impl ToString) -> Self {
        self.attrs.push((key.to_owned(), value.to_string()));
        self
    }

    /// A "0"/"1" boolean, as plex.tv writes them in XML.
    pub(crate) fn flag(self, key: &str, value: bool) -> Self {
        self.attr(key, if value { "1" } else { "0" })
    }

    pub(crate) fn child(mut self, child: Elem) -> Self {
        self.children.push(child);
        self
    }

    pub(crate) fn children(mut self, children: impl IntoIterator<Item = Elem>) -> Self {
        self.children.extend(children);
        self
    }

    pub(crate) fn text(mut self, text: &str) -> Self {
        self.text = Some(text.to_owned());
        self
    }

    pub(crate) fn write(&self, out: &mut String) {
        out.push('<');
        out.push_str(&self.name);
        for (k, v) in &self.attrs {
            out.push(' ');
            out.push_str(k);
            out.push_str("=\"");
            out.push_str(&esc(v));
            out.push('"');
        }
        if self.children.is_empty() && self.text.is_none() {
            out.push_str("/>");
            return;
        }
        out.push('>');
        if let Some(t) = &self.text {
            out.push_str(&esc(t));
        }
        for c in &self.children {
            c.write(out);
        }
        out.push_str("</");
        out.push_str(&self.name);
        out.push('>');
    }

    /// The whole document with an XML declaration.
    pub(crate) fn document(&self) -> String {
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        self.write(&mut out);
        out.push('\n');
        out
    }
}

/// The element name for one item of a list called `key` (`libraries` -> `library`).
fn singular(key: &str) -> String {
    if let Some(stem) = key.strip_suffix("ies") {
        format!("{stem}y")
    } else if let Some(stem) = key.strip_suffix('s') {
        stem.to_owned()
    } else {
        format!("{key}Item")
    }
}

fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::Null | Value::Object(_) | Value::Array(_) => None,
        Value::Bool(b) => Some(if *b { "1" } else { "0" }.to_owned()),
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.clone()),
    }
}

/// Converts a v2 JSON value to plex.tv's XML shape: scalars become attributes (null is left out,
/// booleans are "0"/"1"), objects become child elements, lists become a wrapper element holding one
/// element per item, and lists of scalars become `<feature id="..."/>` items as python-plexapi reads them.
pub(crate) fn json_to_xml(name: &str, v: &Value) -> Elem {
    match v {
        Value::Object(map) => {
            let mut e = Elem::new(name);
            for (k, child) in map {
                if child.is_object() || child.is_array() {
                    e = e.child(json_to_xml(k, child));
                } else if let Some(t) = scalar_text(child) {
                    e = e.attr(k, t);
                }
            }
            e
        }
        Value::Array(items) => {
            let item_name = singular(name);
            Elem::new(name).children(items.iter().map(|item| match scalar_text(item) {
                Some(t) => Elem::new(&item_name).attr("id", t),
                None => json_to_xml(&item_name, item),
            }))
        }
        other => Elem::new(name).text(&scalar_text(other).unwrap_or_default()),
    }
}

fn with_type(status: StatusCode, content_type: &'static str, body: String) -> Response {
    let mut resp = Response::new(Body::from(body));
    *resp.status_mut() = status;
    resp.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    resp
}

/// An XML response (v1 always, v2 without `Accept: application/json`).
pub(crate) fn xml(status: StatusCode, root: &Elem) -> Response {
    with_type(status, "application/xml; charset=utf-8", root.document())
}

/// A JSON response.
pub(crate) fn json(status: StatusCode, v: &Value) -> Response {
    with_type(status, "application/json; charset=utf-8", v.to_string())
}

/// A v2 answer: JSON when asked for, else the XML form rooted at `root`.
pub(crate) fn v2(wants_json: bool, status: StatusCode, root: &str, v: &Value) -> Response {
    if wants_json {
        return json(status, v);
    }
    let mut e = json_to_xml(root, v);
    if let Value::Array(items) = v {
        e = e.attr("size", items.len());
    }
    xml(status, &e)
}

/// A v2 error: `{"errors":[{"code","message","status"}]}` or `<errors><error .../></errors>`.
pub(crate) fn v2_error(wants_json: bool, status: StatusCode, code: u32, message: &str) -> Response {
    let v = serde_json::json!({
        "errors": [{ "code": code, "message": message, "status": status.as_u16() }]
    });
    if wants_json {
        return json(status, &v);
    }
    let err = Elem::new("error")
        .attr("code", code)
        .attr("message", message)
        .attr("status", status.as_u16());
    xml(status, &Elem::new("errors").child(err))
}

/// v1 `<Response code="..." status="..."/>`.
pub(crate) fn v1_response(status: StatusCode, message: &str) -> Response {
    let e = Elem::new("Response")
        .attr("code", status.as_u16())
        .attr("status", message);
    xml(status, &e)
}

/// v1 `<errors><error>...</error></errors>` (bad token, missing object).
pub(crate) fn v1_errors(status: StatusCode, message: &str) -> Response {
    xml(
        status,
        &Elem::new("errors").child(Elem::new("error").text(message)),
    )
}

/// The message plex.tv's dead endpoints answer with.
pub(crate) const GONE_MESSAGE: &str = "This endpoint was deprecated and removed";

/// A 410 in the v1 shape.
pub(crate) fn gone() -> Response {
    v1_response(StatusCode::GONE, GONE_MESSAGE)
}

/// An HTML page.
pub(crate) fn html(status: StatusCode, body: String) -> Response {
    with_type(status, "text/html; charset=utf-8", body)
}

/// The HTML 404 page plex.tv shows for routes it does not have.
pub(crate) fn html_404_body() -> String {
    "<!DOCTYPE html><html><head><title>404 Not Found</title></head>\
     <body><h1>404 Not Found</h1><p>The page you were looking for doesn't exist.</p></body></html>"
        .to_owned()
}

/// An empty answer with a status (204, 405, ...).
pub(crate) fn empty(status: StatusCode) -> Response {
    let mut resp = Response::new(Body::empty());
    *resp.status_mut() = status;
    resp
}

/// A 302 to `location` (the value was checked by the caller).
pub(crate) fn redirect(location: &str) -> Response {
    let mut resp = empty(StatusCode::FOUND);
    if let Ok(v) = HeaderValue::from_str(location) {
        resp.headers_mut().insert(header::LOCATION, v);
    }
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_escaped_and_json_maps_to_xml() {
        let e = Elem::new("a").attr("n", "x\"<&>'");
        assert_eq!(
            e.document().lines().nth(1),
            Some("<a n=\"x&quot;&lt;&amp;&gt;'\"/>")
        );
        let v = serde_json::json!({"id": 1, "ok": true, "gone": null,
            "libraries": [{"id": 2}], "features": ["f"], "sub": {"a": "b"}});
        let mut out = String::new();
        json_to_xml("share", &v).write(&mut out);
        assert!(
            out.contains("<libraries><library id=\"2\"/></libraries>"),
            "{out}"
        );
        assert!(
            out.contains("<features><feature id=\"f\"/></features>"),
            "{out}"
        );
        assert!(
            out.contains("<sub a=\"b\"/>") && out.contains("ok=\"1\"") && !out.contains("gone")
        );
    }
}
