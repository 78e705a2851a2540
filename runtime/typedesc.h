// TypeDesc: what the runtime knows about a Gol type at run time.
//
// The front end knows everything about a type; the runtime needs only what
// allocation, the garbage collector and (later) interfaces and printing
// need: the size and alignment of a value in memory (as Go lays it out:
// int8 is one byte, string is two words, a struct has Go's padding), and a
// pointer bitmap with one bit per 8-byte word saying which words hold
// pointers. The bitmap is what makes the collector precise (DESIGN.md §3,
// §6): a word without its bit set is never treated as a pointer.
//
// Descriptors are created by codegen (one per type that is allocated,
// converted to an interface, or printed), owned by the Module, and never
// freed or moved while a program runs, so a `const TypeDesc*` is a stable
// identity: two values have the same dynamic type iff their descriptors
// are the same pointer. Fields for interfaces (method tables) and fmt
// (names of fields, element descriptors) will be added by the issues that
// need them; adding fields here never changes the bytecode.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gol::rt {

enum class TypeKind : uint8_t {
  Bool, Int, Int8, Int16, Int32, Int64, Uint, Uint8, Uint16, Uint32, Uint64, Uintptr,
  Float32, Float64, String, Pointer, Slice, Array, Struct, Map, Chan, Func, Interface,
};

struct TypeDesc;

// A method of a type's method set: `fn` is the vm::Function that runs it,
// taking the interface's data word (a pointer to the boxed value, or the
// pointer itself for pointer-shaped types) as its first parameter; codegen
// generates wrappers where the declared receiver differs. For interface
// types, the methods they require, with fn null. Sorted by name.
struct Method {
  std::string name;
  const void* fn = nullptr;
  // The signature is exactly func() string, as fmt's Stringer and error's
  // Error need; fmt calls only such methods.
  bool returnsString = false;
  // The method's type without its receiver (a Func descriptor; null when
  // unknown): an interface is satisfied only by methods of the same name
  // and the same signature (Unwrap() error vs Unwrap() []error).
  const TypeDesc* signature = nullptr;
};

struct StructField {
  const TypeDesc* type;
  uint64_t offset;
  std::string name;       // as declared; an embedded field's is its type's name
  bool embedded = false;
  bool exported = false;  // fmt calls String/Error only through exported fields
};

struct TypeDesc {
  std::string name;            // as %T prints it: "int", "[]string", "main.Point"
  TypeKind kind = TypeKind::Int;
  bool named = false;          // a defined type (main.Point, time.Duration), not a literal
  uint64_t size = 8;           // bytes, as unsafe.Sizeof would say
  uint32_t align = 8;
  // One bit per 8-byte word of the value; empty means "no pointers", which
  // lets the allocator put the object where the collector never looks.
  std::vector<uint64_t> pointerWords;
  const TypeDesc* elem = nullptr;  // pointer, slice, array, chan, map value
  const TypeDesc* key = nullptr;   // map key
  // For structs and arrays: equality and hashing may compare bytes (no
  // floats, strings, interfaces or padding inside). Scalars follow kind.
  bool plainBytes = false;
  uint64_t length = 0;              // arrays
  std::vector<StructField> fields;  // structs
  std::vector<Method> methods;      // method set, or an interface's methods
  bool variadic = false;            // funcs (for %T)

  const Method* findMethod(std::string_view n) const {
    for (const Method& m : methods)
      if (m.name == n) return &m;
    return nullptr;
  }

  // Interface values hold pointers and pointer-shaped values (maps,
  // channels, funcs) directly in their data word; everything else is
  // boxed: the data word points to a copy (allocate(type)).
  bool isDirectIface() const {
    return kind == TypeKind::Pointer || kind == TypeKind::Map || kind == TypeKind::Chan ||
           kind == TypeKind::Func;
  }
  bool hasPointers() const {
    for (uint64_t w : pointerWords)
      if (w != 0) return true;
    return false;
  }
  bool wordIsPointer(size_t word) const {
    size_t i = word / 64;
    return i < pointerWords.size() && ((pointerWords[i] >> (word % 64)) & 1) != 0;
  }
  void setPointerWord(size_t word) {
    if (word / 64 >= pointerWords.size()) pointerWords.resize(word / 64 + 1, 0);
    pointerWords[word / 64] |= uint64_t{1} << (word % 64);
  }
};

}  // namespace gol::rt
