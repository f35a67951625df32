#include "base/problem_list.h"

#include "absl/strings/str_cat.h"

namespace contactplan::base {

std::string MoreProblemsLine(size_t omitted, size_t listed) {
  return absl::StrCat("... and ", omitted, " more ", omitted == 1 ? "problem" : "problems",
                      " (the first ", listed, " are listed)");
}

}  // namespace contactplan::base
