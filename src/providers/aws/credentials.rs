//! AWS credentials as the AWS CLI resolves them, for the parts of the chain llmcost supports: a
//! workspace's `profile` (which wins over the environment, as `aws --profile` does), then
//! `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`/`AWS_SESSION_TOKEN`, then `AWS_PROFILE` or the
//! `default` profile. A profile is read from `AWS_SHARED_CREDENTIALS_FILE` (default
//! `~/.aws/credentials`) and `AWS_CONFIG_FILE` (default `~/.aws/config`), static keys or
//! `credential_process`. SSO and assume-role profiles are reached through `credential_process`
//! (`aws configure export-credentials --profile NAME --format process`); llmcost says so rather
//! than failing obscurely. llmcost stores no AWS secret of its own.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::secrets::Secret;

/// Credentials that sign a request. `Debug` shows no secret.
#[derive(Clone)]
pub struct AwsCredentials {
    pub access_key_id: String,
    pub secret_access_key: Secret,
    pub session_token: Option<Secret>,
    /// Where they came from, for messages: `profile prod (~/.aws/credentials)`.
    pub source: String,
}

impl std::fmt::Debug for AwsCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AwsCredentials({}, {})", self.access_key_id, self.source)
    }
}

fn env<'a>(vars: &'a [(String, String)], name: &str) -> Option<&'a str> {
    vars.iter().find(|(k, v)| k == name && !v.trim().is_empty()).map(|(_, v)| v.trim())
}

fn home(vars: &[(String, String)]) -> Option<PathBuf> {
    env(vars, "HOME").map(PathBuf::from).or_else(|| directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf()))
}

/// `[section]` → key = value, as the AWS CLI's INI files are written (comments with `#` or `;`).
fn ini(text: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut out: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut section = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.trim().to_string();
            out.entry(section.clone()).or_default();
        } else if let Some((k, v)) = line.split_once('=') {
            out.entry(section.clone()).or_default().insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    out
}

/// Resolves credentials for a workspace whose config names `profile` (or none).
pub(crate) fn resolve(profile: Option<&str>, vars: &[(String, String)]) -> Result<AwsCredentials, String> {
    if profile.is_none()
        && let (Some(id), Some(secret)) = (env(vars, "AWS_ACCESS_KEY_ID"), env(vars, "AWS_SECRET_ACCESS_KEY"))
    {
        return Ok(AwsCredentials {
            access_key_id: id.to_string(),
            secret_access_key: Secret::new(secret),
            session_token: env(vars, "AWS_SESSION_TOKEN").map(Secret::new),
            source: "environment (AWS_ACCESS_KEY_ID)".into(),
        });
    }
    let name = profile.or(env(vars, "AWS_PROFILE")).unwrap_or("default");
    from_profile(name, vars)
}

fn from_profile(name: &str, vars: &[(String, String)]) -> Result<AwsCredentials, String> {
    let aws_dir = home(vars).map(|h| h.join(".aws"));
    let credentials_path = env(vars, "AWS_SHARED_CREDENTIALS_FILE")
        .map(PathBuf::from)
        .or_else(|| aws_dir.as_ref().map(|d| d.join("credentials")));
    let config_path =
        env(vars, "AWS_CONFIG_FILE").map(PathBuf::from).or_else(|| aws_dir.as_ref().map(|d| d.join("config")));
    let read = |p: &Option<PathBuf>| p.as_ref().and_then(|p| std::fs::read_to_string(p).ok()).map(|t| ini(&t));
    let credentials = read(&credentials_path).unwrap_or_default();
    let config = read(&config_path).unwrap_or_default();
    let shown = |p: &Option<PathBuf>| p.as_ref().map_or("(no file)".to_string(), |p| p.display().to_string());

    // The credentials file names sections `name`; the config file `profile name` (`default` as is).
    let config_section = if name == "default" { "default".to_string() } else { format!("profile {name}") };
    let mut settings = config.get(&config_section).cloned().unwrap_or_default();
    let from_credentials = credentials.get(name).cloned();
    if let Some(c) = &from_credentials {
        settings.extend(c.clone());
    }
    if from_credentials.is_none() && !config.contains_key(&config_section) {
        return Err(format!(
            "no AWS profile '{name}' in {} or {}: run 'aws configure --profile {name}', or set AWS_ACCESS_KEY_ID and \
             AWS_SECRET_ACCESS_KEY",
            shown(&credentials_path),
            shown(&config_path)
        ));
    }
    let source = format!(
        "profile {name} ({})",
        if from_credentials.is_some() { shown(&credentials_path) } else { shown(&config_path) }
    );
    if let (Some(id), Some(secret)) = (settings.get("aws_access_key_id"), settings.get("aws_secret_access_key")) {
        return Ok(AwsCredentials {
            access_key_id: id.clone(),
            secret_access_key: Secret::new(secret.clone()),
            session_token: settings.get("aws_session_token").map(|t| Secret::new(t.clone())),
            source,
        });
    }
    if let Some(command) = settings.get("credential_process") {
        return credential_process(command, &source, crate::providers::helper::timeout(vars));
    }
    let kind = if settings.contains_key("sso_session") || settings.contains_key("sso_start_url") {
        Some("an SSO profile")
    } else if settings.contains_key("role_arn") {
        Some("an assume-role profile")
    } else {
        None
    };
    Err(match kind {
        Some(kind) => format!(
            "AWS profile '{name}' is {kind}, which llmcost reads through the AWS CLI: add to it \
             'credential_process = aws configure export-credentials --profile {name} --format process'"
        ),
        None => {
            format!("AWS profile '{name}' has neither aws_access_key_id/aws_secret_access_key nor credential_process")
        }
    })
}

