#include "pg/keywordlist.h"

namespace qaconsole::pg {

namespace {

// libpq's isspace() in the C locale: a no-break space is part of a value.
bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\v' || c == u'\f' || c == u'\r';
}

} // namespace

std::optional<KeywordSetting> nextKeywordSetting(const QString& text, qsizetype& pos)
{
    auto skipSpaces = [&] {
        while (pos < text.size() && isSpace(text.at(pos)))
            ++pos;
    };
    skipSpaces();
    if (pos >= text.size())
        return std::nullopt;
    KeywordSetting setting;
    setting.start = pos;
    while (pos < text.size() && text.at(pos) != u'=' && !isSpace(text.at(pos)))
        setting.keyword.append(text.at(pos++));
    skipSpaces();
    if (pos >= text.size() || text.at(pos) != u'=')
        return std::nullopt; // libpq refuses the string: nothing more to read
    ++pos;
    skipSpaces();
    setting.valueStart = pos;
    const bool quoted = pos < text.size() && text.at(pos) == u'\'';
    if (quoted)
        ++pos;
    while (pos < text.size()) {
        const QChar c = text.at(pos);
        if (quoted ? c == u'\'' : isSpace(c))
            break;
        if (c == u'\\' && ++pos >= text.size())
            break; // a backslash that escapes nothing, as libpq drops it
        setting.value.append(text.at(pos++));
    }
    if (quoted && pos < text.size())
        ++pos; // the closing quote
    setting.end = pos;
    return setting;
}

} // namespace qaconsole::pg
