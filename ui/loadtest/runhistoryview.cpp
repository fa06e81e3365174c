#include "ui/loadtest/runhistoryview.h"

#include "ui/api/apitext.h"
#include "ui/loadtest/loadtesttext.h"
#include "ui/loadtest/readonlytable.h"
#include "ui/loadtest/runrecord.h"
#include "ui/shell/numbertext.h"
#include "ui/shell/statepresentation.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace qaconsole::ui {

namespace {

// Column 0 keeps, besides the run's index, whether it has a folder to open or delete.
constexpr int kHasFolderRole = Qt::UserRole + 1;

} // namespace

RunHistoryView::RunHistoryView(QWidget* parent)
    : QWidget(parent),
      m_table(readOnlyTable({tr("Run"), tr("Scenario"), tr("Requests"), tr("Requests/s"),
                             tr("p99 corrected"), tr("Failed"), tr("Result")},
                            this)),
      m_hint(new QLabel(this)), m_notes(new QLabel(this)),
      m_show(new QPushButton(tr("Show"), this)),
      m_compare(new QPushButton(tr("Overlay the two"), this)),
      m_exportCharts(new QPushButton(tr("Export charts…"), this)),
      m_exportData(new QPushButton(tr("Export data…"), this)),
      m_openFolder(new QPushButton(tr("Open folder"), this)),
      m_delete(new QPushButton(tr("Delete…"), this))
{
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setFocusPolicy(Qt::StrongFocus);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_show->setObjectName(QStringLiteral("showRunButton"));
    m_compare->setObjectName(QStringLiteral("compareRunsButton"));
    m_exportCharts->setObjectName(QStringLiteral("exportChartsButton"));
    m_exportData->setObjectName(QStringLiteral("exportDataButton"));
    m_openFolder->setObjectName(QStringLiteral("openRunFolderButton"));
    m_delete->setObjectName(QStringLiteral("deleteRunButton"));
    m_notes->setObjectName(QStringLiteral("historyNotes"));
    m_show->setToolTip(tr("Show the run on the charts and in the summary."));
    m_compare->setToolTip(tr("Select two runs: the first listed is drawn solid, the other "
                             "dashed over it."));
    m_exportCharts->setToolTip(tr("Save the four charts as they are drawn now: PNG or PDF."));
    m_exportData->setToolTip(tr("Save the run's time series (CSV) or summary (JSON)."));
    m_delete->setToolTip(tr("Delete the run's saved files (after asking)."));
    m_hint->setWordWrap(true);
    m_hint->setText(tr("This session's runs and those saved before it, newest first. Each run "
                       "is saved as summary.json, timeseries.csv and a k6 script (scenario.js)."));
    m_notes->setWordWrap(true);
    m_notes->setTextFormat(Qt::PlainText);
    m_notes->hide();

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    for (QPushButton* button : {m_show, m_compare, m_exportCharts, m_exportData, m_openFolder})
        buttons->addWidget(button);
    buttons->addStretch(1);
    buttons->addWidget(m_delete); // apart from the others: it cannot be undone

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(m_hint);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_notes);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &RunHistoryView::selectionChanged);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        Q_EMIT showRequested(m_table->item(row, 0)->data(Qt::UserRole).toInt());
    });
    connect(m_show, &QPushButton::clicked, this, [this] {
        if (const QList<int> runs = selectedRuns(); runs.size() == 1)
            Q_EMIT showRequested(runs.front());
    });
    connect(m_compare, &QPushButton::clicked, this, [this] {
        if (const QList<int> runs = selectedRuns(); runs.size() == 2)
            Q_EMIT compareRequested(runs[0], runs[1]);
    });
    connect(m_exportCharts, &QPushButton::clicked, this, &RunHistoryView::exportChartsRequested);
    connect(m_exportData, &QPushButton::clicked, this, [this] {
        if (const QList<int> runs = selectedRuns(); runs.size() == 1)
            Q_EMIT exportDataRequested(runs.front());
    });
    connect(m_openFolder, &QPushButton::clicked, this, [this] {
        if (const QList<int> runs = selectedRuns(); runs.size() == 1)
            Q_EMIT openFolderRequested(runs.front());
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (const QList<int> runs = selectedRuns(); runs.size() == 1)
            Q_EMIT deleteRequested(runs.front());
    });
    applyPalette();
    selectionChanged();
}

void RunHistoryView::addRun(int index, const RunRecord& run)
{
    const loadgen::RunSummary& summary = run.summary;
    const bool passed = summary.error.isEmpty() && summary.thresholdsPassed();
    const bool any = summary.totals.requests() > 0;
    m_table->insertRow(0);
    auto* label = tableCell(run.label());
    label->setData(Qt::UserRole, index);
    label->setData(kHasFolderRole, !run.folder.isEmpty());
    m_table->setItem(0, 0, label);
    m_table->setItem(0, 1,
                     tableCell(QStringLiteral("%1 · %2 · %3")
                                   .arg(modelTitle(run.scenario.model), scenarioLine(run.scenario),
                                        run.scenario.url)));
    m_table->setItem(0, 2, tableCell(countText(qint64(summary.totals.requests())), true));
    m_table->setItem(0, 3, tableCell(perSecondText(summary.rps), true));
    m_table->setItem(0, 4, tableCell(microsecondsText(summary.corrected.p99, any), true));
    m_table->setItem(0, 5, tableCell(percentText(summary.totals.failureRate()), true));
    auto* outcome = tableCell(outcomeText(summary));
    outcome->setForeground(toneColor(passed ? Tone::Good : Tone::Bad));
    m_table->setItem(0, 6, outcome);
    m_table->item(0, 1)->setToolTip(m_table->item(0, 1)->text());
    selectionChanged();
}

void RunHistoryView::removeRun(int index)
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, 0)->data(Qt::UserRole).toInt() == index)
            m_table->removeRow(row--);
    selectionChanged();
}

void RunHistoryView::setNotes(const QStringList& notes)
{
    m_notes->setText(notes.isEmpty() ? QString()
                                     : tr("Saved runs that could not be read, not listed:") +
                                           u"\n• " + notes.join(u"\n• "));
    m_notes->setVisible(!notes.isEmpty());
}

QList<int> RunHistoryView::selectedRuns() const
{
    QList<int> runs;
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, 0)->isSelected())
            runs << m_table->item(row, 0)->data(Qt::UserRole).toInt();
    return runs;
}

void RunHistoryView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

void RunHistoryView::applyPalette()
{
    const QPalette colors = QApplication::palette(this);
    setTextColor(m_hint, secondaryText(colors));
    setTextColor(m_notes, secondaryText(colors));
}

void RunHistoryView::selectionChanged()
{
    const qsizetype selected = selectedRuns().size();
    bool hasFolder = false;
    for (const QTableWidgetItem* item : m_table->selectedItems())
        if (item->column() == 0)
            hasFolder = item->data(kHasFolderRole).toBool();
    m_show->setEnabled(selected == 1);
    m_compare->setEnabled(selected == 2);
    m_exportData->setEnabled(selected == 1);
    m_openFolder->setEnabled(selected == 1 && hasFolder);
    m_delete->setEnabled(selected == 1 && hasFolder);
    m_exportCharts->setEnabled(m_table->rowCount() > 0);
}

} // namespace qaconsole::ui
