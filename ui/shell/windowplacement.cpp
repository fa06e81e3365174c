#include "ui/shell/windowplacement.h"

#include <algorithm>
#include <cmath>

namespace qaconsole::ui {

QRect defaultWindowGeometry(const QRect& available)
{
    const auto share = [](int length) {
        return static_cast<int>(std::lround(length * kDefaultScreenShare));
    };
    const int width =
        std::min(available.width(), std::max(share(available.width()), kComfortableSize.width()));
    const int height = std::min(available.height(),
                                std::max(share(available.height()), kComfortableSize.height()));
    QRect placed(0, 0, width, height);
    placed.moveCenter(available.center());
    return placed;
}

QRect keepOnScreen(const QRect& frame, const QRect& available)
{
    QRect placed(frame.topLeft(), QSize(std::min(frame.width(), available.width()),
                                        std::min(frame.height(), available.height())));
    // Right and bottom first, so a frame as large as the screen ends up at its top-left.
    if (placed.right() > available.right())
        placed.moveRight(available.right());
    if (placed.bottom() > available.bottom())
        placed.moveBottom(available.bottom());
    if (placed.left() < available.left())
        placed.moveLeft(available.left());
    if (placed.top() < available.top())
        placed.moveTop(available.top());
    return placed;
}

} // namespace qaconsole::ui
