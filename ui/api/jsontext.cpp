#include "ui/api/jsontext.h"

#include <QJsonDocument>

namespace qaconsole::ui {

namespace {

constexpr int kIndent = 2;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The next character after `from` that is not white space, or 0 at the end.
char nextSignificant(const QByteArray& text, qsizetype from)
{
    for (qsizetype i = from; i < text.size(); ++i) {
        if (!isSpace(text[i]))
            return text[i];
    }
    return 0;
}

// Re-indents valid JSON token by token: only white space outside strings changes.
QByteArray indented(const QByteArray& json)
{
    QByteArray out;
    out.reserve(json.size() * 2);
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    const auto newLine = [&] {
        out += '\n';
        out += QByteArray(depth * kIndent, ' ');
    };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (isSpace(c))
            continue;
        switch (c) {
        case '"':
            inString = true;
            out += c;
            break;
        case '{':
        case '[': {
            out += c;
            const char next = nextSignificant(json, i + 1);
            if (next == '}' || next == ']') {
                out += next;
                i = json.indexOf(next, i + 1);
            } else {
                ++depth;
                newLine();
            }
            break;
        }
        case '}':
        case ']':
            --depth;
            newLine();
            out += c;
            break;
        case ',':
            out += c;
            newLine();
            break;
        case ':':
            out += ": ";
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace

QString readableBody(const QByteArray& body)
{
    QJsonParseError error;
    QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return QString::fromUtf8(body);
    return QString::fromUtf8(indented(body));
}

} // namespace qaconsole::ui
