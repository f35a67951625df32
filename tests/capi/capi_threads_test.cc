// One engine shared by many threads: every thread analyses, validates and converts the same set of
// plans (valid and invalid) in its own order, and every result must equal, byte for byte, what a
// single thread got first. Run under the tsan preset, ThreadSanitizer also checks for data races.
//
// Uses only the C ABI (contactplan.h), as a multi-threaded host would.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "contactplan/contactplan.h"

namespace {

// What one call returned: the status and either the output or the message.
struct Outcome {
  cplan_status status = CPLAN_INTERNAL;
  std::string bytes;
  bool operator==(const Outcome& other) const {
    return status == other.status && bytes == other.bytes;
  }
};

Outcome Take(cplan_status status, char* output, size_t output_len, char* message) {
  Outcome outcome;
  outcome.status = status;
  if (status == CPLAN_OK) {
    outcome.bytes.assign(output, output_len);
  } else if (message != nullptr) {
    outcome.bytes = message;
  }
  cplan_free(output);
  cplan_free(message);
  return outcome;
}

Outcome Analyze(const cplan_engine* engine, const std::string& plan, int horizon) {
  const std::string options = "{\"horizonDays\": " + std::to_string(horizon) + "}";
  char* output = nullptr;
  size_t output_len = 0;
  char* message = nullptr;
  const cplan_status status = cplan_analyze(engine, plan.data(), plan.size(), CPLAN_FORMAT_JSON,
                                            options.data(), options.size(), CPLAN_FORMAT_JSON,
                                            CPLAN_FORMAT_BINARY, &output, &output_len, &message);
  return Take(status, output, output_len, message);
}

Outcome Validate(const cplan_engine* engine, const std::string& plan) {
  char* message = nullptr;
  const cplan_status status =
      cplan_validate(engine, plan.data(), plan.size(), CPLAN_FORMAT_JSON, &message);
  return Take(status, nullptr, 0, message);
}

Outcome Convert(const cplan_engine* engine, const std::string& plan) {
  char* output = nullptr;
  size_t output_len = 0;
  char* message = nullptr;
  const cplan_status status = cplan_convert(engine, plan.data(), plan.size(), CPLAN_FORMAT_JSON,
                                            CPLAN_FORMAT_BINARY, &output, &output_len, &message);
  return Take(status, output, output_len, message);
}

const char* const kGrades[] = {"MOTIVATED_TO_CHANGE", "DISSATISFIED", "INDIFFERENT",
                               "SATISFIED",           "OPEN",         "TRUST"};
const char* const kLevels[] = {"OPERATIONAL", "MIDDLE_MANAGEMENT", "SENIOR_MANAGEMENT",
                               "EXECUTIVE"};

// Plan `seed` as JSON: a few team members and persons with an org chart, a varied contact map, an
// open opportunity for every third seed, and (every seventh seed) a dangling reference that makes
// the plan invalid, so error paths run concurrently too. `scale` multiplies the team and the persons:
// scaled plans need more arena than the engine's first 128 KiB blocks, so the engine learns larger
// blocks and lends them to the calls that follow (capi/arena_block_pool.h), concurrently too.
std::string PlanJson(int seed, int scale = 1) {
  const int team = (2 + seed % 4) * scale;
  const int persons = (3 + seed % 7) * scale;
  std::string json = "{\"asOf\": \"2024-05-01T00:00:00Z\", \"account\": {\"id\": \"a" +
                     std::to_string(seed) + "\"}, \"teamMembers\": [";
  for (int t = 0; t < team; ++t) {
    json += std::string(t ? ", " : "") + "{\"id\": \"t" + std::to_string(t) + "\", \"level\": \"" +
            kLevels[(t + seed) % 4] + "\"}";
  }
  json += "], \"persons\": [";
  for (int p = 0; p < persons; ++p) {
    json += std::string(p ? ", " : "") + "{\"id\": \"p" + std::to_string(p) + "\", \"level\": \"" +
            kLevels[3 - p % 4] + "\"" +
            (p ? ", \"reportsToId\": \"p" + std::to_string(p / 2) + "\"" : "") +
            (p == 0 ? ", \"buyerRoles\": [\"POWER\"]" : "") + "}";
  }
  json += "], \"relationships\": [";
  bool first = true;
  for (int t = 0; t < team; ++t) {
    for (int p = 0; p < persons; ++p) {
      if ((t * 7 + p * 3 + seed) % 4 == 0) continue;
      json += std::string(first ? "" : ", ") + "{\"teamMemberId\": \"t" + std::to_string(t) +
              "\", \"personId\": \"p" + std::to_string(p) + "\", \"grade\": \"" +
              kGrades[(t + p + seed) % 6] + "\", \"assessedAt\": \"2024-0" +
              std::to_string(1 + (t + p) % 4) + "-15T00:00:00Z\"}";
      first = false;
    }
  }
  if (seed % 7 == 6) {
    json += std::string(first ? "" : ", ") + "{\"teamMemberId\": \"t0\", \"personId\": \"nobody\"}";
  }
  json += "]";
  if (seed % 3 == 0) {
    json +=
        ", \"opportunities\": [{\"id\": \"o1\", \"stage\": \"EVALUATE_RISK\", \"participants\": "
        "[{\"personId\": \"p0\", \"buyingRole\": \"DECISION_MAKER\", \"preference\": "
        "\"NEUTRAL\"}, {\"personId\": \"p1\", \"buyingRole\": \"EVALUATOR\"}]}]";
  }
  return json + "}";
}

struct Expected {
  Outcome analysis30, analysis90, validation, conversion;
};

}  // namespace

