// Types, objects, scopes and packages of Gol, as Go's go/types models them.
//
// The checker (check*.cpp) builds these; later stages (escape analysis,
// codegen, the REPL) read them. The model follows go/types closely so that
// the rules of the Go spec map onto it one to one:
//
//   - A Type is one of Basic, Pointer, Array, Slice, Map, Chan, Struct,
//     Tuple, Signature, Interface or Named. Types are not hash-consed: two
//     separately built `[]int` are distinct objects, and `identical()` is
//     the only correct equality (as in go/types). Named types are unique per
//     declaration, so for them identity is pointer equality.
//   - `byte` and `rune` are their own Basic objects (kinds Uint8 and Int32
//     with names "byte" and "rune"), so messages say `byte` where the user
//     wrote byte; identical() compares Basic kinds, so byte == uint8.
//   - An Object is a named language entity: Var (also struct fields and
//     parameters), Const, TypeName, Func (also methods), PkgName, Builtin,
//     Label, Nil. Every Ident the checker resolves points at one.
//   - A Scope maps names to objects and links to its parent; the universe
//     scope is the root, then package, file, function and block scopes.
//
// Everything is owned by a Universe (one per compilation, living in the
// Program) and freed with it; all pointers here are non-owning.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "lang/ast.h"
#include "lang/constant.h"
#include "lang/source.h"

namespace gol::lang::types {

class Package;
class Scope;
class Universe;

// ---------------------------------------------------------------------------
// Types

enum class TypeKind : uint8_t { Basic, Pointer, Array, Slice, Map, Chan, Struct, Tuple, Signature, Interface, Named };

class Type {
 public:
  explicit Type(TypeKind k) : kind_(k) {}
  virtual ~Type() = default;
  TypeKind kind() const { return kind_; }

  // The underlying type: itself, except for Named types.
  const Type* underlying() const;

  template <typename T> bool is() const { return kind_ == T::kKind; }
  template <typename T> const T* as() const { return is<T>() ? static_cast<const T*>(this) : nullptr; }
  // as<T>() of the underlying type: t->under<Slice>() is non-null for any slice type.
  template <typename T> const T* under() const { return underlying()->as<T>(); }

 private:
  TypeKind kind_;
};

enum class BasicKind : uint8_t {
  Invalid,  // the type of an erroneous expression; never reported twice
  Bool,
  Int, Int8, Int16, Int32, Int64,
  Uint, Uint8, Uint16, Uint32, Uint64, Uintptr,
  Float32, Float64,
  String,
  UntypedBool, UntypedInt, UntypedRune, UntypedFloat, UntypedString, UntypedNil,
};

enum BasicInfo : uint8_t {
  kIsBoolean = 1 << 0,
  kIsInteger = 1 << 1,
  kIsUnsigned = 1 << 2,
  kIsFloat = 1 << 3,
  kIsString = 1 << 4,
  kIsUntyped = 1 << 5,
  kIsOrdered = kIsInteger | kIsFloat | kIsString,
  kIsNumeric = kIsInteger | kIsFloat,
  kIsConstType = kIsBoolean | kIsNumeric | kIsString,
};

class Basic final : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::Basic;
  Basic(BasicKind k, uint8_t info, int size, std::string name)
      : Type(kKind), basicKind(k), info(info), size(size), name(std::move(name)) {}
  BasicKind basicKind;
  uint8_t info;      // BasicInfo bits
  int size;          // in bytes; 0 for untyped kinds and string (two words)
  std::string name;  // "int", "byte", "untyped int", ...
};

class Pointer final : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::Pointer;
  explicit Pointer(const Type* elem) : Type(kKind), elem(elem) {}
  const Type* elem;
};

class Array final : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::Array;
  Array(const Type* elem, int64_t len) : Type(kKind), elem(elem), len(len) {}
  const Type* elem;
  int64_t len;
};

class Slice final : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::Slice;
  explicit Slice(const Type* elem) : Type(kKind), elem(elem) {}
  const Type* elem;
};

class Map final : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::Map;
  Map(const Type* key, const Type* elem) : Type(kKind), key(key), elem(elem) {}
  const Type* key;
  const Type* elem;
};

