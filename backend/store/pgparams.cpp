#include "backend/store/pgparams.h"

#include <charconv>
#include <stdexcept>

namespace qaconsole::store {

PgParams& PgParams::add(std::int64_t number)
{
    if (m_count == kMax)
        throw std::logic_error("PgParams: too many parameters");
    std::array<char, 24>& text = m_numbers[std::size_t(m_count)];
    const auto end = std::to_chars(text.data(), text.data() + text.size() - 1, number).ptr;
    *end = '\0';
    m_texts[std::size_t(m_count)] = nullptr;
    ++m_count;
    return *this;
}

PgParams& PgParams::add(const std::string& text)
{
    if (m_count == kMax)
        throw std::logic_error("PgParams: too many parameters");
    m_texts[std::size_t(m_count)] = text.c_str();
    ++m_count;
    return *this;
}

void PgParams::fill(std::array<const char*, kMax>& values) const
{
    for (std::size_t i = 0; i < std::size_t(m_count); ++i)
        values[i] = m_texts[i] ? m_texts[i] : m_numbers[i].data();
}

} // namespace qaconsole::store
