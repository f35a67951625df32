#include "io/json_writer.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#ifdef __linux__
#include <sys/mman.h>
#endif

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/timestamp.pb.h"
#include "google/protobuf/util/time_util.h"
#include "io/json_number.h"
#include "io/output_size.h"
#include "io/proto_binary.h"

namespace contactplan::io {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

constexpr char kHex[] = "0123456789abcdef";

// Whether protobuf escapes a code point: control characters, '"', '\\', '<' and '>' (for HTML),
// and the invisible formatting characters that JavaScript engines have mishandled.
bool NeedsEscape(uint32_t cp) {
  if (cp < 0xA0) return cp < 0x20 || cp >= 0x7F || cp == '"' || cp == '\\' || cp == '<' || cp == '>';
  return cp == 0xFEFF || cp == 0xFFF9 || cp == 0xFFFA || cp == 0xFFFB || cp == 0x00AD ||
         cp == 0x06DD || cp == 0x070F || cp == 0x17B4 || cp == 0x17B5 ||
         (cp >= 0x0600 && cp <= 0x0603) || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
         (cp >= 0x206A && cp <= 0x206F) || cp == 0xE0001 || (cp >= 0x1D173 && cp <= 0x1D17A) ||
         (cp >= 0xE0020 && cp <= 0xE007F);
}

// The escape of a code point NeedsEscape accepts, as protobuf writes it: the short forms where JSON
// has them, else \uXXXX (a surrogate pair beyond U+FFFF).
template <typename Out>
void AppendEscape(uint32_t cp, Out& out) {
  const auto hex4 = [&](uint32_t unit) {
    out.append("\\u");
    for (int shift = 12; shift >= 0; shift -= 4) out.push_back(kHex[(unit >> shift) & 0xF]);
  };
  switch (cp) {
    case '\b': out.append("\\b"); return;
    case '\t': out.append("\\t"); return;
    case '\n': out.append("\\n"); return;
    case '\f': out.append("\\f"); return;
    case '\r': out.append("\\r"); return;
    case '"': out.append("\\\""); return;
    case '\\': out.append("\\\\"); return;
    default: break;
  }
  if (cp < 0x10000) {
    hex4(cp);
    return;
  }
  const uint32_t v = cp - 0x10000;
  hex4(0xD800 + (v >> 10));
  hex4(0xDC00 + (v & 0x3FF));
}

// Bytes that may need an escape: every byte but printable ASCII other than '"', '\\', '<', '>'.
constexpr std::array<bool, 256> kAttention = [] {
  std::array<bool, 256> table{};
  for (int byte = 0; byte < 256; ++byte) {
    table[byte] = byte < 0x20 || byte >= 0x7F || byte == '"' || byte == '\\' || byte == '<' ||
                  byte == '>';
  }
  return table;
}();

// Whether none of eight bytes (a word read from the text) needs attention, tested at once: no byte
// has the high bit set, none is below 0x20, none is '"', '\\', '<', '>' or 0x7F. (With no high bit
// set, "(x - 0x01..01 * n) & ~x & 0x80..80" is non-zero exactly when some byte is below n.)
bool EightPlainBytes(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101u;
  constexpr uint64_t kHigh = 0x8080808080808080u;
  const auto below = [&](uint64_t x, uint64_t n) { return (x - kOnes * n) & ~x & kHigh; };
  const auto holds = [&](uint64_t byte) { return below(word ^ (kOnes * byte), 1); };
  return ((word & kHigh) | below(word, 0x20) | holds('"') | holds('\\') | holds('<') | holds('>') |
          holds(0x7F)) == 0;
}

#ifdef __SSE2__
// A bit for each of sixteen bytes that may need an escape (kAttention), at once.
unsigned AttentionMask(__m128i chunk) {
  const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(chunk, _mm_set1_epi8(0x1F)), chunk);
  const __m128i high = _mm_cmpeq_epi8(_mm_max_epu8(chunk, _mm_set1_epi8(0x7F)), chunk);
  const __m128i special = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(chunk, _mm_set1_epi8('"')),
                   _mm_cmpeq_epi8(chunk, _mm_set1_epi8('\\'))),
      _mm_or_si128(_mm_cmpeq_epi8(chunk, _mm_set1_epi8('<')),
                   _mm_cmpeq_epi8(chunk, _mm_set1_epi8('>'))));
  return static_cast<unsigned>(
      _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(control, high), special)));
}
#endif

// Appends `text` (valid UTF-8, as protobuf strings are) in double quotes.
template <typename Out>
void AppendQuoted(std::string_view text, Out& out) {
  out.push_back('"');
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  size_t plain = 0;  // start of the run not yet copied
  size_t i = 0;
  while (true) {
    // The common case: printable ASCII, sixteen or eight bytes at a time, then byte by byte.
#ifdef __SSE2__
    for (; i + 16 <= size; i += 16) {
      const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
      if (AttentionMask(chunk) != 0) break;
    }
#endif
    for (uint64_t word; i + sizeof word <= size; i += sizeof word) {
      std::memcpy(&word, bytes + i, sizeof word);
      if (!EightPlainBytes(word)) break;
    }
    while (i < size && !kAttention[bytes[i]]) ++i;
    if (i >= size) break;
    const unsigned char lead = bytes[i];
    size_t length = 1;
    uint32_t cp = lead;
    if (lead >= 0xF0) {
      length = 4;
      cp = lead & 0x07;
    } else if (lead >= 0xE0) {
      length = 3;
      cp = lead & 0x0F;
    } else if (lead >= 0xC0) {
      length = 2;
      cp = lead & 0x1F;
    }
    length = std::min(length, size - i);
    for (size_t k = 1; k < length; ++k) cp = (cp << 6) | (bytes[i + k] & 0x3F);
    if (NeedsEscape(cp)) {
      out.append(text.data() + plain, i - plain);
      AppendEscape(cp, out);
      plain = i + length;
    }
    i += length;
  }
  out.append(text.data() + plain, size - plain);
  out.push_back('"');
}

// Asks the kernel to back a large block we are about to fill with 2 MiB pages where it can
// (Linux's transparent huge pages, when set to "madvise"): tens of megabytes of fresh memory
// otherwise cost a page fault every 4 KiB, as much time as writing the JSON itself. Only the whole
// 2 MiB pages inside the block are advised; smaller blocks are left alone. Advice only: where it is
// not taken, nothing changes but the speed.
void AdviseLargePages(char* block, size_t size) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr uintptr_t kLargePage = uintptr_t{2} << 20;
  if (size < 2 * kLargePage) return;
  const uintptr_t begin = (reinterpret_cast<uintptr_t>(block) + kLargePage - 1) & ~(kLargePage - 1);
  const uintptr_t end = (reinterpret_cast<uintptr_t>(block) + size) & ~(kLargePage - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
  (void)block;
  (void)size;
#endif
}

// The text being written. Pieces land in a small staging buffer that stays in the cache and is
// appended to the result a few kilobytes at a time: the result is reserved up front but never
// zero-filled and never written twice (a result sized by resize() was filled with zeros, then
// overwritten, then copied whole when the guess of its size was short: three passes over tens of
// megabytes of fresh pages for a large analysis). Appending to the staging buffer also spares
// std::string's bookkeeping on every key, bracket and indentation. The result is a std::string,
// or a block from std::malloc that the C ABI hands to its caller as it is (Store::kMalloc), which
// spares a copy of the whole text and a second block as large.
class Output {
 public:
  enum class Store { kString, kMalloc };

