//! `llmcost serve` and `llmcost metrics`: the Prometheus exporter and its one-shot form.

use std::net::SocketAddr;
use std::time::Duration;

use clap::Args;

use super::App;
use crate::error::Result;

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  llmcost serve
      http://127.0.0.1:9464/metrics, syncing hourly
  llmcost serve --listen 0.0.0.0:9464 --interval 30m
  llmcost serve --interval 15m --enforce
      Also brake budgets with brake = true once exceeded

GET /metrics answers from the cache (text format 0.0.4, or OpenMetrics when the
scraper's Accept asks for it) while a background task syncs this month every
interval, and today's estimates every minute (--no-live: not); GET /healthz
answers ok. SIGTERM or Ctrl-C stops it cleanly.")]
pub struct ServeArgs {
    /// Address and port to listen on; a non-loopback address exposes spend figures to the network
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:9464")]
    pub listen: SocketAddr,
    /// How often to sync (e.g. 90s, 30m, 1h, 1d); at least 10s
    #[arg(long, value_name = "DURATION", default_value = "1h", value_parser = parse_interval)]
    pub interval: Duration,
    /// Spend metrics in this currency, named for it (llmcost_spend_month_to_date_chf), converted with
    /// the cached ECB rates [default: the config's [display] currency, else USD]
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
    /// Also push the figures as OTLP gauges after each refresh, to the collector the standard
    /// OTEL_EXPORTER_OTLP_* variables name [default: http://localhost:4318/v1/metrics]
    #[arg(long)]
    pub otlp: bool,
    /// After each sync, brake each exceeded budget that has `brake = true` (as 'budgets check
    /// --enforce'; write keys needed)
    #[arg(long)]
    pub enforce: bool,
    /// Do not refresh today's estimates every minute between syncs (the today gauges then move
    /// with each sync only)
    #[arg(long)]
    pub no_live: bool,
}

/// The OTLP target the standard variables name (read here: they are not llmcost's own).
fn otlp_target(wanted: bool) -> Result<Option<crate::serve::otlp::OtlpTarget>> {
    if !wanted {
        return Ok(None);
    }
    crate::serve::otlp::OtlpTarget::from_env(|name| std::env::var(name).ok())
        .map(Some)
        .map_err(crate::error::Error::Usage)
}

/// `90s`, `30m`, `1h`, `1d`, or plain seconds.
fn parse_interval(text: &str) -> std::result::Result<Duration, String> {
    let t = text.trim();
    let (digits, unit) = t.split_at(t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len()));
    let n: u64 = digits.parse().map_err(|_| format!("'{t}' is not a duration: use e.g. 90s, 30m, 1h, 1d"))?;
    let secs = match unit {
        "" | "s" => Some(n),
        "m" => n.checked_mul(60),
        "h" => n.checked_mul(3600),
        "d" => n.checked_mul(86_400),
        _ => None,
    }
    .ok_or_else(|| format!("'{t}' is not a duration: use e.g. 90s, 30m, 1h, 1d"))?;
    if !(10..=7 * 86_400).contains(&secs) {
        return Err(format!("'{t}': the interval must be between 10s and 7d"));
    }
    Ok(Duration::from_secs(secs))
}

pub(super) fn run(app: App, args: ServeArgs) -> Result<()> {
    if !args.listen.ip().is_loopback() {
        app.note(&format!(
            "warning: listening on {}: anyone who can reach it reads your LLM spend figures; put it behind a firewall or a proxy with authentication",
            args.listen
        ));
    }
    let currency =
        crate::app::fx::reporting_currency(args.currency.as_deref(), app.config.display.currency.as_deref())?;
    // The API's answers are what a pipe gets: complete tables, no colour, whatever terminal
    // the server was started from.
    crate::output::fit::set_width(None);
    crate::output::set_color(false);
    let otlp = otlp_target(args.otlp)?;
    crate::serve::serve(
        app,
        crate::serve::ServeOptions {
            listen: args.listen,
            interval: args.interval,
            currency,
            otlp,
            enforce: args.enforce,
            live: !args.no_live,
            api: super::remote::API,
        },
    )
}

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  llmcost metrics > /var/lib/node_exporter/textfile/llmcost.prom.$$ && mv \\
      /var/lib/node_exporter/textfile/llmcost.prom.$$ \\
      /var/lib/node_exporter/textfile/llmcost.prom
  llmcost metrics --offline | promtool check metrics
  OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318 llmcost metrics --otlp")]
pub struct MetricsArgs {
    /// Answer from the cache as it is, without syncing this month first
    #[arg(long)]
    pub offline: bool,
    /// Spend metrics in this currency (see serve --currency)
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
    /// Push the figures as OTLP gauges to the collector OTEL_EXPORTER_OTLP_* names instead of
    /// printing them (for cron and CI runs)
    #[arg(long)]
    pub otlp: bool,
}

pub(super) fn metrics(app: &App, args: MetricsArgs) -> Result<()> {
    let currency =
        crate::app::fx::reporting_currency(args.currency.as_deref(), app.config.display.currency.as_deref())?;
    let otlp = otlp_target(args.otlp)?;
    let answer = crate::app::metrics::refreshed(app, args.offline, currency)?;
    if let Some(target) = &otlp {
        crate::serve::otlp::push(app, target, &answer.view)?;
        app.note(&format!("Pushed the figures to {} as OTLP gauges", crate::net::host_of(&target.url)));
    } else {
        let text = crate::serve::exposition::render(&answer.view, &Default::default(), false);
        super::write_stdout(|out| out.write_all(text.as_bytes()))?;
    }
    answer.into_result()
}

#[cfg(test)]
mod tests {
    use super::parse_interval;

    #[test]
    fn intervals() {
        assert_eq!(parse_interval("90s").unwrap().as_secs(), 90);
        assert_eq!(parse_interval("30m").unwrap().as_secs(), 1800);
        assert_eq!(parse_interval("1h").unwrap().as_secs(), 3600);
        assert_eq!(parse_interval("120").unwrap().as_secs(), 120);
        for bad in ["", "1x", "5s", "8d", "h", "99999999999999999999h"] {
            assert!(parse_interval(bad).is_err(), "{bad}");
        }
    }
}
