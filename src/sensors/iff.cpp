#include "sensors/iff.hpp"

namespace skyshield {

const char* to_string(Transponder t) {
  switch (t) {
    case Transponder::None: return "none";
    case Transponder::Working: return "working";
    case Transponder::Failed: return "failed";
    case Transponder::Spoofing: return "spoofing";
  }
  return "none";
}

Transponder draw_transponder(bool friendly, double failure_probability, double spoof_probability, Rng& rng) {
  const double u = rng.uniform();
  if (friendly) return u < failure_probability ? Transponder::Failed : Transponder::Working;
  return u < spoof_probability ? Transponder::Spoofing : Transponder::None;
}

bool iff_reply(Transponder t, double reply_probability, Rng& rng) {
  const double u = rng.uniform();
  return (t == Transponder::Working || t == Transponder::Spoofing) && u < reply_probability;
}

}  // namespace skyshield
