// "Did you mean ...?": the known name nearest to a misspelt one, for error messages.
#ifndef CONTACTPLAN_SRC_IO_CLOSEST_NAME_H_
#define CONTACTPLAN_SRC_IO_CLOSEST_NAME_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contactplan::io {

// The candidate with the smallest edit distance to `word` (ASCII case ignored), provided the distance
// is small enough to be a plausible typo: at most a third of the longer name, and at least 1. Ties go
// to the earlier candidate, so the answer does not depend on anything but the inputs' order.
std::optional<std::string> ClosestName(std::string_view word,
                                       const std::vector<std::string>& candidates);

// " (did you mean "name"?)" when ClosestName finds one, else "": goes right after the unknown word in
// an error message.
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_CLOSEST_NAME_H_
