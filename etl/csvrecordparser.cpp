#include "etl/csvrecordparser.h"

#include <algorithm>
#include <cstring>

namespace qaconsole::etl {

namespace {

const char* find(const char* from, const char* to, char c)
{
    return static_cast<const char*>(std::memchr(from, c, static_cast<std::size_t>(to - from)));
}

// Unquoted text runs until a separator; the slow path only, so a plain loop is fine.
const char* findSeparator(const char* from, const char* to)
{
    while (from < to && *from != ',' && *from != '\n')
        ++from;
    return from;
}

} // namespace

CsvRecordParser::Result CsvRecordParser::parse(std::string_view data, bool atEof, CsvRecord& record)
{
    const char* begin = data.data();
    const char* end = begin + data.size();
    if (begin == end)
        return {atEof ? Kind::End : Kind::NeedMore, 0, 0, false};

    // The hot path: almost every line of the real files is one record without quotes, so two
    // memchr calls decide that and a third splits it, all at memory speed.
    const char* newline = find(begin, end, '\n');
    if (!newline && !atEof)
        return {Kind::NeedMore, 0, 0, false};
    const char* lineEnd = newline ? newline : end;
    if (find(begin, lineEnd, '"'))
        return parseQuoted(data, atEof, record);

    Result result;
    result.consumed = static_cast<std::size_t>((newline ? newline + 1 : end) - begin);
    result.lines = 1;
    const char* contentEnd = lineEnd;
    if (contentEnd > begin && contentEnd[-1] == '\r') {
        --contentEnd;
        result.crlf = newline != nullptr;
    }
    if (contentEnd == begin) {
        result.kind = Kind::EmptyLine;
        return result;
    }

    result.kind = Kind::Record;
    record.raw = std::string_view(begin, static_cast<std::size_t>(contentEnd - begin));
    record.fields.clear();
    const char* field = begin;
    for (;;) {
        const char* comma = find(field, contentEnd, ',');
        if (!comma) {
            record.fields.emplace_back(field, static_cast<std::size_t>(contentEnd - field));
            break;
        }
        record.fields.emplace_back(field, static_cast<std::size_t>(comma - field));
        field = comma + 1;
    }
    return result;
}

CsvRecordParser::Result CsvRecordParser::parseQuoted(std::string_view data, bool atEof,
                                                     CsvRecord& record)
{
    const char* begin = data.data();
    const char* end = begin + data.size();
    m_scratch.clear();
    m_spans.clear();

    auto finish = [&](Kind kind, const char* rawEnd, const char* next, bool crlf) {
        record.fields.clear();
        for (const Span& span : m_spans) {
            const char* base = span.data ? span.data : m_scratch.data() + span.offset;
            record.fields.emplace_back(base, span.size);
        }
        record.raw = std::string_view(begin, static_cast<std::size_t>(rawEnd - begin));
        Result result;
        result.kind = kind;
        result.consumed = static_cast<std::size_t>(next - begin);
        result.lines = 1 + std::count(begin, rawEnd, '\n');
        result.crlf = crlf;
        return result;
    };

    const char* pos = begin;
    for (;;) {
        if (pos < end && *pos == '"') {
            ++pos;
            const char* segment = pos;
            bool inScratch = false;
            const std::size_t scratchStart = m_scratch.size();
            const char* valueEnd = nullptr;
            while (!valueEnd) {
                const char* quote = find(pos, end, '"');
                if (!quote) {
                    if (!atEof)
                        return {Kind::NeedMore, 0, 0, false};
                    // The file ends inside the quotes: hand out what there is, so the reject
                    // file shows the whole tail that the open quote swallowed.
                    if (inScratch) {
                        m_scratch.append(segment, end);
                        m_spans.push_back({nullptr, scratchStart, m_scratch.size() - scratchStart});
                    } else {
                        m_spans.push_back({segment, 0, static_cast<std::size_t>(end - segment)});
                    }
                    return finish(Kind::UnterminatedQuote, end, end, false);
                }
                if (quote + 1 == end && !atEof)
                    return {Kind::NeedMore, 0, 0, false}; // cannot tell "" from a closing quote
                if (quote + 1 < end && quote[1] == '"') {
                    m_scratch.append(segment, quote + 1);
                    inScratch = true;
                    pos = quote + 2;
                    segment = pos;
                    continue;
                }
                valueEnd = quote;
            }
            pos = valueEnd + 1;

            // Real exports sometimes put text after the closing quote ("a"b): keep it, as
            // spreadsheets do, rather than shifting every later field.
            const char* stop = findSeparator(pos, end);
            if (stop == end && !atEof)
                return {Kind::NeedMore, 0, 0, false};
            const char* extraEnd = stop;
            if ((stop == end || *stop == '\n') && extraEnd > pos && extraEnd[-1] == '\r')
                --extraEnd;
            if (inScratch || extraEnd > pos) {
                m_scratch.append(segment, valueEnd);
                m_scratch.append(pos, extraEnd);
                m_spans.push_back({nullptr, scratchStart, m_scratch.size() - scratchStart});
            } else {
                m_spans.push_back({segment, 0, static_cast<std::size_t>(valueEnd - segment)});
            }
            pos = stop;
        } else {
            const char* stop = findSeparator(pos, end);
            if (stop == end && !atEof)
                return {Kind::NeedMore, 0, 0, false};
            const char* valueEnd = stop;
            if ((stop == end || *stop == '\n') && valueEnd > pos && valueEnd[-1] == '\r')
                --valueEnd;
            m_spans.push_back({pos, 0, static_cast<std::size_t>(valueEnd - pos)});
            pos = stop;
        }

        if (pos < end && *pos == ',') {
            ++pos;
            continue;
        }
        // End of record: a newline outside quotes, or the end of the file.
        const char* rawEnd = pos;
        bool crlf = false;
        if (rawEnd > begin && rawEnd[-1] == '\r') {
            --rawEnd;
            crlf = pos < end;
        }
        return finish(Kind::Record, rawEnd, pos < end ? pos + 1 : end, crlf);
    }
}

} // namespace qaconsole::etl
