// Maps: Go's map[K]V as a hash table with open addressing.
//
// Layout. A map is a header (Map), on the heap or in a frame, pointing at one table: a control
// byte per slot (empty, deleted, or "full" with 7 bits of the key's hash),
// then the keys, then the values, each stored as Go lays the type out in
// memory. Lookups probe linearly from hash & mask and compare the control
// byte before touching a key, so a miss rarely reads a key. The table
// doubles when full and deleted slots pass 7/8 of its capacity (deleted
// slots alone trigger a same-size rehash).
//
// Why not Go's buckets: Go 1.22's maps are buckets of 8 with overflow
// chains and incremental growth, built around its GC and its compiler's
// fast paths. A flat open-addressing table is simpler, as fast for the
// interpreter, and keeps every property a program can observe: len, the
// zero value for a missing key, NaN keys that never match, +0 == -0, nil
// map reads that see nothing and writes that panic, and iteration order.
//
// Iteration is randomised as Go's is: each range starts at a random slot.
// An iterator remembers the table it started on. If the map grows
// meanwhile, the iterator still walks its old table, so it produces every
// key at most once, and it checks each key against the live table: keys
// deleted since are skipped and values are read from the live table (Go's
// rule: an entry removed before it is reached is not produced; one added
// may or may not be).
//
// Operations take keys by address and hand back value addresses, as Go's
// mapaccess/mapassign do: codegen loads and stores the value through the
// pointer with ordinary typed loads and stores, so the map never needs to
// know how a value sits in frame slots.
//
// Hashing: integers, bools, pointers, channels and plain-bytes structs or
// arrays hash their bytes; strings hash their contents; floats hash their
// value (+0 and -0 alike; each NaN differently); interfaces, and structs
// and arrays holding any of those, walk their type (runtime/iface.h). An
// interface key holding a slice, map or func panics, as in Go.
//
// Not thread-safe (neither are Go's maps); concurrent misuse is not
// detected yet (Go's "concurrent map writes").
#pragma once

#include <cstdint>

#include "runtime/typedesc.h"

namespace gol::rt {

struct Map;
struct MapIter;

// How a map hashes and compares its keys; Typed walks the key's type
// (interfaces, structs and arrays holding strings, floats or interfaces).
enum class KeyKind : uint8_t { Bytes, String, Float32, Float64, Typed, Unsupported };
KeyKind keyKindOf(const TypeDesc* key);

// make(map[K]V, hint); `type` is the map type (key and elem set).
Map* makeMap(const TypeDesc* type, int64_t hint);

// The memory layout of a map's header, and of an iterator, for codegen to
// place one in a frame: a map that escape analysis keeps in its frame
// (makeMapAt), and every range's iterator (mapIterStartAt), as Go keeps
// its hmap and hiter on the stack. `at` is zeroed memory of that layout;
// only the header or iterator is there, the table is on the heap.
const TypeDesc* mapHeaderLayout();
const TypeDesc* mapIterLayout();
Map* makeMapAt(void* at, const TypeDesc* type, int64_t hint);
uint64_t mapLen(const Map* m);  // m may be null
// The value for key, or a zeroed value (never to be written) if absent.
// An interface key holding an unhashable value (slice, map, func) sets
// *unhashable (when given) and does nothing: the caller panics.
const void* mapAccess(const TypeDesc* type, Map* m, const void* key, bool* found,
                      const TypeDesc** unhashable = nullptr);
// The value slot for key, inserted (zeroed) if absent. m must not be null.
// Null (with *unhashable set) for an unhashable key.
void* mapAssign(Map* m, const void* key, const TypeDesc** unhashable = nullptr);
void mapDelete(Map* m, const void* key, const TypeDesc** unhashable = nullptr);  // m may be null
void mapClear(Map* m);                    // m may be null

// Iteration: `next` returns false when done, else sets key and value.
MapIter* mapIterStart(Map* m);  // m may be null
MapIter* mapIterStartAt(void* at, Map* m);
bool mapIterNext(MapIter* it, const void** key, const void** value);

}  // namespace gol::rt
