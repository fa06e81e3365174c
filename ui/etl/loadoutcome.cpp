#include "ui/etl/loadoutcome.h"

#include "pg/redact.h"

#include <QCoreApplication>
#include <QDir>
#include <QStringList>

namespace qaconsole::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("qaconsole::ui::LoadOutcome", text);
}

} // namespace

LoadOutcome loadOutcome(const etl::EtlResult& result, const QString& sourceDir,
                        const QString& targetAddress, const QDateTime& finishedAt)
{
    LoadOutcome outcome;
    outcome.result = result;
    outcome.sourceDir = sourceDir;
    outcome.targetAddress = targetAddress;
    outcome.finishedAt = finishedAt;

    if (result.ok()) {
        outcome.status = tr("Loaded");
        outcome.statusTone = Tone::Good;
    } else if (result.cancelled()) {
        outcome.status = tr("Cancelled");
        outcome.statusTone = Tone::Neutral;
        outcome.note =
            tr("Stopped on request. The tables in the database are as they were before.");
        outcome.noteTone = Tone::Neutral;
    } else {
        outcome.status = tr("Failed");
        outcome.statusTone = Tone::Bad;
        // A failed verification is the engine's verdict on its own work, not a file's fault.
        outcome.note = result.error->kind == etl::ErrorKind::VerificationFailed
                           ? tr("Not every check passed, so the new tables were not swapped in.")
                           : pg::redactSecrets(result.error->text());
        outcome.noteTone = Tone::Bad;
    }

    QStringList route;
    if (!sourceDir.isEmpty())
        route << tr("from %1").arg(QDir::toNativeSeparators(sourceDir));
    if (!targetAddress.isEmpty())
        route << tr("into %1").arg(targetAddress);
    outcome.route = route.join(u' ');

    for (etl::Table table : etl::kTables)
        outcome.rowsRead += result.counts(table).rowsRead;
    if (result.elapsedMs > 0)
        outcome.rowsPerSecond = double(outcome.rowsRead) * 1000.0 / double(result.elapsedMs);
    return outcome;
}

} // namespace qaconsole::ui
