// Interfaces: itabs, type assertions and equality.
//
// An interface value is two words (DESIGN.md §3). For the empty interface
// the first is the dynamic type's TypeDesc*; for any other interface it is
// an Itab*: the interface type, the dynamic type and the methods the
// interface needs, in the interface's method order (sorted by name), so a
// method call is an index into fns (CALLI). The second word is the data:
// the value itself for pointer-shaped types, else a pointer to a boxed
// copy (TypeDesc::isDirectIface). A nil interface is two zero words.
//
// Itabs are built on first use from the types' method sets and cached for
// the life of the program, so the same (interface, type) pair always gives
// the same Itab*, and comparing two non-empty interfaces' dynamic types is
// comparing their itab pointers. The cache is guarded by a mutex; lookups
// happen at conversions and assertions to interface types, never on calls.
//
// Equality (==, map keys later) follows the dynamic type: bytes for
// scalars and plain structs, contents for strings, IEEE for floats (NaN
// unequal), field by field otherwise; slices, maps and funcs are not
// comparable and make == panic with "comparing uncomparable type".
#pragma once

#include <cstdint>
#include <string>

#include "runtime/typedesc.h"

namespace gol::rt {

struct Itab {
  const TypeDesc* iface;
  const TypeDesc* type;
  const void* fns[1];  // iface->methods.size() entries
};

// The itab for `type` as `iface`, or null with *missing set to the name of
// the first method `type` lacks.
const Itab* getItab(const TypeDesc* iface, const TypeDesc* type, std::string* missing);

// Whether two values of dynamic type t are equal. Values are given as
// interface data words. Returns false and sets *uncomparable to the
// offending type if t (or a part of it) cannot be compared.
bool valuesEqual(const TypeDesc* t, uint64_t a, uint64_t b, const TypeDesc** uncomparable);

// The same for two values of type t in memory (Go's layout).
bool memoryEqual(const TypeDesc* t, const void* a, const void* b, const TypeDesc** uncomparable);

// Hash of a value of type t in memory, consistent with memoryEqual (equal
// values hash alike; +0 and -0 too). Sets *unhashable for slices, maps
// and funcs met inside an interface.
uint64_t hashMemory(const TypeDesc* t, const void* p, uint64_t seed, const TypeDesc** unhashable);

}  // namespace gol::rt
