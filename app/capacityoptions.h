#pragma once

#include "loadgen/capacityrun.h"

#include <QCommandLineOption>
#include <QList>
#include <QStringList>

#include <optional>

class QCommandLineParser;

namespace qaconsole::app {

// The options of a capacity search, shared by `qaconsole capacity` and `qaconsole tier compare`.
struct CapacityOptions
{
    QCommandLineOption mix{QStringLiteral("mix"),
                           QStringLiteral("Request mix: a file or a built-in mix (default: "
                                          "storefront for a tier, a GET of --url otherwise)."),
                           QStringLiteral("FILE|NAME")};
    QCommandLineOption slo{QStringLiteral("slo"),
                           QStringLiteral("A threshold of the SLO, repeatable (default: "
                                          "'http_req_failed rate<0.01' and "
                                          "'http_req_duration p(99)<50', corrected latency)."),
                           QStringLiteral("EXPR")};
    QCommandLineOption tolerance{QStringLiteral("tolerance"),
                                 QStringLiteral("Bisect until the bracket is within this "
                                                "(default 5%)."),
                                 QStringLiteral("P"), QStringLiteral("5%")};
    QCommandLineOption trial{QStringLiteral("trial"),
                             QStringLiteral("Length of each trial (default 15s)."),
                             QStringLiteral("D"), QStringLiteral("15s")};
    QCommandLineOption warmup{QStringLiteral("warmup"),
                              QStringLiteral("Unscored warm-up before each trial (default 3s)."),
                              QStringLiteral("D"), QStringLiteral("3s")};
    QCommandLineOption startRate{QStringLiteral("start-rate"),
                                 QStringLiteral("Rate of the first trial (default 100)."),
                                 QStringLiteral("R"), QStringLiteral("100")};
    QCommandLineOption maxRate{QStringLiteral("max-rate"),
                               QStringLiteral("Never try above this (default 1000000)."),
                               QStringLiteral("R"), QStringLiteral("1000000")};
    QCommandLineOption connections{QStringLiteral("connections"),
                                   QStringLiteral("Connections opened at start (default 64)."),
                                   QStringLiteral("N"), QStringLiteral("64")};
    QCommandLineOption maxConnections{QStringLiteral("max-connections"),
                                      QStringLiteral("Limit when more are needed (default 4 x "
                                                     "--connections)."),
                                      QStringLiteral("N"), QStringLiteral("0")};
    QCommandLineOption policy{QStringLiteral("policy"),
                              QStringLiteral("No connection free: grow (default), queue or drop."),
                              QStringLiteral("NAME"), QStringLiteral("grow")};
    QCommandLineOption threads{QStringLiteral("threads"),
                               QStringLiteral("Load generator threads (default 1)."),
                               QStringLiteral("N"), QStringLiteral("1")};
    QCommandLineOption quiet{QStringLiteral("quiet"),
                             QStringLiteral("No progress lines on stderr.")};

    QList<QCommandLineOption> all() const;
};

// The number an option holds: above 0 (Positive) or 0 and above (NotNegative). Nothing after
// adding to `errors` a sentence naming the option.
enum class NumberRange
{
    Positive,
    NotNegative
};
std::optional<double> numberOption(const QCommandLineParser& parser,
                                   const QCommandLineOption& option, NumberRange range,
                                   QStringList& errors);

// The plan the options describe, its target and mix left to the caller; every mistake goes to
// `errors`, each naming its option.
loadgen::CapacityPlan capacityPlanFrom(const QCommandLineParser& parser,
                                       const CapacityOptions& options, QStringList& errors);

// Where the search's options say how it was run (the report's appendix, the rerun command).
QStringList capacityArguments(const QCommandLineParser& parser, const CapacityOptions& options);

} // namespace qaconsole::app
