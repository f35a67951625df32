#include "io/json_reader.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <system_error>
#include <typeinfo>
#include <utility>
#include <vector>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/inlined_vector.h"
#include "absl/container/node_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/mutex.h"
#include "contactplan/v1/plan.pb.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/timestamp.pb.h"
#include "google/protobuf/util/time_util.h"
#include "io/closest_name.h"
#include "io/json_number.h"
#include "io/text_position.h"

namespace contactplan::io {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::EnumDescriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// The fields of one message by every name a JSON key may use: the proto name and the JSON name.
// Built once per message type for the life of the process, so a key costs one hash lookup.
class FieldNames {
 public:
  explicit FieldNames(const Descriptor* message) {
    for (int i = 0; i < message->field_count(); ++i) {
      const FieldDescriptor* field = message->field(i);
      by_name_.emplace(field->name(), field);
      by_name_.emplace(field->json_name(), field);
      json_names_.push_back(field->json_name());
    }
  }
  const FieldDescriptor* Find(std::string_view key) const {
    const auto found = by_name_.find(key);
    return found == by_name_.end() ? nullptr : found->second;
  }
  const std::vector<std::string>& json_names() const { return json_names_; }

 private:
  absl::flat_hash_map<std::string_view, const FieldDescriptor*> by_name_;  // views of descriptors
  std::vector<std::string> json_names_;
};

// The values of one enum by name, for lookups without a std::string per value read.
class EnumNames {
 public:
  explicit EnumNames(const EnumDescriptor* type) {
    for (int i = 0; i < type->value_count(); ++i) {
      by_name_.emplace(type->value(i)->name(), type->value(i)->number());
    }
  }
  std::optional<int> Find(std::string_view name) const {
    const auto found = by_name_.find(name);
    if (found == by_name_.end()) return std::nullopt;
    return found->second;
  }

 private:
  absl::flat_hash_map<std::string_view, int> by_name_;  // views of the descriptors' names
};

const EnumNames& EnumNamesOf(const EnumDescriptor* type) {
  static absl::Mutex mutex(absl::kConstInit);
  static auto* cache ABSL_GUARDED_BY(mutex) =
      new absl::flat_hash_map<const EnumDescriptor*, std::unique_ptr<EnumNames>>();
  absl::MutexLock lock(&mutex);
  std::unique_ptr<EnumNames>& names = (*cache)[type];
  if (names == nullptr) names = std::make_unique<EnumNames>(type);
  return *names;
}

const FieldNames& NamesOf(const Descriptor* message) {
  static absl::Mutex mutex(absl::kConstInit);
  static auto* cache ABSL_GUARDED_BY(mutex) =
      new absl::flat_hash_map<const Descriptor*, std::unique_ptr<FieldNames>>();
  absl::MutexLock lock(&mutex);
  std::unique_ptr<FieldNames>& names = (*cache)[message];
  if (names == nullptr) names = std::make_unique<FieldNames>(message);
  return *names;
}

bool IsTimestamp(const Descriptor* message) {
  // One descriptor pool holds the schema and the well-known types: pointers compare.
  static const Descriptor* const timestamp = google::protobuf::Timestamp::descriptor();
  return message == timestamp;
}

// A number as the JSON text wrote it, classified the way protobuf's parser does: an integer literal
// that fits 64 bits keeps its exact value, anything else is a double.
struct JsonNumber {
  enum class Kind { kSigned, kUnsigned, kDouble } kind = Kind::kDouble;
  int64_t signed_value = 0;
  uint64_t unsigned_value = 0;
  double double_value = 0;
};

// The value in the words protobuf uses in its messages ("1e+100", "-3").
std::string Describe(const JsonNumber& number) {
  switch (number.kind) {
    case JsonNumber::Kind::kSigned:
      return absl::StrCat(number.signed_value);
    case JsonNumber::Kind::kUnsigned:
      return absl::StrCat(number.unsigned_value);
    case JsonNumber::Kind::kDouble:
      break;
  }
  return std::isfinite(number.double_value) ? ShortestDouble(number.double_value)
                                            : JsonNonFinite(number.double_value);
}

// `number` as an integer in [low, high], or nothing: doubles only when they hold a whole number.
template <typename Integer>
std::optional<Integer> ToInteger(const JsonNumber& number) {
  constexpr Integer low = std::numeric_limits<Integer>::min();
  constexpr Integer high = std::numeric_limits<Integer>::max();
  switch (number.kind) {
    case JsonNumber::Kind::kSigned:
      if (number.signed_value < 0 && (low == 0 || number.signed_value < static_cast<int64_t>(low))) {
        return std::nullopt;
      }
      if (number.signed_value > 0 && static_cast<uint64_t>(number.signed_value) > high) {
        return std::nullopt;
      }
      return static_cast<Integer>(number.signed_value);
    case JsonNumber::Kind::kUnsigned:
      if (number.unsigned_value > high) return std::nullopt;
      return static_cast<Integer>(number.unsigned_value);
    case JsonNumber::Kind::kDouble: {
      const double value = number.double_value;
      // 2^63 and 2^64 are exact doubles; the bounds are checked before the cast, which would be
      // undefined out of range.
      const double above = low == 0 ? std::ldexp(1.0, std::numeric_limits<Integer>::digits)
                                    : -static_cast<double>(low);
      if (!(value >= static_cast<double>(low) && value < above) || value != std::trunc(value)) {
        return std::nullopt;
      }
      return static_cast<Integer>(value);
    }
  }
  return std::nullopt;
}

// A double written as a JSON string, as protobuf reads it (C's strtod in the C locale): white space
// around it but no space at either end, a sign, decimal or hexadecimal ("0x1p3") digits.
std::optional<double> DoubleFromString(std::string_view text) {
  if (text.empty() || text.front() == ' ' || text.back() == ' ') return std::nullopt;
  std::string_view rest = text;
  while (!rest.empty() && absl::ascii_isspace(rest.front())) rest.remove_prefix(1);
  while (!rest.empty() && absl::ascii_isspace(rest.back())) rest.remove_suffix(1);
  const bool negative = rest.starts_with('-');
  if (negative || rest.starts_with('+')) rest.remove_prefix(1);
  double value = 0;
  if (rest.size() > 2 && rest[0] == '0' && (rest[1] == 'x' || rest[1] == 'X')) {
    rest.remove_prefix(2);
    const auto parsed =
        std::from_chars(rest.data(), rest.data() + rest.size(), value, std::chars_format::hex);
    if (parsed.ec != std::errc() || parsed.ptr != rest.data() + rest.size()) return std::nullopt;
  } else if (rest.empty() || rest.front() == '+' || rest.front() == '-' ||
             !absl::SimpleAtod(absl::string_view(rest.data(), rest.size()), &value)) {
    return std::nullopt;
  }
  if (!std::isfinite(value)) return std::nullopt;
  return negative ? -value : value;
}

double ToDouble(const JsonNumber& number) {
  switch (number.kind) {
    case JsonNumber::Kind::kSigned:
      return static_cast<double>(number.signed_value);
    case JsonNumber::Kind::kUnsigned:
      return static_cast<double>(number.unsigned_value);
    case JsonNumber::Kind::kDouble:
      break;
  }
  return number.double_value;
}

// An integer written as a JSON string ("123"), as protobuf reads it: digits with an optional sign,
// no white space.
template <typename Integer>
std::optional<Integer> IntegerFromString(std::string_view text) {
  if (text.empty() || absl::ascii_isspace(text.front()) || absl::ascii_isspace(text.back())) {
    return std::nullopt;
  }
  Integer value{};
  if (!absl::SimpleAtoi(absl::string_view(text.data(), text.size()), &value)) return std::nullopt;
  return value;
}

// protobuf's words for the types, as its messages use them.
const char* TypeName(const FieldDescriptor* field) {
  switch (field->type()) {
    case FieldDescriptor::TYPE_INT32: return "int32";
    case FieldDescriptor::TYPE_SINT32: return "sint32";
    case FieldDescriptor::TYPE_SFIXED32: return "sfixed32";
    case FieldDescriptor::TYPE_INT64: return "int64";
    case FieldDescriptor::TYPE_SINT64: return "sint64";
    case FieldDescriptor::TYPE_SFIXED64: return "sfixed64";
    case FieldDescriptor::TYPE_UINT32: return "uint32";
    case FieldDescriptor::TYPE_FIXED32: return "fixed32";
    case FieldDescriptor::TYPE_UINT64: return "uint64";
    case FieldDescriptor::TYPE_FIXED64: return "fixed64";
    case FieldDescriptor::TYPE_DOUBLE: return "double";
    case FieldDescriptor::TYPE_FLOAT: return "float";
    case FieldDescriptor::TYPE_BOOL: return "bool";
    case FieldDescriptor::TYPE_STRING: return "string";
    case FieldDescriptor::TYPE_BYTES: return "bytes";
    default: return "value";
  }
}

// What would fix a value of a numeric field.
std::string NumberHint(const FieldDescriptor* field) {
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
      return "write a whole number from -2147483648 to 2147483647";
    case FieldDescriptor::CPPTYPE_UINT32:
      return "write a whole number from 0 to 4294967295";
    case FieldDescriptor::CPPTYPE_INT64:
      return "write a whole number from -9223372036854775808 to 9223372036854775807";
    case FieldDescriptor::CPPTYPE_UINT64:
      return "write a whole number from 0 to 18446744073709551615";
    default:
      return "write a number, or \"NaN\", \"Infinity\" or \"-Infinity\"";
  }
}

