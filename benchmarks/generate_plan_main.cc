// Writes a generated plan in binary, for the suites that must not link the engine statically (the C
// ABI suite, the Python timings) and for the memory probe.
//
//   bench_generate_plan --persons N --team M [--seed S] [--opportunities K] --out PATH
//   bench_generate_plan --typical --out PATH
//
// Superseded for users by `contactplan generate`; this one exists so the benchmark script needs
// nothing but the benchmark targets.
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

#include "contactplan/plan_generator.h"

namespace {

int Usage() {
  std::cerr << "usage: bench_generate_plan (--typical | --persons N --team M [--seed S] "
               "[--opportunities K]) --out PATH\n";
  return 64;
}

}  // namespace

int main(int argc, char** argv) {
  using contactplan::generate::GeneratorOptions;
  GeneratorOptions options;
  std::string out;
  for (int i = 1; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (flag == "--typical") {
      options = contactplan::generate::TypicalPlanOptions();
      continue;
    }
    if (i + 1 >= argc) return Usage();
    const char* value = argv[++i];
    if (flag == "--out") {
      out = value;
    } else if (flag == "--persons") {
      options.persons = std::atoi(value);
    } else if (flag == "--team") {
      options.team_members = std::atoi(value);
    } else if (flag == "--seed") {
      options.seed = std::strtoull(value, nullptr, 10);
    } else if (flag == "--opportunities") {
      options.opportunities = std::atoi(value);
    } else {
      return Usage();
    }
  }
  if (out.empty()) return Usage();
  if (absl::Status valid = contactplan::generate::CheckGeneratorOptions(options); !valid.ok()) {
    std::cerr << "bench_generate_plan: " << valid.message() << "\n";
    return 64;
  }
  std::ofstream file(out, std::ios::binary | std::ios::trunc);
  if (!contactplan::generate::GeneratePlan(options).SerializeToOstream(&file) || !file.flush()) {
    std::cerr << "bench_generate_plan: cannot write " << out << "\n";
    return 1;
  }
  return 0;
}
