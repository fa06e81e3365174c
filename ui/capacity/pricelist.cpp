#include "ui/capacity/pricelist.h"

#include "planning/catalogueerrors.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>

namespace qaconsole::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("PriceList", text);
}

QString itemPrefix(int index)
{
    return QStringLiteral("items[%1]").arg(index);
}

} // namespace

QString priceField(PriceColumn column)
{
    switch (column) {
    case PriceColumn::Id:
        return QStringLiteral("id");
    case PriceColumn::Name:
        return QStringLiteral("name");
    case PriceColumn::Unit:
        return QStringLiteral("unit");
    case PriceColumn::Price:
        return QStringLiteral("usd");
    case PriceColumn::Seen:
        return QStringLiteral("seen");
    case PriceColumn::Source:
        return QStringLiteral("source");
    case PriceColumn::Notes:
        break;
    }
    return QStringLiteral("notes");
}

PriceList::PriceList(QString path) : m_path(std::move(path))
{
    reload();
}

void PriceList::reload()
{
    m_badCells.clear();
    m_modified = false;
    m_shipped = !QFile::exists(m_path);
    if (m_shipped) {
        m_catalogue = planning::builtInCatalogue();
        m_errors.clear();
        return;
    }
    const planning::CatalogueParseResult loaded = planning::loadCatalogue(m_path);
    // A file with a mistake is not used, nor half shown: its mistakes are, until it is fixed
    // by hand or replaced by the shipped prices.
    m_catalogue = loaded.catalogue.value_or(planning::PriceCatalogue{});
    m_errors = loaded.errors;
}

void PriceList::resetToShipped()
{
    m_catalogue = planning::builtInCatalogue();
    m_badCells.clear();
    m_modified = true;
    revalidate();
}

bool PriceList::save()
{
    revalidate();
    if (!m_errors.isEmpty())
        return false;
    if (const auto saved = planning::saveCatalogue(m_path, m_catalogue); !saved) {
        m_errors = {{QString(), saved.error().text()}};
        return false;
    }
    m_modified = false;
    m_shipped = false;
    return true;
}

void PriceList::revalidate()
{
    m_errors = planning::validateCatalogue(m_catalogue);
    for (auto cell = m_badCells.cbegin(); cell != m_badCells.cend(); ++cell) {
        const int index = cell.key().first;
        const QString field = itemPrefix(index) + u'.' + priceField(PriceColumn(cell.key().second));
        // The rules saw the value kept from before the typing; the typing is what is wrong.
        m_errors.erase(
            std::remove_if(m_errors.begin(), m_errors.end(),
                           [&field](const core::FieldError& e) { return e.field == field; }),
            m_errors.end());
        m_errors.append(
            {field, planning::aboutItem(cell.value().second, m_catalogue.items.value(index).id)});
    }
}

QString PriceList::cellText(const planning::PriceItem& item, PriceColumn column)
{
    switch (column) {
    case PriceColumn::Id:
        return item.id;
    case PriceColumn::Name:
        return item.name;
    case PriceColumn::Unit:
        return planning::priceUnitName(item.unit);
    case PriceColumn::Price:
        return QString::number(item.usd, 'g', 12);
    case PriceColumn::Seen:
        return item.seen;
    case PriceColumn::Source:
        return item.source;
    case PriceColumn::Notes:
        break;
    }
    return item.notes;
}

QString PriceList::cellText(int index, PriceColumn column) const
{
    if (const auto bad = m_badCells.find({index, int(column)}); bad != m_badCells.end())
        return bad->first;
    return cellText(m_catalogue.items.value(index), column);
}

void PriceList::setCell(int index, PriceColumn column, const QString& text)
{
    if (index < 0 || index >= m_catalogue.items.size() || text == cellText(index, column))
        return;
    planning::PriceItem& item = m_catalogue.items[index];
    const QString value = column == PriceColumn::Notes ? text : text.trimmed();
    m_badCells.remove({index, int(column)});
    switch (column) {
    case PriceColumn::Id:
        item.id = value;
        break;
    case PriceColumn::Name:
        item.name = value;
        break;
    case PriceColumn::Unit:
        if (const qsizetype unit = planning::priceUnitNames().indexOf(value); unit >= 0)
            item.unit = planning::PriceUnit(unit);
        else
            m_badCells.insert(
                {index, int(column)},
                {text, tr("must be one of %1, not \"%2\"")
                           .arg(planning::priceUnitNames().join(QStringLiteral(", ")), text)});
        break;
    case PriceColumn::Price: {
        bool ok = false;
        QString number = value;
        if (number.startsWith(u'$'))
            number.remove(0, 1);
        const double usd = number.toDouble(&ok);
        if (ok)
            item.usd = usd;
        else
            m_badCells.insert(
                {index, int(column)},
                {text, tr("must be a price in dollars such as 0.0104, not \"%1\"").arg(text)});
        break;
    }
    case PriceColumn::Seen:
        item.seen = value;
        break;
    case PriceColumn::Source:
        item.source = value;
        break;
    case PriceColumn::Notes:
        item.notes = value;
        break;
    }
    m_modified = true;
    revalidate();
}

QStringList PriceList::errorsOf(int index, PriceColumn column) const
{
    const QString field = itemPrefix(index) + u'.' + priceField(column);
    QStringList messages;
    for (const core::FieldError& error : m_errors) {
        if (error.field == field)
            messages << error.message;
    }
    return messages;
}

QStringList PriceList::otherErrorsOf(int index) const
{
    const QString prefix = itemPrefix(index);
    QStringList messages;
    for (const core::FieldError& error : m_errors) {
        if (error.field != prefix && !error.field.startsWith(prefix + u'.'))
            continue;
        const QString field = error.field.mid(prefix.size() + 1);
        bool shown = false;
        for (int column = 0; column < kPriceColumnCount; ++column)
            shown = shown || field == priceField(PriceColumn(column));
        if (!shown)
            messages << error.text();
    }
    return messages;
}

QStringList PriceList::catalogueErrors() const
{
    QStringList messages;
    for (const core::FieldError& error : m_errors) {
        if (!error.field.startsWith(QStringLiteral("items[")))
            messages << error.text();
    }
    return messages;
}

QStringList PriceList::seenDates() const
{
    QStringList dates;
    for (const planning::PriceItem& item : m_catalogue.items) {
        if (!item.seen.isEmpty() && !dates.contains(item.seen))
            dates << item.seen;
    }
    std::sort(dates.begin(), dates.end());
    return dates;
}

} // namespace qaconsole::ui
