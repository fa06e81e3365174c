#include "ui/loadtest/runrecord.h"

#include <QCoreApplication>

namespace qaconsole::ui {

QString RunRecord::label() const
{
    return QCoreApplication::translate("qaconsole::ui::RunRecord", "Run %1 · %2")
        .arg(number)
        .arg(started.toString(QStringLiteral("HH:mm:ss")));
}

} // namespace qaconsole::ui
