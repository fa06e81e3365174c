#include "ui/loadtest/loadedidsreader.h"

#include "loadgen/pgidreader.h"
#include "ui/shell/backgroundlane.h"

#include <utility>

namespace qaconsole::ui {

LoadedIdsReader::LoadedIdsReader(BackgroundLane& lane, QObject* parent)
    : QObject(parent), m_lane(lane)
{}

void LoadedIdsReader::read(const QString& dsn)
{
    if (m_lane.isShutDown() || dsn.isEmpty())
        return;
    if (m_reading)
        m_pending = dsn;
    else
        start(dsn);
}

void LoadedIdsReader::start(const QString& dsn)
{
    m_reading = true;
    // The work has its own copy of the DSN; nothing of this object is touched on the lane.
    m_lane.post(
        [dsn] {
            loadgen::PgIdReader reader(dsn);
            return loadgen::readLoadedIds(reader);
        },
        [this, dsn](const loadgen::LoadResult<loadgen::LoadedIds>& loaded) {
            m_reading = false;
            if (loaded)
                Q_EMIT idsRead(dsn, loaded.value());
            else
                Q_EMIT failed(dsn, loaded.error().text());
            if (!m_pending.isEmpty())
                start(std::exchange(m_pending, QString()));
        });
}

} // namespace qaconsole::ui
