// Plan files: reading with the path in every error, and writing atomically.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "contactplan/plan_io.h"
#include "io/text_position.h"
#include "io/file_bytes.h"

namespace contactplan {
namespace {

// strerror is not thread-safe; the standard category's message is.
std::string ErrnoText(int error) { return std::generic_category().message(error); }

// The path as messages show it: escaped and cut (io::Escaped), so a 1 MiB path or one holding a
// line break or bytes that are not UTF-8 still gives one short line of UTF-8.
std::string ShownPath(const std::string& path) { return io::Escaped(path, io::kEchoedPathBytes); }

absl::Status FileError(const std::string& path, absl::string_view what, int error) {
  return absl::InvalidArgumentError(
      absl::StrCat(ShownPath(path), ": ", what, ": ", ErrnoText(error)));
}

// Every line of a (possibly multi-line) message starts with the path, as compilers write it, so
// each line can be read, grepped and clicked on alone.
absl::Status WithPath(const std::string& path, const absl::Status& status) {
  const std::string shown = ShownPath(path);
  std::vector<std::string> lines = absl::StrSplit(status.message(), '\n');
  for (std::string& line : lines) line = absl::StrCat(shown, ": ", line);
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

// "dir/.name.tmp-<pid>-<n>": hidden, beside the target (rename is atomic only within one file
// system), and distinct for concurrent writers: the pid tells processes apart, a process-wide counter
// threads and attempts. The name is cut so the whole stays within NAME_MAX, or a long but valid
// target name would fail for the temporary's sake alone.
std::string TemporaryPath(const std::string& path) {
  static std::atomic<uint64_t> counter{0};
  const size_t slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  const std::string suffix = absl::StrCat(".tmp-", getpid(), "-", counter.fetch_add(1));
  const size_t room = NAME_MAX - 1 - suffix.size();  // 1 for the leading '.'
  if (name.size() > room) name.resize(room);
  return absl::StrCat(dir, ".", name, suffix);
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
        ShownPath(path),
        ": cannot tell the format from the file name: use .binpb or .pb (binary), .json, .txtpb "
        "or .textproto (text format) or .csv (grid), or name the format"));
  }
  absl::StatusOr<std::string> bytes = io::ReadWholeFile(path);
  if (!bytes.ok()) return bytes.status();
  absl::StatusOr<v1::Plan> plan = ParsePlan(*bytes, *format);
  if (!plan.ok()) return WithPath(path, plan.status());
  return plan;
}

namespace {

// The symlink at `link` points at `target`; a relative target is relative to the link's directory.
std::string LinkTarget(const std::string& link, const std::string& target) {
  if (target.starts_with('/')) return target;
  const size_t slash = link.find_last_of('/');
  return slash == std::string::npos ? target : absl::StrCat(link.substr(0, slash + 1), target);
}

// What `path` names once symbolic links are followed: the file a write to `path` would change,
// which need not exist yet (a dangling link names the file it would create). Following by hand
// rather than realpath(3) keeps that last case, which realpath refuses.
absl::StatusOr<std::string> FollowLinks(const std::string& path) {
  std::string current = path;
  for (int hops = 0; hops < 40; ++hops) {  // 40: the kernel's own limit (ELOOP)
    struct stat info;
    if (lstat(current.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) return current;
    std::string target(static_cast<size_t>(info.st_size) + 1, '\0');
    const ssize_t n = readlink(current.c_str(), target.data(), target.size());
    if (n < 0) return FileError(path, "cannot read the symbolic link", errno);
    target.resize(static_cast<size_t>(n));
    current = LinkTarget(current, target);
  }
  return FileError(path, "cannot follow the symbolic links", ELOOP);
}

// "a FIFO", "a character device" ...: what a file that cannot be replaced is.
absl::string_view KindOf(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// One named temporary beside the target while it exists, announced to `watch` (see the header).
class NamedTemporary {
 public:
  explicit NamedTemporary(TemporaryFileWatch watch) : watch_(watch) {}
  // An exception (bad_alloc) on the way out removes the file as a failure does.
  ~NamedTemporary() { Remove(); }
  // Called before the name may come into being, so a handler never misses it.
  void Announce(const std::string& path) {
    path_ = path;
    if (watch_ != nullptr) watch_(path_.c_str());
  }
  // The name is gone (renamed or removed), or never came to be.
  void Forget() {
    if (!path_.empty() && watch_ != nullptr) watch_(nullptr);
    path_.clear();
  }
  void Remove() {
    if (!path_.empty()) unlink(path_.c_str());
    Forget();
  }
  const std::string& path() const { return path_; }

 private:
  TemporaryFileWatch watch_;
  std::string path_;
};

// An unnamed file in `dir` (O_TMPFILE): nothing is left behind whatever happens to the process
// until it is given a name. -1 where the file system or kernel cannot do it.
int OpenUnnamed(const std::string& dir) {
#ifdef O_TMPFILE
  return open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
#else
  return -1;
#endif
}

// Gives the unnamed file `fd` a fresh temporary name beside `target` (through /proc, the one way
// an unprivileged process can link an O_TMPFILE file). False when that is not possible here.
bool NameUnnamed(int fd, const std::string& target, NamedTemporary& temporary) {
  const std::string self = absl::StrCat("/proc/self/fd/", fd);
  for (int attempt = 0; attempt < 100; ++attempt) {
    temporary.Announce(TemporaryPath(target));
    if (linkat(AT_FDCWD, self.c_str(), AT_FDCWD, temporary.path().c_str(), AT_SYMLINK_FOLLOW) == 0) {
      return true;
    }
    const int error = errno;
    temporary.Forget();
    if (error != EEXIST) {
      errno = error;
      return false;
    }
  }
  return false;
}

// A new named temporary file beside `target`, created with O_EXCL: never a file someone else made.
int OpenNamed(const std::string& target, NamedTemporary& temporary) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    temporary.Announce(TemporaryPath(target));
    const int fd = open(temporary.path().c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) return fd;
    const int error = errno;
    temporary.Forget();
    if (error != EEXIST) {
      errno = error;
      return -1;
    }
  }
  return -1;
}

// Makes the rename itself durable. Some file systems cannot sync a directory; the data is written
// and renamed by then, so that is not an error.
void SyncDirectory(const std::string& dir) {
  const int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    fsync(fd);
    close(fd);
  }
}

}  // namespace

