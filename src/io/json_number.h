// Numbers as the protobuf JSON mapping writes them, shared by the JSON writer and the reader's
// messages (which echo a value the way protobuf would print it).
#ifndef CONTACTPLAN_SRC_IO_JSON_NUMBER_H_
#define CONTACTPLAN_SRC_IO_JSON_NUMBER_H_

#include <cstddef>
#include <string>

namespace contactplan::io {

// The shortest of "%.15g" and "%.17g" that reads back as `value` (protobuf's SimpleDtoa), in the C
// locale whatever the process's locale: "0.1", "1e+100", "0.30000000000000004". NaN and the
// infinities give "nan", "inf", "-inf"; JSON writes those as the strings "NaN", "Infinity",
// "-Infinity" instead (see JsonNonFinite). Thread-safe, never fails.
std::string ShortestDouble(double value);

// The room WriteShortestDouble needs.
inline constexpr size_t kShortestDoubleBytes = 32;

// The same text written at `out` (room for kShortestDoubleBytes), returning its end: for writers
// that append numbers without a string each.
char* WriteShortestDouble(double value, char* out);

// The same for a float: "%.6g", or "%.9g" when that does not read back (protobuf's SimpleFtoa).
std::string ShortestFloat(float value);

// "NaN", "Infinity" or "-Infinity" for a value that is not finite, the spelling the protobuf JSON
// mapping uses (in double quotes) for them.
const char* JsonNonFinite(double value);

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_JSON_NUMBER_H_
