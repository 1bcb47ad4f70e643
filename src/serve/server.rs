//! The HTTP side of `serve`: hyper on tokio, `/metrics` and `/healthz`, a background sync every
//! interval on its own thread, a clean stop on SIGTERM or Ctrl-C.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use http_body_util::Full;
use hyper::body::Bytes;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;

use super::exposition::{self, OPENMETRICS_CONTENT_TYPE, SyncErrors, TEXT_CONTENT_TYPE};
use crate::app::App;
use crate::domain::DateRange;
use crate::error::{Error, Result};

pub(crate) struct ServeOptions {
    pub listen: SocketAddr,
    pub interval: Duration,
    /// The currency spend metrics are in (and named for).
    pub currency: crate::domain::Currency,
}

fn respond(status: StatusCode, content_type: &str, body: String) -> Response<Full<Bytes>> {
    Response::builder()
        .status(status)
        .header("content-type", content_type)
        .body(Full::new(Bytes::from(body)))
        .unwrap_or_else(|_| Response::new(Full::new(Bytes::from_static(b"internal error"))))
}

/// One request. Each scrape opens the cache anew (WAL lets it read while a sync writes).
fn handle(
    app: &App,
    errors: &Mutex<SyncErrors>,
    currency: crate::domain::Currency,
    req: &Request<hyper::body::Incoming>,
) -> Response<Full<Bytes>> {
    if req.method() != hyper::Method::GET {
        return respond(StatusCode::METHOD_NOT_ALLOWED, "text/plain", "only GET\n".into());
    }
    match req.uri().path() {
        "/metrics" => {
            let accept = req.headers().get("accept").and_then(|v| v.to_str().ok());
            let openmetrics = exposition::wants_openmetrics(accept);
            let snapshot = errors.lock().map(|e| e.clone()).unwrap_or_default();
            match app.open_store().and_then(|store| exposition::render(app, &store, &snapshot, openmetrics, currency)) {
                Ok(text) => respond(
                    StatusCode::OK,
                    if openmetrics { OPENMETRICS_CONTENT_TYPE } else { TEXT_CONTENT_TYPE },
                    text,
                ),
                Err(e) => respond(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "text/plain",
                    format!("{}\n", crate::output::sanitize::terminal(&e.to_string())),
                ),
            }
        }
        "/healthz" => respond(StatusCode::OK, "text/plain", "ok\n".into()),
        "/" => respond(StatusCode::OK, "text/plain", "llmcost exporter: /metrics, /healthz\n".into()),
        _ => respond(StatusCode::NOT_FOUND, "text/plain", "not found\n".into()),
    }
}

/// Syncs this month (today included) for every account, counting failures per account.
fn sync_once(app: &App, errors: &Mutex<SyncErrors>, currency: crate::domain::Currency) {
    let today = app.clock.today();
    let range = DateRange::new(crate::domain::period::first_of_month(today), today);
    let accounts = app.accounts();
    if accounts.is_empty() || app.is_demo() {
        return;
    }
    let outcome = app.open_store().and_then(|mut store| {
        let outcomes = crate::app::sync::sync_accounts(app, &mut store, &accounts, range, false)?;
        // Scrapes convert with cached rates only: refresh them here, off the scrape path.
        let q = crate::store::CostQuery::all(accounts, range, vec![]);
        if let Err(e) = crate::app::fx::rates_for(app, &mut store, &q, currency, false) {
            app.note(&format!("exchange rates: {e}"));
        }
        Ok(outcomes)
    });
    match outcome {
        Ok(outcomes) => {
            if let Ok(mut e) = errors.lock() {
                for o in outcomes.iter().filter(|o| o.error.is_some()) {
                    *e.entry(o.account.clone()).or_default() += 1;
                }
            }
            for o in outcomes.iter().filter_map(|o| o.error.as_ref()) {
                app.note(&format!("sync: {o}"));
            }
        }
        Err(e) => app.note(&format!("sync: {e}")),
    }
}

/// Serves until SIGTERM or Ctrl-C.
pub(crate) fn serve(app: App, options: ServeOptions) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::io("cannot start the async runtime", e))?;
    let app = Arc::new(app);
    let errors: Arc<Mutex<SyncErrors>> = Arc::default();
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(options.listen).await.map_err(|e| {
            Error::Usage(format!("cannot listen on {}: {e} (is another process using the port?)", options.listen))
        })?;
        let bound = listener.local_addr().map_err(|e| Error::io("cannot read the address listened on", e))?;
        app.note(&format!("llmcost exporter on http://{bound}/metrics; syncing every {}s", options.interval.as_secs()));
        // Syncs run on their own thread: a slow provider never delays a scrape.
        let (sync_app, sync_errors, interval) = (app.clone(), errors.clone(), options.interval);
        let currency = options.currency;
        let syncer = tokio::spawn(async move {
            loop {
                let (a, e) = (sync_app.clone(), sync_errors.clone());
                let _ = tokio::task::spawn_blocking(move || sync_once(&a, &e, currency)).await;
                tokio::time::sleep(interval).await;
            }
        });
        let shutdown = shutdown_signal();
        tokio::pin!(shutdown);
        loop {
            tokio::select! {
                _ = &mut shutdown => break,
                accepted = listener.accept() => {
                    let Ok((stream, _)) = accepted else { continue };
                    let (app, errors) = (app.clone(), errors.clone());
                    tokio::spawn(async move {
                        let service = service_fn(move |req| {
                            let (app, errors) = (app.clone(), errors.clone());
                            async move {
                                let response = tokio::task::spawn_blocking(move || handle(&app, &errors, currency, &req))
                                    .await
                                    .unwrap_or_else(|_| respond(StatusCode::INTERNAL_SERVER_ERROR, "text/plain", "internal error\n".into()));
                                Ok::<_, Infallible>(response)
                            }
                        });
                        let _ = hyper::server::conn::http1::Builder::new()
                            .serve_connection(TokioIo::new(stream), service)
                            .await;
                    });
                }
            }
        }
        syncer.abort();
        app.note("llmcost exporter stopped");
        Ok(())
    })
}

/// SIGTERM (systemd, containers) or Ctrl-C.
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = term.recv() => {}
                    _ = tokio::signal::ctrl_c() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
