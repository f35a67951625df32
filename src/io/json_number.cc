#include "io/json_number.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
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

char* WriteShortestDouble(double value, char* out) {
  if (std::isnan(value)) return std::strcpy(out, "nan") + 3;
  if (std::isinf(value)) return value > 0 ? std::strcpy(out, "inf") + 3 : std::strcpy(out, "-inf") + 4;
  // Whole numbers of up to 15 digits: "%.15g" prints them as integers.
  if (value == std::trunc(value) && std::fabs(value) < 1e15 && !(value == 0 && std::signbit(value))) {
    return std::to_chars(out, out + kShortestDoubleBytes, static_cast<int64_t>(value)).ptr;
  }
  // Short decimals (0.4, 0.15, 12.5: shares, weights and scores): the fewest fractional digits k
  // whose decimal n / 10^k reads back as `value` (double division is correctly rounded, so the
  // test is exact). That decimal has at most 15 significant digits and lies within half a unit in
  // the last place of `value`, so "%.15g" prints exactly it; fixed notation, as "%g" has it for
  // exponents from -4 to 14. Anything else takes the general way below.
  if (const double magnitude = std::fabs(value); magnitude >= 1e-4 && magnitude < 1e9) {
    constexpr int kMostFractionDigits = 6;
    static constexpr double kPowers[kMostFractionDigits + 1] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};
    for (int k = 1; k <= kMostFractionDigits; ++k) {
      const double scaled = std::round(magnitude * kPowers[k]);
      if (scaled / kPowers[k] != magnitude) continue;
      char digits[24];
      const char* const digits_end =
          std::to_chars(digits, digits + sizeof digits, static_cast<int64_t>(scaled)).ptr;
      const int count = static_cast<int>(digits_end - digits);
      char* at = out;
      if (value < 0) *at++ = '-';
      if (count <= k) {  // 0.0...digits
        *at++ = '0';
        *at++ = '.';
        for (int i = count; i < k; ++i) *at++ = '0';
        std::memcpy(at, digits, static_cast<size_t>(count));
        return at + count;
      }
      std::memcpy(at, digits, static_cast<size_t>(count - k));
      at += count - k;
      *at++ = '.';
      std::memcpy(at, digits + (count - k), static_cast<size_t>(k));
      return at + k;
    }
  }
  // Subnormal numbers hold fewer bits than 15 digits need: "%.15g" may then print more digits than
  // the shortest form (5e-324 is "4.94065645841247e-324"), so they take the long way.
  if (std::fabs(value) < std::numeric_limits<double>::min()) {
    const std::string text = Shortest(value, 15);
    std::memcpy(out, text.data(), text.size());
    return out + text.size();
  }
  // The shortest digits that read back as `value`. With 15 or fewer of them, "%.15g" prints exactly
  // those digits: the value lies within half a unit in the last place of them, far less than half
  // a step of the 15th digit. With more, "%.15g" does not read back and "%.17g" is the answer.
  char scientific[32];
  const char* end =
      std::to_chars(scientific, scientific + sizeof scientific, value, std::chars_format::scientific)
          .ptr;
  const char* digits = scientific;
  char* at = out;
  if (*digits == '-') {
    *at++ = '-';
    ++digits;
  }
  const char* e = static_cast<const char*>(std::memchr(digits, 'e', static_cast<size_t>(end - digits)));
  char mantissa[20];
  int count = 0;
  for (const char* d = digits; d < e; ++d) {
    if (*d != '.') mantissa[count++] = *d;
  }
  if (count > 15) {
    return std::to_chars(out, out + kShortestDoubleBytes, value, std::chars_format::general, 17).ptr;
  }
  int exponent = 0;
  std::from_chars(e + (e[1] == '+' ? 2 : 1), end, exponent);
  if (exponent < -4 || exponent >= 15) {
    // "%g" in scientific form is the shortest scientific form: mantissa without trailing zeros,
    // an exponent of at least two digits.
    const size_t length = static_cast<size_t>(end - digits);
    std::memcpy(at, digits, length);
    return at + length;
  }
  if (exponent < 0) {
    *at++ = '0';
    *at++ = '.';
    for (int i = -1; i > exponent; --i) *at++ = '0';
    std::memcpy(at, mantissa, static_cast<size_t>(count));
    return at + count;
  }
  const int whole = exponent + 1;  // digits before the point
  for (int i = 0; i < whole; ++i) *at++ = i < count ? mantissa[i] : '0';
  if (count > whole) {
    *at++ = '.';
    std::memcpy(at, mantissa + whole, static_cast<size_t>(count - whole));
    at += count - whole;
  }
  return at;
}

std::string ShortestDouble(double value) {
  char buffer[kShortestDoubleBytes];
  return std::string(buffer, WriteShortestDouble(value, buffer));
}

std::string ShortestFloat(float value) { return Shortest(value, 6); }

const char* JsonNonFinite(double value) {
  if (std::isnan(value)) return "NaN";
  return value > 0 ? "Infinity" : "-Infinity";
}

}  // namespace contactplan::io
