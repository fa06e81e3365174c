#include "pg/rows.h"

#include <algorithm>
#include <libpq-fe.h>

namespace qaconsole::pg {

void Rows::Free::operator()(pg_result* result) const
{
    PQclear(result);
}

Rows::Status Rows::status() const
{
    if (!m_result)
        return Status::None;
    switch (PQresultStatus(m_result.get())) {
    case PGRES_COMMAND_OK:
    case PGRES_EMPTY_QUERY:
        return Status::CommandOk;
    case PGRES_TUPLES_OK:
    case PGRES_SINGLE_TUPLE:
        return Status::TuplesOk;
    case PGRES_COPY_IN:
        return Status::CopyIn;
    case PGRES_COPY_OUT:
        return Status::CopyOut;
    case PGRES_PIPELINE_SYNC:
        return Status::PipelineSync;
    case PGRES_PIPELINE_ABORTED:
        return Status::PipelineAborted;
    default:
        return Status::Error;
    }
}

int Rows::count() const
{
    return m_result ? PQntuples(m_result.get()) : 0;
}

int Rows::columns() const
{
    return m_result ? PQnfields(m_result.get()) : 0;
}

bool Rows::isNull(int row, int column) const
{
    return PQgetisnull(m_result.get(), row, column) != 0;
}

std::string_view Rows::view(int row, int column) const
{
    return {PQgetvalue(m_result.get(), row, column),
            std::size_t(PQgetlength(m_result.get(), row, column))};
}

QString Rows::text(int row, int column) const
{
    const std::string_view field = view(row, column);
    return QString::fromUtf8(field.data(), qsizetype(field.size()));
}

QList<QStringList> Rows::texts() const
{
    QList<QStringList> rows;
    for (int row = 0; row < count(); ++row) {
        QStringList fields;
        for (int column = 0; column < columns(); ++column)
            fields << text(row, column);
        rows << fields;
    }
    return rows;
}

std::string_view Rows::sqlState() const
{
    const char* state = m_result ? PQresultErrorField(m_result.get(), PG_DIAG_SQLSTATE) : nullptr;
    return state ? std::string_view(state) : std::string_view();
}

std::string Rows::firstLine() const
{
    if (!m_result)
        return {};
    const char* primary = PQresultErrorField(m_result.get(), PG_DIAG_MESSAGE_PRIMARY);
    return firstLineOf(primary ? primary : PQresultErrorMessage(m_result.get()));
}

QString Rows::message() const
{
    return m_result ? QString::fromUtf8(PQresultErrorMessage(m_result.get())).trimmed() : QString();
}

std::string firstLineOf(const char* text)
{
    std::string message(text ? text : "");
    message.erase(std::min(message.find('\n'), message.size()));
    while (!message.empty() && message.back() == ' ')
        message.pop_back();
    return message;
}

} // namespace qaconsole::pg
