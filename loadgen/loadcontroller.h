#pragma once

#include "loadgen/loaderror.h"
#include "loadgen/results.h"
#include "loadgen/scenario.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <vector>

namespace qaconsole::loadgen {

class RunCoordinator;

// What a GUI timer reads between two redraws.
struct LiveStatus
{
    bool running = false;  // started and not finished
    bool finished = false; // summary() is complete
    double elapsedSeconds = 0;
    int connections = 0; // open right now
    int rows = 0;        // time-series rows so far
};

// The load engine's face for the window and the command line: start a scenario, poll, stop.
// The run happens on worker threads and one coordinator thread; this object never blocks its
// own thread (except in waitForFinished()). Every getter is thread-safe and returns a copy.
// A GUI page polls from a QTimer (a few times a second): status(), then rowsFrom(rowsSeen) for
// the rows it has not drawn yet; at finished() it reads summary(). One run per controller at a
// time; start() again after finished() for the next one.
class LoadController : public QObject
{
    Q_OBJECT

public:
    explicit LoadController(QObject* parent = nullptr);
    ~LoadController() override; // stops a run in progress and waits for its threads

    // Validates the scenario, resolves the target and starts. Empty when it started; otherwise
    // every problem and nothing started: Busy while a run is in progress, BadTarget when the
    // URL's host does not resolve, Scenario::validate()'s errors.
    [[nodiscard]] LoadErrors start(const Scenario& scenario);
    // Any thread. The run ends within about 100 ms; finished() follows.
    void stop();
    // Blocks until the run has finished or the time is up; true when finished.
    bool waitForFinished(int timeoutMs) const;

    LiveStatus status() const;
    std::vector<IntervalRow> rowsFrom(int first) const; // rows first.. (all with 0)
    RunSummary summary() const;                         // complete once status().finished
    Scenario scenario() const; // as run (single-URL mode filled in as a one-route mix)

Q_SIGNALS:
    void intervalReady(int row); // queued to this object's thread
    void finished();             // queued to this object's thread, once per run

private:
    std::unique_ptr<RunCoordinator> m_run;
};

// The scenario as the engine runs it: an empty mix becomes one GET of the URL's path.
Scenario effectiveScenario(const Scenario& scenario);

} // namespace qaconsole::loadgen
