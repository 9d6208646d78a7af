// IFF interrogation and identification (docs/identification.md): each battalion's interrogator
// challenges each of its confirmed tracks within range when first held, then every period_s; the
// transponder in the challenged cell
// (the truth object nearest the track's estimate, within the gate: what an interrogator's beam and
// range gate would pick out) answers per sensors/iff.hpp. The answers feed the battalion's Identifier
// (c2/identification.hpp), which the command post reads through CommandPostInputs::identities.
#include "sim/engine_impl.hpp"
#include "sim/recorder.hpp"

namespace skyshield::engine_detail {

void Engine::identify(double t) {
  const IffParams& iff = s_.iff;
  for (auto& bp : battalions_) {
    Battalion& b = *bp;
    Identifier& id = identifiers_[b.index];
    const bool any_radar = std::any_of(b.radar_up.begin(), b.radar_up.end(), [](char up) { return up != 0; });
    std::vector<std::pair<int, double>>& pending = iff_pending_[b.index];
    pending.clear();
    for (const Track& tr : b.tracker.tracks()) {
      // Each confirmed track in range is challenged when first held, then every period_s.
      if (!any_radar || iff.range_m <= 0.0 || tr.status != TrackStatus::Confirmed) continue;
      // Nothing to ask and nothing pending (a reply or min_no_reply silences): its position is not needed.
      const bool due = id.interrogation_due(tr.id, t);
      if (!due && id.iff_pending_s(tr.id, t, iff.period_s) < 0.0) continue;
      Vec3 p, v;
      if (!b.track_ecef(tr.id, t, p, v) || (p - b.frame.origin_ecef()).norm() > iff.range_m) continue;
      if (due) {
        const int truth = nearest_truth(p, views_, iff.gate_m);
        const Transponder tp = truth >= 0 && static_cast<std::size_t>(truth) < transponders_.size()
                                   ? transponders_[static_cast<std::size_t>(truth)] : Transponder::None;
        // One stream per (battalion, track, interrogation): the same answers whatever the threads.
        Rng rng = Rng::stream(seed_, "iff", (static_cast<std::uint64_t>(b.index) << 52) ^ (static_cast<std::uint64_t>(tr.id) << 20) ^
                                                static_cast<std::uint64_t>(id.interrogations(tr.id)));
        id.interrogated(tr.id, iff_reply(tp, iff.reply_probability, rng), t + iff.period_s);
      }
      // Interrogated and in range: its answer is pending until a reply or min_no_reply silences.
      const double answer_in_s = id.iff_pending_s(tr.id, t, iff.period_s);
      if (answer_in_s >= 0.0) pending.emplace_back(tr.id, answer_in_s);
    }
    std::sort(pending.begin(), pending.end());
    id.update(b.tracker.tracks(), b.frame);
  }
}

}  // namespace skyshield::engine_detail