// Whether eight bytes of a string (a word read from the text) hold no '"', no '\\' and no control
// character, tested at once ("(x - 0x01..01 * n) & ~x & 0x80..80" is non-zero exactly when some
// byte of x is below n, for n up to 0x80).
bool EightStringBytes(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101u;
  constexpr uint64_t kHigh = 0x8080808080808080u;
  const auto below = [](uint64_t x, uint64_t n) { return (x - kOnes * n) & ~x & kHigh; };
  return (below(word, 0x20) | below(word ^ (kOnes * '"'), 1) | below(word ^ (kOnes * '\\'), 1)) == 0;
}

// The Timestamp of the RFC 3339 text plans almost always use ("2024-05-31T09:00:00Z", with 1 to 9
// digits of fraction allowed), without the string copy and general parser of TimeUtil::FromString;
// nothing for any other text (an offset, lower case, a date that does not exist, ...), which then
// goes to TimeUtil::FromString, so the two never disagree on what they both read.
std::optional<std::pair<int64_t, int32_t>> CommonTimestamp(std::string_view text) {
  if (text.size() < 20 || text.size() > 30 || text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
      text[13] != ':' || text[16] != ':' || text.back() != 'Z') {
    return std::nullopt;
  }
  bool digits_ok = true;
  const auto number = [&](size_t at, size_t width) ABSL_ATTRIBUTE_ALWAYS_INLINE {
    int64_t value = 0;
    for (size_t i = at; i < at + width; ++i) {
      const unsigned digit = static_cast<unsigned char>(text[i]) - unsigned{'0'};
      digits_ok &= digit <= 9;
      value = value * 10 + digit;
    }
    return value;
  };
  const int64_t year = number(0, 4), month = number(5, 2), day = number(8, 2);
  const int64_t hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
  int32_t nanos = 0;
  if (text.size() > 20) {
    const size_t fraction = text.size() - 21;  // digits between '.' and 'Z'
    if (text[19] != '.' || fraction < 1 || fraction > 9) return std::nullopt;
    nanos = static_cast<int32_t>(number(20, fraction));
    for (size_t i = fraction; i < 9; ++i) nanos *= 10;
  } else if (text[19] != 'Z') {
    return std::nullopt;
  }
  static constexpr int kDaysInMonth[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  if (!digits_ok || year < 1 || month < 1 || month > 12 || day < 1 ||
      day > kDaysInMonth[month - 1] - (month == 2 && !leap) || hour > 23 || minute > 59 ||
      second > 59) {
    return std::nullopt;
  }
  // Days since 1970-01-01 of a civil date (proleptic Gregorian), by 400-year eras.
  const int64_t y = year - (month <= 2);
  const int64_t era = y / 400;  // years are positive here
  const int64_t year_of_era = y - era * 400;
  const int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  const int64_t days = era * 146097 + day_of_era - 719468;
  return std::make_pair(days * 86400 + hour * 3600 + minute * 60 + second, nanos);
}

// The fields of the types that fill most of a plan (a relationship per cell of the contact map,
// its Timestamps, grade changes and touches; the persons and team members, whose strings are most
// of a small plan). When the message is the generated class, their values are stored through its
// accessors: no reflection lookups, and the Timestamps and sub-messages are made on the message's
// arena directly. Every other field goes through reflection.
enum class Hot : uint8_t {
  kNone,
  kPersonId,
  kPersonName,
  kPersonTitle,
  kPersonDepartment,
  kPersonLevel,
  kPersonReportsToId,
  kPersonRelationshipLevel,
  kPersonDesiredRelationshipLevel,
  kPersonRelationshipType,
  kPersonNotes,
  kPersonLeftAt,
  kPersonSuccessorId,
  kTeamMemberId,
  kTeamMemberName,
  kTeamMemberTitle,
  kTeamMemberLevel,
  kTeamMemberEmail,
  kTeamMemberLeftAt,
  kRelationshipTeamMemberId,
  kRelationshipPersonId,
  kRelationshipGrade,
  kRelationshipAssessedAt,
  kRelationshipLastContactAt,
  kRelationshipHistory,
  kRelationshipDesiredGrade,
  kRelationshipNotes,
  kRelationshipTouches,
  kTouchAt,
  kTouchKind,
  kTouchDirection,
  kTouchNote,
  kGradeChangeGrade,
  kGradeChangeAt,
  kGradeChangeNote,
};

// The generated class whose accessors the fields of `type` use, or nullptr.
const std::type_info* HotClassOf(const Descriptor* type) {
  if (type == v1::Person::descriptor()) return &typeid(v1::Person);
  if (type == v1::TeamMember::descriptor()) return &typeid(v1::TeamMember);
  if (type == v1::Relationship::descriptor()) return &typeid(v1::Relationship);
  if (type == v1::Touch::descriptor()) return &typeid(v1::Touch);
  if (type == v1::GradeChange::descriptor()) return &typeid(v1::GradeChange);
  return nullptr;
}

Hot HotFieldOf(const FieldDescriptor* field) {
  const Descriptor* type = field->containing_type();
  const int number = field->number();
  if (type == v1::Person::descriptor()) {
    switch (number) {
      case v1::Person::kIdFieldNumber: return Hot::kPersonId;
      case v1::Person::kNameFieldNumber: return Hot::kPersonName;
      case v1::Person::kTitleFieldNumber: return Hot::kPersonTitle;
      case v1::Person::kDepartmentFieldNumber: return Hot::kPersonDepartment;
      case v1::Person::kLevelFieldNumber: return Hot::kPersonLevel;
      case v1::Person::kReportsToIdFieldNumber: return Hot::kPersonReportsToId;
      case v1::Person::kRelationshipLevelFieldNumber: return Hot::kPersonRelationshipLevel;
      case v1::Person::kDesiredRelationshipLevelFieldNumber:
        return Hot::kPersonDesiredRelationshipLevel;
      case v1::Person::kRelationshipTypeFieldNumber: return Hot::kPersonRelationshipType;
      case v1::Person::kNotesFieldNumber: return Hot::kPersonNotes;
      case v1::Person::kLeftAtFieldNumber: return Hot::kPersonLeftAt;
      case v1::Person::kSuccessorIdFieldNumber: return Hot::kPersonSuccessorId;
      default: return Hot::kNone;
    }
  }
  if (type == v1::TeamMember::descriptor()) {
    switch (number) {
      case v1::TeamMember::kIdFieldNumber: return Hot::kTeamMemberId;
      case v1::TeamMember::kNameFieldNumber: return Hot::kTeamMemberName;
      case v1::TeamMember::kTitleFieldNumber: return Hot::kTeamMemberTitle;
      case v1::TeamMember::kLevelFieldNumber: return Hot::kTeamMemberLevel;
      case v1::TeamMember::kEmailFieldNumber: return Hot::kTeamMemberEmail;
      case v1::TeamMember::kLeftAtFieldNumber: return Hot::kTeamMemberLeftAt;
      default: return Hot::kNone;
    }
  }
  if (type == v1::Relationship::descriptor()) {
    switch (number) {
      case v1::Relationship::kTeamMemberIdFieldNumber: return Hot::kRelationshipTeamMemberId;
      case v1::Relationship::kPersonIdFieldNumber: return Hot::kRelationshipPersonId;
      case v1::Relationship::kGradeFieldNumber: return Hot::kRelationshipGrade;
      case v1::Relationship::kAssessedAtFieldNumber: return Hot::kRelationshipAssessedAt;
      case v1::Relationship::kLastContactAtFieldNumber: return Hot::kRelationshipLastContactAt;
      case v1::Relationship::kHistoryFieldNumber: return Hot::kRelationshipHistory;
      case v1::Relationship::kDesiredGradeFieldNumber: return Hot::kRelationshipDesiredGrade;
      case v1::Relationship::kNotesFieldNumber: return Hot::kRelationshipNotes;
      case v1::Relationship::kTouchesFieldNumber: return Hot::kRelationshipTouches;
      default: return Hot::kNone;
    }
  }
  if (type == v1::Touch::descriptor()) {
    switch (number) {
      case v1::Touch::kAtFieldNumber: return Hot::kTouchAt;
      case v1::Touch::kKindFieldNumber: return Hot::kTouchKind;
      case v1::Touch::kDirectionFieldNumber: return Hot::kTouchDirection;
      case v1::Touch::kNoteFieldNumber: return Hot::kTouchNote;
      default: return Hot::kNone;
    }
  }
  if (type == v1::GradeChange::descriptor()) {
    switch (number) {
      case v1::GradeChange::kGradeFieldNumber: return Hot::kGradeChangeGrade;
      case v1::GradeChange::kAtFieldNumber: return Hot::kGradeChangeAt;
      case v1::GradeChange::kNoteFieldNumber: return Hot::kGradeChangeNote;
      default: return Hot::kNone;
    }
  }
  return Hot::kNone;
}

// What the reader asks of a field for every value, asked of the descriptor once per read.
struct FieldInfo {
  const FieldDescriptor* field = nullptr;
  std::string_view json_name;
  std::string_view name;
  FieldDescriptor::CppType cpp_type = FieldDescriptor::CPPTYPE_INT32;
  bool repeated = false;
  bool map = false;
  bool bytes = false;
  bool timestamp = false;          // a google.protobuf.Timestamp
  bool other_well_known = false;   // another google.protobuf message, which the reader refuses
  const Descriptor* message_type = nullptr;
  Hot hot = Hot::kNone;
};

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  absl::Status Read(Message* message) {
    const size_t invalid = FirstInvalidUtf8(text_);
    if (invalid != std::string_view::npos) {
      Fatal(invalid, "the text is not UTF-8: save it as UTF-8");
      return Finish();
    }
    pos_ = text_.starts_with(kUtf8ByteOrderMark) ? kUtf8ByteOrderMark.size() : 0;
    SkipWhitespace();
    bool ok;
    if (pos_ < text_.size() && text_[pos_] == '{') {
      ok = ReadObject(message, message->GetDescriptor(), 1);
    } else {
      if (pos_ < text_.size()) {
        Error(pos_, absl::StrCat("expected an object {...} holding a ",
                                 message->GetDescriptor()->name()));
      }
      ok = SkipValue(0);
    }
    if (ok) {
      SkipWhitespace();
      if (pos_ < text_.size()) {
        Fatal(pos_, "text after the end of the JSON value: delete it, or put both values in a list");
      }
    }
    return Finish();
  }

 private:
  // ---- Names, from this read's maps before the process-wide caches (whose lock is then taken
  // once per type and read) ----

  // A type's names, and this read's guesses of which field comes next: JSON written by a program
  // lists the keys of every object of a type in the same order, so a key is first compared with
  // the field that followed the previous key last time, and hashed only when the guess is wrong.
  struct LocalNames {
    const FieldNames* names = nullptr;
    std::vector<int> next;  // by previous field index + 1 (0: the first key): a field index, or -1
    std::vector<FieldInfo> fields;  // by field index
    const std::type_info* hot_class = nullptr;  // see HotClassOf
    // The reflection of the last message of this type read, and that message's class: messages of
    // one class share it, so the next one of the same class need not ask.
    const std::type_info* last_class = nullptr;
    const Reflection* reflection = nullptr;
  };

  LocalNames& LocalNamesOf(const Descriptor* type) {
    LocalNames& local = field_names_[type];
    if (local.names == nullptr) {
      local.names = &NamesOf(type);
      local.next.assign(static_cast<size_t>(type->field_count()) + 1, -1);
      local.hot_class = HotClassOf(type);
      local.fields.resize(static_cast<size_t>(type->field_count()));
      for (int i = 0; i < type->field_count(); ++i) {
        const FieldDescriptor* field = type->field(i);
        FieldInfo& info = local.fields[static_cast<size_t>(i)];
        info.field = field;
        info.json_name = field->json_name();
        info.name = field->name();
        info.cpp_type = field->cpp_type();
        info.repeated = field->is_repeated();
        info.map = field->is_map();
        info.bytes = field->type() == FieldDescriptor::TYPE_BYTES;
        if (info.cpp_type == FieldDescriptor::CPPTYPE_MESSAGE) {
          info.message_type = field->message_type();
          info.timestamp = IsTimestamp(info.message_type);
          info.other_well_known =
              !info.timestamp && info.message_type->file()->package() == "google.protobuf";
        }
        info.hot = HotFieldOf(field);
      }
    }
    return local;
  }

  // Whether `key` is one of the field's names; lengths first, as most wrong guesses differ there.
  static bool Names(const FieldInfo& info, std::string_view key) {
    return (info.json_name.size() == key.size() &&
            std::memcmp(info.json_name.data(), key.data(), key.size()) == 0) ||
           (info.name.size() == key.size() &&
            std::memcmp(info.name.data(), key.data(), key.size()) == 0);
  }

  // The field `key` names, or nullptr; `previous` is the index of the field before it in this
  // object (-1 for the first key), and learns the answer.
  static const FieldInfo* FindField(LocalNames& local, int previous, std::string_view key) {
    int& guess = local.next[static_cast<size_t>(previous + 1)];
    if (guess >= 0) {
      const FieldInfo& info = local.fields[static_cast<size_t>(guess)];
      if (Names(info, key)) return &info;
    }
    const FieldDescriptor* field = local.names->Find(key);
    if (field == nullptr) return nullptr;
    guess = field->index();
    return &local.fields[static_cast<size_t>(guess)];
  }
  const EnumNames& LocalEnumNamesOf(const EnumDescriptor* type) {
    const EnumNames*& names = enum_names_[type];
    if (names == nullptr) names = &EnumNamesOf(type);
    return *names;
  }

  // ---- Diagnostics ----

  // Whether another problem may still be described; counts it among the "more" otherwise.
  bool Room() {
    if (diagnostics_.size() < kMaxJsonDiagnostics && diagnostic_bytes_ < kMaxJsonDiagnosticBytes) {
      return true;
    }
    ++more_;
    return false;
  }

  TextPosition PositionOf(size_t offset) {
    if (!lines_.has_value()) {
      lines_.emplace(text_);
      positions_.emplace(*lines_);
    }
    // Offsets rise as the reader moves on, so positions cost one pass over the text in all.
    return positions_->At(offset);
  }

  void Add(size_t offset, std::string message) {
    diagnostic_bytes_ += message.size();
    diagnostics_.push_back({PositionOf(offset), std::move(message)});
  }

  // A problem in the value at the current path; reading goes on.
  void Error(size_t offset, std::string_view message) {
    if (!Room()) return;
    const std::string path = Path();
    Add(offset, path.empty() ? std::string(message)
                             : absl::StrCat(path, ": ", absl::string_view(message.data(), message.size())));
  }

  // A syntax error: nothing after it can be read. Always kept, even past the cap.
  bool Fatal(size_t offset, std::string_view message) {
    Add(offset, std::string(message));
    return false;
  }

  absl::Status Finish() {
    if (diagnostics_.empty()) return absl::OkStatus();
    absl::Status status = DiagnosticsToStatus(std::move(diagnostics_));
    if (more_ == 0) return status;
    return absl::InvalidArgumentError(absl::StrCat(
        status.message(), "\n... and ", more_, more_ == 1 ? " more problem" : " more problems"));
  }

  // ---- Paths ("persons[2].nps_answers[0].score"), spelt out only for messages ----

  struct Step {
    const FieldDescriptor* field;
    size_t index;  // in the list the field holds, or npos
  };

  size_t PushField(const FieldDescriptor* field) {
    steps_.push_back({field, std::string_view::npos});
    return steps_.size() - 1;
  }
  void Pop(size_t mark) { steps_.resize(mark); }

  std::string Path() const {
    std::string path;
    for (const Step& step : steps_) {
      if (!path.empty()) path.push_back('.');
      path.append(step.field->name());
      if (step.index != std::string_view::npos) absl::StrAppend(&path, "[", step.index, "]");
    }
    return path;
  }

  // ---- Syntax (RFC 8259) ----

  static bool IsWhitespace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

  // Most calls meet no whitespace at all, or a line break and the next line's indentation, which
  // is skipped sixteen bytes at a time.
  void SkipWhitespace() {
    if (pos_ >= text_.size() || !IsWhitespace(text_[pos_])) return;
#ifdef __SSE2__
    for (; pos_ + 16 <= text_.size(); pos_ += 16) {
      const __m128i chunk =
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(text_.data() + pos_));
      const __m128i blank = _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(chunk, _mm_set1_epi8(' ')),
                       _mm_cmpeq_epi8(chunk, _mm_set1_epi8('\n'))),
          _mm_or_si128(_mm_cmpeq_epi8(chunk, _mm_set1_epi8('\r')),
                       _mm_cmpeq_epi8(chunk, _mm_set1_epi8('\t'))));
      const unsigned other = ~static_cast<unsigned>(_mm_movemask_epi8(blank)) & 0xFFFFu;
      if (other != 0) {
        pos_ += static_cast<size_t>(__builtin_ctz(other));
        return;
      }
    }
