// Size classes: the object sizes the heap hands out, as Go's.
//
// Go rounds every small allocation (up to 32 KiB) up to one of these 67
// sizes, and larger ones up to whole 8 KiB pages. The rounding is visible
// to programs: append's growth reports cap() from the rounded size
// (cap(append([]byte(nil), make([]byte, 5)...)) is 8), so gol must round
// exactly as Go does even before its heap (DESIGN.md §6) uses the classes
// to lay out spans. This is the one table; the heap will read it too.
// (Checked against go 1.19: cap(append([]byte(nil), make([]byte, s)...))
// for every s up to 33000 walks exactly these sizes, then 40960.)
//
// Go 1.22 also puts an 8-byte header in front of small objects that
// contain pointers and are larger than 512 bytes (allocation headers);
// append accounts for it, so a []string grown past 512 bytes gets one
// element less than a []int of the same byte size. kMallocHeaders follows
// Go 1.22; Debian's go 1.19 predates it, so golden tests that print such a
// cap are checked by reasoning, not by that oracle.
#pragma once

#include <cstdint>

namespace gol::rt {

inline constexpr uint32_t kSizeClasses[] = {
    0,     8,     16,    24,    32,    48,    64,    80,    96,    112,   128,   144,
    160,   176,   192,   208,   224,   240,   256,   288,   320,   352,   384,   416,
    448,   480,   512,   576,   640,   704,   768,   896,   1024,  1152,  1280,  1408,
    1536,  1792,  2048,  2304,  2688,  3072,  3200,  3456,  4096,  4864,  5376,  6144,
    6528,  6784,  6912,  8192,  9472,  9728,  10240, 10880, 12288, 13568, 14336, 16384,
    18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768,
};
inline constexpr uint64_t kMaxSmallSize = 32768;
inline constexpr uint64_t kPageSize = 8192;
inline constexpr bool kMallocHeaders = true;          // Go 1.22
inline constexpr uint64_t kMallocHeaderSize = 8;
inline constexpr uint64_t kMinSizeForMallocHeader = 512;

// The size an allocation of `size` bytes really gets, minus any header.
uint64_t roundUpSize(uint64_t size, bool hasPointers);

}  // namespace gol::rt