  explicit Output(Store store) : store_(store), stage_(new char[kStageBytes]) {}
  ~Output() { std::free(block_); }
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  // Room for the `expected` bytes the result probably reaches. Reserving more costs address space
  // only (the untouched pages of a large block are never backed); a short guess costs one
  // geometric growth of the result.
  void Reserve(size_t expected) {
    if (store_ == Store::kString) {
      text_.reserve(expected);
      AdviseLargePages(text_.data(), text_.capacity());
    } else {
      GrowBlock(expected);
      AdviseLargePages(block_, block_capacity_);
    }
  }

  void append(const char* data, size_t n) {
    if (n > stage_room()) {
      AppendBeyondStage(data, n);
      return;
    }
    std::memcpy(stage_.get() + used_, data, n);
    used_ += n;
  }
  void append(std::string_view text) { append(text.data(), text.size()); }
  void push_back(char c) {
    if (used_ == stage_size_) Flush();
    stage_[used_++] = c;
  }
  // Room for `n` more bytes, written by the caller and then counted with Advance (at most `n`).
  char* Room(size_t n) {
    if (n > stage_room()) MakeRoom(n);
    return stage_.get() + used_;
  }
  void Advance(size_t n) { used_ += n; }
  size_t size() const { return stored_ + used_; }
  // Drops what was written past the first `size` bytes.
  void Truncate(size_t size) {
    if (size >= stored_) {
      used_ = std::min(used_, size - stored_);
    } else {
      if (store_ == Store::kString) text_.resize(size);
      stored_ = size;
      used_ = 0;
    }
  }
  // The text, for Store::kString.
  std::string Take() && {
    Flush();
    return std::move(text_);
  }
  // The text, for Store::kMalloc, with a NUL after it.
  MallocText TakeBlock() && {
    Flush();
    GrowBlock(stored_ + 1);
    block_[stored_] = '\0';
    MallocText text;
    text.data.reset(block_);
    text.size = stored_;
    block_ = nullptr;
    block_capacity_ = 0;
    stored_ = 0;
    return text;
  }

 private:
  // Big enough that a flush is rare, small enough to stay in the first-level cache.
  static constexpr size_t kStageBytes = 16 * 1024;

  size_t stage_room() const { return stage_size_ - used_; }
  // The rare paths, out of line so that the common ones inline into every caller.
  [[gnu::noinline]] void AppendBeyondStage(const char* data, size_t n) {
    Flush();
    if (n > stage_size_) {  // a long string: straight to the result
      Keep(data, n);
      return;
    }
    std::memcpy(stage_.get(), data, n);
    used_ = n;
  }
  [[gnu::noinline]] void MakeRoom(size_t n) {
    Flush();
    if (n > stage_size_) {  // never for this schema's keys and indentation, but never wrong
      stage_size_ = n;
      stage_.reset(new char[n]);
    }
  }
  void Flush() {
    Keep(stage_.get(), used_);
    used_ = 0;
  }
  void Keep(const char* data, size_t n) {
    if (store_ == Store::kString) {
      text_.append(data, n);
    } else {
      if (stored_ + n > block_capacity_) GrowBlock(std::max(stored_ + n, 2 * block_capacity_));
      std::memcpy(block_ + stored_, data, n);
    }
    stored_ += n;
  }
  // At least `capacity` bytes of block; std::bad_alloc when there is no memory, as std::string.
  void GrowBlock(size_t capacity) {
    if (capacity <= block_capacity_) return;
    char* grown = static_cast<char*>(std::realloc(block_, capacity));
    if (grown == nullptr) throw std::bad_alloc();
    block_ = grown;
    block_capacity_ = capacity;
  }

  const Store store_;
  std::unique_ptr<char[]> stage_;  // stage_[0, used_) is written, not yet stored
  size_t stage_size_ = kStageBytes;
  size_t used_ = 0;
  size_t stored_ = 0;  // bytes in text_ or block_
  std::string text_;   // Store::kString
  char* block_ = nullptr;  // Store::kMalloc: from std::malloc, block_capacity_ bytes
  size_t block_capacity_ = 0;
};

// Little-endian wire reading of a message this process serialized itself (so well formed; a
// malformed record still only ends the walk, never reads out of bounds).
struct Wire {
  const char* at;
  const char* end;

  bool Varint(uint64_t* value) {
    if (at < end && static_cast<uint8_t>(*at) < 0x80) {  // most tags, lengths and numbers
      *value = static_cast<uint8_t>(*at++);
      return true;
    }
    uint64_t result = 0;
    for (int shift = 0; shift < 64 && at < end; shift += 7) {
      const uint8_t byte = static_cast<uint8_t>(*at++);
      result |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if (byte < 0x80) {
        *value = result;
        return true;
      }
    }
    return false;
  }
  bool Fixed(size_t bytes, uint64_t* value) {
    if (static_cast<size_t>(end - at) < bytes) return false;
    uint64_t result = 0;
    std::memcpy(&result, at, bytes);  // little-endian hosts only, like protobuf's fast paths
    at += bytes;
    *value = result;
    return true;
  }
  // One record: its field number, wire type and value (`payload` to `payload_end` for a
  // length-delimited record, `scalar` otherwise).
  struct Record {
    uint32_t number = 0;
    int wire_type = 0;
    uint64_t scalar = 0;
    const char* payload = nullptr;
    const char* payload_end = nullptr;
  };
  bool Next(Record* record) {
    uint64_t tag;
    if (!Varint(&tag)) return false;
    record->number = static_cast<uint32_t>(tag >> 3);
    record->wire_type = static_cast<int>(tag & 7);
    switch (record->wire_type) {
      case 0: return Varint(&record->scalar);
      case 1: return Fixed(8, &record->scalar);
      case 5: return Fixed(4, &record->scalar);
      case 2: {
        uint64_t length;
        if (!Varint(&length) || length > static_cast<uint64_t>(end - at)) return false;
        record->payload = at;
        record->payload_end = at + length;
        at += length;
        return true;
      }
      default: return false;  // groups: not in a proto3 schema
    }
  }
};

// Room for a Timestamp in double quotes: "\"9999-12-31T23:59:59.999999999Z\"".
constexpr size_t kTimestampBytes = 40;

// `seconds` and `nanos` (within years 0001-9999) as protobuf's TimeUtil::ToString writes them, in
// double quotes: "2024-05-31T09:00:00Z", with 3, 6 or 9 digits of fraction when nanos is not 0.
// Returns the end of the text written at `out`.
char* WriteTimestampText(int64_t seconds, int32_t nanos, char* out) {
  constexpr int64_t kDay = 86400;
  int64_t days = seconds / kDay;
  int64_t second_of_day = seconds % kDay;
  if (second_of_day < 0) {
    second_of_day += kDay;
    --days;
  }
  // Days since 1970-01-01 to a civil date (proleptic Gregorian), by 400-year eras.
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t day_of_era = z - era * 146097;
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t month_index = (5 * day_of_year + 2) / 153;  // from March
  const int64_t day = day_of_year - (153 * month_index + 2) / 5 + 1;
  const int64_t month = month_index < 10 ? month_index + 3 : month_index - 9;
  const int64_t year = year_of_era + era * 400 + (month <= 2);
  const auto digits = [&](int64_t value, int width) {
    for (int i = width - 1; i >= 0; --i) {
      out[i] = static_cast<char>('0' + value % 10);
      value /= 10;
    }
    out += width;
  };
  *out++ = '"';
  digits(year, 4);
  *out++ = '-';
  digits(month, 2);
  *out++ = '-';
  digits(day, 2);
  *out++ = 'T';
  digits(second_of_day / 3600, 2);
  *out++ = ':';
  digits(second_of_day / 60 % 60, 2);
  *out++ = ':';
  digits(second_of_day % 60, 2);
  if (nanos != 0) {
    *out++ = '.';
    if (nanos % 1000000 == 0) {
      digits(nanos / 1000000, 3);
    } else if (nanos % 1000 == 0) {
      digits(nanos / 1000, 6);
    } else {
      digits(nanos, 9);
    }
  }
  *out++ = 'Z';
  *out++ = '"';
  return out;
}

