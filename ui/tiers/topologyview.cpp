#include "ui/tiers/topologyview.h"

#include "ui/shell/theme.h"
#include "ui/shell/tonecolor.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace qaconsole::ui {

namespace {

constexpr int kRoomyInstances = 4; // more are drawn compact: two lines of figures, not three
constexpr qreal kGap = 56;         // between columns: room for the arrows
constexpr qreal kRowGap = 12;      // between instances
constexpr qreal kPadding = 10;
constexpr qreal kRadius = 6;

void paintArrow(QPainter& painter, QPointF from, QPointF to, const QColor& color)
{
    painter.setPen(QPen(color, 1.4));
    // A gentle S from the right edge of one box to the left edge of the next.
    QPainterPath path(from);
    const qreal middle = (from.x() + to.x()) / 2;
    path.cubicTo(QPointF(middle, from.y()), QPointF(middle, to.y()), to);
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);
    const qreal size = 6;
    QPolygonF head;
    head << to << QPointF(to.x() - size, to.y() - size / 1.6)
         << QPointF(to.x() - size, to.y() + size / 1.6);
    painter.setBrush(color);
    painter.setPen(Qt::NoPen);
    painter.drawPolygon(head);
}

} // namespace

TopologyView::TopologyView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("tierTopologyView"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void TopologyView::setTopology(const Topology& topology)
{
    const bool resized = topology.instances.size() != m_topology.instances.size();
    m_topology = topology;
    if (resized)
        updateGeometry();
    update();
}

int TopologyView::boxHeight() const
{
    // Title line, then up to four lines of figures.
    const QFontMetrics metrics(font());
    return int(kPadding * 2 + metrics.lineSpacing() * 5 + 4);
}

bool TopologyView::compact() const
{
    return m_topology.instances.size() > kRoomyInstances;
}

int TopologyView::instanceHeight() const
{
    // Compact: the title line and two lines of figures (the first two joined).
    const QFontMetrics metrics(font());
    return compact() ? int(kPadding * 2 + metrics.lineSpacing() * 3 + 4) : boxHeight();
}

int TopologyView::instanceRows() const
{
    return std::max(1, int(m_topology.instances.size()));
}

QSize TopologyView::sizeHint() const
{
    const int rows = instanceRows();
    return {900, std::max(boxHeight(), int(rows * instanceHeight() + (rows - 1) * kRowGap)) + 2};
}

QSize TopologyView::minimumSizeHint() const
{
    return {640, sizeHint().height()};
}

void TopologyView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    // Columns: balancer?, the instances (one column, wider), redis?, postgres. One column
    // whatever their number: an arrow never crosses another instance's box.
    const int sideBoxes = (m_topology.balancer ? 1 : 0) + (m_topology.redis ? 1 : 0) + 1;
    const int gaps = sideBoxes;
    const qreal unit = (width() - 1 - gaps * kGap) / (sideBoxes + 1.6);
    const qreal instanceWidth = unit * 1.6;
    const qreal height = boxHeight();
    const qreal middle = this->height() / 2.0;
    const auto sideBox = [&](qreal x) {
        return QRectF(x, middle - height / 2, unit, height);
    };

    qreal x = 0.5;
    std::optional<Placed> balancer;
    if (m_topology.balancer) {
        balancer = Placed{&*m_topology.balancer, sideBox(x)};
        x += unit + kGap;
    }
    QList<Placed> instances;
    const qreal rowHeight = instanceHeight();
    const int rows = int(m_topology.instances.size());
    const qreal top = middle - (rows * rowHeight + (rows - 1) * kRowGap) / 2;
    for (int i = 0; i < rows; ++i)
        instances.append({&m_topology.instances[i],
                          QRectF(x, top + i * (rowHeight + kRowGap), instanceWidth, rowHeight)});
    x += instanceWidth + kGap;
    std::optional<Placed> redis;
    if (m_topology.redis) {
        redis = Placed{&*m_topology.redis, sideBox(x)};
        x += unit + kGap;
    }
    const Placed postgres{&m_topology.postgres, sideBox(x)};

    const QColor arrow = secondaryText(palette());
    const auto left = [](const QRectF& rect) {
        return QPointF(rect.left() - 1, rect.center().y());
    };
    const auto right = [](const QRectF& rect) {
        return QPointF(rect.right() + 1, rect.center().y());
    };
    for (const Placed& instance : instances) {
        if (balancer)
            paintArrow(painter, right(balancer->rect), left(instance.rect), arrow);
        // To Redis when there is one (its misses fall through to PostgreSQL), else straight to
        // PostgreSQL.
        const Placed& next = redis ? *redis : postgres;
        paintArrow(painter, right(instance.rect), left(next.rect), arrow);
    }
    if (redis)
        paintArrow(painter, right(redis->rect), left(postgres.rect), arrow);

    if (balancer)
        paintBox(painter, *balancer);
    for (const Placed& instance : instances)
        paintBox(painter, instance, compact());
    if (redis)
        paintBox(painter, *redis);
    paintBox(painter, postgres);
}

void TopologyView::paintBox(QPainter& painter, const Placed& placed, bool joinFirstLines) const
{
    const QPalette colors = palette();
    const QColor tone = toneColor(placed.box->tone);
    painter.setPen(QPen(placed.box->tone == Tone::Neutral ? hairline(colors)
                                                          : blend(hairline(colors), tone, 0.55),
                        1));
    painter.setBrush(blend(colors.color(QPalette::Base), tone, 0.06));
    painter.drawRoundedRect(placed.rect, kRadius, kRadius);

    const QRectF inner = placed.rect.adjusted(kPadding, kPadding, -kPadding, -kPadding);
    const QFontMetrics metrics(font());
    const qreal line = metrics.lineSpacing();
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);

    // Title on the left, the state (a dot and a word in the tone) on the right.
    const QString state = placed.box->state;
    const qreal stateWidth = state.isEmpty() ? 0 : metrics.horizontalAdvance(state) + 14;
    painter.setPen(colors.color(QPalette::Text));
    painter.setFont(bold);
    painter.drawText(QRectF(inner.left(), inner.top(), inner.width() - stateWidth - 6, line),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     boldMetrics.elidedText(placed.box->title, Qt::ElideRight,
                                            int(inner.width() - stateWidth - 6)));
    painter.setFont(font());
    if (!state.isEmpty()) {
        const QRectF stateRect(inner.right() - stateWidth, inner.top(), stateWidth, line);
        painter.setPen(Qt::NoPen);
        painter.setBrush(tone);
        painter.drawEllipse(QPointF(stateRect.left() + 4, stateRect.center().y()), 4, 4);
        painter.setPen(tone);
        painter.drawText(stateRect.adjusted(14, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, state);
    }
    painter.setPen(secondaryText(colors));
    qreal y = inner.top() + line + 4;
    QStringList lines = placed.box->lines;
    if (joinFirstLines && lines.size() >= 2) {
        const QString second = lines.takeAt(1);
        lines[0] += QStringLiteral(" · ") + second;
    }
    for (const QString& text : lines) {
        if (y + line > inner.bottom() + 1)
            break;
        painter.drawText(QRectF(inner.left(), y, inner.width(), line),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(text, Qt::ElideRight, int(inner.width())));
        y += line;
    }
}

} // namespace qaconsole::ui
