#include "ui/cache/policyeditor.h"

#include "ui/shell/statepresentation.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>

namespace qaconsole::ui {

using cache::DataClass;
using cache::WriteAction;
using cache::WriteKind;

namespace {

constexpr int kCellMaxWidth = 240;
constexpr int kCellMinWidth = 120;

QString className(DataClass dataClass)
{
    return dataClass == DataClass::Questions ? PolicyEditor::tr("Questions")
                                             : PolicyEditor::tr("Answers");
}

QColor errorColor()
{
    return toneColor(Tone::Bad);
}

} // namespace

PolicyEditor::PolicyEditor(QWidget* parent) : QWidget(parent), m_grid(new QGridLayout(this))
{
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(16);
    m_grid->setVerticalSpacing(6);
    m_filling = true; // the cells are read once, by setPolicy() at the end

    int row = 0;
    for (int index = 0; index < cache::kDataClassCount; ++index) {
        auto* heading = new QLabel(className(DataClass(index)), this);
        QFont bold = heading->font();
        bold.setWeight(QFont::DemiBold);
        heading->setFont(bold);
        heading->setToolTip(DataClass(index) == DataClass::Questions
                                ? tr("The questions of a product, with their answers nested")
                                : tr("The answers of one question"));
        m_grid->addWidget(heading, row, 1 + index);
    }
    ++row;

    addHeading(row++, tr("Freshness"));
    const std::array<std::pair<QString, QString>, kDurationFieldCount> durations = {{
        {tr("Fresh in memory"), tr("How long an entry is served from this instance's memory. "
                                   "0 keeps the class out of memory.")},
        {tr("Fresh in Redis"), tr("How long an entry is served from Redis, shared by every "
                                  "instance. 0 keeps the class out of Redis.")},
        {tr("Jitter"), tr("Each entry's freshness is shortened by a random part of this, so "
                          "entries filled together do not expire together.")},
        {tr("Stale while revalidating"), tr("After freshness, the old entry is still served "
                                            "while one request recomputes it.")},
        {tr("Stale if the database fails"), tr("After freshness, the old entry is served only "
                                               "when the database cannot answer.")},
    }};
    for (int field = 0; field < kDurationFieldCount; ++field, ++row) {
        addCaption(row, durations[std::size_t(field)].first, durations[std::size_t(field)].second);
        for (int index = 0; index < cache::kDataClassCount; ++index)
            addDurationCell(row, DataClass(index), DurationField(field));
    }

    m_grid->setRowMinimumHeight(row++, 8);
    addHeading(row++, tr("When a write happens"));
    const std::array<QString, cache::kWriteKindCount> writes = {
        tr("New question"), tr("New answer"), tr("Helpful vote"), tr("Report")};
    for (int kind = 0; kind < cache::kWriteKindCount; ++kind, ++row) {
        addCaption(row, writes[std::size_t(kind)],
                   tr("What a write of this kind does to the cached lists it affects."));
        for (int index = 0; index < cache::kDataClassCount; ++index)
            addActionCell(row, DataClass(index), WriteKind(kind));
    }

    m_grid->setColumnStretch(1, 1);
    m_grid->setColumnStretch(2, 1);
    m_grid->setColumnStretch(3, 2); // what is left of a wide page stays right of the table
    applyPalette();
    setPolicy(cache::defaultPolicy());
}

void PolicyEditor::setPolicy(const cache::CachePolicy& policy)
{
    m_filling = true;
    m_draft = draftOf(policy);
    for (int index = 0; index < cache::kDataClassCount; ++index) {
        const auto dataClass = DataClass(index);
        const PolicyDraft::Class& values = m_draft.classes[std::size_t(index)];
        for (int field = 0; field < kDurationFieldCount; ++field) {
            auto* edit = static_cast<QLineEdit*>(
                m_cells.value(durationFieldPath(dataClass, DurationField(field))));
            edit->setText(values.durations[std::size_t(field)]);
        }
        for (int kind = 0; kind < cache::kWriteKindCount; ++kind) {
            auto* combo =
                static_cast<QComboBox*>(m_cells.value(actionFieldPath(dataClass, WriteKind(kind))));
            combo->setCurrentIndex(combo->findData(int(values.onWrite[std::size_t(kind)])));
        }
    }
    m_filling = false;
    reread();
}

void PolicyEditor::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ApplicationPaletteChange) {
        applyPalette();
        markErrors();
    }
    QWidget::changeEvent(event);
}

