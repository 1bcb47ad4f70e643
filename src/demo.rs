//! The built-in sample organization behind `--demo`: three OpenAI organizations, an Anthropic
//! organization, an OpenRouter account, an xAI team, an AWS account billing Bedrock, an Azure
//! subscription billing Azure OpenAI in euros, a Google Cloud billing export and Mistral
//! spend imported in euros (with ECB-like rates), with projects and over a year of daily spend,
//! deterministic for a given day, held in a temporary cache deleted when the command ends.

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use rust_decimal::Decimal;

use crate::budget::{Budget, BudgetPeriod, BudgetScope, DEFAULT_WARN_AT};
use crate::domain::{Account, CostRecord, DateRange, Money, ProjectInfo, ProviderKind, UsageRecord, UsageTotals};
use crate::error::{Error, Result};
use crate::store::{Store, SyncBatch};

mod claude_code;
mod keys;

/// How much history the demo holds.
const HISTORY_DAYS: u64 = 430;

/// A model's line items and their share of its daily spend, with list prices (USD per 1M tokens)
/// used to derive plausible token counts.
struct ModelSpec {
    model: &'static str,
    /// (line item kind, share of the model's spend, USD per 1M tokens or None if not tokens)
    items: &'static [(&'static str, f64, Option<f64>)],
    style: ItemStyle,
}

