#include "ui/cache/cachepage.h"

#include "backend/cache/responsecache.h"
#include "ui/cache/cachefiguresview.h"
#include "ui/cache/hitratiochart.h"
#include "ui/cache/messagelabel.h"
#include "ui/cache/policypanel.h"
#include "ui/shell/backgroundlane.h"
#include "ui/shell/cardframe.h"
#include "ui/shell/statusbanner.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace qaconsole::ui {

using cache::DataClass;
using Acks = std::vector<std::pair<std::uint64_t, std::int64_t>>;

namespace {

QString classWord(std::optional<DataClass> dataClass)
{
    if (!dataClass)
        return CachePage::tr("everything");
    return *dataClass == DataClass::Questions ? CachePage::tr("the question lists")
                                              : CachePage::tr("the answer lists");
}

// What a publish came back with.
struct PublishOutcome
{
    cache::PolicyErrors errors;
    bool published = false;
    Acks acks;
};

// What the usage timer came back with.
struct UsageOutcome
{
    cache::RedisUsage usage;
    Acks acks;
};

} // namespace

CachePage::CachePage(QWidget* parent)
    : Page(parent), m_lane(new BackgroundLane(QStringLiteral("cache-control"), this)),
      m_sampleTimer(new QTimer(this)), m_usageTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("cachePage"));

    m_note = new StatusBanner(QStringLiteral("cacheAvailability"));

    m_policy = new PolicyPanel;
    auto* policyCard = new CardFrame(tr("Policy"));
    policyCard->setObjectName(QStringLiteral("cachePolicyCard"));
    policyCard->contentLayout()->addWidget(m_note);
    policyCard->contentLayout()->addWidget(m_policy);
    connect(m_policy, &PolicyPanel::applyRequested, this, &CachePage::apply);

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

    m_sampleTimer->setInterval(kSampleIntervalMs);
    connect(m_sampleTimer, &QTimer::timeout, this, &CachePage::sample);
    m_usageTimer->setInterval(kUsageIntervalMs);
    connect(m_usageTimer, &QTimer::timeout, this, &CachePage::readUsage);

    applyPalette();
    present();
}

CachePage::~CachePage()
{
    shutdown();
}

QString CachePage::title() const
{
    return tr("Cache");
}

QIcon CachePage::icon() const
{
    return QIcon(QStringLiteral(":/icons/cache.svg"));
}

void CachePage::setCache(std::shared_ptr<cache::ResponseCache> cache)
{
    if (m_shutDown || cache == m_cache)
        return;
    m_cache = std::move(cache);
    ++m_generation;
    m_applying = m_flushing = m_usagePending = false;
    m_published.reset();
    m_policy->showStatus(QString(), PolicyPanel::StatusKind::Quiet);
    m_flushStatus->clear();
    m_chart->reset();
    m_figures->showIdle();
    if (m_cache) {
        m_policy->setBaseline(*m_cache->policy());
        m_figures->setRedisUsage(std::nullopt, m_cache->options().redis.has_value());
        sample();
        readUsage();
        m_sampleTimer->start();
        m_usageTimer->start();
    } else {
        m_sampleTimer->stop();
        m_usageTimer->stop();
    }
    present();
}

void CachePage::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    m_sampleTimer->stop();
    m_usageTimer->stop();
    m_lane->shutdown();
    m_cache.reset();
    m_applying = m_flushing = m_usagePending = false;
    present();
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

void CachePage::apply(cache::CachePolicy policy)
{
    if (!m_cache || m_applying || m_shutDown)
        return;
    policy.version = m_cache->policy()->version + 1;
    m_applying = true;
    m_policy->showStatus(tr("Applying version %1…").arg(policy.version),
                         PolicyPanel::StatusKind::Quiet);
    present();
    const std::uint64_t generation = m_generation;
    m_lane->post(
        [cache = m_cache, policy] {
            PublishOutcome outcome;
            outcome.errors = cache->publishPolicy(policy, &outcome.published);
            if (outcome.errors.isEmpty())
                outcome.acks = cache->policyAcks();
            return outcome;
        },
        [this, generation, policy](const PublishOutcome& outcome) {
            if (generation != m_generation)
                return;
            m_applying = false;
            if (!outcome.errors.isEmpty()) {
                m_policy->showStatus(tr("Not applied: %1").arg(outcome.errors.first().text()),
                                     PolicyPanel::StatusKind::Problem);
            } else {
                m_published = outcome.published;
                m_policy->setBaseline(*m_cache->policy());
                showAcks(outcome.acks);
            }
            present();
        });
}

