#include "tracking/imm.hpp"

#include <algorithm>
#include <cmath>

namespace skyshield {

namespace {

void normalise(std::array<double, kMaxImmModels>& mu, int n) {
  double sum = 0.0;
  for (int j = 0; j < n; ++j) sum += mu[j];
  for (int j = 0; j < n; ++j) mu[j] = sum > 0.0 ? mu[j] / sum : 1.0 / n;
}

void normalise(ImmState& s) { normalise(s.mu, s.n); }

// mu_j <- mu_j L_j with L_j = exp(log_l[j]), computed relative to the largest for range.
void reweight(ImmState& s, const std::array<double, kMaxImmModels>& log_l) {
  double top = -INFINITY;
  for (int j = 0; j < s.n; ++j) top = std::max(top, log_l[j]);
  for (int j = 0; j < s.n; ++j) s.mu[j] *= std::exp(log_l[j] - top);
  normalise(s);
}

}  // namespace

Gaussian ImmState::combined() const {
  Gaussian c;
  c.x.setZero();
  for (int j = 0; j < n; ++j) c.x += mu[j] * model[j].x;
  c.P.setZero();
  for (int j = 0; j < n; ++j) {
    const Vec9 d = model[j].x - c.x;
    c.P += mu[j] * (model[j].P + d * d.transpose());
  }
  return c;
}

void ImmState::combined_position(Vec3& mean, double& trace_pp) const {
  mean.setZero();
  for (int j = 0; j < n; ++j) mean += mu[j] * model[j].x.head<3>();
  trace_pp = 0.0;
  for (int j = 0; j < n; ++j) trace_pp += mu[j] * (model[j].P.topLeftCorner<3, 3>().trace() + (model[j].x.head<3>() - mean).squaredNorm());
}

ImmState imm_start(const Gaussian& g, const ImmParams& p) {
  ImmState s;
  s.n = static_cast<int>(p.models.size());
  for (int j = 0; j < s.n; ++j) {
    s.model[j] = g;
    s.mu[j] = s.n == 1 ? 1.0 : (j == 0 ? p.first_model_probability : (1.0 - p.first_model_probability) / (s.n - 1));
  }
  return s;
}

namespace {

// The interaction step's weights over dt: c[j] the predicted probability of model j, w[j][i] the
// weight of model i's estimate in model j's mixed start.
struct Mixing {
  std::array<double, kMaxImmModels> c{};
  std::array<std::array<double, kMaxImmModels>, kMaxImmModels> w{};
};

Mixing mixing(const ImmState& s, double dt, const ImmParams& p) {
  const int n = s.n;
  const double stay = std::exp(-std::abs(dt) / p.mean_sojourn_s), leave = (1.0 - stay) / (n - 1);
  Mixing m;
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) m.c[j] += (i == j ? stay : leave) * s.mu[i];
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) m.w[j][i] = m.c[j] > 0.0 ? (i == j ? stay : leave) * s.mu[i] / m.c[j] : (i == j ? 1.0 : 0.0);
  return m;
}

Vec9 mixed_mean(const ImmState& s, const std::array<double, kMaxImmModels>& w) {
  Vec9 x = Vec9::Zero();
  for (int i = 0; i < s.n; ++i) x += w[i] * s.model[i].x;
  return x;
}

}  // namespace

void imm_predict(ImmState& s, double dt, const ImmParams& p, const MotionContext& ctx) {
  if (dt == 0.0) return;
  const int n = s.n;
  if (n > 1) {
    const Mixing mx = mixing(s, dt, p);
    std::array<Gaussian, kMaxImmModels> mixed;
    for (int j = 0; j < n; ++j) {
      Gaussian& m = mixed[j];
      m.x = mixed_mean(s, mx.w[j]);
      m.P.setZero();
      for (int i = 0; i < n; ++i) {
        const Vec9 d = s.model[i].x - m.x;
        m.P += mx.w[j][i] * (s.model[i].P + d * d.transpose());
      }
    }
    for (int j = 0; j < n; ++j) {
      s.model[j] = mixed[j];
      s.mu[j] = mx.c[j];
    }
    normalise(s);
  }
  for (int j = 0; j < n; ++j) predict(p.filter, p.models[j], s.model[j], dt, ctx, p.noise);
}

bool imm_predicted_mean(const ImmState& s, double dt, const ImmParams& p, const MotionContext& ctx, Vec9& mean) {
  std::array<Vec9, kMaxImmModels> x;   // the model means; the covariances are not needed
  std::array<double, kMaxImmModels> mu = s.mu;
  if (dt != 0.0 && s.n > 1) {
    const Mixing mx = mixing(s, dt, p);
    for (int j = 0; j < s.n; ++j) x[j] = mixed_mean(s, mx.w[j]);
    mu = mx.c;
    normalise(mu, s.n);
  } else {
    for (int j = 0; j < s.n; ++j) x[j] = s.model[j].x;
  }
  for (int j = 0; j < s.n; ++j)
    if (!predict_mean(p.filter, p.models[j], x[j], dt, ctx)) return false;
  mean.setZero();
  for (int j = 0; j < s.n; ++j) mean += mu[j] * x[j];
  return true;
}

