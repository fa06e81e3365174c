#include "etl/rowvalidator.h"

#include "etl/fieldchecks.h"
#include "etl/idset.h"

#include <QStringList>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <limits>

namespace qaconsole::etl {

namespace {

constexpr std::int64_t kMaxInt32 = std::numeric_limits<std::int32_t>::max();
constexpr std::int64_t kMsPerDay = 86'400'000;
constexpr std::string_view kBom = "\xEF\xBB\xBF";
// How much of the input a header message quotes: enough to recognise a name, never a file.
constexpr std::size_t kNameExcerptBytes = 40;
constexpr qsizetype kNamesListed = 5;

constexpr bool isLeapYear(std::int64_t year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// Days from 1970-01-01 to year-month-day in the proleptic Gregorian calendar. Plain arithmetic:
// QDateTime would cost more than the rest of the row on the hot path.
constexpr std::int64_t daysSinceEpoch(std::int64_t year, int month, int day)
{
    constexpr int kDaysBeforeMonth[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    auto leapYearsThrough = [](std::int64_t y) {
        return y / 4 - y / 100 + y / 400;
    };
    std::int64_t days = 365 * (year - 1970) + leapYearsThrough(year - 1) - leapYearsThrough(1969);
    days += kDaysBeforeMonth[month - 1] + (month > 2 && isLeapYear(year) ? 1 : 0);
    return days + day - 1;
}

// Epoch ms must be positive and before the year 3000: anything else is a unit mistake (seconds,
// microseconds) or garbage, not a date someone wrote a question on.
constexpr std::int64_t kYear3000Ms = daysSinceEpoch(3000, 1, 1) * kMsPerDay;
static_assert(daysSinceEpoch(2018, 8, 11) * kMsPerDay == 1533945600000);

constexpr int daysInMonth(std::int64_t year, int month)
{
    constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

// Reads `count` digits at `text[at]`; -1 when one is not a digit.
int readDigits(std::string_view text, std::size_t at, std::size_t count)
{
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

std::optional<std::int64_t> parseLegacyDate(std::string_view text)
{
    if (text.size() != 10 && text.size() != 19)
        return std::nullopt;
    if (text[4] != '-' || text[7] != '-')
        return std::nullopt;
    const int year = readDigits(text, 0, 4);
    const int month = readDigits(text, 5, 2);
    const int day = readDigits(text, 8, 2);
    if (year < 1970 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
        return std::nullopt;
    std::int64_t ms = daysSinceEpoch(year, month, day) * kMsPerDay;
    if (text.size() == 19) {
        if ((text[10] != ' ' && text[10] != 'T') || text[13] != ':' || text[16] != ':')
            return std::nullopt;
        const int hour = readDigits(text, 11, 2);
        const int minute = readDigits(text, 14, 2);
        const int second = readDigits(text, 17, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
            return std::nullopt;
        ms += ((hour * 60 + minute) * 60 + second) * std::int64_t{1000};
    }
    return ms;
}

void appendNumber(std::string& out, std::int64_t value)
{
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, value);
    out.append(digits, result.ptr);
}

bool sameNameIgnoringCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i];
        char y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = static_cast<char>(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

Reject reject(RejectReason reason, std::string detail)
{
    return Reject{reason, std::move(detail)};
}

} // namespace

Result<RowValidator> RowValidator::create(const TableSpec& spec, const CsvRecord& header)
{
    RowValidator validator(spec);
    validator.m_fieldOf.fill(-1);
    validator.m_fieldCount = static_cast<int>(header.fields.size());
    const std::size_t columns = std::min(spec.columns.size(), validator.m_fieldOf.size());

    // Every name must be one of the table's, once: a column the loader does not know would be
    // dropped silently, and an extra one in the header (and not in the rows) makes every row a
    // field-count reject.
    QStringList unknown; // the first few, as excerpts
    qsizetype unknownCount = 0;
    QStringList twice;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        std::string_view name = header.fields[i];
        // CsvReader strips the BOM; a header handed over by other means may still carry it.
        if (i == 0 && name.substr(0, kBom.size()) == kBom)
            name.remove_prefix(kBom.size());
        const std::string_view trimmed = trimBlanks(name);
        if (trimmed.size() != name.size())
            validator.m_legacyHeader = true;
        std::size_t c = 0;
        while (c < columns && !sameNameIgnoringCase(trimmed, spec.columns[c].name))
            ++c;
        if (c == columns) {
            if (unknown.size() < kNamesListed)
                unknown << (trimmed.empty() ? QStringLiteral("(empty)")
                                            : fromView(quotedExcerpt(trimmed, kNameExcerptBytes)));
            ++unknownCount;
        } else if (validator.m_fieldOf[c] >= 0) {
            if (!twice.contains(fromView(spec.columns[c].name)))
                twice << fromView(spec.columns[c].name);
        } else {
            validator.m_fieldOf[c] = static_cast<int>(i);
        }
    }

    QStringList missing;
    QStringList expected;
    for (std::size_t c = 0; c < spec.columns.size(); ++c) {
        expected << fromView(spec.columns[c].name);
        if (c >= columns || validator.m_fieldOf[c] < 0)
            missing << expected.last();
    }
    if (missing.isEmpty() && unknownCount == 0 && twice.isEmpty())
        return validator;

    QStringList problems;
    if (!missing.isEmpty())
        problems << QStringLiteral("lacks ") + missing.join(QStringLiteral(", "));
    if (unknownCount > 0) {
        QString names = unknown.join(QStringLiteral(", "));
        if (unknownCount > unknown.size())
            names += QStringLiteral(" and %1 more").arg(unknownCount - unknown.size());
        problems << (unknownCount == 1 ? QStringLiteral("has an unknown column ")
                                       : QStringLiteral("has unknown columns ")) +
                        names;
    }
    if (!twice.isEmpty())
        problems << QStringLiteral("has %1 more than once").arg(twice.join(QStringLiteral(", ")));
    QString message =
        QStringLiteral("the header %1 (expected: %2)")
            .arg(problems.join(QStringLiteral(" and ")), expected.join(QStringLiteral(",")));
    // Without a line feed the reader sees one record up to the end of the file, header and
    // rows alike: the cause comes first, not only its effect on the column names.
    if (header.raw.find('\r') != std::string_view::npos)
        message.prepend(QStringLiteral("its lines end in CR alone (save it with LF or CRLF line "
                                       "ends), so "));
    return makeError(ErrorKind::BadHeader, message, fromView(spec.fileName));
}

std::optional<Reject> RowValidator::validate(const CsvRecord& record, IdSet& seenIds,
                                             const IdSet* parentIds, std::string& copyOut) const
{
    if (record.fields.size() != static_cast<std::size_t>(m_fieldCount)) {
        return reject(RejectReason::FieldCount,
                      std::to_string(m_fieldCount) + " fields expected, " +
                          std::to_string(record.fields.size()) + " found");
    }

    const auto columns = m_spec->columns;
    std::array<std::int64_t, 8> numbers{};
    std::int32_t id = 0;
    std::int32_t parentId = 0;
    std::size_t idColumn = 0;
    std::size_t parentColumn = columns.size();

    for (std::size_t c = 0; c < columns.size(); ++c) {
        const std::string_view value = record.fields[static_cast<std::size_t>(m_fieldOf[c])];
        switch (columns[c].kind) {
        case ColumnKind::Id:
        case ColumnKind::ParentId:
        case ColumnKind::ProductId: {
            const auto number = parseDigits(value, kMaxInt32);
            if (!number || *number == 0) {
                return reject(columns[c].kind == ColumnKind::Id ? RejectReason::BadId
                                                                : RejectReason::BadReference,
                              describeField(columns[c].name, value));
            }
            numbers[c] = *number;
            if (columns[c].kind == ColumnKind::Id) {
                id = static_cast<std::int32_t>(*number);
                idColumn = c;
            } else if (columns[c].kind == ColumnKind::ParentId) {
                parentId = static_cast<std::int32_t>(*number);
                parentColumn = c;
            }
            break;
        }
        case ColumnKind::Text:
        case ColumnKind::Email: {
            if (isBlank(value))
                return reject(RejectReason::EmptyField, describeField(columns[c].name, value));
            const std::size_t bad = findEncodingError(value);
            if (bad != std::string_view::npos) {
                const bool nul = value[bad] == '\0';
                return reject(RejectReason::BadEncoding,
                              describeField(columns[c].name, value) +
                                  (nul ? " (NUL byte at byte " : " (not UTF-8 at byte ") +
                                  std::to_string(bad) + ")");
            }
            break;
        }
        case ColumnKind::Date: {
            const auto ms = parseDateWritten(value);
            if (!ms)
                return reject(RejectReason::BadDate, describeField(columns[c].name, value));
            numbers[c] = *ms;
            break;
        }
        case ColumnKind::Reported: {
            const std::string_view flag = trimBlanks(value);
            if (flag != "0" && flag != "1")
                return reject(RejectReason::BadReported, describeField(columns[c].name, value));
            numbers[c] = flag == "1" ? 1 : 0;
            break;
        }
        case ColumnKind::Helpful: {
            const auto number = parseDigits(value, kMaxInt32);
            if (!number)
                return reject(RejectReason::BadHelpful, describeField(columns[c].name, value));
            numbers[c] = *number;
            break;
        }
        }
    }

    if (seenIds.contains(id)) {
        return reject(RejectReason::DuplicateId,
                      describeField(columns[idColumn].name,
                                    record.fields[static_cast<std::size_t>(m_fieldOf[idColumn])]) +
                          " (already loaded from this file)");
    }
    if (parentIds && parentColumn < columns.size() && !parentIds->contains(parentId)) {
        const std::string_view parentTable =
            m_spec->parent ? tableSpec(*m_spec->parent).tableName : std::string_view("parent");
        return reject(
            RejectReason::MissingParent,
            describeField(columns[parentColumn].name,
                          record.fields[static_cast<std::size_t>(m_fieldOf[parentColumn])]) +
                " (not among the loaded " + std::string(parentTable) + ")");
    }
    // Only a row that is loaded claims its id: a rejected row must not turn a later, good row
    // with the same id into a duplicate.
    seenIds.insert(id);

    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (c > 0)
            copyOut += '\t';
        switch (columns[c].kind) {
        case ColumnKind::Text:
        case ColumnKind::Email:
            appendCopyEscaped(copyOut, record.fields[static_cast<std::size_t>(m_fieldOf[c])]);
            break;
        case ColumnKind::Reported:
            copyOut += numbers[c] ? 't' : 'f';
            break;
        default:
            appendNumber(copyOut, numbers[c]);
        }
    }
    copyOut += '\n';
    return std::nullopt;
}

std::int32_t RowValidator::idOfCopyLine(std::string_view copyLine)
{
    std::int64_t id = 0;
    for (const char c : copyLine) {
        if (c < '0' || c > '9' || id > kMaxInt32)
            break;
        id = id * 10 + (c - '0');
    }
    return id > kMaxInt32 ? 0 : static_cast<std::int32_t>(id);
}

std::optional<std::int64_t> parseDateWritten(std::string_view text)
{
    text = trimBlanks(text);
    // The older export quotes its dates; if a file's quoting kept the quotes in the value (a
    // space before the opening quote makes it a literal), they are still only decoration.
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"')
        text = trimBlanks(text.substr(1, text.size() - 2));
    if (text.empty())
        return std::nullopt;
    if (text.find_first_not_of("0123456789") == std::string_view::npos) {
        const auto ms = parseDigits(text, kYear3000Ms - 1);
        if (!ms || *ms == 0)
            return std::nullopt;
        return ms;
    }
    const auto ms = parseLegacyDate(text);
    if (!ms || *ms <= 0 || *ms >= kYear3000Ms)
        return std::nullopt;
    return ms;
}

void appendCopyEscaped(std::string& out, std::string_view text)
{
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
    constexpr std::uint64_t kBackslashes = kOnes * '\\';
    constexpr std::uint64_t kSpaces = kOnes * 0x20;

    const char* p = text.data();
    const char* end = p + text.size();
    const char* run = p;
    while (p < end) {
        // Skip eight bytes at a time when none is a control character or a backslash; only
        // those can need escaping, and bodies rarely hold any. Besides the four that must be
        // escaped, \b \f \v are written the way COPY TO writes them, so a loaded row read back
        // through COPY compares equal byte for byte with the line sent.
        if (end - p >= 8) {
            std::uint64_t word;
            std::memcpy(&word, p, sizeof word);
            const std::uint64_t x = word ^ kBackslashes;
            const bool control = ((word - kSpaces) & ~word & kHighBits) != 0;
            const bool backslash = ((x - kOnes) & ~x & kHighBits) != 0;
            if (!control && !backslash) {
                p += 8;
                continue;
            }
        }
        char code = 0;
        switch (*p) {
        case '\\':
            code = '\\';
            break;
        case '\t':
            code = 't';
            break;
        case '\n':
            code = 'n';
            break;
        case '\r':
            code = 'r';
            break;
        case '\b':
            code = 'b';
            break;
        case '\f':
            code = 'f';
            break;
        case '\v':
            code = 'v';
            break;
        default:
            ++p;
            continue;
        }
        out.append(run, p);
        out += '\\';
        out += code;
        run = ++p;
    }
    out.append(run, end);
}

} // namespace qaconsole::etl
