// Exact constant values, as Go's go/constant.
//
// Untyped constants in Go are exact: integers are arbitrary-precision and
// floating-point constants are exact rationals (`1 << 100 >> 98` is 4,
// `0.1 + 0.2 == 0.3` is true). ConstValue holds one such value. Arithmetic
// never rounds; representability in a concrete type (int8, float32, ...) is
// asked separately, and rounding to float32/float64 happens only when a
// typed constant is made.
//
// Sizes are bounded so that hostile input cannot exhaust memory: a value
// whose magnitude would need more than kMaxBits bits becomes Unknown
// (the checker reports "constant overflow" or similar), like gc's limit.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "lang/token.h"

namespace gol::lang {

class BigInt;    // arbitrary precision integer (constant.cpp)
class BigRat;    // exact rational of two BigInts

class ConstValue {
 public:
  enum class Kind : uint8_t { Unknown, Bool, String, Int, Float };
  static constexpr int kMaxBits = 8192;  // bound on |numerator| and denominator
  // Bound on a constant string's length: doubling `a + a` chains would
  // otherwise exhaust memory. Longer results become Unknown.
  static constexpr size_t kMaxStringLen = size_t{1} << 24;

  ConstValue() = default;  // Unknown
  ConstValue(const ConstValue&);
  ConstValue(ConstValue&&) noexcept;
  ConstValue& operator=(const ConstValue&);
  ConstValue& operator=(ConstValue&&) noexcept;
  ~ConstValue();

  static ConstValue makeBool(bool b);
  static ConstValue makeString(std::string s);
  static ConstValue makeInt64(int64_t v);
  static ConstValue makeUint64(uint64_t v);
  static ConstValue makeFloat64(double v);  // exact value of v; NaN/Inf give Unknown
  // From a literal token's text (Int, Float, Char, String with Go's escapes
  // and raw strings). Returns Unknown for malformed text; the lexer has
  // already reported those errors.
  static ConstValue fromLiteral(Tok kind, std::string_view lit);

  Kind kind() const { return kind_; }
  bool isUnknown() const { return kind_ == Kind::Unknown; }
  bool isNumeric() const { return kind_ == Kind::Int || kind_ == Kind::Float; }

  bool boolVal() const;                 // Kind::Bool
  const std::string& stringVal() const; // Kind::String

  // Int, or a Float whose value is integral.
  bool isIntegral() const;
  // Exact conversions, if the value is integral and fits.
  std::optional<int64_t> toInt64() const;
  std::optional<uint64_t> toUint64() const;
  // Nearest float64/float32 (round half to even), ±Inf when out of range.
  double toFloat64() const;
  float toFloat32() const;
  // Would rounding to float32/float64 overflow to infinity?
  bool overflowsFloat64() const;
  bool overflowsFloat32() const;

  // Kind changes: Float->Int when integral (else Unknown), Int->Float.
  ConstValue toInt() const;
  ConstValue toFloat() const;
  // Round a numeric value to the nearest float64/float32 value (for typed
  // float constants, as gc rounds them).
  ConstValue roundFloat64() const;
  ConstValue roundFloat32() const;

  int sign() const;      // -1, 0, 1 for numeric values
  int bitLen() const;    // bits of |value| for Int

  // Arithmetic on same-kind numeric operands (the checker converts first).
  // op is Add Sub Mul Quo Rem And Or Xor AndNot; for Quo with integer
  // operands intDiv selects truncated integer division. Division by zero
  // must be caught by the caller. String + String concatenates. Bool && ||.
  static ConstValue binaryOp(const ConstValue& x, Tok op, const ConstValue& y, bool intDiv);
  // Add (identity), Sub (negate), Xor (complement), Not (bool). For ^x of an
  // unsigned type, pass its size in bits as unsignedBits so the result is
  // masked as Go does (^uint8(1) == 254); 0 means signed/untyped.
  static ConstValue unaryOp(Tok op, const ConstValue& x, int unsignedBits);
  // x << s or x >> s, x an Int (>> rounds toward negative infinity).
  static ConstValue shift(const ConstValue& x, Tok op, uint64_t s);
  // ==, !=, <, <=, >, >= on same-kind operands.
  static bool compare(const ConstValue& x, Tok op, const ConstValue& y);

  // Go's formatting of constants in diagnostics: integers in decimal,
  // floats as gc prints them (e.g. "0.1", "1e+100", "3.14159"), strings
  // quoted, bools as true/false, Unknown as "unknown".
  std::string toString() const;
  // go/constant's ExactString: integers in decimal, other floats as an exact
  // fraction "num/den", strings quoted without abbreviation.
  std::string exactString() const;

 private:
  // A numeric value, or Unknown when it is past kMaxBits.
  static ConstValue fromRat(Kind kind, BigRat value);

  Kind kind_ = Kind::Unknown;
  bool b_ = false;
  std::shared_ptr<const std::string> s_;
  std::shared_ptr<const BigRat> num_;  // Int and Float (Int has denominator 1)
};

}  // namespace gol::lang
