#pragma once

#include "etl/csvrecord.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace qaconsole::etl {

// Cuts one CSV record off the front of a block of bytes. Shared by CsvReader (which refills its
// buffer when told NeedMore) and the dataset inspector (which only parses the first kilobytes of
// a file). Internal to the etl library.
//
// Rules: fields are separated by ',' and records by LF or CRLF; a field starting with '"' is
// quoted and may hold ',', doubled quotes and line breaks; a quote inside an unquoted field is a
// literal; text between a closing quote and the next separator is appended to the field. Field
// views point into `data` or into the parser's scratch buffer and stay valid until the next
// parse() or until `data` changes.
class CsvRecordParser
{
public:
    enum class Kind
    {
        Record,            // `record.fields` and `record.raw` are set
        EmptyLine,         // a line with nothing on it; skip it, it still counts as a line
        NeedMore,          // the record does not end inside `data`; call again with more bytes
        UnterminatedQuote, // end of data inside a quoted field (only when atEof): `raw` is it all
        End,               // `data` is empty and atEof
    };

    struct Result
    {
        Kind kind = Kind::End;
        std::size_t consumed = 0; // bytes to drop from the front, line ending included
        qint64 lines = 0;         // physical lines the record spans
        bool crlf = false;        // the record ended in CRLF
    };

    // Parses the record at the start of `data`. `atEof` says no bytes follow `data`, so a record
    // without a trailing newline is complete. Sets `record.raw` and `record.fields` only.
    Result parse(std::string_view data, bool atEof, CsvRecord& record);

private:
    // A field of the slow path: either a view into the data or a span of the scratch buffer,
    // which may still reallocate while the record is parsed.
    struct Span
    {
        const char* data; // null: the field lives in m_scratch at `offset`
        std::size_t offset;
        std::size_t size;
    };

    Result parseQuoted(std::string_view data, bool atEof, CsvRecord& record);

    std::string m_scratch;
    std::vector<Span> m_spans;
};

} // namespace qaconsole::etl
