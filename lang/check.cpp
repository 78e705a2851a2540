// checkPackage: the checker's entry point and its phases.
//
// The phases follow go/types (Checker.checkFiles):
//   1. collectObjects: an Object per package-level name, imports resolved;
//   2. packageObjects: every declaration resolved (lazily, in any order),
//      types first so that method sets are complete;
//   3. function bodies, after all package-level signatures are known (a
//      body may call a function declared below it);
//   4. initialisation order, which needs the dependencies found in bodies;
//   5. unused imports, known only once every body has been checked.
//
// With CheckConfig::bodiesOnDemand (the standard library under `gol run`,
// lang/frontend.cpp) step 3 checks only the bodies step 4 needs (initBodies)
// and step 5 is skipped; the Checker then lives on in the Package
// (Package::checkBody) and checks a body when code generation reaches it,
// reporting straight into the compilation's Diagnostics.
#include "lang/check.h"

#include <algorithm>
#include <memory>
#include <set>

#include "lang/checker.h"

namespace gol::lang {

Checker::Checker(types::Universe& universe, types::Package* pkg, Diagnostics& diags, const Importer& importer,
                 const CheckConfig& config)
    : u_(universe), pkg_(pkg), diags_(diags), importer_(importer), config_(config) {}

void Checker::branchError(Pos pos, std::string message) {
  Pos funcPos = branchFuncPos_.valid() ? branchFuncPos_ : pos;
  branchErrors_.push_back(BranchError{funcPos, Diagnostic{pos, std::move(message)}});
}

void Checker::checkDeclBody(FuncDecl* decl, types::Func* obj) {
  if (auto it = stashedBodies_.find(decl); it != stashedBodies_.end()) {
    decl->body = it->second;
    stashedBodies_.erase(it);
  }
  if (config_.loadBody) config_.loadBody(decl);  // the real body, for a skeleton's
  if (!decl->body) return;
  auto it = objMap_.find(obj);
  scope_ = it != objMap_.end() && it->second.fileScope ? it->second.fileScope : pkg_->scope;
  // Dependencies found in the body belong to the function (init order).
  currentDecl_ = obj;
  branchFuncPos_ = decl->pos;
  funcBody(obj->name, obj->signature(), decl->body, funcScopes_[decl], nullptr);
  currentDecl_ = nullptr;
}

void Checker::runLater() {
  while (!later_.empty()) {
    std::vector<std::function<void()>> work;
    work.swap(later_);
    for (auto& f : work) f();
  }
}

void Checker::checkFiles(const std::vector<File*>& files) {
  collectObjects(files);
  packageObjects();
  collectMethods();

  if (config_.bodiesOnDemand) {
    for (auto [decl, obj] : funcBodies_) pendingBodies_[obj] = decl;
    initBodies();
    // A body not checked is no body, until checkBody: whatever walks the
    // declarations meanwhile (escape analysis) takes the function for an
    // unknown one rather than for one that does nothing.
    for (auto& [obj, decl] : pendingBodies_) {
      stashedBodies_[decl] = decl->body;
      decl->body = nullptr;
      obj->bodyPending = true;
    }
  } else {
    // Bodies may append more (none today), so index rather than iterate.
    for (size_t i = 0; i < funcBodies_.size(); ++i) checkDeclBody(funcBodies_[i].first, funcBodies_[i].second);
  }
  runLater();
  scope_ = pkg_->scope;
  finalizeUntyped();

  computeInitOrder();
  // With bodies on demand, an import may be used only in a body not
  // checked (yet); a standard library package's imports are all used.
  if (!config_.bodiesOnDemand) unusedImports();
}

// Bodies on demand (CheckConfig::bodiesOnDemand). What must be checked at
// once: the init functions (they always run) and every function the
// package's variable initialisers reach, directly or through other
// functions, since initialisation order follows the dependencies found in
// those bodies. The rest wait for checkBody.
void Checker::initBodies() {
  std::vector<types::Object*> work;
  for (types::Object* o : objList_) {
    if (!o->is<types::Var>()) continue;
    // Their address may be taken in a body not checked when code
    // generation decides how globals are stored (codegen.cpp, globalSlot).
    o->as<types::Var>()->addressTaken = true;
    for (types::Object* d : objMap_[o].deps) work.push_back(d);
  }
  for (auto [decl, obj] : funcBodies_)
    if (!decl->recv && obj->name == "init") work.push_back(obj);
  while (!work.empty()) {
    types::Object* o = work.back();
    work.pop_back();
    auto* f = o->as<types::Func>();
    if (!f || !checkPendingBody(f)) continue;
    auto it = objMap_.find(f);
    if (it != objMap_.end())
      for (types::Object* d : it->second.deps) work.push_back(d);
  }
}

bool Checker::checkPendingBody(types::Func* f) {
  auto it = pendingBodies_.find(f);
  if (it == pendingBodies_.end()) return false;
  FuncDecl* decl = it->second;
  pendingBodies_.erase(it);
  f->bodyPending = false;
  checkDeclBody(decl, f);
  return true;
}

void Checker::checkBody(types::Func* f) {
  if (!checkPendingBody(f)) return;
  runLater();
  scope_ = pkg_->scope;
  finalizeUntyped();
  // Label errors of this body (buffered for the eager path's ordering).
  for (auto& b : branchErrors_) diags_.error(b.diag.pos, b.diag.message);
  branchErrors_.clear();
}

void Checker::checkAllBodies() {
  while (!pendingBodies_.empty()) checkBody(pendingBodies_.begin()->first);
}

types::Package* checkPackage(types::Universe& universe, const std::string& path, const std::vector<File*>& files,
                             Diagnostics& diags, const Importer& importer, const CheckConfig& config) {
  std::string name = path;
  for (File* f : files) {
    if (f && f->packageName) {
      name = f->packageName->name;
      break;
    }
  }
  types::Package* pkg = nullptr;
  auto known = universe.packages.find(path);
  if (known != universe.packages.end() && known->second) {
    pkg = known->second;
    pkg->name = name;
  } else {
    pkg = universe.newPackage(path, name);
    universe.packages[path] = pkg;
  }
  if (!pkg->scope) pkg->scope = universe.newScope(universe.scope(), Pos{}, Pos{}, "package " + name);
  pkg->files = files;

  if (config.bodiesOnDemand) {
    // The checker outlives this call, reporting straight into diags: this
    // is the standard library, where any error is gol's bug and the order
    // of gc's messages does not matter.
    auto checker = std::make_shared<Checker>(universe, pkg, diags, importer, config);
    checker->scope_ = pkg->scope;
    checker->checkFiles(files);
    for (auto& b : checker->branchErrors_) diags.error(b.diag.pos, b.diag.message);
    checker->branchErrors_.clear();
    pkg->checkBody = [checker](types::Func* f) {
      if (f) checker->checkBody(f);
      else checker->checkAllBodies();
    };
    return pkg;
  }
  // The checker reports into a copy (same sources, same earlier errors) so
  // that branch errors, which gc finds while parsing, can go first.
  size_t before = diags.count();
  Diagnostics typeErrors = diags;
  Checker checker(universe, pkg, typeErrors, importer, config);
  checker.scope_ = pkg->scope;
  checker.checkFiles(files);
  std::stable_sort(checker.branchErrors_.begin(), checker.branchErrors_.end(),
                   [](const Checker::BranchError& a, const Checker::BranchError& b) { return a.funcPos < b.funcPos; });
  std::set<std::pair<Pos, std::string>> reported;
  for (const Diagnostic& d : diags.list()) reported.emplace(d.pos, d.message);
  for (auto& b : checker.branchErrors_)
    if (!reported.count({b.diag.pos, b.diag.message})) diags.error(b.diag.pos, b.diag.message);
  for (size_t i = before; i < typeErrors.count(); ++i) diags.error(typeErrors.list()[i].pos, typeErrors.list()[i].message);
  // gc finds missing bodies after type checking, so only in a program
  // without other errors.
  if (!diags.hasErrors())
    for (Pos p : checker.missingBodies_) diags.error(p, "missing function body");
  return pkg;
}

void checkBodyOnDemand(types::Func* f) {
  if (f && f->pkg && f->pkg->checkBody) f->pkg->checkBody(f);
}

void checkAllBodiesOnDemand(const std::vector<types::Package*>& pkgs) {
  for (types::Package* pkg : pkgs)
    if (pkg && pkg->checkBody) pkg->checkBody(nullptr);
}

}  // namespace gol::lang
