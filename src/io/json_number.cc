#include "io/json_number.h"

#include <charconv>
#include <cmath>
#include <system_error>

namespace contactplan::io {
namespace {

// printf's "%.<precision>g" in the C locale: std::to_chars in general format is specified as that.
template <typename Number>
std::string General(Number value, int precision) {
  char buffer[64];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, precision);
  return std::string(buffer, result.ptr);
}

template <typename Number>
std::string Shortest(Number value, int digits) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  std::string text = General(value, digits);
  Number back{};
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), back);
  if (parsed.ec != std::errc() || back != value) text = General(value, digits + (digits == 15 ? 2 : 3));
  return text;
}

}  // namespace

std::string ShortestDouble(double value) { return Shortest(value, 15); }

std::string ShortestFloat(float value) { return Shortest(value, 6); }

const char* JsonNonFinite(double value) {
  if (std::isnan(value)) return "NaN";
  return value > 0 ? "Infinity" : "-Infinity";
}

}  // namespace contactplan::io
