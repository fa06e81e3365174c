#include "ui/capacity/reportwriting.h"

#include "report/reportjson.h"

#include <QDir>
#include <QFileInfo>

namespace qaconsole::ui {

namespace {

// What tells two reports' runs apart: each tier's name and policy, in order.
QStringList runKeys(const report::ReportModel& model)
{
    QStringList keys;
    for (const report::ReportTier& tier : model.tiers)
        keys << tier.name + u'\n' + tier.policyName;
    return keys;
}

} // namespace

std::optional<report::ReportModel> earlierReport(const QString& folder,
                                                 const report::ReportModel& model)
{
    const QFileInfo here(folder);
    const QDir parent = here.absoluteDir();
    const QStringList keys = runKeys(model);
    std::optional<report::ReportModel> newest;
    for (const QFileInfo& sibling : parent.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (sibling.absoluteFilePath() == here.absoluteFilePath())
            continue;
        const QString json =
            QDir(sibling.absoluteFilePath()).filePath(QStringLiteral("report.json"));
        if (!QFileInfo::exists(json))
            continue;
        report::ReportResult<report::ReportModel> read = report::readReportJson(json);
        if (!read || runKeys(read.value()) != keys)
            continue;
        if (!newest || read.value().generatedAt > newest->generatedAt)
            newest = std::move(read).value();
    }
    return newest;
}

compare::WrittenReport writeCapacityReport(const QString& folder, const report::ReportModel& model,
                                           const std::vector<compare::TierRun>& runs)
{
    return compare::writeComparison(folder, model, runs, earlierReport(folder, model));
}

} // namespace qaconsole::ui
