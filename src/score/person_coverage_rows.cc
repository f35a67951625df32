#include "score/person_coverage_rows.h"

#include <utility>

#include "base/wire_write.h"

namespace contactplan::score {
namespace {

// The components of every person's coverage, in this order.
constexpr std::string_view kNames[2] = {"best_grade", "threads"};

// Field numbers: Scores.person_coverage; PersonCoverage; Score; ScoreComponent.
constexpr int kPersonCoverageField = v1::Scores::kPersonCoverageFieldNumber;
static_assert(v1::PersonCoverage::kPersonIdFieldNumber == 1 &&
              v1::PersonCoverage::kCoverageFieldNumber == 2 && v1::Score::kValueFieldNumber == 1 &&
              v1::Score::kComponentsFieldNumber == 2 && v1::ScoreComponent::kNameFieldNumber == 1 &&
              v1::ScoreComponent::kValueFieldNumber == 2 &&
              v1::ScoreComponent::kWeightFieldNumber == 3 &&
              v1::ScoreComponent::kExplanationFieldNumber == 4);

}  // namespace

uint32_t PersonCoverageRows::AddExplanation(std::string text) {
  explanations_.push_back(std::move(text));
  return static_cast<uint32_t>(explanations_.size() - 1);
}

void PersonCoverageRows::Add(std::string_view person_id, double best_grade,
                             uint32_t best_grade_explanation, double threads,
                             uint32_t threads_explanation) {
  // As every score's value is worked out from its components (scores.cc, ScoreBuilder::Finish):
  // the same operations in the same order, so the same double.
  double weighted = 0;
  double weights = 0;
  weighted += best_grade * best_grade_weight_;
  weights += best_grade_weight_;
  weighted += threads * threads_weight_;
  weights += threads_weight_;
  rows_.push_back({person_id, weights > 0 ? weighted / weights : 0, {best_grade, threads},
                   {best_grade_explanation, threads_explanation}});
}

void PersonCoverageRows::WriteTo(
    google::protobuf::RepeatedPtrField<v1::PersonCoverage>* entries) const {
  entries->Reserve(entries->size() + static_cast<int>(rows_.size()));
  for (const Row& row : rows_) {
    v1::PersonCoverage& entry = *entries->Add();
    entry.set_person_id(row.person_id.data(), row.person_id.size());
    v1::Score& score = *entry.mutable_coverage();
    for (int c = 0; c < 2; ++c) {
      v1::ScoreComponent& component = *score.add_components();
      component.set_name(kNames[c].data(), kNames[c].size());
      component.set_value(row.values[c]);
      component.set_weight(Weight(c));
      component.set_explanation(explanations_[row.explanations[c]]);
    }
    score.set_value(row.score);
  }
}

size_t PersonCoverageRows::ComponentSize(size_t name_size, double value, double weight,
                                         uint32_t explanation) const {
  return wire::StringSize(name_size) + wire::DoubleSize(value) + wire::DoubleSize(weight) +
         wire::StringSize(explanations_[explanation].size());
}

size_t PersonCoverageRows::ScoreSize(const Row& row) const {
  return wire::DoubleSize(row.score) +
         wire::DelimitedSize(
             ComponentSize(kNames[0].size(), row.values[0], Weight(0), row.explanations[0])) +
         wire::DelimitedSize(
             ComponentSize(kNames[1].size(), row.values[1], Weight(1), row.explanations[1]));
}

size_t PersonCoverageRows::WireSize() const {
  size_t size = 0;
  for (const Row& row : rows_) {
    size += wire::DelimitedSize(wire::StringSize(row.person_id.size()) +
                                wire::DelimitedSize(ScoreSize(row)));
  }
  return size;
}

uint8_t* PersonCoverageRows::WriteWire(uint8_t* target) const {
  for (const Row& row : rows_) {
    const size_t score_size = ScoreSize(row);
    target = wire::WriteDelimitedHead(
        kPersonCoverageField,
        wire::StringSize(row.person_id.size()) + wire::DelimitedSize(score_size), target);
    target = wire::WriteString(v1::PersonCoverage::kPersonIdFieldNumber, row.person_id, target);
    target = wire::WriteDelimitedHead(v1::PersonCoverage::kCoverageFieldNumber, score_size, target);
    target = wire::WriteDouble(v1::Score::kValueFieldNumber, row.score, target);
    for (int c = 0; c < 2; ++c) {
      target = wire::WriteDelimitedHead(
          v1::Score::kComponentsFieldNumber,
          ComponentSize(kNames[c].size(), row.values[c], Weight(c), row.explanations[c]), target);
      target = wire::WriteString(v1::ScoreComponent::kNameFieldNumber, kNames[c], target);
      target = wire::WriteDouble(v1::ScoreComponent::kValueFieldNumber, row.values[c], target);
      target = wire::WriteDouble(v1::ScoreComponent::kWeightFieldNumber, Weight(c), target);
      target = wire::WriteString(v1::ScoreComponent::kExplanationFieldNumber,
                                 explanations_[row.explanations[c]], target);
    }
  }
  return target;
}

}  // namespace contactplan::score
