#pragma once

#include "backend/cache/cachepolicy.h"
#include "ui/shell/page.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QLabel;
class QPushButton;
class QTimer;

namespace qaconsole::cache {
class ResponseCache;
}

namespace qaconsole::ui {

class BackgroundLane;
class CacheFiguresView;
class CardFrame;
class HitRatioChart;
class PolicyPanel;
class StatusBanner;

// The Cache page: the response cache of the running embedded API backend.
//
// - Policy: the presets, the editor (see PolicyPanel), and Apply, which publishes the policy
//   with the next version to every instance sharing the Redis namespace and then shows how many
//   of them report that version.
// - Activity: the hit ratio of each layer and data class over the last two minutes, what the
//   cache holds and what it did (see CacheFiguresView), and flushing one data class or
//   everything, each after a confirmation.
//
// Without a cache (backend stopped, or running without one) the editor still works on the
// policy (Balanced to begin with) but nothing can be applied or flushed, and a note says when
// the cache is there. Calls that may block on Redis run on the page's BackgroundLane;
// the GUI thread only reads the cache's atomic counters from a timer.
//
// Widgets are named for tests: "cacheAvailabilityMessageLabel", "cacheFlushQuestionsButton",
// "cacheFlushAnswersButton", "cacheFlushAllButton", "cacheFlushStatus", plus those of
// PolicyPanel, CacheFiguresView and HitRatioChart.
class CachePage : public Page
{
    Q_OBJECT
public:
    static constexpr int kSampleIntervalMs = 1000; // stats, chart, figures
    static constexpr int kUsageIntervalMs = 4000;  // Redis usage and policy acknowledgements

    explicit CachePage(QWidget* parent = nullptr);
    ~CachePage() override;

    QString title() const override;
    QIcon icon() const override;

    // The running embedded backend's cache, or null when the backend is stopped / runs without
    // cache.
    void setCache(std::shared_ptr<cache::ResponseCache> cache);
    // Stops the worker thread, before the app quits. Nothing is sent to a cache afterwards.
    void shutdown();

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* createActivityCard();
    void apply(cache::CachePolicy policy);
    void flush(std::optional<cache::DataClass> dataClass);
    void sample();
    void readUsage();
    void showAcks(const std::vector<std::pair<std::uint64_t, std::int64_t>>& acks);
    void present();
    void applyPalette();

    BackgroundLane* m_lane;
    QTimer* m_sampleTimer;
    QTimer* m_usageTimer;
    std::shared_ptr<cache::ResponseCache> m_cache;
    // Raised with every setCache(): results of work for an earlier cache are dropped.
    std::uint64_t m_generation = 0;
    bool m_applying = false;
    bool m_flushing = false;
    bool m_usagePending = false;
    bool m_shutDown = false;
    // Whether Redis took the latest Apply; nullopt before any, and once Redis answers again.
    std::optional<bool> m_published;

    StatusBanner* m_note = nullptr;
    PolicyPanel* m_policy = nullptr;
    CacheFiguresView* m_figures = nullptr;
    HitRatioChart* m_chart = nullptr;
    QPushButton* m_flushQuestions = nullptr;
    QPushButton* m_flushAnswers = nullptr;
    QPushButton* m_flushAll = nullptr;
    QLabel* m_flushStatus = nullptr;
};

} // namespace qaconsole::ui
