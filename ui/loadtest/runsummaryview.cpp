#include "ui/loadtest/runsummaryview.h"

#include "ui/api/apitext.h"
#include "ui/loadtest/loadtesttext.h"
#include "ui/loadtest/readonlytable.h"
#include "ui/loadtest/runrecord.h"
#include "ui/shell/cardframe.h"
#include "ui/shell/figuregrid.h"
#include "ui/shell/numbertext.h"
#include "ui/shell/statepresentation.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace qaconsole::ui {

namespace {

using loadgen::LatencyFigures;

QColor passColor()
{
    return toneColor(Tone::Good);
}

QColor failColor()
{
    return toneColor(Tone::Bad);
}

// Threshold values in their own unit: durations in ms, rates as k6 writes them.
QString measuredText(const loadgen::ThresholdOutcome& outcome)
{
    using Aggregate = loadgen::Threshold::Aggregate;
    const loadgen::Threshold& threshold = outcome.threshold;
    if (threshold.metric == loadgen::Threshold::Metric::HttpReqDuration)
        return latencyText(outcome.actual);
    if (threshold.aggregate == Aggregate::Count)
        return countText(qint64(outcome.actual));
    if (threshold.metric == loadgen::Threshold::Metric::HttpReqFailed ||
        threshold.metric == loadgen::Threshold::Metric::Checks)
        return percentText(outcome.actual);
    return perSecondText(outcome.actual) + QStringLiteral(" /s");
}

} // namespace

RunSummaryView::RunSummaryView(QWidget* parent)
    : QWidget(parent), m_placeholder(new QLabel(this)), m_body(new QWidget(this))
{
    m_placeholder->setText(tr("The summary of a run appears here when it ends: every threshold "
                              "passed or failed, latency corrected and uncorrected, errors by "
                              "kind."));
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);

    // Side by side, each as tall as its rows: at 1280x720 the whole summary fits below the run
    // bar. The thresholds (as many as the scenario has, as long as written) get the most room.
    auto* tables = new QHBoxLayout;
    tables->setSpacing(16);
    tables->addWidget(createThresholdCard(), 5, Qt::AlignTop);
    tables->addWidget(createLatencyCard(), 4, Qt::AlignTop);
    tables->addWidget(createErrorCard(), 2, Qt::AlignTop);

    auto* body = new QVBoxLayout(m_body);
    body->setContentsMargins(0, 12, 0, 0);
    body->setSpacing(16);
    body->addWidget(createFigureCard());
    body->addLayout(tables);
    body->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_placeholder, 1);
    layout->addWidget(m_body, 1);
    applyPalette();
    clear();
}

