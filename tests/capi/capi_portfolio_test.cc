// cplan_portfolio through the shipped library: plans as arrays of buffers with formats, per-plan
// problems inside the portfolio, argument errors for the host's mistakes.
#include <cstring>
#include <string>
#include <vector>

#include "contactplan/contactplan.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kNorth[] = R"({"account": {"id": "north"},
  "teamMembers": [{"id": "ann", "name": "Ann Lee", "email": "ann@seller.example", "capacity": 2,
                   "level": "EXECUTIVE"}],
  "persons": [{"id": "p1", "name": "Pia", "level": "EXECUTIVE", "key": true},
              {"id": "p2", "name": "Quin", "level": "EXECUTIVE", "key": true}]})";
constexpr char kSouth[] = R"({"account": {"id": "south"},
  "teamMembers": [{"id": "a7", "name": "Ann Lee", "email": "ANN@seller.example", "capacity": 2,
                   "level": "EXECUTIVE"}],
  "persons": [{"id": "p1", "name": "Rae", "level": "EXECUTIVE", "key": true},
              {"id": "p2", "name": "Sol", "level": "EXECUTIVE", "key": true}]})";

class CapiPortfolioTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(cplan_engine_create(nullptr, 0, CPLAN_FORMAT_JSON, &engine_, nullptr), CPLAN_OK);
  }
  void TearDown() override {
    cplan_engine_destroy(engine_);
    cplan_free(output_);
    cplan_free(message_);
  }

  cplan_status Run(const std::vector<std::string>& plans, std::vector<cplan_format> formats) {
    std::vector<const void*> data;
    std::vector<size_t> lens;
    for (const std::string& plan : plans) {
      data.push_back(plan.data());
      lens.push_back(plan.size());
    }
    cplan_free(output_);
    cplan_free(message_);
    return cplan_portfolio(engine_, data.data(), lens.data(), formats.data(),
                           sources_.empty() ? nullptr : sources_.data(), plans.size(), nullptr, 0,
                           CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON, &output_, &output_len_, &message_);
  }
  std::string Output() const { return output_ ? std::string(output_, output_len_) : ""; }

  cplan_engine* engine_ = nullptr;
  char* output_ = nullptr;
  size_t output_len_ = 0;
  char* message_ = nullptr;
  std::vector<const char*> sources_;
};

TEST_F(CapiPortfolioTest, SharesOneMembersCapacityAcrossAccounts) {
  ASSERT_EQ(Run({kNorth, kSouth}, {CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON}), CPLAN_OK) << message_;
  EXPECT_EQ(message_, nullptr);
  EXPECT_EQ(std::strlen(output_), output_len_);
  const std::string json = Output();
  EXPECT_THAT(json, AllOf(HasSubstr("\"plansGiven\": 2"),
                          HasSubstr("\"key\": \"ann@seller.example\""), HasSubstr("\"north\""),
                          HasSubstr("\"south\""), HasSubstr("across the portfolio")));
  EXPECT_THAT(json, Not(HasSubstr("\"overCapacity\": true")));
}

TEST_F(CapiPortfolioTest, AnUnreadablePlanIsAProblemOfThePortfolio) {
  ASSERT_EQ(Run({kNorth, "{\"persons\": ["}, {CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON}), CPLAN_OK)
      << message_;
  EXPECT_THAT(Output(), AllOf(HasSubstr("\"plansGiven\": 2"), HasSubstr("\"source\": \"plans[1]\""),
                              HasSubstr("plans[1] (json): line 1")));
}

TEST_F(CapiPortfolioTest, PlansAreNamedByTheirSources) {
  sources_ = {"north.json", nullptr};
  ASSERT_EQ(Run({kNorth, kNorth}, {CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON}), CPLAN_OK) << message_;
  EXPECT_THAT(Output(), AllOf(HasSubstr("\"source\": \"north.json\""),
                              HasSubstr("plans[1]: account \\\"north\\\" is already in the "
                                        "portfolio from north.json")));
}

TEST_F(CapiPortfolioTest, TheHostsMistakesFailTheCall) {
  EXPECT_EQ(Run({kNorth, kSouth}, {CPLAN_FORMAT_JSON, static_cast<cplan_format>(42)}),
            CPLAN_INVALID_ARGUMENT);
  EXPECT_THAT(message_, HasSubstr("plan_formats[1]"));
  EXPECT_EQ(output_, nullptr);
  EXPECT_EQ(output_len_, 0u);
  EXPECT_EQ(Run({}, {}), CPLAN_INVALID_ARGUMENT);
  EXPECT_THAT(message_, HasSubstr("plan_count is 0"));
  cplan_free(message_);  // the library overwrites *message without freeing it
  message_ = nullptr;
  const size_t len = 3;
  const cplan_format format = CPLAN_FORMAT_JSON;
  const void* null_plan = nullptr;
  EXPECT_EQ(
      cplan_portfolio(engine_, &null_plan, &len, &format, nullptr, 1, nullptr, 0, CPLAN_FORMAT_JSON,
                      CPLAN_FORMAT_JSON, &output_, &output_len_, &message_),
      CPLAN_INVALID_ARGUMENT);
  EXPECT_THAT(message_, HasSubstr("plans[0] is NULL but its length is 3"));
  cplan_free(message_);
  message_ = nullptr;
  EXPECT_EQ(cplan_portfolio(engine_, nullptr, &len, &format, nullptr, 1, nullptr, 0,
                            CPLAN_FORMAT_JSON, CPLAN_FORMAT_CSV, &output_, &output_len_, &message_),
            CPLAN_INVALID_ARGUMENT);
}

}  // namespace
