// Binary discovery: an explicit folder wins, PATH is searched, incomplete installations are
// skipped, versions are read from the programs themselves, and a miss names every place looked.

#include "backend/stack/localstack.h"
#include "backend/stack/serverbinaries.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace qaconsole::stack;
using qaconsole::supervise::ErrorKind;

namespace {

// A shell script that prints `output`, standing in for a server program's --version.
void writeProgram(const QString& dir, const QString& name, const QString& output)
{
    QDir().mkpath(dir);
    QFile file(QDir(dir).filePath(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("#!/bin/sh\necho '%1'\n").arg(output).toUtf8());
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                QFileDevice::ExeOwner));
}

void writePostgres(const QString& dir, const QString& version)
{
    writeProgram(dir, QStringLiteral("initdb"), QStringLiteral("initdb"));
    writeProgram(dir, QStringLiteral("pg_ctl"), QStringLiteral("pg_ctl"));
    writeProgram(dir, QStringLiteral("postgres"),
                 QStringLiteral("postgres (PostgreSQL) %1 (Test build)").arg(version));
}

} // namespace

class TestServerBinaries : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void findsPostgresOnPath()
    {
        writePostgres(path(QStringLiteral("pg13/bin")), QStringLiteral("13.9"));
        // An incomplete installation earlier on PATH is skipped.
        writeProgram(path(QStringLiteral("partial")), QStringLiteral("pg_ctl"),
                     QStringLiteral("x"));
        const QString pathVariable = path(QStringLiteral("partial")) + QDir::listSeparator() +
                                     path(QStringLiteral("pg13/bin"));
        const auto found = findPostgresBinaries({{}, pathVariable, false});
        QVERIFY2(found, qPrintable(found.errorText()));
        QCOMPARE(found->binDir, path(QStringLiteral("pg13/bin")));
        QCOMPARE(found->version, QStringLiteral("13.9"));
        QCOMPARE(found->pgCtl(), path(QStringLiteral("pg13/bin/pg_ctl")));
    }

    void explicitFolderWinsAndIsTheOnlyOneSearched()
    {
        writePostgres(path(QStringLiteral("pg16/bin")), QStringLiteral("16.2"));
        writePostgres(path(QStringLiteral("pg13/bin")), QStringLiteral("13.9"));
        const auto found = findPostgresBinaries(
            {path(QStringLiteral("pg16/bin")), path(QStringLiteral("pg13/bin")), false});
        QVERIFY(found);
        QCOMPARE(found->version, QStringLiteral("16.2"));
        QCOMPARE(postgresCandidateFolders(
                     {path(QStringLiteral("x")), path(QStringLiteral("pg13/bin")), true}),
                 QStringList{path(QStringLiteral("x"))});

        const auto missing = findPostgresBinaries({path(QStringLiteral("empty")), {}, false});
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, ErrorKind::BinaryMissing);
        QVERIFY(missing.error().message.contains(path(QStringLiteral("empty"))));
        QVERIFY(missing.error().message.contains(QStringLiteral("postgres/bin_dir")));
    }

    void missNamesEveryPlaceSearched()
    {
        const QString pathVariable =
            path(QStringLiteral("a")) + QDir::listSeparator() + path(QStringLiteral("b"));
        const auto missing = findPostgresBinaries({{}, pathVariable, false});
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, ErrorKind::BinaryMissing);
        QVERIFY(missing.error().message.contains(path(QStringLiteral("a"))));
        QVERIFY(missing.error().message.contains(path(QStringLiteral("b"))));
        QVERIFY(missing.error().message.contains(QStringLiteral("apt install postgresql")));
    }

    void systemSearchFindsTheInstalledServer()
    {
        // The machine that runs the tests has PostgreSQL installed (scripts/test installs it).
        const auto found = findPostgresBinaries(systemSearch({}));
        QVERIFY2(found, qPrintable(found.errorText()));
        QVERIFY(!found->version.isEmpty());
        QVERIFY(QFileInfo(found->initdb()).isExecutable());
    }

    void findsRedis()
    {
        writeProgram(path(QStringLiteral("redis/bin")), QStringLiteral("redis-server"),
                     QStringLiteral("Redis server v=7.2.4 sha=00000000:0 malloc=libc bits=64"));
        const auto found = findRedisServer({{}, path(QStringLiteral("redis/bin")), false});
        QVERIFY2(found, qPrintable(found.errorText()));
        QCOMPARE(found->version, QStringLiteral("7.2.4"));

        const auto missing = findRedisServer({{}, path(QStringLiteral("nothing")), false});
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, ErrorKind::BinaryMissing);
        QVERIFY(missing.error().message.contains(QStringLiteral("redis/server_path")));

        const auto system = findRedisServer(systemSearch({}));
        QVERIFY2(system, qPrintable(system.errorText()));
        QVERIFY(!system->version.isEmpty());
    }

    // What `stack start` and the Services page branch on: a server that is not installed where
    // the settings point is BinaryMissing, and nothing is started or written.
    void aStackWithoutItsServersSaysBinaryMissing()
    {
        StackSettings settings;
        settings.dataDir = path(QStringLiteral("stack"));
        settings.postgres.binDir = path(QStringLiteral("no-postgres-here"));
        settings.redis.serverPath = path(QStringLiteral("no-redis-here/redis-server"));
        LocalStack stack(settings, Starter::CommandLine);
        for (ServiceKind kind : {ServiceKind::Postgres, ServiceKind::Redis}) {
            const ServiceStatus status = stack.start(kind);
            QCOMPARE(status.state, ServiceState::Failed);
            QCOMPARE(status.failure, ErrorKind::BinaryMissing);
            QVERIFY2(status.message.contains(QStringLiteral("not found")),
                     qPrintable(status.message));
        }
        QVERIFY(!QFile::exists(QDir(settings.dataDir).filePath(QStringLiteral("stack.json"))));
    }
};

QTEST_GUILESS_MAIN(TestServerBinaries)
#include "tst_serverbinaries.moc"
