#include "ui/shell/figuregrid.h"

#include "ui/shell/theme.h"

#include <QLabel>

namespace qaconsole::ui {

FigureGrid::FigureGrid(QWidget* owner, FigureStyle style) : m_owner(owner), m_style(style)
{
    setHorizontalSpacing(24);
    setVerticalSpacing(3);
}

QLabel* FigureGrid::addFigure(const QString& caption, const QString& objectName)
{
    const int column = static_cast<int>(m_captions.size());
    auto* captionLabel = new QLabel(caption, m_owner);
    m_captions.append(captionLabel);
    auto* value = new QLabel(QStringLiteral("—"), m_owner);
    value->setObjectName(objectName);
    if (m_style.selectable)
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (m_style.large) {
        QFont valueFont = value->font();
        valueFont.setPointSizeF(valueFont.pointSizeF() * 1.15);
        value->setFont(valueFont);
    }
    addWidget(captionLabel, 0, column);
    addWidget(value, 1, column);
    setColumnStretch(column, 1);
    return value;
}

void FigureGrid::applyPalette(const QPalette& palette)
{
    const QColor quiet = secondaryText(palette);
    for (QLabel* caption : std::as_const(m_captions))
        setTextColor(caption, quiet);
}

} // namespace qaconsole::ui
