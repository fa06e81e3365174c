// The pure parts of the load generator: thresholds, durations and stages, model names, mix
// files and their errors, the open model's schedule, id distributions (the "database" one with a
// fake reader), rendered requests, run files written and read back.

#include "loadgen/arrivalschedule.h"
#include "loadgen/counts.h"
#include "loadgen/databaseids.h"
#include "loadgen/histogram.h"
#include "loadgen/iddistribution.h"
#include "loadgen/k6script.h"
#include "loadgen/loadmodel.h"
#include "loadgen/mixfile.h"
#include "loadgen/requestrenderer.h"
#include "loadgen/resultexport.h"
#include "loadgen/savedruns.h"
#include "loadgen/scenario.h"
#include "loadgen/scenariofile.h"
#include "loadgen/stages.h"
#include "loadgen/threshold.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>

using namespace qaconsole::loadgen;

namespace {

// Answers each source with ids 1..limit (ids of answers from 1000), or fails as told; counts the
// reads.
class FakeIdReader : public IdReader
{
public:
    LoadResult<std::vector<std::int64_t>> read(IdSource source, int limit) override
    {
        ++reads;
        if (source == failing)
            return noTable();
        if (source == empty)
            return std::vector<std::int64_t>{};
        std::vector<std::int64_t> ids;
        for (int i = 1; i <= limit; ++i)
            ids.push_back(source == IdSource::Answers ? 1000 + i : i);
        return ids;
    }

    LoadResult<std::int64_t> largest(IdSource source) override
    {
        if (source == failing)
            return noTable();
        return std::int64_t(source == empty ? 0 : 1000);
    }

    static LoadError noTable()
    {
        return qaconsole::makeError(
            LoadErrorKind::NothingLoaded,
            QStringLiteral("The database has no answers table: load the dataset "
                           "first."));
    }

    std::optional<IdSource> failing;
    std::optional<IdSource> empty;
    int reads = 0;
};

RouteSpec databaseRoute(Route route, int sample)
{
    RouteSpec spec;
    spec.route = route;
    spec.ids.kind = IdDistribution::Kind::Database;
    spec.ids.sample = sample;
    return spec;
}

} // namespace

