#pragma once

#include <QString>

#include <optional>

namespace qaconsole::pg {

// One "keyword = value" of a libpq keyword list, read as libpq reads it: the value is
// single-quoted, or runs to the next space; in both a backslash escapes the next character (a
// space too, when unquoted), so "host=a\\ password=x" is one setting. Internal to pg/: the
// password split and the masking of secrets both need libpq's exact reading (fuzz_conninfo
// found texts where anything less leaked a password).
struct KeywordSetting
{
    qsizetype start = 0;      // the keyword's first character
    qsizetype valueStart = 0; // the value's first character (its opening quote, if any)
    qsizetype end = 0;        // past the value (and its closing quote)
    QString keyword;
    QString value; // unescaped
};

// The setting at `pos` (after any spaces), advancing `pos` past it; nothing at the end of the
// text or where the text stops being a keyword list.
std::optional<KeywordSetting> nextKeywordSetting(const QString& text, qsizetype& pos);

} // namespace qaconsole::pg