#endif
    while (pos_ < text_.size() && IsWhitespace(text_[pos_])) ++pos_;
  }

  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }

  bool CheckDepth(int depth) {
    if (depth <= kMaxJsonDepth) return true;
    return Fatal(pos_, absl::StrCat("nested deeper than ", kMaxJsonDepth,
                                    " levels: a plan never needs that many"));
  }

  bool Unclosed(size_t opening) {
    const char closing = text_[opening] == '{' ? '}' : ']';
    return Fatal(opening, absl::StrCat("this '", std::string(1, text_[opening]),
                                       "' is never closed: add the matching '",
                                       std::string(1, closing), "'"));
  }

  bool Unexpected() {
    return Fatal(pos_, "expected a value: a string in double quotes, a number, true, false, null, "
                       "an object {...} or a list [...]");
  }

  // After a member or an item: true with *closed set at the closing bracket, true at a comma (with
  // the next member or item ahead), false on a syntax error.
  bool AfterItem(size_t opening, bool* closed) {
    const char closing = text_[opening] == '{' ? '}' : ']';
    SkipWhitespace();
    if (AtEnd()) return Unclosed(opening);
    if (text_[pos_] == closing) {
      ++pos_;
      *closed = true;
      return true;
    }
    if (text_[pos_] != ',') {
      return Fatal(pos_, closing == '}' ? "expected ',' or '}' after the field's value"
                                        : "expected ',' or ']' after the list item");
    }
    const size_t comma = pos_++;
    SkipWhitespace();
    if (Peek() == closing) {
      return Fatal(comma, closing == '}'
                              ? "a comma before '}': JSON allows no comma after the last field"
                              : "a comma before ']': JSON allows no comma after the last item");
    }
    if (AtEnd()) return Unclosed(opening);
    *closed = false;
    return true;
  }

  // Reads a key and the ':' after it. The key is a view of the text when it holds no escape, else
  // of a buffer that the next key overwrites.
  bool ReadKey(std::string_view* key) {
    if (Peek() != '"') return Fatal(pos_, "expected a field name in double quotes (\"name\")");
    if (!ReadString(&key_buffer_, key)) return false;
    SkipWhitespace();
    if (AtEnd()) return true;  // the caller reports the unclosed object
    if (text_[pos_] != ':') return Fatal(pos_, "expected ':' after the field name");
    ++pos_;
    SkipWhitespace();
    return true;
  }

  std::optional<unsigned> ReadHex4() {
    if (pos_ + 4 > text_.size()) return std::nullopt;
    unsigned value = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = text_[pos_ + i];
      if (!absl::ascii_isxdigit(c)) return std::nullopt;
      value = value * 16 + (absl::ascii_isdigit(c) ? c - '0' : absl::ascii_tolower(c) - 'a' + 10);
    }
    pos_ += 4;
    return value;
  }

  // Reads the string at pos_ (its opening quote). *value is a view of the text when the string has
  // no escape, else of `buffer`, which receives the decoded text.
  bool ReadString(std::string* buffer, std::string_view* value) {
    const size_t opening = pos_++;
    const size_t start = pos_;
    // The common case: no escape. Scan to the closing quote, sixteen or eight bytes at a time while
    // none of them is '"', '\\' or a control character, and hand out a view.
#ifdef __SSE2__
    for (; pos_ + 16 <= text_.size(); pos_ += 16) {
      const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text_.data() + pos_));
      const __m128i stop = _mm_or_si128(
          _mm_cmpeq_epi8(_mm_min_epu8(chunk, _mm_set1_epi8(0x1F)), chunk),
          _mm_or_si128(_mm_cmpeq_epi8(chunk, _mm_set1_epi8('"')),
                       _mm_cmpeq_epi8(chunk, _mm_set1_epi8('\\'))));
      if (const int mask = _mm_movemask_epi8(stop); mask != 0) {
        pos_ += static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
        break;
      }
    }
