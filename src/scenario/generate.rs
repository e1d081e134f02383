//! `invitesim generate`: a seeded random world written as a scenario — people with
//! names and headlines, a network, and invitations with a history decided by behaviour
//! profiles. Uses ChaCha8 seeded from the command line and only `next_u64`, so the same
//! arguments give the same bytes on any machine.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};
use std::fmt::Write as _;

use chrono::{DateTime, Duration, Utc};
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{Rng, SeedableRng};

use crate::model::{Act, Answer, InvitationId, Person, PersonId, Preset, Rules, World};

const FIRST: &[&str] = &[
    "Maya", "Sam", "Lee", "Ana", "Jo", "Priya", "Ben", "Cara", "Dev", "Eli", "Fay", "Gus", "Hana",
    "Ivan", "Jun", "Kira", "Luca", "Mina", "Noor", "Omar", "Pia", "Quinn", "Rosa", "Sven", "Tara",
    "Uma", "Vik", "Wen", "Xavi", "Yara", "Zoe", "Aiko", "Bram", "Chen", "Dara", "Emil", "Femi",
    "Gia", "Hugo", "Ines",
];
const LAST: &[&str] = &[
    "Chen", "Ortiz", "Park", "Silva", "Brennan", "Nair", "Adler", "Diaz", "Patel", "Novak", "Osei",
    "Lind", "Ito", "Kowalski", "Haddad", "Moreau", "Okafor", "Larsen", "Rossi", "Tanaka", "Müller",
    "Byrne", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Horvat", "Ivanova", "Jensen",
];
const ROLES: &[&str] = &[
    "Growth marketer",
    "Founder",
    "Recruiter",
    "Product designer",
    "Engineer",
    "Data scientist",
    "Sales lead",
    "Nurse",
    "Teacher",
    "Architect",
    "Writer",
    "Consultant",
    "CTO",
    "Lead generation expert",
    "Student",
];
const COMPANIES: &[&str] = &[
    "Brightline",
    "Tiny Robots",
    "Quiet Labs",
    "Northwind",
    "Bluefin",
    "Acme",
    "Orbital",
    "Greenleaf",
    "Harbor Health",
    "Paper Plane",
    "Tallgrass",
    "Copperfield",
];
const NOTES: &[&str] = &[
    "Loved your talk!",
    "We met at the meetup last week.",
    "Would love to swap notes on hiring.",
    "Saw your post on onboarding, great read.",
    "Fellow alum here, happy to connect.",
    "Quick question about your product.",
];

/// What a generated world looks like.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub people: usize,
    pub invitations: usize,
    pub seed: u64,
    /// Invitations are spread over this many days before the start.
    pub days: u32,
    pub preset: Preset,
}

/// How a person answers invitations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Recipient {
    PromptAccepter,
    SlowAccepter,
    Ignorer,
    NeverOpens,
    Reader,
    Flagger,
}

/// How a person sends them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sender {
    Careful,
    Ordinary,
    Spammy,
}

struct Dice(ChaCha8Rng);

impl Dice {
    /// Uniform in `0..n` (n > 0), by a widening multiply: no modulo bias worth naming
    /// and no dependence on a library's sampling algorithm.
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.0.next_u64()) * u128::from(n)) >> 64) as u64
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }

    /// Minutes in `lo_days..hi_days`.
    fn after(&mut self, lo_days: i64, hi_days: i64) -> Duration {
        let span = ((hi_days - lo_days) * 24 * 60).max(1) as u64;
        Duration::minutes(lo_days * 24 * 60 + self.below(span) as i64)
    }
}

/// The most invitations `people` people can hold with each pair used once.
pub fn capacity(people: usize) -> usize {
    people.saturating_mul(people.saturating_sub(1)) / 2
}

/// How many connections the network starts with.
fn connections(people: usize) -> usize {
    (people * 2).min(capacity(people) / 4)
}