void RunSummaryView::showRun(const RunRecord& run)
{
    const loadgen::RunSummary& summary = run.summary;
    const loadgen::Counts& totals = summary.totals;
    m_placeholder->hide();
    m_body->show();

    m_passed = summary.error.isEmpty() && summary.thresholdsPassed();
    m_stopped = summary.stoppedByUser;
    m_outcome->setText(outcomeText(summary));
    m_scenario->setText(QStringLiteral("%1 · %2 · %3")
                            .arg(run.label(), scenarioLine(run.scenario), run.scenario.url));
    m_files->setText(!summary.error.isEmpty() ? summary.error
                     : run.folder.isEmpty()
                         ? run.saveError
                         : tr("Files: %1").arg(QDir::toNativeSeparators(run.folder)));
    m_files->setVisible(!m_files->text().isEmpty());

    m_requests->setText(countText(qint64(totals.requests())));
    m_rps->setText(perSecondText(summary.rps));
    m_failure->setText(percentText(totals.failureRate()));
    m_duration->setText(durationText(qint64(summary.seconds * 1000)));
    m_peak->setText(countText(summary.peakConnections));
    const loadgen::GeneratorCpu cpu = loadgen::generatorCpu(summary);
    const QString perMillion =
        tr("%1 s per million requests").arg(QLocale().toString(cpu.microsecondsPerRequest, 'f', 1));
    m_cpu->setText(cpu.ofThreads ? tr("%1 s · %2 · %3 of it polling for answers")
                                       .arg(QLocale().toString(cpu.seconds, 'f', 2), perMillion,
                                            percentText(cpu.pollShare()))
                                 : tr("%1 s (the whole process) · %2")
                                       .arg(QLocale().toString(cpu.seconds, 'f', 2), perMillion));
    if (summary.backendCpuSeconds < 0)
        m_backendCpu->setText(tr("— (not the embedded backend)"));
    else
        m_backendCpu->setText(
            tr("%1 s · %2 s per million requests")
                .arg(QLocale().toString(summary.backendCpuSeconds, 'f', 2),
                     QLocale().toString(totals.requests() ? summary.backendCpuSeconds * 1e6 /
                                                                double(totals.requests())
                                                          : 0.0,
                                        'f', 1)));

    m_thresholds->setRowCount(0);
    m_thresholds->clearSpans();
    for (const loadgen::ThresholdOutcome& outcome : summary.thresholds) {
        const int row = m_thresholds->rowCount();
        m_thresholds->insertRow(row);
        m_thresholds->setItem(row, 0, tableCell(outcome.threshold.text));
        m_thresholds->setItem(row, 1, tableCell(measuredText(outcome), true));
        auto* result = tableCell(outcome.passed ? tr("✓ passed") : tr("✗ failed"));
        result->setForeground(outcome.passed ? passColor() : failColor());
        QFont strong = result->font();
        strong.setWeight(QFont::DemiBold);
        result->setFont(strong);
        m_thresholds->setItem(row, 2, result);
    }
    if (summary.thresholds.empty()) {
        m_thresholds->insertRow(0);
        m_thresholds->setItem(0, 0,
                              tableCell(tr("No thresholds: the run passes whatever it "
                                           "measures.")));
        m_thresholds->setSpan(0, 0, 1, 3);
    }

    const bool any = totals.requests() > 0;
    const auto row = [&](int index, const QString& name, std::int64_t LatencyFigures::*field) {
        m_latency->setItem(index, 0, tableCell(name));
        m_latency->setItem(index, 1,
                           tableCell(microsecondsText(summary.corrected.*field, any), true));
        m_latency->setItem(index, 2,
                           tableCell(microsecondsText(summary.uncorrected.*field, any), true));
    };
    m_latency->setRowCount(6);
    row(0, QStringLiteral("p50"), &LatencyFigures::p50);
    row(1, QStringLiteral("p90"), &LatencyFigures::p90);
    row(2, QStringLiteral("p95"), &LatencyFigures::p95);
    row(3, QStringLiteral("p99"), &LatencyFigures::p99);
    row(4, QStringLiteral("p99.9"), &LatencyFigures::p999);
    row(5, tr("max"), &LatencyFigures::max);

    m_errors->setRowCount(0);
    for (int kind = 0; kind < loadgen::kErrorKindCount; ++kind) {
        const std::uint64_t count = totals.errors[std::size_t(kind)];
        const int index = m_errors->rowCount();
        m_errors->insertRow(index);
        m_errors->setItem(index, 0, tableCell(loadgen::errorKindName(loadgen::ErrorKind(kind))));
        auto* cell = tableCell(countText(qint64(count)), true);
        if (count > 0)
            cell->setForeground(failColor());
        m_errors->setItem(index, 1, cell);
    }

    fitTable(m_thresholds);
    fitTable(m_latency);
    fitTable(m_errors);
    m_warnings->setText(summary.warnings.isEmpty()
                            ? QString()
                            : tr("Generator warnings:") + u"\n• " + summary.warnings.join(u"\n• "));
    m_warnings->setVisible(!summary.warnings.isEmpty());
    applyPalette();
}

void RunSummaryView::clear()
{
    m_body->hide();
    m_placeholder->show();
}

void RunSummaryView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