/// How each provider writes a line item.
enum ItemStyle {
    /// `[<prefix> | ]<model>, <kind>`
    OpenAi(Option<&'static str>),
    /// `<display name> Usage - <Kind> Tokens`
    Anthropic(&'static str),
    /// `<model> via <upstream provider>`
    OpenRouter(&'static str),
    /// The model's description, as xAI's usage analytics groups it; the model itself, as
    /// Fireworks' rated costs name it.
    Xai,
    /// GitHub's `<product>: <sku>`, a premium request's model after it; the model is the SKU
    /// where there is none.
    GitHub { product: &'static str, sku: Option<&'static str> },
    /// Cursor's `<model>, <billing category>`.
    Cursor,
    /// A Cost Explorer usage type: Marketplace (`USE1-MP:USE1_InputTokenCount-Units`) or
    /// first-party (`USE1-Nova-Lite-input-tokens`, the usage type names the model).
    Aws { marketplace: bool, usage_name: &'static str },
    /// An Azure meter, parsed: `<model>, <kind> (global)`.
    Azure,
    /// A Google SKU, parsed: `<model>, <kind> tokens`.
    Gcp,
}

impl ModelSpec {
    fn line_item(&self, kind: &str) -> String {
        match self.style {
            ItemStyle::OpenAi(Some(prefix)) => format!("{prefix} | {}, {kind}", self.model),
            ItemStyle::OpenAi(None) => format!("{}, {kind}", self.model),
            ItemStyle::Anthropic(display) => {
                let kind = match kind {
                    "cached input" => "Cache Read",
                    "cache write" => "Cache Write",
                    "output" => "Output",
                    _ => "Input",
                };
                format!("{display} Usage - {kind} Tokens")
            }
            ItemStyle::OpenRouter(upstream) => format!("{} via {upstream}", self.model),
            ItemStyle::Xai => self.model.to_string(),
            ItemStyle::GitHub { product, sku: Some(sku) } => format!("{product}: {sku} ({})", self.model),
            ItemStyle::GitHub { product, sku: None } => format!("{product}: {}", self.model),
            ItemStyle::Cursor => format!("{}, {kind}", self.model),
            ItemStyle::Aws { marketplace: true, .. } => match kind {
                "output" => "USE1-MP:USE1_OutputTokenCount-Units".to_string(),
                _ => "USE1-MP:USE1_InputTokenCount-Units".to_string(),
            },
            ItemStyle::Aws { marketplace: false, usage_name } => format!("USE1-{usage_name}-{kind}-tokens"),
            ItemStyle::Azure => format!("{}, {kind} (global)", self.model),
            ItemStyle::Gcp => format!("{}, {kind} tokens", self.model),
        }
    }
}

const GPT55: ModelSpec = ModelSpec {
    model: "gpt-5.5-2026-04-23",
    items: &[("input", 0.45, Some(5.0)), ("cached input", 0.03, Some(0.5)), ("output", 0.52, Some(30.0))],
    style: ItemStyle::OpenAi(None),
};
const GPT41_MINI: ModelSpec = ModelSpec {
    model: "gpt-4.1-mini-2025-04-14",
    items: &[("input", 0.45, Some(0.4)), ("output", 0.55, Some(1.6))],
    style: ItemStyle::OpenAi(None),
};
const GPT4O_MINI_BATCH: ModelSpec = ModelSpec {
    model: "gpt-4o-mini-2024-07-18",
    items: &[("input", 0.5, Some(0.075)), ("output", 0.5, Some(0.3))],
    style: ItemStyle::OpenAi(Some("batch")),
};
const EMBED: ModelSpec =
    ModelSpec { model: "text-embedding-3-small", items: &[("input", 1.0, Some(0.02))], style: ItemStyle::OpenAi(None) };
const WHISPER: ModelSpec =
    ModelSpec { model: "whisper-1", items: &[("audio", 1.0, None)], style: ItemStyle::OpenAi(None) };
const IMAGE: ModelSpec =
    ModelSpec { model: "gpt-image-1", items: &[("image", 1.0, None)], style: ItemStyle::OpenAi(None) };
const O4_MINI: ModelSpec = ModelSpec {
    model: "o4-mini-2025-04-16",
    items: &[("input", 0.3, Some(1.1)), ("output", 0.7, Some(4.4))],
    style: ItemStyle::OpenAi(None),
};

const SONNET: ModelSpec = ModelSpec {
    model: "claude-sonnet-4-5-20250929",
    items: &[
        ("input", 0.34, Some(3.0)),
        ("cached input", 0.04, Some(0.3)),
        ("cache write", 0.07, Some(3.75)),
        ("output", 0.55, Some(15.0)),
    ],
    style: ItemStyle::Anthropic("Claude Sonnet 4.5"),
};
const HAIKU: ModelSpec = ModelSpec {
    model: "claude-haiku-4-5-20251001",
    items: &[("input", 0.45, Some(1.0)), ("output", 0.55, Some(5.0))],
    style: ItemStyle::Anthropic("Claude Haiku 4.5"),
};
const OPUS: ModelSpec = ModelSpec {
    model: "claude-opus-4-1-20250805",
    items: &[("input", 0.4, Some(15.0)), ("output", 0.6, Some(75.0))],
    style: ItemStyle::Anthropic("Claude Opus 4.1"),
};
const OR_GEMINI: ModelSpec = ModelSpec {
    model: "google/gemini-2.5-flash",
    items: &[("usage", 1.0, Some(0.6))],
    style: ItemStyle::OpenRouter("Google AI Studio"),
};
const OR_LLAMA: ModelSpec = ModelSpec {
    model: "meta-llama/llama-4-maverick",
    items: &[("usage", 1.0, Some(0.35))],
    style: ItemStyle::OpenRouter("Together"),
};
const OR_DEEPSEEK: ModelSpec = ModelSpec {
    model: "deepseek/deepseek-chat-v3.1",
    items: &[("usage", 1.0, Some(0.5))],
    style: ItemStyle::OpenRouter("DeepInfra"),
};

const COPILOT_SEATS: ModelSpec = ModelSpec {
    model: "Copilot Business",
    items: &[("seats", 1.0, None)],
    style: ItemStyle::GitHub { product: "copilot", sku: None },
};
const COPILOT_PREMIUM: ModelSpec = ModelSpec {
    model: "Claude Sonnet 4.5",
    items: &[("requests", 1.0, None)],
    style: ItemStyle::GitHub { product: "copilot", sku: Some("Copilot Premium Request") },
};
const GITHUB_MODELS: ModelSpec = ModelSpec {
    model: "openai/gpt-4.1",
    items: &[("requests", 1.0, None)],
    style: ItemStyle::GitHub { product: "models", sku: Some("GitHub Models") },
};
const CURSOR_SONNET: ModelSpec =
    ModelSpec { model: "claude-4.5-sonnet", items: &[("Usage-based", 1.0, None)], style: ItemStyle::Cursor };
const CURSOR_GPT5: ModelSpec =
    ModelSpec { model: "gpt-5", items: &[("Usage-based", 1.0, None)], style: ItemStyle::Cursor };
const FW_LLAMA: ModelSpec =
    ModelSpec { model: "llama-v3p1-70b-instruct", items: &[("usage", 1.0, None)], style: ItemStyle::Xai };
const FW_DEEPSEEK: ModelSpec =
    ModelSpec { model: "deepseek-v3", items: &[("usage", 1.0, None)], style: ItemStyle::Xai };
const GROK4: ModelSpec = ModelSpec { model: "grok-4", items: &[("usage", 1.0, None)], style: ItemStyle::Xai };
const GROK_CODE: ModelSpec =
    ModelSpec { model: "grok-code-fast-1", items: &[("usage", 1.0, None)], style: ItemStyle::Xai };

const BEDROCK_CLAUDE: ModelSpec = ModelSpec {
    model: "Claude Sonnet 4.5",
    items: &[("input", 0.4, None), ("output", 0.6, None)],
    style: ItemStyle::Aws { marketplace: true, usage_name: "" },
};
const BEDROCK_NOVA: ModelSpec = ModelSpec {
    model: "Nova Lite",
    items: &[("input", 0.5, None), ("output", 0.5, None)],
    style: ItemStyle::Aws { marketplace: false, usage_name: "Nova-Lite" },
};

const AZURE_GPT41: ModelSpec = ModelSpec {
    model: "gpt-4.1-2025-04-14",
    items: &[("input", 0.5, None), ("cached input", 0.05, None), ("output", 0.45, None)],
    style: ItemStyle::Azure,
};
const AZURE_R1: ModelSpec =
    ModelSpec { model: "DeepSeek R1", items: &[("input", 0.3, None), ("output", 0.7, None)], style: ItemStyle::Azure };

const GEMINI_PRO: ModelSpec = ModelSpec {
    model: "Gemini 2.5 Pro",
    items: &[("input", 0.35, None), ("cached input", 0.05, None), ("output", 0.6, None)],
    style: ItemStyle::Gcp,
};
const GEMINI_FLASH: ModelSpec = ModelSpec {
    model: "Gemini 2.5 Flash",
    items: &[("input", 0.5, None), ("output", 0.5, None)],
    style: ItemStyle::Gcp,
};

const MISTRAL_LARGE: ModelSpec =
    ModelSpec { model: "mistral-large-latest", items: &[("usage", 1.0, Some(4.0))], style: ItemStyle::Xai };
const CODESTRAL: ModelSpec =
    ModelSpec { model: "codestral-latest", items: &[("usage", 1.0, Some(0.6))], style: ItemStyle::Xai };
const DEEPSEEK_CHAT: ModelSpec =
    ModelSpec { model: "deepseek-chat", items: &[("usage", 1.0, Some(0.5))], style: ItemStyle::Xai };
const DEEPSEEK_REASONER: ModelSpec =
    ModelSpec { model: "deepseek-reasoner", items: &[("usage", 1.0, Some(1.0))], style: ItemStyle::Xai };

struct ProjectSpec {
    id: &'static str,
    name: &'static str,
    archived: bool,
    /// (model, typical dollars per weekday)
    spend: &'static [(&'static ModelSpec, f64)],
}

struct WorkspaceSpec {
    provider: ProviderKind,
    /// The currency its invoice is in.
    currency: crate::domain::Currency,
    name: &'static str,
    projects: &'static [ProjectSpec],
    /// Non-model line items billed to the default project: (item, dollars per day)
    extras: &'static [(&'static str, f64)],
}

