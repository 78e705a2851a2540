// The type model's rules: the universe, scopes, and the spec's relations
// between types (identity, assignability, convertibility, method sets).
//
// These functions are the Go spec's sections "Type identity",
// "Assignability", "Conversions", "Selectors" and "Method sets", written
// against the go/types-shaped model of types.h. They are independent of any
// one checker run, so later stages (and tests) may ask them too.
//
// Design points:
//   - Types are not hash-consed, so identical() walks both types. It cannot
//     loop: a type can only refer to itself through a Named type, and Named
//     types are identical only when they are the same object.
//   - Interface method sets are computed lazily (completeInterface) because
//     an interface may embed a Named interface declared later in the file.
//     An interface is marked complete only once every embedded type has
//     been resolved, so asking too early is harmless.
//   - Field and method lookup is go/types' breadth-first search: each depth
//     of embedding is one round, entries that reach the same type twice at
//     one depth are merged and flagged (two paths to one name at the same
//     depth is an ambiguity), and Named types already visited are skipped,
//     which bounds the search on recursive embeddings (`type T struct{*T}`).
//   - Every recursion over type structure is bounded by kMaxTypeDepth, so a
//     hostile, deeply nested type cannot exhaust the native stack; beyond
//     the bound the answers are conservative and nothing crashes.
//   - gc's wording matters: typeString prints types exactly as types2 does
//     (`struct{x int; y string}`, `func(x int) (int, error)`, `chan (<-chan
//     int)`, `interface{M()}`), and the "reason" texts of assignableTo are
//     types2's (`(missing method M)`, `(method M has pointer receiver)`,
//     `(wrong type for method M)\n\t\thave M(int)\n\t\twant M() string`).
#include "lang/types.h"
#include "lang/unicode.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <cstdlib>
#include <set>

#include <fmt/format.h>