class Chan final : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::Chan;
  Chan(ChanDir dir, const Type* elem) : Type(kKind), dir(dir), elem(elem) {}
  ChanDir dir;
  const Type* elem;
};

class Var;
class Func;
class TypeName;

class Struct final : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::Struct;
  Struct() : Type(kKind) {}
  std::vector<Var*> fields;       // in declaration order; Var::isField
  std::vector<std::string> tags;  // parallel to fields; "" when untagged
};

// An ordered list of variables: parameter and result lists, and the type of
// a multi-valued expression (a call of a function with several results).
class Tuple final : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::Tuple;
  Tuple() : Type(kKind) {}
  std::vector<Var*> vars;
  size_t size() const { return vars.size(); }
};

class Signature final : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::Signature;
  Signature() : Type(kKind) {}
  Var* recv = nullptr;              // non-null for methods
  const Tuple* params = nullptr;    // never null (may be empty)
  const Tuple* results = nullptr;   // never null (may be empty)
  bool variadic = false;            // last param is ...T, typed []T
};

class Interface final : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::Interface;
  Interface() : Type(kKind) {}
  std::vector<Func*> methods;             // declared explicitly
  std::vector<const Type*> embeddeds;     // embedded interfaces
  // Complete method set (explicit + embedded), sorted by name (then by
  // package for unexported names); filled by Universe::completeInterface.
  std::vector<Func*> allMethods;
  bool complete = false;
  // The universe's `any` (one shared object): typeString prints it as `any`
  // and any other empty interface as `interface{}`, as types2 does.
  bool isAny = false;
  bool isEmpty() const { return complete ? allMethods.empty() : (methods.empty() && embeddeds.empty()); }
};

class Named final : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::Named;
  explicit Named(TypeName* obj) : Type(kKind), obj(obj) {}
  TypeName* obj;
  const Type* under = nullptr;     // set once the declaration is resolved
  std::vector<Func*> methods;      // declared methods, in source order
};

inline const Type* Type::underlying() const {
  if (kind_ != TypeKind::Named) return this;
  const Type* u = static_cast<const Named*>(this)->under;
  return u ? u : this;
}

// ---------------------------------------------------------------------------
// Objects

enum class ObjKind : uint8_t { Var, Const, TypeName, Func, PkgName, Builtin, Label, Nil };

class Object {
 public:
  Object(ObjKind k, Pos pos, Package* pkg, std::string name, const Type* type)
      : kind(k), pos(pos), pkg(pkg), name(std::move(name)), type(type) {}
  virtual ~Object() = default;

  template <typename T> bool is() const { return kind == T::kKind; }
  template <typename T> T* as() { return is<T>() ? static_cast<T*>(this) : nullptr; }
  template <typename T> const T* as() const { return is<T>() ? static_cast<const T*>(this) : nullptr; }

  bool exported() const;  // name starts with an upper-case letter

  ObjKind kind;
  Pos pos;                  // of the declaring identifier; invalid for universe objects
  Package* pkg;             // null for universe objects
  std::string name;
  const Type* type;         // null until resolved (package-level objects)
  Scope* parent = nullptr;  // the scope declaring it (null for fields and methods)
};

class Var final : public Object {
 public:
  static constexpr ObjKind kKind = ObjKind::Var;
  Var(Pos pos, Package* pkg, std::string name, const Type* type) : Object(kKind, pos, pkg, std::move(name), type) {}
  bool isField = false;
  bool embedded = false;   // an embedded struct field
  bool isParam = false;    // parameter or result (named or not)
  bool isGlobal = false;   // package-level variable
  bool used = false;       // for "declared and not used"
  bool captured = false;   // referred to by a function literal nested in its function
  bool addressTaken = false;  // &v appears, or a method with pointer receiver is called on it
};

class Const final : public Object {
 public:
  static constexpr ObjKind kKind = ObjKind::Const;
  Const(Pos pos, Package* pkg, std::string name, const Type* type, ConstValue value)
      : Object(kKind, pos, pkg, std::move(name), type), value(std::move(value)) {}
  ConstValue value;
};

