#include "etl/generator/datefield.h"

#include "etl/generator/datasetplan.h"

#include <QDate>

namespace qaconsole::etl::gen {

DateField::DateField(bool legacy) : m_legacy(legacy), m_firstMs(kFirstDateMs)
{
    if (!legacy)
        return;
    const QDate epoch(1970, 1, 1);
    const std::int64_t firstDay = kFirstDateMs / kDayMs;
    const std::int64_t days = kLastDateMs / kDayMs - firstDay + 1;
    m_days.reserve(static_cast<std::size_t>(days * 10));
    for (std::int64_t d = 0; d < days; ++d) {
        const QByteArray text = epoch.addDays(firstDay + d).toString(Qt::ISODate).toLatin1();
        m_days.insert(m_days.end(), text.begin(), text.end());
    }
}

} // namespace qaconsole::etl::gen
