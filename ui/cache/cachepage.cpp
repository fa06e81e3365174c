#include "ui/cache/cachepage.h"

#include "ui/cache/cachecontroller.h"
#include "ui/cache/cachefiguresview.h"
#include "ui/cache/hitratiochart.h"
#include "ui/cache/messagelabel.h"
#include "ui/cache/policypanel.h"
#include "ui/shell/cardframe.h"
#include "ui/shell/statusbanner.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace qaconsole::ui {

using cache::DataClass;

CachePage::CachePage(CacheController& controller, QWidget* parent)
    : Page(parent), m_controller(controller)
{
    setObjectName(QStringLiteral("cachePage"));

    m_note = new StatusBanner(QStringLiteral("cacheAvailability"));

    m_policy = new PolicyPanel(m_controller);
    auto* policyCard = new CardFrame(tr("Policy"));
    policyCard->setObjectName(QStringLiteral("cachePolicyCard"));
    policyCard->contentLayout()->addWidget(m_note);
    policyCard->contentLayout()->addWidget(m_policy);

    auto* cards = new QWidget;
    cards->setAutoFillBackground(false);
    auto* cardLayout = new QVBoxLayout(cards);
    cardLayout->setContentsMargins(0, 0, 0, 0);
    cardLayout->setSpacing(16);
    cardLayout->addWidget(policyCard);
    cardLayout->addWidget(createActivityCard(), 1);

    setScrollingContent(tr("Decides how long the API's answers are reused before the database is "
                           "asked again, and shows how often they are."),
                        cards);

    connect(&m_controller, &CacheController::changed, this, &CachePage::present);
    connect(&m_controller, &CacheController::cacheReset, this, &CachePage::cacheReset);
    connect(&m_controller, &CacheController::sampled, this,
            [this](qint64 msSinceEpoch, const cache::CacheStats& stats) {
                m_chart->addSample(msSinceEpoch, stats);
                m_figures->setStats(stats);
            });
    connect(&m_controller, &CacheController::usageChanged, this, [this] {
        m_figures->setRedisUsage(m_controller.redisUsage(), m_controller.usesRedis());
    });

    applyPalette();
    cacheReset();
    if (m_controller.isAvailable())
        m_figures->setRedisUsage(m_controller.redisUsage(), m_controller.usesRedis());
    present();
}

CachePage::~CachePage() = default;

QString CachePage::title() const
{
    return tr("Cache");
}

QIcon CachePage::icon() const
{
    return QIcon(QStringLiteral(":/icons/cache.svg"));
}

void CachePage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyPalette();
    Page::changeEvent(event);
}

QWidget* CachePage::createActivityCard()
{
    auto* card = new CardFrame(tr("Activity"));
    card->setObjectName(QStringLiteral("cacheActivityCard"));
    m_figures = new CacheFiguresView(card);
    m_chart = new HitRatioChart(card);

    m_flushQuestions = new QPushButton(tr("Flush questions…"), card);
    m_flushQuestions->setObjectName(QStringLiteral("cacheFlushQuestionsButton"));
    m_flushAnswers = new QPushButton(tr("Flush answers…"), card);
    m_flushAnswers->setObjectName(QStringLiteral("cacheFlushAnswersButton"));
    m_flushAll = new QPushButton(tr("Flush everything…"), card);
    m_flushAll->setObjectName(QStringLiteral("cacheFlushAllButton"));
    connect(m_flushQuestions, &QPushButton::clicked, this, [this] { flush(DataClass::Questions); });
    connect(m_flushAnswers, &QPushButton::clicked, this, [this] { flush(DataClass::Answers); });
    connect(m_flushAll, &QPushButton::clicked, this, [this] { flush(std::nullopt); });
    m_flushStatus = messageLabel(QStringLiteral("cacheFlushStatus"), card);

    auto* flushRow = new QHBoxLayout;
    flushRow->setSpacing(8);
    flushRow->addWidget(m_flushStatus, 1);
    flushRow->addSpacing(12);
    for (QPushButton* button : {m_flushQuestions, m_flushAnswers, m_flushAll}) {
        button->setToolTip(tr("Drops the entries here, in Redis and on every instance; the next "
                              "reads go to the database"));
        flushRow->addWidget(button);
    }

    QVBoxLayout* content = card->contentLayout();
    content->addWidget(m_figures);
    content->addSpacing(4);
    content->addWidget(m_chart, 1);
    content->addLayout(flushRow);
    return card;
}

void CachePage::flush(std::optional<DataClass> dataClass)
{
    if (!m_controller.isAvailable() || m_controller.isFlushing())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Flush the cache"),
        tr("Drop %1 from the cache, here, in Redis and on every backend instance?")
            .arg(CacheController::classWord(dataClass)),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    // The controller does nothing when the cache went while the question was open.
    if (answer == QMessageBox::Yes)
        m_controller.flush(dataClass);
}

void CachePage::cacheReset()
{
    m_chart->reset();
    m_figures->showIdle();
}

void CachePage::present()
{
    const bool available = m_controller.isAvailable();
    for (QPushButton* button : {m_flushQuestions, m_flushAnswers, m_flushAll})
        button->setEnabled(available && !m_controller.isFlushing());
    m_flushStatus->setText(m_controller.flushStatus());
    const Notice note = m_controller.availability();
    m_note->showStatus(note.tone, note.text);
    if (!available)
        m_figures->showIdle();
}

void CachePage::applyPalette()
{
    const QPalette colors = QApplication::palette(this);
    setTextColor(m_flushStatus, secondaryText(colors));
}

} // namespace qaconsole::ui
