#include "ui/capacity/comparisonresults.h"

#include "report/reportformat.h"
#include "report/tierchoice.h"
#include "report/tiertext.h"
#include "ui/loadtest/readonlytable.h"
#include "ui/shell/columnfitter.h"
#include "ui/shell/elidedlabel.h"
#include "ui/shell/tableheight.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace qaconsole::ui {

namespace {

const QString noValue = QStringLiteral("—");

void open(const QString& path)
{
    QDesktopServices::openUrl(QUrl::fromLocalFile(path));
}

} // namespace

ComparisonResults::ComparisonResults(QWidget* parent) : QWidget(parent)
{
    m_table =
        readOnlyTable({tr("Tier"), tr("Capacity (requests/s)"), tr("p99 at peak"), tr("$/month"),
                       tr("$ per million requests"), tr("Headroom"), tr("Freshness")},
                      this);
    m_table->setObjectName(QStringLiteral("compareResultsTable"));
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    ColumnFitter::install(m_table, FreshnessColumn);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("compareResultsNote"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    setTextColor(m_note, secondaryText(QApplication::palette(this)));
    m_folder = new ElidedLabel(this);
    m_folder->setObjectName(QStringLiteral("compareFolderLabel"));
    m_openReport = new QPushButton(tr("Open report"), this);
    m_openReport->setObjectName(QStringLiteral("openReportButton"));
    m_openReport->setToolTip(tr("report.html in the browser"));
    m_openPdf = new QPushButton(tr("Open PDF"), this);
    m_openPdf->setObjectName(QStringLiteral("openPdfButton"));
    m_showFolder = new QPushButton(tr("Show folder"), this);
    m_showFolder->setObjectName(QStringLiteral("showFolderButton"));
    m_showFolder->setToolTip(tr("The report's files and each run's trials (capacity.json, "
                                "trials.csv)"));

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    buttons->addWidget(m_folder, 1);
    buttons->addWidget(m_openReport);
    buttons->addWidget(m_openPdf);
    buttons->addWidget(m_showFolder);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_table);
    layout->addWidget(m_note);
    layout->addLayout(buttons);

    connect(m_openReport, &QPushButton::clicked, this, [this] { open(m_html); });
    connect(m_openPdf, &QPushButton::clicked, this, [this] { open(m_pdf); });
    connect(m_showFolder, &QPushButton::clicked, this, [this] { open(m_folderPath); });
    showResults(std::nullopt, {}, {});
}

