//! invitesim in a web page: the library's `tui::page::Page` (the same app, scenarios,
//! lessons, keys and drawing as the terminal) drawn into the page's DOM by `rows`.
//! This file is only the browser's edge: it turns the browser's keys, clicks, wheel,
//! pastes, files and clock into the page's inputs, draws the page when it changed, and
//! carries out what the page asks for (a download, the lessons' progress in
//! `localStorage`, the address, the file picker). Natively the crate is empty.
#![cfg(target_arch = "wasm32")]

mod rows;

use std::cell::RefCell;
use std::rc::Rc;

use invitesim::tui::key::{self, Code, Input, Key, Mouse, MouseKind};
use invitesim::tui::page::{Effect, Page};
use invitesim::tui::{Config, Options, Theme};
use ratatui::Terminal;
use wasm_bindgen::prelude::*;
use web_sys::{AddEventListenerOptions, KeyboardEvent, MouseEvent, WheelEvent};

use rows::Rows;

/// Where the lessons' progress is kept between visits.
const PROGRESS_KEY: &str = "invitesim.progress";

#[wasm_bindgen(inline_js = r#"
export function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
export function pick_file() {
  const input = document.getElementById("file");
  if (input) input.click();
}
export function set_address(name) {
  const url = new URL(location.href);
  if (name) url.searchParams.set("s", name); else url.searchParams.delete("s");
  history.replaceState(null, "", url);
}
export function frame_drawn(ms) {
  // For the smoke test's budgets: when the first frame was drawn (ms since the page
  // began to load), how many frames, and how long the last one took.
  if (!window.invitesimFirstFrame) window.invitesimFirstFrame = performance.now();
  window.invitesimFrames = (window.invitesimFrames || 0) + 1;
  window.invitesimLastDraw = ms;
}
"#)]
extern "C" {
    fn download(name: &str, text: &str);
    fn pick_file();
    fn set_address(name: Option<String>);
    fn frame_drawn(ms: f64);
}

struct State {
    page: Page,
    terminal: Terminal<Rows>,
}

thread_local! {
    static STATE: RefCell<Option<Rc<RefCell<State>>>> = const { RefCell::new(None) };
}

fn state() -> Option<Rc<RefCell<State>>> {
    STATE.with(|s| s.borrow().clone())
}

fn js(e: impl std::fmt::Display) -> JsValue {
    JsValue::from_str(&e.to_string())
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

#[wasm_bindgen(start)]
pub fn start() -> Result<(), JsValue> {
    console_error_panic_hook::set_once();
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let search = window.location().search()?;
    let start = web_sys::UrlSearchParams::new_with_str(&search)?.get("s");
    let storage = window.local_storage().ok().flatten();
    let progress = storage
        .as_ref()
        .and_then(|s| s.get_item(PROGRESS_KEY).ok().flatten());
    let options = Options {
        no_mouse: false,
        speed: 1.0,
        config: Config::defaults(Theme::colour()),
    };
    let page = Page::new(start.as_deref(), progress.as_deref(), options);
    let terminal = Terminal::new(Rows::new(document)?).map_err(js)?;
    let shared = Rc::new(RefCell::new(State { page, terminal }));
    STATE.with(|s| *s.borrow_mut() = Some(Rc::clone(&shared)));
    draw(&shared);

    // Keys are taken on the window, in the capture phase, so they reach the app
    // whatever has the focus, and the browser's own meaning (Tab moves the focus,
    // Space scrolls, / finds, Ctrl-S saves the page) gives way for the app's keys.
    let capture = AddEventListenerOptions::new();
    capture.set_capture(true);
    listen(&window, "keydown", &capture, |event: KeyboardEvent| {
        if let Some(key) = key::web::key(&event).filter(|k| app_takes(*k)) {
            event.prevent_default();
            input(Input::Key(key));
        }
    })?;
    listen(&window, "mousedown", &capture, |event: MouseEvent| {
        if event.button() == 0 {
            mouse(&event, MouseKind::Click);
        }
    })?;
    listen(
        &window,
        "wheel",
        &capture,
        |event: WheelEvent| match event.delta_y() {
            d if d < 0.0 => mouse(&event, MouseKind::ScrollUp),
            d if d > 0.0 => mouse(&event, MouseKind::ScrollDown),
            _ => {}
        },
    )?;
    listen(&window, "resize", &capture, |_: web_sys::Event| {
        if let Some(state) = state() {
            draw(&state);
        }
    })?;
    request_frame();
    Ok(())
}

/// Listens for `name` on the window for the page's whole life.
fn listen<E: wasm_bindgen::convert::FromWasmAbi + 'static>(
    window: &web_sys::Window,
    name: &str,
    options: &AddEventListenerOptions,
    f: impl FnMut(E) + 'static,
) -> Result<(), JsValue> {
    let closure = Closure::<dyn FnMut(E)>::new(f);
    window.add_event_listener_with_callback_and_add_event_listener_options(
        name,
        closure.as_ref().unchecked_ref(),
        options,
    )?;
    closure.forget();
    Ok(())
}

