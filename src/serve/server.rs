//! The HTTP side of `serve`: hyper on tokio, `/metrics` and `/healthz`, a background sync every
//! interval on its own thread, a clean stop on SIGTERM or Ctrl-C.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use http_body_util::Full;
use hyper::body::Bytes;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};

use super::exposition::{self, OPENMETRICS_CONTENT_TYPE, SyncErrors, TEXT_CONTENT_TYPE};
use crate::app::App;
use crate::error::{Error, Result};

pub(crate) struct ServeOptions {
    pub listen: SocketAddr,
    pub interval: Duration,
    /// The currency spend metrics are in (and named for).
    pub currency: crate::domain::Currency,
    /// `--otlp`: also push the figures to an OpenTelemetry collector after each refresh.
    pub otlp: Option<super::otlp::OtlpTarget>,
    /// The commands the JSON API runs.
    pub api: super::api::CommandApi,
    /// `--enforce`: after each sync, brake the exceeded budgets that ask for it.
    pub enforce: bool,
    /// Refresh today's estimates every minute between syncs (not with `--no-live`).
    pub live: bool,
}

/// How often today's estimates are refreshed between syncs (providers are asked at most this
/// often per account whoever asks: `app::live`).
const LIVE_EVERY: Duration = Duration::from_secs(60);

/// Connections served at once when the descriptor limit cannot be read; more are answered 503
/// and closed, so a slowloris or a scrape storm never exhausts the process's descriptors.
const DEFAULT_CONNECTIONS: usize = 256;
/// Descriptors kept for everything but connections (the cache, the sync's HTTP clients, logs).
const RESERVED_FDS: u64 = 128;

/// How many connections to serve at once: the soft descriptor limit (systemd's default is 1,024)
/// less a reserve, read from /proc where there is one, between 16 and 4,096.
fn max_connections() -> usize {
    let limits = std::fs::read_to_string("/proc/self/limits").unwrap_or_default();
    let soft = limits
        .lines()
        .find(|l| l.starts_with("Max open files"))
        .and_then(|l| l.split_whitespace().nth(3))
        .and_then(|v| v.parse::<u64>().ok());
    soft.map_or(DEFAULT_CONNECTIONS, |n| {
        usize::try_from(n.saturating_sub(RESERVED_FDS).clamp(16, 4096)).unwrap_or(DEFAULT_CONNECTIONS)
    })
}
/// A client has this long to send its request headers, on a new or a kept-alive connection.
const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// No connection lives longer than this; scrapers simply reconnect.
const MAX_CONNECTION_LIFE: Duration = Duration::from_secs(300);
/// How long a stopping exporter waits for a sync in flight before it exits anyway (the sync's
/// transaction is rolled back: the cache stays as it was).
const STOP_GRACE: Duration = Duration::from_secs(2);

/// The exposition rendered after each refresh, in both formats: a scrape costs no query.
#[derive(Default)]
struct Rendered {
    text: Option<Bytes>,
    openmetrics: Option<Bytes>,
}

#[derive(Default)]
struct Shared {
    rendered: RwLock<Rendered>,
    errors: Mutex<SyncErrors>,
}

fn respond(status: StatusCode, content_type: &str, body: Bytes) -> Response<Full<Bytes>> {
    Response::builder()
        .status(status)
        .header("content-type", content_type)
        .body(Full::new(body))
        .unwrap_or_else(|_| Response::new(Full::new(Bytes::from_static(b"internal error"))))
}

fn plain(status: StatusCode, body: &'static str) -> Response<Full<Bytes>> {
    respond(status, "text/plain", Bytes::from_static(body.as_bytes()))
}

/// One request, answered from the last rendering.
fn handle(shared: &Shared, req: &Request<hyper::body::Incoming>) -> Response<Full<Bytes>> {
    if req.method() != hyper::Method::GET {
        return plain(StatusCode::METHOD_NOT_ALLOWED, "only GET\n");
    }
    match req.uri().path() {
        "/metrics" => {
            let accept = req.headers().get("accept").and_then(|v| v.to_str().ok());
            let openmetrics = exposition::wants_openmetrics(accept);
            let rendered = shared.rendered.read().ok();
            let body = rendered.and_then(|r| if openmetrics { r.openmetrics.clone() } else { r.text.clone() });
            match body {
                Some(body) => respond(
                    StatusCode::OK,
                    if openmetrics { OPENMETRICS_CONTENT_TYPE } else { TEXT_CONTENT_TYPE },
                    body,
                ),
                // Never a path or an error text in a body: the exporter's log says why.
                None => plain(StatusCode::SERVICE_UNAVAILABLE, "no exposition yet; see the exporter's log\n"),
            }
        }
        "/healthz" => plain(StatusCode::OK, "ok\n"),
        "/" => plain(StatusCode::OK, "llmcost exporter: /metrics, /healthz\n"),
        _ => plain(StatusCode::NOT_FOUND, "not found\n"),
    }
}