const WORKSPACES: &[WorkspaceSpec] = &[
    WorkspaceSpec {
        currency: crate::domain::Currency::USD,
        provider: ProviderKind::OpenAi,
        name: "edugami",
        projects: &[
            ProjectSpec {
                id: "proj_edu_tutor",
                name: "Tutor chat",
                archived: false,
                spend: &[(&GPT55, 38.0), (&GPT41_MINI, 9.0)],
            },
            ProjectSpec {
                id: "proj_edu_grading",
                name: "Essay grading",
                archived: false,
                spend: &[(&GPT4O_MINI_BATCH, 6.5), (&O4_MINI, 4.0)],
            },
            ProjectSpec { id: "proj_edu_search", name: "Course search", archived: false, spend: &[(&EMBED, 1.2)] },
            ProjectSpec { id: "proj_edu_pilot", name: "Pilot 2025", archived: true, spend: &[(&GPT41_MINI, 3.0)] },
        ],
        extras: &[("web search tool calls", 0.9)],
    },
    WorkspaceSpec {
        currency: crate::domain::Currency::USD,
        provider: ProviderKind::OpenAi,
        name: "memoways",
        projects: &[
            ProjectSpec {
                id: "proj_memo_transcribe",
                name: "Transcription",
                archived: false,
                spend: &[(&WHISPER, 7.5)],
            },
            ProjectSpec {
                id: "proj_memo_summaries",
                name: "Summaries",
                archived: false,
                spend: &[(&GPT41_MINI, 11.0), (&GPT55, 6.0)],
            },
            ProjectSpec {
                id: "proj_memo_recall",
                name: "Memory recall",
                archived: false,
                spend: &[(&EMBED, 2.1), (&GPT4O_MINI_BATCH, 1.8)],
            },
        ],
        extras: &[("Vector storage", 0.35)],
    },
    WorkspaceSpec {
        currency: crate::domain::Currency::USD,
        provider: ProviderKind::OpenAi,
        name: "storygami",
        projects: &[
            ProjectSpec {
                id: "proj_story_engine",
                name: "Story engine",
                archived: false,
                spend: &[(&GPT55, 22.0), (&O4_MINI, 5.5)],
            },
            ProjectSpec { id: "proj_story_art", name: "Illustrations", archived: false, spend: &[(&IMAGE, 14.0)] },
            ProjectSpec {
                id: "proj_story_voice",
                name: "Narration",
                archived: false,
                spend: &[(&GPT41_MINI, 2.5), (&WHISPER, 1.5)],
            },
        ],
        extras: &[("web search tool calls", 0.4)],
    },
    WorkspaceSpec {
        currency: crate::domain::Currency::USD,
        provider: ProviderKind::Anthropic,
        name: "edugami",
        projects: &[
            ProjectSpec {
                id: "wrkspc_01EduTutorClaude",
                name: "Tutor (Claude)",
                archived: false,
                spend: &[(&SONNET, 24.0), (&HAIKU, 4.5)],
            },
            ProjectSpec { id: "wrkspc_01EduResearch", name: "Research", archived: false, spend: &[(&OPUS, 9.0)] },
        ],
        extras: &[("Web Search Usage", 0.6), ("Code Execution Usage", 0.25)],
    },
    WorkspaceSpec {
        currency: crate::domain::Currency::USD,
        provider: ProviderKind::OpenRouter,
        name: "storygami",
        projects: &[ProjectSpec {
            id: "",
            name: "",
            archived: false,
            spend: &[(&OR_GEMINI, 3.2), (&OR_LLAMA, 1.4), (&OR_DEEPSEEK, 0.9)],
        }],
        extras: &[],
    },
    WorkspaceSpec {
        currency: crate::domain::Currency::USD,
        provider: ProviderKind::Xai,
        name: "memoways",
        projects: &[ProjectSpec { id: "", name: "", archived: false, spend: &[(&GROK4, 2.4), (&GROK_CODE, 0.7)] }],
        extras: &[],
    },
    // Copilot seats, premium requests past the included ones, GitHub Models.
    WorkspaceSpec {
        currency: crate::domain::Currency::USD,
        provider: ProviderKind::GitHub,
        name: "edugami",
        projects: &[ProjectSpec {
            id: "",
            name: "",
            archived: false,
            spend: &[(&COPILOT_SEATS, 6.3), (&COPILOT_PREMIUM, 1.9), (&GITHUB_MODELS, 0.4)],
        }],
        extras: &[],
    },
    // Cursor's on-demand usage past the seats.
    WorkspaceSpec {
        currency: crate::domain::Currency::USD,
        provider: ProviderKind::Cursor,
        name: "storygami",
        projects: &[ProjectSpec {
            id: "",
            name: "",
            archived: false,
            spend: &[(&CURSOR_SONNET, 2.6), (&CURSOR_GPT5, 0.9)],
        }],
        extras: &[],
    },
    // Open models served by Fireworks AI, rated per day and model.
    WorkspaceSpec {
        currency: crate::domain::Currency::USD,
        provider: ProviderKind::Fireworks,
        name: "memoways",
        projects: &[ProjectSpec { id: "", name: "", archived: false, spend: &[(&FW_LLAMA, 1.8), (&FW_DEEPSEEK, 0.6)] }],
        extras: &[],
    },
    // Mistral bills in euros and has no billing API: its invoices are imported.
    WorkspaceSpec {
        currency: crate::domain::Currency::EUR,
        provider: ProviderKind::Imported("mistral"),
        name: "lab",
        projects: &[ProjectSpec {
            id: "",
            name: "",
            archived: false,
            spend: &[(&MISTRAL_LARGE, 4.2), (&CODESTRAL, 1.1)],
        }],
        extras: &[],
    },
    // DeepSeek has no spend API: its usage exports are imported, and its key reads the prepaid
    // balance, whose runway is taken over that imported spend.
    WorkspaceSpec {
        currency: crate::domain::Currency::USD,
        provider: ProviderKind::DeepSeek,
        name: "storygami",
        projects: &[ProjectSpec {
            id: "",
            name: "",
            archived: false,
            spend: &[(&DEEPSEEK_CHAT, 0.9), (&DEEPSEEK_REASONER, 0.7)],
        }],
        extras: &[],
    },
    WorkspaceSpec {
        currency: crate::domain::Currency::USD,
        provider: ProviderKind::Aws,
        name: "prod",
        projects: &[
            ProjectSpec {
                id: "111111111111",
                name: "edu-prod",
                archived: false,
                spend: &[(&BEDROCK_CLAUDE, 6.5), (&BEDROCK_NOVA, 0.8)],
            },
            ProjectSpec { id: "222222222222", name: "edu-research", archived: false, spend: &[(&BEDROCK_CLAUDE, 1.9)] },
        ],
        extras: &[],
    },
    // Azure bills on the Azure invoice, here in euros; the resources are the projects.
    WorkspaceSpec {
        currency: crate::domain::Currency::EUR,
        provider: ProviderKind::Azure,
        name: "contoso",
        projects: &[
            ProjectSpec { id: "contoso-aoai", name: "contoso-aoai", archived: false, spend: &[(&AZURE_GPT41, 3.1)] },
            ProjectSpec {
                id: "research-foundry",
                name: "research-foundry",
                archived: false,
                spend: &[(&AZURE_R1, 1.2)],
            },
        ],
        extras: &[],
    },
    // Gemini and Vertex AI from the Cloud Billing export; Google Cloud projects are the projects.
    WorkspaceSpec {
        currency: crate::domain::Currency::USD,
        provider: ProviderKind::Gcp,
        name: "acme",
        projects: &[
            ProjectSpec {
                id: "acme-prod",
                name: "Acme prod",
                archived: false,
                spend: &[(&GEMINI_FLASH, 2.2), (&GEMINI_PRO, 1.4)],
            },
            ProjectSpec { id: "acme-research", name: "Acme research", archived: false, spend: &[(&GEMINI_PRO, 0.9)] },
        ],
        extras: &[],
    },
];

