//! The ECB's euro reference rates, in every form it publishes: the daily, 90-day and history XML
//! (`<Cube time="..."><Cube currency="USD" rate="1.0814"/>`), the history CSV (newest first, a
//! trailing comma, `N/A` for retired currencies), the daily CSV (`13 April 2026, 1.1684, ...`)
//! and either CSV zipped as the ECB serves it. The format is told from the content, so a mirror
//! or a proxy may serve any of them. A rate that cannot be true (not positive, out of any range
//! the ECB has published, a jump no currency made from one published day to the next, or two
//! values for one day) refuses the whole answer: it would misstate every converted figure.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::currency::Currency;

/// One published rate: units of the currency per euro.
pub(crate) type Rate = (NaiveDate, Currency, Decimal);

pub(crate) const DAILY_90_URL: &str = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist-90d.xml";
pub(crate) const HISTORY_URL: &str = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.xml";

/// The largest file a zip may inflate to (the whole history CSV is about 2 MiB).
const MAX_INFLATED: usize = 64 << 20;

/// The bounds of every rate the ECB has published since 1999, widened: the Turkish lira before
/// 2005 was about 1.9 million per euro, the Kuwaiti dinar about 0.3.
const LOWEST: Decimal = Decimal::from_parts(1, 0, 0, false, 4);
const HIGHEST: Decimal = Decimal::from_parts(100_000_000, 0, 0, false, 0);

/// From one published day to the next, no currency has moved by half (or doubled).
const MAX_DAY_MOVE: Decimal = Decimal::TWO;

/// Rates from the bytes of an answer: XML, CSV, or a zip of either.
pub(crate) fn parse_bytes(body: &[u8]) -> Result<Vec<Rate>, String> {
    if body.starts_with(super::zip_member::MAGIC) {
        let (name, inner) = super::zip_member::read(body, &[".csv", ".xml"], MAX_INFLATED)?;
        let text = String::from_utf8(inner).map_err(|_| format!("{name} in the zip archive is not UTF-8 text"))?;
        return parse(&text);
    }
    let text = std::str::from_utf8(body).map_err(|_| "the answer is neither text nor a zip archive".to_string())?;
    parse(text)
}

pub(crate) fn parse(text: &str) -> Result<Vec<Rate>, String> {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    let rates = if t.starts_with('<') { parse_xml(t)? } else { parse_csv(t)? };
    if rates.is_empty() {
        return Err("no rates in the answer (neither the ECB's XML nor its CSV)".into());
    }
    plausible(&rates)?;
    Ok(rates)
}

/// Refuses rates that cannot be true; see the module's note.
pub(crate) fn plausible(rates: &[Rate]) -> Result<(), String> {
    let mut by_currency: BTreeMap<Currency, BTreeMap<NaiveDate, Decimal>> = BTreeMap::new();
    for &(day, currency, rate) in rates {
        if rate <= Decimal::ZERO || !(LOWEST..=HIGHEST).contains(&rate) {
            return Err(format!("the rate {rate} for {currency} on {day} cannot be a euro reference rate"));
        }
        if let Some(other) = by_currency.entry(currency).or_default().insert(day, rate)
            && other != rate
        {
            return Err(format!("two rates for {currency} on {day} ({other} and {rate})"));
        }
    }
    for (currency, days) in &by_currency {
        for ((d0, r0), (d1, r1)) in days.iter().zip(days.iter().skip(1)) {
            // A currency the ECB stopped and resumed (ISK, 2008 to 2018) may differ across the gap.
            let neighbours = (*d1 - *d0).num_days() <= 14;
            if neighbours && jumped(*r0, *r1) {
                return Err(format!(
                    "{currency} moves from {r0} on {d0} to {r1} on {d1}: no published rate jumps so; refused"
                ));
            }
        }
    }
    Ok(())
}

/// Whether two rates of neighbouring published days differ by more than a currency has moved.
pub(crate) fn jumped(a: Decimal, b: Decimal) -> bool {
    let (low, high) = if a < b { (a, b) } else { (b, a) };
    low <= Decimal::ZERO || low.checked_mul(MAX_DAY_MOVE).is_some_and(|l| l < high)
}

/// `2026-04-13` (the history CSV) or `13 April 2026` (the daily CSV).
fn csv_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").or_else(|_| NaiveDate::parse_from_str(text, "%d %B %Y")).ok()
}

/// The value of `name="..."` or `name='...'` inside one tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    for quote in ['"', '\''] {
        let key = format!("{name}={quote}");
        if let Some(start) = tag.find(&key) {
            let rest = &tag[start + key.len()..];
            return rest.find(quote).map(|end| &rest[..end]);
        }
    }
    None
}

