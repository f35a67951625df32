// The wire reader of a plan's relationships (io/relationship_wire.h).
//
// Two walks of the plan's top-level fields. The first steps over each field by its length: it
// counts the relationships (the table is reserved from the count), notes the team members',
// persons' and blueprint entries' contents, and notes where the other fields lie, which protobuf
// then parses into *rest. The second decodes each relationship into rows. Last, the noted
// entities are decoded into rest (io/entity_wire.h).
// Decoding follows protobuf 3.21's parser field by field: any order, repeats, the last value of a
// singular field kept, a Timestamp given twice merged into one, a known number with another wire
// type kept aside as an unknown field (which the rows never show). Where protobuf's parser would
// read bytes some other way than a plain reading of the wire format (a tag whose value needs more
// than 32 bits, which it cuts; a length written in more than five bytes, which it refuses) or
// accepts what the rows cannot hold (groups, which it keeps as unknown fields), the reader gives up
// and returns false: the caller's ordinary parse is then the answer. So does a string that is not
// UTF-8, which protobuf refuses: the reader checks the relationships' strings as it reads them and
// the rest of the plan before protobuf parses it, so the plan's bytes are walked once.

#include "io/relationship_wire.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/entity_wire.h"
#include "io/wire_read.h"
#include "io/wire_schema.h"
#include "io/wire_strings.h"

namespace contactplan::io {
namespace {

using wire_read::kLengthDelimited;
using wire_read::kVarint;
using wire_read::ReadFields;
using wire_read::ReadInt32;
using wire_read::ReadLength;
using wire_read::ReadNested;
using wire_read::ReadSize;
using wire_read::ReadTag;
using wire_read::ReadTime;
using wire_read::ReadView;
using wire_read::SkipField;
using wire_read::TagOf;

bool ReadChange(const char* p, const char* end, model::GradeChangeRow& change) {
  return ReadFields(p, end, [&](uint32_t tag, const char* at) {
    switch (tag) {
      case TagOf(v1::GradeChange::kGradeFieldNumber, kVarint):
        return ReadInt32(at, end, change.grade);
      case TagOf(v1::GradeChange::kAtFieldNumber, kLengthDelimited):
        return ReadTime(at, end, change.at);
      case TagOf(v1::GradeChange::kNoteFieldNumber, kLengthDelimited):
        return ReadSize(at, end, change.note_bytes);
      default:
        return SkipField(at, end, tag);
    }
  });
}

bool ReadTouch(const char* p, const char* end, model::TouchRow& touch) {
  return ReadFields(p, end, [&](uint32_t tag, const char* at) {
    switch (tag) {
      case TagOf(v1::Touch::kAtFieldNumber, kLengthDelimited):
        return ReadTime(at, end, touch.at);
      case TagOf(v1::Touch::kKindFieldNumber, kVarint):
        return ReadInt32(at, end, touch.kind);
      case TagOf(v1::Touch::kDirectionFieldNumber, kVarint):
        return ReadInt32(at, end, touch.direction);
      case TagOf(v1::Touch::kNoteFieldNumber, kLengthDelimited):
        return ReadSize(at, end, touch.note_bytes);
      default:
        return SkipField(at, end, tag);
    }
  });
}

// One relationship's contents [p, end) as a new row of `table`, its history entries and touches
// after the ones of the rows before.
bool ReadRelationship(const char* p, const char* end, model::RelationshipTable& table) {
  model::RelationshipRow& row = table.AddRow();  // stays in place: no row is added until the next
  return ReadFields(p, end, [&](uint32_t tag, const char* at) -> const char* {
    switch (tag) {
      case TagOf(v1::Relationship::kTeamMemberIdFieldNumber, kLengthDelimited):
        return ReadView(at, end, row.team_member_id);
      case TagOf(v1::Relationship::kPersonIdFieldNumber, kLengthDelimited):
        return ReadView(at, end, row.person_id);
      case TagOf(v1::Relationship::kGradeFieldNumber, kVarint):
        return ReadInt32(at, end, row.grade);
      case TagOf(v1::Relationship::kAssessedAtFieldNumber, kLengthDelimited):
        return ReadTime(at, end, row.assessed_at);
      case TagOf(v1::Relationship::kLastContactAtFieldNumber, kLengthDelimited):
        return ReadTime(at, end, row.last_contact_at);
      case TagOf(v1::Relationship::kHistoryFieldNumber, kLengthDelimited):
        return ReadNested(at, end, [&table](const char* begin, const char* contents_end) {
          return ReadChange(begin, contents_end, table.AddChange());
        });
      case TagOf(v1::Relationship::kDesiredGradeFieldNumber, kVarint):
        return ReadInt32(at, end, row.desired_grade);
      case TagOf(v1::Relationship::kNotesFieldNumber, kLengthDelimited):
        return ReadSize(at, end, row.notes_bytes);
      case TagOf(v1::Relationship::kTouchesFieldNumber, kLengthDelimited):
        return ReadNested(at, end, [&table](const char* begin, const char* contents_end) {
          return ReadTouch(begin, contents_end, table.AddTouch());
        });
      default:
        return SkipField(at, end, tag);
    }
  });
}

constexpr uint32_t kRelationshipsTag = TagOf(v1::Plan::kRelationshipsFieldNumber, kLengthDelimited);

// The plan's repeated message fields the library's own readers take (io/entity_wire.h), and
// the contents of each occurrence, in plan order.
struct Entities {
  std::vector<std::string_view> team_members, persons, blueprint;