/// ECB-like euro reference rates for the demo's days: business days only, deterministic.
fn demo_rates(range: DateRange) -> Vec<crate::fx::ecb::Rate> {
    use crate::domain::Currency;
    let mut out = Vec::new();
    for day in range.days().filter(|d| d.weekday().number_from_monday() <= 5) {
        for (code, base, swing) in [("USD", 1.08, 0.03), ("CHF", 0.94, 0.01), ("GBP", 0.85, 0.01), ("JPY", 162.0, 3.0)]
        {
            let value = base + swing * (noise(&["fx", code], day) - 0.5);
            let places = if code == "JPY" { 2 } else { 4 };
            let rate = Decimal::from_f64_retain(value).unwrap_or(Decimal::ONE).round_dp(places);
            if let Ok(c) = Currency::parse(code) {
                out.push((day, c, rate));
            }
        }
    }
    out
}

/// A temporary cache filled with the sample organization.
pub struct Demo {
    dir: tempfile::TempDir,
}

/// The exit code of the first stop signal, or `None` if none can be listened for.
async fn stop_signal() -> Option<i32> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let (mut term, mut hup, mut int) = (
            signal(SignalKind::terminate()).ok()?,
            signal(SignalKind::hangup()).ok()?,
            signal(SignalKind::interrupt()).ok()?,
        );
        tokio::select! {
            _ = term.recv() => Some(143),
            _ = hup.recv() => Some(129),
            _ = int.recv() => Some(130),
        }
    }
    #[cfg(not(unix))]
    {
        tokio::signal::ctrl_c().await.ok().map(|_| 130)
    }
}

