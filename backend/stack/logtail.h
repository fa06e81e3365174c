#pragma once

#include <QString>

namespace qaconsole::stack {

// Follows a growing log file: each read() returns the text appended since the previous one.
// Starts with at most the last `backlogBytes` of the file, copes with the file appearing late,
// being truncated or replaced, and never reads more than `maxChunkBytes` at once so a burst of
// logging cannot stall its caller.
class LogTail
{
public:
    explicit LogTail(QString path, qint64 backlogBytes = 16 * 1024,
                     qint64 maxChunkBytes = 64 * 1024);

    QString read();
    const QString& path() const { return m_path; }

private:
    QString m_path;
    qint64 m_backlogBytes;
    qint64 m_maxChunkBytes;
    qint64 m_offset = -1; // -1: not opened yet
};

} // namespace qaconsole::stack
