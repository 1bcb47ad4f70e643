//! Getting the ECB rates a view needs: from the cache, else fetched once (unless offline). Caching
//! spend never needs rates; only showing it in another currency does.

use chrono::Days;

use super::App;
use crate::domain::Currency;
use crate::error::{Error, Result};
use crate::fx::{Rates, ecb};
use crate::store::{CostQuery, Store};

/// The rates to show `q` in `to`: empty when nothing needs converting.
pub(crate) fn rates_for(app: &App, store: &mut Store, q: &CostQuery, to: Currency, offline: bool) -> Result<Rates> {
    if store.currencies_seen(q)?.iter().all(|c| *c == to) {
        return Ok(Rates::default());
    }
    let mut currencies = store.currencies_in(q)?;
    if currencies.iter().all(|c| *c == to) {
        return Ok(Rates::default());
    }
    currencies.insert(to);
    let (since, until) = (q.range.since, q.range.until);
    let rates = store.fx_rates(&currencies, since, until)?;
    let today = app.clock.today();
    // The ECB publishes on business days around 16:00 CET: a few days' lag is normal.
    let fresh_enough = until.min(today).checked_sub_days(Days::new(4)).unwrap_or(until);
    let missing = currencies.iter().filter(|c| **c != Currency::EUR).any(|c| {
        rates.per_euro(*c, since).is_none() || rates.per_euro(*c, until).is_none_or(|(d, _)| d < fresh_enough)
    });
    if !missing || app.offline(offline) {
        return Ok(rates);
    }
    let url = app.env_value("LLMCOST_FX_URL").map_or_else(
        || {
            let recent = today.checked_sub_days(Days::new(85)).is_some_and(|d| since >= d);
            if recent { ecb::DAILY_90_URL } else { ecb::HISTORY_URL }.to_string()
        },
        str::to_string,
    );
    app.note(&format!(
        "fetching ECB euro reference rates for {}",
        currencies.iter().map(Currency::as_str).collect::<Vec<_>>().join(", ")
    ));
    let fetched = fetch(&url, app.config.http.timeout_seconds)?;
    store.save_fx(&fetched)?;
    store.fx_rates(&currencies, since, until)
}

fn fetch(url: &str, timeout_seconds: u64) -> Result<Vec<ecb::Rate>> {
    let text = super::download::get_text(url, timeout_seconds, "the ECB rates", 32 << 20)?;
    let host = reqwest::Url::parse(url).ok().and_then(|u| u.host_str().map(str::to_string)).unwrap_or_default();
    ecb::parse(&text).map_err(|why| Error::Fetch(format!("cannot fetch the ECB rates from {host}: {why}")))
}

/// The reporting currency: `--currency`, else the config's `[display] currency`, else USD.
pub(crate) fn reporting_currency(flag: Option<&str>, config: Option<&str>) -> Result<Currency> {
    let Some(code) = flag.or(config) else { return Ok(Currency::USD) };
    let c = Currency::parse(code).map_err(Error::Usage)?;
    if known(c) {
        Ok(c)
    } else {
        Err(Error::Usage(format!(
            "{c} has no ECB euro reference rate: use one of EUR, USD, GBP, CHF, JPY, SEK, NOK, DKK, PLN, CZK, HUF, CAD, AUD..."
        )))
    }
}

/// The set of currencies llmcost can show (the ECB publishes these against the euro).
pub(crate) fn known(c: Currency) -> bool {
    const ECB: [&str; 31] = [
        "EUR", "USD", "JPY", "BGN", "CZK", "DKK", "GBP", "HUF", "PLN", "RON", "SEK", "CHF", "ISK", "NOK", "TRY", "AUD",
        "BRL", "CAD", "CNY", "HKD", "IDR", "ILS", "INR", "KRW", "MXN", "MYR", "NZD", "PHP", "SGD", "THB", "ZAR",
    ];
    ECB.contains(&c.as_str())
}
