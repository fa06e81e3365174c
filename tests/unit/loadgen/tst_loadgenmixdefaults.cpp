// What makes the defaults follow the data: the built-in storefront mix (by name, with ids read
// from the database), `--mix`'s choice between a file and a name, the check of fixed id ranges
// against the largest ids loaded (the share of ids drawn that do not exist, Zipf included), and
// the generator's own CPU figure as the summaries show it.

#include "loadgen/builtinmixes.h"
#include "loadgen/databaseids.h"
#include "loadgen/iddistribution.h"
#include "loadgen/results.h"
#include "loadgen/scenario.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using namespace qaconsole::loadgen;

namespace {

// A database that holds ids up to the given largest ones; counts the look-ups.
class LoadedDatabase : public IdReader
{
public:
    LoadResult<std::vector<std::int64_t>> read(IdSource, int) override
    {
        return std::vector<std::int64_t>{};
    }
    LoadResult<std::int64_t> largest(IdSource source) override
    {
        ++lookups;
        if (unreachable)
            return qaconsole::makeError(
                LoadErrorKind::DatabaseUnreachable,
                QStringLiteral("Cannot connect to PostgreSQL to read ids: refused"));
        return largestIds.at(source);
    }

    std::map<IdSource, std::int64_t> largestIds{
        {IdSource::Products, 10'011}, {IdSource::Questions, 35'190}, {IdSource::Answers, 69'000}};
    bool unreachable = false;
    int lookups = 0;
};

IdDistribution range(IdDistribution::Kind kind, std::int64_t min, std::int64_t max)
{
    IdDistribution ids;
    ids.kind = kind;
    ids.min = min;
    ids.max = max;
    return ids;
}

RouteSpec routeWith(Route route, const IdDistribution& ids)
{
    RouteSpec spec;
    spec.route = route;
    spec.ids = ids;
    return spec;
}

} // namespace

class TestLoadgenMixDefaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storefrontIsBuiltInByName()
    {
        QCOMPARE(builtinMixNames(), QStringList{QStringLiteral("storefront")});
        for (const QString& name : {QStringLiteral("storefront"), QStringLiteral("Storefront")}) {
            const std::optional<MixFile> file = builtinMix(name);
            QVERIFY(file);
            QVERIFY(file->ok());
            QVERIFY(file->url.isEmpty());
            QVERIFY(file->thresholds.empty());
        }
        QVERIFY(!builtinMix(QStringLiteral("checkout")));

        const RequestMix mix = storefrontMix();
        QCOMPARE(mix.name, QStringLiteral("storefront"));
        QCOMPARE(mix.routes.size(), std::size_t(8));
        const std::map<Route, double> weights{
            {Route::ListQuestions, 60}, {Route::ListAnswers, 30},    {Route::AddQuestion, 2},
            {Route::AddAnswer, 2},      {Route::QuestionHelpful, 2}, {Route::QuestionReport, 1},
            {Route::AnswerHelpful, 2},  {Route::AnswerReport, 1}};
        for (const RouteSpec& route : mix.routes) {
            QCOMPARE(route.weight, weights.at(route.route));
            QCOMPARE(route.ids.kind, IdDistribution::Kind::Database);
            QCOMPARE(route.ids.sample, IdDistribution::kDefaultSample);
        }
        // It runs once its ids are read, as any mix with database ids.
        QVERIFY(needsDatabaseIds(mix));
        Scenario scenario;
        scenario.mix = mix;
        QVERIFY(scenario.validate(Scenario::DatabaseIds::ReadAtStart).isEmpty());
        QVERIFY(!scenario.validate().isEmpty());
    }

