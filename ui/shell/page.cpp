#include "ui/shell/page.h"

#include "ui/shell/pageheader.h"
#include "ui/shell/verticalscrollarea.h"

#include <QScrollArea>
#include <QVBoxLayout>

namespace qaconsole::ui {

void Page::setScrollingContent(const QString& subtitle, QWidget* content)
{
    layOut(subtitle, verticalScrollArea(content, this));
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
