// The wire readers of a plan's persons, team members and blueprint entries (io/entity_wire.h).
#include "io/entity_wire.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "io/wire_read.h"

namespace contactplan::io {
namespace {

using wire_read::kFixed64;
using wire_read::kLengthDelimited;
using wire_read::kVarint;
using wire_read::ReadFields;
using wire_read::ReadInt32;
using wire_read::ReadInt64;
using wire_read::ReadLength;
using wire_read::ReadNested;
using wire_read::ReadVarint;
using wire_read::TagOf;

constexpr uint32_t Varint(int number) { return TagOf(number, kVarint); }
constexpr uint32_t Delimited(int number) { return TagOf(number, kLengthDelimited); }

// A string field, assigned in place (a second occurrence replaces the first, as in protobuf).
// Refused when it is not UTF-8, as protobuf refuses a proto3 string.
const char* ReadString(const char* p, const char* end, std::string* out) {
  const char* field_end = nullptr;
  if ((p = ReadLength(p, end, field_end)) == nullptr) return nullptr;
  const std::string_view text(p, static_cast<size_t>(field_end - p));
  if (!base::IsUtf8(text)) return nullptr;
  out->assign(text.data(), text.size());
  return field_end;
}

// An enum or int32 field: the low 32 bits of the varint, as protobuf's parser takes them (proto3
// enums are open: a value outside the enum is kept as its number).
template <typename Set>
const char* ReadEnum(const char* p, const char* end, Set set) {
  int32_t value = 0;
  if ((p = ReadInt32(p, end, value)) == nullptr) return nullptr;
  set(value);
  return p;
}

// A bool field: any varint, true when not zero, as protobuf's parser reads it.
template <typename Set>
const char* ReadBool(const char* p, const char* end, Set set) {
  uint64_t value = 0;
  if ((p = ReadVarint(p, end, value)) == nullptr) return nullptr;
  set(value != 0);
  return p;
}

// A double field: eight bytes, little-endian (this platform's order).
template <typename Set>
const char* ReadDouble(const char* p, const char* end, Set set) {
  if (end - p < 8) return nullptr;
  static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__);
  double value;
  std::memcpy(&value, p, sizeof value);
  set(value);
  return p + 8;
}

// A repeated enum given packed: the varints of the contents, each added, as protobuf's parser
// adds them.
template <typename Add>
const char* ReadPackedEnums(const char* p, const char* end, Add add) {
  return ReadNested(p, end, [&](const char* begin, const char* packed_end) {
    while (begin < packed_end) {
      uint64_t value = 0;
      if ((begin = ReadVarint(begin, packed_end, value)) == nullptr) return false;
      add(static_cast<int32_t>(value));
    }
    return true;
  });
}

// A google.protobuf.Timestamp field merged into *time (mutable_...() of the field, so the field
// is present even when empty): each of its fields given overwrites. Any other field inside would
// be an unknown field of the Timestamp: refused.
const char* ReadTimestamp(const char* p, const char* end, google::protobuf::Timestamp* time) {
  return ReadNested(p, end, [time](const char* begin, const char* contents_end) {
    return ReadFields(begin, contents_end, [&](uint32_t tag, const char* at) -> const char* {
      switch (tag) {
        case Varint(google::protobuf::Timestamp::kSecondsFieldNumber): {
          int64_t seconds = 0;
          at = ReadInt64(at, contents_end, seconds);
          time->set_seconds(seconds);
          return at;
        }
        case Varint(google::protobuf::Timestamp::kNanosFieldNumber):
          return ReadEnum(at, contents_end, [time](int32_t nanos) { time->set_nanos(nanos); });
        default:
          return nullptr;
      }
    });
  });
}

bool ReadInfluence(const char* p, const char* end, v1::InfluenceLink& link) {
  return ReadFields(p, end, [&](uint32_t tag, const char* at) -> const char* {
    switch (tag) {
      case Delimited(v1::InfluenceLink::kPersonIdFieldNumber):
        return ReadString(at, end, link.mutable_person_id());
      case Delimited(v1::InfluenceLink::kNoteFieldNumber):
        return ReadString(at, end, link.mutable_note());
      default:
        return nullptr;
    }
  });
}

bool ReadNpsAnswer(const char* p, const char* end, v1::NpsAnswer& answer) {
  return ReadFields(p, end, [&](uint32_t tag, const char* at) -> const char* {
    switch (tag) {
      case Varint(v1::NpsAnswer::kScoreFieldNumber):
        return ReadEnum(at, end, [&answer](int32_t score) { answer.set_score(score); });
      case Delimited(v1::NpsAnswer::kAnsweredAtFieldNumber):
        return ReadTimestamp(at, end, answer.mutable_answered_at());
      default:
        return nullptr;
    }
  });
}

}  // namespace

