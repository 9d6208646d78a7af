#pragma once
// Run-time state of suppression of air defences in the engine (docs/sead.md): per radar its emission
// control (last ARM warning, silent or radiating), its repair time, and the ground decoy emitters.
// Internal to src/sim.
#include <utility>
#include <vector>

#include "core/rng.hpp"
#include "world/emitter.hpp"

namespace skyshield::engine_detail {

struct SeadRadar {
  double warned_until = -1e18;     // EMCON: the predicted arrival of the last ARM warned of, plus hold_s
  bool silent = false;             // not radiating this step (EMCON)
  double repair_at = -1.0;         // lost: back in action at this time (-1: not being repaired)
  bool scheduled_done = false;     // its scheduled failure (fails_at_s) happened
};

struct SeadState {
  std::vector<std::vector<SeadRadar>> radars;   // per battalion, per radar
  std::vector<std::pair<int, int>> owner;       // per emitter id: (battalion, radar), or (-1, decoy index)
  std::vector<char> decoy_alive;                // per decoy emitter
  std::vector<Emitter> emitters;                // this step's, indexed by id
  Rng lethality_rng;                            // ARM lethality draws, in impact order
};

}  // namespace skyshield::engine_detail
