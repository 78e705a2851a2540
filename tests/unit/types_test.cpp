// Unit tests of the type model (lang/types.cpp), built by hand through the
// Universe API so they do not depend on the parser or the checker.
// Expected strings are gc's (go 1.22 types2) spellings.
#include <doctest/doctest.h>

#include "lang/types.h"

using namespace gol::lang;
using namespace gol::lang::types;

namespace {

// A small factory over one Universe and one package "main".
struct TypeKit {
  Universe u;
  Package* main = u.newPackage("main", "main");
  Package* other = u.newPackage("strings", "strings");

  const Type* intT() { return u.basic(BasicKind::Int); }
  const Type* stringT() { return u.basic(BasicKind::String); }
  const Type* boolT() { return u.basic(BasicKind::Bool); }
  const Type* slice(const Type* e) { return u.newType<Slice>(e); }
  const Type* ptr(const Type* e) { return u.newType<Pointer>(e); }
  const Type* array(const Type* e, int64_t n) { return u.newType<Array>(e, n); }
  const Type* map(const Type* k, const Type* v) { return u.newType<Map>(k, v); }
  const Type* chan(ChanDir d, const Type* e) { return u.newType<Chan>(d, e); }

  Var* var(std::string name, const Type* t, Package* pkg = nullptr) {
    return u.newObject<Var>(Pos{}, pkg ? pkg : main, std::move(name), t);
  }
  Tuple* tuple(std::vector<std::pair<std::string, const Type*>> vars) {
    Tuple* t = u.newType<Tuple>();
    for (auto& [n, ty] : vars) {
      Var* v = var(n, ty);
      v->isParam = true;
      t->vars.push_back(v);
    }
    return t;
  }
  Signature* sig(std::vector<std::pair<std::string, const Type*>> params,
                 std::vector<std::pair<std::string, const Type*>> results, bool variadic = false) {
    Signature* s = u.newType<Signature>();
    s->params = tuple(std::move(params));
    s->results = tuple(std::move(results));
    s->variadic = variadic;
    return s;
  }
  Struct* structOf(std::vector<std::pair<std::string, const Type*>> fields, std::vector<std::string> tags = {},
                   Package* pkg = nullptr) {
    Struct* s = u.newType<Struct>();
    for (auto& [n, ty] : fields) {
      Var* f = var(n, ty, pkg);
      f->isField = true;
      s->fields.push_back(f);
      s->tags.push_back("");
    }
    for (size_t i = 0; i < tags.size(); ++i) s->tags[i] = tags[i];
    return s;
  }
  // An embedded field: named after its type's name.
  void embed(Struct* s, const Type* t) {
    const Type* base = t->is<Pointer>() ? t->as<Pointer>()->elem : t;
    Var* f = var(base->as<Named>()->obj->name, t);
    f->isField = true;
    f->embedded = true;
    s->fields.push_back(f);
    s->tags.push_back("");
  }
  Named* named(std::string name, const Type* under, Package* pkg = nullptr) {
    TypeName* tn = u.newObject<TypeName>(Pos{}, pkg ? pkg : main, std::move(name), nullptr);
    Named* n = u.newType<Named>(tn);
    tn->type = n;
    n->under = under;
    return n;
  }
  // Declares method `name` on named type `recvBase` (pointer receiver when ptrRecv).
  Func* method(Named* recvBase, std::string name, Signature* s, bool ptrRecv = false) {
    s->recv = var("", ptrRecv ? ptr(recvBase) : recvBase);
    Func* f = u.newObject<Func>(Pos{}, recvBase->obj->pkg, std::move(name), s);
    recvBase->methods.push_back(f);
    return f;
  }
  Interface* iface(std::vector<std::pair<std::string, const Signature*>> methods, std::vector<const Type*> embeddeds = {}) {
    Interface* it = u.newType<Interface>();
    for (auto& [n, s] : methods) it->methods.push_back(u.newObject<Func>(Pos{}, main, n, s));
    it->embeddeds = std::move(embeddeds);
    return it;
  }
};

}  // namespace

