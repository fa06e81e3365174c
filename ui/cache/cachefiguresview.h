#pragma once

#include <QWidget>

#include <optional>

class QLabel;

namespace qaconsole::cache {
struct CacheStats;
struct RedisUsage;
} // namespace qaconsole::cache

namespace qaconsole::ui {

class FigureGrid;

// The cache's figures in two rows: what it holds now (entries and memory in each layer, and the
// evictions that bound the memory) and what it did since the backend started (hits and misses
// per layer, stale serves, invalidations, loads from the database). The memory layer's come from
// CacheStats, Redis's from a RedisUsage its owner reads off the GUI thread; each tooltip splits a
// value by data class.
//
// Value labels are named for tests: "cacheMemoryEntriesLabel", "cacheMemoryBytesLabel",
// "cacheRedisEntriesLabel", "cacheRedisBytesLabel", "cacheHitsLabel", "cacheMissesLabel",
// "cacheStaleLabel", "cacheInvalidationsLabel", "cacheEvictionsLabel", "cacheLoadsLabel".
class CacheFiguresView : public QWidget
{
    Q_OBJECT
public:
    explicit CacheFiguresView(QWidget* parent = nullptr);

    void setStats(const cache::CacheStats& stats);
    // nullopt: not read yet; ok false: Redis could not be reached or is not configured.
    void setRedisUsage(const std::optional<cache::RedisUsage>& usage, bool redisConfigured);
    // No cache: every value reads "—".
    void showIdle();

protected:
    void changeEvent(QEvent* event) override;

private:
    FigureGrid* m_held;
    FigureGrid* m_done;
    QLabel* m_memoryEntries;
    QLabel* m_memoryBytes;
    QLabel* m_redisEntries;
    QLabel* m_redisBytes;
    QLabel* m_hits;
    QLabel* m_misses;
    QLabel* m_stale;
    QLabel* m_invalidations;
    QLabel* m_evictions;
    QLabel* m_loads;
};

} // namespace qaconsole::ui
