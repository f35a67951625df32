// Each person's coverage score (docs/scores.md) worked out but not yet written: the rows of
// Scores.person_coverage. A large account lists one per person (10,000 on the 10,000 x 500
// account), each a Score of two components with their explanations, so they are written either as
// messages (WriteTo) or straight as the bytes of Scores' field person_coverage (WireSize,
// WriteWire), which the C ABI splices into a binary analysis (engine/analysis_bytes.h). Both give
// the same entries, byte for byte once serialized. The rows name the plan's person ids by view:
// valid while the plan lives.
#ifndef CONTACTPLAN_SRC_SCORE_PERSON_COVERAGE_ROWS_H_
#define CONTACTPLAN_SRC_SCORE_PERSON_COVERAGE_ROWS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "contactplan/v1/analysis.pb.h"
#include "google/protobuf/repeated_ptr_field.h"

namespace contactplan::score {

class PersonCoverageRows {
 public:
  // The components' weights, the same for every person (tuning.scores.person_coverage).
  PersonCoverageRows(double best_grade_weight, double threads_weight)
      : best_grade_weight_(best_grade_weight), threads_weight_(threads_weight) {}

  // Keeps an explanation, returning what Add names it by.
  uint32_t AddExplanation(std::string text);
  // Appends the coverage of the person whose id is `person_id`: the components' values on the
  // 0-100 scale (already clamped) and their explanations (from AddExplanation). The score's value
  // is the components' weighted mean, worked out as every score's is.
  void Add(std::string_view person_id, double best_grade, uint32_t best_grade_explanation,
           double threads, uint32_t threads_explanation);

  size_t size() const { return rows_.size(); }

  // Appends the entries to `*entries`, built where it lives.
  void WriteTo(google::protobuf::RepeatedPtrField<v1::PersonCoverage>* entries) const;

  // The bytes of the entries as Scores.person_coverage (each entry's tag, length and
  // PersonCoverage message), exactly as protobuf's serialization of WriteTo's messages writes them.
  size_t WireSize() const;
  // Writes those WireSize() bytes at `target`; returns the end.
  uint8_t* WriteWire(uint8_t* target) const;

 private:
  struct Row {
    std::string_view person_id;
    double score;
    double values[2];           // best_grade, threads
    uint32_t explanations[2];   // into explanations_
  };
  // Component c's weight, in kNames' order (best_grade, threads).
  double Weight(int c) const { return c == 0 ? best_grade_weight_ : threads_weight_; }
  // The bytes of a component's message, and of the Score holding both.
  size_t ComponentSize(size_t name_size, double value, double weight, uint32_t explanation) const;
  size_t ScoreSize(const Row& row) const;

  double best_grade_weight_;
  double threads_weight_;
  std::vector<Row> rows_;
  std::vector<std::string> explanations_;
};

}  // namespace contactplan::score

#endif  // CONTACTPLAN_SRC_SCORE_PERSON_COVERAGE_ROWS_H_
