// How every list of problems ends when it is cut.
#ifndef CONTACTPLAN_SRC_BASE_PROBLEM_LIST_H_
#define CONTACTPLAN_SRC_BASE_PROBLEM_LIST_H_

#include <cstddef>
#include <string>

namespace contactplan::base {

// The closing line of a list cut at `listed` problems: "... and 12 more problems (the first 1000
// are listed)". For every list of problems (readers, validation, grid export), so all end alike.
std::string MoreProblemsLine(size_t omitted, size_t listed);

}  // namespace contactplan::base

#endif  // CONTACTPLAN_SRC_BASE_PROBLEM_LIST_H_
