#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace qaconsole::loadgen {

// How load is generated, named as k6 names its executors.
// Closed models keep a number of connections busy: each sends its next request when an answer
// arrives, so a slow server slows the load down with it. Open models send at scheduled times
// whatever the server does, and measure latency from those times.
enum class LoadModel
{
    ConstantVus,         // closed: `connections` for the whole run (loader.io "clients per test")
    RampingVus,          // closed: connections follow the stages (loader.io "maintain client load")
    ConstantArrivalRate, // open: `rate` requests per second (loader.io "clients per second")
    RampingArrivalRate   // open: the rate follows the stages
};

bool isOpenModel(LoadModel model);
bool isRampingModel(LoadModel model);
QString modelName(LoadModel model); // the k6 name

// A k6 name or one of loader.io's three test types ("clients-per-test", "clients per test",
// "maintain-client-load", "clients-per-second"), case-insensitive.
std::optional<LoadModel> parseLoadModel(const QString& name);
QStringList loadModelNames(); // every accepted spelling, for help texts and errors

} // namespace qaconsole::loadgen
