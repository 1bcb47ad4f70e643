//! The `llmcost` binary: parse arguments, run, exit with the documented code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = llmcost::cli::Cli::parse();
    llmcost::run(cli)
}
