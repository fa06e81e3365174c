#include "backend/stack/managedprogram.h"

#include "backend/stack/stackstate.h"

namespace qaconsole::stack {

ManagedProgram::ManagedProgram(StackState& state, int& port, QString& startedBy, QString starter)
    : m_state(state), m_port(port), m_startedBy(startedBy), m_starter(std::move(starter))
{}

supervise::Status ManagedProgram::rememberPort(int port)
{
    m_port = port;
    return m_state.save();
}

supervise::Status ManagedProgram::rememberStarted(bool started)
{
    m_startedBy = started ? m_starter : QString();
    return m_state.save();
}

} // namespace qaconsole::stack
