#include "interrupt_cleanup.h"

#include <limits.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstring>

namespace contactplan::cli {
namespace {

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

// The path lives in a fixed buffer, not a std::string: a handler may only read memory that no
// allocation can move. `recorded` is cleared before the buffer changes and set after, so a handler
// sees either no path or a whole one.
char temporary[PATH_MAX];
volatile sig_atomic_t recorded = 0;

void RemoveTemporaryAndDie(int signal_number) {
  if (recorded) unlink(temporary);  // unlink(2) is async-signal-safe
  // SA_RESETHAND restored the default action; SA_NODEFER lets it take effect at once, so the exit
  // status still says which signal ended the process.
  raise(signal_number);
}

}  // namespace

void InstallInterruptCleanup() {
  for (const int signal_number : kSignals) {
    struct sigaction current {};
    if (sigaction(signal_number, nullptr, &current) != 0 || current.sa_handler == SIG_IGN) continue;
    struct sigaction action {};
    action.sa_handler = RemoveTemporaryAndDie;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND | SA_NODEFER;
    sigaction(signal_number, &action, nullptr);
  }
}

void WatchTemporaryFile(const char* temporary_path) {
  recorded = 0;
  std::atomic_signal_fence(std::memory_order_seq_cst);  // the handler sees the flag drop first
  if (temporary_path == nullptr) return;
  const size_t length = std::strlen(temporary_path);
  if (length >= sizeof temporary) return;
  std::memcpy(temporary, temporary_path, length + 1);
  std::atomic_signal_fence(std::memory_order_seq_cst);  // and the whole path before the flag
  recorded = 1;
}

}  // namespace contactplan::cli
