#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;

namespace qaconsole::ui {

class CapacityController;
class ElidedLabel;
class StatusBanner;

// The Prices tab: the price catalogue the comparison's costs come from, one editable row per
// item (id, name, unit, price in US dollars, when and where it was read, notes), under a
// banner that says the prices must be checked before quoting and when they were read. A cell
// the catalogue's rules refuse turns red, its message in its tooltip and, with the item's id,
// under the table; Save writes the user's copy only when nothing is wrong, Revert reads it
// again and "Shipped prices…" puts the console's own back (to be saved).
//
// Named for tests: "priceTable", "priceBanner…" (the banner), "priceErrorsLabel",
// "priceFileLabel", "priceSaveButton", "priceRevertButton", "priceShippedButton".
class PriceTable : public QWidget
{
    Q_OBJECT
public:
    explicit PriceTable(CapacityController& controller, QWidget* parent = nullptr);

private:
    void showPrices();
    void cellEdited(QTableWidgetItem* item);
    void confirmShipped();

    CapacityController& m_controller;
    StatusBanner* m_banner;
    QTableWidget* m_table;
    QLabel* m_errors;
    ElidedLabel* m_file;
    QPushButton* m_save;
    QPushButton* m_revert;
    QPushButton* m_shipped;
    bool m_showing = false;
};

} // namespace qaconsole::ui
