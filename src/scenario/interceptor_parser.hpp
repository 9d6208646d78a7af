#pragma once
// Parser of an interceptor class of the scenario library (scenarios/library/interceptors.yaml):
// published envelope figures, motors, airframe, launch, guidance, warhead. The class gets a flyout
// table built from its physics (weapons/flyout/flyout_table.hpp) for fire control.
#include <string>
#include <vector>

#include "core/piecewise_linear.hpp"
#include "scenario/yaml_node.hpp"
#include "weapons/interceptor_class.hpp"

namespace skyshield {

InterceptorClass parse_interceptor_class(const std::string& name, const YamlNode& n);

// A table [[x, y], ...] with x strictly increasing inside [x_lo, x_hi] and y inside [y_lo, y_hi].
std::vector<TablePoint> parse_table(const YamlNode& n, double x_lo, double x_hi, double y_lo, double y_hi);

}  // namespace skyshield
