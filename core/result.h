#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

// The one error convention outside the request path: a failure is a value with a kind the caller
// can branch on, a sentence for the user and, where it applies, the input it concerns. Each
// module declares its own enum of kinds (pg::ErrorKind, etl::ErrorKind, ...) because what a
// caller can do about a failure differs per module; the shape is the same everywhere.
//
//   Result<Ids, pg::ErrorKind> r = reader.read();
//   if (!r) { if (r.error().kind == pg::ErrorKind::MissingTable) ...; show(r.error().text()); }
//
// The request path keeps its own allocation-free StoreResult (backend/store/storeresult.h).
namespace qaconsole {

template <typename Kind> struct Error
{
    Kind kind{};
    QString message; // what failed and why, for the user; never holds a password
    QString field;   // the input it concerns (option, JSON path, CSV column); empty if none

    // "field: message", or the message alone.
    QString text() const
    {
        return field.isEmpty() ? message : field + QStringLiteral(": ") + message;
    }

    friend bool operator==(const Error&, const Error&) = default;
};

template <typename Kind> Error<Kind> makeError(Kind kind, QString message, QString field = {})
{
    return Error<Kind>{kind, std::move(message), std::move(field)};
}

// A value or the error that prevented it.
template <typename T, typename Kind> class [[nodiscard]] Result
{
public:
    using ErrorType = Error<Kind>;

    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(ErrorType error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<0>(m_state); }
    T& value() & { return std::get<0>(m_state); }
    T&& value() && { return std::get<0>(std::move(m_state)); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

    // The error; an empty one when there is none, so a message built before the check (as
    // QVERIFY2 builds its description) is safe.
    const ErrorType& error() const
    {
        static const ErrorType none;
        const ErrorType* error = std::get_if<1>(&m_state);
        return error ? *error : none;
    }
    // error().text(), or empty on success: for a log line or a test's failure message.
    QString errorText() const { return ok() ? QString() : error().text(); }

private:
    std::variant<T, ErrorType> m_state;
};

// Success with nothing to return, or the error.
template <typename Kind> class [[nodiscard]] Result<void, Kind>
{
public:
    using ErrorType = Error<Kind>;

    Result() = default;
    Result(ErrorType error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const ErrorType& error() const
    {
        static const ErrorType none;
        return m_error ? *m_error : none;
    }
    QString errorText() const { return ok() ? QString() : error().text(); }

private:
    std::optional<ErrorType> m_error;
};

template <typename Kind> using Status = Result<void, Kind>;

} // namespace qaconsole
