#pragma once

#include <string>

namespace qaconsole::api {

// A RapidJSON output stream that appends to a std::string, so a Writer renders straight into
// the response body without an intermediate buffer.
class StringOutput
{
public:
    using Ch = char;

    explicit StringOutput(std::string& out) : m_out(&out) {}
    void Put(char c) { m_out->push_back(c); }
    void Flush() {}

private:
    std::string* m_out;
};

} // namespace qaconsole::api
