
use builtin;
use str;

set edit:completion:arg-completer[llmcost] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'llmcost'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'llmcost'= {
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand providers 'Supported providers and configured workspaces; add, remove and test keys'
            cand projects 'Projects of each workspace, archived ones too, with their spend in a period'
            cand teams 'The chargeback by team or cost centre, shared costs split; `teams check` for the rules'
            cand costs 'Billed spend for a period, grouped by model, project, day, ...'
            cand sync 'Fetch spend into the cache ahead of time'
            cand budgets 'Budgets per period and scope, and the CI gate `budgets check`'
            cand report 'The period''s story: comparison, forecast, breakdowns, movers, anomalies; exports'
            cand tui 'The interactive dashboard'
            cand optimize 'Where money could be saved: prompt caching, batch, model choice, waste (estimates)'
            cand reconcile 'The bill against the price list, model by model, with the likely reason for differences'
            cand prices 'The list prices bills are compared with; `prices update` refreshes them'
            cand import 'Spend of vendors without a billing API (Groq, Mistral...), from a CSV or FOCUS file'
            cand export 'The cached spend as a FOCUS 1.2 CSV for FinOps tools'
            cand notify 'Budget alert channels: send a test message'
            cand serve 'A Prometheus exporter: /metrics from the cache, syncing in the background'
            cand metrics 'The Prometheus exposition once, on stdout (for node_exporter''s textfile collector)'
            cand doctor 'Check the setup: config, keyring, keys, cache, and one call per workspace'
            cand cache 'Where the cache is, what it holds, and clearing it'
            cand completions 'Print a shell completion script'
            cand man 'Write man pages (llmcost.1 and one per subcommand)'
            cand generate-cache 'A large deterministic cache for benchmarks (accounts bench-1.. in --db)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'llmcost;providers'= {
            cand --format 'Output format of the list'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List supported providers and configured workspaces (the default)'
            cand add 'Add a workspace: read its admin key, check it, store it in the OS keyring'
            cand remove 'Forget a workspace: delete its key from the keyring and its entry from the config'
            cand test 'Check each workspace''s key with one cheap authenticated call'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'llmcost;providers;list'= {
            cand --format 'format'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;providers;add'= {
            cand -w 'A name for this account, e.g. the organization''s: edugami'
            cand --workspace 'A name for this account, e.g. the organization''s: edugami'
            cand --profile 'AWS: the profile whose credentials this workspace uses (in ~/.aws/credentials or ~/.aws/config); without it, the AWS chain (environment, AWS_PROFILE, default)'
            cand --tenant-id 'Azure: the Entra ID tenant of the service principal (with --client-id; the secret is then read like a key). Without both, the Azure CLI''s login (az login) is used'
            cand --client-id 'Azure: the service principal''s application (client) id'
            cand --scope 'Azure: the Cost Management scope: subscriptions/<id>, subscriptions/<id>/resourceGroups/<rg>, or providers/Microsoft.Billing/billingAccounts/<id>'
            cand --billing-table 'Google: the billing export table, project.dataset.gcp_billing_export_v1_...'
            cand --credentials 'Google: a service account key file (else GOOGLE_APPLICATION_CREDENTIALS, else your gcloud login)'
            cand --job-project 'Google: the project that runs the query (default: the table''s)'
            cand --location 'Google: the dataset''s location (US, EU, europe-west6...)'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --key-stdin 'Read the key from standard input instead of a hidden prompt'
            cand --no-check 'Store the key without checking it against the provider'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;providers;remove'= {
            cand -w 'w'
            cand --workspace 'workspace'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;providers;test'= {
            cand --provider 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp'
            cand -w 'Only this workspace (repeatable), e.g. edugami'
            cand --workspace 'Only this workspace (repeatable), e.g. edugami'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;providers;help'= {
            cand list 'List supported providers and configured workspaces (the default)'
            cand add 'Add a workspace: read its admin key, check it, store it in the OS keyring'
            cand remove 'Forget a workspace: delete its key from the keyring and its entry from the config'
            cand test 'Check each workspace''s key with one cheap authenticated call'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'llmcost;providers;help;list'= {
        }
        &'llmcost;providers;help;add'= {
        }
        &'llmcost;providers;help;remove'= {
        }
        &'llmcost;providers;help;test'= {
        }
        &'llmcost;providers;help;help'= {
        }
        &'llmcost;projects'= {
            cand --provider 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp'
            cand -w 'Only this workspace (repeatable), e.g. edugami'
            cand --workspace 'Only this workspace (repeatable), e.g. edugami'
            cand --month 'This month to date, or a whole month given as YYYY-MM'
            cand --year 'This year to date, or a whole year given as YYYY'
            cand --last 'The last N days, today included (at most 36600)'
            cand --since 'From this day (inclusive), to --until or today'
            cand --until 'Up to this day (inclusive); needs --since'
            cand --format 'Output format'
            cand --currency 'Show amounts in this currency (ISO 4217, e.g. EUR, CHF), converting with the ECB''s euro reference rates of each day [default: the config''s [display] currency, else USD]'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --today 'Today so far (UTC; partial)'
            cand --yesterday 'Yesterday (UTC)'
            cand --week 'This ISO week (Monday first) to date'
            cand --last-week 'The whole previous ISO week (Monday to Sunday)'
            cand --last-month 'The whole previous calendar month'
            cand --this-quarter 'This calendar quarter to date'
            cand --last-quarter 'The whole previous calendar quarter'
            cand --refresh 'Refetch the whole period from the providers, even days already cached'
            cand --offline 'Never touch the network: answer from the cache only'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;teams'= {
            cand --provider 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp'
            cand -w 'Only this workspace (repeatable), e.g. edugami'
            cand --workspace 'Only this workspace (repeatable), e.g. edugami'
            cand --month 'This month to date, or a whole month given as YYYY-MM'
            cand --year 'This year to date, or a whole year given as YYYY'
            cand --last 'The last N days, today included (at most 36600)'
            cand --since 'From this day (inclusive), to --until or today'
            cand --until 'Up to this day (inclusive); needs --since'
            cand --by 'One row per team, or per cost centre'
            cand --format 'Output format'
            cand --currency 'Show amounts in this currency (ISO 4217, e.g. EUR, CHF), converting with the ECB''s euro reference rates of each day [default: the config''s [display] currency, else USD]'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --today 'Today so far (UTC; partial)'
            cand --yesterday 'Yesterday (UTC)'
            cand --week 'This ISO week (Monday first) to date'
            cand --last-week 'The whole previous ISO week (Monday to Sunday)'
            cand --last-month 'The whole previous calendar month'
            cand --this-quarter 'This calendar quarter to date'
            cand --last-quarter 'The whole previous calendar quarter'
            cand --refresh 'Refetch the whole period from the providers, even days already cached'
            cand --offline 'Never touch the network: answer from the cache only'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand check 'Rules that match nothing in the cache, and spend more than one team''s rules claim'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'llmcost;teams;check'= {
            cand --provider 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp'
            cand -w 'Only this workspace (repeatable), e.g. edugami'
            cand --workspace 'Only this workspace (repeatable), e.g. edugami'
            cand --month 'This month to date, or a whole month given as YYYY-MM'
            cand --year 'This year to date, or a whole year given as YYYY'
            cand --last 'The last N days, today included (at most 36600)'
            cand --since 'From this day (inclusive), to --until or today'
            cand --until 'Up to this day (inclusive); needs --since'
            cand --by 'One row per team, or per cost centre'
            cand --format 'Output format'
            cand --currency 'Show amounts in this currency (ISO 4217, e.g. EUR, CHF), converting with the ECB''s euro reference rates of each day [default: the config''s [display] currency, else USD]'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --today 'Today so far (UTC; partial)'
            cand --yesterday 'Yesterday (UTC)'
            cand --week 'This ISO week (Monday first) to date'
            cand --last-week 'The whole previous ISO week (Monday to Sunday)'
            cand --last-month 'The whole previous calendar month'
            cand --this-quarter 'This calendar quarter to date'
            cand --last-quarter 'The whole previous calendar quarter'
            cand --refresh 'Refetch the whole period from the providers, even days already cached'
            cand --offline 'Never touch the network: answer from the cache only'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;teams;help'= {
            cand check 'Rules that match nothing in the cache, and spend more than one team''s rules claim'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'llmcost;teams;help;check'= {
        }
        &'llmcost;teams;help;help'= {
        }
        &'llmcost;costs'= {
            cand --provider 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp'
            cand -w 'Only this workspace (repeatable), e.g. edugami'
            cand --workspace 'Only this workspace (repeatable), e.g. edugami'
            cand --project 'Only this project (repeatable): its id (proj_...) or its exact name'
            cand --model 'Only this model (repeatable), as the table shows it, e.g. gpt-4o-2024-08-06'
            cand --team 'Only this team''s spend, as the config''s [[teams]] allocate it ("(unallocated)" for what no team claims)'
            cand --month 'This month to date, or a whole month given as YYYY-MM'
            cand --year 'This year to date, or a whole year given as YYYY'
            cand --last 'The last N days, today included (at most 36600)'
            cand --since 'From this day (inclusive), to --until or today'
            cand --until 'Up to this day (inclusive); needs --since'
            cand --by 'Group by a comma list of: provider, workspace, project, model, line_item, day, week (ISO), month, currency, team, cost_center (team and cost_center allocate spend by the config''s [[teams]])'
            cand --format 'Output format'
            cand --currency 'Show amounts in this currency (ISO 4217, e.g. EUR, CHF), converting with the ECB''s euro reference rates of each day [default: the config''s [display] currency, else USD]'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --today 'Today so far (UTC; partial)'
            cand --yesterday 'Yesterday (UTC)'
            cand --week 'This ISO week (Monday first) to date'
            cand --last-week 'The whole previous ISO week (Monday to Sunday)'
            cand --last-month 'The whole previous calendar month'
            cand --this-quarter 'This calendar quarter to date'
            cand --last-quarter 'The whole previous calendar quarter'
            cand --refresh 'Refetch the whole period from the providers, even days already cached'
            cand --offline 'Never touch the network: answer from the cache only'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;sync'= {
            cand --provider 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp'
            cand -w 'Only this workspace (repeatable), e.g. edugami'
            cand --workspace 'Only this workspace (repeatable), e.g. edugami'
            cand --month 'This month to date, or a whole month given as YYYY-MM'
            cand --year 'This year to date, or a whole year given as YYYY'
            cand --last 'The last N days, today included (at most 36600)'
            cand --since 'From this day (inclusive), to --until or today'
            cand --until 'Up to this day (inclusive); needs --since'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --today 'Today so far (UTC; partial)'
            cand --yesterday 'Yesterday (UTC)'
            cand --week 'This ISO week (Monday first) to date'
            cand --last-week 'The whole previous ISO week (Monday to Sunday)'
            cand --last-month 'The whole previous calendar month'
            cand --this-quarter 'This calendar quarter to date'
            cand --last-quarter 'The whole previous calendar quarter'
            cand --refresh 'Refetch every day of the period, even days already cached'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;budgets'= {
            cand --format 'Output format of the list'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Every budget and how it stands, from the cache (the default)'
            cand add 'Add a budget to the config file'
            cand edit 'Change some fields of a budget'
            cand remove 'Remove a budget from the config file'
            cand check 'Sync what the budgets need, evaluate them, and exit 3 when one fails'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'llmcost;budgets;list'= {
            cand --format 'format'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;budgets;add'= {
            cand --amount 'The limit in US dollars, e.g. 500 or 499.99'
            cand --period 'day, week (ISO, Monday first), month, quarter or year: UTC calendar periods'
            cand --start-day 'The day billing cycles start (1-28) for month, quarter and year budgets'
            cand --provider 'Only this provider''s spend'
            cand -w 'Only this workspace''s spend'
            cand --workspace 'Only this workspace''s spend'
            cand --project 'Only this project''s spend (id or exact name)'
            cand --model 'Only this model''s spend'
            cand --team 'Only this team''s allocated spend (a [[teams]] name; see llmcost teams)'
            cand --warn-at 'Percentages of the amount that raise a warning [default: 50,80,100]'
            cand --currency 'The currency of the amount (ISO 4217, e.g. EUR) [default: USD]; spend is converted into it'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --force 'With add: replace a budget of the same name'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;budgets;edit'= {
            cand --amount 'The limit in US dollars, e.g. 500 or 499.99'
            cand --period 'day, week (ISO, Monday first), month, quarter or year: UTC calendar periods'
            cand --start-day 'The day billing cycles start (1-28) for month, quarter and year budgets'
            cand --provider 'Only this provider''s spend'
            cand -w 'Only this workspace''s spend'
            cand --workspace 'Only this workspace''s spend'
            cand --project 'Only this project''s spend (id or exact name)'
            cand --model 'Only this model''s spend'
            cand --team 'Only this team''s allocated spend (a [[teams]] name; see llmcost teams)'
            cand --warn-at 'Percentages of the amount that raise a warning [default: 50,80,100]'
            cand --currency 'The currency of the amount (ISO 4217, e.g. EUR) [default: USD]; spend is converted into it'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --force 'With add: replace a budget of the same name'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;budgets;remove'= {
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;budgets;check'= {
            cand --format 'format'
            cand --fail-on 'What fails the check (exit 3)'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --offline 'Use the cache as it is: no network'
            cand --fail-open 'When the check cannot be made (network, key, provider), warn and exit 0 instead of 1'
            cand --notify 'Send each newly crossed threshold to the [[notify]] channels (once per budget period)'
            cand --dry-run 'With --notify: show what would be sent, send and record nothing'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;budgets;help'= {
            cand list 'Every budget and how it stands, from the cache (the default)'
            cand add 'Add a budget to the config file'
            cand edit 'Change some fields of a budget'
            cand remove 'Remove a budget from the config file'
            cand check 'Sync what the budgets need, evaluate them, and exit 3 when one fails'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'llmcost;budgets;help;list'= {
        }
        &'llmcost;budgets;help;add'= {
        }
        &'llmcost;budgets;help;edit'= {
        }
        &'llmcost;budgets;help;remove'= {
        }
        &'llmcost;budgets;help;check'= {
        }
        &'llmcost;budgets;help;help'= {
        }
        &'llmcost;report'= {
            cand --provider 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp'
            cand -w 'Only this workspace (repeatable), e.g. edugami'
            cand --workspace 'Only this workspace (repeatable), e.g. edugami'
            cand --project 'Only this project (repeatable): its id or its exact name'
            cand --team 'Only this team''s spend, as the config''s [[teams]] allocate it ("(unallocated)" for what no team claims)'
            cand --month 'This month to date, or a whole month given as YYYY-MM'
            cand --year 'This year to date, or a whole year given as YYYY'
            cand --last 'The last N days, today included (at most 36600)'
            cand --since 'From this day (inclusive), to --until or today'
            cand --until 'Up to this day (inclusive); needs --since'
            cand --format 'Output format (csv is the tidy per-day table)'
            cand -o 'Write to FILE (atomically: never half a file) instead of stdout'
            cand --out 'Write to FILE (atomically: never half a file) instead of stdout'
            cand --currency 'Show amounts in this currency (ISO 4217, e.g. EUR, CHF), converting with the ECB''s euro reference rates of each day [default: the config''s [display] currency, else USD]'
            cand --by 'Time buckets of the CSV''s rows and of a "By week"/"By month" section: day, week (ISO), month'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --today 'Today so far (UTC; partial)'
            cand --yesterday 'Yesterday (UTC)'
            cand --week 'This ISO week (Monday first) to date'
            cand --last-week 'The whole previous ISO week (Monday to Sunday)'
            cand --last-month 'The whole previous calendar month'
            cand --this-quarter 'This calendar quarter to date'
            cand --last-quarter 'The whole previous calendar quarter'
            cand --refresh 'Refetch the whole period from the providers, even days already cached'
            cand --offline 'Never touch the network: answer from the cache only'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;tui'= {
            cand --currency 'Show amounts in this currency (ISO 4217), converting with each day''s ECB rate (rates are fetched first when needed) [default: the config''s [display] currency, else USD]'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --offline 'Never touch the network: show the cache as it is'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;optimize'= {
            cand --provider 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp'
            cand -w 'Only this workspace (repeatable), e.g. edugami'
            cand --workspace 'Only this workspace (repeatable), e.g. edugami'
            cand --month 'This month to date, or a whole month given as YYYY-MM'
            cand --year 'This year to date, or a whole year given as YYYY'
            cand --last 'The last N days, today included (at most 36600)'
            cand --since 'From this day (inclusive), to --until or today'
            cand --until 'Up to this day (inclusive); needs --since'
            cand --format 'Output format'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --today 'Today so far (UTC; partial)'
            cand --yesterday 'Yesterday (UTC)'
            cand --week 'This ISO week (Monday first) to date'
            cand --last-week 'The whole previous ISO week (Monday to Sunday)'
            cand --last-month 'The whole previous calendar month'
            cand --this-quarter 'This calendar quarter to date'
            cand --last-quarter 'The whole previous calendar quarter'
            cand --refresh 'Refetch the whole period from the providers, even days already cached'
            cand --offline 'Never touch the network: answer from the cache only'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;reconcile'= {
            cand --provider 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp'
            cand -w 'Only this workspace (repeatable), e.g. edugami'
            cand --workspace 'Only this workspace (repeatable), e.g. edugami'
            cand --month 'This month to date, or a whole month given as YYYY-MM'
            cand --year 'This year to date, or a whole year given as YYYY'
            cand --last 'The last N days, today included (at most 36600)'
            cand --since 'From this day (inclusive), to --until or today'
            cand --until 'Up to this day (inclusive); needs --since'
            cand --tolerance 'Flag rows whose billed cost is off the list-price cost by more than this, e.g. 2% or 0.5'
            cand --format 'Output format'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --today 'Today so far (UTC; partial)'
            cand --yesterday 'Yesterday (UTC)'
            cand --week 'This ISO week (Monday first) to date'
            cand --last-week 'The whole previous ISO week (Monday to Sunday)'
            cand --last-month 'The whole previous calendar month'
            cand --this-quarter 'This calendar quarter to date'
            cand --last-quarter 'The whole previous calendar quarter'
            cand --refresh 'Refetch the whole period from the providers, even days already cached'
            cand --offline 'Never touch the network: answer from the cache only'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;prices'= {
            cand --provider 'Only this provider (repeatable)'
            cand --format 'Output format'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --all 'Every model of the table, not only those in the cache'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand update 'Replace the cached price table with a newer genai-prices data.json'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'llmcost;prices;update'= {
            cand --from 'A genai-prices data.json (or an llmcost table): a file or an http(s) URL [default: genai-prices'' main branch on GitHub]'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;prices;help'= {
            cand update 'Replace the cached price table with a newer genai-prices data.json'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'llmcost;prices;help;update'= {
        }
        &'llmcost;prices;help;help'= {
        }
        &'llmcost;import'= {
            cand --provider 'The vendor: any id that is not an API provider (groq, together, mistral, deepseek...)'
            cand -w 'The account at that vendor, e.g. the team''s'
            cand --workspace 'The account at that vendor, e.g. the team''s'
            cand --format 'The file''s format'
            cand --service 'FOCUS: keep these ServiceName values instead of ServiceCategory "AI and Machine Learning"'
            cand --replace 'What the import replaces'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;export'= {
            cand --format 'The format'
            cand --provider 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp'
            cand -w 'Only this workspace (repeatable), e.g. edugami'
            cand --workspace 'Only this workspace (repeatable), e.g. edugami'
            cand --month 'This month to date, or a whole month given as YYYY-MM'
            cand --year 'This year to date, or a whole year given as YYYY'
            cand --last 'The last N days, today included (at most 36600)'
            cand --since 'From this day (inclusive), to --until or today'
            cand --until 'Up to this day (inclusive); needs --since'
            cand --out 'Write to this file (atomically) instead of stdout'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --today 'Today so far (UTC; partial)'
            cand --yesterday 'Yesterday (UTC)'
            cand --week 'This ISO week (Monday first) to date'
            cand --last-week 'The whole previous ISO week (Monday to Sunday)'
            cand --last-month 'The whole previous calendar month'
            cand --this-quarter 'This calendar quarter to date'
            cand --last-quarter 'The whole previous calendar quarter'
            cand --refresh 'Refetch the whole period from the providers, even days already cached'
            cand --offline 'Never touch the network: answer from the cache only'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;notify'= {
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand test 'Send a test message to each channel (describing the first budget as it stands)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'llmcost;notify;test'= {
            cand --channel 'Only this channel'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;notify;help'= {
            cand test 'Send a test message to each channel (describing the first budget as it stands)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'llmcost;notify;help;test'= {
        }
        &'llmcost;notify;help;help'= {
        }
        &'llmcost;serve'= {
            cand --listen 'Address and port to listen on; a non-loopback address exposes spend figures to the network'
            cand --interval 'How often to sync (e.g. 90s, 30m, 1h, 1d); at least 10s'
            cand --currency 'Spend metrics in this currency, named for it (llmcost_spend_month_to_date_chf), converted with the cached ECB rates [default: the config''s [display] currency, else USD]'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;metrics'= {
            cand --currency 'Spend metrics in this currency (see serve --currency)'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --offline 'Answer from the cache as it is, without syncing this month first'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;doctor'= {
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --offline 'Do not call the providers'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;cache'= {
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand path 'Print the cache file''s path'
            cand info 'Size, schema, integrity, and what each workspace has cached'
            cand clear 'Delete the cache (asks first)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'llmcost;cache;path'= {
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;cache;info'= {
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;cache;clear'= {
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --yes 'Do not ask'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;cache;help'= {
            cand path 'Print the cache file''s path'
            cand info 'Size, schema, integrity, and what each workspace has cached'
            cand clear 'Delete the cache (asks first)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'llmcost;cache;help;path'= {
        }
        &'llmcost;cache;help;info'= {
        }
        &'llmcost;cache;help;clear'= {
        }
        &'llmcost;cache;help;help'= {
        }
        &'llmcost;completions'= {
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;man'= {
            cand --dir 'Write every page into this directory; without it, print llmcost.1 to stdout'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;generate-cache'= {
            cand --accounts 'accounts'
            cand --days 'days'
            cand --projects 'projects'
            cand --line-items 'line-items'
            cand --config 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]'
            cand --db 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]'
            cand --timeout 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config''s http.timeout_seconds, 30]'
            cand --record 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report'
            cand --color 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]'
            cand --demo 'Use the built-in sample organization: no keys, no network, your cache untouched'
            cand -q 'No progress or notes on stderr; errors are still printed'
            cand --quiet 'No progress or notes on stderr; errors are still printed'
            cand -v 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand --verbose 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'llmcost;help'= {
            cand providers 'Supported providers and configured workspaces; add, remove and test keys'
            cand projects 'Projects of each workspace, archived ones too, with their spend in a period'
            cand teams 'The chargeback by team or cost centre, shared costs split; `teams check` for the rules'
            cand costs 'Billed spend for a period, grouped by model, project, day, ...'
            cand sync 'Fetch spend into the cache ahead of time'
            cand budgets 'Budgets per period and scope, and the CI gate `budgets check`'
            cand report 'The period''s story: comparison, forecast, breakdowns, movers, anomalies; exports'
            cand tui 'The interactive dashboard'
            cand optimize 'Where money could be saved: prompt caching, batch, model choice, waste (estimates)'
            cand reconcile 'The bill against the price list, model by model, with the likely reason for differences'
            cand prices 'The list prices bills are compared with; `prices update` refreshes them'
            cand import 'Spend of vendors without a billing API (Groq, Mistral...), from a CSV or FOCUS file'
            cand export 'The cached spend as a FOCUS 1.2 CSV for FinOps tools'
            cand notify 'Budget alert channels: send a test message'
            cand serve 'A Prometheus exporter: /metrics from the cache, syncing in the background'
            cand metrics 'The Prometheus exposition once, on stdout (for node_exporter''s textfile collector)'
            cand doctor 'Check the setup: config, keyring, keys, cache, and one call per workspace'
            cand cache 'Where the cache is, what it holds, and clearing it'
            cand completions 'Print a shell completion script'
            cand man 'Write man pages (llmcost.1 and one per subcommand)'
            cand generate-cache 'A large deterministic cache for benchmarks (accounts bench-1.. in --db)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'llmcost;help;providers'= {
            cand list 'List supported providers and configured workspaces (the default)'
            cand add 'Add a workspace: read its admin key, check it, store it in the OS keyring'
            cand remove 'Forget a workspace: delete its key from the keyring and its entry from the config'
            cand test 'Check each workspace''s key with one cheap authenticated call'
        }
        &'llmcost;help;providers;list'= {
        }
        &'llmcost;help;providers;add'= {
        }
        &'llmcost;help;providers;remove'= {
        }
        &'llmcost;help;providers;test'= {
        }
        &'llmcost;help;projects'= {
        }
        &'llmcost;help;teams'= {
            cand check 'Rules that match nothing in the cache, and spend more than one team''s rules claim'
        }
        &'llmcost;help;teams;check'= {
        }
        &'llmcost;help;costs'= {
        }
        &'llmcost;help;sync'= {
        }
        &'llmcost;help;budgets'= {
            cand list 'Every budget and how it stands, from the cache (the default)'
            cand add 'Add a budget to the config file'
            cand edit 'Change some fields of a budget'
            cand remove 'Remove a budget from the config file'
            cand check 'Sync what the budgets need, evaluate them, and exit 3 when one fails'
        }
        &'llmcost;help;budgets;list'= {
        }
        &'llmcost;help;budgets;add'= {
        }
        &'llmcost;help;budgets;edit'= {
        }
        &'llmcost;help;budgets;remove'= {
        }
        &'llmcost;help;budgets;check'= {
        }
        &'llmcost;help;report'= {
        }
        &'llmcost;help;tui'= {
        }
        &'llmcost;help;optimize'= {
        }
        &'llmcost;help;reconcile'= {
        }
        &'llmcost;help;prices'= {
            cand update 'Replace the cached price table with a newer genai-prices data.json'
        }
        &'llmcost;help;prices;update'= {
        }
        &'llmcost;help;import'= {
        }
        &'llmcost;help;export'= {
        }
        &'llmcost;help;notify'= {
            cand test 'Send a test message to each channel (describing the first budget as it stands)'
        }
        &'llmcost;help;notify;test'= {
        }
        &'llmcost;help;serve'= {
        }
        &'llmcost;help;metrics'= {
        }
        &'llmcost;help;doctor'= {
        }
        &'llmcost;help;cache'= {
            cand path 'Print the cache file''s path'
            cand info 'Size, schema, integrity, and what each workspace has cached'
            cand clear 'Delete the cache (asks first)'
        }
        &'llmcost;help;cache;path'= {
        }
        &'llmcost;help;cache;info'= {
        }
        &'llmcost;help;cache;clear'= {
        }
        &'llmcost;help;completions'= {
        }
        &'llmcost;help;man'= {
        }
        &'llmcost;help;generate-cache'= {
        }
        &'llmcost;help;help'= {
        }
    ]
    $completions[$command]
}