    void mixArgumentIsAFileOrAName()
    {
        QCOMPARE(resolveMixArgument(QStringLiteral("storefront")).mix.routes.size(),
                 std::size_t(8));
        const MixFile unknown = resolveMixArgument(QStringLiteral("storefrnt"));
        QCOMPARE(errorTexts(unknown.errors),
                 QStringList{QStringLiteral("neither a built-in mix (storefront) nor a file")});
        const MixFile missing = resolveMixArgument(QStringLiteral("/nonexistent/mix.json"));
        QCOMPARE(missing.errors.size(), 1);
        QCOMPARE(missing.errors.front().kind, LoadErrorKind::Io);
        QVERIFY2(missing.errors.front().message.contains(u"cannot read"),
                 qPrintable(missing.errors.front().text()));

        // A file of the name wins: the user's own storefront.
        QTemporaryDir dir;
        const QString previous = QDir::currentPath();
        QVERIFY(QDir::setCurrent(dir.path()));
        QFile own(QStringLiteral("storefront"));
        QVERIFY(own.open(QIODevice::WriteOnly));
        own.write(R"({"routes": [{"route": "get", "path": "/health"}]})");
        own.close();
        const MixFile file = resolveMixArgument(QStringLiteral("storefront"));
        QVERIFY(QDir::setCurrent(previous));
        QVERIFY2(file.ok(), qPrintable(errorTexts(file.errors).join(u' ')));
        QCOMPARE(file.mix.routes.size(), std::size_t(1));
        QCOMPARE(file.mix.routes.front().route, Route::Get);
    }

