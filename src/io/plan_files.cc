// Plan files: reading with the path in every error, and writing atomically.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <functional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "contactplan/plan_io.h"
#include "io/file_bytes.h"

namespace contactplan {
namespace {

// strerror is not thread-safe; the standard category's message is.
std::string ErrnoText(int error) { return std::generic_category().message(error); }

absl::Status FileError(const std::string& path, absl::string_view what, int error) {
  return absl::InvalidArgumentError(absl::StrCat(path, ": ", what, ": ", ErrnoText(error)));
}

// Every line of a (possibly multi-line) message starts with the path, as compilers write it, so
// each line can be read, grepped and clicked on alone.
absl::Status WithPath(const std::string& path, const absl::Status& status) {
  std::vector<std::string> lines = absl::StrSplit(status.message(), '\n');
  for (std::string& line : lines) line = absl::StrCat(path, ": ", line);
  return absl::Status(status.code(), absl::StrJoin(lines, "\n"));
}

bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n == 0) errno = EIO;  // write(2) made no progress without saying why
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// "dir/.name.tmp-<pid>-<thread>-<attempt>": hidden, beside the target (rename is atomic only within
// one file system), and distinct for concurrent writers in this and other processes.
std::string TemporaryPath(const std::string& path, int attempt) {
  const size_t slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  return absl::StrCat(dir, ".", name, ".tmp-", getpid(), "-",
                      std::hash<std::thread::id>()(std::this_thread::get_id()), "-", attempt);
}

std::string DirectoryOf(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

namespace io {

absl::StatusOr<std::string> ReadWholeFile(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return FileError(path, "cannot open", errno);
  std::string bytes;
  char buffer[1 << 16];
  while (true) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      close(fd);
      return FileError(path, "cannot read", error);
    }
    if (n == 0) break;
    bytes.append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  return bytes;
}

}  // namespace io

absl::StatusOr<v1::Plan> ReadPlanFile(const std::string& path, std::optional<PlanFormat> format) {
  if (!format.has_value()) format = PlanFormatFromPath(path);
  if (!format.has_value()) {
    return absl::InvalidArgumentError(absl::StrCat(
        path, ": cannot tell the format from the file name: use .binpb or .pb (binary), .json, "
              ".txtpb or .textproto (text format) or .csv (grid), or name the format"));
  }
  absl::StatusOr<std::string> bytes = io::ReadWholeFile(path);
  if (!bytes.ok()) return bytes.status();
  absl::StatusOr<v1::Plan> plan = ParsePlan(*bytes, *format);
  if (!plan.ok()) return WithPath(path, plan.status());
  return plan;
}

absl::Status WriteFileAtomically(const std::string& path, std::string_view bytes) {
  if (path.empty() || path.back() == '/') {
    return absl::InvalidArgumentError(absl::StrCat("\"", path, "\": not a file name"));
  }
  // O_EXCL with a name of our own: never write into a file someone else created. The mode is
  // 0666 less the umask, like any new file, or the mode of the file being replaced.
  std::string temporary;
  int fd = -1;
  for (int attempt = 0; fd < 0 && attempt < 100; ++attempt) {
    temporary = TemporaryPath(path, attempt);
    fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) {
    return FileError(path, absl::StrCat("cannot create a temporary file in ", DirectoryOf(path)),
                     errno);
  }
  struct stat existing;
  if (stat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode)) {
    fchmod(fd, existing.st_mode & 07777);
  }
  const auto fail = [&](absl::string_view what) {
    const int error = errno;
    if (fd >= 0) close(fd);
    unlink(temporary.c_str());
    return FileError(path, what, error);
  };
  if (!WriteAll(fd, bytes)) return fail("cannot write");
  if (fsync(fd) != 0) return fail("cannot flush to disk");
  const int closed = close(fd);
  fd = -1;
  if (closed != 0) return fail("cannot write");
  if (rename(temporary.c_str(), path.c_str()) != 0) return fail("cannot replace");
  // Make the rename itself durable. Some file systems cannot sync a directory; the data is written
  // and renamed by then, so that is not an error.
  const int dir = open(DirectoryOf(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    fsync(dir);
    close(dir);
  }
  return absl::OkStatus();
}

}  // namespace contactplan
