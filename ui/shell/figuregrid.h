#pragma once

#include <QGridLayout>
#include <QList>

class QLabel;
class QPalette;

namespace qaconsole::ui {

// How a FigureGrid shows its values.
struct FigureStyle
{
    bool large = false;     // 1.15 times the owner's font size
    bool selectable = true; // the value can be selected (and copied) with the mouse
};

// A row of figures in columns of equal width, as the service cards and the ETL views show them:
// each a caption in the quiet secondary text colour above a value that reads "—" until set.
//
// The labels are children of `owner`, not of a widget the grid is set on: the grid is meant to
// be added to the owner's layout. Captions take their colour in applyPalette(), which the owner
// calls once it is built and again on every application palette change.
class FigureGrid : public QGridLayout
{
public:
    explicit FigureGrid(QWidget* owner, FigureStyle style = {});

    // Adds a column: `caption` above a value label named `objectName`, which is returned.
    QLabel* addFigure(const QString& caption, const QString& objectName);
    // Colours the captions with secondaryText(palette).
    void applyPalette(const QPalette& palette);

private:
    QWidget* m_owner;
    FigureStyle m_style;
    QList<QLabel*> m_captions;
};

} // namespace qaconsole::ui