class TypeName final : public Object {
 public:
  static constexpr ObjKind kKind = ObjKind::TypeName;
  TypeName(Pos pos, Package* pkg, std::string name, const Type* type) : Object(kKind, pos, pkg, std::move(name), type) {}
  bool isAlias = false;
};

class Func final : public Object {
 public:
  static constexpr ObjKind kKind = ObjKind::Func;
  Func(Pos pos, Package* pkg, std::string name, const Signature* sig) : Object(kKind, pos, pkg, std::move(name), sig) {}
  const Signature* signature() const { return static_cast<const Signature*>(type); }
  FuncDecl* decl = nullptr;  // null for interface methods
  // Its body waits to be checked (CheckConfig::bodiesOnDemand): decl->body
  // is null meanwhile, but it is no native.
  bool bodyPending = false;
  bool hasPtrRecv() const;   // method declared with a pointer receiver
};

class PkgName final : public Object {
 public:
  static constexpr ObjKind kKind = ObjKind::PkgName;
  PkgName(Pos pos, Package* pkg, std::string name, Package* imported)
      : Object(kKind, pos, pkg, std::move(name), nullptr), imported(imported) {}
  Package* imported;
  bool used = false;
};

#define GOL_BUILTINS(X)                                                              \
  X(Append, "append") X(Cap, "cap") X(Clear, "clear") X(Close, "close")             \
  X(Complex, "complex") X(Copy, "copy") X(Delete, "delete") X(Imag, "imag")         \
  X(Len, "len") X(Make, "make") X(Max, "max") X(Min, "min") X(New, "new")           \
  X(Panic, "panic") X(Print, "print") X(Println, "println") X(Real, "real")         \
  X(Recover, "recover")

enum class BuiltinId : uint8_t {
#define GOL_BUILTIN_ENUM(id, name) id,
  GOL_BUILTINS(GOL_BUILTIN_ENUM)
#undef GOL_BUILTIN_ENUM
};

class Builtin final : public Object {
 public:
  static constexpr ObjKind kKind = ObjKind::Builtin;
  Builtin(BuiltinId id, std::string name) : Object(kKind, Pos{}, nullptr, std::move(name), nullptr), id(id) {}
  BuiltinId id;
};

class Label final : public Object {
 public:
  static constexpr ObjKind kKind = ObjKind::Label;
  Label(Pos pos, Package* pkg, std::string name) : Object(kKind, pos, pkg, std::move(name), nullptr) {}
  LabeledStmt* stmt = nullptr;
  bool used = false;
};

class Nil final : public Object {
 public:
  static constexpr ObjKind kKind = ObjKind::Nil;
  explicit Nil(const Type* untypedNil) : Object(kKind, Pos{}, nullptr, "nil", untypedNil) {}
};

// ---------------------------------------------------------------------------
// Scopes and packages

class Scope {
 public:
  Scope(Scope* parent, Pos start, Pos end, std::string comment)
      : parent(parent), start(start), end(end), comment(std::move(comment)) {}

  // The object named `name` in this scope only, or null.
  Object* lookup(const std::string& name) const;
  // Searches this scope and its parents. When pos is valid, objects of
  // non-package scopes declared after pos are not visible (Go's rule that
  // a local is in scope from the end of its declaration).
  Object* lookupParent(const std::string& name, Pos pos, Scope** foundIn = nullptr) const;
  // Inserts obj and returns null, or returns the object already declared
  // under that name in this scope (and inserts nothing).
  Object* insert(Object* obj);

  Scope* parent;
  std::vector<Scope*> children;
  Pos start, end;
  std::string comment;  // "universe", "package main", "file", "func", "block" (debugging)
  bool isFunc = false;  // the outermost scope of a function body
  std::map<std::string, Object*> elems;  // ordered: deterministic iteration
  // Declaration order where it matters for locals: elements in insertion order.
  std::vector<Object*> order;
};

// A package-level variable initialisation, in the order Go runs them:
// `lhs = rhs` where lhs has one variable, or several for `a, b = f()`.
struct Initializer {
  std::vector<Var*> lhs;
  Expr* rhs = nullptr;
};

