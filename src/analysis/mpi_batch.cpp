#include "analysis/mpi_batch.hpp"

#include <mpi.h>

#include <cstdlib>
#include <stdexcept>

#include "analysis/journal.hpp"

namespace skyshield {

bool launched_by_mpi() {
  return std::getenv("OMPI_COMM_WORLD_SIZE") != nullptr || std::getenv("PMI_SIZE") != nullptr ||
         std::getenv("PMIX_RANK") != nullptr;
}

MpiSession::MpiSession(int* argc, char*** argv) {
  MPI_Init(argc, argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiSession::~MpiSession() { MPI_Finalize(); }

MonteCarloResult run_monte_carlo_mpi(const MpiSession& mpi, const Scenario& scenario, int runs, int threads,
                                     std::uint64_t seed, MonteCarloOptions options) {
  options.rank = mpi.rank();
  options.ranks = mpi.size();
  MonteCarloResult r = run_monte_carlo(scenario, runs, threads, seed, options);
  // Serialise this rank's rows as journal lines (exact doubles) and gather them on rank 0.
  std::string mine;
  for (int i = mpi.rank(); i < runs; i += mpi.size()) mine += journal_line(r.rows[i]);
  int len = static_cast<int>(mine.size());
  std::vector<int> lens(mpi.size()), offsets(mpi.size());
  MPI_Gather(&len, 1, MPI_INT, lens.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  std::string all;
  if (mpi.rank() == 0) {
    int total = 0;
    for (int k = 0; k < mpi.size(); ++k) {
      offsets[k] = total;
      total += lens[k];
    }
    all.resize(static_cast<std::size_t>(total));
  }
  MPI_Gatherv(mine.data(), len, MPI_CHAR, all.data(), lens.data(), offsets.data(), MPI_CHAR, 0, MPI_COMM_WORLD);
  if (mpi.rank() != 0) return r;
  std::size_t pos = 0;
  while (pos < all.size()) {
    const std::size_t nl = all.find('\n', pos);
    if (nl == std::string::npos) throw std::runtime_error("MPI gather: truncated row");
    RunRow row = parse_journal_line(all.substr(pos, nl - pos), r.layers.size(), "MPI gather");
    pos = nl + 1;
    if (row.run < 0 || row.run >= runs) throw std::runtime_error("MPI gather: run index out of range");
    r.rows[row.run] = std::move(row);
  }
  return r;
}

}  // namespace skyshield
