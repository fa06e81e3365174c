#include "app/cachecommand.h"

#include "app/commandline.h"
#include "backend/cache/invalidationmessage.h"
#include "backend/cache/policyjson.h"
#include "backend/cache/policytext.h"
#include "backend/cache/policyvalidation.h"
#include "backend/cache/responsecache.h"
#include "backend/endpoint/redisendpoint.h"

#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QThread>

#include <algorithm>

namespace qaconsole::app {

namespace {

// How long `apply` waits for the instances to report the new version: each takes it as soon
// as the message arrives, so this only matters for one that is stuck.
constexpr int kAckWaitMs = 5000;
constexpr int kAckPollMs = 100;

using Acks = std::vector<std::pair<std::uint64_t, std::int64_t>>;

QString policyLine(const cache::CachePolicy& policy)
{
    return QStringLiteral("version %1 (%2)").arg(policy.version).arg(policy.name);
}

std::size_t countOn(const Acks& acks, std::int64_t version)
{
    return std::size_t(std::count_if(acks.begin(), acks.end(),
                                     [version](const auto& ack) { return ack.second == version; }));
}

// A preset by its name ("balanced", "freshness-first", "Throughput first") or a policy file,
// or the file's problems, each tied to its field.
cache::PolicyParseResult policyNamed(const QString& name)
{
    const auto simplified = [](QString text) {
        return text.toLower().replace(u'-', u' ').simplified();
    };
    for (int index = 0; index < cache::kPresetCount; ++index) {
        const auto preset = cache::PolicyPreset(index);
        if (simplified(name) == simplified(cache::presetName(preset)))
            return {cache::presetPolicy(preset), {}};
    }
    return cache::loadPolicyFile(name);
}

int status(cache::ResponseCache& cache)
{
    const auto stored = cache.storedPolicy();
    const Acks acks = cache.policyAcks();
    if (stored) {
        printOut(QStringLiteral("Policy for new instances: ") + policyLine(*stored));
        printOut(cache::describePolicy(*stored));
    } else {
        printOut(QStringLiteral("Policy for new instances: none published (Balanced, or the "
                                "serve --cache-policy file)"));
    }
    printOut(QStringLiteral("Instances listening: %1").arg(acks.size()));
    for (const auto& [instance, version] : acks)
        printOut(QStringLiteral("  %1  version %2")
                     .arg(QString::fromStdString(cache::instanceIdText(instance)))
                     .arg(version));
    return ExitOk;
}

int apply(cache::ResponseCache& cache, cache::CachePolicy policy)
{
    // Newer than anything an instance or the stored copy has, or the instances ignore it.
    std::int64_t newest = 1;
    const auto stored = cache.storedPolicy();
    if (stored)
        newest = std::max(newest, stored->version);
    const Acks inUse = cache.policyAcks();
    for (const auto& ack : inUse)
        newest = std::max(newest, ack.second);
    const cache::Result<std::int64_t> next = cache::nextPolicyVersion(newest);
    if (!next) {
        // Say what holds the version and how to get rid of it; apply cannot.
        printErr(QStringLiteral("qaconsole: ") + next.error().text());
        QStringList instances;
        for (const auto& [instance, version] : inUse) {
            if (version == newest)
                instances << QString::fromStdString(cache::instanceIdText(instance));
        }
        if (!instances.isEmpty())
            printErr(QStringLiteral("qaconsole: held by instance %1: restart it with a policy "
                                    "file of a lower version")
                         .arg(instances.join(QStringLiteral(", "))));
        if (stored && stored->version == newest)
            printErr(QStringLiteral("qaconsole: held by the stored policy for new instances: "
                                    "delete its Redis key, %1")
                         .arg(QString::fromStdString(cache.channels().policyKey)));
        return ExitFailure;
    }
    policy.version = next.value();
    bool published = false;
    const cache::PolicyErrors errors = cache.publishPolicy(policy, &published);
    if (!errors.isEmpty()) {
        for (const cache::PolicyError& problem : errors)
            printErr(QStringLiteral("qaconsole: ") + problem.text());
        return ExitUsage;
    }
    if (!published) {
        printErr(QStringLiteral("qaconsole: Redis could not be reached; nothing was published"));
        return ExitFailure;
    }
    printOut(QStringLiteral("Published ") + policyLine(policy) + QStringLiteral(": ") +
             cache::describePolicy(policy));
    Acks acks = cache.policyAcks();
    const QDeadlineTimer deadline(kAckWaitMs);
    while (countOn(acks, policy.version) < acks.size() && !deadline.hasExpired()) {
        QThread::msleep(kAckPollMs);
        acks = cache.policyAcks();
    }
    const std::size_t took = countOn(acks, policy.version);
    printOut(QStringLiteral("In force on %1 of %2 instances.").arg(took).arg(acks.size()));
    return took == acks.size() ? ExitOk : ExitFailure;
}

int flush(cache::ResponseCache& cache, const QString& what)
{
    std::optional<cache::DataClass> dataClass;
    if (what == u"questions")
        dataClass = cache::DataClass::Questions;
    else if (what == u"answers")
        dataClass = cache::DataClass::Answers;
    else if (what != u"all")
        return usageError(QStringLiteral("flush takes questions, answers or all"));
    if (!cache.flush(dataClass)) {
        printErr(QStringLiteral("qaconsole: Redis could not be reached; nothing was flushed"));
        return ExitFailure;
    }
    printOut(QStringLiteral("Flushed %1 in Redis and on every instance.")
                 .arg(what == u"all" ? QStringLiteral("every list") : what));
    return ExitOk;
}

// "freshness-first": a preset's name as the command line takes it.
QString presetWord(cache::PolicyPreset preset)
{
    return cache::presetName(preset).toLower().replace(u' ', u'-');
}

struct Options
{
    QCommandLineOption help = helpOption();
};

CommandLineSpec commandLine(const Options& o, const CommonOptions& common)
{
    QStringList presets;
    for (int index = 0; index < cache::kPresetCount; ++index)
        presets << presetWord(cache::PolicyPreset(index));
    CommandLineSpec spec;
    spec.summary = QStringLiteral("the running instances' cache policy");
    spec.description = QStringLiteral(
        "The response cache of the running API instances (through Redis):\n"
        "  status                  the policy each listening instance has in force\n"
        "  apply FILE|PRESET       put a policy file or a preset (freshness-first, balanced,\n"
        "                          throughput-first) in force on every instance\n"
        "  flush questions|answers|all   drop cached lists everywhere");
    spec.actions = {
        {QStringLiteral("status")},
        {QStringLiteral("apply"), presets, true},
        {QStringLiteral("flush"),
         {QStringLiteral("questions"), QStringLiteral("answers"), QStringLiteral("all")}}};
    spec.options = QList<QCommandLineOption>{o.help} + common.options();
    return spec;
}

} // namespace

CommandLineSpec cacheCommandLine(const CommonOptions& common)
{
    return commandLine(Options{}, common);
}

int runCacheCommand(const QStringList& arguments, const QCommandLineParser& topLevel,
                    const CommonOptions& common)
{
    QCommandLineParser parser;
    const Options o;
    if (const auto done = parseCommandLine(parser, commandLine(o, common), arguments, o.help,
                                           QStringLiteral("qaconsole cache ACTION")))
        return *done;
    const QStringList rest = parser.positionalArguments();
    const QString action = rest.value(0);
    const qsizetype wanted = action == u"status" ? 1 : 2;
    if (action != u"status" && action != u"apply" && action != u"flush")
        return usageError(QStringLiteral("cache needs status, apply or flush; see --help"));
    if (rest.size() != wanted)
        return usageError(action == u"status"
                              ? QStringLiteral("status takes no arguments")
                              : QStringLiteral("%1 takes one argument").arg(action));
    std::optional<cache::CachePolicy> policy;
    if (action == u"apply") {
        const cache::PolicyParseResult named = policyNamed(rest.at(1));
        if (!named.policy) {
            QStringList problems;
            for (const cache::PolicyError& problem : named.errors)
                problems << problem.text();
            return usageError(
                QStringLiteral("%1: %2").arg(rest.at(1), problems.join(QStringLiteral("; "))));
        }
        policy = named.policy;
    }

    const CommandService redis =
        serviceForCommand(common, topLevel, parser, stack::ServiceKind::Redis);
    if (redis.exitCode)
        return *redis.exitCode;
    const auto endpoint = endpoint::parseRedisUrl(redis.url);
    if (!endpoint)
        return usageError(endpoint.error().message);
    cache::ResponseCacheOptions options;
    options.redis = cache::RedisOptions{endpoint.value()};
    options.redis->connectTimeoutMs = options.redis->commandTimeoutMs = 2000;
    options.memoryBytes = 1 << 16;
    options.listen = false; // a tool, not an instance: it must not count itself
    cache::ResponseCache cache(std::move(options));
    if (action == u"status")
        return status(cache);
    if (action == u"apply")
        return apply(cache, std::move(*policy));
    return flush(cache, rest.at(1));
}

} // namespace qaconsole::app
