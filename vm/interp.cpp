// The dispatch loop, and the slow paths it calls out to.
//
// One function, execute(), holds the whole loop (STYLE.md 3), with the hot
// state in locals the compiler keeps in registers: pc (next code word),
// R (the frame base as a raw slot pointer), K (the constant pool), fn.
// Those locals are written back to the G (SAVE) at the named points where
// someone else may look at or move the stack:
//   - before a call's slow path (stack growth, preemption at entry),
//   - before a native call or an allocation (a GC safepoint, later),
//   - before raising a panic or fatal error (the traceback reads them),
//   - before yielding at a safepoint (LOOP, backward conditional jumps).
// After a slow path that may grow the stack the loop re-derives R from the
// G's base index (Lua's Protect): R is the only raw pointer into the stack
// the loop holds, and it never survives a growth.
//
// Dispatch is computed goto under GCC and Clang (one indirect jump per
// handler, which predicts far better than one shared switch jump) and a
// switch otherwise, or when GOL_NO_COMPUTED_GOTO is defined; both build
// from the same handler bodies and the same opcode table. Handlers decode
// their own operands with shifts of the one instruction word; no handler
// allocates on its fast path or tests a type tag.
//
// Calls push no separate record: the frame header lives in the three
// slots below the callee's base (opcodes.h), so a call is three stores and
// a compare against the stack guard, and a return is three loads; the
// caller's base is the callee's minus the distance packed with the
// caller's Function* in the header. The bottom frame returns to a HALT
// that ends execute(), so RET never tests for "last frame".
#include "vm/interp.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <deque>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "runtime/alloc.h"
#include "runtime/barrier.h"
#include "runtime/chan.h"
#include "runtime/iface.h"
#include "runtime/map.h"
#include "runtime/print.h"
#include "runtime/sched.h"
#include "runtime/sizeclasses.h"
#include "runtime/slice.h"
#include "runtime/utf8.h"
#include "vm/goroutines.h"
#include "vm/liveness.h"
#include "vm/natives.h"

#if (defined(__GNUC__) || defined(__clang__)) && !defined(GOL_NO_COMPUTED_GOTO)
#define GOL_COMPUTED_GOTO 1
#else
#define GOL_COMPUTED_GOTO 0
#endif

namespace gol::vm {
namespace {

// The caller of every goroutine's first frame; RET into it reaches HALT.
const Function& goexit() {
  static const Function* f = [] {
    auto* fn = new Function;
    fn->name = "runtime.goexit";
    fn->file = "runtime";
    return fn;
  }();
  return *f;
}

// Where the bottom frame returns to.
constexpr Instr kEntryCode[1] = {encode(Op::HALT)};
// Where a deferred call run by a panic returns to.
constexpr Instr kPanicResumeCode[1] = {encode(Op::PANICRESUME)};
// Where a call made by a native (callNested) returns to: execute() ends
// there, back in the native's C++ frame.
constexpr Instr kNestedReturnCode[1] = {encode(Op::HALT)};

inline uint64_t callerWord(const Function* caller, uint64_t distance) {
  return reinterpret_cast<uint64_t>(caller) | distance << kCallerDistanceShift;
}
inline const Function* callerOf(uint64_t word) {
  return reinterpret_cast<const Function*>(word & kCallerFunctionMask);
}
inline uint64_t distanceOf(uint64_t word) { return word >> kCallerDistanceShift; }

inline double f64(uint64_t bits) { return std::bit_cast<double>(bits); }
inline uint64_t bitsOf(double d) { return std::bit_cast<uint64_t>(d); }
inline uint64_t roundF32(double d) { return bitsOf(static_cast<double>(static_cast<float>(d))); }

// Canonical form of an integer of kind T in a slot (see opcodes.h).
template <typename T>
inline uint64_t norm(uint64_t v) {
  return static_cast<uint64_t>(static_cast<int64_t>(static_cast<T>(v)));
}

template <typename T>
inline T load(uint64_t addr) {
  T v;
  std::memcpy(&v, reinterpret_cast<const void*>(addr), sizeof(T));
  return v;
}
template <typename T>
inline void store(uint64_t addr, T v) {
  std::memcpy(reinterpret_cast<void*>(addr), &v, sizeof(T));
}

// String conversions and concatenation (CONCAT, STR2BYTES ... and their B
// forms). `buf`, when not null, is a frame buffer of kTmpBufBytes bytes (or
// runes) that the result may use when it fits, as Go's tmpBuf: codegen
// passes one only where escape analysis proved the result does not outlive
// the frame. Sources are read before the destination slots are written (a
// destination may be a source), and the buffer may already hold a source
// (the left operand of a chain a + b + c is built in it), hence memmove.

//
// A concatenation with an empty side is the other side, not a copy, unless
// that side's bytes lie in the goroutine's stack (a frame buffer of another
// site) and the result may escape (no buf): then it is copied to the heap,
// as Go's concatstrings does.
void concat(const rt::G& g, const uint64_t* x, const uint64_t* y, uint64_t* d, void* buf) {
  uint64_t xp = x[0], xn = x[1], yp = y[0], yn = y[1];
  if (xn == 0 || yn == 0) {
    uint64_t p = xn == 0 ? yp : xp, n = xn == 0 ? yn : xn;
    auto lo = reinterpret_cast<uint64_t>(g.stack);
    if (buf == nullptr && n != 0 && p >= lo && p < lo + g.stackSlots * 8) {
      void* bytes = rt::allocateBytes(n, false);
      std::memcpy(bytes, reinterpret_cast<const void*>(p), n);
      p = reinterpret_cast<uint64_t>(bytes);
    }
    d[0] = p;
    d[1] = n;
    return;
  }
  auto* p = static_cast<char*>(buf != nullptr && xn + yn <= kTmpBufBytes ? buf : rt::allocateBytes(xn + yn, false));
  std::memmove(p, reinterpret_cast<const void*>(xp), xn);
  std::memmove(p + xn, reinterpret_cast<const void*>(yp), yn);
  d[0] = reinterpret_cast<uint64_t>(p);
  d[1] = xn + yn;
}

void stringToBytes(const uint64_t* s, uint64_t* d, void* buf) {
  uint64_t p = s[0], n = s[1];
  uint64_t cap;
  void* bytes;
  if (buf != nullptr && n <= kTmpBufBytes) {
    cap = kTmpBufBytes;  // as Go's: the whole buffer, zero past len
    bytes = buf;
    if (n != 0) std::memmove(bytes, reinterpret_cast<const void*>(p), n);
    std::memset(static_cast<char*>(bytes) + n, 0, kTmpBufBytes - n);
  } else {
    cap = n == 0 ? 0 : rt::roundUpSize(n, false);
    bytes = rt::allocateBytes(cap, false);
    if (n != 0) std::memcpy(bytes, reinterpret_cast<const void*>(p), n);
  }
  d[0] = reinterpret_cast<uint64_t>(bytes);
  d[1] = n;
  d[2] = cap;
}

void bytesToString(const uint64_t* s, uint64_t* d, void* buf) {
  uint64_t p = s[0], n = s[1];
  void* bytes = buf != nullptr && n <= kTmpBufBytes ? buf : rt::allocateBytes(n, false);
  if (n != 0) std::memmove(bytes, reinterpret_cast<const void*>(p), n);
  d[0] = reinterpret_cast<uint64_t>(bytes);
  d[1] = n;
}

void stringToRunes(const uint64_t* s, uint64_t* d, void* buf) {
  auto p = reinterpret_cast<const uint8_t*>(s[0]);
  uint64_t n = s[1], count = 0;
  for (uint64_t k = 0; k < n; k += rt::decodeRune(p + k, n - k).width) ++count;
  uint64_t cap;
  int32_t* runes;
  if (buf != nullptr && count <= kTmpBufBytes) {
    cap = kTmpBufBytes;
    runes = static_cast<int32_t*>(buf);
    std::memset(runes + count, 0, (kTmpBufBytes - count) * 4);
  } else {
    cap = count == 0 ? 0 : rt::roundUpSize(count * 4, false) / 4;
    runes = static_cast<int32_t*>(rt::allocateBytes(cap * 4, false));
  }
  uint64_t j = 0;
  for (uint64_t k = 0; k < n;) {
    rt::DecodedRune r = rt::decodeRune(p + k, n - k);
    runes[j++] = r.rune;
    k += r.width;
  }
  d[0] = reinterpret_cast<uint64_t>(runes);
  d[1] = count;
  d[2] = cap;
}

void runesToString(const uint64_t* s, uint64_t* d, void* buf) {
  auto runes = reinterpret_cast<const int32_t*>(s[0]);
  uint64_t n = s[1], bytes = 0;
  uint8_t tmp[4];
  for (uint64_t k = 0; k < n; ++k) bytes += rt::encodeRune(load<int32_t>(reinterpret_cast<uint64_t>(runes + k)), tmp);
  auto* out = static_cast<uint8_t*>(buf != nullptr && bytes <= kTmpBufBytes ? buf : rt::allocateBytes(bytes, false));
  uint64_t j = 0;
  for (uint64_t k = 0; k < n; ++k) j += rt::encodeRune(load<int32_t>(reinterpret_cast<uint64_t>(runes + k)), out + j);
  d[0] = reinterpret_cast<uint64_t>(out);
  d[1] = bytes;
}

// amd64's CVTTSD2SQ, which Go's conversions compile to: NaN and out of
// range give MinInt64.
inline uint64_t truncToInt64(double d) {
  if (d >= -0x1p63 && d < 0x1p63) return static_cast<uint64_t>(static_cast<int64_t>(d));
  return 0x8000000000000000u;
}
inline uint64_t truncToUint64(double d) {
  if (d < 0x1p63) return truncToInt64(d);
  return truncToInt64(d - 0x1p63) ^ 0x8000000000000000u;
}

// Every call runs this: short ranges (the common case) are stored inline,
// a libc memset call costing more than the stores themselves.
__attribute__((always_inline)) inline void zeroPointerSlots(const Function* fn, uint64_t* R) {
  for (uint32_t r = 0; r < fn->zeroRangeCount; ++r) {
    uint64_t* p = R + fn->zeroRanges[r].first;
    switch (uint32_t n = fn->zeroRanges[r].count) {
      case 4: p[3] = 0; [[fallthrough]];
      case 3: p[2] = 0; [[fallthrough]];
      case 2: p[1] = 0; [[fallthrough]];
      case 1: p[0] = 0; break;
      default: std::memset(p, 0, n * sizeof(uint64_t));
    }
  }
}

// Walks g's frames innermost first: f(fn, base, limit) where slots at
// absolute index >= limit belong to a callee (its header and parameters)
// and are not the frame's to scan.
template <typename F>
void forEachFrame(const rt::G& g, F&& f) {
  const Function* fn = g.fn;
  uint64_t base = g.base;
  uint64_t limit = UINT64_MAX;
  while (fn != &goexit()) {
    f(fn, base, limit);
    uint64_t word = g.stack[base + kHeaderCaller];
    fn = callerOf(word);
    limit = base - kFrameHeaderSlots;
    base -= distanceOf(word);
  }
}

// Calls f(slot) for each slot of fn's frame that may hold a pointer when
// the frame stopped at pc: just past the instruction it stopped in (a
// call, an allocation, a parked channel operation), or at the one it
// resumes with (a preempted loop, a recovery). The stack map there
// (vm/liveness.h): its scan set, or with `strict` only the live slots.
// A pc outside the function's code (a frame not started yet, one that
// returns into the runtime: a panic's deferred call, a native's nested
// call) or a function without maps: every slot of the function's pointer
// map, below the live top when `liveTop` (the GC; stack moves take all),
// and none when `strict`.
// Deep recursion stacks one frame of one function at one pc many times:
// the last lookup is kept.
struct FrameMapCache {
  const Function* fn = nullptr;
  const Instr* pc = nullptr;
  const Function::StackMap* map = nullptr;
};

template <typename F>
void forEachFramePointer(const Function* fn, const Instr* pc, bool strict, bool liveTop, FrameMapCache& cache,
                         F&& f) {
  const Instr* end = fn->code + fn->codeWords.size();
  if (pc >= fn->code && pc <= end) {
    if (cache.fn != fn || cache.pc != pc) {
      cache.fn = fn;
      cache.pc = pc;
      cache.map = fn->stackMapAt(static_cast<size_t>(pc - fn->code));
    }
    if (const Function::StackMap* m = cache.map) {
      const uint16_t* slots = fn->stackMapSlots.data() + m->first;
      uint32_t n = strict ? m->liveCount : m->scanCount;
      for (uint32_t k = 0; k < n; ++k) f(uint32_t{slots[k]});
      return;
    }
  }
  if (strict) return;  // nothing is known to be live
  uint32_t live = fn->frameSlots;
  if (liveTop && pc > fn->code && pc <= end) live = fn->liveTopAt(static_cast<size_t>(pc - fn->code) - 1);
  fn->pointers.forEach(live, f);
}

// Frame objects (Function::stackObjects, lang/codegen_func.cpp) are not
// in the stack maps. As Go's stack objects, one is live while something
// live points into it: a live pointer slot of any frame, a frame's closure
// context word, a defer record's closure or arguments, or another live
// frame object. The collector and stack copies find them so: every word
// they take from those roots that points into the goroutine's stack marks
// the frame object holding it, whose pointer words are then taken in turn.
// A frame object nothing live points to is dead: its slots are written
// (zeroed) again before it is next used, so neither its stale pointers
// nor a stack copy's failing to move them matter.
class FrameObjects {
 public:
  // Called for each frame during the walk that gathers the roots.
  void add(const Function* fn, uint64_t base) {
    for (const SlotRange& r : fn->stackObjects) objects_.push_back({base + r.first, base + r.first + r.count, fn, base});
  }
  // Marks the objects holding the stack slots in `reached` (indices into
  // g.stack) and f(slot index) for each pointer slot of each; f may add to
  // `reached`, which ends empty.
  template <typename F>
  void reachAll(std::vector<uint64_t>& reached, F&& f) {
    if (objects_.empty()) {
      reached.clear();
      return;
    }
    std::sort(objects_.begin(), objects_.end(), [](const Object& a, const Object& b) { return a.lo < b.lo; });
    while (!reached.empty()) {
      uint64_t index = reached.back();
      reached.pop_back();
      auto it = std::upper_bound(objects_.begin(), objects_.end(), index,
                                 [](uint64_t i, const Object& o) { return i < o.lo; });
      if (it == objects_.begin()) continue;
      Object& o = *std::prev(it);
      if (index >= o.hi || o.marked) continue;
      o.marked = true;
      for (uint64_t i = o.lo; i < o.hi; ++i)
        if (o.fn->pointers.test(static_cast<uint32_t>(i - o.base))) f(i);
    }
  }

