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
        const ServiceUserResult result = resolveServiceUser(QStringLiteral("postgres"), false);
        QVERIFY(result.user);
        QVERIFY(!result.user->switchUser);
        QVERIFY(firstUnreachableFolder(QStringLiteral("/root/anything"), *result.user).isEmpty());
    }

#ifdef Q_OS_UNIX
    void rootUsesTheServiceUser()
    {
        const ServiceUserResult result = resolveServiceUser(QStringLiteral("postgres"), true);
        QVERIFY2(result.user, qPrintable(result.error));
        QVERIFY(result.user->switchUser);
        QVERIFY(result.user->uid != 0);
        QCOMPARE(result.user->name, QStringLiteral("postgres"));
    }

    void rootWithoutTheUserSaysWhatToDo()
    {
        const ServiceUserResult result =
            resolveServiceUser(QStringLiteral("no-such-user-qa"), true);
        QVERIFY(!result.user);
        QVERIFY(result.error.contains(QStringLiteral("no-such-user-qa")));
        QVERIFY(result.error.contains(QStringLiteral("useradd")));
        QVERIFY(result.error.contains(QStringLiteral("postgres/service_user")));
        // root itself is never an acceptable service user.
        QVERIFY(!resolveServiceUser(QStringLiteral("root"), true).user);
    }

    void findsFoldersTheUserCannotEnter()
    {
        const ServiceUserResult result = resolveServiceUser(QStringLiteral("postgres"), true);
        QVERIFY(result.user);
        QTemporaryDir dir;
        const QString closed = dir.filePath(QStringLiteral("closed"));
        QVERIFY(QDir().mkpath(closed + QStringLiteral("/inner")));
        QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                      QFileDevice::ExeOwner |
                                                      QFileDevice::ExeOther));
        QVERIFY(QFile::setPermissions(closed, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                  QFileDevice::ExeOwner));
        if (QFileInfo(dir.path()).ownerId() == result.user->uid)
            QSKIP("the temporary folder belongs to the service user");
        QCOMPARE(firstUnreachableFolder(closed + QStringLiteral("/inner/data"), *result.user),
                 closed);
        QVERIFY(firstUnreachableFolder(dir.filePath(QStringLiteral("open/data")), *result.user)
                    .isEmpty());
    }

    void processesRunAsTheServiceUser()
    {
        if (!runningAsRoot())
            QSKIP("switching users needs root");
        const ServiceUserResult result = resolveServiceUser(QStringLiteral("postgres"), true);
        QVERIFY(result.user);
        QProcess process;
        runProcessAs(process, *result.user);
        process.start(QStringLiteral("id"), {QStringLiteral("-u")});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.readAllStandardOutput().trimmed(), QByteArray::number(result.user->uid));
    }
#endif
};

QTEST_GUILESS_MAIN(TestServiceUser)
#include "tst_serviceuser.moc"
