#include "ui/shell/serviceindicator.h"

#include "ui/shell/statepresentation.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>

namespace qaconsole::ui {

namespace {

constexpr int sideMargin = 8;
constexpr int dotDiameter = 10;
constexpr int dotGap = 6;

} // namespace

ServiceIndicator::ServiceIndicator(stack::ServiceKind kind, QWidget* parent)
    : ServiceIndicator(stack::serviceName(kind), stack::serviceTitle(kind), parent)
{}

ServiceIndicator::ServiceIndicator(const QString& name, const QString& title, QWidget* parent)
    : QWidget(parent), m_name(name), m_title(title), m_text(new QLabel(this)),
      m_action(new QLabel(this))
{
    setObjectName(name + QStringLiteral("Indicator"));
    auto* layout = new QHBoxLayout(this);
    // The dot is painted in the left margin: drawn at paint time it stays round and sharp at
    // any scale factor, where a pixmap would have to be redone for each screen.
    layout->setContentsMargins(sideMargin + dotDiameter + dotGap, 0, sideMargin, 0);
    layout->setSpacing(8);
    layout->addWidget(m_text);
    layout->addWidget(m_action);
    m_action->setObjectName(name + QStringLiteral("IndicatorAction"));
    m_action->hide();
    connect(m_action, &QLabel::linkActivated, this, &ServiceIndicator::actionTriggered);

    present(unknownStatePresentation());
    setToolTip(tr("No status received yet"));
}

QString ServiceIndicator::text() const
{
    return m_text->text();
}

QString ServiceIndicator::action() const
{
    return m_action->isHidden() ? QString() : m_action->property("action").toString();
}

void ServiceIndicator::showStatus(const stack::ServiceStatus& status)
{
    QStringList tip;
    if (!status.address.isEmpty())
        tip << tr("Address: %1").arg(status.address);
    if (status.external)
        tip << tr("External service");
    if (!status.message.isEmpty())
        tip << status.message;
    present(statePresentation(status.state));
    setToolTip(tip.isEmpty() ? m_title : tip.join(QLatin1Char('\n')));
    m_action->hide();
}

void ServiceIndicator::showIndication(const Indication& indication)
{
    present({indication.label, indication.tone});
    setToolTip(indication.toolTip.isEmpty() ? m_title : indication.toolTip);
    m_action->setProperty("action", indication.action);
    m_action->setText(
        QStringLiteral("<a href=\"action\">%1</a>").arg(indication.action.toHtmlEscaped()));
    m_action->setVisible(!indication.action.isEmpty());
}

void ServiceIndicator::paintEvent(QPaintEvent* event)
{
    QWidget::paintEvent(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(m_color);
    const QRectF dot(sideMargin, (height() - dotDiameter) / 2.0, dotDiameter, dotDiameter);
    painter.drawEllipse(dot);
}

void ServiceIndicator::present(const StatePresentation& presentation)
{
    m_color = presentation.color();
    m_text->setText(QStringLiteral("%1: %2").arg(m_title, presentation.label));
    update();
}

} // namespace qaconsole::ui
