// Merging by reflection: one walk over the part's set fields handles every message of the schema,
// so a field added to plan.proto merges without a change here. Only the keys of repeated fields are
// named (kKeys): they are the plan's identities, which the schema cannot express.
#include "contactplan/plan_merge.h"

#include <string>
#include "absl/strings/string_view.h"
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "contactplan/validation.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/unknown_field_set.h"
#include "google/protobuf/util/message_differencer.h"

namespace contactplan {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// The fields that identify an element of a repeated field, by "<message full name>.<field>".
struct RepeatedKey {
  absl::string_view field;                 // e.g. "contactplan.v1.Plan.persons"
  std::vector<absl::string_view> key;      // string fields of the element
};

const std::vector<RepeatedKey>& Keys() {
  static const auto* const keys = new std::vector<RepeatedKey>{
      {"contactplan.v1.Plan.team_members", {"id"}},
      {"contactplan.v1.Plan.persons", {"id"}},
      {"contactplan.v1.Plan.relationships", {"team_member_id", "person_id"}},
      {"contactplan.v1.Plan.opportunities", {"id"}},
      {"contactplan.v1.Plan.blueprint", {"person_id", "team_member_id"}},
      {"contactplan.v1.Person.influences", {"person_id"}},
      {"contactplan.v1.Opportunity.participants", {"person_id"}},
  };
  return *keys;
}

const RepeatedKey* KeyOf(const FieldDescriptor* field) {
  for (const RepeatedKey& key : Keys()) {
    if (key.field == field->full_name()) return &key;
  }
  return nullptr;
}

// The key of one element: its key fields' values; empty when they are all empty.
std::vector<std::string> ElementKey(const Message& element, const RepeatedKey& key) {
  std::vector<std::string> values;
  bool any = false;
  for (absl::string_view name : key.key) {
    const FieldDescriptor* field =
        element.GetDescriptor()->FindFieldByName(std::string(name));
    values.push_back(field == nullptr ? "" : element.GetReflection()->GetString(element, field));
    any = any || !values.back().empty();
  }
  if (!any) values.clear();
  return values;
}

// "persons[\"ann\"]", "relationships[\"tess\", \"ann\"]".
std::string ElementPath(absl::string_view path, const std::vector<std::string>& key) {
  return absl::StrCat(path, "[\"", absl::StrJoin(key, "\", \""), "\"]");
}

std::string Join(absl::string_view path, absl::string_view field) {
  return path.empty() ? std::string(field) : absl::StrCat(path, ".", field);
}

// A value for a message, as the text format writes it, cut short so a long note cannot flood the
// output.
std::string Shown(std::string text) {
  constexpr size_t kMaxBytes = 80;
  if (text.size() <= kMaxBytes) return text;
  size_t cut = kMaxBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return absl::StrCat(text.substr(0, cut), "...");
}

std::string FieldValue(const Message& message, const FieldDescriptor* field, int index) {
  std::string text;
  google::protobuf::TextFormat::PrintFieldValueToString(message, field, index, &text);
  return text;
}

// The whole repeated field as text, for comparing and showing lists.
std::string ListValue(const Message& message, const FieldDescriptor* field) {
  const int size = message.GetReflection()->FieldSize(message, field);
  std::vector<std::string> values;
  for (int i = 0; i < size; ++i) {
    std::string value = FieldValue(message, field, i);
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) value = absl::StrCat("{", value, "}");
    values.push_back(std::move(value));
  }
  return absl::StrCat("[", absl::StrJoin(values, ", "), "]");
}

// Values of the well-known types (Timestamp, Duration ...) are one value, not fields to merge.
bool IsAtomic(const Descriptor* type) { return type->file()->package() == "google.protobuf"; }