namespace gol::lang::types {

namespace {

// Bound on recursion over the structure of a type (typeString, identical,
// comparable...). The parser bounds source nesting (kMaxNesting, 1000)
// below this; only chains of aliases can build deeper types, and for those
// the answers become conservative instead of overflowing the stack.
constexpr int kMaxTypeDepth = 1200;
// Bound on the length of a type's spelling: types built from aliases of
// aliases can share subtrees and be exponentially long when written out.
constexpr size_t kMaxTypeStringLength = 1 << 16;

[[noreturn]] void internalError(const char* what) {
  fmt::print(stderr, "gol: internal error: {}\n", what);
  std::abort();
}

// Decodes the first UTF-8 code point of s; returns 0xFFFD on malformed input.
char32_t firstRune(const std::string& s) {
  if (s.empty()) return 0;
  auto b = static_cast<unsigned char>(s[0]);
  if (b < 0x80) return b;
  int n = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : -1;
  if (n < 0 || s.size() < static_cast<size_t>(n) + 1) return 0xFFFD;
  char32_t r = b & (0x3F >> n);
  for (int i = 1; i <= n; ++i) {
    auto c = static_cast<unsigned char>(s[static_cast<size_t>(i)]);
    if ((c & 0xC0) != 0x80) return 0xFFFD;
    r = (r << 6) | (c & 0x3F);
  }
  return r;
}

// Unicode upper-case letters (category Lu) for the scripts identifiers are
// commonly written in: ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic,
// Armenian, Georgian and the full-width forms. Enough for Go's notion of
// "exported" in practice; unlisted scripts count as lower case.
bool isUpperRune(char32_t r) {
  if (r < 0x80) return r >= 'A' && r <= 'Z';
  if (r >= 0xC0 && r <= 0xDE) return r != 0xD7;
  if (r >= 0x100 && r <= 0x137) return r % 2 == 0;
  if (r >= 0x139 && r <= 0x148) return r % 2 == 1;
  if (r >= 0x14A && r <= 0x177) return r % 2 == 0;
  if (r == 0x178 || r == 0x179 || r == 0x17B || r == 0x17D) return true;
  if (r == 0x386 || (r >= 0x388 && r <= 0x38F && r != 0x38B && r != 0x38D)) return true;
  if (r >= 0x391 && r <= 0x3AB) return r != 0x3A2;
  if (r >= 0x400 && r <= 0x42F) return true;
  if (r >= 0x460 && r <= 0x481) return r % 2 == 0;
  if (r >= 0x48A && r <= 0x4BF) return r % 2 == 0;
  if (r >= 0x531 && r <= 0x556) return true;
  if (r >= 0x10A0 && r <= 0x10C5) return true;
  if (r >= 0x1E00 && r <= 0x1E94) return r % 2 == 0;
  if (r >= 0x1EA0 && r <= 0x1EFE) return r % 2 == 0;
  if (r >= 0xFF21 && r <= 0xFF3A) return true;
  return false;
}

// Whether a field or method named `name` declared in package `objPkg`
// matches a lookup of `name` from package `pkg` (go/types' sameId):
// exported names match anywhere, unexported ones only in their package.
bool sameId(const Object* obj, const Package* pkg, const std::string& name) {
  if (obj->name != name) return false;
  if (obj->exported()) return true;
  return obj->pkg == pkg || obj->pkg == nullptr || pkg == nullptr;
}

bool sameMethodId(const Func* a, const Func* b) { return sameId(a, b->pkg, b->name); }

// Orders methods by name, then by package path for equal unexported names.
bool methodLess(const Func* a, const Func* b) {
  if (a->name != b->name) return a->name < b->name;
  std::string pa = a->pkg ? a->pkg->path : std::string();
  std::string pb = b->pkg ? b->pkg->path : std::string();
  return pa < pb;
}

Interface* mutableInterface(const Interface* t) { return const_cast<Interface*>(t); }

// Computes t->allMethods; see Universe::completeInterface. `path` holds
// the interfaces being completed, so that an (invalid, already reported)
// cyclic embedding ends instead of recursing forever.
void completeInterfaceImpl(const Interface* t, std::vector<const Interface*>& path) {
  if (t->complete) return;
  Interface* it = mutableInterface(t);
  if (std::find(path.begin(), path.end(), t) != path.end() || path.size() > static_cast<size_t>(kMaxTypeDepth)) {
    return;
  }
  path.push_back(t);
  std::vector<Func*> all = it->methods;
  bool resolved = true;
  for (const Type* e : it->embeddeds) {
    if (!e) continue;
    if (e->is<Named>() && !e->as<Named>()->under) {
      resolved = false;
      continue;
    }
    const Interface* ei = e->underlying()->as<Interface>();
    if (!ei) continue;  // the checker reports a non-interface embedding
    completeInterfaceImpl(ei, path);
    if (!ei->complete) resolved = false;
    all.insert(all.end(), ei->allMethods.begin(), ei->allMethods.end());
  }
  path.pop_back();
  std::stable_sort(all.begin(), all.end(), methodLess);
  // Drop later duplicates: identical ones are the same method reached twice
  // (allowed since Go 1.14); differing ones were reported by the checker.
  std::vector<Func*> unique;
  for (Func* m : all) {
    if (!unique.empty() && sameMethodId(unique.back(), m)) continue;
    unique.push_back(m);
  }
  it->allMethods = std::move(unique);
  it->complete = resolved;
}

void completeInterfaceImpl(const Interface* t) {
  if (t->complete) return;
  std::vector<const Interface*> path;
  completeInterfaceImpl(t, path);
}

const std::vector<Func*>& interfaceMethods(const Interface* t) {
  completeInterfaceImpl(t);
  return t->allMethods;
}

// Finds a method by id in an interface's complete method set.
Func* interfaceMethod(const Interface* t, const Package* pkg, const std::string& name, int* index) {
  const std::vector<Func*>& ms = interfaceMethods(t);
  for (size_t i = 0; i < ms.size(); ++i) {
    if (sameId(ms[i], pkg, name)) {
      if (index) *index = static_cast<int>(i);
      return ms[i];
    }
  }
  return nullptr;
}

// go/types' hasName: predeclared and declared types are named types.
bool hasName(const Type* t) { return t->is<Basic>() || t->is<Named>(); }

}  // namespace

// ---------------------------------------------------------------------------
// Objects and scopes

bool Object::exported() const { return isUpperRune(firstRune(name)); }

bool Func::hasPtrRecv() const {
  const Signature* sig = signature();
  if (sig && sig->recv && sig->recv->type) return sig->recv->type->is<Pointer>();
  // The signature may not be resolved yet (methods are resolved lazily), but
  // the receiver's syntax already says it, as go/types reads it there too.
  if (decl && decl->recv && decl->recv->list.size() == 1 && decl->recv->list[0]) {
    const Expr* recvType = unparen(decl->recv->list[0]->typeExpr);
    return recvType && recvType->is<StarExpr>();
  }
  return false;
}

Object* Scope::lookup(const std::string& name) const {
  auto it = elems.find(name);
  return it == elems.end() ? nullptr : it->second;
}

namespace {

// Objects of the universe, package and file scopes are visible in the whole
// package regardless of position; locals only after their declaration.
// A scope is local when it lies inside a function: it or an ancestor is the
// function's outermost scope, or it is nested deeper than universe →
// package → file.
bool isLocalScope(const Scope* s) {
  int depth = 0;
  for (const Scope* p = s; p; p = p->parent) {
    if (p->isFunc) return true;
    ++depth;
  }
  return depth > 3;
}

}  // namespace

Object* Scope::lookupParent(const std::string& name, Pos pos, Scope** foundIn) const {
  for (const Scope* s = this; s; s = s->parent) {
    Object* obj = s->lookup(name);
    if (!obj) continue;
    if (pos.valid() && obj->pos.valid() && obj->pos.file == pos.file && pos < obj->pos && isLocalScope(s))
      continue;
    if (foundIn) *foundIn = const_cast<Scope*>(s);
    return obj;
  }
  if (foundIn) *foundIn = nullptr;
  return nullptr;
}

Object* Scope::insert(Object* obj) {
  auto [it, inserted] = elems.emplace(obj->name, obj);
  if (!inserted) return it->second;
  order.push_back(obj);
  if (!obj->parent) obj->parent = this;
  return nullptr;
}

// ---------------------------------------------------------------------------
// The universe

Universe::Universe() {
  struct BasicDef {
    BasicKind kind;
    uint8_t info;
    int size;
    const char* name;
  };
  static constexpr BasicDef kBasics[] = {
      {BasicKind::Invalid, 0, 0, "invalid type"},
      {BasicKind::Bool, kIsBoolean, 1, "bool"},
      {BasicKind::Int, kIsInteger, 8, "int"},
      {BasicKind::Int8, kIsInteger, 1, "int8"},
      {BasicKind::Int16, kIsInteger, 2, "int16"},
      {BasicKind::Int32, kIsInteger, 4, "int32"},
      {BasicKind::Int64, kIsInteger, 8, "int64"},
      {BasicKind::Uint, kIsInteger | kIsUnsigned, 8, "uint"},
      {BasicKind::Uint8, kIsInteger | kIsUnsigned, 1, "uint8"},
      {BasicKind::Uint16, kIsInteger | kIsUnsigned, 2, "uint16"},
      {BasicKind::Uint32, kIsInteger | kIsUnsigned, 4, "uint32"},
      {BasicKind::Uint64, kIsInteger | kIsUnsigned, 8, "uint64"},
      {BasicKind::Uintptr, kIsInteger | kIsUnsigned, 8, "uintptr"},
      {BasicKind::Float32, kIsFloat, 4, "float32"},
      {BasicKind::Float64, kIsFloat, 8, "float64"},
      {BasicKind::String, kIsString, 0, "string"},
      {BasicKind::UntypedBool, kIsBoolean | kIsUntyped, 0, "untyped bool"},
      {BasicKind::UntypedInt, kIsInteger | kIsUntyped, 0, "untyped int"},
      {BasicKind::UntypedRune, kIsInteger | kIsUntyped, 0, "untyped rune"},
      {BasicKind::UntypedFloat, kIsFloat | kIsUntyped, 0, "untyped float"},
      {BasicKind::UntypedString, kIsString | kIsUntyped, 0, "untyped string"},
      {BasicKind::UntypedNil, kIsUntyped, 0, "untyped nil"},
  };
  static_assert(std::size(kBasics) == std::size(decltype(basics_){}));

  scope_ = newScope(nullptr, Pos{}, Pos{}, "universe");
  auto declare = [&](Object* obj) {
    if (scope_->insert(obj)) internalError("universe: duplicate predeclared name");
  };

  for (const BasicDef& d : kBasics) {
    if (static_cast<size_t>(d.kind) != static_cast<size_t>(&d - kBasics)) internalError("universe: basic table order");
    const Basic* b = newType<Basic>(d.kind, d.info, d.size, d.name);
    basics_[static_cast<size_t>(d.kind)] = b;
    if (!(d.info & kIsUntyped) && d.kind != BasicKind::Invalid)
      declare(newObject<TypeName>(Pos{}, nullptr, d.name, b));
  }
  // byte and rune are aliases, but keep their own names for messages.
  byte_ = newType<Basic>(BasicKind::Uint8, kIsInteger | kIsUnsigned, 1, "byte");
  rune_ = newType<Basic>(BasicKind::Int32, kIsInteger, 4, "rune");
  for (const Basic* b : {byte_, rune_}) {
    TypeName* tn = newObject<TypeName>(Pos{}, nullptr, b->name, b);
    tn->isAlias = true;
    declare(tn);
  }

  // any = interface{}: an alias of one shared empty interface, which
  // typeString recognises by identity and prints as `any`.
  Interface* anyIface = newType<Interface>();
  anyIface->complete = true;
  anyIface->isAny = true;
  any_ = anyIface;
  TypeName* anyName = newObject<TypeName>(Pos{}, nullptr, "any", any_);
  anyName->isAlias = true;
  declare(anyName);

  // type error interface { Error() string }
  TypeName* errorName = newObject<TypeName>(Pos{}, nullptr, "error", nullptr);
  Named* errorNamed = newType<Named>(errorName);
  errorName->type = errorNamed;
  Tuple* noParams = newType<Tuple>();
  Tuple* stringResult = newType<Tuple>();
  stringResult->vars.push_back(newObject<Var>(Pos{}, nullptr, "", basic(BasicKind::String)));
  stringResult->vars.back()->isParam = true;
  Signature* errorSig = newType<Signature>();
  errorSig->recv = newObject<Var>(Pos{}, nullptr, "", errorNamed);
  errorSig->recv->isParam = true;
  errorSig->params = noParams;
  errorSig->results = stringResult;
  Func* errorMethod = newObject<Func>(Pos{}, nullptr, "Error", errorSig);
  Interface* errorIface = newType<Interface>();
  errorIface->methods.push_back(errorMethod);
  errorIface->allMethods.push_back(errorMethod);
  errorIface->complete = true;
  errorNamed->under = errorIface;
  error_ = errorNamed;
  declare(errorName);

  declare(newObject<Const>(Pos{}, nullptr, "true", basic(BasicKind::UntypedBool), ConstValue::makeBool(true)));
  declare(newObject<Const>(Pos{}, nullptr, "false", basic(BasicKind::UntypedBool), ConstValue::makeBool(false)));
  // iota's value is the checker's: it substitutes the spec's index.
  declare(newObject<Const>(Pos{}, nullptr, "iota", basic(BasicKind::UntypedInt), ConstValue::makeInt64(0)));
  nil_ = newObject<Nil>(basic(BasicKind::UntypedNil));
  declare(nil_);

#define GOL_DECLARE_BUILTIN(id, name) declare(newObject<Builtin>(BuiltinId::id, name));
  GOL_BUILTINS(GOL_DECLARE_BUILTIN)
#undef GOL_DECLARE_BUILTIN
  // complex64 and complex128 stay undeclared: Gol has no complex numbers,
  // so using them reports `undefined: complex128`.
}

Universe::~Universe() = default;

Scope* Universe::newScope(Scope* parent, Pos start, Pos end, std::string comment) {
  auto s = std::make_unique<Scope>(parent, start, end, std::move(comment));
  Scope* raw = s.get();
  scopes_.push_back(std::move(s));
  if (parent) parent->children.push_back(raw);
  return raw;
}

Selection* Universe::newSelection() {
  selections_.push_back(std::make_unique<Selection>());
  return selections_.back().get();
}

Package* Universe::newPackage(std::string path, std::string name) {
  packages_.push_back(std::make_unique<Package>(std::move(path), std::move(name)));
  Package* p = packages_.back().get();
  p->scope = newScope(scope_, Pos{}, Pos{}, "package " + p->name);
  return p;
}

void Universe::completeInterface(const Interface* iface) { completeInterfaceImpl(iface); }

// ---------------------------------------------------------------------------
// typeString

namespace {

class TypeWriter {
 public:
  explicit TypeWriter(const Package* current, bool paramNames = true)
      : current_(current), paramNames_(paramNames) {}

