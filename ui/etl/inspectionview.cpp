#include "ui/etl/inspectionview.h"

#include "ui/etl/etltext.h"
#include "ui/shell/columnfitter.h"
#include "ui/shell/figuregrid.h"
#include "ui/shell/theme.h"
#include "ui/shell/tonecolor.h"

#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace qaconsole::ui {

namespace {

const QString noValue = QStringLiteral("—");

QStringList canonicalHeader(etl::Table table)
{
    QStringList names;
    for (const etl::ColumnSpec& column : etl::tableSpec(table).columns)
        names << QString::fromLatin1(column.name.data(),
                                     static_cast<qsizetype>(column.name.size()));
    return names;
}

} // namespace

InspectionView::InspectionView(etl::Table table, QWidget* parent)
    : QWidget(parent), m_table(table), m_problem(new QLabel(this)),
      m_previewCaption(new QLabel(tr("First rows"), this)), m_preview(new QTableWidget(this))
{
    setObjectName(tableNameOf(table) + QStringLiteral("InspectionView"));

    const QString prefix = tableNameOf(table);
    m_figures = new FigureGrid(this);
    m_size = m_figures->addFigure(tr("Size"), prefix + QStringLiteral("SizeLabel"));
    m_encoding = m_figures->addFigure(tr("Encoding"), prefix + QStringLiteral("EncodingLabel"));
    m_lineEndings =
        m_figures->addFigure(tr("Line endings"), prefix + QStringLiteral("LineEndingsLabel"));
    m_header = m_figures->addFigure(tr("Header"), prefix + QStringLiteral("HeaderLabel"));
    m_dateFormat = m_figures->addFigure(tr("Dates"), prefix + QStringLiteral("DateFormatLabel"));

    m_problem->setObjectName(prefix + QStringLiteral("ProblemLabel"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_preview->setObjectName(prefix + QStringLiteral("PreviewTable"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_preview->setAlternatingRowColors(true);
    m_preview->setWordWrap(false);
    m_preview->horizontalHeader()->setHighlightSections(false);
    m_preview->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // Body text runs long: the widest columns are cut to fit, the rest is in each tooltip.
    ColumnFitter::install(m_preview);
    m_preview->verticalHeader()->setDefaultSectionSize(m_preview->fontMetrics().height() + 8);
    // The id column already numbers the rows.
    m_preview->verticalHeader()->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->setSpacing(8);
    layout->addLayout(m_figures);
    layout->addWidget(m_problem);
    layout->addSpacing(4);
    layout->addWidget(m_previewCaption);
    layout->addWidget(m_preview, 1);
    applyColors();
    clear();
}

void InspectionView::showInspection(const etl::FileInspection& file)
{
    if (!file.found) {
        clear();
        m_problem->setText(file.problem.isEmpty()
                               ? tr("%1 is not in this folder.").arg(fileNameOf(m_table))
                               : file.problem);
        m_problem->show();
        return;
    }
    m_size->setText(bytesText(file.sizeBytes));
    m_encoding->setText(file.encoding.isEmpty() ? noValue : file.encoding);
    m_lineEndings->setText(file.crlf ? tr("CRLF (Windows)") : tr("LF"));
    if (file.header.isEmpty())
        m_header->setText(noValue);
    else
        m_header->setText(file.legacyHeader ? tr("%1 columns, older export").arg(file.header.size())
                                            : tr("%1 columns").arg(file.header.size()));
    m_dateFormat->setText(file.dateFormat.isEmpty() ? tr("no date column") : file.dateFormat);
    m_problem->setText(file.problem);
    m_problem->setVisible(!file.problem.isEmpty());
    m_header->setToolTip(file.header.join(QStringLiteral(", ")));
    fillPreview(file.header.isEmpty() ? canonicalHeader(m_table) : file.header, file.preview);
}

void InspectionView::clear()
{
    for (QLabel* figure : {m_size, m_encoding, m_lineEndings, m_header, m_dateFormat}) {
        figure->setText(noValue);
        figure->setToolTip(QString());
    }
    m_problem->clear();
    m_problem->hide();
    fillPreview(canonicalHeader(m_table), {});
}

void InspectionView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyColors();
    QWidget::changeEvent(event);
}

void InspectionView::fillPreview(const QStringList& header, const QList<QStringList>& rows)
{
    m_preview->clear();
    m_preview->setColumnCount(static_cast<int>(header.size()));
    m_preview->setHorizontalHeaderLabels(header);
    m_preview->setRowCount(static_cast<int>(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        const QStringList& fields = rows.at(row);
        for (int column = 0; column < fields.size() && column < header.size(); ++column) {
            // Line breaks inside quoted fields would make rows of uneven height.
            QString text = fields.at(column);
            text.replace(u'\n', u' ').replace(u'\r', u' ');
            auto* item = new QTableWidgetItem(text);
            item->setToolTip(fields.at(column));
            m_preview->setItem(row, column, item);
        }
    }
}

void InspectionView::applyColors()
{
    const QPalette colors = QApplication::palette(this);
    m_figures->applyPalette(colors);
    setTextColor(m_previewCaption, secondaryText(colors));
    setTextColor(m_problem, toneColor(Tone::Bad));
}

} // namespace qaconsole::ui