/// Whether `key` is the app's (it gets the key, and the browser's default gives way)
/// or the browser's (left alone): the app takes every plain key (Tab, Space, arrows,
/// Home/End, PgUp/PgDn, `/`, Enter, Backspace), F1, and the Ctrl and Alt keys the app
/// or its text fields use (Ctrl-S saves, Ctrl-D/U page, Ctrl-W/U/K/Z/A/E edit). The
/// browser keeps Ctrl-C (copy, not quit: the page has nothing to quit), Ctrl-V
/// (paste arrives as text), Ctrl-R, Ctrl-+, F5 and F12.
fn app_takes(key: Key) -> bool {
    match key.code {
        Code::F(n) => n == 1,
        Code::Char(c) if key.ctrl || key.alt => "sduzkwaebf".contains(c.to_ascii_lowercase()),
        _ => true,
    }
}

/// A click or a turn of the wheel, at the cell under the pointer.
fn mouse(event: &MouseEvent, kind: MouseKind) {
    let Some(state) = state() else {
        return;
    };
    let at = (state.borrow().terminal.backend())
        .cell_at(f64::from(event.client_x()), f64::from(event.client_y()));
    if let Some(at) = at {
        event.prevent_default();
        input(Input::Mouse(Mouse {
            kind,
            column: at.x,
            row: at.y,
        }));
    }
}

/// An input to the page, then what it asks for, then a frame.
fn input(input: Input) {
    let Some(state) = state() else {
        return;
    };
    let effects = {
        let mut s = state.borrow_mut();
        s.page.input(input);
        s.page.tick(now());
        s.page.take_effects()
    };
    carry_out(effects);
    draw(&state);
}

fn carry_out(effects: Vec<Effect>) {
    for effect in effects {
        match effect {
            Effect::Download { name, text } => download(&name, &text),
            Effect::SaveProgress(text) => {
                let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
                if let Some(storage) = storage {
                    let _ = storage.set_item(PROGRESS_KEY, &text);
                }
            }
            Effect::Address(name) => set_address(name),
            Effect::PickFile => pick_file(),
        }
    }
}

/// Draws the page, first fitting the grid to the window.
fn draw(state: &Rc<RefCell<State>>) {
    let start = now();
    let mut s = state.borrow_mut();
    let State { page, terminal } = &mut *s;
    terminal.backend_mut().fit();
    if let Err(e) = terminal.draw(|frame| frame.render_widget(&*page, frame.area())) {
        web_sys::console::error_1(&js(e));
    }
    frame_drawn(now() - start);
}

/// The page's clock: each animation frame plays the script's step when it is due.
fn request_frame() {
    let closure = Closure::once_into_js(move || {
        if let Some(state) = state() {
            let (stepped, effects) = {
                let mut s = state.borrow_mut();
                let stepped = s.page.tick(now());
                (stepped, s.page.take_effects())
            };
            carry_out(effects);
            if stepped {
                draw(&state);
            }
        }
        request_frame();
    });
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(closure.unchecked_ref());
    }
}

/// A file the person picked or dropped on the page (`index.html` reads it).
#[wasm_bindgen]
pub fn open_file(name: &str, bytes: &[u8]) {
    let Some(state) = state() else {
        return;
    };
    let effects = {
        let mut s = state.borrow_mut();
        s.page.open_file(name, bytes);
        s.page.tick(now());
        s.page.take_effects()
    };
    carry_out(effects);
    draw(&state);
}

/// Text pasted into the page: typed into the open field, never run as keys.
#[wasm_bindgen]
pub fn paste(text: &str) {
    input(Input::Paste(text.to_owned()));
}
