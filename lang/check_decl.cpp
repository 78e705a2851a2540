// Declarations: package-level collection and lazy resolution, local
// declarations, methods, initialisation order and unused imports.
//
// Package-level declarations may appear in any order, so the checker works
// in two steps, as go/types does. collectObjects creates an Object for every
// package-level name (with a DeclInfo saying where its type and value come
// from) without looking at any type or expression. Then every object is
// resolved by objDecl, which is also called on demand whenever an
// identifier refers to an object not resolved yet. objDecl colours objects
// white (untouched), grey (being resolved: on declPath_) and black (done).
// Meeting a grey object means a cycle: legal when it passes through a type
// definition only (`type T struct{ next *T }`), an error otherwise
// (`type A = B; type B = A`). Cycles among variables and constants through
// their initialisers, possibly via functions, are reported by
// computeInitOrder, which needs the dependencies of function bodies too.
//
// Methods are gathered by receiver base type name during collection and
// attached to their Named type as soon as the type is resolved, with their
// signatures resolved at once: later checks (interface satisfaction, method
// values) read a type's complete method set.
//
// Structs and arrays containing themselves (`type T struct{ a T }`) are
// found by validType once all package-level types are known.
#include <algorithm>

#include "lang/checker.h"

namespace gol::lang {

namespace {

const types::Type* invalidType(types::Universe& u) { return u.basic(types::BasicKind::Invalid); }

// Bound on lazily resolved declarations in progress at once (objDecl
// recursion); Go has none, real programs stay far below it.
constexpr size_t kMaxDeclDepth = 1000;

std::string stringLit(const BasicLit* lit) {
  if (!lit) return "";
  ConstValue v = ConstValue::fromLiteral(Tok::String, lit->lit);
  return v.kind() == ConstValue::Kind::String ? v.stringVal() : "";
}

// The name of a method receiver's base type: T in `(T)`, `(*T)`, `(t *T)`.
Ident* receiverBaseName(FieldList* recv) {
  if (!recv || recv->list.empty()) return nullptr;
  Expr* t = unparen(recv->list[0]->typeExpr);
  if (auto* star = t ? t->as<StarExpr>() : nullptr) t = unparen(star->x);
  return t ? t->as<Ident>() : nullptr;
}

}  // namespace

void Checker::declare(types::Scope* scope, Ident* id, types::Object* obj) {
  if (id) {
    id->obj = obj;
    id->isDef = true;
  }
  if (obj->name == "_") return;
  if (types::Object* alt = scope->insert(obj)) {
    std::string msg = fmt::format("{} redeclared in this block", obj->name);
    if (alt->pos.valid()) msg += fmt::format("\n\t{}: other declaration of {}", diags_.format(alt->pos), obj->name);
    error(obj->pos, std::move(msg));
    return;
  }
  if (!obj->parent) obj->parent = scope;
}

// ---------------------------------------------------------------------------
// Collection

// init and (in package main) main may only be functions; a non-function
// init is not declared at all, so uses of it are undefined, as in gc.
void Checker::declarePackageObject(Ident* id, types::Object* obj) {
  if (obj->name == "init") {
    error(obj->pos, "cannot declare init - must be func");
    if (id) {
      id->obj = obj;
      id->isDef = true;
    }
    return;
  }
  if (obj->name == "main" && pkg_->name == "main") error(obj->pos, "cannot declare main - must be func");
  declare(pkg_->scope, id, obj);
}

void Checker::arity(Pos pos, const std::vector<Ident*>& names, const std::vector<Expr*>& inits, bool constDecl,
                    bool inherited) {
  size_t l = names.size(), r = inits.size();
  if (l < r) {
    Expr* n = inits[l];
    if (inherited)
      errorf(pos, "extra init expr at {}", diags_.format(n->pos));
    else
      errorf(n->pos, "extra init expr {}", exprString(n));
  } else if (l > r && (constDecl || r > 1)) {
    errorf(names[r]->pos, "missing init expr for {}", names[r]->name);
  }
}

void Checker::collectObjects(const std::vector<File*>& files) {
  for (File* file : files) {
    types::Scope* fileScope = u_.newScope(pkg_->scope, file->pos, Pos{}, "file");
    if (std::find(pkg_->scope->children.begin(), pkg_->scope->children.end(), fileScope) ==
        pkg_->scope->children.end())
      pkg_->scope->children.push_back(fileScope);
    fileScopes_.push_back(fileScope);

    for (Decl* decl : file->decls) {
      if (auto* fd = decl->as<FuncDecl>()) {
        const std::string& name = fd->name ? fd->name->name : "_";
        auto* obj = u_.newObject<types::Func>(fd->name ? fd->name->pos : fd->pos, pkg_, name, nullptr);
        obj->decl = fd;
        fd->obj = obj;
        DeclInfo d;
        d.file = file;
        d.fileScope = fileScope;
        d.funcDecl = fd;
        objMap_[obj] = d;
        objList_.push_back(obj);
        if (fd->name) {
          fd->name->obj = obj;
          fd->name->isDef = true;
        }
        if (fd->recv) {
          methods_.emplace_back(obj, fd);
          if (Ident* base = receiverBaseName(fd->recv)) methodsByBase_[base->name].emplace_back(obj, fd);
          continue;
        }
        bool noSig = !fd->sig || ((!fd->sig->params || fd->sig->params->list.empty()) &&
                                  (!fd->sig->results || fd->sig->results->list.empty()));
        if (name == "init") {
          if (!noSig) error(obj->pos, "func init must have no arguments and no return values");
          pkg_->initFuncs.push_back(obj);
          continue;  // init functions are not declared: they cannot be referred to
        }
        if (name == "main" && pkg_->name == "main" && !noSig)
          error(obj->pos, "func main must have no arguments and no return values");
        declare(pkg_->scope, nullptr, obj);
        continue;
      }

      auto* gd = decl->as<GenDecl>();
      if (!gd) continue;
      switch (gd->tok) {
        case Tok::Import:
          for (Spec* spec : gd->specs) {
            auto* is = spec->as<ImportSpec>();
            if (!is || !is->path) continue;
            std::string path = stringLit(is->path);
            types::Package* imported = importer_(path, is->path->pos);
            if (!imported) {
              errorf(is->path->pos, "package {} is not in std", path);
              continue;
            }
            if (std::find(pkg_->imports.begin(), pkg_->imports.end(), imported) == pkg_->imports.end())
              pkg_->imports.push_back(imported);
            std::string name = is->name ? is->name->name : imported->name;
            if (name == "_") continue;
            Pos pos = is->name ? is->name->pos : is->path->pos;
            auto* pn = u_.newObject<types::PkgName>(pos, pkg_, name, imported);
            if (name == ".") {
              // Dot import: the package's exported names join the file scope.
              if (imported->scope)
                for (auto& [n, o] : imported->scope->elems)
                  if (o->exported()) fileScope->insert(o);
              dotImports_[imported] = pn;
              imports_.emplace_back(pn, is);
              continue;
            }
            if (is->name) {
              is->name->obj = pn;
              is->name->isDef = true;
            }
            declare(fileScope, nullptr, pn);
            imports_.emplace_back(pn, is);
          }
          break;

        case Tok::Const:
          constSpecs(gd, file, fileScope);
          break;

        case Tok::Var:
          for (Spec* spec : gd->specs) {
            auto* vs = spec->as<ValueSpec>();
            if (!vs) continue;
            std::vector<types::Var*> lhs;
            for (Ident* id : vs->names) {
              auto* v = u_.newObject<types::Var>(id->pos, pkg_, id->name, nullptr);
              v->isGlobal = true;
              lhs.push_back(v);
            }
            bool multi = vs->values.size() == 1 && vs->names.size() > 1;
            for (size_t i = 0; i < lhs.size(); ++i) {
              DeclInfo d;
              d.file = file;
              d.fileScope = fileScope;
              d.typeExpr = vs->typeExpr;
              if (multi) {
                d.lhs = lhs;
                d.init = vs->values[0];
              } else if (i < vs->values.size()) {
                d.init = vs->values[i];
              }
              objMap_[lhs[i]] = d;
              objList_.push_back(lhs[i]);
              declarePackageObject(vs->names[i], lhs[i]);
            }
            if (!vs->typeExpr || !vs->values.empty()) arity(vs->pos, vs->names, vs->values, false, false);
          }
          break;

        case Tok::Type:
          for (Spec* spec : gd->specs) {
            auto* ts = spec->as<TypeSpec>();
            if (!ts || !ts->name) continue;
            auto* obj = u_.newObject<types::TypeName>(ts->name->pos, pkg_, ts->name->name, nullptr);
            obj->isAlias = ts->isAlias;
            DeclInfo d;
            d.file = file;
            d.fileScope = fileScope;
            d.typeSpec = ts;
            objMap_[obj] = d;
            objList_.push_back(obj);
            declarePackageObject(ts->name, obj);
          }
          break;

        default:
          break;
      }
    }
  }

  // A package-level name may not also be an imported package's name in a file.
  for (types::Scope* fs : fileScopes_) {
    for (auto& [name, obj] : fs->elems) {
      auto* pn = obj->as<types::PkgName>();
      if (!pn || pn->pkg != pkg_) continue;
      if (types::Object* alt = pkg_->scope->lookup(name)) {
        errorf(alt->pos, "{} already declared through import of package {} (\"{}\")\n\t{}: other declaration of {}",
               name, pn->imported->name, pn->imported->path, diags_.format(pn->pos), name);
      }
    }
  }
}

// Const specs of one declaration: creates the objects, declares them
// (package scope at package level, scope_ locally) and, locally, checks
// them at once. A spec without type and values repeats the previous one's.
// file is null for a local declaration.
void Checker::constSpecs(GenDecl* gd, File* file, types::Scope* fileScope) {
  bool local = file == nullptr;
  ValueSpec* last = nullptr;
  for (size_t specIndex = 0; specIndex < gd->specs.size(); ++specIndex) {
    auto* vs = gd->specs[specIndex]->as<ValueSpec>();
    if (!vs) continue;
    int iota = static_cast<int>(specIndex);
    Expr* typeExpr = vs->typeExpr;
    const std::vector<Expr*>* inits = &vs->values;
    bool inherited = false;
    if (!vs->typeExpr && vs->values.empty() && last) {
      typeExpr = last->typeExpr;
      inits = &last->values;
      inherited = true;
    } else if (vs->typeExpr || !vs->values.empty()) {
      last = vs;
    }
    std::vector<types::Const*> objs;
    for (size_t i = 0; i < vs->names.size(); ++i) {
      Ident* id = vs->names[i];
      auto* obj = u_.newObject<types::Const>(id->pos, pkg_, id->name, nullptr, ConstValue{});
      Expr* init = i < inits->size() ? (*inits)[i] : nullptr;
      if (!local) {
        DeclInfo d;
        d.file = file;
        d.fileScope = fileScope;
        d.typeExpr = typeExpr;
        d.init = init;
        d.iota = iota;
        objMap_[obj] = d;
        objList_.push_back(obj);
        if (inherited) inheritedConsts_.insert(obj);
        declarePackageObject(id, obj);
      } else {
        Pos savedErrpos = errpos_;
        if (inherited) errpos_ = obj->pos;
        constDecl(obj, typeExpr, init, iota);
        errpos_ = savedErrpos;
        objs.push_back(obj);
      }
    }
    arity(vs->pos, vs->names, *inits, true, inherited);
    if (local) {
      for (size_t i = 0; i < objs.size(); ++i) declare(scope_, vs->names[i], objs[i]);
    }
  }
}

// ---------------------------------------------------------------------------
// Resolution

void Checker::packageObjects() {
  // Types first, so that method sets are complete before values use them.
  for (int pass = 0; pass < 3; ++pass) {
    for (types::Object* obj : objList_) {
      auto* tn = obj->as<types::TypeName>();
      bool take = pass == 0 ? (tn && !tn->isAlias) : pass == 1 ? (tn && tn->isAlias) : !tn;
      if (take) objDecl(obj);
    }
  }
  // Every wait ends with its type's resolution; this only guards the invariant.
  for (auto& [waiting, on] : pendingUnder_) waiting->under = invalidType(u_);
  pendingUnder_.clear();
  while (!later_.empty()) {
    std::vector<std::function<void()>> work;
    work.swap(later_);
    for (auto& f : work) f();
  }
  for (types::Object* obj : objList_) {
    auto* tn = obj->as<types::TypeName>();
    if (!tn || tn->isAlias) continue;
    if (auto* n = const_cast<types::Named*>(tn->type ? tn->type->as<types::Named>() : nullptr)) {
      std::vector<types::Named*> path;
      validType(n, path);
    }
  }
}

void Checker::cycleError(const std::vector<types::Object*>& cycle) {
  if (cycle.empty()) return;
  size_t first = 0;
  for (size_t i = 1; i < cycle.size(); ++i)
    if (cycle[i]->pos < cycle[first]->pos) first = i;
  types::Object* obj = cycle[first];
  bool isType = obj->is<types::TypeName>();
  if (cycle.size() == 1) {
    if (isType)
      errorf(obj->pos, "invalid recursive type: {} refers to itself", obj->name);
    else
      errorf(obj->pos, "invalid cycle in declaration: {} refers to itself", obj->name);
    return;
  }
  std::string msg = isType ? fmt::format("invalid recursive type {}", obj->name)
                           : fmt::format("invalid cycle in declaration of {}", obj->name);
  for (size_t k = 0; k < cycle.size(); ++k) {
    types::Object* o = cycle[(first + k) % cycle.size()];
    msg += fmt::format("\n\t{}: {} refers to", diags_.format(o->pos), o->name);
  }
  msg += fmt::format("\n\t{}: {}", diags_.format(obj->pos), obj->name);
  error(obj->pos, std::move(msg));
}

void Checker::objDecl(types::Object* obj) {
  auto it = objMap_.find(obj);
  if (it == objMap_.end()) return;  // not a package-level object of this package
  DeclInfo& d = it->second;
  if (d.color == DeclInfo::Color::White && obj->type) {
    d.color = DeclInfo::Color::Black;
    return;
  }
  if (d.color == DeclInfo::Color::Black) return;
  if (d.color == DeclInfo::Color::Grey) {
    auto pos = std::find(declPath_.begin(), declPath_.end(), obj);
    std::vector<types::Object*> cycle(pos, declPath_.end());
    size_t nval = 0, ndef = 0;
    for (types::Object* o : cycle) {
      if (o->is<types::Const>() || o->is<types::Var>()) ++nval;
      if (auto* tn = o->as<types::TypeName>(); tn && !tn->isAlias) ++ndef;
    }
    // Value-only cycles are initialisation cycles (reported with the init
    // order); a cycle of types needs a type definition to be finite.
    bool valid = nval == cycle.size() || (nval == 0 && ndef > 0);
    if (!valid) cycleError(cycle);
    if (obj->is<types::Const>() || obj->is<types::Var>()) {
      if (!valid || !obj->type) obj->type = invalidType(u_);
    } else if (obj->is<types::TypeName>() && !valid) {
      obj->type = invalidType(u_);
    } else if (obj->is<types::Func>() && !obj->type) {
      // A function whose signature refers to itself (through an array
      // length, say); give it an empty signature so callers can proceed.
      auto* sig = u_.newType<types::Signature>();
      sig->params = u_.newType<types::Tuple>();
      sig->results = u_.newType<types::Tuple>();
      obj->type = sig;
    }
    return;
  }

  // Resolution recurses through the declarations an initialiser or type
  // refers to; bound it so that a hostile chain cannot exhaust the stack.
  if (declPath_.size() >= kMaxDeclDepth) {
    errorf(obj->pos, "declaration of {} nested too deeply", obj->name);
    if (!obj->type) obj->type = invalidType(u_);
    return;
  }
  d.color = DeclInfo::Color::Grey;
  declPath_.push_back(obj);
  int savedExprDepth = exprDepth_;
  exprDepth_ = 0;
  types::Scope* savedScope = scope_;
  FuncContext* savedFctx = fctx_;
  types::Object* savedDecl = currentDecl_;
  int savedIota = iota_;
  Pos savedErrpos = errpos_;
  errpos_ = Pos{};
  scope_ = d.fileScope ? d.fileScope : pkg_->scope;
  fctx_ = nullptr;
  iota_ = -1;

  // Copy what we need: objDecl may recurse and rehash nothing (std::map
  // nodes are stable), but be explicit about which DeclInfo is meant.
  DeclInfo* info = &it->second;
  switch (obj->kind) {
    case types::ObjKind::Const:
      currentDecl_ = obj;
      if (inheritedConsts_.count(obj)) errpos_ = obj->pos;
      constDecl(obj->as<types::Const>(), info->typeExpr, info->init, info->iota);
      break;
    case types::ObjKind::Var:
      currentDecl_ = obj;
      varDecl(obj->as<types::Var>(), info->lhs, info->typeExpr, info->init);
      break;
    case types::ObjKind::TypeName:
      currentDecl_ = nullptr;
      typeDecl(obj->as<types::TypeName>(), info->typeSpec);
      break;
    case types::ObjKind::Func:
      currentDecl_ = nullptr;
      funcDecl(obj->as<types::Func>(), info->funcDecl);
      break;
    default:
      break;
  }

  scope_ = savedScope;
  fctx_ = savedFctx;
  currentDecl_ = savedDecl;
  iota_ = savedIota;
  errpos_ = savedErrpos;
  exprDepth_ = savedExprDepth;
  declPath_.pop_back();
  info->color = DeclInfo::Color::Black;
}

void Checker::initConst(types::Const* obj, Operand& x, const types::Type* t) {
  if (x.mode == ExprMode::Invalid || types::isInvalid(x.type)) {
    obj->type = invalidType(u_);
    return;
  }
  if (x.mode != ExprMode::Constant) {
    errorf(x.expr ? x.expr->pos : obj->pos, "{} is not constant", operandString(x));
    obj->type = invalidType(u_);
    return;
  }
  if (t) {
    assignment(x, t, "constant declaration");
    if (x.mode == ExprMode::Invalid) {
      obj->type = invalidType(u_);
      return;
    }
  }
  obj->type = x.type;
  obj->value = x.val;
}

void Checker::constDecl(types::Const* obj, Expr* typeExpr, Expr* init, int iota) {
  int savedIota = iota_;
  iota_ = iota;
  obj->value = ConstValue{};
  const types::Type* t = nullptr;
  if (typeExpr) {
    t = typExpr(typeExpr);
    if (!types::isConstType(t)) {
      if (!types::isInvalid(t) && !types::isInvalid(t->underlying()))
        errorf(typeExpr->pos, "invalid constant type {}", typeStr(t));
      obj->type = invalidType(u_);
      iota_ = savedIota;
      return;
    }
  }
  Operand x;
  if (init) {
    expr(x, init);
  }
  if (!init) {
    obj->type = invalidType(u_);
  } else {
    initConst(obj, x, t);
  }
  iota_ = savedIota;
}

void Checker::varDecl(types::Var* obj, const std::vector<types::Var*>& lhs, Expr* typeExpr, Expr* init) {
  if (typeExpr) obj->type = varType(typeExpr);
  if (!init) {
    if (!typeExpr) obj->type = invalidType(u_);
  } else if (lhs.size() <= 1) {
    Operand x;
    exprWithHint(x, init, obj->type);
    initVar(obj, x, "variable declaration");
  } else {
    if (typeExpr)
      for (types::Var* v : lhs) v->type = obj->type;
    initVars(lhs, {init}, nullptr);
  }
  // Invalid variables count as used: their errors are reported already.
  if (types::isInvalid(obj->type)) obj->used = true;
  for (types::Var* v : lhs)
    if (types::isInvalid(v->type)) v->used = true;
}

void Checker::typeDecl(types::TypeName* obj, TypeSpec* spec) {
  if (spec->isAlias) {
    obj->isAlias = true;
    obj->type = invalidType(u_);  // guards against cycles while resolving
    obj->type = varType(spec->typeExpr);
    return;
  }
  auto* named = u_.newType<types::Named>(obj);
  obj->type = named;
  if (spec->name) spec->name->obj = obj;
  const types::Type* rhs = definedType(spec->typeExpr, named);
  const types::Named* rn = rhs->as<types::Named>();
  if (rn && !rn->under) {
    // `type T T` or `type A B; type B A`: the definitions never reach a
    // type literal. But `type T1 struct{ next *T2 }; type T2 T1` is valid:
    // T1 is still being resolved, and T2's underlying type is known once
    // T1's is, so it waits for it.
    auto start = std::find(declPath_.begin(), declPath_.end(), rn->obj);
    std::vector<types::Object*> cycle;
    if (start != declPath_.end()) {
      cycle.assign(start, declPath_.end());
      if (std::find(cycle.begin(), cycle.end(), obj) == cycle.end()) cycle.push_back(obj);
    }
    auto isTypeName = [](const Expr* e) {
      while (auto* p = e->as<ParenExpr>()) e = p->x;
      return e->is<Ident>() || e->is<SelectorExpr>();
    };
    bool waits = start == declPath_.end() && pendingUnder_.count(const_cast<types::Named*>(rn));
    for (types::Object* o : cycle) {
      auto d = objMap_.find(o);
      if (o->is<types::TypeName>() && d != objMap_.end() && d->second.typeSpec && d->second.typeSpec->typeExpr &&
          !isTypeName(d->second.typeSpec->typeExpr))
        waits = true;
    }
    if (waits) {
      pendingUnder_.emplace(named, rn);
      if (isPackageObject(obj)) attachMethods(obj, named);
      return;
    }
    cycleError(cycle.empty() ? std::vector<types::Object*>{obj} : cycle);
    named->under = invalidType(u_);
  } else {
    named->under = rhs->underlying();
  }
  if (!named->under) named->under = invalidType(u_);
  resolvePendingUnder(named);
  if (isPackageObject(obj)) attachMethods(obj, named);
}

// Gives the types that waited for t's underlying type (typeDecl) theirs.
void Checker::resolvePendingUnder(const types::Named* t) {
  std::vector<const types::Named*> done{t};
  while (!done.empty()) {
    const types::Named* src = done.back();
    done.pop_back();
    for (auto it = pendingUnder_.begin(); it != pendingUnder_.end();) {
      if (it->second != src) {
        ++it;
        continue;
      }
      it->first->under = src->under;
      underFrom_[it->first] = src;
      done.push_back(it->first);
      it = pendingUnder_.erase(it);
    }
  }
}

void Checker::attachMethods(types::TypeName* obj, types::Named* named) {
  auto it = methodsByBase_.find(obj->name);
  if (it == methodsByBase_.end()) return;
  const types::Struct* st = named->under ? named->under->as<types::Struct>() : nullptr;
  std::map<std::string, types::Func*> seen;
  for (auto& [m, decl] : it->second) {
    if (m->name != "_") {
      auto [p, fresh] = seen.emplace(m->name, m);
      if (!fresh) {
        errorf(m->pos, "method {}.{} already declared at {}", obj->name, m->name, diags_.format(p->second->pos));
        continue;
      }
      if (st) {
        for (types::Var* f : st->fields) {
          if (f->name == m->name) {
            errorf(m->pos, "field and method with the same name {}\n\t{}: other declaration of {}", m->name,
                   diags_.format(f->pos), m->name);
            break;
          }
        }
      }
    }
    named->methods.push_back(m);
  }
  // Resolve the signatures now: method sets must be usable at once.
  for (auto& [m, decl] : it->second) objDecl(m);
}

void Checker::checkReceiver(types::Func* obj, FuncDecl* /*decl*/) {
  const types::Signature* sig = obj->signature();
  if (!sig || !sig->recv || types::isInvalid(sig->recv->type)) return;
  Pos pos = sig->recv->pos;
  const types::Type* rt = sig->recv->type;
  const types::Type* base = rt;
  if (auto* p = rt->as<types::Pointer>()) base = p->elem;
  if (auto* n = base->as<types::Named>()) {
    if (n->obj->pkg != pkg_) {
      errorf(pos, "cannot define new methods on non-local type {}", typeStr(base));
      return;
    }
    const types::Type* u = n->underlying();
    if (u->is<types::Pointer>() || u->is<types::Interface>()) {
      // gc names the base type, also for a `*P` receiver.
      errorf(pos, "invalid receiver type {} (pointer or interface type)", typeStr(base));
      return;
    }
    if (base == rt || !base->is<types::Pointer>()) return;
  } else if (base->is<types::Basic>() && !types::isInvalid(base)) {
    errorf(pos, "cannot define new methods on non-local type {}", typeStr(base));
    return;
  }
  if (!base->is<types::Named>()) errorf(pos, "invalid receiver type {}", typeStr(rt));
}

void Checker::funcDecl(types::Func* obj, FuncDecl* decl) {
  // The signature's scope holds the parameters; the body's block scope is
  // the same scope, as in Go (parameters and top-level locals conflict).
  types::Scope* fileScope = scope_;
  types::Scope* scope = u_.newScope(fileScope, decl->pos, decl->body ? decl->body->rbrace : decl->pos,
                                    fmt::format("function {}", obj->name));
  scope->isFunc = true;
  // A placeholder breaks cycles through the signature (array lengths).
  auto* placeholder = u_.newType<types::Signature>();
  placeholder->params = u_.newType<types::Tuple>();
  placeholder->results = u_.newType<types::Tuple>();
  obj->type = placeholder;
  const types::Signature* sig = funcType(decl->recv, decl->sig, scope);
  obj->type = sig;
  if (decl->recv) checkReceiver(obj, decl);
  if (!decl->body) {
    if (!config_.allowBodylessFuncs) {
      // gc reports a method at its receiver's '(' and a function at its name.
      Pos at = decl->recv ? decl->recv->pos : decl->name ? decl->name->pos : decl->pos;
      missingBodies_.push_back(at);
    }
    return;
  }
  funcScopes_[decl] = scope;
  funcBodies_.emplace_back(decl, obj);
}

void Checker::collectMethods() {
  // Methods whose receiver is not a type of this package were not attached
  // by typeDecl; resolve them here so that their errors are reported.
  for (auto& [m, decl] : methods_) objDecl(m);
}

void Checker::validType(types::Named* t, std::vector<types::Named*>& path) {
  if (!t || t->obj->pkg != pkg_ || validated_.count(t)) return;
  auto onPath = std::find(path.begin(), path.end(), t);
  if (onPath != path.end()) {
    std::vector<types::Object*> cycle;
    for (auto p = onPath; p != path.end(); ++p) cycle.push_back((*p)->obj);
    cycleError(cycle);
    // Break the cycle so that later queries on these types terminate.
    for (auto p = onPath; p != path.end(); ++p) {
      (*p)->under = invalidType(u_);
      validated_.insert(*p);
    }
    return;
  }
  if (path.size() > 10000) return;  // bound recursion on hostile input
  path.push_back(t);
  // A type that took its underlying type from one being resolved walks
  // through that type, so a cycle is reported through both, as gc does.
  auto from = underFrom_.find(t);
  std::vector<const types::Type*> work{from != underFrom_.end() ? from->second : t->under};
  // Walk the underlying type: only arrays and struct fields embed a type by
  // value; pointers, slices, maps, channels, functions and interfaces do not.
  while (!work.empty()) {
    const types::Type* u = work.back();
    work.pop_back();
    if (!u) continue;
    if (auto* a = u->as<types::Array>()) {
      work.push_back(a->elem);
    } else if (auto* s = u->as<types::Struct>()) {
      for (auto it = s->fields.rbegin(); it != s->fields.rend(); ++it) work.push_back((*it)->type);
    } else if (auto* n = u->as<types::Named>()) {
      validType(const_cast<types::Named*>(n), path);
      if (validated_.count(t)) break;  // t was part of a reported cycle
    }
  }
  path.pop_back();
  validated_.insert(t);
}

// ---------------------------------------------------------------------------
// Local declarations

void Checker::declStmt(GenDecl* gd) {
  switch (gd->tok) {
    case Tok::Const:
      constSpecs(gd, nullptr, nullptr);
      break;

    case Tok::Var:
      for (Spec* spec : gd->specs) {
        auto* vs = spec->as<ValueSpec>();
        if (!vs) continue;
        std::vector<types::Var*> lhs;
        for (Ident* id : vs->names) lhs.push_back(u_.newObject<types::Var>(id->pos, pkg_, id->name, nullptr));
        const std::vector<Expr*>& values = vs->values;
        if (values.size() == 1 && lhs.size() > 1) {
          varDecl(lhs[0], lhs, vs->typeExpr, values[0]);
        } else {
          // One type expression for all: evaluate it once.
          const types::Type* t = vs->typeExpr ? varType(vs->typeExpr) : nullptr;
          for (size_t i = 0; i < lhs.size(); ++i) {
            Expr* init = i < values.size() ? values[i] : nullptr;
            if (t) lhs[i]->type = t;
            if (!init) {
              if (!t) lhs[i]->type = invalidType(u_);
              continue;
            }
            Operand x;
            exprWithHint(x, init, lhs[i]->type);
            initVar(lhs[i], x, "variable declaration");
          }
          for (size_t i = lhs.size(); i < values.size(); ++i) {
            Operand x;
            expr(x, values[i]);  // for their errors and uses
          }
        }
        if (!vs->typeExpr || !values.empty()) arity(vs->pos, vs->names, values, false, false);
        // Variables without a valid type count as used: their declaration
        // already has an error.
        for (types::Var* v : lhs) {
          if (!v->type) v->type = invalidType(u_);
          if (types::isInvalid(v->type)) v->used = true;
        }
        for (size_t i = 0; i < lhs.size(); ++i) declare(scope_, vs->names[i], lhs[i]);
      }
      break;

    case Tok::Type:
      for (Spec* spec : gd->specs) {
        auto* ts = spec->as<TypeSpec>();
        if (!ts || !ts->name) continue;
        auto* obj = u_.newObject<types::TypeName>(ts->name->pos, pkg_, ts->name->name, nullptr);
        obj->isAlias = ts->isAlias;
        // Declared first: a local type may refer to itself.
        declare(scope_, ts->name, obj);
        typeDecl(obj, ts);
        while (!later_.empty()) {
          std::vector<std::function<void()>> work;
          work.swap(later_);
          for (auto& f : work) f();
        }
        if (auto* n = const_cast<types::Named*>(obj->type ? obj->type->as<types::Named>() : nullptr)) {
          std::vector<types::Named*> path;
          validType(n, path);
        }
      }
      break;

    default:
      break;
  }
}

// ---------------------------------------------------------------------------
// Initialisation order (spec "Package initialization")

void Checker::computeInitOrder() {
  // Dependencies of each value, through functions: a variable depends on
  // the variables and constants its initialiser (or any function it calls,
  // transitively) refers to.
  std::vector<types::Object*> values;
  for (types::Object* o : objList_)
    if (o->is<types::Var>() || o->is<types::Const>()) values.push_back(o);

  auto directDeps = [&](types::Object* o) -> const std::set<types::Object*>& {
    static const std::set<types::Object*> none;
    auto it = objMap_.find(o);
    return it == objMap_.end() ? none : it->second.deps;
  };
  // Variables of `var a, b = f()` share one initialiser: its dependencies
  // were recorded on whichever of them was resolved first.
  auto groupDeps = [&](types::Object* o) {
    std::set<types::Object*> deps = directDeps(o);
    auto it = objMap_.find(o);
    if (it != objMap_.end())
      for (types::Var* v : it->second.lhs)
        for (types::Object* d : directDeps(v)) deps.insert(d);
    return deps;
  };

  // Cycles: a path from a value back to itself. Report each cycle once.
  std::set<types::Object*> reported;
  for (types::Object* start : values) {
    if (reported.count(start)) continue;
    std::map<types::Object*, types::Object*> parent;
    std::vector<types::Object*> stack;
    std::set<types::Object*> seen;
    for (types::Object* d : groupDeps(start)) {
      if (!seen.count(d)) {
        seen.insert(d);
        parent[d] = start;
        stack.push_back(d);
      }
    }
    types::Object* closing = nullptr;
    while (!stack.empty() && !closing) {
      types::Object* o = stack.back();
      stack.pop_back();
      if (o == start) {
        closing = o;
        break;
      }
      for (types::Object* d : groupDeps(o)) {
        if (d == start) {
          parent[start] = o;
          closing = start;
          break;
        }
        if (!seen.count(d)) {
          seen.insert(d);
          parent[d] = o;
          stack.push_back(d);
        }
      }
    }
    if (!closing) continue;
    // Rebuild start -> ... -> start.
    std::vector<types::Object*> cycle;
    for (types::Object* o = parent[start]; o != start; o = parent[o]) cycle.push_back(o);
    cycle.push_back(start);
    std::reverse(cycle.begin(), cycle.end());
    bool already = false;
    for (types::Object* o : cycle)
      if (reported.count(o)) already = true;
    for (types::Object* o : cycle) reported.insert(o);
    if (already) continue;
    if (cycle.size() == 1) {
      errorf(start->pos, "initialization cycle: {} refers to itself", start->name);
      continue;
    }
    std::string msg = fmt::format("initialization cycle for {}", start->name);
    for (types::Object* o : cycle) msg += fmt::format("\n\t{}: {} refers to", diags_.format(o->pos), o->name);
    msg += fmt::format("\n\t{}: {}", diags_.format(start->pos), start->name);
    error(start->pos, std::move(msg));
  }

  // Transitive variable dependencies (through functions and constants).
  std::map<types::Object*, std::set<types::Var*>> varDeps;
  for (types::Object* o : values) {
    auto* v = o->as<types::Var>();
    if (!v) continue;
    std::set<types::Var*>& out = varDeps[o];
    std::set<types::Object*> seen;
    std::vector<types::Object*> stack;
    for (types::Object* d : groupDeps(o)) stack.push_back(d);
    while (!stack.empty()) {
      types::Object* d = stack.back();
      stack.pop_back();
      if (!seen.insert(d).second) continue;
      if (auto* dv = d->as<types::Var>()) {
        if (dv != v) out.insert(dv);
        continue;  // its own dependencies are initialised before it
      }
      for (types::Object* dd : groupDeps(d)) stack.push_back(dd);
    }
  }

  // Repeatedly take the earliest variable in declaration order whose
  // dependencies are all initialised.
  std::set<types::Var*> done;
  std::vector<types::Var*> order;
  for (types::Object* o : values)
    if (auto* v = o->as<types::Var>()) order.push_back(v);
  size_t remaining = order.size();
  while (remaining > 0) {
    types::Var* pick = nullptr;
    for (types::Var* v : order) {
      if (done.count(v)) continue;
      bool ready = true;
      for (types::Var* d : varDeps[v])
        if (!done.count(d)) {
          ready = false;
          break;
        }
      if (ready) {
        pick = v;
        break;
      }
    }
    if (!pick) {  // a cycle (reported above): take the rest in order
      for (types::Var* v : order)
        if (!done.count(v)) {
          pick = v;
          break;
        }
    }
    auto it = objMap_.find(pick);
    std::vector<types::Var*> group{pick};
    if (it != objMap_.end() && !it->second.lhs.empty()) group = it->second.lhs;
    for (types::Var* g : group) {
      if (done.insert(g).second) --remaining;
    }
    if (it != objMap_.end() && it->second.init) {
      types::Initializer init;
      init.lhs = group;
      init.rhs = it->second.init;
      pkg_->initOrder.push_back(init);
    }
  }
}

void Checker::unusedImports() {
  if (!config_.reportUnused) return;
  for (auto& [pn, spec] : imports_) {
    if (pn->used) continue;
    std::string path = stringLit(spec->path);
    if (spec->name && pn->imported && spec->name->name != pn->imported->name && spec->name->name != ".")
      errorf(pn->pos, "\"{}\" imported as {} and not used", path, spec->name->name);
    else
      errorf(pn->pos, "\"{}\" imported and not used", path);
  }
}

}  // namespace gol::lang
