// IFF interrogation (sensors/iff.hpp): the transponder and reply logic tables, and the reply
// frequency against the binomial distribution.
#include <gtest/gtest.h>

#include <cmath>

#include "sensors/iff.hpp"

namespace skyshield {
namespace {

TEST(Iff, TransponderDrawLogicTable) {
  // side x failure p x spoof p -> state; p in {0, 1} makes every draw certain.
  struct Row { bool friendly; double fail, spoof; Transponder want; };
  const Row rows[] = {
      {true, 0.0, 0.0, Transponder::Working},  {true, 1.0, 0.0, Transponder::Failed},
      {true, 0.0, 1.0, Transponder::Working},  {true, 1.0, 1.0, Transponder::Failed},   // a friend never spoofs
      {false, 0.0, 0.0, Transponder::None},    {false, 1.0, 0.0, Transponder::None},    // a hostile has nothing to fail
      {false, 0.0, 1.0, Transponder::Spoofing}, {false, 1.0, 1.0, Transponder::Spoofing},
  };
  for (const Row& r : rows) {
    Rng rng = Rng::stream(11, "t");
    EXPECT_EQ(draw_transponder(r.friendly, r.fail, r.spoof, rng), r.want) << r.friendly << " " << r.fail << " " << r.spoof;
  }
}

TEST(Iff, ReplyLogicTable) {
  struct Row { Transponder t; double p; bool want; };
  const Row rows[] = {
      {Transponder::None, 1.0, false},    {Transponder::None, 0.0, false},
      {Transponder::Working, 1.0, true},  {Transponder::Working, 0.0, false},
      {Transponder::Failed, 1.0, false},  {Transponder::Failed, 0.0, false},
      {Transponder::Spoofing, 1.0, true}, {Transponder::Spoofing, 0.0, false},
  };
  for (const Row& r : rows)
    for (int k = 0; k < 50; ++k) {
      Rng rng = Rng::stream(5, "iff", static_cast<std::uint64_t>(k));
      EXPECT_EQ(iff_reply(r.t, r.p, rng), r.want) << to_string(r.t) << " p=" << r.p;
    }
}

TEST(Iff, ReplyFrequencyIsBinomial) {
  // n Bernoulli(p) trials: mean n p, sd sqrt(n p (1 - p)) (binomial distribution); 5 sd bounds.
  const int n = 20000;
  const double p = 0.9;
  int replies = 0, spoofed = 0;
  for (int k = 0; k < n; ++k) {
    Rng a = Rng::stream(3, "iff", static_cast<std::uint64_t>(k));
    Rng b = Rng::stream(4, "iff", static_cast<std::uint64_t>(k));
    replies += iff_reply(Transponder::Working, p, a);
    spoofed += iff_reply(Transponder::Spoofing, p, b);
  }
  const double sd = std::sqrt(n * p * (1.0 - p));
  EXPECT_NEAR(replies, n * p, 5.0 * sd);
  EXPECT_NEAR(spoofed, n * p, 5.0 * sd);
  // Failure draws: a fraction q of friendlies fail.
  const double q = 0.1;
  int failed = 0;
  for (int k = 0; k < n; ++k) {
    Rng r = Rng::stream(9, "transponder", static_cast<std::uint64_t>(k));
    failed += draw_transponder(true, q, 0.0, r) == Transponder::Failed;
  }
  EXPECT_NEAR(failed, n * q, 5.0 * std::sqrt(n * q * (1.0 - q)));
}

TEST(Iff, SameStreamSameAnswers) {
  for (int k = 0; k < 20; ++k) {
    Rng a = Rng::stream(42, "iff", static_cast<std::uint64_t>(k)), b = Rng::stream(42, "iff", static_cast<std::uint64_t>(k));
    EXPECT_EQ(iff_reply(Transponder::Working, 0.5, a), iff_reply(Transponder::Working, 0.5, b));
  }
}

}  // namespace
}  // namespace skyshield
