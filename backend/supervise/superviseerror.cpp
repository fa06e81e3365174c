#include "backend/supervise/superviseerror.h"

namespace qaconsole::supervise {

const char* errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::BinaryMissing:
        return "binary_missing";
    case ErrorKind::PermissionDenied:
        return "permission_denied";
    case ErrorKind::PortInUse:
        return "port_in_use";
    case ErrorKind::Io:
        return "io";
    case ErrorKind::SetUpFailed:
        return "set_up_failed";
    case ErrorKind::StartFailed:
        return "start_failed";
    case ErrorKind::NotReady:
        return "not_ready";
    case ErrorKind::StopFailed:
        return "stop_failed";
    }
    return "unknown";
}

} // namespace qaconsole::supervise