/// Where the JSON API answers: `/api/v1/<command>[/<subcommand>]?flag=value...`.
const API_PREFIX: &str = "/api/v1/";

/// The bearer token of a request, checked against `[serve] tokens` (in constant time): the
/// token's name, or why not.
fn authorized(
    app: &App,
    req: &Request<hyper::body::Incoming>,
) -> std::result::Result<crate::config::ServeToken, StatusCode> {
    let tokens = &app.config.serve.tokens;
    if tokens.is_empty() {
        return Err(StatusCode::NOT_FOUND);
    }
    let given = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map_or("", str::trim);
    for t in tokens {
        let Some(expected) = app.env_value(&t.env).map(str::trim).filter(|v| v.len() >= 16) else { continue };
        let same = expected.len() == given.len()
            && expected.bytes().zip(given.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0;
        if same {
            return Ok(t.clone());
        }
    }
    Err(StatusCode::UNAUTHORIZED)
}

/// One API request: authorized, turned into the command line it stands for, run off the
/// async threads on the server's cache; the command's output is the body, its exit code and
/// error in `X-Llmcost-Exit` and `X-Llmcost-Error`.
fn api_request(
    app: &Arc<App>,
    api: super::api::CommandApi,
    req: &Request<hyper::body::Incoming>,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Response<Full<Bytes>>> + Send>> {
    let refuse = |status: StatusCode, body: &'static str| Box::pin(std::future::ready(plain(status, body)));
    if req.method() != hyper::Method::GET {
        return refuse(StatusCode::METHOD_NOT_ALLOWED, "only GET\n");
    }
    let token = match authorized(app, req) {
        Ok(token) => token,
        Err(StatusCode::NOT_FOUND) => {
            return refuse(StatusCode::NOT_FOUND, "the API is off: list bearer tokens in [serve] tokens\n");
        }
        Err(status) => return refuse(status, "a valid bearer token is needed (Authorization: Bearer ...)\n"),
    };
    let path = req.uri().path().trim_start_matches(API_PREFIX).to_string();
    let query = req.uri().query().unwrap_or("").to_string();
    let dashboard = super::dashboard_api::is_dashboard(&path);
    let asked = if dashboard {
        super::dashboard_api::permitted(&token).map(|()| vec![path.clone()])
    } else {
        (api.command_line)(&path, &query, &token)
    };
    let argv = match asked {
        Ok(argv) => argv,
        Err(why) => {
            let body = Bytes::from(format!("{}\n", crate::sanitize::terminal(&why)));
            return Box::pin(std::future::ready(respond(StatusCode::FORBIDDEN, "text/plain", body)));
        }
    };
    let app = app.clone();
    Box::pin(async move {
        tracing::info!("api: {}: {}", token.name, argv.join(" "));
        let answer = tokio::task::spawn_blocking(move || {
            if dashboard { super::dashboard_api::answer(&app, &path, &query, &token) } else { (api.run)(&app, argv) }
        })
        .await;
        let Ok(answer) = answer else { return plain(StatusCode::INTERNAL_SERVER_ERROR, "internal error\n") };
        let mut response = Response::builder()
            .status(StatusCode::OK)
            .header("content-type", answer.content_type)
            .header("x-llmcost-exit", answer.exit.to_string());
        if let Some(error) = answer.error.as_deref().and_then(|e| hyper::header::HeaderValue::from_str(e).ok()) {
            response = response.header("x-llmcost-error", error);
        }
        response
            .body(Full::new(Bytes::from(answer.body)))
            .unwrap_or_else(|_| plain(StatusCode::INTERNAL_SERVER_ERROR, "internal error\n"))
    })
}

/// Renders both formats from the cache as it is now, keeping the last good rendering on error.
fn refresh(app: &App, shared: &Shared, currency: crate::domain::Currency, otlp: Option<&super::otlp::OtlpTarget>) {
    let snapshot = shared.errors.lock().map(|e| e.clone()).unwrap_or_default();
    let both = crate::app::metrics::snapshot(app, currency).map(|view| {
        if let Some(target) = otlp
            && let Err(e) = super::otlp::push(app, target, &view)
        {
            app.note(&format!("otlp: {e}"));
        }
        (exposition::render(&view, &snapshot, false), exposition::render(&view, &snapshot, true))
    });
    match both {
        Ok((text, openmetrics)) => {
            if let Ok(mut r) = shared.rendered.write() {
                *r = Rendered { text: Some(Bytes::from(text)), openmetrics: Some(Bytes::from(openmetrics)) };
            }
        }
        Err(e) => app.note(&format!("exposition: {e}")),
    }
}

/// Syncs this month (today included) for every account, counting failures per account.
/// The sync every interval (and the brake with `--enforce`), then the exposition again; the
/// exposition is rendered first, so a scrape is answered before the first sync ends.
fn spawn_syncer(app: Arc<App>, shared: Arc<Shared>, options: &ServeOptions) -> tokio::task::JoinHandle<()> {
    let (interval, currency, otlp, enforce) =
        (options.interval, options.currency, options.otlp.clone(), options.enforce);
    tokio::spawn(async move {
        let (a, s, o) = (app.clone(), shared.clone(), otlp.clone());
        let _ = tokio::task::spawn_blocking(move || refresh(&a, &s, currency, o.as_ref())).await;
        loop {
            let (a, s, o) = (app.clone(), shared.clone(), otlp.clone());
            let _ = tokio::task::spawn_blocking(move || {
                sync_once(&a, &s.errors, currency);
                if enforce {
                    enforce_once(&a);
                }
                refresh(&a, &s, currency, o.as_ref());
            })
            .await;
            tokio::time::sleep(interval).await;
        }
    })
}

/// Today's estimates every minute, then the exposition again, so the today gauges move between
/// syncs.
fn spawn_live(
    app: Arc<App>,
    shared: Arc<Shared>,
    currency: crate::domain::Currency,
    otlp: Option<super::otlp::OtlpTarget>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(LIVE_EVERY).await;
            let (a, s, o) = (app.clone(), shared.clone(), otlp.clone());
            let _ = tokio::task::spawn_blocking(move || {
                for failed in crate::app::metrics::refresh_today(&a) {
                    a.note(&format!("today's estimate not refreshed: {failed}"));
                }
                refresh(&a, &s, currency, o.as_ref());
            })
            .await;
        }
    })
}

