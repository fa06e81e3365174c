#pragma once

#include "report/reporterror.h"

#include <QByteArray>
#include <QString>

namespace qaconsole::report {

// Writes `bytes` to `path` whole or not at all (QSaveFile): a report that failed half way never
// replaces the previous one. An Io error names the path.
ReportStatus saveFile(const QString& path, const QByteArray& bytes);

} // namespace qaconsole::report
