#pragma once

#include "etl/csvrecord.h"
#include "etl/etlerror.h"

#include <QString>

#include <memory>
#include <string>

class QFile;

namespace qaconsole::etl {

// Streams an RFC 4180 file record by record with a fixed-size buffer, so memory does not grow
// with the file: a UTF-8 BOM is skipped, LF and CRLF line endings are accepted, quoted fields may
// hold commas, doubled quotes and line breaks. Fields are not trimmed or converted here.
class CsvReader
{
public:
    enum class Status
    {
        Record,            // `record` holds the next record
        End,               // no more records
        UnterminatedQuote, // `record` holds the rest of the file from the open quote's record
        Error,             // an I/O error (see error())
    };

    // `bufferBytes` bounds memory; a single record longer than it still works (the buffer grows
    // for that record only).
    explicit CsvReader(QString path, qsizetype bufferBytes = 4 << 20);
    ~CsvReader();
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;

    // BadInput when the file cannot be opened or read; the error's field is the file's name,
    // and the message does not repeat it.
    etl::Status open();
    Status next(CsvRecord& record);

    bool hadBom() const;
    bool sawCrlf() const; // at least one record ended in CRLF
    qint64 fileSize() const;
    qint64 bytesConsumed() const; // through the end of the last record returned
    Error error() const;          // BadInput naming the file, after open() or next() failed
    const QString& path() const { return m_path; }

private:
    struct State;
    QString m_path;
    std::unique_ptr<State> m_state;
};

} // namespace qaconsole::etl
