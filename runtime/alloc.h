// Allocation interface: how the VM asks for heap memory.
//
// Every heap allocation the interpreter makes (new(T), &T{...} that
// escapes, make, append growth, string concatenation, closures) goes
// through the two functions below and nothing else, so that the real heap
// of DESIGN.md §6 (size classes, per-P caches, a precise concurrent
// collector) can replace the implementation without a change to the VM:
//
//   allocate(type)              one zeroed value of a type; the collector
//                               will scan it with type->pointerWords.
//   allocateBytes(n, pointers)  n zeroed bytes: pointer-free data (string
//                               bytes, []byte backing arrays) when
//                               hasPointers is false; when true, every word
//                               may hold a pointer (arrays of pointers,
//                               closure contexts) and is scanned as such.
//   allocateArray(elem, n)      n consecutive zeroed elements of a type.
//
// Contract the VM relies on, and the future heap must keep:
//   - memory comes back zeroed (Go's zero values are all-zero bits);
//   - the result is 8-byte aligned (16 for objects of 16 bytes or more,
//     as Go's size classes give), never null, and never inside a
//     goroutine stack (DESIGN.md §7: no heap object points into a stack);
//   - a request of zero bytes returns a valid, non-null, unique-enough
//     address (Go returns &zerobase; so do we), never to be written;
//   - out of memory is a fatal error ("fatal error: runtime: out of
//     memory"), not a null return.
//
// TEMPORARY IMPLEMENTATION: until the GC issue lands, memory is bumped out
// of 1 MiB chunks from calloc (large objects get a chunk of their own) and
// is NEVER freed. This is deliberately the simplest thing that keeps the
// contract; programs that allocate a lot will grow without bound. Every
// chunk stays on a list, so leak checkers see the memory as reachable.
// Nothing in the VM may depend on memory not being reclaimed.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/typedesc.h"

namespace gol::rt {

[[nodiscard]] void* allocate(const TypeDesc* type);
[[nodiscard]] void* allocateArray(const TypeDesc* elem, uint64_t count);
[[nodiscard]] void* allocateBytes(uint64_t size, bool hasPointers);

// Bytes handed out so far (for tests and, later, GODEBUG=gctrace).
uint64_t allocatedBytes();

}  // namespace gol::rt
