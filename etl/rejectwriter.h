#pragma once

#include "etl/etlerror.h"
#include "etl/rejectreason.h"

#include <QString>

#include <memory>
#include <string_view>

class QSaveFile;

namespace qaconsole::etl {

// Writes rejected rows to a CSV file (header: file,line,reason,detail,raw), one row per reject,
// quoted per RFC 4180 so the raw text survives commas, quotes and line breaks. Safe to call from
// several loader threads.
class RejectWriter
{
public:
    explicit RejectWriter(QString path);
    ~RejectWriter();

    // Io naming the file when it (or its folder) cannot be created.
    Status open();
    void write(std::string_view file, qint64 line, RejectReason reason, std::string_view detail,
               std::string_view raw);
    // Writes what is left and replaces the file; Io when that fails (the old file then stays).
    Status close();
    qint64 count() const;
    const QString& path() const { return m_path; }

private:
    struct State;
    QString m_path;
    std::unique_ptr<State> m_state;
};

} // namespace qaconsole::etl
