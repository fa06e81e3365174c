#include "core/result.h"

#include <QtTest>

#include <memory>

using namespace qaconsole;

namespace {

enum class ToyKind
{
    Missing,
    Refused,
};

Result<int, ToyKind> parsePositive(int n)
{
    if (n <= 0)
        return makeError(ToyKind::Refused, QStringLiteral("must be positive"),
                         QStringLiteral("count"));
    return n;
}

Status<ToyKind> check(bool good)
{
    if (!good)
        return makeError(ToyKind::Missing, QStringLiteral("nothing there"));
    return {};
}

} // namespace

class TestResult : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valueIsKept()
    {
        const auto r = parsePositive(7);
        QVERIFY(r.ok());
        QVERIFY(static_cast<bool>(r));
        QCOMPARE(r.value(), 7);
    }

    void errorKeepsKindMessageAndField()
    {
        const auto r = parsePositive(-1);
        QVERIFY(!r);
        QCOMPARE(r.error().kind, ToyKind::Refused);
        QCOMPARE(r.error().field, QStringLiteral("count"));
        QCOMPARE(r.error().text(), QStringLiteral("count: must be positive"));
    }

    void textWithoutFieldIsTheMessage()
    {
        const auto s = check(false);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().kind, ToyKind::Missing);
        QCOMPARE(s.error().text(), QStringLiteral("nothing there"));
        QVERIFY(check(true).ok());
    }

    void errorOfASuccessIsEmpty()
    {
        QVERIFY(parsePositive(1).error().message.isEmpty());
        QVERIFY(check(true).error().text().isEmpty());
    }

    void moveOnlyValuesCanBeTaken()
    {
        Result<std::unique_ptr<int>, ToyKind> r(std::make_unique<int>(3));
        std::unique_ptr<int> taken = std::move(r).value();
        QCOMPARE(*taken, 3);
    }
};

QTEST_GUILESS_MAIN(TestResult)
#include "tst_result.moc"
