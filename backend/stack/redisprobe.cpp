#include "backend/stack/redisprobe.h"

#include <QByteArray>
#include <QStringList>

#include <hiredis/hiredis.h>
#include <memory>

namespace qaconsole::stack {

namespace {

struct ContextDeleter
{
    void operator()(redisContext* context) const { redisFree(context); }
};
struct ReplyDeleter
{
    void operator()(redisReply* reply) const { freeReplyObject(reply); }
};
using Context = std::unique_ptr<redisContext, ContextDeleter>;
using Reply = std::unique_ptr<redisReply, ReplyDeleter>;

Reply command(redisContext* context, const QList<QByteArray>& words)
{
    std::vector<const char*> argv;
    std::vector<size_t> lengths;
    for (const QByteArray& word : words) {
        argv.push_back(word.constData());
        lengths.push_back(size_t(word.size()));
    }
    return Reply(static_cast<redisReply*>(
        redisCommandArgv(context, int(argv.size()), argv.data(), lengths.data())));
}

// Connected and logged in, or NotReady: the server does not answer or refuses the login.
supervise::Result<Context> open(const endpoint::RedisEndpoint& endpoint, int timeoutMs)
{
    const timeval timeout{timeoutMs / 1000, (timeoutMs % 1000) * 1000};
    Context context(
        redisConnectWithTimeout(endpoint.host.toUtf8().constData(), endpoint.port, timeout));
    if (!context || context->err)
        return makeError(supervise::ErrorKind::NotReady,
                         context ? QString::fromUtf8(context->errstr)
                                 : QStringLiteral("cannot allocate a Redis context"));
    redisSetTimeout(context.get(), timeout);
    if (!endpoint.password.isEmpty()) {
        QList<QByteArray> words{QByteArrayLiteral("AUTH")};
        if (!endpoint.username.isEmpty())
            words << endpoint.username.toUtf8();
        words << endpoint.password.toUtf8();
        Reply reply = command(context.get(), words);
        if (!reply || reply->type == REDIS_REPLY_ERROR)
            return makeError(supervise::ErrorKind::NotReady,
                             reply ? QStringLiteral("authentication failed: %1")
                                         .arg(QString::fromUtf8(reply->str, int(reply->len)))
                                   : QString::fromUtf8(context->errstr));
    }
    return context;
}

QString infoField(const QString& info, const QString& key)
{
    const QString prefix = key + u':';
    for (const QString& line : info.split(u'\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed();
    }
    return {};
}

} // namespace

supervise::ProbeResult probeRedis(const endpoint::RedisEndpoint& endpoint, int timeoutMs)
{
    supervise::ProbeResult probe;
    auto opened = open(endpoint, timeoutMs);
    if (!opened) {
        probe.error = opened.error().message;
        return probe;
    }
    const Context context = std::move(opened).value();
    Reply pong = command(context.get(), {QByteArrayLiteral("PING")});
    if (!pong || pong->type != REDIS_REPLY_STATUS || QByteArray(pong->str) != "PONG") {
        probe.error = pong && pong->type == REDIS_REPLY_ERROR
                          ? QString::fromUtf8(pong->str, int(pong->len))
                          : QStringLiteral("no PONG: %1").arg(QString::fromUtf8(context->errstr));
        return probe;
    }
    probe.ok = true;
    Reply info = command(context.get(), {QByteArrayLiteral("INFO"), QByteArrayLiteral("server")});
    if (info && info->type == REDIS_REPLY_STRING) {
        const QString text = QString::fromUtf8(info->str, int(info->len));
        probe.version = infoField(text, QStringLiteral("redis_version"));
        probe.pid = infoField(text, QStringLiteral("process_id")).toLongLong();
        const qint64 uptime = infoField(text, QStringLiteral("uptime_in_seconds")).toLongLong();
        probe.startedAt = QDateTime::currentDateTimeUtc().addSecs(-uptime);
    }
    return probe;
}

supervise::Status shutdownRedis(const endpoint::RedisEndpoint& endpoint, int timeoutMs)
{
    auto opened = open(endpoint, timeoutMs);
    if (!opened)
        return makeError(supervise::ErrorKind::StopFailed, opened.error().message);
    const Context context = std::move(opened).value();
    Reply reply =
        command(context.get(), {QByteArrayLiteral("SHUTDOWN"), QByteArrayLiteral("NOSAVE")});
    // A successful SHUTDOWN answers nothing: the server closes the connection.
    if (reply && reply->type == REDIS_REPLY_ERROR)
        return makeError(supervise::ErrorKind::StopFailed,
                         QString::fromUtf8(reply->str, int(reply->len)));
    return {};
}

} // namespace qaconsole::stack
