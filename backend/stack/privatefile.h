#pragma once

#include "backend/supervise/superviseerror.h"

#include <QByteArray>
#include <QString>

namespace qaconsole::stack {

// Replaces `path` atomically with `content`, readable and writable by its owner only (0600) from
// before the first byte is written: for files that hold passwords (stack.json, redis.conf).
// Io naming the file when it cannot be written.
supervise::Status writePrivateFile(const QString& path, const QByteArray& content);

} // namespace qaconsole::stack
