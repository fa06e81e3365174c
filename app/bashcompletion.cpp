// The bash completion, written from the same command lines that --help shows (commandspec.h).
// It needs nothing but bash: no helper of the bash-completion package.

#include "app/commanddocs.h"

namespace qaconsole::app {

namespace {

QStringList names(const QList<QCommandLineOption>& options, bool (*wanted)(const QString& value))
{
    QStringList out;
    for (const QCommandLineOption& option : options) {
        if (option.flags() & QCommandLineOption::HiddenFromHelp || !wanted(option.valueName()))
            continue;
        for (const QString& name : option.names())
            out << (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
    }
    return out;
}

bool any(const QString&)
{
    return true;
}
bool takesValue(const QString& value)
{
    return !value.isEmpty();
}
// A value name may offer alternatives ("FILE|NAME"): a file among them is completed as one.
bool takesFile(const QString& value)
{
    return value.split(u'|').contains(QStringLiteral("FILE"));
}
bool takesFolder(const QString& value)
{
    return value.split(u'|').contains(QStringLiteral("DIR"));
}

// The option lists of one context, as shell assignments.
QString contextAssignments(const CommandLineSpec& spec)
{
    QStringList actions;
    for (const ActionSpec& action : spec.actions)
        actions << action.name;
    return QStringLiteral("options='%1'\n        valued='%2'\n        files='%3'\n"
                          "        folders='%4'\n        actions='%5'")
        .arg(names(spec.options, any).join(u' '), names(spec.options, takesValue).join(u' '),
             names(spec.options, takesFile).join(u' '), names(spec.options, takesFolder).join(u' '),
             actions.join(u' '));
}

} // namespace

QString bashCompletion(const CommandDocs& docs)
{
    QString contexts;
    QString arguments;
    QStringList commands;
    for (const DocumentedCommand& command : docs.commands) {
        commands << command.name;
        contexts += QStringLiteral("    %1)\n        %2\n        ;;\n")
                        .arg(command.name, contextAssignments(command.spec));
        for (const ActionSpec& action : command.spec.actions) {
            if (action.choices.isEmpty() && !action.fileArgument)
                continue;
            arguments +=
                QStringLiteral("    '%1 %2')\n        choices='%3' argfile=%4\n        ;;\n")
                    .arg(command.name, action.name, action.choices.join(u' '),
                         action.fileArgument ? QStringLiteral("1") : QString());
        }
    }

    QString script = QStringLiteral(R"(# bash completion for qaconsole(1).
# Written by `qaconsole help-completion bash` from the command lines that --help shows; do not edit.

# What may be typed in the context of a command (empty: the program itself): its options, those
# that take a value, a file or a folder, and its actions.
_qaconsole_context()
{
    case $1 in
@CONTEXTS@    *)
        @TOPLEVEL@
        ;;
    esac
}

# The words the argument of an action may be ("$1 $2" is the command and the action), and
# whether it may also be a file.
_qaconsole_argument()
{
    choices='' argfile=''
    case "$1 $2" in
@ARGUMENTS@    esac
}

_qaconsole()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev='' command='' action='' given='' i word
    local options valued files folders actions choices argfile
    _qaconsole_context ''
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ " $valued " == *" $word "* ]]; then
            ((i++))
            continue
        fi
        [[ $word == -* ]] && continue
        if [[ -z $command ]]; then
            command=$word
            _qaconsole_context "$command"
        elif [[ -z $action ]]; then
            action=$word
        else
            given=1
        fi
    done
    ((COMP_CWORD > 1)) && prev=${COMP_WORDS[COMP_CWORD - 1]}

    COMPREPLY=()
    if [[ -n $prev && " $valued " == *" $prev "* ]]; then
        if [[ " $files " == *" $prev "* ]]; then
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        elif [[ " $folders " == *" $prev "* ]]; then
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -d -- "$cur")
        fi
        return 0
    fi
    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
    elif [[ -z $command ]]; then
        mapfile -t COMPREPLY < <(compgen -W '@COMMANDS@' -- "$cur")
    elif [[ -n $actions && -z $action ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$actions" -- "$cur")
    elif [[ -n $action && -z $given ]]; then
        _qaconsole_argument "$command" "$action"
        mapfile -t COMPREPLY < <(compgen -W "$choices" -- "$cur")
        if [[ -n $argfile ]]; then
            compopt -o filenames 2>/dev/null
            mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -f -- "$cur")
        fi
    fi
    return 0
}

complete -F _qaconsole qaconsole
)");
    script.replace(QStringLiteral("@CONTEXTS@"), contexts);
    script.replace(QStringLiteral("@TOPLEVEL@"), contextAssignments(docs.topLevel));
    script.replace(QStringLiteral("@ARGUMENTS@"), arguments);
    script.replace(QStringLiteral("@COMMANDS@"), commands.join(u' '));
    return script;
}

} // namespace qaconsole::app
