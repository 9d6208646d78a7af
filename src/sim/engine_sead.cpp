// Suppression of air defences in the engine (docs/sead.md): radar repairs, emission control decided by
// the command posts (c2/emcon.hpp) from their tracks, the emitters anti-radiation seekers see, and the
// impact of an anti-radiation missile on a radar or a decoy emitter.
#include <fmt/format.h>

#include <algorithm>

#include "sim/engine_impl.hpp"

namespace skyshield::engine_detail {

void Engine::sead_setup() {
  sead_.lethality_rng = Rng::stream(seed_, "arm-lethality");
  for (const auto& b : battalions_) {
    sead_.radars.emplace_back(b->radars.size());
    for (std::size_t r = 0; r < b->radars.size(); ++r) sead_.owner.emplace_back(b->index, static_cast<int>(r));
  }
  for (std::size_t d = 0; d < s_.decoy_emitters.size(); ++d) sead_.owner.emplace_back(-1, static_cast<int>(d));
  sead_.decoy_alive.assign(s_.decoy_emitters.size(), 1);
  for (std::size_t id = 0; id < sead_.owner.size(); ++id) {
    const auto [b, k] = sead_.owner[id];
    Emitter e;
    e.id = static_cast<int>(id);
    if (b >= 0) {
      const Radar& r = battalions_[b]->radars[k];
      const RadarParams& p = r.params();
      e.pos_ecef = r.frame().origin_ecef();
      e.power_w = p.peak_power_w;
      e.gain_db = p.gain_db + p.sidelobe_level_db;   // the side lobes an ARM homes on (world/arm_seeker.hpp)
      e.frequency_hz = p.frequency_hz;
    } else {
      const DecoyEmitterSpec& d = s_.decoy_emitters[k];
      e.pos_ecef = ecef_from_geodetic(d.site);
      e.power_w = d.power_w;
      e.gain_db = d.gain_db;
      e.frequency_hz = d.frequency_hz;
    }
    sead_.emitters.push_back(e);
  }
  for (const Threat& th : threats_) arms_ = arms_ || th.type().arm.present();
}

bool Engine::radar_silent(int battalion, int radar) const { return sead_.radars[battalion][radar].silent; }

void Engine::sead_radar_lost(const Battalion& b, int radar, double t) {
  const double repair = b.spec->radars[radar].repair_s;
  if (repair >= 0.0) sead_.radars[b.index][radar].repair_at = t + repair;
}

void Engine::sead_step(double t) {
  // Repairs: a radar back in action; a battalion whose engagement radar returns takes its sector back.
  for (auto& b : battalions_)
    for (std::size_t r = 0; r < b->radars.size(); ++r) {
      SeadRadar& st = sead_.radars[b->index][r];
      if (b->radar_up[r] || st.repair_at < 0.0 || t + 1e-9 < st.repair_at) continue;
      st.repair_at = -1.0;
      b->radar_up[r] = 1;
      const bool er = static_cast<int>(r) == b->spec->engagement_radar;
      rec_.sead_event(t, EventType::RadarRestored, b->spec->name + "/" + b->spec->radars[r].name,
                      er && b->sector_taken_by >= 0 ? "repaired; sector taken back" : "repaired");
      if (er) b->sector_taken_by = -1;
    }
  // Emission control: each command post classifies ARMs among its confirmed tracks (never the truth).
  for (auto& b : battalions_) {
    const EmconParams& p = b->spec->doctrine.emcon;
    for (std::size_t r = 0; r < b->radars.size(); ++r) {
      SeadRadar& st = sead_.radars[b->index][r];
      if (p.mode != EmconMode::Off) {
        const Vec3 site = b->frame.to_enu(b->radars[r].frame().origin_ecef());
        // A track's state as last updated (a silent radar's tracks coast: no new evidence).
        for (const Track& tr : b->tracker.tracks()) {
          if (tr.status != TrackStatus::Confirmed) continue;
          const double ttg = arm_time_to_go(p, {tr.position(), tr.velocity()}, site);
          if (ttg >= 0.0) st.warned_until = std::max(st.warned_until, tr.t + ttg + p.hold_s);
        }
      }
      const bool silent = b->radar_up[r] && !emcon_radiating(p, t, st.warned_until);
      if (silent != st.silent && b->radar_up[r] && p.mode == EmconMode::Shutdown)
        rec_.sead_event(t, silent ? EventType::EmissionOff : EventType::EmissionOn, b->spec->name + "/" + b->spec->radars[r].name,
                        silent ? "EMCON: ARM warning" : "EMCON: radiating again");
      st.silent = silent;
    }
  }
  if (!arms_) return;
  for (std::size_t id = 0; id < sead_.owner.size(); ++id) {
    const auto [b, k] = sead_.owner[id];
    sead_.emitters[id].radiating = b >= 0 ? battalions_[b]->radar_up[k] && !sead_.radars[b][k].silent
                                          : sead_.decoy_alive[k] && t + 1e-9 >= s_.decoy_emitters[k].radiate_from_s;
  }
  for (Threat& th : threats_) th.seek_emitters(t, sead_.emitters);
}

// An anti-radiation missile at the end of its flight destroys, with its lethal probability, every
// radar and decoy emitter within its lethal radius.
void Engine::arm_impact(const Threat& th, double t) {
  const ArmSeekerParams& a = th.type().arm;
  if (!a.present()) return;
  for (std::size_t id = 0; id < sead_.owner.size(); ++id) {
    const auto [b, k] = sead_.owner[id];
    const double miss = (th.pos_ecef() - sead_.emitters[id].pos_ecef).norm();
    if (miss > a.lethal_radius_m) continue;
    if (b >= 0 ? !battalions_[b]->radar_up[k] : !sead_.decoy_alive[k]) continue;
    if (!sead_.lethality_rng.bernoulli(a.lethal_probability)) continue;
    const std::string cause = fmt::format("anti-radiation missile {} {:.1f} m away", th.spec().name, miss);
    if (b >= 0) {
      radar_lost(*battalions_[b], k, t, cause);
    } else {
      sead_.decoy_alive[k] = 0;
      rec_.sead_event(t, EventType::DecoyEmitterHit, s_.decoy_emitters[k].name, cause, miss);
    }
  }
}

}  // namespace skyshield::engine_detail
