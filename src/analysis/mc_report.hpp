#pragma once
// Monte Carlo outputs: statistics as JSON, one CSV row per run, a terminal table and an SVG chart.
#include <string>

#include "analysis/monte_carlo.hpp"

namespace skyshield {

std::string mc_json(const MonteCarloResult& r);
std::string runs_csv(const MonteCarloResult& r);
std::string mc_table(const MonteCarloResult& r);
// Histogram of leakers per run, and kill probability per shot by layer with 95 % Wilson intervals.
std::string mc_svg(const MonteCarloResult& r);

}  // namespace skyshield
