#pragma once

#include "backend/supervise/programspec.h"

namespace qaconsole::stack {

class StackState;

// A program of the managed stack: a ProgramSpec whose port and starter are remembered in
// stack.json (so addresses stay stable and the window stops only what a window started), and
// that clients reach by URL.
class ManagedProgram : public supervise::ProgramSpec
{
public:
    // `port` and `startedBy` are this program's fields of `state`.
    ManagedProgram(StackState& state, int& port, QString& startedBy, QString starter);

    // How clients connect, with credentials (never log it).
    virtual QString clientUrl() const = 0;

    int rememberedPort() const override { return m_port; }
    supervise::Status rememberPort(int port) override;
    supervise::Status rememberStarted(bool started) override;

protected:
    StackState& m_state;

private:
    int& m_port;
    QString& m_startedBy;
    QString m_starter;
};

} // namespace qaconsole::stack
