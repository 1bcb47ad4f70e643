//! What `serve`'s JSON API needs from the command front end, handed in by `serve`'s caller so
//! the exporter never depends on the commands: how a request becomes a command line (narrowed
//! to its token), and how a command line is run and captured.

use crate::app::App;
use crate::config::ServeToken;

/// A command's answer: its stdout, exit code and error line.
pub struct ApiAnswer {
    pub exit: u8,
    pub body: Vec<u8>,
    pub error: Option<String>,
    pub content_type: &'static str,
}

impl ApiAnswer {
    /// A command line refused before it ran.
    pub(crate) fn refused(exit: u8, why: String) -> ApiAnswer {
        ApiAnswer { exit, body: Vec::new(), error: Some(why), content_type: "text/plain; charset=utf-8" }
    }
}

/// The commands behind the API.
#[derive(Clone, Copy)]
pub(crate) struct CommandApi {
    /// The command line a request path and query stand for, as `token` may ask it; `Err`: why
    /// it is refused (403).
    pub command_line: fn(&str, &str, &ServeToken) -> Result<Vec<String>, String>,
    /// Runs a command line on the server's cache, capturing what it prints.
    pub run: fn(&App, Vec<String>) -> ApiAnswer,
}
