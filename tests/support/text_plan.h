// Test support: write the smallest plan that shows a behaviour as a text-format proto.
//
//   v1::Plan plan = PlanFromText(R"pb(
//     team_members { id: "t1" level: EXECUTIVE }
//     persons { id: "p1" level: EXECUTIVE }
//     relationships { team_member_id: "t1" person_id: "p1" grade: TRUST }
//   )pb");
#ifndef CONTACTPLAN_TESTS_SUPPORT_TEXT_PLAN_H_
#define CONTACTPLAN_TESTS_SUPPORT_TEXT_PLAN_H_

#include <string>
#include <string_view>

#include "contactplan/v1/analysis.pb.h"
#include "contactplan/v1/options.pb.h"
#include "contactplan/v1/plan.pb.h"

namespace contactplan::testing {

// Parses text format; fails the current test (ADD_FAILURE) on a syntax error.
v1::Plan PlanFromText(std::string_view text);
v1::EngineOptions OptionsFromText(std::string_view text);

// Absolute path of a file in tests/data.
std::string TestDataPath(std::string_view name);
// Contents of a file (fails the test when unreadable).
std::string ReadFileOrFail(const std::string& path);

}  // namespace contactplan::testing

#endif  // CONTACTPLAN_TESTS_SUPPORT_TEXT_PLAN_H_
