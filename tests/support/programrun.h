#pragma once

#include <QString>
#include <QStringList>

namespace qaconsole::testing {

// What a program run to its end left: exit code (-1 when it crashed or timed out), stdout and
// stderr.
struct ProgramRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs `program` with `arguments` and waits for it, killing it after `timeoutMs` (the
// command-line tests' guard against a hang; "timed out" in err then).
ProgramRun runProgram(const QString& program, const QStringList& arguments,
                      int timeoutMs = 180'000);

} // namespace qaconsole::testing