  // The list an occurrence of field `number` belongs to; null for the other fields.
  std::vector<std::string_view>* ListOf(uint32_t number) {
    switch (number) {
      case v1::Plan::kTeamMembersFieldNumber: return &team_members;
      case v1::Plan::kPersonsFieldNumber: return &persons;
      case v1::Plan::kBlueprintFieldNumber: return &blueprint;
      default: return nullptr;
    }
  }
};

// The plan's fields other than the relationships, as runs of whole fields in input order.
using Runs = std::vector<std::pair<const char*, const char*>>;

// protobuf's parse of the runs, in order, into *rest: the same as one parse of their
// concatenation, which is the plan without its relationships. Their strings are checked first
// (WireStringsAreUtf8 of each run, a run being whole fields of the plan): protobuf would log a
// string that is not UTF-8 before refusing it, and the library never prints. A plan written in field order has
// two runs, the fields before its relationships and the ones after; copying them into one buffer
// (under 1 MB on the 10,000 x 500 account) cost the same as merging each run from a stream of its
// own, and is one parse.
bool ParseRest(const Runs& runs, v1::Plan* rest) {
  static const WireSchema& schema = WireSchema::For(v1::Plan::descriptor());
  for (const auto& [begin, end] : runs) {
    if (!WireStringsAreUtf8(std::string_view(begin, static_cast<size_t>(end - begin)), schema)) {
      return false;
    }
  }
  if (runs.empty()) {
    rest->Clear();
    return true;
  }
  if (runs.size() == 1) {
    return rest->ParseFromArray(runs[0].first, static_cast<int>(runs[0].second - runs[0].first));
  }
  size_t size = 0;
  for (const auto& [begin, end] : runs) size += static_cast<size_t>(end - begin);
  std::string joined;
  joined.reserve(size);
  for (const auto& [begin, end] : runs) joined.append(begin, static_cast<size_t>(end - begin));
  return rest->ParseFromArray(joined.data(), static_cast<int>(joined.size()));
}

// The contents of each occurrence of one repeated message field, in plan order, into *out (empty:
// protobuf's parse of the rest had none of them), each by `read`, else by protobuf's parse of
// that occurrence's bytes once its strings are known to be UTF-8. Each occurrence of a repeated
// message field is an element of its own for protobuf too (never merged), so parsing them one by
// one gives protobuf's list.
template <typename Message>
bool ReadEach(const std::vector<std::string_view>& occurrences,
              bool (*read)(std::string_view, Message*),
              google::protobuf::RepeatedPtrField<Message>* out) {
  static const WireSchema& schema = WireSchema::For(Message::descriptor());
  out->Reserve(static_cast<int>(occurrences.size()));
  for (const std::string_view contents : occurrences) {
    Message* message = out->Add();
    if (read(contents, message)) continue;
    message->Clear();
    if (!WireStringsAreUtf8(contents, schema) ||
        !message->ParseFromArray(contents.data(), static_cast<int>(contents.size()))) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool ReadPlanWithRelationshipTable(std::string_view bytes, v1::Plan* rest,
                                   model::RelationshipTable* table) {
  *table = model::RelationshipTable();
  rest->Clear();
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) return false;
  const char* const begin = bytes.data();
  const char* const end = begin + bytes.size();

  // First walk: every top-level field checked and stepped over, the relationships counted, the
  // team members', persons' and blueprint entries' contents noted (in order).
  Runs runs;
  Entities entities;
  size_t relationships = 0;
  const char* first_relationship = end;
  const char* after_last_relationship = end;
  for (const char* p = begin; p < end;) {
    const char* const field_begin = p;
    uint32_t tag;
    if ((p = ReadTag(p, end, tag)) == nullptr) return false;
    if ((tag >> 3) == v1::Plan::kRelationshipsFieldNumber) {
      // Another wire type would be an unknown field of the plan, kept in rest: not followed.
      if (tag != kRelationshipsTag) return false;
      const char* field_end = nullptr;
      if (ReadLength(p, end, field_end) == nullptr) return false;
      if (relationships++ == 0) first_relationship = field_begin;
      after_last_relationship = p = field_end;
      continue;
    }
    if (std::vector<std::string_view>* list = entities.ListOf(tag >> 3); list != nullptr) {
      if ((tag & 7) != kLengthDelimited) return false;  // as for the relationships
      const char* field_end = nullptr;
      const char* const contents = ReadLength(p, end, field_end);
      if (contents == nullptr) return false;
      list->emplace_back(contents, static_cast<size_t>(field_end - contents));
      p = field_end;
      continue;
    }
    if ((p = SkipField(p, end, tag)) == nullptr) return false;
    if (!runs.empty() && runs.back().second == field_begin) {
      runs.back().second = p;
    } else {
      runs.emplace_back(field_begin, p);
    }
  }

  // Second walk, over the relationships' span only: the fields there were all read in the first
  // walk, so only a relationship's contents can be refused now. The rows are reserved from the
  // count: on the 10,000 x 500 account the relationships then took 6.1 ms of CPU instead of 8.1
  // (a busy machine). Counting the history entries and touches too would mean looking into every
  // relationship twice; reserving them exactly saved only 3%.
  table->Reserve(relationships, 0, 0);
  for (const char* p = first_relationship; p < after_last_relationship;) {
    uint32_t tag = 0;
    if ((p = ReadTag(p, end, tag)) == nullptr) return false;
    if (tag == kRelationshipsTag) {
      p = ReadNested(p, end, [table](const char* contents, const char* contents_end) {
        return ReadRelationship(contents, contents_end, *table);
      });
    } else {
      p = SkipField(p, end, tag);
    }
    if (p == nullptr) return false;
  }
  return ParseRest(runs, rest) &&
         ReadEach(entities.team_members, ReadTeamMember, rest->mutable_team_members()) &&
         ReadEach(entities.persons, ReadPerson, rest->mutable_persons()) &&
         ReadEach(entities.blueprint, ReadBlueprintEntry, rest->mutable_blueprint());
}

}  // namespace contactplan::io
