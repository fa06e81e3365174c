#pragma once

#include "etl/generator/outputbuffer.h"
#include "etl/rejectreason.h"

#include <QFile>
#include <QString>

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qaconsole::etl {
struct GeneratorOptions;
struct TableSpec;
} // namespace qaconsole::etl

namespace qaconsole::etl::gen {

// What a writer has written so far, read by the progress thread while the writer runs. Updated
// at each flush, not per row.
struct FileCounters
{
    std::atomic<std::int64_t> bytes{0};
    std::atomic<std::int64_t> rows{0};
};

// A bad row as the manifest lists it.
struct BadLine
{
    std::int64_t line = 0; // physical line of the row's first line; the header is line 1
    RejectReason reason = RejectReason::FieldCount;
};

// One CSV file being written: the buffer, the file, line numbering and the bad rows' lines.
//
// A row is written field by field into out() between beginRow() and endRow(); field() puts the
// separator. A bad row is first composed like a good one, then taken back with takeRow() as
// fields, spoiled, and written with endBadRow(), which counts its line breaks itself.
class CsvFileWriter
{
public:
    CsvFileWriter(QString path, const GeneratorOptions& options, FileCounters& counters,
                  std::atomic<bool>& stop);

    // Creates (or truncates) the file and writes the BOM (if asked) and the header.
    bool open(const TableSpec& spec);

    OutputBuffer& out() { return m_out; }

    void beginRow()
    {
        m_rowStart = m_out.size();
        m_fields = 0;
    }
    void field()
    {
        if (m_fields > 0)
            m_out.put(',');
        m_fieldStart[m_fields++] = m_out.size();
    }
    // Ends a good row that holds `lineBreaks` line breaks inside quoted fields. False once the
    // writer must stop (an I/O error here or elsewhere, or cancel).
    bool endRow(int lineBreaks)
    {
        m_out.put(m_lineEnd);
        m_line += 1 + lineBreaks;
        ++m_rows;
        return !m_out.full() || flush();
    }

    // The row composed since beginRow(), as its fields were written (quotes included), removed
    // from the buffer.
    std::vector<std::string> takeRow();
    // Writes `fields` joined by commas as a row the ETL must reject for `reason`.
    bool endBadRow(const std::vector<std::string>& fields, RejectReason reason);
    // Writes `text` as the file's last record, bad for `reason`, with no further line ending.
    bool endLastBadRecord(std::string_view text, RejectReason reason);

    // Flushes and closes. False on an I/O error or when stopped.
    bool finish();

    bool created() const { return m_created; }
    QString error() const { return m_error; }
    std::int64_t rows() const { return m_rows; }
    std::int64_t bytes() const { return m_bytes; }
    const std::vector<BadLine>& badLines() const { return m_badLines; }

private:
    bool flush();

    QString m_path;
    QFile m_file;
    FileCounters& m_counters;
    std::atomic<bool>& m_stop;
    std::string_view m_lineEnd;
    bool m_legacy = false;
    OutputBuffer m_out;
    std::size_t m_rowStart = 0;
    std::size_t m_fieldStart[8] = {};
    int m_fields = 0;
    std::int64_t m_line = 2; // the next row's first line
    std::int64_t m_rows = 0;
    std::int64_t m_bytes = 0;
    bool m_created = false;
    QString m_error;
    std::vector<BadLine> m_badLines;
};

} // namespace qaconsole::etl::gen
