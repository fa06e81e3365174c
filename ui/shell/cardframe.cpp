#include "ui/shell/cardframe.h"

#include "ui/shell/theme.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace qaconsole::ui {

CardFrame::CardFrame(const QString& title, QWidget* parent)
    : QFrame(parent), m_title(new QLabel(title, this)), m_content(new QVBoxLayout)
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);

    m_content->setContentsMargins(0, 0, 0, 0);
    m_content->setSpacing(12);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 18);
    layout->setSpacing(14);
    layout->addWidget(m_title);
    layout->addLayout(m_content, 1);
    applyStyle();
}

void CardFrame::changeEvent(QEvent* event)
{
    // Only the application palette counts: the card's own palette is set by its style sheet.
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyStyle();
    QFrame::changeEvent(event);
}

void CardFrame::applyStyle()
{
    const QPalette colors = QApplication::palette(this);
    // Selected by class so the panel look does not reach the labels and tables inside.
    setStyleSheet(QStringLiteral("qaconsole--ui--CardFrame { background: %1; border: 1px solid %2;"
                                 " border-radius: 10px; }")
                      .arg(colors.color(QPalette::Base).name(), hairline(colors).name()));
}

} // namespace qaconsole::ui