TEST_CASE("universe declares Go's predeclared identifiers") {
  Universe u;
  Scope* s = u.scope();
  for (const char* name : {"bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32",
                           "uint64", "uintptr", "float32", "float64", "string", "byte", "rune", "error", "any"}) {
    Object* obj = s->lookup(name);
    REQUIRE_MESSAGE(obj != nullptr, name);
    CHECK(obj->is<TypeName>());
  }
  CHECK(s->lookup("complex128") == nullptr);
  CHECK(s->lookup("complex64") == nullptr);
  CHECK(s->lookup("true")->is<Const>());
  CHECK(s->lookup("false")->as<Const>()->value.boolVal() == false);
  CHECK(s->lookup("iota")->type == u.basic(BasicKind::UntypedInt));
  CHECK(s->lookup("nil") == u.nilObject());
  for (const char* name : {"append", "cap", "clear", "close", "copy", "delete", "len", "make", "max", "min", "new",
                           "panic", "print", "println", "recover"}) {
    Object* obj = s->lookup(name);
    REQUIRE_MESSAGE(obj != nullptr, name);
    CHECK(obj->is<Builtin>());
  }
  CHECK(s->lookup("len")->as<Builtin>()->id == BuiltinId::Len);

  CHECK(s->lookup("byte")->type == u.byteType());
  CHECK(s->lookup("byte")->as<TypeName>()->isAlias);
  CHECK(identical(u.byteType(), u.basic(BasicKind::Uint8)));
  CHECK(identical(u.runeType(), u.basic(BasicKind::Int32)));
  CHECK(typeString(u.byteType()) == "byte");
  CHECK(typeString(u.basic(BasicKind::Uint8)) == "uint8");

  const Named* err = u.errorType();
  CHECK(typeString(err) == "error");
  const Interface* ei = err->underlying()->as<Interface>();
  REQUIRE(ei != nullptr);
  u.completeInterface(ei);
  REQUIRE(ei->allMethods.size() == 1);
  CHECK(ei->allMethods[0]->name == "Error");
  CHECK(typeString(ei->allMethods[0]->type) == "func() string");
  CHECK(typeString(u.emptyInterface()) == "any");
  CHECK(s->lookup("any")->type == u.emptyInterface());
}

TEST_CASE("typeString spells types as gc does") {
  TypeKit k;
  auto& u = k.u;
  CHECK(typeString(k.slice(k.intT())) == "[]int");
  CHECK(typeString(k.array(k.intT(), 3)) == "[3]int");
  CHECK(typeString(k.map(k.stringT(), k.intT())) == "map[string]int");
  CHECK(typeString(k.chan(ChanDir::Both, k.intT())) == "chan int");
  CHECK(typeString(k.chan(ChanDir::Recv, k.intT())) == "<-chan int");
  CHECK(typeString(k.chan(ChanDir::Send, k.intT())) == "chan<- int");
  CHECK(typeString(k.chan(ChanDir::Both, k.chan(ChanDir::Recv, k.intT()))) == "chan (<-chan int)");
  CHECK(typeString(k.chan(ChanDir::Send, k.chan(ChanDir::Recv, k.intT()))) == "chan<- <-chan int");
  CHECK(typeString(k.sig({{"", k.intT()}, {"", k.stringT()}}, {{"", k.boolT()}})) == "func(int, string) bool");
  CHECK(typeString(k.sig({{"", k.slice(k.intT())}}, {}, true)) == "func(...int)");
  CHECK(typeString(k.sig({{"xs", k.slice(k.intT())}}, {}, true)) == "func(xs ...int)");
  CHECK(typeString(k.sig({}, {{"", k.intT()}, {"", u.errorType()}})) == "func() (int, error)");
  CHECK(typeString(k.sig({{"s", k.stringT()}}, {{"n", k.intT()}})) == "func(s string) (n int)");
  CHECK(typeString(k.structOf({{"x", k.intT()}, {"y", k.stringT()}})) == "struct{x int; y string}");
  CHECK(typeString(k.structOf({})) == "struct{}");
  CHECK(typeString(k.structOf({{"y", k.stringT()}}, {"json:\"y\""})) == "struct{y string \"json:\\\"y\\\"\"}");
  CHECK(typeString(k.iface({})) == "interface{}");
  CHECK(typeString(k.iface({{"N", k.sig({}, {{"", k.intT()}})}, {"M", k.sig({}, {})}})) == "interface{M(); N() int}");
  CHECK(typeString(k.iface({{"M", k.sig({}, {})}}, {u.errorType()})) == "interface{M(); error}");
  CHECK(typeString(u.basic(BasicKind::UntypedInt)) == "untyped int");
  CHECK(typeString(u.basic(BasicKind::UntypedNil)) == "untyped nil");
  CHECK(typeString(u.basic(BasicKind::Invalid)) == "invalid type");

  Named* t = k.named("T", k.structOf({}));
  Named* builder = k.named("Builder", k.structOf({}), k.other);
  CHECK(typeString(k.ptr(t)) == "*T");
  CHECK(typeString(builder) == "strings.Builder");
  CHECK(typeString(builder, k.other) == "Builder");
  CHECK(typeString(t, k.other) == "main.T");
  CHECK(typeString(k.map(k.stringT(), k.ptr(builder))) == "map[string]*strings.Builder");
  Tuple* tup = k.tuple({{"", k.intT()}, {"", u.errorType()}});
  CHECK(typeString(tup) == "(int, error)");
}

