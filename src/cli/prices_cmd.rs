//! `llmcost prices`: the list prices llmcost compares bills with (for the models in the cache,
//! or the whole table), and `prices update` to refresh the cached copy.

use clap::{Args, Subcommand};

use super::App;
use super::args::Format;
use crate::domain::ProviderKind;
use crate::error::{Error, Result};
use crate::prices::{PriceTable, Rates};

#[derive(Debug, Args)]
#[command(
    args_conflicts_with_subcommands = true,
    after_help = "\
List prices are USD per 1M tokens, from pydantic's genai-prices (historic prices
with their start dates). A model the table does not know is shown as missing,
never priced at 0.

Examples:
  llmcost --demo prices                      Prices of the models in the cache
  llmcost prices --all --provider anthropic  Anthropic's whole list
  llmcost prices update                      Fetch the newest genai-prices table
  llmcost prices update --from data.json     ... or read a downloaded one"
)]
pub struct PricesArgs {
    #[command(subcommand)]
    pub action: Option<PricesAction>,
    /// Only this provider (repeatable)
    #[arg(long, value_name = "PROVIDER")]
    pub provider: Vec<String>,
    /// Every model of the table, not only those in the cache
    #[arg(long)]
    pub all: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

#[derive(Debug, Subcommand)]
pub enum PricesAction {
    /// Replace the cached price table with a newer genai-prices data.json
    #[command(after_help = "\
Examples:
  llmcost prices update
  llmcost prices update --from ~/Downloads/data.json
  llmcost prices update --from \\
      https://raw.githubusercontent.com/pydantic/genai-prices/main/prices/data.json")]
    Update {
        /// A genai-prices data.json (or an llmcost table): a file or an http(s) URL
        /// [default: genai-prices' main branch on GitHub]
        #[arg(long, value_name = "FILE|URL")]
        from: Option<String>,
    },
}

pub(super) fn run(app: &App, args: PricesArgs) -> Result<()> {
    if let Some(PricesAction::Update { from }) = args.action {
        let (table, path) = crate::app::prices::update(app, from.as_deref())?;
        app.note(&format!("Wrote {} ({} models)", path.display(), table.model_count()));
        return super::write_stdout(|out| {
            writeln!(out, "Price table updated: {} models from {}", table.model_count(), table.source.url)
        });
    }
    let table = crate::app::prices::load(app);
    let providers: Vec<ProviderKind> = args
        .provider
        .iter()
        .map(|p| ProviderKind::from_id(p).map_err(|e| Error::Usage(e.clone())))
        .collect::<Result<_>>()?;
    for p in &providers {
        if !table.providers.iter().any(|(id, _)| Some(id.as_str()) == p.price_list()) {
            let lists: Vec<&str> = table.providers.iter().map(|(id, _)| id.as_str()).collect();
            return Err(Error::Usage(format!(
                "no price list for '{}': the table has {}",
                crate::sanitize::terminal(p.id()),
                lists.join(", ")
            )));
        }
    }
    let rows =
        if args.all { all_rows(&table, &providers, app.clock.today()) } else { cached_rows(app, &table, &providers)? };
    super::write_stdout(|out| render(&table, &rows, args.format, out))
}

/// One line of the listing: `(provider, model, price entry id, rates)`; no entry is missing.
type PriceRow = (String, String, Option<String>, Option<Rates>, bool);

fn all_rows(table: &PriceTable, only: &[ProviderKind], today: chrono::NaiveDate) -> Vec<PriceRow> {
    let lists: Vec<&str> = only.iter().filter_map(|p| p.price_list()).collect();
    table
        .providers
        .iter()
        .filter(|(id, _)| lists.is_empty() || lists.contains(&id.as_str()))
        .flat_map(|(id, models)| {
            models.iter().map(move |m| (id.clone(), m.id.clone(), Some(m.id.clone()), m.on(today), m.deprecated))
        })
        .collect()
}

fn cached_rows(app: &App, table: &PriceTable, only: &[ProviderKind]) -> Result<Vec<PriceRow>> {
    let today = app.clock.today();
    // Every billed model: those without a price entry are shown as missing, never left out.
    let rows = crate::app::prices::billed_models(app, only)?
        .into_iter()
        .map(|(kind, model)| {
            let entry = kind.price_list().and_then(|list| table.find(list, &model));
            (
                kind.id().to_string(),
                model,
                entry.map(|e| e.id.clone()),
                entry.and_then(|e| e.on(today)),
                entry.is_some_and(|e| e.deprecated),
            )
        })
        .collect();
    Ok(rows)
}

/// `(provider id, percent)` of every provider with a documented batch discount.
fn batch_discounts() -> Vec<(&'static str, u8)> {
    ProviderKind::ALL.iter().map(|p| (p.id(), p.info().batch_discount_percent)).filter(|(_, d)| *d > 0).collect()
}

fn batch_line() -> String {
    let parts: Vec<String> = batch_discounts().iter().map(|(p, d)| format!("{p} {d}%")).collect();
    format!("Batch API discounts (on input and output): {}", parts.join(", "))
}

/// `prices --format json`.
#[derive(serde::Serialize)]
struct PricesDoc<'a> {
    schema_version: u32,
    currency: &'static str,
    source: &'a crate::prices::Source,
    /// Each provider's documented batch discount, in percent (providers without one are left out).
    batch_discount_percent: std::collections::BTreeMap<&'static str, u8>,
    models: Vec<PriceDoc<'a>>,
}

