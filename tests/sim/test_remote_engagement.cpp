// Issue 29's radar-loss case (tests/sim/data/radar_loss.yaml): east loses its engagement radar at
// 1 s. Without engagement on remote tracks it never fires its 16 rounds; with engage_on_remote it
// fires on the tracks west's radars hold, guided by west's engagement radar.
#include <gtest/gtest.h>

#include "scenario/loader.hpp"
#include "sim/engine.hpp"

namespace skyshield {
namespace {

const std::string kScenario = SKYSHIELD_SOURCE_DIR "/tests/sim/data/radar_loss.yaml";

int fired_by(const RunRecord& r, const std::string& battalion) {
  int n = 0;
  for (const InterceptorRecord& i : r.interceptors) n += i.battalion == battalion ? 1 : 0;
  return n;
}

int leaked(const RunRecord& r) {
  int n = 0;
  for (const ThreatRecord& t : r.threats) n += t.outcome == "leaked" ? 1 : 0;
  return n;
}

RunRecord run(std::uint64_t seed, const std::string& east_doctrine) {
  std::vector<Override> o{{"simulation.seed", std::to_string(seed)}};
  if (!east_doctrine.empty()) o.push_back({"battalions[1].doctrine", east_doctrine});
  return run_scenario(load_scenario(kScenario, o));
}

TEST(RemoteEngagement, WithoutItTheBattalionThatLostItsRadarNeverFires) {
  const RunRecord r = run(1, "");
  EXPECT_EQ(fired_by(r, "east"), 0);
  EXPECT_GT(fired_by(r, "west"), 0);
}

TEST(RemoteEngagement, TheBattalionWithoutItsRadarFiresOnRemoteTracksAndLeakersFall) {
  // Issue 29's target: at most 6 of 14 leak per run on average over 5 seeds (measured 1.2 with it,
  // 9.8 without, on commit of this test).
  int with_total = 0, without_total = 0;
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const RunRecord with = run(seed, "{engage_on_remote: true}");
    EXPECT_GT(fired_by(with, "east"), 0) << "seed " << seed;
    for (const InterceptorRecord& i : with.interceptors)
      if (i.battalion == "east") {
        EXPECT_GT(i.launch_time_s, 1.0);  // all after the radar loss
      }
    with_total += leaked(with);
    without_total += leaked(run(seed, ""));
  }
  EXPECT_LE(with_total, 6 * 5);
  EXPECT_LT(with_total, without_total);
}

TEST(RemoteEngagement, RefusedWhenTheRemoteTrackCannotFillTheSeekerBasket) {
  // A required basket probability of 1 cannot be met by any track with an error: every shot on a
  // remote track that the envelope allows is refused, with its reason on record.
  const RunRecord r = run(1, "{engage_on_remote: true, remote_basket_probability: 1.0}");
  EXPECT_EQ(fired_by(r, "east"), 0);
  int refused = 0;
  for (const Event& e : r.events)
    if (e.type == EventType::Refused && e.entity.starts_with("E") && e.detail.starts_with("remote_accuracy")) ++refused;
  EXPECT_GT(refused, 0);
}

}  // namespace
}  // namespace skyshield

namespace skyshield {
namespace {

RunRecord run_link(const std::string& remote_link) {
  return run_scenario(load_scenario(kScenario, {{"battalions[1].doctrine", "{engage_on_remote: true}"},
                                                {"network", "{remote_link: " + remote_link + "}"}}));
}

int kills_by(const RunRecord& r, const std::string& battalion) {
  int n = 0;
  for (const InterceptorRecord& i : r.interceptors) n += i.battalion == battalion && !i.killed_threat.empty() ? 1 : 0;
  return n;
}

TEST(RemoteLink, LostTrackMessagesLeaveTheInterceptorsBlind) {
  // Every message lost: east's interceptors, guided from west's radar only, never get an uplink
  // and kill nothing; with a perfect link they do.
  const RunRecord perfect = run_link("{loss: 0.0}");
  const RunRecord dead = run_link("{loss: 1.0}");
  EXPECT_GT(kills_by(perfect, "east"), 0);
  EXPECT_GT(fired_by(dead, "east"), 0);
  EXPECT_EQ(kills_by(dead, "east"), 0);
}

TEST(RemoteLink, LossyLinkIsDeterministic) {
  // Half the messages lost, at 2 Hz with 1 s latency: the same seed gives the same run.
  const RunRecord a = run_link("{loss: 0.5, update_s: 0.5, latency_s: 1.0}");
  const RunRecord b = run_link("{loss: 0.5, update_s: 0.5, latency_s: 1.0}");
  ASSERT_EQ(a.interceptors.size(), b.interceptors.size());
  for (std::size_t k = 0; k < a.interceptors.size(); ++k) {
    EXPECT_EQ(a.interceptors[k].killed_threat, b.interceptors[k].killed_threat);
    EXPECT_EQ(a.interceptors[k].outcome_time_s, b.interceptors[k].outcome_time_s);
  }
}

}  // namespace
}  // namespace skyshield

namespace skyshield {
namespace {

TEST(RemoteEngagement, TheGuidingRadarsChannelsCarryTheRoundsItGuidesForOthers) {
  // West's engagement radar has 2 missile channels (tests/sim/data/radar_loss_two_channels.yaml);
  // east, without its own, fires on west's tracks and west's radar guides those rounds too. When west
  // orders a round (launch - its launcher's 5 s reaction time, the loader's default), the rounds in
  // the air (both battalions': all of east's are guided by west) and west's orders not yet launched
  // must leave it a free channel. Before the guide was charged, west counted only its own rounds.
  const std::string file = SKYSHIELD_SOURCE_DIR "/tests/sim/data/radar_loss_two_channels.yaml";
  const RunRecord r = run_scenario(load_scenario(file, {{"battalions[1].doctrine", "{engage_on_remote: true}"}}));
  constexpr double kReaction = 5.0;
  int west_orders = 0, east_rounds = 0, over = 0;
  for (const InterceptorRecord& w : r.interceptors) {
    east_rounds += w.battalion == "east" ? 1 : 0;
    if (w.battalion != "west") continue;
    ++west_orders;
    const double t_order = w.launch_time_s - kReaction;
    int busy = 0;  // channels in use at the order
    for (const InterceptorRecord& i : r.interceptors) {
      if (i.id == w.id) continue;
      // In the air at the decision: launched in an earlier step (a launch in the decision's own step
      // comes after it), and not yet ended. A round that ends by self-destruct had lost its uplink
      // (no radar was guiding it, e.g. its track broke): it holds no channel and is left out.
      const bool flying = i.launch_time_s < t_order - 1e-9 && (i.outcome == "flying" || i.outcome_time_s > t_order + 1e-9) &&
                          i.outcome != "self_destruct";
      const bool west_pending = i.battalion == "west" && i.launch_time_s > t_order + 1e-9 && i.launch_time_s - kReaction < t_order - 1e-9;
      busy += flying || west_pending ? 1 : 0;
    }
    if (busy >= 2) ++over;
  }
  EXPECT_GT(west_orders, 0);
  EXPECT_GT(east_rounds, 0);
  EXPECT_EQ(over, 0) << "west ordered rounds with both its missile channels guiding; orders " << west_orders << " east " << east_rounds;
}

}  // namespace
}  // namespace skyshield
