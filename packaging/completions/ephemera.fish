# fish completion for ephemera. Installed as share/fish/vendor_completions.d/ephemera.fish.
# Options follow `ephemera <command> --help` (the dist/completions test keeps them in step);
# rule ids and slugs come from `ephemera rules`.

set -l commands scan rules explain test-rules inspect graph lsp merge help version
complete -c ephemera -f
complete -c ephemera -n "not __fish_seen_subcommand_from $commands" -l help -d 'Print help'
complete -c ephemera -n "not __fish_seen_subcommand_from $commands" -l version -d 'Print the version'
complete -c ephemera -n "not __fish_seen_subcommand_from $commands" -a scan -d 'Analyse Terraform, CloudFormation and SAM'
complete -c ephemera -n "not __fish_seen_subcommand_from $commands" -a rules -d 'List every rule'
complete -c ephemera -n "not __fish_seen_subcommand_from $commands" -a explain -d "Print a rule's documentation"
complete -c ephemera -n "not __fish_seen_subcommand_from $commands" -a test-rules -d 'Run the fixtures of custom rules'
complete -c ephemera -n "not __fish_seen_subcommand_from $commands" -a inspect -d 'Print the evaluated resources as JSON'
complete -c ephemera -n "not __fish_seen_subcommand_from $commands" -a graph -d 'Draw the traffic view (dot, mermaid, svg, json)'
complete -c ephemera -n "not __fish_seen_subcommand_from $commands" -a lsp -d 'Run the language server on stdin/stdout'
complete -c ephemera -n "not __fish_seen_subcommand_from $commands" -a merge -d 'Join the reports of scan --shard runs'
complete -c ephemera -n "not __fish_seen_subcommand_from $commands" -a help -d 'Print help'
complete -c ephemera -n "not __fish_seen_subcommand_from $commands" -a version -d 'Print the version'

# scan
set -l scan "__fish_seen_subcommand_from scan"
set -l severities 'critical high medium low info'
complete -c ephemera -n $scan -F
complete -c ephemera -n $scan -l format -x -a 'text json sarif junit github gitlab markdown html' -d 'Report format'
complete -c ephemera -n $scan -l output -r -F -d 'Write the preceding --format report to FILE'
complete -c ephemera -n $scan -l fail-on -x -a "$severities none" -d 'Exit 1 at or above this severity (none: never)'
complete -c ephemera -n $scan -l soft-fail -d 'Report, but exit 0 even with findings'
complete -c ephemera -n $scan -l rule -x -a '(ephemera rules 2>/dev/null | awk \'{ print $1; print $3 }\')' -d 'Run only this rule'
complete -c ephemera -n $scan -l skip-rule -x -a '(ephemera rules 2>/dev/null | awk \'{ print $1; print $3 }\')' -d 'Do not run this rule'
complete -c ephemera -n $scan -l severity -x -a $severities -d 'Report only findings at or above this severity'
complete -c ephemera -n $scan -l rules-dir -x -a '(__fish_complete_directories)' -d 'Also run the custom rules under DIR'
complete -c ephemera -n $scan -l config -r -F -d 'Read settings from FILE'
complete -c ephemera -n $scan -l no-config -d 'Ignore .ephemera.yaml files'
complete -c ephemera -n $scan -l baseline -r -F -d 'Report only findings not recorded in FILE'
complete -c ephemera -n $scan -l write-baseline -r -F -d 'Record the current findings in FILE'
complete -c ephemera -n $scan -l no-foreign-suppressions -d 'Ignore checkov/tfsec/trivy/cfn_nag/cfn-lint skips'
complete -c ephemera -n $scan -l only-file -r -F -d 'Report only findings in FILE or with evidence in it'
complete -c ephemera -n $scan -l changed -d 'The PATHs are the files a change touched (pre-commit)'
complete -c ephemera -n $scan -l source-root -x -a '(__fish_complete_directories)' -d 'SARIF and GitLab paths relative to DIR'
complete -c ephemera -n $scan -l var -x -d 'Set a Terraform input variable (NAME=VALUE)'
complete -c ephemera -n $scan -l var-file -r -F -d 'Read Terraform variables from a .tfvars file'
complete -c ephemera -n $scan -l stage -x -d 'The Serverless Framework stage'
complete -c ephemera -n $scan -l exclude -x -d 'Skip paths matching GLOB'
complete -c ephemera -n $scan -l threads -x -d 'Analyse with N threads'
complete -c ephemera -n $scan -l shard -x -d 'Analyse only the K-th of N shares of the units (K/N)'
complete -c ephemera -n $scan -l max-file-bytes -x -d 'Report larger files instead of analysing them'
complete -c ephemera -n $scan -l show-suppressed -d 'Also list suppressed findings'
complete -c ephemera -n $scan -l show-secrets -d 'Print secret values in full instead of masked'
complete -c ephemera -n $scan -l follow-symlinks -d 'Follow symbolic links out of the scanned paths (unsafe on untrusted code)'
complete -c ephemera -n $scan -l color -d 'Force colours on'
complete -c ephemera -n $scan -l no-color -d 'Force colours off'
complete -c ephemera -n $scan -l help -d 'Print help'

