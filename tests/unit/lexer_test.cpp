// Lexer tests: token streams (semicolon insertion, every literal form) and
// every lexical error message with its position. Expected messages and
// columns come from gc (go tool compile) on the same input.
#include <doctest/doctest.h>

#include <string>

#include "lang/lexer.h"

using namespace gol::lang;

namespace {

// Tokens as "text" joined by spaces; semicolons show why they are there
// (";" written, ";nl" newline, ";eof" end of file).
std::string lex(std::string_view src, std::string* errors = nullptr) {
  SourceSet sources;
  int32_t f = sources.add("t.go", std::string(src));
  Diagnostics diags(sources);
  Lexer lexer(sources, f, diags);
  std::string out;
  for (int guard = 0; guard < 100000; ++guard) {
    Token t = lexer.next();
    if (t.tok == Tok::EndOfFile) break;
    if (!out.empty()) out += ' ';
    if (t.tok == Tok::Semicolon) {
      out += t.lit == "newline" ? ";nl" : t.lit == "EOF" ? ";eof" : ";";
    } else if (t.tok == Tok::Ident || isLiteral(t.tok)) {
      out += std::string(t.lit);
    } else {
      out += std::string(spelling(t.tok));
    }
  }
  if (errors) {
    *errors = diags.render();
  } else if (diags.hasErrors()) {
    out += " ERRORS: " + diags.render();
  }
  return out;
}

std::string lexError(std::string_view src) {
  std::string errors;
  lex(src, &errors);
  return errors;
}

Token firstToken(std::string_view src) {
  static SourceSet sources;  // the token's text points into it
  int32_t f = sources.add("t.go", std::string(src));
  Diagnostics diags(sources);
  Lexer lexer(sources, f, diags);
  return lexer.next();
}

}  // namespace

TEST_CASE("semicolons are inserted after the tokens the spec lists") {
  CHECK(lex("x\n") == "x ;nl");
  CHECK(lex("x") == "x ;eof");
  CHECK(lex("1\n2.5\n3i\n'a'\n\"s\"\n`r`\n") == "1 ;nl 2.5 ;nl 3i ;nl 'a' ;nl \"s\" ;nl `r` ;nl");
  CHECK(lex("break\ncontinue\nfallthrough\nreturn\n") == "break ;nl continue ;nl fallthrough ;nl return ;nl");
  CHECK(lex("x++\ny--\n") == "x ++ ;nl y -- ;nl");
  CHECK(lex("f()\na[i]\n{}\n") == "f ( ) ;nl a [ i ] ;nl { } ;nl");
  // No semicolon after operators, keywords that start constructs, or commas.
  CHECK(lex("x +\ny") == "x + y ;eof");
  CHECK(lex("if\nfor\nfunc\n") == "if for func");
  CHECK(lex("f(a,\nb)") == "f ( a , b ) ;eof");
  CHECK(lex("\n\n\n") == "");
  CHECK(lex("x;y") == "x ; y ;eof");
}

TEST_CASE("comments") {
  CHECK(lex("x // comment\ny") == "x ;nl y ;eof");
  CHECK(lex("x // comment") == "x ;eof");
  CHECK(lex("x /* one line */ y") == "x y ;eof");
  // A general comment spanning lines acts as a newline.
  CHECK(lex("x /* two\nlines */ y") == "x ;nl y ;eof");
  CHECK(lex("x + /* two\nlines */ y") == "x + y ;eof");
  CHECK(lex("/* a */ x /* b */\n") == "x ;nl");
  CHECK(lex("x /* a */") == "x ;eof");
  CHECK(lex("a/b/*c*/") == "a / b ;eof");
}

TEST_CASE("operators, longest match") {
  CHECK(lex("+ += ++ - -= -- * *= / /= % %=") == "+ += ++ - -= -- * *= / /= % %=");
  CHECK(lex("& &= && &^ &^= | |= || ^ ^=") == "& &= && &^ &^= | |= || ^ ^=");
  CHECK(lex("<< <<= >> >>= < <= > >= <- == = != ! := : ~") ==
        "<< <<= >> >>= < <= > >= <- == = != ! := : ~");
  CHECK(lex("( ) [ ] { } , ; . ...") == "( ) [ ] { } , ; . ...");
  CHECK(lex("a..b") == "a . . b ;eof");
  CHECK(lex("x.5") == "x .5 ;eof");
  CHECK(lex("<-chan") == "<- chan");
  CHECK(lex("a&^=b") == "a &^= b ;eof");
}

