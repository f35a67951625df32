// Compiled by tests/layering/CMakeLists.txt against the include tree of the rules stage: the
// score stage comes later in the flow, so this include must not be found.
#include "score/web.h"
