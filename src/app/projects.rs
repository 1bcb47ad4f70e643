//! The projects use case: each project's spend in a period (OpenAI projects, Anthropic
//! workspaces, cloud accounts), with the budgets of the accounts shown.

use super::App;
use super::answer::Answer;
use super::select::{Scope, prepare};
use super::views::projects_view::ProjectsView;
use crate::domain::DateRange;
use crate::error::Result;

pub(crate) fn run(app: &App, scope: &Scope, range: DateRange) -> Result<Answer<ProjectsView>> {
    let p = prepare(app, scope, range)?;
    let mut view = ProjectsView::build_in(&p.store, &p.accounts, range, app.clock.today(), p.currency, Some(&p.rates))?;
    view.budgets = super::budgets::relevant(app, &p.store, &p.accounts, &[], &[], range.until);
    Ok(Answer { view, failed: p.failed })
}
