#pragma once

#include "backend/tier/tierspec.h"
#include "core/fielderror.h"

#include <QList>
#include <QString>

namespace qaconsole::ui {

// The tiers file as the Tiers page edits it: the list, what changed since it was read or saved,
// and the mistakes of the latest load or save, each with its field ("tiers[1].instances"), by
// the file's own rules (tier::validateTiers). Data only: no widget, no signal.
class TierList
{
public:
    explicit TierList(QString path);

    const QString& path() const { return m_path; }
    const QList<tier::TierSpec>& tiers() const { return m_tiers; }
    bool isModified() const { return m_modified; }
    // The file's mistakes as read by reload(), then the rules' verdict on the list after each
    // edit, or why save() could not write it.
    const core::FieldErrors& errors() const { return m_errors; }
    // The errors whose field is one of tier `index`'s ("tiers[1].cache" -> "cache"), keyed by
    // the field's name within the tier; the tier's own (whole-tier) errors under "".
    QList<core::FieldError> errorsOf(int index) const;

    // Reads the file again (the built-in tiers when it does not exist); changes are dropped.
    void reload();
    // Each returns the index of the tier it made.
    int add();
    int duplicate(int index);
    void change(int index, const tier::TierSpec& spec);
    void remove(int index);
    // The file's rules on the list as it is; nothing is changed.
    core::FieldErrors validate() const;
    // Writes the list when validate() finds nothing; errors() says why not otherwise.
    bool save();

    // `spec` with a policy file given relative to the tiers file made absolute.
    tier::TierSpec resolved(const tier::TierSpec& spec) const;

private:
    QString baseDir() const;
    QString unusedName(const QString& stem) const;

    QString m_path;
    QList<tier::TierSpec> m_tiers;
    core::FieldErrors m_errors;
    bool m_modified = false;
};

} // namespace qaconsole::ui
