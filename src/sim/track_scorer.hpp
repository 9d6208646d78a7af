#pragma once
// Scores the air pictures of a run against the truth at regular instants (outputs only):
//  - each battalion: its confirmed tracks, predicted to the instant, against the objects its radars
//    could see (within instrumented range and in line of sight of at least one of them);
//  - the network (several battalions sharing a picture): the fused system tracks against the
//    objects any battalion could see, at the first picture update at or after each instant.
#include <memory>
#include <string>
#include <vector>

#include "c2/air_picture.hpp"
#include "record/run_record.hpp"
#include "scenario/scenario.hpp"
#include "sim/battalion.hpp"
#include "world/truth_view.hpp"

namespace skyshield {

class TrackScorer {
 public:
  TrackScorer(const TrackMetricsParams& params, const std::vector<std::unique_ptr<Battalion>>& battalions);

  // Scores every battalion when an instant is due (views: the truth at t).
  void score_battalions(double t, const std::vector<std::unique_ptr<Battalion>>& battalions,
                        const std::vector<TruthView>& views);
  // Scores the network picture just updated at t, once per battalion instant (the first update at or
  // after it), against the objects any battalion could see at that instant (views: the truth at t).
  void score_network(double t, const AirPicture& picture, const std::vector<TruthView>& views);
  // A battalion's tracker merged track `from` into `into` (identity: a merge, not a switch).
  void note_merge(int battalion, int from, int into) { quality_[static_cast<std::size_t>(battalion)].note_merge(from, into); }
  // The network picture's merges of system tracks (AirPicture::merges).
  void note_network_merges(const std::vector<std::pair<int, int>>& merges) {
    if (has_network_)
      for (const auto& [from, into] : merges) quality_.back().note_merge(from, into);
  }
  // The rows and per-scope summaries, into the run record.
  void finish(RunRecord& rec) const;

 private:
  void add(std::size_t scope, double t, const std::vector<LabelledPoint>& truth, const std::vector<LabelledPoint>& tracks);

  TrackMetricsParams params_;
  std::vector<std::string> scopes_;         // battalion names, then "network" when there is one
  std::vector<TrackQuality> quality_;
  std::vector<TrackScoreRow> rows_;
  double next_battalion_t_ = 0.0;
  bool has_network_ = false;
  bool network_due_ = false;
  std::vector<int> network_truth_;   // ids of the objects any battalion could see, at the last instant
};

}  // namespace skyshield