void CopySingular(const Message& from, const FieldDescriptor* field, Message* to) {
  const Reflection* in = from.GetReflection();
  const Reflection* out = to->GetReflection();
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32: out->SetInt32(to, field, in->GetInt32(from, field)); break;
    case FieldDescriptor::CPPTYPE_INT64: out->SetInt64(to, field, in->GetInt64(from, field)); break;
    case FieldDescriptor::CPPTYPE_UINT32:
      out->SetUInt32(to, field, in->GetUInt32(from, field));
      break;
    case FieldDescriptor::CPPTYPE_UINT64:
      out->SetUInt64(to, field, in->GetUInt64(from, field));
      break;
    case FieldDescriptor::CPPTYPE_DOUBLE:
      out->SetDouble(to, field, in->GetDouble(from, field));
      break;
    case FieldDescriptor::CPPTYPE_FLOAT: out->SetFloat(to, field, in->GetFloat(from, field)); break;
    case FieldDescriptor::CPPTYPE_BOOL: out->SetBool(to, field, in->GetBool(from, field)); break;
    case FieldDescriptor::CPPTYPE_ENUM:
      out->SetEnumValue(to, field, in->GetEnumValue(from, field));
      break;
    case FieldDescriptor::CPPTYPE_STRING:
      out->SetString(to, field, in->GetString(from, field));
      break;
    case FieldDescriptor::CPPTYPE_MESSAGE:
      out->MutableMessage(to, field)->CopyFrom(in->GetMessage(from, field));
      break;
  }
}

class Merger {
 public:
  // `origins` maps the path of every value a part brought in to that part's name, so a later
  // conflict names the file the value came from; it outlives the Merger (shared by all parts).
  Merger(absl::string_view base_name, absl::string_view part_name,
         absl::flat_hash_map<std::string, std::string>& origins, std::vector<std::string>& conflicts)
      : base_name_(base_name), part_name_(part_name), origins_(origins), conflicts_(conflicts) {}

