# bash completion for mdrisk. Installed as
# share/bash-completion/completions/mdrisk; tests/completions/run.sh checks
# it offers exactly the options `mdrisk --help` lists.
_mdrisk() {
  local cur prev
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  # `--format=js`: bash splits the word at '=' (COMP_WORDBREAKS), giving
  # "--format" "=" "js", or "--format" "=" right after the '='.
  if [[ $cur == = ]]; then
    cur=""
  elif [[ $prev == = ]] && ((COMP_CWORD >= 2)); then
    prev=${COMP_WORDS[COMP_CWORD-2]}
  fi
  local opts="--fix --unsafe-fixes --diff --format --color --statistics -o --output-file -j --jobs
    --include --exclude --no-respect-gitignore --force-exclude --select --ignore --config --no-config
    --stdin-filename --as-of --max-file-size --max-warnings --baseline --write-baseline --show-settings --show-files
    -q --quiet -v --verbose --version -h --help"
  local formats="text concise json json-lines sarif github gitlab junit rdjson"

  case ${COMP_WORDS[1]} in
    rules) return ;;
    init) mapfile -t COMPREPLY < <(compgen -W "--force -h --help" -- "$cur"); return ;;
    report)
      case $prev in
        --format) mapfile -t COMPREPLY < <(compgen -W "text markdown html json" -- "$cur"); return ;;
        --color) mapfile -t COMPREPLY < <(compgen -W "auto always never" -- "$cur"); return ;;
        --top | --max-file-size) return ;;
      esac
      if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "--format --top --color -o --output-file --config --no-config
          --stdin-filename --max-file-size -h --help" -- "$cur")
      else
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      fi
      return ;;
    rule)
      if ((COMP_CWORD == 2)); then
        mapfile -t COMPREPLY < <(compgen -W "$(mdrisk rules 2>/dev/null | awk '{print $1, $2}')" -- "$cur")
      fi
      return ;;
  esac
  case $prev in
    --format) mapfile -t COMPREPLY < <(compgen -W "$formats" -- "$cur"); return ;;
    --color) mapfile -t COMPREPLY < <(compgen -W "auto always never" -- "$cur"); return ;;
    --select | --ignore)
      local codes
      codes=$(mdrisk rules 2>/dev/null | awk '{print $1}')
      mapfile -t COMPREPLY < <(compgen -W "ALL $codes" -- "$cur")
      return ;;
    -o | --output-file | --config | --baseline | --write-baseline | --show-settings | --stdin-filename)
      mapfile -t COMPREPLY < <(compgen -f -- "$cur"); return ;;
    -j | --jobs | --as-of | --max-file-size | --max-warnings | --include | --exclude) return ;;
  esac
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur")
  elif ((COMP_CWORD == 1)); then
    mapfile -t COMPREPLY < <(compgen -W "rules rule init report server" -- "$cur"; compgen -f -- "$cur")
  else
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
  fi
}
complete -o filenames -o bashdefault -F _mdrisk mdrisk
