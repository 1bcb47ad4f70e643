//! `llmcost brake`: each lever, the setting it has and the one it gets, and what happened; the
//! undo command after a brake; `--status`, what is braked now.

use std::io::Write;

use serde::Serialize;
use serde_json::Value;

use super::Format;
use crate::app::brake::{Action, BrakeView, Overshoot, StatusView};
use crate::sanitize::{markdown as md, terminal};

/// `status: active` / `max_requests_per_1_minute 5000, max_tokens_per_1_minute 2000000`.
fn setting(value: &Value) -> String {
    match value.as_object() {
        Some(fields) => fields
            .iter()
            .map(|(k, v)| format!("{k} {}", v.as_str().map_or_else(|| v.to_string(), str::to_string)))
            .collect::<Vec<_>>()
            .join(", "),
        None => value.to_string(),
    }
}

fn object(a: &Action) -> String {
    format!("{} {} ({})", a.lever.kind.replace('_', " "), a.lever.name, a.lever.id)
}

/// Lists longer than this show their first items and a count (the CSV and JSON keep them whole).
const LIST_SHOWN: usize = 3;

/// A setting's value for people: text bare, a long list cut (`[o1, o1-pro, o3-pro, … 18 more]`).
fn shown(v: Option<&Value>) -> String {
    match v {
        None => "-".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) if items.len() > LIST_SHOWN => {
            let head: Vec<String> = items
                .iter()
                .take(LIST_SHOWN)
                .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
                .collect();
            format!("[{}, … {} more]", head.join(", "), items.len() - LIST_SHOWN)
        }
        Some(v) => v.to_string(),
    }
}

/// `status active → inactive`; `max_requests_per_1_minute 5000 → 1, ...`: each field once.
fn change(from: &Value, to: &Value) -> String {
    match to.as_object() {
        Some(fields) => fields
            .iter()
            .map(|(k, v)| format!("{k} {} → {}", shown(from.get(k)), shown(Some(v))))
            .collect::<Vec<_>>()
            .join(", "),
        None => format!("{} → {}", setting(from), setting(to)),
    }
}

fn cells(a: &Action) -> Vec<String> {
    vec![a.account.to_string(), object(a), change(&a.from, &a.to), a.outcome.clone()]
}

const HEAD: [&str; 4] = ["Account", "Object", "Setting", "Outcome"];

/// What to do next, said under the table.
fn footer(view: &BrakeView) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    if !view.without_levers.is_empty() {
        let accounts: Vec<String> = view.without_levers.iter().map(ToString::to_string).collect();
        lines.push(format!("No lever llmcost uses for {} (braked: {}).", accounts.join(", "), view.levers));
    }
    match (view.applied, view.undo, view.brake) {
        (false, false, _) if !view.actions.is_empty() => lines.push(
            "Dry run: nothing was sent. Run again with --apply to make these changes (each account needs its write key, \
             LLMCOST_WRITE_KEY_<PROVIDER>_<WORKSPACE>)."
                .into(),
        ),
        (false, true, _) => lines.push("Dry run: nothing was sent. Add --apply to restore these settings.".into()),
        (true, false, Some(n)) => lines.push(format!(
            "Brake {n} journaled with the settings it replaced. Undo: llmcost brake --undo {n} --apply. Providers \
             enforce with a lag: spend billed after now may still arrive."
        )),
        (true, true, Some(n)) => lines.push(format!("Undo journaled as run {n}.")),
        _ => {}
    }
    if view.actions.is_empty() && !view.undo {
        lines.insert(0, "Nothing to brake in this scope.".into());
    }
    lines
}

/// What `--enforce` did for one exceeded budget: the brake and its undo command, that nothing
/// was left to brake, or (the demo) what it would do. Said by `budgets check` and `serve`.
pub(crate) fn enforced(budget: &str, view: &BrakeView) -> String {
    let applied = view.applied_count();
    match view.brake {
        Some(n) if applied > 0 => format!(
            "budget {budget} exceeded: brake {n} applied {applied} change(s); undo: llmcost brake --undo {n} --apply"
        ),
        Some(_) => {
            format!("budget {budget} exceeded: nothing left to brake in its scope (see 'llmcost brake --status')")
        }
        None => format!(
            "budget {budget} exceeded: the brake would make {} change(s) (the demo sends nothing)",
            view.actions.len()
        ),
    }
}

