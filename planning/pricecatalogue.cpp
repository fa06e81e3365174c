#include "planning/pricecatalogue.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace qaconsole::planning {

namespace {

// Compiled into qaconsole_planning (planning/CMakeLists.txt), so every program linking it has it.
const QString kBuiltInPath = QStringLiteral(":/prices/aws-us-east-1.json");

} // namespace

QStringList priceUnitNames()
{
    return {QStringLiteral("hour"), QStringLiteral("gb"), QStringLiteral("million-requests"),
            QStringLiteral("lcu-hour"), QStringLiteral("vcpu-hour")};
}

QString priceUnitName(PriceUnit unit)
{
    return priceUnitNames().value(int(unit));
}

QStringList creditModeNames()
{
    return {QStringLiteral("standard"), QStringLiteral("unlimited")};
}

QString creditModeName(CreditMode mode)
{
    return creditModeNames().value(int(mode));
}

const PriceItem* PriceCatalogue::find(const QString& id) const
{
    for (const PriceItem& item : items) {
        if (item.id == id)
            return &item;
    }
    return nullptr;
}

CatalogueParseResult loadCatalogue(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {std::nullopt,
                {{QString(), QStringLiteral("cannot read %1: %2").arg(path, file.errorString())}}};
    return parseCatalogueJson(file.readAll());
}

Status<CatalogueErrorKind> saveCatalogue(const QString& path, const PriceCatalogue& catalogue)
{
    const core::FieldErrors errors = validateCatalogue(catalogue);
    if (!errors.isEmpty())
        return makeError(CatalogueErrorKind::Invalid, errors.first().message, errors.first().field);
    // QSaveFile writes beside the file and renames over it on commit: a crash or a full disk
    // mid-write leaves the previous catalogue whole.
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(catalogueToJson(catalogue)) < 0 ||
        !file.commit())
        return makeError(CatalogueErrorKind::Unwritable,
                         QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

PriceCatalogue builtInCatalogue()
{
    // The shipped file is checked by tst_pricecatalogue; should it ever not parse, an empty
    // catalogue makes every cost an "unknown item" error rather than a wrong figure.
    return loadCatalogue(kBuiltInPath).catalogue.value_or(PriceCatalogue{});
}

QString catalogueFile()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("prices.json"));
}

CatalogueParseResult currentCatalogue()
{
    const QString path = catalogueFile();
    if (QFile::exists(path))
        return loadCatalogue(path);
    return {builtInCatalogue(), {}};
}

} // namespace qaconsole::planning
