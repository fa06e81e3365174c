#pragma once

#include "ui/shell/tone.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <optional>

namespace qaconsole::ui {

// One box of the topology: a process or a service, its state in a tone, and a few lines of
// figures.
struct TopologyBox
{
    QString title; // "Instance 2"
    QString state; // "running"
    Tone tone = Tone::Neutral;
    QStringList lines; // "127.0.0.3:41234", "12.5 req/s · 0 err/s", ...
};

// What the view draws, left to right: the balancer (when the tier has one), the instances (in
// one column, compact past four), Redis (when the tier uses it), PostgreSQL.
struct Topology
{
    std::optional<TopologyBox> balancer;
    QList<TopologyBox> instances;
    std::optional<TopologyBox> redis;
    TopologyBox postgres;
};

// A tier drawn as boxes with arrows, as a diagram on a whiteboard: nginx → each instance →
// Redis → PostgreSQL. Each box has a dot and its state in its tone's colour. The boxes share
// the width there is; the height follows the number of instances. Painted, from the palette.
class TopologyView : public QWidget
{
    Q_OBJECT
public:
    explicit TopologyView(QWidget* parent = nullptr);

    void setTopology(const Topology& topology);
    const Topology& topology() const { return m_topology; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    struct Placed
    {
        const TopologyBox* box;
        QRectF rect;
    };
    int boxHeight() const;
    bool compact() const;
    int instanceHeight() const;
    int instanceRows() const;
    void paintBox(QPainter& painter, const Placed& placed, bool joinFirstLines = false) const;

    Topology m_topology;
};

} // namespace qaconsole::ui