impl Demo {
    pub fn new(now: DateTime<Utc>) -> Result<Demo> {
        let today = now.date_naive();
        let dir = tempfile::Builder::new()
            .prefix("llmcost-demo-")
            .tempdir()
            .map_err(|e| Error::io("cannot create the demo's temporary cache", e))?;
        let demo = Demo { dir };
        let mut store = Store::open(&demo.db_path())?;
        let range = DateRange::new(today - Days::new(HISTORY_DAYS - 1), today);
        for ws in WORKSPACES {
            let account = Account::new(ws.provider, ws.name);
            let (costs, usage) = generate(ws, range, today);
            let projects = ws
                .projects
                .iter()
                .filter(|p| !p.id.is_empty())
                .map(|p| ProjectInfo {
                    id: p.id.to_string(),
                    name: p.name.to_string(),
                    status: if p.archived { "archived" } else { "active" }.to_string(),
                })
                .collect();
            if ws.provider.is_imported() {
                let days = range.days().collect();
                let replace = crate::store::imports::Replace::All;
                let sources = std::collections::BTreeMap::new();
                let rows =
                    crate::store::imports::ImportRows { costs: &costs, usage: &usage, days: &days, sources: &sources };
                let file = match ws.provider {
                    ProviderKind::DeepSeek => "deepseek-usage-export.csv",
                    _ => "mistral-invoice-export.csv",
                };
                store.import_spend(&account, rows, replace, file, now)?;
                // DeepSeek's key reads its prepaid balance.
                if ws.provider == ProviderKind::DeepSeek {
                    let left = Money::from_decimal(Decimal::new(2_380, 2));
                    store.record_balance(&account, now, left, crate::domain::Currency::USD)?;
                }
                continue;
            }
            // Estimates first: the sync below settles every past day's (its bill arrived) and
            // leaves today's standing, as a real refresh and sync would.
            if !ws.provider.info().live.is_empty() {
                for (progress, rows) in estimates(ws, &costs, &usage, now) {
                    store.write_estimates(&account, &progress, None, &rows)?;
                }
            }
            // Who spent it: OpenAI's and Anthropic's usage per API key, and their keys.
            let (usage, api_keys) = if keys::reports_keys(ws.provider) {
                let (usage, list) = keys::split(ws.provider, ws.name, usage, today);
                (usage, Some(list))
            } else if ws.provider == ProviderKind::GitHub {
                // GitHub's premium requests, billed to the seat holders who made them.
                let (usage, seats) = keys::github_people(&costs);
                (usage, Some(seats))
            } else {
                (usage, None)
            };
            let batch = SyncBatch {
                runs: vec![(range, costs, usage)],
                projects: Some(projects),
                keys: api_keys,
                ..SyncBatch::default()
            };
            store.write_sync(&account, &batch, now)?;
            // OpenRouter and the xAI team are prepaid: the credits left, for `balances` and
            // its runway.
            let left = match account.provider {
                ProviderKind::OpenRouter => Some(Decimal::new(8_742, 2)),
                ProviderKind::Xai => Some(Decimal::new(1_413, 2)),
                _ => None,
            };
            if let Some(left) = left {
                store.record_balance(&account, now, Money::from_decimal(left), crate::domain::Currency::USD)?;
            }
        }
        // Claude Code's analytics of the edugami organization: people's activity with
        // Anthropic's estimate, never a bill.
        let batch = SyncBatch {
            runs: vec![(range, Vec::new(), Vec::new())],
            activity: claude_code::records(range),
            ..SyncBatch::default()
        };
        store.write_sync(&Account::new(ProviderKind::ClaudeCode, claude_code::WORKSPACE), &batch, now)?;
        // From a week before the first day: a conversion looks back up to 7 days for the last
        // business day's rate, and the demo's first day may be a weekend.
        store.save_fx(&demo_rates(DateRange::new(range.since - Days::new(7), range.until)))?;
        Ok(demo)
    }

    /// Removes the demo's temporary directory when the process is told to stop (SIGINT, SIGTERM,
    /// SIGHUP: a closed terminal), which would otherwise end it before `Drop` runs. The
    /// dashboard's terminal is restored first. Exits with 128 + the signal's number.
    pub fn clean_up_on_signal(&self) {
        let dir = self.dir.path().to_path_buf();
        std::thread::spawn(move || {
            let Ok(runtime) = tokio::runtime::Builder::new_current_thread().enable_all().build() else { return };
            let code = runtime.block_on(stop_signal());
            let Some(code) = code else { return };
            if crate::tui::ACTIVE.load(std::sync::atomic::Ordering::SeqCst) {
                crate::tui::restore_terminal();
            }
            let _ = std::fs::remove_dir_all(&dir);
            std::process::exit(code);
        });
    }

    pub fn db_path(&self) -> std::path::PathBuf {
        self.dir.path().join("demo.sqlite")
    }

    pub fn accounts(&self) -> Vec<Account> {
        WORKSPACES
            .iter()
            .map(|w| Account::new(w.provider, w.name))
            .chain(std::iter::once(Account::new(ProviderKind::ClaudeCode, claude_code::WORKSPACE)))
            .collect()
    }
}

/// The demo's budgets: one exceeded, one forecast to exceed, the rest within their limits.
pub fn budgets() -> Vec<Budget> {
    let budget = |name: &str, amount: i64, period, provider, workspace: Option<&str>, project: Option<&str>| Budget {
        name: name.to_string(),
        amount: Money::from_decimal(Decimal::from(amount)),
        currency: crate::domain::Currency::USD,
        period,
        start_day: 1,
        scope: BudgetScope {
            team: None,
            key: None,
            person: None,
            provider,
            workspace: workspace.map(String::from),
            project: project.map(String::from),
            model: None,
        },
        warn_at: DEFAULT_WARN_AT.to_vec(),
        brake: false,
        enforce_by_provider: false,
        include_estimate: false,
    };
    let mut budgets = vec![
        budget("team-monthly", 4_000, BudgetPeriod::Month, None, None, None),
        budget("edugami-openai", 1_000, BudgetPeriod::Month, Some(ProviderKind::OpenAi), Some("edugami"), None),
        budget(
            "claude-research",
            400,
            BudgetPeriod::Month,
            Some(ProviderKind::Anthropic),
            None,
            Some("wrkspc_01EduResearch"),
        ),
        budget("memoways-quarter", 2_500, BudgetPeriod::Quarter, Some(ProviderKind::OpenAi), Some("memoways"), None),
        budget("openrouter-weekly", 60, BudgetPeriod::Week, Some(ProviderKind::OpenRouter), None, None),
    ];
    // Each person against $200 a week of the spend their keys were allocated.
    let mut per_person = budget("per-person", 200, BudgetPeriod::Week, None, None, None);
    per_person.scope.person = Some("*".into());
    budgets.push(per_person);
    // `limits plan` on the demo: Anthropic holds the research budget as its own limit; OpenAI
    // cannot hold one (its published Admin API has no spend limit).
    for b in budgets.iter_mut().filter(|b| ["claude-research", "edugami-openai"].contains(&b.name.as_str())) {
        b.enforce_by_provider = true;
    }
    budgets
}

