//! A coding assistant's activity per person and UTC day, as its vendor reports it beside (not
//! in) a bill: Claude Code's analytics. Its cost is the vendor's estimate at list prices: the
//! API-billed part is already in the provider's bill and the subscription part is covered by
//! seats, so it is shown as an estimate and never added to a billed total.

use chrono::NaiveDate;

use super::{Currency, Money};

/// Who acted: a person signed in, or an API key (Claude Code run with a key).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ActorKind {
    User,
    ApiKey,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::User => "user",
            ActorKind::ApiKey => "api_key",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "user" => Some(ActorKind::User),
            "api_key" => Some(ActorKind::ApiKey),
            _ => None,
        }
    }
}

/// One record of the vendor's daily report: an actor's day in one terminal and account type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityRecord {
    pub day: NaiveDate,
    /// An email address, or an API key's name.
    pub actor: String,
    pub actor_kind: ActorKind,
    /// `api` (billed through the API) or `subscription` (Pro, Max, Team, Enterprise seats).
    pub customer_type: String,
    /// The seat's plan where the vendor says (`enterprise`, `team`); empty otherwise.
    pub subscription_type: String,
    /// Where it ran (`vscode`, `iTerm.app`); empty when not said.
    pub terminal: String,
    pub work: Work,
    pub models: Vec<ActivityModel>,
}

/// What people did: counted per record, never per model (a session is not a model's).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Work {
    pub sessions: u64,
    pub lines_added: u64,
    pub lines_removed: u64,
    pub commits: u64,
    pub pull_requests: u64,
    /// Edits proposed by the assistant's editing tools that the person accepted or rejected.
    pub edits_accepted: u64,
    pub edits_rejected: u64,
}

impl Work {
    pub fn add(&mut self, other: &Work) {
        self.sessions = self.sessions.saturating_add(other.sessions);
        self.lines_added = self.lines_added.saturating_add(other.lines_added);
        self.lines_removed = self.lines_removed.saturating_add(other.lines_removed);
        self.commits = self.commits.saturating_add(other.commits);
        self.pull_requests = self.pull_requests.saturating_add(other.pull_requests);
        self.edits_accepted = self.edits_accepted.saturating_add(other.edits_accepted);
        self.edits_rejected = self.edits_rejected.saturating_add(other.edits_rejected);
    }

    /// Edits accepted of those decided, in whole percent; `None` when none was decided.
    pub fn acceptance_percent(&self) -> Option<u64> {
        let decided = self.edits_accepted.saturating_add(self.edits_rejected);
        (decided > 0).then(|| (self.edits_accepted.saturating_mul(100) + decided / 2) / decided)
    }
}

/// Tokens and the vendor's estimated cost of one model within a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityModel {
    pub model: String,
    pub input_tokens: u64,
    pub output_tokens: u64,
    pub cache_read_tokens: u64,
    pub cache_creation_tokens: u64,
    /// The vendor's estimate, never a bill.
    pub estimated: Money,
    pub currency: Currency,
}
