#include "report/labelplacer.h"

#include <array>
#include <cmath>
#include <optional>
#include <tuple>

namespace qaconsole::report {

namespace {

constexpr double kGap = 5;
constexpr double kAir = 4; // between neighbours, so two labels never read as one line

double distance(const QRectF& rect, QPointF point)
{
    const double dx = std::max({rect.left() - point.x(), 0.0, point.x() - rect.right()});
    const double dy = std::max({rect.top() - point.y(), 0.0, point.y() - rect.bottom()});
    return std::hypot(dx, dy);
}

} // namespace

LabelPlacer::LabelPlacer(QSizeF area) : m_area(QPointF(0, 0), area) {}

void LabelPlacer::avoid(const QRectF& rect)
{
    m_taken.append(rect);
}

void LabelPlacer::addPoint(QPointF point, double radius)
{
    m_points.append(point);
    m_taken.append(QRectF(point - QPointF(radius, radius), QSizeF(2 * radius, 2 * radius)));
}

double LabelPlacer::overlap(const QRectF& rect) const
{
    const QRectF spaced = rect.adjusted(-kAir, -kAir, kAir, kAir);
    double area = 0;
    for (const QRectF& taken : m_taken) {
        const QRectF common = taken.intersected(spaced);
        area += common.width() * common.height();
    }
    return area;
}

int LabelPlacer::nearerPoints(const QRectF& rect, QPointF own) const
{
    const double mine = distance(rect, own);
    int nearer = 0;
    for (const QPointF& point : m_points)
        nearer += point != own && distance(rect, point) < mine ? 1 : 0;
    return nearer;
}

QRectF LabelPlacer::place(QPointF point, QSizeF label, double radius)
{
    const double w = label.width();
    const double h = label.height();
    const double off = radius + kGap;
    const std::array<QPointF, 8> offsets{QPointF(0, -(off + h / 2)),
                                         QPointF(0, off + h / 2),
                                         QPointF(w / 2 + off / 2, -(off + h / 2)),
                                         QPointF(-(w / 2 + off / 2), -(off + h / 2)),
                                         QPointF(off + w / 2, 0),
                                         QPointF(-(off + w / 2), 0),
                                         QPointF(w / 2 + off / 2, off + h / 2),
                                         QPointF(-(w / 2 + off / 2), off + h / 2)};
    // Inside the chart first, then covering nothing, then unambiguous, then least covered,
    // then in the order of preference.
    using Score = std::tuple<bool, bool, bool, double, size_t>;
    std::optional<Score> best;
    QRectF chosen;
    for (size_t index = 0; index < offsets.size(); ++index) {
        const QRectF rect(point + offsets[index] - QPointF(w / 2, h / 2), label);
        const double covered = overlap(rect);
        const Score score{!m_area.contains(rect), covered > 0, nearerPoints(rect, point) > 0,
                          covered, index};
        if (!best || score < *best) {
            best = score;
            chosen = rect;
        }
    }
    m_taken.append(chosen);
    return chosen;
}

} // namespace qaconsole::report
