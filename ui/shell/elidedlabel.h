#pragma once

#include <QFrame>

namespace qaconsole::ui {

// One line of text that never widens its parent: when the room is short it is cut in the middle
// ("/home/ann/…/rejects.csv"), so both the start and the file name stay readable, and the whole
// text is always in the tooltip. For file paths, folders and URLs in cards and headers; a
// sentence is better cut at its end (setElideMode(Qt::ElideRight)).
//
// It asks for the width of its whole text but takes any width down to a few characters; the
// text is drawn in the palette's WindowText, so theme::setTextColor() colours it as a QLabel.
class ElidedLabel : public QFrame
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget* parent = nullptr);
    explicit ElidedLabel(const QString& text, QWidget* parent = nullptr);

    QString text() const { return m_text; }
    // What is drawn at the current width: the text, or the text elided in the middle.
    QString displayedText() const;
    bool isElided() const { return displayedText() != m_text; }
    void setText(const QString& text);
    // Where the text is cut: Qt::ElideMiddle (the default) or Qt::ElideRight.
    void setElideMode(Qt::TextElideMode mode);
    void clear() { setText(QString()); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString m_text;
    Qt::TextElideMode m_mode = Qt::ElideMiddle;
};

} // namespace qaconsole::ui
