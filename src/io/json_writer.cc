#include "io/json_writer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

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
void AppendEscape(uint32_t cp, std::string& out) {
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

// Appends `text` (valid UTF-8, as protobuf strings are) in double quotes.
void AppendQuoted(std::string_view text, std::string& out) {
  out.push_back('"');
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  size_t plain = 0;  // start of the run not yet copied
  size_t i = 0;
  while (true) {
    // The common case: printable ASCII, eight bytes at a time, then byte by byte.
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

class Writer {
 public:
  Writer(JsonStyle style, size_t max_bytes) : style_(style), max_bytes_(max_bytes) {}

  absl::StatusOr<std::string> Write(const Message& message) {
    // JSON with indentation runs to about 2.5 times the binary size: reserving that spares the
    // copies of a growing string.
    out_.reserve(std::min(max_bytes_, message.ByteSizeLong() / 2 * 5 + 4096));
    if (!WriteMessage(message, 0)) return std::move(failure_);
    out_.push_back('\n');
    if (absl::Status fits = CheckOutputSize(out_.size(), max_bytes_, "JSON"); !fits.ok()) {
      return fits;
    }
    return std::move(out_);
  }

 private:
  void NewLine(int level) {
    static const std::string kIndent = "\n" + std::string(2 * 100 + 8, ' ');  // deeper than any schema
    out_.append(kIndent.data(), std::min(kIndent.size(), static_cast<size_t>(level) + 1));
  }

  // Stops a write that has grown past the limit, before it takes more memory.
  bool Fits() {
    if (out_.size() <= max_bytes_) return true;
    failure_ = CheckOutputSize(out_.size(), max_bytes_, "JSON");
    return false;
  }

  // What protobuf prints of one message type, worked out once per type and write. Without defaults:
  // the set fields in field number order (protobuf walks the wire form). With defaults, protobuf's
  // writer first lays out a slot per field in declaration order, fills the slots as it walks the
  // wire form, and appends what found no slot: fields with presence that hold a scalar (proto3
  // `optional`) and Timestamps (which it writes as strings where the slot expected an object), in
  // field number order.
  struct Layout {
    std::vector<const FieldDescriptor*> slots;     // in print order, before the appended ones
    std::vector<bool> always;                      // per slot: printed even when unset
    std::vector<const FieldDescriptor*> appended;  // printed after the slots when set
    std::vector<std::string> keys;                 // by field index: "\"jsonName\": "
  };

  // The layout of a type: from this write's map, else from the process-wide cache (built once per
  // type and style, under a lock taken once per type and write).
  const Layout& LayoutOf(const Descriptor* type) {
    const Layout*& local = layouts_[type];
    if (local != nullptr) return *local;
    static absl::Mutex mutex(absl::kConstInit);
    static auto* cache ABSL_GUARDED_BY(mutex) =
        new absl::flat_hash_map<std::pair<const Descriptor*, JsonStyle>, std::unique_ptr<Layout>>();
    absl::MutexLock lock(&mutex);
    std::unique_ptr<Layout>& layout = (*cache)[{type, style_}];
    if (layout == nullptr) layout = BuildLayout(type);
    local = layout.get();
    return *layout;
  }

  std::unique_ptr<Layout> BuildLayout(const Descriptor* type) const {
    auto layout = std::make_unique<Layout>();
    for (int i = 0; i < type->field_count(); ++i) {
      const FieldDescriptor* field = type->field(i);
      // JSON names are identifiers (letters, digits, '_'): nothing to escape.
      layout->keys.push_back(absl::StrCat("\"", field->json_name(), "\": "));
      const bool message_field = field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE;
      if (style_ == JsonStyle::kOmitDefaults) {
        layout->slots.push_back(field);
        layout->always.push_back(false);
      } else if (field->is_repeated()) {
        layout->slots.push_back(field);
        layout->always.push_back(true);
      } else if ((message_field && IsTimestamp(field->message_type())) ||
                 (!message_field && field->has_presence())) {
        layout->appended.push_back(field);
      } else {
        layout->slots.push_back(field);
        layout->always.push_back(!message_field);
      }
    }
    const auto by_number = [](const FieldDescriptor* a, const FieldDescriptor* b) {
      return a->number() < b->number();
    };
    if (style_ == JsonStyle::kOmitDefaults) {
      // Sorted together with their flags (all false here).
      std::sort(layout->slots.begin(), layout->slots.end(), by_number);
    }
    std::sort(layout->appended.begin(), layout->appended.end(), by_number);
    return layout;
  }

  void FieldsToPrint(const Message& message, const Reflection* reflection, const Layout& layout,
                     std::vector<const FieldDescriptor*>& fields) {
    fields.clear();
    const auto present = [&](const FieldDescriptor* field) {
      return field->is_repeated() ? reflection->FieldSize(message, field) > 0
                                  : reflection->HasField(message, field);
    };
    for (size_t i = 0; i < layout.slots.size(); ++i) {
      if (layout.always[i] || present(layout.slots[i])) fields.push_back(layout.slots[i]);
    }
    for (const FieldDescriptor* field : layout.appended) {
      if (present(field)) fields.push_back(field);
    }
  }

  bool WriteMessage(const Message& message, int level) {
    // Asked once per message: each call checks that the descriptors are built.
    const Descriptor* type = message.GetDescriptor();
    const Reflection* reflection = message.GetReflection();
    if (IsTimestamp(type)) return WriteTimestamp(message, type, reflection);
    std::vector<const FieldDescriptor*> deeper;  // only past the levels kept below
    std::vector<const FieldDescriptor*>& fields =
        static_cast<size_t>(level) < fields_by_level_.size()
            ? fields_by_level_[static_cast<size_t>(level)]
            : deeper;
    const Layout& layout = LayoutOf(type);
    FieldsToPrint(message, reflection, layout, fields);
    out_.push_back('{');
    for (size_t i = 0; i < fields.size(); ++i) {
      const FieldDescriptor* field = fields[i];
      if (i > 0) out_.push_back(',');
      NewLine(level + 1);
      out_.append(layout.keys[static_cast<size_t>(field->index())]);
      steps_.push_back({field, -1});
      bool ok = true;
      if (field->is_repeated()) {
        const int count = reflection->FieldSize(message, field);
        out_.push_back('[');
        for (int k = 0; k < count && ok; ++k) {
          if (k > 0) out_.push_back(',');
          NewLine(level + 2);
          steps_.back().index = k;
          ok = WriteValue(message, reflection, field, k, level + 2);
        }
        if (count > 0) NewLine(level + 1);
        out_.push_back(']');
      } else {
        ok = WriteValue(message, reflection, field, -1, level + 1);
      }
      steps_.pop_back();
      if (!ok || !Fits()) return false;
    }
    if (!fields.empty()) NewLine(level);
    out_.push_back('}');
    return true;
  }

  static bool IsTimestamp(const Descriptor* type) {
    // One descriptor pool holds the schema and the well-known types: pointers compare.
    static const Descriptor* const timestamp = google::protobuf::Timestamp::descriptor();
    return type == timestamp;
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

  bool WriteTimestamp(const Message& message, const Descriptor* type,
                      const Reflection* reflection) {
    google::protobuf::Timestamp timestamp;
    timestamp.set_seconds(reflection->GetInt64(message, type->FindFieldByName("seconds")));
    timestamp.set_nanos(reflection->GetInt32(message, type->FindFieldByName("nanos")));
    if (timestamp.seconds() < google::protobuf::util::TimeUtil::kTimestampMinSeconds ||
        timestamp.seconds() > google::protobuf::util::TimeUtil::kTimestampMaxSeconds ||
        timestamp.nanos() < 0 || timestamp.nanos() > 999999999) {
      failure_ = absl::InvalidArgumentError(absl::StrCat(
          Path(), ": the Timestamp ", timestamp.seconds(), " s ", timestamp.nanos(),
          " ns lies outside years 0001-9999, which JSON cannot write: correct the date"));
      return false;
    }
    AppendQuoted(google::protobuf::util::TimeUtil::ToString(timestamp), out_);
    return true;
  }

  // One value of `field`: item `index` of a repeated field, or the singular value (index -1).
  bool WriteValue(const Message& message, const Reflection* r, const FieldDescriptor* field,
                  int index, int level) {
    const bool one = index < 0;
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_MESSAGE:
        return WriteMessage(one ? r->GetMessage(message, field)
                                : r->GetRepeatedMessage(message, field, index),
                            level);
      case FieldDescriptor::CPPTYPE_INT32:
        absl::StrAppend(&out_, one ? r->GetInt32(message, field)
                                   : r->GetRepeatedInt32(message, field, index));
        return true;
      case FieldDescriptor::CPPTYPE_UINT32:
        absl::StrAppend(&out_, one ? r->GetUInt32(message, field)
                                   : r->GetRepeatedUInt32(message, field, index));
        return true;
      case FieldDescriptor::CPPTYPE_INT64:
        absl::StrAppend(&out_, "\"", one ? r->GetInt64(message, field)
                                         : r->GetRepeatedInt64(message, field, index), "\"");
        return true;
      case FieldDescriptor::CPPTYPE_UINT64:
        absl::StrAppend(&out_, "\"", one ? r->GetUInt64(message, field)
                                         : r->GetRepeatedUInt64(message, field, index), "\"");
        return true;
      case FieldDescriptor::CPPTYPE_DOUBLE: {
        const double value = one ? r->GetDouble(message, field)
                                 : r->GetRepeatedDouble(message, field, index);
        if (std::isfinite(value)) {
          out_.append(ShortestDouble(value));
        } else {
          absl::StrAppend(&out_, "\"", JsonNonFinite(value), "\"");
        }
        return true;
      }
      case FieldDescriptor::CPPTYPE_FLOAT: {
        const float value = one ? r->GetFloat(message, field)
                                : r->GetRepeatedFloat(message, field, index);
        if (std::isfinite(value)) {
          out_.append(ShortestFloat(value));
        } else {
          absl::StrAppend(&out_, "\"", JsonNonFinite(value), "\"");
        }
        return true;
      }
      case FieldDescriptor::CPPTYPE_BOOL:
        out_.append((one ? r->GetBool(message, field) : r->GetRepeatedBool(message, field, index))
                        ? "true"
                        : "false");
        return true;
      case FieldDescriptor::CPPTYPE_ENUM: {
        const int number = one ? r->GetEnumValue(message, field)
                               : r->GetRepeatedEnumValue(message, field, index);
        if (const auto* value = field->enum_type()->FindValueByNumber(number)) {
          AppendQuoted(value->name(), out_);
        } else {
          absl::StrAppend(&out_, number);
        }
        return true;
      }
      case FieldDescriptor::CPPTYPE_STRING: {
        std::string scratch;
        const std::string& value =
            one ? r->GetStringReference(message, field, &scratch)
                : r->GetRepeatedStringReference(message, field, index, &scratch);
        if (field->type() == FieldDescriptor::TYPE_BYTES) {
          AppendQuoted(absl::Base64Escape(value), out_);
        } else {
          AppendQuoted(value, out_);
        }
        return true;
      }
    }
    return true;
  }

  JsonStyle style_;
  size_t max_bytes_;
  std::string out_;
  // The path to the field being written ("a.b[2].c"), spelt out only for a message.
  struct Step {
    const FieldDescriptor* field;
    int index;  // in the list the field holds, or -1
  };
  std::vector<Step> steps_;
  absl::Status failure_;
  absl::flat_hash_map<const Descriptor*, const Layout*> layouts_;  // of the cache below
  // The fields of the message being written at each indentation level, kept to spare an allocation
  // per message. Never resized while writing: the levels above hold references into it.
  std::vector<std::vector<const FieldDescriptor*>> fields_by_level_ =
      std::vector<std::vector<const FieldDescriptor*>>(32);
};

}  // namespace

absl::StatusOr<std::string> WriteJson(const Message& message, JsonStyle style, size_t max_bytes) {
  return Writer(style, max_bytes).Write(message);
}

}  // namespace contactplan::io
