#include "ui/cache/messagelabel.h"

#include <QLabel>

namespace qaconsole::ui {

QLabel* messageLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace qaconsole::ui
