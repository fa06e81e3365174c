#include "etl/rejectwriter.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <charconv>
#include <mutex>
#include <string>

namespace qaconsole::etl {

namespace {

// Flushed to the file when it grows past this; a load with millions of bad rows must not keep
// them all in memory, and one with a few must not write row by row.
constexpr std::size_t kFlushBytes = 1 << 20;

void appendCsvField(std::string& out, std::string_view value)
{
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
        out.append(value);
        return;
    }
    out += '"';
    for (const char c : value) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

} // namespace

struct RejectWriter::State
{
    // The flush must happen under the same lock as the appends, or two threads could
    // interleave half rows in the file.
    bool flushLocked()
    {
        if (buffer.empty() || failed)
            return !failed;
        if (file->write(buffer.data(), static_cast<qint64>(buffer.size())) !=
            static_cast<qint64>(buffer.size())) {
            failed = true;
            error = file->errorString();
        }
        buffer.clear();
        return !failed;
    }

    mutable std::mutex mutex;
    std::unique_ptr<QSaveFile> file;
    std::string buffer;
    qint64 count = 0;
    bool failed = false;
    QString error;
};

RejectWriter::RejectWriter(QString path)
    : m_path(std::move(path)), m_state(std::make_unique<State>())
{}

RejectWriter::~RejectWriter()
{
    // Rejects already written are evidence of what was not loaded: keep them even when the
    // caller forgot close() or left early on an error.
    if (m_state->file)
        static_cast<void>(close());
}

Status RejectWriter::open()
{
    const std::lock_guard lock(m_state->mutex);
    State& s = *m_state;
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(folder))
        return makeError(ErrorKind::Io, QStringLiteral("cannot create the folder %1").arg(folder));
    // QSaveFile: a reader never sees a half-written reject file, and an old one is replaced
    // only by a complete new one.
    s.file = std::make_unique<QSaveFile>(m_path);
    if (!s.file->open(QIODevice::WriteOnly)) {
        const QString why = s.file->errorString();
        s.file.reset();
        return makeError(ErrorKind::Io, QStringLiteral("cannot write %1: %2").arg(m_path, why));
    }
    s.buffer.clear();
    s.buffer.reserve(kFlushBytes + 4096);
    s.buffer += "file,line,reason,detail,raw\n";
    s.count = 0;
    s.failed = false;
    s.error.clear();
    return {};
}

void RejectWriter::write(std::string_view file, qint64 line, RejectReason reason,
                         std::string_view detail, std::string_view raw)
{
    char number[24];
    const auto end = std::to_chars(number, number + sizeof number, line).ptr;

    const std::lock_guard lock(m_state->mutex);
    State& s = *m_state;
    if (!s.file)
        return;
    appendCsvField(s.buffer, file);
    s.buffer += ',';
    s.buffer.append(number, end);
    s.buffer += ',';
    appendCsvField(s.buffer, rejectReasonName(reason));
    s.buffer += ',';
    appendCsvField(s.buffer, detail);
    s.buffer += ',';
    appendCsvField(s.buffer, raw);
    s.buffer += '\n';
    ++s.count;
    if (s.buffer.size() >= kFlushBytes)
        s.flushLocked();
}

Status RejectWriter::close()
{
    const std::lock_guard lock(m_state->mutex);
    State& s = *m_state;
    if (!s.file)
        return makeError(ErrorKind::Io, QStringLiteral("%1: not open").arg(m_path));
    bool ok = s.flushLocked();
    QString message = s.error;
    if (ok && !s.file->commit()) {
        ok = false;
        message = s.file->errorString();
    }
    s.file.reset(); // without a commit, QSaveFile drops its temporary file
    if (!ok)
        return makeError(ErrorKind::Io, QStringLiteral("cannot write %1: %2").arg(m_path, message));
    return {};
}

qint64 RejectWriter::count() const
{
    const std::lock_guard lock(m_state->mutex);
    return m_state->count;
}

} // namespace qaconsole::etl
