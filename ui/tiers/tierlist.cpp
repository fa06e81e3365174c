#include "ui/tiers/tierlist.h"

#include "backend/tier/tierfile.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace qaconsole::ui {

TierList::TierList(QString path) : m_path(std::move(path))
{
    reload();
}

QString TierList::baseDir() const
{
    return QFileInfo(m_path).absolutePath();
}

void TierList::reload()
{
    const tier::TiersParseResult loaded = tier::loadTiersFile(m_path);
    m_tiers = loaded.tiers.value_or(QList<tier::TierSpec>{});
    m_errors = loaded.errors;
    m_modified = false;
}

QList<core::FieldError> TierList::errorsOf(int index) const
{
    const QString prefix = QStringLiteral("tiers[%1]").arg(index);
    QList<core::FieldError> own;
    for (const core::FieldError& error : m_errors) {
        if (error.field == prefix)
            own.append({QString(), error.message});
        else if (error.field.startsWith(prefix + u'.'))
            own.append({error.field.mid(prefix.size() + 1), error.message});
    }
    return own;
}

QString TierList::unusedName(const QString& stem) const
{
    const auto taken = [this](const QString& name) {
        for (const tier::TierSpec& spec : m_tiers) {
            if (spec.name.trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    if (!taken(stem))
        return stem;
    for (int n = 2;; ++n) {
        const QString name = QStringLiteral("%1 %2").arg(stem).arg(n);
        if (!taken(name))
            return name;
    }
}

int TierList::add()
{
    tier::TierSpec spec;
    spec.name = unusedName(QStringLiteral("New tier"));
    m_tiers.append(spec);
    m_modified = true;
    m_errors = validate();
    return int(m_tiers.size()) - 1;
}

int TierList::duplicate(int index)
{
    if (index < 0 || index >= m_tiers.size())
        return -1;
    tier::TierSpec copy = m_tiers.at(index);
    copy.name = unusedName(copy.name + QStringLiteral(" (copy)"));
    m_tiers.insert(index + 1, copy);
    m_modified = true;
    m_errors = validate();
    return index + 1;
}

void TierList::change(int index, const tier::TierSpec& spec)
{
    if (index < 0 || index >= m_tiers.size() || m_tiers.at(index) == spec)
        return;
    m_tiers[index] = spec;
    m_modified = true;
    m_errors = validate();
}

void TierList::remove(int index)
{
    if (index < 0 || index >= m_tiers.size())
        return;
    m_tiers.removeAt(index);
    m_modified = true;
    m_errors = validate();
}

core::FieldErrors TierList::validate() const
{
    return tier::validateTiers(m_tiers, baseDir());
}

bool TierList::save()
{
    m_errors = validate();
    if (!m_errors.isEmpty())
        return false;
    QDir().mkpath(baseDir());
    QSaveFile file(m_path);
    const QByteArray json = tier::tiersToJson(m_tiers);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        m_errors = {{m_path, file.errorString()}};
        return false;
    }
    m_modified = false;
    return true;
}

tier::TierSpec TierList::resolved(const tier::TierSpec& spec) const
{
    tier::TierSpec absolute = spec;
    if (!absolute.policyFile.isEmpty())
        absolute.policyFile = QDir(baseDir()).absoluteFilePath(absolute.policyFile);
    return absolute;
}

} // namespace qaconsole::ui
