#include "ui/etl/loadprogressview.h"

#include "pg/redact.h"
#include "ui/etl/etltext.h"
#include "ui/shell/busyindicator.h"
#include "ui/shell/figuregrid.h"
#include "ui/shell/statepresentation.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QTimer>
#include <QVBoxLayout>

namespace qaconsole::ui {

namespace {

constexpr int kBarRange = 1000;
constexpr int kBarHeight = 10;
constexpr int kTickMs = 500;
const QString noValue = QStringLiteral("—");

QProgressBar* makeBar(QWidget* parent, const QString& name)
{
    auto* bar = new QProgressBar(parent);
    bar->setObjectName(name);
    bar->setRange(0, kBarRange);
    bar->setTextVisible(false);
    bar->setFixedHeight(kBarHeight);
    return bar;
}

int barValue(qint64 done, qint64 total)
{
    if (total <= 0)
        return 0;
    return static_cast<int>(qBound(qint64(0), done * kBarRange / total, qint64(kBarRange)));
}

QLabel* makeNumber(QWidget* parent, const QString& name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return label;
}

} // namespace

LoadProgressView::LoadProgressView(QWidget* parent)
    : QWidget(parent), m_busy(new BusyIndicator(this)), m_phase(new QLabel(this)),
      m_step(new QLabel(this)), m_generateBar(makeBar(this, QStringLiteral("generateProgressBar"))),
      m_generateBytes(makeNumber(this, QStringLiteral("generateBytesLabel"))),
      m_tick(new QTimer(this))
{
    m_phase->setObjectName(QStringLiteral("phaseLabel"));
    QFont phaseFont = m_phase->font();
    phaseFont.setWeight(QFont::DemiBold);
    m_phase->setFont(phaseFont);
    m_step->setObjectName(QStringLiteral("stepLabel"));
    m_step->setTextFormat(Qt::PlainText);
    // A long SQL statement is cut at the edge instead of widening the window.
    m_step->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto* header = new QHBoxLayout;
    header->setSpacing(8);
    header->addWidget(m_busy);
    header->addWidget(m_phase, 1);

    auto* files = new QGridLayout;
    files->setHorizontalSpacing(16);
    files->setVerticalSpacing(8);
    for (etl::Table table : etl::kTables) {
        const QString prefix = tableNameOf(table);
        FileRow& row = m_files[static_cast<int>(table)];
        row.name = new QLabel(fileNameOf(table), this);
        row.bar = makeBar(this, prefix + QStringLiteral("ProgressBar"));
        row.bytes = makeNumber(this, prefix + QStringLiteral("BytesLabel"));
        row.rows = makeNumber(this, prefix + QStringLiteral("RowsLabel"));
        row.rejected = makeNumber(this, prefix + QStringLiteral("RejectedLabel"));
        const int line = static_cast<int>(table);
        files->addWidget(row.name, line, 0);
        files->addWidget(row.bar, line, 1);
        files->addWidget(row.bytes, line, 2);
        files->addWidget(row.rows, line, 3);
        files->addWidget(row.rejected, line, 4);
    }
    files->addWidget(m_generateBar, 3, 0, 1, 2);
    files->addWidget(m_generateBytes, 3, 2, 1, 3);
    files->setColumnStretch(1, 1);
    // Room for the widest figures, so the bars keep their length while the numbers grow.
    const QFontMetrics metrics(font());
    files->setColumnMinimumWidth(2,
                                 metrics.horizontalAdvance(QStringLiteral("888.8 MB of 888.8 MB")));
    files->setColumnMinimumWidth(3, metrics.horizontalAdvance(QStringLiteral("8,888,888 rows")));
    files->setColumnMinimumWidth(4, metrics.horizontalAdvance(QStringLiteral("888,888 rejected")));

    m_figures = new FigureGrid(this, {.large = true, .selectable = false});
    m_elapsed = m_figures->addFigure(tr("Elapsed"), QStringLiteral("elapsedLabel"));
    m_rate = m_figures->addFigure(tr("Rows per second"), QStringLiteral("rateLabel"));
    m_rejected = m_figures->addFigure(tr("Rejected so far"), QStringLiteral("rejectedLabel"));
    m_eta = m_figures->addFigure(tr("Time left"), QStringLiteral("etaLabel"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(header);
    layout->addWidget(m_step);
    layout->addSpacing(8);
    layout->addLayout(files);
    layout->addSpacing(12);
    layout->addLayout(m_figures);

    m_tick->setInterval(kTickMs);
    connect(m_tick, &QTimer::timeout, this, &LoadProgressView::updateElapsed);
    applyColors();
    start(QString());
    stop();
}

void LoadProgressView::start(const QString& phase)
{
    m_cancelling = false;
    m_phase->setText(phase);
    m_step->clear();
    for (FileRow& row : m_files) {
        row.bar->setValue(0);
        row.bytes->setText(tr("waiting"));
        row.rows->setText(noValue);
        row.rejected->setText(noValue);
        setTextColor(row.rejected, secondaryText(QApplication::palette(this)));
    }
    m_generateBar->setValue(0);
    m_generateBytes->clear();
    setFileRowsVisible(true);
    m_rate->setText(noValue);
    m_rejected->setText(noValue);
    m_eta->setText(noValue);
    m_loadingClock.invalidate();
    m_loadingMs = -1;
    m_clock.start();
    m_tick->start();
    m_busy->setVisible(true);
    updateElapsed();
}

void LoadProgressView::showLoadProgress(const etl::EtlProgress& progress)
{
    setFileRowsVisible(true);
    if (!m_cancelling)
        m_phase->setText(etl::phaseTitle(progress.phase));
    m_step->setText(pg::redactSecrets(progress.step));
    updateElapsed();

    if (progress.phase == etl::EtlPhase::Loading && !m_loadingClock.isValid())
        m_loadingClock.start();
    if (progress.phase > etl::EtlPhase::Loading && m_loadingClock.isValid() && m_loadingMs < 0)
        m_loadingMs = m_loadingClock.elapsed();

    qint64 bytesRead = 0;
    qint64 bytesTotal = 0;
    qint64 rowsRead = 0;
    qint64 rejected = 0;
    const QPalette colors = QApplication::palette(this);
    const QColor red = toneColor(Tone::Bad);
    for (etl::Table table : etl::kTables) {
        const etl::FileProgress& file = progress.file(table);
        FileRow& row = m_files[static_cast<int>(table)];
        const bool started = file.done || file.bytesRead > 0 || file.rowsRead > 0;
        row.bar->setValue(file.done ? kBarRange : barValue(file.bytesRead, file.bytesTotal));
        row.bytes->setText(
            started ? tr("%1 of %2").arg(bytesText(file.bytesRead), bytesText(file.bytesTotal))
                    : tr("waiting"));
        row.rows->setText(started ? tr("%1 rows").arg(countText(file.rowsRead)) : noValue);
        row.rejected->setText(started ? tr("%1 rejected").arg(countText(file.rowsRejected))
                                      : noValue);
        setTextColor(row.rejected, file.rowsRejected > 0 ? red : secondaryText(colors));
        bytesRead += file.bytesRead;
        bytesTotal += file.bytesTotal;
        rowsRead += file.rowsRead;
        rejected += file.rowsRejected;
    }

    const qint64 loadingMs = m_loadingMs >= 0           ? m_loadingMs
                             : m_loadingClock.isValid() ? m_loadingClock.elapsed()
                                                        : 0;
    if (loadingMs > 0 && rowsRead > 0)
        m_rate->setText(rateText(rowsRead * 1000.0 / static_cast<double>(loadingMs)));
    m_rejected->setText(countText(rejected));
    setTextColor(m_rejected, rejected > 0 ? red : colors.color(QPalette::WindowText));

    if (progress.phase == etl::EtlPhase::Loading && loadingMs > 0 && bytesRead > 0 &&
        bytesTotal >= bytesRead) {
        const double bytesPerMs = static_cast<double>(bytesRead) / static_cast<double>(loadingMs);
        m_eta->setText(etaText(static_cast<double>(bytesTotal - bytesRead) / bytesPerMs / 1000.0));
    } else {
        // Index builds and checks have no byte count to extrapolate from.
        m_eta->setText(noValue);
    }
}

void LoadProgressView::showGenerateProgress(const etl::GeneratorProgress& progress)
{
    setFileRowsVisible(false);
    m_generateBar->setValue(barValue(progress.bytesWritten, progress.bytesExpected));
    m_generateBytes->setText(
        tr("%1 of about %2")
            .arg(bytesText(progress.bytesWritten), bytesText(progress.bytesExpected)));
    m_step->setText(tr("%1 rows written").arg(countText(progress.rowsWritten)));
}

void LoadProgressView::showCancelling()
{
    m_cancelling = true;
    m_phase->setText(tr("Cancelling…"));
}

void LoadProgressView::stop()
{
    updateElapsed();
    m_tick->stop();
    m_busy->setVisible(false);
}

QString LoadProgressView::phaseText() const
{
    return m_phase->text();
}

void LoadProgressView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyColors();
    QWidget::changeEvent(event);
}

void LoadProgressView::setFileRowsVisible(bool visible)
{
    for (FileRow& row : m_files) {
        for (QWidget* part : {static_cast<QWidget*>(row.name), static_cast<QWidget*>(row.bar),
                              static_cast<QWidget*>(row.bytes), static_cast<QWidget*>(row.rows),
                              static_cast<QWidget*>(row.rejected)})
            part->setVisible(visible);
    }
    m_generateBar->setVisible(!visible);
    m_generateBytes->setVisible(!visible);
}

void LoadProgressView::updateElapsed()
{
    if (m_clock.isValid())
        m_elapsed->setText(durationText(m_clock.elapsed()));
}

void LoadProgressView::applyColors()
{
    const QPalette colors = QApplication::palette(this);
    m_figures->applyPalette(colors);
    const QColor quiet = secondaryText(colors);
    setTextColor(m_step, quiet);
    for (FileRow& row : m_files) {
        setTextColor(row.bytes, quiet);
        setTextColor(row.rows, quiet);
    }
    setTextColor(m_generateBytes, quiet);
}

} // namespace qaconsole::ui