TEST_CASE("identical is structural except for named types") {
  TypeKit k;
  auto& u = k.u;
  CHECK(identical(k.slice(k.intT()), k.slice(k.intT())));
  CHECK_FALSE(identical(k.slice(k.intT()), k.slice(k.stringT())));
  CHECK(identical(k.array(k.intT(), 3), k.array(k.intT(), 3)));
  CHECK_FALSE(identical(k.array(k.intT(), 3), k.array(k.intT(), 4)));
  CHECK(identical(k.map(k.stringT(), k.intT()), k.map(k.stringT(), k.intT())));
  CHECK_FALSE(identical(k.chan(ChanDir::Both, k.intT()), k.chan(ChanDir::Recv, k.intT())));
  CHECK_FALSE(identical(k.intT(), u.basic(BasicKind::Int64)));

  // Functions: parameter names do not matter; variadic does.
  CHECK(identical(k.sig({{"a", k.intT()}}, {{"", k.boolT()}}), k.sig({{"b", k.intT()}}, {{"r", k.boolT()}})));
  CHECK_FALSE(identical(k.sig({{"", k.slice(k.intT())}}, {}, true), k.sig({{"", k.slice(k.intT())}}, {}, false)));
  CHECK_FALSE(identical(k.sig({}, {{"", k.intT()}}), k.sig({}, {})));

  // Structs: field names, order, embedding and tags all matter.
  CHECK(identical(k.structOf({{"x", k.intT()}}), k.structOf({{"x", k.intT()}})));
  CHECK_FALSE(identical(k.structOf({{"x", k.intT()}}), k.structOf({{"y", k.intT()}})));
  CHECK_FALSE(identical(k.structOf({{"x", k.intT()}}, {"a"}), k.structOf({{"x", k.intT()}}, {"b"})));
  // Unexported field names from different packages differ.
  CHECK_FALSE(identical(k.structOf({{"x", k.intT()}}), k.structOf({{"x", k.intT()}}, {}, k.other)));
  CHECK(identical(k.structOf({{"X", k.intT()}}), k.structOf({{"X", k.intT()}}, {}, k.other)));

  // Named types are identical only to themselves.
  Named* a = k.named("A", k.intT());
  Named* b = k.named("B", k.intT());
  CHECK(identical(a, a));
  CHECK_FALSE(identical(a, b));
  CHECK_FALSE(identical(a, k.intT()));

  // Interfaces: by method set, in any declaration order, embedded or not.
  Interface* i1 = k.iface({{"M", k.sig({}, {})}, {"Error", k.sig({}, {{"", k.stringT()}})}});
  Interface* i2 = k.iface({{"M", k.sig({}, {})}}, {u.errorType()});
  CHECK(identical(i1, i2));
  CHECK_FALSE(identical(i1, k.iface({{"M", k.sig({}, {})}})));
  CHECK(identical(k.iface({}), u.emptyInterface()));
}

TEST_CASE("identical and comparable stay linear on types sharing subtrees") {
  // type A1 = struct{ a, b A0 }; ... 60 deep: a plain walk takes 2^60 steps.
  TypeKit k;
  const Type* a = k.intT();
  const Type* b = k.intT();
  for (int i = 0; i < 60; ++i) {
    a = k.structOf({{"a", a}, {"b", a}});
    b = k.structOf({{"a", b}, {"b", b}});
  }
  CHECK(identical(a, b));
  CHECK(comparable(a));
  CHECK(convertibleTo(k.u, a, b));
  std::string s = typeString(a);
  CHECK(s.size() < (1u << 17));  // bounded, not 2^60 characters
  CHECK(s.starts_with("struct{a struct{a struct{"));
}

