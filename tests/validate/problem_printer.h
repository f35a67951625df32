// Readable ValidationProblem values in GoogleTest failure messages.
#ifndef CONTACTPLAN_TESTS_VALIDATE_PROBLEM_PRINTER_H_
#define CONTACTPLAN_TESTS_VALIDATE_PROBLEM_PRINTER_H_

#include <ostream>

#include "contactplan/validation.h"

namespace contactplan {

// Found by GoogleTest through argument-dependent lookup.
inline void PrintTo(const ValidationProblem& problem, std::ostream* os) {
  *os << "{" << problem.path << ": " << problem.message << (problem.over_limit ? " [over limit]" : "")
      << "}";
}

}  // namespace contactplan

#endif  // CONTACTPLAN_TESTS_VALIDATE_PROBLEM_PRINTER_H_
