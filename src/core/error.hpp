#pragma once
// The one exception type skyshield throws for bad input: carries a message meant for the user.
#include <stdexcept>
#include <string>

namespace skyshield {

class InputError : public std::runtime_error {
 public:
  explicit InputError(const std::string& what) : std::runtime_error(what) {}
};

// A run whose state turned non-finite (NaN or infinity): names the entity and the time.
class NumericalError : public std::runtime_error {
 public:
  explicit NumericalError(const std::string& what) : std::runtime_error(what) {}
};

}  // namespace skyshield