fn sync_once(app: &App, errors: &Mutex<SyncErrors>, currency: crate::domain::Currency) {
    let outcome = crate::app::metrics::sync_month(app, currency);
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

/// `--enforce`: the budgets as the sync left them; each exceeded one with `brake = true` braked
/// (a later pass finds nothing left to brake), logged with its undo command.
fn enforce_once(app: &App) {
    let rows = crate::app::budgets::status(app, &app.config.budgets);
    let outcome = rows.and_then(|mut rows| crate::app::brake::enforce(app, &mut rows));
    match outcome {
        Ok(done) => {
            for (budget, answer) in done {
                // Each pass logs a brake it applied, not the ones already in place.
                if answer.view.applied_count() > 0 {
                    app.note(&crate::output::brake_out::enforced(&budget, &answer.view));
                }
                for f in &answer.failed {
                    app.note(&format!("brake for budget {budget}: {f}"));
                }
            }
        }
        Err(e) => app.note(&format!("enforce: {e}")),
    }
}

/// Says, at start, which API tokens are usable: an unset or short token opens nothing.
fn announce_tokens(app: &App, bound: SocketAddr) {
    for t in &app.config.serve.tokens {
        match app.env_value(&t.env).map(str::trim) {
            None | Some("") => app.note(&format!("warning: [serve] token '{}': {} is not set; it opens nothing", t.name, t.env)),
            Some(v) if v.len() < 16 => app.note(&format!(
                "warning: [serve] token '{}': {} is shorter than 16 characters; refused (use e.g. openssl rand -hex 24)",
                t.name, t.env
            )),
            Some(_) => app.note(&format!("API on http://{bound}/api/v1/ for token '{}'", t.name)),
        }
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
    let shared: Arc<Shared> = Arc::default();
    let outcome = runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(options.listen).await.map_err(|e| {
            Error::Usage(format!("cannot listen on {}: {e} (is another process using the port?)", options.listen))
        })?;
        let bound = listener.local_addr().map_err(|e| Error::io("cannot read the address listened on", e))?;
        app.note(&format!("llmcost exporter on http://{bound}/metrics; syncing every {}", human(options.interval)));
        announce_tokens(&app, bound);
        // Syncs run on their own thread: a slow provider never delays a scrape. The cache is
        // rendered first, so a scrape is answered before the first sync ends.
        let syncer = spawn_syncer(app.clone(), shared.clone(), &options);
        let live =
            options.live.then(|| spawn_live(app.clone(), shared.clone(), options.currency, options.otlp.clone()));
        let permits = Arc::new(tokio::sync::Semaphore::new(max_connections()));
        let shutdown = shutdown_signal();
        tokio::pin!(shutdown);
        loop {
            tokio::select! {
                _ = &mut shutdown => break,
                accepted = listener.accept() => {
                    let stream = match accepted {
                        Ok((stream, _)) => stream,
                        Err(e) => {
                            // Out of descriptors (EMFILE) or another transient error: wait a
                            // moment instead of spinning on accept().
                            tracing::warn!("accept: {e}");
                            tokio::time::sleep(Duration::from_millis(100)).await;
                            continue;
                        }
                    };
                    let Ok(permit) = permits.clone().try_acquire_owned() else {
                        tokio::spawn(overloaded(stream));
                        continue;
                    };
                    let (shared, app, api) = (shared.clone(), app.clone(), options.api);
                    tokio::spawn(async move {
                        let service = service_fn(move |req| {
                            let api = req.uri().path().starts_with(API_PREFIX).then(|| api_request(&app, api, &req));
                            let response = if api.is_none() { Some(handle(&shared, &req)) } else { None };
                            async move {
                                match (api, response) {
                                    (Some(call), _) => Ok::<_, Infallible>(call.await),
                                    (None, Some(r)) => Ok(r),
                                    (None, None) => Ok(plain(StatusCode::INTERNAL_SERVER_ERROR, "internal error\n")),
                                }
                            }
                        });
                        let connection = hyper::server::conn::http1::Builder::new()
                            .timer(TokioTimer::new())
                            .header_read_timeout(HEADER_READ_TIMEOUT)
                            .serve_connection(TokioIo::new(stream), service);
                        let _ = tokio::time::timeout(MAX_CONNECTION_LIFE, connection).await;
                        drop(permit);
                    });
                }
            }
        }
        syncer.abort();
        if let Some(live) = live {
            live.abort();
        }
        app.note("llmcost exporter stopped");
        Ok(())
    });
    // A sync blocked on a silent provider must not hold the exit (a container's stop timeout
    // would kill the process): wait briefly, then leave; its transaction is rolled back.
    runtime.shutdown_timeout(STOP_GRACE);
    outcome
}

