#include "ui/shell/theme.h"

#include <QPalette>
#include <QWidget>

namespace qaconsole::ui {

QColor blend(const QColor& from, const QColor& to, qreal amount)
{
    const auto mix = [amount](qreal a, qreal b) {
        return a + (b - a) * amount;
    };
    return QColor::fromRgbF(static_cast<float>(mix(from.redF(), to.redF())),
                            static_cast<float>(mix(from.greenF(), to.greenF())),
                            static_cast<float>(mix(from.blueF(), to.blueF())),
                            static_cast<float>(mix(from.alphaF(), to.alphaF())));
}

QColor secondaryText(const QPalette& palette)
{
    return blend(palette.color(QPalette::WindowText), palette.color(QPalette::Window), 0.42);
}

QColor hairline(const QPalette& palette)
{
    return blend(palette.color(QPalette::Window), palette.color(QPalette::WindowText), 0.14);
}

QColor selectionTint(const QPalette& palette)
{
    return blend(palette.color(QPalette::Base), palette.color(QPalette::Highlight), 0.16);
}

QColor hoverTint(const QPalette& palette)
{
    return blend(palette.color(QPalette::Base), palette.color(QPalette::Highlight), 0.07);
}

void setTextColor(QWidget* widget, const QColor& color)
{
    QPalette colored = widget->palette();
    colored.setColor(QPalette::WindowText, color);
    widget->setPalette(colored);
}

} // namespace qaconsole::ui
