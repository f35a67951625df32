// What an interrupted run leaves behind: nothing. SIGINT, SIGTERM and SIGHUP stop the command line
// as they always do, but first remove the one temporary file an output write may have named.
#ifndef CONTACTPLAN_TOOLS_CONTACTPLAN_INTERRUPT_CLEANUP_H_
#define CONTACTPLAN_TOOLS_CONTACTPLAN_INTERRUPT_CLEANUP_H_

namespace contactplan::cli {

// Installs the handlers; main() calls it once, before any command runs. A signal the process
// started with ignored (nohup, a background job) stays ignored. Not thread-safe: call it first.
void InstallInterruptCleanup();

// A contactplan::TemporaryFileWatch: records the temporary file (or nullptr: none) that the
// handlers remove. Async-signal-safe to race with the handlers; a path longer than PATH_MAX is not
// recorded (it could not be opened either).
void WatchTemporaryFile(const char* temporary_path);

}  // namespace contactplan::cli

#endif  // CONTACTPLAN_TOOLS_CONTACTPLAN_INTERRUPT_CLEANUP_H_
