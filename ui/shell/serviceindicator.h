#pragma once

#include "backend/stack/servicestatus.h"

#include <QColor>
#include <QWidget>

class QLabel;

namespace qaconsole::ui {

struct StatePresentation;

// One service in the status bar: a coloured dot and "PostgreSQL: running", with the address
// and the latest message in its tooltip. Shows "unknown" until the first status arrives.
//
// A stack service is known by its ServiceKind; anything else with the same life cycle (the
// embedded API backend) is known by a name and a title and shown through showState().
class ServiceIndicator : public QWidget
{
    Q_OBJECT
public:
    // Named "<service>Indicator" ("postgresIndicator") so tests and style sheets can find it.
    explicit ServiceIndicator(stack::ServiceKind kind, QWidget* parent = nullptr);
    // Named "<name>Indicator" ("apiIndicator"); the text reads "<title>: <state>".
    ServiceIndicator(const QString& name, const QString& title, QWidget* parent = nullptr);

    // stack::serviceName() of the kind ("postgres"), or the name given.
    QString name() const { return m_name; }
    // The text shown next to the dot, e.g. "Redis: crashed".
    QString text() const;
    // The dot's colour (see statePresentation()).
    QColor color() const { return m_color; }

    void showStatus(const stack::ServiceStatus& status);
    // Shows `state`, with `toolTip` (the title when empty) under the mouse.
    void showState(stack::ServiceState state, const QString& toolTip);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void present(const StatePresentation& presentation);

    QString m_name;
    QString m_title;
    QColor m_color;
    QLabel* m_text;
};

} // namespace qaconsole::ui
