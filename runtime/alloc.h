// Allocation interface: how the VM asks for heap memory.
//
// Every heap allocation the interpreter makes (new(T), &T{...} that
// escapes, make, append growth, string concatenation, closures) goes
// through the three functions below and nothing else. They allocate from
// the size-class heap (runtime/heap.h, DESIGN.md §6), whose objects the
// collector (vm/gc.h) frees once nothing reaches them:
//
//   allocate(type)              one zeroed value of a type; the collector
//                               scans it with type->pointerWords.
//   allocateBytes(n, pointers)  n zeroed bytes: pointer-free data (string
//                               bytes, []byte backing arrays) when
//                               hasPointers is false; when true, every word
//                               may hold a pointer (runtime records such
//                               as defer records, closure contexts) and is
//                               scanned as a candidate: the collector
//                               checks it points into an allocated object.
//   allocateArray(elem, n)      n consecutive zeroed elements of a type.
//
// Contract the VM relies on:
//   - memory comes back zeroed (Go's zero values are all-zero bits);
//   - the result is 8-byte aligned (16 for objects of 16 bytes or more,
//     as Go's size classes give), never null, and never inside a
//     goroutine stack (DESIGN.md §7: no heap object points into a stack);
//   - a request of zero bytes returns a valid, non-null, unique-enough
//     address (Go returns &zerobase; so do we), never to be written;
//   - out of memory is a fatal error ("fatal error: runtime: out of
//     memory"), not a null return;
//   - an object lives while a root (a global, a goroutine's stack, a
//     runtime root registered with the collector) reaches it through
//     pointer words. A heap pointer kept only in C++ memory (a native's
//     local, a runtime table) is invisible to the collector: natives keep
//     what they allocate in their result slots, and runtime tables that
//     outlive a call register a root scanner (vm/gc.h) or use malloc.
//   - Allocation never collects: when the heap reaches its trigger the
//     collector's thread is woken, and it stops goroutines only at their
//     safepoints (never inside an instruction or a native), so a native
//     may allocate several objects in a row and hold them in C++ locals
//     until it returns, unless it calls back into Gol in between (a nested
//     call has safepoints: keep such objects in the native's slots). New
//     objects are born marked while a cycle marks.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <initializer_list>

#include "runtime/typedesc.h"

namespace gol::rt {

class Heap;

[[nodiscard]] void* allocate(const TypeDesc* type);
[[nodiscard]] void* allocateArray(const TypeDesc* elem, uint64_t count);
[[nodiscard]] void* allocateBytes(uint64_t size, bool hasPointers);

// The layout of a record the runtime keeps in the heap (a C++ struct: a
// map's header, a channel, a defer record): `size` bytes whose heap
// pointers are the 8-byte words at `pointerOffsets`. Made once per call
// site (keep it in a static) and never freed; allocate() takes it as it
// takes a Gol type, so the collector scans exactly those words.
const TypeDesc* recordLayout(const char* name, uint64_t size, std::initializer_list<uint64_t> pointerOffsets);

// The process's heap (one program runs per process).
Heap& heap();

// GODEBUG=gcstress: when set, every allocation calls this hook (the
// collector's "collect at the next safepoint").
extern std::atomic<void (*)()> allocStressHook;

// While the collector marks: called after every allocation with its size,
// so that a goroutine allocating past the heap goal helps marking (the
// collector's mark assist, vm/gc.cpp). Marking never frees anything, so
// this is safe wherever allocation is.
extern std::atomic<void (*)(uint64_t size)> allocAssistHook;

// Bytes handed out so far (cumulative).
uint64_t allocatedBytes();

}  // namespace gol::rt
