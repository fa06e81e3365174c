#pragma once

#include <QByteArray>
#include <QString>

#include <string_view>
#include <vector>

namespace qaconsole::loadgen {

// A check on each response, as k6's check(): a failed check makes the request fail with the
// error kind "check failed" (a 4xx or 5xx is already an error of its own and is not checked).
struct Check
{
    enum class Kind
    {
        Status,       // the status code equals `status`
        BodyContains, // the body contains `text` (bytes, case-sensitive)
        JsonField     // the body is JSON and has the dotted path `text` ("results.0.answers")
    };
    Kind kind = Kind::Status;
    int status = 200;
    QByteArray text;

    QString describe() const; // "status is 200", "body contains 'x'", "JSON has results"
};

// Whether a response passes. `body` is the whole body (see needsBody()).
bool checkPasses(const Check& check, int status, std::string_view body);
bool needsBody(const std::vector<Check>& checks);

} // namespace qaconsole::loadgen
