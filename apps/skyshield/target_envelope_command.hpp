#pragma once
// `skyshield envelope CLASS --target TYPE` (target_envelope_command.cpp).
#include <string>

#include "analysis/envelope.hpp"

int cmd_target_envelope(const skyshield::InterceptorClass& cls, const std::string& target,
                        const skyshield::EnvelopeOptions& opt, const std::string& out_dir);
