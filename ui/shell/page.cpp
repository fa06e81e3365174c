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

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 20);
    layout->setSpacing(18);
    layout->addWidget(new PageHeader(title(), subtitle, this));
    layout->addWidget(scroll, 1);
}

} // namespace qaconsole::ui
