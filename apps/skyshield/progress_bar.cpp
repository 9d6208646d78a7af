#include "progress_bar.hpp"

#include <unistd.h>

#include <algorithm>

namespace skyshield {

ProgressBar::ProgressBar(std::string label, std::string unit)
    : label_(std::move(label)), unit_(std::move(unit)), enabled_(isatty(fileno(stderr)) != 0), start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() {
  if (enabled_ && last_permille_ >= 0) std::fputc('\n', stderr);
}

void ProgressBar::update(double done, double total) {
  if (!enabled_ || total <= 0) return;
  const double f = std::clamp(done / total, 0.0, 1.0);
  const int permille = static_cast<int>(f * 1000);
  if (permille == last_permille_) return;
  last_permille_ = permille;
  constexpr int kWidth = 40;
  const int filled = static_cast<int>(f * kWidth);
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::string bar(filled, '#');
  bar.resize(kWidth, '.');
  const double eta = f > 0.0 ? elapsed * (1.0 - f) / f : 0.0;
  std::fprintf(stderr, "\r%s [%s] %5.1f%%  %.0f/%.0f %s  %.0f s elapsed, ETA %.0f s ", label_.c_str(), bar.c_str(), f * 100.0,
               done, total, unit_.c_str(), elapsed, eta);
  std::fflush(stderr);
}

void ProgressBar::finish(double done, double planned) {
  if (!enabled_) return;
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const std::string bar(40, '#');
  const std::string where = done < planned ? "%.0f of %.0f %s (ended early: nothing left to simulate)" : "%.0f/%.0f %s";
  std::fprintf(stderr, "\r%s [%s] 100.0%%  ", label_.c_str(), bar.c_str());
  std::fprintf(stderr, where.c_str(), done, planned, unit_.c_str());
  std::fprintf(stderr, "  %.0f s elapsed%20s", elapsed, "");
  last_permille_ = 1000;
  std::fflush(stderr);
}

}  // namespace skyshield
