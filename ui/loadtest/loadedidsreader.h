#pragma once

#include "loadgen/databaseids.h"

#include <QObject>
#include <QString>

namespace qaconsole::ui {

class BackgroundLane;

// Reads the largest product, question and answer ids of a database (loadgen::readLoadedIds()
// with a PgIdReader) on a BackgroundLane, so the Load test can check fixed id ranges against
// what is loaded without blocking the window. One read at a time: one asked for meanwhile runs
// when it ends, with the newest DSN. Results arrive on the owner's thread.
class LoadedIdsReader : public QObject
{
    Q_OBJECT
public:
    // `lane` outlives the reader; its shutdown ends the reads.
    explicit LoadedIdsReader(BackgroundLane& lane, QObject* parent = nullptr);

    void read(const QString& dsn);

Q_SIGNALS:
    void idsRead(const QString& dsn, const qaconsole::loadgen::LoadedIds& loaded);
    void failed(const QString& dsn, const QString& error);

private:
    void start(const QString& dsn);

    BackgroundLane& m_lane;
    QString m_pending; // a DSN to read once the current read ends
    bool m_reading = false;
};

} // namespace qaconsole::ui
