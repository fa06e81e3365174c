#pragma once

#include "backend/supervise/superviseerror.h"

#include <QString>

namespace qaconsole::tier {

// A port kept in a file of a program's folder, so that it comes back on the same address:
// the number on its first line, or 0 when the file is missing or holds no port.
int readPortFile(const QString& path);
// Written whole or not at all.
supervise::Status writePortFile(const QString& path, int port);

} // namespace qaconsole::tier
