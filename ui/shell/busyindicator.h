#pragma once

#include <QColor>
#include <QWidget>

class QTimer;

namespace qaconsole::ui {

// A small spinning arc that says "work in progress, no known end". It animates only while
// visible, so hidden indicators cost nothing.
class BusyIndicator : public QWidget
{
    Q_OBJECT
public:
    explicit BusyIndicator(QWidget* parent = nullptr);

    // The arc's colour; the palette's highlight colour until set.
    void setColor(const QColor& color);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    QTimer* m_timer;
    QColor m_color;
    int m_angle = 0; // degrees, clockwise from twelve o'clock
};

} // namespace qaconsole::ui
