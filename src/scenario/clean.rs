//! Text from a scenario file never reaches a terminal raw. Control characters (ESC, BEL,
//! BS, CR, the C1 range, …) become visible escapes like `\u{1b}`, and line breaks and
//! tabs become spaces. Applied once, when a file is loaded, to every string that can be
//! shown (ids included, consistently, so references still match), and to every error
//! message, so no front end has to remember to do it.

use std::borrow::Cow;

use crate::model::Action;

use super::{Expectation, InvitationSpec, PersonSpec, Scenario, Step};

/// `s` with every control character made visible; borrowed when there is none.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' | '\t' => out.push(' '),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn clean(s: &mut String) {
    if let Cow::Owned(v) = visible(s) {
        *s = v;
    }
}

fn clean_compact(s: &mut compact_str::CompactString) {
    if let Cow::Owned(v) = visible(s) {
        *s = v.into();
    }
}

fn clean_opt(s: &mut Option<String>) {
    if let Some(s) = s {
        clean(s);
    }
}

impl Scenario {
    /// Makes every string of the scenario safe to print (see the module comment).
    pub fn sanitize(&mut self) {
        clean(&mut self.title);
        clean(&mut self.summary);
        clean(&mut self.start);
        if let Some(p) = &mut self.panes {
            clean(&mut p.left);
            clean(&mut p.right);
        }
        clean_network(&mut self.people, &mut self.connections);
        // A streamed load cleans its invitations on the parsing thread (`format`).
        self.invitations
            .iter_mut()
            .for_each(InvitationSpec::sanitize);
        for step in &mut self.script {
            match step {
                Step::Say(text) => clean(text),
                Step::Act(a) | Step::Refused(a) => clean_action(a),
                Step::Expect(e) => clean_expectation(e),
                Step::Quiz(q) => {
                    clean(&mut q.question);
                    clean(&mut q.explain);
                    q.choices.iter_mut().for_each(clean);
                }
            }
        }
        self.actions.iter_mut().for_each(clean_action);
        if let Some(lesson) = &mut self.lesson {
            clean(&mut lesson.goal);
            clean(&mut lesson.hint);
            lesson.check.iter_mut().for_each(clean_expectation);
        }
    }
}

impl super::stream::OwnedHead {
    /// The same cleaning as `Scenario::sanitize` gives these fields.
    pub(super) fn sanitize(&mut self) {
        clean(&mut self.start);
        clean_network(&mut self.people, &mut self.connections);
    }
}

fn clean_network(people: &mut [PersonSpec], connections: &mut [(String, String)]) {
    for p in people {
        clean(&mut p.id);
        clean(&mut p.name);
        clean(&mut p.headline);
        clean_opt(&mut p.email);
    }
    for (a, b) in connections {
        clean(a);
        clean(b);
    }
}

impl InvitationSpec {
    /// Its strings made safe to print.
    pub fn sanitize(&mut self) {
        clean_compact(&mut self.from);
        clean_compact(&mut self.to);
        clean_compact(&mut self.sent);
        if let Some(c) = &mut self.changed {
            clean_compact(c);
        }
        clean_opt(&mut self.note);
    }
}

fn clean_action(a: &mut Action) {
    a.strings_mut().into_iter().for_each(clean);
}

fn clean_expectation(e: &mut Expectation) {
    e.handles_mut().into_iter().for_each(clean);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_visible_and_plain_text_is_untouched() {
        assert!(matches!(visible("Maya Chen"), Cow::Borrowed(_)));
        assert_eq!(visible("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(visible("bell\u{7}\u{8}\r"), "bell\\u{7}\\u{8}\\u{d}");
        assert_eq!(visible("csi\u{9b}31m"), "csi\\u{9b}31m");
        assert_eq!(visible("two\nlines\tand tab"), "two lines and tab");
        assert_eq!(
            visible(&visible("x\u{1b}")),
            visible("x\u{1b}"),
            "idempotent"
        );
    }
}
