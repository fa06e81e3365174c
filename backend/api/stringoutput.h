#pragma once

#include <algorithm>
#include <cstddef>
#include <string>

namespace qaconsole::api {

// A RapidJSON output stream that renders straight into a std::string (the response body),
// without an intermediate buffer. The Writer announces how much it may write
// (PutReserve, below) and then writes byte by byte (PutUnsafe): the string is grown ahead in
// steps and each byte is a plain store, not a push_back with its own capacity check, which
// was most of the cost of writing strings (texts are the bulk of a list's body). The string
// takes its final size when the stream goes (after the Writer, declared after it).
class StringOutput
{
public:
    using Ch = char;

    explicit StringOutput(std::string& out) : m_out(&out), m_size(out.size()) {}
    ~StringOutput() { m_out->resize(m_size); }
    StringOutput(const StringOutput&) = delete;
    StringOutput& operator=(const StringOutput&) = delete;

    void Put(char c)
    {
        reserve(1);
        putUnsafe(c);
    }
    void Flush() {}

    void reserve(std::size_t count)
    {
        if (m_out->size() - m_size < count)
            m_out->resize(std::max(m_size + count, 2 * m_out->size() + 256));
    }
    void putUnsafe(char c) { (*m_out)[m_size++] = c; }

private:
    std::string* m_out;
    std::size_t m_size; // bytes written; the string's own size runs ahead of it
};

// Found by argument-dependent lookup from RapidJSON's Writer, ahead of its generic versions
// (which reserve nothing and call Put).
inline void PutReserve(StringOutput& stream, std::size_t count)
{
    stream.reserve(count);
}
inline void PutUnsafe(StringOutput& stream, char c)
{
    stream.putUnsafe(c);
}

} // namespace qaconsole::api
