//! The world the app shows: shared with the loaded scenario's (`Setup::world`) until it
//! first changes, then the app's own copy. A million-invitation world takes most of a
//! second to copy; shared, the first frame does not wait for it (issue 14), and `r`
//! (back to the start) costs nothing until the next action. A big world's copy is made
//! on another thread as soon as it is shared, so it is usually ready by the first
//! action; the browser, with no threads, copies on the first change.

use std::ops::Deref;
use std::sync::Arc;

use crate::model::World;

/// From this many invitations on, the copy is made ahead on another thread: below it a
/// copy takes a few milliseconds and a thread is not worth starting.
#[cfg(not(target_arch = "wasm32"))]
const COPY_AHEAD_FROM: usize = 20_000;

pub struct LiveWorld {
    world: Arc<World>,
    /// A copy of `world` being made, while `world` is shared.
    #[cfg(not(target_arch = "wasm32"))]
    ahead: Option<std::thread::JoinHandle<World>>,
}

impl LiveWorld {
    /// Shows `world` without copying it.
    pub fn shared(world: &Arc<World>) -> LiveWorld {
        #[cfg(not(target_arch = "wasm32"))]
        let ahead = (world.invitations().len() >= COPY_AHEAD_FROM).then(|| {
            let world = Arc::clone(world);
            std::thread::spawn(move || World::clone(&world))
        });
        LiveWorld {
            world: Arc::clone(world),
            #[cfg(not(target_arch = "wasm32"))]
            ahead,
        }
    }

    /// Shows `world` without copying it, unless it already does (going back to the
    /// start twice makes one copy ahead, not two).
    pub fn share(&mut self, world: &Arc<World>) {
        if !Arc::ptr_eq(&self.world, world) {
            *self = LiveWorld::shared(world);
        }
    }

    /// A world of the app's own.
    pub fn owned(world: World) -> LiveWorld {
        LiveWorld {
            world: Arc::new(world),
            #[cfg(not(target_arch = "wasm32"))]
            ahead: None,
        }
    }

    /// The world, to change: the app's own copy from now on (the one made ahead, when
    /// there is one).
    pub fn edit(&mut self) -> &mut World {
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(ahead) = self.ahead.take() {
            // The copy is of this very world: nothing changes it while it is shared.
            if let Ok(copy) = ahead.join() {
                self.world = Arc::new(copy);
            }
        }
        Arc::make_mut(&mut self.world)
    }

    /// Whether the world is still the loaded scenario's own (not yet copied).
    pub fn is_shared(&self) -> bool {
        Arc::strong_count(&self.world) > 1
    }
}

/// A script steps through the live world: copied only when an action changes it.
impl crate::script::ScriptWorld for LiveWorld {
    fn world(&self) -> &World {
        self
    }
    fn world_mut(&mut self) -> &mut World {
        self.edit()
    }
}

impl Deref for LiveWorld {
    type Target = World;

    fn deref(&self) -> &World {
        &self.world
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, Preset};
    use crate::scenario::Step;
    use crate::scenario::generate::{Spec, generate};
    use crate::script::Runner;

    fn world(invitations: usize) -> Arc<World> {
        let spec = Spec {
            people: 400,
            invitations,
            seed: 7,
            days: 90,
            preset: Preset::Classic,
        };
        let text = generate(&spec).expect("generates");
        let loaded = crate::scenario::load_source("w.ron", text.as_bytes()).expect("loads");
        loaded.setup.world
    }

    #[test]
    fn a_shared_world_is_copied_once_on_the_first_change_and_the_original_kept() {
        for n in [50, COPY_AHEAD_FROM] {
            let original = world(n);
            let before = World::clone(&original);
            let mut live = LiveWorld::shared(&original);
            assert!(live.is_shared(), "{n}: nothing copied before a change");
            live.edit()
                .apply(&Action::wait_days(1))
                .expect("a wait is allowed");
            assert!(!live.is_shared(), "{n}: the app has its own copy");
            assert_eq!(*original, before, "{n}: the loaded world is untouched");
            assert_eq!(live.now(), before.now() + chrono::Duration::days(1));
            let own: *const World = live.edit();
            let again: *const World = live.edit();
            assert_eq!(own, again, "{n}: copied once, not at every change");
            live.share(&original);
            assert!(
                live.is_shared() && *live == before,
                "{n}: back to the start"
            );
            live.share(&original);
            assert!(live.is_shared(), "{n}: still shared, nothing new made");
        }
    }

    /// A script played over the shared world copies it at its first action, not at a
    /// narration or a check before it.
    #[test]
    fn only_an_action_of_a_script_copies_the_shared_world() {
        let loaded = crate::scenario::resolve("tour").expect("the tour loads");
        let steps = &loaded.scenario.script;
        let first_act = steps
            .iter()
            .position(|s| matches!(s, Step::Act(_)))
            .expect("the tour acts");
        assert!(first_act > 0, "the tour says something first");
        let world = &loaded.setup.world;
        let mut runner = Runner::new(steps, world, loaded.setup.panes);
        let mut live = LiveWorld::shared(world);
        for (i, step) in steps.iter().enumerate().take(first_act + 2) {
            runner.step(&mut live).expect("a step");
            let acted = steps[..=i].iter().any(|s| matches!(s, Step::Act(_)));
            assert_eq!(!live.is_shared(), acted, "after step {i}: {step:?}");
        }
    }
}
