//! invitesim: a terminal simulator of a professional network's invitation inbox, with
//! the sender's and the recipient's screens side by side.
#![forbid(unsafe_code)]

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod export;
pub mod files;
pub mod model;
pub mod scenario;
pub mod script;
pub mod tui;
