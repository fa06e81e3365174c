#include "ui/shell/busyindicator.h"

#include <QPainter>
#include <QTimer>

namespace qaconsole::ui {

namespace {

constexpr int frameMs = 30;
constexpr int degreesPerFrame = 12; // one turn in about a second: lively, not frantic
constexpr int diameter = 18;

} // namespace

BusyIndicator::BusyIndicator(QWidget* parent) : QWidget(parent), m_timer(new QTimer(this))
{
    setFixedSize(sizeHint());
    m_timer->setInterval(frameMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        m_angle = (m_angle + degreesPerFrame) % 360;
        update();
    });
}

void BusyIndicator::setColor(const QColor& color)
{
    m_color = color;
    update();
}

QSize BusyIndicator::sizeHint() const
{
    return {diameter, diameter};
}

void BusyIndicator::paintEvent(QPaintEvent* /*event*/)
{
    const QColor color = m_color.isValid() ? m_color : palette().color(QPalette::Highlight);
    const qreal penWidth = 2.4;
    const QRectF circle =
        QRectF(rect()).adjusted(penWidth / 2, penWidth / 2, -penWidth / 2, -penWidth / 2);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);

    QColor track = color;
    track.setAlphaF(0.2f);
    painter.setPen(QPen(track, penWidth));
    painter.drawEllipse(circle);

    painter.setPen(QPen(color, penWidth, Qt::SolidLine, Qt::RoundCap));
    // Qt counts arcs in sixteenths of a degree, counter-clockwise from three o'clock.
    painter.drawArc(circle, (90 - m_angle) * 16, -100 * 16);
}

void BusyIndicator::showEvent(QShowEvent* event)
{
    m_timer->start();
    QWidget::showEvent(event);
}

void BusyIndicator::hideEvent(QHideEvent* event)
{
    m_timer->stop();
    QWidget::hideEvent(event);
}

} // namespace qaconsole::ui
