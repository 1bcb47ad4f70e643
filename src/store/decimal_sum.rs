//! `dec_sum(text)`: an exact SQL aggregate over decimal text, returning decimal text.

use std::str::FromStr;

use rusqlite::Connection;
use rusqlite::functions::{Aggregate, Context, FunctionFlags};
use rust_decimal::Decimal;

struct DecimalSum;

impl Aggregate<Decimal, String> for DecimalSum {
    fn init(&self, _: &mut Context<'_>) -> rusqlite::Result<Decimal> {
        Ok(Decimal::ZERO)
    }

    fn step(&self, ctx: &mut Context<'_>, acc: &mut Decimal) -> rusqlite::Result<()> {
        let text = ctx.get_raw(0).as_str().map_err(|e| rusqlite::Error::UserFunctionError(e.into()))?;
        let value = Decimal::from_str(text)
            .map_err(|_| rusqlite::Error::UserFunctionError(format!("'{text}' is not a decimal amount").into()))?;
        *acc = acc
            .checked_add(value)
            .ok_or_else(|| rusqlite::Error::UserFunctionError("sum of amounts overflows".into()))?;
        Ok(())
    }

    fn finalize(&self, _: &mut Context<'_>, acc: Option<Decimal>) -> rusqlite::Result<String> {
        Ok(acc.unwrap_or(Decimal::ZERO).normalize().to_string())
    }
}

pub(super) fn register(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_aggregate_function(
        "dec_sum",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        DecimalSum,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_exactly() {
        let conn = Connection::open_in_memory().unwrap();
        register(&conn).unwrap();
        conn.execute_batch(
            "CREATE TABLE t (g TEXT, a TEXT); INSERT INTO t VALUES ('x','0.1'),('x','0.2'),('y','abc');",
        )
        .unwrap();
        let sum: String = conn.query_row("SELECT dec_sum(a) FROM t WHERE g = 'x'", [], |r| r.get(0)).unwrap();
        assert_eq!(sum, "0.3");
        let empty: String = conn.query_row("SELECT dec_sum(a) FROM t WHERE g = 'z'", [], |r| r.get(0)).unwrap();
        assert_eq!(empty, "0");
        assert!(conn.query_row("SELECT dec_sum(a) FROM t WHERE g = 'y'", [], |r| r.get::<_, String>(0)).is_err());
    }
}
