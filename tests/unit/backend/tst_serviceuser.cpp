// Root handling: as root PostgreSQL runs as an unprivileged user, a missing user gives a clear
// instruction, folders that user cannot enter are found before anything starts.

#include "backend/supervise/serviceuser.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace qaconsole::supervise;

class TestServiceUser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notRootRunsAsOurselves()
    {
        const auto result = resolveServiceUser(QStringLiteral("postgres"), false);
        QVERIFY(result);
        QVERIFY(!result->switchUser);
        QVERIFY(firstUnreachableFolder(QStringLiteral("/root/anything"), result.value()).isEmpty());
    }

#ifdef Q_OS_UNIX
    void rootUsesTheServiceUser()
    {
        const auto result = resolveServiceUser(QStringLiteral("postgres"), true);
        QVERIFY2(result, qPrintable(result.errorText()));
        QVERIFY(result->switchUser);
        QVERIFY(result->uid != 0);
        QCOMPARE(result->name, QStringLiteral("postgres"));
    }

    void rootWithoutTheUserSaysWhatToDo()
    {
        const auto result = resolveServiceUser(QStringLiteral("no-such-user-qa"), true);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, ErrorKind::PermissionDenied);
        QVERIFY(result.error().message.contains(QStringLiteral("no-such-user-qa")));
        QVERIFY(result.error().message.contains(QStringLiteral("useradd")));
        QVERIFY(result.error().message.contains(QStringLiteral("postgres/service_user")));
        // root itself is never an acceptable service user.
        QVERIFY(!resolveServiceUser(QStringLiteral("root"), true));
    }

    void theMessageNamesTheServiceThatAsked()
    {
        const auto result =
            resolveServiceUser(QStringLiteral("no-such-user-qa"), true, redisServiceUser());
        QVERIFY(!result);
        const QString message = result.error().message;
        QVERIFY2(message.startsWith(QStringLiteral("Redis ")), qPrintable(message));
        QVERIFY(!message.contains(QStringLiteral("PostgreSQL")));
        QVERIFY(message.contains(QStringLiteral("apt install redis-server")));
        QVERIFY(message.contains(QStringLiteral("redis/service_user")));
    }

    void findsFoldersTheUserCannotEnter()
    {
        const auto result = resolveServiceUser(QStringLiteral("postgres"), true);
        QVERIFY(result);
        QTemporaryDir dir;
        const QString closed = dir.filePath(QStringLiteral("closed"));
        QVERIFY(QDir().mkpath(closed + QStringLiteral("/inner")));
        QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                      QFileDevice::ExeOwner |
                                                      QFileDevice::ExeOther));
        QVERIFY(QFile::setPermissions(closed, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                  QFileDevice::ExeOwner));
        if (QFileInfo(dir.path()).ownerId() == result->uid)
            QSKIP("the temporary folder belongs to the service user");
        QCOMPARE(firstUnreachableFolder(closed + QStringLiteral("/inner/data"), result.value()),
                 closed);
        QVERIFY(firstUnreachableFolder(dir.filePath(QStringLiteral("open/data")), result.value())
                    .isEmpty());
    }

    void processesRunAsTheServiceUser()
    {
        if (!runningAsRoot())
            QSKIP("switching users needs root");
        const auto result = resolveServiceUser(QStringLiteral("postgres"), true);
        QVERIFY(result);
        QProcess process;
        runProcessAs(process, result.value());
        process.start(QStringLiteral("id"), {QStringLiteral("-u")});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.readAllStandardOutput().trimmed(), QByteArray::number(result->uid));
    }
#endif
};

QTEST_GUILESS_MAIN(TestServiceUser)
#include "tst_serviceuser.moc"
