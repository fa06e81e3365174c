#include "ui/shell/statusbanner.h"

#include "ui/shell/theme.h"
#include "ui/shell/tonecolor.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace qaconsole::ui {

StatusBanner::StatusBanner(const QString& name, QWidget* parent)
    : QFrame(parent), m_message(new QLabel(this)), m_action(new QPushButton(this)),
      m_dismiss(new QToolButton(this))
{
    setObjectName(name + QStringLiteral("Banner"));
    m_message->setObjectName(name + QStringLiteral("MessageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_action->setObjectName(name + QStringLiteral("ActionButton"));
    m_action->setMinimumWidth(120);
    m_action->hide();
    m_dismiss->setObjectName(name + QStringLiteral("DismissButton"));
    m_dismiss->setText(QStringLiteral("×"));
    m_dismiss->setToolTip(tr("Dismiss"));
    m_dismiss->setAutoRaise(true);
    m_dismiss->setFixedSize(20, 20); // no taller than a line of text
    m_dismiss->hide();

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 5, 5, 5);
    layout->setSpacing(12);
    layout->addWidget(m_message, 1);
    layout->addWidget(m_action, 0, Qt::AlignVCenter);
    layout->addWidget(m_dismiss, 0, Qt::AlignTop);

    connect(m_action, &QPushButton::clicked, this, &StatusBanner::actionTriggered);
    connect(m_dismiss, &QToolButton::clicked, this, [this] {
        m_dismissed = true;
        hide();
    });
    hide();
    applyPalette();
}

void StatusBanner::showStatus(Tone tone, const QString& message, const QString& action)
{
    const bool restyle = tone != m_tone;
    // A message the user dismissed stays away until another one comes.
    if (restyle || message != m_message->text() || action != m_action->text())
        m_dismissed = false;
    m_tone = tone;
    m_message->setText(message);
    m_action->setText(action);
    m_action->setVisible(!action.isEmpty());
    setVisible(!message.isEmpty() && !m_dismissed);
    // Setting a style sheet re-polishes the widget: only when the tone changed.
    if (restyle)
        applyPalette();
}

void StatusBanner::setDismissable(bool dismissable)
{
    m_dismiss->setVisible(dismissable);
}

QString StatusBanner::text() const
{
    return isHidden() ? QString() : m_message->text();
}

void StatusBanner::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyPalette();
    QFrame::changeEvent(event);
}

void StatusBanner::applyPalette()
{
    const QPalette colors = QApplication::palette(this);
    const QColor accent = toneColor(m_tone);
    const QColor base = colors.color(QPalette::Base);
    setStyleSheet(QStringLiteral("#%1 { background: %2; border: 1px solid %3; border-left: 3px "
                                 "solid %4; border-radius: 4px; }")
                      .arg(objectName(), blend(base, accent, 0.07).name(),
                           blend(base, accent, 0.25).name(), accent.name()));
    setTextColor(m_message, m_tone == Tone::Neutral || m_tone == Tone::Good
                                ? colors.color(QPalette::WindowText)
                                : accent);
}

} // namespace qaconsole::ui
