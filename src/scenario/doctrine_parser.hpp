#pragma once
// Parser of a battalion's `doctrine:` block (c2/command_post.hpp, DoctrineParams).
#include <optional>
#include <vector>

#include "c2/command_post.hpp"
#include "scenario/yaml_node.hpp"
#include "weapons/interceptor_class.hpp"

namespace skyshield {

// classes: the scenario's interceptor classes (reserve stock names one of them).
DoctrineParams parse_doctrine(const std::optional<YamlNode>& n, const std::vector<InterceptorClass>& classes);

}  // namespace skyshield
