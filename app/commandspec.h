#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace qaconsole::app {

class CommonOptions;

// A positional argument as QCommandLineParser::addPositionalArgument takes it.
struct PositionalSpec
{
    QString name;
    QString description;
    QString syntax;
};

// A word that may follow a command ("start", "apply") and what its one argument may be: the
// shell completion offers these, the top-level help and the man page list them.
struct ActionSpec
{
    ActionSpec(const QString& name, const QStringList& choices = {}, bool fileArgument = false)
        : name(name), choices(choices), fileArgument(fileArgument)
    {}

    QString name;
    QStringList choices; // words the argument may be ("questions", "answers", "all")
    bool fileArgument;   // the argument may also be a file
};

// The command line of the program or of one command, as data. The parser that answers --help
// is filled from it (applyTo), and so are the man page and the shell completion, so the three
// list the same options.
struct CommandLineSpec
{
    QString summary;     // one line: the top-level help's list of commands, the man page
    QString description; // the text --help shows above the options ("\n" breaks lines)
    QList<PositionalSpec> positionals;
    QList<ActionSpec> actions;
    QList<QCommandLineOption> options; // all of them, -h/--help and the common ones included

    void applyTo(QCommandLineParser& parser) const;
    // "start|stop|status", or empty for a command without actions.
    QString actionSyntax() const;
};

// The program's own --help and --version.
struct TopLevelOptions
{
    QCommandLineOption help;
    QCommandLineOption version;
    TopLevelOptions();
};

// -h/--help, as every command has it.
QCommandLineOption helpOption();

using CommandRunner = int (*)(const QStringList& arguments, const QCommandLineParser& topLevel,
                              const CommonOptions& common);

// One command of `qaconsole COMMAND`: its name, its command line and what runs it.
struct CommandSpec
{
    QString name;
    CommandLineSpec (*commandLine)(const CommonOptions& common);
    CommandRunner run;
};

// Every command, in the order the help lists them.
QList<CommandSpec> commandSpecs();

// The program's command line without a command (the window), its description ending with the
// list of commands from commandSpecs().
CommandLineSpec topLevelCommandLine(const TopLevelOptions& options, const CommonOptions& common);

} // namespace qaconsole::app
