#include "backend/supervise/serviceuser.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <grp.h>
#include <pwd.h>
#include <sys/types.h>
#include <unistd.h>
#endif

namespace qaconsole::supervise {

bool runningAsRoot()
{
#ifdef Q_OS_UNIX
    return ::geteuid() == 0;
#else
    // Windows: pg_ctl drops administrator rights by itself (restricted token).
    return false;
#endif
}

ServiceUserFor postgresServiceUser()
{
    return {QStringLiteral("PostgreSQL"), QStringLiteral("refuses to run as root"),
            QStringLiteral("postgresql"), QStringLiteral("postgres/service_user")};
}

ServiceUserFor redisServiceUser()
{
    return {QStringLiteral("Redis"),
            QStringLiteral("is not run as root (a process that serves the network should not be)"),
            QStringLiteral("redis-server"), QStringLiteral("redis/service_user")};
}

Result<ServiceUser> resolveServiceUser(const QString& wantedName, bool asRoot,
                                       const ServiceUserFor& service)
{
    if (!asRoot)
        return ServiceUser{};
#ifdef Q_OS_UNIX
    const QByteArray name = wantedName.toLocal8Bit();
    const struct passwd* entry = name.isEmpty() ? nullptr : ::getpwnam(name.constData());
    if (!entry || entry->pw_uid == 0) {
        return makeError(
            ErrorKind::PermissionDenied,
            QStringLiteral("%1 %2 and there is no unprivileged user '%3' to run it as. Create one "
                           "(Debian: apt install %4, or useradd --system --user-group %3), or "
                           "name another in the settings key %5.")
                .arg(service.program, service.reason, wantedName, service.package,
                     service.settingsKey));
    }
    ServiceUser user;
    user.switchUser = true;
    user.name = wantedName;
    user.uid = entry->pw_uid;
    user.gid = entry->pw_gid;
    user.home = QString::fromLocal8Bit(entry->pw_dir);
    return user;
#else
    Q_UNUSED(wantedName);
    Q_UNUSED(service);
    return ServiceUser{};
#endif
}

void runProcessAs(QProcess& process, const ServiceUser& user)
{
    if (!user.switchUser)
        return;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), user.home);
    env.insert(QStringLiteral("USER"), user.name);
    env.insert(QStringLiteral("LOGNAME"), user.name);
    process.setProcessEnvironment(env);
#ifdef Q_OS_UNIX
    const uid_t uid = user.uid;
    const gid_t gid = user.gid;
    // Runs in the forked child: only async-signal-safe calls, and a failed switch must never
    // go on to run the program as root.
    process.setChildProcessModifier([uid, gid] {
        if (::setgroups(1, &gid) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)
            ::_exit(126);
    });
#endif
}

Status giveOwnership(const QString& path, const ServiceUser& user, Depth depth)
{
    if (!user.switchUser)
        return {};
#ifdef Q_OS_UNIX
    auto chownOne = [&](const QString& file) -> Status {
        if (::lchown(QFile::encodeName(file).constData(), user.uid, user.gid) == 0)
            return {};
        return makeError(ErrorKind::PermissionDenied,
                         QStringLiteral("cannot give %1 to user %2: %3")
                             .arg(file, user.name, QString::fromLocal8Bit(::strerror(errno))));
    };
    if (Status done = chownOne(path); !done || depth == Depth::PathOnly)
        return done;
    QDirIterator it(path, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        if (Status done = chownOne(it.next()); !done)
            return done;
    }
#else
    Q_UNUSED(path);
    Q_UNUSED(depth);
#endif
    return {};
}

QString firstUnreachableFolder(const QString& path, const ServiceUser& user)
{
    if (!user.switchUser)
        return {};
    // Walk from the root down; a folder that does not exist yet will be created by us and
    // handed over, so only existing ones matter.
    QStringList parts = QDir::cleanPath(QDir(path).absolutePath()).split(u'/', Qt::SkipEmptyParts);
    QString current = QStringLiteral("/");
    for (const QString& part : parts) {
        const QFileInfo info(current);
        if (!info.exists())
            return {};
        const bool enter = info.permission(QFileDevice::ExeOther) ||
                           (info.ownerId() == user.uid && info.permission(QFileDevice::ExeOwner)) ||
                           (info.groupId() == user.gid && info.permission(QFileDevice::ExeGroup));
        if (!enter)
            return current;
        current = QDir(current).filePath(part);
    }
    return {};
}

Status requireReachable(const QString& path, const ServiceUser& user, const QString& title)
{
    const QString blocked = firstUnreachableFolder(path, user);
    if (blocked.isEmpty())
        return {};
    return makeError(ErrorKind::PermissionDenied,
                     QStringLiteral("%1 runs as user '%2', who cannot enter %3. Choose a data "
                                    "folder it can reach with --data-dir (as root the default is "
                                    "/var/lib/qaconsole), or allow it: chmod o+x %3")
                         .arg(title, user.name, blocked));
}

} // namespace qaconsole::supervise
