// Slice growth for append (rules in slice.h, size classes in
// sizeclasses.h).
//
// growSlice computes the new capacity with Go 1.22's formula, rounds the
// byte size up to a size class (pointer-free and pointer-bearing element
// types round differently, as Go's allocator headers make them), copies
// the old elements into a fresh zeroed array, and reports size overflow to
// the caller instead of panicking, so the interpreter raises Go's
// "growslice: len out of range" with its usual trace.
#include "runtime/slice.h"

#include <cstring>

#include "runtime/alloc.h"
#include "runtime/barrier.h"
#include "runtime/sizeclasses.h"

namespace gol::rt {

uint64_t roundUpSize(uint64_t size, bool hasPointers) {
  uint64_t req = size;
  if (req <= kMaxSmallSize - (kMallocHeaders ? kMallocHeaderSize : 0)) {
    if (kMallocHeaders && hasPointers && req > kMinSizeForMallocHeader) req += kMallocHeaderSize;
    for (uint32_t c : kSizeClasses)
      if (c >= req) return c - (req - size);
    return req;  // unreachable: the last class is kMaxSmallSize
  }
  uint64_t rounded = (req + kPageSize - 1) & ~(kPageSize - 1);
  return rounded < size ? size : rounded;
}

uint64_t nextSliceCap(uint64_t newLen, uint64_t oldCap) {
  uint64_t doubled = oldCap + oldCap;
  if (newLen > doubled) return newLen;
  constexpr uint64_t kThreshold = 256;
  if (oldCap < kThreshold) return doubled;
  uint64_t c = oldCap;
  while (c < newLen) c += (c + 3 * kThreshold) / 4;
  return c;
}

bool growSlice(const TypeDesc* elem, SliceHeader s, uint64_t newLen, SliceHeader* out) {
  constexpr uint64_t kMaxAlloc = uint64_t{1} << 48;
  uint64_t size = elem->size;
  if (size == 0) {  // Go: zero-sized elements share one address
    *out = SliceHeader{reinterpret_cast<uint64_t>(allocateBytes(0, false)), newLen, newLen};
    return true;
  }
  uint64_t newCap = nextSliceCap(newLen, s.cap);
  if (newCap > kMaxAlloc / size) return false;
  bool pointers = elem->hasPointers();
  uint64_t bytes = roundUpSize(newCap * size, pointers);
  newCap = bytes / size;
  void* p = pointers ? allocateArray(elem, newCap) : allocateBytes(newCap * size, false);
  if (s.len > 0) std::memcpy(p, reinterpret_cast<const void*>(s.data), s.len * size);
  if (pointers && s.len > 0) checkStored(p, s.len * size);
  *out = SliceHeader{reinterpret_cast<uint64_t>(p), newLen, newCap};
  return true;
}

}  // namespace gol::rt