void CachePage::flush(std::optional<DataClass> dataClass)
{
    if (!m_cache || m_flushing || m_shutDown)
        return;
    const QString what = classWord(dataClass);
    const auto answer = QMessageBox::question(
        this, tr("Flush the cache"),
        tr("Drop %1 from the cache, here, in Redis and on every backend instance?").arg(what),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    // The cache may have gone while the question was open.
    if (answer != QMessageBox::Yes || !m_cache || m_shutDown)
        return;
    m_flushing = true;
    m_flushStatus->setText(tr("Flushing %1…").arg(what));
    present();
    const std::uint64_t generation = m_generation;
    m_lane->post([cache = m_cache, dataClass] { return cache->flush(dataClass); },
                 [this, generation, what](bool reachedRedis) {
                     if (generation != m_generation)
                         return;
                     m_flushing = false;
                     m_flushStatus->setText(
                         reachedRedis || !m_cache->options().redis
                             ? tr("Flushed %1.").arg(what)
                             : tr("Flushed %1 here; Redis could not be reached, so its copies "
                                  "stay until they expire.")
                                   .arg(what));
                     present();
                     sample();
                 });
}

void CachePage::sample()
{
    if (!m_cache)
        return;
    const cache::CacheStats stats = m_cache->stats();
    m_chart->addSample(QDateTime::currentMSecsSinceEpoch(), stats);
    m_figures->setStats(stats);
    // Another instance (or a console elsewhere) published a newer policy.
    if (stats.policyVersion != m_policy->baseline().version && !m_applying)
        m_policy->setBaseline(*m_cache->policy());
}

void CachePage::readUsage()
{
    if (!m_cache || m_usagePending || m_shutDown)
        return;
    m_usagePending = true;
    const std::uint64_t generation = m_generation;
    m_lane->post(
        [cache = m_cache] {
            UsageOutcome outcome;
            if (cache->options().redis) {
                outcome.usage = cache->redisUsage(true);
                outcome.acks = cache->policyAcks();
            }
            return outcome;
        },
        [this, generation](const UsageOutcome& outcome) {
            if (generation != m_generation)
                return;
            m_usagePending = false;
            const bool redis = m_cache->options().redis.has_value();
            m_figures->setRedisUsage(outcome.usage, redis);
            if (outcome.usage.ok && m_published == false)
                m_published.reset(); // Redis is back: the acknowledgements tell the rest
            if (!m_applying && (outcome.usage.ok || !redis))
                showAcks(outcome.acks);
        });
}

void CachePage::showAcks(const Acks& acks)
{
    const cache::CachePolicy& inForce = m_policy->baseline();
    const QString version = tr("Version %1 (%2)").arg(inForce.version).arg(inForce.name);
    if (!m_cache->options().redis) {
        m_policy->showStatus(tr("%1 is in force. This backend runs without Redis, so no other "
                                "instance shares it.")
                                 .arg(version),
                             PolicyPanel::StatusKind::Good);
        return;
    }
    if (m_published == false) {
        m_policy->showStatus(tr("%1 is in force on this instance only: Redis could not be "
                                "reached, so the other instances keep theirs.")
                                 .arg(version),
                             PolicyPanel::StatusKind::Problem);
        return;
    }
    if (acks.empty()) {
        // Nothing was ever published in this namespace: each instance runs its own start-up
        // policy, and there is nobody to count yet.
        m_policy->showStatus(tr("%1 is in force here.").arg(version),
                             PolicyPanel::StatusKind::Quiet,
                             tr("Apply publishes a policy to every instance that shares this "
                                "Redis, and each reports the version it took."));
        return;
    }
    qsizetype current = 0;
    QStringList lines;
    for (const auto& [instance, taken] : acks) {
        current += taken >= inForce.version ? 1 : 0;
        lines.append(tr("Instance %1%2: version %3")
                         .arg(instance, 16, 16, QLatin1Char('0'))
                         .arg(instance == m_cache->instanceId() ? tr(" (this console)") : QString())
                         .arg(taken));
    }
    const auto total = qsizetype(acks.size());
    const bool all = current == total;
    m_policy->showStatus(
        tr("%1 is in force on %2 of %3 instances.").arg(version).arg(current).arg(total),
        all ? PolicyPanel::StatusKind::Good : PolicyPanel::StatusKind::Problem, lines.join(u'\n'));
}

void CachePage::present()
{
    const bool available = m_cache != nullptr && !m_shutDown;
    m_policy->setApplyAvailable(available);
    m_policy->setBusy(m_applying);
    for (QPushButton* button : {m_flushQuestions, m_flushAnswers, m_flushAll})
        button->setEnabled(available && !m_flushing);

    QString note;
    Tone tone = Tone::Neutral;
    if (!available) {
        note = tr("The cache is available while the API backend runs: start it on the API page. "
                  "With Redis running, it is shared by every backend instance. You can prepare "
                  "a policy here meanwhile; Apply and the flush buttons wait for the backend.");
    } else if (!m_cache->options().redis) {
        tone = Tone::Busy; // a caution: other instances serve other entries
        note = tr("This backend caches in its own memory only (no Redis): other instances do not "
                  "share its entries or its policy.");
    }
    m_note->showStatus(tone, note);
    if (!available)
        m_figures->showIdle();
}

void CachePage::applyPalette()
{
    const QPalette colors = QApplication::palette(this);
    setTextColor(m_flushStatus, secondaryText(colors));
}

} // namespace qaconsole::ui
