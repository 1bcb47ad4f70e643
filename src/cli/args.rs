//! Arguments shared by several commands: the period, the scope, the output format.

use clap::Args;

use crate::domain::period::{self, PeriodSpec};
use crate::error::{Error, Result};

/// Which UTC days to look at. Default: this month to date.
#[derive(Debug, Args, Default, Clone)]
#[group(skip)]
pub struct PeriodArgs {
    /// Today so far (UTC; partial)
    #[arg(long, group = "period", help_heading = "Period (UTC days; default: this month to date)")]
    pub today: bool,
    /// Yesterday (UTC)
    #[arg(long, group = "period", help_heading = "Period (UTC days; default: this month to date)")]
    pub yesterday: bool,
    /// This ISO week (Monday first) to date
    #[arg(long, group = "period", help_heading = "Period (UTC days; default: this month to date)")]
    pub week: bool,
    /// The whole previous ISO week (Monday to Sunday)
    #[arg(long, group = "period", help_heading = "Period (UTC days; default: this month to date)")]
    pub last_week: bool,
    /// The whole previous calendar month
    #[arg(long, group = "period", help_heading = "Period (UTC days; default: this month to date)")]
    pub last_month: bool,
    /// This calendar quarter to date
    #[arg(long, group = "period", help_heading = "Period (UTC days; default: this month to date)")]
    pub this_quarter: bool,
    /// The whole previous calendar quarter
    #[arg(long, group = "period", help_heading = "Period (UTC days; default: this month to date)")]
    pub last_quarter: bool,
    /// This month to date, or a whole month given as YYYY-MM
    #[arg(long, group = "period", value_name = "YYYY-MM", num_args = 0..=1, default_missing_value = "", help_heading = "Period (UTC days; default: this month to date)")]
    pub month: Option<String>,
    /// This year to date, or a whole year given as YYYY
    #[arg(long, group = "period", value_name = "YYYY", num_args = 0..=1, default_missing_value = "", help_heading = "Period (UTC days; default: this month to date)")]
    pub year: Option<String>,
    /// The last N days, today included (at most 36600)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=36_600), help_heading = "Period (UTC days; default: this month to date)")]
    pub last: Option<u32>,
    /// From this day (inclusive), to --until or today
    #[arg(long, value_name = "YYYY-MM-DD", help_heading = "Period (UTC days; default: this month to date)")]
    pub since: Option<String>,
    /// Up to this day (inclusive); needs --since
    #[arg(
        long,
        value_name = "YYYY-MM-DD",
        requires = "since",
        help_heading = "Period (UTC days; default: this month to date)"
    )]
    pub until: Option<String>,
}

impl PeriodArgs {
    /// The UTC days asked for, on `today`.
    pub fn resolve(&self, today: chrono::NaiveDate) -> Result<crate::domain::DateRange> {
        self.spec()?.resolve(today).map_err(|e| Error::Usage(e.to_string()))
    }

    /// Whether any period flag was given.
    pub fn is_set(&self) -> bool {
        self.today
            || self.yesterday
            || self.week
            || self.last_week
            || self.last_month
            || self.this_quarter
            || self.last_quarter
            || self.month.is_some()
            || self.year.is_some()
            || self.last.is_some()
            || self.since.is_some()
    }

    /// The last day of the calendar period asked for (`--month`, `--week`, `--year` and the
    /// default), which may be after today; `None` for ranges that simply end.
    pub fn calendar_end(&self, today: chrono::NaiveDate) -> Result<Option<chrono::NaiveDate>> {
        use crate::domain::calendar;
        Ok(match self.spec()? {
            PeriodSpec::ThisMonth => Some(calendar::month_of(today).until),
            PeriodSpec::ThisWeek => Some(calendar::week_of(today).until),
            PeriodSpec::ThisYear => Some(calendar::year_of(today).until),
            PeriodSpec::ThisQuarter => Some(calendar::quarter_of(today).until),
            PeriodSpec::Month { year, month } => {
                chrono::NaiveDate::from_ymd_opt(year, month, 1).map(|d| calendar::month_of(d).until)
            }
            PeriodSpec::Year(y) => chrono::NaiveDate::from_ymd_opt(y, 12, 31),
            _ => None,
        })
    }

