#pragma once

#include "ui/shell/tone.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace qaconsole::ui {

// The one way a page says what happened or what to do next: a line or two of plain text in a
// Tone (a tinted band with a bar in the tone's colour), an optional action button beside it
// ("Load dataset"), and, when dismissable, a × that hides it until the next message. Hidden
// while there is no message.
//
// Named from `name` for tests: "<name>MessageLabel", "<name>ActionButton",
// "<name>DismissButton"; the banner itself "<name>Banner".
class StatusBanner : public QFrame
{
    Q_OBJECT
public:
    explicit StatusBanner(const QString& name, QWidget* parent = nullptr);

    // Shows `message` in `tone`, with an action button when `action` is not empty; an empty
    // message hides the banner.
    void showStatus(Tone tone, const QString& message, const QString& action = {});
    void clear() { showStatus(Tone::Neutral, {}); }
    // Offers the ×; off by default (a banner that describes a state stays while it holds).
    void setDismissable(bool dismissable);

    QString text() const;
    Tone tone() const { return m_tone; }

Q_SIGNALS:
    void actionTriggered();

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyPalette();

    Tone m_tone = Tone::Neutral;
    bool m_dismissed = false; // the × was clicked for the message shown
    QLabel* m_message;
    QPushButton* m_action;
    QToolButton* m_dismiss;
};

} // namespace qaconsole::ui
