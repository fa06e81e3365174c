#pragma once

#include "backend/stack/servicestatus.h"

#include <QDialog>
#include <QMap>

namespace qaconsole::ui {

// Help → About: the console's version (QACONSOLE_VERSION), the Qt it runs on and was built
// with, and the version of each service the console found. Labels are named for tests:
// "appVersionLabel", "qtVersionLabel" and "<service>VersionLabel" ("postgresVersionLabel").
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    // One row per entry of `serviceVersions`, in key order; an empty version reads "not found".
    explicit AboutDialog(const QMap<stack::ServiceKind, QString>& serviceVersions,
                         QWidget* parent = nullptr);
};

} // namespace qaconsole::ui
