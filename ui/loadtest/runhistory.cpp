#include "ui/loadtest/runhistory.h"

#include "loadgen/resultexport.h"
#include "loadgen/savedruns.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>
#include <QStandardPaths>

namespace qaconsole::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("qaconsole::ui::LoadTestPage", text);
}

} // namespace

RunHistory::RunHistory(QString folder) : m_folder(std::move(folder)) {}

QString RunHistory::defaultFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("loadtests"));
}

QStringList RunHistory::loadSaved(int limit)
{
    const loadgen::SavedRunList saved = loadgen::readSavedRuns(m_folder, limit);
    // readSavedRuns() lists the newest first.
    for (auto run = saved.runs.rbegin(); run != saved.runs.rend(); ++run)
        m_runs.push_back(RunRecord::fromSaved(*run));
    return saved.notes;
}

const RunRecord* RunHistory::lastOfSession() const
{
    return m_sessionRuns > 0 ? &m_runs.back() : nullptr;
}

int RunHistory::add(RunRecord run)
{
    run.number = ++m_sessionRuns;
    // The number keeps two runs started in the same second apart.
    const QString name = QStringLiteral("run-%1-%2")
                             .arg(run.started.toString(QStringLiteral("yyyyMMdd-HHmmss")))
                             .arg(run.number);
    const QString folder = QDir(m_folder).filePath(name);
    if (const loadgen::LoadStatus written =
            loadgen::writeRunFiles(folder, run.scenario, run.summary, run.rows))
        run.folder = folder;
    else
        run.saveError = tr("The run's files could not be saved: %1").arg(written.error().text());
    m_runs.push_back(std::move(run));
    return size() - 1;
}

Status<RunFilesError> RunHistory::remove(int index)
{
    RunRecord& run = m_runs[std::size_t(index)];
    if (run.folder.isEmpty())
        return makeError(RunFilesError::NoFiles, tr("The run has no files to delete."));
    if (const loadgen::LoadStatus removed = loadgen::removeRunFiles(run.folder); !removed)
        return makeError(RunFilesError::Remove, removed.error().text());
    run.folder.clear();
    return {};
}

Status<RunFilesError> RunHistory::exportData(int index, const QString& path, RunExport format) const
{
    const RunRecord& run = at(index);
    const QByteArray bytes = format == RunExport::SummaryJson
                                 ? loadgen::summaryJson(run.scenario, run.summary)
                                 : loadgen::timeSeriesCsv(run.rows);
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return {};
    return makeError(
        RunFilesError::Write,
        tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()), path);
}

} // namespace qaconsole::ui
