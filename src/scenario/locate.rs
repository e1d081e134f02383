//! Finds where a value sits in RON source, by a path of field names and list indexes.
//! ron reports positions for syntax and type errors only; semantic errors (an unknown
//! person, a duplicate id) point at the offending value through this. It runs only when
//! there are errors to place, in one pass over the text.

use std::collections::{HashMap, HashSet};

/// One step of a path: a struct field, or a position in a list or tuple.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seg {
    Field(&'static str),
    Index(usize),
}

pub type Path = Vec<Seg>;

/// A 1-based line and column (in characters), as ron counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok<'a> {
    Ident(&'a str),
    Punct(char),
    Scalar,
}

/// Positions of every path in `wanted` that the text has; missing ones are left out.
pub fn locate(src: &str, wanted: &[Path]) -> HashMap<Path, Pos> {
    let tokens = tokenize(src);
    let names = wanted
        .iter()
        .flatten()
        .filter_map(|s| match s {
            Seg::Field(f) => Some((*f, *f)),
            Seg::Index(_) => None,
        })
        .collect();
    let mut walker = Walker {
        tokens: &tokens,
        i: 0,
        wanted: wanted.iter().collect(),
        names,
        found: HashMap::new(),
        path: Vec::new(),
    };
    walker.skip_attributes();
    walker.value();
    walker.found
}

struct Walker<'t, 'a> {
    tokens: &'t [(Tok<'a>, Pos)],
    i: usize,
    wanted: HashSet<&'t Path>,
    /// The field names the wanted paths use, to turn borrowed names into `'static` ones.
    names: HashMap<&'t str, &'static str>,
    found: HashMap<Path, Pos>,
    path: Path,
}

impl<'a> Walker<'_, 'a> {
    fn peek(&self, ahead: usize) -> Option<Tok<'a>> {
        self.tokens.get(self.i + ahead).map(|t| t.0)
    }

    fn record(&mut self) {
        if let Some(&(_, pos)) = self.tokens.get(self.i)
            && self.wanted.contains(&self.path)
        {
            self.found.insert(self.path.clone(), pos);
        }
    }

    /// `#![enable(..)]` lines before the value.
    fn skip_attributes(&mut self) {
        while self.peek(0) == Some(Tok::Punct('#')) {
            while let Some(t) = self.peek(0) {
                self.i += 1;
                if t == Tok::Punct(']') {
                    break;
                }
            }
        }
    }

    fn value(&mut self) {
        self.record();
        match self.peek(0) {
            Some(Tok::Ident("Some")) if self.peek(1) == Some(Tok::Punct('(')) => {
                self.i += 2;
                self.value();
                self.close(')');
            }
            Some(Tok::Ident(_)) => {
                self.i += 1;
                if self.peek(0) == Some(Tok::Punct('(')) {
                    self.i += 1;
                    self.group(')');
                }
            }
            Some(Tok::Punct('(')) => {
                self.i += 1;
                self.group(')');
            }
            Some(Tok::Punct('[')) => {
                self.i += 1;
                self.group(']');
            }
            Some(Tok::Punct('{')) => {
                self.i += 1;
                self.map();
            }
            Some(_) => self.i += 1,
            None => {}
        }
    }

    /// The inside of `( .. )` or `[ .. ]`: named fields or positional items.
    fn group(&mut self, close: char) {
        let mut index = 0;
        loop {
            match self.peek(0) {
                None => return,
                Some(Tok::Punct(c)) if c == close => {
                    self.i += 1;
                    return;
                }
                Some(Tok::Punct(',')) => self.i += 1,
                Some(Tok::Ident(name)) if self.peek(1) == Some(Tok::Punct(':')) => {
                    let seg = self.field_seg(name);
                    self.i += 2;
                    self.nested(seg);
                }
                Some(_) => {
                    self.nested(Seg::Index(index));
                    index += 1;
                }
            }
        }
    }

    fn map(&mut self) {
        loop {
            match self.peek(0) {
                None => return,
                Some(Tok::Punct('}')) => {
                    self.i += 1;
                    return;
                }
                Some(Tok::Punct(',' | ':')) => self.i += 1,
                Some(_) => self.nested(Seg::Field("")),
            }
        }
    }

    fn nested(&mut self, seg: Seg) {
        let start = self.i;
        self.path.push(seg);
        self.value();
        self.path.pop();
        if self.i == start {
            self.i += 1; // a stray token: never loop on it
        }
    }

    fn close(&mut self, c: char) {
        if self.peek(0) == Some(Tok::Punct(c)) {
            self.i += 1;
        }
    }

    /// A field no wanted path names becomes `Field("")`: never wanted, still walked.
    fn field_seg(&self, name: &str) -> Seg {
        Seg::Field(self.names.get(name).copied().unwrap_or(""))
    }
}

