#pragma once
// Seeded random streams. Every entity draws from its own stream, derived from
// (run seed, stream name, index), so adding an entity or changing the thread count never
// shifts the numbers another entity sees. The generator (xoshiro256**) and the
// distributions are our own, so results are identical on every platform and standard library.
#include <cstdint>
#include <string_view>

namespace skyshield {

class Rng {
 public:
  Rng() : Rng(0) {}
  explicit Rng(std::uint64_t seed);
  // An independent stream for (seed, name, index).
  static Rng stream(std::uint64_t seed, std::string_view name, std::uint64_t index = 0);

  std::uint64_t next_u64();
  double uniform();                        // [0, 1)
  double uniform(double lo, double hi);    // [lo, hi)
  double normal();                         // standard normal (Box-Muller)
  double normal(double mean, double sigma) { return mean + sigma * normal(); }
  bool bernoulli(double p) { return uniform() < p; }
  std::uint64_t poisson(double lambda);    // Knuth's method; normal approximation above lambda 60

 private:
  std::uint64_t s_[4];
};

// FNV-1a 64-bit hash of a string, used to name streams.
std::uint64_t hash_name(std::string_view name);

}  // namespace skyshield