/// splitmix64: a stable pseudo-random number for a (workspace, project, model, day) tuple.
pub(crate) fn noise(parts: &[&str], day: NaiveDate) -> f64 {
    let mut h: u64 = 0x9E37_79B9_7F4A_7C15 ^ u64::from(day.num_days_from_ce().unsigned_abs());
    for part in parts {
        for b in part.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01B3);
        }
    }
    h = (h ^ (h >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    h ^= h >> 31;
    (h >> 11) as f64 / (1u64 << 53) as f64
}

/// Dollars as an exact decimal with micro-dollar precision (the generator's only float use).
#[expect(clippy::cast_possible_truncation, reason = "the generator's small dollar figures; `as` saturates")]
fn dollars(value: f64) -> Money {
    Money::from_decimal(Decimal::new((value * 1_000_000.0).round() as i64, 6))
}

fn day_factor(ws: &str, project: &str, day: NaiveDate, today: NaiveDate) -> f64 {
    let weekday = match day.weekday().num_days_from_monday() {
        5 => 0.45,
        6 => 0.35,
        _ => 1.0,
    };
    // Spend grows towards today: about half a year ago it was 70 % of today's level.
    let age = (today - day).num_days() as f64;
    let trend = 1.0 / (1.0 + age / 420.0);
    let jitter = 0.75 + 0.5 * noise(&[ws, project], day);
    // A few days with a batch job gone wild, for anomaly hunting: one five days ago, always.
    let rerun = project == "proj_edu_grading" && (today - day).num_days() == 5;
    let spike = if rerun {
        16.0
    } else if noise(&[ws, project, "spike"], day) > 0.994 {
        4.0
    } else {
        1.0
    };
    weekday * trend * jitter * spike
}

fn generate(ws: &WorkspaceSpec, range: DateRange, today: NaiveDate) -> (Vec<CostRecord>, Vec<UsageRecord>) {
    let mut costs = Vec::new();
    let mut usage = Vec::new();
    // Today is partial: a fixed share of a day, so the demo is the same all day long.
    let today_share = 0.55;
    // OpenRouter reports completed days only.
    let (_, newest) = ws.provider.servable_days(today);
    for day in range.days().filter(|d| *d <= newest) {
        let partial = if day == today { today_share } else { 1.0 };
        for p in ws.projects {
            // Archived projects stopped spending four months ago.
            if p.archived && (today - day).num_days() < 120 {
                continue;
            }
            let factor = day_factor(ws.name, p.id, day, today) * partial;
            let project = Some(p.id.to_string()).filter(|id| !id.is_empty());
            for (spec, daily) in p.spend {
                let model_spend = daily * factor * (0.9 + 0.2 * noise(&[ws.name, p.id, spec.model], day));
                let mut totals = UsageTotals::default();
                for (kind, share, per_million) in spec.items {
                    let amount = dollars(model_spend * share);
                    let line_item = spec.line_item(kind);
                    if let Some(price) = per_million {
                        #[expect(
                            clippy::cast_possible_truncation,
                            clippy::cast_sign_loss,
                            reason = "positive demo figures; `as` saturates"
                        )]
                        let tokens = (model_spend * share / price * 1_000_000.0) as u64;
                        match *kind {
                            "output" => totals.output_tokens += tokens,
                            // One OpenRouter row per model carries both directions.
                            "usage" => {
                                totals.input_tokens += tokens * 3 / 4;
                                totals.output_tokens += tokens / 4;
                            }
                            "cached input" | "cache write" => {
                                totals.input_tokens += tokens;
                                totals.cached_input_tokens += tokens;
                            }
                            _ => totals.input_tokens += tokens,
                        }
                    }
                    costs.push(CostRecord {
                        day,
                        project_id: project.clone(),
                        model: spec.model.to_string(),
                        line_item,
                        amount,
                        currency: ws.currency,
                    });
                }
                if totals.input_tokens + totals.output_tokens > 0 {
                    // Only where the provider's usage counts requests (Anthropic's report and
                    // the clouds' bills do not).
                    if ws.provider.info().counts_requests {
                        totals.requests = (totals.input_tokens + totals.output_tokens) / 2_400 + 1;
                    }
                    usage.push(UsageRecord {
                        day,
                        project_id: project.clone(),
                        model: spec.model.to_string(),
                        totals,
                        key_id: None,
                        billed: None,
                    });
                }
            }
        }
        for (item, daily) in ws.extras {
            let amount = dollars(daily * partial * (0.8 + 0.4 * noise(&[ws.name, item], day)));
            costs.push(CostRecord {
                day,
                project_id: None,
                line_item: item.to_string(),
                model: item.to_string(),
                amount,
                currency: ws.currency,
            });
        }
    }
    (costs, usage)
}

/// Days of estimates the demo keeps (their bills arrived: llmcost's measured accuracy).
const ESTIMATED_DAYS: u64 = 30;

