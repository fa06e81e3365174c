// qaconsole(1), written from the same command lines the parsers answering --help are filled
// from (commandspec.h), so the page cannot miss or invent an option.

#include "app/commanddocs.h"
#include "app/commandline.h"
#include "app/etlcommand.h"
#include "app/loadtestcommand.h"

#include <algorithm>

namespace qaconsole::app {

namespace {

// Text as roff reads it literally: backslashes escaped, and a minus that starts a word (an
// option) written as \- so it stays a minus sign; a hyphen inside a word stays a hyphen.
QString roffText(const QString& text)
{
    QString out;
    out.reserve(text.size() + 16);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\')
            out += QStringLiteral("\\e");
        else if (c == u'-' && (i == 0 || !text.at(i - 1).isLetterOrNumber()))
            out += QStringLiteral("\\-");
        else
            out += c;
    }
    return out;
}

// A line of running text: roff takes a leading "." or "'" for a request.
QString roffLine(const QString& text)
{
    const QString line = roffText(text);
    return line.startsWith(u'.') || line.startsWith(u'\'') ? QStringLiteral("\\&") + line : line;
}

// An option as typed: every "-" a minus sign, so it can be copied from the page.
QString optionName(const QString& name)
{
    QString typed = (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
    return QStringLiteral("\\fB") + typed.replace(u'-', QStringLiteral("\\-")) +
           QStringLiteral("\\fR");
}

QString italic(const QString& text)
{
    return QStringLiteral("\\fI") + roffText(text) + QStringLiteral("\\fR");
}

// A --help description: runs of lines become filled paragraphs, blank lines separate them, and
// indented lines (a table in the help) are kept as they are.
QString paragraphs(const QString& description)
{
    QString out;
    bool inTable = false;
    bool paragraphOpen = false;
    for (const QString& line : description.split(u'\n')) {
        const bool indented = line.startsWith(QStringLiteral("  "));
        if (indented != inTable) {
            // A table right under its introducing line ("Commands:") stays in that paragraph.
            if (inTable)
                out += QStringLiteral(".fi\n");
            else
                out += paragraphOpen ? QStringLiteral(".nf\n") : QStringLiteral(".PP\n.nf\n");
            inTable = indented;
            paragraphOpen = false;
        }
        if (line.trimmed().isEmpty()) {
            paragraphOpen = false;
            continue;
        }
        if (!inTable && !paragraphOpen) {
            out += QStringLiteral(".PP\n");
            paragraphOpen = true;
        }
        out += roffLine(inTable ? line : line.trimmed()) + u'\n';
    }
    if (inTable)
        out += QStringLiteral(".fi\n");
    return out;
}

// "\fB\-o\fR, \fB\-\-out\fR \fIDIR\fR"
QString optionTag(const QCommandLineOption& option)
{
    QStringList names;
    for (const QString& name : option.names())
        names << optionName(name);
    QString tag = names.join(QStringLiteral(", "));
    if (!option.valueName().isEmpty())
        tag += u' ' + italic(option.valueName());
    return tag;
}

QString optionList(const QList<QCommandLineOption>& options)
{
    QString out;
    for (const QCommandLineOption& option : options) {
        if (option.flags() & QCommandLineOption::HiddenFromHelp)
            continue;
        out += QStringLiteral(".TP\n") + optionTag(option) + u'\n' +
               roffLine(option.description().simplified()) + u'\n';
    }
    return out;
}

bool sameOption(const QCommandLineOption& a, const QCommandLineOption& b)
{
    return a.names() == b.names() && a.description() == b.description() &&
           a.valueName() == b.valueName();
}

QString commandSection(const DocumentedCommand& command, const CommandLineSpec& topLevel)
{
    QString out =
        QStringLiteral(".SS \"qaconsole %1\"\n")
            .arg(roffText(QString(command.name + u' ' + command.spec.actionSyntax()).trimmed()));
    out += paragraphs(command.spec.description);
    QList<QCommandLineOption> own;
    QStringList shared;
    for (const QCommandLineOption& option : command.spec.options) {
        const bool isShared =
            std::any_of(topLevel.options.begin(), topLevel.options.end(),
                        [&](const QCommandLineOption& top) { return sameOption(top, option); });
        if (!isShared) {
            own << option;
            continue;
        }
        for (const QString& name : option.names())
            shared << optionName(name);
    }
    out += optionList(own);
    if (!shared.isEmpty())
        out += QStringLiteral(".PP\nAlso ") + shared.join(QStringLiteral(", ")) +
               QStringLiteral(", as under \\%OPTIONS.\n");
    return out;
}

} // namespace

QString manPage(const CommandDocs& docs, const QString& version)
{
    QString out;
    out += QStringLiteral(".\\\" Written by `qaconsole help-man` from the command lines that "
                          "--help shows; do not edit.\n");
    out += QStringLiteral(".TH QACONSOLE 1 \"\" \"qaconsole %1\" \"User Commands\"\n")
               .arg(roffText(version));
    out += QStringLiteral(".SH NAME\nqaconsole \\- %1: PostgreSQL, Redis, data loads, the Q&A "
                          "API, its cache and load tests\n")
               .arg(roffText(docs.topLevel.summary));

    out += QStringLiteral(".SH SYNOPSIS\n");
    out += QStringLiteral(".B qaconsole\n[\\fIoptions\\fR]\n");
    for (const DocumentedCommand& command : docs.commands) {
        out += QStringLiteral(".br\n.B qaconsole %1\n").arg(roffText(command.name));
        if (!command.spec.actionSyntax().isEmpty())
            out += italic(command.spec.actionSyntax()) + u' ';
        out += QStringLiteral("[\\fIoptions\\fR]\n");
    }

    out += QStringLiteral(".SH DESCRIPTION\n") + paragraphs(docs.topLevel.description);
    out += QStringLiteral(".SH OPTIONS\n") + optionList(docs.topLevel.options);
    out += QStringLiteral(".SH COMMANDS\n");
    for (const DocumentedCommand& command : docs.commands)
        out += commandSection(command, docs.topLevel);

    out += QStringLiteral(".SH EXIT STATUS\n.TP\n%1\nSuccess.\n.TP\n%2\nA service failed or "
                          "could not be reached.\n.TP\n%3\nBad usage or bad settings (one line "
                          "per reason; nothing is started).\n.TP\n%4\n\\fBetl\\fR: the source "
                          "files were refused (a file missing or unreadable, a header that does "
                          "not fit, a file with no valid row, more rejects than "
                          "\\fB\\-\\-max\\-rejects\\fR allows); the previous tables are "
                          "untouched.\n.TP\n%5\n\\fBloadtest\\fR: the run "
                          "went through but a threshold failed.\n.TP\n%6\n\\fBetl\\fR, "
                          "\\fBgen\\fR: interrupted (Ctrl\\-C or SIGTERM); the previous tables "
                          "or files are untouched.\n")
               .arg(ExitOk)
               .arg(ExitFailure)
               .arg(ExitUsage)
               .arg(ExitRefused)
               .arg(ExitThresholdFailed)
               .arg(ExitInterrupted);
    out += QStringLiteral(
        ".SH FILES\n.TP\n~/.config/qaconsole/qaconsole.ini\nSettings (\\fB\\-\\-settings\\fR).\n"
        ".TP\n~/.local/share/qaconsole\nThe managed stack, load test runs "
        "(\\fB\\-\\-data\\-dir\\fR; /var/lib/qaconsole as root).\n"
        ".TP\n/usr/share/qaconsole/policies\nThe cache policy presets, as files for "
        "\\fBcache apply\\fR and \\fBserve \\-\\-cache\\-policy\\fR.\n"
        ".TP\n/usr/share/qaconsole/scenarios\nLoad test scenarios to open in the window or to "
        "start from.\n"
        ".TP\n/usr/share/doc/qaconsole/user\\-guide.md\nThe user guide: a first load test in five "
        "minutes, each page of the window, troubleshooting.\n");
    out += QStringLiteral(".SH SEE ALSO\n.BR psql (1),\n.BR redis\\-cli (1),\n.BR nginx (8)\n");
    return out;
}

} // namespace qaconsole::app
