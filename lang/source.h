// Source files and positions.
//
// Every AST node carries a Pos: the file it came from (an index into the
// SourceSet of the compilation), and a 1-based line and column counted in
// bytes, as gc counts them. Diagnostics print positions as FILE:LINE:COL.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gol::lang {

struct Pos {
  int32_t file = -1;  // index into SourceSet; -1 means "no position"
  int32_t line = 0;   // 1-based
  int32_t col = 0;    // 1-based, in bytes

  bool valid() const { return file >= 0; }
  friend bool operator==(const Pos&, const Pos&) = default;
  friend auto operator<=>(const Pos&, const Pos&) = default;
};

struct SourceFile {
  std::string name;  // as given on the command line or "stdlib/fmt/fmt.gol"
  std::string text;  // whole contents, bytes as read
};

// All files of one compilation. Files are never removed, so indices stay
// valid for the life of the compilation (the REPL appends one per input).
class SourceSet {
 public:
  int32_t add(std::string name, std::string text) {
    files_.push_back(std::make_unique<SourceFile>(SourceFile{std::move(name), std::move(text)}));
    return static_cast<int32_t>(files_.size() - 1);
  }
  const SourceFile& file(int32_t i) const { return *files_[static_cast<size_t>(i)]; }
  int32_t size() const { return static_cast<int32_t>(files_.size()); }

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;
};

}  // namespace gol::lang
