#include "ui/shell/tonecolor.h"

namespace qaconsole::ui {

QColor toneColor(Tone tone)
{
    switch (tone) {
    case Tone::Good:
        return {0x21, 0x8a, 0x4f};
    case Tone::Busy:
        return {0xc2, 0x7c, 0x0e};
    case Tone::Bad:
        return {0xcf, 0x3a, 0x3a};
    case Tone::Neutral:
        break;
    }
    return {0x7a, 0x84, 0x90};
}

} // namespace qaconsole::ui
