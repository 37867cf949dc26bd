# bash completion for mdrisk. Installed as
# share/bash-completion/completions/mdrisk by `cmake --install`.
_mdrisk() {
  local cur prev
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  local opts="--fix --unsafe-fixes --diff --format --color --statistics -o --output-file -j --jobs
    --include --exclude --no-respect-gitignore --force-exclude --select --ignore --config --no-config
    --stdin-filename --max-file-size -q --quiet -v --verbose --version -h --help"

  case $prev in
    --format) mapfile -t COMPREPLY < <(compgen -W "text concise json sarif github" -- "$cur"); return ;;
    --color) mapfile -t COMPREPLY < <(compgen -W "auto always never" -- "$cur"); return ;;
    --select | --ignore)
      local codes
      codes=$(mdrisk rules 2>/dev/null | awk '{print $1}')
      mapfile -t COMPREPLY < <(compgen -W "ALL $codes" -- "$cur")
      return ;;
    -o | --output-file | --config) mapfile -t COMPREPLY < <(compgen -f -- "$cur"); return ;;
    -j | --jobs | --max-file-size | --stdin-filename | --include | --exclude) return ;;
    rule)
      if [[ ${COMP_WORDS[1]} == rule ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(mdrisk rules 2>/dev/null | awk '{print $1, $2}')" -- "$cur")
        return
      fi ;;
  esac
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur")
  elif ((COMP_CWORD == 1)); then
    mapfile -t COMPREPLY < <(compgen -W "rules rule init server" -- "$cur"; compgen -f -- "$cur")
  else
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
  fi
}
complete -o filenames -o bashdefault -F _mdrisk mdrisk