TEST_CASE("completeInterface merges embedded methods, sorted, without duplicates") {
  TypeKit k;
  auto& u = k.u;
  Interface* reader = k.iface({{"Read", k.sig({{"p", k.slice(u.byteType())}}, {{"", k.intT()}})}});
  Named* readerT = k.named("Reader", reader);
  Interface* rc = k.iface({{"Close", k.sig({}, {{"", u.errorType()}})}, {"Read", reader->methods[0]->signature()}},
                          {readerT, u.errorType()});
  u.completeInterface(rc);
  CHECK(rc->complete);
  REQUIRE(rc->allMethods.size() == 3);
  CHECK(rc->allMethods[0]->name == "Close");
  CHECK(rc->allMethods[1]->name == "Error");
  CHECK(rc->allMethods[2]->name == "Read");

  // An embedded type not yet resolved leaves the interface incomplete.
  Named* later = k.named("Later", nullptr);
  Interface* pending = k.iface({}, {later});
  u.completeInterface(pending);
  CHECK_FALSE(pending->complete);
  later->under = k.iface({{"Z", k.sig({}, {})}});
  u.completeInterface(pending);
  CHECK(pending->complete);
  REQUIRE(pending->allMethods.size() == 1);

  // A cyclic embedding (reported by the checker) terminates.
  Named* ci = k.named("CI", nullptr);
  Named* cj = k.named("CJ", nullptr);
  ci->under = k.iface({{"A", k.sig({}, {})}}, {cj});
  cj->under = k.iface({{"B", k.sig({}, {})}}, {ci});
  u.completeInterface(ci->underlying()->as<Interface>());
  CHECK(ci->underlying()->as<Interface>()->allMethods.size() == 2);
  CHECK_FALSE(identical(ci, cj));
  CHECK_FALSE(identical(ci->underlying(), k.iface({})));
}

TEST_CASE("comparable, validMapKey and defaultType") {
  TypeKit k;
  auto& u = k.u;
  CHECK(comparable(k.intT()));
  CHECK(comparable(k.ptr(k.intT())));
  CHECK(comparable(k.chan(ChanDir::Both, k.intT())));
  CHECK(comparable(u.errorType()));
  CHECK_FALSE(comparable(k.slice(k.intT())));
  CHECK_FALSE(comparable(k.map(k.intT(), k.intT())));
  CHECK_FALSE(comparable(k.sig({}, {})));
  CHECK(comparable(k.structOf({{"x", k.intT()}, {"s", k.stringT()}})));
  CHECK_FALSE(comparable(k.structOf({{"x", k.slice(k.intT())}})));
  CHECK(comparable(k.array(k.intT(), 2)));
  CHECK_FALSE(comparable(k.array(k.slice(k.intT()), 2)));
  CHECK(validMapKey(k.named("K", k.structOf({{"a", k.intT()}}))));
  CHECK_FALSE(validMapKey(k.named("S", k.slice(k.intT()))));

  CHECK(defaultType(u, u.basic(BasicKind::UntypedInt)) == u.basic(BasicKind::Int));
  CHECK(defaultType(u, u.basic(BasicKind::UntypedRune)) == u.runeType());
  CHECK(defaultType(u, u.basic(BasicKind::UntypedFloat)) == u.basic(BasicKind::Float64));
  CHECK(defaultType(u, u.basic(BasicKind::UntypedString)) == u.basic(BasicKind::String));
  CHECK(defaultType(u, u.basic(BasicKind::UntypedBool)) == u.basic(BasicKind::Bool));
  CHECK(defaultType(u, k.intT()) == k.intT());
  CHECK(isTyped(k.intT()));
  CHECK_FALSE(isTyped(u.basic(BasicKind::UntypedInt)));
  CHECK(isInvalid(nullptr));
  CHECK(isInvalid(u.basic(BasicKind::Invalid)));
  CHECK(isInterface(u.errorType()));
}

