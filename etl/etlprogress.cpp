#include "etl/etlprogress.h"

namespace qaconsole::etl {

QString phaseTitle(EtlPhase phase)
{
    switch (phase) {
    case EtlPhase::Preparing:
        return QStringLiteral("Preparing");
    case EtlPhase::Loading:
        return QStringLiteral("Loading files");
    case EtlPhase::Indexing:
        return QStringLiteral("Building keys and indexes");
    case EtlPhase::Analyzing:
        return QStringLiteral("Updating statistics");
    case EtlPhase::Verifying:
        return QStringLiteral("Verifying");
    case EtlPhase::Swapping:
        return QStringLiteral("Swapping in the new tables");
    case EtlPhase::Done:
        return QStringLiteral("Done");
    }
    return {};
}

} // namespace qaconsole::etl
