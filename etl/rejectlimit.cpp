#include "etl/rejectlimit.h"

#include <cmath>

namespace qaconsole::etl {

RejectLimit RejectLimit::percent(double percent)
{
    RejectLimit limit;
    limit.m_percent = percent;
    return limit;
}

RejectLimit RejectLimit::rows(qint64 count)
{
    RejectLimit limit;
    limit.m_rows = count;
    return limit;
}

bool RejectLimit::exceededBy(qint64 rejected, qint64 read) const
{
    if (m_rows)
        return rejected > *m_rows;
    // Compared as rejected / read > percent / 100 without the division, so "1 %" of 100 rows
    // allows exactly one reject however the share rounds.
    return double(rejected) * 100.0 > m_percent * double(read);
}

QString RejectLimit::text() const
{
    if (m_rows)
        return *m_rows == 1 ? QStringLiteral("1 row") : QStringLiteral("%1 rows").arg(*m_rows);
    return QString::number(m_percent, 'g', 6) + u'%';
}

Result<RejectLimit> parseRejectLimit(const QString& text)
{
    const QString field = QStringLiteral("max-rejects");
    const QString trimmed = text.trimmed();
    auto refuse = [&](const QString& why) {
        return makeError(ErrorKind::BadInput, why, field);
    };
    if (trimmed.endsWith(u'%')) {
        bool ok = false;
        const double percent = trimmed.chopped(1).trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(percent) || percent < 0 || percent > 100)
            return refuse(
                QStringLiteral("\"%1\" is not a percentage from 0 % to 100 %").arg(text.left(40)));
        return RejectLimit::percent(percent);
    }
    bool ok = false;
    const qint64 rows = trimmed.toLongLong(&ok);
    if (!ok || rows < 0)
        return refuse(QStringLiteral("\"%1\" is neither a percentage such as 1% or 0.5 % nor "
                                     "a number of rows such as 100")
                          .arg(text.left(40)));
    return RejectLimit::rows(rows);
}

} // namespace qaconsole::etl