// How one field is written, worked out once per type and style.
struct FieldPlan {
  const FieldDescriptor* field;
  std::string key;  // "\"jsonName\": ", padded with spaces to a multiple of 16 bytes
  size_t key_size;  // without the padding
  FieldDescriptor::Type type;
  bool repeated;
  bool timestamp = false;
  const struct TypePlan* message = nullptr;  // a message field other than Timestamp
  // An enum's values by number - enum_low, each in double quotes and padded with spaces to a
  // multiple of 16 bytes for Writer::CopyShort (size 0: no name, or outside).
  struct EnumName {
    std::string padded;
    size_t size = 0;
  };
  int enum_low = 0;
  std::vector<EnumName> enum_names;
  // What protobuf prints for the field, when it has no presence and is not set (DefaultText),
  // padded with spaces to a multiple of 16 bytes for Writer::CopyShort.
  std::string default_padded;
  size_t default_size = 0;  // without the padding
};

// What protobuf prints of one message type. Without defaults: the set fields in field number
// order (protobuf walks the wire form). With defaults, protobuf's writer first lays out a slot per
// field in declaration order, fills the slots as it walks the wire form, and appends what found no
// slot: fields with presence that hold a scalar (proto3 `optional`) and Timestamps (which it writes
// as strings where the slot expected an object), in field number order.
struct TypePlan {
  std::vector<FieldPlan> fields;   // by field index
  std::vector<int> by_number;      // field number -> field index, -1 for none (small numbers)
  struct Printed {
    uint32_t index;  // of the field
    bool always;     // printed even when unset
  };
  std::vector<Printed> order;      // the fields in print order
  // Whether the print order is field number order, the order of the serializer's records: then
  // the message is written in one pass over its records (Writer::WriteInRecordOrder).
  bool in_record_order = false;
  // Whether, besides, every field holds one value of a scalar, enum or string type (no message,
  // no list, no bytes): such a message, like each of the drift forecast's rows, which make up half
  // of a large account's JSON, is written by Writer::WriteFlat. `place` gives each field's
  // position in `order`.
  bool flat = false;
  std::vector<uint32_t> place;     // by field index

  // A flat message whose fields all have one-byte tags and a kind Writer::WriteFlatSpelt writes
  // (`spellable`) has its keys spelt out for each indentation level below kSpeltLevels it is
  // written at, the first time it is (SpeltAt): the comma, line break, indentation and key before
  // a field in one piece, and the same followed by the field's default. Writing a field is then
  // one copy and its value.
  static constexpr size_t kSpeltLevels = 16;
  static constexpr uint8_t kNoPlace = 0xFF;
  struct SpeltField {
    const FieldPlan* field;
    uint32_t key = 0;               // offset in SpeltLevel::pieces of ",\n<indent>\"key\": "
    uint32_t key_size = 0;
    uint32_t with_default = 0;      // offset of the same followed by the default's text
    uint32_t with_default_size = 0; // 0: not printed when unset
  };
  struct SpeltLevel {
    std::string pieces;  // with kSpeltPadding bytes past the last piece, for Writer::CopyPiece
    std::vector<SpeltField> by_place;
  };
  bool spellable = false;
  // By level of the message (its fields one deeper): null until first written there, then never
  // changed nor freed, so that writers read it without a lock.
  mutable std::array<std::atomic<const SpeltLevel*>, kSpeltLevels> spelt{};
  // The place in print order of the field a one-byte tag (number and wire type) introduces, when
  // the wire type is the one the serializer writes for that field; kNoPlace for any other tag.
  std::array<uint8_t, 128> place_of_tag{};

  int IndexOf(uint32_t number) const {
    if (number < by_number.size()) return by_number[number];
    for (size_t i = 0; i < fields.size(); ++i) {
      if (static_cast<uint32_t>(fields[i].field->number()) == number) return static_cast<int>(i);
    }
    return -1;
  }
};

bool IsTimestamp(const Descriptor* type) {
  // One descriptor pool holds the schema and the well-known types: pointers compare.
  static const Descriptor* const timestamp = google::protobuf::Timestamp::descriptor();
  return type == timestamp;
}

// The wire type the serializer writes for a singular field of `type` that WriteFlatSpelt writes;
// -1 for a type it leaves to WriteFlat.
int SpeltWireType(FieldDescriptor::Type type) {
  switch (type) {
    case FieldDescriptor::TYPE_ENUM:
    case FieldDescriptor::TYPE_INT32:
    case FieldDescriptor::TYPE_INT64:
    case FieldDescriptor::TYPE_UINT32:
    case FieldDescriptor::TYPE_UINT64:
    case FieldDescriptor::TYPE_BOOL:
      return 0;
    case FieldDescriptor::TYPE_DOUBLE:
      return 1;
    case FieldDescriptor::TYPE_STRING:
      return 2;
    default:
      return -1;
  }
}

// What protobuf prints for a singular field without presence that is not set (FieldPlan::
// default_padded; the enum's names must be filled first). Empty for a message field, which is
// printed only when set.
std::string DefaultText(const FieldPlan& field) {
  switch (field.field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT64:
    case FieldDescriptor::CPPTYPE_UINT64:
      return "\"0\"";
    case FieldDescriptor::CPPTYPE_BOOL:
      return "false";
    case FieldDescriptor::CPPTYPE_STRING:
      return "\"\"";
    case FieldDescriptor::CPPTYPE_MESSAGE:
      return "";
    case FieldDescriptor::CPPTYPE_ENUM: {
      const int64_t slot = -static_cast<int64_t>(field.enum_low);
      if (slot >= 0 && slot < static_cast<int64_t>(field.enum_names.size()) &&
          field.enum_names[static_cast<size_t>(slot)].size != 0) {
        const FieldPlan::EnumName& name = field.enum_names[static_cast<size_t>(slot)];
        return name.padded.substr(0, name.size);
      }
      if (field.enum_names.empty()) {
        if (const auto* value = field.field->enum_type()->FindValueByNumber(0)) {
          std::string quoted;
          AppendQuoted(value->name(), quoted);
          return quoted;
        }
      }
      return "0";
    }
    default:
      return "0";
  }
}

// Bytes readable past the last piece of a SpeltLevel: a piece is copied in 16-byte steps, from up
// to one byte past its start (the comma left out before a message's first field).
constexpr size_t kSpeltPadding = 32;

