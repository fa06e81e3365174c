#include "backend/tier/bundletexts.h"
#include "backend/tier/nginxconfig.h"

#include <QStringList>

namespace qaconsole::tier::bundle {

namespace {

// Appends Markdown: a heading, paragraphs and shell blocks.
class Markdown
{
public:
    void heading(const QString& text) { m_text += QStringLiteral("\n## %1\n\n").arg(text); }
    void paragraph(const QString& text) { m_text += text + QStringLiteral("\n\n"); }
    void shell(const QStringList& lines)
    {
        m_text += QStringLiteral("```sh\n") + lines.join(u'\n') + QStringLiteral("\n```\n\n");
    }
    QByteArray bytes() const { return m_text.toUtf8(); }

private:
    QString m_text;
};

void postgresSteps(const Deployment& d, Markdown& md)
{
    const TierHosts& hosts = d.hosts;
    md.heading(QStringLiteral("1. PostgreSQL host: %1").arg(hosts.postgres.host));
    md.paragraph(
        QStringLiteral(
            "Files in `postgres/`. The backend hosts connect as `%1` to the database `%2`, %3 with "
            "a SCRAM password; no other host may. Open port %4 in the firewall to the backend "
            "hosts "
            "only.")
            .arg(hosts.user, hosts.database,
                 hosts.postgresTls ? QStringLiteral("over TLS,") : QString())
            .arg(hosts.postgres.port));
    md.shell(
        {QStringLiteral("apt-get install postgresql"),
         QStringLiteral("install -o postgres -g postgres -m 0644 postgres/qaconsole.conf "
                        "/etc/postgresql/15/main/conf.d/"),
         QStringLiteral("# put the lines of postgres/pg_hba.conf above the other host lines "
                        "of /etc/postgresql/15/main/pg_hba.conf"),
         QStringLiteral("systemctl restart postgresql"),
         QStringLiteral("sudo -u postgres psql -v ON_ERROR_STOP=1 -f postgres/create-role.sql")});
}

void redisSteps(const Deployment& d, Markdown& md)
{
    const HostPort& redis = *d.hosts.redis;
    md.heading(QStringLiteral("2. Redis host: %1").arg(redis.host));
    md.paragraph(
        QStringLiteral(
            "`redis/redis.conf` replaces Debian's: it listens on %1, keeps nothing on disk, is "
            "bounded to %2 MiB and lets nobody in without a password (ACL users `qaconsole`, for "
            "the instances, and `qaconsole-admin`, for you). Open port %3 to the backend hosts "
            "only.")
            .arg(hostPort(redis.host, redis.port))
            .arg(d.hosts.redisMaxMemoryMb)
            .arg(redis.port));
    md.shell({QStringLiteral("apt-get install redis-server"),
              QStringLiteral("install -o redis -g redis -m 0640 redis/redis.conf "
                             "/etc/redis/redis.conf"),
              QStringLiteral("systemctl restart redis-server"),
              QStringLiteral("redis-cli -h %1 -p %2 ping   # NOAUTH: a password is needed")
                  .arg(redis.host)
                  .arg(redis.port),
              QStringLiteral("redis-cli -h %1 -p %2 --user qaconsole-admin --askpass ping   "
                             "# QACONSOLE_REDIS_ADMIN_PASSWORD of secrets.env")
                  .arg(redis.host)
                  .arg(redis.port)});
}

void backendSteps(const Deployment& d, Markdown& md)
{
    const bool cached = d.tier.cache != TierCache::Off;
    for (int index = 1; index <= d.hosts.backends.size(); ++index) {
        const HostPort& backend = d.hosts.backends[index - 1];
        const QString folder = QStringLiteral("backend-%1").arg(index);
        md.heading(QStringLiteral("3.%1 Backend host %1: %2").arg(index).arg(backend.host));
        md.paragraph(
            QStringLiteral(
                "Instance %1 serves the API on %2 under systemd, as a user of its own with a "
                "read-only system. Its connection strings, with the passwords, are in `%3`, which "
                "only root reads.")
                .arg(index)
                .arg(hostPort(backend.host, backend.port), environmentPath(index)));
        QStringList lines{QStringLiteral("apt-get install ./qaconsole_*.deb   # the console's "
                                         "package: %1")
                              .arg(d.binary),
                          QStringLiteral("install -d -m 0755 %1").arg(QLatin1String(kConfigDir)),
                          QStringLiteral("install -m 0600 %1/instance-%2.env %3")
                              .arg(folder)
                              .arg(index)
                              .arg(environmentPath(index))};
        if (cached)
            lines << QStringLiteral("install -m 0644 %1/cache-policy.json %2")
                         .arg(folder, QLatin1String(kPolicyPath));
        lines << QStringLiteral("install -m 0644 %1/%2 /etc/systemd/system/")
                     .arg(folder, unitName(index))
              << QStringLiteral("systemctl daemon-reload")
              << QStringLiteral("systemctl enable --now %1").arg(unitName(index))
              << QStringLiteral("curl -fsS http://%1/health")
                     .arg(hostPort(backend.host, backend.port));
        md.shell(lines);
    }
    md.paragraph(QStringLiteral(
        "Load the storefront's data once, from backend host 1 (the ETL's command line shows "
        "the connection string while it runs: do it where only operators log in):"));
    md.shell({QStringLiteral("sudo sh -c '. %1 && qaconsole etl --source /path/to/csv "
                             "--dsn \"$QACONSOLE_DSN\"'")
                  .arg(environmentPath(1))});
}

void balancerSteps(const Deployment& d, Markdown& md)
{
    const TierHosts& hosts = d.hosts;
    md.heading(QStringLiteral("4. Balancer host: %1").arg(hosts.balancer->host));
    md.paragraph(
        QStringLiteral(
            "`balancer/nginx.conf` replaces Debian's nginx.conf: clients connect to %1, nginx "
            "spreads the requests over the instances, retries reads on another instance and "
            "never sends a write twice. stub_status stays on 127.0.0.1:%2.")
            .arg(hostPort(hosts.balancer->host, hosts.balancer->port))
            .arg(hosts.statusPort));
    md.shell({QStringLiteral("apt-get install nginx-light prometheus-nginx-exporter"),
              QStringLiteral("install -m 0644 balancer/nginx.conf /etc/nginx/nginx.conf"),
              QStringLiteral("nginx -t && systemctl reload nginx"),
              QStringLiteral("install -m 0644 balancer/prometheus-nginx-exporter "
                             "/etc/default/prometheus-nginx-exporter"),
              QStringLiteral("systemctl restart prometheus-nginx-exporter"),
              QStringLiteral("curl -fsS 'http://%1/qa/questions?product_id=1'")
                  .arg(hostPort(hosts.balancer->host, hosts.balancer->port))});
}

} // namespace

QByteArray readme(const Deployment& d)
{
    Markdown md;
    md.paragraph(QStringLiteral("# The tier \"%1\" on real hosts").arg(oneLine(d.tier.name)));
    md.paragraph(QStringLiteral(
        "Written by `qaconsole tier export`. Each folder is for one host: copy it there and "
        "follow its step, in this order (each service is up before the ones that use it). "
        "Every file is for an engine the host already has (PostgreSQL, Redis, systemd, nginx, "
        "Prometheus); every choice in it is explained in its comments."));
    md.paragraph(QStringLiteral(
        "Files with passwords are 0600: `secrets.env` (every password; exporting again into "
        "this folder keeps them, delete it first to make new ones), `backend-*/instance-*.env`, "
        "`redis/redis.conf` (the passwords' SHA-256) and `postgres/create-role.sql` (the "
        "password's SCRAM secret). Copy them with `scp -p` or `install -m 0600`, and keep "
        "the bundle where only operators read it."));
    postgresSteps(d, md);
    if (d.hosts.redis)
        redisSteps(d, md);
    backendSteps(d, md);
    if (d.hosts.balancer)
        balancerSteps(d, md);
    md.heading(QStringLiteral("5. Prometheus"));
    md.paragraph(
        QStringLiteral(
            "Add the jobs of `prometheus/qaconsole.yml` under `scrape_configs:` of "
            "/etc/prometheus/prometheus.yml, then `promtool check config "
            "/etc/prometheus/prometheus.yml && systemctl reload prometheus`. It scrapes every "
            "instance's /metrics%1.")
            .arg(d.hosts.balancer ? QStringLiteral(" and nginx's counts through "
                                                   "prometheus-nginx-exporter")
                                  : QString()));
    return md.bytes();
}

} // namespace qaconsole::tier::bundle
