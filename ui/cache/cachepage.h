#pragma once

#include "backend/cache/cachepolicy.h"
#include "ui/shell/page.h"

#include <optional>

class QLabel;
class QPushButton;

namespace qaconsole::ui {

class CacheController;
class CacheFiguresView;
class HitRatioChart;
class PolicyPanel;
class StatusBanner;

// The Cache page, a view of a CacheController: the response cache of the running embedded API
// backend.
//
// - Policy: the presets, the editor (see PolicyPanel), and Apply, which has the controller
//   publish the policy with the next version to every instance sharing the Redis namespace;
//   the line beside it says how many of them report that version.
// - Activity: the hit ratio of each layer and data class over the last two minutes, what the
//   cache holds and what it did (see CacheFiguresView), and flushing one data class or
//   everything, each after a confirmation (the page asks; the controller flushes).
//
// Without a cache (backend stopped, or running without one) the editor still works on the
// policy (Balanced to begin with) but nothing can be applied or flushed, and a note says when
// the cache is there.
//
// Widgets are named for tests: "cacheAvailabilityMessageLabel", "cacheFlushQuestionsButton",
// "cacheFlushAnswersButton", "cacheFlushAllButton", "cacheFlushStatus", plus those of
// PolicyPanel, CacheFiguresView and HitRatioChart.
class CachePage : public Page
{
    Q_OBJECT
public:
    // `controller` must outlive the page.
    explicit CachePage(CacheController& controller, QWidget* parent = nullptr);
    ~CachePage() override;

    QString title() const override;
    QIcon icon() const override;

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* createActivityCard();
    void flush(std::optional<cache::DataClass> dataClass);
    void cacheReset();
    void present();
    void applyPalette();

    CacheController& m_controller;
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
