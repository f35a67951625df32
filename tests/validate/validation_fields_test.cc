// ValidatePlan checks fields one by one, by hand, for speed. These tests walk the Plan schema by
// reflection, so a field added to plan.proto without a matching check fails here: every string is
// held to max_string_bytes, every enum to its defined numbers, every timestamp to its range.
#include <functional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "contactplan/validation.h"
#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/timestamp.pb.h"
#include "gtest/gtest.h"
#include "validate/problem_printer.h"

namespace contactplan {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using ::testing::Contains;
using ::testing::Field;

using FieldChain = std::vector<const FieldDescriptor*>;

bool IsTimestamp(const FieldDescriptor* field) {
  return field->type() == FieldDescriptor::TYPE_MESSAGE &&
         field->message_type() == google::protobuf::Timestamp::descriptor();
}

// Every chain of fields from Plan to a field that `wanted` accepts; timestamps are leaves.
void CollectFields(const Descriptor* type, FieldChain& chain,
                   const std::function<bool(const FieldDescriptor*)>& wanted,
                   std::vector<FieldChain>& out) {
  for (int i = 0; i < type->field_count(); ++i) {
    const FieldDescriptor* field = type->field(i);
    chain.push_back(field);
    if (wanted(field)) {
      out.push_back(chain);
    } else if (field->type() == FieldDescriptor::TYPE_MESSAGE && !IsTimestamp(field)) {
      CollectFields(field->message_type(), chain, wanted, out);
    }
    chain.pop_back();
  }
}

// Calls `check` once for every field that `wanted` picks, with a plan in which `set` has given that
// field a value (creating one element of each repeated field on the way) and the field path
// ValidatePlan reports for the value, "[0]" included when the field itself is repeated. Returns how
// many fields were checked.
size_t ForEachPlanField(
    const std::function<bool(const FieldDescriptor*)>& wanted,
    const std::function<void(Message& holder, const FieldDescriptor* field)>& set,
    const std::function<void(const v1::Plan& plan, const std::string& path,
                             const FieldDescriptor* field)>& check) {
  std::vector<FieldChain> chains;
  FieldChain chain;
  CollectFields(v1::Plan::descriptor(), chain, wanted, chains);
  for (const FieldChain& fields : chains) {
    v1::Plan plan;
    std::string path;
    Message* holder = &plan;
    for (const FieldDescriptor* field : fields) {
      absl::StrAppend(&path, path.empty() ? "" : ".", field->name());
      if (field == fields.back()) break;
      if (field->is_repeated()) {
        holder = holder->GetReflection()->AddMessage(holder, field);
        absl::StrAppend(&path, "[0]");
      } else {
        holder = holder->GetReflection()->MutableMessage(holder, field);
      }
    }
    set(*holder, fields.back());
    if (fields.back()->is_repeated()) absl::StrAppend(&path, "[0]");
    check(plan, path, fields.back());
  }
  return chains.size();
}

TEST(ValidatePlanFieldsTest, EveryStringFieldIsHeldToTheByteLimit) {
  v1::Limits limits;
  limits.set_max_string_bytes(8);
  const size_t checked = ForEachPlanField(
      [](const FieldDescriptor* field) { return field->type() == FieldDescriptor::TYPE_STRING; },
      [](Message& holder, const FieldDescriptor* field) {
        if (field->is_repeated()) {
          holder.GetReflection()->AddString(&holder, field, "123456789");
        } else {
          holder.GetReflection()->SetString(&holder, field, "123456789");
        }
      },
      [&](const v1::Plan& plan, const std::string& path, const FieldDescriptor*) {
        EXPECT_THAT(ValidatePlan(plan, limits),
                    Contains(ValidationProblem{
                        path, "9 bytes exceed the limit of 8 (limits.max_string_bytes)", true}))
            << path;
      });
  EXPECT_GE(checked, 28u);  // the walk itself must find the schema's strings
}

TEST(ValidatePlanFieldsTest, EveryEnumFieldRejectsUndefinedNumbers) {
  const size_t checked = ForEachPlanField(
      [](const FieldDescriptor* field) { return field->type() == FieldDescriptor::TYPE_ENUM; },
      [](Message& holder, const FieldDescriptor* field) {
        if (field->is_repeated()) {
          holder.GetReflection()->AddEnumValue(&holder, field, 99);
        } else {
          holder.GetReflection()->SetEnumValue(&holder, field, 99);
        }
      },
      [](const v1::Plan& plan, const std::string& path, const FieldDescriptor* field) {
        EXPECT_THAT(ValidatePlan(plan),
                    Contains(ValidationProblem{
                        path,
                        absl::StrCat("99 is not a defined ", field->enum_type()->name(), " value"),
                        false}))
            << path;
      });
  EXPECT_GE(checked, 20u);
}

TEST(ValidatePlanFieldsTest, EveryTimestampIsHeldToItsRange) {
  const size_t checked = ForEachPlanField(
      IsTimestamp,
      [](Message& holder, const FieldDescriptor* field) {
        Message* time = field->is_repeated() ? holder.GetReflection()->AddMessage(&holder, field)
                                             : holder.GetReflection()->MutableMessage(&holder, field);
        static_cast<google::protobuf::Timestamp*>(time)->set_seconds(253402300800);
        static_cast<google::protobuf::Timestamp*>(time)->set_nanos(-5);
      },
      [](const v1::Plan& plan, const std::string& path, const FieldDescriptor*) {
        const std::vector<ValidationProblem> problems = ValidatePlan(plan);
        EXPECT_THAT(problems,
                    Contains(Field(&ValidationProblem::path, absl::StrCat(path, ".seconds"))))
            << path;
        EXPECT_THAT(problems,
                    Contains(ValidationProblem{absl::StrCat(path, ".nanos"),
                                               "must be between 0 and 999999999, got -5", false}))
            << path;
      });
  EXPECT_GE(checked, 7u);
}

}  // namespace
}  // namespace contactplan