/// Runs a profile's `credential_process` (without a shell) and reads its JSON (version 1).
fn credential_process(command: &str, source: &str, limit: std::time::Duration) -> Result<AwsCredentials, String> {
    let words = split_command(command);
    let (program, args) = words.split_first().ok_or("credential_process is empty")?;
    let mut run = std::process::Command::new(program);
    run.args(args);
    let output = crate::providers::helper::run(run, limit).map_err(|e| match e {
        crate::providers::helper::HelperError::Start(e) => {
            format!("cannot run credential_process '{program}' of {source}: {e}")
        }
        crate::providers::helper::HelperError::TimedOut(t) => format!(
            "credential_process '{program}' of {source} did not finish within {} s and was stopped; \
             run it by hand to see why (an expired SSO login?), or set LLMCOST_CREDENTIAL_TIMEOUT",
            t.as_secs()
        ),
    })?;
    if !output.status.success() {
        // Its stderr may say why (an expired SSO session); its stdout might hold secrets.
        let why: String = String::from_utf8_lossy(&output.stderr).chars().take(300).collect();
        return Err(format!("credential_process of {source} failed ({}): {}", output.status, why.trim()));
    }
    let v: serde_json::Value = serde_json::from_slice(&output.stdout)
        .map_err(|_| format!("credential_process of {source} did not print JSON credentials"))?;
    let field = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
    match (field("AccessKeyId"), field("SecretAccessKey")) {
        (Some(id), Some(secret)) => Ok(AwsCredentials {
            access_key_id: id,
            secret_access_key: Secret::new(secret),
            session_token: field("SessionToken").map(Secret::new),
            source: format!("{source}, credential_process"),
        }),
        _ => Err(format!("credential_process of {source} printed no AccessKeyId and SecretAccessKey")),
    }
}

/// Splits a command line on whitespace, keeping "double" and 'single' quoted words together.
fn split_command(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quote: Option<char> = None;
    let mut started = false;
    for c in command.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                started = true;
            }
            (None, c) if c.is_whitespace() => {
                if started || !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            (None, c) => word.push(c),
        }
    }
    if started || !word.is_empty() {
        words.push(word);
    }
    words
}

/// The AWS chain for an account: its workspace's `profile`, else the environment, else `~/.aws`.
pub(crate) fn from_context(
    ctx: &crate::providers::credentials::CredentialContext<'_>,
) -> crate::providers::credentials::Resolved {
    resolve(super::settings::AwsSettings::of(ctx.settings).profile.as_deref(), ctx.env)
        .map(|c| {
            let source = crate::secrets::KeySource::Ambient(c.source.clone());
            (crate::providers::Credentials::Aws(c), source)
        })
        .map_err(|reason| ctx.not_found(reason))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(dir: &std::path::Path, extra: &[(&str, &str)]) -> Vec<(String, String)> {
        let mut v = vec![
            ("AWS_SHARED_CREDENTIALS_FILE".to_string(), dir.join("credentials").display().to_string()),
            ("AWS_CONFIG_FILE".to_string(), dir.join("config").display().to_string()),
        ];
        v.extend(extra.iter().map(|(k, val)| (k.to_string(), val.to_string())));
        v
    }

    #[test]
    fn an_explicit_profile_wins_over_the_environment() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("credentials"),
            "[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = s1\n\n[prod]\naws_access_key_id=AKIAPROD\naws_secret_access_key=s2\naws_session_token=t2\n",
        )
        .unwrap();
        let env = vars(dir.path(), &[("AWS_ACCESS_KEY_ID", "AKIAENV"), ("AWS_SECRET_ACCESS_KEY", "s3")]);
        assert_eq!(resolve(Some("prod"), &env).unwrap().access_key_id, "AKIAPROD");
        assert!(resolve(Some("prod"), &env).unwrap().session_token.is_some());
        assert_eq!(resolve(None, &env).unwrap().access_key_id, "AKIAENV");
        assert_eq!(resolve(None, &vars(dir.path(), &[])).unwrap().access_key_id, "AKIADEFAULT");
        let err = resolve(Some("nope"), &env).unwrap_err();
        assert!(err.contains("no AWS profile 'nope'"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn credential_process_and_sso_profiles() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("config"),
            "[profile proc]\ncredential_process = sh -c 'echo {\\\"Version\\\":1,\\\"AccessKeyId\\\":\\\"AKIAPROC\\\",\\\"SecretAccessKey\\\":\\\"x\\\"}'\n\
             [profile sso]\nsso_session = corp\n[profile bad]\ncredential_process = false\n",
        )
        .unwrap();
        let env = vars(dir.path(), &[]);
        assert_eq!(resolve(Some("proc"), &env).unwrap().access_key_id, "AKIAPROC");
        assert!(resolve(Some("sso"), &env).unwrap_err().contains("export-credentials"));
        assert!(resolve(Some("bad"), &env).unwrap_err().contains("failed"));
    }

    #[test]
    fn command_lines_split_like_a_shell_for_simple_quoting() {
        assert_eq!(
            split_command("aws configure export-credentials --profile 'my prod'"),
            ["aws", "configure", "export-credentials", "--profile", "my prod"]
        );
        assert_eq!(split_command(r#"sh -c "echo hi""#), ["sh", "-c", "echo hi"]);
    }
}
