#include "ui/loadtest/loadedidsreader.h"

#include "loadgen/pgidreader.h"
#include "ui/shell/backgroundlane.h"

#include <optional>
#include <utility>

namespace qaconsole::ui {

namespace {

// What a read hands back.
struct Outcome
{
    std::optional<loadgen::LoadedIds> loaded;
    QString error;
};

} // namespace

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
            Outcome outcome;
            loadgen::PgIdReader reader(dsn);
            outcome.loaded = loadgen::readLoadedIds(reader, &outcome.error);
            return outcome;
        },
        [this, dsn](const Outcome& outcome) {
            m_reading = false;
            if (outcome.loaded)
                Q_EMIT idsRead(dsn, *outcome.loaded);
            else
                Q_EMIT failed(dsn, outcome.error);
            if (!m_pending.isEmpty())
                start(std::exchange(m_pending, QString()));
        });
}

} // namespace qaconsole::ui
