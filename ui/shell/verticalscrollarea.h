#pragma once

class QScrollArea;
class QWidget;

namespace qaconsole::ui {

// `content` in a frameless area that scrolls vertically, never sideways, and lets the page's
// background show; the content keeps a little room on its right so a scroll bar does not touch
// its cards. How pages and tabs scroll (Page::setScrollingContent(), the Load test page's tabs).
QScrollArea* verticalScrollArea(QWidget* content, QWidget* parent = nullptr);

} // namespace qaconsole::ui
