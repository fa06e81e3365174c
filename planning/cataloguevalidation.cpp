// The rules of a price catalogue beyond the types of its fields (validateCatalogue()).

#include "planning/catalogueerrors.h"
#include "planning/pricecatalogue.h"

#include <QRegularExpression>
#include <QUrl>

#include <cmath>

namespace qaconsole::planning {

namespace {

using core::FieldErrors;

QString itemField(int index, const char* field)
{
    return QStringLiteral("items[%1].%2").arg(index).arg(QLatin1String(field));
}

class ItemChecker
{
public:
    ItemChecker(const PriceCatalogue& catalogue, FieldErrors& errors)
        : m_catalogue(catalogue), m_errors(errors)
    {}

    void check(int index)
    {
        m_index = index;
        m_item = &m_catalogue.items[index];
        const PriceItem& item = *m_item;
        checkId();
        if (item.name.trimmed().isEmpty())
            fail("name", QStringLiteral("must not be empty: the client reads it"));
        if (!std::isfinite(item.usd) || item.usd < 0)
            fail("usd", QStringLiteral("must be 0 or more, not %1").arg(item.usd));
        // A year and month (and a day if known): when the price was read, so the reader knows
        // how old it is.
        static const QRegularExpression month(
            QStringLiteral("^\\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?$"));
        if (!month.match(item.seen).hasMatch())
            fail("seen", QStringLiteral("must be when the price was read, as \"2026-12\", not "
                                        "\"%1\"")
                             .arg(item.seen));
        const QUrl source(item.source, QUrl::StrictMode);
        if (!source.isValid() || source.host().isEmpty() ||
            (source.scheme() != u"https" && source.scheme() != u"http"))
            fail("source", QStringLiteral("must be the address of the public price page it was "
                                          "read from (http or https), not \"%1\"")
                               .arg(item.source));
        checkBurst();
        if (!item.lcuItem.isEmpty()) {
            if (item.unit != PriceUnit::Hour)
                fail("lcu_item", QStringLiteral("is for a load balancer priced per hour"));
            checkReference("lcu_item", item.lcuItem, PriceUnit::LcuHour);
        }
        if (item.freeGbPerMonth != 0 && item.unit != PriceUnit::Gb)
            fail("free_gb_per_month", QStringLiteral("is for an item priced per GB"));
        else if (!std::isfinite(item.freeGbPerMonth) || item.freeGbPerMonth < 0)
            fail("free_gb_per_month", QStringLiteral("must be 0 or more"));
    }

private:
    void fail(const char* field, const QString& message)
    {
        m_errors.append({itemField(m_index, field), aboutItem(message, m_item->id)});
    }

    void checkId()
    {
        static const QRegularExpression space(QStringLiteral("\\s"));
        const QString& id = m_item->id;
        if (id.isEmpty() || id.contains(space)) {
            fail("id", QStringLiteral("must be a word without spaces, such as \"ec2.t3.micro\""));
            return;
        }
        for (int earlier = 0; earlier < m_index; ++earlier) {
            if (m_catalogue.items[earlier].id.compare(id, Qt::CaseInsensitive) == 0) {
                fail("id", QStringLiteral("is also the id of items[%1]").arg(earlier));
                return;
            }
        }
    }

    void checkBurst()
    {
        if (!m_item->burst)
            return;
        const BurstCredits& burst = *m_item->burst;
        if (m_item->unit != PriceUnit::Hour)
            fail("burst", QStringLiteral("is for an instance priced per hour"));
        if (burst.vcpus < 1)
            fail("burst.vcpus", QStringLiteral("must be 1 or more"));
        if (burst.baselinePerVcpu && !(*burst.baselinePerVcpu > 0 && *burst.baselinePerVcpu <= 1))
            fail("burst.baseline_per_vcpu",
                 QStringLiteral("must be a share of a vCPU above 0 and at most 1 (0.1 for "
                                "10 %), not %1")
                     .arg(*burst.baselinePerVcpu));
        if (!burst.surplusItem.isEmpty())
            checkReference("burst.surplus_item", burst.surplusItem, PriceUnit::VcpuHour);
    }

    void checkReference(const char* field, const QString& id, PriceUnit unit)
    {
        const PriceItem* target = m_catalogue.find(id);
        if (!target)
            fail(field, QStringLiteral("\"%1\" is not an item of the catalogue").arg(id));
        else if (target->unit != unit)
            fail(field, QStringLiteral("\"%1\" is priced per %2; it must be priced per %3")
                            .arg(id, priceUnitName(target->unit), priceUnitName(unit)));
    }

    const PriceCatalogue& m_catalogue;
    FieldErrors& m_errors;
    int m_index = 0;
    const PriceItem* m_item = nullptr;
};

} // namespace

QString aboutItem(const QString& message, const QString& id)
{
    return id.isEmpty() ? message : message + QStringLiteral(" (item \"%1\")").arg(id);
}

void nameItemInErrors(core::FieldErrors& errors, qsizetype first, const QString& id)
{
    for (qsizetype index = first; index < errors.size(); ++index)
        errors[index].message = aboutItem(errors[index].message, id);
}

FieldErrors validateCatalogue(const PriceCatalogue& catalogue)
{
    FieldErrors errors;
    if (catalogue.name.trimmed().isEmpty())
        errors.append({QStringLiteral("name"), QStringLiteral("must not be empty")});
    // The texts write prices with a dollar sign; another currency would be mislabelled.
    if (catalogue.currency != u"USD")
        errors.append({QStringLiteral("currency"),
                       QStringLiteral("must be \"USD\": the cost texts write prices in dollars")});
    if (catalogue.checkBeforeQuoting.trimmed().isEmpty())
        errors.append({QStringLiteral("check_before_quoting"),
                       QStringLiteral("must say when and where the prices were read, and that "
                                      "they must be checked before quoting")});
    if (catalogue.items.isEmpty())
        errors.append({QStringLiteral("items"), QStringLiteral("must hold at least one item")});
    ItemChecker checker(catalogue, errors);
    for (int index = 0; index < catalogue.items.size(); ++index)
        checker.check(index);
    return errors;
}

} // namespace qaconsole::planning