void ComparisonResults::showResults(const std::optional<report::ReportModel>& model,
                                    const compare::WrittenReport& written, const QString& folder)
{
    m_table->setRowCount(0);
    const bool traffic = model && model->hasClientTraffic();
    m_table->horizontalHeaderItem(PeakP99Column)
        ->setText(traffic ? tr("p99 at peak (%1/s)").arg(report::rateValue(model->clientPeakRps))
                          : tr("p99 at peak"));
    m_table->horizontalHeaderItem(MonthlyColumn)
        ->setToolTip(traffic ? tr("What the tier costs a month at the client's traffic")
                             : tr("What the tier costs a month"));
    m_table->horizontalHeaderItem(PerMillionColumn)
        ->setToolTip(traffic ? tr("$/month over the client's requests a month, per million")
                             : tr("What a million requests cost with the tier kept at capacity"));
    m_table->horizontalHeaderItem(CapacityColumn)
        ->setToolTip(tr(
            "Requests/s: the highest constant rate that met the SLO; ≥ a floor, < below the first "
            "rate tried"));
    m_table->horizontalHeaderItem(HeadroomColumn)
        ->setToolTip(tr(
            "Capacity ÷ the client's peak: under 1× the tier does not meet the SLO at the peak"));
    if (model) {
        const report::TierChoice choice = report::chooseTiers(*model);
        for (int index = 0; index < model->tiers.size(); ++index) {
            const report::ReportTier& tier = model->tiers.at(index);
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            QTableWidgetItem* nameItem = tableCell(report::tierLabel(*model, tier));
            nameItem->setToolTip(tier.topology + u'\n' + tier.outcomeText +
                                 (tier.notes.isEmpty() ? QString() : u'\n' + tier.notes));
            if (index == choice.recommended) {
                QFont bold = nameItem->font();
                bold.setBold(true);
                nameItem->setFont(bold);
            }
            m_table->setItem(row, TierColumn, nameItem);
            QTableWidgetItem* capacity = tableCell(report::capacityFigure(tier), true);
            capacity->setToolTip(report::capacityText(tier) + u'\n' + tier.outcomeText);
            m_table->setItem(row, CapacityColumn, capacity);
            QTableWidgetItem* peak = tableCell(
                tier.p99AtPeakMs >= 0 ? report::latencyText(tier.p99AtPeakMs) : noValue, true);
            if (tier.p99AtPeakMs >= 0)
                peak->setToolTip(tr("p50 %1, %2 failed at the client's peak")
                                     .arg(report::latencyText(tier.p50AtPeakMs),
                                          report::percentText(tier.errorRateAtPeak)));
            else
                peak->setToolTip(traffic ? tr("Not measured at the peak") : tr("No peak given"));
            m_table->setItem(row, PeakP99Column, peak);
            const double monthly = report::monthlyPrice(*model, tier);
            QTableWidgetItem* month =
                tableCell(monthly > 0 ? report::moneyText(monthly) : noValue, true);
            month->setToolTip(tier.creditNote);
            m_table->setItem(row, MonthlyColumn, month);
            m_table->setItem(row, PerMillionColumn,
                             tableCell(tier.costPerMillion > 0
                                           ? report::unitPriceText(tier.costPerMillion)
                                           : noValue,
                                       true));
            const double headroom = report::headroomOf(*model, tier);
            QString headroomText = noValue;
            if (headroom > 0 && tier.hasCapacity())
                headroomText = (tier.capacityIsFloor() ? QStringLiteral("≥ ") : QString()) +
                               report::timesText(headroom);
            m_table->setItem(row, HeadroomColumn, tableCell(headroomText, true));
            QStringList staleness;
            for (const report::ReportStaleness& stale : tier.freshness)
                staleness << QStringLiteral("%1: %2").arg(stale.change, stale.text);
            QTableWidgetItem* fresh = tableCell(tier.freshnessSummary);
            fresh->setToolTip(staleness.join(u'\n'));
            m_table->setItem(row, FreshnessColumn, fresh);
        }
    }
    m_table->setFixedHeight(tableHeightForRows(m_table, std::max(1, m_table->rowCount())));
    m_table->setVisible(model.has_value());

    QStringList notes;
    if (model) {
        const report::TierChoice choice = report::chooseTiers(*model);
        if (choice.recommended >= 0)
            notes << tr("Recommended (in bold): %1, the cheapest tier that carries the client's "
                        "peak.")
                         .arg(report::tierLabel(*model, model->tiers.at(choice.recommended)));
        else if (traffic)
            notes << tr("No tier carries the client's peak under the SLO.");
        notes << tr("Capacity: the highest constant rate each tier sustained with %1.")
                     .arg(report::targetText(model->sloP99Ms, model->sloErrorRate));
        if (traffic)
            notes << tr("The client: %1 requests a month (%2/s on average), peak %3/s.")
                         .arg(report::countText(model->clientRequestsPerMonth),
                              report::rateValue(model->clientAverageRps),
                              report::rateValue(model->clientPeakRps));
        if (!model->pricesNote.isEmpty())
            notes << model->pricesNote;
    } else {
        notes << tr("The results of a comparison show here: each tier's capacity under the SLO, "
                    "its latency at the client's peak, its cost and its freshness.");
    }
    m_note->setText(notes.join(u' '));

    m_html = written.html;
    m_pdf = written.pdf;
    m_folderPath = folder;
    const bool writtenOk = !written.html.isEmpty() && written.error.isEmpty();
    m_folder->setText(folder.isEmpty() ? QString() : QDir::toNativeSeparators(folder));
    m_openReport->setEnabled(writtenOk);
    m_openPdf->setEnabled(writtenOk);
    m_showFolder->setEnabled(!folder.isEmpty() && QDir(folder).exists());
}

} // namespace qaconsole::ui
