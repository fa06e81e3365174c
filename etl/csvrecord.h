#pragma once

#include <QtGlobal>

#include <string_view>
#include <vector>

namespace qaconsole::etl {

// One record of a CSV file as CsvReader hands it out. The views stay valid until the reader's
// next call to next().
struct CsvRecord
{
    qint64 line = 0;      // 1-based line number of the record's first line (the header is line 1)
    qint64 offset = 0;    // byte offset of the record's start in the file (after any BOM: counted)
    std::string_view raw; // the record's bytes as in the file, without the line ending
    // Field values, unquoted and with doubled quotes undone (RFC 4180). Line breaks inside
    // quoted fields are kept as they were in the file (CRLF stays CRLF).
    std::vector<std::string_view> fields;
};

} // namespace qaconsole::etl
