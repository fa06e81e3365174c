#include "ui/shell/page.h"

#include "ui/shell/pageheader.h"

#include <QScrollArea>
#include <QVBoxLayout>

namespace qaconsole::ui {

void Page::setScrollingContent(const QString& subtitle, QWidget* content)
{
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->viewport()->setAutoFillBackground(false);
    // A little room between the cards and the scroll bar, so the bar does not touch them.
    content->setContentsMargins(0, 0, 6, 0);
    layOut(subtitle, scroll);
}

void Page::setContent(const QString& subtitle, QWidget* content)
{
    layOut(subtitle, content);
}

void Page::layOut(const QString& subtitle, QWidget* body)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 20);
    layout->setSpacing(18);
    layout->addWidget(new PageHeader(title(), subtitle, this));
    layout->addWidget(body, 1);
}

} // namespace qaconsole::ui
