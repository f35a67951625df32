// Compiled by tests/layering/CMakeLists.txt against the include tree of the rules stage: the model
// stage comes earlier, so this include is found (the fence lets the flow through).
#include "model/plan_index.h"