fn tokenize(src: &str) -> Vec<(Tok<'_>, Pos)> {
    let mut out = Vec::new();
    let mut chars = src.char_indices().peekable();
    let (mut line, mut col) = (1, 1);
    // Advances over one char, keeping line and column.
    macro_rules! bump {
        () => {{
            let c = chars.next();
            if let Some((_, ch)) = c {
                if ch == '\n' {
                    line += 1;
                    col = 1;
                } else {
                    col += 1;
                }
            }
            c
        }};
    }
    while let Some(&(start, c)) = chars.peek() {
        let pos = Pos { line, col };
        if c.is_whitespace() {
            bump!();
        } else if c == '/' && src[start..].starts_with("//") {
            while chars.peek().is_some_and(|&(_, c)| c != '\n') {
                bump!();
            }
        } else if c == '/' && src[start..].starts_with("/*") {
            let mut depth = 0usize;
            while let Some((i, _)) = bump!() {
                if src[i..].starts_with("/*") {
                    depth += 1;
                    bump!();
                } else if src[i..].starts_with("*/") {
                    bump!();
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
            }
        } else if c == '"' || c == '\'' {
            bump!();
            while let Some((_, ch)) = bump!() {
                if ch == '\\' {
                    bump!();
                } else if ch == c {
                    break;
                }
            }
            out.push((Tok::Scalar, pos));
        } else if let Some(hashes) = raw_string_start(&src[start..]) {
            // r"..", r#".."#, br".."
            let prefix = src[start..].find('"').unwrap_or(0) + 1;
            for _ in 0..prefix {
                bump!();
            }
            let end = format!("\"{}", "#".repeat(hashes));
            while let Some((i, _)) = chars.peek().copied() {
                if src[i..].starts_with(&end) {
                    for _ in 0..end.len() {
                        bump!();
                    }
                    break;
                }
                bump!();
            }
            out.push((Tok::Scalar, pos));
        } else if c == 'b' && src[start..].starts_with("b\"") {
            bump!();
        } else if c.is_alphabetic() || c == '_' {
            let mut end = start;
            while let Some(&(i, ch)) = chars.peek() {
                if !(ch.is_alphanumeric() || ch == '_' || (ch == '#' && i == start + 1)) {
                    break;
                }
                end = i + ch.len_utf8();
                bump!();
            }
            let word = &src[start..end];
            out.push((Tok::Ident(word.strip_prefix("r#").unwrap_or(word)), pos));
        } else if c.is_ascii_digit() || c == '-' || c == '+' || c == '.' {
            let mut prev = c;
            bump!();
            while let Some(&(_, ch)) = chars.peek() {
                let sign_in_exponent = (ch == '+' || ch == '-') && matches!(prev, 'e' | 'E');
                if !(ch.is_alphanumeric() || ch == '_' || ch == '.' || sign_in_exponent) {
                    break;
                }
                prev = ch;
                bump!();
            }
            out.push((Tok::Scalar, pos));
        } else {
            bump!();
            out.push((Tok::Punct(c), pos));
        }
    }
    out
}

/// The number of `#` of a raw string starting here, if one does.
fn raw_string_start(s: &str) -> Option<usize> {
    let rest = s.strip_prefix("br").or_else(|| s.strip_prefix('r'))?;
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    rest[hashes..].starts_with('"').then_some(hashes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r#"#![enable(implicit_some)]
Scenario(
    title: "t", // a comment with "quotes"
    people: [
        (id: "maya", name: "Maya"),
        (id: r"sam", /* (nested /* comment */) */ name: "Sam"),
    ],
    connections: [("maya", "lee")],
    script: [
        Send(from: "maya", to: Some("sam")),
        Expect(Unchanged(who: "bob")),
    ],
)"#;

    fn at(path: Path) -> Option<Pos> {
        locate(SRC, std::slice::from_ref(&path)).get(&path).copied()
    }

    #[test]
    fn finds_fields_items_and_nested_variants() {
        use Seg::*;
        let p = |line, col| Some(Pos { line, col });
        assert_eq!(at(vec![Field("title")]), p(3, 12));
        assert_eq!(at(vec![Field("people"), Index(1), Field("id")]), p(6, 14));
        assert_eq!(at(vec![Field("people"), Index(1), Field("name")]), p(6, 57));
        assert_eq!(at(vec![Field("connections"), Index(0), Index(1)]), p(8, 28));
        assert_eq!(at(vec![Field("script"), Index(0), Field("to")]), p(10, 37));
        assert_eq!(
            at(vec![Field("script"), Index(1), Index(0), Field("who")]),
            p(11, 31)
        );
        assert_eq!(at(vec![Field("script"), Index(2)]), None);
    }
}
