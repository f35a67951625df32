#include "contactplan/crm_import.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/proto_equals.h"
#include "support/text_plan.h"

namespace contactplan {
namespace {

using ::contactplan::testing::TestDataPath;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string Crm(const std::string& dir) { return TestDataPath("crm/" + dir); }

std::string ImportError(const absl::StatusOr<v1::Plan>& plan) {
  EXPECT_FALSE(plan.ok()) << plan->DebugString();
  return plan.ok() ? "" : std::string(plan.status().message());
}

const v1::Person* PersonById(const v1::Plan& plan, const std::string& id) {
  for (const v1::Person& person : plan.persons()) {
    if (person.id() == id) return &person;
  }
  return nullptr;
}

TEST(SalesforceImportTest, BuildsThePlanWithTheSalesforceIds) {
  const absl::StatusOr<v1::Plan> plan = ImportSalesforce(Crm("salesforce"));
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->account().id(), "001A000001");
  EXPECT_EQ(plan->account().name(), "Kestrel Health");
  ASSERT_EQ(plan->persons_size(), 4);
  const v1::Person& cio = plan->persons(1);
  EXPECT_EQ(cio.id(), "003A000002");
  EXPECT_EQ(cio.name(), "Jürgen Müller");
  EXPECT_EQ(cio.reports_to_id(), "003A000001");
  EXPECT_THAT(cio.buyer_roles(), ElementsAre(v1::Person::ADVISOR));  // Technical Buyer
  EXPECT_THAT(plan->persons(0).buyer_roles(), ElementsAre(v1::Person::POWER));  // Economic Buyer
  EXPECT_THAT(plan->persons(3).buyer_roles(), ElementsAre(v1::Person::USER));   // Business User
  ASSERT_EQ(plan->team_members_size(), 2);
  EXPECT_EQ(plan->team_members(0).id(), "005A000001");
  EXPECT_EQ(plan->team_members(0).name(), "Ines Ortega");

  ASSERT_EQ(plan->opportunities_size(), 2);
  const v1::Opportunity& open = plan->opportunities(0);
  EXPECT_EQ(open.id(), "006A000001");
  EXPECT_EQ(open.stage(), v1::EVALUATE_RISK);  // Proposal/Price Quote
  EXPECT_FALSE(open.closed());
  EXPECT_EQ(open.value(), 250000);
  ASSERT_EQ(open.participants_size(), 4);
  EXPECT_EQ(open.participants(0).buying_role(), v1::Participant::APPROVER);
  EXPECT_EQ(open.participants(1).buying_role(), v1::Participant::EVALUATOR);
  EXPECT_TRUE(plan->opportunities(1).closed());  // Closed Won

