#pragma once

#include "loadgen/requestmix.h"

#include <QWidget>

#include <array>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

namespace qaconsole::ui {

// What each request of a run is: the storefront mix (the eight Q&A routes, each with a weight
// and on or off, their ids drawn from one distribution over the id ranges of the products,
// questions and answers, or from a sample of the ids in the database, read when the run starts)
// or a single URL (one GET of a path on the target).
//
// Route details the editor does not show (paging, photos, checks) are kept from the mix last
// given to setMix(), so a scenario file opened and saved again loses nothing of them.
//
// Named for tests: "mixModeCombo", "mixTable" (column 0 checkable, column 1 the weight),
// "idDistributionCombo" (item data: the IdDistribution::Kind), "zipfExponentSpin",
// "databaseSampleSpin", "databaseIdsNote", "productMaxSpin", "questionMaxSpin", "answerMaxSpin",
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

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent* event) override;

private:
    static constexpr int kRoutes = 8; // the Q&A routes, in loadgen::Route order
    QWidget* createMixPanel();
    QWidget* createSinglePanel();
    loadgen::IdDistribution idsFor(const QString& kind) const;
    loadgen::IdDistribution::Kind distributionKind() const;
    void distributionChanged();
    void validate();

    QComboBox* m_mode = nullptr;
    QStackedWidget* m_panels = nullptr;
    QTableWidget* m_table = nullptr;
    QComboBox* m_distribution = nullptr;
    QDoubleSpinBox* m_exponent = nullptr;
    QSpinBox* m_sample = nullptr;
    QLabel* m_databaseNote = nullptr;
    QSpinBox* m_productMax = nullptr;
    QSpinBox* m_questionMax = nullptr;
    QSpinBox* m_answerMax = nullptr;
    QLineEdit* m_path = nullptr;
    std::array<loadgen::RouteSpec, kRoutes> m_templates;
    std::vector<loadgen::Check> m_checks; // of the whole mix, kept from setMix()
    QString m_name;
    QStringList m_errors;
};

} // namespace qaconsole::ui
