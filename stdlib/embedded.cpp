#include "stdlib/embedded.h"

namespace gol::stdlib {

extern const EmbeddedFile kEmbeddedFiles[];
extern const size_t kEmbeddedFileCount;

std::span<const EmbeddedFile> embeddedFiles() { return {kEmbeddedFiles, kEmbeddedFileCount}; }

std::vector<const EmbeddedFile*> packageFiles(std::string_view importPath) {
  std::vector<const EmbeddedFile*> out;
  for (const EmbeddedFile& f : embeddedFiles())
    if (f.importPath == importPath) out.push_back(&f);
  return out;
}

}  // namespace gol::stdlib
