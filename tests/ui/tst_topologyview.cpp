// The diagram of a tier as the Tiers page draws it, for each size of tier the file allows
// (1 to 8 instances): it grows with the instances, keeps one column (so no arrow crosses
// another instance's box) and draws the instances compact past four, so eight still fit a
// screen. With QACONSOLE_SCREENSHOT_DIR set, each is saved as topology-N.png to look at.

#include "ui/tiers/topologyview.h"

#include <QApplication>
#include <QDir>
#include <QTest>

using namespace qaconsole;

namespace {

ui::Topology topologyOf(int instances)
{
    ui::Topology topology;
    topology.balancer =
        ui::TopologyBox{QStringLiteral("nginx"),
                        QStringLiteral("running"),
                        ui::Tone::Good,
                        {QStringLiteral("127.0.0.1:40000"), QStringLiteral("812 req/s"),
                         QStringLiteral("12 connections")}};
    for (int i = 1; i <= instances; ++i)
        topology.instances.append(
            {QStringLiteral("Instance %1").arg(i),
             i == 2 ? QStringLiteral("crashed") : QStringLiteral("running"),
             i == 2 ? ui::Tone::Bad : ui::Tone::Good,
             {QStringLiteral("127.0.0.%1:4100%1").arg(i + 1),
              QStringLiteral("101.5 req/s · 0 err/s"), QStringLiteral("p99 2.3 ms · hits 80 %")}});
    topology.redis = ui::TopologyBox{QStringLiteral("Redis"),
                                     QStringLiteral("running"),
                                     ui::Tone::Good,
                                     {QStringLiteral("127.0.0.1:40001")}};
    topology.postgres = ui::TopologyBox{QStringLiteral("PostgreSQL"),
                                        QStringLiteral("running"),
                                        ui::Tone::Good,
                                        {QStringLiteral("127.0.0.1:40002")}};
    return topology;
}

// The view at `width` with `instances`, laid out at its own height.
int heightFor(int instances, int width = 1100)
{
    ui::TopologyView view;
    view.setTopology(topologyOf(instances));
    view.resize(width, view.sizeHint().height());
    const QString folder = qEnvironmentVariable("QACONSOLE_SCREENSHOT_DIR");
    if (!folder.isEmpty())
        view.grab().save(QDir(folder).filePath(QStringLiteral("topology-%1.png").arg(instances)));
    return view.sizeHint().height();
}

} // namespace

class TestTopologyView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void growsWithTheInstancesAndStaysOnAScreen()
    {
        QList<int> heights;
        for (int instances = 1; instances <= 8; ++instances)
            heights << heightFor(instances);
        // One instance: as tall as the other boxes; each further one adds a row.
        for (int i = 1; i < 4; ++i)
            QVERIFY2(heights[i] > heights[i - 1], qPrintable(QString::number(i + 1)));
        for (int i = 5; i < 8; ++i)
            QVERIFY2(heights[i] > heights[i - 1], qPrintable(QString::number(i + 1)));
        // Past four the rows are compact: five take less than 5/4 of four's height.
        QVERIFY2(heights[4] * 4 < heights[3] * 5,
                 qPrintable(QStringLiteral("%1 %2").arg(heights[3]).arg(heights[4])));
        // Eight fit under the Running card's header at 1280x720's page height, with room.
        QVERIFY2(heights[7] < 720, qPrintable(QString::number(heights[7])));
    }
};

QTEST_MAIN(TestTopologyView)
#include "tst_topologyview.moc"
