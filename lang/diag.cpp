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
  // As gc's base.ErrorfAt: one syntax error per line; another error is
  // dropped only when it repeats the previous one's line and message. gc
  // stops at the 10th error in the order they were reported, prints those
  // sorted, then "too many errors" at the position of that 10th error.
  auto sameLine = [](const Pos& a, const Pos& b) { return a.valid() && a.file == b.file && a.line == b.line; };
  std::vector<Diagnostic> kept;
  Pos lastSyntax, lastOther;
  std::string lastMessage;
  bool tooMany = false;
  for (const Diagnostic& d : list_) {
    if (d.message.rfind("syntax error", 0) == 0) {
      if (sameLine(lastSyntax, d.pos)) continue;
      lastSyntax = d.pos;
    } else {
      if (sameLine(lastOther, d.pos) && lastMessage == d.message) continue;
      lastOther = d.pos;
      lastMessage = d.message;
    }
    kept.push_back(d);
    if (kept.size() == kMaxErrors) {
      tooMany = true;
      break;
    }
  }
  Pos tooManyPos = tooMany ? kept.back().pos : Pos{};
  std::stable_sort(kept.begin(), kept.end(), [](const Diagnostic& a, const Diagnostic& b) { return a.pos < b.pos; });
  std::string out;
  const Diagnostic* prev = nullptr;
  for (const Diagnostic& d : kept) {
    if (prev && prev->pos == d.pos && prev->message == d.message) continue;  // exact duplicates
    // An error without a position (gc's linker errors) prints as gc prints it:
    // the message alone.
    if (d.pos.valid()) out += fmt::format("{}: {}\n", format(d.pos), d.message);
    else out += d.message + "\n";
    prev = &d;
  }
  if (tooMany) out += fmt::format("{}: too many errors\n", format(tooManyPos));
  return out;
}

}  // namespace gol::lang
