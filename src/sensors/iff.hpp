#pragma once
// IFF (identification friend or foe) interrogation, notional (docs/identification.md). A battalion's
// interrogator, co-sited with its command post, challenges each of its confirmed tracks within
// range_m when it is first held, then every period_s; the transponder of the aircraft in the
// challenged cell (the truth object nearest the track's estimate, within gate_m) answers or not:
//   transponder   | reply to one interrogation
//   none (hostile)| never
//   working       | with probability reply_probability (fading, garbling, antenna masking)
//   failed        | never (a friendly whose transponder failed before take-off: per aircraft, drawn once)
//   spoofing      | with probability reply_probability (a hostile answering falsely: per aircraft, drawn once)
// Every draw comes from the run's seeded streams (deterministic). All probabilities are NOTIONAL.
#include "core/rng.hpp"

namespace skyshield {

struct IffParams {
  double range_m = 400e3;            // interrogation range from the command post
  double period_s = 4.0;             // interrogations per track every period_s
  double reply_probability = 0.9;    // a working (or spoofing) transponder's reply per interrogation
  double gate_m = 3000.0;            // the challenged cell: truth within this distance of the track's estimate
};

enum class Transponder { None, Working, Failed, Spoofing };
const char* to_string(Transponder t);

// Per aircraft, once per run: a friendly's transponder works unless it failed (failure_probability);
// a hostile has none unless it spoofs (spoof_probability). One uniform draw either way.
Transponder draw_transponder(bool friendly, double failure_probability, double spoof_probability, Rng& rng);
// One interrogation: a valid friend reply or not. One uniform draw whatever the transponder.
bool iff_reply(Transponder t, double reply_probability, Rng& rng);

}  // namespace skyshield
