#pragma once

#include "backend/stack/servicestatus.h"

#include <QColor>
#include <QWidget>

class QLabel;

namespace qaconsole::ui {

struct StatePresentation;

// One service in the status bar: a coloured dot and "PostgreSQL: running", with the address
// and the latest message in its tooltip. Shows "unknown" until the first status arrives.
class ServiceIndicator : public QWidget
{
    Q_OBJECT
public:
    // Named "<service>Indicator" ("postgresIndicator") so tests and style sheets can find it.
    explicit ServiceIndicator(stack::ServiceKind kind, QWidget* parent = nullptr);

    stack::ServiceKind kind() const { return m_kind; }
    // The text shown next to the dot, e.g. "Redis: crashed".
    QString text() const;
    // The dot's colour (see statePresentation()).
    QColor color() const { return m_color; }

    void showStatus(const stack::ServiceStatus& status);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void present(const StatePresentation& presentation);

    stack::ServiceKind m_kind;
    QColor m_color;
    QLabel* m_text;
};

} // namespace qaconsole::ui