#endif
    for (uint64_t word; pos_ + sizeof word <= text_.size(); pos_ += sizeof word) {
      std::memcpy(&word, text_.data() + pos_, sizeof word);
      if (!EightStringBytes(word)) break;
    }
    while (pos_ < text_.size()) {
      const unsigned char c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') {
        *value = text_.substr(start, pos_ - start);
        ++pos_;
        return true;
      }
      if (c == '\\' || c < 0x20) break;
      ++pos_;
    }
    buffer->assign(text_.data() + start, pos_ - start);
    while (true) {
      if (pos_ >= text_.size()) {
        return Fatal(opening, "this string is never closed: add the closing '\"'");
      }
      const char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        *value = *buffer;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        return Fatal(pos_, c == '\n' || c == '\r'
                               ? "a line break inside a string: close the string, or write \\n"
                               : "a control character inside a string: write it as \\u00XX");
      }
      if (c != '\\') {
        buffer->push_back(c);
        ++pos_;
        continue;
      }
      const size_t escape = pos_++;
      if (pos_ >= text_.size()) {
        return Fatal(opening, "this string is never closed: add the closing '\"'");
      }
      const char kind = text_[pos_++];
      switch (kind) {
        case '"': buffer->push_back('"'); break;
        case '\\': buffer->push_back('\\'); break;
        case '/': buffer->push_back('/'); break;
        case 'b': buffer->push_back('\b'); break;
        case 'f': buffer->push_back('\f'); break;
        case 'n': buffer->push_back('\n'); break;
        case 'r': buffer->push_back('\r'); break;
        case 't': buffer->push_back('\t'); break;
        case 'u': {
          std::optional<unsigned> unit = ReadHex4();
          if (!unit.has_value()) return Fatal(escape, "\\u must be followed by four hex digits");
          unsigned code_point = *unit;
          if (code_point >= 0xD800 && code_point <= 0xDBFF) {  // a surrogate pair's first half
            std::optional<unsigned> low;
            if (text_.substr(pos_, 2) == "\\u") {
              pos_ += 2;
              low = ReadHex4();
            }
            if (!low.has_value() || *low < 0xDC00 || *low > 0xDFFF) {
              return Fatal(escape, "a lone surrogate: \\uD800-\\uDBFF must be followed by "
                                   "\\uDC00-\\uDFFF");
            }
            code_point = 0x10000 + ((code_point - 0xD800) << 10) + (*low - 0xDC00);
          } else if (code_point >= 0xDC00 && code_point <= 0xDFFF) {
            return Fatal(escape, "a lone surrogate: \\uDC00-\\uDFFF must follow \\uD800-\\uDBFF");
          }
          AppendUtf8(code_point, *buffer);
          break;
        }
        default:
          return Fatal(escape, "an unknown escape: use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or "
                               "\\uXXXX");
      }
    }
  }

  bool ReadLiteral(std::string_view literal) {
    if (text_.substr(pos_, literal.size()) != literal) return Unexpected();
    pos_ += literal.size();
    return true;
  }

  // Reads the number at pos_: its text checked against the JSON grammar, then its value.
  bool ReadNumber(JsonNumber* number) {
    const size_t start = pos_;
    const auto digits = [&] {
      const size_t first = pos_;
      while (pos_ < text_.size() && absl::ascii_isdigit(text_[pos_])) ++pos_;
      return pos_ > first;
    };
    bool integral = true;
    if (Peek() == '-') ++pos_;
    if (Peek() == '0') {
      ++pos_;
    } else if (!digits()) {
      pos_ = start;
      return Unexpected();
    }
    if (Peek() == '.') {
      ++pos_;
      integral = false;
      if (!digits()) return Fatal(pos_, "expected a digit after the decimal point");
    }
    if (Peek() == 'e' || Peek() == 'E') {
      ++pos_;
      integral = false;
      if (Peek() == '+' || Peek() == '-') ++pos_;
      if (!digits()) return Fatal(pos_, "expected a digit in the exponent");
    }
    const absl::string_view token(text_.data() + start, pos_ - start);
    if (integral && token.size() <= 18) {  // the common case: fits without overflow checks
      uint64_t magnitude = 0;
      for (char digit : token.substr(token[0] == '-' ? 1 : 0)) magnitude = magnitude * 10 + (digit - '0');
      if (token[0] == '-') {
        number->kind = JsonNumber::Kind::kSigned;
        number->signed_value = -static_cast<int64_t>(magnitude);
      } else {
        number->kind = JsonNumber::Kind::kUnsigned;
        number->unsigned_value = magnitude;
      }
      return true;
    }
    if (integral) {
      if (token[0] == '-' ? absl::SimpleAtoi(token, &number->signed_value)
                          : absl::SimpleAtoi(token, &number->unsigned_value)) {
        number->kind = token[0] == '-' ? JsonNumber::Kind::kSigned : JsonNumber::Kind::kUnsigned;
        return true;
      }
    }
    number->kind = JsonNumber::Kind::kDouble;
    if (!absl::SimpleAtod(token, &number->double_value) || !std::isfinite(number->double_value)) {
      return Fatal(start, "Number exceeds the range of double: write a smaller number");
    }
    return true;
  }

  // Checks and passes over one value of any kind (nested in `depth` containers).
  bool SkipValue(int depth) {
    if (AtEnd()) return Fatal(pos_, "the JSON ends where a value should follow");
    switch (text_[pos_]) {
      case '{': {
        if (!CheckDepth(depth + 1)) return false;
        const size_t opening = pos_++;
        SkipWhitespace();
        if (Peek() == '}') {
          ++pos_;
          return true;
        }
        for (bool closed = false; !closed;) {
          if (AtEnd()) return Unclosed(opening);
          std::string_view key;
          if (!ReadKey(&key)) return false;
          if (AtEnd()) return Unclosed(opening);
          if (!SkipValue(depth + 1) || !AfterItem(opening, &closed)) return false;
        }
        return true;
      }
      case '[': {
        if (!CheckDepth(depth + 1)) return false;
        const size_t opening = pos_++;
        SkipWhitespace();
        if (Peek() == ']') {
          ++pos_;
          return true;
        }
        for (bool closed = false; !closed;) {
          if (AtEnd()) return Unclosed(opening);
          if (!SkipValue(depth + 1) || !AfterItem(opening, &closed)) return false;
        }
        return true;
      }
      case '"': {
        std::string_view value;
        return ReadString(&value_buffer_, &value);
      }
      case 't':
        return ReadLiteral("true");
      case 'f':
        return ReadLiteral("false");
      case 'n':
        return ReadLiteral("null");
      default: {
        JsonNumber number;
        return ReadNumber(&number);
      }
    }
  }

  // ---- The schema ----

  // Reads the object at pos_ into `message`, whose type is `type`.
  bool ReadObject(Message* message, const Descriptor* type, int depth) {
    if (!CheckDepth(depth)) return false;
    LocalNames& local = LocalNamesOf(type);
    // Asked once per class rather than once per object: each call checks that the descriptors are
    // built.
    const std::type_info& message_class = typeid(*message);
    if (local.last_class == nullptr || *local.last_class != message_class) {
      local.last_class = &message_class;
      local.reflection = message->GetReflection();
    }
    const Reflection* reflection = local.reflection;
    const bool hot = local.hot_class != nullptr && *local.hot_class == message_class;
    const FieldNames& names = *local.names;
    int previous = -1;  // the index of the field of the previous key
    // Where each field's key was first seen, to report a second one.
    absl::InlinedVector<size_t, 32> seen(static_cast<size_t>(type->field_count()),
                                         std::string_view::npos);
    const size_t opening = pos_++;
    SkipWhitespace();
    if (Peek() == '}') {
      ++pos_;
      return true;
    }
    for (bool closed = false; !closed;) {
      if (AtEnd()) return Unclosed(opening);
      const size_t key_offset = pos_;
      std::string_view key;
      if (!ReadKey(&key)) return false;
      if (AtEnd()) return Unclosed(opening);
      const FieldInfo* info = FindField(local, previous, key);
      bool ok;
      if (info == nullptr) {
        UnknownField(key_offset, key, type, names);
        ok = SkipValue(depth);
      } else if (previous = info->field->index(); seen[static_cast<size_t>(previous)] !=
                                                   std::string_view::npos) {
        RepeatedKey(key_offset, key, info->field, seen[static_cast<size_t>(previous)]);
        ok = SkipValue(depth);
      } else {
        seen[static_cast<size_t>(previous)] = key_offset;
        const size_t mark = PushField(info->field);
        ok = ReadField(message, reflection, *info, hot ? info->hot : Hot::kNone, depth);
        Pop(mark);
      }
      if (!ok || !AfterItem(opening, &closed)) return false;
    }
    return true;
  }

  void UnknownField(size_t offset, std::string_view key, const Descriptor* type,
                    const FieldNames& names) {
    if (!Room()) return;
    const std::vector<std::string>& known = names.json_names();
    Error(offset, absl::StrCat("unknown field ", Quoted(key), DidYouMean(key, known), " in ",
                               type->name(), ": correct the name or remove the field (",
                               type->name(), " has ", absl::StrJoin(known, ", "), ")"));
  }

  void RepeatedKey(size_t offset, std::string_view key, const FieldDescriptor* field,
                   size_t first) {
    if (!Room()) return;
    const TextPosition before = PositionOf(first);
    // A repeated key's path is the object's, then the field.
    const size_t mark = PushField(field);
    Error(offset, absl::StrCat(Quoted(key), " is given a second time in this object (first at line ",
                               before.line, ", column ", before.column,
                               "; \"", field->json_name(), "\" and \"", field->name(),
                               "\" name the same field): keep one"));
    Pop(mark);
  }

  bool IsNull() const {
    return Peek() == 'n' && text_.size() - pos_ >= 4 && std::memcmp(text_.data() + pos_, "null", 4) == 0;
  }

  // `hot` is info.hot when `message` is the generated class HotClassOf names, else Hot::kNone.
  bool ReadField(Message* message, const Reflection* reflection, const FieldInfo& info, Hot hot,
                 int depth) {
    const FieldDescriptor* field = info.field;
    // null leaves a field as it is: unset.
    if (IsNull()) return ReadLiteral("null");
    if (info.map) {
      Error(pos_, "maps are not read by this library's JSON reader");
      return SkipValue(depth);
    }
    if (!info.repeated) return ReadElement(message, reflection, info, hot, depth, /*add=*/false);
    if (Peek() != '[') {
      Error(pos_, absl::StrCat("expected a list [...] (", field->name(), " is repeated)"));
      return SkipValue(depth);
    }
    if (!CheckDepth(depth + 1)) return false;
    const size_t opening = pos_++;
    SkipWhitespace();
    if (Peek() == ']') {
      ++pos_;
      return true;
    }
    size_t index = 0;
    for (bool closed = false; !closed; ++index) {
      if (AtEnd()) return Unclosed(opening);
      steps_.back().index = index;
      bool ok;
      if (Peek() == '[') {
        Error(pos_, absl::StrCat("a list inside a list: ", field->name(),
                                 " holds single values, so write [a, b] rather than [[a, b]]"));
        ok = SkipValue(depth + 1);
      } else if (IsNull()) {
        Error(pos_, "null inside a list: remove it (a list holds values only)");
        ok = SkipValue(depth + 1);
      } else {
        ok = ReadElement(message, reflection, info, hot, depth + 1, /*add=*/true);
      }
      if (!ok || !AfterItem(opening, &closed)) return false;
    }
    steps_.back().index = std::string_view::npos;
    return true;
  }

  // A value of the wrong kind: reports it, then passes over it.
  bool WrongKind(int depth, std::string_view expected) {
    Error(pos_, expected);
    return SkipValue(depth);
  }

  // One value of `field` (one item when the field is repeated: `add`).
  bool ReadElement(Message* message, const Reflection* reflection, const FieldInfo& info, Hot hot,
                   int depth, bool add) {
    const FieldDescriptor* field = info.field;
    const size_t offset = pos_;
    const char first = Peek();
    switch (info.cpp_type) {
      case FieldDescriptor::CPPTYPE_MESSAGE: {
        const Descriptor* type = info.message_type;
        if (info.timestamp) return ReadTimestamp(message, reflection, field, hot, depth, add);
        if (info.other_well_known) {
          Error(pos_, absl::StrCat(type->full_name(), " is not read by this library's JSON reader"));
          return SkipValue(depth);
        }
        if (first != '{') {
          return WrongKind(depth, absl::StrCat("expected an object {...} (a ", type->name(), ")"));
        }
        Message* child;
        switch (hot) {
          case Hot::kRelationshipHistory:
            child = static_cast<v1::Relationship*>(message)->add_history();
            break;
          case Hot::kRelationshipTouches:
            child = static_cast<v1::Relationship*>(message)->add_touches();
            break;
          default:
            child = add ? reflection->AddMessage(message, field)
                        : reflection->MutableMessage(message, field);
            break;
        }
        return ReadObject(child, type, depth + 1);
      }
      case FieldDescriptor::CPPTYPE_STRING: {
        if (first != '"') {
          return WrongKind(depth, absl::StrCat("expected a string in double quotes (",
                                               field->name(), " is a ", TypeName(field), ")"));
        }
        std::string_view value;
        if (!ReadString(&value_buffer_, &value)) return false;
        if (std::string* target = HotString(message, hot); target != nullptr) {
          target->assign(value.data(), value.size());
          return true;
        }
        std::string stored(value);
        if (info.bytes) {
          std::string decoded;
          if (!absl::Base64Unescape(absl::string_view(value.data(), value.size()), &decoded) &&
              !absl::WebSafeBase64Unescape(absl::string_view(value.data(), value.size()),
                                           &decoded)) {
            Error(offset, absl::StrCat("invalid value ", Quoted(value),
                                       " for type bytes: write base64"));
            return true;
          }
          stored = std::move(decoded);
        }
        if (add) {
          reflection->AddString(message, field, std::move(stored));
        } else {
          reflection->SetString(message, field, std::move(stored));
        }
        return true;
      }
      case FieldDescriptor::CPPTYPE_BOOL: {
        bool value;
        if (first == 't' || first == 'f') {
          if (!ReadLiteral(first == 't' ? "true" : "false")) return false;
          value = first == 't';
        } else if (first == '"') {
          std::string_view text;
          if (!ReadString(&value_buffer_, &text)) return false;
          if (!absl::SimpleAtob(absl::string_view(text.data(), text.size()), &value)) {
            Error(offset, absl::StrCat("invalid value ", Quoted(text),
                                       " for type bool: write true or false"));
            return true;
          }
        } else {
          return WrongKind(depth, absl::StrCat("expected true or false (", field->name(),
                                               " is a bool)"));
        }
        if (add) {
          reflection->AddBool(message, field, value);
        } else {
          reflection->SetBool(message, field, value);
        }
        return true;
      }
      case FieldDescriptor::CPPTYPE_ENUM:
        return ReadEnum(message, reflection, field, hot, depth, add);
      default:
        return ReadNumeric(message, reflection, field, depth, add);
    }
  }

  // The string of a hot string field (see Hot), or nullptr.
  static std::string* HotString(Message* message, Hot hot) {
    switch (hot) {
      case Hot::kPersonId: return static_cast<v1::Person*>(message)->mutable_id();
      case Hot::kPersonName: return static_cast<v1::Person*>(message)->mutable_name();
      case Hot::kPersonTitle: return static_cast<v1::Person*>(message)->mutable_title();
      case Hot::kPersonDepartment: return static_cast<v1::Person*>(message)->mutable_department();
      case Hot::kPersonReportsToId:
        return static_cast<v1::Person*>(message)->mutable_reports_to_id();
      case Hot::kPersonNotes: return static_cast<v1::Person*>(message)->mutable_notes();
      case Hot::kPersonSuccessorId:
        return static_cast<v1::Person*>(message)->mutable_successor_id();
      case Hot::kTeamMemberId: return static_cast<v1::TeamMember*>(message)->mutable_id();
      case Hot::kTeamMemberName: return static_cast<v1::TeamMember*>(message)->mutable_name();
      case Hot::kTeamMemberTitle: return static_cast<v1::TeamMember*>(message)->mutable_title();
      case Hot::kTeamMemberEmail: return static_cast<v1::TeamMember*>(message)->mutable_email();
      case Hot::kRelationshipTeamMemberId:
        return static_cast<v1::Relationship*>(message)->mutable_team_member_id();
      case Hot::kRelationshipPersonId:
        return static_cast<v1::Relationship*>(message)->mutable_person_id();
      case Hot::kRelationshipNotes:
        return static_cast<v1::Relationship*>(message)->mutable_notes();
      case Hot::kTouchNote:
        return static_cast<v1::Touch*>(message)->mutable_note();
      case Hot::kGradeChangeNote:
        return static_cast<v1::GradeChange*>(message)->mutable_note();
      default:
        return nullptr;
    }
  }

  // The Timestamp of a hot Timestamp field (see Hot), or nullptr.
  static google::protobuf::Timestamp* HotTimestamp(Message* message, Hot hot) {
    switch (hot) {
      case Hot::kPersonLeftAt: return static_cast<v1::Person*>(message)->mutable_left_at();
      case Hot::kTeamMemberLeftAt: return static_cast<v1::TeamMember*>(message)->mutable_left_at();
      case Hot::kRelationshipAssessedAt:
        return static_cast<v1::Relationship*>(message)->mutable_assessed_at();
      case Hot::kRelationshipLastContactAt:
        return static_cast<v1::Relationship*>(message)->mutable_last_contact_at();
      case Hot::kTouchAt:
        return static_cast<v1::Touch*>(message)->mutable_at();
      case Hot::kGradeChangeAt:
        return static_cast<v1::GradeChange*>(message)->mutable_at();
      default:
        return nullptr;
    }
  }

  // Stores `number` in a hot enum field (see Hot); false when the field is not one.
  static bool SetHotEnum(Message* message, Hot hot, int number) {
    switch (hot) {
      case Hot::kPersonLevel:
        static_cast<v1::Person*>(message)->set_level(static_cast<v1::Level>(number));
        return true;
      case Hot::kPersonRelationshipLevel:
        static_cast<v1::Person*>(message)->set_relationship_level(
            static_cast<v1::RelationshipLevel>(number));
        return true;
      case Hot::kPersonDesiredRelationshipLevel:
        static_cast<v1::Person*>(message)->set_desired_relationship_level(
            static_cast<v1::RelationshipLevel>(number));
        return true;
      case Hot::kPersonRelationshipType:
        static_cast<v1::Person*>(message)->set_relationship_type(
            static_cast<v1::RelationshipType>(number));
        return true;
      case Hot::kTeamMemberLevel:
        static_cast<v1::TeamMember*>(message)->set_level(static_cast<v1::Level>(number));
        return true;
      case Hot::kRelationshipGrade:
        static_cast<v1::Relationship*>(message)->set_grade(static_cast<v1::Grade>(number));
        return true;
      case Hot::kRelationshipDesiredGrade:
        static_cast<v1::Relationship*>(message)->set_desired_grade(static_cast<v1::Grade>(number));
        return true;
      case Hot::kTouchKind:
        static_cast<v1::Touch*>(message)->set_kind(static_cast<v1::Touch::Kind>(number));
        return true;
      case Hot::kTouchDirection:
        static_cast<v1::Touch*>(message)->set_direction(static_cast<v1::Touch::Direction>(number));
        return true;
      case Hot::kGradeChangeGrade:
        static_cast<v1::GradeChange*>(message)->set_grade(static_cast<v1::Grade>(number));
        return true;
      default:
        return false;
    }
  }

  bool ReadTimestamp(Message* message, const Reflection* reflection, const FieldDescriptor* field,
                     Hot hot, int depth, bool add) {
    const size_t offset = pos_;
    if (Peek() != '"') {
      return WrongKind(depth, "expected a Timestamp as an RFC 3339 string in double quotes, such "
                              "as \"2024-05-31T09:00:00Z\"");
    }
    std::string_view text;
    if (!ReadString(&value_buffer_, &text)) return false;
    std::optional<std::pair<int64_t, int32_t>> time = CommonTimestamp(text);
    if (!time) {
      google::protobuf::Timestamp parsed;
      if (!google::protobuf::util::TimeUtil::FromString(std::string(text), &parsed)) {
        Error(offset, absl::StrCat("invalid value ", Quoted(text),
                                   " for a Timestamp: write RFC 3339 (such as "
                                   "\"2024-05-31T09:00:00Z\"), years 0001 to 9999"));
        return true;
      }
      time.emplace(parsed.seconds(), parsed.nanos());
    }
    if (google::protobuf::Timestamp* timestamp = HotTimestamp(message, hot); timestamp != nullptr) {
      timestamp->set_seconds(time->first);
      timestamp->set_nanos(time->second);
      return true;
    }
    Message* child =
        add ? reflection->AddMessage(message, field) : reflection->MutableMessage(message, field);
    // The generated class, as it is for every message of the generated pool: set directly.
    if (typeid(*child) == typeid(google::protobuf::Timestamp)) {
      auto* timestamp = static_cast<google::protobuf::Timestamp*>(child);
      timestamp->set_seconds(time->first);
      timestamp->set_nanos(time->second);
      return true;
    }
    // IsTimestamp found the generated Timestamp's descriptor, so its fields are these.
    static const FieldDescriptor* const seconds =
        google::protobuf::Timestamp::descriptor()->FindFieldByName("seconds");
    static const FieldDescriptor* const nanos =
        google::protobuf::Timestamp::descriptor()->FindFieldByName("nanos");
    const Reflection* fields = child->GetReflection();
    fields->SetInt64(child, seconds, time->first);
    fields->SetInt32(child, nanos, time->second);
    return true;
  }

  bool ReadEnum(Message* message, const Reflection* reflection, const FieldDescriptor* field,
                Hot hot, int depth, bool add) {
    const EnumDescriptor* type = field->enum_type();
    const size_t offset = pos_;
    std::optional<int> number;
    if (Peek() == '"') {
      std::string_view name;
      if (!ReadString(&value_buffer_, &name)) return false;
      if (const std::optional<int> value = LocalEnumNamesOf(type).Find(name)) {
        number = *value;
      } else if (std::optional<int32_t> written = IntegerFromString<int32_t>(name);
                 written.has_value() && type->FindValueByNumber(*written) != nullptr) {
        number = *written;  // a defined number written as a string
      } else {
        std::vector<std::string> names;
        for (int i = 0; i < type->value_count(); ++i) names.push_back(type->value(i)->name());
        Error(offset, absl::StrCat("unknown ", type->name(), " ", Quoted(name),
                                   DidYouMean(name, names), ": use one of ",
                                   absl::StrJoin(names, ", ")));
        return true;
      }
    } else if (Peek() == '-' || absl::ascii_isdigit(Peek())) {
      JsonNumber written;
      if (!ReadNumber(&written)) return false;
      const std::optional<int32_t> value = ToInteger<int32_t>(written);
      if (!value.has_value()) {
        Error(offset, absl::StrCat("invalid value ", Describe(written), " for enum ", type->name(),
                                   ": write a name or a 32-bit number"));
        return true;
      }
      number = *value;
    } else {
      return WrongKind(depth, absl::StrCat("expected a ", type->name(),
                                           " name in double quotes, or its number"));
    }
    if (SetHotEnum(message, hot, *number)) return true;
    if (add) {
      reflection->AddEnumValue(message, field, *number);
    } else {
      reflection->SetEnumValue(message, field, *number);
    }
    return true;
  }

  // The value of a numeric field, written as a number or as a string.
  bool ReadNumeric(Message* message, const Reflection* reflection, const FieldDescriptor* field,
                   int depth, bool add) {
    const size_t offset = pos_;
    JsonNumber number;
    std::string_view text;  // when written as a string
    bool quoted = false;
    if (Peek() == '"') {
      quoted = true;
      if (!ReadString(&value_buffer_, &text)) return false;
    } else if (Peek() == '-' || absl::ascii_isdigit(Peek())) {
      if (!ReadNumber(&number)) return false;
    } else {
      return WrongKind(depth, absl::StrCat("expected a number (", field->name(), " is a ",
                                           TypeName(field), ")"));
    }
    const auto invalid = [&] {
      Error(offset, absl::StrCat("invalid value ", quoted ? Quoted(text) : Describe(number),
                                 " for type ", TypeName(field), ": ", NumberHint(field)));
      return true;
    };
    // One case per integer type: the value in range, or the error.
    const auto integer = [&](auto typed, auto set, auto append) {
      using Integer = decltype(typed);
      const std::optional<Integer> value =
          quoted ? IntegerFromString<Integer>(text) : ToInteger<Integer>(number);
      if (!value.has_value()) return invalid();
      add ? (reflection->*append)(message, field, *value) : (reflection->*set)(message, field, *value);
      return true;
    };
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_INT32:
        return integer(int32_t{}, &Reflection::SetInt32, &Reflection::AddInt32);
      case FieldDescriptor::CPPTYPE_UINT32:
        return integer(uint32_t{}, &Reflection::SetUInt32, &Reflection::AddUInt32);
      case FieldDescriptor::CPPTYPE_INT64:
        return integer(int64_t{}, &Reflection::SetInt64, &Reflection::AddInt64);
      case FieldDescriptor::CPPTYPE_UINT64:
        return integer(uint64_t{}, &Reflection::SetUInt64, &Reflection::AddUInt64);
      default:
        break;
    }
    double value;
    if (!quoted) {
      value = ToDouble(number);
    } else if (text == "NaN") {
      value = std::numeric_limits<double>::quiet_NaN();
    } else if (text == "Infinity") {
      value = std::numeric_limits<double>::infinity();
    } else if (text == "-Infinity") {
      value = -std::numeric_limits<double>::infinity();
    } else if (const std::optional<double> written = DoubleFromString(text); written.has_value()) {
      value = *written;
    } else {
      return invalid();
    }
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_FLOAT) {
      constexpr float kMax = std::numeric_limits<float>::max();
      float single = static_cast<float>(value);
      if (std::isfinite(value) && (value > kMax || value < -kMax)) {
        // As protobuf does: a double just past the float range may still round to the largest
        // float; halving it first keeps the conversion defined.
        const double half = value * 0.5;
        if (!(half < kMax && half > -kMax)) return invalid();
        const float half_single = static_cast<float>(half);
        if (half_single > kMax * 0.5f || half_single < -kMax * 0.5f) return invalid();
        single = half_single + half_single;
      }
      add ? reflection->AddFloat(message, field, single)
          : reflection->SetFloat(message, field, single);
      return true;
    }
    add ? reflection->AddDouble(message, field, value)
        : reflection->SetDouble(message, field, value);
    return true;
  }

  std::string_view text_;
  size_t pos_ = 0;
  std::string key_buffer_;    // a key with escapes, decoded
  std::string value_buffer_;  // a string value with escapes, decoded
  std::vector<Step> steps_;   // the path to the field being read
  std::optional<LineMap> lines_;  // built at the first problem: a clean read never needs it
  std::optional<ForwardPositions> positions_;
  std::vector<Diagnostic> diagnostics_;
  size_t diagnostic_bytes_ = 0;
  // Nodes, not slots: ReadObject holds a reference while nested objects add types.
  absl::node_hash_map<const Descriptor*, LocalNames> field_names_;
  absl::flat_hash_map<const EnumDescriptor*, const EnumNames*> enum_names_;
  size_t more_ = 0;
};

}  // namespace

absl::Status ReadJsonMessage(std::string_view json, Message* message) {
  message->Clear();
  absl::Status status = Reader(json).Read(message);
  if (!status.ok()) message->Clear();
  return status;
}

}  // namespace contactplan::io
