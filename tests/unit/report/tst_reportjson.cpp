// report.json: the model written and read back unchanged, and a document that is not a report
// refused with the field named.

#include "report/reportjson.h"
#include "samplereport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace qaconsole::report;

namespace {

QByteArray bytes(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestReportJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripKeepsEveryField();
    void roundTripWithoutScalingOrTraffic();
    void dateKeepsItsOffset();
    void fileRoundTrip();
    void wrongTypeNamesTheField();
    void missingFieldNamesIt();
    void unknownFieldIsRefused();
    void otherFormatIsRefused();
};

void TestReportJson::roundTripKeepsEveryField()
{
    const ReportModel model = test::sampleReport();
    const auto read = reportFromJson(bytes(toJson(model)));
    QVERIFY2(read.ok(), qPrintable(read.errorText()));
    // Written again, the document is the same: nothing was lost or changed on the way.
    QCOMPARE(toJson(read.value()), toJson(model));
    const ReportModel& back = read.value();
    QCOMPARE(back.generatedAt, model.generatedAt);
    QCOMPARE(back.generatedAt.offsetFromUtc(), 0);
    QCOMPARE(back.tiers.size(), 4);
    QCOMPARE(back.tiers[2].policyName, QStringLiteral("strict"));
    QCOMPARE(back.tiers[2].outcome, QStringLiteral("at-least"));
    QCOMPARE(back.tiers[3].trials.size(), model.tiers[3].trials.size());
    QCOMPARE(back.tiers[3].trials.last().confirmation, true);
    QCOMPARE(back.tiers[3].costLines[1].item, QStringLiteral("t4g.nano (nginx)"));
    QCOMPARE(back.tiers[1].freshness[1].text, QStringLiteral("up to 1 day"));
    QCOMPARE(back.tiers[0].p99AtPeakMs, -1.0);
    QVERIFY(back.scaling.has_value());
    QCOMPARE(back.scaling->measured, model.scaling->measured);
    QCOMPARE(back.scaling->projected, model.scaling->projected);
    QCOMPARE(back.appendix.trialSettings, model.appendix.trialSettings);
    QCOMPARE(back.appendix.nginxConfig, model.appendix.nginxConfig);
}

void TestReportJson::roundTripWithoutScalingOrTraffic()
{
    ReportModel model = test::sampleReport();
    model.scaling.reset();
    model.clientPeakRps = 0;
    model.clientAverageRps = 0;
    model.clientRequestsPerMonth = 0;
    const QJsonObject json = toJson(model);
    QVERIFY(!json.contains(QStringLiteral("scaling")));
    const auto read = reportFromJson(bytes(json));
    QVERIFY2(read.ok(), qPrintable(read.errorText()));
    QVERIFY(!read->scaling.has_value());
    QVERIFY(!read->hasClientTraffic());
}

void TestReportJson::dateKeepsItsOffset()
{
    ReportModel model = test::sampleReport();
    // Made just after midnight in Paris: the date shown stays the 15th, not the UTC 14th.
    model.generatedAt = QDateTime(QDate(2025, 3, 15), QTime(0, 30), Qt::OffsetFromUTC, 3600);
    const auto read = reportFromJson(bytes(toJson(model)));
    QVERIFY2(read.ok(), qPrintable(read.errorText()));
    QCOMPARE(read->generatedAt, model.generatedAt);
    QCOMPARE(read->generatedAt.date(), QDate(2025, 3, 15));
    QCOMPARE(toJson(read.value()), toJson(model));
}

void TestReportJson::fileRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.json"));
    QVERIFY(writeReportJson(test::sampleReport(), path).ok());
    const auto read = readReportJson(path);
    QVERIFY2(read.ok(), qPrintable(read.errorText()));
    QCOMPARE(toJson(read.value()), toJson(test::sampleReport()));

    const auto missing = readReportJson(dir.filePath(QStringLiteral("none.json")));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind, ErrorKind::Io);
}

void TestReportJson::wrongTypeNamesTheField()
{
    QJsonObject json = toJson(test::sampleReport());
    QJsonArray tiers = json[QStringLiteral("tiers")].toArray();
    QJsonObject tier = tiers[1].toObject();
    QJsonArray trials = tier[QStringLiteral("trials")].toArray();
    QJsonObject trial = trials[2].toObject();
    trial[QStringLiteral("rate")] = QStringLiteral("fast");
    trials[2] = trial;
    tier[QStringLiteral("trials")] = trials;
    tiers[1] = tier;
    json[QStringLiteral("tiers")] = tiers;
    const auto read = reportFromJson(bytes(json));
    QVERIFY(!read.ok());
    QCOMPARE(read.error().kind, ErrorKind::BadReport);
    QCOMPARE(read.error().field, QStringLiteral("tiers[1].trials[2].rate"));
    QVERIFY2(read.error().message.contains(QStringLiteral("a number")),
             qPrintable(read.errorText()));
}

void TestReportJson::missingFieldNamesIt()
{
    QJsonObject json = toJson(test::sampleReport());
    QJsonObject appendix = json[QStringLiteral("appendix")].toObject();
    appendix.remove(QStringLiteral("command"));
    json[QStringLiteral("appendix")] = appendix;
    json.remove(QStringLiteral("slo_p99_ms"));
    const auto read = reportFromJson(bytes(json));
    QVERIFY(!read.ok());
    // Both are reported: the first as the error's field, the other in its message.
    QCOMPARE(read.error().field, QStringLiteral("slo_p99_ms"));
    QVERIFY2(read.error().message.contains(QStringLiteral("appendix.command: is missing")),
             qPrintable(read.errorText()));
}

void TestReportJson::unknownFieldIsRefused()
{
    QJsonObject json = toJson(test::sampleReport());
    json[QStringLiteral("clientPeak")] = 5;
    const auto read = reportFromJson(bytes(json));
    QVERIFY(!read.ok());
    QCOMPARE(read.error().field, QStringLiteral("clientPeak"));
}

void TestReportJson::otherFormatIsRefused()
{
    QJsonObject json = toJson(test::sampleReport());
    json[QStringLiteral("format")] = QStringLiteral("qaconsole-tiers");
    QCOMPARE(reportFromJson(bytes(json)).error().field, QStringLiteral("format"));
    json = toJson(test::sampleReport());
    json[QStringLiteral("format_version")] = 2;
    QCOMPARE(reportFromJson(bytes(json)).error().field, QStringLiteral("format_version"));
    QCOMPARE(reportFromJson("[1, 2]").error().kind, ErrorKind::BadReport);
    QVERIFY(!reportFromJson("{ not json").ok());
}

QTEST_GUILESS_MAIN(TestReportJson)
#include "tst_reportjson.moc"
