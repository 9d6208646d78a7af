// The engine's live link (RunOptions::link): threats flown by other simulators join the run, and the
// world is shown to the link after each step (see sim/engine_impl.hpp).
#include "sim/engine_impl.hpp"

namespace skyshield::engine_detail {

// Threats flown by other simulators: new ones join the run (with the scenario library's first
// type of their class, for their radar signature), known ones take their new state.
void Engine::take_external_threats(double t) {
  for (const ExternalUpdate& u : opt_.link->poll(t)) {
    auto it = external_.find(u.key);
    if (it == external_.end()) {
      if (u.kind == ExternalUpdate::Kind::Gone) continue;
      const int type = external_type(u.cls);
      if (type < 0) continue;  // the library has no type of that class
      ThreatSpec spec;
      spec.name = u.name;
      spec.type_index = type;
      spec.launch_time_s = t;
      spec.external = true;
      const int id = static_cast<int>(threats_.size());
      threats_.emplace_back(id, std::move(spec), &s_.threat_types[type], &terrain_, seed_);
      children_.emplace_back();
      rec_.add_threat(threats_.back());
      it = external_.emplace(u.key, id).first;
    }
    Threat& th = threats_[it->second];
    if (u.kind == ExternalUpdate::Kind::Gone) {
      if (th.alive()) {
        th.external_departed();
        rec_.threat_departed(th, t);
      }
      continue;
    }
    if (th.status() == ThreatStatus::Waiting || th.alive()) th.external_update(t, u.pos, u.vel, u.acc);
  }
}

int Engine::external_type(ThreatClass cls) const {
  for (std::size_t i = 0; i < s_.threat_types.size(); ++i) {
    const ThreatType& tt = s_.threat_types[i];
    if (tt.cls == cls && !tt.decoy && tt.object_ballistic_coefficient <= 0.0) return static_cast<int>(i);
  }
  return -1;
}

void Engine::show_link(double t) {
  live_threats_.resize(threats_.size());
  for (std::size_t i = 0; i < threats_.size(); ++i)
    live_threats_[i] = {threats_[i].pos_ecef(), threats_[i].vel_ecef(), threats_[i].alive(), threats_[i].spec().external};
  live_interceptors_.resize(rec_.record().interceptors.size());
  for (const Flight& f : flights_) live_interceptors_[f.record] = {f.missile.pos(), f.missile.vel(), f.missile.flying(), false};
  opt_.link->after_step({t, &rec_.record(), live_threats_, live_interceptors_});
}
}  // namespace skyshield::engine_detail