/// The scenario's RON text, or why the spec cannot be met.
pub fn generate(spec: &Spec) -> Result<String, String> {
    if spec.people < 2 {
        return Err("a world needs at least 2 people".into());
    }
    let connections_wanted = connections(spec.people);
    // Leave a quarter of the free pairs unused, so drawing fresh pairs stays quick.
    let room = |n: usize| (capacity(n) - connections(n)) * 3 / 4;
    if spec.invitations > room(spec.people) {
        let need = (2..).find(|&n| room(n) >= spec.invitations).unwrap_or(0);
        return Err(format!(
            "{} invitations between {} people would repeat pairs: use at least {need} people",
            spec.invitations, spec.people
        ));
    }
    let mut dice = Dice(ChaCha8Rng::seed_from_u64(spec.seed));
    let start: DateTime<Utc> = DateTime::from_timestamp(1_772_442_000, 0).unwrap_or_default(); // 2026-03-02T09:00:00Z
    let n = spec.people;
    let recipients: Vec<Recipient> = (0..n)
        .map(|_| match dice.below(100) {
            0..25 => Recipient::NeverOpens,
            25..45 => Recipient::Ignorer,
            45..60 => Recipient::Reader,
            60..78 => Recipient::PromptAccepter,
            78..90 => Recipient::SlowAccepter,
            _ => Recipient::Flagger,
        })
        .collect();
    let senders: Vec<Sender> = (0..n)
        .map(|_| match dice.below(100) {
            0..50 => Sender::Careful,
            50..90 => Sender::Ordinary,
            _ => Sender::Spammy,
        })
        .collect();
    // Spammy people send most of the invitations: weight 1 / 3 / 20.
    let mut cumulative = Vec::with_capacity(n);
    let mut total = 0u64;
    for s in &senders {
        total += match s {
            Sender::Careful => 1,
            Sender::Ordinary => 3,
            Sender::Spammy => 20,
        };
        cumulative.push(total);
    }

    let mut out = String::with_capacity(160 + n * 90 + spec.invitations * 110);
    let _ = writeln!(
        out,
        "// Generated by `invitesim generate --people {n} --invitations {} --seed {} --days {} --rules {}`.",
        spec.invitations,
        spec.seed,
        spec.days,
        spec.preset.name()
    );
    let _ = writeln!(out, "Scenario(");
    let _ = writeln!(
        out,
        "    title: \"Generated network: {n} people, {} invitations (seed {})\",",
        spec.invitations, spec.seed
    );
    let _ = writeln!(
        out,
        "    summary: \"A seeded random world. Pick a sender with p, open their Sent tab and press x: how many of those Pending rows were really ignored?\","
    );
    let _ = writeln!(
        out,
        "    start: \"{}\",",
        crate::scenario::format_rfc3339(start)
    );
    let _ = writeln!(out, "    seed: {},", spec.seed);
    let _ = writeln!(out, "    rules: (preset: {:?}),", spec.preset);

    let mut people = String::new();
    for i in 0..n {
        let first = FIRST[i % FIRST.len()];
        let last = LAST[(i / FIRST.len()) % LAST.len()];
        let round = i / (FIRST.len() * LAST.len());
        let name = if round == 0 {
            format!("{first} {last}")
        } else {
            format!("{first} {last} {}", round + 1)
        };
        let headline = format!("{} at {}", dice.pick(ROLES), dice.pick(COMPANIES));
        let _ = writeln!(
            people,
            "        (id: \"p{i}\", name: \"{name}\", headline: \"{headline}\", email: \"{}\"),",
            email(i)
        );
    }

    let mut used: HashSet<(u32, u32)> =
        HashSet::with_capacity(spec.invitations + connections_wanted);
    let pair = |a: usize, b: usize| (a.min(b) as u32, a.max(b) as u32);
    let mut connections = String::new();
    while used.len() < connections_wanted {
        let (a, b) = (dice.below(n as u64) as usize, dice.below(n as u64) as usize);
        if a != b && used.insert(pair(a, b)) {
            let _ = writeln!(connections, "        (\"p{a}\", \"p{b}\"),");
        }
    }

    // The history is lived, not just written: each invitation goes through the rules
    // (`World::act`, as the loader will replay it) in time order, answers at their
    // time, so a sender who is restricted or at the weekly limit picks someone else
    // later, and the file always passes `check`.
    let mut world = World::new(Rules::preset(spec.preset), start, spec.seed);
    for i in 0..n {
        let mut p = Person::new(&format!("p{i}"), "", "");
        p.email = Some(email(i));
        let _ = world.add_person(p);
    }
    for &(a, b) in &used {
        world.connect(PersonId(a), PersonId(b));
    }
    world.set_replaying(true);
    world.reserve(spec.invitations);
    let window = i64::from(spec.days.max(1)) * 24 * 60;
    let mut times: Vec<DateTime<Utc>> = (0..spec.invitations)
        .map(|_| start - Duration::minutes(1 + dice.below(window as u64) as i64))
        .collect();
    times.sort_unstable();
    if let Some(&first) = times.first() {
        world.begin_history_at(first);
    }
    let mut changes: BinaryHeap<Reverse<(DateTime<Utc>, u32, Change)>> = BinaryHeap::new();
    let mut invitations: Vec<String> = Vec::with_capacity(spec.invitations);
    let mut most = vec![0u32; n];
    for sent in times {
        // Answers due before this send first; at the same second the loader replays
        // sends first, so answers due exactly now wait.
        while let Some(Reverse((at, id, change))) = changes.peek().copied().filter(|c| c.0.0 < sent)
        {
            changes.pop();
            world.advance_to(at);
            let inv = world.invitation(InvitationId(id));
            let (from, to) = (inv.from, inv.to);
            let act = match change {
                Change::Answer(answer) => Act::Answer {
                    by: to,
                    from,
                    answer,
                    known: Some(InvitationId(id)),
                },
                Change::Withdraw => Act::Withdraw { by: from, to },
            };
            let _ = world.act(act);
        }
        world.advance_to(sent);
        // Draw until someone the rules let send now (restricted and weekly-limited
        // senders wait); a world where no one can is an error, never a short file.
        let mut filled = false;
        for _ in 0..4096 {
            let x = dice.below(total);
            let from = cumulative.partition_point(|&c| c <= x);
            let to = dice.below(n as u64) as usize;
            if from == to || used.contains(&pair(from, to)) {
                continue;
            }
            let note = match senders[from] {
                Sender::Careful if dice.chance(70) => Some(dice.pick(NOTES)),
                Sender::Ordinary if dice.chance(30) => Some(dice.pick(NOTES)),
                _ => None,
            };
            let (pf, pt) = (PersonId(from as u32), PersonId(to as u32));
            let Ok(id) = super::history::send(&mut world, pf, pt, note.map(str::to_owned)) else {
                continue;
            };
            used.insert(pair(from, to));
            most[from] += 1;
            let (state, changed) = outcome(
                &mut dice,
                recipients[to],
                senders[from],
                sent,
                start,
                spec.preset,
            );
            if let (Some(change), Some(at)) = (state.and_then(Change::of), changed) {
                changes.push(Reverse((at, id.0, change)));
            }
            let mut line = format!(
                "        (from: \"p{from}\", to: \"p{to}\", sent: \"{}\"",
                crate::scenario::format_rfc3339(sent)
            );
            if let Some(note) = note {
                let _ = write!(line, ", note: \"{note}\"");
            }
            if let Some((state, changed)) = state.zip(changed) {
                let _ = write!(
                    line,
                    ", state: {state}, changed: \"{}\"",
                    crate::scenario::format_rfc3339(changed)
                );
            } else if let Some(state) = state {
                let _ = write!(line, ", state: {state}");
            }
            line.push_str("),\n");
            invitations.push(line);
            filled = true;
            break;
        }
        if !filled {
            return Err(format!(
                "at {} the rules let no one send another invitation (restrictions, weekly limits): use more people, more days or fewer invitations",
                crate::scenario::format_rfc3339(sent)
            ));
        }
    }

    // The lists (read for the right pane below) are built when the replay ends.
    world.set_replaying(false);
    let left = (0..n)
        .max_by_key(|&i| (most[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    // The right pane: whoever has the most invitations waiting in their inbox at the
    // end, so both panes open on something to look at.
    let right = (0..n)
        .filter(|&i| i != left)
        .max_by_key(|&i| {
            let waiting = world.lists(PersonId(i as u32)).inbox.len();
            (waiting, std::cmp::Reverse(i))
        })
        .unwrap_or(if left == 0 { 1 } else { 0 });
    let _ = writeln!(out, "    panes: (left: \"p{left}\", right: \"p{right}\"),");
    let _ = writeln!(out, "    people: [\n{people}    ],");
    let _ = writeln!(out, "    connections: [\n{connections}    ],");
    out.push_str("    invitations: [\n");
    for line in &invitations {
        out.push_str(line);
    }
    out.push_str("    ],\n)\n");
    Ok(out)
}

/// A generated person's address: every one has one, so a restricted sender's later
/// invitations in the history can give it (classic rules, PBW).
fn email(i: usize) -> String {
    format!("p{i}@example.com")
}

/// What happens to an invitation at its `changed` time, as the world acts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Change {
    Answer(Answer),
    Withdraw,
}

impl Change {
    fn of(state: &str) -> Option<Change> {
        Some(match state {
            "Seen" => Change::Answer(Answer::Open),
            "Ignored" => Change::Answer(Answer::Ignore),
            "DontKnow" => Change::Answer(Answer::DontKnow),
            "Spam" => Change::Answer(Answer::ReportSpam),
            "Accepted" => Change::Answer(Answer::Accept),
            "Withdrawn" => Change::Withdraw,
            _ => return None,
        })
    }
}

/// Where an invitation stands at the start, and since when (`None`: still pending).
fn outcome(
    dice: &mut Dice,
    recipient: Recipient,
    sender: Sender,
    sent: DateTime<Utc>,
    start: DateTime<Utc>,
    preset: Preset,
) -> (Option<&'static str>, Option<DateTime<Utc>>) {
    let (state, delay) = match recipient {
        Recipient::PromptAccepter => ("Accepted", dice.after(0, 2)),
        Recipient::SlowAccepter => ("Accepted", dice.after(5, 60)),
        Recipient::Ignorer => ("Ignored", dice.after(0, 5)),
        Recipient::Reader => ("Seen", dice.after(0, 10)),
        Recipient::Flagger if sender != Sender::Careful => (
            if dice.chance(50) { "Spam" } else { "DontKnow" },
            dice.after(0, 3),
        ),
        Recipient::Flagger => ("Ignored", dice.after(0, 5)),
        Recipient::NeverOpens if sender == Sender::Careful && dice.chance(10) => {
            ("Withdrawn", dice.after(14, 40))
        }
        Recipient::NeverOpens => ("Pending", Duration::zero()),
    };
    let changed = sent + delay;
    let expires = match preset {
        Preset::Modern => Some(sent + Duration::days(183)),
        Preset::Classic => None,
    };
    let expired = |t: DateTime<Utc>| expires.is_some_and(|e| e <= t);
    let still_open = matches!(state, "Pending" | "Seen" | "Ignored");
    if state == "Pending" || changed > start || expired(changed) {
        // Nothing happened before the start (or expiry came first).
        let gone = expired(start);
        return (gone.then_some("Expired"), None);
    }
    if still_open && expired(start) {
        return (Some("Expired"), None);
    }
    (Some(state), Some(changed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(seed: u64) -> Spec {
        Spec {
            people: 60,
            invitations: 400,
            seed,
            days: 90,
            preset: Preset::Classic,
        }
    }

    #[test]
    fn same_arguments_same_bytes_and_seeds_differ() {
        let a = generate(&spec(1)).expect("generates");
        assert_eq!(a, generate(&spec(1)).expect("generates"));
        assert_ne!(a, generate(&spec(2)).expect("generates"));
    }

    #[test]
    fn the_output_passes_check() {
        for preset in [Preset::Classic, Preset::Modern] {
            let text = generate(&Spec {
                preset,
                days: 400,
                ..spec(3)
            })
            .expect("generates");
            let loaded = crate::scenario::load_source("gen.ron", text.as_bytes());
            let loaded = loaded.unwrap_or_else(|e| panic!("{preset:?}: {e}"));
            assert_eq!(loaded.setup.world.invitations().len(), 400);
        }
    }

    /// Spammy senders get flagged and restricted; the history still plays, because the
    /// generator lived it through the rules (they send later, or someone else does).
    #[test]
    fn restricted_senders_and_weekly_limits_still_give_a_valid_file() {
        for preset in [Preset::Classic, Preset::Modern] {
            let text = generate(&Spec {
                people: 120,
                invitations: 5000,
                preset,
                days: 60,
                seed: 5,
            })
            .expect("generates");
            let loaded = crate::scenario::load_source("gen.ron", text.as_bytes());
            let loaded = loaded.unwrap_or_else(|e| panic!("{preset:?}: {e}"));
            let w = &loaded.setup.world;
            assert_eq!(w.invitations().len(), 5000);
            let restricted = (0..120u32)
                .filter(|&i| w.lists(PersonId(i)).account.restrictions > 0)
                .count();
            assert!(
                restricted > 0,
                "{preset:?}: the test must exercise restrictions"
            );
        }
    }

    #[test]
    fn too_many_invitations_for_the_people_is_refused() {
        let err = generate(&Spec {
            people: 10,
            invitations: 100,
            ..spec(1)
        })
        .expect_err("refused");
        assert!(err.contains("use at least"), "{err}");
    }
}