void PolicyEditor::addHeading(int row, const QString& text)
{
    auto* heading = new QLabel(text.toUpper(), this);
    QFont small = heading->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    small.setWeight(QFont::DemiBold);
    small.setLetterSpacing(QFont::PercentageSpacing, 106);
    heading->setFont(small);
    m_quietLabels.append(heading);
    m_grid->addWidget(heading, row, 0, 1, 3, Qt::AlignBottom);
}

void PolicyEditor::addCaption(int row, const QString& text, const QString& hint)
{
    auto* caption = new QLabel(text, this);
    caption->setToolTip(hint);
    m_grid->addWidget(caption, row, 0);
}

void PolicyEditor::placeCell(QWidget* cell, int row, DataClass dataClass, const QString& path)
{
    cell->setObjectName(path);
    cell->setMinimumWidth(kCellMinWidth);
    cell->setMaximumWidth(kCellMaxWidth);
    m_cells.insert(path, cell);
    m_grid->addWidget(cell, row, 1 + int(dataClass));
}

QLineEdit* PolicyEditor::addDurationCell(int row, DataClass dataClass, DurationField field)
{
    auto* edit = new QLineEdit(this);
    placeCell(edit, row, dataClass, durationFieldPath(dataClass, field));
    edit->setPlaceholderText(tr("e.g. 30 s, 5 min, 1 day"));
    m_hints.insert(edit, tr("A duration: 0 (off), 250 ms, 30 s, 5 min, 2 h, 1 day"));
    connect(edit, &QLineEdit::textChanged, this, [this, dataClass, field](const QString& text) {
        m_draft.classes[std::size_t(dataClass)].durations[std::size_t(field)] = text;
        if (!m_filling)
            reread();
    });
    return edit;
}

QComboBox* PolicyEditor::addActionCell(int row, DataClass dataClass, WriteKind kind)
{
    auto* combo = new QComboBox(this);
    placeCell(combo, row, dataClass, actionFieldPath(dataClass, kind));
    combo->addItem(tr("Drop at once"), int(WriteAction::Invalidate));
    combo->setItemData(0, tr("Dropped at once in both layers and on every instance"),
                       Qt::ToolTipRole);
    combo->addItem(tr("Recompute at once"), int(WriteAction::Refresh));
    combo->setItemData(1, tr("Recomputed by the writing instance, dropped on the others"),
                       Qt::ToolTipRole);
    combo->addItem(tr("Keep until TTL"), int(WriteAction::KeepUntilTtl));
    combo->setItemData(2, tr("Left alone: the change shows when the entry expires"),
                       Qt::ToolTipRole);
    m_hints.insert(combo, QString());
    connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, dataClass, kind] {
        m_draft.classes[std::size_t(dataClass)].onWrite[std::size_t(kind)] =
            WriteAction(combo->currentData().toInt());
        if (!m_filling)
            reread();
    });
    return combo;
}

void PolicyEditor::reread()
{
    m_reading = readDraft(m_draft, 1, QString());
    markErrors();
    Q_EMIT edited();
}

void PolicyEditor::markErrors()
{
    QHash<QWidget*, QStringList> problems;
    for (const cache::PolicyError& error : std::as_const(m_reading.errors)) {
        if (QWidget* cell = m_cells.value(error.field))
            problems[cell].append(error.message);
    }
    const QPalette normal = QApplication::palette(this);
    QPalette marked = normal;
    const QColor red = errorColor();
    for (const QPalette::ColorRole role : {QPalette::Base, QPalette::Button})
        marked.setColor(role, blend(normal.color(role), red, 0.2));
    marked.setColor(QPalette::Text, red.darker(125));
    marked.setColor(QPalette::ButtonText, red.darker(125));
    for (auto it = m_hints.cbegin(); it != m_hints.cend(); ++it) {
        QWidget* cell = it.key();
        const QStringList messages = problems.value(cell);
        cell->setPalette(messages.isEmpty() ? normal : marked);
        cell->setToolTip(messages.isEmpty() ? it.value() : messages.join(u'\n'));
        cell->setProperty("invalid", !messages.isEmpty());
    }
}

void PolicyEditor::applyPalette()
{
    const QColor quiet = secondaryText(QApplication::palette(this));
    for (QLabel* label : std::as_const(m_quietLabels))
        setTextColor(label, quiet);
}

} // namespace qaconsole::ui