  void type(const Type* t) {
    if (!t) {
      out_ += "<nil>";
      return;
    }
    if (++depth_ > kMaxTypeDepth || out_.size() > kMaxTypeStringLength) {
      out_ += "...";
      --depth_;
      return;
    }
    switch (t->kind()) {
      case TypeKind::Basic: out_ += t->as<Basic>()->name; break;
      case TypeKind::Pointer:
        out_ += '*';
        type(t->as<Pointer>()->elem);
        break;
      case TypeKind::Array:
        out_ += fmt::format("[{}]", t->as<Array>()->len);
        type(t->as<Array>()->elem);
        break;
      case TypeKind::Slice:
        out_ += "[]";
        type(t->as<Slice>()->elem);
        break;
      case TypeKind::Map:
        out_ += "map[";
        type(t->as<Map>()->key);
        out_ += ']';
        type(t->as<Map>()->elem);
        break;
      case TypeKind::Chan: chan(t->as<Chan>()); break;
      case TypeKind::Struct: structType(t->as<Struct>()); break;
      case TypeKind::Tuple: tuple(t->as<Tuple>(), false); break;
      case TypeKind::Signature:
        out_ += "func";
        signature(t->as<Signature>());
        break;
      case TypeKind::Interface: interface(t->as<Interface>()); break;
      case TypeKind::Named: named(t->as<Named>()); break;
    }
    --depth_;
  }

