// Identifiers and type expressions.
//
// ident() resolves every identifier the checker meets, in value and in type
// position alike (go/types' Checker.ident): it looks the name up through the
// scope chain, resolves package-level objects lazily (objDecl), records the
// dependencies that decide initialisation order, and marks variables used or
// captured by a function literal.
//
// Type expressions build types::Type objects. A defined type `type T X`
// first gets its Named (so X may refer back to T through pointers, slices,
// maps, channels, functions and interfaces), then its underlying type. A
// struct or array that contains itself is caught later by validType
// (check_decl.cpp), once every package-level type is known, because whether
// `struct{ a U }` is finite depends on types that may not be resolved yet.
#include <algorithm>
#include <functional>

#include "lang/checker.h"

namespace gol::lang {

namespace {

const types::Type* invalidType(types::Universe& u) { return u.basic(types::BasicKind::Invalid); }

// Is scope s inside (or equal to) outer?
bool scopeWithin(const types::Scope* s, const types::Scope* outer) {
  for (; s; s = s->parent)
    if (s == outer) return true;
  return false;
}

}  // namespace

bool Checker::isPackageObject(const types::Object* obj) const {
  return obj->parent != nullptr && obj->parent == pkg_->scope;
}

void Checker::recordDep(types::Object* obj) {
  if (!currentDecl_ || !isPackageObject(obj)) return;
  if (!obj->is<types::Var>() && !obj->is<types::Const>() && !obj->is<types::Func>()) return;
  auto it = objMap_.find(currentDecl_);
  if (it != objMap_.end()) it->second.deps.insert(obj);
}

void Checker::recordCapture(types::Var* v) {
  if (!fctx_ || !v->parent || v->isGlobal || v->isField || isPackageObject(v)) return;
  // Every function literal between the use and the declaring function
  // captures v, so that a nested closure can reach it through its parent.
  for (FuncContext* f = fctx_; f; f = f->outer) {
    if (scopeWithin(v->parent, f->scope)) return;
    if (!f->lit) return;  // v belongs to no enclosing function (cannot happen)
    v->captured = true;
    auto& caps = f->lit->captures;
    if (std::find(caps.begin(), caps.end(), v) == caps.end()) caps.push_back(v);
  }
}

void Checker::ident(Operand& x, Ident* e, types::Named* /*def*/, bool wantType) {
  x.mode = ExprMode::Invalid;
  x.expr = e;
  x.type = invalidType(u_);
  if (e->name == "_") {
    error(e->pos, wantType ? "cannot use _ as type" : "cannot use _ as value");
    return;
  }
  types::Object* obj = scope_->lookupParent(e->name, e->pos);
  if (!obj) {
    errorf(e->pos, "undefined: {}", e->name);
    return;
  }
  e->obj = obj;
  if (obj->pkg && obj->pkg != pkg_ && !dotImports_.empty()) {
    auto dot = dotImports_.find(obj->pkg);
    if (dot != dotImports_.end()) dot->second->used = true;
  }

  switch (obj->kind) {
    case types::ObjKind::PkgName:
      obj->as<types::PkgName>()->used = true;
      errorf(e->pos, "use of package {} not in selector", obj->name);
      return;

    case types::ObjKind::Const: {
      recordDep(obj);
      if (obj->pkg == nullptr && obj->name == "iota") {
        if (iota_ < 0) {
          error(e->pos, "cannot use iota outside constant declaration");
          return;
        }
        x.mode = ExprMode::Constant;
        x.type = u_.basic(types::BasicKind::UntypedInt);
        x.val = ConstValue::makeInt64(iota_);
        return;
      }
      objDecl(obj);
      if (types::isInvalid(obj->type)) return;
      x.mode = ExprMode::Constant;
      x.type = obj->type;
      x.val = obj->as<types::Const>()->value;
      return;
    }

    case types::ObjKind::TypeName:
      objDecl(obj);
      if (types::isInvalid(obj->type)) return;
      x.mode = ExprMode::TypeExpr;
      x.type = obj->type;
      return;

    case types::ObjKind::Var: {
      auto* v = obj->as<types::Var>();
      recordDep(obj);
      objDecl(obj);
      // Only variables of this package can be "declared and not used".
      if (v->pkg == pkg_) v->used = true;
      recordCapture(v);
      if (types::isInvalid(v->type)) return;
      x.mode = ExprMode::Variable;
      x.type = v->type;
      return;
    }

    case types::ObjKind::Func:
      recordDep(obj);
      // As gc: a function whose signature is being resolved already has a
      // (placeholder) type; resolving it again would report a cycle where
      // `func foo(foo)` deserves only "foo is not a type".
      if (!obj->type) objDecl(obj);
      if (!obj->type) return;
      x.mode = ExprMode::Value;
      x.type = obj->type;
      return;

    case types::ObjKind::Builtin:
      x.mode = ExprMode::Builtin;
      x.builtin = obj->as<types::Builtin>()->id;
      return;

    case types::ObjKind::Nil:
      x.mode = ExprMode::Value;
      x.type = u_.basic(types::BasicKind::UntypedNil);
      return;

    case types::ObjKind::Label:
      errorf(e->pos, "undefined: {}", e->name);
      return;
  }
}

const types::Type* Checker::typExpr(Expr* e) { return definedType(e, nullptr); }

const types::Type* Checker::varType(Expr* e) {
  const types::Type* t = definedType(e, nullptr);
  // An interface with type constraints (not in Gol) could not be used here;
  // every interface Gol can write is a method set, so nothing else to check.
  return t;
}

const types::Type* Checker::definedType(Expr* e, types::Named* def) {
  const types::Type* t = invalidType(u_);
  auto record = [&](const types::Type* typ) {
    e->mode = types::isInvalid(typ) ? ExprMode::Invalid : ExprMode::TypeExpr;
    e->type = typ;
    return typ;
  };
  if (!e) return t;

  switch (e->kind) {
    case NodeKind::BadExpr:
      return record(t);

    case NodeKind::Ident: {
      Operand x;
      ident(x, e->as<Ident>(), def, true);
      switch (x.mode) {
        case ExprMode::TypeExpr:
          return record(x.type);
        case ExprMode::Invalid:
          return record(t);
        case ExprMode::NoValue:
          errorf(e->pos, "{} used as type", exprString(e));
          return record(t);
        default:
          errorf(e->pos, "{} is not a type", operandString(x));
          return record(t);
      }
    }

    case NodeKind::SelectorExpr: {
      Operand x;
      exprOrType(x, e);
      if (x.mode == ExprMode::TypeExpr) return record(x.type);
      if (x.mode != ExprMode::Invalid) errorf(e->pos, "{} is not a type", operandString(x));
      return record(t);
    }

    case NodeKind::ParenExpr:
      return record(definedType(e->as<ParenExpr>()->x, def));

    case NodeKind::StarExpr: {
      const types::Type* elem = varType(e->as<StarExpr>()->x);
      if (types::isInvalid(elem)) return record(t);
      return record(u_.newType<types::Pointer>(elem));
    }

    case NodeKind::ArrayType: {
      auto* at = e->as<ArrayType>();
      if (!at->len) {
        const types::Type* elem = varType(at->elt);
        return record(u_.newType<types::Slice>(elem));
      }
      if (at->len->is<Ellipsis>()) {
        error(at->pos, "invalid use of [...] array (outside a composite literal)");
        varType(at->elt);
        return record(t);
      }
      int64_t n = arrayLength(at->len);
      const types::Type* elem = varType(at->elt);
      if (n < 0) return record(t);
      return record(u_.newType<types::Array>(elem, n));
    }

    case NodeKind::Ellipsis:
      error(e->pos, "invalid use of ...");
      return record(t);

    case NodeKind::MapType: {
      auto* mt = e->as<MapType>();
      const types::Type* key = varType(mt->key);
      const types::Type* val = varType(mt->value);
      if (types::isInvalid(key) || types::isInvalid(val)) return record(t);
      auto* m = u_.newType<types::Map>(key, val);
      // The key's underlying type may not be known yet (type T map[U]int;
      // type U ...), so check comparability once everything is resolved.
      Expr* keyExpr = mt->key;
      later_.push_back([this, key, keyExpr] {
        if (!types::isInvalid(key->underlying()) && !types::validMapKey(key))
          errorf(keyExpr->pos, "invalid map key type {}", typeStr(key));
      });
      return record(m);
    }

    case NodeKind::ChanType: {
      auto* ct = e->as<ChanType>();
      const types::Type* elem = varType(ct->value);
      if (types::isInvalid(elem)) return record(t);
      return record(u_.newType<types::Chan>(ct->dir, elem));
    }

    case NodeKind::FuncType:
      return record(funcType(nullptr, e->as<FuncType>(), nullptr));

    case NodeKind::StructType:
      return record(structType(e->as<StructType>()));

    case NodeKind::InterfaceType:
      return record(interfaceType(e->as<InterfaceType>(), def));

    default: {
      // A value expression in type position: evaluate it for its errors.
      Operand x;
      exprOrType(x, e);
      if (x.mode == ExprMode::TypeExpr) return record(x.type);
      // gc names only the expression here (`0 is not a type`), unlike for
      // a name (`foo (value of type func()) is not a type`).
      if (x.mode != ExprMode::Invalid) errorf(e->pos, "{} is not a type", exprString(e));
      return record(t);
    }
  }
}

int64_t Checker::arrayLength(Expr* e) {
  // A lone name gets gc's shorter messages.
  if (auto* id = unparen(e)->as<Ident>(); id && e->is<Ident>()) {
    types::Object* obj = scope_->lookupParent(id->name, id->pos);
    if (!obj) {
      errorf(id->pos, "undefined array length {} or missing type constraint", id->name);
      return -1;
    }
    if (!obj->is<types::Const>()) {
      errorf(id->pos, "invalid array length {}", id->name);
      return -1;
    }
  }
  Operand x;
  expr(x, e);
  if (x.mode != ExprMode::Constant) {
    if (x.mode != ExprMode::Invalid) errorf(e->pos, "array length {} must be constant", operandString(x));
    return -1;
  }
  if (types::isUntyped(x.type) || types::isInteger(x.type)) {
    ConstValue v = x.val.toInt();
    if (v.kind() == ConstValue::Kind::Int) {
      std::optional<int64_t> n = v.toInt64();
      if (n && *n >= 0) return *n;
    }
  }
  if (types::isInteger(x.type))
    errorf(e->pos, "invalid array length {}", operandString(x));
  else
    errorf(e->pos, "array length {} must be integer", operandString(x));
  return -1;
}

namespace {

// Collects one parameter list (params or results) into a Tuple, declaring
// named parameters in scope when there is one.
struct ParamCollector {
  Checker& c;
  types::Scope* scope;

