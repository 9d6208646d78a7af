#!/usr/bin/env bash
# Installs the Debian packages skyshield builds with; skips what is already there (idempotent).
# Usage: scripts/install-deps.sh          (build + test dependencies: ./test.sh)
#        scripts/install-deps.sh --run    (what building and running the program needs: ./run.sh)
set -euo pipefail

packages=(
  cmake g++ make pkg-config ninja-build ccache
  libeigen3-dev nlohmann-json3-dev libyaml-cpp-dev libcli11-dev
  libfmt-dev libgeographiclib-dev libnanoflann-dev
  coinor-libcbc-dev
  libcpp-httplib-dev zlib1g-dev
  libgdal-dev                                  # elevation data (GeoTIFF, DTED, SRTM) and coverage maps (GeoTIFF, PNG)
)
case "${1:-}" in
  --run) ;;
  "") packages+=(
        libgtest-dev libgmock-dev libbenchmark-dev   # the tests and benchmarks
        libopenmpi-dev openmpi-bin                   # mpirun batches (optional in the build)
        clang                                        # the fuzz targets
        tshark                                       # the DIS test reads our PDUs with Wireshark
        chromium                                     # the viewer's browser test
      ) ;;
  *) echo "install-deps: unknown option '$1' (known: --run)" >&2; exit 2 ;;
esac
# Node.js and npm build the replay viewer (viewer/); the machine may have them from elsewhere.
command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
# tshark (the DIS test reads our PDUs with Wireshark's dissector): answer its one question, no
# setuid dumpcap (the test captures as root, or dissects a file it writes itself).
echo "wireshark-common wireshark-common/install-setuid boolean false" | $SUDO debconf-set-selections 2>/dev/null || true
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
