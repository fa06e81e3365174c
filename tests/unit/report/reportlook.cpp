// Writes the sample comparison's report as a client gets it, to look at:
//   qac_report_look [DIR]     (default /tmp/report-look)
// DIR/report.html, report.pdf and report.json (compared with earlier.json, a month older), each
// chart as the PNG the HTML embeds (chart-*.png), and with pdftoppm installed each PDF page at
// 80 dpi (page-N.png). DIR/no-traffic/ holds the same without client traffic and with no
// scaling projection possible, the other way the report reads.

#include "report/chartrender.h"
#include "report/customplot.h"
#include "report/htmlreport.h"
#include "report/pdfreport.h"
#include "report/reportcharts.h"
#include "report/reportjson.h"
#include "samplereport.h"

#include <QApplication>
#include <QDir>
#include <QProcess>
#include <QStandardPaths>

#include <cstdio>

using namespace qaconsole::report;

namespace {

bool report(const ReportStatus& status)
{
    if (!status.ok())
        std::fprintf(stderr, "%s\n", qPrintable(status.errorText()));
    return status.ok();
}

bool writeReport(const ReportModel& model, const std::optional<ReportModel>& earlier,
                 const QDir& dir)
{
    if (!dir.mkpath(QStringLiteral(".")) ||
        !report(writeReportJson(model, dir.filePath(QStringLiteral("report.json")))) ||
        !report(writeHtmlReport(model, dir.filePath(QStringLiteral("report.html")), earlier)) ||
        !report(writePdfReport(model, dir.filePath(QStringLiteral("report.pdf")), earlier)))
        return false;
    const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
    if (!pdftoppm.isEmpty())
        QProcess::execute(pdftoppm,
                          {QStringLiteral("-r"), QStringLiteral("80"), QStringLiteral("-png"),
                           dir.filePath(QStringLiteral("report.pdf")),
                           dir.filePath(QStringLiteral("page"))});
    return true;
}

ReportModel withoutTraffic(ReportModel model)
{
    model.clientPeakRps = model.clientAverageRps = model.clientRequestsPerMonth = 0;
    for (ReportTier& tier : model.tiers) {
        tier.headroom = 0;
        tier.costAtTraffic = tier.costPerMonth;
        tier.costPerMillion = 0;
        tier.p50AtPeakMs = tier.p99AtPeakMs = tier.errorRateAtPeak = -1;
    }
    model.scaling->possible = false;
    model.scaling->whyNot = QStringLiteral("Only one instance count of each design was measured: "
                                           "a projection needs at least three.");
    return model;
}

void writeCharts(const ReportModel& model, const QDir& dir)
{
    QList<QPair<QString, DocumentChart>> charts{
        {QStringLiteral("capacity"), {ChartKind::Capacity, {}, {}}},
        {QStringLiteral("cost"), {ChartKind::Cost, {}, {}}},
        {QStringLiteral("scaling"), {ChartKind::Scaling, {}, {}}}};
    for (const QString& name : tiersWithSeveralPolicies(model))
        charts.append({QStringLiteral("policy"), {ChartKind::Policy, name, {}}});
    for (const auto& [name, chart] : charts) {
        const QSize size = chartSize(chart.kind, 800);
        const auto plot = makeChart(model, chart, size);
        if (plot)
            plot->toPixmap(size.width(), size.height(), 2.0)
                .save(dir.filePath(QStringLiteral("chart-%1.png").arg(name)));
    }
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const QDir dir(arguments.size() > 1 ? arguments[1] : QStringLiteral("/tmp/report-look"));
    const ReportModel model = test::sampleReport();
    const ReportModel earlier = test::earlierSampleReport();
    if (!writeReport(model, earlier, dir) ||
        !report(writeReportJson(earlier, dir.filePath(QStringLiteral("earlier.json")))) ||
        !writeReport(withoutTraffic(model), std::nullopt,
                     QDir(dir.filePath(QStringLiteral("no-traffic")))))
        return 1;
    writeCharts(model, dir);
    std::printf("%s\n", qPrintable(dir.absolutePath()));
    return 0;
}
