//! `invitesim`: parse the command line, run it, map the outcome to an exit code.
#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    invitesim::cli::run(invitesim::cli::Cli::parse())
}
