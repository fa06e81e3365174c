#include "ui/capacity/pricetable.h"

#include "ui/capacity/capacitycontroller.h"
#include "ui/capacity/pricelist.h"
#include "ui/shell/columnfitter.h"
#include "ui/shell/elidedlabel.h"
#include "ui/shell/statusbanner.h"
#include "ui/shell/tableheight.h"
#include "ui/shell/theme.h"
#include "ui/shell/tonecolor.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace qaconsole::ui {

namespace {

QStringList headers()
{
    return {QObject::tr("Id"),        QObject::tr("Item"),
            QObject::tr("Unit"),      QObject::tr("Price (US$ per unit)"),
            QObject::tr("Date read"), QObject::tr("Source"),
            QObject::tr("Notes")};
}

} // namespace

PriceTable::PriceTable(CapacityController& controller, QWidget* parent)
    : QWidget(parent), m_controller(controller)
{
    m_banner = new StatusBanner(QStringLiteral("priceBanner"), this);
    m_table = new QTableWidget(0, kPriceColumnCount, this);
    m_table->setObjectName(QStringLiteral("priceTable"));
    m_table->setHorizontalHeaderLabels(headers());
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeaderItem(int(PriceColumn::Unit))
        ->setToolTip(planning::priceUnitNames().join(QStringLiteral(", ")));
    m_table->horizontalHeaderItem(int(PriceColumn::Seen))
        ->setToolTip(tr("When the price was read: 2026-12 or 2026-12-03"));
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    ColumnFitter::install(m_table, int(PriceColumn::Notes));

    m_errors = new QLabel(this);
    m_errors->setObjectName(QStringLiteral("priceErrorsLabel"));
    m_errors->setWordWrap(true);
    m_errors->setTextFormat(Qt::PlainText);
    m_file = new ElidedLabel(this);
    m_file->setObjectName(QStringLiteral("priceFileLabel"));
    m_save = new QPushButton(tr("Save"), this);
    m_save->setObjectName(QStringLiteral("priceSaveButton"));
    m_revert = new QPushButton(tr("Revert"), this);
    m_revert->setObjectName(QStringLiteral("priceRevertButton"));
    m_revert->setToolTip(tr("Read the prices file again; changes not saved are lost"));
    m_shipped = new QPushButton(tr("Shipped prices…"), this);
    m_shipped->setObjectName(QStringLiteral("priceShippedButton"));
    m_shipped->setToolTip(tr("Put the prices the console ships with back in the table; Save "
                             "writes them"));

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    buttons->addWidget(m_file, 1);
    buttons->addWidget(m_shipped);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(m_banner);
    layout->addWidget(m_table);
    layout->addWidget(m_errors);
    layout->addLayout(buttons);
    layout->addStretch(1);

    connect(m_table, &QTableWidget::itemChanged, this, &PriceTable::cellEdited);
    connect(m_save, &QPushButton::clicked, this, [this] { m_controller.savePrices(); });
    connect(m_revert, &QPushButton::clicked, this, [this] { m_controller.reloadPrices(); });
    connect(m_shipped, &QPushButton::clicked, this, &PriceTable::confirmShipped);
    connect(&m_controller, &CapacityController::pricesChanged, this, &PriceTable::showPrices);
    showPrices();
}

void PriceTable::showPrices()
{
    const PriceList& prices = m_controller.prices();
    const planning::PriceCatalogue& catalogue = prices.catalogue();
    m_showing = true;
    m_table->setRowCount(int(catalogue.items.size()));
    const QPalette palette = QApplication::palette(this);
    for (int row = 0; row < catalogue.items.size(); ++row) {
        const planning::PriceItem& item = catalogue.items.at(row);
        for (int column = 0; column < kPriceColumnCount; ++column) {
            const auto which = PriceColumn(column);
            QTableWidgetItem* cell = m_table->item(row, column);
            if (!cell) {
                cell = new QTableWidgetItem;
                m_table->setItem(row, column, cell);
            }
            cell->setText(prices.cellText(row, which));
            cell->setTextAlignment((which == PriceColumn::Price ? Qt::AlignRight : Qt::AlignLeft) |
                                   Qt::AlignVCenter);
            const QStringList wrong = prices.errorsOf(row, which);
            QString tip = wrong.isEmpty() ? cell->text() : wrong.join(u'\n');
            if (which == PriceColumn::Name && !item.notes.isEmpty())
                tip += u'\n' + item.notes;
            cell->setToolTip(tip);
            cell->setForeground(wrong.isEmpty() ? palette.color(QPalette::Text)
                                                : toneColor(Tone::Bad));
            cell->setBackground(
                wrong.isEmpty() ? QBrush()
                                : blend(palette.color(QPalette::Base), toneColor(Tone::Bad), 0.12));
        }
    }
    m_table->setFixedHeight(tableHeightForRows(m_table, std::max(1, m_table->rowCount())));
    m_showing = false;

    const QStringList dates = prices.seenDates();
    m_banner->showStatus(
        Tone::Busy,
        tr("Check before quoting. %1, prices read %2: %3")
            .arg(catalogue.name.isEmpty() ? tr("No catalogue") : catalogue.name,
                 dates.isEmpty() ? tr("at no known date") : dates.join(QStringLiteral(", ")),
                 catalogue.checkBeforeQuoting));

    QStringList problems = prices.catalogueErrors();
    for (int row = 0; row < catalogue.items.size(); ++row) {
        for (int column = 0; column < kPriceColumnCount; ++column) {
            for (const QString& message : prices.errorsOf(row, PriceColumn(column)))
                problems << QStringLiteral("%1, %2: %3")
                                .arg(catalogue.items.at(row).id.isEmpty()
                                         ? tr("item %1").arg(row + 1)
                                         : catalogue.items.at(row).id,
                                     headers().at(column), message);
        }
        problems << prices.otherErrorsOf(row);
    }
    m_errors->setText(problems.join(u'\n'));
    m_errors->setVisible(!problems.isEmpty());
    setTextColor(m_errors, toneColor(Tone::Bad));

    QString file;
    if (prices.isShipped() && !prices.isModified())
        file = tr("The shipped prices; Save writes your copy to %1").arg(prices.path());
    else if (prices.isModified())
        file = tr("Not saved yet: %1 (a comparison uses the saved prices)").arg(prices.path());
    else
        file = prices.path();
    m_file->setText(file);
    m_save->setEnabled(prices.isModified() && prices.errors().isEmpty());
    m_revert->setEnabled(prices.isModified() || !prices.errors().isEmpty());
    m_shipped->setEnabled(!(prices.isShipped() && !prices.isModified()));
}

void PriceTable::cellEdited(QTableWidgetItem* item)
{
    if (m_showing)
        return;
    const int row = item->row();
    const int column = item->column();
    const QString text = item->text();
    // Outside the itemChanged handler: showPrices() rewrites the item being reported.
    QMetaObject::invokeMethod(
        this,
        [this, row, column, text] { m_controller.setPriceCell(row, PriceColumn(column), text); },
        Qt::QueuedConnection);
}

void PriceTable::confirmShipped()
{
    if (QMessageBox::question(this, tr("Shipped prices"),
                              tr("Replace the prices in the table with those the console ships "
                                 "with? Save writes them to %1.")
                                  .arg(m_controller.prices().path()),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) == QMessageBox::Yes)
        m_controller.resetPricesToShipped();
}

} // namespace qaconsole::ui
