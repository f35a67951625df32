// Reading the wire format: two walks and protobuf's parser.
//
// Every binary parse must check the input before protobuf's parser sees it, for two reasons:
//  1. protobuf 3.21 says only "failed"; contactplan says where and why ("byte 4, in persons.name:
//     a string that is not UTF-8"): the full wire check, io/wire_check.h.
//  2. protobuf's parser logs (GOOGLE_LOG(ERROR), to the host's stderr) when a proto3 string holds
//     bytes that are not UTF-8, and the library must never print: every string the parser will
//     check must have been checked first.
// Reason 1 matters only for input that fails, so a valid input pays only for reason 2: a lean walk
// (io/wire_strings.h) that finds the strings and checks their UTF-8, with no paths, frames or
// messages. Anything out of the ordinary there (a cut-off field, a group, nesting too deep, a
// string that is not UTF-8) sends the bytes to the full wire check, which gives today's message;
// when the full check finds nothing, the parser runs as before. When the lean walk passes and the
// parser still refuses, the full check runs after it, so the message is the one the full check
// alone would give. The lean walk refuses all that the full check refuses, except inside messages
// it steps over, where the parser refuses the same bytes: so the outcome for every input is the
// one of "full check, then parser".
//
// protobuf 3.21's parse code paths (generated _InternalParse, parse_context, wire_format_lite,
// unknown_field_set) log in only these places: the UTF-8 check of proto3 strings (the reason for
// the walks), messages missing proto2 required fields (contactplan's schema is all proto3), and
// "can't happen" branches behind checks of their own. Map fields would be parsed and checked as
// messages of their entry type; the schema has none.

#include "io/proto_binary.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <stdexcept>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "io/wire_check.h"
#include "io/wire_schema.h"
#include "io/wire_strings.h"

namespace contactplan::io {
namespace {

using google::protobuf::Descriptor;

// A file in another format is the usual cause of a failure; say which when it is plain to see.
std::string FormatHint(std::string_view bytes) {
  const absl::string_view text = absl::StripLeadingAsciiWhitespace(
      absl::string_view(bytes.data(), bytes.size()));
  // The command line reads a file by its extension unless --input-format names the format.
  if (absl::StartsWith(text, "{")) {
    return " (it looks like JSON: name the file .json or read it with --input-format json)";
  }
  const bool printable = std::all_of(bytes.begin(), bytes.end(), [](char c) {
    return absl::ascii_isprint(c) || absl::ascii_isspace(c) || (static_cast<unsigned char>(c) >= 0x80);
  });
  if (printable) return " (it looks like text: is it text format (.txtpb) or a CSV grid (.csv)?)";
  return "";
}

}  // namespace

absl::Status ParseBinaryMessage(std::string_view bytes, google::protobuf::Message* message) {
  message->Clear();
  const Descriptor* const type = message->GetDescriptor();
  const auto refused = [&] {
    if (std::optional<std::string> problem = FindWireProblem(bytes, type)) {
      return absl::InvalidArgumentError(
          absl::StrCat("not a valid binary ", type->name(), ": ", *problem, FormatHint(bytes)));
    }
    return absl::OkStatus();
  };
  // Two walks, so that a valid input pays only for the cheap one (see the top of this file).
  const bool lean_walk_passed = WireStringsAreUtf8(bytes, WireSchema::For(type));
  if (!lean_walk_passed) {
    if (absl::Status status = refused(); !status.ok()) return status;
  }
  if (bytes.size() > static_cast<size_t>(INT32_MAX) ||
      !message->ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    message->Clear();
    if (lean_walk_passed) {
      if (absl::Status status = refused(); !status.ok()) return status;
    }
    return absl::InvalidArgumentError(
        absl::StrCat("not a valid binary ", type->name(), FormatHint(bytes)));
  }
  return absl::OkStatus();
}

std::string WriteBinaryMessage(const google::protobuf::Message& message) {
  // Sized once, written in place: growing a string while serializing zero-fills and copies it
  // several times, and at its peak holds half as much again (a 100,000-relationship analysis is
  // about 26 MB).
  const size_t size = message.ByteSizeLong();
  std::string bytes(size, '\0');
  WriteBinaryMessageInto(message, size, bytes.data());
  return bytes;
}

void WriteBinaryMessageInto(const google::protobuf::Message& message, size_t size, char* out) {
  // The protobuf runtime itself refuses messages of 2 GiB or more; the stream's size is an int.
  if (size > static_cast<size_t>(INT32_MAX)) {
    throw std::length_error("a message of 2 GiB or more has no protobuf wire form");
  }
  google::protobuf::io::ArrayOutputStream stream(out, static_cast<int>(size));
  google::protobuf::io::CodedOutputStream coded(&stream);
  coded.SetSerializationDeterministic(true);
  message.SerializeWithCachedSizes(&coded);
}

}  // namespace contactplan::io
