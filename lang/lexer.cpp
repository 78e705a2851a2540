// Lexer implementation. See lexer.h for the design; the error messages and
// the columns they are reported at follow gc's scanner: "errorAtChar" is
// gc's position of the character being looked at, "errorAtToken(k)" is k
// bytes after the start of the token.
#include "lang/lexer.h"

#include <fmt/format.h>

#include "lang/unicode.h"

namespace gol::lang {

namespace {

constexpr char32_t kBom = 0xFEFF;

bool isAsciiLetter(int32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool isDecimal(int32_t c) { return c >= '0' && c <= '9'; }
bool isHex(int32_t c) { return isDecimal(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }
int32_t lower(int32_t c) { return c | 0x20; }

const char* baseName(int base) {
  switch (base) {
    case 2: return "binary";
    case 8: return "octal";
    case 10: return "decimal";
    default: return "hexadecimal";
  }
}

Tok keywordFor(std::string_view name) {
  if (name.size() < 2 || name.size() > 11 || name[0] < 'b' || name[0] > 'v') return Tok::Ident;
  for (int t = static_cast<int>(Tok::Break); t <= static_cast<int>(Tok::Var); ++t) {
    if (spelling(static_cast<Tok>(t)) == name) return static_cast<Tok>(t);
  }
  return Tok::Ident;
}

// Index of the first misplaced '_' in a number literal, or -1. A '_' must
// sit between two digits, or between the base prefix and a digit.
int invalidSeparator(std::string_view x) {
  int32_t prefix = ' ';
  char d = '.';  // class of the previous char: '_', '0' (digit) or '.' (other)
  size_t i = 0;
  if (x.size() >= 2 && x[0] == '0') {
    prefix = lower(x[1]);
    if (prefix == 'x' || prefix == 'o' || prefix == 'b') {
      d = '0';
      i = 2;
    }
  }
  for (; i < x.size(); ++i) {
    char p = d;
    char c = x[i];
    if (c == '_') {
      if (p != '0') return static_cast<int>(i);
      d = '_';
    } else if (isDecimal(c) || (prefix == 'x' && isHex(c))) {
      d = '0';
    } else {
      if (p == '_') return static_cast<int>(i) - 1;
      d = '.';
    }
  }
  if (d == '_') return static_cast<int>(x.size()) - 1;
  return -1;
}

}  // namespace

Lexer::Lexer(const SourceSet& sources, int32_t fileIndex, Diagnostics& diags)
    : text_(sources.file(fileIndex).text), file_(fileIndex), diags_(&diags) {
  nextChar();
}

void Lexer::errorAtChar(std::string message) { diags_->error(charPos(), std::move(message)); }

void Lexer::errorAtToken(size_t offset, std::string message) {
  Pos p = tokPos_;
  p.col += static_cast<int32_t>(offset);
  diags_->error(p, std::move(message));
}

void Lexer::nextChar() {
  if (ch_ == '\n') {
    ++line_;
    lineStart_ = chOff_ + 1;
  }
  chOff_ += static_cast<size_t>(chWidth_);
  for (;;) {
    if (chOff_ >= text_.size()) {
      ch_ = -1;
      chWidth_ = 0;
      return;
    }
    auto b = static_cast<unsigned char>(text_[chOff_]);
    if (b < 0x80) {
      ch_ = b;
      chWidth_ = 1;
      if (b == 0) {
        errorAtChar("invalid NUL character");
        ++chOff_;
        continue;
      }
      return;
    }
    int width = 1;
    char32_t c = decodeUtf8(text_.substr(chOff_), &width);
    if (c == kRuneError && width == 1) {
      errorAtChar("invalid UTF-8 encoding");
      ++chOff_;
      continue;
    }
    if (c == kBom) {
      if (chOff_ != 0) errorAtChar("invalid BOM in the middle of the file");
      chOff_ += static_cast<size_t>(width);
      continue;
    }
    ch_ = static_cast<int32_t>(c);
    chWidth_ = width;
    return;
  }
}

int32_t Lexer::peekByte() const {
  size_t next = chOff_ + static_cast<size_t>(chWidth_);
  return next < text_.size() ? static_cast<unsigned char>(text_[next]) : -1;
}

bool Lexer::atIdentChar(bool first) {
  if (ch_ < 0) return false;
  auto c = static_cast<char32_t>(ch_);
  if (isUnicodeLetter(c) || c == '_') return true;
  if (isUnicodeDigit(c)) {
    if (first) errorAtChar(fmt::format("identifier cannot begin with digit {}", formatCodePoint(c)));
    return true;
  }
  if (c >= 0x80) {
    // gc keeps such a character in the identifier after reporting it.
    errorAtChar(fmt::format("invalid character {} in identifier", formatCodePoint(c)));
    return true;
  }
  return false;
}

Token Lexer::next() {
  bool nlsemi = nlsemi_;
  nlsemi_ = false;
  Token t;
  for (;;) {
    while (ch_ == ' ' || ch_ == '\t' || (ch_ == '\n' && !nlsemi) || ch_ == '\r') nextChar();
    tokOff_ = chOff_;
    tokPos_ = charPos();
    t.pos = tokPos_;
    if (isAsciiLetter(ch_) || (ch_ >= 0x80 && atIdentChar(true))) {
      nextChar();
      scanIdentifier(t);
      return t;
    }
    auto op = [&](Tok tok) {
      t.tok = tok;
      nextChar();
    };
    // Scans `c`, `c=`, and optionally `cc` / `cc=` forms.
    switch (ch_) {
      case -1:
        if (nlsemi) {
          t.tok = Tok::Semicolon;
          t.lit = "EOF";
          return t;
        }
        t.tok = Tok::EndOfFile;
        return t;
      case '\n':
        nextChar();
        t.tok = Tok::Semicolon;
        t.lit = "newline";
        return t;
      case '0': case '1': case '2': case '3': case '4':
      case '5': case '6': case '7': case '8': case '9':
        scanNumber(t, false);
        return t;
      case '"':
        scanString(t);
        return t;
      case '`':
        scanRawString(t);
        return t;
      case '\'':
        scanRune(t);
        return t;
      case '(': op(Tok::LParen); return t;
      case '[': op(Tok::LBrack); return t;
      case '{': op(Tok::LBrace); return t;
      case ',': op(Tok::Comma); return t;
      case ';':
        op(Tok::Semicolon);
        t.lit = "semicolon";
        return t;
      case ')': op(Tok::RParen); nlsemi_ = true; return t;
      case ']': op(Tok::RBrack); nlsemi_ = true; return t;
      case '}': op(Tok::RBrace); nlsemi_ = true; return t;
      case ':':
        nextChar();
        if (ch_ == '=') {
          op(Tok::Define);
        } else {
          t.tok = Tok::Colon;
        }
        return t;
      case '.':
        if (isDecimal(peekByte())) {
          nextChar();
          scanNumber(t, true);
          return t;
        }
        if (peekByte() == '.' && chOff_ + 2 < text_.size() && text_[chOff_ + 2] == '.') {
          nextChar();
          nextChar();
          op(Tok::Ellipsis);
          return t;
        }
        op(Tok::Period);
        return t;
      case '+':
        nextChar();
        if (ch_ == '+') {
          op(Tok::Inc);
          nlsemi_ = true;
        } else if (ch_ == '=') {
          op(Tok::AddAssign);
        } else {
          t.tok = Tok::Add;
        }
        return t;
      case '-':
        nextChar();
        if (ch_ == '-') {
          op(Tok::Dec);
          nlsemi_ = true;
        } else if (ch_ == '=') {
          op(Tok::SubAssign);
        } else {
          t.tok = Tok::Sub;
        }
        return t;
      case '*':
        nextChar();
        if (ch_ == '=') op(Tok::MulAssign); else t.tok = Tok::Mul;
        return t;
      case '/':
        nextChar();
        if (ch_ == '/') {
          // Leave the newline: it may become a semicolon.
          while (ch_ >= 0 && ch_ != '\n') nextChar();
          continue;
        }
        if (ch_ == '*') {
          nextChar();
          int32_t startLine = tokPos_.line;
          skipGeneralComment();
          if (nlsemi && line_ != startLine) {
            t.tok = Tok::Semicolon;
            t.lit = "newline";
            return t;
          }
          continue;
        }
        if (ch_ == '=') op(Tok::QuoAssign); else t.tok = Tok::Quo;
        return t;
      case '%':
        nextChar();
        if (ch_ == '=') op(Tok::RemAssign); else t.tok = Tok::Rem;
        return t;
      case '&':
        nextChar();
        if (ch_ == '&') {
          op(Tok::LAnd);
        } else if (ch_ == '^') {
          nextChar();
          if (ch_ == '=') op(Tok::AndNotAssign); else t.tok = Tok::AndNot;
        } else if (ch_ == '=') {
          op(Tok::AndAssign);
        } else {
          t.tok = Tok::And;
        }
        return t;
      case '|':
        nextChar();
        if (ch_ == '|') op(Tok::LOr);
        else if (ch_ == '=') op(Tok::OrAssign);
        else t.tok = Tok::Or;
        return t;
      case '^':
        nextChar();
        if (ch_ == '=') op(Tok::XorAssign); else t.tok = Tok::Xor;
        return t;
      case '<':
        nextChar();
        if (ch_ == '-') {
          op(Tok::Arrow);
        } else if (ch_ == '<') {
          nextChar();
          if (ch_ == '=') op(Tok::ShlAssign); else t.tok = Tok::Shl;
        } else if (ch_ == '=') {
          op(Tok::Leq);
        } else {
          t.tok = Tok::Lss;
        }
        return t;
      case '>':
        nextChar();
        if (ch_ == '>') {
          nextChar();
          if (ch_ == '=') op(Tok::ShrAssign); else t.tok = Tok::Shr;
        } else if (ch_ == '=') {
          op(Tok::Geq);
        } else {
          t.tok = Tok::Gtr;
        }
        return t;
      case '=':
        nextChar();
        if (ch_ == '=') op(Tok::Eql); else t.tok = Tok::Assign;
        return t;
      case '!':
        nextChar();
        if (ch_ == '=') op(Tok::Neq); else t.tok = Tok::Not;
        return t;
      case '~':
        op(Tok::Tilde);
        return t;
      default:
        errorAtChar(fmt::format("invalid character {}", formatCodePoint(static_cast<char32_t>(ch_))));
        nextChar();
        continue;
    }
  }
}

void Lexer::scanIdentifier(Token& t) {
  while (isAsciiLetter(ch_) || isDecimal(ch_)) nextChar();
  if (ch_ >= 0x80) {
    while (atIdentChar(false)) nextChar();
  }
  t.lit = text_.substr(tokOff_, chOff_ - tokOff_);
  t.tok = keywordFor(t.lit);
  switch (t.tok) {
    case Tok::Ident:
    case Tok::Break:
    case Tok::Continue:
    case Tok::Fallthrough:
    case Tok::Return:
      nlsemi_ = true;
      break;
    default:
      break;
  }
  if (t.tok != Tok::Ident) t.lit = {};
}

void Lexer::finishLiteral(Token& t, Tok kind, bool ok) {
  nlsemi_ = true;
  t.tok = kind;
  t.lit = text_.substr(tokOff_, chOff_ - tokOff_);
  t.bad = !ok;
}

// Accepts { digit | '_' }; returns bit 0 if a digit was seen, bit 1 if a
// '_' was. With base <= 10 any decimal digit is accepted, and the offset of
// the first digit too large for the base is recorded in *invalid.
int Lexer::scanDigits(int base, int* invalid) {
  int digsep = 0;
  if (base <= 10) {
    int32_t max = '0' + base;
    while (isDecimal(ch_) || ch_ == '_') {
      int ds = 1;
      if (ch_ == '_') {
        ds = 2;
      } else if (ch_ >= max && invalid && *invalid < 0) {
        *invalid = static_cast<int>(chOff_ - tokOff_);
      }
      digsep |= ds;
      nextChar();
    }
  } else {
    while (isHex(ch_) || ch_ == '_') {
      digsep |= ch_ == '_' ? 2 : 1;
      nextChar();
    }
  }
  return digsep;
}

void Lexer::scanNumber(Token& t, bool seenPoint) {
  bool ok = true;
  Tok kind = Tok::Int;
  int base = 10;
  int32_t prefix = 0;  // 0 (decimal), '0' (legacy octal), 'x', 'o' or 'b'
  int digsep = 0;
  int invalid = -1;

  if (!seenPoint) {
    if (ch_ == '0') {
      nextChar();
      switch (lower(ch_)) {
        case 'x': nextChar(); base = 16; prefix = 'x'; break;
        case 'o': nextChar(); base = 8; prefix = 'o'; break;
        case 'b': nextChar(); base = 2; prefix = 'b'; break;
        default: base = 8; prefix = '0'; digsep = 1; break;
      }
    }
    digsep |= scanDigits(base, &invalid);
    if (ch_ == '.') {
      if (prefix == 'o' || prefix == 'b') {
        errorAtChar(fmt::format("invalid radix point in {} literal", baseName(base)));
        ok = false;
      }
      nextChar();
      seenPoint = true;
    }
  }
  if (seenPoint) {
    kind = Tok::Float;
    digsep |= scanDigits(base, &invalid);
  }
  if ((digsep & 1) == 0 && ok) {
    errorAtChar(fmt::format("{} literal has no digits", baseName(base)));
    ok = false;
  }
  int32_t e = lower(ch_);
  if (e == 'e' || e == 'p') {
    if (ok) {
      if (e == 'e' && prefix != 0 && prefix != '0') {
        errorAtChar(fmt::format("{} exponent requires decimal mantissa", quoteRune(static_cast<char32_t>(ch_))));
        ok = false;
      } else if (e == 'p' && prefix != 'x') {
        errorAtChar(fmt::format("{} exponent requires hexadecimal mantissa", quoteRune(static_cast<char32_t>(ch_))));
        ok = false;
      }
    }
    nextChar();
    kind = Tok::Float;
    if (ch_ == '+' || ch_ == '-') nextChar();
    digsep = scanDigits(10, nullptr) | (digsep & 2);
    if ((digsep & 1) == 0 && ok) {
      errorAtChar("exponent has no digits");
      ok = false;
    }
  } else if (prefix == 'x' && kind == Tok::Float && ok) {
    errorAtChar("hexadecimal mantissa requires a 'p' exponent");
    ok = false;
  }
  if (ch_ == 'i') {
    kind = Tok::Imag;
    nextChar();
  }
  finishLiteral(t, kind, ok);
  if (kind == Tok::Int && invalid >= 0 && ok) {
    errorAtToken(static_cast<size_t>(invalid),
                 fmt::format("invalid digit {} in {} literal",
                             quoteRune(static_cast<unsigned char>(t.lit[static_cast<size_t>(invalid)])),
                             baseName(base)));
    ok = false;
  }
  if ((digsep & 2) && ok) {
    int i = invalidSeparator(t.lit);
    if (i >= 0) {
      errorAtToken(static_cast<size_t>(i), "'_' must separate successive digits");
      ok = false;
    }
  }
  t.bad = !ok;
}

bool Lexer::scanEscape(char32_t quote) {
  int n = 0;
  uint32_t base = 0, max = 0;
  switch (ch_) {
    case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\':
      nextChar();
      return true;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
      n = 3; base = 8; max = 255;
      break;
    case 'x': nextChar(); n = 2; base = 16; max = 255; break;
    case 'u': nextChar(); n = 4; base = 16; max = kMaxRune; break;
    case 'U': nextChar(); n = 8; base = 16; max = kMaxRune; break;
    default:
      if (ch_ == static_cast<int32_t>(quote)) {
        nextChar();
        return true;
      }
      if (ch_ < 0) return true;  // the caller reports the unterminated literal
      errorAtChar("unknown escape");
      return false;
  }
  uint32_t x = 0;
  for (int i = n; i > 0; --i) {
    if (ch_ < 0) return true;
    uint32_t d = base;
    if (isDecimal(ch_)) {
      d = static_cast<uint32_t>(ch_ - '0');
    } else if (lower(ch_) >= 'a' && lower(ch_) <= 'f') {
      d = static_cast<uint32_t>(lower(ch_) - 'a' + 10);
    }
    if (d >= base) {
      errorAtChar(fmt::format("invalid character {} in {} escape", quoteRune(static_cast<char32_t>(ch_)),
                              baseName(static_cast<int>(base))));
      return false;
    }
    x = x * base + d;
    nextChar();
  }
  if (x > max && base == 8) {
    errorAtChar(fmt::format("octal escape value {} > 255", x));
    return false;
  }
  if (x > max || (x >= 0xD800 && x < 0xE000)) {
    errorAtChar(fmt::format("escape is invalid Unicode code point {}", formatCodePoint(x)));
    return false;
  }
  return true;
}

void Lexer::scanRune(Token& t) {
  bool ok = true;
  nextChar();
  for (int n = 0;; ++n) {
    if (ch_ == '\'') {
      if (ok) {
        if (n == 0) {
          errorAtChar("empty rune literal or unescaped '");
          ok = false;
        } else if (n != 1) {
          errorAtToken(0, "more than one character in rune literal");
          ok = false;
        }
      }
      nextChar();
      break;
    }
    if (ch_ == '\\') {
      nextChar();
      if (!scanEscape('\'')) ok = false;
      continue;
    }
    if (ch_ == '\n') {
      if (ok) {
        errorAtChar("newline in rune literal");
        ok = false;
      }
      break;
    }
    if (ch_ < 0) {
      if (ok) {
        errorAtToken(0, "rune literal not terminated");
        ok = false;
      }
      break;
    }
    nextChar();
  }
  finishLiteral(t, Tok::Char, ok);
}

void Lexer::scanString(Token& t) {
  bool ok = true;
  nextChar();
  for (;;) {
    if (ch_ == '"') {
      nextChar();
      break;
    }
    if (ch_ == '\\') {
      nextChar();
      if (!scanEscape('"')) ok = false;
      continue;
    }
    if (ch_ == '\n') {
      errorAtChar("newline in string");
      ok = false;
      break;
    }
    if (ch_ < 0) {
      errorAtToken(0, "string not terminated");
      ok = false;
      break;
    }
    nextChar();
  }
  finishLiteral(t, Tok::String, ok);
}

void Lexer::scanRawString(Token& t) {
  bool ok = true;
  nextChar();
  for (;;) {
    if (ch_ == '`') {
      nextChar();
      break;
    }
    if (ch_ < 0) {
      errorAtToken(0, "string not terminated");
      ok = false;
      break;
    }
    nextChar();
  }
  // Carriage returns stay in the text; the constant evaluator drops them.
  finishLiteral(t, Tok::String, ok);
}

bool Lexer::skipGeneralComment() {
  while (ch_ >= 0) {
    while (ch_ == '*') {
      nextChar();
      if (ch_ == '/') {
        nextChar();
        return true;
      }
    }
    nextChar();
  }
  errorAtToken(0, "comment not terminated");
  return false;
}

}  // namespace gol::lang
