#include "backend/stack/logtail.h"

#include <QFile>

#include <algorithm>
#include <utility>

namespace qaconsole::stack {

namespace {

// The length of `data` without a multi-byte UTF-8 sequence cut off at its end, so a chunk
// boundary or a writer caught mid-character never turns one character into two replacement
// characters; the cut bytes are read again next time.
qsizetype completeUtf8Length(const QByteArray& data)
{
    const qsizetype size = data.size();
    const qsizetype lowest = std::max<qsizetype>(0, size - 4);
    for (qsizetype i = size - 1; i >= lowest; --i) {
        const auto byte = static_cast<unsigned char>(data.at(i));
        if ((byte & 0xC0) == 0x80)
            continue; // a continuation byte: its lead byte is further back
        int needed = 1;
        if ((byte & 0xE0) == 0xC0)
            needed = 2;
        else if ((byte & 0xF0) == 0xE0)
            needed = 3;
        else if ((byte & 0xF8) == 0xF0)
            needed = 4;
        return size - i >= needed ? size : i;
    }
    return size; // not UTF-8 at all: let the decoder replace it rather than stall forever
}

} // namespace

LogTail::LogTail(QString path, qint64 backlogBytes, qint64 maxChunkBytes)
    : m_path(std::move(path)), m_backlogBytes(std::max<qint64>(0, backlogBytes)),
      m_maxChunkBytes(std::max<qint64>(1, maxChunkBytes))
{}

QString LogTail::read()
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        // Whatever appears under this path later is a new file, to be read from its start.
        if (m_offset > 0)
            m_offset = 0;
        return {};
    }

    const qint64 size = file.size();
    bool firstRead = false;
    if (m_offset < 0) {
        m_offset = std::max<qint64>(0, size - m_backlogBytes);
        firstRead = m_offset > 0;
    } else if (size < m_offset) {
        // Truncated or replaced by a shorter file (log rotation, a restarted service).
        m_offset = 0;
    }
    if (size == m_offset)
        return {};

    // On the first read the backlog starts mid-file; reading one byte earlier tells whether
    // that is already a line start, and otherwise the partial line is dropped.
    const qint64 begin = firstRead ? m_offset - 1 : m_offset;
    if (!file.seek(begin))
        return {};
    const qint64 wanted = std::min(m_maxChunkBytes + (firstRead ? 1 : 0), size - begin);
    const QByteArray data = file.read(wanted);
    if (data.isEmpty())
        return {};

    qsizetype skip = 0;
    if (firstRead) {
        const qsizetype newline = data.indexOf('\n');
        skip = newline >= 0 ? newline + 1 : 1;
    }
    qsizetype complete = completeUtf8Length(data);
    if (complete == 0 && begin + data.size() < size)
        complete = data.size(); // a chunk cap below one character: never stall on it
    const qsizetype keep = std::max(skip, complete);
    m_offset = begin + keep;
    return QString::fromUtf8(data.constData() + skip, keep - skip);
}

} // namespace qaconsole::stack
