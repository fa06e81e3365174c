#include "ui/capacity/comparisonprogress.h"

#include "ui/capacity/capacitycontroller.h"
#include "ui/capacity/capacitytext.h"
#include "ui/shell/busyindicator.h"
#include "ui/shell/numbertext.h"
#include "ui/shell/statepresentation.h"
#include "ui/shell/statusbanner.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>

namespace qaconsole::ui {

namespace {

constexpr int kLogRows = 9;

Tone phaseTone(const CapacityController& controller)
{
    switch (controller.phase()) {
    case ComparePhase::Idle:
        return Tone::Neutral;
    case ComparePhase::Preparing:
    case ComparePhase::Running:
    case ComparePhase::Stopping:
    case ComparePhase::Writing:
        return Tone::Busy;
    case ComparePhase::Finished:
        break;
    }
    return controller.notice().tone == Tone::Bad ? Tone::Bad : Tone::Good;
}

} // namespace

ComparisonProgress::ComparisonProgress(QWidget* parent) : QWidget(parent)
{
    m_phase = new QLabel(this);
    m_phase->setObjectName(QStringLiteral("comparePhaseLabel"));
    m_phase->setTextFormat(Qt::PlainText);
    m_busy = new BusyIndicator(this);
    m_run = new QLabel(this);
    m_run->setObjectName(QStringLiteral("compareRunLabel"));
    m_run->setTextFormat(Qt::PlainText);
    m_run->setWordWrap(true);
    QFont bold = m_run->font();
    bold.setBold(true);
    m_run->setFont(bold);
    m_trial = new QLabel(this);
    m_trial->setObjectName(QStringLiteral("compareTrialLabel"));
    m_trial->setTextFormat(Qt::PlainText);
    m_trialBar = new QProgressBar(this);
    m_trialBar->setObjectName(QStringLiteral("compareTrialBar"));
    m_trialBar->setRange(0, 1000);
    m_trialBar->setTextVisible(false);
    m_trialBar->setFixedHeight(6);
    m_notice = new StatusBanner(QStringLiteral("compareNotice"), this);
    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("compareLog"));
    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_log->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setPlaceholderText(tr("A line per run and per scored trial, as they end."));
    m_log->setMinimumHeight(m_log->fontMetrics().lineSpacing() * kLogRows + 12);

    auto* header = new QHBoxLayout;
    header->setSpacing(8);
    header->addWidget(m_phase);
    header->addWidget(m_busy);
    header->addSpacing(4);
    header->addWidget(m_run, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(header);
    layout->addWidget(m_trial);
    layout->addWidget(m_trialBar);
    layout->addWidget(m_notice);
    layout->addWidget(m_log, 1);
}

void ComparisonProgress::showState(const CapacityController& controller)
{
    m_phase->setText(comparePhaseText(controller.phase()));
    m_phase->setStyleSheet(pillStyleSheet(phaseTone(controller), QApplication::palette(this)));
    m_busy->setVisible(controller.isBusy());
    const CompareProgress& progress = controller.progress();
    m_run->setText(controller.isBusy() || progress.run >= 0 ? runProgressText(progress)
                                                            : QString());
    const QString trial = trialProgressText(progress);
    m_trial->setText(trial);
    m_trial->setVisible(controller.isBusy());
    m_trialBar->setVisible(controller.isBusy());
    m_trialStartedMs = progress.rate > 0 ? progress.trialStartedMs : 0;
    m_trialMs = progress.trialMs;
    const Notice notice = controller.notice();
    m_notice->showStatus(notice.tone, notice.text);
    m_notice->setToolTip(notice.details);
    showLog(controller.log());
}

void ComparisonProgress::showLog(const QStringList& lines)
{
    if (lines.size() < m_logLines) { // a new comparison: a new log
        m_log->clear();
        m_logLines = 0;
    }
    QScrollBar* scroll = m_log->verticalScrollBar();
    const bool atEnd = scroll->value() == scroll->maximum();
    for (; m_logLines < lines.size(); ++m_logLines)
        m_log->appendPlainText(lines.at(m_logLines));
    if (atEnd)
        scroll->setValue(scroll->maximum());
}

void ComparisonProgress::tick(qint64 nowMs)
{
    if (m_trialStartedMs <= 0 || m_trialMs <= 0) {
        m_trialBar->setValue(0);
        return;
    }
    const double done = double(nowMs - m_trialStartedMs) / double(m_trialMs);
    m_trialBar->setValue(int(std::clamp(done, 0.0, 1.0) * 1000));
    m_trialBar->setToolTip(
        tr("%1 of %2")
            .arg(durationText(std::clamp(nowMs - m_trialStartedMs, qint64(0), m_trialMs)),
                 durationText(m_trialMs)));
}

} // namespace qaconsole::ui
