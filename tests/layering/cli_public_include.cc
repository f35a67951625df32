// Compiled by tests/layering/CMakeLists.txt with the command line's include path: the public API is
// what the CLI is built on, so this include is found (the fence is not merely an empty path).
#include "contactplan/render.h"
