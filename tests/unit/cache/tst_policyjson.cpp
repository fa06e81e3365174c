// The versioned policy file: round trip, the shipped presets, and a clear error naming the
// field for every kind of malformed input, with no policy returned.

#include "backend/cache/policyjson.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace qaconsole::cache;

namespace {

QJsonObject balancedJson()
{
    return QJsonDocument::fromJson(policyToJson(defaultPolicy())).object();
}

// Sets (or, with an undefined value, removes) the value at a dotted path.
QJsonObject edited(QJsonObject object, const QStringList& path, const QJsonValue& value)
{
    if (path.size() == 1) {
        if (value.isUndefined())
            object.remove(path.first());
        else
            object.insert(path.first(), value);
        return object;
    }
    object.insert(path.first(), edited(object.value(path.first()).toObject(), path.mid(1), value));
    return object;
}

QString repoPath(const QString& relative)
{
    return QDir(QStringLiteral(QACONSOLE_SOURCE_DIR)).filePath(relative);
}

} // namespace

class TestPolicyJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsEveryPreset()
    {
        for (int preset = 0; preset < kPresetCount; ++preset) {
            const CachePolicy policy = presetPolicy(PolicyPreset(preset), 42);
            const PolicyParseResult back = parsePolicyJson(policyToJson(policy));
            QVERIFY2(back.errors.isEmpty(), qPrintable(back.errors.value(0).text()));
            QCOMPARE(*back.policy, policy);
            QCOMPARE(*parsePolicyJson(policyToJson(policy, true)).policy, policy);
        }
    }

    void writesTheDocumentedShape()
    {
        const QJsonObject json = balancedJson();
        QCOMPARE(json.value(QStringLiteral("format")).toString(),
                 QStringLiteral("qaconsole-cache-policy"));
        QCOMPARE(json.value(QStringLiteral("format_version")).toInt(), kPolicyFormatVersion);
        const QJsonObject answers = json.value(QStringLiteral("classes"))
                                        .toObject()
                                        .value(QStringLiteral("answers"))
                                        .toObject();
        QCOMPARE(answers.value(QStringLiteral("ttl")).toObject().value(QStringLiteral("redis")),
                 QJsonValue(QStringLiteral("1 day")));
        QCOMPARE(answers.value(QStringLiteral("on_write"))
                     .toObject()
                     .value(QStringLiteral("helpful_vote")),
                 QJsonValue(QStringLiteral("ttl")));
    }

    void shippedPolicyFilesAreThePresets()
    {
        const struct
        {
            const char* file;
            PolicyPreset preset;
        } files[] = {{"resources/policies/freshness-first.json", PolicyPreset::FreshnessFirst},
                     {"resources/policies/balanced.json", PolicyPreset::Balanced},
                     {"resources/policies/throughput-first.json", PolicyPreset::ThroughputFirst}};
        for (const auto& entry : files) {
            const PolicyParseResult loaded = loadPolicyFile(repoPath(QLatin1String(entry.file)));
            QVERIFY2(loaded.errors.isEmpty(), qPrintable(loaded.errors.value(0).text()));
            QCOMPARE(*loaded.policy, presetPolicy(entry.preset));
        }
    }

    void malformedInputNamesTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        const auto row = [](const char* name, const QStringList& path, const QJsonValue& value,
                            const QString& field, const QString& message) {
            QTest::newRow(name) << QJsonDocument(edited(balancedJson(), path, value)).toJson()
                                << field << message;
        };
        const auto path = [](const char* dotted) {
            return QString::fromLatin1(dotted).split(u'.');
        };
        row("bad duration", path("classes.answers.ttl.redis"), QStringLiteral("5 parsecs"),
            QStringLiteral("classes.answers.ttl.redis"),
            QStringLiteral("\"5 parsecs\" is not a duration"));
        row("duration as number", path("classes.questions.jitter"), 5,
            QStringLiteral("classes.questions.jitter"),
            QStringLiteral("must be a duration text such as \"30 s\", not a number"));
        row("missing ttl", path("classes.questions.ttl.memory"), QJsonValue::Undefined,
            QStringLiteral("classes.questions.ttl.memory"), QStringLiteral("is missing"));
        row("missing class", path("classes.answers"), QJsonValue::Undefined,
            QStringLiteral("classes.answers"), QStringLiteral("is missing"));
        row("unknown class", path("classes.photos"), QJsonObject(),
            QStringLiteral("classes.photos"), QStringLiteral("is not a known field"));
        row("typo", path("classes.questions.stale_if_eror"), QStringLiteral("1 h"),
            QStringLiteral("classes.questions.stale_if_eror"),
            QStringLiteral("is not a known field"));
        row("bad action", path("classes.questions.on_write.report"), QStringLiteral("ignore"),
            QStringLiteral("classes.questions.on_write.report"),
            QStringLiteral("\"ignore\" is not an action"));
        row("report left to ttl", path("classes.answers.on_write.report"), QStringLiteral("ttl"),
            QStringLiteral("classes.answers.on_write.report"),
            QStringLiteral("would keep showing reported items"));
        row("jitter too long", path("classes.questions.jitter"), QStringLiteral("2 days"),
            QStringLiteral("classes.questions.jitter"),
            QStringLiteral("must be shorter than each TTL"));
        row("on_write not object", path("classes.answers.on_write"), QStringLiteral("invalidate"),
            QStringLiteral("classes.answers.on_write"),
            QStringLiteral("must be an object, not a string"));
        row("version zero", path("version"), 0, QStringLiteral("version"),
            QStringLiteral("whole number from 1"));
        row("version fraction", path("version"), 1.5, QStringLiteral("version"),
            QStringLiteral("whole number"));
        row("version text", path("version"), QStringLiteral("3"), QStringLiteral("version"),
            QStringLiteral("must be a whole number, not a string"));
        // Versions stop at kMaxPolicyVersion: a file or message past it would block every
        // later publish (2^52 did, for good).
        row("version past the cap", path("version"), double(kMaxPolicyVersion + 1),
            QStringLiteral("version"),
            QStringLiteral("must be a whole number from 1 to 1000000000000"));
        row("version 2^52", path("version"), double(std::int64_t(1) << 52),
            QStringLiteral("version"), QStringLiteral("from 1 to 1000000000000"));
        row("version beyond int64", path("version"), 1e30, QStringLiteral("version"),
            QStringLiteral("from 1 to 1000000000000"));
        row("version far below", path("version"), -1e30, QStringLiteral("version"),
            QStringLiteral("from 1 to 1000000000000"));
        row("future format", path("format_version"), 2, QStringLiteral("format_version"),
            QStringLiteral("whole number from 1 to 1"));
        row("foreign format", path("format"), QStringLiteral("nginx"), QStringLiteral("format"),
            QStringLiteral("must be \"qaconsole-cache-policy\""));
        row("name not text", path("name"), true, QStringLiteral("name"),
            QStringLiteral("must be a string, not a boolean"));
        QTest::newRow("not json") << QByteArray("{\"version\": ") << QString()
                                  << QStringLiteral("not valid JSON at byte");
        QTest::newRow("array") << QByteArray("[]") << QString()
                               << QStringLiteral("must be a JSON object");
    }
    void malformedInputNamesTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const PolicyParseResult result = parsePolicyJson(json);
        QVERIFY(!result.policy.has_value());
        QVERIFY(!result.errors.isEmpty());
        bool found = false;
        for (const PolicyError& error : result.errors)
            found = found || (error.field == field && error.message.contains(message));
        QVERIFY2(found, qPrintable(result.errors.value(0).text()));
    }

    void theHighestVersionStillReadsBack()
    {
        const CachePolicy atTheCap = presetPolicy(PolicyPreset::Balanced, kMaxPolicyVersion);
        const PolicyParseResult parsed = parsePolicyJson(policyToJson(atTheCap, true));
        QVERIFY2(parsed.policy, qPrintable(parsed.errors.value(0).text()));
        QCOMPARE(parsed.policy->version, kMaxPolicyVersion);
    }

    void reportsEveryErrorAtOnce()
    {
        QJsonObject json = edited(balancedJson(), {QStringLiteral("version")}, -1);
        json = edited(json, QStringLiteral("classes.answers.ttl.redis").split(u'.'),
                      QStringLiteral("soon"));
        json = edited(json, QStringLiteral("classes.questions.on_write.new_answer").split(u'.'),
                      QJsonValue::Undefined);
        const PolicyParseResult result = parsePolicyJson(QJsonDocument(json).toJson());
        QVERIFY(!result.policy);
        QCOMPARE(result.errors.size(), 3);
        QCOMPARE(result.errors.at(0).text().left(9), QStringLiteral("version: "));
    }

    void unreadableFileIsAnError()
    {
        const PolicyParseResult result = loadPolicyFile(QStringLiteral("/nonexistent/p.json"));
        QVERIFY(!result.policy);
        QVERIFY(result.errors.value(0).message.startsWith(QStringLiteral("cannot read")));
    }
};

QTEST_APPLESS_MAIN(TestPolicyJson)
#include "tst_policyjson.moc"
