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
#include "lang/check.h"

#include <algorithm>
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

void Checker::checkFiles(const std::vector<File*>& files) {
  collectObjects(files);
  packageObjects();
  collectMethods();

  // Bodies may append more (none today), so index rather than iterate.
  for (size_t i = 0; i < funcBodies_.size(); ++i) {
    auto [decl, obj] = funcBodies_[i];
    auto it = objMap_.find(obj);
    scope_ = it != objMap_.end() && it->second.fileScope ? it->second.fileScope : pkg_->scope;
    // Dependencies found in the body belong to the function (init order).
    currentDecl_ = obj;
    branchFuncPos_ = decl->pos;
    funcBody(obj->name, obj->signature(), decl->body, funcScopes_[decl], nullptr);
    currentDecl_ = nullptr;
  }
  while (!later_.empty()) {
    std::vector<std::function<void()>> work;
    work.swap(later_);
    for (auto& f : work) f();
  }
  scope_ = pkg_->scope;
  finalizeUntyped();

  computeInitOrder();
  unusedImports();
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

}  // namespace gol::lang