    pub(crate) fn spec(&self) -> Result<PeriodSpec> {
        let usage = |e: period::PeriodError| Error::Usage(e.to_string());
        Ok(if self.today {
            PeriodSpec::Today
        } else if self.yesterday {
            PeriodSpec::Yesterday
        } else if self.week {
            PeriodSpec::ThisWeek
        } else if self.last_week {
            PeriodSpec::LastWeek
        } else if self.last_month {
            PeriodSpec::LastMonth
        } else if self.this_quarter {
            PeriodSpec::ThisQuarter
        } else if self.last_quarter {
            PeriodSpec::LastQuarter
        } else if let Some(m) = &self.month {
            if m.is_empty() { PeriodSpec::ThisMonth } else { period::parse_month(m).map_err(usage)? }
        } else if let Some(y) = &self.year {
            if y.is_empty() { PeriodSpec::ThisYear } else { PeriodSpec::Year(period::parse_year(y).map_err(usage)?) }
        } else if let Some(n) = self.last {
            PeriodSpec::Last(n)
        } else if let Some(since) = &self.since {
            let since = period::parse_date(since).map_err(usage)?;
            let until = self.until.as_deref().map(period::parse_date).transpose().map_err(usage)?;
            PeriodSpec::Range { since, until }
        } else {
            PeriodSpec::ThisMonth
        })
    }
}

/// Which accounts to look at. Default: every configured workspace.
#[derive(Debug, Args, Default, Clone)]
pub struct ScopeArgs {
    #[arg(long, value_name = "PROVIDER", help = format!("Only this provider (repeatable): {}", crate::providers::registry::ids()))]
    pub provider: Vec<String>,
    /// Only this workspace (repeatable), e.g. edugami
    #[arg(long, short = 'w', value_name = "NAME")]
    pub workspace: Vec<String>,
}

/// Use the cache as it is, or refetch.
#[derive(Debug, Args, Default, Clone, Copy)]
pub struct FreshnessArgs {
    /// Refetch the whole period from the providers, even days already cached
    #[arg(long, conflicts_with = "offline")]
    pub refresh: bool,
    /// Never touch the network: answer from the cache only
    #[arg(long)]
    pub offline: bool,
}

pub(super) use crate::output::Format;

/// `--currency CODE`: the reporting currency of a view.
#[derive(Debug, Args, Default, Clone)]
pub struct CurrencyArgs {
    /// Show amounts in this currency (ISO 4217, e.g. EUR, CHF), converting with the ECB's euro
    /// reference rates of each day [default: the config's [display] currency, else USD]
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
}

impl CurrencyArgs {
    /// The flag, else the config's `[display] currency`, else USD.
    pub fn resolve(&self, app: &super::App) -> Result<crate::domain::Currency> {
        crate::app::fx::reporting_currency(self.currency.as_deref(), app.config.display.currency.as_deref())
    }
}

/// `--team NAME`: keep one team's allocated spend (its direct claims and its parts of shared
/// costs).
#[derive(Debug, Args, Default, Clone)]
pub struct TeamArgs {
    /// Only this team's spend, as the config's [[teams]] allocate it ("(unallocated)" for
    /// what no team claims)
    #[arg(long, value_name = "NAME")]
    pub team: Option<String>,
}

impl TeamArgs {
    /// The team scope a view needs: when `--team` is given or `dims` group by team or cost
    /// centre. Unknown team names and teams without a config are usage errors.
    pub fn resolve<'a>(
        &'a self,
        app: &'a super::App,
        dims: &[crate::domain::Dim],
    ) -> Result<Option<crate::app::views::allocated_rows::TeamScope<'a>>> {
        crate::app::teams::scope(&app.config.teams, &app.config.shared_costs, self.team.as_deref(), dims)
    }
}

/// The scope, freshness and currency flags as the use cases take them.
impl ScopeArgs {
    /// The scope of a command that reads its providers now (unless `offline`) and converts no
    /// currency: `balances`, `estimates`.
    pub(super) fn reading_now(self, offline: bool) -> crate::app::select::Scope {
        crate::app::select::Scope {
            providers: self.provider,
            workspaces: self.workspace,
            offline,
            refresh: false,
            currency: None,
        }
    }
}

pub(super) fn scope(
    app: &super::App,
    scope: &ScopeArgs,
    fresh: FreshnessArgs,
    currency: &CurrencyArgs,
) -> Result<crate::app::select::Scope> {
    Ok(crate::app::select::Scope {
        providers: scope.provider.clone(),
        workspaces: scope.workspace.clone(),
        offline: fresh.offline,
        refresh: fresh.refresh,
        currency: Some(currency.resolve(app)?),
    })
}
