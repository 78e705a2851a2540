// The write barrier and the grey queue of the concurrent collector.
//
// While the collector marks concurrently (vm/gc.cpp), every store that
// overwrites a pointer word in the heap or in a global first shades the
// value it overwrites (Yuasa's deletion barrier). Shading greys the object
// a word points into: its mark bit is set and, if it holds pointers, it
// joins the grey queue that the markers drain. Frames need no barrier:
// the collector scans each goroutine's stack once per cycle, before that
// goroutine runs again (vm/gc.cpp, "Stacks"), and new objects are
// allocated marked (black). No goroutine runs with an unscanned (grey)
// stack, which is when the insertion half of Go's hybrid barrier (shade
// the new value) would be needed, so the deletion half is enough: what was
// reachable when the stack was scanned stays reachable through some path
// the barrier guards, or gets shaded. `shade` serves stores that must
// grey a value for other reasons.
//
//   rt::shade(word)                  a pointer word stored (the new value)
//   rt::shadeOld(slot)               before *slot is overwritten
//   rt::shadeRange(dst, bytes)       before memory that may hold pointers is
//                                    overwritten or cleared (memmove, memset)
//
// Each is one relaxed load of a flag when the collector is not marking.
// The words shaded are candidates (rt::Heap::findObject checks them), so
// shading a range word by word, scalars included, is safe: it can only
// keep an object alive one cycle longer.
#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

#include "runtime/heap.h"

namespace gol::rt {

extern std::atomic<bool> gWriteBarrier;

void shadeSlow(uint64_t word);
void shadeRangeSlow(const void* dst, uint64_t bytes);

inline void shade(uint64_t word) {
  if (gWriteBarrier.load(std::memory_order_relaxed)) [[unlikely]]
    shadeSlow(word);
}
inline void shadeOld(const uint64_t* slot) {
  if (gWriteBarrier.load(std::memory_order_relaxed)) [[unlikely]]
    shadeSlow(*slot);
}
inline void shadeRange(const void* dst, uint64_t bytes) {
  if (gWriteBarrier.load(std::memory_order_relaxed)) [[unlikely]]
    shadeRangeSlow(dst, bytes);
}

// GODEBUG=escapecheck=1, the check that escape analysis is sound
// (lang/escape.h): after every store that may put a pointer into the heap
// or a global (the same stores the barrier guards, plus map keys and
// globals), the words stored must not point into a goroutine stack, where
// frame objects live. A store into a stack (a frame object) is not
// checked. A word found pointing into a stack is a fatal error naming
// both addresses. Off: one relaxed load per store.
extern std::atomic<bool> gEscapeCheck;
void checkStoredSlow(const void* dst, uint64_t bytes);
inline void checkStored(const void* dst, uint64_t bytes) {
  if (gEscapeCheck.load(std::memory_order_relaxed)) [[unlikely]]
    checkStoredSlow(dst, bytes);
}
// Goroutine stacks, known to the check while it is on (runtime/goroutine.cpp).
void registerStack(const void* lo, uint64_t bytes);
void unregisterStack(const void* lo);

// The grey queue: objects shaded by barriers, for the markers. Takes up
// to `max` of them into out (appending); false if it was empty.
bool takeGrey(std::vector<ObjectRef>& out, size_t max);
void putGrey(const ObjectRef* objects, size_t n);
bool greyEmpty();

// Reads a word of an object another thread may be writing (the marker
// scanning while mutators run): a benign race by design (an aligned word
// is read whole), hidden from ThreadSanitizer by an uninstrumented
// out-of-line function in its builds, a plain load elsewhere.
#if defined(__SANITIZE_THREAD__)
#define GOL_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define GOL_TSAN 1
#endif
#endif
#ifdef GOL_TSAN
uint64_t racyLoad(const uint64_t* word);
#else
inline uint64_t racyLoad(const uint64_t* word) { return *static_cast<const volatile uint64_t*>(word); }
#endif

}  // namespace gol::rt
