#include "pg/redact.h"

#include <QRegularExpression>

namespace qaconsole::pg {

QString redactSecrets(const QString& text)
{
    // scheme://user:password@: the password runs to the last '@' of the word, since an
    // unencoded '@' in it must not leave a part visible.
    static const QRegularExpression uriPassword(
        QStringLiteral(R"(([a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\s]*:)[^\s]*@)"));
    // Keyword form; not the query form (handled below) nor a longer word ending in "password".
    // A quote that is never closed runs to the end: libpq would read it so.
    static const QRegularExpression keywordPassword(
        QStringLiteral(R"((?<![?&\w])((?:ssl)?password\s*=\s*)('(?:[^'\\]|\\.)*'?|\S+))"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression queryPassword(
        QStringLiteral(R"(([?&](?:ssl)?password=)[^&\s]*)"),
        QRegularExpression::CaseInsensitiveOption);

    QString out = text;
    out.replace(uriPassword, QStringLiteral("\\1****@"));
    out.replace(queryPassword, QStringLiteral("\\1****"));
    out.replace(keywordPassword, QStringLiteral("\\1****"));
    return out;
}

} // namespace qaconsole::pg
