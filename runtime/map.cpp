// Hash maps: the open-addressing table described in map.h.
//
// Invariants kept here:
//   - capacity is a power of two and the table is never full: it grows
//     (or rehashes at the same size when deleted slots dominate) before an
//     insert would pass 7/8 occupancy, so every probe reaches an empty slot;
//   - a control byte is empty, deleted, or full with 7 bits of the hash,
//     and a key is compared only when its control byte matches;
//   - a nil map reads as empty, and a missing key reads as zeroValue;
//   - iterators start at a random slot and keep the table they began on.
#include "runtime/map.h"

#include <cstring>
#include <random>

#include "runtime/alloc.h"
#include "runtime/barrier.h"
#include "runtime/hash.h"
#include "runtime/iface.h"

namespace gol::rt {

namespace {

constexpr uint8_t kEmpty = 0;
constexpr uint8_t kDeleted = 1;
constexpr uint8_t kFullBit = 0x80;
constexpr uint64_t kMinCapacity = 8;
constexpr uint64_t kZeroValueBytes = 1024;  // Go's zeroVal has this size too

alignas(16) const uint8_t zeroValue[kZeroValueBytes] = {};

// Per-thread generator for hash seeds and iteration starts: not
// cryptographic, only unpredictable enough that no program can rely on an
// order (Go uses its own fastrand the same way).
uint64_t fastRand() {
  thread_local uint64_t state = [] {
    std::random_device rd;
    return (static_cast<uint64_t>(rd()) << 32) ^ rd() ^ 0x9E3779B97F4A7C15u;
  }();
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

}  // namespace

struct Map {
  const TypeDesc* type;
  KeyKind keyKind;
  uint64_t keySize, valueSize;
  uint64_t count;     // live entries
  uint64_t used;      // live + deleted slots
  uint64_t capacity;  // power of two
  uint64_t seed;
  uint8_t* ctrl;
  uint8_t* keys;
  uint8_t* values;
  const void* zero;   // zeroed value for misses
};

struct MapIter {
  Map* map;
  const uint8_t* ctrl;  // the table the range started on
  const uint8_t* keys;
  const uint8_t* values;
  uint64_t capacity;
  uint64_t start, visited;
};

KeyKind keyKindOf(const TypeDesc* key) {
  switch (key->kind) {
    case TypeKind::String:
      return KeyKind::String;
    case TypeKind::Float32:
      return KeyKind::Float32;
    case TypeKind::Float64:
      return KeyKind::Float64;
    case TypeKind::Struct:
    case TypeKind::Array:
      return key->plainBytes ? KeyKind::Bytes : KeyKind::Typed;
    case TypeKind::Interface:
      return KeyKind::Typed;
    case TypeKind::Slice:
    case TypeKind::Map:
    case TypeKind::Func:
      return KeyKind::Unsupported;
    default:
      return KeyKind::Bytes;
  }
}

namespace {

struct Hashed {
  uint64_t hash;
  bool neverEqual;  // a NaN: matches no key, not even itself
  const TypeDesc* unhashable = nullptr;  // an interface key holding a slice, map or func
};

Hashed hashKey(const Map* m, const void* key) {
  switch (m->keyKind) {
    case KeyKind::Typed: {
      Hashed h{0, false};
      h.hash = hashMemory(m->type->key, key, m->seed, &h.unhashable);
      return h;
    }
    case KeyKind::String: {
      uint64_t w[2];
      std::memcpy(w, key, 16);
      return {hashBytes(reinterpret_cast<const uint8_t*>(w[0]), w[1], m->seed), false};
    }
    case KeyKind::Float32:
    case KeyKind::Float64: {
      double d;
      if (m->keyKind == KeyKind::Float32) {
        float f;
        std::memcpy(&f, key, 4);
        d = f;
      } else {
        std::memcpy(&d, key, 8);
      }
      if (d != d) return {fastRand(), true};
      if (d == 0) d = 0;  // -0 hashes as +0
      uint64_t bits;
      std::memcpy(&bits, &d, 8);
      return {hashMix(bits ^ m->seed), false};
    }
    default:
      return {hashBytes(static_cast<const uint8_t*>(key), m->keySize, m->seed), false};
  }
}

bool keysEqual(const Map* m, const void* a, const void* b) {
  switch (m->keyKind) {
    case KeyKind::Typed: {
      const TypeDesc* bad = nullptr;  // cannot happen: both keys hashed
      return memoryEqual(m->type->key, a, b, &bad);
    }
    case KeyKind::String: {
      uint64_t x[2], y[2];
      std::memcpy(x, a, 16);
      std::memcpy(y, b, 16);
      return x[1] == y[1] && (x[0] == y[0] || std::memcmp(reinterpret_cast<const void*>(x[0]),
                                                          reinterpret_cast<const void*>(y[0]), x[1]) == 0);
    }
    case KeyKind::Float32: {
      float x, y;
      std::memcpy(&x, a, 4);
      std::memcpy(&y, b, 4);
      return x == y;
    }
    case KeyKind::Float64: {
      double x, y;
      std::memcpy(&x, a, 8);
      std::memcpy(&y, b, 8);
      return x == y;
    }
    default:
      return std::memcmp(a, b, m->keySize) == 0;
  }
}

void allocTable(Map* m, uint64_t capacity) {
  // The old tables' pointers are overwritten: shade them (write barrier).
  shade(reinterpret_cast<uint64_t>(m->ctrl));
  shade(reinterpret_cast<uint64_t>(m->keys));
  shade(reinterpret_cast<uint64_t>(m->values));
  m->capacity = capacity;
  m->ctrl = static_cast<uint8_t*>(allocateBytes(capacity, false));
  m->keys = static_cast<uint8_t*>(allocateArray(m->type->key, capacity));
  m->values = static_cast<uint8_t*>(allocateArray(m->type->elem, capacity));
  m->used = 0;
}

// Index of key's slot, or the slot to insert it in (*found false).
uint64_t probe(const Map* m, const void* key, const Hashed& h, bool* found) {
  uint64_t mask = m->capacity - 1;
  auto tag = static_cast<uint8_t>(kFullBit | (h.hash >> 57));
  uint64_t firstFree = UINT64_MAX;
  for (uint64_t i = h.hash & mask;; i = (i + 1) & mask) {
    uint8_t c = m->ctrl[i];
    if (c == kEmpty) {
      *found = false;
      return firstFree != UINT64_MAX ? firstFree : i;
    }
    if (c == kDeleted) {
      if (firstFree == UINT64_MAX) firstFree = i;
    } else if (c == tag && !h.neverEqual && keysEqual(m, key, m->keys + i * m->keySize)) {
      *found = true;
      return i;
    }
  }
}

void rehash(Map* m, uint64_t newCapacity) {
  uint8_t* oldCtrl = m->ctrl;
  uint8_t* oldKeys = m->keys;
  uint8_t* oldValues = m->values;
  uint64_t oldCapacity = m->capacity;
  allocTable(m, newCapacity);
  for (uint64_t i = 0; i < oldCapacity; ++i) {
    if ((oldCtrl[i] & kFullBit) == 0) continue;
    const uint8_t* k = oldKeys + i * m->keySize;
    // A NaN key keeps its slot's tag: rehashing it would give a new hash,
    // which is fine, as it can never be looked up anyway.
    Hashed h = hashKey(m, k);
    uint64_t mask = m->capacity - 1;
    uint64_t j = h.hash & mask;
    while (m->ctrl[j] != kEmpty) j = (j + 1) & mask;
    m->ctrl[j] = static_cast<uint8_t>(kFullBit | (h.hash >> 57));
    std::memcpy(m->keys + j * m->keySize, k, m->keySize);
    std::memcpy(m->values + j * m->valueSize, oldValues + i * m->valueSize, m->valueSize);
    ++m->used;
  }
}

}  // namespace

const TypeDesc* mapHeaderLayout() {
  static const TypeDesc* layout = recordLayout(
      "runtime.hmap", sizeof(Map), {offsetof(Map, ctrl), offsetof(Map, keys), offsetof(Map, values), offsetof(Map, zero)});
  return layout;
}

const TypeDesc* mapIterLayout() {
  static const TypeDesc* layout =
      recordLayout("runtime.hiter", sizeof(MapIter),
                   {offsetof(MapIter, map), offsetof(MapIter, ctrl), offsetof(MapIter, keys), offsetof(MapIter, values)});
  return layout;
}

Map* makeMap(const TypeDesc* type, int64_t hint) { return makeMapAt(allocate(mapHeaderLayout()), type, hint); }

Map* makeMapAt(void* at, const TypeDesc* type, int64_t hint) {
  auto* m = static_cast<Map*>(at);
  m->type = type;
  m->keyKind = keyKindOf(type->key);
  m->keySize = type->key->size;
  m->valueSize = type->elem->size;
  m->count = 0;
  m->seed = fastRand();
  m->zero = m->valueSize <= kZeroValueBytes ? zeroValue : allocateBytes(m->valueSize, false);
  uint64_t capacity = kMinCapacity;
  // Room for hint entries below the 7/8 load factor.
  while (hint > 0 && capacity * 7 / 8 < static_cast<uint64_t>(hint) && capacity < (uint64_t{1} << 40))
    capacity *= 2;
  allocTable(m, capacity);
  return m;
}

uint64_t mapLen(const Map* m) { return m == nullptr ? 0 : m->count; }

const void* mapAccess(const TypeDesc* type, Map* m, const void* key, bool* found,
                      const TypeDesc** unhashable) {
  if (m == nullptr || m->count == 0) {
    // Go hashes the key even here, so an unhashable one panics on a nil map too.
    if (unhashable != nullptr && keyKindOf(type->key) == KeyKind::Typed) {
      const TypeDesc* bad = nullptr;
      hashMemory(type->key, key, 0, &bad);
      if (bad != nullptr) {
        *unhashable = bad;
        *found = false;
        return zeroValue;
      }
    }
    *found = false;
    if (type->elem->size <= kZeroValueBytes) return zeroValue;
    return m != nullptr ? m->zero : allocateBytes(type->elem->size, false);
  }
  Hashed h = hashKey(m, key);
  if (h.unhashable != nullptr) {
    if (unhashable != nullptr) *unhashable = h.unhashable;
    *found = false;
    return m->zero;
  }
  uint64_t i = probe(m, key, h, found);
  return *found ? static_cast<const void*>(m->values + i * m->valueSize) : m->zero;
}

void* mapAssign(Map* m, const void* key, const TypeDesc** unhashable) {
  Hashed h = hashKey(m, key);
  if (h.unhashable != nullptr) {
    if (unhashable != nullptr) *unhashable = h.unhashable;
    return nullptr;
  }
  bool found;
  uint64_t i = probe(m, key, h, &found);
  if (found) return m->values + i * m->valueSize;
  if (m->ctrl[i] == kEmpty && (m->used + 1) * 8 > m->capacity * 7) {
    // Grow when live entries fill half the table; else only clear tombstones.
    rehash(m, m->count * 2 >= m->capacity ? m->capacity * 2 : m->capacity);
    i = probe(m, key, h, &found);
  }
  if (m->ctrl[i] == kEmpty) ++m->used;
  m->ctrl[i] = static_cast<uint8_t>(kFullBit | (h.hash >> 57));
  std::memcpy(m->keys + i * m->keySize, key, m->keySize);
  checkStored(m->keys + i * m->keySize, m->keySize);
  void* v = m->values + i * m->valueSize;
  std::memset(v, 0, m->valueSize);
  ++m->count;
  return v;
}

void mapDelete(Map* m, const void* key, const TypeDesc** unhashable) {
  if (m == nullptr || m->count == 0) return;
  Hashed h = hashKey(m, key);
  if (h.unhashable != nullptr) {
    if (unhashable != nullptr) *unhashable = h.unhashable;
    return;
  }
  bool found;
  uint64_t i = probe(m, key, h, &found);
  if (!found) return;
  m->ctrl[i] = kDeleted;
  // Clear the entry so the GC does not keep what it pointed to alive.
  shadeRange(m->keys + i * m->keySize, m->keySize);
  shadeRange(m->values + i * m->valueSize, m->valueSize);
  std::memset(m->keys + i * m->keySize, 0, m->keySize);
  std::memset(m->values + i * m->valueSize, 0, m->valueSize);
  --m->count;
}

void mapClear(Map* m) {
  if (m == nullptr) return;
  // A fresh table: iterators over the old one find nothing live any more.
  allocTable(m, kMinCapacity);
  m->count = 0;
}

MapIter* mapIterStart(Map* m) { return mapIterStartAt(allocate(mapIterLayout()), m); }

MapIter* mapIterStartAt(void* at, Map* m) {
  auto* it = static_cast<MapIter*>(at);
  it->map = m;
  if (m == nullptr || m->count == 0) {
    it->capacity = 0;
    return it;
  }
  it->ctrl = m->ctrl;
  it->keys = m->keys;
  it->values = m->values;
  it->capacity = m->capacity;
  it->start = fastRand() & (m->capacity - 1);
  it->visited = 0;
  return it;
}

bool mapIterNext(MapIter* it, const void** key, const void** value) {
  Map* m = it->map;
  while (it->visited < it->capacity) {
    uint64_t i = (it->start + it->visited) & (it->capacity - 1);
    ++it->visited;
    if ((it->ctrl[i] & kFullBit) == 0) continue;
    const uint8_t* k = it->keys + i * m->keySize;
    if (it->ctrl == m->ctrl) {
      *key = k;
      *value = it->values + i * m->valueSize;
      return true;
    }
    // The map was rehashed or cleared since the range began: produce the
    // key only if it is still there, with its current value.
    bool found;
    const void* v = mapAccess(m->type, m, k, &found, nullptr);
    if (!found) {
      if (m->keyKind != KeyKind::Float32 && m->keyKind != KeyKind::Float64) continue;
      // A NaN key is never found, yet is still in the map: produce it with
      // its value from the old table unless the map was cleared.
      if (m->count == 0) continue;
      Hashed h = hashKey(m, k);
      if (!h.neverEqual) continue;
      v = it->values + i * m->valueSize;
    }
    *key = k;
    *value = v;
    return true;
  }
  return false;
}

}  // namespace gol::rt