/// The demo's estimates for an account with live usage: each of the last 30 days' (the bill
/// then replaces them) and today's, hour by hour so far. An estimate is the day's billed
/// spend of each model with tokens, off by a few percent; line items without tokens (tools,
/// storage) are not in it, as they are not in a real one. OpenRouter's is its live figure for
/// all models, and covers today, which it bills tomorrow.
fn estimates(
    ws: &WorkspaceSpec,
    costs: &[CostRecord],
    usage: &[UsageRecord],
    now: DateTime<Utc>,
) -> Vec<(crate::store::EstimateDay, Vec<crate::store::EstimateRow>)> {
    use crate::store::{EstimateDay, EstimateRow};
    use chrono::Timelike;
    let today = now.date_naive();
    let hourly = ws.provider.info().live_hourly;
    let mut out = Vec::new();
    for back in (0..=ESTIMATED_DAYS).rev() {
        let day = today - Days::new(back);
        // What the bill says (or, for OpenRouter's today, yesterday's pace so far).
        let billed_day =
            if back == 0 && !ws.provider.info().reports_today { day.pred_opt().unwrap_or(day) } else { day };
        let mut sums: std::collections::BTreeMap<(Option<String>, String), Money> = Default::default();
        for c in costs.iter().filter(|c| c.day == billed_day) {
            let with_tokens =
                usage.iter().any(|u| u.day == c.day && u.model == c.model && u.project_id == c.project_id);
            // Tokens are priced; a provider's live dollars cover every line item.
            let priced = matches!(ws.provider, ProviderKind::OpenAi | ProviderKind::Anthropic);
            if priced && !with_tokens {
                continue;
            }
            let key = if hourly {
                (c.project_id.clone(), c.model.clone())
            } else {
                (None, crate::domain::live::ALL_MODELS.to_string())
            };
            let sum = sums.entry(key).or_default();
            *sum = sum.checked_add(c.amount).unwrap_or(*sum);
        }
        let pace = if billed_day == day { Decimal::ONE } else { Decimal::new(55, 2) };
        let hours: Vec<Option<u32>> =
            if back == 0 && hourly { (0..=now.hour()).map(Some).collect() } else { vec![None] };
        let mut rows = Vec::new();
        for ((project_id, model), dollars) in sums {
            // Off by -4 % to +4 %, the same all day.
            let error = Decimal::ONE
                + Decimal::try_from((noise(&[ws.name, &model, "estimate"], day) - 0.5) * 0.08)
                    .unwrap_or_default()
                    .round_dp(4);
            let share = Decimal::ONE / Decimal::from(hours.len());
            for hour in &hours {
                let amount = (dollars.decimal() * pace * error * share).round_dp(6);
                rows.push(EstimateRow {
                    hour: *hour,
                    project_id: project_id.clone(),
                    model: model.clone(),
                    amount: Money::from_decimal(amount),
                    live: !hourly || ws.provider == ProviderKind::Xai,
                });
            }
        }
        let through =
            if back == 0 { now } else { (day + Days::new(1)).and_hms_opt(0, 0, 0).map_or(now, |t| t.and_utc()) };
        let progress = EstimateDay { day, through, refreshed_at: now, unpriced: Vec::new(), bill_arrived: false };
        out.push((progress, rows));
    }
    out
}

/// The demo's `[people]`: the GitHub logins of three Copilot seat holders are the e-mails their
/// OpenAI keys and Claude Code sessions carry.
pub fn people() -> std::collections::BTreeMap<String, Vec<String>> {
    [("ana@edugami.org", "ana-edugami"), ("ben@edugami.org", "ben-edugami"), ("gus@edugami.org", "gus-edugami")]
        .into_iter()
        .map(|(person, login)| (person.to_string(), vec![login.to_string()]))
        .collect()
}

/// The demo's teams: three teams with cost centres, one shared account split between two of them,
/// and spend no rule claims (left `(unallocated)` on purpose).
pub fn teams() -> Vec<crate::teams::Team> {
    use crate::teams::{Rule, Team};
    let rule = |provider: Option<&str>, workspace: Option<&str>, project: Option<&str>| Rule {
        provider: provider.map(String::from),
        workspace: workspace.map(String::from),
        project: project.map(String::from),
        ..Rule::default()
    };
    vec![
        Team {
            name: "learning".into(),
            cost_center: Some("CC-100".into()),
            rules: vec![
                rule(Some("openai"), Some("edugami"), None),
                rule(Some("anthropic"), Some("edugami"), Some("Tutor*")),
                rule(Some("aws"), None, None),
            ],
        },
        Team {
            name: "research".into(),
            cost_center: Some("CC-200".into()),
            rules: vec![rule(Some("anthropic"), Some("edugami"), Some("Research")), rule(Some("gcp"), None, None)],
        },
        Team {
            name: "media".into(),
            cost_center: Some("CC-300".into()),
            rules: vec![rule(None, Some("storygami"), None), rule(Some("xai"), None, None)],
        },
    ]
}

/// The memoways OpenAI organization is shared: 60 % learning, 40 % media.
pub fn shared_costs() -> Vec<crate::teams::SharedCost> {
    use crate::teams::{Rule, SharedCost, Split, Weight};
    vec![SharedCost {
        rule: Rule { provider: Some("openai".into()), workspace: Some("memoways".into()), ..Rule::default() },
        split: Split::Weights(
            [("learning".to_string(), Weight(Decimal::from(60))), ("media".to_string(), Weight(Decimal::from(40)))]
                .into_iter()
                .collect(),
        ),
    }]
}

/// The demo's gateway for `reconcile --against`, built from the demo's own bill so every cause shows: OpenAI seen in full
/// but for the days when a tenth went around the gateway, Anthropic priced without its cache
/// discount on Mondays, failed calls on the 3rd of each month, the clouds never seen, and
/// OpenRouter's traffic of today, which OpenRouter bills tomorrow.
pub(crate) fn gateway_observations(
    store: &crate::store::Store,
    accounts: &[Account],
    range: DateRange,
    today: chrono::NaiveDate,
) -> Result<Vec<crate::observed::Observation>> {
    use chrono::Datelike;
    let q = crate::store::CostQuery::all(
        accounts.to_vec(),
        range,
        vec![crate::domain::Dim::Day, crate::domain::Dim::Provider, crate::domain::Dim::Model],
    );
    let rates = store.cached_rates(&q, crate::domain::Currency::USD)?;
    let mut out = Vec::new();
    for (key, cost) in store.aggregate_costs_in(&q, crate::domain::Currency::USD, &rates)?.0 {
        let [
            crate::domain::KeyValue::Day(day),
            crate::domain::KeyValue::Provider(kind),
            crate::domain::KeyValue::Text(model),
        ] = key.values.as_slice()
        else {
            continue;
        };
        let share = match kind {
            ProviderKind::OpenAi if day.day() % 5 == 0 => Decimal::new(90, 2),
            ProviderKind::OpenAi if day.day() == 3 => Decimal::new(97, 2),
            ProviderKind::OpenAi => Decimal::ONE,
            ProviderKind::Anthropic if day.weekday() == chrono::Weekday::Mon => Decimal::new(130, 2),
            ProviderKind::Anthropic | ProviderKind::OpenRouter | ProviderKind::Xai => Decimal::ONE,
            _ => continue,
        };
        out.push(crate::observed::Observation {
            day: *day,
            provider: Some(kind.id().to_string()),
            model: model.clone(),
            cost: Money::from_decimal((cost.decimal() * share).round_dp(6)),
            requests: 100,
            failed_requests: if day.day() == 3 { 4 } else { 0 },
            cached_tokens: if *kind == ProviderKind::Anthropic { 50_000 } else { 0 },
        });
    }
    let yesterday = today.pred_opt().unwrap_or(today);
    if range.contains(today) {
        let seen_today: Vec<crate::observed::Observation> = out
            .iter()
            .filter(|o| o.day == yesterday && o.provider.as_deref() == Some(ProviderKind::OpenRouter.id()))
            .map(|o| crate::observed::Observation { day: today, ..o.clone() })
            .collect();
        out.extend(seen_today);
    }
    Ok(out)
}

