// Tokens of Go's lexical grammar: one table (STYLE.md, 2).
//
// GOL_TOKENS(X) lists every token once as X(Name, "spelling"). The enum, the
// spelling table, keyword lookup and the parser's operator precedences all
// derive from it. Literal and special tokens spell as gc names them in
// "syntax error: unexpected ..." messages.
#pragma once

#include <cstdint>
#include <string_view>

namespace gol::lang {

#define GOL_TOKENS(X)                                  \
  /* special */                                        \
  X(Illegal, "ILLEGAL")                                \
  X(EndOfFile, "EOF")                                  \
  X(Comment, "comment")                                \
  /* literals */                                       \
  X(Ident, "name")                                     \
  X(Int, "literal")                                    \
  X(Float, "literal")                                  \
  X(Imag, "literal")                                   \
  X(Char, "literal")                                   \
  X(String, "literal")                                 \
  /* operators */                                      \
  X(Add, "+")                                          \
  X(Sub, "-")                                          \
  X(Mul, "*")                                          \
  X(Quo, "/")                                          \
  X(Rem, "%")                                          \
  X(And, "&")                                          \
  X(Or, "|")                                           \
  X(Xor, "^")                                          \
  X(Shl, "<<")                                         \
  X(Shr, ">>")                                         \
  X(AndNot, "&^")                                      \
  X(AddAssign, "+=")                                   \
  X(SubAssign, "-=")                                   \
  X(MulAssign, "*=")                                   \
  X(QuoAssign, "/=")                                   \
  X(RemAssign, "%=")                                   \
  X(AndAssign, "&=")                                   \
  X(OrAssign, "|=")                                    \
  X(XorAssign, "^=")                                   \
  X(ShlAssign, "<<=")                                  \
  X(ShrAssign, ">>=")                                  \
  X(AndNotAssign, "&^=")                               \
  X(LAnd, "&&")                                        \
  X(LOr, "||")                                         \
  X(Arrow, "<-")                                       \
  X(Inc, "++")                                         \
  X(Dec, "--")                                         \
  X(Eql, "==")                                         \
  X(Lss, "<")                                          \
  X(Gtr, ">")                                          \
  X(Assign, "=")                                       \
  X(Not, "!")                                          \
  X(Neq, "!=")                                         \
  X(Leq, "<=")                                         \
  X(Geq, ">=")                                         \
  X(Define, ":=")                                      \
  X(Ellipsis, "...")                                   \
  X(LParen, "(")                                       \
  X(LBrack, "[")                                       \
  X(LBrace, "{")                                       \
  X(Comma, ",")                                        \
  X(Period, ".")                                       \
  X(RParen, ")")                                       \
  X(RBrack, "]")                                       \
  X(RBrace, "}")                                       \
  X(Semicolon, ";")                                    \
  X(Colon, ":")                                        \
  X(Tilde, "~")                                        \
  /* keywords (kept contiguous: see isKeyword) */      \
  X(Break, "break")                                    \
  X(Case, "case")                                      \
  X(Chan, "chan")                                      \
  X(Const, "const")                                    \
  X(Continue, "continue")                              \
  X(Default, "default")                                \
  X(Defer, "defer")                                    \
  X(Else, "else")                                      \
  X(Fallthrough, "fallthrough")                        \
  X(For, "for")                                        \
  X(Func, "func")                                      \
  X(Go, "go")                                          \
  X(Goto, "goto")                                      \
  X(If, "if")                                          \
  X(Import, "import")                                  \
  X(Interface, "interface")                            \
  X(Map, "map")                                        \
  X(Package, "package")                                \
  X(Range, "range")                                    \
  X(Return, "return")                                  \
  X(Select, "select")                                  \
  X(Struct, "struct")                                  \
  X(Switch, "switch")                                  \
  X(Type, "type")                                      \
  X(Var, "var")

enum class Tok : uint8_t {
#define GOL_TOKEN_ENUM(name, spelling) name,
  GOL_TOKENS(GOL_TOKEN_ENUM)
#undef GOL_TOKEN_ENUM
};

inline constexpr std::string_view kTokenSpelling[] = {
#define GOL_TOKEN_SPELLING(name, spelling) spelling,
    GOL_TOKENS(GOL_TOKEN_SPELLING)
#undef GOL_TOKEN_SPELLING
};

constexpr std::string_view spelling(Tok t) { return kTokenSpelling[static_cast<size_t>(t)]; }
constexpr bool isKeyword(Tok t) { return t >= Tok::Break && t <= Tok::Var; }
constexpr bool isLiteral(Tok t) { return t >= Tok::Int && t <= Tok::String; }

// Binary operator precedence as in the Go spec (5 binds tightest); 0 for
// anything that is not a binary operator.
constexpr int binaryPrecedence(Tok t) {
  switch (t) {
    case Tok::LOr: return 1;
    case Tok::LAnd: return 2;
    case Tok::Eql: case Tok::Neq: case Tok::Lss: case Tok::Leq: case Tok::Gtr: case Tok::Geq: return 3;
    case Tok::Add: case Tok::Sub: case Tok::Or: case Tok::Xor: return 4;
    case Tok::Mul: case Tok::Quo: case Tok::Rem: case Tok::Shl: case Tok::Shr: case Tok::And: case Tok::AndNot: return 5;
    default: return 0;
  }
}

// For `x op= y`, the binary operator op; Illegal for anything else.
constexpr Tok assignOpBase(Tok t) {
  switch (t) {
    case Tok::AddAssign: return Tok::Add;
    case Tok::SubAssign: return Tok::Sub;
    case Tok::MulAssign: return Tok::Mul;
    case Tok::QuoAssign: return Tok::Quo;
    case Tok::RemAssign: return Tok::Rem;
    case Tok::AndAssign: return Tok::And;
    case Tok::OrAssign: return Tok::Or;
    case Tok::XorAssign: return Tok::Xor;
    case Tok::ShlAssign: return Tok::Shl;
    case Tok::ShrAssign: return Tok::Shr;
    case Tok::AndNotAssign: return Tok::AndNot;
    default: return Tok::Illegal;
  }
}

}  // namespace gol::lang
