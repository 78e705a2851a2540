// The lexer: Go's lexical grammar, one token at a time.
//
// It works like gc's scanner (cmd/compile/internal/syntax) so that positions
// and messages match gc's: positions are 1-based line and byte column; a
// malformed literal is reported once, at the column gc uses, and still
// returned as a literal token (marked bad) so the parser carries on.
//
// Semicolons are inserted per the spec: after a line's final token if that
// is an identifier, a literal, one of the keywords break continue
// fallthrough return, or one of ++ -- ) ] }. A general comment that spans
// lines counts as a newline, and the end of the file ends the last line.
// The inserted token's text says why it is there ("newline", "EOF"), which
// is what gc prints in "unexpected newline"; a written ';' says "semicolon".
//
// The source is read through nextChar, which decodes UTF-8 and reports
// (then skips) NUL bytes, invalid UTF-8 and byte order marks other than at
// the very start, wherever they occur, as gc does. Comments are skipped.
#pragma once

#include <cstdint>
#include <string_view>

#include "lang/diag.h"
#include "lang/source.h"
#include "lang/token.h"

namespace gol::lang {

struct Token {
  Tok tok = Tok::EndOfFile;
  Pos pos;
  // Names and literals: the source text exactly as written (for a literal
  // with errors, whatever was consumed). Semicolon: "semicolon", "newline"
  // or "EOF". Empty otherwise.
  std::string_view lit;
  bool bad = false;  // a literal with a reported error
};

class Lexer {
 public:
  // The SourceFile must outlive the lexer and the tokens (lit points into it).
  Lexer(const SourceSet& sources, int32_t fileIndex, Diagnostics& diags);

  Token next();

 private:
  void nextChar();
  Pos charPos() const { return Pos{file_, line_, static_cast<int32_t>(chOff_ - lineStart_ + 1)}; }
  void errorAtChar(std::string message);
  void errorAtToken(size_t offset, std::string message);
  bool atIdentChar(bool first);
  void scanIdentifier(Token& t);
  void scanNumber(Token& t, bool seenPoint);
  void scanRune(Token& t);
  void scanString(Token& t);
  void scanRawString(Token& t);
  bool scanEscape(char32_t quote);
  bool skipGeneralComment();
  int scanDigits(int base, int* invalid);
  int32_t peekByte() const;
  void finishLiteral(Token& t, Tok kind, bool ok);

  std::string_view text_;
  int32_t file_;
  Diagnostics* diags_;

  // The current character: ch_ is -1 at the end of input.
  int32_t ch_ = 0;
  size_t chOff_ = 0;
  int chWidth_ = 0;
  int32_t line_ = 1;
  size_t lineStart_ = 0;

  bool nlsemi_ = false;  // a newline here would end a statement
  // Start of the token being scanned.
  size_t tokOff_ = 0;
  Pos tokPos_;
};

}  // namespace gol::lang
