//! The `llmcost` binary: parse arguments, run, exit with the documented code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // A bug must never print data: the default hook shows the panic message, which could hold a
    // key or a provider's text. Say where, not what.
    #[expect(clippy::print_stderr, reason = "the panic hook runs when anything may be broken, the output layer too")]
    std::panic::set_hook(Box::new(|info| {
        let at = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        eprintln!(
            "error: llmcost hit an internal error{at}; nothing more is shown, as it could hold private data. \
             Please report it with the command you ran (see SECURITY.md)"
        );
    }));
    let cli = llmcost::cli::Cli::parse();
    llmcost::run(cli)
}
