// The one size check every writer makes before handing out output, so no format ever returns a
// truncated or empty result with success (protobuf's own JSON printer did: over 2 GiB it printed
// to stderr and returned "{}").
#ifndef CONTACTPLAN_SRC_IO_OUTPUT_SIZE_H_
#define CONTACTPLAN_SRC_IO_OUTPUT_SIZE_H_

#include <cstddef>
#include <string_view>

#include "absl/status/status.h"

namespace contactplan::io {

// OK when `bytes` of output in `format` ("binary", "JSON", "text") are at most `limit`; else
// ResourceExhausted naming both sizes and what to do. Thread-safe.
absl::Status CheckOutputSize(size_t bytes, size_t limit, std::string_view format);

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_OUTPUT_SIZE_H_
