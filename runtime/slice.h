// Slices: growth for append, as Go grows them.
//
// append(s, x...) compiles to GROWSLICE (make room for n more elements,
// reallocating if the capacity is short) followed by ordinary element
// stores, as Go's compiler does with runtime.growslice. The new capacity
// follows Go 1.22's rule exactly, because programs print cap():
//   - if the new length is more than twice the old capacity, it is the new
//     length; else below 256 elements the capacity doubles; else it grows
//     by (cap + 3*256)/4 at a time (a smooth step from 2x to 1.25x) until
//     the new length fits;
//   - then the byte size is rounded up to a size class (sizeclasses.h) and
//     the capacity is whatever fits in it.
// The old elements are copied; the new array comes zeroed from allocate.
#pragma once

#include <cstdint>

#include "runtime/typedesc.h"

namespace gol::rt {

struct SliceHeader {
  uint64_t data, len, cap;
};

uint64_t nextSliceCap(uint64_t newLen, uint64_t oldCap);

// append's slow path: `s` with room for newLen elements (newLen > s.cap).
// Returns false if the size overflows (the caller panics "growslice: len
// out of range").
[[nodiscard]] bool growSlice(const TypeDesc* elem, SliceHeader s, uint64_t newLen, SliceHeader* out);

}  // namespace gol::rt