QWidget* RunSummaryView::createFigureCard()
{
    auto* card = new CardFrame(tr("Result"));
    m_outcome = new QLabel(card);
    m_outcome->setObjectName(QStringLiteral("summaryOutcomeLabel"));
    m_outcome->setMinimumHeight(24);
    m_scenario = new QLabel(card);
    m_scenario->setObjectName(QStringLiteral("summaryScenarioLabel"));
    m_scenario->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_scenario->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto* header = new QHBoxLayout;
    header->setSpacing(12);
    header->addWidget(m_outcome);
    header->addWidget(m_scenario, 1);

    m_figures = new FigureGrid(card, {.large = true});
    m_requests = m_figures->addFigure(tr("Requests"), QStringLiteral("summaryRequestsLabel"));
    m_rps = m_figures->addFigure(tr("Requests/s"), QStringLiteral("summaryRpsLabel"));
    m_failure = m_figures->addFigure(tr("Failed"), QStringLiteral("summaryFailureLabel"));
    m_duration = m_figures->addFigure(tr("Duration"), QStringLiteral("summaryDurationLabel"));
    m_peak = m_figures->addFigure(tr("Peak connections"), QStringLiteral("summaryPeakLabel"));
    // The generator's threads alone: the process also runs the window and, against the embedded
    // backend, the very backend under load, whose CPU is shown on its own beside it.
    m_cpuFigures = new FigureGrid(card);
    m_cpu = m_cpuFigures->addFigure(tr("Generator CPU (its threads)"),
                                    QStringLiteral("summaryCpuLabel"));
    m_cpu->setToolTip(tr("CPU time of the load generator's worker threads during the run. "
                         "Polling: waiting for answers on a busy CPU before sleeping, which a "
                         "quicker server makes unnecessary."));
    m_backendCpu = m_cpuFigures->addFigure(tr("Backend CPU (embedded, its workers)"),
                                           QStringLiteral("summaryBackendCpuLabel"));
    m_backendCpu->setToolTip(tr("CPU time of the embedded backend's HTTP worker threads during "
                                "the run, when it was the target."));

    m_warnings = new QLabel(card);
    m_warnings->setObjectName(QStringLiteral("summaryWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::PlainText);
    m_files = new QLabel(card);
    m_files->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_files->setWordWrap(true);

    card->contentLayout()->addLayout(header);
    card->contentLayout()->addLayout(m_figures);
    card->contentLayout()->addLayout(m_cpuFigures);
    card->contentLayout()->addWidget(m_warnings);
    card->contentLayout()->addWidget(m_files);
    return card;
}

QWidget* RunSummaryView::createThresholdCard()
{
    auto* card = new CardFrame(tr("Thresholds"));
    m_thresholds = readOnlyTable({tr("Threshold"), tr("Measured"), tr("Result")}, card);
    m_thresholds->setObjectName(QStringLiteral("thresholdTable"));
    card->contentLayout()->addWidget(m_thresholds);
    return card;
}

QWidget* RunSummaryView::createErrorCard()
{
    auto* card = new CardFrame(tr("Errors by kind"));
    m_errors = readOnlyTable({tr("Kind"), tr("Requests")}, card);
    m_errors->setObjectName(QStringLiteral("errorTable"));
    card->contentLayout()->addWidget(m_errors);
    return card;
}

QWidget* RunSummaryView::createLatencyCard()
{
    auto* card = new CardFrame(tr("Latency"));
    m_latency = readOnlyTable({QString(), tr("Corrected"), tr("Uncorrected")}, card);
    m_latency->setObjectName(QStringLiteral("latencyTable"));
    // The two sets side by side in equal columns, so the figures line up for comparing.
    m_latency->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_latency->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_latency->setToolTip(tr("Corrected: from the time each request was due (what a user "
                             "waits). Uncorrected: from when it was finally sent."));
    auto* note = new QLabel(tr("Corrected latency counts from when a request was due, so a "
                               "server stall shows in full; uncorrected from when it was sent."),
                            card);
    note->setWordWrap(true);
    note->setObjectName(QStringLiteral("latencyNote"));
    card->contentLayout()->addWidget(m_latency);
    card->contentLayout()->addWidget(note);
    return card;
}

void RunSummaryView::applyPalette()
{
    const QPalette colors = QApplication::palette(this);
    m_figures->applyPalette(colors);
    m_cpuFigures->applyPalette(colors);
    setTextColor(m_placeholder, secondaryText(colors));
    setTextColor(m_scenario, secondaryText(colors));
    setTextColor(m_files, secondaryText(colors));
    if (auto* note = findChild<QLabel*>(QStringLiteral("latencyNote")))
        setTextColor(note, secondaryText(colors));
    setTextColor(m_warnings, toneColor(Tone::Busy));
    const Tone outcome = m_passed ? (m_stopped ? Tone::Neutral : Tone::Good) : Tone::Bad;
    m_outcome->setStyleSheet(pillStyleSheet(outcome, colors));
}

} // namespace qaconsole::ui
