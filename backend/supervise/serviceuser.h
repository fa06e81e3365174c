#pragma once

#include "backend/supervise/superviseerror.h"

#include <QString>

class QProcess;

namespace qaconsole::supervise {

// The account a service process runs as. PostgreSQL refuses to run as root, so when the console
// runs as root (containers, CI) it starts PostgreSQL as an unprivileged system user instead.
struct ServiceUser
{
    bool switchUser = false; // false: run as ourselves
    QString name;
    unsigned uid = 0;
    unsigned gid = 0;
    QString home;
};

bool runningAsRoot();

// Which service wants the account, for the message when there is none.
struct ServiceUserFor
{
    QString program;     // "PostgreSQL"
    QString reason;      // why it does not run as root
    QString package;     // the Debian package that creates the usual account
    QString settingsKey; // where another account is named
};
ServiceUserFor postgresServiceUser();
ServiceUserFor redisServiceUser();

// As root, looks up `wantedName` (Debian's `postgres`); otherwise the current user. `asRoot` is
// a parameter so both paths can be tested from either account. PermissionDenied, saying what to
// do for `service`, when there is no such unprivileged user.
Result<ServiceUser> resolveServiceUser(const QString& wantedName, bool asRoot,
                                       const ServiceUserFor& service = postgresServiceUser());

// Makes `process` run as `user` (Unix: setgid/setgroups/setuid in the child before exec) with
// HOME, USER and LOGNAME set to the user's. Does nothing when `user.switchUser` is false.
void runProcessAs(QProcess& process, const ServiceUser& user);

enum class Depth
{
    PathOnly,
    Recursive
};

// Gives `path` (and with Depth::Recursive everything below it) to `user`. Succeeds when nothing
// had to change or every change worked; PermissionDenied naming the file otherwise.
Status giveOwnership(const QString& path, const ServiceUser& user, Depth depth = Depth::Recursive);

// The first folder on the way to `path` that `user` cannot enter, or empty when it can reach it.
QString firstUnreachableFolder(const QString& path, const ServiceUser& user);

// PermissionDenied, saying what to do, when `user` cannot reach `path`; `title` names the
// program ("PostgreSQL") in the message.
Status requireReachable(const QString& path, const ServiceUser& user, const QString& title);

} // namespace qaconsole::supervise
