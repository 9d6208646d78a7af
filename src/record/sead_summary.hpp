#pragma once
// The suppression-of-air-defences side of a run (docs/sead.md), from its record: anti-radiation
// missiles launched, killed by our rounds and reaching their end; radars lost (to ARMs or scheduled
// failures) and restored; the radar-seconds spent silent under EMCON shutdown (from each radar's
// emission_off to its emission_on, its loss, or the end of the run; blinking is not logged per blink
// and not counted); ground decoy emitters destroyed; rounds fired at air-launched decoys (threats of
// a decoy type that are not ballistic debris: decoy and class not ballistic_missile).
#include "record/run_record.hpp"

namespace skyshield {

struct SeadSummary {
  int arms = 0, arms_killed = 0, arms_leaked = 0;
  int radars_lost = 0, radars_restored = 0, decoy_emitters_hit = 0;
  double radar_silent_s = 0.0;
  int air_decoys = 0, rounds_at_air_decoys = 0;
  // Worth reporting: the run had ARMs, air-launched decoys or a radar that fell silent.
  bool any() const { return arms > 0 || air_decoys > 0 || radar_silent_s > 0.0; }
};

SeadSummary sead_summary(const RunRecord& run);

}  // namespace skyshield
