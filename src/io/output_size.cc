#include "io/output_size.h"

#include "absl/strings/str_cat.h"

namespace contactplan::io {

absl::Status CheckOutputSize(size_t bytes, size_t limit, std::string_view format) {
  if (bytes <= limit) return absl::OkStatus();
  return absl::ResourceExhaustedError(absl::StrCat(
      "the ", absl::string_view(format.data(), format.size()), " output would be more than ", limit,
      " bytes (", bytes, " so far), the most one message can hold: split the account into smaller "
      "plans, shorten its names and notes, or lower the engine's limits"));
}

}  // namespace contactplan::io
