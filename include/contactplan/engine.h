// The contactplan engine: analyses a plan into scores, the web of influence, findings, gaps and
// recommendations.
#ifndef CONTACTPLAN_ENGINE_H_
#define CONTACTPLAN_ENGINE_H_

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "contactplan/plan_io.h"
#include "contactplan/v1/analysis.pb.h"
#include "contactplan/v1/options.pb.h"
#include "contactplan/v1/plan.pb.h"

namespace contactplan {

namespace internal {
struct EngineState;
}  // namespace internal

// An immutable engine built from options. Copying is cheap (the state is shared) and every method is
// const and safe to call from many threads at once. The engine keeps no global state and never reads
// the clock: the same plan and options always give byte-identical analyses.
class Engine {
 public:
  // Builds an engine. Returns InvalidArgument naming the option (e.g. "thresholds.stale_after_days:
  // must be positive") when an option is out of range; unset options take their documented defaults.
  static absl::StatusOr<Engine> Create(const v1::EngineOptions& options = {});

  // Validates then analyses `plan`. An invalid plan gives InvalidArgument whose message lists every
  // problem, one per line, as "field.path: what is wrong"; nothing is analysed then. A plan over the
  // engine's limits gives ResourceExhausted naming the limit.
  absl::StatusOr<v1::Analysis> Analyze(const v1::Plan& plan,
                                       const v1::AnalysisOptions& options = {}) const;

  // The same analysis, written into `*analysis` (cleared first; left cleared or partly written when
  // an error is returned). The analysis is built where `*analysis` lives: give it a message on a
  // google::protobuf::Arena and every finding and recommendation is allocated on that arena, which
  // makes large accounts several times cheaper to analyse and to free (the C ABI does this).
  absl::Status AnalyzeInto(const v1::Plan& plan, const v1::AnalysisOptions& options,
                           v1::Analysis* analysis) const;

  // Bytes in, bytes out, the way the C ABI's cplan_analyze works: parses `plan` in `plan_format`
  // (as ParsePlanInto), analyses it (as AnalyzeInto) and writes the analysis in `output_format`
  // (as WriteAnalysis; kCsvGrid is InvalidArgument). Faster and smaller than those three calls for
  // a binary plan: its relationships are read into flat rows without becoming messages, and a
  // binary analysis is written with its persons' coverage, findings, desired grades, drift
  // forecast and releases straight as bytes (docs/architecture.md, docs/memory.md). The output is byte for byte what the
  // three calls give. Errors are theirs, but a parse error and an
  // invalid plan are both InvalidArgument: a host that must tell them apart (to name a file's line,
  // say) parses with ParsePlanInto itself, or calls it again when this fails.
  absl::StatusOr<std::string> AnalyzeBytes(std::string_view plan, PlanFormat plan_format,
                                           const v1::AnalysisOptions& options,
                                           PlanFormat output_format) const;

  // The analysis options alone: OK, or InvalidArgument naming the option ("horizon_days: must be 30,
  // 60 or 90, got 45", "max_findings: ..."), exactly as Analyze would report it. Hosts check options
  // with it before they read a plan, so a bad option never costs a parse and is never confused with
  // an invalid plan (both are InvalidArgument from Analyze). Thread-safe; no engine needed.
  static absl::Status CheckAnalysisOptions(const v1::AnalysisOptions& options);

  // Validation alone, with this engine's limits: OK, or the error Analyze would return.
  absl::Status Validate(const v1::Plan& plan) const;

  // The options the engine was built from, as given (defaults not filled in).
  const v1::EngineOptions& options() const;

 private:
  explicit Engine(std::shared_ptr<const internal::EngineState> state);
  std::shared_ptr<const internal::EngineState> state_;
};

}  // namespace contactplan

#endif  // CONTACTPLAN_ENGINE_H_
