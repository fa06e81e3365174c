#pragma once

#include "backend/cache/cachestats.h"

#include <QWidget>

#include <array>
#include <optional>

class QCustomPlot;
class QCPGraph;
class QCPItemText;

namespace qaconsole::ui {

// The share of lookups each cache layer served, per data class, over the last two minutes: one
// line per layer and class, one point per sample, from the difference between two samples of
// the cache's cumulative counters. An interval without lookups breaks the line instead of
// falling to zero. Redis only sees the lookups the memory layer missed, so its ratio is of
// those.
//
// Like the API page's chart it has no timer: its owner hands it samples, and it redraws once per
// sample, never while hidden. The chart is named "cacheHitRatioChart".
class HitRatioChart : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kWindowSeconds = 120;

    explicit HitRatioChart(QWidget* parent = nullptr);

    // Another cache (or none): forgets the previous sample and empties the chart.
    void reset();
    // `atMs`: wall-clock milliseconds since the epoch. The first sample after reset() only sets
    // the baseline.
    void addSample(qint64 atMs, const cache::CacheStats& stats);

protected:
    bool event(QEvent* event) override;

private:
    static constexpr int kLineCount = cache::kDataClassCount * cache::kLayerCount;
    static int lineOf(cache::DataClass dataClass, cache::CacheLayer layer);

    void replot();
    void applyPalette();

    struct Sample
    {
        qint64 atMs = 0;
        cache::CacheStats stats;
    };
    std::optional<Sample> m_previous;
    bool m_dirty = true;
    double m_xAxisEnd = 0; // seconds since the epoch: the latest sample's, where the chart ends

    QCustomPlot* m_plot = nullptr;
    std::array<QCPGraph*, kLineCount> m_lines{};
    QCPItemText* m_emptyNote = nullptr;
};

} // namespace qaconsole::ui
