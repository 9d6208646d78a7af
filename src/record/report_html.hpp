#pragma once
// report.html: a static page of plots beside summary.json, readable without the viewer: the
// engagement timeline (a Gantt row per threat from launch through detection, tracking and the first
// interceptor to its kill or leak, with every interceptor's launch and end on it), kills by layer,
// and interceptor use per layer.
#include <string>

#include "record/run_record.hpp"
#include "record/summary.hpp"

namespace skyshield {

std::string report_html(const RunRecord& run, const Summary& summary);

}  // namespace skyshield
