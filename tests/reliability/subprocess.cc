#include "subprocess.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "gtest/gtest.h"

extern char** environ;

namespace contactplan::testing {

std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void WriteFileBytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

ScratchDir::ScratchDir() {
  std::string pattern = ::testing::TempDir() + "contactplan-reliability-XXXXXX";
  if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
}

ProcessResult RunProcess(const std::vector<std::string>& argv, const ProcessOptions& options) {
  ProcessResult result;
  ScratchDir capture;
  const std::string out_path = capture.File("stdout");
  const std::string err_path = capture.File("stderr");

  // Everything the child needs is built before fork: after it, only async-signal-safe calls.
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  std::vector<char*> env;
  for (char** entry = environ; *entry != nullptr; ++entry) env.push_back(*entry);
  for (const std::string& entry : options.environment)
    env.push_back(const_cast<char*>(entry.c_str()));
  env.push_back(nullptr);
  const std::string in_path = options.stdin_path.empty() ? "/dev/null" : options.stdin_path;

  const pid_t pid = fork();
  if (pid < 0) {
    result.err = std::string("fork failed: ") + std::strerror(errno);
    return result;
  }
  if (pid == 0) {
    const int fds[3] = {open(in_path.c_str(), O_RDONLY),
                        open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644),
                        open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644)};
    for (int i = 0; i < 3; ++i) {
      if (fds[i] < 0 || dup2(fds[i], i) < 0) _exit(127);
    }
    execve(args[0], args.data(), env.data());
    static const char kCannotRun[] = "execve failed\n";
    (void)!write(2, kCannotRun, sizeof kCannotRun - 1);
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  result.max_rss_bytes = static_cast<uint64_t>(usage.ru_maxrss) * 1024;  // Linux reports KiB
  result.out = ReadFileBytes(out_path);
  result.err = ReadFileBytes(err_path);
  return result;
}

}  // namespace contactplan::testing