class Package {
 public:
  Package(std::string path, std::string name) : path(std::move(path)), name(std::move(name)) {}
  std::string path;   // "main", "fmt", "math/bits"
  std::string name;   // "main", "fmt", "bits"
  Scope* scope = nullptr;
  std::vector<File*> files;
  std::vector<Package*> imports;           // direct imports
  std::vector<Initializer> initOrder;      // package-level var initialisation
  std::vector<Func*> initFuncs;            // func init() in source order
  bool fake = false;                       // failed to load; suppresses cascades
  // Set when the package's function bodies are checked on demand
  // (CheckConfig::bodiesOnDemand): checks f's body unless already done;
  // null f: every body left.
  std::function<void(Func*)> checkBody;
};

// How a selector x.f resolved (field, method value, or method expression).
struct Selection {
  enum class Kind : uint8_t { FieldVal, MethodVal, MethodExpr };
  Kind kind = Kind::FieldVal;
  const Type* recv = nullptr;  // type of x (T for a method expression T.m)
  Object* obj = nullptr;       // the Var field or Func method
  // Path through embedded fields: index[i] is a field index at each level;
  // the last entry is the index of the field, or of the method in its
  // Named type's (or interface's complete) method list.
  std::vector<int> index;
  bool indirect = false;       // a pointer was dereferenced on the way
  const Type* type = nullptr;  // type of the selector expression
};

// ---------------------------------------------------------------------------
// The universe: owner of every type, object, scope and package of a
// compilation, and home of the predeclared identifiers.

class Universe {
 public:
  Universe();
  ~Universe();
  Universe(const Universe&) = delete;
  Universe& operator=(const Universe&) = delete;

  // Allocation; the Universe owns the result.
  template <typename T, typename... Args>
  T* newType(Args&&... args) {
    auto p = std::make_unique<T>(std::forward<Args>(args)...);
    T* raw = p.get();
    types_.push_back(std::move(p));
    return raw;
  }
  template <typename T, typename... Args>
  T* newObject(Args&&... args) {
    auto p = std::make_unique<T>(std::forward<Args>(args)...);
    T* raw = p.get();
    objects_.push_back(std::move(p));
    return raw;
  }
  Scope* newScope(Scope* parent, Pos start, Pos end, std::string comment);
  Selection* newSelection();
  Package* newPackage(std::string path, std::string name);

  // Predeclared types (Typ[kind]); byte and rune are separate aliases.
  const Basic* basic(BasicKind k) const { return basics_[static_cast<size_t>(k)]; }
  const Basic* byteType() const { return byte_; }
  const Basic* runeType() const { return rune_; }
  const Named* errorType() const { return error_; }
  const Interface* emptyInterface() const { return any_; }  // the type `any` denotes
  Scope* scope() const { return scope_; }                  // the universe scope
  Nil* nilObject() const { return nil_; }

  // Computes Interface::allMethods (idempotent). Reports nothing: the
  // checker diagnoses duplicate methods while building the interface.
  void completeInterface(const Interface* iface);

  // Packages loaded in this compilation, by import path.
  std::map<std::string, Package*> packages;

 private:
  std::vector<std::unique_ptr<Type>> types_;
  std::vector<std::unique_ptr<Object>> objects_;
  std::vector<std::unique_ptr<Scope>> scopes_;
  std::vector<std::unique_ptr<Selection>> selections_;
  std::vector<std::unique_ptr<Package>> packages_;
  const Basic* basics_[static_cast<size_t>(BasicKind::UntypedNil) + 1] = {};
  const Basic* byte_ = nullptr;
  const Basic* rune_ = nullptr;
  const Named* error_ = nullptr;
  const Interface* any_ = nullptr;
  Scope* scope_ = nullptr;
  Nil* nil_ = nullptr;
};

// ---------------------------------------------------------------------------
// Queries on types (types.cpp). These are the spec's rules, independent of
// any one checker run.

