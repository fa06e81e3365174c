// The Cache page on a real redis-server (the managed one, started by a StackFixture on a free
// port): presets, marking invalid values, Apply putting a policy in force on the ResponseCache,
// flushing a data class, and the page without a cache. Waits are for conditions, never for
// durations.

#include "backend/cache/cachekey.h"
#include "backend/cache/cacheworkercontext.h"
#include "backend/cache/policytext.h"
#include "backend/cache/responsecache.h"
#include "tests/support/redisoptions.h"
#include "tests/support/stackfixture.h"
#include "ui/cache/cachecontroller.h"
#include "ui/cache/cachepage.h"
#include "ui/shell/customplot.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTimer>

#include <chrono>
#include <random>

using namespace qaconsole;
using cache::CacheLayer;
using cache::DataClass;
using cache::PolicyPreset;

namespace {

constexpr int kWaitMs = 30'000;

QString field(const char* path)
{
    return QString::fromLatin1(path);
}

// Fills `count` entries of `dataClass` through a worker context, as the API's workers do.
void fillEntries(cache::CacheWorkerContext& context, DataClass dataClass, int count)
{
    for (int id = 1; id <= count; ++id) {
        cache::LookupResult found = context.lookup(cache::CacheKey{dataClass, id, 1, 5});
        QCOMPARE(found.status, cache::LookupStatus::Miss);
        context.fill(found, 200, "{\"results\":[]}");
    }
}

// Clicks Yes on the next question box the page opens (QMessageBox::question runs its own event
// loop, so the timer keeps firing while it is open).
void acceptNextQuestion()
{
    auto* timer = new QTimer(qApp);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            return;
        timer->stop();
        timer->deleteLater();
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    });
    timer->start();
}

} // namespace

