#include "ui/etl/loadsummaryview.h"

#include "ui/etl/etltext.h"
#include "ui/shell/elidedlabel.h"
#include "ui/shell/figuregrid.h"
#include "ui/shell/statepresentation.h"
#include "ui/shell/tableheight.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace qaconsole::ui {

namespace {

const QString noValue = QStringLiteral("—");

QColor green()
{
    return toneColor(Tone::Good);
}

QColor red()
{
    return toneColor(Tone::Bad);
}

QLabel* makeNumber(QWidget* parent, const QString& name)
{
    auto* label = new QLabel(noValue, parent);
    label->setObjectName(name);
    label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

LoadSummaryView::LoadSummaryView(QWidget* parent)
    : QWidget(parent), m_body(new QWidget(this)), m_status(new QLabel(m_body)),
      m_route(new ElidedLabel(m_body)), m_error(new QLabel(m_body)),
      m_checksCaption(new QLabel(m_body)), m_checks(new QTableWidget(0, 3, m_body)),
      m_rejectLink(new QLabel(m_body)), m_rejectPath(new ElidedLabel(m_body))
{
    m_placeholder = createPlaceholder();
    m_status->setObjectName(QStringLiteral("summaryStatusLabel"));
    m_status->setAlignment(Qt::AlignCenter);
    m_status->setMinimumHeight(24); // tall enough for the pill's rounded ends
    m_route->setObjectName(QStringLiteral("summaryRouteLabel"));
    m_error->setObjectName(QStringLiteral("summaryErrorLabel"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* header = new QHBoxLayout;
    header->setSpacing(12);
    header->addWidget(m_status);
    header->addWidget(m_route, 1);

    m_figures = new FigureGrid(m_body, {.large = true});
    m_finished = m_figures->addFigure(tr("Finished"), QStringLiteral("summaryFinishedLabel"));
    m_time = m_figures->addFigure(tr("Time"), QStringLiteral("summaryTimeLabel"));
    m_rate = m_figures->addFigure(tr("Rows per second"), QStringLiteral("summaryRateLabel"));
    m_rejectedTotal =
        m_figures->addFigure(tr("Rows rejected"), QStringLiteral("summaryRejectedLabel"));

    m_checksCaption->setObjectName(QStringLiteral("summaryChecksLabel"));
    QFont strong = m_checksCaption->font();
    strong.setWeight(QFont::DemiBold);
    m_checksCaption->setFont(strong);

    m_checks->setObjectName(QStringLiteral("verificationTable"));
    m_checks->setHorizontalHeaderLabels({QString(), tr("Check"), tr("Detail")});
    m_checks->verticalHeader()->hide();
    m_checks->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_checks->setSelectionMode(QAbstractItemView::NoSelection);
    m_checks->setFocusPolicy(Qt::NoFocus);
    m_checks->setShowGrid(false);
    m_checks->setAlternatingRowColors(true);
    m_checks->setWordWrap(false);
    m_checks->horizontalHeader()->setHighlightSections(false);
    m_checks->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_checks->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Fixed);
    m_checks->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_checks->horizontalHeader()->setStretchLastSection(true);
    m_checks->setColumnWidth(0, 32);
    m_checks->verticalHeader()->setDefaultSectionSize(m_checks->fontMetrics().height() + 10);

    m_rejectLink->setObjectName(QStringLiteral("rejectFileLink"));
    m_rejectLink->setTextFormat(Qt::RichText);
    m_rejectLink->setTextInteractionFlags(Qt::LinksAccessibleByMouse |
                                          Qt::LinksAccessibleByKeyboard);
    connect(m_rejectLink, &QLabel::linkActivated, this, &LoadSummaryView::openRejectFile);
    m_rejectPath->setObjectName(QStringLiteral("rejectFilePathLabel"));

    auto* rejects = new QHBoxLayout;
    rejects->setSpacing(10);
    rejects->addWidget(m_rejectLink);
    rejects->addWidget(m_rejectPath, 1);

    auto* body = new QVBoxLayout(m_body);
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(10);
    body->addLayout(header);
    body->addWidget(m_error);
    body->addLayout(m_figures);
    body->addSpacing(4);
    body->addLayout(createCounts());
    body->addSpacing(4);
    body->addWidget(m_checksCaption);
    body->addWidget(m_checks, 1);
    body->addLayout(rejects);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_placeholder, 1);
    layout->addWidget(m_body, 1);

    applyColors();
    clear();
}

void LoadSummaryView::showOutcome(const LoadOutcome& outcome)
{
    m_placeholder->hide();
    m_body->show();
    const etl::EtlResult& result = outcome.result;

    showStatus(outcome.status, outcome.statusTone);
    m_route->setText(outcome.route);
    m_error->setText(outcome.note);
    m_error->setVisible(!outcome.note.isEmpty());
    setTextColor(m_error, outcome.noteTone == Tone::Bad
                              ? red()
                              : secondaryText(QApplication::palette(this)));

    for (etl::Table table : etl::kTables) {
        const etl::TableCounts& counts = result.counts(table);
        TableRow& row = m_rows[static_cast<int>(table)];
        row.read->setText(countText(counts.rowsRead));
        row.loaded->setText(countText(counts.rowsLoaded));
        row.rejected->setText(countText(counts.rowsRejected));
        setTextColor(row.rejected, counts.rowsRejected > 0
                                       ? red()
                                       : QApplication::palette(this).color(QPalette::WindowText));
        row.inTable->setText(result.ok() ? countText(counts.rowsInTable) : noValue);
        row.ids->setText(
            counts.rowsLoaded > 0
                ? QStringLiteral("%1 – %2").arg(countText(counts.firstId), countText(counts.lastId))
                : noValue);
    }

    m_finished->setText(
        QLocale().toString(outcome.finishedAt.toLocalTime().time(), QLocale::ShortFormat));
    m_time->setText(result.elapsedMs > 0 ? durationText(result.elapsedMs) : noValue);
    m_rate->setText(outcome.rowsPerSecond > 0 ? rateText(outcome.rowsPerSecond) : noValue);
    const qint64 rejected = result.totalRejected();
    m_rejectedTotal->setText(countText(rejected));
    setTextColor(m_rejectedTotal,
                 rejected > 0 ? red() : QApplication::palette(this).color(QPalette::WindowText));

    fillChecks(result.checks);

    const bool haveRejects = !result.rejectFile.isEmpty() && QFileInfo::exists(result.rejectFile);
    m_rejectLink->setProperty("path", haveRejects ? result.rejectFile : QString());
    QString linkText = tr("Open the reject file (%1 rows)").arg(countText(rejected));
    if (rejected == 0)
        linkText = tr("Open the reject file (no rows)");
    else if (rejected == 1)
        linkText = tr("Open the reject file (1 row)");
    m_rejectLink->setText(
        haveRejects ? QStringLiteral("<a href=\"reject\">%1</a>").arg(linkText.toHtmlEscaped())
                    : tr("No reject file"));
    m_rejectPath->setText(haveRejects ? QDir::toNativeSeparators(result.rejectFile) : QString());
}

void LoadSummaryView::clear()
{
    m_body->hide();
    m_placeholder->show();
    m_status->clear();
}

QString LoadSummaryView::statusText() const
{
    return m_status->text();
}

void LoadSummaryView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ApplicationPaletteChange) {
        applyColors();
        if (!m_status->text().isEmpty())
            showStatus(m_status->text(), m_statusTone);
    }
    QWidget::changeEvent(event);
}

