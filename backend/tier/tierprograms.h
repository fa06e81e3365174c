#pragma once

#include "backend/supervise/programspec.h"
#include "backend/supervise/restartpolicy.h"
#include "backend/supervise/supervisedprocess.h"
#include "backend/tier/tierspec.h"

#include <memory>
#include <optional>
#include <vector>

namespace qaconsole::tier {

struct TierRunOptions;

// One program of a tier (an instance or nginx) with its supervision: what TierRunner and
// TierWatcher build from a TierSpec. Internal to backend/tier.
struct TierProgram
{
    QString name; // "instance-1", ..., "nginx"
    std::unique_ptr<supervise::ProgramSpec> spec;
    std::unique_ptr<supervise::SupervisedProcess> process;
};

QString instanceName(int index);

// The instances of `spec`, in order, each on its loopback address.
std::vector<TierProgram> instancePrograms(const TierSpec& spec, const TierRunOptions& options,
                                          supervise::RestartPolicy policy = {});

// nginx in front of `instances`, their addresses as upstreams: build it once the instances
// have their ports (after they started, or from their port files).
TierProgram nginxProgram(const TierSpec& spec, const TierRunOptions& options,
                         const std::vector<TierProgram>& instances,
                         supervise::RestartPolicy policy = {});

// Every program of `spec` in the order they start: the instances, then nginx when it has one.
std::vector<TierProgram> tierPrograms(const TierSpec& spec, const TierRunOptions& options,
                                      supervise::RestartPolicy policy = {});

// Where clients send requests: nginx, or the one instance; empty before it has a port.
QString tierUrl(const std::vector<TierProgram>& programs);

} // namespace qaconsole::tier
