#include "ui/loadtest/runrecord.h"

#include "loadgen/savedruns.h"

#include <QCoreApplication>

namespace qaconsole::ui {

QString RunRecord::label() const
{
    if (number == 0) // another day, perhaps: the date too
        return QCoreApplication::translate("qaconsole::ui::RunRecord", "Saved · %1")
            .arg(started.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    return QCoreApplication::translate("qaconsole::ui::RunRecord", "Run %1 · %2")
        .arg(number)
        .arg(started.toString(QStringLiteral("HH:mm:ss")));
}

QString RunRecord::shortLabel() const
{
    return number == 0 ? started.toString(QStringLiteral("MM-dd HH:mm")) : label();
}

RunRecord RunRecord::fromSaved(const loadgen::SavedRun& run)
{
    RunRecord record;
    record.started = run.started();
    record.scenario = run.scenario;
    record.summary = run.summary;
    record.rows = run.rows;
    record.folder = run.folder;
    return record;
}

} // namespace qaconsole::ui
