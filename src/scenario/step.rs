//! One script step. Action steps are plain `Action` values written bare in the list
//! (`Send(from: .., to: ..)`), beside the four steps only scripts have. A hand-written
//! deserializer reads the variant name once and hands the rest to the right derived
//! type, so error positions and messages stay ron's own.

use serde::de::value::{EnumAccessDeserializer, StringDeserializer};
use serde::de::{DeserializeSeed, EnumAccess, Error as _, VariantAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::model::Action;

use super::{Expectation, Quiz};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Narration for the presenter's audience.
    Say(String),
    /// An action that must be allowed by the rules.
    Act(Action),
    /// An action that must be refused by the rules.
    Refused(Action),
    Expect(Expectation),
    Quiz(Quiz),
}

impl Step {
    /// The step in one short line: `» narration`, `Ignore(sam, from maya)`,
    /// `Expect SentShows(maya → sam): Pending`, `? question`.
    pub fn one_line(&self) -> String {
        let flat = |s: &str| s.replace(['\n', '\r'], " ");
        match self {
            Step::Say(text) => format!("» {}", flat(text)),
            Step::Act(a) => a.summary(),
            Step::Refused(a) => format!("Refused: {}", a.summary()),
            Step::Expect(e) => format!("Expect {}", e.summary()),
            Step::Quiz(q) => format!("? {}", flat(&q.question)),
        }
    }

    /// The action this step applies, if any (allowed or expected to be refused).
    pub fn action(&self) -> Option<&Action> {
        match self {
            Step::Act(a) | Step::Refused(a) => Some(a),
            _ => None,
        }
    }
}

/// The steps only scripts have, in their written form.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
enum ScriptOnly {
    Say(String),
    Refused(Action),
    Expect(Expectation),
    Quiz {
        question: String,
        choices: Vec<String>,
        answer: usize,
        #[serde(default)]
        explain: String,
    },
}

const ACTIONS: &[&str] = &[
    "Send",
    "Wait",
    "Open",
    "Ignore",
    "Accept",
    "DontKnow",
    "ReportSpam",
    "Reply",
    "Withdraw",
];

const STEPS: &[&str] = &[
    "Say",
    "Expect",
    "Quiz",
    "Refused",
    "Send",
    "Wait",
    "Open",
    "Ignore",
    "Accept",
    "DontKnow",
    "ReportSpam",
    "Reply",
    "Withdraw",
];

impl<'de> Deserialize<'de> for Step {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Step, D::Error> {
        d.deserialize_enum("Step", STEPS, StepVisitor)
    }
}

struct StepVisitor;

impl<'de> Visitor<'de> for StepVisitor {
    type Value = Step;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a script step: Say, Expect, Quiz, Refused or an action")
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Step, A::Error> {
        let (VariantName(name), variant) = data.variant()?;
        if !STEPS.contains(&name.as_str()) {
            return Err(A::Error::unknown_variant(&name, STEPS));
        }
        let is_action = ACTIONS.contains(&name.as_str());
        let replay = EnumAccessDeserializer::new(Replay { name, variant });
        if is_action {
            return Action::deserialize(replay).map(Step::Act);
        }
        Ok(match ScriptOnly::deserialize(replay)? {
            ScriptOnly::Say(s) => Step::Say(s),
            ScriptOnly::Refused(a) => Step::Refused(a),
            ScriptOnly::Expect(e) => Step::Expect(e),
            ScriptOnly::Quiz {
                question,
                choices,
                answer,
                explain,
            } => Step::Quiz(Quiz {
                question,
                choices,
                answer,
                explain,
            }),
        })
    }
}

/// An enum whose variant name was already read: gives the name back, then the rest.
struct Replay<V> {
    name: String,
    variant: V,
}

impl<'de, V: VariantAccess<'de>> EnumAccess<'de> for Replay<V> {
    type Error = V::Error;
    type Variant = V;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, V), V::Error> {
        let name = seed.deserialize(StringDeserializer::<V::Error>::new(self.name))?;
        Ok((name, self.variant))
    }
}

/// A variant's name, read as an identifier (as derived enums read theirs).
struct VariantName(String);

impl<'de> Deserialize<'de> for VariantName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<VariantName, D::Error> {
        struct Name;
        impl Visitor<'_> for Name {
            type Value = VariantName;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a step name")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<VariantName, E> {
                Ok(VariantName(v.to_owned()))
            }
        }
        d.deserialize_identifier(Name)
    }
}