/// The demo's balance floors: OpenRouter's credits comfortably above theirs, the xAI team's
/// due below its floor within the week at its burn.
pub fn balance_floors() -> Vec<crate::budget::BalanceFloor> {
    let floor = |name: &str, provider, min: i64| crate::budget::BalanceFloor {
        name: name.to_string(),
        provider: Some(provider),
        workspace: None,
        min: Money::from_decimal(Decimal::from(min)),
        currency: crate::domain::Currency::USD,
    };
    vec![floor("openrouter-credits", ProviderKind::OpenRouter, 20), floor("xai-credits", ProviderKind::Xai, 10)]
}

/// The demo's spend limit, as `limits plan` would read it from the provider: $3,000 a month.
pub(crate) fn spend_limit() -> serde_json::Value {
    serde_json::json!({"amount": "300000", "currency": "USD"})
}

/// The demo's levers, as `brake` would read them from the providers: Anthropic's keys per
/// workspace, OpenRouter's keys, OpenAI's rate limits of the busiest models per project.
pub(crate) fn brake_changes(
    account: &crate::domain::Account,
    rung: crate::providers::levers::Rung,
    deny: &[String],
) -> Vec<crate::providers::levers::Change> {
    use crate::domain::ProviderKind;
    use crate::providers::levers::{Change, Lever, Rung};
    use serde_json::json;
    if rung == Rung::DenyModels {
        // No demo project has a model policy yet: each would get a deny list.
        let deny_in = |project: &str, name: &str| Change {
            lever: Lever {
                kind: "model_permissions".into(),
                id: project.into(),
                name: name.into(),
                project: Some(project.into()),
            },
            current: json!({"mode": null, "model_ids": null}),
            braked: json!({"mode": "deny_list", "model_ids": deny}),
        };
        return match (account.provider, account.workspace.as_str()) {
            (ProviderKind::OpenAi, "edugami") => {
                vec![deny_in("proj_edu_grading", "Essay grading"), deny_in("proj_edu_tutor", "Tutor chat")]
            }
            (ProviderKind::OpenAi, "storygami") => vec![deny_in("proj_story_engine", "Story engine")],
            (ProviderKind::OpenAi, "memoways") => vec![deny_in("proj_memo_summaries", "Summaries")],
            _ => Vec::new(),
        };
    }
    let key = |id: &str, name: &str, project: Option<&str>, on: serde_json::Value, off: serde_json::Value| Change {
        lever: Lever { kind: "api_key".into(), id: id.into(), name: name.into(), project: project.map(str::to_string) },
        current: on,
        braked: off,
    };
    let limit = |project: &str, project_name: &str, model: &str, rpm: u64, tpm: u64| Change {
        lever: Lever {
            kind: "rate_limit".into(),
            id: format!("rl-{model}"),
            name: format!("{project_name} · {model}"),
            project: Some(project.into()),
        },
        current: json!({"max_requests_per_1_minute": rpm, "max_tokens_per_1_minute": tpm}),
        braked: json!({"max_requests_per_1_minute": 1, "max_tokens_per_1_minute": 1}),
    };
    let (active, inactive) = (json!({"status": "active"}), json!({"status": "inactive"}));
    let (enabled, disabled) = (json!({"disabled": false}), json!({"disabled": true}));
    match (account.provider, account.workspace.as_str()) {
        (ProviderKind::Anthropic, "edugami") => vec![
            key(
                "apikey_01EduTutorProd",
                "tutor-prod (sk-ant-api03-R2D...igAA)",
                Some("wrkspc_01EduTutorClaude"),
                active.clone(),
                inactive.clone(),
            ),
            key(
                "apikey_01EduResearch",
                "research-notebooks (sk-ant-api03-C3P...xQAA)",
                Some("wrkspc_01EduResearch"),
                active,
                inactive,
            ),
        ],
        (ProviderKind::OpenRouter, "storygami") => vec![
            key("f01d3c2b9a", "story-engine (sk-or-v1-0e6...c96)", None, enabled.clone(), disabled.clone()),
            key("7ab44e1c02", "prototypes (sk-or-v1-9a1...2f0)", None, enabled, disabled),
        ],
        (ProviderKind::OpenAi, "edugami") => vec![
            limit("proj_edu_grading", "Essay grading", "gpt-5.5", 5_000, 2_000_000),
            limit("proj_edu_tutor", "Tutor chat", "gpt-4o-mini", 10_000, 10_000_000),
        ],
        (ProviderKind::OpenAi, "storygami") => {
            vec![limit("proj_story_engine", "Story engine", "gpt-5.5", 5_000, 2_000_000)]
        }
        (ProviderKind::OpenAi, "memoways") => {
            vec![limit("proj_memo_summaries", "Summaries", "o4-mini", 5_000, 4_000_000)]
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_is_deterministic_for_a_day() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let range = DateRange::new(today - Days::new(30), today);
        let (a, _) = generate(&WORKSPACES[0], range, today);
        let (b, _) = generate(&WORKSPACES[0], range, today);
        assert_eq!(a, b);
        assert!(a.iter().all(|c| c.amount > Money::ZERO));
    }
}
