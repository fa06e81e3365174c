#pragma once

#include "etl/etlresult.h"
#include "ui/shell/tone.h"

#include <QDateTime>
#include <QString>

namespace qaconsole::ui {

// One finished load as the Data load page and the wizard's Summary show it: the engine's result
// (counts per table, checks, reject file) and what it means for the user, decided here once so
// both views say the same.
struct LoadOutcome
{
    etl::EtlResult result;
    QString sourceDir;     // where the files came from; may be empty
    QString targetAddress; // "host:port", never the connection string; may be empty
    QDateTime finishedAt;

    QString status; // the pill: "Loaded", "Cancelled", "Failed"
    Tone statusTone = Tone::Neutral;
    QString route; // "from <folder> into <host:port>"
    QString note;  // why the new tables were not swapped in; empty when they were
    Tone noteTone = Tone::Neutral;
    qint64 rowsRead = 0;      // over the three files
    double rowsPerSecond = 0; // 0: not known (nothing was timed)
};

// Decides the outcome of `result`. A failure's text may quote a connection string: its password
// is masked.
LoadOutcome loadOutcome(const etl::EtlResult& result, const QString& sourceDir,
                        const QString& targetAddress, const QDateTime& finishedAt);

} // namespace qaconsole::ui
