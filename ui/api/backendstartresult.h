#pragma once

#include <QMetaType>
#include <QString>

namespace qaconsole::ui {

// Ids that exist in the database, for the API explorer to start from; empty when none was found.
struct ExampleIds
{
    QString productId;  // a product with questions
    QString questionId; // one of its listed questions, with answers when one has any
    QString answerId;   // one of that question's listed answers
};

// How starting the embedded backend went. The message is for people and never holds a password.
struct BackendStartResult
{
    enum class Problem
    {
        None,
        Database,  // PostgreSQL cannot be reached or queried
        NoData,    // it can, but the Q&A tables are not there: a dataset has to be loaded
        PortInUse, // something else listens on the chosen address and port
        Other,     // anything else the server reported (schema details, address not available)
    };

    Problem problem = Problem::None;
    QString message;
    QString url;     // "http://127.0.0.1:8080" when started
    int threads = 0; // worker threads when started
    ExampleIds examples;

    bool ok() const { return problem == Problem::None; }
};

} // namespace qaconsole::ui

Q_DECLARE_METATYPE(qaconsole::ui::BackendStartResult)