 private:
  struct Object {
    uint64_t lo, hi;  // slot indices
    const Function* fn;
    uint64_t base;
    bool marked = false;
  };
  std::vector<Object> objects_;
};

// After a stack copy, moves every pointer into the old stack by the
// distance the stack moved. Pointer slots come from the frames' stack
// maps at their pcs (forEachStackRoot); a pending callee (whose frame is
// about to be pushed) contributes its parameters. Slots are visited at
// most once per frame, and a moved value lies in the new stack, disjoint
// from the old, so it is never moved twice. A slot the stopped
// instruction is about to write may hold a stale value: moving it is
// harmless, as it is dead.
void adjustStackPointers(rt::G& g, const rt::StackMove& mv, const Function* callee,
                         uint64_t calleeBase) {
  // Frame objects reached through moved pointers are moved in turn (see
  // FrameObjects): `reached` holds their slot indices, the same in both
  // stacks.
  FrameObjects objects;
  std::vector<uint64_t> reached;
  auto adjust = [&](uint64_t* slot) {
    if (*slot >= mv.oldLo && *slot < mv.oldHi) {
      reached.push_back((*slot - mv.oldLo) / sizeof(uint64_t));
      *slot += static_cast<uint64_t>(mv.delta);
    }
  };
  if (callee != nullptr) {
    callee->pointers.forEach(callee->paramSlots, [&](uint32_t s) { adjust(&g.stack[calleeBase + s]); });
  }
  bool innermost = true;
  const Instr* pc = g.pc;
  FrameMapCache cache;
  forEachFrame(g, [&](const Function* fn, uint64_t base, uint64_t limit) {
    if (innermost && callee != nullptr) limit = calleeBase - kFrameHeaderSlots;
    innermost = false;
    forEachFramePointer(fn, pc, false, false, cache, [&](uint32_t s) {
      if (base + s < limit) adjust(&g.stack[base + s]);
    });
    if (fn->usesContext) adjust(&g.stack[base + kHeaderContext]);
    objects.add(fn, base);
    pc = reinterpret_cast<const Instr*>(g.stack[base + kHeaderReturnPc]);
  });
  for (rt::DeferRecord* d = g.defers; d != nullptr; d = d->next) {
    adjust(&d->closure);
    if (d->closure == 0) continue;
    const Function* f = load<const Function*>(d->closure);
    f->pointers.forEach(static_cast<uint32_t>(d->argSlots), [&](uint32_t s) { adjust(&d->args[s]); });
  }
  objects.reachAll(reached, [&](uint64_t i) { adjust(&g.stack[i]); });
}

}  // namespace

bool shrinkStackIfSparse(rt::G& g) {
  if (g.fn == nullptr || g.stack == nullptr || g.nestedCalls != 0) return false;
  uint64_t used = std::min(g.base + g.fn->frameSlots, g.stackSlots);
  if (used * 4 >= g.stackSlots) return false;
  rt::StackMove mv;
  if (!g.shrinkStack(used, &mv)) return false;
  adjustStackPointers(g, mv, nullptr, 0);
  return true;
}

namespace {

void stackRoots(const rt::G& g, void (*visit)(uint64_t word, void* ctx), void* ctx, bool strict) {
  if (g.fn == nullptr || g.stack == nullptr) return;
  // A word into the stack is no heap root but may reach a frame object
  // (FrameObjects above); the others are the collector's candidates.
  FrameObjects objects;
  std::vector<uint64_t> reached;
  auto lo = reinterpret_cast<uint64_t>(g.stack), hi = lo + g.stackSlots * sizeof(uint64_t);
  auto root = [&](uint64_t word) {
    if (word >= lo && word < hi)
      reached.push_back((word - lo) / sizeof(uint64_t));
    else
      visit(word, ctx);
  };
  // Each frame's pc: the G's own for the innermost, the return pc in the
  // callee's header for the others (see forEachFramePointer).
  const Instr* pc = g.pc;
  FrameMapCache cache;
  forEachFrame(g, [&](const Function* fn, uint64_t base, uint64_t limit) {
    forEachFramePointer(fn, pc, strict, true, cache, [&](uint32_t s) {
      if (base + s < limit && base + s < g.stackSlots) root(rt::racyLoad(&g.stack[base + s]));
    });
    if (fn->usesContext) root(rt::racyLoad(&g.stack[base + kHeaderContext]));
    objects.add(fn, base);
    pc = reinterpret_cast<const Instr*>(g.stack[base + kHeaderReturnPc]);
  });
  visit(reinterpret_cast<uint64_t>(g.defers), ctx);
  visit(reinterpret_cast<uint64_t>(g.panics), ctx);
  // Defer records may point into the stack (a deferred closure or argument
  // that does not escape); the record itself is a heap object.
  for (const rt::DeferRecord* d = g.defers; d != nullptr; d = d->next) {
    if (d->closure == 0) continue;
    root(d->closure);
    const Function* f = load<const Function*>(d->closure);
    f->pointers.forEach(static_cast<uint32_t>(d->argSlots), [&](uint32_t s) { root(d->args[s]); });
  }
  objects.reachAll(reached, [&](uint64_t i) { root(rt::racyLoad(&g.stack[i])); });
}

}  // namespace

void forEachStackRoot(const rt::G& g, void (*visit)(uint64_t word, void* ctx), void* ctx) {
  stackRoots(g, visit, ctx, false);
}

void forEachLiveStackRoot(const rt::G& g, void (*visit)(uint64_t word, void* ctx), void* ctx) {
  stackRoots(g, visit, ctx, true);
}

namespace {

// A call found its frame past the stack guard: grow the stack, or notice a
// preemption request (Exit::Yielded: push the frame, then yield), or fail
// with a stack overflow. g's state is saved and describes the caller.
Exit callSlow(Machine& m, rt::G& g, const Function* callee, unsigned a) {
  uint64_t calleeBase = g.base + a;
  uint64_t needed = calleeBase + callee->frameSlots;
  if (needed > g.stackSlots) {
    uint64_t used = std::max<uint64_t>(g.base + g.fn->frameSlots, calleeBase + callee->paramSlots);
    rt::StackMove mv;
    if (!g.growStack(needed, std::min(used, g.stackSlots), &mv)) {
      return m.fatal(g, rt::FatalError::StackOverflow, g.maxStackBytes, "", callee);
    }
    adjustStackPointers(g, mv, callee, calleeBase);
  }
  if (g.preempt.load(std::memory_order_relaxed)) {
    g.clearPreempt();
    return Exit::Yielded;
  }
  g.clearPreempt();  // a guard left low by a racing request
  return Exit::Returned;
}

struct MakeSliceCheck {
  bool lenBad, capBad;
};
// Go's makeslice checks (maxAlloc is 1<<48 on 64-bit Linux).
MakeSliceCheck checkMakeSlice(uint64_t elemSize, int64_t len, int64_t cap) {
  constexpr uint64_t kMaxAlloc = uint64_t{1} << 48;
  auto tooBig = [&](int64_t n) {
    if (n < 0) return true;
    if (elemSize == 0) return false;
    return static_cast<uint64_t>(n) > kMaxAlloc / elemSize;
  };
  if (tooBig(cap) || len < 0 || len > cap) return {tooBig(len), !tooBig(len)};
  return {false, false};
}

// ---- defer, panic, recover ----
//
// DEFER pushes a record (the func value and its arguments, evaluated now)
// on the G's defer stack. RUNDEFERS, which codegen puts in a function's
// epilogue, pops the records of its own frame one at a time and calls
// each in a frame just above the current one, returning to the RUNDEFERS
// itself, which so loops until none is left.
//
// A panic (PANIC, or a runtime error) pushes a PanicRecord and unwinds:
// it pops the newest defer record, whatever frame it belongs to, and calls
// it on top of the stack as it is (the frames between stay, as in Go, so
// the trace shows them), returning to a PANICRESUME word. If the deferred
// call recovered, PANICRESUME drops the frames above the one that deferred
// it and resumes that frame at its recoverPc (its epilogue, which runs its
// remaining defers and returns its named results); otherwise it unwinds to
// the next record. With no record left the panic is reported, newest
// trace, chain of values oldest first ("panic: a [recovered]" /
// "\tpanic: b"), and the goroutine ends with Exit::Panicked.
//
// recover() returns the value only when called by the deferred function a
// panic itself called (its frame returns to PANICRESUME and is the newest
// panic's call), as Go's rule "recover is only useful inside deferred
// functions, called directly" demands.

// The layout of a defer record calling `closure`: `next` and `closure`,
// then the callee's parameters by its frame's pointer map. One per
// function, made on first use; two threads racing make it twice and one
// copy is dropped.
const rt::TypeDesc* deferLayout(uint64_t closure) {
  constexpr uint64_t kHeader = offsetof(rt::DeferRecord, args);
  static const rt::TypeDesc* bare = rt::recordLayout(
      "runtime._defer", kHeader, {offsetof(rt::DeferRecord, next), offsetof(rt::DeferRecord, closure)});
  if (closure == 0) return bare;
  const Function* f = load<const Function*>(closure);
  if (const rt::TypeDesc* t = f->deferLayout.load(std::memory_order_acquire)) return t;
  auto* t = new rt::TypeDesc(*bare);
  t->size = kHeader + f->paramSlots * sizeof(uint64_t);
  f->pointers.forEach(f->paramSlots, [&](uint32_t s) { t->setPointerWord(kHeader / 8 + s); });
  const rt::TypeDesc* expected = nullptr;
  if (!f->deferLayout.compare_exchange_strong(expected, t, std::memory_order_acq_rel)) {
    delete t;
    return expected;
  }
  return t;
}

// Calls `d` in a frame just above g's current frame, returning to retpc.
// On success g's state is the deferred function's entry.
Exit pushDeferredCall(Machine& m, rt::G& g, rt::DeferRecord* d, const Instr* retpc) {
  const Function* callee = load<const Function*>(d->closure);
  uint64_t a = g.fn->frameSlots + kFrameHeaderSlots;
  uint64_t calleeBase = g.base + a;
  if (calleeBase + callee->frameSlots > g.stackSlots) {
    rt::StackMove mv;
    if (!g.growStack(calleeBase + callee->frameSlots, g.base + g.fn->frameSlots, &mv))
      return m.fatal(g, rt::FatalError::StackOverflow, g.maxStackBytes, "", callee);
    adjustStackPointers(g, mv, nullptr, 0);
  }
  uint64_t* nb = g.stack + calleeBase;
  std::memcpy(nb, d->args, d->argSlots * sizeof(uint64_t));
  nb[kHeaderReturnPc] = reinterpret_cast<uint64_t>(retpc);
  nb[kHeaderCaller] = callerWord(g.fn, a);
  nb[kHeaderContext] = d->closure;
  zeroPointerSlots(callee, nb);
  g.fn = callee;
  g.pc = callee->code;
  g.base = calleeBase;
  return Exit::Returned;
}

std::string formatPanicValue(uint64_t typeWord, uint64_t data) {
  if (typeWord == 0) return "nil";
  auto type = reinterpret_cast<const rt::TypeDesc*>(typeWord);
  if (type == runtimeErrorType()) return std::string(load<const char*>(data), load<uint64_t>(data + 8));
  using K = rt::TypeKind;
  std::string v;
  switch (type->kind) {
    case K::Bool:
      v = load<uint8_t>(data) != 0 ? "true" : "false";
      break;
    case K::Int8:
      v = fmt::format("{}", load<int8_t>(data));
      break;
    case K::Int16:
      v = fmt::format("{}", load<int16_t>(data));
      break;
    case K::Int32:
      v = fmt::format("{}", load<int32_t>(data));
      break;
    case K::Int:
    case K::Int64:
      v = fmt::format("{}", load<int64_t>(data));
      break;
    case K::Uint8:
      v = fmt::format("{}", load<uint8_t>(data));
      break;
    case K::Uint16:
      v = fmt::format("{}", load<uint16_t>(data));
      break;
    case K::Uint32:
      v = fmt::format("{}", load<uint32_t>(data));
      break;
    case K::Uint:
    case K::Uint64:
    case K::Uintptr:
      v = fmt::format("{}", load<uint64_t>(data));
      break;
    case K::Float32:
      v = rt::printFloat(load<float>(data));
      break;
    case K::Float64:
      v = rt::printFloat(load<double>(data));
      break;
    case K::String:
      v = std::string(load<const char*>(data), load<uint64_t>(data + 8));
      if (type->name != "string") return fmt::format("{}(\"{}\")", type->name, v);
      return v;
    default:
      // Go prints other values by type and address; a type with an Error
      // or String method prints what it returns (to come with interfaces).
      return fmt::format("({}) {}", type->name, rt::printHex(data));
  }
  // A named basic type prints as a conversion: main.Celsius(20).
  static constexpr std::string_view kBasic[] = {"bool", "int", "int8", "int16", "int32", "int64",
                                                "uint", "uint8", "uint16", "uint32", "uint64",
                                                "uintptr", "float32", "float64", "byte", "rune"};
  for (std::string_view b : kBasic)
    if (type->name == b) return v;
  return fmt::format("{}({})", type->name, v);
}

NestedResult callNestedImpl(Machine& m, rt::G& g, const Function* callee, uint64_t closure,
                            std::span<const uint64_t> args, std::span<uint64_t> results,
                            uint64_t* panicType, uint64_t* panicData);

// A panic value with an Error or String method prints what it returns (the
// runtime calls it, as Go's printpanicval does).
std::string describePanicValue(Machine& m, rt::G& g, uint64_t typeWord, uint64_t data) {
  if (typeWord != 0) {
    auto type = reinterpret_cast<const rt::TypeDesc*>(typeWord);
    const rt::Method* method = type->findMethod("Error");
    if (method == nullptr || !method->returnsString) method = type->findMethod("String");
    if (method != nullptr && method->returnsString && method->fn != nullptr &&
        type != runtimeErrorType()) {
      uint64_t args[1] = {data};
      uint64_t out[2] = {0, 0};
      if (callNestedImpl(m, g, static_cast<const Function*>(method->fn), 0, args, out, nullptr, nullptr) ==
          NestedResult::Ok)
        return std::string(reinterpret_cast<const char*>(out[0]), out[1]);
    }
  }
  return formatPanicValue(typeWord, data);
}

Exit reportPanic(Machine& m, rt::G& g) {
  std::vector<const rt::PanicRecord*> chain;
  for (const rt::PanicRecord* p = g.panics; p != nullptr; p = p->link) chain.push_back(p);
  std::string out;
  for (size_t k = chain.size(); k-- > 0;) {
    const rt::PanicRecord* p = chain[k];
    if (p->runtimeError == kGoexitRecord) continue;  // not a panic: Go prints nothing for it
    if (k + 1 != chain.size()) out += "\t";
    out += "panic: " + describePanicValue(m, g, p->typeWord, p->dataWord);
    if (p->recovered) out += " [recovered]";
    out += "\n";
  }
  if (g.panics->runtimeError == static_cast<int32_t>(rt::RuntimeError::NilDeref))
    out += std::string(rt::kNilDerefSignalLine) + "\n";
  m.report = out + "\n" + m.panicTrace;
  m.exitCode = rt::kPanicExitCode;
  return Exit::Panicked;
}

// Runs the next deferred call for the newest panic, or reports it.
Exit unwind(Machine& m, rt::G& g);

Exit startPanic(Machine& m, rt::G& g, uint64_t typeWord, uint64_t dataWord, int32_t runtimeError) {
  // The type word is a descriptor or an itab, never in the heap.
  static const rt::TypeDesc* layout = rt::recordLayout(
      "runtime._panic", sizeof(rt::PanicRecord), {offsetof(rt::PanicRecord, link), offsetof(rt::PanicRecord, dataWord)});
  auto* p = static_cast<rt::PanicRecord*>(rt::allocate(layout));
  p->link = g.panics;
  p->typeWord = typeWord;
  p->dataWord = dataWord;
  p->runtimeError = runtimeError;
  p->recovered = false;
  g.panics = p;
  m.panicTrace = traceback(g);
  return unwind(m, g);
}

Exit startRuntimePanic(Machine& m, rt::G& g, rt::RuntimeError e, int64_t x, int64_t y,
                       const std::string& s2 = "", const std::string& s3 = "",
                       const std::string& s4 = "") {
  std::string text = rt::runtimeErrorText(e, x, y, s2, s3, s4);
  auto* bytes = static_cast<char*>(rt::allocateBytes(text.size(), false));
  std::memcpy(bytes, text.data(), text.size());
  static const rt::TypeDesc* stringLayout = rt::recordLayout("string", 16, {0});
  auto* str = static_cast<uint64_t*>(rt::allocate(stringLayout));
  str[0] = reinterpret_cast<uint64_t>(bytes);
  str[1] = text.size();
  return startPanic(m, g, reinterpret_cast<uint64_t>(runtimeErrorType()),
                    reinterpret_cast<uint64_t>(str), static_cast<int32_t>(e));
}

Exit unwind(Machine& m, rt::G& g) {
  rt::DeferRecord* d = g.defers;
  if (d == nullptr) {
    if (g.panics->runtimeError == kGoexitRecord) return Exit::Goexit;
    return reportPanic(m, g);
  }
  g.defers = d->next;
  if (d->closure == 0) return startRuntimePanic(m, g, rt::RuntimeError::NilDeref, 0, 0);
  rt::PanicRecord* p = g.panics;
  p->deferFrameBase = d->frameBase;
  p->callerPc = reinterpret_cast<uint64_t>(g.pc);
  Exit e = pushDeferredCall(m, g, d, kPanicResumeCode);
  if (e != Exit::Returned) return e;
  p->callBase = g.base;
  return Exit::Returned;
}

// A deferred call run by the newest panic returned (g's state is the frame
// it was called above).
Exit resumePanic(Machine& m, rt::G& g) {
  rt::PanicRecord* p = g.panics;
  if (!p->recovered) return unwind(m, g);
  uint64_t target = p->deferFrameBase;
  const Function* targetFn = nullptr;
  forEachFrame(g, [&](const Function* fn, uint64_t base, uint64_t) {
    if (base == target && targetFn == nullptr) targetFn = fn;
  });
  if (targetFn == nullptr || targetFn->recoverPc == UINT32_MAX) {
    return m.fatal(g, rt::FatalError::NotImplemented, 0,
                   "recovery into a function without a recover point");
  }
  // Panics whose deferred call ran in a frame now being dropped are over.
  g.panics = p->link;
  while (g.panics != nullptr && g.panics->callBase > target) g.panics = g.panics->link;
  g.fn = targetFn;
  g.base = target;
  g.pc = targetFn->code + targetFn->recoverPc;
  return Exit::Returned;
}

// ---- channel slow paths ----
// Each runs one channel instruction (runtime/chan.h) with g's state saved,
// pc just past the instruction. nullopt: go on with the next instruction;
// else what RESUME_AFTER should do with. A G that must wait parks with
// G::resumeOp = Collect: woken, it runs the instruction again, which then
// only collects the outcome (chanResume). Inside a nested call (a native's C++ frames below) a G
// cannot park: it polls without blocking instead (waitPolling, vm/natives.h).

std::optional<Exit> parkOnInstruction(rt::G& g) {
  g.resumeOp = rt::ResumeOp::Collect;
  return Exit::Parked;
}

rt::Scheduler* channelScheduler(Machine& m, rt::G& g, std::optional<Exit>* failed) {
  rt::Scheduler* sched = rt::currentScheduler();
  if (sched == nullptr)
    *failed = m.fatal(g, rt::FatalError::NotImplemented, 0, "a channel operation outside the scheduler");
  return sched;
}

// A send or receive: attempt(sched, block) starts it; a G woken after it
// parked collects the outcome instead. nullopt: *st says how it ended.
template <class Attempt>
std::optional<Exit> chanOp(Machine& m, rt::G& g, rt::ChanStatus* st, Attempt attempt) {
  if (g.resumeOp == rt::ResumeOp::Collect) {
    g.resumeOp = rt::ResumeOp::None;
    *st = rt::chanResume(g);
    return std::nullopt;
  }
  std::optional<Exit> failed;
  rt::Scheduler* sched = channelScheduler(m, g, &failed);
  if (sched == nullptr) return failed;
  if (g.nestedCalls == 0) {
    *st = attempt(*sched, true);
    if (*st == rt::ChanStatus::Parked) return parkOnInstruction(g);
  } else if (!waitPolling(m, g, [&] { return (*st = attempt(*sched, false)) != rt::ChanStatus::WouldBlock; })) {
    return Exit::Fatal;
  }
  return std::nullopt;
}

std::optional<Exit> chanSendOp(Machine& m, rt::G& g, rt::Chan* c, const uint64_t* src) {
  rt::ChanStatus st;
  if (std::optional<Exit> e = chanOp(m, g, &st, [&](rt::Scheduler& sched, bool block) {
        return rt::chanSend(sched, c, src, &g, block);
      }))
    return e;
  if (st == rt::ChanStatus::Closed) return startRuntimePanic(m, g, rt::RuntimeError::SendOnClosed, 0, 0);
  return std::nullopt;
}

// ok: where the comma-ok result goes, or null.
std::optional<Exit> chanRecvOp(Machine& m, rt::G& g, rt::Chan* c, uint64_t* dst, uint64_t* ok) {
  rt::ChanStatus st;
  if (std::optional<Exit> e = chanOp(m, g, &st, [&](rt::Scheduler& sched, bool block) {
        return rt::chanRecv(sched, c, dst, &g, block);
      }))
    return e;
  if (ok != nullptr) *ok = st == rt::ChanStatus::Ok ? 1 : 0;
  return std::nullopt;
}

std::optional<Exit> chanCloseOp(Machine& m, rt::G& g, rt::Chan* c) {
  std::optional<Exit> failed;
  rt::Scheduler* sched = channelScheduler(m, g, &failed);
  if (sched == nullptr) return failed;
  switch (rt::chanClose(*sched, c)) {
    case rt::CloseStatus::Ok: return std::nullopt;
    case rt::CloseStatus::Nil: return startRuntimePanic(m, g, rt::RuntimeError::CloseOfNil, 0, 0);
    case rt::CloseStatus::AlreadyClosed:
      return startRuntimePanic(m, g, rt::RuntimeError::CloseOfClosed, 0, 0);
  }
  return std::nullopt;
}

// SELECT: `table` holds n cases of three slots (chan, element slot index,
// is-send); the chosen case goes to out[0] (-1: default), ok to out[1].
std::optional<Exit> selectOp(Machine& m, rt::G& g, uint64_t* frame, const uint64_t* table,
                             unsigned n, bool hasDefault, uint64_t* out) {
  int chosen;
  bool recvOk = false;
  bool closedSend = false;
  if (g.resumeOp == rt::ResumeOp::Collect) {
    g.resumeOp = rt::ResumeOp::None;
    closedSend = rt::chanResume(g, &chosen, &recvOk) == rt::ChanStatus::Closed;
  } else {
    std::optional<Exit> failed;
    rt::Scheduler* sched = channelScheduler(m, g, &failed);
    if (sched == nullptr) return failed;
    constexpr unsigned kInline = 8;
    rt::SelectCase inlineCases[kInline];
    std::vector<rt::SelectCase> heapCases;
    rt::SelectCase* cases = inlineCases;
    if (n > kInline) {
      heapCases.resize(n);
      cases = heapCases.data();
    }
    for (unsigned k = 0; k < n; ++k) {
      const uint64_t* t = table + 3 * k;
      cases[k] = {reinterpret_cast<rt::Chan*>(t[0]), frame + t[1], t[2] != 0};
    }
    bool block = !hasDefault;
    if (block && g.nestedCalls > 0) {
      if (!waitPolling(m, g, [&] {
            chosen = rt::selectGo(*sched, g, cases, static_cast<int>(n), false, &recvOk);
            return chosen != rt::kSelectDefault;
          }))
        return Exit::Fatal;
    } else {
      chosen = rt::selectGo(*sched, g, cases, static_cast<int>(n), block, &recvOk);
      if (chosen == rt::kSelectParked) return parkOnInstruction(g);
    }
    if (chosen == rt::kSelectSendClosed)
      return startRuntimePanic(m, g, rt::RuntimeError::SendOnClosed, 0, 0);
  }
  // Woken by the close of a channel it was sending on.
  if (chosen >= 0 && table[3 * chosen + 2] != 0 && !recvOk && closedSend)
    return startRuntimePanic(m, g, rt::RuntimeError::SendOnClosed, 0, 0);
  out[0] = static_cast<uint64_t>(static_cast<int64_t>(chosen));
  out[1] = recvOk ? 1 : 0;
  return std::nullopt;
}

// ---- interface slow paths ----
// Out of line so that no handler of the dispatch loop owns a std::string
// (an indirect goto may not jump past its construction). Each returns
// nothing on success, or how the panic it started left the goroutine.

std::optional<Exit> makeItab(Machine& m, rt::G& g, const rt::TypeDesc* iface, uint64_t* out,
                             uint64_t typeWord) {
  auto dyn = reinterpret_cast<const rt::TypeDesc*>(typeWord);
  if (dyn == nullptr) {
    *out = 0;
    return std::nullopt;
  }
  std::string missing;
  const rt::Itab* tab = rt::getItab(iface, dyn, &missing);
  if (tab == nullptr)
    return startRuntimePanic(m, g, rt::RuntimeError::AssertMissingMethod, 0, 0, dyn->name,
                             iface->name, missing);
  *out = reinterpret_cast<uint64_t>(tab);
  return std::nullopt;
}

// ASSERT: mode 1 = the source is a non-empty interface (itab word), 2 =
// the target is an interface type, 4 = comma-ok.
std::optional<Exit> typeAssert(Machine& m, rt::G& g, const rt::TypeDesc* target, unsigned mode,
                               uint64_t* d, const uint64_t* x) {
  uint64_t word = x[0], data = x[1];
  bool fromIface = (mode & 1) != 0, toIface = (mode & 2) != 0, commaOk = (mode & 4) != 0;
  const rt::TypeDesc* dyn = word == 0 ? nullptr
                                      : (fromIface ? reinterpret_cast<const rt::Itab*>(word)->type
                                                   : reinterpret_cast<const rt::TypeDesc*>(word));
  auto fail = [&](rt::RuntimeError e, const std::string& s2, const std::string& s4) {
    return startRuntimePanic(m, g, e, 0, 0, s2, target->name, s4);
  };
  if (!toIface) {
    if (dyn == target) {
      d[0] = data;
      if (commaOk) d[1] = 1;
      return std::nullopt;
    }
    if (commaOk) {
      d[0] = d[1] = 0;
      return std::nullopt;
    }
    if (fromIface && dyn == nullptr) return fail(rt::RuntimeError::AssertNilToIface, "", "");
    std::string dynName = dyn == nullptr ? "nil" : dyn->name;
    if (fromIface)
      return fail(rt::RuntimeError::AssertFromIface, dynName,
                  reinterpret_cast<const rt::Itab*>(word)->iface->name);
    return fail(rt::RuntimeError::AssertFromEmpty, dynName, "");
  }
  std::string missing;
  uint64_t resultWord = 0;
  if (dyn != nullptr) {
    resultWord = target->methods.empty()
                     ? reinterpret_cast<uint64_t>(dyn)
                     : reinterpret_cast<uint64_t>(rt::getItab(target, dyn, &missing));
  }
  if (resultWord != 0) {
    d[0] = resultWord;
    d[1] = data;
    if (commaOk) d[2] = 1;
    return std::nullopt;
  }
  if (commaOk) {
    d[0] = d[1] = d[2] = 0;
    return std::nullopt;
  }
  if (dyn == nullptr) return fail(rt::RuntimeError::AssertNilToIface, "", "");
  return fail(rt::RuntimeError::AssertMissingMethod, dyn->name, missing);
}

}  // namespace

const Function* goexitFunction() { return &goexit(); }

// A call from a native back into Gol. The callee's frame goes above the
// whole frame of the function that made the native call (its window lies
// inside that frame), returning to kNestedReturnCode, whose HALT ends the
// nested execute(). The goroutine's deferred calls are set aside meanwhile,
// so that a panic in the callee unwinds the callee's frames only: natives
// are a boundary panics do not cross (fmt turns them into %!v(PANIC=...),
// others re-panic with the value).
NestedResult callNested(Machine& m, rt::G& g, const Function* callee, uint64_t closure,
                        std::span<const uint64_t> args, std::span<uint64_t> results,
                        uint64_t* panicType, uint64_t* panicData) {
  return callNestedImpl(m, g, callee, closure, args, results, panicType, panicData);
}

namespace {

NestedResult callNestedImpl(Machine& m, rt::G& g, const Function* callee, uint64_t closure,
                            std::span<const uint64_t> args, std::span<uint64_t> results,
                            uint64_t* panicType, uint64_t* panicData) {
  const Function* outerFn = g.fn;
  const Instr* outerPc = g.pc;
  uint64_t outerBase = g.base;
  uint64_t a = outerFn->frameSlots + kFrameHeaderSlots;
  uint64_t calleeBase = outerBase + a;
  if (calleeBase + callee->frameSlots > g.stackSlots) {
    rt::StackMove mv;
    if (!g.growStack(calleeBase + callee->frameSlots, outerBase + outerFn->frameSlots, &mv)) {
      m.fatal(g, rt::FatalError::StackOverflow, g.maxStackBytes, "", callee);
      m.fatalReported = true;
      return NestedResult::Fatal;
    }
    adjustStackPointers(g, mv, nullptr, 0);
  }
  uint64_t* nb = g.stack + calleeBase;
  std::copy(args.begin(), args.end(), nb);
  nb[kHeaderReturnPc] = reinterpret_cast<uint64_t>(&kNestedReturnCode[0]);
  nb[kHeaderCaller] = callerWord(outerFn, a);
  nb[kHeaderContext] = closure;
  zeroPointerSlots(callee, nb);
  rt::DeferRecord* savedDefers = g.defers;
  rt::PanicRecord* savedPanics = g.panics;
  g.defers = nullptr;
  g.fn = callee;
  g.pc = callee->code;
  g.base = calleeBase;
  auto restore = [&] {
    g.fn = outerFn;
    g.pc = outerPc;
    g.base = outerBase;
    g.defers = savedDefers;
    g.panics = savedPanics;
    g.status = rt::GStatus::Running;
  };
  struct NestedScope {
    rt::G& g;
    explicit NestedScope(rt::G& gg) : g(gg) { ++g.nestedCalls; }
    ~NestedScope() { --g.nestedCalls; }
  } scope(g);
  for (;;) {
    switch (execute(m, g)) {
      case Exit::Yielded: {
        // The native's C++ frames are below: the G keeps its M (a nested
        // call is not a safepoint), unless the program is ending.
        rt::Scheduler* sched = rt::currentScheduler();
        if (sched != nullptr && sched->exiting()) {
          m.fatalReported = true;
          return NestedResult::Fatal;
        }
        // A safepoint all the same for stopping the world (the native's
        // C++ locals are not roots: see vm/gc.cpp).
        if (sched != nullptr) sched->worldSafepoint();
        continue;
      }
      case Exit::Returned: {
        const uint64_t* r = g.stack + calleeBase;
        std::copy(r, r + results.size(), results.begin());
        restore();
        return NestedResult::Ok;
      }
      case Exit::Parked:
      case Exit::Goexit:
        m.fatal(g, rt::FatalError::NotImplemented, 0,
                "parking or runtime.Goexit inside a method called by a native");
        m.fatalReported = true;
        return NestedResult::Fatal;
      case Exit::Panicked:
        if (panicType) *panicType = g.panics->typeWord;
        if (panicData) *panicData = g.panics->dataWord;
        m.report.clear();
        m.exitCode = 0;
        restore();
        return NestedResult::Panicked;
      case Exit::Fatal:
        m.fatalReported = true;
        return NestedResult::Fatal;
      case Exit::Exited:
        return NestedResult::Fatal;
    }
  }
}

}  // namespace

namespace {
rt::TypeDesc& runtimeErrorDesc() {
  static rt::TypeDesc t = [] {
    rt::TypeDesc d;
    d.name = "runtime.Error";
    d.kind = rt::TypeKind::Struct;
    d.named = true;
    d.size = 16;
    d.pointerWords = {1};
    return d;
  }();
  return t;
}
}  // namespace

const rt::TypeDesc* runtimeErrorType() { return &runtimeErrorDesc(); }

void setRuntimeErrorMethods(const Function* errorMethod, const Function* runtimeErrorMethod) {
  runtimeErrorDesc().methods = {rt::Method{"Error", errorMethod, true},
                                rt::Method{"RuntimeError", runtimeErrorMethod, false}};
}

Exit Machine::fatal(rt::G& g, rt::FatalError e, uint64_t number, const std::string& what,
                    const Function* pendingCallee) {
  report = rt::fatalErrorText(e, number, what) + "\n" + traceback(g, pendingCallee);
  exitCode = rt::kPanicExitCode;
  return Exit::Fatal;
}

std::string traceback(const rt::G& g, const Function* pendingCallee) {
  constexpr size_t kEnds = 50;  // Go 1.21+: the first and last 50 frames
  auto line = [](const Function* fn, int32_t lineNo) {
    return fmt::format("{}({})\n\t{}:{}\n", fn->name, fn->paramSlots > 0 ? "..." : "", fn->file,
                       lineNo);
  };
  std::string state = "running";
  if (g.status == rt::GStatus::Waiting) state = rt::waitReasonString(g.waitReason);
  std::string out = fmt::format("goroutine {} [{}]:\n", g.id, state);
  std::vector<std::string> head;
  std::deque<std::string> tail;
  size_t total = 0;
  auto add = [&](std::string s) {
    ++total;
    if (head.size() < kEnds) {
      head.push_back(std::move(s));
      return;
    }
    tail.push_back(std::move(s));
    if (tail.size() > kEnds) tail.pop_front();
  };
  if (pendingCallee != nullptr) add(line(pendingCallee, pendingCallee->lineAt(0)));
  // Every saved or return pc points just past its instruction's first word.
  const Instr* pc = g.pc;
  forEachFrame(g, [&](const Function* fn, uint64_t base, uint64_t) {
    // The program's entry is runtime code, which Go's tracebacks leave out.
    if (fn->name != "runtime.main") add(line(fn, fn->lineAt(static_cast<size_t>(pc - fn->code) - 1)));
    pc = reinterpret_cast<const Instr*>(g.stack[base + kHeaderReturnPc]);
    if (pc == kPanicResumeCode) {
      // A deferred call run by a panic: its caller stopped where it was
      // when the call was made.
      for (const rt::PanicRecord* p = g.panics; p != nullptr; p = p->link)
        if (p->callBase == base) pc = reinterpret_cast<const Instr*>(p->callerPc);
    }
  });
  for (auto& s : head) out += s;
  if (total > head.size() + tail.size())
    out += fmt::format("...{} frames elided...\n", total - head.size() - tail.size());
  for (auto& s : tail) out += s;
  if (g.createdBy != nullptr)
    out += fmt::format("created by {} in goroutine {}\n\t{}:{}\n", g.createdBy->name, g.createdByGoid,
                       g.createdBy->file, g.createdLine);
  return out;
}

bool enter(Machine& m, rt::G& g, uint32_t index, std::span<const uint64_t> args) {
  return enterClosure(m, g, reinterpret_cast<uint64_t>(&m.module.functionTable.at(index)->staticClosure),
                      args);
}

bool enterClosure(Machine& m, rt::G& g, uint64_t closure, std::span<const uint64_t> args) {
  const Function* fn = load<const Function*>(closure);
  uint64_t needed = kFrameHeaderSlots + fn->frameSlots;
  if (needed > g.stackSlots) {
    rt::StackMove mv;
    if (!g.growStack(needed, 0, &mv)) {
      g.fn = &goexit();
      g.pc = kEntryCode + 1;  // just past HALT
      g.base = 0;
      m.fatal(g, rt::FatalError::StackOverflow, g.maxStackBytes, "", fn);
      return false;
    }
  }
  g.stack[0] = reinterpret_cast<uint64_t>(&kEntryCode[0]);
  g.stack[1] = callerWord(&goexit(), kFrameHeaderSlots);
  g.stack[2] = closure;
  uint64_t* R = g.stack + kFrameHeaderSlots;
  std::copy(args.begin(), args.end(), R);
  zeroPointerSlots(fn, R);
  g.fn = fn;
  g.pc = fn->code;
  g.base = kFrameHeaderSlots;
  g.status = rt::GStatus::Runnable;
  return true;
}

RunResult runMain(Module& m, uint64_t maxStackBytes) {
  Machine machine(m);
  Goroutines goroutines(machine);
  return goroutines.run(static_cast<uint32_t>(m.mainIndex), maxStackBytes);
}

Exit execute(Machine& m, rt::G& gref) {
  rt::G* const g = &gref;
  g->status = rt::GStatus::Running;
  const Function* fn = g->fn;
  const Instr* pc = g->pc;
  // Parked inside an instruction: run it again (see rt::ResumeOp).
  if (g->resumeOp != rt::ResumeOp::None) [[unlikely]] {
    --pc;
    if (g->resumeOp == rt::ResumeOp::Retry) g->resumeOp = rt::ResumeOp::None;
  }
  uint64_t* R = g->stack + g->base;
  const uint64_t* K = fn->consts;
  // The tables of fn's module (Function::module; the Machine's for a
  // function that belongs to none). Only the REPL runs more than one
  // module, so the check after each change of function never fires
  // elsewhere.
  Module* mod = fn->module != nullptr ? fn->module : &m.module;
  const Function* const* F = mod->functionTable.data();
  const Native* NAT = mod->natives.data();
  const std::unique_ptr<rt::TypeDesc>* T = mod->types.data();
  uint64_t* GL = mod->globals.data();
#define SYNC_MODULE()                                                   \
  do {                                                                  \
    if (UNLIKELY(fn->module != mod) && fn->module != nullptr) {         \
      mod = fn->module;                                                 \
      F = mod->functionTable.data();                                    \
      NAT = mod->natives.data();                                        \
      T = mod->types.data();                                            \
      GL = mod->globals.data();                                         \
    }                                                                   \
  } while (0)
  Instr i = 0;

// ---- the named points where hot state goes back to the G ----
#define SAVE() (g->fn = fn, g->pc = pc, g->base = static_cast<uint64_t>(R - g->stack))
#define RELOAD_BASE() (R = g->stack + g->base)

#define A argA(i)
#define RA R[argA(i)]
#define RB R[argB(i)]
#define RC R[argC(i)]
#define FB f64(R[argB(i)])
#define FC f64(R[argC(i)])
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

#define LOAD_STATE()                                                   \
  do {                                                                 \
    fn = g->fn, pc = g->pc, R = g->stack + g->base, K = fn->consts;    \
    SYNC_MODULE();                                                     \
  } while (0)
// Continue after a slow path that may have switched frames (a panic ran a
// deferred call, or recovered): reload everything from the G.
#define RESUME_AFTER(expr)                 \
  do {                                     \
    Exit e_ = (expr);                      \
    if (e_ != Exit::Returned) {            \
      g->status = rt::GStatus::Runnable;   \
      return e_;                           \
    }                                      \
    LOAD_STATE();                          \
    NEXT();                                \
  } while (0)
#define PANIC(kind, x, y)                                                                   \
  do {                                                                                      \
    SAVE();                                                                                 \
    RESUME_AFTER(startRuntimePanic(m, *g, rt::RuntimeError::kind, static_cast<int64_t>(x), \
                                   static_cast<int64_t>(y)));                               \
  } while (0)
#define PANIC_S(kind, s2, s3, s4) \
  do {                                                                                   \
    SAVE();                                                                              \
    RESUME_AFTER(startRuntimePanic(m, *g, rt::RuntimeError::kind, 0, 0, (s2), (s3), (s4))); \
  } while (0)
#define NILCHECK(p) \
  if (UNLIKELY((p) == 0)) PANIC(NilDeref, 0, 0)

// A safepoint: honour a preemption request.
#define POLL()                                               \
  if (UNLIKELY(g->preempt.load(std::memory_order_relaxed))) { \
    SAVE();                                                  \
    g->clearPreempt();                                       \
    g->status = rt::GStatus::Runnable;                       \
    return Exit::Yielded;                                    \
  }
// Conditional jumps are safepoints when they jump backwards: a loop closed
// by a fused compare-and-branch polls there instead of at a LOOP.
#define COND_JUMP(cond, offset) \
  {                             \
    if (cond) {                 \
      int off_ = (offset);      \
      pc += off_;               \
      if (off_ < 0) POLL();     \
    }                           \
    NEXT();                     \
  }

#define PUSH_FRAME(callee, a)                                                  \
  do {                                                                         \
    uint64_t* nb_ = R + (a);                                                   \
    nb_[kHeaderReturnPc] = reinterpret_cast<uint64_t>(pc);                     \
    nb_[kHeaderCaller] = callerWord(fn, (a));                                  \
    fn = (callee);                                                             \
    K = fn->consts;                                                            \
    SYNC_MODULE();                                                             \
    pc = fn->code;                                                             \
    R = nb_;                                                                   \
    if (UNLIKELY(fn->zeroRangeCount != 0)) zeroPointerSlots(fn, R);            \
  } while (0)
#define FRAME_FITS(callee, a)                                                         \
  LIKELY(reinterpret_cast<uintptr_t>(R + (a) + (callee)->frameSlots) <=                \
         g->stackGuard.load(std::memory_order_relaxed))

#define DO_RETURN()                                                           \
  do {                                                                        \
    uint64_t w_ = R[kHeaderCaller];                                           \
    pc = reinterpret_cast<const Instr*>(R[kHeaderReturnPc]);                  \
    fn = callerOf(w_);                                                        \
    R -= distanceOf(w_);                                                      \
    K = fn->consts;                                                           \
    SYNC_MODULE();                                                            \
    NEXT();                                                                   \
  } while (0)

#if GOL_COMPUTED_GOTO
  static const void* const kDispatch[kOpCount] = {
#define GOL_X(name, format, flags, doc) &&L_##name,
      GOL_OPCODES_CORE(GOL_X)
#undef GOL_X
#define GOL_X(name, format, flags, doc) &&L_unimplemented,
          GOL_OPCODES_PLANNED(GOL_X)
#undef GOL_X
  };
#define CASE(name) L_##name:
#define NEXT()                          \
  do {                                  \
    i = *pc++;                          \
    goto* kDispatch[i & 0xFFFF];        \
  } while (0)
  NEXT();
  {
#else
#define CASE(name) case Op::name:
#define NEXT() goto dispatch
dispatch:
  i = *pc++;
  switch (opOf(i)) {
#define GOL_X(name, format, flags, doc) case Op::name:
    GOL_OPCODES_PLANNED(GOL_X)
#undef GOL_X
    goto L_unimplemented;
    case Op::kCount:
      goto L_unimplemented;
#endif

    // ---- control ----
    CASE(NOP) NEXT();
    CASE(HALT) {
      SAVE();
      g->status = rt::GStatus::Dead;
      return Exit::Returned;
    }
    CASE(JMP) {
      pc += argSBx(i);
      NEXT();
    }
    CASE(LOOP) {
      pc += argSBx(i);
      POLL();
      NEXT();
    }
    CASE(JT) COND_JUMP(RA != 0, argSBx(i))
    CASE(JF) COND_JUMP(RA == 0, argSBx(i))
    CASE(JEQ) COND_JUMP(RA == RB, argSC(i))
    CASE(JNE) COND_JUMP(RA != RB, argSC(i))
    CASE(JLT_S) COND_JUMP(static_cast<int64_t>(RA) < static_cast<int64_t>(RB), argSC(i))
    CASE(JLE_S) COND_JUMP(static_cast<int64_t>(RA) <= static_cast<int64_t>(RB), argSC(i))
    CASE(JLT_U) COND_JUMP(RA < RB, argSC(i))
    CASE(JLE_U) COND_JUMP(RA <= RB, argSC(i))
    CASE(JEQI) COND_JUMP(static_cast<int64_t>(RA) == argSB(i), argSC(i))
    CASE(JNEI) COND_JUMP(static_cast<int64_t>(RA) != argSB(i), argSC(i))
    CASE(JLTI) COND_JUMP(static_cast<int64_t>(RA) < argSB(i), argSC(i))
    CASE(JLEI) COND_JUMP(static_cast<int64_t>(RA) <= argSB(i), argSC(i))
    CASE(JGTI) COND_JUMP(static_cast<int64_t>(RA) > argSB(i), argSC(i))
    CASE(JGEI) COND_JUMP(static_cast<int64_t>(RA) >= argSB(i), argSC(i))
    CASE(JEQ_F) COND_JUMP(f64(RA) == FB, argSC(i))
    CASE(JNE_F) COND_JUMP(f64(RA) != FB, argSC(i))
    CASE(JLT_F) COND_JUMP(f64(RA) < FB, argSC(i))
    CASE(JLE_F) COND_JUMP(f64(RA) <= FB, argSC(i))
    CASE(JNLT_F) COND_JUMP(!(f64(RA) < FB), argSC(i))
    CASE(JNLE_F) COND_JUMP(!(f64(RA) <= FB), argSC(i))
    CASE(INCJLT) {
      uint64_t v = RA + 1;
      RA = v;
      COND_JUMP(static_cast<int64_t>(v) < static_cast<int64_t>(RB), argSC(i))
    }

    // ---- moves and constants ----
    CASE(MOV) {
      RA = RB;
      NEXT();
    }
    CASE(MOV2) {
      const uint64_t* s = &RB;
      uint64_t x0 = s[0], x1 = s[1];
      uint64_t* d = &RA;
      d[0] = x0;
      d[1] = x1;
      NEXT();
    }
    CASE(MOV3) {
      const uint64_t* s = &RB;
      uint64_t x0 = s[0], x1 = s[1], x2 = s[2];
      uint64_t* d = &RA;
      d[0] = x0;
      d[1] = x1;
      d[2] = x2;
      NEXT();
    }
    CASE(MOVN) {
      std::memmove(&RA, &RB, argC(i) * sizeof(uint64_t));
      NEXT();
    }
    CASE(ZERO) {
      std::memset(&RA, 0, argB(i) * sizeof(uint64_t));
      NEXT();
    }
    CASE(LOADI) {
      RA = static_cast<uint64_t>(static_cast<int64_t>(argSBx(i)));
      NEXT();
    }
    CASE(LOADK) {
      RA = K[argBx(i)];
      NEXT();
    }
    CASE(LOADK2) {
      uint64_t* d = &RA;
      d[0] = K[argBx(i)];
      d[1] = K[argBx(i) + 1];
      NEXT();
    }
    CASE(LOADFN) {
      RA = reinterpret_cast<uint64_t>(&F[argBx(i)]->staticClosure);
      NEXT();
    }
    CASE(GETG) {
      RA = GL[argBx(i)];
      NEXT();
    }
    CASE(SETG) {
      if (rt::gWriteBarrier.load(std::memory_order_relaxed)) [[unlikely]] {
        if (mod->globalPointers.test(argBx(i))) rt::shadeSlow(GL[argBx(i)]);
      }
      GL[argBx(i)] = RA;
      rt::checkStored(&GL[argBx(i)], 8);
      NEXT();
    }
    CASE(ADDRG) {
      RA = reinterpret_cast<uint64_t>(GL + argBx(i));
      NEXT();
    }
    CASE(ADDR) {
      RA = reinterpret_cast<uint64_t>(R + argB(i));
      NEXT();
    }
    CASE(GETCTX) {
      RA = R[kHeaderContext];
      NEXT();
    }
    CASE(LOADTYPE) {
      RA = reinterpret_cast<uint64_t>(T[argBx(i)].get());
      NEXT();
    }

    // ---- integer arithmetic ----
#define GOL_INT_HANDLERS(W, T)                                                 \
  CASE(ADD_##W) {                                                              \
    RA = norm<T>(RB + RC);                                                     \
    NEXT();                                                                    \
  }                                                                            \
  CASE(SUB_##W) {                                                              \
    RA = norm<T>(RB - RC);                                                     \
    NEXT();                                                                    \
  }                                                                            \
  CASE(MUL_##W) {                                                              \
    RA = norm<T>(RB * RC);                                                     \
    NEXT();                                                                    \
  }                                                                            \
  CASE(ADDI_##W) {                                                             \
    RA = norm<T>(RB + static_cast<uint64_t>(static_cast<int64_t>(argSC(i))));  \
    NEXT();                                                                    \
  }                                                                            \
  CASE(SHL_##W) {                                                              \
    uint64_t n_ = RC;                                                          \
    RA = norm<T>(n_ >= 64 ? 0 : RB << n_);                                     \
    NEXT();                                                                    \
  }
    GOL_INT_WIDTHS(GOL_INT_HANDLERS)
#undef GOL_INT_HANDLERS

    CASE(NEG) {
      RA = 0 - RB;
      NEXT();
    }
    CASE(NOT) {
      RA = ~RB;
      NEXT();
    }
    CASE(AND) {
      RA = RB & RC;
      NEXT();
    }
    CASE(OR) {
      RA = RB | RC;
      NEXT();
    }
    CASE(XOR) {
      RA = RB ^ RC;
      NEXT();
    }
    CASE(ANDNOT) {
      RA = RB & ~RC;
      NEXT();
    }
    CASE(ANDI) {
      RA = RB & static_cast<uint64_t>(static_cast<int64_t>(argSC(i)));
      NEXT();
    }
    CASE(SHR_S) {
      uint64_t n = RC;
      RA = static_cast<uint64_t>(static_cast<int64_t>(RB) >> (n >= 63 ? 63 : n));
      NEXT();
    }
    CASE(SHR_U) {
      uint64_t n = RC;
      RA = n >= 64 ? 0 : RB >> n;
      NEXT();
    }
    CASE(SHLI) {
      RA = RB << (argC(i) & 63);
      NEXT();
    }
    CASE(SHRI_S) {
      RA = static_cast<uint64_t>(static_cast<int64_t>(RB) >> (argC(i) & 63));
      NEXT();
    }
    CASE(SHRI_U) {
      RA = RB >> (argC(i) & 63);
      NEXT();
    }
    CASE(CHKSHIFT) {
      if (UNLIKELY(static_cast<int64_t>(RA) < 0)) PANIC(NegativeShift, 0, 0);
      NEXT();
    }
    CASE(DIV_S) {
      auto x = static_cast<int64_t>(RB), y = static_cast<int64_t>(RC);
      if (UNLIKELY(y == 0)) PANIC(DivideByZero, 0, 0);
      // MinInt64 / -1 overflows to MinInt64 in Go; in C++ it traps.
      RA = y == -1 ? 0 - static_cast<uint64_t>(x) : static_cast<uint64_t>(x / y);
      NEXT();
    }
    CASE(DIV_U) {
      uint64_t y = RC;
      if (UNLIKELY(y == 0)) PANIC(DivideByZero, 0, 0);
      RA = RB / y;
      NEXT();
    }
    CASE(REM_S) {
      auto x = static_cast<int64_t>(RB), y = static_cast<int64_t>(RC);
      if (UNLIKELY(y == 0)) PANIC(DivideByZero, 0, 0);
      RA = y == -1 ? 0 : static_cast<uint64_t>(x % y);
      NEXT();
    }
    CASE(REM_U) {
      uint64_t y = RC;
      if (UNLIKELY(y == 0)) PANIC(DivideByZero, 0, 0);
      RA = RB % y;
      NEXT();
    }
    CASE(SEXT8) {
      RA = norm<int8_t>(RB);
      NEXT();
    }
    CASE(SEXT16) {
      RA = norm<int16_t>(RB);
      NEXT();
    }
    CASE(SEXT32) {
      RA = norm<int32_t>(RB);
      NEXT();
    }
    CASE(ZEXT8) {
      RA = norm<uint8_t>(RB);
      NEXT();
    }
    CASE(ZEXT16) {
      RA = norm<uint16_t>(RB);
      NEXT();
    }
    CASE(ZEXT32) {
      RA = norm<uint32_t>(RB);
      NEXT();
    }
    CASE(BNOT) {
      RA = RB ^ 1;
      NEXT();
    }

    // ---- comparisons ----
    CASE(EQ) {
      RA = RB == RC;
      NEXT();
    }
    CASE(NE) {
      RA = RB != RC;
      NEXT();
    }
    CASE(LT_S) {
      RA = static_cast<int64_t>(RB) < static_cast<int64_t>(RC);
      NEXT();
    }
    CASE(LE_S) {
      RA = static_cast<int64_t>(RB) <= static_cast<int64_t>(RC);
      NEXT();
    }
    CASE(LT_U) {
      RA = RB < RC;
      NEXT();
    }
    CASE(LE_U) {
      RA = RB <= RC;
      NEXT();
    }
    CASE(EQ_F) {
      RA = FB == FC;
      NEXT();
    }
    CASE(NE_F) {
      RA = FB != FC;
      NEXT();
    }
    CASE(LT_F) {
      RA = FB < FC;
      NEXT();
    }
    CASE(LE_F) {
      RA = FB <= FC;
      NEXT();
    }

    // ---- floating point ----
    CASE(ADD_F64) {
      RA = bitsOf(FB + FC);
      NEXT();
    }
    CASE(SUB_F64) {
      RA = bitsOf(FB - FC);
      NEXT();
    }
    CASE(MUL_F64) {
      RA = bitsOf(FB * FC);
      NEXT();
    }
    CASE(DIV_F64) {
      RA = bitsOf(FB / FC);
      NEXT();
    }
    CASE(ADD_F32) {
      RA = roundF32(FB + FC);
      NEXT();
    }
    CASE(SUB_F32) {
      RA = roundF32(FB - FC);
      NEXT();
    }
    CASE(MUL_F32) {
      RA = roundF32(FB * FC);
      NEXT();
    }
    CASE(DIV_F32) {
      RA = roundF32(FB / FC);
      NEXT();
    }
    CASE(NEG_F) {
      RA = RB ^ 0x8000000000000000u;
      NEXT();
    }
    CASE(I2F64) {
      RA = bitsOf(static_cast<double>(static_cast<int64_t>(RB)));
      NEXT();
    }
    CASE(U2F64) {
      RA = bitsOf(static_cast<double>(RB));
      NEXT();
    }
    CASE(I2F32) {
      // Straight to float: rounding through double could round twice.
      RA = bitsOf(static_cast<double>(static_cast<float>(static_cast<int64_t>(RB))));
      NEXT();
    }
    CASE(U2F32) {
      RA = bitsOf(static_cast<double>(static_cast<float>(RB)));
      NEXT();
    }
    CASE(F2I64) {
      RA = truncToInt64(FB);
      NEXT();
    }
    CASE(F2U64) {
      RA = truncToUint64(FB);
      NEXT();
    }
    CASE(F2F32) {
      RA = roundF32(FB);
      NEXT();
    }

    // ---- memory ----
#define GOL_LOAD(name, T)                            \
  CASE(name) {                                       \
    uint64_t p_ = RB;                                \
    NILCHECK(p_);                                    \
    RA = static_cast<uint64_t>(static_cast<int64_t>(load<T>(p_ + argC(i)))); \
    NEXT();                                          \
  }
    GOL_LOAD(LOAD8U, uint8_t)
    GOL_LOAD(LOAD8S, int8_t)
    GOL_LOAD(LOAD16U, uint16_t)
    GOL_LOAD(LOAD16S, int16_t)
    GOL_LOAD(LOAD32U, uint32_t)
    GOL_LOAD(LOAD32S, int32_t)
    GOL_LOAD(LOAD64, uint64_t)
#undef GOL_LOAD
    CASE(LOADF32) {
      uint64_t p = RB;
      NILCHECK(p);
      RA = bitsOf(static_cast<double>(load<float>(p + argC(i))));
      NEXT();
    }
#define GOL_STORE(name, T)                        \
  CASE(name) {                                    \
    uint64_t p_ = RA;                             \
    NILCHECK(p_);                                 \
    store<T>(p_ + argC(i), static_cast<T>(RB));   \
    NEXT();                                       \
  }
    GOL_STORE(STORE8, uint8_t)
    GOL_STORE(STORE16, uint16_t)
    GOL_STORE(STORE32, uint32_t)
    GOL_STORE(STORE64, uint64_t)
    CASE(STOREP) {  // a pointer word: the write barrier (runtime/barrier.h)
      uint64_t p = RA;
      NILCHECK(p);
      auto* slot = reinterpret_cast<uint64_t*>(p + argC(i));
      rt::shadeOld(slot);
      store<uint64_t>(p + argC(i), RB);
      rt::checkStored(slot, 8);
      NEXT();
    }
#undef GOL_STORE
    CASE(STOREF32) {
      uint64_t p = RA;
      NILCHECK(p);
      store<float>(p + argC(i), static_cast<float>(FB));
      NEXT();
    }
    CASE(LOADN) {
      uint64_t p = RB;
      NILCHECK(p);
      std::memcpy(&RA, reinterpret_cast<const void*>(p), argC(i) * sizeof(uint64_t));
      NEXT();
    }
    CASE(STOREN) {
      uint64_t p = RA;
      NILCHECK(p);
      rt::shadeRange(reinterpret_cast<const void*>(p), argC(i) * sizeof(uint64_t));
      std::memcpy(reinterpret_cast<void*>(p), &RB, argC(i) * sizeof(uint64_t));
      rt::checkStored(reinterpret_cast<const void*>(p), argC(i) * sizeof(uint64_t));
      NEXT();
    }
    CASE(NILCHK) {
      NILCHECK(RA);
      NEXT();
    }
    CASE(FIELDADDR) {
      uint64_t p = RB;
      NILCHECK(p);
      RA = p + argC(i);
      NEXT();
    }

    // ---- elements ----
    CASE(BOUNDS) {
      uint64_t x = RA, n = RB;
      if (UNLIKELY(x >= n)) PANIC(IndexOutOfRange, x, n);
      NEXT();
    }
    CASE(SLOAD64) {
      const uint64_t* s = &RB;
      uint64_t x = RC;
      if (UNLIKELY(x >= s[1])) PANIC(IndexOutOfRange, x, s[1]);
      RA = load<uint64_t>(s[0] + x * 8);
      NEXT();
    }
    CASE(SLOAD8U) {
      const uint64_t* s = &RB;
      uint64_t x = RC;
      if (UNLIKELY(x >= s[1])) PANIC(IndexOutOfRange, x, s[1]);
      RA = load<uint8_t>(s[0] + x);
      NEXT();
    }
    CASE(SSTORE64) {
      const uint64_t* s = &RA;
      uint64_t x = RB;
      if (UNLIKELY(x >= s[1])) PANIC(IndexOutOfRange, x, s[1]);
      rt::shadeOld(reinterpret_cast<const uint64_t*>(s[0] + x * 8));  // may be a pointer
      store<uint64_t>(s[0] + x * 8, RC);
      rt::checkStored(reinterpret_cast<const void*>(s[0] + x * 8), 8);
      NEXT();
    }
    CASE(SSTORE8) {
      const uint64_t* s = &RA;
      uint64_t x = RB;
      if (UNLIKELY(x >= s[1])) PANIC(IndexOutOfRange, x, s[1]);
      store<uint8_t>(s[0] + x, static_cast<uint8_t>(RC));
      NEXT();
    }
    CASE(SINDEXADDR) {
      uint64_t size = *pc++;
      const uint64_t* s = &RB;
      uint64_t x = RC;
      if (UNLIKELY(x >= s[1])) PANIC(IndexOutOfRange, x, s[1]);
      RA = s[0] + x * size;
      NEXT();
    }
    CASE(AINDEXADDR) {
      uint64_t extra = *pc++;
      uint64_t len = extra >> 32, size = extra & 0xFFFFFFFFu;
      uint64_t p = RB, x = RC;
      if (UNLIKELY(x >= len)) PANIC(IndexOutOfRange, x, len);
      NILCHECK(p);
      RA = p + x * size;
      NEXT();
    }
    CASE(SLICE) {
      uint64_t extra = *pc++;
      auto mode = static_cast<uint32_t>(extra >> 32);
      uint64_t size = extra & 0xFFFFFFFFu;
      const uint64_t* s = &RB;
      const uint64_t* bounds = &RC;
      bool isString = (mode & slicemode::String) != 0;
      bool byLen = isString || (mode & slicemode::ArrayLen) != 0;
      uint64_t ptr = s[0], cap = isString ? s[1] : s[2];
      uint64_t lo = bounds[0], hi = bounds[1];
      uint64_t max = cap;
      if (mode & slicemode::Three) {
        max = bounds[2];
        if (UNLIKELY(max > cap)) {
          if (byLen) PANIC(Slice3Alen, max, cap);
          PANIC(Slice3Acap, max, cap);
        }
        if (UNLIKELY(hi > max)) PANIC(Slice3B, hi, max);
        if (UNLIKELY(lo > hi)) PANIC(Slice3C, lo, hi);
      } else {
        if (UNLIKELY(hi > cap)) {
          if (byLen) PANIC(SliceAlen, hi, cap);
          PANIC(SliceAcap, hi, cap);
        }
        if (UNLIKELY(lo > hi)) PANIC(SliceB, lo, hi);
      }
      // Never point past the end of the array: an empty result keeps the
      // base pointer, as Go does, so the GC never sees a dangling pointer.
      uint64_t newCap = max - lo;
      uint64_t* d = &RA;
      d[0] = newCap == 0 ? ptr : ptr + lo * size;
      d[1] = hi - lo;
      if (!isString) d[2] = newCap;
      NEXT();
    }

    // ---- allocation ----
    CASE(NEW) {
      SAVE();
      RA = reinterpret_cast<uint64_t>(rt::allocate(T[argBx(i)].get()));
      NEXT();
    }
    CASE(MAKESLICE) {
      const rt::TypeDesc* elem = T[*pc++].get();
      auto len = static_cast<int64_t>(RB), cap = static_cast<int64_t>(RC);
      MakeSliceCheck bad = checkMakeSlice(elem->size, len, cap);
      if (UNLIKELY(bad.lenBad)) PANIC(MakeSliceLen, 0, 0);
      if (UNLIKELY(bad.capBad)) PANIC(MakeSliceCap, 0, 0);
      SAVE();
      void* p = rt::allocateArray(elem, static_cast<uint64_t>(cap));
      uint64_t* d = &RA;
      d[0] = reinterpret_cast<uint64_t>(p);
      d[1] = static_cast<uint64_t>(len);
      d[2] = static_cast<uint64_t>(cap);
      NEXT();
    }
    CASE(MAKECLOSURE) {
      const Function* body = F[*pc++];
      unsigned n = argC(i);
      SAVE();
      auto* words = static_cast<uint64_t*>(body->contextLayout != nullptr
                                               ? rt::allocate(body->contextLayout)
                                               : rt::allocateBytes((1 + n) * sizeof(uint64_t), true));
      words[0] = reinterpret_cast<uint64_t>(body);
      std::memcpy(words + 1, &RB, n * sizeof(uint64_t));
      rt::checkStored(words + 1, n * sizeof(uint64_t));
      RA = reinterpret_cast<uint64_t>(words);
      NEXT();
    }

    CASE(GROWSLICE) {
      const rt::TypeDesc* elem = T[*pc++].get();
      const uint64_t* s = &RB;
      rt::SliceHeader old{s[0], s[1], s[2]};
      uint64_t n = RC;
      uint64_t newLen = old.len + n;
      rt::SliceHeader out{old.data, newLen, old.cap};
      if (UNLIKELY(newLen > old.cap)) {
        if (UNLIKELY(newLen < old.len)) PANIC(GrowSliceLen, 0, 0);
        SAVE();
        if (!rt::growSlice(elem, old, newLen, &out)) PANIC(GrowSliceLen, 0, 0);
      }
      uint64_t* d = &RA;
      d[0] = out.data;
      d[1] = out.len;
      d[2] = out.cap;
      NEXT();
    }
    CASE(COPY) {
      uint64_t size = *pc++;
      const uint64_t* dst = &RB;
      const uint64_t* src = &RC;
      uint64_t n = std::min(dst[1], src[1]);
      if (n != 0 && dst[0] != src[0]) {
        rt::shadeRange(reinterpret_cast<const void*>(dst[0]), n * size);
        std::memmove(reinterpret_cast<void*>(dst[0]), reinterpret_cast<const void*>(src[0]), n * size);
        rt::checkStored(reinterpret_cast<const void*>(dst[0]), n * size);
      }
      RA = n;
      NEXT();
    }

    // ---- strings ----
    CASE(STR2BYTES) {
      SAVE();
      stringToBytes(&RB, &RA, nullptr);
      NEXT();
    }
    CASE(STR2BYTESB) {
      SAVE();
      stringToBytes(&RB, &RA, reinterpret_cast<void*>(RC));
      NEXT();
    }
    CASE(BYTES2STR) {
      SAVE();
      bytesToString(&RB, &RA, nullptr);
      NEXT();
    }
    CASE(BYTES2STRB) {
      SAVE();
      bytesToString(&RB, &RA, reinterpret_cast<void*>(RC));
      NEXT();
    }
    CASE(STR2RUNES) {
      SAVE();
      stringToRunes(&RB, &RA, nullptr);
      NEXT();
    }
    CASE(STR2RUNESB) {
      SAVE();
      stringToRunes(&RB, &RA, reinterpret_cast<void*>(RC));
      NEXT();
    }
    CASE(RUNES2STR) {
      SAVE();
      runesToString(&RB, &RA, nullptr);
      NEXT();
    }
    CASE(RUNES2STRB) {
      SAVE();
      runesToString(&RB, &RA, reinterpret_cast<void*>(RC));
      NEXT();
    }
    CASE(RUNE2STR) {
      // A rune conversion of any integer kind: out-of-range values, like
      // surrogates, become U+FFFD (codegen passes the value sign-extended).
      auto v = static_cast<int64_t>(RB);
      int32_t r = (v < 0 || v > 0x10FFFF) ? rt::kRuneError : static_cast<int32_t>(v);
      uint8_t tmp[4];
      uint32_t n = rt::encodeRune(r, tmp);
      SAVE();
      auto* out = static_cast<uint8_t*>(rt::allocateBytes(n, false));
      std::memcpy(out, tmp, n);
      uint64_t* d = &RA;
      d[0] = reinterpret_cast<uint64_t>(out);
      d[1] = n;
      NEXT();
    }
    CASE(DECODERUNE) {
      const uint64_t* s = &RB;
      uint64_t k = RC;
      rt::DecodedRune r = rt::decodeRune(reinterpret_cast<const uint8_t*>(s[0]) + k, s[1] - k);
      uint64_t* d = &RA;
      d[0] = static_cast<uint64_t>(static_cast<int64_t>(r.rune));
      d[1] = r.width;
      NEXT();
    }
    CASE(CONCAT) {
      SAVE();
      concat(*g, &RB, &RC, &RA, nullptr);
      NEXT();
    }
    CASE(CONCATB) {
      void* buf = reinterpret_cast<void*>(R[*pc++]);
      SAVE();
      concat(*g, &RB, &RC, &RA, buf);
      NEXT();
    }
    CASE(STREQ) {
      const uint64_t* x = &RB;
      const uint64_t* y = &RC;
      RA = x[1] == y[1] &&
           (x[1] == 0 || x[0] == y[0] || std::memcmp(reinterpret_cast<const void*>(x[0]),
                                        reinterpret_cast<const void*>(y[0]), x[1]) == 0);
      NEXT();
    }
    CASE(STRCMP) {
      const uint64_t* x = &RB;
      const uint64_t* y = &RC;
      uint64_t n = std::min(x[1], y[1]);
      int c = n == 0 ? 0
                     : std::memcmp(reinterpret_cast<const void*>(x[0]),
                                   reinterpret_cast<const void*>(y[0]), n);
      if (c == 0) c = x[1] < y[1] ? -1 : (x[1] > y[1] ? 1 : 0);
      RA = static_cast<uint64_t>(static_cast<int64_t>(c < 0 ? -1 : (c > 0 ? 1 : 0)));
      NEXT();
    }

    // ---- maps ----
    CASE(MAPNEW) {
      const rt::TypeDesc* type = T[*pc++].get();
      if (UNLIKELY(rt::keyKindOf(type->key) == rt::KeyKind::Unsupported)) {
        SAVE();
        return m.fatal(*g, rt::FatalError::NotImplemented, 0, "map key type " + type->key->name);
      }
      SAVE();
      RA = reinterpret_cast<uint64_t>(rt::makeMap(type, static_cast<int64_t>(RB)));
      NEXT();
    }
    CASE(MAPINIT) {
      const rt::TypeDesc* type = T[*pc++].get();
      if (UNLIKELY(rt::keyKindOf(type->key) == rt::KeyKind::Unsupported)) {
        SAVE();
        return m.fatal(*g, rt::FatalError::NotImplemented, 0, "map key type " + type->key->name);
      }
      SAVE();
      rt::makeMapAt(reinterpret_cast<void*>(RA), type, static_cast<int64_t>(RB));
      NEXT();
    }
    CASE(MAPACCESS) {
      const rt::TypeDesc* type = T[*pc++].get();
      bool found;
      const rt::TypeDesc* bad = nullptr;
      RA = reinterpret_cast<uint64_t>(rt::mapAccess(type, reinterpret_cast<rt::Map*>(RB),
                                                    reinterpret_cast<const void*>(RC), &found, &bad));
      if (UNLIKELY(bad != nullptr)) PANIC_S(UnhashableKey, bad->name, "", "");
      NEXT();
    }
    CASE(MAPACCESS2) {
      const rt::TypeDesc* type = T[*pc++].get();
      bool found;
      const rt::TypeDesc* bad = nullptr;
      const void* v = rt::mapAccess(type, reinterpret_cast<rt::Map*>(RB),
                                    reinterpret_cast<const void*>(RC), &found, &bad);
      if (UNLIKELY(bad != nullptr)) PANIC_S(UnhashableKey, bad->name, "", "");
      uint64_t* d = &RA;
      d[0] = reinterpret_cast<uint64_t>(v);
      d[1] = found;
      NEXT();
    }
    CASE(MAPASSIGN) {
      ++pc;  // the type: the map knows its own
      auto* map = reinterpret_cast<rt::Map*>(RB);
      if (UNLIKELY(map == nullptr)) PANIC(NilMapWrite, 0, 0);
      SAVE();
      const rt::TypeDesc* bad = nullptr;
      void* slot = rt::mapAssign(map, reinterpret_cast<const void*>(RC), &bad);
      if (UNLIKELY(bad != nullptr)) PANIC_S(UnhashableKey, bad->name, "", "");
      RA = reinterpret_cast<uint64_t>(slot);
      NEXT();
    }
    CASE(MAPDELETE) {
      ++pc;
      const rt::TypeDesc* bad = nullptr;
      rt::mapDelete(reinterpret_cast<rt::Map*>(RA), reinterpret_cast<const void*>(RB), &bad);
      if (UNLIKELY(bad != nullptr)) PANIC_S(UnhashableKey, bad->name, "", "");
      NEXT();
    }
    CASE(MAPLEN) {
      RA = rt::mapLen(reinterpret_cast<const rt::Map*>(RB));
      NEXT();
    }
    CASE(MAPCLEAR) {
      rt::mapClear(reinterpret_cast<rt::Map*>(RA));
      NEXT();
    }
    CASE(MAPITER) {
      SAVE();
      RA = reinterpret_cast<uint64_t>(rt::mapIterStart(reinterpret_cast<rt::Map*>(RB)));
      NEXT();
    }
    CASE(MAPITERAT) {
      RA = reinterpret_cast<uint64_t>(rt::mapIterStartAt(reinterpret_cast<void*>(RC), reinterpret_cast<rt::Map*>(RB)));
      NEXT();
    }
    CASE(MAPNEXT) {
      const void* key;
      const void* value;
      if (rt::mapIterNext(reinterpret_cast<rt::MapIter*>(RB), &key, &value)) {
        uint64_t* d = &RA;
        d[0] = reinterpret_cast<uint64_t>(key);
        d[1] = reinterpret_cast<uint64_t>(value);
      } else {
        pc += argSC(i);
      }
      NEXT();
    }

    // ---- interfaces ----
    CASE(ITAB) {
      const rt::TypeDesc* iface = T[*pc++].get();
      SAVE();
      if (std::optional<Exit> e = makeItab(m, *g, iface, &RA, RB)) RESUME_AFTER(*e);
      NEXT();
    }
    CASE(IFACE2E) {
      const uint64_t* x = &RB;
      uint64_t word = x[0], data = x[1];
      uint64_t* d = &RA;
      d[0] = word == 0 ? 0 : reinterpret_cast<uint64_t>(reinterpret_cast<const rt::Itab*>(word)->type);
      d[1] = data;
      NEXT();
    }
    CASE(ASSERT) {
      const rt::TypeDesc* target = T[*pc++].get();
      SAVE();
      if (std::optional<Exit> e = typeAssert(m, *g, target, argC(i), &RA, &RB)) RESUME_AFTER(*e);
      NEXT();
    }
    CASE(EFACEEQ) {
      const uint64_t* x = &RB;
      const uint64_t* y = &RC;
      bool eq = x[0] == y[0];
      if (eq && x[0] != 0) {
        const rt::TypeDesc* bad = nullptr;
        eq = rt::valuesEqual(reinterpret_cast<const rt::TypeDesc*>(x[0]), x[1], y[1], &bad);
        if (UNLIKELY(bad != nullptr)) PANIC_S(Uncomparable, bad->name, "", "");
      }
      RA = eq;
      NEXT();
    }
    CASE(IFACEEQ) {
      const uint64_t* x = &RB;
      const uint64_t* y = &RC;
      bool eq = x[0] == y[0];
      if (eq && x[0] != 0) {
        const rt::TypeDesc* bad = nullptr;
        eq = rt::valuesEqual(reinterpret_cast<const rt::Itab*>(x[0])->type, x[1], y[1], &bad);
        if (UNLIKELY(bad != nullptr)) PANIC_S(Uncomparable, bad->name, "", "");
      }
      RA = eq;
      NEXT();
    }
    CASE(CALLI) {
      const uint64_t* x = &RB;
      uint64_t word = x[0], receiver = x[1];
      NILCHECK(word);
      auto callee = static_cast<const Function*>(reinterpret_cast<const rt::Itab*>(word)->fns[argC(i)]);
      unsigned a = A;
      R[a] = receiver;
      if (!FRAME_FITS(callee, a)) {
        SAVE();
        Exit e = callSlow(m, *g, callee, a);
        if (e == Exit::Fatal) return e;
        RELOAD_BASE();
        PUSH_FRAME(callee, a);
        if (e == Exit::Yielded) {
          SAVE();
          g->status = rt::GStatus::Runnable;
          return Exit::Yielded;
        }
        NEXT();
      }
      PUSH_FRAME(callee, a);
      NEXT();
    }

    // ---- defer, panic, recover ----
    CASE(DEFER) {
      uint64_t closure = RB;
      uint64_t n = closure == 0 ? 0 : load<const Function*>(closure)->paramSlots;
      SAVE();
      auto* d = static_cast<rt::DeferRecord*>(rt::allocate(deferLayout(closure)));
      d->closure = closure;
      d->frameBase = static_cast<uint64_t>(R - g->stack);
      d->argSlots = n;
      std::memcpy(d->args, &RA, n * sizeof(uint64_t));
      d->next = g->defers;
      g->defers = d;
      NEXT();
    }
    CASE(RUNDEFERS) {
      rt::DeferRecord* d = g->defers;
      if (d == nullptr || d->frameBase != static_cast<uint64_t>(R - g->stack)) NEXT();
      g->defers = d->next;
      if (d->closure == 0) PANIC(NilDeref, 0, 0);
      SAVE();
      RESUME_AFTER(pushDeferredCall(m, *g, d, pc - 1));  // returns to this RUNDEFERS
    }
    CASE(PANIC) {
      const uint64_t* v = &RA;
      uint64_t typeWord = v[0], dataWord = v[1];
      SAVE();
      RESUME_AFTER(startPanic(m, *g, typeWord, dataWord, -1));
    }
    CASE(RECOVER) {
      rt::PanicRecord* p = g->panics;
      uint64_t* d = &RA;
      if (p != nullptr && !p->recovered && p->runtimeError != kGoexitRecord &&
          R[kHeaderReturnPc] == reinterpret_cast<uint64_t>(kPanicResumeCode) &&
          static_cast<uint64_t>(R - g->stack) == p->callBase) {
        p->recovered = true;
        d[0] = p->typeWord;
        d[1] = p->dataWord;
      } else {
        d[0] = 0;
        d[1] = 0;
      }
      NEXT();
    }
    CASE(PANICRESUME) {
      SAVE();
      RESUME_AFTER(resumePanic(m, *g));
    }

    // ---- builtins ----
    CASE(PRINT) {
      const uint64_t* v = &RA;
      switch (static_cast<rt::PrintKind>(argB(i))) {
        case rt::PrintKind::Int:
          rt::writeStderr(fmt::format("{}", static_cast<int64_t>(v[0])));
          break;
        case rt::PrintKind::Uint:
          rt::writeStderr(fmt::format("{}", v[0]));
          break;
        case rt::PrintKind::Float:
          rt::writeStderr(rt::printFloat(f64(v[0])));
          break;
        case rt::PrintKind::Bool:
          rt::writeStderr(v[0] != 0 ? "true" : "false");
          break;
        case rt::PrintKind::String:
          rt::writeStderr(std::string_view(reinterpret_cast<const char*>(v[0]), v[1]));
          break;
        case rt::PrintKind::Pointer:
          rt::writeStderr(rt::printHex(v[0]));
          break;
        case rt::PrintKind::Slice:
          rt::writeStderr(fmt::format("[{}/{}]{}", v[1], v[2], rt::printHex(v[0])));
          break;
        case rt::PrintKind::Iface:
          rt::writeStderr(fmt::format("({},{})", rt::printHex(v[0]), rt::printHex(v[1])));
          break;
        case rt::PrintKind::Space:
          rt::writeStderr(" ");
          break;
        case rt::PrintKind::Newline:
          rt::writeStderr("\n");
          break;
      }
      NEXT();
    }

    // ---- calls ----
    CASE(CALL) {
      const Function* callee = F[argBx(i)];
      unsigned a = A;
      if (!FRAME_FITS(callee, a)) {
        SAVE();
        Exit e = callSlow(m, *g, callee, a);
        if (e == Exit::Fatal) return e;
        RELOAD_BASE();
        PUSH_FRAME(callee, a);
        if (e == Exit::Yielded) {
          SAVE();
          g->status = rt::GStatus::Runnable;
          return Exit::Yielded;
        }
        NEXT();
      }
      PUSH_FRAME(callee, a);
      NEXT();
    }
    CASE(CALLC) {
      uint64_t closure = RB;
      NILCHECK(closure);
      const Function* callee = load<const Function*>(closure);
      unsigned a = A;
      if (!FRAME_FITS(callee, a)) {
        SAVE();
        Exit e = callSlow(m, *g, callee, a);
        if (e == Exit::Fatal) return e;
        RELOAD_BASE();
        R[a + kHeaderContext] = RB;  // re-read: a stack closure moved with the stack
        PUSH_FRAME(callee, a);
        if (e == Exit::Yielded) {
          SAVE();
          g->status = rt::GStatus::Runnable;
          return Exit::Yielded;
        }
        NEXT();
      }
      R[a + kHeaderContext] = closure;
      PUSH_FRAME(callee, a);
      NEXT();
    }
    CASE(CALLN) {
      SAVE();
      if (!NAT[argBx(i)].fn(m, *g, R + A)) {
        SAVE();  // a nested call may have moved the stack: g's state is still this frame's
        g->status = rt::GStatus::Runnable;
        if (m.exitRequested) return Exit::Exited;
        if (m.resume != Resume::None) {  // parked: the G waits; its scheduler owns it now
          if (m.resume == Resume::RetryCall) g->resumeOp = rt::ResumeOp::Retry;
          m.resume = Resume::None;
          return Exit::Parked;
        }
        if (m.yieldRequested) {  // runtime.Gosched: resume after the call
          m.yieldRequested = false;
          return Exit::Yielded;
        }
        if (m.fatalReported) return Exit::Fatal;
        if (m.fatalRequested) return m.fatal(*g, m.fatalKind, 0, m.fatalWhat);
        if (m.goexitRequested) {
          m.goexitRequested = false;
          RESUME_AFTER(startPanic(m, *g, 0, 0, kGoexitRecord));
        }
        if (m.pendingIsValue) {
          m.pendingIsValue = false;
          RESUME_AFTER(startPanic(m, *g, m.pendingType, m.pendingData, -1));
        }
        RESUME_AFTER(startRuntimePanic(m, *g, m.pendingError, m.pendingX, m.pendingY));
      }
      RELOAD_BASE();
      NEXT();
    }
    CASE(RET) {
      unsigned a = A;
      if (a != 0) std::memmove(R, R + a, argB(i) * sizeof(uint64_t));
      DO_RETURN();
    }
    CASE(RET0) DO_RETURN();
    CASE(RET1) {
      R[0] = RA;
      DO_RETURN();
    }

    // ---- channels (slow paths above) ----
    CASE(MAKECHAN) {
      const rt::TypeDesc* elem = T[*pc++].get();
      auto size = static_cast<int64_t>(RB);
      if (UNLIKELY(size < 0 || (elem->size != 0 && static_cast<uint64_t>(size) > (uint64_t{1} << 40) / elem->size)))
        PANIC(MakeChanSize, 0, 0);
      SAVE();
      rt::Chan* c = rt::makeChan(elem, size);
      if (UNLIKELY(c == nullptr)) PANIC(MakeChanSize, 0, 0);
      RA = reinterpret_cast<uint64_t>(c);
      NEXT();
    }
    CASE(SEND) {
      SAVE();
      if (std::optional<Exit> e = chanSendOp(m, *g, reinterpret_cast<rt::Chan*>(RA), &RB)) RESUME_AFTER(*e);
      NEXT();
    }
    CASE(RECV) {
      SAVE();
      if (std::optional<Exit> e = chanRecvOp(m, *g, reinterpret_cast<rt::Chan*>(RB), &RA, nullptr))
        RESUME_AFTER(*e);
      NEXT();
    }
    CASE(RECV2) {
      SAVE();
      if (std::optional<Exit> e = chanRecvOp(m, *g, reinterpret_cast<rt::Chan*>(RB), &RA, &RC))
        RESUME_AFTER(*e);
      NEXT();
    }
    CASE(CLOSE) {
      SAVE();
      if (std::optional<Exit> e = chanCloseOp(m, *g, reinterpret_cast<rt::Chan*>(RA))) RESUME_AFTER(*e);
      NEXT();
    }
    CASE(CHANLEN) {
      RA = static_cast<uint64_t>(rt::chanLen(reinterpret_cast<const rt::Chan*>(RB)));
      NEXT();
    }
    CASE(CHANCAP) {
      RA = static_cast<uint64_t>(rt::chanCap(reinterpret_cast<const rt::Chan*>(RB)));
      NEXT();
    }
    CASE(SELECT) {
      SAVE();
      unsigned c = argC(i);
      if (std::optional<Exit> e = selectOp(m, *g, R, &RB, c & 0x7FFF, (c & 0x8000) != 0, &RA))
        RESUME_AFTER(*e);
      NEXT();
    }

    // ---- goroutines ----
    CASE(GO) {
      uint64_t closure = RB;
      NILCHECK(closure);
      const Function* callee = load<const Function*>(closure);
      SAVE();
      if (m.goroutines == nullptr)
        return m.fatal(*g, rt::FatalError::NotImplemented, 0, "starting a goroutine here");
      if (!m.goroutines->spawn(m, *g, closure, std::span<const uint64_t>(&RA, callee->paramSlots)))
        return Exit::Fatal;
      RELOAD_BASE();
      NEXT();
    }

#if !GOL_COMPUTED_GOTO
  }
#else
  }
#endif

L_unimplemented:
  __attribute__((unused));  // reached only through planned rows (none at the moment)
  SAVE();
  g->status = rt::GStatus::Runnable;
  return m.fatal(*g, rt::FatalError::NotImplemented, 0,
                 "opcode " + std::string(opInfo(opOf(i)).name));

#undef SAVE
#undef RELOAD_BASE
#undef A
#undef RA
#undef RB
#undef RC
#undef FB
#undef FC
#undef PANIC
#undef PANIC_S
#undef LOAD_STATE
#undef SYNC_MODULE
#undef RESUME_AFTER
#undef NILCHECK
#undef POLL
#undef COND_JUMP
#undef PUSH_FRAME
#undef FRAME_FITS
#undef DO_RETURN
#undef CASE
#undef NEXT
}

}  // namespace gol::vm
