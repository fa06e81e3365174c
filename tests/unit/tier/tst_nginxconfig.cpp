// The generated nginx configuration: every choice the tier relies on is in the file (upstream
// keepalive with HTTP/1.1 and an empty Connection header, least_conn, a shared zone, passive
// health checks, retries of reads only, stub_status on loopback), and nginx itself accepts it.

#include "backend/tier/nginxconfig.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace qaconsole;
using namespace Qt::StringLiterals;

namespace {

tier::NginxPlan threeInstances(const QString& runtimeDir)
{
    tier::NginxPlan plan;
    plan.tierName = QStringLiteral("3 instances + nginx + Redis");
    plan.listenPort = 18080;
    plan.statusPort = 18081;
    plan.upstreams = {{QStringLiteral("127.0.0.2"), 18090},
                      {QStringLiteral("127.0.0.3"), 18090},
                      {QStringLiteral("127.0.0.4"), 18090}};
    plan.workerProcesses = 2;
    plan.runtimeDir = runtimeDir;
    return plan;
}

// The configuration of a local tier of three instances, as text.
QString localConfig()
{
    return QString::fromUtf8(tier::renderNginxConfig(threeInstances(u"/run/t"_s)));
}

// The lines of `text` between the line starting `start` and its closing brace.
QStringList block(const QString& text, const QString& start)
{
    const QStringList lines = text.split(u'\n');
    QStringList inside;
    int depth = 0;
    bool in = false;
    for (const QString& raw : lines) {
        const QString line = raw.trimmed();
        if (!in && line.startsWith(start)) {
            in = true;
            depth = 1;
            continue;
        }
        if (!in)
            continue;
        depth += int(line.count(u'{')) - int(line.count(u'}'));
        if (depth == 0)
            break;
        if (!line.startsWith(u'#'))
            inside << line;
    }
    return inside;
}

QString nginxBinary()
{
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("nginx"));
    return onPath.isEmpty() ? QStandardPaths::findExecutable(
                                  QStringLiteral("nginx"),
                                  {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")})
                            : onPath;
}

} // namespace

class TestNginxConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void upstreamAsAnExpertWouldWriteIt()
    {
        const QString text = localConfig();
        const QStringList upstream = block(text, QStringLiteral("upstream qa_backend {"));
        QVERIFY2(upstream.contains(u"zone qa_backend 64k;"_s), qPrintable(text));
        QVERIFY(upstream.contains(u"least_conn;"_s));
        for (const QString& host : {u"127.0.0.2"_s, u"127.0.0.3"_s, u"127.0.0.4"_s})
            QVERIFY(upstream.contains(
                QStringLiteral("server %1:18090 max_fails=3 fail_timeout=5s;").arg(host)));
        QVERIFY(upstream.contains(u"keepalive 256;"_s));
        QVERIFY(text.contains(u"worker_processes 2;"_s));
        QVERIFY(text.contains(u"worker_connections 4096;"_s));
        QVERIFY(text.contains(u"listen 127.0.0.1:18080 backlog=4096;"_s));
    }

    void readsRetriedWritesNever()
    {
        const QString text = localConfig();
        const QStringList reads = block(text, QStringLiteral("location / {"));
        const QStringList writes = block(text, QStringLiteral("location @write {"));
        for (const QStringList& location : {reads, writes}) {
            QVERIFY(location.contains(u"proxy_pass http://qa_backend;"_s));
            // Without both, nginx 1.22 closes each upstream connection after one request.
            QVERIFY(location.contains(u"proxy_http_version 1.1;"_s));
            QVERIFY(location.contains(u"proxy_set_header Connection \"\";"_s));
        }
        QVERIFY2(reads.contains(u"if ($request_method !~ ^(GET|HEAD)$) {"_s) &&
                     reads.contains(u"return 418;"_s) &&
                     reads.contains(u"error_page 418 = @write;"_s),
                 qPrintable(reads.join(u'\n')));
        QVERIFY(reads.contains(u"proxy_next_upstream error timeout;"_s));
        QVERIFY(reads.contains(u"proxy_next_upstream_tries 3;"_s));
        QVERIFY(writes.contains(u"proxy_next_upstream off;"_s));
    }

    void statusOnLoopbackOnly()
    {
        const QString text = localConfig();
        const QStringList status = block(text, QStringLiteral("location = /nginx_status {"));
        QCOMPARE(status, QStringList({u"stub_status;"_s, u"allow 127.0.0.1;"_s, u"deny all;"_s}));
        QVERIFY(text.contains(u"listen 127.0.0.1:18081;"_s));
        // The instances' counters are not served to clients through the balancer.
        QCOMPARE(block(text, QStringLiteral("location = /metrics {")),
                 QStringList({u"return 404;"_s}));
    }

    void localAndExportedFiles()
    {
        const QString local = localConfig();
        QVERIFY(local.contains(u"daemon off;"_s));
        QVERIFY(local.contains(u"pid /run/t/nginx.pid;"_s));
        QVERIFY(local.contains(u"access_log off;"_s));
        QVERIFY(local.contains(u"proxy_temp_path /run/t/tmp/proxy;"_s));

        tier::NginxPlan plan = threeInstances(QString());
        plan.listenHost = QStringLiteral("0.0.0.0");
        const QString exported = QString::fromUtf8(tier::renderNginxConfig(plan));
        QVERIFY(!exported.contains(u"daemon off;"_s));
        QVERIFY(exported.contains(u"pid /run/nginx.pid;"_s));
        QVERIFY(exported.contains(
            u"access_log /var/log/nginx/access.log combined buffer=64k flush=5s;"_s));
        QVERIFY(exported.contains(u"listen 0.0.0.0:18080 backlog=4096;"_s));
    }

    void ipv6InBrackets()
    {
        QCOMPARE(tier::hostPort(u"::1"_s, 80), QStringLiteral("[::1]:80"));
        QCOMPARE(tier::hostPort(u"10.0.0.2"_s, 8080), QStringLiteral("10.0.0.2:8080"));
    }

    // nginx's own check of the file (syntax, directives, modules of Debian's nginx-light).
    void nginxAcceptsIt()
    {
        const QString nginx = nginxBinary();
        QVERIFY2(!nginx.isEmpty(), "nginx is not installed (scripts/test installs nginx-light)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(u"tmp"_s));
        tier::NginxPlan plan = threeInstances(dir.path());
        plan.upstreams.append({QStringLiteral("::1"), 18091});
        QFile file(dir.filePath(u"nginx.conf"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(tier::renderNginxConfig(plan));
        file.close();
        QProcess check;
        check.start(nginx, {u"-t"_s, u"-q"_s, u"-p"_s, dir.path(), u"-e"_s,
                            dir.filePath(u"error.log"_s), u"-c"_s, file.fileName()});
        QVERIFY(check.waitForFinished(30000));
        QVERIFY2(check.exitCode() == 0, check.readAllStandardError().constData());
    }
};

QTEST_APPLESS_MAIN(TestNginxConfig)
#include "tst_nginxconfig.moc"
