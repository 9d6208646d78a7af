#pragma once
// Monte Carlo across MPI processes (`mpirun -n K skyshield mc ...`): rank r runs the runs whose
// index is r modulo K, rank 0 gathers every row. Rows depend only on their index, so the gathered
// result is byte-identical to a single-process batch. Only built when MPI is found.
#include "analysis/monte_carlo.hpp"

namespace skyshield {

// True when the process was started by an MPI launcher (Open MPI or a PMI-based one).
bool launched_by_mpi();

class MpiSession {
 public:
  MpiSession(int* argc, char*** argv);
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;
  int rank() const { return rank_; }
  int size() const { return size_; }

 private:
  int rank_ = 0, size_ = 1;
};

// This rank's share of the batch, gathered on rank 0 (whose result holds every row; the other
// ranks' results hold only their own rows). Collective: every rank must call it.
MonteCarloResult run_monte_carlo_mpi(const MpiSession& mpi, const Scenario& scenario, int runs, int threads,
                                     std::uint64_t seed, MonteCarloOptions options);

}  // namespace skyshield
