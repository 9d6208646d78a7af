#include "tracking/signature.hpp"

#include <cmath>

namespace skyshield {

double SignatureBand::std_db() const { return count >= 2 ? std::sqrt(m2 / (count - 1)) : 0.0; }

void Signature::add(double frequency_hz, double rcs_dbsm) {
  SignatureBand* slot = nullptr;
  for (SignatureBand& b : bands) {
    if (b.frequency_hz > 0.0 && std::abs(b.frequency_hz - frequency_hz) <= 0.05 * frequency_hz) {
      slot = &b;
      break;
    }
    if (b.frequency_hz == 0.0 && !slot) {
      slot = &b;
      slot->frequency_hz = frequency_hz;
      break;
    }
  }
  if (!slot) return;
  ++slot->count;
  const double d = rcs_dbsm - slot->mean_db;
  slot->mean_db += d / slot->count;
  slot->m2 += d * (rcs_dbsm - slot->mean_db);
}

const SignatureBand* Signature::best() const {
  const SignatureBand* out = nullptr;
  for (const SignatureBand& b : bands)
    if (b.count > 0 && (!out || b.count > out->count)) out = &b;
  return out;
}

int Signature::total_count() const {
  int n = 0;
  for (const SignatureBand& b : bands) n += b.count;
  return n;
}

double rcs_dbsm_from_snr(double snr_db, double range_m, double snr_1m2_at_1m) {
  return snr_db + 40.0 * std::log10(range_m) - 10.0 * std::log10(snr_1m2_at_1m);
}

}  // namespace skyshield
