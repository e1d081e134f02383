//! `play --screens WxH`: after each step, the screen the app would show at that size,
//! as plain text — the same render code, drawn into ratatui's TestBackend.

use std::io::{self, Write};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

use crate::scenario::Loaded;
use crate::tui::{App, Theme};

/// Writes every step's screen; returns how many steps did not turn out as written.
pub fn screens(
    loaded: &Loaded,
    (width, height): (u16, u16),
    out: &mut dyn Write,
) -> io::Result<usize> {
    let mut app = App::new(loaded.clone(), Theme::plain());
    let Ok(mut terminal) = Terminal::new(TestBackend::new(width, height));
    let steps = loaded.scenario.script.clone();
    let mut print = |app: &App, header: &str| -> io::Result<()> {
        let Ok(_) = terminal.draw(|f| f.render_widget(app, f.area()));
        writeln!(out, "── {header} ──")?;
        for line in text_lines(terminal.backend().buffer()) {
            writeln!(out, "{line}")?;
        }
        writeln!(out)
    };
    print(&app, &format!("start · {}", loaded.file))?;
    app.play_through(|app, i| {
        let label = steps.get(i).map(|s| s.one_line()).unwrap_or_default();
        print(app, &format!("step {}/{} · {label}", i + 1, steps.len()))
    })?;
    Ok(app.script_failures())
}

/// The buffer as lines of text, trailing blanks trimmed; a wide character's hidden
/// second cell is skipped.
pub fn text_lines(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (area.top()..area.bottom())
        .map(|y| {
            let mut line = String::new();
            let mut skip = 0;
            for x in area.left()..area.right() {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let symbol = buf[(x, y)].symbol();
                skip = symbol.width().saturating_sub(1);
                line.push_str(symbol);
            }
            line.trim_end().to_owned()
        })
        .collect()
}
