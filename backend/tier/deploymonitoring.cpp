#include "backend/tier/bundletexts.h"
#include "backend/tier/nginxconfig.h"

#include <QStringList>

namespace qaconsole::tier::bundle {

namespace {

// prometheus-nginx-exporter's port (its default).
constexpr int kNginxExporterPort = 9113;

// A YAML double-quoted string.
QString yamlQuoted(const QString& text)
{
    QString escaped = oneLine(text);
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return u'"' + escaped + u'"';
}

} // namespace

QByteArray prometheusScrapeConfig(const Deployment& deployment)
{
    const TierHosts& hosts = deployment.hosts;
    QStringList instances;
    for (const HostPort& backend : hosts.backends)
        instances << yamlQuoted(hostPort(backend.host, backend.port));
    QString text =
        QStringLiteral(
            "# Prometheus scrape jobs for the tier \"%1\", written by qaconsole tier export.\n"
            "# On the Prometheus host: add the jobs under scrape_configs: in "
            "/etc/prometheus/prometheus.yml,\n"
            "# check with `promtool check config /etc/prometheus/prometheus.yml`, then "
            "`systemctl reload prometheus`.\n"
            "scrape_configs:\n"
            "  # Every instance's counters and latency histograms (docs/reference.md).\n"
            "  - job_name: qaconsole\n"
            "    metrics_path: /metrics\n"
            "    scrape_interval: 15s\n"
            "    static_configs:\n"
            "      - targets: [%2]\n"
            "        labels:\n"
            "          tier: %3\n")
            .arg(oneLine(deployment.tier.name), instances.join(QStringLiteral(", ")),
                 yamlQuoted(deployment.tier.name));
    if (hosts.balancer)
        text += QStringLiteral(
                    "  # nginx's connection and request counts: prometheus-nginx-exporter on the "
                    "balancer reads\n"
                    "  # stub_status on its loopback (balancer/prometheus-nginx-exporter).\n"
                    "  - job_name: qaconsole-nginx\n"
                    "    scrape_interval: 15s\n"
                    "    static_configs:\n"
                    "      - targets: [%1]\n"
                    "        labels:\n"
                    "          tier: %2\n")
                    .arg(yamlQuoted(hostPort(hosts.balancer->host, kNginxExporterPort)),
                         yamlQuoted(deployment.tier.name));
    return text.toUtf8();
}

QByteArray nginxExporterDefaults(const Deployment& deployment)
{
    const TierHosts& hosts = deployment.hosts;
    return QStringLiteral("# prometheus-nginx-exporter on the balancer of the tier \"%1\", "
                          "written by qaconsole tier export.\n"
                          "# On %2: /etc/default/prometheus-nginx-exporter, then `systemctl "
                          "restart prometheus-nginx-exporter`.\n"
                          "# It reads nginx's stub_status on loopback and serves it to "
                          "Prometheus on port %3.\n"
                          "ARGS=\"--nginx.scrape-uri=http://%4/nginx_status "
                          "--web.listen-address=%5\"\n")
        .arg(oneLine(deployment.tier.name), hosts.balancer->host,
             QString::number(kNginxExporterPort),
             hostPort(QStringLiteral("127.0.0.1"), hosts.statusPort),
             hostPort(hosts.balancer->host, kNginxExporterPort))
        .toUtf8();
}

} // namespace qaconsole::tier::bundle
