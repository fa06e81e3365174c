#pragma once

#include "backend/stack/servicestatus.h"

namespace qaconsole::stack {

// One service of the stack, managed here or external. Calls block; see LocalStack.
class ManagedService
{
public:
    virtual ~ManagedService() = default;

    virtual ServiceStatus start() = 0;
    virtual ServiceStatus stop() = 0;
    virtual ServiceStatus status() = 0;
    // How clients connect, with credentials (never log it).
    virtual QString clientUrl() const = 0;
};

} // namespace qaconsole::stack
