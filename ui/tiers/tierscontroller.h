#pragma once

#include "backend/tier/tierfault.h"
#include "backend/tier/tierfigures.h"
#include "backend/tier/tierrunner.h"
#include "ui/shell/backgroundlane.h"
#include "ui/shell/notice.h"
#include "ui/tiers/tierenvironment.h"
#include "ui/tiers/tierlist.h"

#include <QObject>

#include <optional>

class QTimer;

namespace qaconsole::stack {
class StackSupervisor;
}

namespace qaconsole::ui {

// What the Tiers controller is doing now; one thing at a time.
enum class TierActivity
{
    Idle,
    BringingUp,
    BringingDown,
    InjectingFault,
};

// The Tiers page's controller: the tiers file being edited (TierList), the tier that is up on
// this machine, and its live figures.
//
// - Up and Down run the tier as `qaconsole tier up|down` does (tier::TierRunner, in the stack's
//   data folder), and the faults (tier::injectFault) break it on purpose. They run on the stack
//   supervisor's thread, as queued calls, so the stack has one owner: PostgreSQL (and Redis for a
//   tier that caches with it) are started there first, through the supervisor, which reports
//   them to the Services page. The window never waits for any of it.
// - Every second (kScrapeIntervalMs) the controller's own lane ("tiers") reads the tier's status
//   and scrapes its instances' /metrics and nginx's stub_status; two scrapes in a row give
//   sampled() figures: per instance and for the tier.
// - A tier this console brought up is brought down by shutdown(), before the stack it needs is
//   stopped; one found running (left by a command or an earlier console) is shown and left up.
//
// QtCore only: the page renders this state, asks its confirmations and forwards the user's
// choices.
class TiersController : public QObject
{
    Q_OBJECT
public:
    static constexpr int kScrapeIntervalMs = 1000;
    static constexpr int kScrapeTimeoutMs = 500;

    // `supervisor` lives on a thread of its own (or this one, in tests that drive it there) and
    // must outlive the controller.
    TiersController(stack::StackSupervisor& supervisor, TierEnvironment environment,
                    QObject* parent = nullptr);
    ~TiersController() override;

    // The file being edited. Edits go through the functions below, which emit listChanged().
    const TierList& list() const { return m_list; }
    int addTier();
    int duplicateTier(int index);
    void changeTier(int index, const tier::TierSpec& spec);
    void removeTier(int index);
    // Writes the file; false with list().errors() (each naming its field) when it was not.
    bool save();
    void reload();

    TierActivity activity() const { return m_activity; }
    bool isBusy() const { return m_activity != TierActivity::Idle; }
    // The tier recorded as up (tierName empty when none), as last read.
    const tier::TierStatus& status() const { return m_status; }
    bool isUp() const { return !m_status.tierName.isEmpty(); }
    // The tier that is up as it was brought up (its policy as a file of the tier's own).
    const std::optional<tier::TierSpec>& runningSpec() const { return m_runningSpec; }
    // The figures of the latest interval; nullopt until two scrapes of the tier that is up.
    const std::optional<tier::TierFigures>& figures() const { return m_figures; }
    // What happened last, or what is happening.
    Notice notice() const { return m_notice; }

    // Whether Up can go with tier `index`; upHint() says why not, or what it does.
    bool canBringUp(int index) const;
    QString upHint(int index) const;
    bool canBringDown() const { return isUp() && !isBusy() && !m_shutDown; }
    bool canInjectFaults() const { return isUp() && !isBusy() && !m_shutDown; }

    // Stops the timer and the lane; brings down the tier this console brought up (queued on
    // the supervisor's thread, so it runs before a stop of the stack queued after it). Nothing
    // starts afterwards.
    void shutdown();

public Q_SLOTS:
    void bringUp(int index);
    void bringDown();
    // `instance` is 1-based, for KillInstance.
    void injectFault(qaconsole::tier::TierFault fault, int instance = 0);
    // Reads the status and scrapes now (the timer's work).
    void refresh();

Q_SIGNALS:
    // The list, its errors or whether it is modified changed.
    void listChanged();
    // The activity, the status or the notice changed.
    void runChanged();
    // New figures (figures()); `atMs` is wall-clock time, for charts.
    void sampled(qint64 atMs);
    // The URL clients of the tier that is up use, with its name; both empty when none is up.
    void runningTierChanged(const QString& name, const QString& url);

private:
    struct Reading
    {
        tier::TierStatus status;
        std::optional<tier::TierSpec> spec;
        std::optional<tier::TierScrape> scrape;
    };
    tier::TierRunOptions runOptions() const;
    // Runs `work` on the supervisor's thread, then `done(result)` here.
    template <typename Work, typename Done> void onStackThread(Work work, Done done);
    void setActivity(TierActivity activity, const Notice& notice);
    void showStatus(const tier::TierStatus& status);
    void takeReading(const Reading& reading);
    void finishAction(const Notice& notice, const tier::TierStatus& status);

    stack::StackSupervisor& m_supervisor;
    TierEnvironment m_environment;
    QString m_dataDir;
    TierList m_list;
    BackgroundLane m_lane;
    QTimer* m_timer;
    TierActivity m_activity = TierActivity::Idle;
    tier::TierStatus m_status;
    std::optional<tier::TierSpec> m_runningSpec;
    std::optional<tier::TierScrape> m_lastScrape;
    std::optional<tier::TierFigures> m_figures;
    Notice m_notice;
    QString m_offeredUrl;
    bool m_readingPending = false;
    bool m_broughtUp = false; // by this console: shutdown() brings it down
    bool m_shutDown = false;
};

} // namespace qaconsole::ui