// Whether every field of the flat message `plan` qualifies for spelt keys (TypePlan::spellable),
// and if so the place of each field's tag.
void MarkSpellable(TypePlan* plan) {
  std::array<uint8_t, 128> place_of_tag;
  place_of_tag.fill(TypePlan::kNoPlace);
  for (size_t i = 0; i < plan->fields.size(); ++i) {
    const FieldPlan& field = plan->fields[i];
    const int wire_type = SpeltWireType(field.type);
    const int number = field.field->number();
    if (wire_type < 0 || number >= 16 || plan->order.size() >= TypePlan::kNoPlace) return;
    place_of_tag[static_cast<size_t>(number << 3 | wire_type)] =
        static_cast<uint8_t>(plan->place[i]);
  }
  plan->place_of_tag = place_of_tag;
  plan->spellable = true;
}

// The keys of a spellable `plan` for a message at `level`.
std::unique_ptr<TypePlan::SpeltLevel> SpellLevel(const TypePlan& plan, size_t level) {
  auto spelt = std::make_unique<TypePlan::SpeltLevel>();
  const std::string lead = ",\n" + std::string(level + 1, ' ');
  for (const TypePlan::Printed& printed : plan.order) {
    const FieldPlan& field = plan.fields[printed.index];
    TypePlan::SpeltField& out = spelt->by_place.emplace_back();
    out.field = &field;
    const std::string key = lead + field.key.substr(0, field.key_size);
    out.key = static_cast<uint32_t>(spelt->pieces.size());
    out.key_size = static_cast<uint32_t>(key.size());
    spelt->pieces += key;
    if (printed.always) {
      const std::string with_default = key + field.default_padded.substr(0, field.default_size);
      out.with_default = static_cast<uint32_t>(spelt->pieces.size());
      out.with_default_size = static_cast<uint32_t>(with_default.size());
      spelt->pieces += with_default;
    }
  }
  spelt->pieces.append(kSpeltPadding, ' ');
  return spelt;
}

// The spelt keys of `plan` at `level`, spelt on first use (by whichever writer gets there first;
// another that spelt them at the same time drops its own); null when `plan` has none there.
const TypePlan::SpeltLevel* SpeltAt(const TypePlan& plan, int level) {
  if (!plan.spellable || level < 0 || static_cast<size_t>(level) >= TypePlan::kSpeltLevels) {
    return nullptr;
  }
  std::atomic<const TypePlan::SpeltLevel*>& slot = plan.spelt[static_cast<size_t>(level)];
  const TypePlan::SpeltLevel* spelt = slot.load(std::memory_order_acquire);
  if (spelt != nullptr) return spelt;
  std::unique_ptr<TypePlan::SpeltLevel> built = SpellLevel(plan, static_cast<size_t>(level));
  if (slot.compare_exchange_strong(spelt, built.get(), std::memory_order_acq_rel,
                                   std::memory_order_acquire)) {
    return built.release();
  }
  return spelt;
}

// The plans of `root` and of every type it reaches, built once per process and style and never
// freed (types do not go away), under a lock taken once per write.
const TypePlan& PlanOf(const Descriptor* root, JsonStyle style) {
  static absl::Mutex mutex(absl::kConstInit);
  static auto* cache ABSL_GUARDED_BY(mutex) =
      new absl::flat_hash_map<std::pair<const Descriptor*, JsonStyle>, std::unique_ptr<TypePlan>>();
  absl::MutexLock lock(&mutex);
  // Creates the plan of `type` (its children's entries first exist empty, then get filled: types
  // may refer to each other).
  std::vector<const Descriptor*> pending;
  const auto entry = [&](const Descriptor* type) {
    std::unique_ptr<TypePlan>& plan = (*cache)[{type, style}];
    if (plan == nullptr) {
      plan = std::make_unique<TypePlan>();
      pending.push_back(type);
    }
    return plan.get();
  };
  TypePlan* const result = entry(root);
  while (!pending.empty()) {
    const Descriptor* type = pending.back();
    pending.pop_back();
    TypePlan* plan = (*cache)[{type, style}].get();
    std::vector<int> slots, appended;
    uint32_t largest = 0;
    for (int i = 0; i < type->field_count(); ++i) {
      const FieldDescriptor* field = type->field(i);
      FieldPlan& out = plan->fields.emplace_back();
      out.field = field;
      // JSON names are identifiers (letters, digits, '_'): nothing to escape.
      out.key = absl::StrCat("\"", field->json_name(), "\": ");
      out.key_size = out.key.size();
      out.key.resize((out.key_size + 15) / 16 * 16, ' ');  // padding for Writer::CopyShort
      out.type = field->type();
      out.repeated = field->is_repeated();
      const bool message_field = field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE;
      if (message_field) {
        out.timestamp = IsTimestamp(field->message_type());
        if (!out.timestamp) out.message = entry(field->message_type());
      }
      if (field->cpp_type() == FieldDescriptor::CPPTYPE_ENUM) {
        const google::protobuf::EnumDescriptor* values = field->enum_type();
        int low = values->value(0)->number(), high = low;
        for (int v = 0; v < values->value_count(); ++v) {
          low = std::min(low, values->value(v)->number());
          high = std::max(high, values->value(v)->number());
        }
        if (static_cast<int64_t>(high) - low < 4096) {  // else looked up by number when written
          out.enum_low = low;
          out.enum_names.resize(static_cast<size_t>(high - low + 1));
          // In declaration order, the first name of a number wins, as FindValueByNumber has it.
          for (int v = values->value_count() - 1; v >= 0; --v) {
            FieldPlan::EnumName& name =
                out.enum_names[static_cast<size_t>(values->value(v)->number() - low)];
            name.padded = absl::StrCat("\"", values->value(v)->name(), "\"");
            name.size = name.padded.size();
            name.padded.resize((name.size + 15) / 16 * 16, ' ');
          }
        }
      }
      out.default_padded = DefaultText(out);
      out.default_size = out.default_padded.size();
      out.default_padded.resize((out.default_size + 16) / 16 * 16, ' ');
      largest = std::max(largest, static_cast<uint32_t>(field->number()));
      if (style == JsonStyle::kOmitDefaults) {
        slots.push_back(i);
      } else if (out.repeated || !(out.timestamp || (!message_field && field->has_presence()))) {
        slots.push_back(i);
      } else {
        appended.push_back(i);
      }
    }
    const auto by_number = [&](int a, int b) {
      return type->field(a)->number() < type->field(b)->number();
    };
    if (style == JsonStyle::kOmitDefaults) std::sort(slots.begin(), slots.end(), by_number);
    std::sort(appended.begin(), appended.end(), by_number);
    for (int i : slots) {
      const FieldDescriptor* field = type->field(i);
      plan->order.push_back(
          {static_cast<uint32_t>(i),
           style == JsonStyle::kEveryField &&
               (field->is_repeated() || field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE)});
    }
    for (int i : appended) {
      plan->order.push_back({static_cast<uint32_t>(i), false});
    }
    plan->in_record_order = std::is_sorted(
        plan->order.begin(), plan->order.end(),
        [&](const TypePlan::Printed& a, const TypePlan::Printed& b) {
          return type->field(static_cast<int>(a.index))->number() <
                 type->field(static_cast<int>(b.index))->number();
        });
    plan->place.resize(plan->order.size());
    for (size_t k = 0; k < plan->order.size(); ++k) plan->place[plan->order[k].index] = k;
    plan->flat = plan->in_record_order &&
                 std::all_of(plan->fields.begin(), plan->fields.end(), [](const FieldPlan& f) {
                   return !f.repeated && f.type != FieldDescriptor::TYPE_MESSAGE &&
                          f.type != FieldDescriptor::TYPE_GROUP &&
                          f.type != FieldDescriptor::TYPE_BYTES;
                 });
    if (plan->flat) MarkSpellable(plan);
    plan->by_number.assign(std::min<uint32_t>(largest, 1023) + 1, -1);
    for (int i = 0; i < type->field_count(); ++i) {
      const uint32_t number = static_cast<uint32_t>(type->field(i)->number());
      if (number < plan->by_number.size()) plan->by_number[number] = i;
    }
  }
  return *result;
}