QWidget* LoadSummaryView::createPlaceholder()
{
    auto* placeholder = new QWidget(this);
    placeholder->setObjectName(QStringLiteral("summaryPlaceholder"));
    auto* icon = new QLabel(placeholder);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/dataload.svg"))
                        .pixmap(QSize(40, 40), devicePixelRatio(), QIcon::Disabled));
    icon->setAlignment(Qt::AlignCenter);
    auto* title = new QLabel(tr("No load yet"), placeholder);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);
    m_placeholderText = new QLabel(
        tr("The counts, timings and checks of the next load will appear here."), placeholder);
    m_placeholderText->setAlignment(Qt::AlignCenter);
    m_placeholderText->setWordWrap(true);

    auto* layout = new QVBoxLayout(placeholder);
    layout->setContentsMargins(0, 24, 0, 24);
    layout->setSpacing(6);
    layout->addStretch(1);
    layout->addWidget(icon);
    layout->addSpacing(4);
    layout->addWidget(title);
    layout->addWidget(m_placeholderText);
    layout->addStretch(1);
    return placeholder;
}

QLayout* LoadSummaryView::createCounts()
{
    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(20);
    grid->setVerticalSpacing(6);
    const QStringList captions = {tr("Table"),    tr("Read"),        tr("Loaded"),
                                  tr("Rejected"), tr("In database"), tr("Ids")};
    for (int column = 0; column < captions.size(); ++column) {
        auto* caption = new QLabel(captions.at(column), m_body);
        caption->setAlignment(column == 0 ? Qt::AlignLeft | Qt::AlignVCenter
                                          : Qt::AlignRight | Qt::AlignVCenter);
        m_captions.append(caption);
        grid->addWidget(caption, 0, column);
    }
    for (etl::Table table : etl::kTables) {
        const QString name = tableNameOf(table);
        const int line = static_cast<int>(table) + 1;
        auto* tableLabel = new QLabel(name, m_body);
        QFont strong = tableLabel->font();
        strong.setWeight(QFont::DemiBold);
        tableLabel->setFont(strong);
        TableRow& row = m_rows[static_cast<int>(table)];
        row.read = makeNumber(m_body, name + QStringLiteral("ReadLabel"));
        row.loaded = makeNumber(m_body, name + QStringLiteral("LoadedLabel"));
        row.rejected = makeNumber(m_body, name + QStringLiteral("RejectedLabel"));
        row.inTable = makeNumber(m_body, name + QStringLiteral("InTableLabel"));
        row.ids = makeNumber(m_body, name + QStringLiteral("IdsLabel"));
        grid->addWidget(tableLabel, line, 0);
        grid->addWidget(row.read, line, 1);
        grid->addWidget(row.loaded, line, 2);
        grid->addWidget(row.rejected, line, 3);
        grid->addWidget(row.inTable, line, 4);
        grid->addWidget(row.ids, line, 5);
    }
    grid->setColumnStretch(0, 2);
    for (int column = 1; column < captions.size(); ++column)
        grid->setColumnStretch(column, 1);
    return grid;
}

