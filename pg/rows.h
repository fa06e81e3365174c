#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <charconv>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct pg_result;

namespace qaconsole::pg {

// One result of a statement, owned: its rows in text format, or the error the server sent.
// Move-only; frees libpq's result when it goes. Reading a field allocates nothing (view(),
// number()); text() makes a QString.
class Rows
{
public:
    enum class Status
    {
        None,            // no result (a default Rows, or the end of a statement's results)
        CommandOk,       // a statement without rows succeeded
        TuplesOk,        // rows (possibly none)
        CopyIn,          // COPY FROM STDIN started
        CopyOut,         // COPY TO STDOUT started
        PipelineSync,    // the end of a pipelined batch
        PipelineAborted, // skipped, after an earlier error in the same pipelined batch
        Error,           // the server refused the statement (sqlState(), message())
    };

    Rows() = default;
    explicit Rows(pg_result* result) : m_result(result) {}

    Status status() const;
    bool ok() const { return status() == Status::CommandOk || status() == Status::TuplesOk; }
    explicit operator bool() const { return m_result != nullptr; }

    int count() const;   // rows
    int columns() const; // fields per row
    bool isNull(int row, int column) const;
    // The field's text as the server sent it; valid while this Rows lives.
    std::string_view view(int row, int column) const;
    QString text(int row, int column) const;
    // Every field as text, row by row (a NULL as an empty string): for small results.
    QList<QStringList> texts() const;
    // The field as a number; 0 when it is NULL or not a number.
    template <typename Int> Int number(int row, int column) const
    {
        const std::string_view field = view(row, column);
        Int value = 0;
        std::from_chars(field.data(), field.data() + field.size(), value);
        return value;
    }

    // For Status::Error: the SQLSTATE ("" when libpq made the error itself, which it does when
    // the connection broke) and the server's message: its first line, or all of it.
    std::string_view sqlState() const;
    std::string firstLine() const;
    QString message() const;

private:
    struct Free
    {
        void operator()(pg_result* result) const;
    };
    std::unique_ptr<pg_result, Free> m_result;
};

// The first line of a libpq message, without trailing spaces (context and hints follow on the
// next lines).
std::string firstLineOf(const char* text);

} // namespace qaconsole::pg
