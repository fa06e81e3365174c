#include "app/capacitysession.h"

#include "app/commandline.h"
#include "app/quitonsignal.h"

#include <QCoreApplication>
#include <QThread>

#include <memory>

namespace qaconsole::app {

namespace {

QString ms(std::int64_t us)
{
    return QString::number(double(us) / 1000.0, 'f', 2) + QStringLiteral("ms");
}

} // namespace

QString trialLine(const loadgen::CapacityTrial& t)
{
    QString line = QStringLiteral("trial %1%2  rate %3/s  achieved %4/s  sent %5%  p50 %6  p95 %7  "
                                  "p99 %8  failed %9%")
                       .arg(t.index, 2)
                       .arg(t.confirming ? QStringLiteral(" (confirming)") : QString())
                       .arg(qint64(t.rate))
                       .arg(t.achievedRps, 0, 'f', 1)
                       .arg(t.sentShare * 100, 0, 'f', 1)
                       .arg(ms(t.corrected.p50), ms(t.corrected.p95), ms(t.corrected.p99))
                       .arg(t.failureRate * 100, 0, 'f', 2);
    switch (t.verdict) {
    case loadgen::TrialVerdict::MetSlo:
        return line + QStringLiteral("  met the SLO");
    case loadgen::TrialVerdict::BrokeSlo:
        return line + QStringLiteral("  broke the SLO: ") + t.reason;
    case loadgen::TrialVerdict::Invalid:
        break;
    }
    return line + QStringLiteral("  INVALID: ") + t.reason;
}

loadgen::CapacityResult runCapacitySearch(const loadgen::CapacityPlan& plan, bool quiet,
                                          bool* interrupted)
{
    loadgen::CapacityRunner runner(plan);
    loadgen::CapacityRunner::Callbacks callbacks;
    callbacks.trialStarting = [quiet](double rate, bool warmup, bool confirming) {
        if (!quiet)
            printErr(QStringLiteral("qaconsole capacity: %1 at %2 requests/s%3")
                         .arg(warmup ? QStringLiteral("warm-up") : QStringLiteral("trial"))
                         .arg(qint64(rate))
                         .arg(confirming && !warmup ? QStringLiteral(" (confirming)") : QString()));
    };
    callbacks.trialDone = [](const loadgen::CapacityTrial& trial) {
        printOut(trialLine(trial));
    };
    loadgen::CapacityResult result;
    std::unique_ptr<QThread> thread(QThread::create([&] { result = runner.run(callbacks); }));
    QObject::connect(thread.get(), &QThread::finished, QCoreApplication::instance(),
                     [] { QCoreApplication::quit(); });
    onTerminationSignals([&] {
        if (interrupted)
            *interrupted = true;
        runner.stop();
    });
    thread->start();
    QCoreApplication::exec();
    thread->wait();
    return result;
}

} // namespace qaconsole::app
