// A binary analysis whose persons' coverage, findings, desired grades, drift forecast and releases
// are written as bytes (engine::AnalysisRows) rather than built as messages. On a large account the forecast and the
// releases are most of the analysis (100,000 forecast rows are 18.6 MB as messages and 3.5 MB as
// bytes; 29,000 releases with a sentence each, about 9 MB as messages); the findings are most of
// a typical account's messages. The C ABI builds the rest as messages and splices their bytes in
// while it writes (docs/memory.md).
//
// How: protobuf writes a message's known fields in field-number order. The persons' coverage is
// field 6 of Scores, which is field 3 (scores) of Analysis; the findings are field 5 of Analysis;
// the desired grades are field 4, the forecast field 7 (drift) and the releases field 9 of
// Recommendations, which is field 7 (recommendations) of Analysis. So the bytes are those of the
// analysis without them, with the persons' coverage inserted after Scores' fields 1-5 and the
// scores' length grown to match, the findings after Analysis' fields 1-4, the desired grades after
// Recommendations' fields 1-3, the forecast after its fields 5-6, the releases after its field 8
// (team_load), and the recommendations' length grown to match; the fields after them (Scores 7-8,
// Recommendations 10, Analysis 8-9) follow unchanged.
#ifndef CONTACTPLAN_SRC_ENGINE_ANALYSIS_BYTES_H_
#define CONTACTPLAN_SRC_ENGINE_ANALYSIS_BYTES_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"

#include "contactplan/plan_io.h"
#include "contactplan/v1/analysis.pb.h"
#include "engine/analyze.h"
#include "io/json_writer.h"

namespace contactplan::engine {

// Whether an analysis written in `format` is written from AnalysisWithRows (binary and JSON), so
// that AnalyzePlan should work its largest parts out as rows instead of building them as
// messages; text is written from the whole message.
inline bool WrittenFromRows(PlanFormat format) {
  return format == PlanFormat::kBinary || format == PlanFormat::kJson;
}

class AnalysisWithRows {
 public:
  // `analysis` must hold scores without persons' coverage, no findings, and recommendations without
  // desired grades, a drift forecast or releases, and `rows` all five (engine::AnalyzePlan with a `rows` out-parameter leaves them so). Computes
  // the analysis' sizes, which protobuf caches in the messages: construct it after the analysis
  // last changed, and change neither before WriteInto. Both must outlive this object.
  AnalysisWithRows(const v1::Analysis& analysis, const AnalysisRows& rows);

  // Bytes of the binary analysis with the rows in: the same bytes as io::WriteBinaryMessage of the
  // analysis AnalyzePlan builds without `rows`.
  size_t size() const { return size_; }

  // Writes size() bytes at `out`.
  void WriteInto(char* out) const;

  // The analysis with the rows in as JSON (every field printed): the same text as
  // WriteAnalysis(analysis, PlanFormat::kJson) of the analysis AnalyzePlan builds without `rows`,
  // written from these bytes, so the rows are never built as messages (io::WriteJsonOfWire).
  // Errors: WriteAnalysis' for an analysis over the output limit.
  absl::StatusOr<std::string> WriteJson() const;
  // The same text in a block from std::malloc, written there directly (for the C ABI, which hands
  // the block to its caller).
  absl::StatusOr<io::MallocText> WriteJsonToBlock() const;

 private:
  const v1::Analysis& analysis_;
  const score::PersonCoverageRows& person_coverage_;
  const std::string& findings_;
  const recommend::DesiredGradeRows& desired_grades_;
  const recommend::DriftForecastRows& drift_;
  const recommend::ReleaseRows& releases_;
  size_t analysis_size_ = 0;         // the analysis without the rows
  size_t before_scores_ = 0;         // its fields before scores
  size_t old_scores_length_size_ = 0;  // bytes of the scores' length as written
  size_t scores_before_coverage_ = 0;  // the scores' fields before person_coverage
  size_t scores_after_coverage_ = 0;   // and after it
  size_t web_size_ = 0;              // the analysis' field between scores and findings
  size_t person_coverage_size_ = 0;  // the persons' coverage bytes (their tags included)
  size_t scores_size_ = 0;           // the scores with the persons' coverage
  size_t gaps_size_ = 0;             // its field between findings and recommendations
  size_t old_length_size_ = 0;       // bytes of the recommendations' length as written
  size_t before_desired_grades_ = 0;    // the recommendations' fields before desired_grades
  size_t desired_grades_to_drift_ = 0;  // and between desired_grades and drift
  size_t team_load_size_ = 0;        // the recommendations' field between drift and releases
  size_t recommendations_size_ = 0;  // the recommendations with the rows
  size_t desired_grades_size_ = 0;   // the desired grades' bytes (their tags included)
  size_t drift_size_ = 0;            // the forecast's bytes
  size_t releases_size_ = 0;         // the releases' bytes (their tags included)
  size_t size_ = 0;
};

}  // namespace contactplan::engine

#endif  // CONTACTPLAN_SRC_ENGINE_ANALYSIS_BYTES_H_
