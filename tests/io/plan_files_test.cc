#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "contactplan/plan_io.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "support/text_plan.h"

namespace contactplan {
namespace {

using ::contactplan::testing::ReadFileOrFail;
using ::contactplan::testing::TestDataPath;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// A fresh directory per test, removed with its files afterwards.
class PlanFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "/plan_files_test.XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    for (const std::string& name : Entries()) unlink((dir_ + "/" + name).c_str());
    rmdir(dir_.c_str());
  }

  std::vector<std::string> Entries() const {
    std::vector<std::string> names;
    DIR* dir = opendir(dir_.c_str());
    if (dir == nullptr) return names;
    while (const dirent* entry = readdir(dir)) {
      const std::string name = entry->d_name;
      if (name != "." && name != "..") names.push_back(name);
    }
    closedir(dir);
    std::sort(names.begin(), names.end());
    return names;
  }

  void Write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ + "/" + name, std::ios::binary) << bytes;
  }

  std::string dir_;
};

TEST_F(PlanFilesTest, ReadsByExtension) {
  const absl::StatusOr<v1::Plan> plan = ReadPlanFile(TestDataPath("grid/realistic.csv"));
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->persons_size(), 4);
  Write("plan.JSON", R"({"account": {"name": "Acme"}})");
  EXPECT_EQ(ReadPlanFile(dir_ + "/plan.JSON").value().account().name(), "Acme");
}

TEST_F(PlanFilesTest, EveryErrorLineStartsWithThePath) {
  Write("map.csv", "Team member,Level,Ann\n@titel,,CEO\nBob,boss,T\n");
  const std::string path = dir_ + "/map.csv";
  const absl::StatusOr<v1::Plan> plan = ReadPlanFile(path);
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kInvalidArgument);
  const std::vector<std::string> lines = absl::StrSplit(plan.status().message(), '\n');
  EXPECT_THAT(lines, ElementsAre(StartsWith(path + ": cell A2, line 2, column 1: unknown attribute"),
                                 StartsWith(path + ": cell B3, line 3, column 5: level of \"Bob\"")));
}

TEST_F(PlanFilesTest, FormatGivenOverridesTheExtension) {
  Write("plan.data", "account { name: \"Acme\" }");
  const std::string path = dir_ + "/plan.data";
  EXPECT_THAT(std::string(ReadPlanFile(path).status().message()),
              StartsWith(path + ": cannot tell the format from the file name: use .binpb"));
  EXPECT_EQ(ReadPlanFile(path, PlanFormat::kText).value().account().name(), "Acme");
}

TEST_F(PlanFilesTest, MissingFileNamesPathAndReason) {
  const std::string path = dir_ + "/missing.json";
  EXPECT_EQ(ReadPlanFile(path).status().message(),
            path + ": cannot open: No such file or directory");
}

TEST_F(PlanFilesTest, WriteCreatesAndReplacesLeavingNoTemporaryFile) {
  const std::string path = dir_ + "/out.json";
  ASSERT_TRUE(WriteFileAtomically(path, "first").ok());
  EXPECT_EQ(ReadFileOrFail(path), "first");
  ASSERT_TRUE(WriteFileAtomically(path, "second, longer").ok());
  EXPECT_EQ(ReadFileOrFail(path), "second, longer");
  ASSERT_TRUE(WriteFileAtomically(path, "").ok());
  EXPECT_EQ(ReadFileOrFail(path), "");
  EXPECT_THAT(Entries(), ElementsAre("out.json"));
}

TEST_F(PlanFilesTest, ReplacedFileKeepsItsPermissions) {
  const std::string path = dir_ + "/out.csv";
  Write("out.csv", "old");
  ASSERT_EQ(chmod(path.c_str(), 0640), 0);
  ASSERT_TRUE(WriteFileAtomically(path, "new").ok());
  struct stat info;
  ASSERT_EQ(stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0640u);
}

TEST_F(PlanFilesTest, FailureLeavesNoFileBehind) {
  const std::string path = dir_ + "/no-such-dir/out.json";
  const absl::Status status = WriteFileAtomically(path, "data");
  EXPECT_EQ(status.message(), path + ": cannot create a temporary file in " + dir_ +
                                  "/no-such-dir: No such file or directory");
  EXPECT_THAT(Entries(), ::testing::IsEmpty());
}

TEST_F(PlanFilesTest, FailedRenameRemovesTheTemporaryFileAndKeepsTheTarget) {
  // A directory cannot be replaced by a file: everything succeeds up to the rename.
  const std::string path = dir_ + "/taken";
  ASSERT_EQ(mkdir(path.c_str(), 0755), 0);
  const absl::Status status = WriteFileAtomically(path, "data");
  EXPECT_THAT(std::string(status.message()), StartsWith(path + ": cannot replace: "));
  EXPECT_THAT(Entries(), ElementsAre("taken"));
  struct stat info;
  ASSERT_EQ(stat(path.c_str(), &info), 0);
  EXPECT_TRUE(S_ISDIR(info.st_mode));
  rmdir(path.c_str());
}

TEST_F(PlanFilesTest, ASymlinkKeepsPointingAtTheReplacedFile) {
  Write("target.json", "old");
  ASSERT_EQ(symlink("target.json", (dir_ + "/link.json").c_str()), 0);
  ASSERT_TRUE(WriteFileAtomically(dir_ + "/link.json", "new").ok());
  struct stat info;
  ASSERT_EQ(lstat((dir_ + "/link.json").c_str(), &info), 0);
  EXPECT_TRUE(S_ISLNK(info.st_mode));
  EXPECT_EQ(ReadFileOrFail(dir_ + "/target.json"), "new");
  EXPECT_THAT(Entries(), ElementsAre("link.json", "target.json"));
}

TEST_F(PlanFilesTest, AFifoIsRefusedByTheAtomicWriteAndWrittenThroughAsOutput) {
  const std::string fifo = dir_ + "/out.fifo";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(WriteFileAtomically(fifo, "data").message(),
            fifo + ": is a FIFO, which cannot be replaced atomically: write to it directly");
  // Read end open first, so the write end does not block; 4 bytes fit the pipe.
  const int reader = open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(reader, 0);
  ASSERT_TRUE(WriteOutputFile(fifo, "data").ok());
  char buffer[8] = {};
  EXPECT_EQ(read(reader, buffer, sizeof buffer), 4);
  close(reader);
  EXPECT_EQ(std::string(buffer), "data");
  struct stat info;
  ASSERT_EQ(lstat(fifo.c_str(), &info), 0);
  EXPECT_TRUE(S_ISFIFO(info.st_mode));
}

TEST_F(PlanFilesTest, ATemporaryNameStaysWithinNameMax) {
  const std::string name = std::string(250, 'x') + ".json";  // 255: the longest a name can be
  std::vector<std::string> announced;
  static std::vector<std::string>* seen = nullptr;
  seen = &announced;
  ASSERT_TRUE(WriteFileAtomically(dir_ + "/" + name, "data", [](const char* temporary) {
                if (temporary != nullptr) seen->push_back(temporary);
              }).ok());
  EXPECT_EQ(ReadFileOrFail(dir_ + "/" + name), "data");
  ASSERT_FALSE(announced.empty());
  for (const std::string& temporary : announced) {
    EXPECT_LE(temporary.size() - dir_.size() - 1, 255u) << temporary;
  }
  EXPECT_THAT(Entries(), ElementsAre(name));
}

}  // namespace
}  // namespace contactplan
