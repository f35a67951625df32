// Runs a program as a child process and reports what a user (or a host's supervisor) would see: the
// exit code, stdout, stderr, and the child's peak resident memory.
#ifndef CONTACTPLAN_TESTS_RELIABILITY_SUBPROCESS_H_
#define CONTACTPLAN_TESTS_RELIABILITY_SUBPROCESS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace contactplan::testing {

struct ProcessResult {
  // The exit status, or -1 when the child did not exit normally (then `signal` says why).
  int exit_code = -1;
  int signal = 0;
  std::string out;
  std::string err;
  // Peak resident set of the child (wait4's ru_maxrss), in bytes. Linux carries the high-water mark
  // across exec, so it is never below this process's resident set at the fork: keep the parent
  // small when the figure matters.
  uint64_t max_rss_bytes = 0;
};

struct ProcessOptions {
  // A file for the child's stdin; empty means /dev/null.
  std::string stdin_path;
  // Extra environment entries, "NAME=value", added to this process's environment.
  std::vector<std::string> environment;
};

// Runs argv[0] (a path; no PATH search) with `argv`, waits for it and collects its output through
// temporary files, so a child that writes megabytes cannot block on a full pipe. Never throws; a
// child that cannot be started exits with 127 and says why on stderr.
ProcessResult RunProcess(const std::vector<std::string>& argv, const ProcessOptions& options = {});

// The whole content of a file ("" when it cannot be read).
std::string ReadFileBytes(const std::string& path);
void WriteFileBytes(const std::string& path, const std::string& bytes);

// A fresh directory under the test's temporary directory, removed by the destructor.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace contactplan::testing

#endif  // CONTACTPLAN_TESTS_RELIABILITY_SUBPROCESS_H_
