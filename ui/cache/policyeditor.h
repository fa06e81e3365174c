#pragma once

#include "ui/cache/policydraft.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;

namespace qaconsole::ui {

// The policy as a table: one column per data class, one row per duration (typed as "30 s",
// "5 min", "1 day") and per write kind (an action chosen in a combo box). Every edit is read at
// once; a value that cannot be read or breaks a rule is marked in place (tinted red, the problem
// in its tooltip).
//
// Each cell is named after its field in the policy file, for tests and for errors:
// "classes.questions.ttl.memory", "classes.answers.on_write.report", ...
class PolicyEditor : public QWidget
{
    Q_OBJECT
public:
    explicit PolicyEditor(QWidget* parent = nullptr);

    // Shows `policy`'s values; emits edited().
    void setPolicy(const cache::CachePolicy& policy);
    const PolicyDraft& draft() const { return m_draft; }
    // The draft read with version 1 (validity does not depend on it); errors are marked.
    const DraftReading& reading() const { return m_reading; }

Q_SIGNALS:
    // After every change of a value, by the user or by setPolicy().
    void edited();

protected:
    void changeEvent(QEvent* event) override;

private:
    void addHeading(int row, const QString& text);
    void addCaption(int row, const QString& text, const QString& hint);
    // Names `cell` after its field and puts it in its class's column.
    void placeCell(QWidget* cell, int row, cache::DataClass dataClass, const QString& path);
    QLineEdit* addDurationCell(int row, cache::DataClass dataClass, DurationField field);
    QComboBox* addActionCell(int row, cache::DataClass dataClass, cache::WriteKind kind);
    void reread();
    void markErrors();
    void applyPalette();

    QGridLayout* m_grid;
    PolicyDraft m_draft;
    DraftReading m_reading;
    bool m_filling = false;           // setPolicy() is writing the cells: one edited() at the end
    QHash<QString, QWidget*> m_cells; // by field path
    QHash<QWidget*, QString> m_hints; // a cell's tooltip while it is valid
    QList<QLabel*> m_quietLabels;
};

} // namespace qaconsole::ui
