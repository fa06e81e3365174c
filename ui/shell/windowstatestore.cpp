#include "ui/shell/windowstatestore.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace qaconsole::ui {

namespace {

const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kLastPageKey = QStringLiteral("window/lastPage");

} // namespace

WindowStateStore::WindowStateStore(const QString& filePath) : m_filePath(filePath) {}

QString WindowStateStore::defaultFilePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("window.ini"));
}

QByteArray WindowStateStore::geometry() const
{
    return QSettings(m_filePath, QSettings::IniFormat).value(kGeometryKey).toByteArray();
}

QString WindowStateStore::lastPage() const
{
    return QSettings(m_filePath, QSettings::IniFormat).value(kLastPageKey).toString();
}

bool WindowStateStore::save(const QByteArray& geometry, const QString& lastPage)
{
    QSettings settings(m_filePath, QSettings::IniFormat);
    settings.setValue(kGeometryKey, geometry);
    settings.setValue(kLastPageKey, lastPage);
    settings.sync();
    return settings.status() == QSettings::NoError;
}

} // namespace qaconsole::ui
