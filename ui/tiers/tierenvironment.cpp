#include "ui/tiers/tierenvironment.h"

#include "backend/stack/stacksettings.h"
#include "backend/tier/tierfile.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace qaconsole::ui {

TierEnvironment TierEnvironment::defaults()
{
    return {QCoreApplication::applicationFilePath(),
            QFileInfo(stack::defaultSettingsFile()).absoluteFilePath(), tier::defaultTiersPath()};
}

} // namespace qaconsole::ui
