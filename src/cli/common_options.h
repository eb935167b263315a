// Options and exit statuses shared by the subcommands of the newsdedup command line.
// Exit status: 0 success, 1 failure (a message names the file at fault; with --strict, also
// any skipped input), 2 usage error.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "dedup/similarity.h"
#include "io/diagnostics.h"
#include "io/input_options.h"

namespace newsdedup::cli {

inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;
inline constexpr const char* kQualityHelp =
    "Also apply the C4, Gopher and FineWeb quality rules: drop failing lines, empty failing documents (see README)";

// INPUTS, --id-field, --text-field, --threads, --force, --strict.
void add_input_options(CLI::App& command, std::vector<std::string>& inputs, InputOptions& input, std::size_t& threads,
                       bool& force, bool& strict);
// --threshold, --containment.
void add_rule_options(CLI::App& command, DuplicateRule& rule);
// --memory SIZE.
void add_memory_option(CLI::App& command, std::uint64_t& memory_bytes);

// --strict: the outputs are written, but the command fails when input was skipped. Returns the
// exit status.
int strict_status(bool strict, const Diagnostics& diagnostics, const std::string& outputs);

}  // namespace newsdedup::cli