void imm_predicted_position(const ImmState& s, double dt, const ImmParams& p, const MotionContext& ctx, Vec9& mean, Mat3& P_pp) {
  const int n = s.n;
  std::array<Vec9, kMaxImmModels> x;
  std::array<Mat3, kMaxImmModels> pp;
  std::array<double, kMaxImmModels> mu = s.mu;
  Mixing mx;
  const bool mix = dt != 0.0 && n > 1;
  if (mix) {
    mx = mixing(s, dt, p);
    for (int j = 0; j < n; ++j) x[j] = mixed_mean(s, mx.w[j]);
    mu = mx.c;
    normalise(mu, n);
  } else {
    for (int j = 0; j < n; ++j) x[j] = s.model[j].x;
  }
  for (int j = 0; j < n; ++j) {
    Mat3 f, q;
    if (dt == 0.0) {
      pp[j] = s.model[j].P.topLeftCorner<3, 3>();
    } else if (per_axis_prediction(p.filter, p.models[j], x[j], dt, p.noise, f, q)) {
      // The blocks of the (mixed) covariance that the position block reads, as imm_predict mixes them.
      std::array<std::array<Mat3, 3>, 3> blocks;
      for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) {
          if (f(0, r) == 0.0 || f(0, c) == 0.0) continue;
          if (!mix) {
            blocks[r][c] = s.model[j].P.block<3, 3>(3 * r, 3 * c);
            continue;
          }
          Mat3& b = blocks[r][c];
          b.setZero();
          for (int i = 0; i < n; ++i) {
            const Vec9 d = s.model[i].x - x[j];
            b += mx.w[j][i] * (s.model[i].P.block<3, 3>(3 * r, 3 * c) + d.segment<3>(3 * r) * d.segment<3>(3 * c).transpose());
          }
        }
      pp[j] = predicted_position_block(f, q, blocks);
      x[j] = apply_axis_transition(f, x[j]);
    } else {
      Gaussian g;
      g.x = x[j];
      if (mix) {
        g.P.setZero();
        for (int i = 0; i < n; ++i) {
          const Vec9 d = s.model[i].x - g.x;
          g.P += mx.w[j][i] * (s.model[i].P + d * d.transpose());
        }
      } else {
        g.P = s.model[j].P;
      }
      predict(p.filter, p.models[j], g, dt, ctx, p.noise);
      x[j] = g.x;
      pp[j] = g.P.topLeftCorner<3, 3>();
    }
  }
  // combined(), its mean and position block.
  mean.setZero();
  for (int j = 0; j < n; ++j) mean += mu[j] * x[j];
  P_pp.setZero();
  for (int j = 0; j < n; ++j) {
    const Vec9 d = x[j] - mean;
    P_pp += mu[j] * (pp[j] + d.head<3>() * d.head<3>().transpose());
  }
}

ImmInnovations imm_innovate(const ImmState& s, const SphericalMeasurement& z, const ImmParams& p) {
  ImmInnovations in;
  for (int j = 0; j < s.n; ++j) in[j] = innovate(p.filter, s.model[j], z);
  return in;
}

void imm_innovate(const ImmState& s, const SphericalMeasurement& z, const ImmParams& p, ImmInnovations& in) {
  for (int j = 0; j < s.n; ++j) innovate(p.filter, s.model[j], z, in[j]);
}

void imm_update(ImmState& s, const ImmInnovations& in) {
  std::array<double, kMaxImmModels> log_l{};
  for (int j = 0; j < s.n; ++j) {
    log_l[j] = -0.5 * (in[j].mahalanobis2 + in[j].log_det_S);
    update(s.model[j], in[j]);
  }
  reweight(s, log_l);
}

void imm_pda_update(ImmState& s, const std::vector<ImmInnovations>& in, const std::vector<double>& beta, double pd_pg,
                    double pd, double clutter_density) {
  const int m = static_cast<int>(in.size());
  std::array<double, kMaxImmModels> log_l{};
  for (int j = 0; j < s.n; ++j) {
    // Model likelihood, in the measurement-space units of the clutter density.
    double l = (1.0 - pd_pg) * clutter_density;
    for (int i = 0; i < m; ++i) l += pd * in[i][j].likelihood();
    log_l[j] = std::log(std::max(l, 1e-300));
    if (m == 0) continue;
    // PDAF update of model j as the moment match of the mixture: beta0 N(x, P) plus
    // beta_i N(x + K_i y_i, P - K_i S_i K_i') (the radar's sigmas, and so S_i, differ per detection).
    Gaussian& g = s.model[j];
    Vec9 dx = Vec9::Zero();
    Mat9 P = beta[0] * g.P;
    for (int i = 0; i < m; ++i) {
      const Eigen::Matrix<double, 9, 4> K = gain(in[i][j]);
      const Vec9 d = K * in[i][j].y;
      dx += beta[i + 1] * d;
      // K S K' = K Pxz' (K = Pxz S^-1, S symmetric).
      P += beta[i + 1] * (g.P - K.lazyProduct(in[i][j].Pxz.transpose()) + d * d.transpose());
    }
    g.x += dx;
    g.P = P - dx * dx.transpose();
    g.P = (0.5 * (g.P + g.P.transpose())).eval();   // evaluated first: no transpose aliasing
  }
  reweight(s, log_l);
}

}  // namespace skyshield