fn parse_xml(text: &str) -> Result<Vec<Rate>, String> {
    let mut out = Vec::new();
    let mut day: Option<NaiveDate> = None;
    for piece in text.split("<Cube").skip(1) {
        let tag = piece.split('>').next().unwrap_or("");
        if let Some(time) = attribute(tag, "time") {
            day = Some(NaiveDate::parse_from_str(time, "%Y-%m-%d").map_err(|_| format!("bad time '{time}'"))?);
        } else if let (Some(cur), Some(rate), Some(d)) = (attribute(tag, "currency"), attribute(tag, "rate"), day) {
            let currency = Currency::parse(cur)?;
            let rate: Decimal = rate.parse().map_err(|_| format!("bad rate '{rate}' for {cur} on {d}"))?;
            out.push((d, currency, rate));
        }
    }
    Ok(out)
}

fn parse_csv(text: &str) -> Result<Vec<Rate>, String> {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split(',').map(str::trim).collect();
    if header.first().map(|h| h.eq_ignore_ascii_case("date")) != Some(true) {
        return Err("not the ECB's CSV (no Date column)".into());
    }
    let mut out = Vec::new();
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let cells: Vec<&str> = line.split(',').map(str::trim).collect();
        let first = cells.first().copied().unwrap_or("");
        let shown: String = first.chars().take(40).collect();
        let day =
            csv_date(first).ok_or_else(|| format!("bad date '{shown}' (neither 2026-04-13 nor 13 April 2026)"))?;
        for (name, value) in header.iter().zip(&cells).skip(1) {
            if name.is_empty() || value.is_empty() || value.eq_ignore_ascii_case("N/A") {
                continue;
            }
            let rate: Decimal = value.parse().map_err(|_| format!("bad rate '{value}' for {name} on {day}"))?;
            out.push((day, Currency::parse(name)?, rate));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_xml_forms() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
<gesmes:subject>Reference rates</gesmes:subject>
<Cube>
<Cube time='2026-11-27'>
<Cube currency='USD' rate='1.0575'/><Cube currency='JPY' rate='160.42'/><Cube currency='CHF' rate='0.9316'/>
</Cube>
<Cube time="2026-11-26"><Cube currency="USD" rate="1.0561"/></Cube>
</Cube></gesmes:Envelope>"#;
        let r = parse(xml).unwrap();
        assert_eq!(r.len(), 4);
        assert_eq!(r[0], (NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(), Currency::USD, "1.0575".parse().unwrap()));
    }

    #[test]
    fn the_history_csv_with_trailing_commas_and_na() {
        let csv = "Date,USD,JPY,CYP,\n2026-11-27,1.0575,160.42,N/A,\n2026-11-26,1.0561,159.9,N/A,\n";
        let r = parse(csv).unwrap();
        assert_eq!(r.len(), 4);
        assert!(parse("<html>down</html>").is_err());
        assert!(parse("").is_err());
    }

    #[test]
    fn the_daily_csv_writes_its_date_in_words() {
        let csv = "Date, USD, JPY, \n13 April 2026, 1.1684, 186.75, \n";
        let r = parse(csv).unwrap();
        assert_eq!(r[0], (NaiveDate::from_ymd_opt(2026, 4, 13).unwrap(), Currency::USD, "1.1684".parse().unwrap()));
        assert!(parse("Date, USD,\n13 Aprl 2026, 1.1,\n").unwrap_err().contains("bad date"));
    }

    #[test]
    fn impossible_rates_are_refused_naming_currency_and_day() {
        for (csv, says) in [
            ("Date,USD,\n2026-11-27,0,\n", "USD on 2026-11-27"),
            ("Date,USD,\n2026-11-27,-1.05,\n", "USD on 2026-11-27"),
            ("Date,USD,\n2026-11-27,1e-28,\n", "USD"),
            ("Date,USD,\n2026-11-27,0.0000000000000000000000000001,\n", "USD on 2026-11-27"),
            ("Date,USD,\n2026-11-27,79000000000000000000000000000,\n", "USD on 2026-11-27"),
            ("Date,USD,\n2026-11-27,1.05,\n2026-11-27,1.06,\n", "two rates for USD on 2026-11-27"),
            ("Date,USD,\n2026-11-27,1.05,\n2026-11-26,10.5,\n", "USD moves"),
            ("Date,USD,\n2026-11-27,1.05,\n2026-11-20,0.5,\n", "USD moves"),
        ] {
            let err = parse(csv).unwrap_err();
            assert!(err.contains(says), "{csv}: {err}");
        }
        // The same rate twice (an overlapping mirror) is one rate.
        assert_eq!(parse("Date,USD,\n2026-11-27,1.05,\n2026-11-27,1.05,\n").unwrap().len(), 2);
    }
}
