#include "ui/shell/verticalscrollarea.h"

#include <QScrollArea>

namespace qaconsole::ui {

QScrollArea* verticalScrollArea(QWidget* content, QWidget* parent)
{
    auto* scroll = new QScrollArea(parent);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->viewport()->setAutoFillBackground(false);
    // After setWidget(), which turns the content's own fill on.
    content->setAutoFillBackground(false);
    content->setContentsMargins(0, 0, 6, 0);
    return scroll;
}

} // namespace qaconsole::ui
