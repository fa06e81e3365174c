#include "etl/generator/csvfilewriter.h"

#include "etl/generator/datasetgenerator.h"
#include "etl/tableschema.h"

#include <algorithm>

namespace qaconsole::etl::gen {

namespace {

// Big enough that the file sees few, large writes; small enough that three writers stay well
// under 100 MB together.
constexpr std::size_t kFlushAt = 4 << 20;

} // namespace

CsvFileWriter::CsvFileWriter(QString path, const GeneratorOptions& options, FileCounters& counters,
                             std::atomic<bool>& stop)
    : m_path(std::move(path)), m_file(m_path), m_counters(counters), m_stop(stop),
      m_lineEnd(options.crlf ? "\r\n" : "\n"), m_out(kFlushAt)
{
    if (options.bom)
        m_out.put(std::string_view("\xEF\xBB\xBF"));
    m_legacy = options.legacy;
}

bool CsvFileWriter::open(const TableSpec& spec)
{
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered)) {
        m_error = QStringLiteral("cannot write %1: %2").arg(m_path, m_file.errorString());
        m_stop = true;
        return false;
    }
    m_created = true;
    // The older export put a space after each comma of the header (and only there).
    const std::string_view separator = m_legacy ? ", " : ",";
    for (std::size_t i = 0; i < spec.columns.size(); ++i) {
        if (i > 0)
            m_out.put(separator);
        m_out.put(spec.columns[i].name);
    }
    m_out.put(m_lineEnd);
    return true;
}

std::vector<std::string> CsvFileWriter::takeRow()
{
    std::vector<std::string> fields;
    const std::size_t end = m_out.size();
    for (int i = 0; i < m_fields; ++i) {
        // A field ends where the next one's separator is.
        const std::size_t to = i + 1 < m_fields ? m_fieldStart[i + 1] - 1 : end;
        fields.emplace_back(m_out.view(m_fieldStart[i], to));
    }
    m_out.truncate(m_rowStart);
    return fields;
}

bool CsvFileWriter::endBadRow(const std::vector<std::string>& fields, RejectReason reason)
{
    m_badLines.push_back({m_line, reason});
    int lineBreaks = 0;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0)
            m_out.put(',');
        m_out.put(fields[i]);
        lineBreaks += static_cast<int>(std::count(fields[i].begin(), fields[i].end(), '\n'));
    }
    return endRow(lineBreaks);
}

bool CsvFileWriter::endLastBadRecord(std::string_view text, RejectReason reason)
{
    m_badLines.push_back({m_line, reason});
    m_out.put(text);
    m_line += static_cast<std::int64_t>(std::count(text.begin(), text.end(), '\n'));
    ++m_rows;
    return flush();
}

bool CsvFileWriter::flush()
{
    if (m_stop.load(std::memory_order_relaxed))
        return false;
    const qint64 size = static_cast<qint64>(m_out.size());
    // A full disk first shows as a short write without an error; only writing the rest makes
    // the system say why (ENOSPC), which is what the user needs to read.
    qint64 written = 0;
    while (written < size) {
        const qint64 n = m_file.write(m_out.data() + written, size - written);
        if (n <= 0) {
            m_error = QStringLiteral("cannot write %1: %2")
                          .arg(m_path, m_file.error() != QFileDevice::NoError
                                           ? m_file.errorString()
                                           : QStringLiteral("the write stopped short"));
            m_stop = true;
            return false;
        }
        written += n;
    }
    m_out.clear();
    m_bytes += size;
    m_counters.bytes.store(m_bytes, std::memory_order_relaxed);
    m_counters.rows.store(m_rows, std::memory_order_relaxed);
    return true;
}

bool CsvFileWriter::finish()
{
    if (!flush())
        return false;
    m_file.close();
    if (m_file.error() != QFileDevice::NoError) {
        m_error = QStringLiteral("cannot write %1: %2").arg(m_path, m_file.errorString());
        m_stop = true;
        return false;
    }
    return true;
}

} // namespace qaconsole::etl::gen
