#include "ui/loadtest/stageseditor.h"

#include "ui/shell/customplot.h"
#include "ui/shell/plotstyle.h"
#include "ui/shell/statepresentation.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace qaconsole::ui {

namespace {

const QColor kTargetColor(0x2f, 0x6f, 0xb3);

} // namespace

StagesEditor::StagesEditor(QWidget* parent)
    : QWidget(parent), m_table(new QTableWidget(0, 2, this)), m_preview(new QCustomPlot(this)),
      m_add(new QToolButton(this)), m_remove(new QToolButton(this))
{
    m_table->setObjectName(QStringLiteral("stagesTable"));
    m_table->setHorizontalHeaderLabels({tr("Duration"), tr("Target")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->setDefaultSectionSize(24);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setMinimumHeight(120);
    m_table->setToolTip(tr("Over each stage the target moves in a straight line from where the "
                           "previous one ended. Durations: 500ms, 30s, 1m30s, 1h."));

    m_add->setObjectName(QStringLiteral("addStageButton"));
    m_add->setText(tr("Add stage"));
    m_remove->setObjectName(QStringLiteral("removeStageButton"));
    m_remove->setText(tr("Remove"));
    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);

    m_preview->setObjectName(QStringLiteral("stagesPreview"));
    m_preview->setMinimumSize(200, 130);
    m_preview->setInteractions({});
    m_preview->addGraph();
    m_preview->xAxis->setLabel(tr("seconds"));
    m_preview->yAxis->setNumberFormat(QStringLiteral("gb"));

    auto* left = new QVBoxLayout;
    left->setSpacing(6);
    left->addWidget(m_table, 1);
    left->addLayout(buttons);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addLayout(left, 1);
    layout->addWidget(m_preview, 1);

    connect(m_table, &QTableWidget::itemChanged, this, &StagesEditor::validate);
    connect(m_add, &QToolButton::clicked, this, [this] {
        const double last = m_stages.empty() ? m_start : m_stages.back().target;
        addRow(QStringLiteral("30s"), last);
        m_table->setCurrentCell(m_table->rowCount() - 1, 0);
    });
    connect(m_remove, &QToolButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        m_table->removeRow(row >= 0 ? row : m_table->rowCount() - 1);
        validate();
    });
    applyPalette();
    validate();
}

std::vector<loadgen::Stage> StagesEditor::stages() const
{
    return m_stages;
}

QStringList StagesEditor::errors() const
{
    return m_errors;
}

void StagesEditor::setStages(const std::vector<loadgen::Stage>& stages)
{
    m_filling = true;
    m_table->setRowCount(0);
    for (const loadgen::Stage& stage : stages)
        addRow(loadgen::formatDuration(stage.durationMs), stage.target);
    m_filling = false;
    validate();
}

void StagesEditor::setStart(double start, const QString& unit)
{
    m_start = start;
    m_preview->yAxis->setLabel(unit);
    updatePreview();
}

void StagesEditor::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ApplicationPaletteChange) {
        applyPalette();
        validate();
    }
    QWidget::changeEvent(event);
}

void StagesEditor::addRow(const QString& duration, double target)
{
    const int row = m_table->rowCount();
    const bool filling = m_filling;
    m_filling = true; // one validation once both cells are in
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(duration));
    m_table->setItem(row, 1, new QTableWidgetItem(QString::number(target)));
    m_filling = filling;
    if (!m_filling)
        validate();
}

void StagesEditor::validate()
{
    if (m_filling)
        return;
    m_stages.clear();
    m_errors.clear();
    const QPalette colors = QApplication::palette(this);
    const QColor bad = blend(colors.color(QPalette::Base), toneColor(Tone::Bad), 0.22);
    const QSignalBlocker blocker(m_table); // tinting a cell is not an edit
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QTableWidgetItem* durationItem = m_table->item(row, 0);
        QTableWidgetItem* targetItem = m_table->item(row, 1);
        const QString durationText = durationItem ? durationItem->text().trimmed() : QString();
        const QString targetText = targetItem ? targetItem->text().trimmed() : QString();
        const std::optional<std::int64_t> ms = loadgen::parseDurationMs(durationText);
        bool numeric = false;
        const double target = targetText.toDouble(&numeric);
        const bool durationOk = ms && *ms > 0;
        const bool targetOk = numeric && target >= 0;
        if (durationItem)
            durationItem->setBackground(durationOk ? QBrush() : QBrush(bad));
        if (targetItem)
            targetItem->setBackground(targetOk ? QBrush() : QBrush(bad));
        if (!durationOk)
            m_errors << tr("Stage %1: the duration '%2' is not like 30s, 1m30s or 500ms")
                            .arg(row + 1)
                            .arg(durationText);
        if (!targetOk)
            m_errors << tr("Stage %1: the target '%2' is not a number from 0 up")
                            .arg(row + 1)
                            .arg(targetText);
        if (durationOk && targetOk)
            m_stages.push_back({*ms, target});
    }
    m_remove->setEnabled(m_table->rowCount() > 0);
    updatePreview();
    Q_EMIT changed();
}

void StagesEditor::updatePreview()
{
    // The corners of the ramp are enough: the target is linear between them.
    QCPGraph* graph = m_preview->graph(0);
    graph->data()->clear();
    double at = 0;
    double top = std::max(1.0, m_start);
    graph->addData(0, m_start);
    for (const loadgen::Stage& stage : m_stages) {
        at += double(stage.durationMs) / 1000.0;
        graph->addData(at, stage.target);
        top = std::max(top, stage.target);
    }
    m_preview->xAxis->setRange(0, std::max(at, 1.0));
    m_preview->yAxis->setRange(0, top * 1.15);
    m_preview->replot();
}

void StagesEditor::applyPalette()
{
    const QPalette colors = QApplication::palette(this);
    stylePlot(m_preview, colors, font());
    m_preview->graph(0)->setPen(QPen(kTargetColor, 2));
    m_preview->graph(0)->setBrush(blend(colors.color(QPalette::Base), kTargetColor, 0.14));
}

} // namespace qaconsole::ui
