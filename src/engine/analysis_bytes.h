// A binary analysis whose drift forecast is written from its rows (recommend::DriftForecastRows)
// rather than from messages. On a large account the forecast is most of the analysis (100,000
// rows are 18.6 MB as messages and 3.5 MB as bytes); the C ABI builds the rest as messages and
// splices the forecast's bytes in while it writes (docs/memory.md).
//
// How: protobuf writes a message's known fields in field-number order. The forecast is field 7
// (drift) of Recommendations, which is field 7 (recommendations) of Analysis. So the bytes are
// those of the analysis without the forecast, with the forecast's field inserted after
// Recommendations' fields 1-6 and the recommendations' length grown to match; the fields after it
// (Recommendations 8-10, Analysis 8-9) follow unchanged.
#ifndef CONTACTPLAN_SRC_ENGINE_ANALYSIS_BYTES_H_
#define CONTACTPLAN_SRC_ENGINE_ANALYSIS_BYTES_H_

#include <cstddef>

#include "contactplan/v1/analysis.pb.h"
#include "recommend/drift.h"

namespace contactplan::engine {

class AnalysisWithDrift {
 public:
  // `analysis` must hold recommendations without a drift forecast (engine::AnalyzePlan with a
  // `drift` out-parameter leaves it so). Computes the analysis' sizes, which protobuf caches in the
  // messages: construct it after the analysis last changed, and change neither before WriteInto.
  // Both must outlive this object.
  AnalysisWithDrift(const v1::Analysis& analysis, const recommend::DriftForecastRows& drift);

  // Bytes of the binary analysis with the forecast in: the same bytes as io::WriteBinaryMessage of
  // the analysis with DriftForecastRows::WriteTo(recommendations.drift) written in.
  size_t size() const { return size_; }

  // Writes size() bytes at `out`.
  void WriteInto(char* out) const;

 private:
  const v1::Analysis& analysis_;
  const recommend::DriftForecastRows& drift_;
  size_t analysis_size_ = 0;        // the analysis without the forecast
  size_t head_size_ = 0;            // its fields before recommendations
  size_t old_length_size_ = 0;      // bytes of the recommendations' length as written
  size_t recommendations_head_ = 0;  // the recommendations' fields before drift
  size_t recommendations_size_ = 0;  // the recommendations with the forecast
  size_t drift_size_ = 0;            // the forecast's bytes
  size_t size_ = 0;
};

}  // namespace contactplan::engine

#endif  // CONTACTPLAN_SRC_ENGINE_ANALYSIS_BYTES_H_
