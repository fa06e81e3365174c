#pragma once

// The pages include QCustomPlot through the report's wrapper (report/ draws the same charts and
// sits below ui/, so the one wrapper lives there).
#include "report/customplot.h"
