// Reading a whole file, for the readers that need its bytes (plans, CRM exports).
#ifndef CONTACTPLAN_SRC_IO_FILE_BYTES_H_
#define CONTACTPLAN_SRC_IO_FILE_BYTES_H_

#include <string>

#include "absl/status/statusor.h"

namespace contactplan::io {

// The bytes of the file at `path`. Errors (InvalidArgument) start with the path and say why:
// "x.csv: cannot open: No such file or directory". Thread-safe.
absl::StatusOr<std::string> ReadWholeFile(const std::string& path);

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_FILE_BYTES_H_
