#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

// Finds a place for each label of a chart next to its point: one that covers no other label,
// point or note, and is nearer its own point than any other, so that it cannot be read as
// another's. Tried above, below, diagonally above, beside, then diagonally below. Works in
// pixels of the axis rect the chart expects (y down); the caller turns the place into
// axis-rect ratios, which hold at whatever size the chart is finally drawn. Internal to
// report/.
namespace qaconsole::report {

class LabelPlacer
{
public:
    explicit LabelPlacer(QSizeF area);

    // Something labels must not cover: a note already placed, a line.
    void avoid(const QRectF& rect);
    // A point that will get a label, with its marker's radius: covered by none.
    void addPoint(QPointF point, double radius);
    // The label's rectangle for the point at `point` (added before): the best place, which
    // later labels avoid.
    QRectF place(QPointF point, QSizeF label, double radius);

private:
    double overlap(const QRectF& rect) const;
    int nearerPoints(const QRectF& rect, QPointF own) const;

    QRectF m_area;
    QList<QRectF> m_taken;
    QList<QPointF> m_points;
};

} // namespace qaconsole::report
