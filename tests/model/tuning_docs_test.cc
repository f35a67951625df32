// docs/tuning.md and the built-in tuning defaults agree both ways: every field of v1::Tuning has a
// default and a row in the docs with that default, and every row names a field. Also: options merge
// field by field over the defaults, and bad numbers are refused with their path.
#include <cmath>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/text_format.h"
#include "options/settings.h"
#include "options/tuning.h"

namespace contactplan {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using ::testing::HasSubstr;

// Every scalar leaf of `message`'s type, by path ("scores.risk_power_hostile"), with its value in
// `message` or NaN when unset.
void Leaves(const Message& message, const std::string& prefix, std::map<std::string, double>& out) {
  const Descriptor* descriptor = message.GetDescriptor();
  const auto* reflection = message.GetReflection();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const FieldDescriptor* field = descriptor->field(i);
    const std::string path = prefix.empty() ? field->name() : prefix + "." + field->name();
    ASSERT_FALSE(field->is_repeated()) << path << ": tuning has no repeated fields";
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      Leaves(reflection->GetMessage(message, field), path, out);
      continue;
    }
    ASSERT_TRUE(field->has_presence()) << path << ": tuning numbers are optional";
    double value = std::nan("");
    if (reflection->HasField(message, field)) {
      switch (field->cpp_type()) {
        case FieldDescriptor::CPPTYPE_DOUBLE: value = reflection->GetDouble(message, field); break;
        case FieldDescriptor::CPPTYPE_INT32: value = reflection->GetInt32(message, field); break;
        case FieldDescriptor::CPPTYPE_BOOL: value = reflection->GetBool(message, field); break;
        default: FAIL() << path << ": use double, int32 or bool in tuning";
      }
    }
    out[path] = value;
  }
}

std::map<std::string, std::string> DocumentedDefaults() {
  std::ifstream doc("docs/tuning.md");
  EXPECT_TRUE(doc) << "run from the repository root";
  std::map<std::string, std::string> rows;
  const std::regex row(R"(^\| `([a-z0-9_.]+)` \| ([^|]+?) \|)");
  std::string line;
  while (std::getline(doc, line)) {
    std::smatch m;
    if (std::regex_search(line, m, row)) {
      EXPECT_TRUE(rows.emplace(m[1], m[2]).second) << m[1] << " is listed twice";
    }
  }
  return rows;
}

TEST(TuningTest, DefaultsParseAndSetEveryField) {
  const std::string text = std::string(tuning_defaults::kScores) + tuning_defaults::kRecommend +
                           tuning_defaults::kTactics + tuning_defaults::kActivity;
  v1::Tuning parsed;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &parsed)) << text;
  std::map<std::string, double> leaves;
  Leaves(DefaultTuning(), "", leaves);
  for (const auto& [path, value] : leaves) {
    EXPECT_FALSE(std::isnan(value)) << path << " has no default in src/options/tuning_defaults_*.cc";
  }
}

TEST(TuningTest, DocsListEveryFieldWithItsDefault) {
  std::map<std::string, double> leaves;
  Leaves(DefaultTuning(), "", leaves);
  std::map<std::string, std::string> rows = DocumentedDefaults();
  for (const auto& [path, value] : leaves) {
    auto it = rows.find(path);
    if (it == rows.end()) {
      ADD_FAILURE() << path << " (default " << value << ") is missing from docs/tuning.md";
      continue;
    }
    double documented = 0;
    if (it->second == "true" || it->second == "false") {
      documented = it->second == "true";
    } else {
      std::istringstream in(it->second);
      ASSERT_TRUE(in >> documented) << path << ": docs/tuning.md default is not a number: "
                                    << it->second;
    }
    EXPECT_NEAR(documented, value, 1e-12) << path << ": docs/tuning.md says " << it->second;
    rows.erase(it);
  }
  for (const auto& [path, text] : rows) {
    ADD_FAILURE() << "docs/tuning.md lists " << path << ", which is not a field of v1::Tuning";
  }
}

TEST(TuningTest, OptionsReplaceOnlyTheFieldsTheySet) {
  v1::Tuning given;
  given.mutable_scores();  // an empty part changes nothing
  absl::StatusOr<v1::Tuning> tuning = ResolveTuning(given);
  ASSERT_TRUE(tuning.ok()) << tuning.status();
  EXPECT_EQ(tuning->SerializeAsString(), DefaultTuning().SerializeAsString());
}

TEST(TuningTest, BadNumbersAreRefusedWithTheirPath) {
  // Any number will do: the check is generic over the message, and names the field's path.
  v1::EngineOptions options;
  v1::GradeValues& strength = *options.mutable_tuning()->mutable_scores()->mutable_grade_strength();
  strength.set_trust(-1);
  absl::StatusOr<Settings> s = ResolveSettings(options);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.status().message(),
              HasSubstr("tuning.scores.grade_strength.trust: must be a finite number"));
  strength.set_trust(std::nan(""));
  s = ResolveSettings(options);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.status().message(), HasSubstr("tuning.scores.grade_strength.trust"));
}

TEST(TuningTest, SettingsCarryTheResolvedTuning) {
  absl::StatusOr<Settings> s = ResolveSettings({});
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->tuning.SerializeAsString(), DefaultTuning().SerializeAsString());
  EXPECT_DOUBLE_EQ(s->default_capacity, 12);
  EXPECT_EQ(s->activity_half_life_days, 90);
}

}  // namespace
}  // namespace contactplan
