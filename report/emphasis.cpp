#include "report/emphasis.h"

namespace qaconsole::report {

namespace {

// Walks `text` once: `onText(QChar)` for each character of the text itself (escapes undone),
// `onBold(bool opening)` at each "**".
template <typename OnText, typename OnBold>
void walkEmphasis(const QString& text, OnText onText, OnBold onBold)
{
    bool open = false;
    for (qsizetype at = 0; at < text.size(); ++at) {
        const QChar c = text[at];
        if (c == u'\\' && at + 1 < text.size()) {
            onText(text[++at]);
        } else if (c == u'*' && at + 1 < text.size() && text[at + 1] == u'*') {
            open = !open;
            onBold(open);
            ++at;
        } else {
            onText(c);
        }
    }
    if (open)
        onBold(false);
}

} // namespace

QString literal(const QString& plain)
{
    QString escaped;
    escaped.reserve(plain.size() + 4);
    for (const QChar c : plain) {
        if (c == u'*' || c == u'\\')
            escaped += u'\\';
        escaped += c;
    }
    return escaped;
}

QString bold(const QString& plain)
{
    return QStringLiteral("**") + literal(plain) + QStringLiteral("**");
}

QString emphasisToHtml(const QString& text)
{
    QString html;
    walkEmphasis(
        text, [&](QChar c) { html += escapeHtml(QString(c)); },
        [&](bool opening) {
            html += opening ? QStringLiteral("<strong>") : QStringLiteral("</strong>");
        });
    return html;
}

QString emphasisToPlain(const QString& text)
{
    QString plain;
    walkEmphasis(
        text, [&](QChar c) { plain += c; }, [](bool) {});
    return plain;
}

QString escapeHtml(const QString& plain)
{
    QString html = plain.toHtmlEscaped();
    return html.replace(u'\'', QStringLiteral("&#39;"));
}

} // namespace qaconsole::report
