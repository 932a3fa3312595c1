//! What a catalogue holds, for the tests that keep the catalogues in step: each message's
//! variables, its literal text, and any syntax error.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::{Lang, SHIPPED, admin_ftl};

/// One catalogue, read back.
#[derive(Debug, Default)]
pub struct Report {
    /// Syntax errors (a shipped catalogue has none).
    pub errors: Vec<String>,
    /// Message id → the variables it uses.
    pub variables: BTreeMap<String, BTreeSet<String>>,
    /// Message id → its literal text pieces (between variables, in every variant).
    pub texts: BTreeMap<String, Vec<String>>,
}

/// Reads `lang`'s catalogue (the friend pages').
pub fn report(lang: Lang) -> Report {
    read(SHIPPED.get(usize::from(lang.0)).map_or("", |s| s.2))
}

/// Reads `lang`'s admin catalogue (`None` when the admin pages are not in `lang`).
pub fn report_admin(lang: Lang) -> Option<Report> {
    admin_ftl(lang).map(read)
}

fn read(ftl: &str) -> Report {
    let (res, errors) = match fluent_syntax::parser::parse(ftl) {
        Ok(r) => (r, Vec::new()),
        Err((r, e)) => (r, e.iter().map(|e| format!("{e:?}")).collect()),
    };
    let mut out = Report {
        errors,
        ..Report::default()
    };
    for entry in &res.body {
        if let ast::Entry::Message(m) = entry {
            let mut found = Found::default();
            if let Some(p) = &m.value {
                found.pattern(p);
            }
            out.variables.insert(m.id.name.to_owned(), found.vars);
            out.texts.insert(m.id.name.to_owned(), found.texts);
        }
    }
    out
}

#[derive(Default)]
struct Found {
    vars: BTreeSet<String>,
    texts: Vec<String>,
}

impl Found {
    fn pattern(&mut self, p: &ast::Pattern<&str>) {
        for el in &p.elements {
            match el {
                ast::PatternElement::TextElement { value } => self.texts.push((*value).to_owned()),
                ast::PatternElement::Placeable { expression } => self.expression(expression),
            }
        }
    }

    fn expression(&mut self, e: &ast::Expression<&str>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                self.inline(selector);
                for v in variants {
                    self.pattern(&v.value);
                }
            }
            ast::Expression::Inline(i) => self.inline(i),
        }
    }

    fn inline(&mut self, i: &ast::InlineExpression<&str>) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                self.vars.insert(id.name.to_owned());
            }
            ast::InlineExpression::Placeable { expression } => self.expression(expression),
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    self.inline(a);
                }
                for a in &arguments.named {
                    self.inline(&a.value);
                }
            }
            _ => {}
        }
    }
}
