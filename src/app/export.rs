//! The export use case: the cached spend of a scope and period as FOCUS lines, each in the
//! currency it was billed in.

use super::App;
use super::answer::Answer;
use super::select::{Scope, prepare};
use super::views::focus::FocusView;
use crate::domain::DateRange;
use crate::error::Result;
use crate::store::CostQuery;

pub(crate) fn focus(app: &App, scope: &Scope, range: DateRange) -> Result<Answer<FocusView>> {
    let p = prepare(app, scope, range)?;
    let view = FocusView::build(&p.store, &CostQuery::all(p.accounts, range, vec![]))?;
    Ok(Answer { view, failed: p.failed })
}