// Whether values of `type` may be packed into one length-delimited record.
bool Packable(FieldDescriptor::Type type) {
  return type != FieldDescriptor::TYPE_STRING && type != FieldDescriptor::TYPE_BYTES &&
         type != FieldDescriptor::TYPE_MESSAGE && type != FieldDescriptor::TYPE_GROUP;
}

// The JSON is written from the message's wire form: serializing is protobuf's fastest path, and
// reading records back through a per-type table costs far less than a reflection call per field.
class Writer {
 public:
  Writer(JsonStyle style, size_t max_bytes, Output::Store store = Output::Store::kString)
      : style_(style), max_bytes_(max_bytes), out_(store) {}

  absl::StatusOr<std::string> Write(const Message& message) {
    // JSON is never shorter than the wire form (every field spells its name), so a message whose
    // wire form is over the limit is refused before anything is built.
    const size_t binary_size = message.ByteSizeLong();
    if (binary_size > max_bytes_ || binary_size > kMaxOutputBytes) {
      return CheckOutputSize(binary_size + 1, std::min(max_bytes_, kMaxOutputBytes), "JSON");
    }
    // Not zero-filled first: the serializer writes every byte. kSlack bytes more, so that short
    // strings can be read in fixed 16-byte steps (AppendWireString).
    const std::unique_ptr<char[]> wire(new char[binary_size + kSlack]);
    std::memset(wire.get() + binary_size, 0, kSlack);
    AdviseLargePages(wire.get(), binary_size);
    WriteBinaryMessageInto(message, binary_size, wire.get());
    return WriteWire(*message.GetDescriptor(), wire.get(), wire.get() + binary_size);
  }

  // The JSON of a message of `type` whose wire form lies from `begin` to `end`, followed by
  // kSlack readable bytes.
  absl::StatusOr<std::string> WriteWire(const Descriptor& type, const char* begin,
                                        const char* end) {
    if (absl::Status written = WriteWireText(type, begin, end); !written.ok()) return written;
    return std::move(out_).Take();
  }
  // The same in a block from std::malloc (the writer made with Output::Store::kMalloc).
  absl::StatusOr<MallocText> WriteWireBlock(const Descriptor& type, const char* begin,
                                            const char* end) {
    if (absl::Status written = WriteWireText(type, begin, end); !written.ok()) return written;
    return std::move(out_).TakeBlock();
  }

 private:
  absl::Status WriteWireText(const Descriptor& type, const char* begin, const char* end) {
    const size_t binary_size = static_cast<size_t>(end - begin);
    if (binary_size > max_bytes_ || binary_size > kMaxOutputBytes) {
      return CheckOutputSize(binary_size + 1, std::min(max_bytes_, kMaxOutputBytes), "JSON");
    }
    // Indented JSON runs to 2.4 (typical) to 3.7 (10,000 x 500) times the wire size of an
    // analysis, 5.1 times that of the 10,000 x 500 plan (short values under long names).
    const size_t expansion = style_ == JsonStyle::kEveryField ? 4 : 6;
    out_.Reserve(std::min(max_bytes_, binary_size * expansion + 4096));
    const bool written = IsTimestamp(&type) ? WriteTimestamp(begin, end)
                                            : WriteMessage(PlanOf(&type, style_), begin, end, 0);
    if (!written) return std::move(failure_);
    out_.push_back('\n');
    return CheckOutputSize(out_.size(), max_bytes_, "JSON");
  }

  // Where a field's records lie in its message's wire form: from its first record to the end of
  // its last (the serializer writes a repeated field's records together).
  struct Span {
    uint64_t message = 0;  // the message (its number in this write) the span belongs to
    const char* begin = nullptr;
    const char* end = nullptr;
    Wire::Record last;  // the last record: a singular field's value
  };

