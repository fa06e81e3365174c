#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace qaconsole::tier {

// The passwords of an exported tier. Generated once (24 random letters and digits each) and kept
// in the bundle's secrets.env (0600): exporting again into the same folder keeps them, so hosts
// already set up keep working; deleting secrets.env before an export makes new ones.
struct BundleSecrets
{
    QString postgresPassword;   // the application role's
    QString redisPassword;      // the ACL user the instances log in as
    QString redisAdminPassword; // the ACL user for operators (redis-cli), every command

    static BundleSecrets generate();
    // secrets.env's text, and back: nothing when a password is missing or the text is not such
    // a file.
    QByteArray toEnvFile() const;
    static std::optional<BundleSecrets> fromEnvFile(const QByteArray& text);

    friend bool operator==(const BundleSecrets&, const BundleSecrets&) = default;
};

} // namespace qaconsole::tier
