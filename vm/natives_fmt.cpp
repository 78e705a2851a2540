// Natives of the stdlib (see vm/natives.h for the calling convention).
#include "vm/natives.h"

namespace gol::vm {

std::span<const NativeDef> fmtNatives() { return {}; }

}  // namespace gol::vm
