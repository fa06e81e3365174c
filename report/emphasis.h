#pragma once

#include <QString>

// The one markup of the report's sentences: **bold** around the words a reader scans for (tier
// names), as in Markdown, with a '\' before any '*' or '\' of the text itself, so a tier named
// "A**B" stays itself. Text stays plain for a test, a log line or a GUI label; each renderer
// turns it into its own markup.
namespace qaconsole::report {

QString literal(const QString& plain);        // escaped: its '*' and '\' stay text
QString bold(const QString& plain);           // "**" + literal(plain) + "**"
QString emphasisToHtml(const QString& text);  // escaped HTML with <strong>
QString emphasisToPlain(const QString& text); // the words alone
QString escapeHtml(const QString& plain);     // &, <, >, " and '

} // namespace qaconsole::report
