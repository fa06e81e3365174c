// A tier's cost (planning/costmodel.h) with the shipped prices, against figures computed by
// hand: the fixed monthly cost, data transfer with and without the free allowance, the load
// balancer's capacity units, headroom, each state of the burst credits, and clear errors.

#include "backend/tier/tierspec.h"
#include "planning/costmodel.h"

#include <QTest>

#include <cmath>

using namespace qaconsole;
using namespace qaconsole::planning;
using namespace Qt::StringLiterals;

namespace {

constexpr double kMonthSeconds = 730.0 * 3600;

tier::TierSpec threeInstances()
{
    return tier::builtInTiers().at(2); // 3 instances + nginx + Redis
}

Result<TierCost, CostErrorKind> cost(const TierRoles& roles, double capacity, double responseBytes,
                                     ClientTraffic traffic,
                                     const PriceCatalogue& catalogue = builtInCatalogue())
{
    return costTier(roles, catalogue, {capacity, responseBytes}, traffic);
}

bool near(double actual, double expected, double tolerance = 1e-9)
{
    return std::abs(actual - expected) <= tolerance;
}

QByteArray figures(const Result<TierCost, CostErrorKind>& result)
{
    if (!result)
        return result.errorText().toUtf8();
    const TierCost& c = result.value();
    return QStringLiteral("fixed %1 egress %2 lcu %3 surplus %4 total %5")
        .arg(c.fixedPerMonth, 0, 'g', 12)
        .arg(c.egressPerMonth, 0, 'g', 12)
        .arg(c.lcuPerMonth, 0, 'g', 12)
        .arg(c.burstSurplusPerMonth, 0, 'g', 12)
        .arg(c.perMonthAtTraffic, 0, 'g', 12)
        .toUtf8();
}

} // namespace

class TestCostModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultRolesFollowTheTier()
    {
        const QList<tier::TierSpec> tiers = tier::builtInTiers();
        const TierRoles single = defaultRoles(tiers[0]);
        QCOMPARE(single.balancerItem, QString());
        QCOMPARE(single.backendItem, u"ec2.t3.micro"_s);
        QCOMPARE(single.backendCount, 1);
        QCOMPARE(single.cacheItem, QString());
        QCOMPARE(single.databaseItem, u"rds.db.t4g.micro"_s);
        QCOMPARE(single.egressItem, u"ec2.data-transfer-out"_s);
        QCOMPARE(defaultRoles(tiers[1]).cacheItem, u"elasticache.cache.t3.micro"_s);
        const TierRoles three = defaultRoles(tiers[2]);
        QCOMPARE(three.balancerItem, u"ec2.t3.micro"_s);
        QCOMPARE(three.backendCount, 3);
        tier::TierSpec memoryOnly = tiers[0];
        memoryOnly.cache = tier::TierCache::Memory;
        QCOMPARE(defaultRoles(memoryOnly).cacheItem, QString());
    }

    void fixedCostOfThreeInstancesWithNginxRedisAndRds()
    {
        // (4 x 0.0104 + 0.017 + 0.016) x 730 = 54.458
        const auto result = cost(defaultRoles(threeInstances()), 3000, 0, {});
        QVERIFY2(result.ok(), figures(result));
        const TierCost& c = result.value();
        QVERIFY2(near(c.fixedPerMonth, 54.458), figures(result));
        QCOMPARE(c.lines.size(), 5); // balancer, backends, cache, database, data transfer
        QCOMPARE(c.lines[0].role, u"Load balancer"_s);
        QCOMPARE(c.lines[1].role, u"Backend instances"_s);
        QCOMPARE(c.lines[1].instances, 3);
        QVERIFY(near(c.lines[1].quantity, 3 * 730.0));
        QVERIFY(near(c.lines[1].perMonth, 3 * 0.0104 * 730));
        QCOMPARE(c.lines[1].itemName, u"EC2 t3.micro (2 vCPU, 1 GiB)"_s);
        QVERIFY(near(c.lines[2].perMonth, 0.017 * 730));
        QVERIFY(near(c.lines[3].perMonth, 0.016 * 730));
        QVERIFY(near(c.perMonthAtTraffic, 54.458));
        // 3,000 requests/s all month: 7,884 million requests for $54.458.
        QVERIFY(near(c.perMillionAtCapacity, 54.458 / (3000 * kMonthSeconds / 1e6)));
        QVERIFY2(describeCost(c).startsWith(u"$54.46 a month"_s), qPrintable(describeCost(c)));
        QVERIFY2(describeCost(c).contains(u"$0.0069 per million requests at capacity"_s),
                 qPrintable(describeCost(c)));
    }

    void trafficIsCompletedEitherWay()
    {
        const ClientTraffic fromMonth = completeTraffic({73e6, 0, 0});
        QVERIFY(near(fromMonth.averageRps, 73e6 / kMonthSeconds));
        QVERIFY(near(fromMonth.peakRps, fromMonth.averageRps)); // no peak: the average
        const ClientTraffic fromRate = completeTraffic({0, 100, 400});
        QVERIFY(near(fromRate.requestsPerMonth, 100 * kMonthSeconds));
        QCOMPARE(fromRate.peakRps, 400.0);
    }

    void egressWithAndWithoutTheFreeAllowance()
    {
        const TierRoles roles = defaultRoles(tier::builtInTiers().at(0));
        // 5,000 bytes x 100 million requests = 500 GB; 400 GB billed at $0.09.
        auto result = cost(roles, 1000, 5000, {100e6, 0, 0});
        QVERIFY2(result.ok(), figures(result));
        QVERIFY(near(result->egressGbPerMonth, 500));
        QVERIFY2(near(result->egressPerMonth, 36), figures(result));
        QCOMPARE(result->lines.last().role, u"Data transfer out"_s);
        QVERIFY(near(result->lines.last().quantity, 400));
        QVERIFY(!result->lines.last().fixed);
        QVERIFY(near(result->perMonthAtTraffic, result->fixedPerMonth + 36));
        QVERIFY(near(result->perMillionAtTraffic, result->perMonthAtTraffic / 100));

        // 60 GB: within the free 100 GB.
        result = cost(roles, 1000, 600, {100e6, 0, 0});
        QVERIFY(near(result->egressGbPerMonth, 60));
        QCOMPARE(result->egressPerMonth, 0.0);

        // A catalogue without the allowance bills all 500 GB.
        PriceCatalogue noFreeTier = builtInCatalogue();
        for (PriceItem& item : noFreeTier.items)
            item.freeGbPerMonth = 0;
        result = cost(roles, 1000, 5000, {100e6, 0, 0}, noFreeTier);
        QVERIFY2(near(result->egressPerMonth, 45), figures(result));
    }

    void headroomIsCapacityOverThePeak()
    {
        const TierRoles roles = defaultRoles(threeInstances());
        auto result = cost(roles, 3000, 0, {0, 100, 1000});
        QVERIFY(near(result->headroom, 3));
        QVERIFY(
            describeCost(result.value()).contains(u"Capacity is 3.0 times the client's peak"_s));
        result = cost(roles, 3000, 0, {0, 100, 4000});
        QVERIFY(near(result->headroom, 0.75));
        QVERIFY(describeCost(result.value()).contains(u"does not meet the SLO at the peak"_s));
        QCOMPARE(cost(roles, 3000, 0, {}).value().headroom, 0.0); // no traffic given
    }

    void loadBalancerCapacityUnits()
    {
        TierRoles roles = defaultRoles(threeInstances());
        roles.balancerItem = u"elb.alb"_s;
        // 100 requests/s of 5,000 bytes: 1.8 GB an hour -> 1.8 LCU, above the 0.4 LCU of 10 new
        // connections a second. 1.8 x 730 LCU-hours at $0.008.
        const auto result = cost(roles, 3000, 5000, {0, 100, 100});
        QVERIFY2(result.ok(), figures(result));
        QVERIFY(near(result->fixedPerMonth, (3 * 0.0104 + 0.0225 + 0.017 + 0.016) * 730));
        QVERIFY2(near(result->lcuHoursPerMonth, 1.8 * 730), figures(result));
        QVERIFY2(near(result->lcuPerMonth, 1.8 * 730 * 0.008), figures(result));
        // Small responses: new connections decide, 100 / 10 / 25 = 0.4 LCU.
        const auto small = cost(roles, 3000, 100, {0, 100, 100});
        QVERIFY2(near(small->lcuHoursPerMonth, 0.4 * 730), figures(small));
        bool stated = false;
        for (const QString& sentence : result->assumptions)
            stated = stated || sentence.contains(u"capacity units"_s);
        QVERIFY(stated);
    }

    void creditStates()
    {
        const PriceCatalogue catalogue = builtInCatalogue();
        TierRoles roles = defaultRoles(threeInstances());

        // t3.micro (unlimited) at a quarter of the capacity: 15 % over the 10 % baseline, on
        // 2 vCPUs x 3 instances all month: 0.15 x 2 x 730 x 3 = 657 vCPU-hours at $0.05.
        auto result = cost(roles, 1000, 0, {0, 250, 500});
        QVERIFY2(result.ok(), figures(result));
        QCOMPARE(result->credit, CreditState::UnlimitedSurplus);
        QVERIFY2(near(result->burstSurplusPerMonth, 0.15 * 2 * 730 * 3 * 0.05, 1e-9),
                 figures(result));
        QCOMPARE(result->lines.last().role, u"CPU surplus (unlimited mode)"_s);
        QVERIFY(near(result->perMonthAtTraffic, result->fixedPerMonth + 32.85));
        QVERIFY(result->creditNote.contains(u"unlimited"_s));

        // The same traffic within the baseline: 50 / 1000 = 5 %.
        result = cost(roles, 1000, 0, {0, 50, 500});
        QCOMPARE(result->credit, CreditState::WithinBaseline);
        QCOMPARE(result->burstSurplusPerMonth, 0.0);

        // t2.micro (standard) above its baseline: the SLO holds only while credits last.
        roles.backendItem = u"ec2.t2.micro"_s;
        result = cost(roles, 1000, 0, {0, 250, 500});
        QCOMPARE(result->credit, CreditState::OnCredits);
        QCOMPARE(result->burstSurplusPerMonth, 0.0);
        QVERIFY(result->creditNote.contains(u"meets the SLO only on burst credits"_s));
        QVERIFY(describeCost(result.value()).contains(u"only on burst credits"_s));

        // An item without burst credits, and one whose baseline the catalogue does not know.
        PriceCatalogue fixedCpu = catalogue;
        PriceItem m7 = *catalogue.find(u"ec2.t3.micro"_s);
        m7.id = u"ec2.m7i.large"_s;
        m7.name = u"EC2 m7i.large"_s;
        m7.burst.reset();
        fixedCpu.items.append(m7);
        roles.backendItem = m7.id;
        result = cost(roles, 1000, 0, {0, 900, 900}, fixedCpu);
        QCOMPARE(result->credit, CreditState::NotBurstable);
        QVERIFY(result->creditNote.isEmpty());
        roles.backendItem = u"elasticache.cache.t3.micro"_s;
        result = cost(roles, 1000, 0, {0, 900, 900});
        QCOMPARE(result->credit, CreditState::NotBurstable);
        QVERIFY(result->creditNote.contains(u"not modelled"_s));
    }

    void unknownItemsAndBadInputAreClearErrors()
    {
        TierRoles roles = defaultRoles(threeInstances());
        roles.cacheItem = u"elasticache.cache.t9.huge"_s;
        auto result = cost(roles, 1000, 0, {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, CostErrorKind::UnknownItem);
        QCOMPARE(result.errorText(), u"cacheItem: \"elasticache.cache.t9.huge\" is not an item "
                                     "of the price catalogue \"AWS us-east-1, on-demand\""_s);

        roles = defaultRoles(threeInstances());
        roles.databaseItem = u"ec2.data-transfer-out"_s;
        result = cost(roles, 1000, 0, {});
        QCOMPARE(result.error().kind, CostErrorKind::WrongUnit);
        QCOMPARE(result.error().field, u"databaseItem"_s);

        PriceCatalogue noSurplus = builtInCatalogue();
        for (PriceItem& item : noSurplus.items) {
            if (item.burst)
                item.burst->surplusItem.clear();
        }
        result = cost(defaultRoles(threeInstances()), 1000, 0, {0, 500, 500}, noSurplus);
        QCOMPARE(result.error().kind, CostErrorKind::UnknownItem);
        QVERIFY(result.error().message.contains(u"surplus_item"_s));

        result = cost(defaultRoles(threeInstances()), 0, 0, {});
        QCOMPARE(result.error().kind, CostErrorKind::BadInput);
        result = cost(defaultRoles(threeInstances()), 1000, 0, {-1, 0, 0});
        QCOMPARE(result.error().kind, CostErrorKind::BadInput);
    }

    void assumptionsAreStated()
    {
        const auto result = cost(defaultRoles(threeInstances()), 1000, 2000, {1e6, 0, 0});
        const QString all = result->assumptions.join(u' ');
        QVERIFY(all.contains(u"730 hours"_s));
        QVERIFY(all.contains(u"check them before quoting"_s));
        QVERIFY(all.contains(u"first 100 GB a month"_s));
        QVERIFY(all.contains(u"traffic over the capacity"_s));
        QVERIFY(all.contains(u"the peak is taken as the average"_s));
    }
};

QTEST_APPLESS_MAIN(TestCostModel)
#include "tst_costmodel.moc"
