# bash completion for cpr-stats (installed as
# PREFIX/share/bash-completion/completions/cpr-stats by `make install`).
# Commands and options are read from the binary's own --help when you press
# TAB, so they are never out of date; variable names come from `cpr-stats
# vars` (the bundled catalogue), or from the header row of the --data files
# already on the command line.

# The binary being completed: the word typed (./cpr-stats, a path) when it runs.
_cpr_stats_bin()
{
    local b=${COMP_WORDS[0]}
    b=${b/#\~/$HOME}
    if [[ $b == */* && -x $b ]]; then printf '%s\n' "$b"; else printf 'cpr-stats\n'; fi
}

# Variable names: columns of the --data files given, else the catalogue.
_cpr_stats_vars()
{
    local bin=$1 i f files=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        --data | -d) f=${COMP_WORDS[i + 1]-} ;;
        --data=*) f=${COMP_WORDS[i]#--data=} ;;
        *) continue ;;
        esac
        f=${f/#\~/$HOME}
        [[ -r $f ]] && files+=("$f")
    done
    if ((${#files[@]})); then
        for f in "${files[@]}"; do
            head -n 1 -- "$f" 2>/dev/null | tr -d '\r"' | tr ',;\t' '\n\n\n'
        done
    else
        "$bin" vars 2>/dev/null | awk 'NR > 1 && !seen[$1]++ { print $1 }'
    fi
}

_cpr_stats()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local bin cmd i help
    bin=$(_cpr_stats_bin)
    COMPREPLY=()

    # the command: the first word after cpr-stats that is not an option
    for ((i = 1; i < COMP_CWORD; i++)); do
        [[ ${COMP_WORDS[i]} != -* ]] && { cmd=${COMP_WORDS[i]}; break; }
    done
    if [[ -z ${cmd-} ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W '--help --version' -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$("$bin" --help 2>/dev/null |
                awk '/^Commands:/ { f = 1; next } f && /^$/ { exit } f { print $1 }') help" -- "$cur"))
        fi
        return
    fi
    help=$("$bin" "$cmd" --help 2>/dev/null) || return

    # the argument of the option before the cursor: its help line says what it is
    if [[ $prev == -* ]]; then
        local line arg
        line=$(printf '%s\n' "$help" | grep -E -- "^  (-., )?[ ]*(${prev//[^a-zA-Z0-9-]/})( |,|$)|^  ${prev//[^a-zA-Z0-9-]/}, " | head -n 1)
        if [[ -n $line ]]; then
            arg=$(printf '%s\n' "$line" | sed -E 's/^  (-., )?[ ]*--[a-z0-9-]+ ?//; s/ .*//')
            case $arg in
            '') ;;   # a flag: fall through to the next word
            *FILE* | *.json* | *.gp* | DIR)
                COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
            VAR* | LIST | NAME | X | Y)
                local pre=
                [[ $cur == *,* ]] && pre=${cur%,*},
                COMPREPLY=($(compgen -P "$pre" -W "$(_cpr_stats_vars "$bin")" -- "${cur##*,}"))
                compopt -o nospace 2>/dev/null
                return ;;
            *)
                # a list of choices in the text, e.g. "ols|pooled|fe|re"
                local choices
                choices=$(printf '%s\n' "$line" | grep -oE '[a-z0-9_.]+(\|[a-z0-9_.]+)+' | head -n 1 | tr '|' ' ')
                [[ -n $choices ]] && COMPREPLY=($(compgen -W "$choices" -- "$cur"))
                return ;;
            esac
        fi
    fi

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(printf '%s\n' "$help" | grep -oE -- '^  (-[a-zA-Z], )?[ ]*--[a-z0-9-]+' | grep -oE -- '--[a-z0-9-]+')" -- "$cur"))
        return
    fi
    case $cmd in
    run) COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null ;;
    table) COMPREPLY=($(compgen -f -X '!*.json' -- "$cur") $(compgen -d -- "$cur")); compopt -o filenames 2>/dev/null ;;
    help) COMPREPLY=($(compgen -W "$("$bin" --help 2>/dev/null |
              awk '/^Commands:/ { f = 1; next } f && /^$/ { exit } f { print $1 }')" -- "$cur")) ;;
    plot)
        local sub=
        for ((i = i + 1; i < COMP_CWORD; i++)); do
            [[ ${COMP_WORDS[i]} != -* && ${COMP_WORDS[i - 1]} != -* ]] && { sub=${COMP_WORDS[i]}; break; }
        done
        if [[ -z $sub ]]; then COMPREPLY=($(compgen -W 'scatter series binned coef' -- "$cur"))
        elif [[ $sub == coef ]]; then COMPREPLY=($(compgen -f -X '!*.json' -- "$cur") $(compgen -d -- "$cur")); compopt -o filenames 2>/dev/null
        else COMPREPLY=($(compgen -W "$(_cpr_stats_vars "$bin")" -- "$cur"))
        fi ;;
    reproduce | describe) ;;
    *) COMPREPLY=($(compgen -W "$(_cpr_stats_vars "$bin")" -- "$cur")) ;;
    esac
}
complete -F _cpr_stats cpr-stats ./cpr-stats
