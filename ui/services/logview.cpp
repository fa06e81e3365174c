#include "ui/services/logview.h"

#include "backend/stack/logtail.h"

#include <QFontDatabase>
#include <QScrollBar>
#include <QTextDocument>
#include <QTimer>

namespace qaconsole::ui {

namespace {

constexpr int pollIntervalMs = 500;
constexpr int maximumLines = 2000;
// About the last 2000 lines of a typical server log: enough context, quick to show.
constexpr qint64 backlogBytes = 192 * 1024;

} // namespace

LogView::LogView(QWidget* parent) : QPlainTextEdit(parent), m_timer(new QTimer(this))
{
    setReadOnly(true);
    setMaximumBlockCount(maximumLines);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setPlaceholderText(tr("No log file."));

    m_timer->setInterval(pollIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &LogView::poll);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        if (!m_scrollingOurselves)
            m_follow = isAtBottom();
    });
    // The range grows when the layout catches up with appended text: stay at the end.
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, [this](int, int maximum) {
        if (m_follow)
            scrollTo(maximum);
    });
}

LogView::~LogView() = default;

void LogView::follow(const QString& path)
{
    if (path == followedPath())
        return;
    clear();
    m_partialLine.clear();
    m_follow = true;
    if (path.isEmpty()) {
        m_tail.reset();
        m_timer->stop();
        setPlaceholderText(tr("No log file."));
        return;
    }
    m_tail = std::make_unique<stack::LogTail>(path, backlogBytes);
    setPlaceholderText(tr("Waiting for %1 …").arg(path));
    m_timer->start();
    poll();
}

QString LogView::followedPath() const
{
    return m_tail ? m_tail->path() : QString();
}

QSize LogView::sizeHint() const
{
    return sizeForLines(8);
}

QSize LogView::minimumSizeHint() const
{
    return sizeForLines(4);
}

void LogView::poll()
{
    if (!m_tail)
        return;
    const QString chunk = m_tail->read();
    if (chunk.isEmpty())
        return;

    // appendPlainText() always starts a new line, so only whole lines are handed to it.
    QString text = m_partialLine + chunk;
    const qsizetype lastNewline = text.lastIndexOf(QLatin1Char('\n'));
    if (lastNewline < 0) {
        m_partialLine = text;
        return;
    }
    m_partialLine = text.mid(lastNewline + 1);
    text.truncate(lastNewline);
    text.remove(QLatin1Char('\r'));

    const int scrolledTo = verticalScrollBar()->value();
    m_scrollingOurselves = true;
    appendPlainText(text);
    m_scrollingOurselves = false;
    // appendPlainText() scrolls on its own; a user reading older lines keeps their place.
    scrollTo(m_follow ? verticalScrollBar()->maximum() : scrolledTo);
}

void LogView::scrollTo(int value)
{
    m_scrollingOurselves = true;
    verticalScrollBar()->setValue(value);
    m_scrollingOurselves = false;
}

QSize LogView::sizeForLines(int lines) const
{
    // The horizontal scroll bar is counted: long lines are not wrapped, so it is often there.
    const int chrome = 2 * frameWidth() + static_cast<int>(2 * document()->documentMargin()) +
                       horizontalScrollBar()->sizeHint().height();
    return {QPlainTextEdit::sizeHint().width(), lines * fontMetrics().lineSpacing() + chrome};
}

bool LogView::isAtBottom() const
{
    const QScrollBar* bar = verticalScrollBar();
    return bar->value() >= bar->maximum();
}

} // namespace qaconsole::ui
