#pragma once

#include <QRect>
#include <QSize>

namespace qaconsole::ui {

// Where the main window goes, decided from rectangles alone so it is tested without a screen.

// The size a first start opens at, as a share of the screen's available area.
inline constexpr double kDefaultScreenShare = 0.8;
// The smallest size the console's pages are laid out for; used when the screen has room.
inline constexpr QSize kComfortableSize{1280, 720};

// A first start: `kDefaultScreenShare` of `available`, but at least kComfortableSize when
// `available` allows it and never more than `available`; centred in it.
QRect defaultWindowGeometry(const QRect& available);

// `frame` moved (and, if it is larger, shrunk) so that all of it lies inside `available`: a
// window restored on a screen smaller than the one it was saved on, or on a screen that is gone,
// comes back where it can be seen and moved. A frame already inside is returned as it is.
QRect keepOnScreen(const QRect& frame, const QRect& available);

} // namespace qaconsole::ui