  // Small pieces are copied in fixed 16-byte steps, which compile to plain stores (a call of
  // memcpy or memset per key and per indentation was a tenth of the writer's time): the buffer
  // always has kSlack bytes of room past what is written, and what lands there is overwritten.
  static constexpr size_t kSlack = 16;
  static_assert(kSlack == kJsonWireSlack);
  static void Spaces(char* at, size_t count) {
    static constexpr char kSpaces[16] = {' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ',
                                         ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '};
    // The first step unconditionally: indentation rarely runs past 16 levels.
    std::memcpy(at, kSpaces, 16);
    for (size_t done = 16; done < count; done += 16) std::memcpy(at + done, kSpaces, 16);
  }
  // The first `size` (at least 1) bytes of `padded`, whose size is a multiple of 16.
  static void CopyShort(char* at, const std::string& padded, size_t size) {
    CopyPiece(at, padded.data(), size);
  }
  // The first `size` bytes at `piece`, which is readable up to the next multiple of 16 bytes past
  // them.
  static void CopyPiece(char* at, const char* piece, size_t size) {
    std::memcpy(at, piece, 16);
    for (size_t done = 16; done < size; done += 16) std::memcpy(at + done, piece + done, 16);
  }

  void NewLine(int level) {
    const size_t indent = static_cast<size_t>(level);
    char* at = out_.Room(1 + indent + kSlack);
    at[0] = '\n';
    Spaces(at + 1, indent);
    out_.Advance(1 + indent);
  }

  // Stops a write that has grown past the limit, before it takes more memory.
  bool Fits() {
    if (out_.size() <= max_bytes_) return true;
    failure_ = CheckOutputSize(out_.size(), max_bytes_, "JSON");
    return false;
  }

  bool Malformed() {
    failure_ = absl::InternalError(absl::StrCat(Path(), ": the wire form of the message does not "
                                                        "read back; this is a bug of the library"));
    return false;
  }

  // ",\n" (or "\n" for the first), the indentation and the key of `field`, in one piece.
  void WriteKey(const FieldPlan& field, bool first, size_t indent) {
    const size_t comma = first ? 0 : 1;
    const size_t length = comma + 1 + indent + field.key_size;
    char* at = out_.Room(length + kSlack);
    at[0] = ',';
    at[comma] = '\n';
    Spaces(at + comma + 1, indent);
    CopyShort(at + comma + 1 + indent, field.key, field.key_size);
    out_.Advance(length);
  }

  bool WriteMessage(const TypePlan& plan, const char* begin, const char* end, int level) {
    if (plan.in_record_order) {
      const size_t written = out_.size();
      const size_t steps = steps_.size();
      bool out_of_order = false;
      if (const TypePlan::SpeltLevel* spelt = SpeltAt(plan, level); spelt != nullptr) {
        if (WriteFlatSpelt(plan, *spelt, begin, end, level, &out_of_order)) {
          return true;
        }
        if (!out_of_order) return false;
        // A record WriteFlatSpelt does not take (never seen from the serializer): WriteFlat.
        out_.Truncate(written);
        steps_.resize(steps);
        out_of_order = false;
      }
      if (plan.flat ? WriteFlat(plan, begin, end, level, &out_of_order)
                    : WriteInRecordOrder(plan, begin, end, level, &out_of_order)) {
        return true;
      }
      if (!out_of_order) return false;
      // Records the serializer would not write in this order (never seen): the general way.
      out_.Truncate(written);
      steps_.resize(steps);
    }
    return WriteGathered(plan, begin, end, level);
  }

  // A flat message with its keys spelt for this level (TypePlan::spelt), in one pass: a record's
  // one-byte tag gives its field's place in print order, whose key (after the defaults of the
  // fields skipped before it) is one copy. Sets `*unusual` (and returns false) for a record that
  // is not the serializer's for this type in this order: a tag of more than one byte, another
  // wire type, an unknown field, a field written twice. WriteFlat then writes the message.
  bool WriteFlatSpelt(const TypePlan& plan, const TypePlan::SpeltLevel& spelt, const char* begin,
                      const char* end, int level, bool* unusual) {
    out_.push_back('{');
    const char* const pieces = spelt.pieces.data();
    const TypePlan::SpeltField* const places = spelt.by_place.data();
    const size_t count = spelt.by_place.size();
    size_t skip = 1;  // the comma before the first field printed is left out
    const auto copy = [&](uint32_t offset, uint32_t size) {
      const size_t length = size - skip;
      CopyPiece(out_.Room(length + kSlack), pieces + offset + skip, length);
      out_.Advance(length);
      skip = 0;
    };
    size_t next = 0;  // the first place in print order not written yet
    const auto defaults_until = [&](size_t stop) {
      for (; next < stop; ++next) {
        if (places[next].with_default_size != 0) {
          copy(places[next].with_default, places[next].with_default_size);
        }
      }
    };
    Wire wire{begin, end};
    while (wire.at < wire.end) {
      const uint8_t tag = static_cast<uint8_t>(*wire.at);
      const size_t place = tag < 0x80 ? plan.place_of_tag[tag] : TypePlan::kNoPlace;
      if (place == TypePlan::kNoPlace || place < next) {
        *unusual = true;
        return false;
      }
      ++wire.at;
      defaults_until(place);
      ++next;
      const TypePlan::SpeltField& spelt_field = places[place];
      copy(spelt_field.key, spelt_field.key_size);
      const FieldPlan& field = *spelt_field.field;
      uint64_t value = 0;
      if (field.type == FieldDescriptor::TYPE_STRING) {
        if (!wire.Varint(&value) || value > static_cast<uint64_t>(wire.end - wire.at)) {
          steps_.push_back({field.field, -1});
          return Malformed();
        }
        AppendWireString(wire.at, static_cast<size_t>(value));
        wire.at += value;
        continue;
      }
      if (!(field.type == FieldDescriptor::TYPE_DOUBLE ? wire.Fixed(8, &value)
                                                       : wire.Varint(&value))) {
        steps_.push_back({field.field, -1});
        return Malformed();
      }
      switch (field.type) {
        case FieldDescriptor::TYPE_ENUM:
          AppendEnum(field, static_cast<int32_t>(value));
          break;
        case FieldDescriptor::TYPE_INT32:
          AppendInteger(static_cast<int32_t>(value), false);
          break;
        case FieldDescriptor::TYPE_BOOL:
          AppendBool(value != 0);
          break;
        case FieldDescriptor::TYPE_UINT32:
          AppendInteger(static_cast<uint32_t>(value), false);
          break;
        case FieldDescriptor::TYPE_INT64:
          AppendInteger(static_cast<int64_t>(value), true);
          break;
        case FieldDescriptor::TYPE_UINT64:
          AppendInteger(value, true);
          break;
        default: {  // TYPE_DOUBLE (SpeltWireType admits no other)
          double number;
          std::memcpy(&number, &value, sizeof number);
          AppendDouble(number);
          break;
        }
      }
    }
    defaults_until(count);
    if (skip == 0) NewLine(level);
    out_.push_back('}');
    return Fits();
  }

  // A message whose print order is field number order, in one pass: each record is written as it
  // is read, with the defaults of the fields it skipped before it. Sets `*out_of_order` (and
  // returns false) when a record comes after its place in the print order.
  bool WriteInRecordOrder(const TypePlan& plan, const char* begin, const char* end, int level,
                          bool* out_of_order) {
    out_.push_back('{');
    bool first = true;
    const size_t indent = static_cast<size_t>(level) + 1;
    const FieldPlan* const fields = plan.fields.data();
    const TypePlan::Printed* next = plan.order.data();
    const TypePlan::Printed* const last = next + plan.order.size();
    // The defaults of the fields before `stop` in print order (they have no records).
    const auto defaults_until = [&](const TypePlan::Printed* stop) {
      for (; next < stop; ++next) {
        if (!next->always) continue;
        const FieldPlan& field = fields[next->index];
        WriteKey(field, first, indent);
        first = false;
        if (!WriteField(field, nullptr, nullptr, nullptr, level + 1)) return false;
      }
      return true;
    };
    steps_.push_back({nullptr, -1});
    Wire wire{begin, end};
    while (wire.at < wire.end) {
      const char* const start = wire.at;
      Wire::Record record;
      if (!wire.Next(&record)) return Malformed();
      const int index = plan.IndexOf(record.number);
      if (index < 0) continue;  // unknown to this build: JSON has no name to write it under
      const TypePlan::Printed* place = next;
      while (place < last && place->index != static_cast<uint32_t>(index)) ++place;
      if (place == last) {
        *out_of_order = true;
        return false;
      }
      const FieldPlan& field = fields[index];
      if (field.repeated) {  // the serializer writes a list's records together
        for (Wire rest = wire; rest.at < rest.end;) {
          Wire::Record more;
          if (!rest.Next(&more)) return Malformed();
          if (more.number != record.number) break;
          wire.at = rest.at;
        }
      }
      if (!defaults_until(place)) return false;
      WriteKey(field, first, indent);
      first = false;
      steps_.back() = {field.field, -1};
      if (!WriteField(field, &record, start, wire.at, level + 1) || !Fits()) return false;
      ++next;
    }
    if (!defaults_until(last)) return false;
    steps_.pop_back();
    if (!first) NewLine(level);
    out_.push_back('}');
    return true;
  }

  // A flat message (TypePlan::flat) in one pass: each record's value written as it is read, with
  // the defaults of the fields it skipped before it; no list to look ahead through, no nested
  // message, so no path to keep up to date. Sets `*out_of_order` (and returns false) when a record
  // comes after its place in the print order (a field written twice, which the serializer never
  // does).
  bool WriteFlat(const TypePlan& plan, const char* begin, const char* end, int level,
                 bool* out_of_order) {
    out_.push_back('{');
    bool first = true;
    const size_t indent = static_cast<size_t>(level) + 1;
    const FieldPlan* const fields = plan.fields.data();
    const TypePlan::Printed* const order = plan.order.data();
    const size_t count = plan.order.size();
    size_t next = 0;  // the first place in print order not written yet
    const auto defaults_until = [&](size_t stop) {
      for (; next < stop; ++next) {
        if (!order[next].always) continue;
        const FieldPlan& field = fields[order[next].index];
        WriteKey(field, first, indent);
        first = false;
        WriteDefault(field);
      }
    };
    Wire wire{begin, end};
    while (wire.at < wire.end) {
      Wire::Record record;
      if (!wire.Next(&record)) return Malformed();
      const int index = plan.IndexOf(record.number);
      if (index < 0) continue;  // unknown to this build: JSON has no name to write it under
      const size_t place = plan.place[static_cast<size_t>(index)];
      if (place < next) {
        *out_of_order = true;
        return false;
      }
      defaults_until(place);
      ++next;
      const FieldPlan& field = fields[index];
      if (field.type == FieldDescriptor::TYPE_STRING && record.wire_type != 2) {
        steps_.push_back({field.field, -1});
        return Malformed();
      }
      WriteKey(field, first, indent);
      first = false;
      // The kinds of the drift forecast's rows written here, the rest by WriteValue (which cannot
      // fail for these types).
      switch (field.type) {
        case FieldDescriptor::TYPE_ENUM:
          AppendEnum(field, static_cast<int32_t>(record.scalar));
          break;
        case FieldDescriptor::TYPE_STRING:
          AppendWireString(record.payload, static_cast<size_t>(record.payload_end - record.payload));
          break;
        case FieldDescriptor::TYPE_INT32:
          AppendInteger(static_cast<int32_t>(record.scalar), false);
          break;
        case FieldDescriptor::TYPE_BOOL:
          AppendBool(record.scalar != 0);
          break;
        default:
          WriteValue(field, record, level + 1);
          break;
      }
    }
    defaults_until(count);
    if (!first) NewLine(level);
    out_.push_back('}');
    return Fits();
  }

  // Any message: its records gathered by field first, then written in print order.
  bool WriteGathered(const TypePlan& plan, const char* begin, const char* end, int level) {
    std::vector<Span> deeper;  // only past the levels kept below
    std::vector<Span>& spans = static_cast<size_t>(level) < spans_by_level_.size()
                                   ? spans_by_level_[static_cast<size_t>(level)]
                                   : deeper;
    // Spans left by an earlier message at this level are told apart by their number, which spares
    // clearing them for every message.
    if (spans.size() < plan.fields.size()) spans.resize(plan.fields.size());
    const uint64_t message = ++messages_;
    Span* const span_of = spans.data();
    Wire wire{begin, end};
    while (wire.at < wire.end) {
      const char* start = wire.at;
      Wire::Record record;
      if (!wire.Next(&record)) return Malformed();
      const int index = plan.IndexOf(record.number);
      if (index < 0) continue;  // unknown to this build: JSON has no name to write it under
      Span& span = span_of[index];
      if (span.message != message) {
        span.message = message;
        span.begin = start;
      }
      span.end = wire.at;
      span.last = record;
    }
    out_.push_back('{');
    bool first = true;
    const size_t indent = static_cast<size_t>(level) + 1;
    const FieldPlan* const fields = plan.fields.data();
    steps_.push_back({nullptr, -1});
    for (const TypePlan::Printed& printed : plan.order) {
      const Span& span = span_of[printed.index];
      const bool set = span.message == message;
      if (!set && !printed.always) continue;
      const FieldPlan& field = fields[printed.index];
      WriteKey(field, first, indent);
      first = false;
      steps_.back() = {field.field, -1};
      if (!WriteField(field, set ? &span.last : nullptr, span.begin, span.end, level + 1) ||
          !Fits()) {
        return false;
      }
    }
    steps_.pop_back();
    if (!first) NewLine(level);
    out_.push_back('}');
    return true;
  }

  // The value of one field (a list for a repeated one) from its records, which lie from `begin` to
  // `end`, the last being `last`; a field without records (`last` null) is written as its default.
  bool WriteField(const FieldPlan& field, const Wire::Record* last, const char* begin,
                  const char* end, int level) {
    if (!field.repeated) {
      // The last record of a singular field is its value (there is one: the serializer's).
      return last == nullptr ? WriteDefault(field) : WriteValue(field, *last, level);
    }
    if (last == nullptr) {
      out_.append("[]");
      return true;
    }
    Wire wire{begin, end};
    out_.push_back('[');
    int item = 0;
    while (wire.at < wire.end) {
      Wire::Record record;
      if (!wire.Next(&record)) return Malformed();
      if (record.number != static_cast<uint32_t>(field.field->number())) continue;
      if (record.wire_type == 2 && Packable(field.type)) {
        Wire packed{record.payload, record.payload_end};
        const int item_wire_type = field.type == FieldDescriptor::TYPE_DOUBLE ||
                                           field.type == FieldDescriptor::TYPE_FIXED64 ||
                                           field.type == FieldDescriptor::TYPE_SFIXED64
                                       ? 1
                                   : field.type == FieldDescriptor::TYPE_FLOAT ||
                                           field.type == FieldDescriptor::TYPE_FIXED32 ||
                                           field.type == FieldDescriptor::TYPE_SFIXED32
                                       ? 5
                                       : 0;
        while (packed.at < packed.end) {
          Wire::Record value;
          value.wire_type = item_wire_type;
          const bool read = item_wire_type == 0   ? packed.Varint(&value.scalar)
                            : item_wire_type == 1 ? packed.Fixed(8, &value.scalar)
                                                  : packed.Fixed(4, &value.scalar);
          if (!read) return Malformed();
          if (item++ > 0) out_.push_back(',');
          NewLine(level + 1);
          steps_.back().index = item - 1;
          if (!WriteValue(field, value, level + 1)) return false;
        }
        continue;
      }
      if (item++ > 0) out_.push_back(',');
      NewLine(level + 1);
      steps_.back().index = item - 1;
      if (!WriteValue(field, record, level + 1) || !Fits()) {
        return false;
      }
    }
    if (item > 0) NewLine(level);
    out_.push_back(']');
    return true;
  }

  std::string Path() const {
    std::string path;
    for (const Step& step : steps_) {
      if (!path.empty()) path.push_back('.');
      path.append(step.field->name());
      if (step.index >= 0) absl::StrAppend(&path, "[", step.index, "]");
    }
    return path;
  }

  bool WriteTimestamp(const char* begin, const char* end) {
    int64_t seconds = 0;
    int32_t nanos = 0;
    Wire wire{begin, end};
    while (wire.at < wire.end) {
      Wire::Record record;
      if (!wire.Next(&record)) return Malformed();
      if (record.number == 1 && record.wire_type == 0) seconds = static_cast<int64_t>(record.scalar);
      if (record.number == 2 && record.wire_type == 0) nanos = static_cast<int32_t>(record.scalar);
    }
    if (seconds < google::protobuf::util::TimeUtil::kTimestampMinSeconds ||
        seconds > google::protobuf::util::TimeUtil::kTimestampMaxSeconds || nanos < 0 ||
        nanos > 999999999) {
      failure_ = absl::InvalidArgumentError(absl::StrCat(
          Path(), ": the Timestamp ", seconds, " s ", nanos,
          " ns lies outside years 0001-9999, which JSON cannot write: correct the date"));
      return false;
    }
    char* const at = out_.Room(kTimestampBytes);
    out_.Advance(static_cast<size_t>(WriteTimestampText(seconds, nanos, at) - at));
    return true;
  }

  // A string field's value, read from the wire buffer (which has kSlack readable bytes past its
  // end). Most strings of an analysis are ids of a few bytes: up to 16 bytes of plain text are
  // checked and copied in one step.
  [[gnu::always_inline]] void AppendWireString(const char* data, size_t size) {
#ifdef __SSE2__
    if (size <= 16) {
      const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data));
      if ((AttentionMask(chunk) & ((1u << size) - 1)) == 0) {
        char* const at = out_.Room(2 + 16);
        at[0] = '"';
        _mm_storeu_si128(reinterpret_cast<__m128i*>(at + 1), chunk);
        at[1 + size] = '"';
        out_.Advance(size + 2);
        return;
      }
    }
#endif
    AppendQuoted(std::string_view(data, size), out_);
  }

  template <typename Integer>
  void AppendInteger(Integer value, bool quoted) {
    constexpr size_t kDigits = 21;  // a sign and 20 digits
    char* const begin = out_.Room(kDigits + 2);
    char* at = begin;
    if (quoted) *at++ = '"';
    at = std::to_chars(at, at + kDigits, value).ptr;
    if (quoted) *at++ = '"';
    out_.Advance(static_cast<size_t>(at - begin));
  }

  void AppendDouble(double value) {
    if (!std::isfinite(value)) {
      out_.push_back('"');
      out_.append(JsonNonFinite(value));
      out_.push_back('"');
    } else if (value == 0 && !std::signbit(value)) {
      out_.push_back('0');  // the most common number of an analysis printed with every field
    } else {
      char* const at = out_.Room(kShortestDoubleBytes);
      out_.Advance(static_cast<size_t>(WriteShortestDouble(value, at) - at));
    }
  }

  [[gnu::always_inline]] void AppendEnum(const FieldPlan& field, int32_t number) {
    const int64_t slot = static_cast<int64_t>(number) - field.enum_low;
    if (slot >= 0 && slot < static_cast<int64_t>(field.enum_names.size()) &&
        field.enum_names[static_cast<size_t>(slot)].size != 0) {
      const FieldPlan::EnumName& name = field.enum_names[static_cast<size_t>(slot)];
      CopyShort(out_.Room(name.size + kSlack), name.padded, name.size);
      out_.Advance(name.size);
    } else if (const auto* value = field.enum_names.empty()
                                       ? field.field->enum_type()->FindValueByNumber(number)
                                       : nullptr) {
      AppendQuoted(value->name(), out_);
    } else {
      AppendInteger(number, /*quoted=*/false);
    }
  }

  void AppendBool(bool value) {
    // Eight bytes stored at once, of which four or five count.
    std::memcpy(out_.Room(8), value ? "true    " : "false   ", 8);
    out_.Advance(value ? 4 : 5);
  }

  // What protobuf prints for a field without presence that is not set.
  bool WriteDefault(const FieldPlan& field) {
    CopyShort(out_.Room(field.default_size + kSlack), field.default_padded, field.default_size);
    out_.Advance(field.default_size);
    return true;
  }

  // One value of `field` from a record (or an item of a packed record).
  bool WriteValue(const FieldPlan& field, const Wire::Record& record, int level) {
    const uint64_t scalar = record.scalar;
    const char* const payload = record.payload;
    const char* const payload_end = record.payload_end;
    if (field.type == FieldDescriptor::TYPE_MESSAGE || field.type == FieldDescriptor::TYPE_STRING ||
        field.type == FieldDescriptor::TYPE_BYTES) {
      if (record.wire_type != 2) return Malformed();
    }
    switch (field.type) {
      case FieldDescriptor::TYPE_MESSAGE:
        if (field.timestamp) return WriteTimestamp(payload, payload_end);
        return WriteMessage(*field.message, payload, payload_end, level);
      case FieldDescriptor::TYPE_STRING:
        AppendWireString(payload, static_cast<size_t>(payload_end - payload));
        return true;
      case FieldDescriptor::TYPE_BYTES:
        AppendQuoted(absl::Base64Escape(absl::string_view(
                         payload, static_cast<size_t>(payload_end - payload))),
                     out_);
        return true;
      case FieldDescriptor::TYPE_INT32:
      case FieldDescriptor::TYPE_SFIXED32:
        AppendInteger(static_cast<int32_t>(scalar), false);
        return true;
      case FieldDescriptor::TYPE_SINT32:
        AppendInteger(static_cast<int32_t>((static_cast<uint32_t>(scalar) >> 1) ^
                                           (~(static_cast<uint32_t>(scalar) & 1) + 1)),
                      false);
        return true;
      case FieldDescriptor::TYPE_UINT32:
      case FieldDescriptor::TYPE_FIXED32:
        AppendInteger(static_cast<uint32_t>(scalar), false);
        return true;
      case FieldDescriptor::TYPE_INT64:
      case FieldDescriptor::TYPE_SFIXED64:
        AppendInteger(static_cast<int64_t>(scalar), true);
        return true;
      case FieldDescriptor::TYPE_SINT64:
        AppendInteger(static_cast<int64_t>((scalar >> 1) ^ (~(scalar & 1) + 1)), true);
        return true;
      case FieldDescriptor::TYPE_UINT64:
      case FieldDescriptor::TYPE_FIXED64:
        AppendInteger(scalar, true);
        return true;
      case FieldDescriptor::TYPE_DOUBLE: {
        double value;
        std::memcpy(&value, &scalar, sizeof value);
        AppendDouble(value);
        return true;
      }
      case FieldDescriptor::TYPE_FLOAT: {
        const uint32_t bits = static_cast<uint32_t>(scalar);
        float value;
        std::memcpy(&value, &bits, sizeof value);
        if (std::isfinite(value)) {
          out_.append(ShortestFloat(value));
        } else {
          out_.push_back('"');
          out_.append(JsonNonFinite(value));
          out_.push_back('"');
        }
        return true;
      }
      case FieldDescriptor::TYPE_BOOL:
        AppendBool(scalar != 0);
        return true;
      case FieldDescriptor::TYPE_ENUM:
        AppendEnum(field, static_cast<int32_t>(scalar));
        return true;
      case FieldDescriptor::TYPE_GROUP:
        break;
    }
    return Malformed();
  }

  JsonStyle style_;
  size_t max_bytes_;
  Output out_;
  // The path to the field being written ("a.b[2].c"), spelt out only for a message.
  struct Step {
    const FieldDescriptor* field;
    int index;  // in the list the field holds, or -1
  };
  std::vector<Step> steps_;
  uint64_t messages_ = 0;  // messages begun so far
  absl::Status failure_;
  // The spans of the message being written at each indentation level, kept to spare an allocation
  // per message. Never resized while writing: the levels above hold references into it.
  std::vector<std::vector<Span>> spans_by_level_ = std::vector<std::vector<Span>>(32);
};

}  // namespace

absl::StatusOr<std::string> WriteJson(const Message& message, JsonStyle style, size_t max_bytes) {
  return Writer(style, max_bytes).Write(message);
}

absl::StatusOr<std::string> WriteJsonOfWire(const Descriptor& type, std::string_view wire,
                                            JsonStyle style, size_t max_bytes) {
  return Writer(style, max_bytes).WriteWire(type, wire.data(), wire.data() + wire.size());
}

absl::StatusOr<MallocText> WriteJsonOfWireToBlock(const Descriptor& type, std::string_view wire,
                                                  JsonStyle style, size_t max_bytes) {
  return Writer(style, max_bytes, Output::Store::kMalloc)
      .WriteWireBlock(type, wire.data(), wire.data() + wire.size());
}

}  // namespace contactplan::io
