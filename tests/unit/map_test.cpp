// The runtime's maps through their C++ interface: the properties Go's
// spec and runtime promise (tests/unit/vm_test.cpp drives the opcodes).
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <set>
#include <string>

#include "runtime/map.h"

namespace rt = gol::rt;

namespace {

struct Types {
  rt::TypeDesc i64, f64, str, mapI, mapF, mapS;
  Types() {
    i64.name = "int";
    i64.kind = rt::TypeKind::Int;
    f64.name = "float64";
    f64.kind = rt::TypeKind::Float64;
    str.name = "string";
    str.kind = rt::TypeKind::String;
    str.size = 16;
    str.pointerWords = {1};
    mapI.kind = mapF.kind = mapS.kind = rt::TypeKind::Map;
    mapI.key = &i64;
    mapI.elem = &i64;
    mapF.key = &f64;
    mapF.elem = &i64;
    mapS.key = &str;
    mapS.elem = &i64;
  }
};

int64_t get(const rt::TypeDesc& t, rt::Map* m, int64_t k, bool* found) {
  int64_t v;
  std::memcpy(&v, rt::mapAccess(&t, m, &k, found), 8);
  return v;
}
void put(rt::Map* m, int64_t k, int64_t v) { std::memcpy(rt::mapAssign(m, &k), &v, 8); }

}  // namespace

TEST_CASE("maps: insert, look up, delete, grow") {
  Types t;
  rt::Map* m = rt::makeMap(&t.mapI, 0);
  for (int64_t k = 0; k < 100000; ++k) put(m, k, k * 2);
  CHECK(rt::mapLen(m) == 100000);
  bool found;
  CHECK(get(t.mapI, m, 77777, &found) == 155554);
  CHECK(found);
  CHECK(get(t.mapI, m, 100000, &found) == 0);
  CHECK(!found);
  for (int64_t k = 0; k < 100000; k += 2) rt::mapDelete(m, &k);
  CHECK(rt::mapLen(m) == 50000);
  CHECK(get(t.mapI, m, 4, &found) == 0);
  CHECK(!found);
  int64_t sum = 0, count = 0;
  rt::MapIter* it = rt::mapIterStart(m);
  const void *k, *v;
  while (rt::mapIterNext(it, &k, &v)) {
    int64_t key, value;
    std::memcpy(&key, k, 8);
    std::memcpy(&value, v, 8);
    CHECK(value == key * 2);
    sum += key;
    ++count;
  }
  CHECK(count == 50000);
  CHECK(sum == 2500000000);
  // Reinsert over tombstones many times without growing without bound.
  for (int round = 0; round < 20; ++round) {
    for (int64_t k2 = 0; k2 < 1000; ++k2) put(m, -k2 - 1, round);
    for (int64_t k2 = 0; k2 < 1000; ++k2) {
      int64_t key = -k2 - 1;
      rt::mapDelete(m, &key);
    }
  }
  CHECK(rt::mapLen(m) == 50000);
  // nil maps read as empty
  CHECK(rt::mapLen(nullptr) == 0);
  CHECK(get(t.mapI, nullptr, 1, &found) == 0);
  CHECK(!found);
  rt::mapDelete(nullptr, &sum);
  const void *nk, *nv;
  CHECK(!rt::mapIterNext(rt::mapIterStart(nullptr), &nk, &nv));
}

TEST_CASE("maps: iteration order is randomised") {
  Types t;
  rt::Map* m = rt::makeMap(&t.mapI, 0);
  for (int64_t k = 0; k < 64; ++k) put(m, k, k);
  std::set<int64_t> firstKeys;
  for (int r = 0; r < 50; ++r) {
    rt::MapIter* it = rt::mapIterStart(m);
    const void *k, *v;
    REQUIRE(rt::mapIterNext(it, &k, &v));
    int64_t key;
    std::memcpy(&key, k, 8);
    firstKeys.insert(key);
  }
  CHECK(firstKeys.size() > 5);
}

TEST_CASE("maps: ranging while the map grows or loses entries") {
  Types t;
  rt::Map* m = rt::makeMap(&t.mapI, 0);
  for (int64_t k = 0; k < 100; ++k) put(m, k, k);
  std::multiset<int64_t> seen;
  rt::MapIter* it = rt::mapIterStart(m);
  const void *k, *v;
  int64_t next = 1000;
  while (rt::mapIterNext(it, &k, &v)) {
    int64_t key;
    std::memcpy(&key, k, 8);
    seen.insert(key);
    for (int n = 0; n < 10; ++n) put(m, next++, 0);  // forces several growths
    if (key < 100) {
      int64_t victim = 99 - key;  // delete keys not yet seen: never produced
      if (seen.count(victim) == 0) rt::mapDelete(m, &victim);
    }
  }
  std::map<int64_t, int> originals;
  for (int64_t key : seen) {
    CHECK(seen.count(key) == 1);  // at most once
    if (key < 100) ++originals[key];
  }
  // Every original key was produced or deleted before it was reached.
  for (int64_t key = 0; key < 100; ++key) {
    bool found;
    get(t.mapI, m, key, &found);
    CHECK((originals.count(key) == 1 || !found));
  }
}

