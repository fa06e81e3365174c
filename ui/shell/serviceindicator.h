#pragma once

#include "backend/stack/servicestatus.h"
#include "ui/shell/tonecolor.h"

#include <QColor>
#include <QWidget>

class QLabel;

namespace qaconsole::ui {

struct StatePresentation;

// What an indicator shows for something that is not a stack service: its state in words, the
// tone the dot takes, the tooltip, and at most one action that fixes the state ("Load
// dataset"), offered as a link beside the text; no link when `action` is empty.
struct Indication
{
    QString label; // "running", "waiting for data"
    Tone tone = Tone::Neutral;
    QString toolTip;
    QString action;
};

// One service in the status bar: a coloured dot and "PostgreSQL: running", with the address
// and the latest message in its tooltip. Shows "unknown" until the first status arrives.
//
// A stack service is known by its ServiceKind; anything else with the same life cycle (the
// embedded API backend) is known by a name and a title and shown through showIndication().
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
    // The dot's colour (see statePresentation() and toneColor()).
    QColor color() const { return m_color; }
    // The action link's text; empty when none is offered.
    QString action() const;

    void showStatus(const stack::ServiceStatus& status);
    // Shows `indication`, with its tooltip (the title when empty) under the mouse.
    void showIndication(const Indication& indication);

Q_SIGNALS:
    // The action link was clicked.
    void actionTriggered();

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void present(const StatePresentation& presentation);

    QString m_name;
    QString m_title;
    QColor m_color;
    QLabel* m_text;
    QLabel* m_action;
};

} // namespace qaconsole::ui
