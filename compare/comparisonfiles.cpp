#include "compare/comparisonfiles.h"

#include "loadgen/capacityfiles.h"
#include "report/htmlreport.h"
#include "report/pdfreport.h"
#include "report/reportjson.h"

#include <QDir>

namespace qaconsole::compare {

namespace {

// "2-1-instance-redis": a folder name from a run's place and tier name.
QString runFolderName(int index, const TierRun& run)
{
    QString name;
    for (const QChar c : (run.spec.name + u' ' + run.policyName).toLower()) {
        if (c.isLetterOrNumber())
            name += c;
        else if (!name.isEmpty() && !name.endsWith(u'-'))
            name += u'-';
    }
    while (name.endsWith(u'-'))
        name.chop(1);
    return QStringLiteral("%1-%2").arg(index + 1).arg(name);
}

} // namespace

WrittenReport writeComparison(const QString& folder, const report::ReportModel& model,
                              const std::vector<TierRun>& runs,
                              const std::optional<report::ReportModel>& earlier)
{
    WrittenReport written;
    if (!QDir().mkpath(folder)) {
        written.error = QStringLiteral("cannot create the folder %1").arg(folder);
        return written;
    }
    const QDir dir(folder);
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const QString runFolder =
            dir.filePath(QStringLiteral("runs/") + runFolderName(int(i), runs[i]));
        if (const auto status = loadgen::writeCapacityFiles(runFolder, runs[i].capacity); !status) {
            written.error = status.error().text();
            return written;
        }
    }
    written.json = dir.filePath(QStringLiteral("report.json"));
    written.html = dir.filePath(QStringLiteral("report.html"));
    written.pdf = dir.filePath(QStringLiteral("report.pdf"));
    for (const auto& status : {report::writeReportJson(model, written.json),
                               report::writeHtmlReport(model, written.html, earlier),
                               report::writePdfReport(model, written.pdf, earlier)}) {
        if (!status) {
            written.error = status.error().text();
            return written;
        }
    }
    return written;
}

} // namespace qaconsole::compare
