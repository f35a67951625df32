// contactplan.hpp: header-only C++ RAII over the stable C ABI of contactplan.h.
//
// For hosts built with another compiler or standard library than the engine: everything here is
// inline and compiled by the host, and only the C ABI crosses into libcontactplan.so, so the host's
// std::string, exceptions and allocator never meet the library's. Needs C++17.
//
//   cplan::Engine engine;                                   // default options
//   cplan::Buffer analysis = engine.Analyze(plan_json, cplan::Format::kJson, cplan::Format::kJson);
//   std::cout << analysis.view();
//
// Failures throw cplan::Error carrying the library's status and message. Thread rules are the C
// ABI's: an Engine may be used by many threads at once; moving or destroying it may not race with
// calls on it.
#ifndef CONTACTPLAN_CONTACTPLAN_HPP_
#define CONTACTPLAN_CONTACTPLAN_HPP_

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "contactplan/contactplan.h"

namespace cplan {

enum class Format : int {
  kBinary = CPLAN_FORMAT_BINARY,
  kJson = CPLAN_FORMAT_JSON,
  kText = CPLAN_FORMAT_TEXT,
  kCsv = CPLAN_FORMAT_CSV,
};

// A failed call: the library's status code and message.
class Error : public std::runtime_error {
 public:
  Error(cplan_status status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  cplan_status status() const noexcept { return status_; }
  // e.g. "CPLAN_INVALID_PLAN".
  const char* status_name() const noexcept { return cplan_status_name(status_); }

 private:
  cplan_status status_;
};

namespace internal {

// Throws Error for a failed status, taking ownership of (and freeing) the library's message. Call
// it in a statement after the C call: as another argument of the same call, `message` could be read
// before the call writes it.
inline void ThrowIfFailed(cplan_status status, char* message) {
  if (status == CPLAN_OK) return;
  std::string text = message != nullptr ? message : cplan_status_name(status);
  cplan_free(message);
  throw Error(status, text);
}

// The C ABI wants a non-NULL pointer even for empty input; a default string_view has none.
inline const char* DataOf(std::string_view bytes) {
  return bytes.data() != nullptr ? bytes.data() : "";
}

inline cplan_format ToC(Format format) { return static_cast<cplan_format>(format); }

}  // namespace internal

// Bytes the library allocated (an analysis or a converted plan), released with cplan_free.
// Move-only. The bytes are followed by a NUL that size() leaves out, so text formats can be used as
// C strings.
class Buffer {
 public:
  Buffer() = default;
  Buffer(Buffer&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
  Buffer& operator=(Buffer&& other) noexcept {
    if (this != &other) {
      cplan_free(data_);
      data_ = std::exchange(other.data_, nullptr);
      size_ = std::exchange(other.size_, 0);
    }
    return *this;
  }
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;
  ~Buffer() { cplan_free(data_); }

  const char* data() const noexcept { return data_ != nullptr ? data_ : ""; }
  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  std::string_view view() const noexcept { return std::string_view(data(), size_); }
  std::string str() const { return std::string(data(), size_); }

 private:
  friend class Engine;
  char* data_ = nullptr;
  std::size_t size_ = 0;
};

// An engine: immutable options, shared by any number of threads.
class Engine {
 public:
  // An engine with every option at its default.
  Engine() : Engine(std::string_view(), Format::kJson) {}
  // An engine from serialized contactplan.v1.EngineOptions (JSON or binary). Throws Error with
  // CPLAN_INVALID_OPTIONS when they do not parse or are out of range.
  explicit Engine(std::string_view options, Format format = Format::kJson) {
    char* message = nullptr;
    const cplan_status status = cplan_engine_create(internal::DataOf(options), options.size(),
                                                    internal::ToC(format), &engine_, &message);
    internal::ThrowIfFailed(status, message);
  }
  Engine(Engine&& other) noexcept : engine_(std::exchange(other.engine_, nullptr)) {}
  Engine& operator=(Engine&& other) noexcept {
    if (this != &other) {
      cplan_engine_destroy(engine_);
      engine_ = std::exchange(other.engine_, nullptr);
    }
    return *this;
  }
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;
  ~Engine() { cplan_engine_destroy(engine_); }

