#pragma once
// A live connection between a run and other simulators (DIS, dis/dis_link.hpp): after every step the
// engine shows the link the world as it stands, and before every step it takes the threats the
// link brings in, flown by another simulator.
#include <span>
#include <string>
#include <vector>

#include "core/threat_class.hpp"
#include "core/vec.hpp"
#include "record/run_record.hpp"

namespace skyshield {

struct LiveEntity {
  Vec3 pos = Vec3::Zero(), vel = Vec3::Zero();  // ECEF; for an entity no longer alive, where it ended
  bool alive = false;
  bool external = false;   // a threat flown by another simulator
};

struct LiveFrame {
  double t = 0.0;                            // the end of the step
  const RunRecord* record = nullptr;         // sites, threats, interceptors and events so far
  std::span<const LiveEntity> threats;       // by threat id (record->threats index)
  std::span<const LiveEntity> interceptors;  // by interceptor id (record->interceptors index)
};

// A threat flown by another simulator: its latest state, extrapolated at constant acceleration
// until the next (world axes, ECEF).
struct ExternalUpdate {
  enum class Kind { State, Gone } kind = Kind::State;
  std::string key;     // unique per entity (its DIS entity id)
  std::string name;    // what the records call it
  ThreatClass cls = ThreatClass::Aircraft;
  Vec3 pos = Vec3::Zero(), vel = Vec3::Zero(), acc = Vec3::Zero();
};

class LiveLink {
 public:
  virtual ~LiveLink() = default;
  // Before the step that starts at t: what other simulators sent since the last call.
  virtual std::vector<ExternalUpdate> poll(double t) = 0;
  // After every step (the link may pace the run to the wall clock here).
  virtual void after_step(const LiveFrame& frame) = 0;
  // True while threats may still come in: the run then goes on to the scenario's end.
  virtual bool keeps_run_open() const = 0;
};

}  // namespace skyshield