bool ReadPerson(std::string_view contents, v1::Person* out) {
  v1::Person& person = *out;
  const char* const end = contents.data() + contents.size();
  return ReadFields(contents.data(), end, [&](uint32_t tag, const char* at) -> const char* {
    switch (tag) {
      case Delimited(v1::Person::kIdFieldNumber):
        return ReadString(at, end, person.mutable_id());
      case Delimited(v1::Person::kNameFieldNumber):
        return ReadString(at, end, person.mutable_name());
      case Delimited(v1::Person::kTitleFieldNumber):
        return ReadString(at, end, person.mutable_title());
      case Delimited(v1::Person::kDepartmentFieldNumber):
        return ReadString(at, end, person.mutable_department());
      case Varint(v1::Person::kLevelFieldNumber):
        return ReadEnum(at, end, [&](int32_t v) { person.set_level(static_cast<v1::Level>(v)); });
      case Varint(v1::Person::kBuyerRolesFieldNumber):
        return ReadEnum(at, end, [&](int32_t v) {
          person.add_buyer_roles(static_cast<v1::Person::BuyerRole>(v));
        });
      case Delimited(v1::Person::kBuyerRolesFieldNumber):  // packed
        return ReadPackedEnums(at, end, [&](int32_t v) {
          person.add_buyer_roles(static_cast<v1::Person::BuyerRole>(v));
        });
      case Varint(v1::Person::kKeyFieldNumber):
        return ReadBool(at, end, [&](bool v) { person.set_key(v); });
      case Delimited(v1::Person::kReportsToIdFieldNumber):
        return ReadString(at, end, person.mutable_reports_to_id());
      case Delimited(v1::Person::kInfluencesFieldNumber):
        return ReadNested(at, end, [&](const char* begin, const char* link_end) {
          return ReadInfluence(begin, link_end, *person.add_influences());
        });
      case Varint(v1::Person::kRelationshipLevelFieldNumber):
        return ReadEnum(at, end, [&](int32_t v) {
          person.set_relationship_level(static_cast<v1::RelationshipLevel>(v));
        });
      case Varint(v1::Person::kDesiredRelationshipLevelFieldNumber):
        return ReadEnum(at, end, [&](int32_t v) {
          person.set_desired_relationship_level(static_cast<v1::RelationshipLevel>(v));
        });
      case Varint(v1::Person::kRelationshipTypeFieldNumber):
        return ReadEnum(at, end, [&](int32_t v) {
          person.set_relationship_type(static_cast<v1::RelationshipType>(v));
        });
      case Delimited(v1::Person::kNpsAnswersFieldNumber):
        return ReadNested(at, end, [&](const char* begin, const char* answer_end) {
          return ReadNpsAnswer(begin, answer_end, *person.add_nps_answers());
        });
      case Delimited(v1::Person::kNotesFieldNumber):
        return ReadString(at, end, person.mutable_notes());
      case Delimited(v1::Person::kLeftAtFieldNumber):
        return ReadTimestamp(at, end, person.mutable_left_at());
      case Delimited(v1::Person::kSuccessorIdFieldNumber):
        return ReadString(at, end, person.mutable_successor_id());
      default:
        return nullptr;  // an unknown field, or a known number with another wire type
    }
  });
}

bool ReadTeamMember(std::string_view contents, v1::TeamMember* out) {
  v1::TeamMember& member = *out;
  const char* const end = contents.data() + contents.size();
  return ReadFields(contents.data(), end, [&](uint32_t tag, const char* at) -> const char* {
    switch (tag) {
      case Delimited(v1::TeamMember::kIdFieldNumber):
        return ReadString(at, end, member.mutable_id());
      case Delimited(v1::TeamMember::kNameFieldNumber):
        return ReadString(at, end, member.mutable_name());
      case Delimited(v1::TeamMember::kTitleFieldNumber):
        return ReadString(at, end, member.mutable_title());
      case Varint(v1::TeamMember::kLevelFieldNumber):
        return ReadEnum(at, end, [&](int32_t v) { member.set_level(static_cast<v1::Level>(v)); });
      case TagOf(v1::TeamMember::kCapacityFieldNumber, kFixed64):
        return ReadDouble(at, end, [&](double v) { member.set_capacity(v); });
      case Delimited(v1::TeamMember::kEmailFieldNumber):
        return ReadString(at, end, member.mutable_email());
      case Delimited(v1::TeamMember::kLeftAtFieldNumber):
        return ReadTimestamp(at, end, member.mutable_left_at());
      default:
        return nullptr;
    }
  });
}