/// `1h`, `30m`, `90s`, as `--interval` is written.
fn human(d: Duration) -> String {
    let s = d.as_secs();
    match s {
        _ if s >= 86_400 && s.is_multiple_of(86_400) => format!("{}d", s / 86_400),
        _ if s >= 3_600 && s.is_multiple_of(3_600) => format!("{}h", s / 3_600),
        _ if s >= 60 && s.is_multiple_of(60) => format!("{}m", s / 60),
        _ => format!("{s}s"),
    }
}

/// The answer when every connection slot is taken: 503, a generic body, closed.
async fn overloaded(mut stream: tokio::net::TcpStream) {
    use tokio::io::AsyncWriteExt;
    let answer = b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain\r\ncontent-length: 11\r\nretry-after: 1\r\nconnection: close\r\n\r\noverloaded\n";
    let _ = tokio::time::timeout(Duration::from_secs(1), stream.write_all(answer)).await;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connections_stay_under_the_descriptor_limit() {
        let n = max_connections();
        assert!((16..=4096).contains(&n), "{n}");
    }

    #[test]
    fn intervals_read_as_written() {
        assert_eq!(human(Duration::from_secs(3600)), "1h");
        assert_eq!(human(Duration::from_secs(1800)), "30m");
        assert_eq!(human(Duration::from_secs(90)), "90s");
        assert_eq!(human(Duration::from_secs(86_400)), "1d");
    }
}
