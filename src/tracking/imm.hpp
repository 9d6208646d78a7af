#pragma once
// Interacting multiple model estimator (Blom & Bar-Shalom 1988; BLK sec. 11.6.6) over the motion
// models of tracking/motion_models.hpp, each run by the EKF or UKF of tracking/filters.hpp. The
// model switching is a continuous-time Markov chain: over dt a model is kept with probability
// exp(-dt / mean_sojourn_s) and left for each other model with an equal share of the rest.
#include <array>
#include <vector>

#include "tracking/filters.hpp"

namespace skyshield {

inline constexpr int kMaxImmModels = 4;

struct ImmParams {
  std::vector<MotionModel> models{MotionModel::ConstantVelocity, MotionModel::ConstantAcceleration,
                                  MotionModel::CoordinatedTurn, MotionModel::Ballistic};
  double mean_sojourn_s = 20.0;         // s, mean time in one motion model
  double first_model_probability = 0.8;   // of a new track (the rest shared by the other models)
  FilterKind filter = FilterKind::Ekf;
  MotionNoise noise{};
};

struct ImmState {
  int n = 0;
  std::array<Gaussian, kMaxImmModels> model{};   // model-conditioned estimates
  std::array<double, kMaxImmModels> mu{};        // model probabilities

  Gaussian combined() const;   // moment-matched mixture
  // Its position mean (the same bits as combined()'s) and the trace of its position covariance
  // (sum_j mu_j (tr P_j,pp + |x_j,p - x_p|^2), equal to combined()'s up to rounding), without the 9x9
  // covariance.
  void combined_position(Vec3& mean, double& trace_pp) const;
};

using ImmInnovations = std::array<SphericalInnovation, kMaxImmModels>;

// Every model starts from g; the first with first_model_probability, the others sharing the rest.
ImmState imm_start(const Gaussian& g, const ImmParams& p);
// Mixing (interaction) then each model's prediction over dt.
void imm_predict(ImmState& s, double dt, const ImmParams& p, const MotionContext& ctx);
// The combined mean imm_predict then combined() would give, by the same operations without the
// covariances; false where a model's mean needs its covariance (UKF on a nonlinear model).
bool imm_predicted_mean(const ImmState& s, double dt, const ImmParams& p, const MotionContext& ctx, Vec9& mean);
// The combined mean and position covariance (top-left 3x3) imm_predict then combined() would give,
// by the same operations on only what enters them (the same bits): the covariance blocks that the
// per-axis models' position block reads; the models predicted another way (ballistic, the UKF's CT)
// in full.
void imm_predicted_position(const ImmState& s, double dt, const ImmParams& p, const MotionContext& ctx, Vec9& mean, Mat3& P_pp);
// Each model's innovation for one measurement.
ImmInnovations imm_innovate(const ImmState& s, const SphericalMeasurement& z, const ImmParams& p);
// The same, written into `in` (models 0 to s.n - 1; no copy of the ~2.4 KB result).
void imm_innovate(const ImmState& s, const SphericalMeasurement& z, const ImmParams& p, ImmInnovations& in);
// Update with one measurement: model-conditioned Kalman updates, probabilities by the likelihoods.
void imm_update(ImmState& s, const ImmInnovations& in);
// Probabilistic data association update (PDAF per model, Bar-Shalom, Willett & Tian 2011, "Tracking
// and Data Fusion", sec. 3.4) with association weights beta (beta[0] = no measurement is this target's,
// beta[i] for the i-th innovation set); model probabilities by the IMM-PDAF likelihood
// (1 - Pd Pg) lambda + Pd sum_i N_j(z_i) (Houles & Bar-Shalom 1989).
void imm_pda_update(ImmState& s, const std::vector<ImmInnovations>& in, const std::vector<double>& beta, double pd_pg,
                    double pd, double clutter_density);

}  // namespace skyshield
