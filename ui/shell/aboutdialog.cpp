#include "ui/shell/aboutdialog.h"

#include "ui/shell/theme.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace qaconsole::ui {

namespace {

QLabel* valueLabel(const QString& text, const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel* quietLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    setTextColor(label, secondaryText(parent->palette()));
    return label;
}

} // namespace

AboutDialog::AboutDialog(const QMap<stack::ServiceKind, QString>& serviceVersions, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About qaconsole"));

    auto* icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/qaconsole.svg")).pixmap(72, 72));
    icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);

    auto* name = new QLabel(QStringLiteral("qaconsole"), this);
    QFont nameFont = name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.7);
    nameFont.setWeight(QFont::DemiBold);
    name->setFont(nameFont);

    auto* version = valueLabel(tr("Version %1").arg(QStringLiteral(QACONSOLE_VERSION)),
                               QStringLiteral("appVersionLabel"), this);
    auto* description =
        new QLabel(tr("A desktop console for engineers who run a Q&A API backend: its local "
                      "PostgreSQL and Redis, data loads, cache policies and load tests."),
                   this);
    description->setWordWrap(true);

    auto* rule = new QFrame(this);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Plain);
    QPalette rulePalette = rule->palette();
    rulePalette.setColor(QPalette::WindowText, hairline(palette()));
    rule->setPalette(rulePalette);

    auto* versions = new QFormLayout;
    versions->setHorizontalSpacing(18);
    versions->setVerticalSpacing(6);
    versions->setLabelAlignment(Qt::AlignLeft);
    versions->addRow(
        quietLabel(tr("Qt"), this),
        valueLabel(tr("%1 (built with %2)")
                       .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR)),
                   QStringLiteral("qtVersionLabel"), this));
    for (auto it = serviceVersions.cbegin(); it != serviceVersions.cend(); ++it) {
        const QString found = it.value().isEmpty() ? tr("not found") : it.value();
        versions->addRow(
            quietLabel(stack::serviceTitle(it.key()), this),
            valueLabel(found, stack::serviceName(it.key()) + QStringLiteral("VersionLabel"), this));
    }

    auto* text = new QVBoxLayout;
    text->setSpacing(6);
    text->addWidget(name);
    text->addWidget(version);
    text->addSpacing(6);
    text->addWidget(description);
    text->addSpacing(8);
    text->addWidget(rule);
    text->addSpacing(8);
    text->addLayout(versions);

    auto* body = new QHBoxLayout;
    body->setSpacing(20);
    body->addWidget(icon);
    body->addLayout(text, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 18);
    layout->setSpacing(18);
    layout->addLayout(body);
    layout->addWidget(buttons);
    setMinimumWidth(460);
    setFixedHeight(sizeHint().height());
}

} // namespace qaconsole::ui
