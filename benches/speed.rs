//! The speed goals of the scale issue, each beside its floor. Run with
//! `cargo bench --bench speed` (a million-invitation world takes a while to build).

mod common;

use std::hint::black_box;
use std::time::Duration;

use chrono::DateTime;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use invitesim::model::{Act, Action, InvitationState, Person, PersonId, Rules, Tab, World};
use invitesim::scenario;
use invitesim::tui::keymap::Command;
use invitesim::tui::{App, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn load(c: &mut Criterion) {
    let text = common::text(100_000);
    let mut g = c.benchmark_group("load_100k");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("bare_ron_parse_plain_structs", |b| {
        b.iter(|| black_box(common::plain::parse(&text)))
    });
    g.bench_function("ron_parse_into_scenario", |b| {
        b.iter(|| black_box(scenario::parse("b.ron", &text)))
    });
    g.bench_function("load_and_validate", |b| {
        b.iter(|| black_box(scenario::load_source("b.ron", text.as_bytes())))
    });
    g.finish();
}

/// The app on a generated world: the left pane on the busiest sender's Sent tab, the
/// right on the busiest recipient's Invitations, so that at every size both panes
/// show a full window of rows and the frames compare the same amount of drawing.
fn app(invitations: usize) -> App {
    let mut app = App::new(common::loaded(invitations), Theme::colour());
    app.run(Command::Tab(Tab::Sent));
    let people = app.world().people().len() as u32;
    let busiest = (0..people)
        .map(PersonId)
        .max_by_key(|&p| app.world().lists(p).inbox.len())
        .expect("people");
    app.run(Command::SwitchPane);
    app.show_person(busiest);
    app.run(Command::Tab(Tab::Invitations));
    app.run(Command::SwitchPane);
    app
}

fn frame(c: &mut Criterion) {
    let mut g = c.benchmark_group("frame_200x50");
    g.sample_size(30);
    for n in [1_000, 100_000, 1_000_000] {
        let app = app(n);
        let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("test terminal");
        g.bench_function(format!("{n}"), |b| {
            b.iter(|| {
                terminal
                    .draw(|f| f.render_widget(&app, f.area()))
                    .expect("draw");
            })
        });
    }
    g.finish();
}

fn key_action(c: &mut Criterion) {
    let mut app = app(1_000_000);
    // Invitations nobody has opened yet: each iteration opens the next one, a real
    // change on the recipient's screen and none on the sender's.
    let unopened: Vec<(String, String)> = app
        .world()
        .invitations()
        .iter()
        .filter(|i| i.state == InvitationState::Pending { seen: false })
        .map(|i| {
            (
                app.world().person(i.to).handle.clone(),
                app.world().person(i.from).handle.clone(),
            )
        })
        .collect();
    let mut next = unopened.iter().cycle();
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("test terminal");
    let mut g = c.benchmark_group("key_action_1m");
    g.sample_size(30);
    g.bench_function("open_apply_diff_frame", |b| {
        b.iter(|| {
            let (by, from) = next.next().expect("cycle");
            app.act(Action::Open {
                by: by.clone(),
                from: from.clone(),
            });
            terminal
                .draw(|f| f.render_widget(&app, f.area()))
                .expect("draw");
        })
    });
    g.finish();
}

/// A million pending invitations sent over the 10 days before the start, modern rules:
/// 180 days on, every reminder has fired and the oldest have expired.
fn pending_world() -> World {
    let start = DateTime::from_timestamp(1_772_442_000, 0).expect("a date");
    let mut w = World::new(Rules::modern(), start, 0);
    let people = 1_500u32;
    for i in 0..people {
        w.add_person(Person::new(&format!("p{i}"), &format!("Person {i}"), ""))
            .expect("unique");
    }
    w.set_replaying(true);
    w.reserve(1_000_000);
    let mut sent = 0;
    'all: for a in 0..people {
        for b in (a + 1)..people {
            if sent == 1_000_000 {
                break 'all;
            }
            if sent % 1_000 == 0 {
                w.advance_to(start + chrono::Duration::minutes(sent / 1_000 * 14));
            }
            let send = Act::Send {
                from: PersonId(a),
                to: PersonId(b),
                note: None,
                email: None,
            };
            w.act(send).expect("fresh pair");
            sent += 1;
        }
    }
    w.set_replaying(false);
    w
}

fn advance(c: &mut Criterion) {
    let world = pending_world();
    let mut g = c.benchmark_group("advance_180_days_1m_pending");
    g.sample_size(10).measurement_time(Duration::from_secs(30));
    g.bench_function("wait", |b| {
        b.iter_batched(
            || world.clone(),
            |mut w| {
                w.apply(&Action::wait_days(180)).expect("the clock moves");
                w
            },
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

criterion_group!(benches, load, frame, key_action, advance);
criterion_main!(benches);
