# bash completion for ephemera. Installed as share/bash-completion/completions/ephemera.
# Options follow `ephemera <command> --help` (the dist/completions test keeps them in step);
# rule ids and slugs come from `ephemera rules`.

_ephemera_rules() {
  "${COMP_WORDS[0]}" rules 2>/dev/null | awk '{ print $1; print $3 }'
}

_ephemera() {
  local cur prev command i
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  command=
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      -*) ;;
      *) command=${COMP_WORDS[i]}; break ;;
    esac
  done

  if [[ -z $command ]]; then
    COMPREPLY=($(compgen -W 'scan rules explain test-rules inspect graph lsp merge help version --help --version' -- "$cur"))
    return
  fi

  case $command in
    scan)
      case $prev in
        --format) COMPREPLY=($(compgen -W 'text json sarif junit github gitlab markdown html' -- "$cur")); return ;;
        --fail-on) COMPREPLY=($(compgen -W 'critical high medium low info none' -- "$cur")); return ;;
        --severity) COMPREPLY=($(compgen -W 'critical high medium low info' -- "$cur")); return ;;
        --rule|--skip-rule) COMPREPLY=($(compgen -W "$(_ephemera_rules)" -- "$cur")); return ;;
        --output|-o|--config|--baseline|--write-baseline|--only-file|--var-file)
          COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
        --source-root|--rules-dir) COMPREPLY=($(compgen -d -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
        --var|--stage|--exclude|--threads|--shard|--max-file-bytes) return ;;
      esac
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W '--format --output --fail-on --soft-fail --severity --rule --skip-rule --rules-dir --config --no-config
          --baseline --write-baseline --no-foreign-suppressions --only-file --changed --source-root --var --var-file --stage --exclude
          --threads --shard --max-file-bytes --show-suppressed --show-secrets --follow-symlinks --color --no-color --help' -- "$cur"))
      else
        COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null
      fi
      ;;
    rules)
      case $prev in
        --format) COMPREPLY=($(compgen -W 'text json' -- "$cur")); return ;;
        --rules-dir) COMPREPLY=($(compgen -d -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
        --config) COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
      esac
      COMPREPLY=($(compgen -W '--format --rules-dir --config --no-config --help' -- "$cur"))
      ;;
    explain)
      case $prev in
        --rules-dir) COMPREPLY=($(compgen -d -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
        --config) COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
      esac
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W '--rules-dir --config --no-config --help' -- "$cur"))
      else
        COMPREPLY=($(compgen -W "$(_ephemera_rules)" -- "$cur"))
      fi
      ;;
    test-rules)
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W '--help' -- "$cur"))
      else
        COMPREPLY=($(compgen -d -- "$cur")); compopt -o filenames 2>/dev/null
      fi
      ;;
    inspect)
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W '--help' -- "$cur"))
      else
        COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null
      fi
      ;;
    merge)
      case $prev in
        --fail-on) COMPREPLY=($(compgen -W 'critical high medium low info none' -- "$cur")); return ;;
        --output|-o) COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
      esac
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W '--output --fail-on --soft-fail --help' -- "$cur"))
      else
        COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null
      fi
      ;;
    graph)
      case $prev in
        --format) COMPREPLY=($(compgen -W 'dot mermaid svg json' -- "$cur")); return ;;
        --output) COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
      esac
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W '--format --output --help' -- "$cur"))
      else
        COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null
      fi
      ;;
    lsp)
      case $prev in
        --debounce-ms) return ;;
      esac
      COMPREPLY=($(compgen -W '--stdio --debounce-ms --help' -- "$cur"))
      ;;
  esac
}

complete -F _ephemera ephemera
