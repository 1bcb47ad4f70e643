
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'llmcost' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'llmcost'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'llmcost' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('providers', 'providers', [CompletionResultType]::ParameterValue, 'Supported providers and configured workspaces; add, remove and test keys')
            [CompletionResult]::new('projects', 'projects', [CompletionResultType]::ParameterValue, 'Projects of each workspace, archived ones too, with their spend in a period')
            [CompletionResult]::new('teams', 'teams', [CompletionResultType]::ParameterValue, 'The chargeback by team or cost centre, shared costs split; `teams check` for the rules')
            [CompletionResult]::new('costs', 'costs', [CompletionResultType]::ParameterValue, 'Billed spend for a period, grouped by model, project, day, ...')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Fetch spend into the cache ahead of time')
            [CompletionResult]::new('budgets', 'budgets', [CompletionResultType]::ParameterValue, 'Budgets per period and scope, and the CI gate `budgets check`')
            [CompletionResult]::new('balances', 'balances', [CompletionResultType]::ParameterValue, 'Prepaid balances (OpenRouter credits, xAI) and their runway at the last week''s burn')
            [CompletionResult]::new('activity', 'activity', [CompletionResultType]::ParameterValue, 'What people did with Claude Code and its estimated cost, per person, model or day')
            [CompletionResult]::new('estimates', 'estimates', [CompletionResultType]::ParameterValue, 'How good today''s estimates are: each estimate against the bill that replaced it')
            [CompletionResult]::new('brake', 'brake', [CompletionResultType]::ParameterValue, 'Stop spend at the providers, reversibly: keys off, rate limits down; --undo, --status')
            [CompletionResult]::new('limits', 'limits', [CompletionResultType]::ParameterValue, 'Budgets held by the providers as their own spend limits: plan, apply, drift (exit 3)')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'The period''s story: comparison, forecast, breakdowns, movers, anomalies; exports')
            [CompletionResult]::new('tui', 'tui', [CompletionResultType]::ParameterValue, 'The interactive dashboard')
            [CompletionResult]::new('optimize', 'optimize', [CompletionResultType]::ParameterValue, 'Where money could be saved: prompt caching, batch, model choice, waste (estimates)')
            [CompletionResult]::new('reconcile', 'reconcile', [CompletionResultType]::ParameterValue, 'The bill against the price list, model by model, with the likely reason for differences')
            [CompletionResult]::new('prices', 'prices', [CompletionResultType]::ParameterValue, 'The list prices bills are compared with; `prices update` refreshes them')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Spend of vendors without a billing API (Groq, Mistral...), from a CSV or FOCUS file')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'The cached spend as FOCUS (CSV or Parquet) for FinOps tools and warehouses')
            [CompletionResult]::new('notify', 'notify', [CompletionResultType]::ParameterValue, 'Budget alert channels: send a test message')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'A Prometheus exporter: /metrics from the cache, syncing in the background')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'The Prometheus exposition once, on stdout (for node_exporter''s textfile collector)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the setup: config, keyring, keys, cache, and one call per workspace')
            [CompletionResult]::new('cache', 'cache', [CompletionResultType]::ParameterValue, 'Where the cache is, what it holds, and clearing it')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages (llmcost.1 and one per subcommand)')
            [CompletionResult]::new('generate-cache', 'generate-cache', [CompletionResultType]::ParameterValue, 'A large deterministic cache for benchmarks (accounts bench-1.. in --db)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'llmcost;providers' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the list')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List supported providers and configured workspaces (the default)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a workspace: read its admin key, check it, store it in the OS keyring')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Forget a workspace: delete its key from the keyring and its entry from the config')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Check each workspace''s key with one cheap authenticated call')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'llmcost;providers;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;providers;add' {
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'A name for this account, e.g. the organization''s: edugami')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'A name for this account, e.g. the organization''s: edugami')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS: the profile whose credentials this workspace uses (in ~/.aws/credentials or ~/.aws/config); without it, the AWS chain (environment, AWS_PROFILE, default)')
            [CompletionResult]::new('--tenant-id', '--tenant-id', [CompletionResultType]::ParameterName, 'Azure: the Entra ID tenant of the service principal (with --client-id; the secret is then read like a key). Without both, the Azure CLI''s login (az login) is used')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Azure: the service principal''s application (client) id')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'Azure: the Cost Management scope: subscriptions/<id>, subscriptions/<id>/resourceGroups/<rg>, or providers/Microsoft.Billing/billingAccounts/<id>')
            [CompletionResult]::new('--billing-table', '--billing-table', [CompletionResultType]::ParameterName, 'Google: the billing export table, project.dataset.gcp_billing_export_v1_...')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'Google: a service account key file (else GOOGLE_APPLICATION_CREDENTIALS, else your gcloud login)')
            [CompletionResult]::new('--job-project', '--job-project', [CompletionResultType]::ParameterName, 'Google: the project that runs the query (default: the table''s)')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'Google: the dataset''s location (US, EU, europe-west6...)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--key-stdin', '--key-stdin', [CompletionResultType]::ParameterName, 'Read the key from standard input instead of a hidden prompt')
            [CompletionResult]::new('--no-check', '--no-check', [CompletionResultType]::ParameterName, 'Store the key without checking it against the provider')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;providers;remove' {
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'w')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'workspace')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;providers;test' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;providers;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List supported providers and configured workspaces (the default)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a workspace: read its admin key, check it, store it in the OS keyring')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Forget a workspace: delete its key from the keyring and its entry from the config')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Check each workspace''s key with one cheap authenticated call')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'llmcost;providers;help;list' {
            break
        }
        'llmcost;providers;help;add' {
            break
        }
        'llmcost;providers;help;remove' {
            break
        }
        'llmcost;providers;help;test' {
            break
        }
        'llmcost;providers;help;help' {
            break
        }
        'llmcost;projects' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--month', '--month', [CompletionResultType]::ParameterName, 'This month to date, or a whole month given as YYYY-MM')
            [CompletionResult]::new('--year', '--year', [CompletionResultType]::ParameterName, 'This year to date, or a whole year given as YYYY')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'The last N days, today included (at most 36600)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this day (inclusive), to --until or today')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Up to this day (inclusive); needs --since')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'Show amounts in this currency (ISO 4217, e.g. EUR, CHF), converting with the ECB''s euro reference rates of each day [default: the config''s [display] currency, else USD]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'Today so far (UTC; partial)')
            [CompletionResult]::new('--yesterday', '--yesterday', [CompletionResultType]::ParameterName, 'Yesterday (UTC)')
            [CompletionResult]::new('--week', '--week', [CompletionResultType]::ParameterName, 'This ISO week (Monday first) to date')
            [CompletionResult]::new('--last-week', '--last-week', [CompletionResultType]::ParameterName, 'The whole previous ISO week (Monday to Sunday)')
            [CompletionResult]::new('--last-month', '--last-month', [CompletionResultType]::ParameterName, 'The whole previous calendar month')
            [CompletionResult]::new('--this-quarter', '--this-quarter', [CompletionResultType]::ParameterName, 'This calendar quarter to date')
            [CompletionResult]::new('--last-quarter', '--last-quarter', [CompletionResultType]::ParameterName, 'The whole previous calendar quarter')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Refetch the whole period from the providers, even days already cached')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Never touch the network: answer from the cache only')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;teams' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--month', '--month', [CompletionResultType]::ParameterName, 'This month to date, or a whole month given as YYYY-MM')
            [CompletionResult]::new('--year', '--year', [CompletionResultType]::ParameterName, 'This year to date, or a whole year given as YYYY')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'The last N days, today included (at most 36600)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this day (inclusive), to --until or today')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Up to this day (inclusive); needs --since')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'One row per team, or per cost centre; add month for each calendar month on its own (`--by team,month`)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'Show amounts in this currency (ISO 4217, e.g. EUR, CHF), converting with the ECB''s euro reference rates of each day [default: the config''s [display] currency, else USD]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'Today so far (UTC; partial)')
            [CompletionResult]::new('--yesterday', '--yesterday', [CompletionResultType]::ParameterName, 'Yesterday (UTC)')
            [CompletionResult]::new('--week', '--week', [CompletionResultType]::ParameterName, 'This ISO week (Monday first) to date')
            [CompletionResult]::new('--last-week', '--last-week', [CompletionResultType]::ParameterName, 'The whole previous ISO week (Monday to Sunday)')
            [CompletionResult]::new('--last-month', '--last-month', [CompletionResultType]::ParameterName, 'The whole previous calendar month')
            [CompletionResult]::new('--this-quarter', '--this-quarter', [CompletionResultType]::ParameterName, 'This calendar quarter to date')
            [CompletionResult]::new('--last-quarter', '--last-quarter', [CompletionResultType]::ParameterName, 'The whole previous calendar quarter')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Refetch the whole period from the providers, even days already cached')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Never touch the network: answer from the cache only')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Rules that match nothing in the cache, and spend more than one team''s rules claim')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'llmcost;teams;check' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--month', '--month', [CompletionResultType]::ParameterName, 'This month to date, or a whole month given as YYYY-MM')
            [CompletionResult]::new('--year', '--year', [CompletionResultType]::ParameterName, 'This year to date, or a whole year given as YYYY')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'The last N days, today included (at most 36600)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this day (inclusive), to --until or today')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Up to this day (inclusive); needs --since')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'One row per team, or per cost centre; add month for each calendar month on its own (`--by team,month`)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'Show amounts in this currency (ISO 4217, e.g. EUR, CHF), converting with the ECB''s euro reference rates of each day [default: the config''s [display] currency, else USD]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'Today so far (UTC; partial)')
            [CompletionResult]::new('--yesterday', '--yesterday', [CompletionResultType]::ParameterName, 'Yesterday (UTC)')
            [CompletionResult]::new('--week', '--week', [CompletionResultType]::ParameterName, 'This ISO week (Monday first) to date')
            [CompletionResult]::new('--last-week', '--last-week', [CompletionResultType]::ParameterName, 'The whole previous ISO week (Monday to Sunday)')
            [CompletionResult]::new('--last-month', '--last-month', [CompletionResultType]::ParameterName, 'The whole previous calendar month')
            [CompletionResult]::new('--this-quarter', '--this-quarter', [CompletionResultType]::ParameterName, 'This calendar quarter to date')
            [CompletionResult]::new('--last-quarter', '--last-quarter', [CompletionResultType]::ParameterName, 'The whole previous calendar quarter')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Refetch the whole period from the providers, even days already cached')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Never touch the network: answer from the cache only')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;teams;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Rules that match nothing in the cache, and spend more than one team''s rules claim')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'llmcost;teams;help;check' {
            break
        }
        'llmcost;teams;help;help' {
            break
        }
        'llmcost;costs' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Only this project (repeatable): its id (proj_...) or its exact name')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Only this model (repeatable), as the table shows it, e.g. gpt-4o-2024-08-06')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Only this team''s spend, as the config''s [[teams]] allocate it ("(unallocated)" for what no team claims)')
            [CompletionResult]::new('--month', '--month', [CompletionResultType]::ParameterName, 'This month to date, or a whole month given as YYYY-MM')
            [CompletionResult]::new('--year', '--year', [CompletionResultType]::ParameterName, 'This year to date, or a whole year given as YYYY')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'The last N days, today included (at most 36600)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this day (inclusive), to --until or today')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Up to this day (inclusive); needs --since')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Group by a comma list of: provider, workspace, project, model, line_item, day, week (ISO), month, currency, team, cost_center (team and cost_center allocate spend by the config''s [[teams]]), key, person (each API key''s and key owner''s share, one person per [people] entry), hour (today''s estimate), basis')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'Show amounts in this currency (ISO 4217, e.g. EUR, CHF), converting with the ECB''s euro reference rates of each day [default: the config''s [display] currency, else USD]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'Today so far (UTC; partial)')
            [CompletionResult]::new('--yesterday', '--yesterday', [CompletionResultType]::ParameterName, 'Yesterday (UTC)')
            [CompletionResult]::new('--week', '--week', [CompletionResultType]::ParameterName, 'This ISO week (Monday first) to date')
            [CompletionResult]::new('--last-week', '--last-week', [CompletionResultType]::ParameterName, 'The whole previous ISO week (Monday to Sunday)')
            [CompletionResult]::new('--last-month', '--last-month', [CompletionResultType]::ParameterName, 'The whole previous calendar month')
            [CompletionResult]::new('--this-quarter', '--this-quarter', [CompletionResultType]::ParameterName, 'This calendar quarter to date')
            [CompletionResult]::new('--last-quarter', '--last-quarter', [CompletionResultType]::ParameterName, 'The whole previous calendar quarter')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Refetch the whole period from the providers, even days already cached')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Never touch the network: answer from the cache only')
            [CompletionResult]::new('--include-estimate', '--include-estimate', [CompletionResultType]::ParameterName, 'Show llmcost''s estimate (live usage x list prices, or the provider''s live figure) for days whose bill has not arrived, labelled `basis` estimate; implied by --today and --by hour')
            [CompletionResult]::new('--billed-only', '--billed-only', [CompletionResultType]::ParameterName, 'The bill only, even with --today: no estimates')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;sync' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--month', '--month', [CompletionResultType]::ParameterName, 'This month to date, or a whole month given as YYYY-MM')
            [CompletionResult]::new('--year', '--year', [CompletionResultType]::ParameterName, 'This year to date, or a whole year given as YYYY')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'The last N days, today included (at most 36600)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this day (inclusive), to --until or today')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Up to this day (inclusive); needs --since')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'Today so far (UTC; partial)')
            [CompletionResult]::new('--yesterday', '--yesterday', [CompletionResultType]::ParameterName, 'Yesterday (UTC)')
            [CompletionResult]::new('--week', '--week', [CompletionResultType]::ParameterName, 'This ISO week (Monday first) to date')
            [CompletionResult]::new('--last-week', '--last-week', [CompletionResultType]::ParameterName, 'The whole previous ISO week (Monday to Sunday)')
            [CompletionResult]::new('--last-month', '--last-month', [CompletionResultType]::ParameterName, 'The whole previous calendar month')
            [CompletionResult]::new('--this-quarter', '--this-quarter', [CompletionResultType]::ParameterName, 'This calendar quarter to date')
            [CompletionResult]::new('--last-quarter', '--last-quarter', [CompletionResultType]::ParameterName, 'The whole previous calendar quarter')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Refetch every day of the period, even days already cached')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;budgets' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the list')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every budget and how it stands, from the cache (the default)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a budget to the config file')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change some fields of a budget')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a budget from the config file')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Sync what the budgets need, evaluate them, and exit 3 when one fails')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'llmcost;budgets;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;budgets;add' {
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'The limit in US dollars, e.g. 500 or 499.99')
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, 'day, week (ISO, Monday first), month, quarter or year: UTC calendar periods; or rolling-7d, rolling-30d: the last N UTC days')
            [CompletionResult]::new('--start-day', '--start-day', [CompletionResultType]::ParameterName, 'The day billing cycles start (1-28) for month, quarter and year budgets')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider''s spend')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Only this workspace''s spend')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Only this workspace''s spend')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Only this project''s spend (id or exact name)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Only this model''s spend')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Only this team''s allocated spend (a [[teams]] name; see llmcost teams)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Only this API key''s share of the bill (its name or id; see costs --by key)')
            [CompletionResult]::new('--person', '--person', [CompletionResultType]::ParameterName, 'Only this person''s share (a key owner, as costs --by person names them), or ''*'': every person against the amount, each a verdict of their own')
            [CompletionResult]::new('--min-balance', '--min-balance', [CompletionResultType]::ParameterName, 'A balance floor instead of a spend budget: the prepaid balance of --provider (openrouter, xai, deepseek) must stay above this amount; `budgets check` fails below it and warns a week ahead')
            [CompletionResult]::new('--warn-at', '--warn-at', [CompletionResultType]::ParameterName, 'Percentages of the amount that raise a warning [default: 50,80,100]')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'The currency of the amount (ISO 4217, e.g. EUR) [default: USD]; spend is converted into it')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'With add: replace a budget of the same name')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;budgets;edit' {
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'The limit in US dollars, e.g. 500 or 499.99')
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, 'day, week (ISO, Monday first), month, quarter or year: UTC calendar periods; or rolling-7d, rolling-30d: the last N UTC days')
            [CompletionResult]::new('--start-day', '--start-day', [CompletionResultType]::ParameterName, 'The day billing cycles start (1-28) for month, quarter and year budgets')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider''s spend')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Only this workspace''s spend')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Only this workspace''s spend')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Only this project''s spend (id or exact name)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Only this model''s spend')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Only this team''s allocated spend (a [[teams]] name; see llmcost teams)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Only this API key''s share of the bill (its name or id; see costs --by key)')
            [CompletionResult]::new('--person', '--person', [CompletionResultType]::ParameterName, 'Only this person''s share (a key owner, as costs --by person names them), or ''*'': every person against the amount, each a verdict of their own')
            [CompletionResult]::new('--min-balance', '--min-balance', [CompletionResultType]::ParameterName, 'A balance floor instead of a spend budget: the prepaid balance of --provider (openrouter, xai, deepseek) must stay above this amount; `budgets check` fails below it and warns a week ahead')
            [CompletionResult]::new('--warn-at', '--warn-at', [CompletionResultType]::ParameterName, 'Percentages of the amount that raise a warning [default: 50,80,100]')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'The currency of the amount (ISO 4217, e.g. EUR) [default: USD]; spend is converted into it')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'With add: replace a budget of the same name')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;budgets;remove' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;budgets;check' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'What fails the check (exit 3)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Use the cache as it is: no network')
            [CompletionResult]::new('--fail-open', '--fail-open', [CompletionResultType]::ParameterName, 'When the check cannot be made because of an outage (network, timeout, a provider''s 5xx or throttling), warn and exit 0 instead of 1; a wrong or missing key still fails')
            [CompletionResult]::new('--notify', '--notify', [CompletionResultType]::ParameterName, 'Send each newly crossed threshold to the [[notify]] channels (once per budget period)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'With --notify: show what would be sent, send and record nothing')
            [CompletionResult]::new('--enforce', '--enforce', [CompletionResultType]::ParameterName, 'Brake each exceeded budget that has `brake = true` (its scope''s keys and rate limits, with the write keys; see ''llmcost brake''); its alert carries the undo command')
            [CompletionResult]::new('--include-estimate', '--include-estimate', [CompletionResultType]::ParameterName, 'Count llmcost''s estimate of the days whose bill has not arrived (as a budget''s `include_estimate = true` does); the verdict says how much was estimated')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;budgets;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every budget and how it stands, from the cache (the default)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a budget to the config file')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change some fields of a budget')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a budget from the config file')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Sync what the budgets need, evaluate them, and exit 3 when one fails')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'llmcost;budgets;help;list' {
            break
        }
        'llmcost;budgets;help;add' {
            break
        }
        'llmcost;budgets;help;edit' {
            break
        }
        'llmcost;budgets;help;remove' {
            break
        }
        'llmcost;budgets;help;check' {
            break
        }
        'llmcost;budgets;help;help' {
            break
        }
        'llmcost;balances' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'The last balance fetched, without asking the provider')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;activity' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--month', '--month', [CompletionResultType]::ParameterName, 'This month to date, or a whole month given as YYYY-MM')
            [CompletionResult]::new('--year', '--year', [CompletionResultType]::ParameterName, 'This year to date, or a whole year given as YYYY')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'The last N days, today included (at most 36600)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this day (inclusive), to --until or today')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Up to this day (inclusive); needs --since')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'One row per person (or API key), model, UTC day, terminal or account type')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'Today so far (UTC; partial)')
            [CompletionResult]::new('--yesterday', '--yesterday', [CompletionResultType]::ParameterName, 'Yesterday (UTC)')
            [CompletionResult]::new('--week', '--week', [CompletionResultType]::ParameterName, 'This ISO week (Monday first) to date')
            [CompletionResult]::new('--last-week', '--last-week', [CompletionResultType]::ParameterName, 'The whole previous ISO week (Monday to Sunday)')
            [CompletionResult]::new('--last-month', '--last-month', [CompletionResultType]::ParameterName, 'The whole previous calendar month')
            [CompletionResult]::new('--this-quarter', '--this-quarter', [CompletionResultType]::ParameterName, 'This calendar quarter to date')
            [CompletionResult]::new('--last-quarter', '--last-quarter', [CompletionResultType]::ParameterName, 'The whole previous calendar quarter')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Refetch the whole period from the providers, even days already cached')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Never touch the network: answer from the cache only')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;estimates' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Use the cache only: today''s estimates are not refreshed')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;brake' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Only the levers of this project (OpenAI) or workspace (Anthropic), by id')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Only this key or rate limit, by the id the plan shows')
            [CompletionResult]::new('--rung', '--rung', [CompletionResultType]::ParameterName, 'The rung of the ladder: throttle, deny-models or keys (default: each provider''s first; a provider without that rung is left alone, and said)')
            [CompletionResult]::new('--deny-models', '--deny-models', [CompletionResultType]::ParameterName, 'The models deny-models refuses, by the provider''s id (default: those its price list has at $20 or more per million output tokens)')
            [CompletionResult]::new('--undo', '--undo', [CompletionResultType]::ParameterName, 'Undo brake ID (without an ID, the latest still in place); a dry run without --apply')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'Send the changes (without it, a dry run that only reads)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'What is braked now, from the journal (no request is sent)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;limits' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Each provider''s limit next to what the config asks, in the provider''s units')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Write the limits that differ, journaled (undo: llmcost brake --undo N --apply)')
            [CompletionResult]::new('drift', 'drift', [CompletionResultType]::ParameterValue, 'The CI gate: exit 3 when a provider''s limit differs from the config')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'llmcost;limits;plan' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;limits;apply' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;limits;drift' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;limits;help' {
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Each provider''s limit next to what the config asks, in the provider''s units')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Write the limits that differ, journaled (undo: llmcost brake --undo N --apply)')
            [CompletionResult]::new('drift', 'drift', [CompletionResultType]::ParameterValue, 'The CI gate: exit 3 when a provider''s limit differs from the config')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'llmcost;limits;help;plan' {
            break
        }
        'llmcost;limits;help;apply' {
            break
        }
        'llmcost;limits;help;drift' {
            break
        }
        'llmcost;limits;help;help' {
            break
        }
        'llmcost;report' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Only this project (repeatable): its id or its exact name')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Only this team''s spend, as the config''s [[teams]] allocate it ("(unallocated)" for what no team claims)')
            [CompletionResult]::new('--month', '--month', [CompletionResultType]::ParameterName, 'This month to date, or a whole month given as YYYY-MM')
            [CompletionResult]::new('--year', '--year', [CompletionResultType]::ParameterName, 'This year to date, or a whole year given as YYYY')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'The last N days, today included (at most 36600)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this day (inclusive), to --until or today')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Up to this day (inclusive); needs --since')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (csv is the tidy per-day table)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE (atomically: never half a file) instead of stdout')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to FILE (atomically: never half a file) instead of stdout')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'Show amounts in this currency (ISO 4217, e.g. EUR, CHF), converting with the ECB''s euro reference rates of each day [default: the config''s [display] currency, else USD]')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Time buckets of the CSV''s rows and of a "By week"/"By month" section: day, week (ISO), month')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'Today so far (UTC; partial)')
            [CompletionResult]::new('--yesterday', '--yesterday', [CompletionResultType]::ParameterName, 'Yesterday (UTC)')
            [CompletionResult]::new('--week', '--week', [CompletionResultType]::ParameterName, 'This ISO week (Monday first) to date')
            [CompletionResult]::new('--last-week', '--last-week', [CompletionResultType]::ParameterName, 'The whole previous ISO week (Monday to Sunday)')
            [CompletionResult]::new('--last-month', '--last-month', [CompletionResultType]::ParameterName, 'The whole previous calendar month')
            [CompletionResult]::new('--this-quarter', '--this-quarter', [CompletionResultType]::ParameterName, 'This calendar quarter to date')
            [CompletionResult]::new('--last-quarter', '--last-quarter', [CompletionResultType]::ParameterName, 'The whole previous calendar quarter')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Refetch the whole period from the providers, even days already cached')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Never touch the network: answer from the cache only')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;tui' {
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'Show amounts in this currency (ISO 4217), converting with each day''s ECB rate (rates are fetched first when needed) [default: the config''s [display] currency, else USD]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Never touch the network: show the cache as it is')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;optimize' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--month', '--month', [CompletionResultType]::ParameterName, 'This month to date, or a whole month given as YYYY-MM')
            [CompletionResult]::new('--year', '--year', [CompletionResultType]::ParameterName, 'This year to date, or a whole year given as YYYY')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'The last N days, today included (at most 36600)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this day (inclusive), to --until or today')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Up to this day (inclusive); needs --since')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'Today so far (UTC; partial)')
            [CompletionResult]::new('--yesterday', '--yesterday', [CompletionResultType]::ParameterName, 'Yesterday (UTC)')
            [CompletionResult]::new('--week', '--week', [CompletionResultType]::ParameterName, 'This ISO week (Monday first) to date')
            [CompletionResult]::new('--last-week', '--last-week', [CompletionResultType]::ParameterName, 'The whole previous ISO week (Monday to Sunday)')
            [CompletionResult]::new('--last-month', '--last-month', [CompletionResultType]::ParameterName, 'The whole previous calendar month')
            [CompletionResult]::new('--this-quarter', '--this-quarter', [CompletionResultType]::ParameterName, 'This calendar quarter to date')
            [CompletionResult]::new('--last-quarter', '--last-quarter', [CompletionResultType]::ParameterName, 'The whole previous calendar quarter')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Refetch the whole period from the providers, even days already cached')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Never touch the network: answer from the cache only')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;reconcile' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--month', '--month', [CompletionResultType]::ParameterName, 'This month to date, or a whole month given as YYYY-MM')
            [CompletionResult]::new('--year', '--year', [CompletionResultType]::ParameterName, 'This year to date, or a whole year given as YYYY')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'The last N days, today included (at most 36600)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this day (inclusive), to --until or today')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Up to this day (inclusive); needs --since')
            [CompletionResult]::new('--tolerance', '--tolerance', [CompletionResultType]::ParameterName, 'Flag rows whose billed cost is off the list-price cost by more than this, e.g. 2% or 0.5')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--against', '--against', [CompletionResultType]::ParameterName, 'Hold the bill against what this system observed: an [[observed]] source of the config (litellm, langfuse), or a CSV')
            [CompletionResult]::new('--observed', '--observed', [CompletionResultType]::ParameterName, '--against: the [[observed]] source by name, when there are several of its kind')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, '--against csv: the file (columns day, model, cost; optional provider, requests)')
            [CompletionResult]::new('--fail-below', '--fail-below', [CompletionResultType]::ParameterName, '--against: exit 3 when less than this share of the bill was observed, e.g. 95%')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'Today so far (UTC; partial)')
            [CompletionResult]::new('--yesterday', '--yesterday', [CompletionResultType]::ParameterName, 'Yesterday (UTC)')
            [CompletionResult]::new('--week', '--week', [CompletionResultType]::ParameterName, 'This ISO week (Monday first) to date')
            [CompletionResult]::new('--last-week', '--last-week', [CompletionResultType]::ParameterName, 'The whole previous ISO week (Monday to Sunday)')
            [CompletionResult]::new('--last-month', '--last-month', [CompletionResultType]::ParameterName, 'The whole previous calendar month')
            [CompletionResult]::new('--this-quarter', '--this-quarter', [CompletionResultType]::ParameterName, 'This calendar quarter to date')
            [CompletionResult]::new('--last-quarter', '--last-quarter', [CompletionResultType]::ParameterName, 'The whole previous calendar quarter')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Refetch the whole period from the providers, even days already cached')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Never touch the network: answer from the cache only')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;prices' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider (repeatable)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every model of the table, not only those in the cache')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Replace the cached price table with a newer genai-prices data.json')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'llmcost;prices;update' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'A genai-prices data.json (or an llmcost table): a file or an http(s) URL [default: genai-prices'' main branch on GitHub]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;prices;help' {
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Replace the cached price table with a newer genai-prices data.json')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'llmcost;prices;help;update' {
            break
        }
        'llmcost;prices;help;help' {
            break
        }
        'llmcost;import' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The vendor: any id that is not an API provider (groq, together, mistral, deepseek...)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'The account at that vendor, e.g. the team''s')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'The account at that vendor, e.g. the team''s')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The file''s format')
            [CompletionResult]::new('--service', '--service', [CompletionResultType]::ParameterName, 'FOCUS: keep these ServiceName values instead of ServiceCategory "AI and Machine Learning"')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'What the import replaces')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The format')
            [CompletionResult]::new('--focus-version', '--focus-version', [CompletionResultType]::ParameterName, 'The FOCUS version written')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Only this workspace (repeatable), e.g. edugami')
            [CompletionResult]::new('--month', '--month', [CompletionResultType]::ParameterName, 'This month to date, or a whole month given as YYYY-MM')
            [CompletionResult]::new('--year', '--year', [CompletionResultType]::ParameterName, 'This year to date, or a whole year given as YYYY')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'The last N days, today included (at most 36600)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this day (inclusive), to --until or today')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Up to this day (inclusive); needs --since')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to this file (atomically) instead of stdout')
            [CompletionResult]::new('--partitioned', '--partitioned', [CompletionResultType]::ParameterName, 'Write one file per account and UTC day under DIR, hive-style (provider=P/workspace=W/day=D/focus.csv), rewriting only the partitions whose data changed and removing those left empty: load them with replace')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'Today so far (UTC; partial)')
            [CompletionResult]::new('--yesterday', '--yesterday', [CompletionResultType]::ParameterName, 'Yesterday (UTC)')
            [CompletionResult]::new('--week', '--week', [CompletionResultType]::ParameterName, 'This ISO week (Monday first) to date')
            [CompletionResult]::new('--last-week', '--last-week', [CompletionResultType]::ParameterName, 'The whole previous ISO week (Monday to Sunday)')
            [CompletionResult]::new('--last-month', '--last-month', [CompletionResultType]::ParameterName, 'The whole previous calendar month')
            [CompletionResult]::new('--this-quarter', '--this-quarter', [CompletionResultType]::ParameterName, 'This calendar quarter to date')
            [CompletionResult]::new('--last-quarter', '--last-quarter', [CompletionResultType]::ParameterName, 'The whole previous calendar quarter')
            [CompletionResult]::new('--by-key', '--by-key', [CompletionResultType]::ParameterName, 'Split each line between the API keys that used it, as `costs --by key` does, with the key, its owner and the basis in x_LlmcostApiKeyId, x_LlmcostApiKeyName, x_LlmcostPerson and x_LlmcostCostBasis')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Refetch the whole period from the providers, even days already cached')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Never touch the network: answer from the cache only')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;notify' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a test message to each channel (describing the first budget as it stands)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'llmcost;notify;test' {
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only this channel')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;notify;help' {
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a test message to each channel (describing the first budget as it stands)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'llmcost;notify;help;test' {
            break
        }
        'llmcost;notify;help;help' {
            break
        }
        'llmcost;serve' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address and port to listen on; a non-loopback address exposes spend figures to the network')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'How often to sync (e.g. 90s, 30m, 1h, 1d); at least 10s')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'Spend metrics in this currency, named for it (llmcost_spend_month_to_date_chf), converted with the cached ECB rates [default: the config''s [display] currency, else USD]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--otlp', '--otlp', [CompletionResultType]::ParameterName, 'Also push the figures as OTLP gauges after each refresh, to the collector the standard OTEL_EXPORTER_OTLP_* variables name [default: http://localhost:4318/v1/metrics]')
            [CompletionResult]::new('--enforce', '--enforce', [CompletionResultType]::ParameterName, 'After each sync, brake each exceeded budget that has `brake = true` (as ''budgets check --enforce''; write keys needed)')
            [CompletionResult]::new('--no-live', '--no-live', [CompletionResultType]::ParameterName, 'Do not refresh today''s estimates every minute between syncs (the today gauges then move with each sync only)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;metrics' {
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'Spend metrics in this currency (see serve --currency)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Answer from the cache as it is, without syncing this month first')
            [CompletionResult]::new('--otlp', '--otlp', [CompletionResultType]::ParameterName, 'Push the figures as OTLP gauges to the collector OTEL_EXPORTER_OTLP_* names instead of printing them (for cron and CI runs)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;doctor' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not call the providers')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;cache' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the cache file''s path')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Size, schema, integrity, and what each workspace has cached')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Delete the cache (asks first)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'llmcost;cache;path' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;cache;info' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;cache;clear' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;cache;help' {
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the cache file''s path')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Size, schema, integrity, and what each workspace has cached')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Delete the cache (asks first)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'llmcost;cache;help;path' {
            break
        }
        'llmcost;cache;help;info' {
            break
        }
        'llmcost;cache;help;clear' {
            break
        }
        'llmcost;cache;help;help' {
            break
        }
        'llmcost;completions' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write every page into this directory; without it, print llmcost.1 to stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;generate-cache' {
            [CompletionResult]::new('--accounts', '--accounts', [CompletionResultType]::ParameterName, 'accounts')
            [CompletionResult]::new('--days', '--days', [CompletionResultType]::ParameterName, 'days')
            [CompletionResult]::new('--projects', '--projects', [CompletionResultType]::ParameterName, 'projects')
            [CompletionResult]::new('--line-items', '--line-items', [CompletionResultType]::ParameterName, 'line-items')
            [CompletionResult]::new('--keys', '--keys', [CompletionResultType]::ParameterName, 'API keys per account (their usage split by key, and listed with owners)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Use the built-in sample organization: no keys, no network, your cache untouched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress or notes on stderr; errors are still printed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables show every column at full width even past the terminal''s edge (piped output always does)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'llmcost;help' {
            [CompletionResult]::new('providers', 'providers', [CompletionResultType]::ParameterValue, 'Supported providers and configured workspaces; add, remove and test keys')
            [CompletionResult]::new('projects', 'projects', [CompletionResultType]::ParameterValue, 'Projects of each workspace, archived ones too, with their spend in a period')
            [CompletionResult]::new('teams', 'teams', [CompletionResultType]::ParameterValue, 'The chargeback by team or cost centre, shared costs split; `teams check` for the rules')
            [CompletionResult]::new('costs', 'costs', [CompletionResultType]::ParameterValue, 'Billed spend for a period, grouped by model, project, day, ...')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Fetch spend into the cache ahead of time')
            [CompletionResult]::new('budgets', 'budgets', [CompletionResultType]::ParameterValue, 'Budgets per period and scope, and the CI gate `budgets check`')
            [CompletionResult]::new('balances', 'balances', [CompletionResultType]::ParameterValue, 'Prepaid balances (OpenRouter credits, xAI) and their runway at the last week''s burn')
            [CompletionResult]::new('activity', 'activity', [CompletionResultType]::ParameterValue, 'What people did with Claude Code and its estimated cost, per person, model or day')
            [CompletionResult]::new('estimates', 'estimates', [CompletionResultType]::ParameterValue, 'How good today''s estimates are: each estimate against the bill that replaced it')
            [CompletionResult]::new('brake', 'brake', [CompletionResultType]::ParameterValue, 'Stop spend at the providers, reversibly: keys off, rate limits down; --undo, --status')
            [CompletionResult]::new('limits', 'limits', [CompletionResultType]::ParameterValue, 'Budgets held by the providers as their own spend limits: plan, apply, drift (exit 3)')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'The period''s story: comparison, forecast, breakdowns, movers, anomalies; exports')
            [CompletionResult]::new('tui', 'tui', [CompletionResultType]::ParameterValue, 'The interactive dashboard')
            [CompletionResult]::new('optimize', 'optimize', [CompletionResultType]::ParameterValue, 'Where money could be saved: prompt caching, batch, model choice, waste (estimates)')
            [CompletionResult]::new('reconcile', 'reconcile', [CompletionResultType]::ParameterValue, 'The bill against the price list, model by model, with the likely reason for differences')
            [CompletionResult]::new('prices', 'prices', [CompletionResultType]::ParameterValue, 'The list prices bills are compared with; `prices update` refreshes them')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Spend of vendors without a billing API (Groq, Mistral...), from a CSV or FOCUS file')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'The cached spend as FOCUS (CSV or Parquet) for FinOps tools and warehouses')
            [CompletionResult]::new('notify', 'notify', [CompletionResultType]::ParameterValue, 'Budget alert channels: send a test message')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'A Prometheus exporter: /metrics from the cache, syncing in the background')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'The Prometheus exposition once, on stdout (for node_exporter''s textfile collector)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the setup: config, keyring, keys, cache, and one call per workspace')
            [CompletionResult]::new('cache', 'cache', [CompletionResultType]::ParameterValue, 'Where the cache is, what it holds, and clearing it')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages (llmcost.1 and one per subcommand)')
            [CompletionResult]::new('generate-cache', 'generate-cache', [CompletionResultType]::ParameterValue, 'A large deterministic cache for benchmarks (accounts bench-1.. in --db)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'llmcost;help;providers' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List supported providers and configured workspaces (the default)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a workspace: read its admin key, check it, store it in the OS keyring')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Forget a workspace: delete its key from the keyring and its entry from the config')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Check each workspace''s key with one cheap authenticated call')
            break
        }
        'llmcost;help;providers;list' {
            break
        }
        'llmcost;help;providers;add' {
            break
        }
        'llmcost;help;providers;remove' {
            break
        }
        'llmcost;help;providers;test' {
            break
        }
        'llmcost;help;projects' {
            break
        }
        'llmcost;help;teams' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Rules that match nothing in the cache, and spend more than one team''s rules claim')
            break
        }
        'llmcost;help;teams;check' {
            break
        }
        'llmcost;help;costs' {
            break
        }
        'llmcost;help;sync' {
            break
        }
        'llmcost;help;budgets' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every budget and how it stands, from the cache (the default)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a budget to the config file')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change some fields of a budget')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a budget from the config file')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Sync what the budgets need, evaluate them, and exit 3 when one fails')
            break
        }
        'llmcost;help;budgets;list' {
            break
        }
        'llmcost;help;budgets;add' {
            break
        }
        'llmcost;help;budgets;edit' {
            break
        }
        'llmcost;help;budgets;remove' {
            break
        }
        'llmcost;help;budgets;check' {
            break
        }
        'llmcost;help;balances' {
            break
        }
        'llmcost;help;activity' {
            break
        }
        'llmcost;help;estimates' {
            break
        }
        'llmcost;help;brake' {
            break
        }
        'llmcost;help;limits' {
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Each provider''s limit next to what the config asks, in the provider''s units')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Write the limits that differ, journaled (undo: llmcost brake --undo N --apply)')
            [CompletionResult]::new('drift', 'drift', [CompletionResultType]::ParameterValue, 'The CI gate: exit 3 when a provider''s limit differs from the config')
            break
        }
        'llmcost;help;limits;plan' {
            break
        }
        'llmcost;help;limits;apply' {
            break
        }
        'llmcost;help;limits;drift' {
            break
        }
        'llmcost;help;report' {
            break
        }
        'llmcost;help;tui' {
            break
        }
        'llmcost;help;optimize' {
            break
        }
        'llmcost;help;reconcile' {
            break
        }
        'llmcost;help;prices' {
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Replace the cached price table with a newer genai-prices data.json')
            break
        }
        'llmcost;help;prices;update' {
            break
        }
        'llmcost;help;import' {
            break
        }
        'llmcost;help;export' {
            break
        }
        'llmcost;help;notify' {
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a test message to each channel (describing the first budget as it stands)')
            break
        }
        'llmcost;help;notify;test' {
            break
        }
        'llmcost;help;serve' {
            break
        }
        'llmcost;help;metrics' {
            break
        }
        'llmcost;help;doctor' {
            break
        }
        'llmcost;help;cache' {
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the cache file''s path')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Size, schema, integrity, and what each workspace has cached')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Delete the cache (asks first)')
            break
        }
        'llmcost;help;cache;path' {
            break
        }
        'llmcost;help;cache;info' {
            break
        }
        'llmcost;help;cache;clear' {
            break
        }
        'llmcost;help;completions' {
            break
        }
        'llmcost;help;man' {
            break
        }
        'llmcost;help;generate-cache' {
            break
        }
        'llmcost;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
