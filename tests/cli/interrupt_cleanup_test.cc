// The command line's signal handlers on their own, in forked children: the one temporary file
// recorded is removed and the process still dies of the signal; nothing recorded, nothing removed;
// a signal ignored from the start stays ignored. This is what protects a named temporary file where
// the file system has no O_TMPFILE (the end-to-end tests here always get an unnamed one).
#include "interrupt_cleanup.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "gtest/gtest.h"

namespace contactplan::cli {
namespace {

namespace fs = std::filesystem;

class InterruptCleanupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::path(::testing::TempDir()) / "interrupt-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    std::ofstream(Temporary()) << "half";
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Temporary() const { return (dir_ / ".out.json.tmp-1-0").string(); }

  // Runs `body` in a child and returns how it ended (waitpid's status).
  template <typename Body>
  int InChild(Body body) const {
    const pid_t pid = fork();
    if (pid == 0) {
      body();
      _exit(0);
    }
    int status = 0;
    EXPECT_EQ(waitpid(pid, &status, 0), pid);
    return status;
  }

  fs::path dir_;
};

TEST_F(InterruptCleanupTest, ASignalRemovesTheRecordedTemporaryAndStillKills) {
  for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
    std::ofstream(Temporary()) << "half";
    const std::string path = Temporary();
    const int status = InChild([&] {
      InstallInterruptCleanup();
      WatchTemporaryFile(path.c_str());
      raise(signal_number);
    });
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == signal_number) << signal_number;
    EXPECT_FALSE(fs::exists(path)) << "signal " << signal_number << " left the temporary file";
  }
}

TEST_F(InterruptCleanupTest, AFileNoLongerRecordedIsLeftAlone) {
  const std::string path = Temporary();
  const int status = InChild([&] {
    InstallInterruptCleanup();
    WatchTemporaryFile(path.c_str());
    WatchTemporaryFile(nullptr);  // renamed into place: it is the output now
    raise(SIGTERM);
  });
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
  EXPECT_TRUE(fs::exists(path));
}

TEST_F(InterruptCleanupTest, ASignalIgnoredFromTheStartStaysIgnored) {
  const std::string path = Temporary();
  const int status = InChild([&] {
    signal(SIGHUP, SIG_IGN);  // as nohup starts a program
    InstallInterruptCleanup();
    WatchTemporaryFile(path.c_str());
    raise(SIGHUP);
    _exit(3);  // still running: the signal was ignored
  });
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 3);
  EXPECT_TRUE(fs::exists(path));
}

}  // namespace
}  // namespace contactplan::cli
