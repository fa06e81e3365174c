#pragma once

#include "core/fielderror.h"
#include "planning/pricecatalogue.h"

#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

namespace qaconsole::ui {

// The columns of the price table a user edits; the rest of an item (its burst credits, capacity
// units, free allowance) is kept as read.
enum class PriceColumn
{
    Id,
    Name,
    Unit,
    Price, // US dollars per unit
    Seen,
    Source,
    Notes,
};
inline constexpr int kPriceColumnCount = 7;

// The price catalogue as the Capacity page's Prices tab edits it (docs/cost.md): the user's
// copy (prices.json in the configuration folder) when it exists, else the shipped prices; what
// changed since it was read or saved; and the mistakes, each with its field ("items[3].usd")
// and the item's id, by the catalogue's own rules (planning::validateCatalogue) after every
// edit. A price that is not a number is a mistake of its cell until it is one. Data only: no
// widget, no signal.
class PriceList
{
public:
    // `path`: the user's copy (planning::catalogueFile() in the console).
    explicit PriceList(QString path);

    const QString& path() const { return m_path; }
    const planning::PriceCatalogue& catalogue() const { return m_catalogue; }
    // The file does not exist: the shipped prices are shown (and Save would write them there).
    bool isShipped() const { return m_shipped; }
    bool isModified() const { return m_modified; }
    // The file's mistakes as read by reload(), then the rules' verdict after each edit, or why
    // save() could not write it.
    const core::FieldErrors& errors() const { return m_errors; }
    // The mistakes of item `index` in `column`'s field ("items[2].usd" is Price's).
    QStringList errorsOf(int index, PriceColumn column) const;
    // Those of item `index` that no column shows (its burst credits, a reference to another
    // item), and those of the catalogue itself (its name, its sentence, no item).
    QStringList otherErrorsOf(int index) const;
    QStringList catalogueErrors() const;

    // What a cell shows: the price as written in the file ("0.0104"), the unit's file name.
    static QString cellText(const planning::PriceItem& item, PriceColumn column);
    QString cellText(int index, PriceColumn column) const;
    // Changes one cell from what the user typed; the price must read as a number (a dot, no
    // currency sign), the unit as one of planning::priceUnitNames().
    void setCell(int index, PriceColumn column, const QString& text);
    // The months prices were read ("2026-12"), oldest first: the "check before quoting" banner's.
    QStringList seenDates() const;

    // Reads the file again (the shipped prices when it does not exist); edits are dropped.
    void reload();
    // The shipped prices in place of what is shown, as an edit: Save writes them.
    void resetToShipped();
    // Writes the file when there is no mistake; errors() says why not otherwise.
    bool save();

private:
    void revalidate();

    QString m_path;
    planning::PriceCatalogue m_catalogue;
    // Cells whose text could not be taken (a price that is not a number), by item and column:
    // the text as typed and why.
    QMap<QPair<int, int>, QPair<QString, QString>> m_badCells;
    core::FieldErrors m_errors;
    bool m_shipped = false;
    bool m_modified = false;
};

// The field of `column` as the catalogue's errors name it ("usd" for Price).
QString priceField(PriceColumn column);

} // namespace qaconsole::ui