pub(crate) fn render(view: &BrakeView, format: Format, out: &mut dyn Write) -> std::io::Result<()> {
    match format {
        Format::Json => super::json_out::write_doc(&doc(view), out),
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(["provider", "workspace", "kind", "id", "name", "project", "from", "to", "outcome"])
                .map_err(std::io::Error::other)?;
            for a in &view.actions {
                let t = super::csv_out::safe_text;
                w.write_record([
                    a.account.provider.id().to_string(),
                    t(&a.account.workspace),
                    a.lever.kind.clone(),
                    t(&a.lever.id),
                    t(&a.lever.name),
                    t(a.lever.project.as_deref().unwrap_or("")),
                    a.from.to_string(),
                    a.to.to_string(),
                    t(&a.outcome),
                ])
                .map_err(std::io::Error::other)?;
            }
            w.flush()
        }
        Format::Markdown => {
            writeln!(out, "## {}\n", if view.undo { "Brake undo" } else { "Brake" })?;
            writeln!(out, "| {} |", HEAD.join(" | "))?;
            writeln!(out, "| --- | --- | --- | --- |")?;
            for a in &view.actions {
                let c: Vec<String> = cells(a).iter().map(|c| md(c)).collect();
                writeln!(out, "| {} |", c.join(" | "))?;
            }
            for line in footer(view) {
                writeln!(out, "\n{}", md(&line))?;
            }
            Ok(())
        }
        Format::Table => {
            if !view.actions.is_empty() {
                let body: Vec<Vec<String>> =
                    view.actions.iter().map(|a| cells(a).iter().map(|c| terminal(c).into_owned()).collect()).collect();
                writeln!(out, "{}", super::table::fitted(&HEAD, body, &[1, 2], &[3], &[]))?;
            }
            for line in footer(view) {
                writeln!(out, "{}", super::text::prose(&terminal(&line)))?;
            }
            Ok(())
        }
    }
}

#[derive(Serialize)]
struct Doc<'a> {
    schema_version: u32,
    /// `brake` or `undo`.
    action: &'static str,
    dry_run: bool,
    /// The journal's run number, when something was written.
    brake: Option<i64>,
    actions: Vec<ActionDoc<'a>>,
    without_levers: Vec<NoLever<'a>>,
}

#[derive(Serialize)]
struct ActionDoc<'a> {
    provider: &'a str,
    workspace: &'a str,
    kind: &'a str,
    id: &'a str,
    name: &'a str,
    project: Option<&'a str>,
    from: &'a Value,
    to: &'a Value,
    outcome: &'a str,
}

#[derive(Serialize)]
struct NoLever<'a> {
    provider: &'a str,
    workspace: &'a str,
}

fn action_doc(a: &Action) -> ActionDoc<'_> {
    ActionDoc {
        provider: a.account.provider.id(),
        workspace: &a.account.workspace,
        kind: &a.lever.kind,
        id: &a.lever.id,
        name: &a.lever.name,
        project: a.lever.project.as_deref(),
        from: &a.from,
        to: &a.to,
        outcome: &a.outcome,
    }
}

fn doc(view: &BrakeView) -> Doc<'_> {
    Doc {
        schema_version: super::json_out::SCHEMA_VERSION,
        action: if view.undo { "undo" } else { "brake" },
        dry_run: !view.applied,
        brake: view.brake,
        actions: view.actions.iter().map(action_doc).collect(),
        without_levers: view
            .without_levers
            .iter()
            .map(|a| NoLever { provider: a.provider.id(), workspace: &a.workspace })
            .collect(),
    }
}

/// `$12.30` or `$12.30 + €4.00`; `nothing` when none was billed.
fn billed(amounts: &[(crate::domain::Currency, crate::domain::Money)]) -> String {
    if amounts.is_empty() {
        return "nothing".into();
    }
    amounts.iter().map(|(c, m)| c.format(*m)).collect::<Vec<_>>().join(" + ")
}

