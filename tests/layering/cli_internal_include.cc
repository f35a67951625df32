// Compiled by tests/layering/CMakeLists.txt with the command line's include path: the CLI is a
// client of the public API, so an internal header of the engine must not be found.
#include "model/plan_index.h"
