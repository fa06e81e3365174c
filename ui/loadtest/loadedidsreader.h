#pragma once

#include "loadgen/databaseids.h"

#include <QObject>
#include <QString>

#include <memory>

class QThread;

namespace qaconsole::ui {

// Reads the largest product, question and answer ids of a database (loadgen::readLoadedIds()
// with a PgIdReader) on a thread of its own, so the Load test page can check fixed id ranges
// against what is loaded without blocking the window. One read at a time: one asked for
// meanwhile runs when it ends, with the newest DSN. Results arrive on the owner's thread.
class LoadedIdsReader : public QObject
{
    Q_OBJECT
public:
    explicit LoadedIdsReader(QObject* parent = nullptr);
    ~LoadedIdsReader() override; // waits for a read in flight (PgIdReader bounds it)

    void read(const QString& dsn);
    // Waits for a read in flight; none starts afterwards (for quitting).
    void shutdown();

Q_SIGNALS:
    void idsRead(const QString& dsn, const qaconsole::loadgen::LoadedIds& loaded);
    void failed(const QString& dsn, const QString& error);

private:
    void start(const QString& dsn);

    std::unique_ptr<QThread> m_thread;
    QString m_pending; // a DSN to read once the current read ends
    bool m_reading = false;
    bool m_shutDown = false;
};

} // namespace qaconsole::ui