/// One line per brake: what was billed after it, once the bill arrived.
fn overshoot_line(o: &Overshoot) -> String {
    let day = o.at.date_naive();
    format!(
        "Brake {} ({}): billed for the UTC days after it, so far: {}; on its own day ({day}, part of it before the brake): {}. \
         Bills arrive late: run 'llmcost sync' for the latest.",
        o.brake,
        o.at.format("%Y-%m-%d %H:%M UTC"),
        billed(&o.after),
        billed(&o.brake_day)
    )
}

fn amounts_doc(amounts: &[(crate::domain::Currency, crate::domain::Money)]) -> Vec<Value> {
    amounts.iter().map(|(c, m)| serde_json::json!({"currency": c.as_str(), "amount": m.exact()})).collect()
}

/// `brake --status`: each lever braked and not undone, newest brake first, and each brake's
/// overshoot.
pub(crate) fn render_status(view: &StatusView, format: Format, out: &mut dyn Write) -> std::io::Result<()> {
    let braked = &view.braked;
    let actions: Vec<(i64, String, Action)> = braked
        .iter()
        .rev()
        .map(|b| {
            let e = &b.entry;
            let when = format!("{} by {}", e.at.format("%Y-%m-%d %H:%M UTC"), e.who);
            let action = Action {
                account: e.account.clone(),
                lever: e.lever.clone(),
                from: e.old_value.clone(),
                to: e.new_value.clone(),
                outcome: e.outcome.clone(),
            };
            (e.brake, when, action)
        })
        .collect();
    match format {
        Format::Json => status_json(view, &actions, out),
        _ if actions.is_empty() => writeln!(out, "Nothing is braked (the journal in the cache has no brake in place)."),
        Format::Csv | Format::Markdown | Format::Table => {
            let head = ["Brake", "When", "Account", "Object", "Setting (before → braked)"];
            let body: Vec<Vec<String>> = actions
                .iter()
                .map(|(n, when, a)| {
                    let c = [n.to_string(), when.clone(), a.account.to_string(), object(a), change(&a.from, &a.to)];
                    c.iter().map(|c| terminal(c).into_owned()).collect()
                })
                .collect();
            if format == Format::Csv {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(head).map_err(std::io::Error::other)?;
                for row in body {
                    w.write_record(row.iter().map(|c| super::csv_out::safe_text(c))).map_err(std::io::Error::other)?;
                }
                return w.flush();
            }
            if format == Format::Markdown {
                writeln!(out, "| {} |\n| --- | --- | --- | --- | --- |", head.join(" | "))?;
                for row in body {
                    writeln!(out, "| {} |", row.iter().map(|c| md(c)).collect::<Vec<_>>().join(" | "))?;
                }
                return Ok(());
            }
            writeln!(out, "{}", super::table::fitted(&head, body, &[3, 4], &[1], &[]))?;
            for o in &view.overshoot {
                writeln!(out, "{}", super::text::prose(&overshoot_line(o)))?;
            }
            let latest = actions.first().map_or(0, |(n, _, _)| *n);
            writeln!(out, "{}", super::text::prose(&format!("Undo the latest: llmcost brake --undo {latest} --apply")))
        }
    }
}

/// `brake --status --format json`.
fn status_json(view: &StatusView, actions: &[(i64, String, Action)], out: &mut dyn Write) -> std::io::Result<()> {
    let braked = &view.braked;
    #[derive(Serialize)]
    struct Row<'a> {
        brake: i64,
        at: String,
        who: &'a str,
        #[serde(flatten)]
        action: ActionDoc<'a>,
    }
    #[derive(Serialize)]
    struct StatusDoc<'a> {
        schema_version: u32,
        braked: Vec<Row<'a>>,
        overshoot: Vec<Value>,
    }
    let rows = braked
        .iter()
        .rev()
        .zip(actions)
        .map(|(b, (_, _, a))| Row {
            brake: b.entry.brake,
            at: b.entry.at.to_rfc3339(),
            who: &b.entry.who,
            action: action_doc(a),
        })
        .collect();
    let overshoot = view
        .overshoot
        .iter()
        .map(|o| {
            serde_json::json!({"brake": o.brake, "at": o.at.to_rfc3339(),
                    "billed_on_brake_day": amounts_doc(&o.brake_day), "billed_after": amounts_doc(&o.after)})
        })
        .collect();
    super::json_out::write_doc(
        &StatusDoc { schema_version: super::json_out::SCHEMA_VERSION, braked: rows, overshoot },
        out,
    )
}