TEST_CASE("assignability follows the spec") {
  TypeKit k;
  auto& u = k.u;
  Named* myInt = k.named("MyInt", k.intT());
  Named* ints = k.named("Ints", k.slice(k.intT()));
  CHECK(assignableTo(u, k.intT(), k.intT()));
  CHECK_FALSE(assignableTo(u, myInt, k.intT()));  // int is a named type too
  CHECK_FALSE(assignableTo(u, k.intT(), myInt));
  CHECK(assignableTo(u, k.slice(k.intT()), ints));  // []int is unnamed
  CHECK(assignableTo(u, ints, k.slice(k.intT())));
  CHECK_FALSE(assignableTo(u, k.intT(), k.stringT()));

  // Channels: bidirectional to directional, with identical elements.
  CHECK(assignableTo(u, k.chan(ChanDir::Both, k.intT()), k.chan(ChanDir::Recv, k.intT())));
  CHECK(assignableTo(u, k.chan(ChanDir::Both, k.intT()), k.chan(ChanDir::Send, k.intT())));
  CHECK_FALSE(assignableTo(u, k.chan(ChanDir::Recv, k.intT()), k.chan(ChanDir::Both, k.intT())));
  CHECK_FALSE(assignableTo(u, k.chan(ChanDir::Both, k.intT()), k.chan(ChanDir::Recv, k.stringT())));

  // Untyped nil and kinds (the checker does representability).
  CHECK(assignableTo(u, u.basic(BasicKind::UntypedNil), k.ptr(k.intT())));
  CHECK(assignableTo(u, u.basic(BasicKind::UntypedNil), u.errorType()));
  CHECK_FALSE(assignableTo(u, u.basic(BasicKind::UntypedNil), k.intT()));
  CHECK(assignableTo(u, u.basic(BasicKind::UntypedInt), u.basic(BasicKind::Float64)));
  CHECK(assignableTo(u, u.basic(BasicKind::UntypedInt), u.emptyInterface()));
  CHECK_FALSE(assignableTo(u, u.basic(BasicKind::UntypedString), k.intT()));

  // Interfaces.
  Named* t = k.named("T", k.structOf({}));
  k.method(t, "String", k.sig({}, {{"", k.stringT()}}));
  Named* stringer = k.named("Stringer", k.iface({{"String", k.sig({}, {{"", k.stringT()}})}}));
  std::string reason;
  CHECK(assignableTo(u, t, stringer, &reason));
  CHECK(assignableTo(u, k.ptr(t), stringer, &reason));
  CHECK(assignableTo(u, t, u.emptyInterface(), &reason));
  CHECK(assignableTo(u, stringer, u.emptyInterface(), &reason));
  CHECK_FALSE(assignableTo(u, k.intT(), stringer, &reason));
  CHECK(reason == "(missing method String)");

  reason.clear();
  CHECK_FALSE(assignableTo(u, stringer, t, &reason));
  CHECK(reason == "need type assertion");
  reason.clear();
  CHECK_FALSE(assignableTo(u, u.emptyInterface(), k.intT(), &reason));
  CHECK(reason == "need type assertion");
}

TEST_CASE("interface implementation reasons match gc 1.22") {
  TypeKit k;
  auto& u = k.u;
  Named* iT = k.named("I", k.iface({{"M", k.sig({}, {{"", k.stringT()}})}}));
  const Interface* i = iT->underlying()->as<Interface>();

  Named* wrong = k.named("W", k.structOf({}));
  k.method(wrong, "M", k.sig({{"x", k.intT()}}, {}));
  std::string reason;
  CHECK_FALSE(assignableTo(u, wrong, iT, &reason));
  CHECK(reason == "(wrong type for method M)\n\t\thave M(int)\n\t\twant M() string");
  MissingMethod mm = missingMethod(u, wrong, i);
  REQUIRE(mm.method != nullptr);
  CHECK(mm.method->name == "M");
  CHECK(mm.wrongType);

  Named* p = k.named("P", k.structOf({}));
  k.method(p, "M", k.sig({}, {{"", k.stringT()}}), /*ptrRecv=*/true);
  reason.clear();
  CHECK_FALSE(assignableTo(u, p, iT, &reason));
  CHECK(reason == "(method M has pointer receiver)");
  mm = missingMethod(u, p, i);
  CHECK(mm.pointerReceiver);
  CHECK(implements(u, k.ptr(p), i));
  CHECK(assignableTo(u, k.ptr(p), iT));

  Named* lower = k.named("L", k.structOf({}));
  k.method(lower, "m", k.sig({}, {{"", k.stringT()}}));
  reason.clear();
  CHECK_FALSE(assignableTo(u, lower, iT, &reason));
  CHECK(reason == "(missing method M)\n\t\thave m() string\n\t\twant M() string");

  Named* field = k.named("F", k.structOf({{"M", k.sig({}, {{"", k.stringT()}})}}));
  reason.clear();
  CHECK_FALSE(assignableTo(u, field, iT, &reason));
  CHECK(reason == "(F.M is a field, not a method)");

  // A method promoted through an embedded *P satisfies I on the value.
  Struct* s = k.structOf({});
  k.embed(s, k.ptr(p));
  Named* outer = k.named("Outer", s);
  CHECK(implements(u, outer, i));
  // Through an embedded P (not pointer) only the pointer has it.
  Struct* s2 = k.structOf({});
  k.embed(s2, p);
  Named* outer2 = k.named("Outer2", s2);
  CHECK_FALSE(implements(u, outer2, i));
  CHECK(implements(u, k.ptr(outer2), i));

  // An interface implements another if its method set is a superset.
  Named* big = k.named("Big", k.iface({{"M", k.sig({}, {{"", k.stringT()}})}, {"N", k.sig({}, {})}}));
  CHECK(implements(u, big, i));
  CHECK_FALSE(implements(u, iT, big->underlying()->as<Interface>()));

  // Named results keep their parentheses but lose their names.
  Named* nr = k.named("NR", k.iface({{"N", k.sig({}, {{"n", k.intT()}})}}));
  Named* nv = k.named("NV", k.structOf({}));
  k.method(nv, "N", k.sig({{"xs", k.slice(k.intT())}}, {}, /*variadic=*/true));
  reason.clear();
  CHECK_FALSE(assignableTo(u, nv, nr, &reason));
  CHECK(reason == "(wrong type for method N)\n\t\thave N(...int)\n\t\twant N() (int)");

  // A pointer receiver is reported before a wrong signature, as gc does.
  Named* pw = k.named("PW", k.structOf({}));
  k.method(pw, "M", k.sig({{"x", k.intT()}}, {}), /*ptrRecv=*/true);
  reason.clear();
  CHECK_FALSE(assignableTo(u, pw, iT, &reason));
  CHECK(reason == "(method M has pointer receiver)");
  reason.clear();
  CHECK_FALSE(assignableTo(u, k.ptr(pw), iT, &reason));
  CHECK(reason == "(wrong type for method M)\n\t\thave M(int)\n\t\twant M() string");

  // Pointer to interface.
  reason.clear();
  CHECK_FALSE(assignableTo(u, k.ptr(iT), iT, &reason));
  CHECK(reason == "(type *I is pointer to interface, not interface)");
  reason.clear();
  CHECK_FALSE(assignableTo(u, wrong, k.ptr(iT), &reason));
  CHECK(reason == "(type *I is pointer to interface, not interface)");
}