void LoadSummaryView::fillChecks(const QList<etl::VerificationCheck>& checks)
{
    const auto passed =
        std::count_if(checks.cbegin(), checks.cend(),
                      [](const etl::VerificationCheck& check) { return check.passed; });
    m_checksCaption->setText(
        checks.isEmpty()
            ? tr("Verification: no checks ran")
            : tr("Verification: %1 of %2 checks passed").arg(passed).arg(checks.size()));

    m_checks->setRowCount(static_cast<int>(checks.size()));
    for (int row = 0; row < checks.size(); ++row) {
        const etl::VerificationCheck& check = checks.at(row);
        auto* mark = new QTableWidgetItem(check.passed ? QStringLiteral("✓") : QStringLiteral("✗"));
        mark->setTextAlignment(Qt::AlignCenter);
        mark->setForeground(check.passed ? green() : red());
        QFont strong = mark->font();
        strong.setBold(true);
        mark->setFont(strong);
        mark->setData(Qt::UserRole, check.passed);
        auto* name = new QTableWidgetItem(check.name);
        auto* detail = new QTableWidgetItem(check.detail);
        detail->setToolTip(check.detail);
        if (!check.passed)
            detail->setForeground(red());
        m_checks->setItem(row, 0, mark);
        m_checks->setItem(row, 1, name);
        m_checks->setItem(row, 2, detail);
    }
    // A dozen or so checks: all of them in sight, the page scrolls rather than the table.
    m_checks->setMinimumHeight(tableHeightForRows(m_checks, m_checks->rowCount()));
    m_checks->setVisible(!checks.isEmpty());
}

void LoadSummaryView::showStatus(const QString& text, Tone tone)
{
    m_statusTone = tone;
    m_status->setText(text);
    m_status->setStyleSheet(pillStyleSheet(tone, QApplication::palette(this)));
}

void LoadSummaryView::openRejectFile()
{
    const QString path = m_rejectLink->property("path").toString();
    if (!path.isEmpty())
        QDesktopServices::openUrl(QUrl::fromLocalFile(path));
}

void LoadSummaryView::applyColors()
{
    const QPalette colors = QApplication::palette(this);
    m_figures->applyPalette(colors);
    const QColor quiet = secondaryText(colors);
    for (QLabel* caption : std::as_const(m_captions))
        setTextColor(caption, quiet);
    setTextColor(m_route, quiet);
    setTextColor(m_rejectPath, quiet);
    setTextColor(m_placeholderText, quiet);
}

} // namespace qaconsole::ui