  // Parameters and results, without the leading "func": `(x int) string`.
  void signature(const Signature* sig) {
    tuple(sig->params, sig->variadic);
    const Tuple* res = sig->results;
    if (!res || res->vars.empty()) return;
    out_ += ' ';
    if (res->vars.size() == 1 && res->vars[0]->name.empty()) {
      type(res->vars[0]->type);
      return;
    }
    tuple(res, false);
  }

  std::string take() { return std::move(out_); }
  std::string& out() { return out_; }

 private:
  void chan(const Chan* c) {
    bool parens = false;
    switch (c->dir) {
      case ChanDir::Both:
        out_ += "chan ";
        // `chan (<-chan T)`: without parentheses it would read as `chan<- chan T`.
        if (c->elem && c->elem->is<Chan>() && c->elem->as<Chan>()->dir == ChanDir::Recv) parens = true;
        break;
      case ChanDir::Send: out_ += "chan<- "; break;
      case ChanDir::Recv: out_ += "<-chan "; break;
    }
    if (parens) out_ += '(';
    type(c->elem);
    if (parens) out_ += ')';
  }

  void structType(const Struct* s) {
    out_ += "struct{";
    for (size_t i = 0; i < s->fields.size(); ++i) {
      if (i > 0) out_ += "; ";
      const Var* f = s->fields[i];
      if (!f->embedded) {
        out_ += f->name;
        out_ += ' ';
      }
      type(f->type);
      if (i < s->tags.size() && !s->tags[i].empty()) {
        out_ += ' ';
        out_ += quoteString(s->tags[i]);
      }
    }
    out_ += '}';
  }

  void tuple(const Tuple* t, bool variadic) {
    out_ += '(';
    if (t) {
      for (size_t i = 0; i < t->vars.size(); ++i) {
        if (i > 0) out_ += ", ";
        const Var* v = t->vars[i];
        if (paramNames_ && !v->name.empty()) {
          out_ += v->name;
          out_ += ' ';
        }
        if (variadic && i + 1 == t->vars.size()) {
          if (const Slice* s = v->type ? v->type->as<Slice>() : nullptr) {
            out_ += "...";
            type(s->elem);
          } else {
            type(v->type);  // append(b, s...) with a string s
            out_ += "...";
          }
        } else {
          type(v->type);
        }
      }
    }
    out_ += ')';
  }

  void interface(const Interface* it) {
    if (it->isAny) {
      out_ += "any";
      return;
    }
    out_ += "interface{";
    std::vector<Func*> methods = it->methods;
    std::stable_sort(methods.begin(), methods.end(), methodLess);
    bool first = true;
    for (const Func* m : methods) {
      if (!first) out_ += "; ";
      first = false;
      out_ += m->name;
      if (const Signature* sig = m->signature()) signature(sig);
      else out_ += "()";
    }
    for (const Type* e : it->embeddeds) {
      if (!first) out_ += "; ";
      first = false;
      type(e);
    }
    out_ += '}';
  }

  void named(const Named* n) {
    const TypeName* obj = n->obj;
    if (!obj) {
      out_ += "<unnamed>";
      return;
    }
    const Package* pkg = obj->pkg;
    bool qualify = pkg && (current_ ? pkg != current_ : pkg->path != "main");
    if (qualify) {
      out_ += pkg->name;
      out_ += '.';
    }
    out_ += obj->name;
  }

