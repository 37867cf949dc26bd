# fish completion for mdrisk. Installed as
# share/fish/vendor_completions.d/mdrisk.fish; tests/completions/run.sh
# checks it offers exactly the options `mdrisk --help` lists.
complete -c mdrisk -f

# Subcommands, only as the first word.
complete -c mdrisk -n __fish_use_subcommand -a rules -d 'List every rule'
complete -c mdrisk -n __fish_use_subcommand -a rule -d 'Explain one rule'
complete -c mdrisk -n __fish_use_subcommand -a init -d 'Write the default .mdrisk.toml'
complete -c mdrisk -n __fish_use_subcommand -a diff -d 'What changed in the register between revisions'
complete -c mdrisk -n __fish_use_subcommand -a export -d 'Write the table as CSV or the model as JSON'
complete -c mdrisk -n __fish_use_subcommand -a import -d 'Write a canonical tracker from a CSV file'
complete -c mdrisk -n __fish_use_subcommand -a render -d 'Write a canonical tracker from a JSON model'
complete -c mdrisk -n '__fish_seen_subcommand_from diff' -x -a '(git for-each-ref --format="%(refname:short)" 2>/dev/null; echo HEAD; __fish_complete_path)'
complete -c mdrisk -n '__fish_seen_subcommand_from diff' -l format -x -a 'text markdown' -d 'Report format'
complete -c mdrisk -n '__fish_seen_subcommand_from export' -F
complete -c mdrisk -n '__fish_seen_subcommand_from export' -l format -x -a 'csv json' -d 'Export format'
complete -c mdrisk -n '__fish_seen_subcommand_from import render' -F
complete -c mdrisk -n '__fish_seen_subcommand_from import' -l title -x -d 'The tracker title'
complete -c mdrisk -n '__fish_seen_subcommand_from rule' -x -a '(mdrisk rules 2>/dev/null | string replace -r "^(\S+)\s+(\S+).*" "\$1\n\$2")'
complete -c mdrisk -n '__fish_seen_subcommand_from init' -l force -d 'Overwrite an existing .mdrisk.toml'

# Lint options (not after a subcommand).
set -l lint 'not __fish_seen_subcommand_from rules rule init diff export import render'
complete -c mdrisk -n $lint -F -d 'Tracker file or folder'
complete -c mdrisk -n $lint -l fix -d 'Apply safe fixes in place'
complete -c mdrisk -n $lint -l unsafe-fixes -d 'Also apply unsafe fixes'
complete -c mdrisk -n $lint -l diff -d 'Print a unified diff of what --fix would change'
complete -c mdrisk -n $lint -l format -x -a 'text concise json json-lines sarif github gitlab junit rdjson' -d 'Output format'
complete -c mdrisk -n $lint -l color -x -a 'auto always never' -d 'Colour the text output'
complete -c mdrisk -n $lint -l statistics -d 'Count findings per rule'
complete -c mdrisk -n $lint -s o -l output-file -r -F -d 'Write the report to this file'
complete -c mdrisk -n $lint -s j -l jobs -x -d 'Worker threads'
complete -c mdrisk -n $lint -l include -x -d 'Also lint walked files matching these globs'
complete -c mdrisk -n $lint -l exclude -x -d 'Skip walked files matching these globs'
complete -c mdrisk -n $lint -l no-respect-gitignore -d 'Also walk files that git ignores'
complete -c mdrisk -n $lint -l force-exclude -d 'Filter explicit files like walked ones'
complete -c mdrisk -n $lint -l select -x -a '(echo ALL; mdrisk rules 2>/dev/null | string replace -r "\s.*" "")' -d 'Only run these rules'
complete -c mdrisk -n $lint -l ignore -x -a '(echo ALL; mdrisk rules 2>/dev/null | string replace -r "\s.*" "")' -d 'Skip these rules'
complete -c mdrisk -n $lint -l stdin-filename -r -F -d 'Name of standard input (config, --force-exclude)'
complete -c mdrisk -n $lint -l max-file-size -x -d 'Refuse files larger than this many MiB'
complete -c mdrisk -n $lint -l max-warnings -x -d 'Exit 1 when there are more warnings than this'
complete -c mdrisk -n $lint -l config -r -F -d 'Use this .mdrisk.toml for every file'
complete -c mdrisk -n $lint -l no-config -d 'Ignore .mdrisk.toml files'
complete -c mdrisk -n $lint -l baseline -r -F -d 'Report only findings not in this baseline'
complete -c mdrisk -n $lint -l write-baseline -r -F -d 'Write every finding to this baseline'
complete -c mdrisk -n $lint -l show-settings -r -F -d 'Print the settings for this file'
complete -c mdrisk -n $lint -l show-files -d 'List the files a run would lint'
complete -c mdrisk -n $lint -l base -x -a '(git for-each-ref --format="%(refname:short)" 2>/dev/null; echo HEAD)' -d 'Check against this git revision'
complete -c mdrisk -n $lint -s q -l quiet -d 'Print only the summary line'
complete -c mdrisk -n $lint -s v -l verbose -d 'Log what mdrisk does'
complete -c mdrisk -s h -l help -d 'Print help'
complete -c mdrisk -n $lint -l version -d 'Print the version'