absl::Status WriteFileAtomically(const std::string& path, std::string_view bytes,
                                 TemporaryFileWatch watch) {
  if (path.empty() || path.back() == '/') {
    return absl::InvalidArgumentError(absl::StrCat("\"", path, "\": not a file name"));
  }
  absl::StatusOr<std::string> followed = FollowLinks(path);
  if (!followed.ok()) return followed.status();
  const std::string& target = *followed;  // a symlink stays; the file it points at is replaced
  const std::string dir = DirectoryOf(target);

  // Only a regular file can be replaced by another: a device or FIFO would be swapped for a plain
  // file (as root, /dev/null for everyone), which is never what writing to it means.
  struct stat existing;
  const bool exists = stat(target.c_str(), &existing) == 0;
  if (exists && !S_ISREG(existing.st_mode) && !S_ISDIR(existing.st_mode)) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": is ", KindOf(existing.st_mode),
                     ", which cannot be replaced atomically: write to it directly"));
  }

  NamedTemporary temporary(watch);
  const auto fail = [&](int fd, absl::string_view what) {
    const int error = errno;
    if (fd >= 0) close(fd);
    temporary.Remove();
    return FileError(path, what, error);
  };
  // The mode is 0666 less the umask, like any new file, or the mode of the file being replaced.
  const auto write_and_flush = [&](int fd) {
    if (exists && S_ISREG(existing.st_mode)) fchmod(fd, existing.st_mode & 07777);
    if (!WriteAll(fd, bytes)) return false;
    return fsync(fd) == 0;
  };

  // Preferably an unnamed file, named only for the instant between link and rename; else a named
  // one from the start (file systems without O_TMPFILE, or no /proc).
  int fd = OpenUnnamed(dir);
  if (fd >= 0) {
    if (!write_and_flush(fd)) return fail(fd, "cannot write");
    if (!NameUnnamed(fd, target, temporary)) {
      close(fd);
      fd = -1;
    }
  }
  if (fd < 0) {
    fd = OpenNamed(target, temporary);
    if (fd < 0) {
      return FileError(path, absl::StrCat("cannot create a temporary file in ", dir), errno);
    }
    if (!write_and_flush(fd)) return fail(fd, "cannot write");
  }
  if (close(fd) != 0) return fail(-1, "cannot write");
  if (rename(temporary.path().c_str(), target.c_str()) != 0) return fail(-1, "cannot replace");
  temporary.Forget();
  SyncDirectory(dir);
  return absl::OkStatus();
}

absl::Status WriteOutputFile(const std::string& path, std::string_view bytes,
                             TemporaryFileWatch watch) {
  struct stat info;
  if (stat(path.c_str(), &info) != 0 || S_ISREG(info.st_mode) || S_ISDIR(info.st_mode)) {
    return WriteFileAtomically(path, bytes, watch);
  }
  // A FIFO, a terminal, /dev/null ...: written to as it is. No O_CREAT: should it vanish in the
  // meantime, nothing is created in its place.
  const int fd = open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return FileError(path, "cannot open", errno);
  if (!WriteAll(fd, bytes)) {
    const int error = errno;
    close(fd);
    return FileError(path, "cannot write", error);
  }
  if (close(fd) != 0) return FileError(path, "cannot write", errno);
  return absl::OkStatus();
}

}  // namespace contactplan
