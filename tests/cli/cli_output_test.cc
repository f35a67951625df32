// The command line's process-level contract, end to end: where -o writes (FIFOs, devices, symbolic
// links, long names), what an interrupted write leaves behind (nothing), and how it fails when its
// standard input is closed or its memory runs out. Each test runs the built binary as a child
// process with what it needs changed: a closed descriptor, a memory limit, a signal.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace contactplan {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;

const std::string kKestrel = std::string(CONTACTPLAN_SOURCE_DIR) + "/examples/kestrel-health.json";

std::string Contents(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The whole of `convert examples/kestrel-health.json --to json`: its first and last bytes.
bool IsKestrelJson(const std::string& text) {
  return text.starts_with("{\n") && text.find("\"id\": \"kestrel-health\"") != std::string::npos &&
         text.ends_with("}\n");
}

// How a child is started and how it ended.
struct ChildSetup {
  bool close_stdin = false;
  rlim_t address_space = RLIM_INFINITY;  // RLIMIT_AS, as `ulimit -v` sets it
};

struct ChildEnd {
  int exit_code = -1;  // when it exited
  int signal = 0;      // when a signal ended it
  std::string err;
};

class CliOutputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::path(::testing::TempDir()) / "contactplan-out-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path Path(std::string_view name) const { return dir_ / name; }

  // Starts the binary in the test's directory with stdout and stderr to files; returns its pid.
  pid_t Start(const std::vector<std::string>& args, const ChildSetup& setup = {}) const {
    const fs::path out = Path(".stdout"), err = Path(".stderr");
    const pid_t pid = fork();
    if (pid == 0) {
      if (chdir(dir_.c_str()) != 0) _exit(127);
      const int out_fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      const int err_fd = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (out_fd < 0 || err_fd < 0 || dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0) _exit(127);
      if (setup.close_stdin) close(0);
      if (setup.address_space != RLIM_INFINITY) {
        const rlimit limit{setup.address_space, setup.address_space};
        if (setrlimit(RLIMIT_AS, &limit) != 0) _exit(127);
      }
      std::vector<char*> argv = {const_cast<char*>(CONTACTPLAN_CLI)};
      for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
      argv.push_back(nullptr);
      execv(CONTACTPLAN_CLI, argv.data());
      _exit(127);
    }
    return pid;
  }

  ChildEnd Wait(pid_t pid) const {
    ChildEnd end;
    int status = 0;
    if (pid > 0 && waitpid(pid, &status, 0) == pid) {
      if (WIFEXITED(status)) end.exit_code = WEXITSTATUS(status);
      if (WIFSIGNALED(status)) end.signal = WTERMSIG(status);
    }
    end.err = Contents(Path(".stderr"));
    return end;
  }

  ChildEnd Run(const std::vector<std::string>& args, const ChildSetup& setup = {}) const {
    return Wait(Start(args, setup));
  }

  // The names in the test's directory that are neither the child's stdout/stderr nor `keep`.
  std::vector<std::string> OtherEntries(const std::vector<std::string>& keep) const {
    std::vector<std::string> names;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir_)) {
      const std::string name = entry.path().filename().string();
      if (name == ".stdout" || name == ".stderr") continue;
      if (std::find(keep.begin(), keep.end(), name) == keep.end()) names.push_back(name);
    }
    return names;
  }

  fs::path dir_;
};

// --- -o over what is not a regular file ---

TEST_F(CliOutputTest, AFifoIsWrittenThroughAndStaysAFifo) {
  const fs::path fifo = Path("plan.fifo");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0644), 0);
  // Opened for reading first (without blocking), so the child's open for writing succeeds and its
  // output can be drained while it writes (a pipe holds only 64 KiB).
  const int reader = open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(reader, 0);
  const pid_t pid = Start({"convert", kKestrel, "--to", "json", "-o", "plan.fifo"});
  std::string received;
  bool exited = false;
  int status = 0;
  while (true) {
    char buffer[1 << 16];
    const ssize_t n = read(reader, buffer, sizeof buffer);
    if (n > 0) {
      received.append(buffer, static_cast<size_t>(n));
      continue;
    }
    if (exited) break;  // drained after the child ended
    exited = waitpid(pid, &status, WNOHANG) == pid;
    if (!exited) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  close(reader);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << Contents(Path(".stderr"));

  struct stat info;
  ASSERT_EQ(lstat(fifo.c_str(), &info), 0);
  EXPECT_TRUE(S_ISFIFO(info.st_mode)) << "the FIFO was replaced by a regular file";
  EXPECT_TRUE(IsKestrelJson(received)) << received.size() << " bytes came through the FIFO";
  EXPECT_THAT(OtherEntries({"plan.fifo"}), IsEmpty());
}

