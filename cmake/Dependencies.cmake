# Every dependency comes from a Debian package (scripts/install-deps.sh installs them).
find_package(Threads REQUIRED)
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(CLI11 REQUIRED)
find_package(fmt REQUIRED)
# Elevation data (GeoTIFF, DTED, SRTM, ...): Debian's libgdal-dev ships GDALConfig.cmake -> GDAL::GDAL.
find_package(GDAL REQUIRED)

# Debian's GeographicLib ships only a Find module and no target: wrap it.
list(APPEND CMAKE_MODULE_PATH /usr/share/cmake/geographiclib)
find_package(GeographicLib REQUIRED)
if(NOT TARGET GeographicLib::GeographicLib)
  add_library(GeographicLib::GeographicLib INTERFACE IMPORTED)
  set_target_properties(GeographicLib::GeographicLib PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${GeographicLib_INCLUDE_DIRS}"
    INTERFACE_LINK_LIBRARIES "${GeographicLib_LIBRARIES}")
endif()

# The tests and benchmarks are left out (with a note) when their packages are not installed yet:
# ./run.sh installs only what the program needs (scripts/install-deps.sh --run), ./test.sh the rest.
if(SKYSHIELD_BUILD_TESTS)
  find_package(GTest)
  if(NOT GTest_FOUND)
    message(STATUS "GoogleTest is not installed: the tests are not built (./test.sh installs it)")
    set(SKYSHIELD_BUILD_TESTS OFF)
  endif()
endif()
if(SKYSHIELD_BUILD_BENCH)
  find_package(benchmark QUIET)
  if(NOT benchmark_FOUND)
    message(STATUS "Google Benchmark is not installed: the benchmarks are not built (./test.sh installs it)")
    set(SKYSHIELD_BUILD_BENCH OFF)
  endif()
endif()

# Optional: MPI (Open MPI from Debian) for `mpirun -n K skyshield mc ...`; everything else builds without it.
option(SKYSHIELD_WITH_MPI "Build MPI support for Monte Carlo batches when MPI is installed" ON)
if(SKYSHIELD_WITH_MPI)
  set(MPI_CXX_SKIP_MPICXX ON)  # the C API only (the MPI C++ bindings are deprecated)
  find_package(MPI COMPONENTS CXX)
endif()
