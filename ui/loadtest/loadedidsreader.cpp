#include "ui/loadtest/loadedidsreader.h"

#include "loadgen/pgidreader.h"

#include <QThread>

#include <optional>
#include <utility>

namespace qaconsole::ui {

namespace {

// What the thread hands back.
struct Outcome
{
    std::optional<loadgen::LoadedIds> loaded;
    QString error;
};

} // namespace

LoadedIdsReader::LoadedIdsReader(QObject* parent) : QObject(parent) {}

LoadedIdsReader::~LoadedIdsReader()
{
    shutdown();
}

void LoadedIdsReader::read(const QString& dsn)
{
    if (m_shutDown || dsn.isEmpty())
        return;
    if (m_reading)
        m_pending = dsn;
    else
        start(dsn);
}

void LoadedIdsReader::shutdown()
{
    m_shutDown = true;
    m_pending.clear();
    if (m_thread)
        m_thread->wait();
}

void LoadedIdsReader::start(const QString& dsn)
{
    if (m_shutDown || dsn.isEmpty()) {
        m_reading = false;
        return;
    }
    // The thread works on its own copies, so this object may go before it ends (the destructor
    // waits anyway).
    auto outcome = std::make_shared<Outcome>();
    m_thread.reset(QThread::create([outcome, dsn] {
        loadgen::PgIdReader reader(dsn);
        outcome->loaded = loadgen::readLoadedIds(reader, &outcome->error);
    }));
    connect(m_thread.get(), &QThread::finished, this, [this, outcome, dsn] {
        m_thread->wait();
        if (m_shutDown)
            return;
        if (outcome->loaded)
            Q_EMIT idsRead(dsn, *outcome->loaded);
        else
            Q_EMIT failed(dsn, outcome->error);
        if (m_pending.isEmpty()) {
            m_reading = false;
            return;
        }
        // Still reading: the next read starts once this signal's thread object is left alone.
        QMetaObject::invokeMethod(
            this, [this] { start(std::exchange(m_pending, QString())); }, Qt::QueuedConnection);
    });
    m_reading = true;
    m_thread->start();
}

} // namespace qaconsole::ui
