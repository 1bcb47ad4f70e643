//! The facts about a provider, declared once in its folder (`const INFO`) and read by help,
//! doctor, sync planning and output: nothing else in llmcost special-cases a provider.

use chrono::{Days, NaiveDate};

/// How much history a provider's billing API serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum History {
    /// Any past day.
    Unlimited,
    /// Only the last N days before today (OpenRouter: 30): llmcost's cache is the record of
    /// anything older.
    LastDays(u32),
}

/// Where an account's credentials come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CredentialSource {
    /// An API key in `LLMCOST_KEY_<ID>_<WORKSPACE>` or the OS keyring, added with `providers add`.
    ApiKey,
    /// The standard AWS chain (a workspace's `profile`, the environment, `~/.aws`); llmcost
    /// stores nothing.
    AwsChain,
    /// Azure: a service principal's client secret (key variable, keyring, `AZURE_CLIENT_SECRET`)
    /// or the Azure CLI's login.
    AzureLogin,
    /// Google: an access token as the key, else a service account key file or gcloud's login.
    GoogleAuth,
    /// None: the spend is imported from files (`llmcost import`), never fetched.
    Imported,
}

impl CredentialSource {
    /// Whether `providers add` asks for a secret: always for an API key; for Azure when a
    /// service principal is named; never for the AWS chain or Google (a key file stays where it is).
    pub(crate) fn reads_secret(self, settings: &crate::config_workspace::WorkspaceConfig) -> bool {
        match self {
            CredentialSource::ApiKey => true,
            CredentialSource::AzureLogin => {
                settings.settings.contains_key("tenant_id") && settings.settings.contains_key("client_id")
            }
            CredentialSource::AwsChain | CredentialSource::GoogleAuth | CredentialSource::Imported => false,
        }
    }

    /// Where the credentials come from when nothing is stored.
    pub(crate) fn without_secret(self) -> &'static str {
        match self {
            CredentialSource::ApiKey => "the key variable is used",
            CredentialSource::AwsChain => "the AWS credential chain is used",
            CredentialSource::AzureLogin => "your az login is used",
            CredentialSource::GoogleAuth => "the key file, GOOGLE_APPLICATION_CREDENTIALS or gcloud's login is used",
            CredentialSource::Imported => "spend is imported from files",
        }
    }
}

/// A provider's monthly spend limit, as `llmcost limits` sets it.
#[derive(Clone, Copy, Debug)]
pub enum SpendLimit {
    Lever(SpendLimitLever),
    /// Why the provider cannot hold one.
    Not(&'static str),
}

/// How a provider holds a monthly spend limit. Its `lever_read`/`lever_write` speak of it as
/// `{"amount": "50000", "currency": "USD"}` (cents, as text; `null`: no limit) whatever its
/// wire shape.
#[derive(Clone, Copy, Debug)]
pub struct SpendLimitLever {
    /// The lever of the organization's limit (`None`) or of one scope's below it.
    pub lever: fn(Option<&str>) -> super::levers::Lever,
    /// What the scope below the organization is called (`workspace`, `project`) and the prefix
    /// of its ids (`wrkspc_`, `proj_`).
    pub scope: (&'static str, &'static str),
    /// The field the provider's API takes the cents in, with them: `amount "50000"`,
    /// `threshold_amount 50000`, `budget_amount 500` (GitHub: dollars).
    pub shown: fn(&str) -> String,
    /// The smallest step of a limit, in cents: 1, or 100 where the provider takes whole dollars
    /// (GitHub's budgets); a budget's amount is cut down to it.
    pub step_cents: u64,
}

/// Facts about one provider.
#[derive(Clone, Copy, Debug)]
pub struct ProviderInfo {
    /// On the command line, in the config, in key variables and in the cache: `openai`.
    pub id: &'static str,
    /// For people: `OpenAI`.
    pub display: &'static str,
    /// The key the billing API needs, for help and errors: `an OpenAI organization Admin key (sk-admin-...)`.
    pub key_kind: &'static str,
    /// The prefix such keys usually have; another one earns a warning, not a refusal.
    pub key_prefix: &'static str,
    /// What its secret is called where one is typed in (`admin key`, `client secret`).
    pub secret_name: &'static str,
    /// The public API's base URL; `LLMCOST_<ID>_BASE_URL` or a workspace's `base_url` wins.
    pub default_base_url: &'static str,
    /// Other variables naming the endpoint, as the provider's own tools read them, in order
    /// (AWS: `AWS_ENDPOINT_URL_COST_EXPLORER`, `AWS_ENDPOINT_URL`).
    pub endpoint_env: &'static [&'static str],
    /// What costs outside any project are called: `Default project`, `Default workspace`.
    pub default_project_label: &'static str,
    pub history: History,
    /// Whether today (partial) is served; OpenRouter serves completed days only.
    pub reports_today: bool,
    /// Whether usage counts requests (Anthropic's usage report does not).
    pub counts_requests: bool,
    /// What the provider's usage answer (`DayBatch::usage`) is, in a warning when it could not be
    /// fetched: token counts, or GitHub's people's bills.
    pub usage_is: &'static str,
    /// Paid in advance: the provider reports a balance left (`Provider::balance`), which
    /// `llmcost balances` shows with its runway.
    pub prepaid: bool,
    /// Whether its billing API serves spend (synced); `false`: the spend comes from files
    /// (`llmcost import`), as for a vendor without a billing API, and the API serves other
    /// things (DeepSeek: the balance).
    pub fetches_spend: bool,
    /// Its API serves people's activity with the vendor's estimated cost, part of another
    /// provider's bill or of seats (Claude Code's analytics): synced into `llmcost activity`,
    /// never a billed row, so bill views leave the account out.
    pub activity_only: bool,
    /// Sells other companies' models (a cloud, a router, a host of open models): FOCUS's
    /// publisher is then the model's (`app::views::publisher`), not the provider.
    pub resells_models: bool,
    /// How llmcost estimates a day before its bill arrives (`""`: it does not), for `estimates`
    /// and the docs; the provider's `live` reads it.
    pub live: &'static str,
    /// Live usage comes in hours, so a day's hours can be completed after it ends; otherwise the
    /// provider reports the current UTC day so far only (OpenRouter), and only today is asked.
    pub live_hourly: bool,
    /// Requests one refresh of the live view costs (at most), for BENCHMARKS.md and `-v`.
    pub live_requests: u32,
    /// The rungs of the brake's ladder the provider has, the default first, each with what it
    /// does (`llmcost brake --rung`); empty: no lever.
    pub brake_rungs: &'static [(super::levers::Rung, &'static str)],
    /// Whether the provider can hold a budget as its own monthly spend limit (`limits`).
    pub spend_limit: SpendLimit,
    pub credentials: CredentialSource,
    /// Finds the account's credentials (`credentials::api_key` for key providers; AWS, Azure and
    /// Google their own chains).
    pub resolve_credentials: fn(&super::credentials::CredentialContext<'_>) -> super::credentials::Resolved,
    /// How long a recent day stays fresh at least, whatever the config says: a provider that
    /// refreshes a few times a day (and bills each request) is not asked every few minutes.
    pub min_fresh_minutes: u32,
    /// Days before today that the provider may still revise, when more than the config's
    /// `trailing_days` (AWS estimates the whole unbilled month).
    pub revises_days: u32,
    /// What one request costs, in millionths of a dollar (Cost Explorer: USD 0.01), for `sync`
    /// and `-v` to say what a sync cost; 0 for free APIs.
    pub request_cost_micro_usd: u32,
    /// Key prefixes that prove a key cannot read billing, with what they are and where the right
    /// key is made: refused by `providers add` before any network call.
    pub wrong_keys: &'static [(&'static str, &'static str)],
    /// The `[workspaces.<id>.NAME]` keys this provider reads besides `base_url` (AWS: `profile`,
    /// `project_tag`); any other is a config error.
    pub settings: &'static [&'static str],
    /// Checks a workspace's settings as the config is loaded: `Err((key, why))` (the key empty
    /// when `why` names it: a value of the wrong type).
    pub check_settings: fn(&crate::config_workspace::WorkspaceConfig) -> Result<(), (&'static str, String)>,
    /// What `doctor` suggests when the credentials cannot be found; `{workspace}` and `{var}`
    /// (the key variable) are filled in. Empty for key providers (doctor says `providers add`).
    pub credentials_fix: &'static str,
    /// The provider's list in the price table (`llmcost prices`): genai-prices' id (`x-ai`,
    /// `google`); `None` when list prices do not apply.
    pub price_list: Option<&'static str>,
    /// The documented discount of the provider's batch API, in percent (0: none known), for
    /// `llmcost optimize`.
    pub batch_discount_percent: u8,
}

