//! The fuzz targets' action language: a few bytes each, mapped onto `Action`s over a
//! four-person world.

use arbitrary::Arbitrary;
use invitesim::model::Action;

pub const HANDLES: [&str; 4] = ["a", "b", "c", "d"];

#[derive(Debug, Arbitrary)]
pub enum Op {
    Send(u8, u8, bool),
    Wait(u16),
    Open(u8, u8),
    Ignore(u8, u8),
    Accept(u8, u8),
    DontKnow(u8, u8),
    Spam(u8, u8),
    Withdraw(u8, u8),
    Reply(u8, u8),
}

pub fn h(i: u8) -> String {
    HANDLES[usize::from(i) % HANDLES.len()].to_owned()
}

impl Op {
    pub fn action(&self) -> Action {
        match *self {
            Op::Send(a, b, email) => Action::Send {
                from: h(a),
                to: h(b),
                note: None,
                email: email.then(|| format!("{}@example.com", h(b))),
            },
            Op::Wait(m) => Action::Wait {
                days: None,
                hours: None,
                minutes: Some(u32::from(m) * 30),
            },
            Op::Open(a, b) => Action::Open {
                by: h(a),
                from: h(b),
            },
            Op::Ignore(a, b) => Action::Ignore {
                by: h(a),
                from: h(b),
            },
            Op::Accept(a, b) => Action::Accept {
                by: h(a),
                from: h(b),
            },
            Op::DontKnow(a, b) => Action::DontKnow {
                by: h(a),
                from: h(b),
            },
            Op::Spam(a, b) => Action::ReportSpam {
                by: h(a),
                from: h(b),
            },
            Op::Withdraw(a, b) => Action::Withdraw { by: h(a), to: h(b) },
            Op::Reply(a, b) => Action::Reply {
                by: h(a),
                from: h(b),
                text: "hi".into(),
            },
        }
    }
}
