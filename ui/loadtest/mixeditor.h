#pragma once

#include "loadgen/databaseids.h"
#include "loadgen/requestmix.h"

#include <QWidget>

#include <array>
#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

namespace qaconsole::ui {

// What each request of a run is: the storefront mix (the eight Q&A routes, each with a weight
// and on or off; loadgen::storefrontMix() is the start, with its ids read from the database when
// the run starts) or a single URL (one GET of a path on the target). The ids can also come from
// one distribution over fixed ranges up to the largest product, question and answer id.
//
// Fixed ranges are checked against what the target's database holds (setLoadedIds()): the
// maximums follow its largest ids until the user types one, and a range that reaches past them
// is named in a warning before the run ("questions go up to 3,518,963 but the database holds ids
// up to 35,190: ..."), since most requests on ids that do not exist get 404.
//
// Route details the editor does not show (paging, photos, checks) are kept from the mix last
// given to setMix(), so a scenario file opened and saved again loses nothing of them.
//
// Named for tests: "mixModeCombo", "mixTable" (column 0 checkable, column 1 the weight),
// "idDistributionCombo" (item data: the IdDistribution::Kind), "zipfExponentSpin",
// "databaseSampleSpin", "databaseIdsNote", "productMaxSpin", "questionMaxSpin", "answerMaxSpin"
// (0 reads "unknown": not typed, not read yet), "idRangeNote" (the check, or why there is none),
// "singlePathEdit".
class MixEditor : public QWidget
{
    Q_OBJECT
public:
    explicit MixEditor(QWidget* parent = nullptr);

    bool isSingleUrl() const;
    // The mix; empty in single-URL mode.
    loadgen::RequestMix mix() const;
    // Single-URL mode: the path and query every request GETs, starting with "/".
    QString singlePath() const;
    QStringList errors() const;

    void setMix(const loadgen::RequestMix& mix);
    void setSingleUrl(const QString& path);

    // What fixed ranges are checked against: the largest ids of `database` ("the database"), or
    // nothing, with `why` the ids cannot be checked ("no database is reachable").
    void setLoadedIds(const std::optional<loadgen::LoadedIds>& loaded, const QString& database,
                      const QString& why);
    // One sentence per kind whose fixed range reaches past the loaded ids; empty otherwise.
    QStringList rangeWarnings() const;

Q_SIGNALS:
    void changed();
    // A distribution over fixed ranges was chosen: they are checked against fresh largest ids.
    void loadedIdsWanted();

protected:
    void changeEvent(QEvent* event) override;

private:
    static constexpr int kRoutes = 8; // the Q&A routes, in loadgen::Route order
    QWidget* createMixPanel();
    QWidget* createSinglePanel();
    loadgen::IdDistribution idsFor(const QString& kind) const;
    loadgen::IdDistribution::Kind distributionKind() const;
    QSpinBox* maxSpin(loadgen::IdSource source) const;
    void setMaxFromData(loadgen::IdSource source, std::int64_t value);
    bool usesSource(loadgen::IdSource source) const; // by a ticked route
    void distributionChanged();
    void checkRanges();
    void validate();

    QComboBox* m_mode = nullptr;
    QStackedWidget* m_panels = nullptr;
    QTableWidget* m_table = nullptr;
    QComboBox* m_distribution = nullptr;
    QDoubleSpinBox* m_exponent = nullptr;
    QSpinBox* m_sample = nullptr;
    QLabel* m_databaseNote = nullptr;
    std::array<QSpinBox*, 3> m_maxSpins{}; // by loadgen::IdSource
    QLabel* m_rangeNote = nullptr;
    QLineEdit* m_path = nullptr;
    // Per IdSource: whether the maximum still follows the database (not typed, not from a file).
    std::array<bool, 3> m_followsData{true, true, true};
    bool m_settingFromData = false;
    std::optional<loadgen::LoadedIds> m_loaded;
    QString m_loadedDatabase;
    QString m_uncheckedWhy;
    QStringList m_rangeWarnings;
    std::array<loadgen::RouteSpec, kRoutes> m_templates;
    std::vector<loadgen::Check> m_checks; // of the whole mix, kept from setMix()
    QString m_name;
    QStringList m_errors;
};

} // namespace qaconsole::ui
