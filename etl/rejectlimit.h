#pragma once

#include "etl/etlerror.h"

#include <QString>

#include <optional>

namespace qaconsole::etl {

// How many of a file's rows may be rejected before the load is refused and the old tables kept:
// a share of the rows read from that file ("1%") or a number of rows ("100"). Each file is held
// to it on its own, so a small file that loses most of its rows is not hidden by a large one.
// Pure value; no I/O.
class RejectLimit
{
public:
    // The default: 1% of each file. A real export loses a handful of rows in a million; a
    // share well above that means a different format or a broken file, not dirty data.
    RejectLimit() = default;
    static RejectLimit percent(double percent);
    static RejectLimit rows(qint64 count);

    // True when `rejected` of `read` rows is more than this limit allows.
    bool exceededBy(qint64 rejected, qint64 read) const;

    bool isPercent() const { return !m_rows.has_value(); }
    double percentValue() const { return m_percent; } // when isPercent()
    qint64 rowsValue() const { return m_rows.value_or(0); }

    // "1%", "0.5%", "100 rows": as the option takes it and messages show it.
    QString text() const;

    friend bool operator==(const RejectLimit&, const RejectLimit&) = default;

private:
    double m_percent = 1.0;
    std::optional<qint64> m_rows;
};

// Reads a limit as the command line and the settings write it: a percentage from 0 to 100 with
// the sign ("1%", "0.5 %", "100%") or a whole number of rows ("100", "0"). BadInput, naming
// "max-rejects", with what was wrong otherwise.
Result<RejectLimit> parseRejectLimit(const QString& text);

} // namespace qaconsole::etl
