#pragma once

// QCustomPlot's header declares its signals with `signals:` and loops with `foreach`, the
// keyword macros QT_NO_KEYWORDS turns off for our own code. They are lent to it for the include
// only, so nothing of ours can use them by accident. The pages include it too.
#define signals Q_SIGNALS
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef foreach
#undef signals
