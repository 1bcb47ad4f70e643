//! The ECB's euro reference rates, in the forms it publishes: the daily, 90-day and history XML
//! (`<Cube time="..."><Cube currency="USD" rate="1.0814"/>`) and the history CSV (newest first,
//! a trailing comma, `N/A` for retired currencies). The format is told from the content.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::currency::Currency;

/// One published rate: units of the currency per euro.
pub(crate) type Rate = (NaiveDate, Currency, Decimal);

pub(crate) const DAILY_90_URL: &str = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist-90d.xml";
pub(crate) const HISTORY_URL: &str = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.xml";

pub(crate) fn parse(text: &str) -> Result<Vec<Rate>, String> {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    let rates = if t.starts_with('<') { parse_xml(t)? } else { parse_csv(t)? };
    if rates.is_empty() {
        return Err("no rates in the answer (neither the ECB's XML nor its CSV)".into());
    }
    Ok(rates)
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
        let day = NaiveDate::parse_from_str(cells[0], "%Y-%m-%d").map_err(|_| format!("bad date '{}'", cells[0]))?;
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
}