class TestLoadgenParsing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thresholdsParse()
    {
        LoadResult<Threshold> p = parseThreshold(QStringLiteral("http_req_failed rate<0.01"));
        QVERIFY(p);
        QCOMPARE(p->metric, Threshold::Metric::HttpReqFailed);
        QCOMPARE(p->aggregate, Threshold::Aggregate::Rate);
        QCOMPARE(p->op, Threshold::Op::Less);
        QCOMPARE(p->value, 0.01);
        QCOMPARE(p->condition, QStringLiteral("rate<0.01"));

        p = parseThreshold(QStringLiteral("  http_req_duration: p(99.9) <= 200 "));
        QVERIFY(p);
        QCOMPARE(p->aggregate, Threshold::Aggregate::Percentile);
        QCOMPARE(p->percentile, 99.9);
        QCOMPARE(p->op, Threshold::Op::LessOrEqual);

        p = parseThreshold(QStringLiteral("http_reqs rate>1000"));
        QVERIFY(p);
        QVERIFY(p->holds(1000.5));
        QVERIFY(!p->holds(1000));
        QVERIFY(parseThreshold(QStringLiteral("http_req_duration avg<50")));
        QVERIFY(parseThreshold(QStringLiteral("http_req_duration max<2000")));
        QVERIFY(parseThreshold(QStringLiteral("dropped_iterations count==0")));
    }

    void badThresholdsSayWhatIsWrong_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown metric") << "http_req_speed rate<1"
                                        << "unknown metric 'http_req_speed'";
        QTest::newRow("no operator") << "http_req_failed rate 0.01"
                                     << "METRIC AGGREGATE<VALUE";
        QTest::newRow("empty") << ""
                               << "METRIC AGGREGATE<VALUE";
        QTest::newRow("bad aggregate") << "http_req_duration p99<200"
                                       << "unknown aggregate 'p99'";
        QTest::newRow("wrong aggregate") << "http_reqs avg<3"
                                         << "http_reqs has no 'avg'";
        QTest::newRow("percentile range") << "http_req_duration p(101)<3"
                                          << "percentile 101";
        QTest::newRow("not a number") << "http_req_failed rate<abc"
                                      << "'abc' is not a number";
    }

    void badThresholdsSayWhatIsWrong()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        const LoadResult<Threshold> p = parseThreshold(text);
        QVERIFY(!p);
        QCOMPARE(p.error().kind, LoadErrorKind::BadScenario);
        QVERIFY2(p.error().message.contains(mentions), qPrintable(p.error().message));
    }

    void thresholdsMeasureTheRun()
    {
        Counts totals;
        totals.completed = 990;
        totals.error(ErrorKind::Status5xx) = 5;
        totals.error(ErrorKind::Dropped) = 5;
        LatencyHistogram duration;
        duration.recordMany(150'000, 99); // 150 ms
        duration.record(900'000);
        auto actual = [&](const char16_t* text) {
            return thresholdActual(parseThreshold(QString::fromUtf16(text)).value(), totals, 10,
                                   duration);
        };
        QCOMPARE(actual(u"http_req_failed rate<1"), 5.0 / 1000.0);
        QCOMPARE(actual(u"http_reqs rate>1"), 99.5);
        QCOMPARE(actual(u"http_reqs count>1"), 995.0);
        QCOMPARE(actual(u"dropped_iterations count<1"), 5.0);
        QVERIFY(std::abs(actual(u"http_req_duration p(99)<1") - 150.0) < 0.2);
        QVERIFY(std::abs(actual(u"http_req_duration max<1") - 900.0) < 1);
        QVERIFY(std::abs(actual(u"http_req_duration avg<1") - 157.5) < 0.01);
    }

    void durationsAndStages()
    {
        QCOMPARE(parseDurationMs(QStringLiteral("30s")).value_or(-1), 30000);
        QCOMPARE(parseDurationMs(QStringLiteral("1m30s")).value_or(-1), 90000);
        QCOMPARE(parseDurationMs(QStringLiteral("250ms")).value_or(-1), 250);
        QCOMPARE(parseDurationMs(QStringLiteral("2h")).value_or(-1), 7200000);
        QCOMPARE(parseDurationMs(QStringLiteral("5")).value_or(-1), 5000);
        QVERIFY(!parseDurationMs(QStringLiteral("5 minutes")));
        QVERIFY(!parseDurationMs(QStringLiteral("")));
        // Found by fuzz_expressions: values past the range of milliseconds are refused, not
        // converted with undefined behaviour.
        QVERIFY(!parseDurationMs(QStringLiteral("3066666666666666666666666666666666s")));
        QVERIFY(!parseDurationMs(QStringLiteral("inf")));
        QVERIFY(!parseDurationMs(QStringLiteral("744h1s")));
        QCOMPARE(parseDurationMs(QStringLiteral("744h")).value_or(-1), kMaxDurationMs);
        QVERIFY(!parseStages(QStringLiteral("30s:inf")));
        QCOMPARE(formatDuration(90000), QStringLiteral("1m30s"));
        QCOMPARE(formatDuration(250), QStringLiteral("250ms"));

        const auto parsed = parseStages(QStringLiteral("30s:100,1m:1000"));
        QVERIFY2(parsed, qPrintable(parsed.errorText()));
        const std::vector<Stage>& stages = parsed.value();
        QCOMPARE(stages.size(), std::size_t(2));
        QCOMPARE(stages[1], (Stage{60000, 1000}));
        QCOMPARE(totalDurationMs(stages), 90000);
        QCOMPARE(targetAt(0, stages, 15000), 50.0);
        QCOMPARE(targetAt(0, stages, 60000), 550.0);
        QCOMPARE(targetAt(0, stages, 999999), 1000.0);

        const auto bad = parseStages(QStringLiteral("30s:100,fast:1000"));
        QVERIFY(!bad);
        QCOMPARE(bad.error().kind, LoadErrorKind::BadScenario);
        QVERIFY(bad.error().message.contains(QStringLiteral("stage 2 'fast:1000'")));
        QVERIFY(!parseStages(QStringLiteral("30s")));
    }

    void modelNamesAndLoaderIoAliases()
    {
        QCOMPARE(parseLoadModel(QStringLiteral("constant-arrival-rate")),
                 std::optional(LoadModel::ConstantArrivalRate));
        QCOMPARE(parseLoadModel(QStringLiteral("Clients per second")),
                 std::optional(LoadModel::ConstantArrivalRate));
        QCOMPARE(parseLoadModel(QStringLiteral("clients-per-test")),
                 std::optional(LoadModel::ConstantVus));
        QCOMPARE(parseLoadModel(QStringLiteral("maintain client load")),
                 std::optional(LoadModel::RampingVus));
        QVERIFY(!parseLoadModel(QStringLiteral("as-fast-as-possible")));
        QVERIFY(isOpenModel(LoadModel::RampingArrivalRate));
        QVERIFY(!isOpenModel(LoadModel::RampingVus));
    }

    void constantScheduleIsEvenlySpaced()
    {
        const ArrivalSchedule schedule(1000);
        QCOMPARE(schedule.dueNs(0), 0);
        QCOMPARE(schedule.dueNs(1), 1'000'000);
        QCOMPARE(schedule.dueNs(2500), 2'500'000'000);
        QVERIFY(std::abs(schedule.arrivalsBefore(3'000'000'000) - 3000) < 1e-6);
        QCOMPARE(ArrivalSchedule(0).dueNs(5), -1);
    }

    void rampingScheduleFollowsTheIntegral()
    {
        // 0 -> 100/s over 10 s (500 arrivals), then 100/s.
        const ArrivalSchedule schedule(0, {{10000, 100}});
        QVERIFY(std::abs(schedule.arrivalsBefore(10'000'000'000) - 500) < 1e-6);
        // n arrivals when 5 t^2 = n: t = sqrt(n / 5).
        for (std::uint64_t n : {std::uint64_t(5), std::uint64_t(125), std::uint64_t(499)})
            QVERIFY(std::abs(double(schedule.dueNs(n)) / 1e9 - std::sqrt(double(n) / 5)) < 1e-6);
        QVERIFY(std::abs(double(schedule.dueNs(600)) / 1e9 - 11.0) < 1e-6);
        // Monotone across the boundary.
        for (std::uint64_t n = 490; n < 510; ++n)
            QVERIFY(schedule.dueNs(n) < schedule.dueNs(n + 1));
        // A ramp down to 0 ends the arrivals.
        const ArrivalSchedule down(100, {{2000, 0}});
        QVERIFY(down.dueNs(99) > 0);
        QCOMPARE(down.dueNs(100), -1);
    }

    void idDistributions()
    {
        Rng rng(3);
        IdDistribution last10;
        last10.kind = IdDistribution::Kind::Last10;
        last10.min = 1;
        last10.max = 1000;
        IdSampler tail(last10);
        for (int i = 0; i < 10000; ++i) {
            const std::int64_t id = tail.next(rng);
            QVERIFY(id >= 901 && id <= 1000);
        }

        IdDistribution zipf;
        zipf.kind = IdDistribution::Kind::Zipf;
        zipf.min = 100;
        zipf.max = 1099;
        zipf.exponent = 1.0;
        IdSampler sampler(zipf);
        std::map<std::int64_t, int> counts;
        const int draws = 200000;
        for (int i = 0; i < draws; ++i) {
            const std::int64_t id = sampler.next(rng);
            QVERIFY(id >= 100 && id <= 1099);
            ++counts[id];
        }
        // P(rank k) = 1 / (k H_n); H_1000 = 7.4855.
        const double h = 7.4855;
        for (int rank : {1, 2, 10}) {
            const double expected = draws / (rank * h);
            QVERIFY2(std::abs(counts[100 + rank - 1] - expected) < 0.1 * expected,
                     qPrintable(QStringLiteral("rank %1: %2 vs %3")
                                    .arg(rank)
                                    .arg(counts[100 + rank - 1])
                                    .arg(expected)));
        }

        IdDistribution list;
        list.kind = IdDistribution::Kind::List;
        list.values = {7, 11};
        IdSampler fromList(list);
        for (int i = 0; i < 100; ++i) {
            const std::int64_t id = fromList.next(rng);
            QVERIFY(id == 7 || id == 11);
        }
    }

    void mixFileParses()
    {
        const QByteArray json =
            "{\"name\": \"storefront\", \"ids\": {\"product\": {\"distribution\": \"last10\", "
            "\"min\": 1, \"max\": 1000}, \"question\": {\"max\": 500}, \"answer\": "
            "{\"distribution\": \"zipf\", \"max\": 900, \"exponent\": 1.2}},"
            "\"routes\": [{\"route\": \"list_questions\", \"weight\": 60, \"count\": 10},"
            "{\"route\": \"list_answers\", \"weight\": 30, \"checks\": [{\"json_field\": "
            "\"results\"}]},"
            "{\"route\": \"add_answer\", \"weight\": 5, \"photos\": 2},"
            "{\"route\": \"answer_helpful\", \"weight\": 5},"
            "{\"route\": \"get\", \"path\": \"/health\", \"ids\": {\"max\": 1}}],"
            "\"checks\": [{\"status\": 200}],"
            "\"thresholds\": [\"http_req_failed rate<0.01\"]}";
        MixFile file = parseMixFile(json);
        // Ids on a get route: one error, about that field of that route.
        QVERIFY2(file.errors.size() == 1, qPrintable(errorTexts(file.errors).join(u'\n')));
        QCOMPARE(file.errors.front().kind, LoadErrorKind::BadScenario);
        QCOMPARE(file.errors.front().field, QStringLiteral("routes[4].ids"));
        file = parseMixFile(QByteArray(json).replace(", \"ids\": {\"max\": 1}}", "}"));
        QVERIFY2(file.ok(), qPrintable(errorTexts(file.errors).join(u'\n')));
        QCOMPARE(file.mix.name, QStringLiteral("storefront"));
        QCOMPARE(file.mix.routes.size(), std::size_t(5));
        QCOMPARE(file.mix.routes[0].ids.kind, IdDistribution::Kind::Last10);
        QCOMPARE(file.mix.routes[0].count, 10);
        QCOMPARE(file.mix.routes[1].ids.max, 500);
        QCOMPARE(file.mix.routes[1].checks.size(), std::size_t(1));
        QCOMPARE(file.mix.routes[3].ids.exponent, 1.2);
        QCOMPARE(file.mix.routes[4].path, QStringLiteral("/health"));
        QCOMPARE(file.mix.checks.size(), std::size_t(1));
        QCOMPARE(file.thresholds.size(), std::size_t(1));
    }

    void mixFileReadsDatabaseIds()
    {
        const MixFile file = parseMixFile(
            "{\"ids\": {\"product\": {\"distribution\": \"database\"}, \"answer\": "
            "{\"distribution\": \"database\", \"sample\": 500}},"
            "\"routes\": [{\"route\": \"list_questions\"}, {\"route\": \"answer_report\"},"
            "{\"route\": \"list_answers\", \"ids\": {\"distribution\": \"database\", "
            "\"sample\": 20}}]}");
        QVERIFY2(file.ok(), qPrintable(errorTexts(file.errors).join(u'\n')));
        QCOMPARE(file.mix.routes[0].ids.kind, IdDistribution::Kind::Database);
        QCOMPARE(file.mix.routes[0].ids.sample, IdDistribution::kDefaultSample);
        QCOMPARE(file.mix.routes[1].ids.sample, 500);
        QCOMPARE(file.mix.routes[2].ids.sample, 20);
        QVERIFY(needsDatabaseIds(file.mix));
        QCOMPARE(distributionName(IdDistribution::Kind::Database), QStringLiteral("database"));
        QCOMPARE(parseDistributionName(QStringLiteral("database")),
                 std::optional(IdDistribution::Kind::Database));

        // A scenario file keeps the distribution, not ids: they are read again at each start.
        Scenario scenario;
        scenario.mix = file.mix;
        const ScenarioFile again = parseScenarioFile(scenarioFileJson(scenario));
        QVERIFY2(again.ok(), qPrintable(errorTexts(again.errors).join(u'\n')));
        QCOMPARE(again.scenario.mix.routes[1].ids.kind, IdDistribution::Kind::Database);
        QCOMPARE(again.scenario.mix.routes[1].ids.sample, 500);
        QVERIFY(again.scenario.mix.routes[1].ids.values.empty());
    }

    void databaseIdsResolveIntoLists()
    {
        RequestMix mix;
        RouteSpec get;
        get.path = QStringLiteral("/health");
        mix.routes = {databaseRoute(Route::ListQuestions, 30),
                      databaseRoute(Route::AddQuestion, 30), databaseRoute(Route::ListAnswers, 10),
                      databaseRoute(Route::AnswerReport, 5), get};
        Scenario scenario;
        scenario.mix = mix;
        QVERIFY(errorTexts(scenario.validate())
                    .join(u' ')
                    .contains(QStringLiteral(
                        "routes[0].ids: the ids to read from the database were not read")));
        QVERIFY(scenario.validate(Scenario::DatabaseIds::ReadAtStart).isEmpty());

        FakeIdReader reader;
        const LoadResult<ResolvedIds> resolved = resolveDatabaseIds(scenario.mix, reader);
        QVERIFY2(resolved, qPrintable(resolved.errorText()));
        QCOMPARE(reader.reads, 3); // the two product routes share one sample
        QCOMPARE(resolved->summary,
                 QStringLiteral("30 product ids, 10 question ids, 5 answer ids"));
        scenario.mix = resolved->mix;
        for (const RouteSpec& route : scenario.mix.routes)
            if (route.route != Route::Get)
                QCOMPARE(route.ids.kind, IdDistribution::Kind::List);
        QCOMPARE(scenario.mix.routes[0].ids.values, scenario.mix.routes[1].ids.values);
        QCOMPARE(scenario.mix.routes[2].ids.values.size(), std::size_t(10));
        QCOMPARE(scenario.mix.routes[3].ids.values.front(), 1001);
        QVERIFY(!needsDatabaseIds(scenario.mix));
        QVERIFY(scenario.validate().isEmpty());

        Rng rng(5);
        IdSampler sampler(scenario.mix.routes[3].ids);
        for (int i = 0; i < 100; ++i) {
            const std::int64_t id = sampler.next(rng);
            QVERIFY(id >= 1001 && id <= 1005);
        }
    }

    void databaseIdsThatCannotBeReadLeaveTheMix()
    {
        RequestMix mix;
        mix.routes = {databaseRoute(Route::ListQuestions, 30),
                      databaseRoute(Route::AnswerHelpful, 9)};
        const RequestMix before = mix;
        FakeIdReader failing;
        failing.failing = IdSource::Answers;
        const LoadResult<ResolvedIds> noTable = resolveDatabaseIds(mix, failing);
        QVERIFY(!noTable);
        QCOMPARE(noTable.error().kind, LoadErrorKind::NothingLoaded); // the reader's, as it came
        QVERIFY2(noTable.error().message.contains(QStringLiteral("load the dataset first")),
                 qPrintable(noTable.errorText()));
        QCOMPARE(mix.routes[0].ids.kind, IdDistribution::Kind::Database);
        QVERIFY(mix.routes[0].ids.values.empty());

        // A table without ids is nothing loaded too.
        FakeIdReader empty;
        empty.empty = IdSource::Products;
        const LoadResult<ResolvedIds> noIds = resolveDatabaseIds(mix, empty);
        QVERIFY(!noIds);
        QCOMPARE(noIds.error().kind, LoadErrorKind::NothingLoaded);
        QCOMPARE(noIds.error().message,
                 QStringLiteral("The database has no product ids: load the dataset first."));
        QCOMPARE(mix.routes.size(), before.routes.size());
    }

    void mixFileErrorsNameTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("syntax") << QByteArray("{\"routes\": [") << "not valid JSON at offset";
        QTest::newRow("no routes") << QByteArray("{}") << "routes: must be a non-empty array";
        QTest::newRow("unknown route")
            << QByteArray("{\"routes\": [{\"route\": \"list_everything\"}]}")
            << "routes[0].route: 'list_everything' is not a route";
        QTest::newRow("bad weight")
            << QByteArray("{\"routes\": [{\"route\": \"get\", \"path\": \"/\", \"weight\": -1}]}")
            << "routes[0].weight: must be a number above 0";
        QTest::newRow("missing ids") << QByteArray("{\"routes\": [{\"route\": \"get\", \"path\": "
                                                   "\"/\"}, {\"route\": \"list_answers\"}]}")
                                     << "routes[1].ids: list_answers needs question ids";
        QTest::newRow("bad distribution")
            << QByteArray("{\"ids\": {\"product\": {\"distribution\": \"gauss\", \"max\": 9}}, "
                          "\"routes\": [{\"route\": \"list_questions\"}]}")
            << "ids.product.distribution: 'gauss' is not uniform, last10, zipf, list or database";
        QTest::newRow("max below min") << QByteArray("{\"routes\": [{\"route\": \"answer_report\", "
                                                     "\"ids\": {\"min\": 9, \"max\": 3}}]}")
                                       << "routes[0].ids.max: is below min";
        QTest::newRow("count too large")
            << QByteArray("{\"routes\": [{\"route\": \"get\", \"path\": \"/\", \"count\": 500}]}")
            << "routes[0].count: must be a whole number from 1 to 100";
        QTest::newRow("unknown field")
            << QByteArray("{\"routes\": [{\"route\": \"get\", \"path\": \"/\", \"wieght\": 2}]}")
            << "routes[0].wieght: unknown field";
        QTest::newRow("bad check") << QByteArray("{\"routes\": [{\"route\": \"get\", \"path\": "
                                                 "\"/\"}], \"checks\": [{\"status\": \"ok\"}]}")
                                   << "checks[0].status: must be a whole number";
        QTest::newRow("bad threshold") << QByteArray("{\"routes\": [{\"route\": \"get\", \"path\": "
                                                     "\"/\"}], \"thresholds\": [\"fast\"]}")
                                       << "thresholds[0]: threshold 'fast'";
        QTest::newRow("empty list") << QByteArray("{\"routes\": [{\"route\": \"question_report\", "
                                                  "\"ids\": {\"distribution\": \"list\"}}]}")
                                    << "routes[0].ids.values: a list distribution needs";
        QTest::newRow("sample of a range")
            << QByteArray("{\"routes\": [{\"route\": \"question_report\", \"ids\": "
                          "{\"max\": 9, \"sample\": 5}}]}")
            << "routes[0].ids.sample: only database takes one";
        QTest::newRow("database with a range")
            << QByteArray("{\"routes\": [{\"route\": \"question_report\", \"ids\": "
                          "{\"distribution\": \"database\", \"max\": 9}}]}")
            << "routes[0].ids.max: a database distribution takes only \"sample\"";
        QTest::newRow("database sample too large")
            << QByteArray("{\"routes\": [{\"route\": \"question_report\", \"ids\": "
                          "{\"distribution\": \"database\", \"sample\": 1000001}}]}")
            << "routes[0].ids.sample: must be a whole number from 1 to 100000";
    }

    void mixFileErrorsNameTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        const MixFile file = parseMixFile(json);
        QVERIFY(!file.ok());
        const QString all = errorTexts(file.errors).join(u'\n');
        QVERIFY2(all.contains(mentions), qPrintable(all));
    }

    void renderedRequestsAreValidHttp()
    {
        RequestMix mix;
        RouteSpec list;
        list.route = Route::ListQuestions;
        list.ids.min = list.ids.max = 42;
        RouteSpec add;
        add.route = Route::AddAnswer;
        add.ids.min = add.ids.max = 7;
        add.photos = 1;
        mix.routes = {list};
        RequestRenderer one(mix, "127.0.0.1:8080", 1);
        std::string out;
        QCOMPARE(one.appendNext(out), std::size_t(0));
        QCOMPARE(QByteArray::fromStdString(out),
                 QByteArray("GET /qa/questions?product_id=42&page=1&count=5 HTTP/1.1\r\n"
                            "Host: 127.0.0.1:8080\r\nUser-Agent: qaconsole-loadtest\r\n\r\n"));

        mix.routes = {add};
        RequestRenderer write(mix, "h", 1);
        out.clear();
        write.appendNext(out);
        const QByteArray request = QByteArray::fromStdString(out);
        QVERIFY(request.startsWith("POST /qa/questions/7/answers HTTP/1.1\r\n"));
        const qsizetype split = request.indexOf("\r\n\r\n");
        const QByteArray body = request.mid(split + 4);
        QVERIFY(request.contains(
            QByteArray("Content-Length: ").append(QByteArray::number(body.size()))));
        QVERIFY(body.contains("\"email\":\"loadtest@example.com\""));
        QVERIFY(body.contains(".jpg\"]}"));
    }

    void scenarioValidationNamesFields()
    {
        Scenario scenario;
        scenario.url = QStringLiteral("ftp:") + QStringLiteral("//example.org/");
        scenario.model = LoadModel::ConstantArrivalRate;
        scenario.threads = 0;
        const LoadErrors errors = scenario.validate();
        const QString all = errorTexts(errors).join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("url: ")), qPrintable(all));
        QVERIFY(all.contains(QStringLiteral("threads: 0")));
        QVERIFY(all.contains(QStringLiteral("rate: constant-arrival-rate needs a rate")));
        // The URL is the target's problem; the rest are the scenario's, each with its field.
        QCOMPARE(errors.front().kind, LoadErrorKind::BadTarget);
        QCOMPARE(errors.front().field, QStringLiteral("url"));
        for (qsizetype i = 1; i < errors.size(); ++i)
            QCOMPARE(errors[i].kind, LoadErrorKind::BadScenario);
        QCOMPARE(errors[1].field, QStringLiteral("threads"));

        Scenario ramp;
        ramp.model = LoadModel::RampingVus;
        ramp.durationMs = 0;
        const LoadErrors rampErrors = ramp.validate();
        QVERIFY(std::any_of(rampErrors.begin(), rampErrors.end(),
                            [](const LoadError& error) { return error.field == u"stages"; }));
        ramp.stages = {{1000, 5}};
        QVERIFY(ramp.validate().isEmpty());
        QCOMPARE(ramp.effectiveDurationMs(), 1000);
    }

    void scenarioFileErrorsCarryKindAndField()
    {
        const ScenarioFile file =
            parseScenarioFile("{\"url\": \"http://127.0.0.1:8080\", \"routes\": ["
                              "{\"route\": \"get\", \"path\": \"/health\"},"
                              "{\"route\": \"get\", \"path\": \"/metrics\", \"weight\": -1}],"
                              "\"load\": {\"duration\": \"soon\"}}");
        QVERIFY(!file.ok());
        QCOMPARE(file.errors.size(), 2);
        for (const LoadError& error : file.errors)
            QCOMPARE(error.kind, LoadErrorKind::BadScenario);
        QStringList fields;
        for (const LoadError& error : file.errors)
            fields << error.field;
        fields.sort();
        QCOMPARE(fields, (QStringList{QStringLiteral("load.duration"),
                                      QStringLiteral("routes[1].weight")}));
        // The sentence a user reads is unchanged: the field, then what is wrong with it.
        QVERIFY(errorTexts(file.errors)
                    .contains(QStringLiteral("routes[1].weight: must be a number above 0")));

        const ScenarioFile missing = loadScenarioFile(QStringLiteral("/nonexistent/scenario.json"));
        QCOMPARE(missing.errors.size(), 1);
        QCOMPARE(missing.errors.front().kind, LoadErrorKind::Io);
        QCOMPARE(missing.errors.front().field, QStringLiteral("/nonexistent/scenario.json"));

        QTemporaryDir dir;
        const LoadStatus saved =
            saveScenarioFile(dir.filePath(QStringLiteral("no/such/folder.json")), Scenario{});
        QVERIFY(!saved);
        QCOMPARE(saved.error().kind, LoadErrorKind::Io);
    }

    void savedRunsReadBackWhatWasWritten()
    {
        Scenario scenario;
        scenario.url = QStringLiteral("http://127.0.0.1:9000");
        scenario.model = LoadModel::RampingArrivalRate;
        scenario.startTarget = 5;
        scenario.stages = {{2000, 50}, {1000, 0}};
        scenario.durationMs = 0;
        scenario.policy = ConnectionPolicy::Grow;
        scenario.maxConnections = 99;
        RouteSpec answers;
        answers.route = Route::ListAnswers;
        answers.weight = 3;
        RouteSpec health;
        health.path = QStringLiteral("/health");
        scenario.mix.routes = {answers, health};
        scenario.thresholds = {parseThreshold(QStringLiteral("http_reqs rate>10")).value()};
        RunSummary summary;
        summary.seconds = 3.25;
        summary.totals.completed = 140;
        summary.totals.error(ErrorKind::Status5xx) = 3;
        summary.totals.error(ErrorKind::Dropped) = 2;
        summary.rps = 44;
        summary.corrected.p99 = 12'345;
        summary.uncorrected.mean = 2'500;
        summary.stoppedByUser = true;
        summary.thresholds = {{scenario.thresholds.front(), 44, true}};
        summary.warnings = {QStringLiteral("the generator was busy")};
        std::vector<IntervalRow> rows(3);
        for (int i = 0; i < 3; ++i) {
            rows[std::size_t(i)].startSeconds = i;
            rows[std::size_t(i)].seconds = 1;
            rows[std::size_t(i)].rps = 40 + i;
            rows[std::size_t(i)].counts.completed = std::uint64_t(40 + i);
            rows[std::size_t(i)].counts.error(ErrorKind::Timeout) = std::uint64_t(i);
            rows[std::size_t(i)].corrected.p999 = 7'000 + i;
            rows[std::size_t(i)].uncorrected.max = 9'000;
        }
        QTemporaryDir dir;
        const LoadStatus written = writeRunFiles(dir.path(), scenario, summary, rows);
        QVERIFY2(written, qPrintable(written.errorText()));

        const LoadResult<SavedRun> run = readRunFiles(dir.path());
        QVERIFY2(run, qPrintable(run.errorText()));
        QCOMPARE(run->scenario.url, scenario.url);
        QCOMPARE(run->scenario.model, LoadModel::RampingArrivalRate);
        QVERIFY(run->scenario.stages == scenario.stages);
        QCOMPARE(run->scenario.effectiveDurationMs(), 3000);
        QCOMPARE(run->scenario.effectiveMaxConnections(), 99);
        QCOMPARE(run->scenario.mix.routes.size(), std::size_t(2));
        QCOMPARE(run->scenario.mix.routes[0].route, Route::ListAnswers);
        QCOMPARE(run->scenario.mix.routes[0].weight, 3.0);
        QCOMPARE(run->scenario.mix.routes[1].path, QStringLiteral("/health"));
        QCOMPARE(run->summary.totals.requests(), std::uint64_t(143));
        QCOMPARE(run->summary.totals.dropped(), std::uint64_t(2));
        QCOMPARE(run->summary.corrected.p99, 12'345);
        QCOMPARE(run->summary.uncorrected.mean, 2'500.0);
        QVERIFY(run->summary.stoppedByUser);
        QCOMPARE(run->summary.thresholds.size(), std::size_t(1));
        QVERIFY(run->summary.thresholdsPassed());
        QCOMPARE(run->summary.warnings, summary.warnings);
        QCOMPARE(run->rows.size(), std::size_t(3));
        QCOMPARE(run->rows[2].counts.error(ErrorKind::Timeout), std::uint64_t(2));
        QCOMPARE(run->rows[2].corrected.p999, 7'002);
        QCOMPARE(run->rows[1].uncorrected.max, 9'000);
        QCOMPARE(run->started().msecsTo(run->finished), 3250);
        // Written again, it is the same file: exports of a saved run are what was saved.
        QCOMPARE(summaryJson(run->scenario, run->summary), summaryJson(scenario, summary));
        QCOMPARE(timeSeriesCsv(run->rows), timeSeriesCsv(rows));
    }

    void savedRunsSkipWhatCannotBeRead()
    {
        QTemporaryDir root;
        const QDateTime now = QDateTime::currentDateTime();
        // Three good runs, from oldest to newest, and four broken folders.
        for (int i = 0; i < 3; ++i) {
            const QString dir = root.filePath(QStringLiteral("good%1").arg(i));
            RunSummary summary;
            summary.seconds = i + 1;
            QVERIFY(writeRunFiles(dir, Scenario{}, summary, {}));
            QFile json(QDir(dir).filePath(QStringLiteral("summary.json")));
            QVERIFY(json.open(QIODevice::ReadWrite));
            QVERIFY(json.setFileTime(now.addSecs(-100 + i), QFileDevice::FileModificationTime));
        }
        auto breakFile = [&](const QString& run, const char* file, const QByteArray& text) {
            QVERIFY(QDir(root.path()).mkpath(run));
            QFile out(root.filePath(run + u'/' + QLatin1String(file)));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(text);
        };
        QVERIFY(writeRunFiles(root.filePath(QStringLiteral("badrow")), Scenario{}, RunSummary{},
                              std::vector<IntervalRow>(2)));
        QFile csv(root.filePath(QStringLiteral("badrow/timeseries.csv")));
        QVERIFY(csv.open(QIODevice::Append));
        csv.write("1,2,3\n");
        csv.close();
        breakFile(QStringLiteral("nojson"), "summary.json", "not json");
        breakFile(QStringLiteral("wrongtype"), "summary.json",
                  QByteArray(summaryJson(Scenario{}, RunSummary{}))
                      .replace("\"seconds\": 0", "\"seconds\": \"zero\""));
        breakFile(QStringLiteral("wrongtype"), "timeseries.csv", timeSeriesCsv({}));
        QVERIFY(QDir(root.path()).mkpath(QStringLiteral("empty")));

        QCOMPARE(readRunFiles(root.filePath(QStringLiteral("badrow"))).errorText(),
                 QStringLiteral("timeseries.csv line 4: not a row of 32 numbers"));
        QCOMPARE(readRunFiles(root.filePath(QStringLiteral("wrongtype"))).errorText(),
                 QStringLiteral("summary.json: seconds is missing or not a number"));
        const LoadResult<SavedRun> empty = readRunFiles(root.filePath(QStringLiteral("empty")));
        QVERIFY(!empty);
        QCOMPARE(empty.error().kind, LoadErrorKind::Io);
        QCOMPARE(empty.errorText(), QStringLiteral("summary.json is missing"));

        SavedRunList list = readSavedRuns(root.path(), 50);
        QCOMPARE(list.runs.size(), std::size_t(3));
        QCOMPARE(list.runs.front().summary.seconds, 3.0); // newest first
        QCOMPARE(list.notes.size(), 4);
        QVERIFY2(list.notes.join(u'\n').contains(u"nojson: summary.json is not a JSON object"),
                 qPrintable(list.notes.join(u'\n')));
        list = readSavedRuns(root.path(), 2);
        QCOMPARE(list.runs.size(), std::size_t(2));
        QCOMPARE(list.runs.back().summary.seconds, 2.0);
        QVERIFY(readSavedRuns(root.filePath(QStringLiteral("absent")), 50).runs.empty());

        // Removing a run leaves what else is in its folder.
        const QString kept = root.filePath(QStringLiteral("good0/notes.txt"));
        breakFile(QStringLiteral("good0"), "notes.txt", "mine");
        QVERIFY(removeRunFiles(root.filePath(QStringLiteral("good0"))));
        QVERIFY(QFile::exists(kept));
        QVERIFY(!QFile::exists(root.filePath(QStringLiteral("good0/summary.json"))));
        QVERIFY(removeRunFiles(root.filePath(QStringLiteral("good1"))));
        QVERIFY(!QDir(root.filePath(QStringLiteral("good1"))).exists());
    }

    void k6ScriptCarriesTheScenario()
    {
        Scenario scenario;
        scenario.model = LoadModel::RampingArrivalRate;
        scenario.startTarget = 10;
        scenario.stages = {{30000, 100}};
        scenario.thresholds.push_back(
            parseThreshold(QStringLiteral("http_req_failed rate<0.01")).value());
        RouteSpec route;
        route.route = Route::ListAnswers;
        route.ids.kind = IdDistribution::Kind::Last10;
        route.ids.max = 1000;
        scenario.mix.routes = {route};
        const QByteArray script = k6Script(scenario);
        QVERIFY(script.contains("executor: 'ramping-arrival-rate', startRate: 10"));
        QVERIFY(script.contains("{ duration: \"30s\", target: 100 }"));
        QVERIFY(script.contains("http_req_failed: [\"rate<0.01\"]"));
        QVERIFY(script.contains("/qa/questions/${id}/answers?page=1&count=5"));
        QVERIFY(script.contains("kind: 'last10'"));
    }
};

QTEST_APPLESS_MAIN(TestLoadgenParsing)
#include "tst_loadgenparsing.moc"
