#pragma once

#include <QByteArray>
#include <QString>

namespace qaconsole::ui {

// The main window's own memory between starts: its geometry and the page last shown. Kept in a
// file of its own (an INI file through QSettings), apart from the stack settings file a user
// edits, so the console never rewrites that one. The file is given, so tests use a temporary
// folder and never touch the user's real settings.
class WindowStateStore
{
public:
    explicit WindowStateStore(const QString& filePath);

    // QStandardPaths' application config folder, window.ini ("~/.config/qaconsole/window.ini").
    static QString defaultFilePath();

    QString filePath() const { return m_filePath; }
    // QWidget::saveGeometry()'s bytes; empty before the first save.
    QByteArray geometry() const;
    // The object name of the page shown last; empty before the first save.
    QString lastPage() const;
    // Writes both at once; false when the file could not be written.
    bool save(const QByteArray& geometry, const QString& lastPage);

private:
    QString m_filePath;
};

} // namespace qaconsole::ui