TEST_CASE("identifiers and keywords") {
  CHECK(lex("_ _x x1 αβ ŝ 日本語 x٣") == "_ _x x1 αβ ŝ 日本語 x٣ ;eof");
  Token t = firstToken("package");
  CHECK(t.tok == Tok::Package);
  t = firstToken("packages");
  CHECK(t.tok == Tok::Ident);
  const char* keywords[] = {"break", "case", "chan", "const", "continue", "default", "defer",
                            "else", "fallthrough", "for", "func", "go", "goto", "if", "import",
                            "interface", "map", "package", "range", "return", "select", "struct",
                            "switch", "type", "var"};
  for (const char* k : keywords) {
    Token kt = firstToken(k);
    CHECK(isKeyword(kt.tok));
    CHECK(spelling(kt.tok) == k);
  }
  CHECK(firstToken("iota").tok == Tok::Ident);
}

TEST_CASE("positions are 1-based lines and byte columns") {
  SourceSet sources;
  int32_t f = sources.add("t.go", "package p\n\tvar é = 1\n");
  Diagnostics diags(sources);
  Lexer lexer(sources, f, diags);
  Token t = lexer.next();
  CHECK(t.pos == Pos{f, 1, 1});
  t = lexer.next();
  CHECK(t.pos == Pos{f, 1, 9});
  t = lexer.next();  // newline
  CHECK(t.tok == Tok::Semicolon);
  CHECK(t.pos == Pos{f, 1, 10});
  t = lexer.next();
  CHECK(t.pos == Pos{f, 2, 2});
  t = lexer.next();
  CHECK(t.lit == "é");
  CHECK(t.pos == Pos{f, 2, 6});
  t = lexer.next();
  CHECK(t.tok == Tok::Assign);
  CHECK(t.pos == Pos{f, 2, 9});
}

TEST_CASE("integer literals") {
  CHECK(lex("0 42 1_000_000 0777 0o17 0O17 0b1010 0B_1 0x_dead_BEEF 0XaB") ==
        "0 42 1_000_000 0777 0o17 0O17 0b1010 0B_1 0x_dead_BEEF 0XaB ;eof");
  CHECK(firstToken("0x1F").tok == Tok::Int);
  CHECK(firstToken("0777").tok == Tok::Int);
}

TEST_CASE("floating-point and imaginary literals") {
  CHECK(lex("1.5 1. .5 1e10 1E-5 1.5e+3 0.e1 09.5 089e1 1_0.2_5") ==
        "1.5 1. .5 1e10 1E-5 1.5e+3 0.e1 09.5 089e1 1_0.2_5 ;eof");
  CHECK(lex("0x1p-2 0x1.8p1 0X.8p0 0x_1p4 0x1P+2") == "0x1p-2 0x1.8p1 0X.8p0 0x_1p4 0x1P+2 ;eof");
  CHECK(firstToken("1.5").tok == Tok::Float);
  CHECK(firstToken("1e3").tok == Tok::Float);
  CHECK(firstToken("0x1p3").tok == Tok::Float);
  CHECK(lex("1i 1.5i 0x1p2i 0o7i 09i") == "1i 1.5i 0x1p2i 0o7i 09i ;eof");
  CHECK(firstToken("2i").tok == Tok::Imag);
}

TEST_CASE("rune and string literals keep their source text") {
  CHECK(lex(R"('a' 'é' '\n' '\'' '\\' '\x41' '\101' '\u00e9' '\U0001F600' '\a' '\b' '\f' '\r' '\t' '\v')") ==
        R"('a' 'é' '\n' '\'' '\\' '\x41' '\101' '\u00e9' '\U0001F600' '\a' '\b' '\f' '\r' '\t' '\v' ;eof)");
  CHECK(lex(R"("" "abc" "\"" "\\" "\x00\377\u2028" "日本")") ==
        R"("" "abc" "\"" "\\" "\x00\377\u2028" "日本" ;eof)");
  CHECK(lex("`raw\\n\nline`") == "`raw\\n\nline` ;eof");
  CHECK(lex("`a\r\nb`") == "`a\r\nb` ;eof");
  Token t = firstToken("'x'");
  CHECK(t.tok == Tok::Char);
  t = firstToken("`x`");
  CHECK(t.tok == Tok::String);
  CHECK(!t.bad);
}

TEST_CASE("string and rune errors, as gc reports them") {
  CHECK(lexError("var x = \"abc\n") == "t.go:1:13: newline in string\n");
  CHECK(lexError("var x = \"abc") == "t.go:1:9: string not terminated\n");
  CHECK(lexError("var x = `abc") == "t.go:1:9: string not terminated\n");
  CHECK(lexError("var x = ''\n") == "t.go:1:10: empty rune literal or unescaped '\n");
  CHECK(lexError("var x = 'ab'\n") == "t.go:1:9: more than one character in rune literal\n");
  CHECK(lexError("var x = 'a") == "t.go:1:9: rune literal not terminated\n");
  CHECK(lexError("var x = 'a\n") == "t.go:1:11: newline in rune literal\n");
  CHECK(lexError("var x = \"\\q\"\n") == "t.go:1:11: unknown escape\n");
  CHECK(lexError("var x = '\\\"'\n") == "t.go:1:11: unknown escape\n");
  CHECK(lexError("var x = \"\\'\"\n") == "t.go:1:11: unknown escape\n");
  CHECK(lexError("var x = \"\\400\"\n") == "t.go:1:14: octal escape value 256 > 255\n");
  CHECK(lexError("var x = \"\\xZZ\"\n") == "t.go:1:12: invalid character 'Z' in hexadecimal escape\n");
  CHECK(lexError("var x = \"\\18\"\n") == "t.go:1:12: invalid character '8' in octal escape\n");
  CHECK(lexError("var x = \"\\U00110000\"\n") == "t.go:1:20: escape is invalid Unicode code point U+110000\n");
  CHECK(lexError("var x = '\\uD800'\n") == "t.go:1:16: escape is invalid Unicode code point U+D800\n");
  CHECK(lexError("var x = \"\\u12\"\n") == "t.go:1:14: invalid character '\"' in hexadecimal escape\n");
}