namespace {

bool ReadTactic(const char* p, const char* end, v1::Tactic& tactic) {
  return ReadFields(p, end, [&](uint32_t tag, const char* at) -> const char* {
    switch (tag) {
      case Delimited(v1::Tactic::kDescriptionFieldNumber):
        return ReadString(at, end, tactic.mutable_description());
      case Delimited(v1::Tactic::kResourcesFieldNumber):
        return ReadString(at, end, tactic.mutable_resources());
      case Delimited(v1::Tactic::kOwnerIdFieldNumber):
        return ReadString(at, end, tactic.mutable_owner_id());
      case Delimited(v1::Tactic::kDueAtFieldNumber):
        return ReadTimestamp(at, end, tactic.mutable_due_at());
      case Varint(v1::Tactic::kInvestsOwnTimeFieldNumber):
        return ReadBool(at, end, [&](bool v) { tactic.set_invests_own_time(v); });
      case Varint(v1::Tactic::kTeachesUsFieldNumber):
        return ReadBool(at, end, [&](bool v) { tactic.set_teaches_us(v); });
      case Varint(v1::Tactic::kShowsValueFieldNumber):
        return ReadBool(at, end, [&](bool v) { tactic.set_shows_value(v); });
      default:
        return nullptr;
    }
  });
}

bool ReadGoal(const char* p, const char* end, v1::Goal& goal) {
  return ReadFields(p, end, [&](uint32_t tag, const char* at) -> const char* {
    switch (tag) {
      case Varint(v1::Goal::kGradeFieldNumber):
        return ReadEnum(at, end, [&](int32_t v) { goal.set_grade(static_cast<v1::Grade>(v)); });
      case Varint(v1::Goal::kRelationshipLevelFieldNumber):
        return ReadEnum(at, end, [&](int32_t v) {
          goal.set_relationship_level(static_cast<v1::RelationshipLevel>(v));
        });
      case Varint(v1::Goal::kPreferenceFieldNumber):
        return ReadEnum(at, end, [&](int32_t v) { goal.set_preference(static_cast<v1::Preference>(v)); });
      default:
        return nullptr;
    }
  });
}

}  // namespace

bool ReadBlueprintEntry(std::string_view contents, v1::BlueprintEntry* out) {
  v1::BlueprintEntry& entry = *out;
  const char* const end = contents.data() + contents.size();
  return ReadFields(contents.data(), end, [&](uint32_t tag, const char* at) -> const char* {
    switch (tag) {
      case Delimited(v1::BlueprintEntry::kPersonIdFieldNumber):
        return ReadString(at, end, entry.mutable_person_id());
      case Delimited(v1::BlueprintEntry::kTeamMemberIdFieldNumber):
        return ReadString(at, end, entry.mutable_team_member_id());
      case Delimited(v1::BlueprintEntry::kGoalFieldNumber):  // merged into one when repeated
        return ReadNested(at, end, [&](const char* begin, const char* goal_end) {
          return ReadGoal(begin, goal_end, *entry.mutable_goal());
        });
      case Varint(v1::BlueprintEntry::kStrategiesFieldNumber):
        return ReadEnum(at, end, [&](int32_t v) {
          entry.add_strategies(static_cast<v1::InfluenceStrategy>(v));
        });
      case Delimited(v1::BlueprintEntry::kStrategiesFieldNumber):  // packed
        return ReadPackedEnums(at, end, [&](int32_t v) {
          entry.add_strategies(static_cast<v1::InfluenceStrategy>(v));
        });
      case Delimited(v1::BlueprintEntry::kTacticsFieldNumber):
        return ReadNested(at, end, [&](const char* begin, const char* tactic_end) {
          return ReadTactic(begin, tactic_end, *entry.add_tactics());
        });
      case Varint(v1::BlueprintEntry::kHorizonDaysFieldNumber):
        return ReadEnum(at, end, [&](int32_t v) { entry.set_horizon_days(v); });
      default:
        return nullptr;
    }
  });
}

}  // namespace contactplan::io
