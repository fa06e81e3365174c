// The report's charts filled into a QCustomPlot, as the report renders them and a GUI page
// could show them: what each draws, and what it leaves out.

#include "report/customplot.h"
#include "report/reportcharts.h"
#include "samplereport.h"

#include <QTest>

using namespace qaconsole::report;

namespace {

// The legend's entries, with no-break spaces as spaces.
QStringList legendNames(QCustomPlot& plot)
{
    QStringList names;
    for (int index = 0; index < plot.legend->itemCount(); ++index) {
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(plot.legend->item(index)))
            names << QString(item->plottable()->name()).replace(QChar(0x00a0), u' ');
    }
    return names;
}

// The plot's text items, with no-break spaces as spaces.
QStringList texts(QCustomPlot& plot)
{
    QStringList result;
    for (int index = 0; index < plot.itemCount(); ++index) {
        if (auto* text = qobject_cast<QCPItemText*>(plot.item(index)))
            result << QString(text->text()).replace(QChar(0x00a0), u' ');
    }
    return result;
}

} // namespace

class TestReportCharts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void capacityChartHasEveryTierAndTheTarget();
    void capacityChartKeepsInvalidTrialsOffTheLine();
    void costChartMarksThePeak();
    void scalingChartOnlyWithAProjection();
    void policyChartForTiersUnderSeveralPolicies();
    void fillingAgainStartsFresh();
};

void TestReportCharts::capacityChartHasEveryTierAndTheTarget()
{
    QCustomPlot plot;
    fillCapacityChart(&plot, test::sampleReport());
    const QStringList names = legendNames(plot);
    QCOMPARE(names.size(), 8); // four tiers, four marks
    QVERIFY2(names[1].startsWith(QStringLiteral("Tier B · balanced: 5,868")), qPrintable(names[1]));
    QVERIFY2(names[2].startsWith(QStringLiteral("Tier B · strict: at least")),
             qPrintable(names[2]));
    QVERIFY(texts(plot).contains(QStringLiteral("target: p99 under 50 ms")));
    QCOMPARE(plot.xAxis->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(plot.xAxis->label().contains(QStringLiteral("requests/s")));
    QVERIFY(plot.yAxis->label().contains(QStringLiteral("ms")));
    // The legend sits under the chart, not over its lines.
    QCOMPARE(plot.legend->layout(), plot.plotLayout());
}

void TestReportCharts::capacityChartKeepsInvalidTrialsOffTheLine()
{
    QCustomPlot plot;
    const ReportModel model = test::sampleReport();
    fillCapacityChart(&plot, model);
    // Tier B strict: its line (the graph named after it) holds only its valid trials.
    QCPGraph* strictLine = nullptr;
    for (int index = 0; index < plot.graphCount(); ++index) {
        if (plot.graph(index)->name().startsWith(QStringLiteral("Tier B · strict")))
            strictLine = plot.graph(index);
    }
    QVERIFY(strictLine);
    QCOMPARE(strictLine->dataCount(), model.tiers[2].trials.size() - 1);
}

void TestReportCharts::costChartMarksThePeak()
{
    QCustomPlot plot;
    fillCostChart(&plot, test::sampleReport());
    const QStringList labels = texts(plot);
    QVERIFY(labels.contains(QStringLiteral("Tier C\n$54 · 13,959")));
    QVERIFY(labels.contains(
        QStringLiteral("your peak: 1,000 requests/s\ntiers left of the line fall short")));
    QVERIFY(plot.yAxis->label().contains(QStringLiteral("$/month")));
}

void TestReportCharts::scalingChartOnlyWithAProjection()
{
    QCustomPlot plot;
    ReportModel model = test::sampleReport();
    QVERIFY(fillScalingChart(&plot, model));
    QVERIFY(legendNames(plot).contains(QStringLiteral("measured")));
    QVERIFY(texts(plot).contains(QStringLiteral("projected, not measured")));
    model.scaling->possible = false;
    QVERIFY(!fillScalingChart(&plot, model));
    QCOMPARE(plot.graphCount(), 0);
    model.scaling.reset();
    QVERIFY(!fillScalingChart(&plot, model));
}

void TestReportCharts::policyChartForTiersUnderSeveralPolicies()
{
    ReportModel model = test::sampleReport();
    QCOMPARE(tiersWithSeveralPolicies(model), QStringList{QStringLiteral("Tier B")});
    QCustomPlot plot;
    fillPolicyChart(&plot, model, QStringLiteral("Tier B"));
    int bars = 0;
    for (int index = 0; index < plot.plottableCount(); ++index)
        bars += qobject_cast<QCPBars*>(plot.plottable(index)) ? 1 : 0;
    QCOMPARE(bars, 2);
    QCOMPARE(legendNames(plot), QStringList{QStringLiteral("your peak: 1,000 requests/s")});
    const auto ticker = plot.xAxis->ticker().dynamicCast<QCPAxisTickerText>();
    QVERIFY(ticker);
    QCOMPARE(ticker->ticks().value(1), QStringLiteral("balanced\nanswers up to 1 min old"));
    QCOMPARE(ticker->ticks().value(2), QStringLiteral("strict\nanswers up to 5 s old"));
    model.tiers.removeAt(2);
    QVERIFY(tiersWithSeveralPolicies(model).isEmpty());
}

void TestReportCharts::fillingAgainStartsFresh()
{
    QCustomPlot plot;
    const ReportModel model = test::sampleReport();
    fillCapacityChart(&plot, model);
    const int graphs = plot.graphCount();
    const int rows = plot.plotLayout()->rowCount();
    fillCostChart(&plot, model);
    fillCapacityChart(&plot, model);
    QCOMPARE(plot.graphCount(), graphs);
    QCOMPARE(plot.plotLayout()->rowCount(), rows);
}

QTEST_MAIN(TestReportCharts)
#include "tst_reportcharts.moc"
