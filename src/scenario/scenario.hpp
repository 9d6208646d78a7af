#pragma once
// A whole scenario after loading and validation: the library of notional systems and threat
// types, the defended assets, the battalions and the raid.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "c2/air_picture.hpp"
#include "c2/identification.hpp"
#include "sensors/iff.hpp"
#include "tracking/ospa.hpp"
#include "c2/command_post.hpp"
#include "c2/defended_asset.hpp"
#include "sensors/radar_params.hpp"
#include "weapons/magazine.hpp"
#include "sensors/terrain_mask.hpp"
#include "tracking/tracker.hpp"
#include "weapons/interceptor_class.hpp"
#include "weapons/launcher.hpp"
#include "world/emitter.hpp"
#include "world/terrain.hpp"
#include "world/threat.hpp"
#include "world/threat_type.hpp"
#include "scenario/fidelity.hpp"

namespace skyshield {

struct SimSettings {
  double step_s = 0.05;            // fixed engine step
  double duration_s = 1800.0;      // hard stop; the run ends earlier once every threat is resolved
  std::uint64_t seed = 1;
  double trajectory_sample_s = 1.0;// trajectory output period
  Fidelity fidelity = Fidelity::Full;  // the model's resolution (scenario/fidelity.hpp)
};

struct RadarSite {
  std::string name;
  int type_index = -1;             // into Scenario::radar_types
  Geodetic site;
  std::shared_ptr<const TerrainMask> mask;   // terrain mask of its antenna (over flat terrain only the ground height), built once at load
  double fails_at_s = -1.0;        // scheduled loss of the radar (breakdown, attack not modelled), -1 = never
  double repair_s = -1.0;          // back in action this long after it is lost (repair or replacement), -1 = never
};

struct BattalionSpec {
  std::string name;
  Geodetic command_post;           // origin of the battalion's tracking frame
  std::vector<RadarSite> radars;
  int engagement_radar = -1;       // index into radars of the fire-control radar (channel limits)
  std::vector<LauncherConfig> launchers;
  MagazineConfig magazine;         // reload stock and transloaders (default: none)
  DoctrineParams doctrine;
  TrackerParams tracker;
  // Sector of responsibility, azimuths from the command post (width 360 = all round). When the
  // battalion loses its engagement radar, the nearest battalion still able to fire takes it over.
  double sector_center_deg = 0.0;
  double sector_width_deg = 360.0;
};

// Track messages to an interceptor guided from another battalion's radar (engage_on_remote): sent
// every update_s (0: every engine step), each lost with probability loss (seeded, deterministic),
// carrying the guide's track as it was latency_s before arrival.
struct RemoteLinkParams {
  double latency_s = 0.0;
  double update_s = 0.0;
  double loss = 0.0;
};

// The integrated network of several battalions.
struct NetworkParams {
  bool deconflict = true;        // a battalion does not engage a threat another battalion engages
  // ... nor, with deconflict, a track within this distance of a track another battalion engages
  // (a guard against missed correlations in dense raids; 0 = system tracks only).
  double deconflict_radius_m = 1000.0;
  AirPictureParams picture{};    // track-to-track correlation into the shared air picture
  // A battalion holds fire on a threat that a battalion of longer reach could engage (c2/network/layering)
  // while its own launch is still feasible outer_hold_margin_s later.
  bool outer_layers_first = false;
  double outer_hold_margin_s = 20.0;
  RemoteLinkParams remote_link{};
};

// A regiment command post over some battalions (c2/network/regiment.hpp): one joint weapon-target
// assignment over their launchers every decision_period_s; its fire orders reach the battalions
// link_latency_s later. A battalion whose link to the regiment is cut (cut_at_s) decides alone again.
struct RegimentSpec {
  std::string name;
  std::vector<int> battalions;       // indices into Scenario::battalions
  std::vector<double> cut_at_s;      // per member: its link to the regiment fails then (-1 = never)
  double decision_period_s = 1.0;
  double link_latency_s = 0.0;
  double order_loss = 0.0;           // probability that a fire order message is lost (seeded)
  double cost_weight = 0.0;          // WTA value units per interceptor cost unit (0 = value only)
  double reserve_weight = 0.0;       // value of the rounds each battalion keeps (c2/network/reserve.hpp; 0 = none)
  WtaSolver wta_solver = WtaSolver::Greedy;
  bool in_turn_baseline = true;      // keep the battalions-in-turn plan unless the joint one is strictly better
};

// Scoring of the air pictures against the truth (outputs only; the command posts never see it).
struct TrackMetricsParams {
  OspaParams ospa{};             // OSPA / GOSPA cut-off c, order p, alpha
  double period_s = 5.0;         // scoring instants
};

struct Scenario {
  std::string source_path;
  std::vector<std::string> files;   // the scenario file and the library files it read, in order
  std::string name;
  std::string description;
  SimSettings sim;
  std::vector<InterceptorClass> interceptor_classes;
  std::vector<RadarParams> radar_types;
  std::vector<ThreatType> threat_types;
  std::vector<DefendedAsset> assets;
  std::vector<BattalionSpec> battalions;
  std::vector<ThreatSpec> threats;
  NetworkParams network;
  std::vector<RegimentSpec> regiments;
  TrackMetricsParams track_metrics;
  TerrainParams terrain;            // ground under terrain-following flight (flat at 0 m by default)
  std::vector<DecoyEmitterSpec> decoy_emitters;  // ground decoys radiating like radars (docs/sead.md)
  DiscriminationParams discrimination;  // ballistic object kinds (library `discrimination:`; c2/discrimination.hpp)
  DecoyDiscriminationParams air_decoy_discrimination;  // library `air_decoy_discrimination:` (c2/decoy_discrimination.hpp)
  IdentificationParams identification;  // corridors, rule table, hostile origin (docs/identification.md)
  IffParams iff;                        // the battalions' interrogators (sensors/iff.hpp)
};

// Defensive layer labels of the interceptor classes, in scenario order, without repeats.
inline std::vector<std::string> layer_names(const Scenario& s) {
  std::vector<std::string> out;
  for (const InterceptorClass& c : s.interceptor_classes)
    if (std::find(out.begin(), out.end(), c.layer) == out.end()) out.push_back(c.layer);
  return out;
}

}  // namespace skyshield
