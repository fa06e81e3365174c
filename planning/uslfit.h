#pragma once

#include <QString>

#include <utility>
#include <vector>

namespace qaconsole::planning {

// A capacity measured at a number of backend instances: requests/s the tier sustained under
// the SLO with that many instances.
struct UslPoint
{
    int instances = 0;
    double capacity = 0;
};

// The fewest distinct instance counts a fit is drawn from: with three parameters, three points
// always fit exactly and say nothing about how well the law describes the tier.
inline constexpr int kUslMinimumCounts = 4;

// A fit explaining less of the measured differences than this is said to be untrustworthy.
inline constexpr double kUslTrustedRSquared = 0.9;

// The Universal Scalability Law fitted to measured capacities:
//   X(n) = lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1))
// lambda is the capacity of one instance without any sharing, sigma the contention (the share
// of the work that waits for something every instance shares), kappa the coherency (the cost of
// every pair of instances keeping each other consistent). sigma and kappa are never negative.
struct UslFit
{
    bool possible = false;
    QString whyNot; // when not possible: the reason, for the user
    double lambda = 0;
    double sigma = 0;
    double kappa = 0;
    // 1 - (squared errors of the capacities) / (their squared spread around their mean): how
    // much of the measured differences the curve explains.
    double rSquared = 0;
    std::vector<UslPoint> measured; // the points used, by instance count

    // The capacity predicted for n instances (0 when the fit is not possible).
    double predict(double n) const;
    // The whole number of instances with the highest predicted capacity; 0 when there is no
    // peak (kappa is 0 and sigma at most 1: capacity never falls; it grows towards
    // lambda / sigma) or no fit.
    int peakInstances() const;
    // The most instances a capacity was measured at; predictions beyond are projections.
    int largestMeasured() const;
};

// Least squares on the capacities, with sigma and kappa kept at 0 or above. Points without a
// positive, finite capacity or with fewer than one instance are left out (a capacity search
// that found none). Fewer than kUslMinimumCounts distinct instance counts: not possible.
UslFit fitUsl(std::vector<UslPoint> points);

// sigma, kappa and the peak in plain words for someone who is not an engineer, with the
// percentages; the reason when the fit is not possible.
QString explainUsl(const UslFit& fit);

// The predicted capacity at 1, 2, ... upTo instances (nothing without a fit). Counts above
// fit.largestMeasured() are projections: callers label them "projected, not measured".
std::vector<std::pair<int, double>> projectUsl(const UslFit& fit, int upTo);

} // namespace qaconsole::planning