class TestCachePage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const auto options = testing::startPatientRedis(m_fixture);
        QVERIFY(options);
        m_redis = *options;
    }

    void presetsFillTheTable()
    {
        ui::CacheController controller;
        ui::CachePage page(controller);
        page.resize(1280, 800);
        page.show();
        // Balanced to begin with, also without a cache.
        QCOMPARE(edit(page, "classes.questions.ttl.memory")->text(), QStringLiteral("1 day"));
        QVERIFY(button(page, "cachePresetButton1")->isChecked());

        QTest::mouseClick(button(page, "cachePresetButton0"), Qt::LeftButton);
        const cache::CachePolicy freshness = cache::presetPolicy(PolicyPreset::FreshnessFirst);
        for (const char* name : {"questions", "answers"}) {
            const QString prefix = QStringLiteral("classes.%1.").arg(QLatin1String(name));
            QCOMPARE(edit(page, prefix + u"ttl.memory")->text(), QStringLiteral("5 s"));
            QCOMPARE(edit(page, prefix + u"ttl.redis")->text(), QStringLiteral("30 s"));
            QCOMPARE(edit(page, prefix + u"jitter")->text(), QStringLiteral("2 s"));
            QCOMPARE(edit(page, prefix + u"stale_while_revalidate")->text(), QStringLiteral("0"));
            QCOMPARE(edit(page, prefix + u"stale_if_error")->text(), QStringLiteral("5 min"));
            QCOMPARE(combo(page, prefix + u"on_write.new_question")->currentData().toInt(),
                     int(cache::WriteAction::Refresh));
            QCOMPARE(combo(page, prefix + u"on_write.helpful_vote")->currentData().toInt(),
                     int(cache::WriteAction::Invalidate));
        }
        QVERIFY(button(page, "cachePresetButton0")->isChecked());
        QVERIFY(!button(page, "cachePresetButton1")->isChecked());
        QCOMPARE(label(page, "cachePolicyDescription")->text(), cache::describePolicy(freshness));

        QTest::mouseClick(button(page, "cachePresetButton2"), Qt::LeftButton);
        QCOMPARE(edit(page, "classes.answers.ttl.redis")->text(), QStringLiteral("7 days"));
        QCOMPARE(combo(page, "classes.answers.on_write.new_answer")->currentData().toInt(),
                 int(cache::WriteAction::KeepUntilTtl));
        QCOMPARE(label(page, "cachePolicyDescription")->text(),
                 cache::describePolicy(cache::presetPolicy(PolicyPreset::ThroughputFirst)));
    }

    void invalidValuesAreMarkedAndCannotBeApplied()
    {
        auto cache = makeCache();
        ui::CacheController controller;
        ui::CachePage page(controller);
        page.show();
        controller.setCache(cache);
        QTest::mouseClick(button(page, "cachePresetButton0"), Qt::LeftButton);
        QPushButton* apply = button(page, "cacheApplyButton");
        QVERIFY(apply->isEnabled());

        QLineEdit* ttl = edit(page, "classes.answers.ttl.redis");
        ttl->setText(QStringLiteral("5 parsecs"));
        QVERIFY(ttl->property("invalid").toBool());
        QVERIFY2(ttl->toolTip().contains(QStringLiteral("parsecs")), qPrintable(ttl->toolTip()));
        QVERIFY(!apply->isEnabled());
        QVERIFY(!button(page, "cacheSaveButton")->isEnabled());
        QVERIFY(label(page, "cachePolicyErrors")->isVisible());
        QVERIFY(
            label(page, "cachePolicyErrors")->text().contains(field("classes.answers.ttl.redis")));
        QVERIFY(!edit(page, "classes.answers.ttl.memory")->property("invalid").toBool());

        // A rule between fields marks the field it names: jitter must stay below each TTL.
        ttl->setText(QStringLiteral("30 s"));
        QVERIFY(!ttl->property("invalid").toBool());
        QVERIFY(apply->isEnabled());
        QLineEdit* jitter = edit(page, "classes.questions.jitter");
        jitter->setText(QStringLiteral("1 h"));
        QVERIFY(jitter->property("invalid").toBool());
        QVERIFY(jitter->toolTip().contains(QStringLiteral("shorter than")));
        QVERIFY(!apply->isEnabled());

        // A report left to the TTL breaks the API contract; the combo box is marked.
        jitter->setText(QStringLiteral("1 s"));
        QComboBox* report = combo(page, "classes.questions.on_write.report");
        report->setCurrentIndex(report->findData(int(cache::WriteAction::KeepUntilTtl)));
        QVERIFY(report->property("invalid").toBool());
        QVERIFY(!apply->isEnabled());
        report->setCurrentIndex(report->findData(int(cache::WriteAction::Invalidate)));
        QVERIFY(!report->property("invalid").toBool());
        QVERIFY(apply->isEnabled());
        controller.shutdown();
    }

    void applyPutsThePolicyInForce()
    {
        auto cache = makeCache();
        const std::int64_t before = cache->policy()->version;
        ui::CacheController controller;
        ui::CachePage page(controller);
        page.show();
        controller.setCache(cache);
        QPushButton* apply = button(page, "cacheApplyButton");
        QVERIFY(!apply->isEnabled()); // the editor shows the policy in force: nothing to apply

        QTest::mouseClick(button(page, "cachePresetButton2"), Qt::LeftButton);
        edit(page, "classes.questions.stale_if_error")->setText(QStringLiteral("2 days"));
        QVERIFY(apply->isEnabled());
        QTest::mouseClick(apply, Qt::LeftButton);

        QTRY_COMPARE_WITH_TIMEOUT(cache->policy()->version, before + 1, kWaitMs);
        cache::CachePolicy expected = cache::presetPolicy(PolicyPreset::ThroughputFirst);
        expected.of(DataClass::Questions).staleIfErrorMs = 2LL * 24 * 3600 * 1000;
        QVERIFY(cache->policy()->classes == expected.classes);
        QCOMPARE(cache->policy()->name, QStringLiteral("Custom"));

        // The instance acknowledged the version through Redis, and the page says so.
        QLabel* status = label(page, "cachePolicyStatus");
        const QString expectedText = QStringLiteral("Version %1 (Custom) is in force on 1 of 1 "
                                                    "instances.")
                                         .arg(before + 1);
        QTRY_COMPARE_WITH_TIMEOUT(status->text(), expectedText, kWaitMs);
        QVERIFY(status->toolTip().contains(QStringLiteral("(this console)")));
        // In force now, so nothing left to apply or revert.
        QVERIFY(!apply->isEnabled());
        QVERIFY(!button(page, "cacheRevertButton")->isEnabled());

        // A second apply goes one version further.
        QTest::mouseClick(button(page, "cachePresetButton0"), Qt::LeftButton);
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(cache->policy()->version, before + 2, kWaitMs);
        QCOMPARE(cache->policy()->name, QStringLiteral("Freshness first"));
        QVERIFY(cache->policy()->classes ==
                cache::presetPolicy(PolicyPreset::FreshnessFirst).classes);
        controller.shutdown();
    }

    void revertGoesBackToThePolicyInForce()
    {
        ui::CacheController controller;
        ui::CachePage page(controller);
        page.show();
        QPushButton* revert = button(page, "cacheRevertButton");
        QVERIFY(!revert->isEnabled());
        edit(page, "classes.answers.jitter")->setText(QStringLiteral("5 min"));
        QVERIFY(revert->isEnabled());
        QTest::mouseClick(revert, Qt::LeftButton);
        QCOMPARE(edit(page, "classes.answers.jitter")->text(), QStringLiteral("1 h"));
        QVERIFY(!revert->isEnabled());
    }

    void flushEmptiesOneDataClass()
    {
        auto cache = makeCache();
        // A (re)subscription drops the memory layer: fill it once the subscriber is up.
        // Without the lease nothing is stored: fills made before it would be lost.
        QVERIFY(cache->waitForLease(std::chrono::milliseconds(kWaitMs)));
        {
            cache::CacheWorkerContext context(*cache);
            fillEntries(context, DataClass::Questions, 3);
            fillEntries(context, DataClass::Answers, 2);
        }
        QCOMPARE(cache->stats().at(DataClass::Questions, CacheLayer::Memory).keys, 3u);
        QCOMPARE(cache->stats().at(DataClass::Answers, CacheLayer::Memory).keys, 2u);

        ui::CacheController controller;
        ui::CachePage page(controller);
        page.show();
        controller.setCache(cache);
        QLabel* entries = label(page, "cacheMemoryEntriesLabel");
        QCOMPARE(entries->text(), QStringLiteral("5"));
        QTRY_COMPARE_WITH_TIMEOUT(label(page, "cacheRedisEntriesLabel")->text(),
                                  QStringLiteral("5"), kWaitMs);

        acceptNextQuestion();
        QTest::mouseClick(button(page, "cacheFlushQuestionsButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(cache->stats().at(DataClass::Questions, CacheLayer::Memory).keys,
                                  0u, kWaitMs);
        QCOMPARE(cache->stats().at(DataClass::Answers, CacheLayer::Memory).keys, 2u);
        QTRY_COMPARE_WITH_TIMEOUT(label(page, "cacheFlushStatus")->text(),
                                  QStringLiteral("Flushed the question lists."), kWaitMs);
        QCOMPARE(entries->text(), QStringLiteral("2"));
        // Redis dropped them too: the next usage reading counts the answers only.
        QTRY_COMPARE_WITH_TIMEOUT(label(page, "cacheRedisEntriesLabel")->text(),
                                  QStringLiteral("2"), kWaitMs);

        // Cancelling the question flushes nothing.
        auto* cancel = new QTimer(&page);
        cancel->setInterval(20);
        connect(cancel, &QTimer::timeout, cancel, [cancel] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                cancel->stop();
                box->reject();
            }
        });
        cancel->start();
        QTest::mouseClick(button(page, "cacheFlushAllButton"), Qt::LeftButton);
        QVERIFY(!cancel->isActive());
        QCOMPARE(cache->stats().at(DataClass::Answers, CacheLayer::Memory).keys, 2u);
        controller.shutdown();
    }

    // While requests hit the cache, the chart gets a point per layer and class every sample.
    void theChartFollowsTheHits()
    {
        auto cache = makeCache();
        // Without the lease nothing is stored: fills made before it would be lost.
        QVERIFY(cache->waitForLease(std::chrono::milliseconds(kWaitMs)));
        cache::CacheWorkerContext context(*cache);
        fillEntries(context, DataClass::Questions, 4);
        fillEntries(context, DataClass::Answers, 4);

        ui::CacheController controller;
        ui::CachePage page(controller);
        page.resize(1100, 1260);
        page.show();
        controller.setCache(cache);
        // Requests keep coming on the GUI thread: memory hits, and misses on ids never filled.
        int request = 0;
        QTimer traffic;
        traffic.setInterval(20);
        connect(&traffic, &QTimer::timeout, &page, [&] {
            for (int i = 0; i < 20; ++i, ++request) {
                const DataClass dataClass = request % 2 ? DataClass::Answers : DataClass::Questions;
                const int id = request % 10 == 0 ? 1000 + request : 1 + request % 4;
                cache::LookupResult found = context.lookup(cache::CacheKey{dataClass, id, 1, 5});
                if (found.status == cache::LookupStatus::Miss)
                    context.fill(found, 200, "{\"results\":[]}"); // as the API would
            }
        });
        traffic.start();
        auto* plot = page.findChild<QCustomPlot*>(QStringLiteral("cacheHitRatioChart"));
        QVERIFY(plot);
        QTRY_VERIFY_WITH_TIMEOUT(plot->graph(0)->dataCount() >= 3, kWaitMs);
        traffic.stop();
        // The memory layer served four question lookups in five (percent on the chart).
        const double share = plot->graph(0)->data()->at(plot->graph(0)->dataCount() - 1)->value;
        QVERIFY2(share > 50 && share <= 100, qPrintable(QString::number(share)));
        const QString dir = qEnvironmentVariable("QACONSOLE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            page.grab().save(QDir(dir).filePath(QStringLiteral("cache-page.png")));
        controller.shutdown();
    }

    void withoutCacheNothingCanBeApplied()
    {
        auto cache = makeCache();
        ui::CacheController controller;
        ui::CachePage page(controller);
        page.show();
        controller.setCache(cache);
        QTest::mouseClick(button(page, "cachePresetButton0"), Qt::LeftButton);
        QVERIFY(button(page, "cacheApplyButton")->isEnabled());
        QVERIFY(!label(page, "cacheAvailabilityMessageLabel")->isVisible());

        controller.setCache(nullptr);
        QVERIFY(!button(page, "cacheApplyButton")->isEnabled());
        for (const char* name :
             {"cacheFlushQuestionsButton", "cacheFlushAnswersButton", "cacheFlushAllButton"})
            QVERIFY(!button(page, name)->isEnabled());
        QLabel* note = label(page, "cacheAvailabilityMessageLabel");
        QVERIFY(note->isVisible());
        QVERIFY(note->text().contains(QStringLiteral("API backend runs")));
        // The editor keeps working on the policy meanwhile.
        QCOMPARE(edit(page, "classes.questions.ttl.memory")->text(), QStringLiteral("5 s"));
        QCOMPARE(label(page, "cacheMemoryEntriesLabel")->text(), QStringLiteral("—"));
        QVERIFY(button(page, "cacheSaveButton")->isEnabled());
        controller.shutdown();
    }

private:
    std::shared_ptr<cache::ResponseCache> makeCache()
    {
        cache::ResponseCacheOptions options;
        options.admission = cache::Admission::Always; // about what follows a fill
        options.redis = m_redis;
        std::random_device random;
        options.ns = "cachepage" + std::to_string(random());
        options.memoryBytes = 1 << 20;
        // These tests are about the page, not the coherence lease (tst_rediscache and the fault
        // suite test that): a lease longer than any test keeps a stall of a busy machine from
        // turning the entries they filled into misses.
        options.lease = std::chrono::minutes(10);
        return std::make_shared<cache::ResponseCache>(std::move(options));
    }

    template <typename T> static T* child(const QWidget& page, const QString& name)
    {
        T* found = page.findChild<T*>(name);
        if (!found)
            qFatal("no widget named %s", qPrintable(name));
        return found;
    }
    static QLineEdit* edit(const QWidget& page, const QString& name)
    {
        return child<QLineEdit>(page, name);
    }
    static QLineEdit* edit(const QWidget& page, const char* name)
    {
        return edit(page, QString::fromLatin1(name));
    }
    static QComboBox* combo(const QWidget& page, const QString& name)
    {
        return child<QComboBox>(page, name);
    }
    static QComboBox* combo(const QWidget& page, const char* name)
    {
        return combo(page, QString::fromLatin1(name));
    }
    static QPushButton* button(const QWidget& page, const char* name)
    {
        return child<QPushButton>(page, QString::fromLatin1(name));
    }
    static QLabel* label(const QWidget& page, const char* name)
    {
        return child<QLabel>(page, QString::fromLatin1(name));
    }

    testing::StackFixture m_fixture;
    cache::RedisOptions m_redis;
};

QTEST_MAIN(TestCachePage)
#include "tst_cachepage.moc"