  const Package* current_;
  bool paramNames_;  // false in have/want lines of missing-method causes
  std::string out_;
  int depth_ = 0;
};

}  // namespace

std::string typeString(const Type* t, const Package* current) {
  TypeWriter w(current);
  w.type(t);
  return w.take();
}

// ---------------------------------------------------------------------------
// Identity

namespace {

// One identity question. Types built from aliases can share subtrees (a
// struct whose two fields have the same aliased struct type, nested n deep),
// and a plain walk of such a DAG takes 2^n steps. After kMemoAfter steps,
// pairs already found identical are remembered, which makes the walk linear
// in the number of distinct pairs. (A false answer ends the walk at once,
// so only true answers need remembering.)
struct IdentityCtx {
  static constexpr int kMemoAfter = 256;
  bool ignoreTags = false;
  int steps = 0;
  std::set<std::pair<const Type*, const Type*>> proven;
};

bool identicalImpl(const Type* x, const Type* y, int depth, IdentityCtx& ctx);
bool identicalKinds(const Type* x, const Type* y, int depth, IdentityCtx& ctx);

bool identicalTuples(const Tuple* x, const Tuple* y, int depth, IdentityCtx& ctx) {
  size_t nx = x ? x->vars.size() : 0, ny = y ? y->vars.size() : 0;
  if (nx != ny) return false;
  for (size_t i = 0; i < nx; ++i)
    if (!identicalImpl(x->vars[i]->type, y->vars[i]->type, depth, ctx)) return false;
  return true;
}

bool identicalImpl(const Type* x, const Type* y, int depth, IdentityCtx& ctx) {
  if (x == y) return true;
  if (!x || !y) return false;
  if (depth > kMaxTypeDepth) return false;
  if (++ctx.steps <= IdentityCtx::kMemoAfter) return identicalKinds(x, y, depth, ctx);
  if (ctx.proven.count({x, y})) return true;
  bool same = identicalKinds(x, y, depth, ctx);
  if (same) ctx.proven.insert({x, y});
  return same;
}

bool identicalKinds(const Type* x, const Type* y, int depth, IdentityCtx& ctx) {
  if (x == y) return true;
  if (!x || !y) return false;
  if (depth > kMaxTypeDepth) return false;
  ++depth;
  if (x->kind() != y->kind()) return false;
  switch (x->kind()) {
    case TypeKind::Basic: return x->as<Basic>()->basicKind == y->as<Basic>()->basicKind;
    case TypeKind::Pointer: return identicalImpl(x->as<Pointer>()->elem, y->as<Pointer>()->elem, depth, ctx);
    case TypeKind::Array:
      return x->as<Array>()->len == y->as<Array>()->len &&
             identicalImpl(x->as<Array>()->elem, y->as<Array>()->elem, depth, ctx);
    case TypeKind::Slice: return identicalImpl(x->as<Slice>()->elem, y->as<Slice>()->elem, depth, ctx);
    case TypeKind::Map:
      return identicalImpl(x->as<Map>()->key, y->as<Map>()->key, depth, ctx) &&
             identicalImpl(x->as<Map>()->elem, y->as<Map>()->elem, depth, ctx);
    case TypeKind::Chan:
      return x->as<Chan>()->dir == y->as<Chan>()->dir &&
             identicalImpl(x->as<Chan>()->elem, y->as<Chan>()->elem, depth, ctx);
    case TypeKind::Struct: {
      const Struct* a = x->as<Struct>();
      const Struct* b = y->as<Struct>();
      if (a->fields.size() != b->fields.size()) return false;
      for (size_t i = 0; i < a->fields.size(); ++i) {
        const Var* f = a->fields[i];
        const Var* g = b->fields[i];
        if (f->embedded != g->embedded || !sameId(f, g->pkg, g->name)) return false;
        std::string ta = i < a->tags.size() ? a->tags[i] : std::string();
        std::string tb = i < b->tags.size() ? b->tags[i] : std::string();
        if (!ctx.ignoreTags && ta != tb) return false;
        if (!identicalImpl(f->type, g->type, depth, ctx)) return false;
      }
      return true;
    }
    case TypeKind::Tuple: return identicalTuples(x->as<Tuple>(), y->as<Tuple>(), depth, ctx);
    case TypeKind::Signature: {
      const Signature* a = x->as<Signature>();
      const Signature* b = y->as<Signature>();
      return a->variadic == b->variadic && identicalTuples(a->params, b->params, depth, ctx) &&
             identicalTuples(a->results, b->results, depth, ctx);
    }
    case TypeKind::Interface: {
      const std::vector<Func*>& a = interfaceMethods(x->as<Interface>());
      const std::vector<Func*>& b = interfaceMethods(y->as<Interface>());
      if (a.size() != b.size()) return false;
      for (size_t i = 0; i < a.size(); ++i) {
        if (!sameMethodId(a[i], b[i])) return false;
        if (!identicalImpl(a[i]->type, b[i]->type, depth, ctx)) return false;
      }
      return true;
    }
    case TypeKind::Named: return false;  // distinct declarations
  }
  return false;
}

}  // namespace

bool identical(const Type* x, const Type* y) {
  IdentityCtx ctx;
  return identicalImpl(x, y, 0, ctx);
}

namespace {
// Identity ignoring struct tags (spec "Conversions").
bool identicalIgnoreTags(const Type* x, const Type* y) {
  IdentityCtx ctx;
  ctx.ignoreTags = true;
  return identicalImpl(x, y, 0, ctx);
}
}  // namespace

bool isInterface(const Type* t) { return t && t->under<Interface>() != nullptr; }

bool isTyped(const Type* t) {
  const Basic* b = t ? t->as<Basic>() : nullptr;
  return !b || (b->info & kIsUntyped) == 0;
}

bool isInvalid(const Type* t) {
  const Basic* b = t ? t->as<Basic>() : nullptr;
  return !t || (b && b->basicKind == BasicKind::Invalid);
}

namespace {

// Struct types shared through aliases make a plain walk exponential, as for
// identity; `proven` remembers the struct and array types found comparable.
struct ComparableCtx {
  std::set<const Type*> proven;
};

bool comparableImpl(const Type* t, int depth, ComparableCtx& ctx) {
  if (!t) return false;
  if (depth > kMaxTypeDepth) return true;  // only a reported invalid recursive type gets here
  const Type* u = t->underlying();
  switch (u->kind()) {
    case TypeKind::Basic: return u->as<Basic>()->basicKind != BasicKind::UntypedNil;
    case TypeKind::Pointer:
    case TypeKind::Chan:
    case TypeKind::Interface: return true;
    case TypeKind::Struct:
    case TypeKind::Array: {
      if (ctx.proven.count(u)) return true;
      bool ok = true;
      if (const Struct* st = u->as<Struct>()) {
        for (const Var* f : st->fields)
          if (!(ok = comparableImpl(f->type, depth + 1, ctx))) break;
      } else {
        ok = comparableImpl(u->as<Array>()->elem, depth + 1, ctx);
      }
      if (ok) ctx.proven.insert(u);
      return ok;
    }
    default: return false;
  }
}

}  // namespace

bool comparable(const Type* t) {
  ComparableCtx ctx;
  return comparableImpl(t, 0, ctx);
}

bool validMapKey(const Type* t) { return comparable(t); }

const Type* defaultType(const Universe& u, const Type* t) {
  const Basic* b = t ? t->as<Basic>() : nullptr;
  if (!b) return t;
  switch (b->basicKind) {
    case BasicKind::UntypedBool: return u.basic(BasicKind::Bool);
    case BasicKind::UntypedInt: return u.basic(BasicKind::Int);
    case BasicKind::UntypedRune: return u.runeType();
    case BasicKind::UntypedFloat: return u.basic(BasicKind::Float64);
    case BasicKind::UntypedString: return u.basic(BasicKind::String);
    default: return t;
  }
}

// ---------------------------------------------------------------------------
// Field and method lookup

namespace {

struct Embedded {
  const Type* type;
  std::vector<int> index;
  bool indirect;
  bool multiples;  // reached by more than one path at this depth
};

// Removes one level of pointer: *T -> T (the pointer type itself, not a
// Named pointer type).
const Type* derefPtr(const Type* t, bool* isPtr) {
  if (const Pointer* p = t->as<Pointer>()) {
    *isPtr = true;
    return p->elem;
  }
  *isPtr = false;
  return t;
}

std::vector<int> concat(const std::vector<int>& path, int i) {
  std::vector<int> r = path;
  r.push_back(i);
  return r;
}

// Merges entries with identical types: the same embedded type reached along
// two paths at one depth makes anything found in it ambiguous.
std::vector<Embedded> consolidateMultiples(std::vector<Embedded> list) {
  std::vector<Embedded> out;
  for (Embedded& e : list) {
    bool merged = false;
    for (Embedded& o : out) {
      if (identical(o.type, e.type)) {
        o.multiples = true;
        merged = true;
        break;
      }
    }
    if (!merged) out.push_back(std::move(e));
  }
  return out;
}

// go/types' lookupFieldOrMethodImpl. t has had no pointer handling yet.
LookupResult lookupImpl(const Type* t, bool addressable, const Package* pkg, const std::string& name) {
  LookupResult r;
  if (!t || name == "_") return r;
  bool isPtr = false;
  const Type* typ = derefPtr(t, &isPtr);
  if (!typ) return r;
  // A pointer to an interface has no methods.
  if (isPtr && isInterface(typ)) return r;

  std::vector<Embedded> current{{typ, {}, isPtr, false}};
  std::set<const Named*> seen;
  int depth = 0;
  while (!current.empty() && depth++ <= kMaxTypeDepth) {
    std::vector<Embedded> next;
    Object* found = nullptr;
    std::vector<int> foundIndex;
    bool foundIndirect = false;
    // Records a match; returns false on a collision at this depth.
    auto match = [&](Object* obj, std::vector<int> index, const Embedded& e) {
      if (found || e.multiples) {
        r = LookupResult{};
        r.index = std::move(index);
        r.ambiguous = true;
        return false;
      }
      found = obj;
      foundIndex = std::move(index);
      foundIndirect = e.indirect;
      return true;
    };
    for (const Embedded& e : current) {
      const Type* et = e.type;
      if (!et) continue;
      if (const Named* n = et->as<Named>()) {
        if (!seen.insert(n).second) continue;
        bool hit = false;
        for (size_t i = 0; i < n->methods.size(); ++i) {
          if (sameId(n->methods[i], pkg, name)) {
            if (!match(n->methods[i], concat(e.index, static_cast<int>(i)), e)) return r;
            hit = true;
            break;
          }
        }
        if (hit) continue;  // a method hides fields and interface methods of the same name
      }
      const Type* u = et->underlying();
      if (const Struct* s = u->as<Struct>()) {
        for (size_t i = 0; i < s->fields.size(); ++i) {
          Var* f = s->fields[i];
          if (sameId(f, pkg, name)) {
            if (!match(f, concat(e.index, static_cast<int>(i)), e)) return r;
            continue;
          }
          // Embedded fields lead to the next depth, unless a match at this
          // depth already decides the answer (the match, or a collision).
          if (!found && f->embedded && f->type) {
            bool fieldPtr = false;
            const Type* ft = derefPtr(f->type, &fieldPtr);
            next.push_back(Embedded{ft, concat(e.index, static_cast<int>(i)), e.indirect || fieldPtr, e.multiples});
          }
        }
      } else if (const Interface* it = u->as<Interface>()) {
        int idx = 0;
        if (Func* m = interfaceMethod(it, pkg, name, &idx)) {
          if (!match(m, concat(e.index, idx), e)) return r;
        }
      }
    }
    if (found) {
      r.obj = found;
      r.index = std::move(foundIndex);
      r.indirect = foundIndirect;
      if (const Func* f = found->as<Func>()) {
        if (f->hasPtrRecv() && !foundIndirect && !addressable) r.needsPointerReceiver = true;
      }
      return r;
    }
    current = consolidateMultiples(std::move(next));
  }
  return r;
}

}  // namespace

LookupResult lookupFieldOrMethod(Universe&, const Type* t, bool addressable, const Package* pkg,
                                 const std::string& name) {
  if (!t) return {};
  // Methods cannot be declared on a named pointer type, so through one only
  // fields are found (spec: the receiver base type must not be a pointer).
  if (const Named* n = t->as<Named>()) {
    if (const Pointer* p = n->underlying()->as<Pointer>()) {
      LookupResult r = lookupImpl(p, false, pkg, name);
      if (r.obj && r.obj->is<Func>()) return {};
      return r;
    }
  }
  return lookupImpl(t, addressable, pkg, name);
}

// ---------------------------------------------------------------------------
// Method sets and interface implementation

namespace {

enum class MissingState : uint8_t { Ok, NotFound, WrongName, WrongSig, PtrRecv, Field, Ambiguous };

struct MissingInfo {
  MissingState state = MissingState::Ok;
  Func* method = nullptr;  // of the interface
  Func* alt = nullptr;     // what v has instead (wrong signature or name case)
};

Func* lookupFoldCase(const Type* v, const Func* m) {
  // A method whose name differs only in case, for `have m() want M()`.
  auto fold = [](const std::string& s) {
    std::string r = s;
    for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return r;
  };
  std::string want = fold(m->name);
  bool isPtr = false;
  const Type* base = derefPtr(v, &isPtr);
  if (!base || (isPtr && isInterface(base))) return nullptr;
  if (const Named* n = base->as<Named>()) {
    for (Func* f : n->methods)
      if (fold(f->name) == want) return f;
  }
  if (const Interface* it = base->under<Interface>()) {
    for (Func* f : interfaceMethods(it))
      if (fold(f->name) == want) return f;
  }
  return nullptr;
}

MissingInfo missingMethodImpl(const Type* v, const Interface* t) {
  MissingInfo info;
  if (!v || !t) return info;
  const std::vector<Func*>& want = interfaceMethods(t);
  if (want.empty()) return info;

  if (const Interface* vi = v->under<Interface>()) {
    for (Func* m : want) {
      Func* f = interfaceMethod(vi, m->pkg, m->name, nullptr);
      if (!f) {
        info.state = MissingState::NotFound;
        info.method = m;
        return info;
      }
      if (!identical(f->type, m->type)) {
        info.state = MissingState::WrongSig;
        info.method = m;
        info.alt = f;
        return info;
      }
    }
    return info;
  }

  for (Func* m : want) {
    LookupResult r = lookupImpl(v, false, m->pkg, m->name);
    info.method = m;
    if (!r.obj) {
      if (r.ambiguous) {
        info.state = MissingState::Ambiguous;
        return info;
      }
      info.state = MissingState::NotFound;
      if (Func* alt = lookupFoldCase(v, m)) {
        info.state = MissingState::WrongName;
        info.alt = alt;
      }
      return info;
    }
    // As in go/types, a method only *v has is reported as such before its
    // signature is compared.
    if (r.needsPointerReceiver) {
      info.state = MissingState::PtrRecv;
      info.alt = r.obj->as<Func>();
      return info;
    }
    Func* f = r.obj->as<Func>();
    if (!f) {
      info.state = MissingState::Field;
      return info;
    }
    if (!identical(f->type, m->type)) {
      info.state = MissingState::WrongSig;
      info.alt = f;
      return info;
    }
  }
  info.method = nullptr;
  return info;
}

bool isInterfacePtr(const Type* t) {
  const Pointer* p = t->under<Pointer>();
  return p && p->elem && isInterface(p->elem);
}

// "M(int) string": a method as gc shows it in have/want lines (types2
// leaves parameter names out there).
std::string funcString(const Func* f, const Package* current) {
  TypeWriter w(current, /*paramNames=*/false);
  w.out() += f->name;
  if (const Signature* sig = f->signature()) w.signature(sig);
  else w.out() += "()";
  return w.take();
}

// types2's missingMethodCause, in gc 1.22's words.
std::string missingCause(const Type* v, const MissingInfo& info) {
  const Package* cur = nullptr;
  std::string mname = "method " + info.method->name;
  switch (info.state) {
    case MissingState::Ok: return "";
    case MissingState::WrongName:
      return fmt::format("(missing {})\n\t\thave {}\n\t\twant {}", mname, funcString(info.alt, cur),
                         funcString(info.method, cur));
    case MissingState::WrongSig:
      return fmt::format("(wrong type for {})\n\t\thave {}\n\t\twant {}", mname, funcString(info.alt, cur),
                         funcString(info.method, cur));
    case MissingState::PtrRecv: return fmt::format("({} has pointer receiver)", mname);
    case MissingState::Field:
      return fmt::format("({}.{} is a field, not a method)", typeString(v), info.method->name);
    case MissingState::Ambiguous:
      return fmt::format("(ambiguous selector {}.{})", typeString(v), info.method->name);
    case MissingState::NotFound: break;
  }
  if (isInterfacePtr(v)) return fmt::format("(type {} is pointer to interface, not interface)", typeString(v));
  return fmt::format("(missing {})", mname);
}

}  // namespace

MissingMethod missingMethod(Universe&, const Type* v, const Interface* t) {
  MissingInfo info = missingMethodImpl(v, t);
  MissingMethod r;
  r.method = info.method;
  r.wrongType = info.state == MissingState::WrongSig;
  r.pointerReceiver = info.state == MissingState::PtrRecv;
  return r;
}

bool assignableTo(Universe& u, const Type* v, const Type* t, std::string* reason) {
  if (!v || !t) return false;
  if (isInvalid(v) || isInvalid(t)) return true;  // an error was reported already
  if (identical(v, t)) return true;
  const Type* vu = v->underlying();
  const Type* tu = t->underlying();

  // Untyped values: the checker handles constants (representability) and
  // nil before asking; this answers the question of kind only.
  if (const Basic* vb = vu->as<Basic>(); vb && (vb->info & kIsUntyped)) {
    if (vb->basicKind == BasicKind::UntypedNil) {
      switch (tu->kind()) {
        case TypeKind::Pointer: case TypeKind::Slice: case TypeKind::Map:
        case TypeKind::Chan: case TypeKind::Signature: case TypeKind::Interface: return true;
        default: return false;
      }
    }
    if (const Interface* ti = tu->as<Interface>()) return interfaceMethods(ti).empty();
    const Basic* tb = tu->as<Basic>();
    if (!tb) return false;
    if (vb->info & kIsBoolean) return (tb->info & kIsBoolean) != 0;
    if (vb->info & kIsString) return (tb->info & kIsString) != 0;
    return (tb->info & kIsNumeric) != 0;
  }

  // Identical underlying types, and at least one of them is not named.
  if (identical(vu, tu) && (!hasName(v) || !hasName(t))) return true;

  // T is an interface and V implements it.
  if (const Interface* ti = tu->as<Interface>()) {
    MissingInfo info = missingMethodImpl(v, ti);
    if (info.state == MissingState::Ok) return true;
    if (reason) *reason = missingCause(v, info);
    return false;
  }
  if (isInterfacePtr(t)) {
    if (reason) *reason = fmt::format("(type {} is pointer to interface, not interface)", typeString(t));
    return false;
  }

  // A bidirectional channel to a channel type with identical elements.
  if (const Chan* vc = vu->as<Chan>(); vc && vc->dir == ChanDir::Both) {
    if (const Chan* tc = tu->as<Chan>(); tc && identical(vc->elem, tc->elem))
      return !hasName(v) || !hasName(t);
  }

  // An interface value assigned to a concrete type that implements it:
  // gc's hint is that a type assertion is needed.
  if (const Interface* vi = vu->as<Interface>()) {
    if (reason && missingMethodImpl(t, vi).state == MissingState::Ok) *reason = "need type assertion";
  }
  (void)u;
  return false;
}

bool convertibleTo(Universe& u, const Type* v, const Type* t) {
  if (!v || !t) return false;
  if (isInvalid(v) || isInvalid(t)) return true;
  if (!isTyped(v)) v = defaultType(u, v);
  if (assignableTo(u, v, t, nullptr)) return true;
  const Type* vu = v->underlying();
  const Type* tu = t->underlying();
  if (identicalIgnoreTags(vu, tu)) return true;
  // Unnamed pointer types whose base types have identical underlying types.
  if (v->is<Pointer>() && t->is<Pointer>()) {
    const Type* vb = v->as<Pointer>()->elem;
    const Type* tb = t->as<Pointer>()->elem;
    if (vb && tb && identicalIgnoreTags(vb->underlying(), tb->underlying())) return true;
  }
  if (isNumeric(vu) && isNumeric(tu)) return true;
  auto isByteOrRuneSlice = [](const Type* x) {
    const Slice* s = x->as<Slice>();
    if (!s || !s->elem) return false;
    const Basic* e = s->elem->under<Basic>();
    return e && (e->basicKind == BasicKind::Uint8 || e->basicKind == BasicKind::Int32);
  };
  if (isString(tu) && (isInteger(vu) || isByteOrRuneSlice(vu))) return true;
  if (isString(vu) && isByteOrRuneSlice(tu)) return true;
  // Slice to array (Go 1.20) and to array pointer (Go 1.17).
  if (const Slice* s = vu->as<Slice>()) {
    if (const Array* a = tu->as<Array>(); a && identical(s->elem, a->elem)) return true;
    if (const Pointer* p = tu->as<Pointer>(); p && p->elem) {
      if (const Array* a = p->elem->under<Array>(); a && identical(s->elem, a->elem)) return true;
    }
  }
  return false;
}

}  // namespace gol::lang::types
