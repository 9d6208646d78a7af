#pragma once
// `skyshield track`: the tracker alone on a detection file (formats in tracking/detection_file.hpp).
#include <string>

int cmd_track(const std::string& detections, const std::string& truth, const std::string& scenario, const std::string& out_dir);