  void Merge(const Message& part, Message* base, const std::string& path) {
    const Reflection* reflection = part.GetReflection();
    std::vector<const FieldDescriptor*> fields;
    reflection->ListFields(part, &fields);  // the set fields, in field-number order
    for (const FieldDescriptor* field : fields) {
      const std::string field_path = Join(path, field->name());
      if (field->is_repeated()) {
        MergeRepeated(part, field, base, field_path);
      } else if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE &&
                 !IsAtomic(field->message_type()) &&
                 base->GetReflection()->HasField(*base, field)) {
        Merge(reflection->GetMessage(part, field),
              base->GetReflection()->MutableMessage(base, field), field_path);
      } else if (!base->GetReflection()->HasField(*base, field)) {
        CopySingular(part, field, base);
        origins_.emplace(field_path, part_name_);
      } else {
        const std::string here = FieldValue(part, field, -1);
        const std::string there = FieldValue(*base, field, -1);
        if (here != there) Conflict(field_path, here, there);
      }
    }
    base->GetReflection()->MutableUnknownFields(base)->MergeFrom(reflection->GetUnknownFields(part));
  }

 private:
  void MergeRepeated(const Message& part, const FieldDescriptor* field, Message* base,
                     const std::string& path) {
    const Reflection* in = part.GetReflection();
    const Reflection* out = base->GetReflection();
    const RepeatedKey* key = KeyOf(field);
    if (key == nullptr) {
      if (out->FieldSize(*base, field) == 0) {
        for (int i = 0; i < in->FieldSize(part, field); ++i) AddElement(part, field, i, base);
        origins_.emplace(path, part_name_);
        return;
      }
      const std::string here = ListValue(part, field);
      const std::string there = ListValue(*base, field);
      if (here != there) Conflict(path, here, there);
      return;
    }
    // Index the plan's elements once per field, then match each of the part's.
    absl::flat_hash_map<std::vector<std::string>, int> by_key;
    for (int i = 0; i < out->FieldSize(*base, field); ++i) {
      std::vector<std::string> element_key = ElementKey(out->GetRepeatedMessage(*base, field, i), *key);
      if (!element_key.empty()) by_key.emplace(std::move(element_key), i);
    }
    for (int i = 0; i < in->FieldSize(part, field); ++i) {
      const Message& element = in->GetRepeatedMessage(part, field, i);
      std::vector<std::string> element_key = ElementKey(element, *key);
      const auto found = element_key.empty() ? by_key.end() : by_key.find(element_key);
      if (found == by_key.end()) {
        if (!element_key.empty()) {
          by_key.emplace(element_key, out->FieldSize(*base, field));
          origins_.emplace(ElementPath(path, element_key), part_name_);
        }
        out->AddMessage(base, field)->CopyFrom(element);
        continue;
      }
      Merge(element, out->MutableRepeatedMessage(base, field, found->second),
            ElementPath(path, element_key));
    }
  }

  static void AddElement(const Message& part, const FieldDescriptor* field, int i, Message* base) {
    const Reflection* in = part.GetReflection();
    const Reflection* out = base->GetReflection();
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_INT32:
        out->AddInt32(base, field, in->GetRepeatedInt32(part, field, i));
        break;
      case FieldDescriptor::CPPTYPE_INT64:
        out->AddInt64(base, field, in->GetRepeatedInt64(part, field, i));
        break;
      case FieldDescriptor::CPPTYPE_UINT32:
        out->AddUInt32(base, field, in->GetRepeatedUInt32(part, field, i));
        break;
      case FieldDescriptor::CPPTYPE_UINT64:
        out->AddUInt64(base, field, in->GetRepeatedUInt64(part, field, i));
        break;
      case FieldDescriptor::CPPTYPE_DOUBLE:
        out->AddDouble(base, field, in->GetRepeatedDouble(part, field, i));
        break;
      case FieldDescriptor::CPPTYPE_FLOAT:
        out->AddFloat(base, field, in->GetRepeatedFloat(part, field, i));
        break;
      case FieldDescriptor::CPPTYPE_BOOL:
        out->AddBool(base, field, in->GetRepeatedBool(part, field, i));
        break;
      case FieldDescriptor::CPPTYPE_ENUM:
        out->AddEnumValue(base, field, in->GetRepeatedEnumValue(part, field, i));
        break;
      case FieldDescriptor::CPPTYPE_STRING:
        out->AddString(base, field, in->GetRepeatedString(part, field, i));
        break;
      case FieldDescriptor::CPPTYPE_MESSAGE:
        out->AddMessage(base, field)->CopyFrom(in->GetRepeatedMessage(part, field, i));
        break;
    }
  }

  void Conflict(const std::string& path, const std::string& here, const std::string& there) {
    conflicts_.push_back(absl::StrCat(part_name_, ": ", path, ": ", Shown(here), " here, ",
                                      Shown(there), " in ", OriginOf(path),
                                      ": make them agree, or remove the value from one file"));
  }

  // The file the plan's value at `path` came from: the part that brought it or an enclosing
  // element in, else the base.
  absl::string_view OriginOf(std::string path) const {
    while (!path.empty()) {
      if (const auto found = origins_.find(path); found != origins_.end()) return found->second;
      const size_t cut = path.find_last_of(".[");
      if (cut == std::string::npos) break;
      path.resize(cut);
    }
    return base_name_;
  }

  absl::string_view base_name_;
  absl::string_view part_name_;
  absl::flat_hash_map<std::string, std::string>& origins_;
  std::vector<std::string>& conflicts_;
};

}  // namespace

absl::StatusOr<v1::Plan> MergePlans(const NamedPlan& base, const std::vector<NamedPlan>& parts,
                                    const v1::Limits& limits) {
  v1::Plan merged = base.plan;
  std::vector<std::string> conflicts;
  absl::flat_hash_map<std::string, std::string> origins;
  for (const NamedPlan& part : parts) {
    Merger(base.name, part.name, origins, conflicts).Merge(part.plan, &merged, "");
  }
  if (!conflicts.empty()) return absl::InvalidArgumentError(absl::StrJoin(conflicts, "\n"));
  const std::vector<ValidationProblem> problems = ValidatePlan(merged, limits);
  if (!problems.empty()) {
    const absl::Status status = ValidationStatus(problems);
    return absl::Status(status.code(),
                        absl::StrCat("the merged plan is not valid:\n", status.message()));
  }
  return merged;
}

}  // namespace contactplan
