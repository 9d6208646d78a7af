#include "weapons/lethality.hpp"

#include "weapons/interceptor_class.hpp"

namespace skyshield {

double kill_probability(const InterceptorClass& c, ThreatClass true_class, double miss_m) {
  if (miss_m > c.lethal_radius_m) return 0.0;
  return c.pk_in_lethal_radius[static_cast<int>(true_class)] * c.miss_factor(miss_m);
}

}  // namespace skyshield
