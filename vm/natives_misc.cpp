// Natives of strings, errors, unicode, runtime, time and sort (see
// vm/natives.h for the calling convention).
//
// unicode: predicates and case mapping over the generated Unicode 15.0.0
// tables of runtime/unicode_tables.h; the exported RangeTables are built in
// Gol from tableData's encoding (natives build no Gol structs).
//
// sort: Sort and Slice run Go's pdqsort (runtime/sort.h) with Less and Swap
// called back into Gol (callMethod on the sort.Interface's itab, whose fns
// are in name order: Len, Less, Swap; callClosure for Slice's less). Slice
// swaps the elements itself, as bytes of the element type's size. A
// callback that panics ends the sort and the panic goes on from the
// native; a fatal error returns at once.
//
// errors: isComparable walks the dynamic type; assignAs stores err into
// *target when its dynamic type is *target's type, or implements it when
// that is an interface (the walk down the Unwrap chain is Gol's).
//
// Garbage collection: natives here store pointers into Gol memory
// (assignAs, sort's element swaps, atomic.Value). The collector of
// DESIGN.md §6 will need its write barrier at each of those stores; today
// the heap never frees, so plain stores are enough.
//
// sync/atomic: the functions are GCC's sequentially consistent __atomic
// builtins on the Gol variable itself; atomic.Value's two words are read
// and written under one lock (no 16-byte atomics needed).
//
// The natives that talk to the scheduler (runtime.Gosched, time.Sleep,
// sync's semaphores...) are in natives_sched.cpp.
//
// Not here yet: time.Parse/ParseInLocation, timers and tickers, a real
// Caller (it reports ok=false).
#include <sched.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <string>
#include <type_traits>
#include <utility>
#include <string_view>
#include <vector>

#include "runtime/alloc.h"
#include "runtime/barrier.h"
#include "runtime/iface.h"
#include "runtime/print.h"
#include "runtime/sort.h"
#include "runtime/unicode_tables.h"
#include "runtime/utf8.h"
#include "vm/natives.h"

