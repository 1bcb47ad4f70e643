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
    let fetched = fetch(app, &url)?;
    consistent_with_cache(store, &fetched)?;
    store.save_fx(&fetched)?;
    store.fx_rates(&currencies, since, until)
}

/// Refuses fetched rates that jump from the cached rate of the published day before them (a
/// one-day file cannot be checked against itself).
fn consistent_with_cache(store: &Store, fetched: &[ecb::Rate]) -> Result<()> {
    let mut first: std::collections::BTreeMap<Currency, (chrono::NaiveDate, rust_decimal::Decimal)> =
        std::collections::BTreeMap::new();
    for &(day, currency, rate) in fetched {
        let entry = first.entry(currency).or_insert((day, rate));
        if day < entry.0 {
            *entry = (day, rate);
        }
    }
    for (currency, (day, rate)) in first {
        let Some(before) = day.checked_sub_days(Days::new(1)) else { continue };
        let since = day.checked_sub_days(Days::new(14)).unwrap_or(before);
        let cached = store.fx_rates(&std::iter::once(currency).collect(), since, before)?;
        if let Some((on, old)) = cached.per_euro(currency, before)
            && ecb::jumped(old, rate)
        {
            return Err(Error::Fetch(format!(
                "the ECB rates fetched put {currency} at {rate} on {day}, against {old} cached for {on}: refused, nothing cached"
            )));
        }
    }
    Ok(())
}

fn fetch(app: &App, url: &str) -> Result<Vec<ecb::Rate>> {
    let body = super::download::get_bytes(app, url, "the ECB rates", 32 << 20)?;
    let host = crate::net::host_of(url);
    ecb::parse_bytes(&body).map_err(|why| Error::Fetch(format!("cannot fetch the ECB rates from {host}: {why}")))
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
