#pragma once

namespace qaconsole::ui {

// What a pill, a status bar dot or a message says about the situation, independent of which
// thing it describes. Pages pick a tone for what they show; the colour follows from it, so
// "waiting" can never borrow the red of "failed" by accident. Widget-free code (controllers)
// decides tones; the colour is the widgets' business (tonecolor.h).
enum class Tone
{
    Neutral, // nothing wrong and nothing happening: stopped, waiting for something, a hint
    Busy,    // work in progress: starting, stopping, loading; also a caution
    Good,    // running, passed, done
    Bad,     // failed, crashed, unreachable: something needs fixing
};

} // namespace qaconsole::ui
