// The man page and the bash completion against --help, as the built program prints all three:
// every option that `qaconsole --help` and `qaconsole COMMAND --help` list is in the man page's
// section of that command and offered by the completion in that command's context, and neither
// names an option --help does not. No service is started.

#include "tests/support/programrun.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = qaconsole::testing::ProgramRun;

Run program(const QStringList& arguments)
{
    return qaconsole::testing::runProgram(QStringLiteral(QACONSOLE_BINARY), arguments, 60'000);
}

// The options in the left column of a --help text ("  -o, --out <DIR>  Folder ...").
QSet<QString> helpOptions(const QString& help)
{
    static const QRegularExpression row(QStringLiteral("^  (-\\S.*?)(?:\\s{2,}|$)"),
                                        QRegularExpression::MultilineOption);
    static const QRegularExpression name(QStringLiteral("--?[A-Za-z0-9][A-Za-z0-9-]*"));
    QSet<QString> options;
    for (auto rows = row.globalMatch(help); rows.hasNext();)
        for (auto names = name.globalMatch(rows.next().captured(1)); names.hasNext();)
            options.insert(names.next().captured(0));
    return options;
}

// The commands the top-level help lists under "Commands:".
QStringList helpCommands(const QString& help)
{
    const QString list =
        help.section(QStringLiteral("Commands:\n"), 1).section(QStringLiteral("\n\n"), 0, 0);
    QStringList commands;
    for (const QString& line : list.split(u'\n', Qt::SkipEmptyParts))
        commands << line.trimmed().section(u' ', 0, 0);
    return commands;
}

// The bold options (\fB\-\-out\fR) of one part of the man page, as typed.
QSet<QString> manOptions(const QString& roff)
{
    static const QRegularExpression bold(QStringLiteral(R"(\\fB(\\-(?:\\-|[-A-Za-z0-9])*)\\fR)"));
    QSet<QString> options;
    for (auto matches = bold.globalMatch(roff); matches.hasNext();)
        options.insert(
            matches.next().captured(1).replace(QStringLiteral("\\-"), QStringLiteral("-")));
    return options;
}

// A man page section: from its heading (".SH OPTIONS", ".SS \"qaconsole gen\"") to the next.
QString manSection(const QString& roff, const QString& heading)
{
    const QRegularExpression headingLine(QRegularExpression::escape(heading) + u"[ \"\n]");
    const qsizetype start = roff.indexOf(headingLine);
    if (start < 0)
        return {};
    static const QRegularExpression next(QStringLiteral("^\\.S[HS] "),
                                         QRegularExpression::MultilineOption);
    const auto end = next.match(roff, start + heading.size());
    return roff.mid(start, end.hasMatch() ? end.capturedStart() - start : -1);
}

QString sortedList(const QSet<QString>& set)
{
    QStringList list(set.begin(), set.end());
    list.sort();
    return list.join(u' ');
}

} // namespace

