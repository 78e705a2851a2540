// Reads gen.go's cases on stdin and checks gol's ConstValue against them.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>

#include "lang/constant.h"

using gol::lang::ConstValue;
using gol::lang::Tok;

namespace {

ConstValue parseSigned(const std::string& s) {
  if (s[0] == '-') return ConstValue::unaryOp(Tok::Sub, ConstValue::fromLiteral(Tok::Int, s.substr(1)), 0);
  return ConstValue::fromLiteral(Tok::Int, s);
}

int failures = 0;

void fail(const std::string& line, const std::string& what, const std::string& got) {
  if (failures++ < 20) std::cout << "MISMATCH (" << what << ", got " << got << "): " << line << "\n";
}

}  // namespace

int main() {
  std::string line;
  int cases = 0;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::string tag;
    in >> tag;
    cases++;
    if (tag == "F") {
      std::string lit, s;
      uint64_t want64;
      uint32_t want32;
      int comparable;
      in >> lit >> std::hex >> want64 >> want32 >> std::dec >> s >> comparable;
      ConstValue v = ConstValue::fromLiteral(Tok::Float, lit);
      double d = v.toFloat64();
      float f = v.toFloat32();
      uint64_t got64;
      uint32_t got32;
      std::memcpy(&got64, &d, 8);
      std::memcpy(&got32, &f, 4);
      if (got64 != want64) fail(line, "float64", std::to_string(got64));
      if (got32 != want32) fail(line, "float32", std::to_string(got32));
      if (comparable && v.toString() != s) fail(line, "String", v.toString());
    } else if (tag == "R") {
      std::string a, op, b, exact, s;
      uint64_t want64;
      int comparable;
      in >> a >> op >> b >> exact >> std::hex >> want64 >> std::dec >> s >> comparable;
      Tok t = op == "+" ? Tok::Add : op == "-" ? Tok::Sub : op == "*" ? Tok::Mul : Tok::Quo;
      ConstValue v = ConstValue::binaryOp(ConstValue::fromLiteral(Tok::Float, a), t,
                                          ConstValue::fromLiteral(Tok::Float, b), false);
      double d = v.toFloat64();
      uint64_t got64;
      std::memcpy(&got64, &d, 8);
      if (v.exactString() != exact) fail(line, "exact", v.exactString());
      if (got64 != want64) fail(line, "float64", std::to_string(got64));
      if (comparable && v.toString() != s) fail(line, "String", v.toString());
    } else if (tag == "I") {
      std::string as, bs, want[13];
      uint64_t k;
      in >> as >> bs >> k;
      for (auto& w : want) in >> w;
      ConstValue a = parseSigned(as), b = parseSigned(bs);
      auto op = [&](Tok t) { return ConstValue::binaryOp(a, t, b, true).exactString(); };
      bool bz = b.sign() == 0;
      std::string got[13] = {op(Tok::Add), op(Tok::Sub), op(Tok::Mul), bz ? "x" : op(Tok::Quo), bz ? "x" : op(Tok::Rem),
                             op(Tok::And), op(Tok::Or), op(Tok::Xor), op(Tok::AndNot),
                             ConstValue::shift(a, Tok::Shr, k).exactString(),
                             ConstValue::shift(a, Tok::Shl, k).exactString(),
                             ConstValue::unaryOp(Tok::Xor, a, 0).exactString(),
                             ConstValue::compare(a, Tok::Lss, b) ? "-1" : ConstValue::compare(a, Tok::Eql, b) ? "0" : "1"};
      for (int i = 0; i < 13; i++) {
        if (got[i] != want[i]) fail(line, "integer op " + std::to_string(i), got[i]);
      }
    }
  }
  std::cout << cases << " cases, " << failures << " mismatches\n";
  return failures == 0 && cases > 0 ? 0 : 1;
}
