#include "diff/field_changes.h"

#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/generated_enum_reflection.h"

namespace contactplan {
namespace {

// Collects the fields that differ; adds the DetailChange only when there is one.
class FieldChanges {
 public:
  void Compare(const char* field, const std::string& before, const std::string& after) {
    if (before == after) return;
    v1::PlanDiff::FieldChange& change = fields_.emplace_back();
    change.set_field(field);
    change.set_before(before);
    change.set_after(after);
  }
  template <typename Enum>
  void CompareEnum(const char* field, Enum before, Enum after) {
    if (before == after) return;
    Compare(field, Name(before), Name(after));
  }
  void CompareBool(const char* field, bool before, bool after) {
    Compare(field, before ? "true" : "false", after ? "true" : "false");
  }
  void AddTo(google::protobuf::RepeatedPtrField<v1::PlanDiff::DetailChange>& list,
             const std::string& id, const std::string& name) {
    if (fields_.empty()) return;
    v1::PlanDiff::DetailChange& change = *list.Add();
    change.set_id(id);
    change.set_name(name);
    for (v1::PlanDiff::FieldChange& field : fields_) *change.add_fields() = std::move(field);
  }

  // The proto name of a value ("" for the unset zero value, "value N" for one newer than this
  // build).
  template <typename Enum>
  static std::string Name(Enum value) {
    if (static_cast<int>(value) == 0) return "";
    const auto* descriptor =
        google::protobuf::GetEnumDescriptor<Enum>()->FindValueByNumber(static_cast<int>(value));
    if (descriptor == nullptr) return absl::StrCat("value ", static_cast<int>(value));
    return descriptor->name();
  }

 private:
  std::vector<v1::PlanDiff::FieldChange> fields_;
};

std::string Roles(const v1::Person& person) {
  std::vector<std::string> names;
  for (int role : person.buyer_roles()) {
    names.push_back(FieldChanges::Name(static_cast<v1::Person::BuyerRole>(role)));
  }
  return absl::StrJoin(names, ", ");
}

}  // namespace

void AddPersonChanges(const v1::Person& before, const v1::Person& after, v1::PlanDiff& diff) {
  FieldChanges changes;
  changes.Compare("name", before.name(), after.name());
  changes.Compare("title", before.title(), after.title());
  changes.Compare("department", before.department(), after.department());
  changes.CompareEnum("level", before.level(), after.level());
  changes.Compare("buyer_roles", Roles(before), Roles(after));
  changes.CompareBool("key", before.key(), after.key());
  changes.Compare("reports_to_id", before.reports_to_id(), after.reports_to_id());
  changes.CompareEnum("desired_relationship_level", before.desired_relationship_level(),
                      after.desired_relationship_level());
  changes.CompareEnum("relationship_type", before.relationship_type(), after.relationship_type());
  changes.AddTo(*diff.mutable_person_changes(), after.id(), after.name());
}

void AddTeamMemberChanges(const v1::TeamMember& before, const v1::TeamMember& after,
                          v1::PlanDiff& diff) {
  FieldChanges changes;
  changes.Compare("name", before.name(), after.name());
  changes.Compare("title", before.title(), after.title());
  changes.CompareEnum("level", before.level(), after.level());
  changes.Compare("email", before.email(), after.email());
  changes.Compare("capacity", before.has_capacity() ? absl::StrCat(before.capacity()) : "",
                  after.has_capacity() ? absl::StrCat(after.capacity()) : "");
  changes.AddTo(*diff.mutable_team_member_changes(), after.id(), after.name());
}

}  // namespace contactplan
