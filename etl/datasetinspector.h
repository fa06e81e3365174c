#pragma once

#include "etl/tableschema.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace qaconsole::etl {

// What the ETL wizard shows about a source folder before loading it.
struct FileInspection
{
    Table table = Table::Questions;
    QString path;
    bool found = false;
    qint64 sizeBytes = 0;
    bool bom = false;
    bool crlf = false;
    QString encoding;          // "UTF-8", "UTF-8 with BOM", or "not UTF-8" (first rows checked)
    bool legacyHeader = false; // "id, product_id, ..." with spaces
    QString dateFormat; // "epoch ms", "YYYY-MM-DD", "unknown", or empty without a date column
    QStringList header; // as found, trimmed
    QList<QStringList> preview; // the first rows, fields as read
    QString problem;            // why it cannot be loaded (missing file, header mismatch), or empty
};

// Reads only the start of each file, so it is quick even on the full dataset.
QList<FileInspection> inspectDataset(const QString& sourceDir, int previewRows = 10);

} // namespace qaconsole::etl
