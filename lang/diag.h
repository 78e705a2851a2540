// Diagnostics: compile errors reported to the user.
//
// Errors in the user's program are values, never exceptions (STYLE.md, 5).
// Every stage reports into one Diagnostics. Like gc, gol prints errors sorted
// by position, drops exact duplicates and a second error on the same line,
// and stops after 10 with "too many errors".
#pragma once

#include <string>
#include <vector>

#include <fmt/format.h>

#include "lang/source.h"

namespace gol::lang {

struct Diagnostic {
  Pos pos;
  std::string message;
};

class Diagnostics {
 public:
  static constexpr size_t kMaxErrors = 10;  // gc stops after 10

  explicit Diagnostics(const SourceSet& sources) : sources_(&sources) {}

  void error(Pos pos, std::string message);

  template <typename... Args>
  void errorf(Pos pos, fmt::format_string<Args...> f, Args&&... args) {
    error(pos, fmt::format(f, std::forward<Args>(args)...));
  }

  bool hasErrors() const { return !list_.empty(); }
  size_t count() const { return list_.size(); }
  const std::vector<Diagnostic>& list() const { return list_; }

  // Sorted, deduplicated, at most kMaxErrors lines followed by
  // "too many errors" when there were more; each "FILE:LINE:COL: message\n".
  std::string render() const;

  std::string format(Pos pos) const;  // "FILE:LINE:COL"

 private:
  const SourceSet* sources_;
  std::vector<Diagnostic> list_;
};

}  // namespace gol::lang
