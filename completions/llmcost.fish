# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_llmcost_global_optspecs
    string join \n config= db= demo q/quiet timeout= v/verbose record= wide remote= color= h/help V/version
end

function __fish_llmcost_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_llmcost_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_llmcost_using_subcommand
    set -l cmd (__fish_llmcost_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c llmcost -n "__fish_llmcost_needs_command" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_needs_command" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_needs_command" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_needs_command" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_needs_command" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_needs_command" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_needs_command" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_needs_command" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_needs_command" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_needs_command" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_needs_command" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "providers" -d 'Supported providers and configured workspaces; add, remove and test keys'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "projects" -d 'Projects of each workspace, archived ones too, with their spend in a period'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "teams" -d 'The chargeback by team or cost centre, shared costs split; `teams check` for the rules'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "costs" -d 'Billed spend for a period, grouped by model, project, day, ...'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "sync" -d 'Fetch spend into the cache ahead of time'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "budgets" -d 'Budgets per period and scope, and the CI gate `budgets check`'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "balances" -d 'Prepaid balances (OpenRouter credits, xAI) and their runway at the last week\'s burn'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "activity" -d 'What people did with Claude Code and its estimated cost, per person, model or day'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "estimates" -d 'How good today\'s estimates are: each estimate against the bill that replaced it'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "brake" -d 'Stop spend at the providers, reversibly: keys off, rate limits down; --undo, --status'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "limits" -d 'Budgets held by the providers as their own spend limits: plan, apply, drift (exit 3)'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "report" -d 'The period\'s story: comparison, forecast, breakdowns, movers, anomalies; exports'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "tui" -d 'The interactive dashboard'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "optimize" -d 'Where money could be saved: prompt caching, batch, model choice, waste (estimates)'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "reconcile" -d 'The bill against the price list, model by model, with the likely reason for differences'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "prices" -d 'The list prices bills are compared with; `prices update` refreshes them'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "import" -d 'Spend of vendors without a billing API (Groq, Mistral...), from a CSV or FOCUS file'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "export" -d 'The cached spend as FOCUS (CSV or Parquet) for FinOps tools and warehouses'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "notify" -d 'Budget alert channels: send a test message'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "serve" -d 'A Prometheus exporter: /metrics from the cache, syncing in the background'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "metrics" -d 'The Prometheus exposition once, on stdout (for node_exporter\'s textfile collector)'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "doctor" -d 'Check the setup: config, keyring, keys, cache, and one call per workspace'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "cache" -d 'Where the cache is, what it holds, and clearing it'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "man" -d 'Write man pages (llmcost.1 and one per subcommand)'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "generate-cache" -d 'A large deterministic cache for benchmarks (accounts bench-1.. in --db)'
complete -c llmcost -n "__fish_llmcost_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and not __fish_seen_subcommand_from list add remove test help" -l format -d 'Output format of the list' -r -f -a "table\t''
json\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and not __fish_seen_subcommand_from list add remove test help" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and not __fish_seen_subcommand_from list add remove test help" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and not __fish_seen_subcommand_from list add remove test help" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and not __fish_seen_subcommand_from list add remove test help" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and not __fish_seen_subcommand_from list add remove test help" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and not __fish_seen_subcommand_from list add remove test help" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and not __fish_seen_subcommand_from list add remove test help" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and not __fish_seen_subcommand_from list add remove test help" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and not __fish_seen_subcommand_from list add remove test help" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and not __fish_seen_subcommand_from list add remove test help" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and not __fish_seen_subcommand_from list add remove test help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and not __fish_seen_subcommand_from list add remove test help" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and not __fish_seen_subcommand_from list add remove test help" -f -a "list" -d 'List supported providers and configured workspaces (the default)'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and not __fish_seen_subcommand_from list add remove test help" -f -a "add" -d 'Add a workspace: read its admin key, check it, store it in the OS keyring'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and not __fish_seen_subcommand_from list add remove test help" -f -a "remove" -d 'Forget a workspace: delete its key from the keyring and its entry from the config'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and not __fish_seen_subcommand_from list add remove test help" -f -a "test" -d 'Check each workspace\'s key with one cheap authenticated call'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and not __fish_seen_subcommand_from list add remove test help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from list" -l format -r -f -a "table\t''
json\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from list" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from list" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from list" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from list" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from list" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from list" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from list" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from add" -s w -l workspace -d 'A name for this account, e.g. the organization\'s: edugami' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from add" -l profile -d 'AWS: the profile whose credentials this workspace uses (in ~/.aws/credentials or ~/.aws/config); without it, the AWS chain (environment, AWS_PROFILE, default)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from add" -l tenant-id -d 'Azure: the Entra ID tenant of the service principal (with --client-id; the secret is then read like a key). Without both, the Azure CLI\'s login (az login) is used' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from add" -l client-id -d 'Azure: the service principal\'s application (client) id' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from add" -l scope -d 'Azure: the Cost Management scope: subscriptions/<id>, subscriptions/<id>/resourceGroups/<rg>, or providers/Microsoft.Billing/billingAccounts/<id>' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from add" -l billing-table -d 'Google: the billing export table, project.dataset.gcp_billing_export_v1_...' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from add" -l credentials -d 'Google: a service account key file (else GOOGLE_APPLICATION_CREDENTIALS, else your gcloud login)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from add" -l job-project -d 'Google: the project that runs the query (default: the table\'s)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from add" -l location -d 'Google: the dataset\'s location (US, EU, europe-west6...)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from add" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from add" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from add" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from add" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from add" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from add" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from add" -l key-stdin -d 'Read the key from standard input instead of a hidden prompt'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from add" -l no-check -d 'Store the key without checking it against the provider'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from add" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from add" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from add" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from remove" -s w -l workspace -r
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from remove" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from remove" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from remove" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from remove" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from remove" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from remove" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from remove" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from remove" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from test" -l provider -d 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from test" -s w -l workspace -d 'Only this workspace (repeatable), e.g. edugami' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from test" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from test" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from test" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from test" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from test" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from test" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from test" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from test" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from test" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from test" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from test" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from help" -f -a "list" -d 'List supported providers and configured workspaces (the default)'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a workspace: read its admin key, check it, store it in the OS keyring'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Forget a workspace: delete its key from the keyring and its entry from the config'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from help" -f -a "test" -d 'Check each workspace\'s key with one cheap authenticated call'
complete -c llmcost -n "__fish_llmcost_using_subcommand providers; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -l provider -d 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -s w -l workspace -d 'Only this workspace (repeatable), e.g. edugami' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -l month -d 'This month to date, or a whole month given as YYYY-MM' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -l year -d 'This year to date, or a whole year given as YYYY' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -l last -d 'The last N days, today included (at most 36600)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -l since -d 'From this day (inclusive), to --until or today' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -l until -d 'Up to this day (inclusive); needs --since' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -l format -d 'Output format' -r -f -a "table\t'A table for people'
json\t'Versioned JSON (schema_version 1) for scripts'
csv\t'CSV with a header row, for spreadsheets'
markdown\t'Markdown for reports and PR comments'"
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -l currency -d 'Show amounts in this currency (ISO 4217, e.g. EUR, CHF), converting with the ECB\'s euro reference rates of each day [default: the config\'s [display] currency, else USD]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -l today -d 'Today so far (UTC; partial)'
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -l yesterday -d 'Yesterday (UTC)'
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -l week -d 'This ISO week (Monday first) to date'
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -l last-week -d 'The whole previous ISO week (Monday to Sunday)'
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -l last-month -d 'The whole previous calendar month'
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -l this-quarter -d 'This calendar quarter to date'
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -l last-quarter -d 'The whole previous calendar quarter'
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -l refresh -d 'Refetch the whole period from the providers, even days already cached'
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -l offline -d 'Never touch the network: answer from the cache only'
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand projects" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -l provider -d 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -s w -l workspace -d 'Only this workspace (repeatable), e.g. edugami' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -l month -d 'This month to date, or a whole month given as YYYY-MM' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -l year -d 'This year to date, or a whole year given as YYYY' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -l last -d 'The last N days, today included (at most 36600)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -l since -d 'From this day (inclusive), to --until or today' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -l until -d 'Up to this day (inclusive); needs --since' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -l by -d 'One row per team, or per cost centre; add month for each calendar month on its own (`--by team,month`)' -r -f -a "team\t''
cost-center\t'Also written cost_center, as `costs --by` writes it'
month\t'Each calendar month of the period on its own (with team or cost-center)'"
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -l format -d 'Output format' -r -f -a "table\t'A table for people'
json\t'Versioned JSON (schema_version 1) for scripts'
csv\t'CSV with a header row, for spreadsheets'
markdown\t'Markdown for reports and PR comments'"
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -l currency -d 'Show amounts in this currency (ISO 4217, e.g. EUR, CHF), converting with the ECB\'s euro reference rates of each day [default: the config\'s [display] currency, else USD]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -l today -d 'Today so far (UTC; partial)'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -l yesterday -d 'Yesterday (UTC)'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -l week -d 'This ISO week (Monday first) to date'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -l last-week -d 'The whole previous ISO week (Monday to Sunday)'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -l last-month -d 'The whole previous calendar month'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -l this-quarter -d 'This calendar quarter to date'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -l last-quarter -d 'The whole previous calendar quarter'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -l refresh -d 'Refetch the whole period from the providers, even days already cached'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -l offline -d 'Never touch the network: answer from the cache only'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -f -a "check" -d 'Rules that match nothing in the cache, and spend more than one team\'s rules claim'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and not __fish_seen_subcommand_from check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -l provider -d 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -s w -l workspace -d 'Only this workspace (repeatable), e.g. edugami' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -l month -d 'This month to date, or a whole month given as YYYY-MM' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -l year -d 'This year to date, or a whole year given as YYYY' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -l last -d 'The last N days, today included (at most 36600)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -l since -d 'From this day (inclusive), to --until or today' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -l until -d 'Up to this day (inclusive); needs --since' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -l by -d 'One row per team, or per cost centre; add month for each calendar month on its own (`--by team,month`)' -r -f -a "team\t''
cost-center\t'Also written cost_center, as `costs --by` writes it'
month\t'Each calendar month of the period on its own (with team or cost-center)'"
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -l format -d 'Output format' -r -f -a "table\t'A table for people'
json\t'Versioned JSON (schema_version 1) for scripts'
csv\t'CSV with a header row, for spreadsheets'
markdown\t'Markdown for reports and PR comments'"
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -l currency -d 'Show amounts in this currency (ISO 4217, e.g. EUR, CHF), converting with the ECB\'s euro reference rates of each day [default: the config\'s [display] currency, else USD]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -l today -d 'Today so far (UTC; partial)'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -l yesterday -d 'Yesterday (UTC)'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -l week -d 'This ISO week (Monday first) to date'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -l last-week -d 'The whole previous ISO week (Monday to Sunday)'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -l last-month -d 'The whole previous calendar month'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -l this-quarter -d 'This calendar quarter to date'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -l last-quarter -d 'The whole previous calendar quarter'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -l refresh -d 'Refetch the whole period from the providers, even days already cached'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -l offline -d 'Never touch the network: answer from the cache only'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from help" -f -a "check" -d 'Rules that match nothing in the cache, and spend more than one team\'s rules claim'
complete -c llmcost -n "__fish_llmcost_using_subcommand teams; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l provider -d 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -s w -l workspace -d 'Only this workspace (repeatable), e.g. edugami' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l project -d 'Only this project (repeatable): its id (proj_...) or its exact name' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l model -d 'Only this model (repeatable), as the table shows it, e.g. gpt-4o-2024-08-06' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l team -d 'Only this team\'s spend, as the config\'s [[teams]] allocate it ("(unallocated)" for what no team claims)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l month -d 'This month to date, or a whole month given as YYYY-MM' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l year -d 'This year to date, or a whole year given as YYYY' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l last -d 'The last N days, today included (at most 36600)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l since -d 'From this day (inclusive), to --until or today' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l until -d 'Up to this day (inclusive); needs --since' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l by -d 'Group by a comma list of: provider, workspace, project, model, line_item, day, week (ISO), month, currency, team, cost_center (team and cost_center allocate spend by the config\'s [[teams]]), key, person (each API key\'s and key owner\'s share, one person per [people] entry), hour (today\'s estimate), basis' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l format -d 'Output format' -r -f -a "table\t'A table for people'
json\t'Versioned JSON (schema_version 1) for scripts'
csv\t'CSV with a header row, for spreadsheets'
markdown\t'Markdown for reports and PR comments'"
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l currency -d 'Show amounts in this currency (ISO 4217, e.g. EUR, CHF), converting with the ECB\'s euro reference rates of each day [default: the config\'s [display] currency, else USD]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l today -d 'Today so far (UTC; partial)'
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l yesterday -d 'Yesterday (UTC)'
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l week -d 'This ISO week (Monday first) to date'
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l last-week -d 'The whole previous ISO week (Monday to Sunday)'
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l last-month -d 'The whole previous calendar month'
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l this-quarter -d 'This calendar quarter to date'
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l last-quarter -d 'The whole previous calendar quarter'
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l refresh -d 'Refetch the whole period from the providers, even days already cached'
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l offline -d 'Never touch the network: answer from the cache only'
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l include-estimate -d 'Show llmcost\'s estimate (live usage x list prices, or the provider\'s live figure) for days whose bill has not arrived, labelled `basis` estimate; implied by --today and --by hour'
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l billed-only -d 'The bill only, even with --today: no estimates'
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand costs" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -l provider -d 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -s w -l workspace -d 'Only this workspace (repeatable), e.g. edugami' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -l month -d 'This month to date, or a whole month given as YYYY-MM' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -l year -d 'This year to date, or a whole year given as YYYY' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -l last -d 'The last N days, today included (at most 36600)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -l since -d 'From this day (inclusive), to --until or today' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -l until -d 'Up to this day (inclusive); needs --since' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -l today -d 'Today so far (UTC; partial)'
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -l yesterday -d 'Yesterday (UTC)'
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -l week -d 'This ISO week (Monday first) to date'
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -l last-week -d 'The whole previous ISO week (Monday to Sunday)'
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -l last-month -d 'The whole previous calendar month'
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -l this-quarter -d 'This calendar quarter to date'
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -l last-quarter -d 'The whole previous calendar quarter'
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -l refresh -d 'Refetch every day of the period, even days already cached'
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand sync" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and not __fish_seen_subcommand_from list add edit remove check help" -l format -d 'Output format of the list' -r -f -a "table\t''
json\t''
markdown\t''
github\t'GitHub Actions workflow annotations (and a step summary when GITHUB_STEP_SUMMARY is set)'"
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and not __fish_seen_subcommand_from list add edit remove check help" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and not __fish_seen_subcommand_from list add edit remove check help" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and not __fish_seen_subcommand_from list add edit remove check help" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and not __fish_seen_subcommand_from list add edit remove check help" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and not __fish_seen_subcommand_from list add edit remove check help" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and not __fish_seen_subcommand_from list add edit remove check help" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and not __fish_seen_subcommand_from list add edit remove check help" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and not __fish_seen_subcommand_from list add edit remove check help" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and not __fish_seen_subcommand_from list add edit remove check help" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and not __fish_seen_subcommand_from list add edit remove check help" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and not __fish_seen_subcommand_from list add edit remove check help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and not __fish_seen_subcommand_from list add edit remove check help" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and not __fish_seen_subcommand_from list add edit remove check help" -f -a "list" -d 'Every budget and how it stands, from the cache (the default)'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and not __fish_seen_subcommand_from list add edit remove check help" -f -a "add" -d 'Add a budget to the config file'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and not __fish_seen_subcommand_from list add edit remove check help" -f -a "edit" -d 'Change some fields of a budget'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and not __fish_seen_subcommand_from list add edit remove check help" -f -a "remove" -d 'Remove a budget from the config file'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and not __fish_seen_subcommand_from list add edit remove check help" -f -a "check" -d 'Sync what the budgets need, evaluate them, and exit 3 when one fails'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and not __fish_seen_subcommand_from list add edit remove check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from list" -l format -r -f -a "table\t''
json\t''
markdown\t''
github\t'GitHub Actions workflow annotations (and a step summary when GITHUB_STEP_SUMMARY is set)'"
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from list" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from list" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from list" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from list" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from list" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from list" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from list" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from add" -l amount -d 'The limit in US dollars, e.g. 500 or 499.99' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from add" -l period -d 'day, week (ISO, Monday first), month, quarter or year: UTC calendar periods; or rolling-7d, rolling-30d: the last N UTC days' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from add" -l start-day -d 'The day billing cycles start (1-28) for month, quarter and year budgets' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from add" -l provider -d 'Only this provider\'s spend' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from add" -s w -l workspace -d 'Only this workspace\'s spend' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from add" -l project -d 'Only this project\'s spend (id or exact name)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from add" -l model -d 'Only this model\'s spend' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from add" -l team -d 'Only this team\'s allocated spend (a [[teams]] name; see llmcost teams)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from add" -l key -d 'Only this API key\'s share of the bill (its name or id; see costs --by key)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from add" -l person -d 'Only this person\'s share (a key owner, as costs --by person names them), or \'*\': every person against the amount, each a verdict of their own' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from add" -l min-balance -d 'A balance floor instead of a spend budget: the prepaid balance of --provider (openrouter, xai, deepseek) must stay above this amount; `budgets check` fails below it and warns a week ahead' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from add" -l warn-at -d 'Percentages of the amount that raise a warning [default: 50,80,100]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from add" -l currency -d 'The currency of the amount (ISO 4217, e.g. EUR) [default: USD]; spend is converted into it' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from add" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from add" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from add" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from add" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from add" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from add" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from add" -l force -d 'With add: replace a budget of the same name'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from add" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from add" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from add" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from edit" -l amount -d 'The limit in US dollars, e.g. 500 or 499.99' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from edit" -l period -d 'day, week (ISO, Monday first), month, quarter or year: UTC calendar periods; or rolling-7d, rolling-30d: the last N UTC days' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from edit" -l start-day -d 'The day billing cycles start (1-28) for month, quarter and year budgets' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from edit" -l provider -d 'Only this provider\'s spend' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from edit" -s w -l workspace -d 'Only this workspace\'s spend' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from edit" -l project -d 'Only this project\'s spend (id or exact name)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from edit" -l model -d 'Only this model\'s spend' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from edit" -l team -d 'Only this team\'s allocated spend (a [[teams]] name; see llmcost teams)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from edit" -l key -d 'Only this API key\'s share of the bill (its name or id; see costs --by key)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from edit" -l person -d 'Only this person\'s share (a key owner, as costs --by person names them), or \'*\': every person against the amount, each a verdict of their own' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from edit" -l min-balance -d 'A balance floor instead of a spend budget: the prepaid balance of --provider (openrouter, xai, deepseek) must stay above this amount; `budgets check` fails below it and warns a week ahead' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from edit" -l warn-at -d 'Percentages of the amount that raise a warning [default: 50,80,100]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from edit" -l currency -d 'The currency of the amount (ISO 4217, e.g. EUR) [default: USD]; spend is converted into it' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from edit" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from edit" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from edit" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from edit" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from edit" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from edit" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from edit" -l force -d 'With add: replace a budget of the same name'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from edit" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from edit" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from edit" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from edit" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from remove" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from remove" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from remove" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from remove" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from remove" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from remove" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from remove" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from remove" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from check" -l format -r -f -a "table\t''
json\t''
markdown\t''
github\t'GitHub Actions workflow annotations (and a step summary when GITHUB_STEP_SUMMARY is set)'"
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from check" -l fail-on -d 'What fails the check (exit 3)' -r -f -a "exceeded\t'Spend so far is over a budget'
forecast\t'Spend, or the forecast to the period\'s end, is over a budget'
warning\t'Any warning threshold is crossed'"
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from check" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from check" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from check" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from check" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from check" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from check" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from check" -l offline -d 'Use the cache as it is: no network'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from check" -l fail-open -d 'When the check cannot be made because of an outage (network, timeout, a provider\'s 5xx or throttling), warn and exit 0 instead of 1; a wrong or missing key still fails'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from check" -l notify -d 'Send each newly crossed threshold to the [[notify]] channels (once per budget period)'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from check" -l dry-run -d 'With --notify: show what would be sent, send and record nothing'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from check" -l enforce -d 'Brake each exceeded budget that has `brake = true` (its scope\'s keys and rate limits, with the write keys; see \'llmcost brake\'); its alert carries the undo command'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from check" -l include-estimate -d 'Count llmcost\'s estimate of the days whose bill has not arrived (as a budget\'s `include_estimate = true` does); the verdict says how much was estimated'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from check" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from check" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from check" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every budget and how it stands, from the cache (the default)'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a budget to the config file'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change some fields of a budget'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a budget from the config file'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from help" -f -a "check" -d 'Sync what the budgets need, evaluate them, and exit 3 when one fails'
complete -c llmcost -n "__fish_llmcost_using_subcommand budgets; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c llmcost -n "__fish_llmcost_using_subcommand balances" -l provider -d 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand balances" -s w -l workspace -d 'Only this workspace (repeatable), e.g. edugami' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand balances" -l format -d 'Output format' -r -f -a "table\t'A table for people'
json\t'Versioned JSON (schema_version 1) for scripts'
csv\t'CSV with a header row, for spreadsheets'
markdown\t'Markdown for reports and PR comments'"
complete -c llmcost -n "__fish_llmcost_using_subcommand balances" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand balances" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand balances" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand balances" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand balances" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand balances" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand balances" -l offline -d 'The last balance fetched, without asking the provider'
complete -c llmcost -n "__fish_llmcost_using_subcommand balances" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand balances" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand balances" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand balances" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand balances" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand balances" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -l provider -d 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -s w -l workspace -d 'Only this workspace (repeatable), e.g. edugami' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -l month -d 'This month to date, or a whole month given as YYYY-MM' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -l year -d 'This year to date, or a whole year given as YYYY' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -l last -d 'The last N days, today included (at most 36600)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -l since -d 'From this day (inclusive), to --until or today' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -l until -d 'Up to this day (inclusive); needs --since' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -l by -d 'One row per person (or API key), model, UTC day, terminal or account type' -r -f -a "person\t''
model\t''
day\t''
terminal\t''
customer-type\t'api or subscription; also written customer_type'"
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -l format -d 'Output format' -r -f -a "table\t'A table for people'
json\t'Versioned JSON (schema_version 1) for scripts'
csv\t'CSV with a header row, for spreadsheets'
markdown\t'Markdown for reports and PR comments'"
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -l today -d 'Today so far (UTC; partial)'
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -l yesterday -d 'Yesterday (UTC)'
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -l week -d 'This ISO week (Monday first) to date'
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -l last-week -d 'The whole previous ISO week (Monday to Sunday)'
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -l last-month -d 'The whole previous calendar month'
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -l this-quarter -d 'This calendar quarter to date'
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -l last-quarter -d 'The whole previous calendar quarter'
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -l refresh -d 'Refetch the whole period from the providers, even days already cached'
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -l offline -d 'Never touch the network: answer from the cache only'
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand activity" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand estimates" -l provider -d 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand estimates" -s w -l workspace -d 'Only this workspace (repeatable), e.g. edugami' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand estimates" -l format -d 'Output format' -r -f -a "table\t'A table for people'
json\t'Versioned JSON (schema_version 1) for scripts'
csv\t'CSV with a header row, for spreadsheets'
markdown\t'Markdown for reports and PR comments'"
complete -c llmcost -n "__fish_llmcost_using_subcommand estimates" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand estimates" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand estimates" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand estimates" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand estimates" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand estimates" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand estimates" -l offline -d 'Use the cache only: today\'s estimates are not refreshed'
complete -c llmcost -n "__fish_llmcost_using_subcommand estimates" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand estimates" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand estimates" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand estimates" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand estimates" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand estimates" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand brake" -l provider -d 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand brake" -s w -l workspace -d 'Only this workspace (repeatable), e.g. edugami' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand brake" -l project -d 'Only the levers of this project (OpenAI) or workspace (Anthropic), by id' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand brake" -l key -d 'Only this key or rate limit, by the id the plan shows' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand brake" -l rung -d 'The rung of the ladder: throttle, deny-models or keys (default: each provider\'s first; a provider without that rung is left alone, and said)' -r -f -a "throttle\t'Rate limits lowered to 1 (OpenAI projects)'
deny-models\t'The expensive models refused (OpenAI projects\' model permissions)'
keys\t'API keys disabled or set inactive (Anthropic, OpenRouter)'"
complete -c llmcost -n "__fish_llmcost_using_subcommand brake" -l deny-models -d 'The models deny-models refuses, by the provider\'s id (default: those its price list has at $20 or more per million output tokens)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand brake" -l undo -d 'Undo brake ID (without an ID, the latest still in place); a dry run without --apply' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand brake" -l format -d 'Output format' -r -f -a "table\t'A table for people'
json\t'Versioned JSON (schema_version 1) for scripts'
csv\t'CSV with a header row, for spreadsheets'
markdown\t'Markdown for reports and PR comments'"
complete -c llmcost -n "__fish_llmcost_using_subcommand brake" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand brake" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand brake" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand brake" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand brake" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand brake" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand brake" -l apply -d 'Send the changes (without it, a dry run that only reads)'
complete -c llmcost -n "__fish_llmcost_using_subcommand brake" -l status -d 'What is braked now, from the journal (no request is sent)'
complete -c llmcost -n "__fish_llmcost_using_subcommand brake" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand brake" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand brake" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand brake" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand brake" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand brake" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and not __fish_seen_subcommand_from plan apply drift help" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and not __fish_seen_subcommand_from plan apply drift help" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and not __fish_seen_subcommand_from plan apply drift help" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and not __fish_seen_subcommand_from plan apply drift help" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and not __fish_seen_subcommand_from plan apply drift help" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and not __fish_seen_subcommand_from plan apply drift help" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and not __fish_seen_subcommand_from plan apply drift help" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and not __fish_seen_subcommand_from plan apply drift help" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and not __fish_seen_subcommand_from plan apply drift help" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and not __fish_seen_subcommand_from plan apply drift help" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and not __fish_seen_subcommand_from plan apply drift help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and not __fish_seen_subcommand_from plan apply drift help" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and not __fish_seen_subcommand_from plan apply drift help" -f -a "plan" -d 'Each provider\'s limit next to what the config asks, in the provider\'s units'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and not __fish_seen_subcommand_from plan apply drift help" -f -a "apply" -d 'Write the limits that differ, journaled (undo: llmcost brake --undo N --apply)'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and not __fish_seen_subcommand_from plan apply drift help" -f -a "drift" -d 'The CI gate: exit 3 when a provider\'s limit differs from the config'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and not __fish_seen_subcommand_from plan apply drift help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from plan" -l format -r -f -a "table\t'A table for people'
json\t'Versioned JSON (schema_version 1) for scripts'
csv\t'CSV with a header row, for spreadsheets'
markdown\t'Markdown for reports and PR comments'"
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from plan" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from plan" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from plan" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from plan" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from plan" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from plan" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from plan" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from plan" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from plan" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from plan" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from plan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from plan" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from apply" -l format -r -f -a "table\t'A table for people'
json\t'Versioned JSON (schema_version 1) for scripts'
csv\t'CSV with a header row, for spreadsheets'
markdown\t'Markdown for reports and PR comments'"
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from apply" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from apply" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from apply" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from apply" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from apply" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from apply" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from apply" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from apply" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from apply" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from apply" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from apply" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from drift" -l format -r -f -a "table\t'A table for people'
json\t'Versioned JSON (schema_version 1) for scripts'
csv\t'CSV with a header row, for spreadsheets'
markdown\t'Markdown for reports and PR comments'"
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from drift" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from drift" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from drift" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from drift" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from drift" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from drift" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from drift" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from drift" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from drift" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from drift" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from drift" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from drift" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from help" -f -a "plan" -d 'Each provider\'s limit next to what the config asks, in the provider\'s units'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from help" -f -a "apply" -d 'Write the limits that differ, journaled (undo: llmcost brake --undo N --apply)'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from help" -f -a "drift" -d 'The CI gate: exit 3 when a provider\'s limit differs from the config'
complete -c llmcost -n "__fish_llmcost_using_subcommand limits; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l provider -d 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -s w -l workspace -d 'Only this workspace (repeatable), e.g. edugami' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l project -d 'Only this project (repeatable): its id or its exact name' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l team -d 'Only this team\'s spend, as the config\'s [[teams]] allocate it ("(unallocated)" for what no team claims)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l month -d 'This month to date, or a whole month given as YYYY-MM' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l year -d 'This year to date, or a whole year given as YYYY' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l last -d 'The last N days, today included (at most 36600)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l since -d 'From this day (inclusive), to --until or today' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l until -d 'Up to this day (inclusive); needs --since' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l format -d 'Output format (csv is the tidy per-day table)' -r -f -a "table\t'A table for people'
json\t'Versioned JSON (schema_version 1) for scripts'
csv\t'CSV with a header row, for spreadsheets'
markdown\t'Markdown for reports and PR comments'"
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -s o -l out -d 'Write to FILE (atomically: never half a file) instead of stdout' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l currency -d 'Show amounts in this currency (ISO 4217, e.g. EUR, CHF), converting with the ECB\'s euro reference rates of each day [default: the config\'s [display] currency, else USD]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l by -d 'Time buckets of the CSV\'s rows and of a "By week"/"By month" section: day, week (ISO), month' -r -f -a "day\t''
week\t''
month\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l today -d 'Today so far (UTC; partial)'
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l yesterday -d 'Yesterday (UTC)'
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l week -d 'This ISO week (Monday first) to date'
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l last-week -d 'The whole previous ISO week (Monday to Sunday)'
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l last-month -d 'The whole previous calendar month'
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l this-quarter -d 'This calendar quarter to date'
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l last-quarter -d 'The whole previous calendar quarter'
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l refresh -d 'Refetch the whole period from the providers, even days already cached'
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l offline -d 'Never touch the network: answer from the cache only'
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand report" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand tui" -l currency -d 'Show amounts in this currency (ISO 4217), converting with each day\'s ECB rate (rates are fetched first when needed) [default: the config\'s [display] currency, else USD]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand tui" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand tui" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand tui" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand tui" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand tui" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand tui" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand tui" -l offline -d 'Never touch the network: show the cache as it is'
complete -c llmcost -n "__fish_llmcost_using_subcommand tui" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand tui" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand tui" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand tui" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand tui" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand tui" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -l provider -d 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -s w -l workspace -d 'Only this workspace (repeatable), e.g. edugami' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -l month -d 'This month to date, or a whole month given as YYYY-MM' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -l year -d 'This year to date, or a whole year given as YYYY' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -l last -d 'The last N days, today included (at most 36600)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -l since -d 'From this day (inclusive), to --until or today' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -l until -d 'Up to this day (inclusive); needs --since' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -l format -d 'Output format' -r -f -a "table\t'A table for people'
json\t'Versioned JSON (schema_version 1) for scripts'
csv\t'CSV with a header row, for spreadsheets'
markdown\t'Markdown for reports and PR comments'"
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -l today -d 'Today so far (UTC; partial)'
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -l yesterday -d 'Yesterday (UTC)'
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -l week -d 'This ISO week (Monday first) to date'
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -l last-week -d 'The whole previous ISO week (Monday to Sunday)'
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -l last-month -d 'The whole previous calendar month'
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -l this-quarter -d 'This calendar quarter to date'
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -l last-quarter -d 'The whole previous calendar quarter'
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -l refresh -d 'Refetch the whole period from the providers, even days already cached'
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -l offline -d 'Never touch the network: answer from the cache only'
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand optimize" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l provider -d 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -s w -l workspace -d 'Only this workspace (repeatable), e.g. edugami' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l month -d 'This month to date, or a whole month given as YYYY-MM' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l year -d 'This year to date, or a whole year given as YYYY' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l last -d 'The last N days, today included (at most 36600)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l since -d 'From this day (inclusive), to --until or today' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l until -d 'Up to this day (inclusive); needs --since' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l tolerance -d 'Flag rows whose billed cost is off the list-price cost by more than this, e.g. 2% or 0.5' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l format -d 'Output format' -r -f -a "table\t'A table for people'
json\t'Versioned JSON (schema_version 1) for scripts'
csv\t'CSV with a header row, for spreadsheets'
markdown\t'Markdown for reports and PR comments'"
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l against -d 'Hold the bill against what this system observed: an [[observed]] source of the config (litellm, langfuse), or a CSV' -r -f -a "litellm\t'LiteLLM\'s proxy (/user/daily/activity)'
langfuse\t'Langfuse (/api/public/metrics/daily)'
csv\t'A CSV (--file, or an [[observed]] entry)'"
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l observed -d '--against: the [[observed]] source by name, when there are several of its kind' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l file -d '--against csv: the file (columns day, model, cost; optional provider, requests)' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l fail-below -d '--against: exit 3 when less than this share of the bill was observed, e.g. 95%' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l today -d 'Today so far (UTC; partial)'
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l yesterday -d 'Yesterday (UTC)'
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l week -d 'This ISO week (Monday first) to date'
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l last-week -d 'The whole previous ISO week (Monday to Sunday)'
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l last-month -d 'The whole previous calendar month'
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l this-quarter -d 'This calendar quarter to date'
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l last-quarter -d 'The whole previous calendar quarter'
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l refresh -d 'Refetch the whole period from the providers, even days already cached'
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l offline -d 'Never touch the network: answer from the cache only'
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand reconcile" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and not __fish_seen_subcommand_from update help" -l provider -d 'Only this provider (repeatable)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and not __fish_seen_subcommand_from update help" -l format -d 'Output format' -r -f -a "table\t'A table for people'
json\t'Versioned JSON (schema_version 1) for scripts'
csv\t'CSV with a header row, for spreadsheets'
markdown\t'Markdown for reports and PR comments'"
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and not __fish_seen_subcommand_from update help" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and not __fish_seen_subcommand_from update help" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and not __fish_seen_subcommand_from update help" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and not __fish_seen_subcommand_from update help" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and not __fish_seen_subcommand_from update help" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and not __fish_seen_subcommand_from update help" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and not __fish_seen_subcommand_from update help" -l all -d 'Every model of the table, not only those in the cache'
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and not __fish_seen_subcommand_from update help" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and not __fish_seen_subcommand_from update help" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and not __fish_seen_subcommand_from update help" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and not __fish_seen_subcommand_from update help" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and not __fish_seen_subcommand_from update help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and not __fish_seen_subcommand_from update help" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and not __fish_seen_subcommand_from update help" -f -a "update" -d 'Replace the cached price table with a newer genai-prices data.json'
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and not __fish_seen_subcommand_from update help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and __fish_seen_subcommand_from update" -l from -d 'A genai-prices data.json (or an llmcost table): a file or an http(s) URL [default: genai-prices\' main branch on GitHub]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and __fish_seen_subcommand_from update" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and __fish_seen_subcommand_from update" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and __fish_seen_subcommand_from update" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and __fish_seen_subcommand_from update" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and __fish_seen_subcommand_from update" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and __fish_seen_subcommand_from update" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and __fish_seen_subcommand_from update" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and __fish_seen_subcommand_from update" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and __fish_seen_subcommand_from update" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and __fish_seen_subcommand_from update" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and __fish_seen_subcommand_from help" -f -a "update" -d 'Replace the cached price table with a newer genai-prices data.json'
complete -c llmcost -n "__fish_llmcost_using_subcommand prices; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c llmcost -n "__fish_llmcost_using_subcommand import" -l provider -d 'The vendor: any id that is not an API provider (groq, together, mistral, deepseek...)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand import" -s w -l workspace -d 'The account at that vendor, e.g. the team\'s' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand import" -l format -d 'The file\'s format' -r -f -a "csv\t'llmcost\'s CSV: date, model, cost, and optional project, currency, tokens, requests'
focus\t'A FOCUS 1.x CSV (AWS Data Exports, Azure FocusCost, Google\'s FOCUS view); gzip accepted'"
complete -c llmcost -n "__fish_llmcost_using_subcommand import" -l service -d 'FOCUS: keep these ServiceName values instead of ServiceCategory "AI and Machine Learning"' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand import" -l replace -d 'What the import replaces' -r -f -a "days\t'The days the file covers (a re-import never double counts)'
all\t'The workspace\'s whole imported history'"
complete -c llmcost -n "__fish_llmcost_using_subcommand import" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand import" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand import" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand import" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand import" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand import" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand import" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand import" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand import" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand import" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand import" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l format -d 'The format' -r -f -a "focus\t'FOCUS 1.2 CSV (FinOps Foundation), one row per UTC day x account x project x line item'
focus-parquet\t'The same rows as Parquet, typed (DECIMAL costs, TIMESTAMP periods), for warehouses'"
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l focus-version -d 'The FOCUS version written' -r -f -a "1.2\t'FOCUS 1.2 (checked with the FinOps Foundation\'s validator)'
1.3\t'FOCUS 1.2\'s columns plus 1.3\'s ServiceProviderName and HostProviderName'"
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l provider -d 'Only this provider (repeatable): openai, anthropic, openrouter, xai, aws, azure, gcp, github, cursor, deepseek, fireworks, claude-code' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -s w -l workspace -d 'Only this workspace (repeatable), e.g. edugami' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l month -d 'This month to date, or a whole month given as YYYY-MM' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l year -d 'This year to date, or a whole year given as YYYY' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l last -d 'The last N days, today included (at most 36600)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l since -d 'From this day (inclusive), to --until or today' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l until -d 'Up to this day (inclusive); needs --since' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l out -d 'Write to this file (atomically) instead of stdout' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l partitioned -d 'Write one file per account and UTC day under DIR, hive-style (provider=P/workspace=W/day=D/focus.csv), rewriting only the partitions whose data changed and removing those left empty: load them with replace' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l today -d 'Today so far (UTC; partial)'
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l yesterday -d 'Yesterday (UTC)'
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l week -d 'This ISO week (Monday first) to date'
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l last-week -d 'The whole previous ISO week (Monday to Sunday)'
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l last-month -d 'The whole previous calendar month'
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l this-quarter -d 'This calendar quarter to date'
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l last-quarter -d 'The whole previous calendar quarter'
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l by-key -d 'Split each line between the API keys that used it, as `costs --by key` does, with the key, its owner and the basis in x_LlmcostApiKeyId, x_LlmcostApiKeyName, x_LlmcostPerson and x_LlmcostCostBasis'
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l refresh -d 'Refetch the whole period from the providers, even days already cached'
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l offline -d 'Never touch the network: answer from the cache only'
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand export" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and not __fish_seen_subcommand_from test help" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and not __fish_seen_subcommand_from test help" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and not __fish_seen_subcommand_from test help" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and not __fish_seen_subcommand_from test help" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and not __fish_seen_subcommand_from test help" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and not __fish_seen_subcommand_from test help" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and not __fish_seen_subcommand_from test help" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and not __fish_seen_subcommand_from test help" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and not __fish_seen_subcommand_from test help" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and not __fish_seen_subcommand_from test help" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and not __fish_seen_subcommand_from test help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and not __fish_seen_subcommand_from test help" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and not __fish_seen_subcommand_from test help" -f -a "test" -d 'Send a test message to each channel (describing the first budget as it stands)'
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and not __fish_seen_subcommand_from test help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and __fish_seen_subcommand_from test" -l channel -d 'Only this channel' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and __fish_seen_subcommand_from test" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and __fish_seen_subcommand_from test" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and __fish_seen_subcommand_from test" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and __fish_seen_subcommand_from test" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and __fish_seen_subcommand_from test" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and __fish_seen_subcommand_from test" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and __fish_seen_subcommand_from test" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and __fish_seen_subcommand_from test" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and __fish_seen_subcommand_from test" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and __fish_seen_subcommand_from test" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and __fish_seen_subcommand_from test" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and __fish_seen_subcommand_from help" -f -a "test" -d 'Send a test message to each channel (describing the first budget as it stands)'
complete -c llmcost -n "__fish_llmcost_using_subcommand notify; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c llmcost -n "__fish_llmcost_using_subcommand serve" -l listen -d 'Address and port to listen on; a non-loopback address exposes spend figures to the network' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand serve" -l interval -d 'How often to sync (e.g. 90s, 30m, 1h, 1d); at least 10s' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand serve" -l currency -d 'Spend metrics in this currency, named for it (llmcost_spend_month_to_date_chf), converted with the cached ECB rates [default: the config\'s [display] currency, else USD]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand serve" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand serve" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand serve" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand serve" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand serve" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand serve" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand serve" -l otlp -d 'Also push the figures as OTLP gauges after each refresh, to the collector the standard OTEL_EXPORTER_OTLP_* variables name [default: http://localhost:4318/v1/metrics]'
complete -c llmcost -n "__fish_llmcost_using_subcommand serve" -l enforce -d 'After each sync, brake each exceeded budget that has `brake = true` (as \'budgets check --enforce\'; write keys needed)'
complete -c llmcost -n "__fish_llmcost_using_subcommand serve" -l no-live -d 'Do not refresh today\'s estimates every minute between syncs (the today gauges then move with each sync only)'
complete -c llmcost -n "__fish_llmcost_using_subcommand serve" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand serve" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand serve" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand serve" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand serve" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand metrics" -l currency -d 'Spend metrics in this currency (see serve --currency)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand metrics" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand metrics" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand metrics" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand metrics" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand metrics" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand metrics" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand metrics" -l offline -d 'Answer from the cache as it is, without syncing this month first'
complete -c llmcost -n "__fish_llmcost_using_subcommand metrics" -l otlp -d 'Push the figures as OTLP gauges to the collector OTEL_EXPORTER_OTLP_* names instead of printing them (for cron and CI runs)'
complete -c llmcost -n "__fish_llmcost_using_subcommand metrics" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand metrics" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand metrics" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand metrics" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand metrics" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand metrics" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand doctor" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand doctor" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand doctor" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand doctor" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand doctor" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand doctor" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand doctor" -l offline -d 'Do not call the providers'
complete -c llmcost -n "__fish_llmcost_using_subcommand doctor" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand doctor" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand doctor" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand doctor" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and not __fish_seen_subcommand_from path info clear help" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and not __fish_seen_subcommand_from path info clear help" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and not __fish_seen_subcommand_from path info clear help" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and not __fish_seen_subcommand_from path info clear help" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and not __fish_seen_subcommand_from path info clear help" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and not __fish_seen_subcommand_from path info clear help" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and not __fish_seen_subcommand_from path info clear help" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and not __fish_seen_subcommand_from path info clear help" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and not __fish_seen_subcommand_from path info clear help" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and not __fish_seen_subcommand_from path info clear help" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and not __fish_seen_subcommand_from path info clear help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and not __fish_seen_subcommand_from path info clear help" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and not __fish_seen_subcommand_from path info clear help" -f -a "path" -d 'Print the cache file\'s path'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and not __fish_seen_subcommand_from path info clear help" -f -a "info" -d 'Size, schema, integrity, and what each workspace has cached'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and not __fish_seen_subcommand_from path info clear help" -f -a "clear" -d 'Delete the cache (asks first)'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and not __fish_seen_subcommand_from path info clear help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from path" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from path" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from path" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from path" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from path" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from path" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from path" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from path" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from path" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from path" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from path" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from info" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from info" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from info" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from info" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from info" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from info" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from info" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from info" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from info" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from info" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from info" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from info" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from clear" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from clear" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from clear" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from clear" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from clear" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from clear" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from clear" -l yes -d 'Do not ask'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from clear" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from clear" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from clear" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from clear" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from clear" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from clear" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the cache file\'s path'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "info" -d 'Size, schema, integrity, and what each workspace has cached'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "clear" -d 'Delete the cache (asks first)'
complete -c llmcost -n "__fish_llmcost_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c llmcost -n "__fish_llmcost_using_subcommand completions" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand completions" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand completions" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand completions" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand completions" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand completions" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand completions" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand completions" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand completions" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand completions" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand completions" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand man" -l dir -d 'Write every page into this directory; without it, print llmcost.1 to stdout' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand man" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand man" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand man" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand man" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand man" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand man" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand man" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand man" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand man" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand man" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand man" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand generate-cache" -l accounts -r
complete -c llmcost -n "__fish_llmcost_using_subcommand generate-cache" -l days -r
complete -c llmcost -n "__fish_llmcost_using_subcommand generate-cache" -l projects -r
complete -c llmcost -n "__fish_llmcost_using_subcommand generate-cache" -l line-items -r
complete -c llmcost -n "__fish_llmcost_using_subcommand generate-cache" -l keys -d 'API keys per account (their usage split by key, and listed with owners)' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand generate-cache" -l config -d 'Config file [default: the platform config dir, e.g. ~/.config/llmcost/config.toml]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand generate-cache" -l db -d 'Cache database [default: the platform cache dir, e.g. ~/.cache/llmcost/cache.sqlite]' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand generate-cache" -l timeout -d 'Give up on a request that has not answered after this many seconds (a timed-out request is retried once) [default: the config\'s http.timeout_seconds, 30]' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand generate-cache" -l record -d 'Save every response body a sync receives in DIR (one file per request; no headers, so no keys), to attach to a bug report' -r -F
complete -c llmcost -n "__fish_llmcost_using_subcommand generate-cache" -l remote -d 'Ask an llmcost server (`serve` with [serve] tokens) instead of local keys and cache; the token is LLMCOST_REMOTE_TOKEN. Read-only commands: costs, projects, report, teams, budgets, optimize, reconcile, prices, export' -r
complete -c llmcost -n "__fish_llmcost_using_subcommand generate-cache" -l color -d 'Colour in tables and the dashboard [default: auto, which honours NO_COLOR]' -r -f -a "auto\t'When stdout is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c llmcost -n "__fish_llmcost_using_subcommand generate-cache" -l demo -d 'Use the built-in sample organization: no keys, no network, your cache untouched'
complete -c llmcost -n "__fish_llmcost_using_subcommand generate-cache" -s q -l quiet -d 'No progress or notes on stderr; errors are still printed'
complete -c llmcost -n "__fish_llmcost_using_subcommand generate-cache" -s v -l verbose -d 'Diagnostics on stderr: -v what is fetched and written, -vv every request (keys redacted)'
complete -c llmcost -n "__fish_llmcost_using_subcommand generate-cache" -l wide -d 'Tables show every column at full width even past the terminal\'s edge (piped output always does)'
complete -c llmcost -n "__fish_llmcost_using_subcommand generate-cache" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c llmcost -n "__fish_llmcost_using_subcommand generate-cache" -s V -l version -d 'Print version'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "providers" -d 'Supported providers and configured workspaces; add, remove and test keys'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "projects" -d 'Projects of each workspace, archived ones too, with their spend in a period'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "teams" -d 'The chargeback by team or cost centre, shared costs split; `teams check` for the rules'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "costs" -d 'Billed spend for a period, grouped by model, project, day, ...'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "sync" -d 'Fetch spend into the cache ahead of time'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "budgets" -d 'Budgets per period and scope, and the CI gate `budgets check`'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "balances" -d 'Prepaid balances (OpenRouter credits, xAI) and their runway at the last week\'s burn'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "activity" -d 'What people did with Claude Code and its estimated cost, per person, model or day'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "estimates" -d 'How good today\'s estimates are: each estimate against the bill that replaced it'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "brake" -d 'Stop spend at the providers, reversibly: keys off, rate limits down; --undo, --status'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "limits" -d 'Budgets held by the providers as their own spend limits: plan, apply, drift (exit 3)'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "report" -d 'The period\'s story: comparison, forecast, breakdowns, movers, anomalies; exports'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "tui" -d 'The interactive dashboard'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "optimize" -d 'Where money could be saved: prompt caching, batch, model choice, waste (estimates)'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "reconcile" -d 'The bill against the price list, model by model, with the likely reason for differences'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "prices" -d 'The list prices bills are compared with; `prices update` refreshes them'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "import" -d 'Spend of vendors without a billing API (Groq, Mistral...), from a CSV or FOCUS file'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "export" -d 'The cached spend as FOCUS (CSV or Parquet) for FinOps tools and warehouses'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "notify" -d 'Budget alert channels: send a test message'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "serve" -d 'A Prometheus exporter: /metrics from the cache, syncing in the background'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "metrics" -d 'The Prometheus exposition once, on stdout (for node_exporter\'s textfile collector)'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "doctor" -d 'Check the setup: config, keyring, keys, cache, and one call per workspace'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "cache" -d 'Where the cache is, what it holds, and clearing it'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "completions" -d 'Print a shell completion script'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "man" -d 'Write man pages (llmcost.1 and one per subcommand)'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "generate-cache" -d 'A large deterministic cache for benchmarks (accounts bench-1.. in --db)'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and not __fish_seen_subcommand_from providers projects teams costs sync budgets balances activity estimates brake limits report tui optimize reconcile prices import export notify serve metrics doctor cache completions man generate-cache help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and __fish_seen_subcommand_from providers" -f -a "list" -d 'List supported providers and configured workspaces (the default)'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and __fish_seen_subcommand_from providers" -f -a "add" -d 'Add a workspace: read its admin key, check it, store it in the OS keyring'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and __fish_seen_subcommand_from providers" -f -a "remove" -d 'Forget a workspace: delete its key from the keyring and its entry from the config'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and __fish_seen_subcommand_from providers" -f -a "test" -d 'Check each workspace\'s key with one cheap authenticated call'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and __fish_seen_subcommand_from teams" -f -a "check" -d 'Rules that match nothing in the cache, and spend more than one team\'s rules claim'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and __fish_seen_subcommand_from budgets" -f -a "list" -d 'Every budget and how it stands, from the cache (the default)'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and __fish_seen_subcommand_from budgets" -f -a "add" -d 'Add a budget to the config file'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and __fish_seen_subcommand_from budgets" -f -a "edit" -d 'Change some fields of a budget'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and __fish_seen_subcommand_from budgets" -f -a "remove" -d 'Remove a budget from the config file'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and __fish_seen_subcommand_from budgets" -f -a "check" -d 'Sync what the budgets need, evaluate them, and exit 3 when one fails'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and __fish_seen_subcommand_from limits" -f -a "plan" -d 'Each provider\'s limit next to what the config asks, in the provider\'s units'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and __fish_seen_subcommand_from limits" -f -a "apply" -d 'Write the limits that differ, journaled (undo: llmcost brake --undo N --apply)'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and __fish_seen_subcommand_from limits" -f -a "drift" -d 'The CI gate: exit 3 when a provider\'s limit differs from the config'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and __fish_seen_subcommand_from prices" -f -a "update" -d 'Replace the cached price table with a newer genai-prices data.json'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and __fish_seen_subcommand_from notify" -f -a "test" -d 'Send a test message to each channel (describing the first budget as it stands)'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and __fish_seen_subcommand_from cache" -f -a "path" -d 'Print the cache file\'s path'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and __fish_seen_subcommand_from cache" -f -a "info" -d 'Size, schema, integrity, and what each workspace has cached'
complete -c llmcost -n "__fish_llmcost_using_subcommand help; and __fish_seen_subcommand_from cache" -f -a "clear" -d 'Delete the cache (asks first)'
