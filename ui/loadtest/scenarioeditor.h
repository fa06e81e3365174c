#pragma once

#include "loadgen/databaseids.h"
#include "loadgen/loaderror.h"
#include "loadgen/scenario.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace qaconsole::ui {

class CardFrame;
class MixEditor;
class StagesEditor;
class ThresholdEditor;

// The Load test page's scenario: where the load goes (the embedded backend by default, or any
// http:// URL), how it is generated (the four k6 models, also under loader.io's names; numbers;
// stages), what the requests are (MixEditor) and what makes the run pass (ThresholdEditor).
// Opened from and saved to scenario files (loadgen/scenariofile.h).
//
// problems() lists, one sentence each, everything that keeps the scenario from running: the
// editors' own errors (shown where they are) and Scenario::validate()'s. changed() follows every
// edit, so the page can enable Start.
//
// Named for tests: "targetCombo", "targetUrlEdit", "modelCombo", "connectionsSpin",
// "rateSpin", "startTargetSpin", "durationSpin", "threadsSpin", "policyCombo",
// "scenarioProblems", "openScenarioButton", "saveScenarioButton".
class ScenarioEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ScenarioEditor(QWidget* parent = nullptr);

    loadgen::Scenario scenario() const;
    void setScenario(const loadgen::Scenario& scenario);
    QStringList problems() const;
    // The embedded backend's base URL, empty while it is not running.
    void setEmbeddedUrl(const QString& url);
    // The tier that is up: offered as a third target, "Tier: NAME (URL)", while `url` is not
    // empty. Chosen when it goes away, "Another server" takes its URL.
    void setTierTarget(const QString& name, const QString& url);
    // Whether the managed database is up, which a mix with ids read from it needs.
    void setDatabaseAvailable(bool available);
    // The largest ids of the managed database, which fixed id ranges are checked against (for
    // another server, as the best guess of what it serves); nothing with why they could not be
    // read (empty: the database is not running).
    void setLoadedIds(const std::optional<loadgen::LoadedIds>& loaded, const QString& error);
    // What the run would do wrong but may still do: a fixed id range past the loaded ids.
    QStringList warnings() const;
    // Whether the scenario's target is the embedded backend (rather than another server).
    bool targetsEmbeddedBackend() const;

    // What Open… does after its file dialog: Io when the file cannot be read, BadScenario with
    // every problem (one "field: message" a line) when it is not a scenario.
    loadgen::LoadStatus openFile(const QString& path);
    // What Save… does: Io with a sentence naming the file when it cannot be written.
    loadgen::LoadStatus saveFile(const QString& path);

Q_SIGNALS:
    void changed();
    // Fixed id ranges were chosen: the page reads the largest ids again (setLoadedIds()).
    void loadedIdsWanted();

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* createFileBar();
    CardFrame* createTargetCard();
    CardFrame* createLoadCard();
    QString targetUrl() const;
    void modelChanged();
    void updateIdCheck();
    void refresh();
    void applyPalette();

    QString m_embeddedUrl;
    QString m_tierName;
    QString m_tierUrl;
    bool m_databaseAvailable = false;
    std::optional<loadgen::LoadedIds> m_loaded;
    QString m_loadedError;
    QStringList m_problems;

    QComboBox* m_target = nullptr;
    QLineEdit* m_url = nullptr;
    QLabel* m_targetNote = nullptr;
    QComboBox* m_model = nullptr;
    QLabel* m_modelNote = nullptr;
    QFormLayout* m_loadForm = nullptr;
    QSpinBox* m_connections = nullptr;
    QDoubleSpinBox* m_rate = nullptr;
    QDoubleSpinBox* m_startTarget = nullptr;
    QSpinBox* m_duration = nullptr;
    QSpinBox* m_threads = nullptr;
    QComboBox* m_policy = nullptr;
    CardFrame* m_stagesCard = nullptr;
    StagesEditor* m_stages = nullptr;
    MixEditor* m_mix = nullptr;
    ThresholdEditor* m_thresholds = nullptr;
    QLabel* m_problemLabel = nullptr;
    QLabel* m_fileLabel = nullptr;
    // The scenario last set: fields the editor does not show (pipeline, timeout, seed, request
    // count, checks) come from it, so opening and saving a file keeps them.
    loadgen::Scenario m_base;
};

} // namespace qaconsole::ui
