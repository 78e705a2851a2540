// Itabs and interface equality; the design is in iface.h.
//
// Invariants kept here:
//   - one Itab per (interface, dynamic type) pair for the program's life:
//     getItab builds it under itabLock on first use and returns the cached
//     pointer ever after, so itab pointers can be compared for identity;
//   - the lock is taken only at conversions and assertions to non-empty
//     interfaces, never on a method call (CALLI indexes Itab::fns);
//   - equality and hashing walk the dynamic type's layout; an uncomparable
//     type (slice, map, func) is reported to the caller, which panics.
#include "runtime/iface.h"

#include <cstdio>
#include <cstdlib>

#include <cstring>
#include <map>
#include <mutex>
#include <utility>

#include "runtime/alloc.h"
#include "runtime/hash.h"

namespace gol::rt {
namespace {

std::mutex itabLock;
// Guarded by itabLock. Values are never freed: itabs live as long as the
// program, like the type descriptors they point to.
// Never destroyed, so that the itabs stay reachable until the process ends
// (leak checkers run after static destructors).
auto& itabs = *new std::map<std::pair<const TypeDesc*, const TypeDesc*>, const Itab*>;

bool memoryEqualBytes(const TypeDesc* t, const uint8_t* a, const uint8_t* b, const TypeDesc** bad) {
  switch (t->kind) {
    case TypeKind::String: {
      uint64_t x[2], y[2];
      std::memcpy(x, a, 16);
      std::memcpy(y, b, 16);
      return x[1] == y[1] && (x[0] == y[0] || std::memcmp(reinterpret_cast<const void*>(x[0]),
                                                          reinterpret_cast<const void*>(y[0]), x[1]) == 0);
    }
    case TypeKind::Float32: {
      float x, y;
      std::memcpy(&x, a, 4);
      std::memcpy(&y, b, 4);
      return x == y;
    }
    case TypeKind::Float64: {
      double x, y;
      std::memcpy(&x, a, 8);
      std::memcpy(&y, b, 8);
      return x == y;
    }
    case TypeKind::Slice:
    case TypeKind::Map:
    case TypeKind::Func:
      *bad = t;
      return false;
    case TypeKind::Interface: {
      uint64_t x[2], y[2];
      std::memcpy(x, a, 16);
      std::memcpy(y, b, 16);
      if (x[0] != y[0]) return false;
      if (x[0] == 0) return true;
      // Empty interfaces hold a TypeDesc*, others an Itab*.
      const TypeDesc* dyn = t->methods.empty() ? reinterpret_cast<const TypeDesc*>(x[0])
                                               : reinterpret_cast<const Itab*>(x[0])->type;
      return valuesEqual(dyn, x[1], y[1], bad);
    }
    case TypeKind::Struct:
      if (t->plainBytes) return std::memcmp(a, b, t->size) == 0;
      for (const StructField& f : t->fields)
        if (!memoryEqualBytes(f.type, a + f.offset, b + f.offset, bad)) return false;
      return true;
    case TypeKind::Array:
      if (t->plainBytes) return std::memcmp(a, b, t->size) == 0;
      for (uint64_t k = 0; k < t->length; ++k)
        if (!memoryEqualBytes(t->elem, a + k * t->elem->size, b + k * t->elem->size, bad)) return false;
      return true;
    default:
      return std::memcmp(a, b, t->size) == 0;
  }
}

}  // namespace

const Itab* getItab(const TypeDesc* iface, const TypeDesc* type, std::string* missing) {
  std::lock_guard<std::mutex> hold(itabLock);
  auto key = std::make_pair(iface, type);
  auto it = itabs.find(key);
  if (it != itabs.end()) return it->second;
  size_t n = iface->methods.size();
  // Itabs live as long as the program (the cache keeps every one) and
  // point only at descriptors and functions, so they are not collected
  // heap objects.
  auto* tab = static_cast<Itab*>(std::calloc(1, sizeof(Itab) + (n > 0 ? n - 1 : 0) * sizeof(void*)));
  if (tab == nullptr) {
    std::fputs("fatal error: runtime: out of memory\n", stderr);
    std::exit(2);
  }
  tab->iface = iface;
  tab->type = type;
  // Both lists are sorted by name: one merge pass.
  size_t j = 0;
  for (size_t k = 0; k < n; ++k) {
    const std::string& want = iface->methods[k].name;
    while (j < type->methods.size() && type->methods[j].name < want) ++j;
    const TypeDesc* wantSig = iface->methods[k].signature;
    if (j == type->methods.size() || type->methods[j].name != want ||
        (wantSig != nullptr && type->methods[j].signature != nullptr &&
         type->methods[j].signature != wantSig)) {
      *missing = want;
      std::free(tab);
      return nullptr;  // not cached: a failed assertion is rare
    }
    tab->fns[k] = type->methods[j].fn;
  }
  itabs.emplace(key, tab);
  return tab;
}

bool valuesEqual(const TypeDesc* t, uint64_t a, uint64_t b, const TypeDesc** uncomparable) {
  if (t->kind == TypeKind::Func || t->kind == TypeKind::Map) {
    *uncomparable = t;
    return false;
  }
  if (t->isDirectIface()) return a == b;
  return memoryEqualBytes(t, reinterpret_cast<const uint8_t*>(a), reinterpret_cast<const uint8_t*>(b),
                          uncomparable);
}

bool memoryEqual(const TypeDesc* t, const void* a, const void* b, const TypeDesc** uncomparable) {
  return memoryEqualBytes(t, static_cast<const uint8_t*>(a), static_cast<const uint8_t*>(b), uncomparable);
}

uint64_t hashMemory(const TypeDesc* t, const void* p, uint64_t seed, const TypeDesc** unhashable) {
  auto bytes = static_cast<const uint8_t*>(p);
  switch (t->kind) {
    case TypeKind::String: {
      uint64_t w[2];
      std::memcpy(w, p, 16);
      return hashBytes(reinterpret_cast<const uint8_t*>(w[0]), w[1], seed);
    }
    case TypeKind::Float32:
    case TypeKind::Float64: {
      double d;
      if (t->kind == TypeKind::Float32) {
        float f;
        std::memcpy(&f, p, 4);
        d = f;
      } else {
        std::memcpy(&d, p, 8);
      }
      if (d == 0) d = 0;  // -0 hashes as +0; a NaN hashes as its bits and never matches
      uint64_t b;
      std::memcpy(&b, &d, 8);
      return hashMix(b ^ seed);
    }
    case TypeKind::Slice:
    case TypeKind::Map:
    case TypeKind::Func:
      *unhashable = t;
      return 0;
    case TypeKind::Interface: {
      uint64_t w[2];
      std::memcpy(w, p, 16);
      if (w[0] == 0) return hashMix(seed);
      const TypeDesc* dyn = t->methods.empty() ? reinterpret_cast<const TypeDesc*>(w[0])
                                               : reinterpret_cast<const Itab*>(w[0])->type;
      uint64_t h = hashMix(reinterpret_cast<uint64_t>(dyn) ^ seed);
      if (dyn->kind == TypeKind::Func || dyn->kind == TypeKind::Map) {
        *unhashable = dyn;
        return 0;
      }
      if (dyn->isDirectIface()) return hashMix(h ^ w[1]);
      return hashMemory(dyn, reinterpret_cast<const void*>(w[1]), h, unhashable);
    }
    case TypeKind::Struct:
      if (t->plainBytes) return hashBytes(bytes, t->size, seed);
      for (const StructField& f : t->fields) seed = hashMemory(f.type, bytes + f.offset, seed, unhashable);
      return seed;
    case TypeKind::Array:
      if (t->plainBytes) return hashBytes(bytes, t->size, seed);
      for (uint64_t k = 0; k < t->length; ++k)
        seed = hashMemory(t->elem, bytes + k * t->elem->size, seed, unhashable);
      return seed;
    default:
      return hashBytes(bytes, t->size, seed);
  }
}

}  // namespace gol::rt