TEST_F(CliOutputTest, ACharacterDeviceIsWrittenThroughAndStaysADevice) {
  // As root, a regression would replace the machine's own /dev/null; a private node for the same
  // device (1, 3) tests the same path without that risk.
  fs::path device = "/dev/null";
  if (geteuid() == 0) {
    device = Path("null");
    ASSERT_EQ(mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 3)), 0);
  }
  const ChildEnd end = Run({"convert", kKestrel, "--to", "json", "-o", device.string()});
  EXPECT_EQ(end.exit_code, 0) << end.err;
  struct stat info;
  ASSERT_EQ(lstat(device.c_str(), &info), 0);
  EXPECT_TRUE(S_ISCHR(info.st_mode)) << device << " is no longer a character device";
  EXPECT_EQ(info.st_rdev, makedev(1, 3));
  EXPECT_THAT(OtherEntries({"null"}), IsEmpty());
}

TEST_F(CliOutputTest, DevStdoutIsTheProcesssStdout) {
  const ChildEnd end = Run({"convert", kKestrel, "--to", "json", "-o", "/dev/stdout"});
  EXPECT_EQ(end.exit_code, 0) << end.err;
  EXPECT_TRUE(IsKestrelJson(Contents(Path(".stdout"))));
}

TEST_F(CliOutputTest, ASymlinkIsFollowedAndItsTargetReplaced) {
  fs::create_directory(Path("real"));
  std::ofstream(Path("real/plan.json")) << "old";
  fs::create_symlink("real/plan.json", Path("link.json"));      // relative, into a subdirectory
  fs::create_symlink("real/new.json", Path("dangling.json"));   // its target does not exist yet

  ChildEnd end = Run({"convert", kKestrel, "--to", "json", "-o", "link.json"});
  ASSERT_EQ(end.exit_code, 0) << end.err;
  EXPECT_TRUE(fs::is_symlink(Path("link.json"))) << "the link was replaced by a regular file";
  EXPECT_EQ(fs::read_symlink(Path("link.json")), "real/plan.json");
  EXPECT_TRUE(IsKestrelJson(Contents(Path("real/plan.json"))));

  end = Run({"convert", kKestrel, "--to", "json", "-o", "dangling.json"});
  ASSERT_EQ(end.exit_code, 0) << end.err;
  EXPECT_TRUE(fs::is_symlink(Path("dangling.json")));
  EXPECT_TRUE(IsKestrelJson(Contents(Path("real/new.json"))));
  EXPECT_THAT(OtherEntries({"real", "link.json", "dangling.json"}), IsEmpty());
  EXPECT_EQ(std::distance(fs::directory_iterator(Path("real")), fs::directory_iterator()), 2);
}

TEST_F(CliOutputTest, ANameNearNameMaxIsWritten) {
  // 245 characters: valid for the file system, and the temporary name must not push it past 255.
  const std::string name = std::string(240, 'n') + ".json";
  const ChildEnd end = Run({"convert", kKestrel, "--to", "json", "-o", name});
  EXPECT_EQ(end.exit_code, 0) << end.err;
  EXPECT_TRUE(IsKestrelJson(Contents(Path(name))));
  EXPECT_THAT(OtherEntries({name}), IsEmpty());
}

TEST_F(CliOutputTest, AnUnwritableOutputIsNamedOnceWithTheReason) {
  const ChildEnd end = Run({"convert", kKestrel, "--to", "json", "-o", "no-dir/plan.json"});
  EXPECT_EQ(end.exit_code, 74);
  EXPECT_EQ(end.err,
            "contactplan: cannot write no-dir/plan.json: cannot create a temporary file in no-dir: "
            "No such file or directory\n");
}