// Go's spelling of a type, as gc prints it in messages: `[]int`,
// `map[string]*T`, `func(int, ...string) (bool, error)`, `struct{x int}`,
// `interface{M()}`, `chan<- int`, `untyped int`. Named types are written
// qualified by package name (`strings.Builder`) unless they belong to
// `current` (or current is null and the package is main).
std::string typeString(const Type* t, const Package* current = nullptr);

bool identical(const Type* x, const Type* y);

inline bool hasInfo(const Type* t, uint8_t bits) {
  const Basic* b = t ? t->under<Basic>() : nullptr;
  return b && (b->info & bits) != 0;
}
inline bool isBoolean(const Type* t) { return hasInfo(t, kIsBoolean); }
inline bool isInteger(const Type* t) { return hasInfo(t, kIsInteger); }
inline bool isUnsigned(const Type* t) { return hasInfo(t, kIsUnsigned); }
inline bool isFloat(const Type* t) { return hasInfo(t, kIsFloat); }
inline bool isNumeric(const Type* t) { return hasInfo(t, kIsNumeric); }
inline bool isString(const Type* t) { return hasInfo(t, kIsString); }
inline bool isUntyped(const Type* t) { return hasInfo(t, kIsUntyped); }
inline bool isOrdered(const Type* t) { return hasInfo(t, kIsOrdered); }
inline bool isConstType(const Type* t) { return hasInfo(t, kIsConstType); }
bool isInterface(const Type* t);
bool isTyped(const Type* t);
bool isInvalid(const Type* t);  // null or the Invalid basic type

// == and != are defined (spec "Comparison operators"): not slices, maps,
// funcs; structs/arrays when their elements are.
bool comparable(const Type* t);
// Valid as a map key (comparable; interfaces allowed).
bool validMapKey(const Type* t);

// The default type of an untyped constant type (untyped int -> int, untyped
// rune -> rune, untyped float -> float64, ...); t itself otherwise.
const Type* defaultType(const Universe& u, const Type* t);

// Assignability of a *typed* value of type v to type t (spec
// "Assignability"); untyped constants and nil are the checker's business.
// On failure, *reason may receive an explanation such as
// "(missing method String)" to append to the message. When t is an
// interface the reason is types2's parenthesised cause ("(missing method
// M)", "(method M has pointer receiver)", "(wrong type for method M)\n\t\thave
// M(int)\n\t\twant M() string"), and gc's message is
// "...: V does not implement T " + reason; when v is an interface that t
// implements, the reason is "need type assertion", used as "...: " + reason.
bool assignableTo(Universe& u, const Type* v, const Type* t, std::string* reason = nullptr);

// Convertibility of a non-constant value of type v to t (spec "Conversions").
bool convertibleTo(Universe& u, const Type* v, const Type* t);

// Field and method lookup through embedded fields (spec "Selectors").
// On ambiguity obj is null, ambiguous is set and index is the path to one
// of the colliding entries. Through a Named pointer type only fields are
// found (methods cannot be declared on one).
struct LookupResult {
  Object* obj = nullptr;     // the field (Var) or method (Func); null if not found
  std::vector<int> index;    // path, as Selection::index
  bool indirect = false;     // a pointer was followed on the way
  bool ambiguous = false;    // several at the shallowest depth
  // Found a method with a pointer receiver while looking up on a
  // non-addressable value of type T (caller decides if that's an error).
  // obj is set to that method all the same (go/types returns nil there).
  bool needsPointerReceiver = false;
};
LookupResult lookupFieldOrMethod(Universe& u, const Type* t, bool addressable, const Package* pkg,
                                 const std::string& name);

// Why type v does not implement interface t, or null method if it does.
struct MissingMethod {
  Func* method = nullptr;      // the method of t that is missing or wrong
  bool wrongType = false;      // v has it, with another signature
  bool pointerReceiver = false;  // only *v has it
};
MissingMethod missingMethod(Universe& u, const Type* v, const Interface* t);

// Whether v implements interface t.
inline bool implements(Universe& u, const Type* v, const Interface* t) {
  return missingMethod(u, v, t).method == nullptr;
}

}  // namespace gol::lang::types