  // Tasks and events become touches (the latest is the last contact); the lead's task is skipped.
  ASSERT_EQ(plan->relationships_size(), 2);
  EXPECT_EQ(plan->relationships(0).team_member_id(), "005A000001");
  EXPECT_EQ(plan->relationships(0).person_id(), "003A000001");
  EXPECT_FALSE(plan->relationships(0).has_last_contact_at());
  ASSERT_EQ(plan->relationships(0).touches_size(), 2);
  const v1::Touch& email = plan->relationships(0).touches(1);
  EXPECT_EQ(email.at().seconds(), 1726790400);  // 2024-09-20
  EXPECT_EQ(email.kind(), v1::Touch::EMAIL);
  EXPECT_EQ(email.direction(), v1::Touch::OUTBOUND);  // our task
  EXPECT_EQ(plan->relationships(0).touches(0).kind(), v1::Touch::CALL);
  ASSERT_EQ(plan->relationships(1).touches_size(), 1);
  const v1::Touch& meeting = plan->relationships(1).touches(0);
  EXPECT_EQ(meeting.at().seconds(), 1727272800);  // 09-25 14:00Z
  EXPECT_EQ(meeting.kind(), v1::Touch::MEETING);
  EXPECT_EQ(meeting.direction(), v1::Touch::TWO_WAY);  // an event both attended
}

TEST(SalesforceImportTest, GridGradesMergeByName) {
  SalesforceImportOptions options;
  options.grid_path = Crm("salesforce/grid.csv");
  const absl::StatusOr<v1::Plan> plan = ImportSalesforce(Crm("salesforce"), options);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_TRUE(plan->persons(0).key());
  EXPECT_TRUE(PersonById(*plan, "003A000002")->key());  // "Jurgen Muller" in the grid
  EXPECT_EQ(plan->team_members(1).level(), v1::MIDDLE_MANAGEMENT);
  int graded = 0;
  for (const v1::Relationship& relationship : plan->relationships()) {
    if (relationship.team_member_id() == "005A000002" && relationship.person_id() == "003A000002") {
      EXPECT_EQ(relationship.grade(), v1::TRUST);
      EXPECT_EQ(relationship.touches_size(), 1);  // the event stays
    }
    graded += relationship.grade() != 0;
  }
  EXPECT_EQ(graded, 4);
}

TEST(SalesforceImportTest, SeveralAccountsNeedAnAccountId) {
  EXPECT_EQ(ImportError(ImportSalesforce(Crm("several-accounts"))),
            "the export holds 2 accounts: 001A000001 (Kestrel Health), 001B000001 (Northwind): "
            "choose one with --account ID");
  SalesforceImportOptions options;
  options.account_id = "001B000001";
  const absl::StatusOr<v1::Plan> plan = ImportSalesforce(Crm("several-accounts"), options);
  ASSERT_TRUE(plan.ok()) << plan.status();
  ASSERT_EQ(plan->persons_size(), 1);
  EXPECT_EQ(plan->persons(0).name(), "Sam Hill");
  ASSERT_EQ(plan->opportunities_size(), 1);
  EXPECT_EQ(plan->opportunities(0).stage(), v1::DETERMINE_NEEDS);
  options.account_id = "001Z";
  EXPECT_THAT(ImportError(ImportSalesforce(Crm("several-accounts"), options)),
              HasSubstr("no contact or opportunity of account \"001Z\""));
}

TEST(SalesforceImportTest, UnknownPicklistValuesNameFileLineAndColumn) {
  EXPECT_THAT(ImportError(ImportSalesforce(Crm("bad-role"))),
              HasSubstr("OpportunityContactRole.csv: line 3, column 40: unknown Role \"Chief "
                        "Sceptic\": use one of Business User, Decision Maker,"));
  EXPECT_THAT(ImportError(ImportSalesforce(Crm("bad-stage"))),
              HasSubstr("Opportunity.csv: line 2, column 38: unknown StageName \"Almost There\""));
}

TEST(SalesforceImportTest, DanglingIdsAndMissingColumnsAreErrors) {
  EXPECT_EQ(ImportError(ImportSalesforce(Crm("dangling"))),
            "OpportunityContactRole.csv: line 3, column 27: ContactId \"003A999999\" names no "
            "contact of Contact.csv");
  EXPECT_THAT(ImportError(ImportSalesforce(Crm("missing-column"))),
              HasSubstr("Contact.csv: line 1: no column \"AccountId\""));
  EXPECT_THAT(ImportError(ImportSalesforce(Crm("no-such-dir"))),
              HasSubstr("Contact.csv: no such file"));
}

TEST(HubspotImportTest, BuildsThePlanWithTheRecordIds) {
  const absl::StatusOr<v1::Plan> plan = ImportHubspot(Crm("hubspot"));
  ASSERT_TRUE(plan.ok()) << plan.status();
  ASSERT_EQ(plan->persons_size(), 4);
  EXPECT_EQ(plan->persons(0).id(), "101");
  EXPECT_EQ(plan->persons(0).name(), "Иван Петров");
  EXPECT_THAT(plan->persons(0).buyer_roles(), ElementsAre(v1::Person::POWER));  // Budget Holder
  EXPECT_THAT(plan->persons(1).buyer_roles(), ElementsAre(v1::Person::EVANGELIST));  // Champion
  EXPECT_THAT(plan->persons(3).buyer_roles(), ElementsAre(v1::Person::USER));  // End User
  ASSERT_EQ(plan->opportunities_size(), 2);
  const v1::Opportunity& deal = plan->opportunities(0);
  EXPECT_EQ(deal.stage(), v1::EVALUATE_ALTERNATIVES);
  ASSERT_EQ(deal.participants_size(), 4);
  EXPECT_EQ(deal.participants(0).buying_role(), v1::Participant::APPROVER);
  EXPECT_EQ(deal.participants(1).preference(), v1::MENTOR);
  EXPECT_TRUE(plan->opportunities(1).closed());
}

TEST(HubspotImportTest, UnknownBuyingRoleNamesFileLineAndColumn) {
  EXPECT_EQ(ImportError(ImportHubspot(Crm("bad-buying-role"))),
            "contacts.csv: line 2, column 39: unknown Buying Role \"Kingmaker\": use one of "
            "Blocker, Budget Holder, Champion, Decision Maker, End User, Executive Sponsor, "
            "Influencer, Legal and compliance, Other, separated by \";\" (docs/crm.md maps each)");
}

}  // namespace
}  // namespace contactplan
