#include "planning/uslfit.h"

#include "planning/plantext.h"

#include <QStringList>

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

namespace qaconsole::planning {

namespace {

// lambda, sigma, kappa; sigma and kappa are bounded below by 0.
using Params = std::array<double, 3>;

double uslCapacity(const Params& p, double n)
{
    return p[0] * n / (1 + p[1] * (n - 1) + p[2] * n * (n - 1));
}

double squaredError(const Params& p, const std::vector<UslPoint>& points)
{
    double sum = 0;
    for (const UslPoint& point : points) {
        const double residual = point.capacity - uslCapacity(p, point.instances);
        sum += residual * residual;
    }
    return sum;
}

// lambda to start from: the capacity of one instance when it was measured (the mean of its
// trials); otherwise the highest capacity per instance, which is where lambda would be if the
// best-scaling point had no contention at all.
double startingLambda(const std::vector<UslPoint>& points)
{
    double sum = 0;
    int ones = 0;
    double perInstance = 0;
    for (const UslPoint& point : points) {
        if (point.instances == 1) {
            sum += point.capacity;
            ++ones;
        }
        perInstance = std::max(perInstance, point.capacity / point.instances);
    }
    return ones > 0 ? sum / ones : perInstance;
}

// The linearised law with lambda fixed: n * lambda / X(n) - 1 = sigma (n - 1) + kappa n (n - 1),
// least squares through the origin. When the two-parameter solution has a negative part, the
// better of the two one-parameter fits (each clamped at 0) is taken instead: with two unknowns
// that is exactly the non-negative least-squares solution.
Params linearisedFit(const std::vector<UslPoint>& points, double lambda)
{
    double saa = 0, sab = 0, sbb = 0, say = 0, sby = 0, syy = 0;
    for (const UslPoint& point : points) {
        const double n = point.instances;
        const double y = n * lambda / point.capacity - 1;
        const double a = n - 1;
        const double b = n * (n - 1);
        saa += a * a;
        sab += a * b;
        sbb += b * b;
        say += a * y;
        sby += b * y;
        syy += y * y;
    }
    const auto residual = [&](double s, double k) {
        return syy - 2 * s * say - 2 * k * sby + s * s * saa + 2 * s * k * sab + k * k * sbb;
    };
    const double det = saa * sbb - sab * sab;
    if (det > 0) {
        const double sigma = (say * sbb - sby * sab) / det;
        const double kappa = (sby * saa - say * sab) / det;
        if (sigma >= 0 && kappa >= 0)
            return {lambda, sigma, kappa};
    }
    const double sigmaOnly = saa > 0 ? std::max(0.0, say / saa) : 0;
    const double kappaOnly = sbb > 0 ? std::max(0.0, sby / sbb) : 0;
    if (residual(sigmaOnly, 0) <= residual(0, kappaOnly))
        return {lambda, sigmaOnly, 0};
    return {lambda, 0, kappaOnly};
}

// Solves a x = b for the first `size` unknowns by Gaussian elimination with partial pivoting;
// false when the system is singular.
bool solve(std::array<std::array<double, 3>, 3> a, std::array<double, 3> b, int size,
           std::array<double, 3>& x)
{
    for (int col = 0; col < size; ++col) {
        int pivot = col;
        for (int row = col + 1; row < size; ++row) {
            if (std::abs(a[row][col]) > std::abs(a[pivot][col]))
                pivot = row;
        }
        if (!(std::abs(a[pivot][col]) > 0))
            return false;
        std::swap(a[col], a[pivot]);
        std::swap(b[col], b[pivot]);
        for (int row = col + 1; row < size; ++row) {
            const double factor = a[row][col] / a[col][col];
            for (int k = col; k < size; ++k)
                a[row][k] -= factor * a[col][k];
            b[row] -= factor * b[col];
        }
    }
    for (int row = size - 1; row >= 0; --row) {
        double sum = b[row];
        for (int k = row + 1; k < size; ++k)
            sum -= a[row][k] * x[k];
        x[row] = sum / a[row][row];
    }
    return true;
}

// Levenberg-Marquardt on the law itself, all three parameters free, sigma and kappa held at 0
// or above. The linearised fit alone is not the least-squares fit of the capacities: its left
// side grows with n / X(n), so it weighs the points of many instances most, and it trusts lambda
// to the one-instance measurement, noise included. Refining from it minimises the errors the
// user sees (and rSquared reports); starting from it keeps the refinement in the right valley.
Params refine(Params p, const std::vector<UslPoint>& points)
{
    double error = squaredError(p, points);
    double damping = 1e-3;
    for (int iteration = 0; iteration < 200 && error > 0; ++iteration) {
        std::array<std::array<double, 3>, 3> jtj{};
        std::array<double, 3> jtr{};
        for (const UslPoint& point : points) {
            const double n = point.instances;
            const double d = 1 + p[1] * (n - 1) + p[2] * n * (n - 1);
            const std::array<double, 3> grad{n / d, -p[0] * n * (n - 1) / (d * d),
                                             -p[0] * n * n * (n - 1) / (d * d)};
            const double residual = point.capacity - uslCapacity(p, n);
            for (int i = 0; i < 3; ++i) {
                jtr[i] += grad[i] * residual;
                for (int j = 0; j < 3; ++j)
                    jtj[i][j] += grad[i] * grad[j];
            }
        }
        // A bound parameter at 0 that the step would push below 0 is held there (an active
        // set), so the others still move to their best values along the bound.
        std::array<int, 3> free{0, 1, 2};
        int size = 3;
        std::array<double, 3> step{};
        bool solved = false;
        for (int attempt = 0; attempt < 3; ++attempt) {
            std::array<std::array<double, 3>, 3> a{};
            std::array<double, 3> b{};
            for (int i = 0; i < size; ++i) {
                for (int j = 0; j < size; ++j)
                    a[i][j] = jtj[free[i]][free[j]];
                a[i][i] *= 1 + damping;
                b[i] = jtr[free[i]];
            }
            std::array<double, 3> x{};
            solved = solve(a, b, size, x);
            if (!solved)
                break;
            step = {};
            for (int i = 0; i < size; ++i)
                step[free[i]] = x[i];
            const auto held = std::find_if(free.begin(), free.begin() + size, [&](int k) {
                return k > 0 && p[k] <= 0 && step[k] < 0;
            });
            if (held == free.begin() + size)
                break;
            std::rotate(held, held + 1, free.begin() + size);
            --size;
            solved = false;
        }
        Params next = p;
        for (int k = 0; k < 3; ++k)
            next[k] = k > 0 ? std::max(0.0, p[k] + step[k]) : p[k] + step[k];
        const double nextError = solved && next[0] > 0 ? squaredError(next, points) : error;
        if (nextError < error) {
            const bool settled = error - nextError <= 1e-15 * error;
            p = next;
            error = nextError;
            damping = std::max(damping / 10, 1e-12);
            if (settled)
                break;
        } else {
            damping *= 10;
            if (damping > 1e12)
                break;
        }
    }
    return p;
}

// "Contention (sigma) is 3.2 %: " and what that means (`meaning`, with %1 for the percentage),
// or what a 0 means (`none`).
QString parameterSentence(const char* name, double value, const QString& meaning,
                          const QString& none)
{
    const QString percent = percentText(std::max(0.0, value));
    return QStringLiteral("%1 is %2: ").arg(QLatin1String(name), percent) +
           (value > 0 ? meaning.arg(percent) : none);
}

double rSquaredOf(const Params& p, const std::vector<UslPoint>& points)
{
    double mean = 0;
    for (const UslPoint& point : points)
        mean += point.capacity;
    mean /= double(points.size());
    double spread = 0;
    for (const UslPoint& point : points)
        spread += (point.capacity - mean) * (point.capacity - mean);
    const double error = squaredError(p, points);
    if (spread <= 0)
        return error <= 1e-12 * mean * mean ? 1 : 0;
    return 1 - error / spread;
}

} // namespace

double UslFit::predict(double n) const
{
    if (!possible)
        return 0;
    return uslCapacity({lambda, sigma, kappa}, n);
}

int UslFit::peakInstances() const
{
    if (!possible)
        return 0;
    // Without coherency, capacity only falls when contention is over 100 %: then one is best.
    if (kappa <= 0)
        return sigma > 1 ? 1 : 0;
    // dX/dn = 0 at n* = sqrt((1 - sigma) / kappa); the whole count beside it that predicts more.
    const double peak = std::sqrt(std::max(0.0, 1 - sigma) / kappa);
    const int below = std::max(1, int(std::floor(peak)));
    const int above = std::max(1, int(std::ceil(peak)));
    return predict(above) > predict(below) ? above : below;
}

int UslFit::largestMeasured() const
{
    int largest = 0;
    for (const UslPoint& point : measured)
        largest = std::max(largest, point.instances);
    return largest;
}

UslFit fitUsl(std::vector<UslPoint> points)
{
    std::erase_if(points, [](const UslPoint& point) {
        return point.instances < 1 || !std::isfinite(point.capacity) || point.capacity <= 0;
    });
    std::stable_sort(points.begin(), points.end(), [](const UslPoint& a, const UslPoint& b) {
        return a.instances < b.instances;
    });
    UslFit fit;
    fit.measured = points;
    std::set<int> counts;
    for (const UslPoint& point : points)
        counts.insert(point.instances);
    if (int(counts.size()) < kUslMinimumCounts) {
        fit.whyNot = QStringLiteral("The fit needs capacities measured at %1 or more instance "
                                    "counts; %2 %3 measured.")
                         .arg(kUslMinimumCounts)
                         .arg(counts.size())
                         .arg(counts.size() == 1 ? QStringLiteral("was") : QStringLiteral("were"));
        return fit;
    }
    const Params p = refine(linearisedFit(points, startingLambda(points)), points);
    fit.possible = true;
    fit.lambda = p[0];
    fit.sigma = p[1];
    fit.kappa = p[2];
    fit.rSquared = rSquaredOf(p, points);
    return fit;
}

std::vector<std::pair<int, double>> projectUsl(const UslFit& fit, int upTo)
{
    std::vector<std::pair<int, double>> rows;
    for (int n = 1; fit.possible && n <= upTo; ++n)
        rows.emplace_back(n, fit.predict(n));
    return rows;
}

QString explainUsl(const UslFit& fit)
{
    if (!fit.possible)
        return fit.whyNot;
    QStringList sentences;
    sentences << QStringLiteral("One instance alone would sustain about %1 requests/s.")
                     .arg(rateText(fit.lambda));
    sentences << parameterSentence(
        "Contention (sigma)", fit.sigma,
        QStringLiteral("about %1 of the work waits its turn for something every instance shares, "
                       "here the one PostgreSQL database and the one Redis, so each instance "
                       "added brings a little less than the one before."),
        QStringLiteral("nothing measured waits for the shared PostgreSQL database or Redis."));
    sentences << parameterSentence(
        "Coherency (kappa)", fit.kappa,
        QStringLiteral("every pair of instances costs about %1 of the work in keeping each other "
                       "consistent, here each instance dropping the cached lists that another "
                       "instance's writes changed (cache invalidation across instances). That "
                       "cost grows with the square of the number of instances, which is what "
                       "eventually makes more instances slower."),
        QStringLiteral("keeping the instances' caches consistent costs nothing measurable."));
    if (const int peak = fit.peakInstances(); peak > 1) {
        sentences << QStringLiteral("Capacity is highest at about %1 instances (%2 requests/s%3); "
                                    "more instances than that lower it.")
                         .arg(peak)
                         .arg(rateText(fit.predict(peak)), peak > fit.largestMeasured()
                                                               ? QStringLiteral(", projected, not "
                                                                                "measured")
                                                               : QString());
    } else if (peak == 1) {
        sentences << QStringLiteral("Capacity is highest with one instance: more instances lower "
                                    "it.");
    } else if (fit.sigma >= 1) {
        sentences << QStringLiteral("More instances add no capacity: all of the work waits for "
                                    "what they share.");
    } else if (fit.sigma > 0) {
        sentences << QStringLiteral("Capacity keeps growing with more instances, but never past "
                                    "about %1 requests/s.")
                         .arg(rateText(fit.lambda / fit.sigma));
    } else {
        sentences << QStringLiteral("Capacity grows in proportion to the number of instances: "
                                    "nothing measured limits it yet.");
    }
    sentences << QStringLiteral("The curve explains %1 of the differences between the measured "
                                "capacities.")
                     .arg(percentText(std::max(0.0, fit.rSquared)));
    // Below this the points scatter more than the law can say anything about.
    if (fit.rSquared < kUslTrustedRSquared)
        sentences << QStringLiteral("That is too little to trust its projection: measure the "
                                    "capacities again.");
    return sentences.join(u' ');
}

} // namespace qaconsole::planning
