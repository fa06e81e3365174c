#include "backend/stack/managedprogram.h"

#include "backend/stack/stackstate.h"

namespace qaconsole::stack {

ManagedProgram::ManagedProgram(StackState& state, int& port, QString& startedBy, QString starter)
    : m_state(state), m_port(port), m_startedBy(startedBy), m_starter(std::move(starter))
{}

bool ManagedProgram::rememberPort(int port, QString* why)
{
    m_port = port;
    return m_state.save(why);
}

bool ManagedProgram::rememberStarted(bool started, QString* why)
{
    m_startedBy = started ? m_starter : QString();
    return m_state.save(why);
}

} // namespace qaconsole::stack
