#include "backend/cache/duration.h"

#include <QStringList>

#include <array>

namespace qaconsole::cache {

namespace {

struct Unit
{
    std::int64_t ms;
    const char* shortName; // what formatDuration() writes
    std::array<const char*, 5> spellings;
};

// Largest first: formatDuration() takes the first unit that divides the value.
constexpr std::array<Unit, 5> kUnits{{
    {86'400'000, "day", {"d", "day", "days", nullptr, nullptr}},
    {3'600'000, "h", {"h", "hr", "hour", "hours", nullptr}},
    {60'000, "min", {"m", "min", "mins", "minute", "minutes"}},
    {1'000, "s", {"s", "sec", "secs", "second", "seconds"}},
    {1, "ms", {"ms", "msec", "millisecond", "milliseconds", nullptr}},
}};

const Unit* findUnit(const QString& name)
{
    for (const Unit& unit : kUnits) {
        for (const char* spelling : unit.spellings) {
            if (spelling && name == QLatin1String(spelling))
                return &unit;
        }
    }
    return nullptr;
}

Error<ErrorKind> fail(const QString& text, const QString& why,
                      ErrorKind kind = ErrorKind::NotADuration)
{
    return makeError(kind, QStringLiteral("\"%1\" is not a duration: %2").arg(text, why));
}

QString unitText(std::int64_t count, const Unit& unit)
{
    const bool plural = unit.ms == kUnits[0].ms && count != 1;
    return QString::number(count) + u' ' + QLatin1String(unit.shortName) +
           (plural ? QStringLiteral("s") : QString());
}

} // namespace

Result<std::int64_t> parseDuration(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return fail(text, QStringLiteral("it is empty (write \"0\" to turn it off)"));
    qsizetype digits = 0;
    while (digits < trimmed.size() && trimmed.at(digits).isDigit() &&
           trimmed.at(digits).unicode() < 128)
        ++digits;
    if (digits == 0)
        return fail(text, QStringLiteral("it must start with a whole number, as in \"30 s\" or "
                                         "\"5 min\""));
    if (digits > 12)
        return fail(text, QStringLiteral("the number is too large"), ErrorKind::OutOfRange);
    const std::int64_t count = trimmed.left(digits).toLongLong();
    const QString unitName = trimmed.mid(digits).trimmed().toLower();
    if (unitName.isEmpty()) {
        if (count == 0)
            return std::int64_t{0};
        return fail(text,
                    QStringLiteral("it needs a unit: ms, s, min, h or day (\"0\" alone is off)"));
    }
    const Unit* unit = findUnit(unitName);
    if (!unit)
        return fail(text,
                    QStringLiteral("\"%1\" is not a unit; use ms, s, min, h or day").arg(unitName));
    if (count > kMaxDurationMs / unit->ms)
        return fail(text, QStringLiteral("it is longer than 365 days"), ErrorKind::OutOfRange);
    return std::int64_t{count * unit->ms};
}

QString formatDuration(std::int64_t ms)
{
    if (ms == 0)
        return QStringLiteral("0");
    for (const Unit& unit : kUnits) {
        if (ms % unit.ms == 0)
            return unitText(ms / unit.ms, unit);
    }
    return QString::number(ms) + QStringLiteral(" ms");
}

QString describeDuration(std::int64_t ms)
{
    // At most two parts, largest first ("1 day 5 min"); what is left below them is dropped,
    // because a sentence for people does not need milliseconds.
    QStringList parts;
    std::int64_t rest = ms;
    for (const Unit& unit : kUnits) {
        if (rest >= unit.ms) {
            parts << unitText(rest / unit.ms, unit);
            rest %= unit.ms;
            if (parts.size() == 2)
                break;
        }
    }
    return parts.isEmpty() ? QStringLiteral("0") : parts.join(u' ');
}

} // namespace qaconsole::cache
