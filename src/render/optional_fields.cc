#include "render/optional_fields.h"

namespace contactplan::render {

std::optional<double> Confidence(const v1::Analysis& analysis) {
  if (!analysis.scores().has_confidence()) return std::nullopt;
  return analysis.scores().confidence().value();
}

}  // namespace contactplan::render
