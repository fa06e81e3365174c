#include "etl/csvreader.h"

#include "etl/csvrecordparser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstring>
#include <vector>

namespace qaconsole::etl {

namespace {

constexpr char kBom[] = "\xEF\xBB\xBF";
constexpr qsizetype kMinBufferBytes = 4;

// An unterminated quote early in a 1.7 GB file would otherwise make one "record" of the whole
// rest of it; no real Q&A row comes near this, so beyond it the file is reported as broken.
constexpr std::size_t kMaxRecordBytes = std::size_t{256} << 20;

} // namespace

struct CsvReader::State
{
    explicit State(const QString& path, qsizetype bufferBytes)
        : file(path), nominalBytes(static_cast<std::size_t>(std::max(bufferBytes, kMinBufferBytes)))
    {}

    // Moves the unparsed tail to the front and reads behind it. Grows the buffer only when the
    // tail already fills it (one record longer than the buffer) and shrinks it back afterwards.
    bool refill()
    {
        const std::size_t tail = end - begin;
        if (begin == 0 && end == buffer.size()) {
            if (buffer.size() >= kMaxRecordBytes) {
                error = QStringLiteral("a record at line %1 is longer than %2 MB (a quote that "
                                       "never closes?)")
                            .arg(line)
                            .arg(kMaxRecordBytes >> 20);
                return false;
            }
            buffer.resize(std::min(buffer.size() * 2, kMaxRecordBytes));
        } else {
            if (tail > 0 && begin > 0)
                std::memmove(buffer.data(), buffer.data() + begin, tail);
            if (buffer.size() > nominalBytes && tail < nominalBytes) {
                buffer.resize(nominalBytes);
                buffer.shrink_to_fit();
            }
        }
        fileOffset += static_cast<qint64>(begin);
        begin = 0;
        end = tail;
        return fill();
    }

    bool fill()
    {
        while (end < buffer.size()) {
            const qint64 got =
                file.read(buffer.data() + end, static_cast<qint64>(buffer.size() - end));
            if (got < 0) {
                error = QStringLiteral("cannot be read: %1").arg(file.errorString());
                return false;
            }
            if (got == 0) {
                eof = true;
                break;
            }
            end += static_cast<std::size_t>(got);
        }
        return true;
    }

    QFile file;
    std::size_t nominalBytes;
    std::vector<char> buffer;
    std::size_t begin = 0; // first unparsed byte in `buffer`
    std::size_t end = 0;   // end of the bytes read into `buffer`
    qint64 fileOffset = 0; // file offset of buffer[0]
    qint64 line = 1;       // line number of the next record
    bool opened = false;
    bool eof = false;
    bool done = false;
    bool failed = false;
    bool bom = false;
    bool crlf = false;
    QString error;
    CsvRecordParser parser;
};

CsvReader::CsvReader(QString path, qsizetype bufferBytes)
    : m_path(std::move(path)), m_state(std::make_unique<State>(m_path, bufferBytes))
{}

CsvReader::~CsvReader() = default;

etl::Status CsvReader::open()
{
    State& s = *m_state;
    // Unbuffered: QFile's own buffer would only add a copy in front of ours.
    if (!s.file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        const QFileInfo info(m_path);
        s.error = info.exists() ? QStringLiteral("cannot be opened: %1").arg(s.file.errorString())
                                : QStringLiteral("not found in %1")
                                      .arg(QDir::toNativeSeparators(info.absolutePath()));
        return error();
    }
    s.buffer.resize(s.nominalBytes);
    if (!s.fill())
        return error();
    if (s.end >= 3 && std::memcmp(s.buffer.data(), kBom, 3) == 0) {
        s.bom = true;
        s.begin = 3;
    }
    s.opened = true;
    return {};
}

CsvReader::Status CsvReader::next(CsvRecord& record)
{
    State& s = *m_state;
    if (!s.opened) {
        if (s.error.isEmpty())
            s.error = QStringLiteral("not open");
        return Status::Error;
    }
    if (s.failed)
        return Status::Error;
    if (s.done)
        return Status::End;

    for (;;) {
        const std::string_view data(s.buffer.data() + s.begin, s.end - s.begin);
        const CsvRecordParser::Result result = s.parser.parse(data, s.eof, record);
        switch (result.kind) {
        case CsvRecordParser::Kind::NeedMore:
            if (!s.refill()) {
                s.failed = true;
                return Status::Error;
            }
            continue;
        case CsvRecordParser::Kind::EmptyLine:
            s.begin += result.consumed;
            s.line += result.lines;
            s.crlf = s.crlf || result.crlf;
            continue;
        case CsvRecordParser::Kind::End:
            s.done = true;
            return Status::End;
        case CsvRecordParser::Kind::Record:
        case CsvRecordParser::Kind::UnterminatedQuote:
            break;
        }
        record.line = s.line;
        record.offset = s.fileOffset + static_cast<qint64>(s.begin);
        s.begin += result.consumed;
        s.line += result.lines;
        s.crlf = s.crlf || result.crlf;
        if (result.kind == CsvRecordParser::Kind::UnterminatedQuote) {
            s.done = true;
            return Status::UnterminatedQuote;
        }
        return Status::Record;
    }
}

bool CsvReader::hadBom() const
{
    return m_state->bom;
}

bool CsvReader::sawCrlf() const
{
    return m_state->crlf;
}

qint64 CsvReader::fileSize() const
{
    return m_state->file.size();
}

qint64 CsvReader::bytesConsumed() const
{
    return m_state->fileOffset + static_cast<qint64>(m_state->begin);
}

Error CsvReader::error() const
{
    return makeError(ErrorKind::BadInput, m_state->error, QFileInfo(m_path).fileName());
}

} // namespace qaconsole::etl
