# bash completion for mutasi: verbs (from `mutasi --help`), their words,
# plan ids (from `mutasi plan list --format csv`, so only those the user
# may see; nothing when the user has no role), files and directories.
# Installed as PREFIX/share/bash-completion/completions/mutasi.

# The global options given so far (--db, --config), for the plan list.
_mutasi_globals()
{
    local i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            --db|--config) printf '%s\n%s\n' "${COMP_WORDS[i]}" "${COMP_WORDS[i+1]}" ;;
            --db=*|--config=*) printf '%s\n' "${COMP_WORDS[i]}" ;;
        esac
    done
}

_mutasi_plan_ids()
{
    local -a globals
    mapfile -t globals < <(_mutasi_globals)
    "$1" "${globals[@]}" plan list --format csv 2>/dev/null | tail -n +2 | cut -d, -f1
}

_mutasi_verbs()
{
    "$1" --help 2>/dev/null | awk '/^Verbs:/ { on = 1; next } on && /^$/ { exit }
        on && /^  [a-z]/ { print $1 }'
}

# Files (with an extension pattern) or directories (-d): bash-completion's
# _filedir where it is loaded, else plain compgen.
_mutasi_files()
{
    if declare -F _filedir >/dev/null; then
        _filedir "$@"
    elif [[ ${1:-} == -d ]]; then
        mapfile -t COMPREPLY < <(compgen -d -- "$cur")
    else
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    fi
}

_mutasi()
{
    local cur prev words cword
    if declare -F _init_completion >/dev/null; then
        _init_completion -s || return
    else
        words=("${COMP_WORDS[@]}") cword=$COMP_CWORD
        cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    fi
    local prog=${words[0]}

    case $prev in
        --db|--config) _mutasi_files -d; return ;;
        --output|--script|--dump|--bytes|--dump-graph) _mutasi_files; return ;;
        --format) COMPREPLY=($(compgen -W 'csv text xlsx' -- "$cur")); return ;;
        --by) COMPREPLY=($(compgen -W 'unit district job_family' -- "$cur")); return ;;
        --reason|--note|--number|--date|--tmt|--signer|--staff|--seed|--max-moves) return ;;
    esac

    # The verb: the first word that is neither an option nor its value.
    local i verb="" vi=0
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            --db|--config) ((i++)) ;;
            -*) ;;
            *) verb=${words[i]}; vi=$i; break ;;
        esac
    done
    if [[ -z $verb ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W '--db --config --help --version --script --dump --size' -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$(_mutasi_verbs "$prog")" -- "$cur"))
        fi
        return
    fi
    local n=$((cword - vi))        # 1: the word after the verb
    local sub=${words[vi+1]}
    case $verb in
        import)
            if ((n == 1)); then
                COMPREPLY=($(compgen -W 'units positions staff preferences' -- "$cur"))
            else
                _mutasi_files '@(csv|CSV|xlsx|XLSX)'
            fi ;;
        export)
            if ((n == 1)); then
                COMPREPLY=($(compgen -W 'units positions staff workload plan training' -- "$cur"))
            elif ((n == 2)) && [[ $sub == plan || $sub == training ]]; then
                COMPREPLY=($(compgen -W "$(_mutasi_plan_ids "$prog")" -- "$cur"))
            else
                COMPREPLY=($(compgen -W '--format --output' -- "$cur"))
            fi ;;
        staff) ((n == 1)) && COMPREPLY=($(compgen -W 'show find' -- "$cur")) ;;
        audit) COMPREPLY=($(compgen -W '--verify' -- "$cur")) ;;
        inbox) COMPREPLY=($(compgen -W '--format' -- "$cur")) ;;
        followup)
            if ((n == 1)); then
                COMPREPLY=($(compgen -W "$(_mutasi_plan_ids "$prog")" -- "$cur"))
            else
                COMPREPLY=($(compgen -W '--format' -- "$cur"))
            fi ;;
        backup) _mutasi_files -d ;;
        demo) COMPREPLY=($(compgen -W '--staff --seed --no-plans' -- "$cur")) ;;
        policy)
            if ((n == 1)); then COMPREPLY=($(compgen -W 'check' -- "$cur")); else _mutasi_files -d; fi ;;
        workload) COMPREPLY=($(compgen -W '--by --format' -- "$cur")) ;;
        check) [[ $cur == -* ]] && COMPREPLY=($(compgen -W '--own-request' -- "$cur")) ;;
        plan)
            if ((n == 1)); then
                COMPREPLY=($(compgen -W 'new list show check add drop suggest submit verify
                    review approve return reject cancel strike object answer issue-sk apply' -- "$cur"))
            elif ((n == 2)) && [[ $sub != new && $sub != list ]]; then
                COMPREPLY=($(compgen -W "$(_mutasi_plan_ids "$prog")" -- "$cur"))
            elif [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W '--format --reason --note --number --date --tmt
                    --signer --max-moves --dump-graph --verbose' -- "$cur"))
            fi ;;
    esac
}
complete -F _mutasi mutasi
