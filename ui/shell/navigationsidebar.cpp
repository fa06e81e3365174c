#include "ui/shell/navigationsidebar.h"

#include "ui/shell/theme.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace qaconsole::ui {

namespace {

constexpr int sidebarWidth = 208;
constexpr int iconSize = 20;

QWidget* createBrand(QWidget* parent)
{
    auto* brand = new QWidget(parent);
    auto* icon = new QLabel(brand);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/qaconsole.svg")).pixmap(32, 32));
    auto* name = new QLabel(QObject::tr("Q&A Console"), brand);
    QFont font = name->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    font.setWeight(QFont::DemiBold);
    name->setFont(font);

    auto* layout = new QHBoxLayout(brand);
    layout->setContentsMargins(16, 16, 16, 12);
    layout->setSpacing(10);
    layout->addWidget(icon);
    layout->addWidget(name, 1);
    return brand;
}

} // namespace

NavigationSidebar::NavigationSidebar(QWidget* parent)
    : QFrame(parent), m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("navigationSidebar"));
    setFixedWidth(sidebarWidth);

    m_list->setObjectName(QStringLiteral("navigationList"));
    m_list->setIconSize(QSize(iconSize, iconSize));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setUniformItemSizes(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createBrand(this));
    layout->addWidget(m_list, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, &NavigationSidebar::currentIndexChanged);
    applyStyle();
}

void NavigationSidebar::addEntry(const QIcon& icon, const QString& title)
{
    auto* item = new QListWidgetItem(icon, title, m_list);
    item->setToolTip(title);
    if (m_list->count() == 1)
        m_list->setCurrentRow(0);
}

int NavigationSidebar::currentIndex() const
{
    return m_list->currentRow();
}

void NavigationSidebar::setCurrentIndex(int index)
{
    m_list->setCurrentRow(index);
}

void NavigationSidebar::changeEvent(QEvent* event)
{
    // Style sheets do not follow palette changes on their own, so the colours are rebuilt. Only
    // the application's palette counts: the style sheet itself changes this widget's palette.
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyStyle();
    QFrame::changeEvent(event);
}

void NavigationSidebar::applyStyle()
{
    const QPalette colors = QApplication::palette(this);
    const QColor text = colors.color(QPalette::Text);
    const QColor selectedText = blend(colors.color(QPalette::Highlight), text, 0.3);
    setStyleSheet(
        QStringLiteral(
            "QFrame#navigationSidebar { background: %1; border: none;"
            " border-right: 1px solid %2; }"
            "QListWidget#navigationList { background: transparent; border: none; outline: 0;"
            " padding: 4px 10px; }"
            "QListWidget#navigationList::item { color: %3; padding: 9px 10px; margin: 1px 0;"
            " border-radius: 6px; }"
            "QListWidget#navigationList::item:hover { background: %4; }"
            "QListWidget#navigationList::item:selected { background: %5; color: %6; }")
            .arg(colors.color(QPalette::Base).name(), hairline(colors).name(), text.name(),
                 hoverTint(colors).name(), selectionTint(colors).name(), selectedText.name()));
}

} // namespace qaconsole::ui