  const types::Tuple* collect(FieldList* list, bool variadicOk, bool* variadic) {
    auto* tuple = c.u_.newType<types::Tuple>();
    if (!list) return tuple;
    for (size_t i = 0; i < list->list.size(); ++i) {
      Field* f = list->list[i];
      Expr* texpr = f->typeExpr;
      const types::Type* t;
      if (auto* ell = texpr ? texpr->as<Ellipsis>() : nullptr) {
        const types::Type* elem = c.varType(ell->elt);
        bool last = i + 1 == list->list.size() && f->names.size() <= 1;
        if (variadicOk && last) {
          *variadic = true;
        } else {
          c.error(ell->pos, "can only use ... with final parameter in list");
        }
        t = c.u_.newType<types::Slice>(elem);
        ell->mode = ExprMode::TypeExpr;
        ell->type = t;
      } else {
        t = c.varType(texpr);
      }
      if (f->names.empty()) {
        auto* v = c.u_.newObject<types::Var>(texpr ? texpr->pos : f->pos, c.pkg_, "", t);
        v->isParam = true;
        tuple->vars.push_back(v);
        continue;
      }
      for (Ident* id : f->names) {
        auto* v = c.u_.newObject<types::Var>(id->pos, c.pkg_, id->name, t);
        v->isParam = true;
        tuple->vars.push_back(v);
        if (scope) {
          c.declare(scope, id, v);
        } else {
          id->obj = v;
          id->isDef = true;
        }
      }
    }
    return tuple;
  }
};

}  // namespace

const types::Signature* Checker::funcType(FieldList* recv, FuncType* ft, types::Scope* scope) {
  auto* sig = u_.newType<types::Signature>();
  ParamCollector pc{*this, scope};
  if (recv) {
    bool ignored = false;
    const types::Tuple* r = pc.collect(recv, false, &ignored);
    // The parser reported a missing or second receiver.
    if (!r->vars.empty()) sig->recv = r->vars[0];
  }
  bool variadic = false;
  sig->params = pc.collect(ft ? ft->params : nullptr, true, &variadic);
  sig->variadic = variadic;
  bool ignored = false;
  sig->results = pc.collect(ft ? ft->results : nullptr, false, &ignored);
  if (ft) {
    ft->mode = ExprMode::TypeExpr;
    ft->type = sig;
  }
  return sig;
}

const types::Struct* Checker::structType(StructType* st) {
  auto* s = u_.newType<types::Struct>();
  std::map<std::string, types::Var*> seen;
  auto add = [&](types::Var* f, const std::string& tag) {
    if (f->name != "_") {
      auto [it, fresh] = seen.emplace(f->name, f);
      if (!fresh) {
        errorf(f->pos, "{} redeclared\n\t{}: other declaration of {}", f->name, diags_.format(it->second->pos),
               f->name);
      }
    }
    s->fields.push_back(f);
    s->tags.push_back(tag);
  };
  if (!st->fields) return s;
  for (Field* field : st->fields->list) {
    std::string tag;
    if (field->tag) {
      ConstValue v = ConstValue::fromLiteral(Tok::String, field->tag->lit);
      if (v.kind() == ConstValue::Kind::String) tag = v.stringVal();
    }
    const types::Type* t = varType(field->typeExpr);
    if (!field->names.empty()) {
      for (Ident* id : field->names) {
        auto* f = u_.newObject<types::Var>(id->pos, pkg_, id->name, t);
        f->isField = true;
        id->obj = f;
        id->isDef = true;
        add(f, tag);
      }
      continue;
    }
    // Embedded field: T, *T, pkg.T or *pkg.T; its name is the type name's.
    Expr* te = unparen(field->typeExpr);
    bool ptr = false;
    if (auto* star = te ? te->as<StarExpr>() : nullptr) {
      te = unparen(star->x);
      ptr = true;
    }
    Ident* nameId = nullptr;
    if (te && te->is<Ident>()) nameId = te->as<Ident>();
    if (te && te->is<SelectorExpr>()) nameId = te->as<SelectorExpr>()->sel;
    if (!nameId) {
      if (te && !types::isInvalid(t)) errorf(te->pos, "embedded field type {} must be a type name", exprString(te));
      continue;
    }
    // gc positions an embedded field at its type expression (`*E`, not `E`).
    auto* f = u_.newObject<types::Var>(field->typeExpr->pos, pkg_, nameId->name, t);
    f->isField = true;
    f->embedded = true;
    add(f, tag);
    if (types::isInvalid(t)) continue;
    const types::Type* base = ptr ? t->as<types::Pointer>() ? t->as<types::Pointer>()->elem : t : t;
    Expr* errExpr = field->typeExpr;
    later_.push_back([this, base, ptr, errExpr] {
      const types::Type* u = base->underlying();
      if (u->is<types::Pointer>())
        error(errExpr->pos, "embedded field type cannot be a pointer");
      else if (ptr && u->is<types::Interface>())
        error(errExpr->pos, "embedded field type cannot be a pointer to an interface");
    });
  }
  return s;
}

const types::Interface* Checker::interfaceType(InterfaceType* it, types::Named* def) {
  auto* iface = u_.newType<types::Interface>();
  if (!it->methods) {
    u_.completeInterface(iface);
    return iface;
  }
  std::map<std::string, types::Func*> seen;
  std::vector<Pos> embedPos;  // parallel to iface->embeddeds
  bool pending = false;
  for (Field* f : it->methods->list) {
    if (f->names.empty()) {
      const types::Type* t = typExpr(f->typeExpr);
      if (types::isInvalid(t)) continue;
      embedPos.push_back(f->typeExpr->pos);
      const types::Named* n = t->as<types::Named>();
      if (n && !n->under) {
        pending = true;  // being declared: complete once it is
      } else if (!t->under<types::Interface>()) {
        errorf(f->typeExpr->pos, "cannot use {} as interface: not an interface", typeStr(t));
        embedPos.pop_back();
        continue;
      }
      iface->embeddeds.push_back(t);
      continue;
    }
    Ident* name = f->names[0];
    const types::Signature* sig = funcType(nullptr, f->typeExpr ? f->typeExpr->as<FuncType>() : nullptr, nullptr);
    auto* recvSig = const_cast<types::Signature*>(sig);
    recvSig->recv = u_.newObject<types::Var>(name->pos, pkg_, "", def ? static_cast<const types::Type*>(def) : iface);
    auto* m = u_.newObject<types::Func>(name->pos, pkg_, name->name, sig);
    name->obj = m;
    name->isDef = true;
    if (name->name == "_") {
      error(name->pos, "methods must have a unique non-blank name");
      continue;
    }
    auto [pos, fresh] = seen.emplace(name->name, m);
    if (!fresh) {
      errorf(name->pos, "duplicate method {}\n\t{}: other declaration of {}", name->name,
             diags_.format(pos->second->pos), name->name);
      continue;
    }
    iface->methods.push_back(m);
  }
  auto complete = [this, iface, it, def, embedPos] {
    // An interface embedding itself (directly or not) has no method set.
    std::vector<const types::Named*> path;
    std::set<const types::Interface*> visited;
    std::function<bool(const types::Interface*)> reaches = [&](const types::Interface* cur) {
      if (path.size() > 1000) return false;  // bound recursion on hostile input
      for (const types::Type* e : cur->embeddeds) {
        const types::Interface* ei = e->under<types::Interface>();
        if (!ei) continue;
        const types::Named* en = e->as<types::Named>();
        if (en) path.push_back(en);
        if (ei == iface) return true;
        if (visited.insert(ei).second && reaches(ei)) return true;
        if (en) path.pop_back();
      }
      return false;
    };
    if (reaches(iface)) {
      std::vector<types::Object*> cycle;
      for (const types::Named* n : path) cycle.push_back(n->obj);
      if (cycle.empty() && def) cycle.push_back(def->obj);
      if (!cycle.empty()) cycleError(cycle);
      else error(it->pos, "invalid recursive interface");
      // Break the cycle in every interface on it, so it is reported once.
      for (const types::Named* n : path)
        if (auto* ni = const_cast<types::Interface*>(n->under ? n->under->as<types::Interface>() : nullptr))
          ni->embeddeds.clear();
      iface->embeddeds.clear();
      u_.completeInterface(iface);
      return;
    }
    // Methods inherited from embedded interfaces must not clash in
    // signature; each is "declared" where its interface is embedded.
    std::map<std::string, std::pair<const types::Func*, Pos>> all;
    for (types::Func* m : iface->methods) all.emplace(m->name, std::make_pair(m, m->pos));
    for (size_t i = 0; i < iface->embeddeds.size(); ++i) {
      const types::Interface* ei = iface->embeddeds[i]->under<types::Interface>();
      if (!ei) continue;
      Pos at = i < embedPos.size() ? embedPos[i] : it->pos;
      u_.completeInterface(ei);
      for (types::Func* m : ei->allMethods) {
        auto [p, fresh] = all.emplace(m->name, std::make_pair(m, at));
        if (!fresh && p->second.first != m && !types::identical(p->second.first->type, m->type))
          errorf(at, "duplicate method {}\n\t{}: other declaration of {}", m->name, diags_.format(p->second.second),
                 m->name);
      }
    }
    u_.completeInterface(iface);
  };
  if (pending)
    later_.push_back(complete);
  else
    complete();
  return iface;
}

}  // namespace gol::lang