# rules, explain, inspect, lsp
complete -c ephemera -n "__fish_seen_subcommand_from rules" -l format -x -a 'text json' -d 'Output format'
complete -c ephemera -n "__fish_seen_subcommand_from rules explain" -l rules-dir -x -a '(__fish_complete_directories)' -d 'Also the custom rules under DIR'
complete -c ephemera -n "__fish_seen_subcommand_from rules explain" -l config -r -F -d 'Read custom-rules: from FILE'
complete -c ephemera -n "__fish_seen_subcommand_from rules explain" -l no-config -d 'Ignore .ephemera.yaml files'
complete -c ephemera -n "__fish_seen_subcommand_from rules" -l help -d 'Print help'
complete -c ephemera -n "__fish_seen_subcommand_from explain" -x -a '(ephemera rules 2>/dev/null | awk \'{ print $1; print $3 }\')' -d 'Rule'
complete -c ephemera -n "__fish_seen_subcommand_from explain" -l help -d 'Print help'
complete -c ephemera -n "__fish_seen_subcommand_from test-rules" -a '(__fish_complete_directories)' -d 'Directory of custom rules'
complete -c ephemera -n "__fish_seen_subcommand_from test-rules" -l help -d 'Print help'
complete -c ephemera -n "__fish_seen_subcommand_from inspect" -F
complete -c ephemera -n "__fish_seen_subcommand_from inspect" -l help -d 'Print help'
complete -c ephemera -n "__fish_seen_subcommand_from merge" -F
complete -c ephemera -n "__fish_seen_subcommand_from merge" -l output -r -F -d 'Write the merged report to FILE'
complete -c ephemera -n "__fish_seen_subcommand_from merge" -l fail-on -x -a 'critical high medium low info none' -d 'Exit 1 at or above this severity (none: never)'
complete -c ephemera -n "__fish_seen_subcommand_from merge" -l soft-fail -d 'Exit 0 even with findings'
complete -c ephemera -n "__fish_seen_subcommand_from merge" -l help -d 'Print help'
complete -c ephemera -n "__fish_seen_subcommand_from graph" -F
complete -c ephemera -n "__fish_seen_subcommand_from graph" -l format -x -a 'dot mermaid svg json' -d 'Drawing format'
complete -c ephemera -n "__fish_seen_subcommand_from graph" -l output -r -F -d 'Write to FILE'
complete -c ephemera -n "__fish_seen_subcommand_from graph" -l help -d 'Print help'
complete -c ephemera -n "__fish_seen_subcommand_from lsp" -l stdio -d 'Talk over stdin/stdout'
complete -c ephemera -n "__fish_seen_subcommand_from lsp" -l debounce-ms -x -d 'Quiet time in ms before re-analysing'
complete -c ephemera -n "__fish_seen_subcommand_from lsp" -l help -d 'Print help'
