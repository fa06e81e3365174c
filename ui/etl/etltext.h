#pragma once

#include "etl/tableschema.h"
#include "ui/shell/numbertext.h"

#include <QString>

namespace qaconsole::ui {

// How the ETL screens write rates, estimates and file names (numbers: ui/shell/numbertext.h).

QString rateText(double rowsPerSecond); // "12,345 rows/s"; "—" when not positive
QString etaText(double seconds);        // "about 12 s"; "—" when negative (unknown)
QString fileNameOf(etl::Table table);   // "questions.csv"
QString tableNameOf(etl::Table table);  // "questions"

} // namespace qaconsole::ui