    void missingShareOfUniformKindsAndLists()
    {
        using Kind = IdDistribution::Kind;
        QCOMPARE(missingShare(range(Kind::Uniform, 1, 100), 10), 0.9);
        QCOMPARE(missingShare(range(Kind::Uniform, 1, 100), 100), 0.0);
        QCOMPARE(missingShare(range(Kind::Uniform, 50, 100), 10), 1.0);
        // last10 of 1..1000 is 901..1000, as IdSampler draws it.
        QCOMPARE(missingShare(range(Kind::Last10, 1, 1000), 950), 0.5);
        QCOMPARE(missingShare(range(Kind::Last10, 1, 1000), 900), 1.0);
        // The issue's case: the full dataset's last 10% against the 0.01 sample.
        QCOMPARE(missingShare(range(Kind::Last10, 1, 3'518'963), 35'190), 1.0);
        IdDistribution list = range(Kind::List, 1, 1);
        list.values = {5, 10, 20, 40};
        QCOMPARE(missingShare(list, 10), 0.5);
        QCOMPARE(largestId(list), std::int64_t(40));
        IdDistribution database;
        database.kind = Kind::Database;
        QCOMPARE(missingShare(database, 0), 0.0);
        QCOMPARE(largestId(database), std::int64_t(0));
    }

    void missingShareOfZipfMatchesTheSum_data()
    {
        QTest::addColumn<std::int64_t>("max");
        QTest::addColumn<double>("exponent");
        QTest::addColumn<std::int64_t>("largest");
        QTest::newRow("small, s=1") << std::int64_t(500) << 1.0 << std::int64_t(100);
        QTest::newRow("past the exact ranks, s=1")
            << std::int64_t(200'000) << 1.0 << std::int64_t(35'190);
        QTest::newRow("s=0.5") << std::int64_t(200'000) << 0.5 << std::int64_t(5'000);
        QTest::newRow("s=1.5") << std::int64_t(100'000) << 1.5 << std::int64_t(2'000);
    }

    void missingShareOfZipfMatchesTheSum()
    {
        QFETCH(std::int64_t, max);
        QFETCH(double, exponent);
        QFETCH(std::int64_t, largest);
        IdDistribution zipf = range(IdDistribution::Kind::Zipf, 1, max);
        zipf.exponent = exponent;
        double all = 0;
        double existing = 0;
        for (std::int64_t k = 1; k <= max; ++k) {
            const double weight = std::pow(double(k), -exponent);
            all += weight;
            if (k <= largest)
                existing += weight;
        }
        const double exact = 1 - existing / all;
        const double share = missingShare(zipf, largest);
        QVERIFY2(std::abs(share - exact) < 1e-4,
                 qPrintable(QStringLiteral("%1 vs %2").arg(share).arg(exact)));
        QCOMPARE(missingShare(zipf, max), 0.0);
    }

    void loadedIdsAreReadOncePerKind()
    {
        LoadedDatabase database;
        const LoadResult<LoadedIds> loaded = readLoadedIds(database);
        QVERIFY2(loaded, qPrintable(loaded.errorText()));
        QCOMPARE(loaded.value(), (LoadedIds{10'011, 35'190, 69'000}));
        QCOMPARE(database.lookups, 3);
        QCOMPARE(loaded->largest(IdSource::Questions), std::int64_t(35'190));

        LoadedDatabase down;
        down.unreachable = true;
        const LoadResult<LoadedIds> failed = readLoadedIds(down);
        QVERIFY(!failed);
        QCOMPARE(failed.error().kind, LoadErrorKind::DatabaseUnreachable);
        QCOMPARE(down.lookups, 1); // the first failure ends the look-ups
        QVERIFY(failed.error().message.startsWith(u"Cannot connect to PostgreSQL"));
    }

    void rangesPastTheLoadedIdsAreNamed()
    {
        const LoadedIds loaded{10'011, 35'190, 69'000};
        RequestMix mix;
        // The page's old default: the full dataset's ranges, last 10%.
        mix.routes = {
            routeWith(Route::ListQuestions, range(IdDistribution::Kind::Last10, 1, 1'000'011)),
            routeWith(Route::QuestionHelpful, range(IdDistribution::Kind::Last10, 1, 3'518'963)),
            routeWith(Route::AnswerReport, range(IdDistribution::Kind::Uniform, 1, 69'000))};
        const std::vector<IdRangeExcess> excesses = idRangeExcesses(mix, loaded);
        QCOMPARE(excesses.size(), std::size_t(2));
        QCOMPARE(excesses[0].source, IdSource::Products);
        QCOMPARE(excesses[0].rangeMax, std::int64_t(1'000'011));
        QCOMPARE(excesses[0].loadedMax, std::int64_t(10'011));
        QCOMPARE(excesses[0].missingShare, 1.0);
        QCOMPARE(excesses[1].source, IdSource::Questions);
        QCOMPARE(excesses[1].rangeMax, std::int64_t(3'518'963));

        // Two routes of one kind: the worse one counts. Database ids and plain GETs never do.
        mix.routes.push_back(
            routeWith(Route::AnswerHelpful, range(IdDistribution::Kind::Uniform, 1, 138'000)));
        mix.routes.push_back(storefrontMix().routes.front());
        RouteSpec get;
        get.path = QStringLiteral("/health");
        mix.routes.push_back(get);
        const std::vector<IdRangeExcess> more = idRangeExcesses(mix, loaded);
        QCOMPARE(more.size(), std::size_t(3));
        QCOMPARE(more[2].source, IdSource::Answers);
        QCOMPARE(more[2].rangeMax, std::int64_t(138'000));
        QVERIFY(std::abs(more[2].missingShare - 0.5) < 1e-9);

        QVERIFY(idRangeExcesses(storefrontMix(), LoadedIds{}).empty());
    }

    void generatorCpuIsItsThreads()
    {
        RunSummary summary;
        summary.totals.completed = 10'000;
        summary.totals.cpuSeconds = 0.4;
        summary.totals.pollSeconds = 0.1;
        summary.processCpuSeconds = 5.69; // the window's process, with the backend under load
        const GeneratorCpu cpu = generatorCpu(summary);
        QVERIFY(cpu.ofThreads);
        QCOMPARE(cpu.seconds, 0.4);
        QVERIFY(std::abs(cpu.microsecondsPerRequest - 40) < 1e-9);
        QVERIFY(std::abs(cpu.pollShare() - 0.25) < 1e-12);

        // Where threads have no CPU clock, the process's is all there is, and says so.
        summary.totals.cpuSeconds = 0;
        summary.totals.pollSeconds = 0;
        const GeneratorCpu process = generatorCpu(summary);
        QVERIFY(!process.ofThreads);
        QCOMPARE(process.seconds, 5.69);
        QCOMPARE(process.pollShare(), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestLoadgenMixDefaults)
#include "tst_loadgenmixdefaults.moc"