/// A model: its list prices per million tokens (`null` where the price list has none), or
/// `missing` when the price table does not know it.
#[derive(serde::Serialize)]
struct PriceDoc<'a> {
    provider: &'a str,
    model: &'a str,
    price_entry: Option<&'a str>,
    input_per_mtok: Option<String>,
    cached_input_per_mtok: Option<String>,
    cache_write_per_mtok: Option<String>,
    output_per_mtok: Option<String>,
    long_context_tiers: Option<bool>,
    deprecated: bool,
    missing: bool,
}

/// `$0.30`, `$5.00`, `$0.075`: at least cents, and every digit the price list has.
fn price(p: Option<rust_decimal::Decimal>) -> String {
    p.map_or_else(
        || "-".into(),
        |d| {
            let mut d = d.normalize();
            if d.scale() < 2 {
                d.rescale(2);
            }
            format!("${d}")
        },
    )
}

fn render(table: &PriceTable, rows: &[PriceRow], format: Format, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    match format {
        Format::Json => render_json(table, rows, out),
        Format::Csv => render_csv(rows, out),
        Format::Table | Format::Markdown => render_text(table, rows, format, out),
    }
}

fn render_json(table: &PriceTable, rows: &[PriceRow], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let s = &table.source;
    let models = rows
        .iter()
        .map(|(provider, model, entry, r, deprecated)| {
            let p = |f: fn(&Rates) -> Option<rust_decimal::Decimal>| {
                r.as_ref().and_then(f).map(|d| d.normalize().to_string())
            };
            PriceDoc {
                provider,
                model,
                price_entry: entry.as_deref(),
                input_per_mtok: p(|r| r.input),
                cached_input_per_mtok: p(|r| r.cache_read),
                cache_write_per_mtok: p(|r| r.cache_write),
                output_per_mtok: p(|r| r.output),
                long_context_tiers: r.map(|r| r.tiered),
                deprecated: *deprecated,
                missing: entry.is_none(),
            }
        })
        .collect();
    let doc = PricesDoc {
        schema_version: crate::output::json_out::SCHEMA_VERSION,
        currency: "USD",
        source: s,
        batch_discount_percent: batch_discounts().into_iter().collect(),
        models,
    };
    crate::output::json_out::write_doc(&doc, out)
}

fn render_csv(rows: &[PriceRow], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "provider",
        "model",
        "price_entry",
        "input_per_mtok_usd",
        "cached_input_per_mtok_usd",
        "cache_write_per_mtok_usd",
        "output_per_mtok_usd",
        "missing",
    ])
    .map_err(std::io::Error::other)?;
    for (provider, model, entry, r, _) in rows {
        let p = |f: fn(&Rates) -> Option<rust_decimal::Decimal>| {
            r.as_ref().and_then(f).map(|d| d.normalize().to_string()).unwrap_or_default()
        };
        w.write_record([
            provider.clone(),
            crate::output::csv_out::safe_text(model),
            entry.clone().unwrap_or_default(),
            p(|r| r.input),
            p(|r| r.cache_read),
            p(|r| r.cache_write),
            p(|r| r.output),
            entry.is_none().to_string(),
        ])
        .map_err(std::io::Error::other)?;
    }
    w.flush()
}

/// The table, or Markdown: the price entry each model is priced by, and the batch discounts.
fn render_text(
    table: &PriceTable,
    rows: &[PriceRow],
    format: Format,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let s = &table.source;
    let title = format!(
        "List prices, USD per 1M tokens: {} ({}{}), {} models",
        s.name,
        if s.date.is_empty() { String::new() } else { format!("{}, ", s.date) },
        s.license,
        table.model_count()
    );
    let head = ["Provider", "Model", "Price entry", "Input", "Cached input", "Cache write", "Output"];
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|(provider, model, entry, r, deprecated)| {
            let mut name = entry.clone().unwrap_or_else(|| "missing: not priced".into());
            if *deprecated {
                name.push_str(" (deprecated)");
            }
            if r.is_some_and(|r| r.tiered) {
                name.push_str(" (long-context tiers)");
            }
            vec![
                provider.clone(),
                model.clone(),
                name,
                price(r.and_then(|r| r.input)),
                price(r.and_then(|r| r.cache_read)),
                price(r.and_then(|r| r.cache_write)),
                price(r.and_then(|r| r.output)),
            ]
        })
        .collect();
    if format == Format::Markdown {
        writeln!(out, "## {}\n", crate::sanitize::markdown(&title))?;
        writeln!(out, "| {} |", head.join(" | "))?;
        writeln!(out, "| --- | --- | --- | ---: | ---: | ---: | ---: |")?;
        for row in body {
            let cells: Vec<String> = row.iter().map(|c| crate::sanitize::markdown(c)).collect();
            writeln!(out, "| {} |", cells.join(" | "))?;
        }
        return writeln!(out, "\n{}", batch_line());
    }
    writeln!(out, "{}", crate::output::text::prose(&title))?;
    if rows.is_empty() {
        return writeln!(out, "No models with token counts in the cache: run llmcost sync, or see --all");
    }
    // Narrow: cache-write and cached-input prices go first, then names are cut.
    let t = crate::output::table::fitted(&head, body, &[2, 1], &[5, 4], &[3, 4, 5, 6]);
    writeln!(out, "{t}")?;
    writeln!(out, "{}", crate::output::text::prose(&batch_line()))
}
