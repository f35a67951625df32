#include "io/transliteration.h"

#include <algorithm>
#include <memory>
#include <mutex>

#include "unicode/translit.h"
#include "unicode/unistr.h"
#include "unicode/utypes.h"

namespace contactplan::io {
namespace {

// One transform for the process, behind a lock: ICU does not promise that a Transliterator may be
// used by several threads at once, and building one is costly (Han-Latin compiles its rules on first
// use, over a second), so it is built once, on the first non-ASCII name, and never per thread.
struct SharedTransliterator {
  std::mutex mutex;
  std::unique_ptr<icu::Transliterator> transliterator;  // nullptr when ICU cannot build it
};

SharedTransliterator& Shared() {
  static SharedTransliterator* const shared = [] {
    auto* made = new SharedTransliterator;
    UErrorCode status = U_ZERO_ERROR;
    made->transliterator.reset(icu::Transliterator::createInstance(
        icu::UnicodeString::fromUTF8("Any-Latin; Latin-ASCII"), UTRANS_FORWARD, status));
    if (U_FAILURE(status)) made->transliterator.reset();
    return made;
  }();
  return *shared;
}

}  // namespace

std::string TransliterateToAscii(std::string_view utf8) {
  if (std::all_of(utf8.begin(), utf8.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return std::string(utf8);
  }
  SharedTransliterator& shared = Shared();
  if (shared.transliterator == nullptr) return std::string(utf8);
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  {
    const std::lock_guard<std::mutex> lock(shared.mutex);
    shared.transliterator->transliterate(text);
  }
  std::string ascii;
  text.toUTF8String(ascii);
  return ascii;
}

}  // namespace contactplan::io