class TestCommandDocs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const Run help = program({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        m_topLevelHelp = help.out;
        m_commands = helpCommands(help.out);
        QVERIFY2(m_commands.size() >= 6, qPrintable(m_commands.join(u' ')));

        const Run man = program({QStringLiteral("help-man")});
        QCOMPARE(man.exitCode, 0);
        m_man = man.out;
        const Run completion = program({QStringLiteral("help-completion"), QStringLiteral("bash")});
        QCOMPARE(completion.exitCode, 0);
        QVERIFY(m_completionDir.isValid());
        m_completionFile = m_completionDir.filePath(QStringLiteral("qaconsole"));
        QFile file(m_completionFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(completion.out.toUtf8());
    }

    void manPageHasEveryOptionOfEachCommand()
    {
        const QSet<QString> topLevel = helpOptions(m_topLevelHelp);
        QCOMPARE(sortedList(manOptions(manSection(m_man, QStringLiteral(".SH OPTIONS")))),
                 sortedList(topLevel));
        for (const QString& command : m_commands) {
            const Run help = program({command, QStringLiteral("--help")});
            QCOMPARE(help.exitCode, 0);
            const QString section =
                manSection(m_man, QStringLiteral(".SS \"qaconsole %1").arg(command));
            QVERIFY2(!section.isEmpty(), qPrintable(command));
            QCOMPARE(sortedList(manOptions(section)), sortedList(helpOptions(help.out)));
        }
    }

    void completionOffersEveryOptionOfEachCommand()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("bash")).isEmpty())
            QSKIP("bash is not installed");
        QCOMPARE(sortedList(complete({QStringLiteral("-")})),
                 sortedList(helpOptions(m_topLevelHelp)));
        QCOMPARE(sortedList(complete({QString()})),
                 sortedList(QSet<QString>(m_commands.begin(), m_commands.end())));
        for (const QString& command : m_commands) {
            const Run help = program({command, QStringLiteral("--help")});
            QCOMPARE(help.exitCode, 0);
            QCOMPARE(sortedList(complete({command, QStringLiteral("-")})),
                     sortedList(helpOptions(help.out)));
        }
    }

    void completionOffersActionsAndTheirArguments()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("bash")).isEmpty())
            QSKIP("bash is not installed");
        QCOMPARE(sortedList(complete({QStringLiteral("stack"), QString()})),
                 QStringLiteral("start status stop"));
        // A value is skipped: after "--data-dir DIR" the action is still to come.
        QCOMPARE(sortedList(complete({QStringLiteral("stack"), QStringLiteral("--data-dir"),
                                      QStringLiteral("/tmp"), QStringLiteral("st")})),
                 QStringLiteral("start status stop"));
        QCOMPARE(
            sortedList(complete({QStringLiteral("cache"), QStringLiteral("flush"), QString()})),
            QStringLiteral("all answers questions"));
        QVERIFY(complete({QStringLiteral("cache"), QStringLiteral("apply"), QStringLiteral("bal")})
                    .contains(QStringLiteral("balanced")));
        // A FILE value completes files: the completion script itself is one.
        QVERIFY(complete({QStringLiteral("serve"), QStringLiteral("--cache-policy"),
                          m_completionDir.path() + u'/'})
                    .contains(m_completionFile));
    }

    void manPageRendersWithoutWarnings()
    {
        const QString groff = QStandardPaths::findExecutable(QStringLiteral("groff"));
        if (groff.isEmpty())
            QSKIP("groff is not installed");
        const QString page = m_completionDir.filePath(QStringLiteral("qaconsole.1"));
        QFile file(page);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(m_man.toUtf8());
        file.close();
        // What lintian runs on a man page, less the pager: every groff warning is a finding.
        const Run render =
            qaconsole::testing::runProgram(groff,
                                           {QStringLiteral("-man"), QStringLiteral("-ww"),
                                            QStringLiteral("-z"), QStringLiteral("-Tutf8"), page},
                                           60'000);
        QCOMPARE(render.exitCode, 0);
        QCOMPARE(render.err, QString());
    }

private:
    // What the completion offers when the words after "qaconsole" are `words`, the last being
    // the one under the cursor.
    QSet<QString> complete(const QStringList& words) const
    {
        QStringList quoted{QStringLiteral("qaconsole")};
        for (const QString& word : words)
            quoted << u'\'' + QString(word).replace(u'\'', QStringLiteral("'\\''")) + u'\'';
        const QString script =
            QStringLiteral("source '%1' && COMP_WORDS=(%2) && COMP_CWORD=%3 && _qaconsole && "
                           "printf '%s\\n' \"${COMPREPLY[@]}\"")
                .arg(m_completionFile, quoted.join(u' '))
                .arg(words.size());
        const Run run = qaconsole::testing::runProgram(
            QStringLiteral("bash"), {QStringLiteral("--norc"), QStringLiteral("-c"), script},
            60'000);
        if (run.exitCode != 0 || !run.err.isEmpty())
            qWarning("completion: %s", qPrintable(run.err));
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        return QSet<QString>(lines.begin(), lines.end());
    }

    QString m_topLevelHelp;
    QStringList m_commands;
    QString m_man;
    QTemporaryDir m_completionDir;
    QString m_completionFile;
};

QTEST_GUILESS_MAIN(TestCommandDocs)
#include "tst_commanddocs.moc"