TEST_CASE("convertibility follows the spec") {
  TypeKit k;
  auto& u = k.u;
  const Type* f64 = u.basic(BasicKind::Float64);
  Named* myInt = k.named("MyInt", k.intT());
  Named* celsius = k.named("Celsius", f64);
  CHECK(convertibleTo(u, k.intT(), f64));
  CHECK(convertibleTo(u, f64, u.basic(BasicKind::Uint8)));
  CHECK(convertibleTo(u, myInt, k.intT()));
  CHECK(convertibleTo(u, celsius, myInt));
  CHECK(convertibleTo(u, k.intT(), k.stringT()));
  CHECK(convertibleTo(u, k.slice(u.byteType()), k.stringT()));
  CHECK(convertibleTo(u, k.slice(u.runeType()), k.stringT()));
  CHECK(convertibleTo(u, k.stringT(), k.slice(u.byteType())));
  CHECK(convertibleTo(u, k.stringT(), k.slice(u.basic(BasicKind::Int32))));
  CHECK_FALSE(convertibleTo(u, k.stringT(), k.intT()));
  CHECK_FALSE(convertibleTo(u, k.stringT(), k.slice(k.intT())));
  CHECK_FALSE(convertibleTo(u, k.boolT(), k.intT()));
  CHECK_FALSE(convertibleTo(u, f64, k.stringT()));

  // Struct tags are ignored; pointers to identical underlying types convert.
  Struct* tagged = k.structOf({{"x", k.intT()}}, {"json:\"x\""});
  Struct* plain = k.structOf({{"x", k.intT()}});
  Named* a = k.named("A", tagged);
  Named* b = k.named("B", plain);
  CHECK(convertibleTo(u, a, b));
  CHECK(convertibleTo(u, k.ptr(a), k.ptr(b)));
  CHECK_FALSE(assignableTo(u, tagged, plain));
  CHECK_FALSE(convertibleTo(u, k.ptr(k.intT()), k.ptr(f64)));

  // Slices to arrays and array pointers.
  CHECK(convertibleTo(u, k.slice(k.intT()), k.array(k.intT(), 4)));
  CHECK(convertibleTo(u, k.slice(k.intT()), k.ptr(k.array(k.intT(), 4))));
  CHECK_FALSE(convertibleTo(u, k.slice(k.intT()), k.array(k.stringT(), 4)));

  // Interfaces: anything implementing converts to them.
  CHECK(convertibleTo(u, k.intT(), u.emptyInterface()));
  CHECK_FALSE(convertibleTo(u, u.emptyInterface(), k.intT()));
}

