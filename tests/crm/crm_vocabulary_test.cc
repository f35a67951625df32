// docs/crm.md renders the mapping tables of src/crm/crm_vocabulary.cc: this test reads the page's
// tables back and compares them with the data, so the documentation says what the import does.
#include "crm/crm_vocabulary.h"

#include <map>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "google/protobuf/generated_enum_reflection.h"
#include "gtest/gtest.h"
#include "support/text_plan.h"

namespace contactplan::crm {
namespace {

using ::contactplan::testing::ReadFileOrFail;

// The rows of the Markdown table under the heading `heading`, as trimmed cells, header excluded.
std::vector<std::vector<std::string>> TableUnder(const std::string& page,
                                                 const std::string& heading) {
  std::vector<std::vector<std::string>> rows;
  const size_t at = page.find("\n" + heading + "\n");
  EXPECT_NE(at, std::string::npos) << "docs/crm.md lacks the heading " << heading;
  if (at == std::string::npos) return rows;
  bool in_table = false;
  int line_in_table = 0;
  for (absl::string_view line : absl::StrSplit(page.substr(at + heading.size() + 2), '\n')) {
    if (!absl::StartsWith(line, "|")) {
      if (in_table) break;
      continue;
    }
    in_table = true;
    if (line_in_table++ < 2) continue;  // header and separator
    std::vector<std::string> cells;
    std::vector<absl::string_view> pieces = absl::StrSplit(line, '|');
    for (size_t i = 1; i + 1 < pieces.size(); ++i) {
      cells.emplace_back(absl::StripAsciiWhitespace(pieces[i]));
    }
    rows.push_back(cells);
  }
  return rows;
}

template <typename Enum>
std::string Name(Enum value) {
  if (static_cast<int>(value) == 0) return "";
  return google::protobuf::GetEnumDescriptor<Enum>()->FindValueByNumber(value)->name();
}

void ExpectRoleTable(const std::string& page, const std::string& heading,
                     std::span<const RoleMeaning> table) {
  std::vector<std::vector<std::string>> expected;
  for (const RoleMeaning& role : table) {
    expected.push_back({std::string(role.value), Name(role.buyer_role), Name(role.buying_role),
                        Name(role.preference)});
  }
  EXPECT_EQ(TableUnder(page, heading), expected) << heading;
}

void ExpectStageTable(const std::string& page, const std::string& heading,
                      std::span<const StageMeaning> table) {
  std::vector<std::vector<std::string>> expected;
  for (const StageMeaning& stage : table) {
    expected.push_back({std::string(stage.value), Name(stage.stage), stage.closed ? "yes" : "no"});
  }
  EXPECT_EQ(TableUnder(page, heading), expected) << heading;
}

TEST(CrmVocabularyTest, DocsRenderTheTablesTheImportUses) {
  const std::string page = ReadFileOrFail("docs/crm.md");
  ExpectRoleTable(page, "### Salesforce Role (OpportunityContactRole.Role)", SalesforceRoles());
  ExpectStageTable(page, "### Salesforce StageName (Opportunity.StageName)", SalesforceStages());
  ExpectRoleTable(page, "### HubSpot Buying Role", HubspotBuyingRoles());
  ExpectStageTable(page, "### HubSpot Deal Stage", HubspotDealStages());
}

TEST(CrmVocabularyTest, ValuesMatchIgnoringCaseSpacesAndPunctuation) {
  EXPECT_EQ(FindRole(SalesforceRoles(), "economic buyer")->buyer_role, v1::Person::POWER);
  EXPECT_EQ(FindRole(HubspotBuyingRoles(), "BUDGET_HOLDER")->buyer_role, v1::Person::POWER);
  EXPECT_EQ(FindRole(HubspotBuyingRoles(), "End User")->buyer_role, v1::Person::USER);
  EXPECT_EQ(FindRole(HubspotBuyingRoles(), "Champion")->buyer_role, v1::Person::EVANGELIST);
  EXPECT_EQ(FindRole(SalesforceRoles(), "Technical Buyer")->buyer_role, v1::Person::ADVISOR);
  EXPECT_EQ(FindRole(SalesforceRoles(), "Decision Maker")->buying_role,
            v1::Participant::DECISION_MAKER);
  EXPECT_EQ(FindStage(HubspotDealStages(), "appointmentscheduled")->stage, v1::PLANNING);
  EXPECT_EQ(FindRole(SalesforceRoles(), "Chief Sceptic"), nullptr);
  EXPECT_EQ(FindRole(SalesforceRoles(), ""), nullptr);
}

}  // namespace
}  // namespace contactplan::crm
