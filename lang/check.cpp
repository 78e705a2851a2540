// checkPackage and the checker's driver (stub; being implemented).
#include "lang/check.h"

#include "lang/checker.h"

namespace gol::lang {

Checker::Checker(types::Universe& universe, types::Package* pkg, Diagnostics& diags, const Importer& importer,
                 const CheckConfig& config)
    : u_(universe), pkg_(pkg), diags_(diags), importer_(importer), config_(config) {}

void Checker::checkFiles(const std::vector<File*>&) {}

types::Package* checkPackage(types::Universe& universe, const std::string& path, const std::vector<File*>& files,
                             Diagnostics& diags, const Importer& importer, const CheckConfig& config) {
  types::Package* pkg = universe.newPackage(path, path);
  Checker checker(universe, pkg, diags, importer, config);
  checker.checkFiles(files);
  return pkg;
}

}  // namespace gol::lang
