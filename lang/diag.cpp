#include "lang/diag.h"

#include <algorithm>

namespace gol::lang {

void Diagnostics::error(Pos pos, std::string message) {
  list_.push_back(Diagnostic{pos, std::move(message)});
}

std::string Diagnostics::format(Pos pos) const {
  if (!pos.valid()) return "<unknown>";
  return fmt::format("{}:{}:{}", sources_->file(pos.file).name, pos.line, pos.col);
}

std::string Diagnostics::render() const {
  std::vector<Diagnostic> sorted = list_;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.pos < b.pos; });
  std::string out;
  size_t shown = 0;
  const Diagnostic* prev = nullptr;
  for (const Diagnostic& d : sorted) {
    // gc reports only the first error on a line.
    if (prev && prev->pos.file == d.pos.file && prev->pos.line == d.pos.line) continue;
    if (shown == kMaxErrors) {
      out += fmt::format("{}: too many errors\n", format(d.pos));
      break;
    }
    // An error without a position (gc's linker errors) prints as gc prints it:
    // the message alone.
    if (d.pos.valid()) out += fmt::format("{}: {}\n", format(d.pos), d.message);
    else out += d.message + "\n";
    prev = &d;
    ++shown;
  }
  return out;
}

}  // namespace gol::lang
