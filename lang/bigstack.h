// A stack big enough for the front end.
//
// The parser, checker and AST printers recurse over the tree, whose depth
// the parser bounds (kMaxNesting levels, each a handful of frames). That
// bound is safe on a known stack, not on whatever stack the caller has: the
// main thread's 8 MiB is plenty in a release build but not under
// AddressSanitizer, whose frames are several times larger. So the front end
// runs on a thread of its own with a generous stack, reserved virtually and
// committed only as it is touched.
#pragma once

#include <cstddef>
#include <functional>

namespace gol::lang {

inline constexpr size_t kFrontEndStackBytes = size_t{512} << 20;

// Runs fn to completion on a thread with a kFrontEndStackBytes stack and
// returns when it is done. If no such thread can be made, runs fn here.
void runOnFrontEndStack(const std::function<void()>& fn);

}  // namespace gol::lang
