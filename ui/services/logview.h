#pragma once

#include <QPlainTextEdit>

#include <memory>

class QTimer;

namespace qaconsole::stack {
class LogTail;
}

namespace qaconsole::ui {

// A live, read-only view of a service's log file: polls the file every 500 ms, starts with its
// last lines, and keeps at most 2000 lines. It scrolls along with new lines only while the user
// is at the bottom, so reading further up is never interrupted.
class LogView : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit LogView(QWidget* parent = nullptr);
    ~LogView() override;

    // Follows the file at `path` from now on; a different path clears the view, an empty one
    // stops following. The file need not exist yet.
    void follow(const QString& path);
    QString followedPath() const;

    // Eight lines preferred, four at least: the page shares its height among several logs.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

private:
    void poll();
    bool isAtBottom() const;
    void scrollTo(int value);
    QSize sizeForLines(int lines) const;

    std::unique_ptr<stack::LogTail> m_tail;
    QTimer* m_timer;
    QString m_partialLine; // text after the last newline read, shown once its line is complete
    // Whether new lines scroll into view. Only the user's own scrolling changes it: the
    // document lays out lazily, so the scroll range right after an append cannot tell.
    bool m_follow = true;
    bool m_scrollingOurselves = false;
};

} // namespace qaconsole::ui
