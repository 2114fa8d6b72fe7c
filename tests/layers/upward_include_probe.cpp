// Compiled by the tests `layers-upward-include-fails` (with the include directories of the
// core layer: must not compile, the engine lies above core) and `layers-upward-include-control`
// (with the engine layer's own: must compile, so the failure is the layering's).
#include "engine/analyzer.h"