TEST_CASE("maps: float keys (NaN never matches, -0 is +0) and string keys") {
  Types t;
  rt::Map* m = rt::makeMap(&t.mapF, 0);
  double nan = std::numeric_limits<double>::quiet_NaN();
  int64_t one = 1;
  std::memcpy(rt::mapAssign(m, &nan), &one, 8);
  std::memcpy(rt::mapAssign(m, &nan), &one, 8);
  double pz = 0.0, nz = -0.0;
  std::memcpy(rt::mapAssign(m, &pz), &one, 8);
  std::memcpy(rt::mapAssign(m, &nz), &one, 8);
  CHECK(rt::mapLen(m) == 3);
  bool found;
  rt::mapAccess(&t.mapF, m, &nan, &found);
  CHECK(!found);
  rt::mapAccess(&t.mapF, m, &nz, &found);
  CHECK(found);
  int nans = 0;
  rt::MapIter* it = rt::mapIterStart(m);
  const void *k, *v;
  while (rt::mapIterNext(it, &k, &v)) {
    double d;
    std::memcpy(&d, k, 8);
    nans += std::isnan(d);
  }
  CHECK(nans == 2);

  rt::Map* s = rt::makeMap(&t.mapS, 4);
  std::string a1 = "alpha", a2 = "alpha", b = "beta";
  auto key = [](const std::string& str) {
    struct {
      uint64_t p, n;
    } w{reinterpret_cast<uint64_t>(str.data()), str.size()};
    return w;
  };
  auto k1 = key(a1), k2 = key(a2), k3 = key(b);
  std::memcpy(rt::mapAssign(s, &k1), &one, 8);
  int64_t two = 2;
  std::memcpy(rt::mapAssign(s, &k2), &two, 8);  // same contents, other bytes
  std::memcpy(rt::mapAssign(s, &k3), &one, 8);
  CHECK(rt::mapLen(s) == 2);
  int64_t got;
  std::memcpy(&got, rt::mapAccess(&t.mapS, s, &k1, &found), 8);
  CHECK(got == 2);
}

// m := map[interface{}]int{}; m["a"] = 1; m[1] = 2; m[int64(1)] = 3
// m["a"] (from other bytes) == 1; len(m) == 3; m[[]int{1}] panics:
// "runtime error: hash of unhashable type []int" (go 1.19).
// k := map[struct{s string; n int}]int{}; k[{"x", 1}] = 5; k[{"x", 1}] == 5
TEST_CASE("maps: interface and struct keys") {
  rt::TypeDesc i64, i, str, sl, any, mapAny, pair, mapPair;
  i64.name = "int64";
  i64.kind = rt::TypeKind::Int64;
  i.name = "int";
  i.kind = rt::TypeKind::Int;
  str.name = "string";
  str.kind = rt::TypeKind::String;
  str.size = 16;
  sl.name = "[]int";
  sl.kind = rt::TypeKind::Slice;
  sl.size = 24;
  any.name = "interface {}";
  any.kind = rt::TypeKind::Interface;
  any.size = 16;
  mapAny.kind = rt::TypeKind::Map;
  mapAny.key = &any;
  mapAny.elem = &i;
  pair.name = "struct { s string; n int }";
  pair.kind = rt::TypeKind::Struct;
  pair.size = 24;
  pair.fields = {{&str, 0, "s"}, {&i, 16, "n"}};
  mapPair.kind = rt::TypeKind::Map;
  mapPair.key = &pair;
  mapPair.elem = &i;
  CHECK(rt::keyKindOf(&any) == rt::KeyKind::Typed);

  std::string a1 = "a", a2 = "a";
  uint64_t s1[2] = {reinterpret_cast<uint64_t>(a1.data()), 1};
  uint64_t s2[2] = {reinterpret_cast<uint64_t>(a2.data()), 1};
  int64_t one = 1;
  uint64_t kA[2] = {reinterpret_cast<uint64_t>(&str), reinterpret_cast<uint64_t>(s1)};
  uint64_t kA2[2] = {reinterpret_cast<uint64_t>(&str), reinterpret_cast<uint64_t>(s2)};
  uint64_t kInt[2] = {reinterpret_cast<uint64_t>(&i), reinterpret_cast<uint64_t>(&one)};
  uint64_t kI64[2] = {reinterpret_cast<uint64_t>(&i64), reinterpret_cast<uint64_t>(&one)};
  rt::Map* m = rt::makeMap(&mapAny, 0);
  int64_t v = 1;
  std::memcpy(rt::mapAssign(m, kA), &v, 8);
  v = 2;
  std::memcpy(rt::mapAssign(m, kInt), &v, 8);
  v = 3;
  std::memcpy(rt::mapAssign(m, kI64), &v, 8);
  CHECK(rt::mapLen(m) == 3);
  bool found;
  int64_t got;
  std::memcpy(&got, rt::mapAccess(&mapAny, m, kA2, &found), 8);
  CHECK(found);
  CHECK(got == 1);
  uint64_t slice[3] = {0, 0, 0};
  uint64_t kSlice[2] = {reinterpret_cast<uint64_t>(&sl), reinterpret_cast<uint64_t>(slice)};
  const rt::TypeDesc* bad = nullptr;
  CHECK(rt::mapAssign(m, kSlice, &bad) == nullptr);
  REQUIRE(bad == &sl);
  bad = nullptr;
  rt::mapAccess(&mapAny, nullptr, kSlice, &found, &bad);
  CHECK(bad == &sl);  // even on a nil map, as Go

  rt::Map* k = rt::makeMap(&mapPair, 0);
  uint64_t p1[3] = {reinterpret_cast<uint64_t>(a1.data()), 1, 1};
  uint64_t p2[3] = {reinterpret_cast<uint64_t>(a2.data()), 1, 1};
  uint64_t p3[3] = {reinterpret_cast<uint64_t>(a2.data()), 1, 2};
  v = 5;
  std::memcpy(rt::mapAssign(k, p1), &v, 8);
  std::memcpy(&got, rt::mapAccess(&mapPair, k, p2, &found), 8);
  CHECK(found);
  CHECK(got == 5);
  rt::mapAccess(&mapPair, k, p3, &found);
  CHECK(!found);
}
