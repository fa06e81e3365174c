#pragma once

#include "backend/http/httpserver.h"
#include "echohandler.h"

#include <QByteArray>
#include <QtGlobal>

#include <memory>

// A started HttpServer with echo handlers, or null (with a warning saying why).
inline std::unique_ptr<qaconsole::http::HttpServer>
startEchoServer(const qaconsole::http::HttpServerOptions& options, EchoRecord& record)
{
    auto server =
        std::make_unique<qaconsole::http::HttpServer>(options, EchoHandler::factory(record));
    QString error;
    if (!server->start(&error)) {
        qWarning("start failed: %s", qPrintable(error));
        return nullptr;
    }
    return server;
}

// A minimal GET request for `target`.
inline QByteArray getRequest(const QByteArray& target)
{
    return "GET " + target + " HTTP/1.1\r\nHost: test\r\n\r\n";
}
