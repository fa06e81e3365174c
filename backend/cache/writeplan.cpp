#include "backend/cache/writeplan.h"

namespace qaconsole::cache {

bool writeTouches(WriteKind kind, bool onAnswer, DataClass dataClass)
{
    if (dataClass == DataClass::Questions)
        return true;
    return kind == WriteKind::NewAnswer || (onAnswer && kind != WriteKind::NewQuestion);
}

WritePlan planWrite(const CachePolicy& policy, const WriteEvent& event)
{
    WritePlan plan;
    for (int index = 0; index < kDataClassCount; ++index) {
        const auto dataClass = DataClass(index);
        const ClassPolicy& rules = policy.of(dataClass);
        if (!rules.cached() || !writeTouches(event.kind, event.onAnswer, dataClass))
            continue;
        const std::int32_t id =
            dataClass == DataClass::Questions ? event.productId : event.questionId;
        plan.groups[std::size_t(plan.size++)] = {dataClass, id, rules.action(event.kind)};
    }
    return plan;
}

} // namespace qaconsole::cache
