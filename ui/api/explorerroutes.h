#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace qaconsole::ui {

// The inputs of the API explorer, one per route parameter or body field of the API contract.
enum class ExplorerField
{
    ProductId,
    QuestionId,
    AnswerId,
    Page,
    Count,
    Body,
    Name,
    Email,
    Photos, // one URL per line
};

// One request the explorer can send: the eight Q&A routes and the operational endpoints.
struct ExplorerRoute
{
    QByteArray method;    // "GET"
    QString pathTemplate; // "/qa/questions/:question_id/answers"
    QString summary;      // "List the answers of a question"
    QList<ExplorerField> fields;
};

// A request ready to send, relative to the backend's URL.
struct ExplorerRequest
{
    QByteArray method;
    QString target;  // path and query, percent-encoded: "/qa/questions?product_id=1&count=5"
    QByteArray body; // compact JSON for the two POST routes; empty otherwise
};

// In the order of the API contract, then /health, /ready and /metrics.
const QList<ExplorerRoute>& explorerRoutes();
// The field's name in the contract ("product_id").
QString fieldName(ExplorerField field);

// Builds the request as typed, without judging it: checking values is the API's job, and the
// explorer is the place to see its answer to bad ones. Ids are substituted into the path; page,
// count and a GET's product_id go into the query unless empty; non-empty body fields become the
// JSON object (product_id as a number when it is one; photos as an array of the non-empty lines).
ExplorerRequest buildExplorerRequest(const ExplorerRoute& route,
                                     const QHash<ExplorerField, QString>& values);

} // namespace qaconsole::ui