TEST_CASE("lookupFieldOrMethod: depth, ambiguity and promotion") {
  TypeKit k;
  auto& u = k.u;
  // type Inner struct{ X int; y string }
  Named* inner = k.named("Inner", k.structOf({{"X", k.intT()}, {"y", k.stringT()}}));
  k.method(inner, "Get", k.sig({}, {{"", k.intT()}}));
  k.method(inner, "Set", k.sig({{"v", k.intT()}}, {}), /*ptrRecv=*/true);
  // type Outer struct{ Inner; X string }
  Struct* os = k.structOf({});
  k.embed(os, inner);
  os->fields.push_back(k.var("X", k.stringT()));
  os->fields.back()->isField = true;
  os->tags.push_back("");
  Named* outer = k.named("Outer", os);

  // The shallower X wins.
  LookupResult r = lookupFieldOrMethod(u, outer, false, k.main, "X");
  REQUIRE(r.obj != nullptr);
  CHECK(r.obj->type == k.stringT());
  CHECK(r.index == std::vector<int>{1});
  CHECK_FALSE(r.ambiguous);

  // y is found one level down.
  r = lookupFieldOrMethod(u, outer, false, k.main, "y");
  REQUIRE(r.obj != nullptr);
  CHECK(r.index == std::vector<int>{0, 1});
  // ...but not from another package (unexported).
  r = lookupFieldOrMethod(u, outer, false, k.other, "y");
  CHECK(r.obj == nullptr);

  // Promoted methods; a pointer receiver needs an addressable operand.
  r = lookupFieldOrMethod(u, outer, false, k.main, "Get");
  REQUIRE(r.obj != nullptr);
  CHECK(r.obj->is<Func>());
  CHECK(r.index == std::vector<int>{0, 0});
  CHECK_FALSE(r.needsPointerReceiver);
  r = lookupFieldOrMethod(u, outer, false, k.main, "Set");
  REQUIRE(r.obj != nullptr);
  CHECK(r.index == std::vector<int>{0, 1});
  CHECK(r.needsPointerReceiver);
  r = lookupFieldOrMethod(u, outer, true, k.main, "Set");
  CHECK_FALSE(r.needsPointerReceiver);
  r = lookupFieldOrMethod(u, k.ptr(outer), false, k.main, "Set");
  CHECK_FALSE(r.needsPointerReceiver);
  CHECK(r.indirect);

  // Through an embedded *Inner, pointer receivers are fine.
  Struct* ps = k.structOf({});
  k.embed(ps, k.ptr(inner));
  Named* viaPtr = k.named("ViaPtr", ps);
  r = lookupFieldOrMethod(u, viaPtr, false, k.main, "Set");
  REQUIRE(r.obj != nullptr);
  CHECK(r.indirect);
  CHECK_FALSE(r.needsPointerReceiver);

  // Two embedded types with the same field at the same depth: ambiguous.
  Named* other = k.named("Other", k.structOf({{"X", k.intT()}}));
  Struct* both = k.structOf({});
  k.embed(both, inner);
  k.embed(both, other);
  Named* bothT = k.named("Both", both);
  r = lookupFieldOrMethod(u, bothT, false, k.main, "X");
  CHECK(r.obj == nullptr);
  CHECK(r.ambiguous);
  // A shallower field resolves the ambiguity.
  both->fields.push_back(k.var("X", k.boolT()));
  both->fields.back()->isField = true;
  both->tags.push_back("");
  r = lookupFieldOrMethod(u, bothT, false, k.main, "X");
  REQUIRE(r.obj != nullptr);
  CHECK(r.obj->type == k.boolT());

  // The same type reached along two paths at one depth is ambiguous too.
  Named* left = k.named("Left", nullptr);
  Named* right = k.named("Right", nullptr);
  Struct* ls = k.structOf({});
  k.embed(ls, inner);
  left->under = ls;
  Struct* rs = k.structOf({});
  k.embed(rs, inner);
  right->under = rs;
  Struct* diamond = k.structOf({});
  k.embed(diamond, left);
  k.embed(diamond, right);
  Named* diamondT = k.named("Diamond", diamond);
  r = lookupFieldOrMethod(u, diamondT, false, k.main, "Get");
  CHECK(r.obj == nullptr);
  CHECK(r.ambiguous);

  // Recursive embedding terminates: type Rec struct{ *Rec; V int }.
  Named* rec = k.named("Rec", nullptr);
  Struct* recS = k.structOf({});
  k.embed(recS, k.ptr(rec));
  rec->under = recS;
  r = lookupFieldOrMethod(u, rec, false, k.main, "Missing");
  CHECK(r.obj == nullptr);
  CHECK_FALSE(r.ambiguous);

  // Interface methods, with their index in the complete method set.
  Named* rw = k.named("RW", k.iface({{"Write", k.sig({}, {})}, {"Read", k.sig({}, {})}}));
  r = lookupFieldOrMethod(u, rw, false, k.main, "Write");
  REQUIRE(r.obj != nullptr);
  CHECK(r.index == std::vector<int>{1});
  // A pointer to an interface has no methods.
  r = lookupFieldOrMethod(u, k.ptr(rw), false, k.main, "Write");
  CHECK(r.obj == nullptr);
  // Methods are not found through a named pointer type, fields are.
  Named* pp = k.named("PP", k.ptr(inner));
  CHECK(lookupFieldOrMethod(u, pp, false, k.main, "Get").obj == nullptr);
  CHECK(lookupFieldOrMethod(u, pp, false, k.main, "X").obj != nullptr);
  CHECK(lookupFieldOrMethod(u, outer, false, k.main, "_").obj == nullptr);
}