TEST_CASE("number errors, as gc reports them") {
  CHECK(lexError("var x = 0778\n") == "t.go:1:12: invalid digit '8' in octal literal\n");
  CHECK(lexError("var x = 09\n") == "t.go:1:10: invalid digit '9' in octal literal\n");
  CHECK(lexError("var x = 0b12\n") == "t.go:1:12: invalid digit '2' in binary literal\n");
  CHECK(lexError("var x = 0o8\n") == "t.go:1:11: invalid digit '8' in octal literal\n");
  CHECK(lexError("var x = 1__2\n") == "t.go:1:11: '_' must separate successive digits\n");
  CHECK(lexError("var x = 1_\n") == "t.go:1:10: '_' must separate successive digits\n");
  CHECK(lexError("0_x1") == "t.go:1:2: '_' must separate successive digits\n");
  CHECK(lexError("var x = 0x1.5\n") == "t.go:1:14: hexadecimal mantissa requires a 'p' exponent\n");
  CHECK(lexError("var x = 1e+\n") == "t.go:1:12: exponent has no digits\n");
  CHECK(lexError("var x = 0x_\n") == "t.go:1:12: hexadecimal literal has no digits\n");
  CHECK(lexError("var x = 0x\n") == "t.go:1:11: hexadecimal literal has no digits\n");
  CHECK(lexError("var x = 0o1.2\n") == "t.go:1:12: invalid radix point in octal literal\n");
  CHECK(lexError("var x = 0b1e2\n") == "t.go:1:12: 'e' exponent requires decimal mantissa\n");
  CHECK(lexError("var x = 1p2\n") == "t.go:1:10: 'p' exponent requires hexadecimal mantissa\n");
  CHECK(lexError("var x = 09.5 + 0779e1 + 1_2.3_4e5_6\n") == "");
  Token t = firstToken("0778");
  CHECK(t.bad);
  CHECK(t.lit == "0778");
}

TEST_CASE("character-level errors") {
  CHECK(lexError("var x = 1 @ 2\n") == "t.go:1:11: invalid character U+0040 '@'\n");
  CHECK(lexError("x #") == "t.go:1:3: invalid character U+0023 '#'\n");
  CHECK(lexError("x \x01") == "t.go:1:3: invalid character U+0001\n");
  CHECK(lexError("/* abc") == "t.go:1:1: comment not terminated\n");
  CHECK(lexError("x /* a\nb") == "t.go:1:3: comment not terminated\n");
  CHECK(lexError("var x = \xff\n") == "t.go:1:9: invalid UTF-8 encoding\n");
  CHECK(lexError("var \xe2\x82\xac = 1\n") == "t.go:1:5: invalid character U+20AC '€' in identifier\n");
  CHECK(lexError("var x\xe2\x82\xac = 1\n") == "t.go:1:6: invalid character U+20AC '€' in identifier\n");
  CHECK(lexError("var \xd9\xa3x = 1\n") == "t.go:1:5: identifier cannot begin with digit U+0663 '٣'\n");
  CHECK(lexError(std::string_view("x \0 y", 5)) == "t.go:1:3: invalid NUL character\n");
  CHECK(lexError("\"a\xc0\x80\"") == "t.go:1:3: invalid UTF-8 encoding\n");
  // A byte order mark is allowed only first.
  CHECK(lexError("\xef\xbb\xbfx") == "");
  CHECK(lex("\xef\xbb\xbfx") == "x ;eof");
  CHECK(lexError("x \xef\xbb\xbf") == "t.go:1:3: invalid BOM in the middle of the file\n");
}

TEST_CASE("the token after a byte order mark counts its bytes in its column") {
  Token t = firstToken("\xef\xbb\xbfpackage");
  CHECK(t.tok == Tok::Package);
  CHECK(t.pos.col == 4);
}

TEST_CASE("the lexer always terminates on garbage") {
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 131 + 7) % 256);
  std::string errors;
  lex(garbage, &errors);
  CHECK(!errors.empty());
}