// --- interrupted writes ---

// A generated plan big enough that writing it takes a while (tens of MB).
const std::vector<std::string> kBigGenerate = {"generate", "--persons", "20000", "--team", "400",
                                               "-o", "big.json"};

// True when the directory holds a temporary file of an output write (".big.json.tmp-...").
bool HoldsTemporary(const fs::path& dir) {
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    if (entry.path().filename().string().starts_with(".big.json.tmp")) return true;
  }
  return false;
}

TEST_F(CliOutputTest, ASignalWhileATemporaryFileIsNamedLeavesNothingBehind) {
  // Watch for the temporary file and signal the moment it shows; if it never shows (it is named
  // only for the instant before the rename), signal whenever the child is still running.
  for (const int signal_number : {SIGTERM, SIGINT}) {
    const pid_t pid = Start(kBigGenerate);
    int status = 0;
    bool exited = false;
    for (int poll = 0; poll < 200000 && !exited; ++poll) {
      if (HoldsTemporary(dir_)) break;
      exited = waitpid(pid, &status, WNOHANG) == pid;
    }
    if (!exited) {
      kill(pid, signal_number);
      ASSERT_EQ(waitpid(pid, &status, 0), pid);
    }
    EXPECT_FALSE(HoldsTemporary(dir_)) << "signal " << signal_number << " left a temporary file";
    fs::remove(Path("big.json"));
  }
}

TEST_F(CliOutputTest, SignalsAtAnyMomentLeaveTheOldFileOrTheNewOneAndNoTemporary) {
  // One uninterrupted run gives the whole output and how long it takes.
  const auto started = std::chrono::steady_clock::now();
  ChildEnd end = Run(kBigGenerate);
  const auto took = std::chrono::steady_clock::now() - started;
  ASSERT_EQ(end.exit_code, 0) << end.err;
  const std::string whole = Contents(Path("big.json"));
  ASSERT_GT(whole.size(), 1u << 20);

  for (int step = 1; step <= 4; ++step) {
    std::ofstream(Path("big.json"), std::ios::trunc) << "old";
    const pid_t pid = Start(kBigGenerate);
    std::this_thread::sleep_for(took * step / 4);
    kill(pid, step % 2 == 0 ? SIGINT : SIGTERM);
    end = Wait(pid);
    EXPECT_FALSE(HoldsTemporary(dir_)) << "a signal at " << step << "/4 of the run left a file";
    const std::string now = Contents(Path("big.json"));
    EXPECT_TRUE(now == "old" || now == whole) << "big.json is " << now.size() << " bytes at step "
                                              << step;
  }
}

// --- standard input and memory ---

TEST_F(CliOutputTest, AClosedStdinIsUnreadableInputNotAnEmptyPlan) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"validate", "-"}, {"validate", "-", "--from", "json"},
        {"analyze", "-", "--from", "binary"}}) {
    const ChildEnd end = Run(args, {.close_stdin = true});
    EXPECT_EQ(end.exit_code, 2) << args.back() << ": " << end.err;
    EXPECT_THAT(end.err, HasSubstr("contactplan: <stdin>: cannot read: standard input is closed"));
  }
}

// ASan and TSan reserve terabytes of address space for their shadow memory, so under RLIMIT_AS an
// instrumented binary cannot even start; the build of the test says whether the binary is one.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

TEST_F(CliOutputTest, RunningOutOfMemoryIsExit70WithAMessageNotAnAbort) {
  if (kSanitized) GTEST_SKIP() << "a sanitized binary cannot run under an address-space limit";
  // 300 MB of address space: enough to start, not to build a plan of a million persons.
  const ChildEnd end =
      Run({"generate", "--persons", "1000000", "--team", "2000", "-o", "huge.json"},
          {.address_space = rlim_t{300} << 20});
  EXPECT_EQ(end.signal, 0) << "killed by signal " << end.signal << ": " << end.err;
  EXPECT_EQ(end.exit_code, 70) << end.err;
  EXPECT_THAT(end.err, StartsWith("contactplan: out of memory"));
  EXPECT_THAT(OtherEntries({}), IsEmpty());
}

}  // namespace
}  // namespace contactplan
