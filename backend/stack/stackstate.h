#pragma once

#include "backend/supervise/superviseerror.h"

#include <QString>

namespace qaconsole::stack {

// What the managed stack remembers between runs of the console: the ports it chose (so
// addresses stay stable), the generated passwords, and who started each service (the window
// stops on exit only what a window started). Kept in <data-dir>/stack.json, readable by the
// owner only because it holds passwords.
class StackState
{
public:
    explicit StackState(QString dataDir);

    // Reads the file; a missing file is an empty state, an unreadable or damaged one an Io error
    // (saying to delete it to start over).
    supervise::Status load();
    supervise::Status save() const;

    QString path() const;

    int postgresPort = 0;
    int redisPort = 0;
    QString superuserPassword; // the cluster's bootstrap superuser "postgres"
    QString appPassword;       // the application role "qaconsole"
    QString postgresStartedBy; // "console" or "command-line"; empty when not started by us
    QString redisStartedBy;
    // The Redis ACL users (redis.conf): "qaconsole", limited to the commands the cache uses, is
    // in every URL handed out; "qaconsole-admin" may do anything and is used only by the console
    // itself (SHUTDOWN) and by tests that inject faults. Empty in a stack.json written before
    // Redis had passwords: RedisProgram generates them then.
    QString redisPassword;
    QString redisAdminPassword;

    // 24 random letters and digits from the system's CSPRNG (about 140 bits): safe in URIs and
    // in redis.conf without escaping.
    static QString generatePassword();

private:
    QString m_dataDir;
};

} // namespace qaconsole::stack
