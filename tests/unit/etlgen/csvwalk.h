#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// A deliberately small, independent RFC 4180 reader for the generator's tests: it shares no code
// with the generator or the ETL, so a mistake in either shows up as a disagreement here.

struct WalkedRecord
{
    qint64 line = 0;           // physical line of the record's first line; the header is line 1
    QList<QByteArray> fields;  // unquoted, doubled quotes undone, line breaks kept
    QByteArray terminator;     // "\n", "\r\n", or empty at the end of the file
    bool unterminated = false; // a quoted field ran to the end of the file
};

struct WalkedFile
{
    bool bom = false;
    QList<WalkedRecord> records; // records[0] is the header
};

WalkedFile walkCsv(const QByteArray& bytes);
WalkedFile walkCsvFile(const QString& path);

// What the ETL's rules (docs: docs/dataset.md, etl/rejectreason.h) say about a row, in
// their order: field count, fields left to right, duplicate id, missing parent. Empty when good.
enum class ColumnRule
{
    Id,
    Reference,
    Text,
    Date,
    Reported,
    Helpful
};

QString firstProblem(const WalkedRecord& record, const QList<ColumnRule>& rules);
