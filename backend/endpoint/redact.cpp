#include "backend/endpoint/redact.h"

#include <QRegularExpression>

namespace qaconsole::endpoint {

QString redactSecrets(const QString& text)
{
    // scheme://user:password@ — the password runs to the last '@' before the host.
    static const QRegularExpression uriPassword(
        QStringLiteral(R"(([a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\s]*:)[^\s]*@)"));
    // libpq keyword form, quoted or not; not the URI query form, handled below.
    static const QRegularExpression keywordPassword(
        QStringLiteral(R"((?<![?&\w])(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+))"),
        QRegularExpression::CaseInsensitiveOption);
    // URI query form: ?password=... or &password=...
    static const QRegularExpression queryPassword(QStringLiteral(R"(([?&]password=)[^&\s]*)"),
                                                  QRegularExpression::CaseInsensitiveOption);

    QString out = text;
    out.replace(uriPassword, QStringLiteral("\\1****@"));
    out.replace(queryPassword, QStringLiteral("\\1****"));
    out.replace(keywordPassword, QStringLiteral("\\1****"));
    return out;
}

} // namespace qaconsole::endpoint