int main() {
  constexpr int kPlans = 44;
  constexpr int kScaledFrom = 42;  // plans 42 and 43 are eight times the size (both valid)
  constexpr int kThreads = 8;
  constexpr int kRounds = 3;

  cplan_engine* engine = nullptr;
  char* message = nullptr;
  if (cplan_engine_create(nullptr, 0, CPLAN_FORMAT_JSON, &engine, &message) != CPLAN_OK) {
    std::fprintf(stderr, "cannot create an engine: %s\n", message ? message : "");
    return 1;
  }

  std::vector<std::string> plans;
  std::vector<Expected> expected;
  int valid = 0;
  for (int seed = 0; seed < kPlans; ++seed) {
    plans.push_back(PlanJson(seed, seed >= kScaledFrom ? 8 : 1));
    expected.push_back({Analyze(engine, plans.back(), 30), Analyze(engine, plans.back(), 90),
                        Validate(engine, plans.back()), Convert(engine, plans.back())});
    valid += expected.back().analysis30.status == CPLAN_OK;
  }
  // The set must exercise both outcomes, or the comparison proves little.
  if (valid == 0 || valid == kPlans) {
    std::fprintf(stderr, "expected valid and invalid plans, got %d valid of %d\n", valid, kPlans);
    if (valid == 0) std::fprintf(stderr, "first error: %s\n", expected[0].analysis30.bytes.c_str());
    return 1;
  }

  std::atomic<int> mismatches{0};
  std::atomic<int> calls{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < kRounds; ++round) {
        for (int i = 0; i < kPlans; ++i) {
          // Each thread walks the plans from its own offset, so different plans overlap in time.
          const int seed = (i * (t % 2 ? 5 : 1) + t * 7 + round) % kPlans;
          const std::string& plan = plans[seed];
          const Expected& want = expected[seed];
          const int check = (seed + t + round) % 4;
          Outcome got = check == 0   ? Analyze(engine, plan, 30)
                        : check == 1 ? Analyze(engine, plan, 90)
                        : check == 2 ? Validate(engine, plan)
                                     : Convert(engine, plan);
          const Outcome& reference = check == 0   ? want.analysis30
                                     : check == 1 ? want.analysis90
                                     : check == 2 ? want.validation
                                                  : want.conversion;
          calls.fetch_add(1, std::memory_order_relaxed);
          if (!(got == reference)) {
            if (mismatches.fetch_add(1) < 5) {
              std::fprintf(stderr, "thread %d, plan %d, call %d: got %s (%zu bytes), expected %s\n",
                           t, seed, check, cplan_status_name(got.status), got.bytes.size(),
                           cplan_status_name(reference.status));
            }
          }
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  cplan_engine_destroy(engine);

  if (mismatches.load() != 0) {
    std::fprintf(stderr, "%d of %d concurrent calls differ from single-threaded results\n",
                 mismatches.load(), calls.load());
    return 1;
  }
  std::printf("%d concurrent calls on one engine (%d threads, %d plans, %d valid) matched\n",
              calls.load(), kThreads, kPlans, valid);
  return 0;
}
