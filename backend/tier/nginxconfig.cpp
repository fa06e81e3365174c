#include "backend/tier/nginxconfig.h"

#include <QDir>

#include <algorithm>
#include <initializer_list>

namespace qaconsole::tier {

namespace {

// Appends a line of directives or comments; the generated file is read by people, so it keeps
// the indentation nginx's own examples use.
class ConfigText
{
public:
    static constexpr int kWidth = 96;

    void line(const QString& text = QString(), int depth = 0)
    {
        if (!text.isEmpty())
            m_text += QString(depth * 4, u' ') + text;
        m_text += u'\n';
    }
    // Fixed directives, one per line.
    void lines(std::initializer_list<const char*> directives, int depth)
    {
        for (const char* directive : directives)
            line(QLatin1String(directive), depth);
    }
    // Wrapped at kWidth columns, words kept whole.
    void comment(const QString& text, int depth = 0)
    {
        QString current;
        for (const QString& word : text.split(u' ', Qt::SkipEmptyParts)) {
            if (!current.isEmpty() && depth * 4 + 2 + current.size() + 1 + word.size() > kWidth) {
                line(QStringLiteral("# ") + current, depth);
                current.clear();
            }
            current += (current.isEmpty() ? QString() : QStringLiteral(" ")) + word;
        }
        line(QStringLiteral("# ") + current, depth);
    }
    QByteArray bytes() const { return m_text.toUtf8(); }

private:
    QString m_text;
};

// The proxying both locations share: HTTP/1.1 with an empty Connection header, without which
// nginx 1.22 closes every upstream connection after its request and `keepalive` does nothing.
void proxyTo(ConfigText& text)
{
    text.lines({"proxy_pass http://qa_backend;", "proxy_http_version 1.1;",
                "proxy_set_header Connection \"\";", "proxy_set_header Host $host;",
                "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;"},
               3);
    text.comment(QStringLiteral("An instance that does not accept a connection within 1 s is "
                                "down or swamped."),
                 3);
    text.lines({"proxy_connect_timeout 1s;", "proxy_read_timeout 10s;"}, 3);
}

} // namespace

QString hostPort(const QString& host, int port)
{
    const QString address = host.contains(u':') ? u'[' + host + u']' : host;
    return address + u':' + QString::number(port);
}

QByteArray renderNginxConfig(const NginxPlan& plan)
{
    const bool local = !plan.runtimeDir.isEmpty();
    const QDir runtime(plan.runtimeDir);
    const auto runtimePath = [&](const QString& name) {
        return QDir::toNativeSeparators(runtime.filePath(name));
    };
    ConfigText text;
    text.comment(QStringLiteral("nginx in front of the tier \"%1\", written by qaconsole.")
                     .arg(plan.tierName));
    text.comment(local ? QStringLiteral("Written again each time the tier comes up: change the "
                                        "tier, not this file.")
                       : QStringLiteral("For the balancer host: /etc/nginx/nginx.conf, checked "
                                        "with `nginx -t`, then `systemctl reload nginx`."));
    text.line();
    if (!plan.user.isEmpty())
        text.line(QStringLiteral("user %1;").arg(plan.user));
    text.comment(QStringLiteral("One worker per core: each is a single-threaded event loop."));
    text.line(QStringLiteral("worker_processes %1;").arg(std::max(1, plan.workerProcesses)));
    text.comment(QStringLiteral("Each connection is a descriptor, and a proxied request holds "
                                "two (client and instance)."));
    text.line(QStringLiteral("worker_rlimit_nofile %1;").arg(2 * plan.workerConnections + 64));
    if (local) {
        text.comment(QStringLiteral("The console supervises nginx: it stays in the foreground, "
                                    "its files stay in the tier's folder."));
        text.line(QStringLiteral("daemon off;"));
        text.line(QStringLiteral("pid %1;").arg(runtimePath(QStringLiteral("nginx.pid"))));
        text.line(
            QStringLiteral("error_log %1 warn;").arg(runtimePath(QStringLiteral("error.log"))));
    } else {
        text.line(QStringLiteral("pid /run/nginx.pid;"));
        text.line(QStringLiteral("error_log /var/log/nginx/error.log warn;"));
    }
    text.line();
    text.line(QStringLiteral("events {"));
    text.comment(QStringLiteral("Clients and upstream connections of one worker together."), 1);
    text.line(QStringLiteral("worker_connections %1;").arg(plan.workerConnections), 1);
    text.line(QStringLiteral("}"));
    text.line();
    text.line(QStringLiteral("http {"));
    if (local) {
        text.comment(QStringLiteral("No line per request: at thousands of requests a second the "
                                    "log would cost more than the proxying. The console reads "
                                    "totals from stub_status and each instance's /metrics."),
                     1);
        text.line(QStringLiteral("access_log off;"), 1);
        for (const char* kind : {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"})
            text.line(QStringLiteral("%1_temp_path %2;")
                          .arg(QLatin1String(kind),
                               runtimePath(QStringLiteral("tmp/") + QLatin1String(kind))),
                      1);
    } else {
        text.comment(QStringLiteral("Buffered: lines are written 64 KiB at a time (or every 5 s), "
                                    "not one write per request."),
                     1);
        text.line(QStringLiteral("access_log /var/log/nginx/access.log combined buffer=64k "
                                 "flush=5s;"),
                  1);
    }
    text.lines({"server_tokens off;", "tcp_nodelay on;"}, 1);
    text.comment(QStringLiteral("Clients keep their connections between requests, as a "
                                "storefront's front end does."),
                 1);
    text.lines({"keepalive_timeout 65s;", "keepalive_requests 10000;"}, 1);
    text.line();

    text.line(QStringLiteral("upstream qa_backend {"), 1);
    text.comment(QStringLiteral("Shared memory: every worker sees the same active-request "
                                "counts and failures; without it each balances and notices a "
                                "dead instance on its own."),
                 2);
    text.line(QStringLiteral("zone qa_backend 64k;"), 2);
    text.comment(QStringLiteral("The instance with the fewest requests in progress gets the next "
                                "one: a slow instance (cold cache, restarting) takes less than "
                                "its share instead of queueing it."),
                 2);
    text.line(QStringLiteral("least_conn;"), 2);
    text.comment(QStringLiteral("Passive health checks: %1 failures within %2 s take an instance "
                                "out for %2 s, then one request tries it again.")
                     .arg(plan.maxFails)
                     .arg(plan.failTimeoutS),
                 2);
    for (const UpstreamServer& server : plan.upstreams)
        text.line(QStringLiteral("server %1 max_fails=%2 fail_timeout=%3s;")
                      .arg(hostPort(server.host, server.port))
                      .arg(plan.maxFails)
                      .arg(plan.failTimeoutS),
                  2);
    text.comment(QStringLiteral("Idle connections to the instances kept open per worker (for all "
                                "of them together, so as many as a worker's busy clients may "
                                "hold), so that a request does not open a TCP connection of "
                                "its own (needs HTTP/1.1 and an empty Connection header, "
                                "below)."),
                 2);
    text.line(QStringLiteral("keepalive %1;").arg(plan.keepaliveConnections), 2);
    text.lines({"keepalive_requests 100000;", "keepalive_timeout 60s;"}, 2);
    text.line(QStringLiteral("}"), 1);
    text.line();

    text.line(QStringLiteral("server {"), 1);
    text.line(
        QStringLiteral("listen %1 backlog=4096;").arg(hostPort(plan.listenHost, plan.listenPort)),
        2);
    text.line();
    text.comment(QStringLiteral("Reads (GET, HEAD) here, writes in @write."), 2);
    text.line(QStringLiteral("location / {"), 2);
    text.line(QStringLiteral("error_page 418 = @write;"), 3);
    text.line(QStringLiteral("if ($request_method !~ ^(GET|HEAD)$) {"), 3);
    text.line(QStringLiteral("return 418;"), 4);
    text.line(QStringLiteral("}"), 3);
    proxyTo(text);
    text.comment(QStringLiteral("A read that an instance refused, dropped or left unanswered is "
                                "sent to another: a dead instance costs the client nothing."),
                 3);
    text.line(QStringLiteral("proxy_next_upstream error timeout;"), 3);
    text.line(QStringLiteral("proxy_next_upstream_tries %1;")
                  .arg(std::clamp(int(plan.upstreams.size()), 1, 3)),
              3);
    text.line(QStringLiteral("proxy_next_upstream_timeout 5s;"), 3);
    text.line(QStringLiteral("}"), 2);
    text.line();
    text.line(QStringLiteral("location @write {"), 2);
    proxyTo(text);
    text.comment(QStringLiteral("A write is never sent twice: nginx would retry a PUT (it "
                                "counts PUT as idempotent), but PUT .../helpful adds a vote. A "
                                "write that fails gets its error; the client decides."),
                 3);
    text.line(QStringLiteral("proxy_next_upstream off;"), 3);
    text.line(QStringLiteral("}"), 2);
    text.line();
    text.comment(QStringLiteral("Each instance's counters are read from the instance itself (the "
                                "console, Prometheus): clients get none through the balancer."),
                 2);
    text.line(QStringLiteral("location = /metrics {"), 2);
    text.line(QStringLiteral("return 404;"), 3);
    text.line(QStringLiteral("}"), 2);
    text.line(QStringLiteral("}"), 1);
    text.line();

    text.comment(QStringLiteral("Connection and request counts for the console, on loopback "
                                "only and apart from the public listener."),
                 1);
    text.line(QStringLiteral("server {"), 1);
    text.line(
        QStringLiteral("listen %1;").arg(hostPort(QStringLiteral("127.0.0.1"), plan.statusPort)),
        2);
    text.line(QStringLiteral("access_log off;"), 2);
    text.line(QStringLiteral("location = /nginx_status {"), 2);
    text.lines({"stub_status;", "allow 127.0.0.1;", "deny all;"}, 3);
    text.line(QStringLiteral("}"), 2);
    text.line(QStringLiteral("}"), 1);
    text.line(QStringLiteral("}"));
    return text.bytes();
}

} // namespace qaconsole::tier