/// `check_settings` of a provider without settings of its own.
pub(crate) fn no_settings(_: &crate::config_workspace::WorkspaceConfig) -> Result<(), (&'static str, String)> {
    Ok(())
}

impl ProviderInfo {
    /// What a provider read with an API key has unless its `INFO` says otherwise
    /// (`..ProviderInfo::KEY_DEFAULTS`): all history, today reported, spend fetched, no live
    /// figures, levers, settings or special freshness. The names and the key (`id`, `display`,
    /// `key_kind`, `default_base_url`) and why no spend limit are each provider's own: empty here,
    /// and a registry test refuses a provider that leaves them so.
    pub const KEY_DEFAULTS: ProviderInfo = ProviderInfo {
        id: "",
        display: "",
        key_kind: "",
        key_prefix: "",
        secret_name: "API key",
        default_base_url: "",
        endpoint_env: &[],
        default_project_label: "Default project",
        history: History::Unlimited,
        reports_today: true,
        counts_requests: false,
        usage_is: "token counts",
        prepaid: false,
        fetches_spend: true,
        activity_only: false,
        resells_models: false,
        live: "",
        live_hourly: false,
        live_requests: 0,
        brake_rungs: &[],
        spend_limit: SpendLimit::Not(""),
        credentials: CredentialSource::ApiKey,
        resolve_credentials: super::credentials::api_key,
        min_fresh_minutes: 0,
        revises_days: 0,
        request_cost_micro_usd: 0,
        wrong_keys: &[],
        settings: &[],
        check_settings: no_settings,
        credentials_fix: "",
        price_list: None,
        batch_discount_percent: 0,
    };

    /// The days the billing API can serve on `today`: `(oldest, newest)`, `None` for no limit.
    pub fn servable_days(&self, today: NaiveDate) -> (Option<NaiveDate>, NaiveDate) {
        let newest = if self.reports_today { today } else { today.checked_sub_days(Days::new(1)).unwrap_or(today) };
        let oldest = match self.history {
            History::Unlimited => None,
            History::LastDays(n) => today.checked_sub_days(Days::new(u64::from(n))),
        };
        (oldest, newest)
    }

    /// `keeps only the last 30 days`, for notes and warnings; `None` when history is unlimited.
    pub fn history_limit(&self) -> Option<String> {
        match self.history {
            History::Unlimited => None,
            History::LastDays(n) => Some(format!("{} keeps only the last {n} days", self.display)),
        }
    }
}