TEST_CASE("scopes: insert, lookup and the position rule for locals") {
  Universe u;
  Package* pkg = u.newPackage("main", "main");
  Scope* file = u.newScope(pkg->scope, Pos{0, 1, 1}, Pos{0, 100, 1}, "file");
  Scope* fn = u.newScope(file, Pos{0, 3, 1}, Pos{0, 20, 1}, "func");
  fn->isFunc = true;
  Scope* block = u.newScope(fn, Pos{0, 5, 1}, Pos{0, 10, 1}, "block");
  CHECK(pkg->scope->parent == u.scope());
  CHECK(fn->children.size() == 1);

  Var* g = u.newObject<Var>(Pos{0, 50, 5}, pkg, "g", u.basic(BasicKind::Int));
  CHECK(pkg->scope->insert(g) == nullptr);
  Var* dup = u.newObject<Var>(Pos{0, 51, 5}, pkg, "g", u.basic(BasicKind::Int));
  CHECK(pkg->scope->insert(dup) == g);
  CHECK(g->parent == pkg->scope);

  Var* x = u.newObject<Var>(Pos{0, 6, 2}, pkg, "x", u.basic(BasicKind::Int));
  Var* y = u.newObject<Var>(Pos{0, 7, 2}, pkg, "y", u.basic(BasicKind::Int));
  block->insert(y);
  block->insert(x);
  REQUIRE(block->order.size() == 2);
  CHECK(block->order[0] == y);
  CHECK(block->order[1] == x);

  // Package objects are visible everywhere, whatever their position.
  CHECK(block->lookupParent("g", Pos{0, 6, 1}) == g);
  // Locals only after their declaration.
  CHECK(block->lookupParent("x", Pos{0, 6, 1}) == nullptr);
  Scope* where = nullptr;
  CHECK(block->lookupParent("x", Pos{0, 8, 1}, &where) == x);
  CHECK(where == block);
  CHECK(block->lookupParent("x", Pos{}) == x);
  CHECK(block->lookupParent("int", Pos{0, 6, 1}) == u.scope()->lookup("int"));
  CHECK(block->lookup("g") == nullptr);
  CHECK(block->lookupParent("nosuch", Pos{}) == nullptr);
}

TEST_CASE("hasPtrRecv reads the receiver's syntax before the signature is resolved") {
  Universe u;
  Package* pkg = u.newPackage("main", "main");
  AstArena arena;
  auto* decl = arena.make<FuncDecl>(Pos{});
  decl->recv = arena.make<FieldList>(Pos{});
  auto* field = arena.make<Field>(Pos{});
  auto* star = arena.make<StarExpr>(Pos{});
  star->x = arena.make<Ident>(Pos{});
  field->typeExpr = star;
  decl->recv->list.push_back(field);
  Func* m = u.newObject<Func>(Pos{}, pkg, "M", nullptr);
  m->decl = decl;
  CHECK(m->hasPtrRecv());
  field->typeExpr = star->x;
  CHECK_FALSE(m->hasPtrRecv());
  // Once resolved, the signature decides.
  Signature* sig = u.newType<Signature>();
  sig->recv = u.newObject<Var>(Pos{}, pkg, "", u.newType<Pointer>(u.basic(BasicKind::Int)));
  m->type = sig;
  CHECK(m->hasPtrRecv());
}

TEST_CASE("exported names") {
  Universe u;
  Package* pkg = u.newPackage("main", "main");
  auto v = [&](const char* name) { return Var(Pos{}, pkg, name, nullptr); };
  CHECK(v("Foo").exported());
  CHECK_FALSE(v("foo").exported());
  CHECK_FALSE(v("_Foo").exported());
  CHECK(v("\xc3\x89t\xc3\xa9").exported());  // Été
  CHECK_FALSE(v("\xc3\xa9t\xc3\xa9").exported());  // été
  CHECK(v("\xce\x94").exported());  // Δ
  CHECK_FALSE(v("\xce\xb4").exported());  // δ
  CHECK_FALSE(v("").exported());
}
