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
    --base -q --quiet -v --verbose --version -h --help"
  local formats="text concise json json-lines sarif github gitlab junit rdjson"

  local refs="HEAD"
  case ${COMP_WORDS[1]} in
    rules) return ;;
    diff | export | import | render)
      if [[ $prev == --format ]]; then
        case ${COMP_WORDS[1]} in
          diff) mapfile -t COMPREPLY < <(compgen -W "text markdown" -- "$cur") ;;
          export) mapfile -t COMPREPLY < <(compgen -W "csv json" -- "$cur") ;;
        esac
      elif [[ $prev == --title || $prev == --include || $prev == --exclude ]]; then
        return
      elif [[ $cur == -* ]]; then
        local sub="-h --help -o --output-file --config --no-config"
        case ${COMP_WORDS[1]} in
          diff) sub+=" --format --include --exclude --no-respect-gitignore --force-exclude -q --quiet" ;;
          export) sub+=" --format" ;;
          import) sub+=" --title" ;;
        esac
        mapfile -t COMPREPLY < <(compgen -W "$sub" -- "$cur")
      elif [[ ${COMP_WORDS[1]} == diff ]] && ((COMP_CWORD <= 3)); then
        refs+=" $(git for-each-ref --format='%(refname:short)' 2>/dev/null)"
        mapfile -t COMPREPLY < <(compgen -W "$refs" -- "$cur"; compgen -f -- "$cur")
      else
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      fi
      return ;;
    init) mapfile -t COMPREPLY < <(compgen -W "--force -h --help" -- "$cur"); return ;;
    report)
      case $prev in
        --format) mapfile -t COMPREPLY < <(compgen -W "text markdown html json" -- "$cur"); return ;;
        --color) mapfile -t COMPREPLY < <(compgen -W "auto always never" -- "$cur"); return ;;
        --top | --max-file-size | --include | --exclude) return ;;
      esac
      if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "--format --top --color -o --output-file --config --no-config
          --stdin-filename --max-file-size --include --exclude --no-respect-gitignore --force-exclude
          -q --quiet -v --verbose -h --help" -- "$cur")
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
    --base)
      refs+=" $(git for-each-ref --format='%(refname:short)' 2>/dev/null)"
      mapfile -t COMPREPLY < <(compgen -W "$refs" -- "$cur")
      return ;;
    -j | --jobs | --max-file-size | --max-warnings | --include | --exclude) return ;;
  esac
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur")
  elif ((COMP_CWORD == 1)); then
    mapfile -t COMPREPLY < <(compgen -W "rules rule init report server diff export import render" -- "$cur"; compgen -f -- "$cur")
  else
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
  fi
}
complete -o filenames -o bashdefault -F _mdrisk mdrisk
