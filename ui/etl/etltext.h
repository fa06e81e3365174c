#pragma once

#include "etl/tableschema.h"

#include <QString>

namespace qaconsole::ui {

// How the ETL screens write numbers, sizes and times, so the page and the wizard agree. Digits
// are grouped even under the C locale (offscreen, CI), where Qt would otherwise run them
// together.

QString countText(qint64 count);           // "1,234,567"
QString bytesText(qint64 bytes);           // "9.7 kB", "1.7 GB" (decimal units)
QString durationText(qint64 milliseconds); // "0.4 s", "12.4 s", "3 min 05 s", "1 h 02 min"
QString rateText(double rowsPerSecond);    // "12,345 rows/s"; "—" when not positive
QString etaText(double seconds);           // "about 12 s"; "—" when negative (unknown)
QString fileNameOf(etl::Table table);      // "questions.csv"
QString tableNameOf(etl::Table table);     // "questions"

} // namespace qaconsole::ui
