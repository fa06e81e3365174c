#pragma once

#include "app/commandspec.h"

#include <QList>
#include <QString>

namespace qaconsole::app {

// A command as the documents show it: `qaconsole NAME` and its command line.
struct DocumentedCommand
{
    QString name;
    CommandLineSpec spec;
};

// The command lines the documents are made of: the program's and every command's, with the
// defaults written for every user (CommonOptions::Defaults::Documented).
struct CommandDocs
{
    CommandLineSpec topLevel;
    QList<DocumentedCommand> commands;
};
CommandDocs documentedCommandLines();

// Pure: qaconsole(1) in roff (man(7) macros). The top-level options under OPTIONS, then a
// subsection per command with its own options; an option a command shares with the top level
// (same names, same text) is named there, not described again. Every option of every command
// appears in bold (\fB...\fR), and nothing else does.
QString manPage(const CommandDocs& docs, const QString& version);

// Pure: a bash completion script defining _qaconsole for `complete -F`: commands, each command's
// options and actions, action arguments (words and files), and files or folders after options
// whose value is a FILE or a DIR.
QString bashCompletion(const CommandDocs& docs);

// `qaconsole help-man` and `qaconsole help-completion bash` (hidden; the build runs them to make
// the installed man page and completion): the document on stdout. `arguments` starts with the
// command's name.
int runDocsCommand(const QStringList& arguments);

} // namespace qaconsole::app
