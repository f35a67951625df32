#include "engine/analysis_bytes.h"

#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>

#include "base/wire_write.h"
#include "io/json_writer.h"
#include "io/output_size.h"
#include "io/proto_binary.h"

namespace contactplan::engine {
namespace {

using wire::DelimitedSize;
using wire::VarintSize;

char* WriteVarint(size_t value, char* out) {
  return reinterpret_cast<char*>(wire::WriteVarint(value, reinterpret_cast<uint8_t*>(out)));
}

// A singular message field: its bytes from the size protobuf cached (ByteSizeLong of the whole
// analysis has run), nothing when absent.
template <typename M>
size_t Singular(bool present, const M& sub) {
  return present ? DelimitedSize(static_cast<size_t>(sub.GetCachedSize())) : 0;
}

template <typename M>
size_t Repeated(const google::protobuf::RepeatedPtrField<M>& list) {
  size_t size = 0;
  for (const M& sub : list) size += DelimitedSize(static_cast<size_t>(sub.GetCachedSize()));
  return size;
}

// A proto3 scalar with a one-byte tag: nothing when 0.
size_t Scalar(uint64_t value) { return value == 0 ? 0 : 1 + VarintSize(value); }

// The bytes of the fields between the spliced ones (Analysis 1-2, 4 and 6, Scores 1-5 and 7-8,
// Recommendations 1-3, 5-6 and 8), field by field from the generated accessors rather than through reflection
// (which would build the analysis types' descriptors on first use). Field numbers never change,
// so these lists never grow: a field added later gets a number above the ones spliced around.
// tests/engine/analysis_bytes_test.cc checks the result against protobuf's own bytes.
size_t BeforeScores(const v1::Analysis& a) {
  static_assert(v1::Analysis::kSchemaVersionFieldNumber == 1 && v1::Analysis::kAsOfFieldNumber == 2 &&
                v1::Analysis::kScoresFieldNumber == 3 && v1::Analysis::kWebFieldNumber == 4 &&
                v1::Analysis::kFindingsFieldNumber == 5 && v1::Analysis::kGapsFieldNumber == 6 &&
                v1::Analysis::kRecommendationsFieldNumber == 7);
  return Scalar(a.schema_version()) + Singular(a.has_as_of(), a.as_of());
}

// Scores' fields before person_coverage (1-5) and after it (7-8).
size_t ScoresBeforeCoverage(const v1::Scores& s) {
  static_assert(v1::Scores::kAccountHealthFieldNumber == 1 &&
                v1::Scores::kCoverageBreadthFieldNumber == 2 && v1::Scores::kDepthFieldNumber == 3 &&
                v1::Scores::kQualityFieldNumber == 4 && v1::Scores::kRiskFieldNumber == 5 &&
                v1::Scores::kPersonCoverageFieldNumber == 6 &&
                v1::Scores::kOpportunityReadinessFieldNumber == 7 &&
                v1::Scores::kConfidenceFieldNumber == 8);
  return Singular(s.has_account_health(), s.account_health()) +
         Singular(s.has_coverage_breadth(), s.coverage_breadth()) +
         Singular(s.has_depth(), s.depth()) + Singular(s.has_quality(), s.quality()) +
         Singular(s.has_risk(), s.risk());
}

size_t ScoresAfterCoverage(const v1::Scores& s) {
  return Repeated(s.opportunity_readiness()) + Singular(s.has_confidence(), s.confidence());
}

// Recommendations' fields before desired_grades (1-3) and between it and drift (5-6).
size_t BeforeDesiredGrades(const v1::Recommendations& r) {
  static_assert(v1::Recommendations::kHorizonDaysFieldNumber == 1 &&
                v1::Recommendations::kKeyIntersectionsFieldNumber == 2 &&
                v1::Recommendations::kUnstaffedFieldNumber == 3 &&
                v1::Recommendations::kDesiredGradesFieldNumber == 4 &&
                v1::Recommendations::kBlueprintDraftFieldNumber == 5 &&
                v1::Recommendations::kCommunicationFieldNumber == 6 &&
                v1::Recommendations::kDriftFieldNumber == 7);
  // int32: a negative value is written sign-extended to ten bytes.
  const auto horizon = static_cast<uint64_t>(static_cast<int64_t>(r.horizon_days()));
  return Scalar(horizon) + Repeated(r.key_intersections()) + Repeated(r.unstaffed());
}

size_t DesiredGradesToDrift(const v1::Recommendations& r) {
  return Repeated(r.blueprint_draft()) + Repeated(r.communication());
}

static_assert(v1::Recommendations::kTeamLoadFieldNumber == 8 &&
              v1::Recommendations::kReleasesFieldNumber == 9);

constexpr int kScoresField = v1::Analysis::kScoresFieldNumber;
constexpr int kRecommendationsField = v1::Analysis::kRecommendationsFieldNumber;
constexpr int kDriftField = v1::Recommendations::kDriftFieldNumber;
// All are below 16, so each tag is one byte: number << 3 | 2 (length-delimited).
static_assert(kScoresField < 16 && kRecommendationsField < 16 && kDriftField < 16);
constexpr char kScoresTag = static_cast<char>(kScoresField << 3 | 2);
constexpr char kRecommendationsTag = static_cast<char>(kRecommendationsField << 3 | 2);
constexpr char kDriftTag = static_cast<char>(kDriftField << 3 | 2);

}  // namespace

AnalysisWithRows::AnalysisWithRows(const v1::Analysis& analysis, const AnalysisRows& rows)
    : analysis_(analysis),
      person_coverage_(*rows.person_coverage),
      findings_(rows.findings),
      desired_grades_(*rows.recommendations.desired_grades),
      drift_(*rows.recommendations.drift),
      releases_(*rows.recommendations.releases) {
  analysis_size_ = analysis.ByteSizeLong();
  const v1::Recommendations& recommendations = analysis.recommendations();
  const size_t old_recommendations = static_cast<size_t>(recommendations.GetCachedSize());
  before_scores_ = BeforeScores(analysis);
  const size_t old_scores = static_cast<size_t>(analysis.scores().GetCachedSize());
  old_scores_length_size_ = VarintSize(old_scores);
  scores_before_coverage_ = ScoresBeforeCoverage(analysis.scores());
  scores_after_coverage_ = ScoresAfterCoverage(analysis.scores());
  web_size_ = Singular(analysis.has_web(), analysis.web());
  person_coverage_size_ = person_coverage_.WireSize();
  scores_size_ = old_scores + person_coverage_size_;
  gaps_size_ = Singular(analysis.has_gaps(), analysis.gaps());
  old_length_size_ = VarintSize(old_recommendations);
  before_desired_grades_ = BeforeDesiredGrades(recommendations);
  desired_grades_to_drift_ = DesiredGradesToDrift(recommendations);
  team_load_size_ = Repeated(recommendations.team_load());
  desired_grades_size_ = desired_grades_.WireSize();
  drift_size_ = drift_.WireSize();
  releases_size_ = releases_.WireSize();
  recommendations_size_ =
      old_recommendations + desired_grades_size_ + DelimitedSize(drift_size_) + releases_size_;
  size_ = analysis_size_ - DelimitedSize(old_scores) + DelimitedSize(scores_size_) +
          findings_.size() - DelimitedSize(old_recommendations) +
          DelimitedSize(recommendations_size_);
}

void AnalysisWithRows::WriteInto(char* out) const {
  // The analysis without the rows goes at the end of the buffer, where its fields after the
  // releases (the rest of the recommendations, then the rest of the analysis) already are in their
  // final place. Each part before is then moved to the front in order, with the rows written
  // between: Analysis 1-2, the scores' tag and new length, Scores 1-5, the persons' coverage,
  // Scores 7-8, Analysis 4, the findings, Analysis 6, the recommendations' tag and new length,
  // Recommendations 1-3, the desired grades, Recommendations 5-6, the forecast, Recommendations 8,
  // the releases. Every move goes towards the front, onto bytes already moved or not yet written.
  const size_t shift = size_ - analysis_size_;
  const char* from = out + shift;
  io::WriteBinaryMessageInto(analysis_, analysis_size_, out + shift);
  char* at = out;
  const auto move = [&](size_t size) {
    std::memmove(at, from, size);
    at += size;
    from += size;
  };
  // A grown message field's tag and new length, in place of its tag and old length.
  const auto head = [&](char tag, size_t length, size_t old_length_size) {
    *at++ = tag;
    at = WriteVarint(length, at);
    from += 1 + old_length_size;
  };
  move(before_scores_);
  head(kScoresTag, scores_size_, old_scores_length_size_);
  move(scores_before_coverage_);
  at = reinterpret_cast<char*>(person_coverage_.WriteWire(reinterpret_cast<uint8_t*>(at)));
  move(scores_after_coverage_);
  move(web_size_);
  std::memcpy(at, findings_.data(), findings_.size());
  at += findings_.size();
  move(gaps_size_);
  head(kRecommendationsTag, recommendations_size_, old_length_size_);
  move(before_desired_grades_);
  at = reinterpret_cast<char*>(desired_grades_.WriteWire(reinterpret_cast<uint8_t*>(at)));
  move(desired_grades_to_drift_);
  *at++ = kDriftTag;
  at = WriteVarint(drift_size_, at);
  at = reinterpret_cast<char*>(drift_.WriteWire(reinterpret_cast<uint8_t*>(at)));
  move(team_load_size_);
  releases_.WriteWire(reinterpret_cast<uint8_t*>(at));
}

namespace {

// The analysis' bytes, followed by the slack the JSON writer reads past them, and then its JSON
// written by `write` (io::WriteJsonOfWire or io::WriteJsonOfWireToBlock).
template <typename Write>
auto WriteJsonOf(const AnalysisWithRows& bytes, const Write& write) -> decltype(write({})) {
  // JSON is never shorter than the wire form: an analysis over the limit is refused before its
  // bytes are allocated.
  if (bytes.size() > io::kMaxOutputBytes) {
    return io::CheckOutputSize(bytes.size() + 1, io::kMaxOutputBytes, "JSON");
  }
  const std::unique_ptr<char[]> wire(new char[bytes.size() + io::kJsonWireSlack]);
  std::memset(wire.get() + bytes.size(), 0, io::kJsonWireSlack);
  bytes.WriteInto(wire.get());
  return write(std::string_view(wire.get(), bytes.size()));
}

}  // namespace

absl::StatusOr<std::string> AnalysisWithRows::WriteJson() const {
  return WriteJsonOf(*this, [](std::string_view wire) {
    return io::WriteJsonOfWire(*v1::Analysis::descriptor(), wire, io::JsonStyle::kEveryField);
  });
}

absl::StatusOr<io::MallocText> AnalysisWithRows::WriteJsonToBlock() const {
  return WriteJsonOf(*this, [](std::string_view wire) {
    return io::WriteJsonOfWireToBlock(*v1::Analysis::descriptor(), wire,
                                      io::JsonStyle::kEveryField);
  });
}

}  // namespace contactplan::engine
