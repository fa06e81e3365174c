#pragma once

#include "report/reportmodel.h"

// A realistic comparison to render and test against: a client at 40 million requests a month
// with a 1,000 requests/s peak, and three tiers measured by the capacity search (docs/
// capacity.md) on a server whose p99 rises sharply past its capacity:
//   Tier A  1 instance, no cache             capacity    872 requests/s, $12/month
//   Tier B  1 instance + Redis, "balanced"   capacity  5,868 requests/s, $24/month
//   Tier B  the same under "strict"          at least  4,149 (a trial was invalid)
//   Tier C  3 instances + nginx + Redis      capacity 13,959 requests/s, $54/month
// with a scaling projection from 1, 2 and 3 instances and a full appendix.
namespace qaconsole::report::test {

ReportModel sampleReport();

// The same report a month earlier: Tier B carried less, Tier C cost less, Tier B's strict
// policy had not been measured and a Tier D was still in the comparison.
ReportModel earlierSampleReport();

} // namespace qaconsole::report::test