  // Validates and analyses a plan; the contactplan.v1.Analysis comes back in `output_format`
  // (binary, JSON or text). `options` are serialized contactplan.v1.AnalysisOptions in
  // `options_format`, e.g. R"({"asOf": "2024-05-01T00:00:00Z", "horizonDays": 60})"; empty means
  // defaults.
  Buffer Analyze(std::string_view plan, Format plan_format, Format output_format = Format::kBinary,
                 std::string_view options = {}, Format options_format = Format::kJson) const {
    Buffer out;
    char* message = nullptr;
    const cplan_status status =
        cplan_analyze(engine_, internal::DataOf(plan), plan.size(), internal::ToC(plan_format),
                      internal::DataOf(options), options.size(), internal::ToC(options_format),
                      internal::ToC(output_format), &out.data_, &out.size_, &message);
    internal::ThrowIfFailed(status, message);
    return out;
  }

  // Throws Error (CPLAN_INVALID_PLAN lists every problem, one "path: problem" per line) unless the
  // plan is valid.
  void Validate(std::string_view plan, Format plan_format) const {
    char* message = nullptr;
    const cplan_status status = cplan_validate(engine_, internal::DataOf(plan), plan.size(),
                                               internal::ToC(plan_format), &message);
    internal::ThrowIfFailed(status, message);
  }

  // Converts a plan between formats (the CSV grid included).
  Buffer Convert(std::string_view plan, Format from, Format to) const {
    Buffer out;
    char* message = nullptr;
    const cplan_status status =
        cplan_convert(engine_, internal::DataOf(plan), plan.size(), internal::ToC(from),
                      internal::ToC(to), &out.data_, &out.size_, &message);
    internal::ThrowIfFailed(status, message);
    return out;
  }

  // Converts a plan to a format that may not hold all of it (the CSV grid): writes what it can and
  // appends to `*losses` what it left out, one entry each ("blueprint (4)"). Convert refuses such a
  // conversion (Error with status CPLAN_UNREPRESENTABLE) instead.
  Buffer ConvertAllowingLosses(std::string_view plan, Format from, Format to,
                               std::vector<std::string>* losses) const {
    Buffer out;
    char* lost = nullptr;
    char* message = nullptr;
    const cplan_status status = cplan_convert2(
        engine_, internal::DataOf(plan), plan.size(), internal::ToC(from), internal::ToC(to),
        CPLAN_CONVERT_ALLOW_LOSSES, &out.data_, &out.size_, &lost, &message);
    internal::ThrowIfFailed(status, message);
    if (lost == nullptr) return out;
    std::string text;
    try {
      text = lost;
    } catch (...) {
      cplan_free(lost);
      throw;
    }
    cplan_free(lost);
    for (std::string_view rest(text); !rest.empty();) {
      const size_t end = rest.find('\n');
      if (losses != nullptr) losses->emplace_back(rest.substr(0, end));
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    }
    return out;
  }

  // What changed between two plans of one account (library 1.2, docs/diff.md): the
  // contactplan.v1.PlanDiff in `output_format`. `force` compares plans that name different
  // accounts (otherwise Error with status CPLAN_DIFFERENT_ACCOUNTS); `options` are
  // AnalysisOptions as for Analyze, their asOf being NEW's now.
  Buffer Diff(std::string_view old_plan, Format old_format, std::string_view new_plan,
              Format new_format, bool force = false, Format output_format = Format::kBinary,
              std::string_view options = {}, Format options_format = Format::kJson) const {
    Buffer out;
    char* message = nullptr;
    const cplan_status status = cplan_diff(
        engine_, internal::DataOf(old_plan), old_plan.size(), internal::ToC(old_format),
        internal::DataOf(new_plan), new_plan.size(), internal::ToC(new_format),
        internal::DataOf(options), options.size(), internal::ToC(options_format),
        force ? CPLAN_DIFF_FORCE : 0u, internal::ToC(output_format), &out.data_, &out.size_,
        &message);
    internal::ThrowIfFailed(status, message);
    return out;
  }

  // The underlying handle, still owned by this object.
  const cplan_engine* get() const noexcept { return engine_; }

 private:
  cplan_engine* engine_ = nullptr;
};

// The plan format a file name's extension stands for; throws Error for an unknown extension.
inline Format FormatFromPath(const std::string& path) {
  cplan_format format = CPLAN_FORMAT_BINARY;
  char* message = nullptr;
  const cplan_status status = cplan_format_from_path(path.c_str(), &format, &message);
  internal::ThrowIfFailed(status, message);
  return static_cast<Format>(format);
}

// The loaded library's version, e.g. "1.0.0".
inline const char* LibraryVersion() noexcept { return cplan_version(); }

// Whether the loaded library serves the header this code was compiled against.
inline bool LibraryIsCompatible() noexcept { return CPLAN_CHECK_VERSION() == 1; }

}  // namespace cplan

#endif  // CONTACTPLAN_CONTACTPLAN_HPP_
