#include "loadgen/stages.h"

#include <QRegularExpression>
#include <QStringList>

namespace qaconsole::loadgen {

std::optional<std::int64_t> parseDurationMs(const QString& text)
{
    const QString trimmed = text.trimmed();
    bool isNumber = false;
    const double seconds = trimmed.toDouble(&isNumber);
    // Compared as doubles before any conversion: a huge or infinite value would overflow it
    // (found by fuzz_expressions); NaN fails both comparisons.
    const double limit = double(kMaxDurationMs);
    if (isNumber)
        return seconds >= 0 && seconds * 1000 <= limit
                   ? std::optional<std::int64_t>(std::int64_t(seconds * 1000 + 0.5))
                   : std::nullopt;
    // One or more "<number><unit>" parts, largest unit first as k6 writes them ("1m30s").
    static const QRegularExpression part(QStringLiteral("(\\d+(?:\\.\\d+)?)(ms|h|m|s)"));
    std::int64_t total = 0;
    qsizetype at = 0;
    while (at < trimmed.size()) {
        const QRegularExpressionMatch match =
            part.match(trimmed, at, QRegularExpression::NormalMatch,
                       QRegularExpression::AnchorAtOffsetMatchOption);
        if (!match.hasMatch())
            return std::nullopt;
        const double value = match.captured(1).toDouble();
        const QString unit = match.captured(2);
        const double factor = unit == u"ms"  ? 1
                              : unit == u"s" ? 1000
                              : unit == u"m" ? 60000
                                             : 3600000;
        if (value * factor > limit - double(total))
            return std::nullopt;
        total += std::int64_t(value * factor + 0.5);
        at += match.capturedLength();
    }
    if (trimmed.isEmpty())
        return std::nullopt;
    return total;
}

QString formatDuration(std::int64_t ms)
{
    if (ms % 1000 != 0)
        return QString::number(ms) + u"ms";
    std::int64_t seconds = ms / 1000;
    QString text;
    if (seconds >= 3600) {
        text += QString::number(seconds / 3600) + u'h';
        seconds %= 3600;
    }
    if (seconds >= 60) {
        text += QString::number(seconds / 60) + u'm';
        seconds %= 60;
    }
    if (seconds > 0 || text.isEmpty())
        text += QString::number(seconds) + u's';
    return text;
}

LoadResult<std::vector<Stage>> parseStages(const QString& text)
{
    std::vector<Stage> stages;
    const QStringList parts = text.split(u',', Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return makeError(
            LoadErrorKind::BadScenario,
            QStringLiteral("no stages in '%1' (expected e.g. 30s:100,1m:1000)").arg(text));
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString stage = parts[i].trimmed();
        const qsizetype colon = stage.indexOf(u':');
        const auto duration = colon > 0 ? parseDurationMs(stage.left(colon)) : std::nullopt;
        bool ok = false;
        const double target = colon > 0 ? stage.mid(colon + 1).toDouble(&ok) : 0;
        if (!duration || !ok || !(target >= 0 && target <= kMaxStageTarget))
            return makeError(LoadErrorKind::BadScenario,
                             QStringLiteral("stage %1 '%2' is not DURATION:TARGET (e.g. 30s:100)")
                                 .arg(i + 1)
                                 .arg(stage));
        stages.push_back({*duration, target});
    }
    return stages;
}

std::int64_t totalDurationMs(const std::vector<Stage>& stages)
{
    std::int64_t total = 0;
    for (const Stage& stage : stages)
        total += stage.durationMs;
    return total;
}

double targetAt(double start, const std::vector<Stage>& stages, std::int64_t ms)
{
    double from = start;
    for (const Stage& stage : stages) {
        if (ms < stage.durationMs)
            return from + (stage.target - from) * double(ms) / double(stage.durationMs);
        ms -= stage.durationMs;
        from = stage.target;
    }
    return from;
}

} // namespace qaconsole::loadgen
