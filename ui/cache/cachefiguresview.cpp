#include "ui/cache/cachefiguresview.h"

#include "backend/cache/cachestats.h"
#include "backend/cache/responsecache.h"
#include "ui/shell/figuregrid.h"
#include "ui/shell/numbertext.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

#include <functional>

namespace qaconsole::ui {

using cache::CacheLayer;
using cache::DataClass;
using cache::LayerClassStats;

namespace {

const QString noValue = QStringLiteral("—");

using Field = std::function<std::uint64_t(const LayerClassStats&)>;

std::uint64_t sumOf(const cache::CacheStats& stats, CacheLayer layer, const Field& field)
{
    return field(stats.at(DataClass::Questions, layer)) +
           field(stats.at(DataClass::Answers, layer));
}

std::uint64_t sumOfLayers(const cache::CacheStats& stats, const Field& field)
{
    return sumOf(stats, CacheLayer::Memory, field) + sumOf(stats, CacheLayer::Redis, field);
}

// "Questions: 12 in memory, 3 in Redis\nAnswers: …", for a value's tooltip.
QString byClass(const cache::CacheStats& stats, const Field& field)
{
    QStringList lines;
    for (const DataClass dataClass : {DataClass::Questions, DataClass::Answers}) {
        lines.append(CacheFiguresView::tr("%1: %2 in memory, %3 in Redis")
                         .arg(dataClass == DataClass::Questions ? CacheFiguresView::tr("Questions")
                                                                : CacheFiguresView::tr("Answers"),
                              countText(qint64(field(stats.at(dataClass, CacheLayer::Memory)))),
                              countText(qint64(field(stats.at(dataClass, CacheLayer::Redis))))));
    }
    return lines.join(u'\n');
}

QString pairText(std::uint64_t memory, std::uint64_t redis)
{
    return countText(qint64(memory)) + QStringLiteral("  /  ") + countText(qint64(redis));
}

} // namespace

CacheFiguresView::CacheFiguresView(QWidget* parent)
    : QWidget(parent), m_held(new FigureGrid(this, {.large = true})),
      m_done(new FigureGrid(this, {.large = true}))
{
    m_memoryEntries =
        m_held->addFigure(tr("Entries in memory"), QStringLiteral("cacheMemoryEntriesLabel"));
    m_memoryBytes = m_held->addFigure(tr("Memory used"), QStringLiteral("cacheMemoryBytesLabel"));
    m_evictions = m_held->addFigure(tr("Evictions"), QStringLiteral("cacheEvictionsLabel"));
    m_evictions->setToolTip(tr("Entries pushed out of memory to stay within its bound"));
    m_redisEntries =
        m_held->addFigure(tr("Entries in Redis"), QStringLiteral("cacheRedisEntriesLabel"));
    m_redisBytes = m_held->addFigure(tr("Redis memory"), QStringLiteral("cacheRedisBytesLabel"));
    m_redisBytes->setToolTip(tr("All of the Redis server's memory, not only the cache's"));

    m_hits = m_done->addFigure(tr("Hits (memory / Redis)"), QStringLiteral("cacheHitsLabel"));
    m_misses = m_done->addFigure(tr("Misses (memory / Redis)"), QStringLiteral("cacheMissesLabel"));
    m_stale = m_done->addFigure(tr("Stale serves"), QStringLiteral("cacheStaleLabel"));
    m_invalidations =
        m_done->addFigure(tr("Invalidations"), QStringLiteral("cacheInvalidationsLabel"));
    m_loads = m_done->addFigure(tr("Database loads"), QStringLiteral("cacheLoadsLabel"));
    m_loads->setToolTip(tr("Misses of both layers that went to the database"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    layout->addLayout(m_held);
    layout->addLayout(m_done);
    m_held->applyPalette(QApplication::palette(this));
    m_done->applyPalette(QApplication::palette(this));
}

void CacheFiguresView::setStats(const cache::CacheStats& stats)
{
    const Field keys = &LayerClassStats::keys;
    const Field hits = &LayerClassStats::hits;
    const Field misses = &LayerClassStats::misses;
    const Field stale = [](const LayerClassStats& figures) {
        return figures.staleServes + figures.staleIfErrorServes;
    };
    const Field invalidations = &LayerClassStats::invalidations;
    const Field evictions = &LayerClassStats::evictions;

    m_memoryEntries->setText(countText(qint64(sumOf(stats, CacheLayer::Memory, keys))));
    m_memoryEntries->setToolTip(byClass(stats, keys));
    const std::uint64_t bytes = sumOf(stats, CacheLayer::Memory, &LayerClassStats::bytes);
    m_memoryBytes->setText(
        tr("%1 of %2").arg(bytesText(qint64(bytes)), bytesText(qint64(stats.memoryMaxBytes))));
    m_hits->setText(
        pairText(sumOf(stats, CacheLayer::Memory, hits), sumOf(stats, CacheLayer::Redis, hits)));
    m_hits->setToolTip(byClass(stats, hits));
    m_misses->setText(pairText(sumOf(stats, CacheLayer::Memory, misses),
                               sumOf(stats, CacheLayer::Redis, misses)));
    m_misses->setToolTip(byClass(stats, misses));
    m_stale->setText(countText(qint64(sumOfLayers(stats, stale))));
    m_stale->setToolTip(byClass(stats, stale));
    m_invalidations->setText(countText(qint64(sumOfLayers(stats, invalidations))));
    m_invalidations->setToolTip(byClass(stats, invalidations));
    m_evictions->setText(countText(qint64(sumOf(stats, CacheLayer::Memory, evictions))));
    m_loads->setText(countText(qint64(stats.loads)));
}

void CacheFiguresView::setRedisUsage(const std::optional<cache::RedisUsage>& usage,
                                     bool redisConfigured)
{
    if (!redisConfigured) {
        m_redisEntries->setText(tr("no Redis"));
        m_redisBytes->setText(tr("no Redis"));
        return;
    }
    if (!usage || !usage->ok) {
        m_redisEntries->setText(usage ? tr("unreachable") : noValue);
        m_redisBytes->setText(usage ? tr("unreachable") : noValue);
        return;
    }
    std::int64_t entries = 0;
    QStringList lines;
    for (const DataClass dataClass : {DataClass::Questions, DataClass::Answers}) {
        const std::int64_t count = usage->entries[std::size_t(dataClass)];
        entries += std::max<std::int64_t>(0, count);
        lines.append(tr("%1: %2").arg(
            dataClass == DataClass::Questions ? tr("Questions") : tr("Answers"), countText(count)));
    }
    lines.append(tr("All keys in the Redis database: %1").arg(countText(usage->databaseKeys)));
    m_redisEntries->setText(countText(entries));
    m_redisEntries->setToolTip(lines.join(u'\n'));
    m_redisBytes->setText(bytesText(usage->usedMemoryBytes));
}

void CacheFiguresView::showIdle()
{
    for (QLabel* value : {m_memoryEntries, m_memoryBytes, m_redisEntries, m_redisBytes, m_hits,
                          m_misses, m_stale, m_invalidations, m_evictions, m_loads}) {
        value->setText(noValue);
        value->setToolTip(QString());
    }
}

void CacheFiguresView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ApplicationPaletteChange) {
        m_held->applyPalette(QApplication::palette(this));
        m_done->applyPalette(QApplication::palette(this));
    }
    QWidget::changeEvent(event);
}

} // namespace qaconsole::ui