namespace gol::vm {

namespace {

namespace uc = rt::unicode;

inline int32_t runeArg(uint64_t w) { return static_cast<int32_t>(static_cast<uint32_t>(w)); }
inline uint64_t runeResult(int32_t r) { return static_cast<uint64_t>(static_cast<int64_t>(r)); }

std::string_view argString(const uint64_t* s) {
  return {reinterpret_cast<const char*>(s[0]), static_cast<size_t>(s[1])};
}

void putString(uint64_t* s, std::string_view v) {
  if (v.empty()) {
    s[0] = 0;
    s[1] = 0;
    return;
  }
  void* p = rt::allocateBytes(v.size(), false);
  std::memcpy(p, v.data(), v.size());
  s[0] = reinterpret_cast<uint64_t>(p);
  s[1] = v.size();
}

// ---- unicode ----

template <bool (*pred)(int32_t)>
bool runePredicate(Machine&, rt::G&, uint64_t* s) {
  s[0] = pred(runeArg(s[0])) ? 1 : 0;
  return true;
}

template <uc::Case c>
bool runeToCase(Machine&, rt::G&, uint64_t* s) {
  s[0] = runeResult(uc::toCase(c, runeArg(s[0])));
  return true;
}

bool simpleFold(Machine&, rt::G&, uint64_t* s) {
  s[0] = runeResult(uc::simpleFold(runeArg(s[0])));
  return true;
}

// The encoding unicode.gol's table() decodes: little-endian uint32s, the
// number of 16-bit ranges, the Latin offset, then lo, hi, stride per
// range. Built once for all tables (a function-local static, so safe
// from any thread); the strings live as long as the program, like
// interned constants, so Gol strings may point into them.
const std::vector<std::string>& encodedTables() {
  static const std::vector<std::string> all = [] {
    std::vector<std::string> v;
    for (size_t k = 0; k < uc::kTableCount; ++k) {
      const uc::Table& t = uc::kTables[k];
      std::string e;
      auto put = [&e](uint32_t x) {
        for (int i = 0; i < 4; ++i) e.push_back(static_cast<char>((x >> (8 * i)) & 0xFF));
      };
      put(t.n16);
      put(t.latinOffset);
      for (uint32_t i = 0; i < t.count; ++i) {
        put(t.ranges[i].lo);
        put(t.ranges[i].hi);
        put(t.ranges[i].stride);
      }
      v.push_back(std::move(e));
    }
    return v;
  }();
  return all;
}

bool tableData(Machine&, rt::G&, uint64_t* s) {
  const uc::Table* t = uc::findTable(argString(s));
  if (t == nullptr) {
    s[0] = 0;
    s[1] = 0;
    return true;
  }
  const std::string& e = encodedTables()[static_cast<size_t>(t - uc::kTables)];
  s[0] = reinterpret_cast<uint64_t>(e.data());
  s[1] = e.size();
  return true;
}

// ---- strings ----

// Go's strings.Title word boundaries: ASCII letters, digits and '_' join
// words, other ASCII separates; beyond ASCII letters and digits join and
// spaces separate.
bool isSeparator(int32_t r) {
  if (r >= 0 && r <= 0x7F) {
    return !((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_');
  }
  if (uc::isLetter(r) || uc::isDigit(r)) return false;
  return uc::isSpace(r);
}

bool stringsTitle(Machine&, rt::G&, uint64_t* s) {
  auto* p = reinterpret_cast<const uint8_t*>(s[0]);
  uint64_t n = s[1];
  // As strings.Map: every rune mapped (invalid bytes decode as U+FFFD), the
  // input itself returned when nothing changed.
  std::string out;
  out.reserve(n + 4);
  bool changed = false;
  int32_t prev = ' ';
  for (uint64_t i = 0; i < n;) {
    rt::DecodedRune d = rt::decodeRune(p + i, n - i);
    int32_t r = d.rune;
    int32_t mapped = isSeparator(prev) ? uc::toCase(uc::kTitle, r) : r;
    prev = r;
    if (mapped != r || (r == rt::kRuneError && d.width == 1)) changed = true;
    uint8_t buf[4];
    out.append(reinterpret_cast<const char*>(buf), rt::encodeRune(mapped, buf));
    i += d.width;
  }
  if (changed) putString(s, out);
  return true;
}

// The string shares the Builder's bytes, as Go's does: a Builder only
// appends, so the bytes a string covers are never written again.
bool builderString(Machine& m, rt::G&, uint64_t* s) {
  auto* b = reinterpret_cast<const uint64_t*>(s[0]);
  if (b == nullptr) {
    m.panicRuntime(rt::RuntimeError::NilDeref);
    return false;
  }
  s[0] = b[0];
  s[1] = b[1];
  return true;
}

// ---- errors ----

bool comparable(const rt::TypeDesc* t) {
  switch (t->kind) {
    case rt::TypeKind::Slice:
    case rt::TypeKind::Map:
    case rt::TypeKind::Func:
      return false;
    case rt::TypeKind::Array:
      return comparable(t->elem);
    case rt::TypeKind::Struct:
      for (const rt::StructField& f : t->fields)
        if (!comparable(f.type)) return false;
      return true;
    default:
      return true;
  }
}

bool isComparable(Machine&, rt::G&, uint64_t* s) {
  auto* itab = reinterpret_cast<const rt::Itab*>(s[0]);
  s[0] = itab == nullptr || comparable(itab->type) ? 1 : 0;
  return true;
}

bool implementsError(const rt::TypeDesc* t) {
  const rt::Method* m = t->findMethod("Error");
  return m != nullptr && m->returnsString;
}

// asTargetKind: 0 ok, 1 not a non-nil pointer, 2 *target is neither an
// interface nor an error type (errors.gol's asOK...).
bool asTargetKind(Machine&, rt::G&, uint64_t* s) {
  auto* t = reinterpret_cast<const rt::TypeDesc*>(s[0]);
  if (t == nullptr || t->kind != rt::TypeKind::Pointer || s[1] == 0 || t->elem == nullptr) {
    s[0] = 1;
  } else if (t->elem->kind != rt::TypeKind::Interface && !implementsError(t->elem)) {
    s[0] = 2;
  } else {
    s[0] = 0;
  }
  return true;
}

bool assignAs(Machine&, rt::G&, uint64_t* s) {
  auto* itab = reinterpret_cast<const rt::Itab*>(s[0]);
  uint64_t data = s[1];
  auto* ptrType = reinterpret_cast<const rt::TypeDesc*>(s[2]);
  auto* dst = reinterpret_cast<uint64_t*>(s[3]);
  const rt::TypeDesc* type = itab->type;
  const rt::TypeDesc* want = ptrType->elem;
  bool ok = false;
  if (want->kind == rt::TypeKind::Interface) {
    if (want->methods.empty()) {
      dst[0] = reinterpret_cast<uint64_t>(type);
      dst[1] = data;
      ok = true;
    } else {
      std::string missing;
      if (const rt::Itab* tab = rt::getItab(want, type, &missing)) {
        dst[0] = reinterpret_cast<uint64_t>(tab);
        dst[1] = data;
        ok = true;
      }
    }
  } else if (want == type) {
    // *target may be heap memory: the write barrier first.
    rt::shadeRange(dst, type->isDirectIface() ? 8 : type->size);
    if (type->isDirectIface()) {
      dst[0] = data;
    } else {
      std::memmove(dst, reinterpret_cast<const void*>(data), type->size);
    }
    rt::checkStored(dst, type->isDirectIface() ? 8 : type->size);
    ok = true;
  }
  s[0] = ok ? 1 : 0;
  return true;
}

// ---- runtime ----

bool noop(Machine&, rt::G&, uint64_t*) { return true; }

bool version(Machine&, rt::G&, uint64_t* s) {
  static const char kVersion[] = "go1.22-gol";
  s[0] = reinterpret_cast<uint64_t>(kVersion);
  s[1] = sizeof kVersion - 1;
  return true;
}

bool caller(Machine&, rt::G&, uint64_t* s) {
  for (int i = 0; i < 5; ++i) s[i] = 0;  // pc, file (2), line, ok=false
  return true;
}

// ---- time ----

bool timeNow(Machine&, rt::G&, uint64_t* s) {
  timespec wall{}, mono{};
  clock_gettime(CLOCK_REALTIME, &wall);
  clock_gettime(CLOCK_MONOTONIC, &mono);
  s[0] = static_cast<uint64_t>(static_cast<int64_t>(wall.tv_sec));
  s[1] = static_cast<uint64_t>(static_cast<int64_t>(wall.tv_nsec));
  // time.gol reads 0 as "no monotonic reading"; the clock is never 0 after boot.
  s[2] = static_cast<uint64_t>(static_cast<int64_t>(mono.tv_sec) * 1'000'000'000 + mono.tv_nsec);
  return true;
}

bool localZone(Machine&, rt::G&, uint64_t* s) {
  auto t = static_cast<time_t>(static_cast<int64_t>(s[0]));
  tm local{};
  if (localtime_r(&t, &local) == nullptr) {
    putString(s, "UTC");
    s[2] = 0;
    return true;
  }
  putString(s, local.tm_zone ? local.tm_zone : "UTC");
  s[2] = static_cast<uint64_t>(static_cast<int64_t>(local.tm_gmtoff));
  return true;
}

// ---- sort ----

// Collects the outcome of Gol callbacks; after the first failure it
// answers false and swaps nothing (runtime/sort.h).
struct CallbackSort : rt::SortData {
  CallbackSort(Machine& m, rt::G& g) : m(m), g(g) {}
  Machine& m;
  rt::G& g;
  CallResult failure = CallResult::Ok;
  PanicValue panicked;

  bool failed() const { return failure != CallResult::Ok; }
  bool check(CallResult r) {
    if (r != CallResult::Ok && !failed()) failure = r;
    return r == CallResult::Ok;
  }
  // After the sort: false (with the panic handed on) if a callback failed.
  bool finish() {
    if (failure == CallResult::Panicked) m.panicValue(panicked.typeWord, panicked.dataWord);
    return !failed();
  }
};

struct InterfaceSort : CallbackSort {
  InterfaceSort(Machine& m, rt::G& g, const rt::Itab* itab, uint64_t data)
      : CallbackSort(m, g), lessFn(itab->fns[1]), swapFn(itab->fns[2]), data(data) {}
  const void* lessFn;
  const void* swapFn;
  uint64_t data;

  bool less(int64_t i, int64_t j) override {
    if (failed()) return false;
    uint64_t args[2] = {static_cast<uint64_t>(i), static_cast<uint64_t>(j)};
    uint64_t result[1] = {0};
    if (!check(callMethod(m, g, lessFn, data, args, result, &panicked))) return false;
    return (result[0] & 0xFF) != 0;
  }
  void swap(int64_t i, int64_t j) override {
    if (failed()) return;
    uint64_t args[2] = {static_cast<uint64_t>(i), static_cast<uint64_t>(j)};
    check(callMethod(m, g, swapFn, data, args, {}, &panicked));
  }
};

// Swaps two elements of `size` bytes.
void swapBytes(uint8_t* a, uint8_t* b, uint64_t size) {
  rt::shadeRange(a, size);  // the write barrier: both may hold pointers
  rt::shadeRange(b, size);
  uint8_t tmp[256];
  while (size > 0) {
    uint64_t n = size < sizeof tmp ? size : sizeof tmp;
    std::memcpy(tmp, a, n);
    std::memcpy(a, b, n);
    std::memcpy(b, tmp, n);
    a += n;
    b += n;
    size -= n;
  }
}

struct SliceSort : CallbackSort {
  SliceSort(Machine& m, rt::G& g, uint8_t* base, uint64_t elemSize, uint64_t lessClosure)
      : CallbackSort(m, g), base(base), elemSize(elemSize), lessClosure(lessClosure) {}
  uint8_t* base;
  uint64_t elemSize;
  uint64_t lessClosure;

  bool less(int64_t i, int64_t j) override {
    if (failed()) return false;
    uint64_t args[2] = {static_cast<uint64_t>(i), static_cast<uint64_t>(j)};
    uint64_t result[1] = {0};
    if (!check(callClosure(m, g, lessClosure, args, result, &panicked))) return false;
    return (result[0] & 0xFF) != 0;
  }
  void swap(int64_t i, int64_t j) override {
    if (failed() || i == j) return;
    swapBytes(base + static_cast<uint64_t>(i) * elemSize, base + static_cast<uint64_t>(j) * elemSize,
              elemSize);
  }
};

bool sortSort(Machine& m, rt::G& g, uint64_t* s) {
  auto* itab = reinterpret_cast<const rt::Itab*>(s[0]);
  uint64_t data = s[1];
  if (itab == nullptr) {
    m.panicRuntime(rt::RuntimeError::NilDeref);
    return false;
  }
  uint64_t n = 0;
  uint64_t result[1] = {0};
  PanicValue panicked;
  CallResult r = callMethod(m, g, itab->fns[0], data, {}, result, &panicked);  // Len
  if (r == CallResult::Panicked) m.panicValue(panicked.typeWord, panicked.dataWord);
  if (r != CallResult::Ok) return false;
  n = result[0];
  InterfaceSort sorter(m, g, itab, data);
  rt::goSort(sorter, static_cast<int64_t>(n));
  return sorter.finish();
}

// reflect's name for a kind ("ptr", "struct"...); "zero" for no type.
const char* reflectKindName(const rt::TypeDesc* t) {
  if (t == nullptr) return "zero";
  switch (t->kind) {
    case rt::TypeKind::Bool: return "bool";
    case rt::TypeKind::Int: return "int";
    case rt::TypeKind::Int8: return "int8";
    case rt::TypeKind::Int16: return "int16";
    case rt::TypeKind::Int32: return "int32";
    case rt::TypeKind::Int64: return "int64";
    case rt::TypeKind::Uint: return "uint";
    case rt::TypeKind::Uint8: return "uint8";
    case rt::TypeKind::Uint16: return "uint16";
    case rt::TypeKind::Uint32: return "uint32";
    case rt::TypeKind::Uint64: return "uint64";
    case rt::TypeKind::Uintptr: return "uintptr";
    case rt::TypeKind::Float32: return "float32";
    case rt::TypeKind::Float64: return "float64";
    case rt::TypeKind::String: return "string";
    case rt::TypeKind::Pointer: return "ptr";
    case rt::TypeKind::Slice: return "slice";
    case rt::TypeKind::Array: return "array";
    case rt::TypeKind::Struct: return "struct";
    case rt::TypeKind::Map: return "map";
    case rt::TypeKind::Chan: return "chan";
    case rt::TypeKind::Func: return "func";
    case rt::TypeKind::Interface: return "interface";
  }
  return "invalid";
}

void putStatic(uint64_t* s, const char* text) {
  s[0] = reinterpret_cast<uint64_t>(text);
  s[1] = std::strlen(text);
}

// The slice header a `x any` holding a slice boxes: data, len, cap.
const uint64_t* sliceHeader(const uint64_t* s) {
  auto* t = reinterpret_cast<const rt::TypeDesc*>(s[0]);
  if (t == nullptr || t->kind != rt::TypeKind::Slice) return nullptr;
  return reinterpret_cast<const uint64_t*>(s[1]);
}

bool sortSlice(Machine& m, rt::G& g, uint64_t* s) {
  const uint64_t* header = sliceHeader(s);
  if (header == nullptr) {
    putStatic(s, reflectKindName(reinterpret_cast<const rt::TypeDesc*>(s[0])));
    return true;
  }
  auto* t = reinterpret_cast<const rt::TypeDesc*>(s[0]);
  uint64_t closure = s[2];
  uint64_t offset = nativeOffset(g, s);
  SliceSort sorter(m, g, reinterpret_cast<uint8_t*>(header[0]), t->elem->size, closure);
  rt::goSort(sorter, static_cast<int64_t>(header[1]));
  if (!sorter.finish()) return false;
  s = nativeSlots(g, offset);
  s[0] = 0;
  s[1] = 0;
  return true;
}

bool sliceLen(Machine&, rt::G&, uint64_t* s) {
  const uint64_t* header = sliceHeader(s);
  if (header == nullptr) {
    const char* kind = reflectKindName(reinterpret_cast<const rt::TypeDesc*>(s[0]));
    s[0] = 0;
    putStatic(s + 1, kind);
    return true;
  }
  s[0] = header[1];
  s[1] = 0;
  s[2] = 0;
  return true;
}

bool sliceSwap(Machine& m, rt::G&, uint64_t* s) {
  const uint64_t* header = sliceHeader(s);
  auto i = static_cast<int64_t>(s[2]), j = static_cast<int64_t>(s[3]);
  if (header == nullptr) {
    m.panicRuntime(rt::RuntimeError::NilDeref);
    return false;
  }
  auto len = static_cast<int64_t>(header[1]);
  if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(len) ||
      static_cast<uint64_t>(j) >= static_cast<uint64_t>(len)) {
    // Go's Swapper panics with "reflect: slice index out of range".
    m.panicRuntime(rt::RuntimeError::IndexOutOfRange,
                   static_cast<uint64_t>(i) >= static_cast<uint64_t>(len) ? i : j, len);
    return false;
  }
  auto* t = reinterpret_cast<const rt::TypeDesc*>(s[0]);
  auto* base = reinterpret_cast<uint8_t*>(header[0]);
  if (i != j) swapBytes(base + i * t->elem->size, base + j * t->elem->size, t->elem->size);
  return true;
}

// ---- sync/atomic ----

// A narrow result as its slot holds it: signed kinds sign-extended,
// unsigned zero-extended (vm/opcodes.h).
template <typename T>
uint64_t widen(T v) {
  if constexpr (std::is_signed_v<T>) {
    return static_cast<uint64_t>(static_cast<int64_t>(v));
  } else {
    return static_cast<uint64_t>(v);
  }
}

template <typename T>
T* atomicAddr(Machine& m, uint64_t w) {
  auto* p = reinterpret_cast<T*>(w);
  if (p == nullptr) m.panicRuntime(rt::RuntimeError::NilDeref);
  return p;
}

template <typename T>
bool atomicAdd(Machine& m, rt::G&, uint64_t* s) {
  T* p = atomicAddr<T>(m, s[0]);
  if (p == nullptr) return false;
  s[0] = widen(__atomic_add_fetch(p, static_cast<T>(s[1]), __ATOMIC_SEQ_CST));
  return true;
}

template <typename T>
bool atomicLoad(Machine& m, rt::G&, uint64_t* s) {
  T* p = atomicAddr<T>(m, s[0]);
  if (p == nullptr) return false;
  s[0] = widen(__atomic_load_n(p, __ATOMIC_SEQ_CST));
  return true;
}

template <typename T>
bool atomicStore(Machine& m, rt::G&, uint64_t* s) {
  T* p = atomicAddr<T>(m, s[0]);
  if (p == nullptr) return false;
  __atomic_store_n(p, static_cast<T>(s[1]), __ATOMIC_SEQ_CST);
  return true;
}

template <typename T>
bool atomicSwap(Machine& m, rt::G&, uint64_t* s) {
  T* p = atomicAddr<T>(m, s[0]);
  if (p == nullptr) return false;
  s[0] = widen(__atomic_exchange_n(p, static_cast<T>(s[1]), __ATOMIC_SEQ_CST));
  return true;
}

template <typename T>
bool atomicCas(Machine& m, rt::G&, uint64_t* s) {
  T* p = atomicAddr<T>(m, s[0]);
  if (p == nullptr) return false;
  auto expected = static_cast<T>(s[1]);
  s[0] = __atomic_compare_exchange_n(p, &expected, static_cast<T>(s[2]), false, __ATOMIC_SEQ_CST,
                                     __ATOMIC_SEQ_CST)
             ? 1
             : 0;
  return true;
}

std::mutex valueLock;  // guards every atomic.Value's two words

bool loadValue(Machine& m, rt::G&, uint64_t* s) {
  auto* p = atomicAddr<uint64_t>(m, s[0]);
  if (p == nullptr) return false;
  std::lock_guard<std::mutex> hold(valueLock);
  s[0] = p[0];
  s[1] = p[1];
  return true;
}

// swapValue(p *any, val any) (old any, ok bool); val is not nil.
bool swapValue(Machine& m, rt::G&, uint64_t* s) {
  auto* p = atomicAddr<uint64_t>(m, s[0]);
  if (p == nullptr) return false;
  uint64_t type = s[1], data = s[2];
  std::lock_guard<std::mutex> hold(valueLock);
  if (p[0] != 0 && p[0] != type) {
    s[0] = s[1] = 0;
    s[2] = 0;
    return true;
  }
  s[0] = p[0];
  s[1] = p[1];
  s[2] = 1;
  p[0] = type;
  p[1] = data;
  return true;
}

// casValue(p *any, old, new any) (swapped bool, status int); new is not nil.
bool casValue(Machine& m, rt::G&, uint64_t* s) {
  auto* p = atomicAddr<uint64_t>(m, s[0]);
  if (p == nullptr) return false;
  uint64_t oldType = s[1], oldData = s[2], newType = s[3], newData = s[4];
  auto result = [s](bool swapped, uint64_t status) {
    s[0] = swapped ? 1 : 0;
    s[1] = status;
    return true;
  };
  if (oldType != 0 && oldType != newType) return result(false, 3);
  std::lock_guard<std::mutex> hold(valueLock);
  if (p[0] == 0) {
    if (oldType != 0) return result(false, 0);
    p[0] = newType;
    p[1] = newData;
    return result(true, 0);
  }
  if (p[0] != newType) return result(false, 1);
  if (oldType != p[0]) return result(false, 0);  // old is nil
  const rt::TypeDesc* bad = nullptr;
  bool equal = rt::valuesEqual(reinterpret_cast<const rt::TypeDesc*>(p[0]), p[1], oldData, &bad);
  if (bad != nullptr) return result(false, 2);
  if (!equal) return result(false, 0);
  p[1] = newData;
  return result(true, 0);
}

const NativeDef kMiscNatives[] = {
    {"unicode.IsLetter", runePredicate<uc::isLetter>},
    {"unicode.IsDigit", runePredicate<uc::isDigit>},
    {"unicode.IsNumber", runePredicate<uc::isNumber>},
    {"unicode.IsSpace", runePredicate<uc::isSpace>},
    {"unicode.IsUpper", runePredicate<uc::isUpper>},
    {"unicode.IsLower", runePredicate<uc::isLower>},
    {"unicode.IsTitle", runePredicate<uc::isTitle>},
    {"unicode.IsPunct", runePredicate<uc::isPunct>},
    {"unicode.IsControl", runePredicate<uc::isControl>},
    {"unicode.IsGraphic", runePredicate<uc::isGraphic>},
    {"unicode.IsPrint", runePredicate<uc::isPrint>},
    {"unicode.IsMark", runePredicate<uc::isMark>},
    {"unicode.IsSymbol", runePredicate<uc::isSymbol>},
    {"unicode.ToUpper", runeToCase<uc::kUpper>},
    {"unicode.ToLower", runeToCase<uc::kLower>},
    {"unicode.ToTitle", runeToCase<uc::kTitle>},
    {"unicode.SimpleFold", simpleFold},
    {"unicode.tableData", tableData},
    {"strings.Title", stringsTitle},
    {"strings.(*Builder).String", builderString},
    {"errors.isComparable", isComparable},
    {"errors.asTargetKind", asTargetKind},
    {"errors.assignAs", assignAs},
    {"runtime.Version", version},
    {"runtime.KeepAlive", noop},
    {"runtime.Caller", caller},
    {"time.now", timeNow},
    {"time.localZone", localZone},
    {"sort.Sort", sortSort},
    {"sort.sortSlice", sortSlice},
    {"sort.sliceLen", sliceLen},
    {"sort.sliceSwap", sliceSwap},
#define GOL_ATOMIC(Name, T)                                      \
  {"sync/atomic.Add" #Name, atomicAdd<T>},                       \
      {"sync/atomic.Load" #Name, atomicLoad<T>},                 \
      {"sync/atomic.Store" #Name, atomicStore<T>},               \
      {"sync/atomic.Swap" #Name, atomicSwap<T>},                 \
      {"sync/atomic.CompareAndSwap" #Name, atomicCas<T>},
    GOL_ATOMIC(Int32, int32_t)
    GOL_ATOMIC(Int64, int64_t)
    GOL_ATOMIC(Uint32, uint32_t)
    GOL_ATOMIC(Uint64, uint64_t)
    GOL_ATOMIC(Uintptr, uint64_t)
#undef GOL_ATOMIC
    {"sync/atomic.loadValue", loadValue},
    {"sync/atomic.swapValue", swapValue},
    {"sync/atomic.casValue", casValue},
};

}  // namespace

std::span<const NativeDef> miscNatives() { return kMiscNatives; }

}  // namespace gol::vm
