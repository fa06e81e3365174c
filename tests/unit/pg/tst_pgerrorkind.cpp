// SQLSTATEs (PostgreSQL manual, appendix A) to the error kinds callers branch on.

#include "pg/errorkind.h"

#include <QTest>

using namespace qaconsole::pg;

Q_DECLARE_METATYPE(qaconsole::pg::ErrorKind)

class TestPgErrorKind : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mapsSqlStates_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<ErrorKind>("kind");
        QTest::newRow("undefined table") << "42P01" << ErrorKind::MissingTable;
        QTest::newRow("undefined column") << "42703" << ErrorKind::MissingColumn;
        QTest::newRow("invalid password") << "28P01" << ErrorKind::AuthFailed;
        QTest::newRow("no pg_hba entry") << "28000" << ErrorKind::AuthFailed;
        QTest::newRow("no database") << "3D000" << ErrorKind::NoDatabase;
        QTest::newRow("starting up") << "57P03" << ErrorKind::ServerUnavailable;
        QTest::newRow("admin shutdown") << "57P01" << ErrorKind::ServerUnavailable;
        QTest::newRow("too many connections") << "53300" << ErrorKind::ServerUnavailable;
        QTest::newRow("disk full") << "53100" << ErrorKind::ServerUnavailable;
        QTest::newRow("connection failure") << "08006" << ErrorKind::ConnectionLost;
        QTest::newRow("unique violation") << "23505" << ErrorKind::Conflict;
        QTest::newRow("serialization") << "40001" << ErrorKind::Conflict;
        QTest::newRow("deadlock") << "40P01" << ErrorKind::Conflict;
        QTest::newRow("lock not available") << "55P03" << ErrorKind::Conflict;
        QTest::newRow("foreign key") << "23503" << ErrorKind::ForeignKey;
        QTest::newRow("bad encoding") << "22021" << ErrorKind::BadInput;
        QTest::newRow("out of range") << "22003" << ErrorKind::BadInput;
        QTest::newRow("syntax error") << "42601" << ErrorKind::QueryFailed;
        QTest::newRow("no privilege") << "42501" << ErrorKind::QueryFailed;
        QTest::newRow("query canceled") << "57014" << ErrorKind::Timeout;
    }

    void mapsSqlStates()
    {
        QFETCH(QString, state);
        QFETCH(ErrorKind, kind);
        QCOMPARE(errorKindOf(state.toStdString()), kind);
    }

    // 57014 is both statement_timeout and a cancel: who asked decides.
    void cancelIsCancelledOnlyWhenAsked()
    {
        QCOMPARE(errorKindOf("57014", true), ErrorKind::Cancelled);
        QCOMPARE(errorKindOf("57014", false), ErrorKind::Timeout);
        QCOMPARE(errorKindOf("42P01", true), ErrorKind::MissingTable);
    }

    void namesEveryKind()
    {
        QCOMPARE(QString::fromLatin1(errorKindName(ErrorKind::ConnectionRefused)),
                 QStringLiteral("connection refused"));
        QCOMPARE(QString::fromLatin1(errorKindName(ErrorKind::MissingTable)),
                 QStringLiteral("missing table"));
    }
};

QTEST_APPLESS_MAIN(TestPgErrorKind)
#include "tst_pgerrorkind.moc"
