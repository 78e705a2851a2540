// Natives of math, math/bits and math/rand (see vm/natives.h for the
// calling convention).
//
// Go's math functions must give Go's bits, because programs print them.
// Go computes most of them with its own algorithms (Cephes and FreeBSD
// ports, and on amd64 assembly for Exp and Log), which are accurate but
// not correctly rounded, so the C library's results differ from Go's in
// the last place for many inputs (Pow for about 60% of x**n with x in
// [1, 2), n < 20; Sin(Pi) prints differently). So this file follows Go's
// algorithms step for step, with the same constants and the same order of
// floating-point operations (and no contraction into fused multiply-adds
// except where Go fuses them):
//   - Exp: Go's amd64 assembly (SLEEF's method: a Taylor series on
//     (x-k*ln2)/16, squared back up), fused or not as Go chooses on the
//     CPU at hand; Log: fdlibm's log as Go's amd64 assembly computes it,
//     reading the exponent straight from the bits (so Log(5e-324) is
//     -709.09 in Go and here);
//   - Pow (repeated squaring of Frexp's mantissa for the integer part of
//     y, Exp(yf*Log(x)) for the fraction), Exp2 (fdlibm's polynomial),
//     Log2, Log10 (Log(x)*(1/Ln10), so Log10(1e15) is 14.999999999999998),
//     Cbrt, Sinh, Cosh, Asinh, Acosh, Atanh, Hypot, Pow10 (a product of two
//     table entries);
//   - Sin, Cos, Tan, Sincos: Cody-Waite reduction below 2^29, Payne-Hanek
//     above, Cephes's polynomials; Atan, Asin, Acos, Atan2 over Cephes's
//     atan; Gamma: Cephes's rational approximation and Stirling's formula.
// Go's constant expressions (1/Ln10, Pi/4...) are exact values rounded
// once; here they are literals with enough digits that the compiler
// rounds them the same way.
//
// Where Go's result is correctly rounded (Sqrt, Floor, Ceil, Trunc, Round,
// RoundToEven, FMA, Mod, Remainder, Nextafter, Frexp, Ldexp, Modf) the C
// library gives the same bits, and only special cases are written out
// where C's conventions differ (Max/Min and signed zeros, Ilogb of NaN,
// Modf of an infinity, Nextafter(x, x)).
//
//   - Tanh: Cephes's rational approximation and Exp.
//
// Known differences: Expm1, Log1p, Erf and Erfc still come from the C
// library (fdlibm's algorithms, as Go's); they agree with Go on every
// special case and on most inputs, but Erf and Erfc differ in the last
// place for a few percent of inputs (Go's call its own Exp).
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

#include "vm/natives.h"

// Go's algorithms below round every operation separately unless they say
// fma; the compiler must not fuse a multiply and an add on its own.
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

namespace gol::vm {

namespace {

inline double F(uint64_t w) { return std::bit_cast<double>(w); }
inline uint64_t W(double d) { return std::bit_cast<uint64_t>(d); }

// Go evaluates constant expressions such as 1/Ln10 exactly and rounds
// once; these literals are those values, rounded by the compiler.
constexpr double kLog2E = 1.44269504088896340735992468100189213742664595415298593;   // 1/Ln2
constexpr double kLog10E = 0.434294481903251827651128918916605082294397005803666566;  // 1/Ln10
constexpr double kPi = 3.14159265358979323846264338327950288;

// One float64 argument, one float64 result.
template <double (*f)(double)>
bool unary(Machine&, rt::G&, uint64_t* s) {
  s[0] = W(f(F(s[0])));
  return true;
}

// Two float64 arguments, one float64 result.
template <double (*f)(double, double)>
bool binary(Machine&, rt::G&, uint64_t* s) {
  s[0] = W(f(F(s[0]), F(s[1])));
  return true;
}

// Go's amd64 Exp (after Shibata's SLEEF): x = k*ln2 + r with ln2 split in
// two, e^(r/16) - 1 by its Taylor series to degree 9, squared back up four
// times as (e-1)(e-1+2) = e^2-1, then scaled by 2^k. Go fuses the
// multiply-adds when the CPU has AVX and FMA, which changes some last
// bits, so this does the same on the same CPUs.
double goExp(double x) {
  constexpr double kLog2e = 1.4426950408889634073599246810018920;
  constexpr double kLn2U = 0.69314718055966295651160180568695068359375;
  constexpr double kLn2L = 0.28235290563031577122588448175013436025525412068e-12;
  constexpr double kOverflow = 7.09782712893384e+02;
  // 1/n! for n = 9 down to 3, then 1/2 and 1.
  constexpr double kTaylor[] = {2.4801587301587301587e-5, 1.9841269841269841270e-4,
                                1.3888888888888888889e-3, 8.3333333333333333333e-3,
                                4.1666666666666666667e-2, 1.6666666666666666667e-1, 0.5, 1.0};
  static const bool useFMA = __builtin_cpu_supports("avx") && __builtin_cpu_supports("fma");
  uint64_t b = W(x);
  if ((b & ~(uint64_t{1} << 63)) >= 0x7FF0000000000000) {
    if (b == 0xFFF0000000000000) return 0;  // -Inf
    return x;                               // +Inf, NaN
  }
  if (x > kOverflow) return std::numeric_limits<double>::infinity();
  double t = x * kLog2e;
  // CVTSD2SL: round to nearest, and 0x80000000 when out of range.
  int32_t k = (t >= -2147483648.0 && t < 2147483648.0) ? static_cast<int32_t>(std::nearbyint(t))
                                                        : std::numeric_limits<int32_t>::min();
  auto kd = static_cast<double>(k);
  double r, p;
  if (useFMA) {
    r = std::fma(-kd, kLn2U, x);
    r = std::fma(-kd, kLn2L, r);
    r *= 0.0625;
    p = kTaylor[0];
    for (int i = 1; i < 8; ++i) p = std::fma(p, r, kTaylor[i]);
    r *= p;
    for (int i = 0; i < 3; ++i) r *= r + 2.0;
    r = std::fma(r, r + 2.0, 1.0);
  } else {
    r = x - kd * kLn2U;
    r = r - kd * kLn2L;
    r *= 0.0625;
    p = kTaylor[0];
    for (int i = 1; i < 8; ++i) p = p * r + kTaylor[i];
    r *= p;
    for (int i = 0; i < 4; ++i) r *= r + 2.0;
    r += 1.0;
  }
  int64_t e = static_cast<int64_t>(k) + 0x3FF;
  if (e >= 0x7FF) return std::numeric_limits<double>::infinity();
  if (e <= 0) {
    if (e < -52) return 0;
    r *= F(static_cast<uint64_t>(e + 0x3FE) << 52);
    e = 1;
  }
  return r * F(static_cast<uint64_t>(e) << 52);
}
// fdlibm's log, as Go's amd64 assembly computes it (see the top). The
// split of k*ln2 into a high part with trailing zero bits and a low part
// keeps k*ln2Hi exact.
double goLog(double x) {
  constexpr double kLn2Hi = 6.93147180369123816490e-01;  // 0x3fe62e42fee00000
  constexpr double kLn2Lo = 1.90821492927058770002e-10;  // 0x3dea39ef35793c76
  // The minimax polynomial of fdlibm's e_log.c.
  constexpr double kL1 = 6.666666666666735130e-01, kL2 = 3.999999999940941908e-01,
                   kL3 = 2.857142874366239149e-01, kL4 = 2.222219843214978396e-01,
                   kL5 = 1.818357216161805012e-01, kL6 = 1.531383769920937332e-01,
                   kL7 = 1.479819860511658591e-01;
  uint64_t b = W(x);
  if ((b & ~(uint64_t{1} << 63)) == 0) return -std::numeric_limits<double>::infinity();
  if (static_cast<int64_t>(b) < 0) return F(0x7FF8000000000001);  // x < 0 (or -NaN)
  if (b >= 0x7FF0000000000000) return x;                            // +Inf, NaN
  // f1 in [0.5, 1) from the mantissa bits, k from the exponent field.
  double f1 = F((b & 0x000FFFFFFFFFFFFF) | 0x3FE0000000000000);
  auto k = static_cast<double>(static_cast<int32_t>((b >> 52) & 0x7FF) - 0x3FE);
  if (f1 < 7.07106781186547524401e-01) {
    k -= 1;
    f1 *= 2;
  }
  double f = f1 - 1;
  double s = f / (2 + f);
  double s2 = s * s;
  double s4 = s2 * s2;
  double t1 = s2 * (kL1 + s4 * (kL3 + s4 * (kL5 + s4 * kL7)));
  double t2 = s4 * (kL2 + s4 * (kL4 + s4 * kL6));
  double r = t1 + t2;
  double hfsq = 0.5 * f * f;
  return k * kLn2Hi - ((hfsq - (s * (hfsq + r) + k * kLn2Lo)) - f);
}

bool isOddInt(double x) {
  if (std::fabs(x) >= 0x1p53) return false;  // every double this large is even
  double t = std::trunc(x);
  return t == x && std::fmod(t, 2) != 0;
}

// Go's Pow (see the top): special cases, then x**yf by Exp and Log and
// x**yi by repeated squaring with the binary exponent kept apart.
double goPow(double x, double y) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  if (y == 0 || x == 1) return 1;
  if (y == 1) return x;
  if (std::isnan(x) || std::isnan(y)) return F(0x7FF8000000000001);
  if (x == 0) {
    if (y < 0) return std::signbit(x) && isOddInt(y) ? -kInf : kInf;
    return std::signbit(x) && isOddInt(y) ? x : 0;
  }
  if (std::isinf(y)) {
    if (x == -1) return 1;
    return (std::fabs(x) < 1) == (y > 0) ? 0 : kInf;
  }
  if (std::isinf(x)) {
    if (x < 0) return goPow(1 / x, -y);  // Pow(-0, -y)
    return y < 0 ? 0 : kInf;
  }
  if (y == 0.5) return std::sqrt(x);
  if (y == -0.5) return 1 / std::sqrt(x);

  double ay = std::fabs(y);
  double yi = std::trunc(ay);
  double yf = ay - yi;
  if (yf != 0 && x < 0) return F(0x7FF8000000000001);
  if (yi >= 0x1p63) {
    // A huge even exponent: overflow or underflow except for x == -1.
    if (x == -1) return 1;
    return (std::fabs(x) < 1) == (y > 0) ? 0 : kInf;
  }
  double a1 = 1;
  int64_t ae = 0;
  if (yf != 0) {
    if (yf > 0.5) {
      yf -= 1;
      yi += 1;
    }
    a1 = goExp(yf * goLog(x));
  }
  int xe32 = 0;
  double x1 = std::frexp(x, &xe32);
  int64_t xe = xe32;
  for (auto i = static_cast<int64_t>(yi); i != 0; i >>= 1) {
    if (xe < -(1 << 12) || (1 << 12) < xe) {
      // The exponent is past any float64's: Ldexp below over- or
      // underflows whatever the remaining bits would add.
      ae += xe;
      break;
    }
    if ((i & 1) == 1) {
      a1 *= x1;
      ae += xe;
    }
    x1 *= x1;
    xe <<= 1;
    if (x1 < 0.5) {
      x1 += x1;
      --xe;
    }
  }
  if (y < 0) {
    a1 = 1 / a1;
    ae = -ae;
  }
  if (ae > 2200) ae = 2200;  // as ldexp below: beyond this every result is 0 or Inf
  if (ae < -2200) ae = -2200;
  return std::ldexp(a1, static_cast<int>(ae));
}

// ---- Go's trigonometry (Cephes, as Go's sin.go, tan.go, atan.go) ----
//
// Sin, Cos and Tan reduce x to z in [-Pi/4, Pi/4] and an octant j: below
// 2^29 by Cody and Waite's subtraction of y*Pi/4 in three parts, above by
// Payne and Hanek's multiplication by the bits of 4/Pi; then Cephes's
// polynomials (degree 13 for sin, 14 for cos, a rational function for
// tan). Atan uses Cephes's rational approximation after reducing to
// [0, 0.66]; Asin and Atan2 are built on it as Go builds them.

constexpr double k4OverPi = 1.27323954473516268615107010698011489627567716592365;
constexpr double kPi4 = 0.785398163397448309615660845819875721049292349843776;
constexpr double kPi2 = 1.57079632679489661923132169163975144209858469968755;
constexpr double kPi4A = 7.85398125648498535156e-1;   // 0x3fe921fb40000000
constexpr double kPi4B = 3.77489470793079817668e-8;   // 0x3e64442d00000000
constexpr double kPi4C = 2.69515142907905952645e-15;  // 0x3ce8469898cc5170
constexpr double kTrigReduceThreshold = 0x1p29;

// 4/Pi in binary: the integer part, then 19 words of fraction (computed
// with exact integer arithmetic from Machin's formula).
constexpr uint64_t kFourOverPiBits[20] = {
    0x0000000000000001, 0x45f306dc9c882a53, 0xf84eafa3ea69bb81, 0xb6c52b3278872083,
    0xfca2c757bd778ac3, 0x6e48dc74849ba5c0, 0x0c925dd413a32439, 0xfc3bd63962534e7d,
    0xd1046bea5d768909, 0xd338e04d68befc82, 0x7323ac7306a673e9, 0x3908bf177bf25076,
    0x3ff12fffbc0b301f, 0xde5e2316b414da3e, 0xda6cfd9e4f96136e, 0x9e8c7ecd3cbfd45a,
    0xea4f758fd7cbe2f6, 0x7a0e73ef14a525d4, 0xd7f6bf623f1aba10, 0xac06608df8f6d757};

// Go's shifts: a count of 64 or more gives 0.
inline uint64_t shl(uint64_t x, unsigned n) { return n >= 64 ? 0 : x << n; }
inline uint64_t shr(uint64_t x, unsigned n) { return n >= 64 ? 0 : x >> n; }

struct Octant {
  uint64_t j;  // 0..7 (for Tan only j&2 matters)
  double z;
};

// x >= 2^29, finite: x*(4/Pi) with enough bits of 4/Pi that the fraction
// is exact to a double.
Octant payneHanek(double x) {
  uint64_t ix = W(x);
  int exp = static_cast<int>((ix >> 52) & 0x7FF) - 1023 - 52;
  ix = (ix & ((uint64_t{1} << 52) - 1)) | (uint64_t{1} << 52);
  unsigned digit = static_cast<unsigned>(exp + 61) / 64, bitshift = static_cast<unsigned>(exp + 61) % 64;
  const uint64_t* t = kFourOverPiBits;
  uint64_t z0 = shl(t[digit], bitshift) | shr(t[digit + 1], 64 - bitshift);
  uint64_t z1 = shl(t[digit + 1], bitshift) | shr(t[digit + 2], 64 - bitshift);
  uint64_t z2 = shl(t[digit + 2], bitshift) | shr(t[digit + 3], 64 - bitshift);
  using u128 = unsigned __int128;
  auto z2hi = static_cast<uint64_t>((static_cast<u128>(z2) * ix) >> 64);
  u128 z1p = static_cast<u128>(z1) * ix;
  auto z1hi = static_cast<uint64_t>(z1p >> 64), z1lo = static_cast<uint64_t>(z1p);
  uint64_t z0lo = z0 * ix;
  uint64_t lo = z1lo + z2hi;
  uint64_t carry = lo < z1lo ? 1 : 0;
  uint64_t hi = z0lo + z1hi + carry;
  uint64_t j = hi >> 61;
  hi = hi << 3 | lo >> 61;
  auto lz = static_cast<unsigned>(std::countl_zero(hi));
  uint64_t e = static_cast<uint64_t>(1023 - (static_cast<int>(lz) + 1));
  hi = shl(hi, lz + 1) | shr(lo, 64 - (lz + 1));
  hi >>= 64 - 52;
  hi |= e << 52;
  double z = F(hi);
  if ((j & 1) == 1) {
    ++j;
    j &= 7;
    z -= 1;
  }
  return {j, z * kPi4};
}

// x >= 0, finite.
Octant trigReduce(double x) {
  if (x >= kTrigReduceThreshold) return payneHanek(x);
  auto j = static_cast<uint64_t>(x * k4OverPi);
  auto y = static_cast<double>(j);
  if ((j & 1) == 1) {  // map zeros to the origin
    ++j;
    y += 1;
  }
  j &= 7;
  return {j, ((x - y * kPi4A) - y * kPi4B) - y * kPi4C};
}

double sinPoly(double z, double zz) {
  constexpr double s0 = 1.58962301576546568060e-10, s1 = -2.50507477628578072866e-8,
                   s2 = 2.75573136213857245213e-6, s3 = -1.98412698295895385996e-4,
                   s4 = 8.33333333332211858878e-3, s5 = -1.66666666666666307295e-1;
  return z + z * zz * ((((((s0 * zz) + s1) * zz + s2) * zz + s3) * zz + s4) * zz + s5);
}

double cosPoly(double zz) {
  constexpr double c0 = -1.13585365213876817300e-11, c1 = 2.08757008419747316778e-9,
                   c2 = -2.75573141792967388112e-7, c3 = 2.48015872888517045348e-5,
                   c4 = -1.38888888888730564116e-3, c5 = 4.16666666666665929218e-2;
  return 1.0 - 0.5 * zz + zz * zz * ((((((c0 * zz) + c1) * zz + c2) * zz + c3) * zz + c4) * zz + c5);
}

double goSin(double x) {
  if (x == 0 || std::isnan(x)) return x;
  if (std::isinf(x)) return F(0x7FF8000000000001);
  bool negative = x < 0;
  Octant o = trigReduce(std::fabs(x));
  if (o.j > 3) {
    negative = !negative;
    o.j -= 4;
  }
  double zz = o.z * o.z;
  double y = (o.j == 1 || o.j == 2) ? cosPoly(zz) : sinPoly(o.z, zz);
  return negative ? -y : y;
}

double goCos(double x) {
  if (std::isnan(x) || std::isinf(x)) return F(0x7FF8000000000001);
  bool negative = false;
  Octant o = trigReduce(std::fabs(x));
  if (o.j > 3) {
    o.j -= 4;
    negative = !negative;
  }
  if (o.j > 1) negative = !negative;
  double zz = o.z * o.z;
  double y = (o.j == 1 || o.j == 2) ? sinPoly(o.z, zz) : cosPoly(zz);
  return negative ? -y : y;
}

bool sincos(Machine&, rt::G&, uint64_t* s) {
  double x = F(s[0]);
  double sn, cs;
  if (x == 0) {
    sn = x;
    cs = 1;
  } else if (std::isnan(x) || std::isinf(x)) {
    sn = cs = F(0x7FF8000000000001);
  } else {
    bool sinNeg = x < 0, cosNeg = false;
    Octant o = trigReduce(std::fabs(x));
    if (o.j > 3) {
      o.j -= 4;
      sinNeg = !sinNeg;
      cosNeg = !cosNeg;
    }
    if (o.j > 1) cosNeg = !cosNeg;
    double zz = o.z * o.z;
    cs = cosPoly(zz);
    sn = sinPoly(o.z, zz);
    if (o.j == 1 || o.j == 2) std::swap(sn, cs);
    if (cosNeg) cs = -cs;
    if (sinNeg) sn = -sn;
  }
  s[0] = W(sn);
  s[1] = W(cs);
  return true;
}

double goTan(double x) {
  constexpr double p0 = -1.30936939181383777646e4, p1 = 1.15351664838587416140e6,
                   p2 = -1.79565251976484877988e7;
  constexpr double q1 = 1.36812963470692954678e4, q2 = -1.32089234440210967447e6,
                   q3 = 2.50083801823357915839e7, q4 = -5.38695755929454629881e7;
  if (x == 0 || std::isnan(x)) return x;
  if (std::isinf(x)) return F(0x7FF8000000000001);
  bool negative = x < 0;
  Octant o = trigReduce(std::fabs(x));
  double z = o.z, zz = z * z, y;
  if (zz > 1e-14) {
    y = z + z * (zz * (((p0 * zz) + p1) * zz + p2) / ((((zz + q1) * zz + q2) * zz + q3) * zz + q4));
  } else {
    y = z;
  }
  if ((o.j & 2) == 2) y = -1 / y;
  return negative ? -y : y;
}

// atan on [0, 0.66].
double xatan(double x) {
  constexpr double p0 = -8.750608600031904122785e-01, p1 = -1.615753718733365076637e+01,
                   p2 = -7.500855792314704667340e+01, p3 = -1.228866684490136173410e+02,
                   p4 = -6.485021904942025371773e+01;
  constexpr double q0 = +2.485846490142306297962e+01, q1 = +1.650270098316988542046e+02,
                   q2 = +4.328810604912902668951e+02, q3 = +4.853903996359136964868e+02,
                   q4 = +1.945506571482613964425e+02;
  double z = x * x;
  z = z * ((((p0 * z + p1) * z + p2) * z + p3) * z + p4) / (((((z + q0) * z + q1) * z + q2) * z + q3) * z + q4);
  return x * z + x;
}

// atan for x >= 0 (NaN too), reduced to [0, 0.66].
double satan(double x) {
  constexpr double kMorebits = 6.123233995736765886130e-17;  // Pi/2 = kPi2 + kMorebits
  constexpr double kTan3Pi8 = 2.41421356237309504880;
  if (x <= 0.66) return xatan(x);
  if (x > kTan3Pi8) return kPi2 - xatan(1 / x) + kMorebits;
  return kPi4 + xatan((x - 1) / (x + 1)) + 0.5 * kMorebits;
}

double goAtan(double x) {
  if (x == 0) return x;
  if (x > 0) return satan(x);
  return -satan(-x);
}

double goAsin(double x) {
  if (x == 0) return x;
  bool negative = x < 0;
  if (negative) x = -x;
  if (x > 1) return F(0x7FF8000000000001);
  double t = std::sqrt(1 - x * x);
  t = x > 0.7 ? kPi2 - satan(t / x) : satan(x / t);
  return negative ? -t : t;
}

double goAcos(double x) { return kPi2 - goAsin(x); }

double goAtan2(double y, double x) {
  constexpr double k3Pi4 = 2.35619449019234492884698253745962716314787704953133;
  if (std::isnan(y) || std::isnan(x)) return F(0x7FF8000000000001);
  if (y == 0) {
    if (x >= 0 && !std::signbit(x)) return std::copysign(0.0, y);
    return std::copysign(kPi, y);
  }
  if (x == 0) return std::copysign(kPi2, y);
  if (std::isinf(x)) {
    if (x > 0) return std::isinf(y) ? std::copysign(kPi4, y) : std::copysign(0.0, y);
    return std::isinf(y) ? std::copysign(k3Pi4, y) : std::copysign(kPi, y);
  }
  if (std::isinf(y)) return std::copysign(kPi2, y);
  double q = goAtan(y / x);
  if (x < 0) return q <= 0 ? q + kPi : q - kPi;
  return q;
}

// Go's Exp2 (pure Go on amd64): k = x rounded half away from zero, then
// fdlibm's exp polynomial on (x-k)*ln2 split in two parts, scaled by 2^k.
double goExp2(double x) {
  constexpr double kLn2Hi = 6.93147180369123816490e-01, kLn2Lo = 1.90821492927058770002e-10;
  constexpr double p1 = 1.66666666666666657415e-01, p2 = -2.77777777770155933842e-03,
                   p3 = 6.61375632143793436117e-05, p4 = -1.65339022054652515390e-06,
                   p5 = 4.13813679705723846039e-08;
  if (std::isnan(x) || (std::isinf(x) && x > 0)) return x;
  if (std::isinf(x)) return 0;
  if (x > 1.0239999999999999e+03) return std::numeric_limits<double>::infinity();
  if (x < -1.0740e+03) return 0;
  int64_t k = 0;
  if (x > 0) k = static_cast<int64_t>(x + 0.5);
  if (x < 0) k = static_cast<int64_t>(x - 0.5);
  double t = x - static_cast<double>(k);
  double hi = t * kLn2Hi;
  double lo = -t * kLn2Lo;
  double r = hi - lo;
  double tt = r * r;
  double c = r - tt * (p1 + tt * (p2 + tt * (p3 + tt * (p4 + tt * p5))));
  double y = 1 - ((lo - (r * c) / (2 - c)) - hi);
  return std::ldexp(y, static_cast<int>(k));
}

// Go's inverse hyperbolic functions: formulas over Log and Log1p.
constexpr double kLn2 = 6.93147180559945286227e-01;

double goAsinh(double x) {
  if (std::isnan(x) || std::isinf(x)) return x;
  bool negative = x < 0;
  if (negative) x = -x;
  double t;
  if (x > 0x1p28) {
    t = goLog(x) + kLn2;
  } else if (x > 2) {
    t = goLog(2 * x + 1 / (std::sqrt(x * x + 1) + x));
  } else if (x < 0x1p-28) {
    t = x;
  } else {
    t = std::log1p(x + x * x / (1 + std::sqrt(1 + x * x)));
  }
  return negative ? -t : t;
}

double goAcosh(double x) {
  if (x < 1 || std::isnan(x)) return F(0x7FF8000000000001);
  if (x == 1) return 0;
  if (x >= 0x1p28) return goLog(x) + kLn2;
  if (x > 2) return goLog(2 * x - 1 / (x + std::sqrt(x * x - 1)));
  double t = x - 1;
  return std::log1p(t + std::sqrt(2 * t + t * t));
}

double goAtanh(double x) {
  if (x < -1 || x > 1 || std::isnan(x)) return F(0x7FF8000000000001);
  if (x == 1) return std::numeric_limits<double>::infinity();
  if (x == -1) return -std::numeric_limits<double>::infinity();
  bool negative = x < 0;
  if (negative) x = -x;
  double t;
  if (x < 0x1p-28) {
    t = x;
  } else if (x < 0.5) {
    t = x + x;
    t = 0.5 * std::log1p(t + t * x / (1 - x));
  } else {
    t = 0.5 * std::log1p((x + x) / (1 - x));
  }
  return negative ? -t : t;
}

// Go's Gamma (Cephes): the recurrence down or up to [2, 3) and a rational
// approximation there; Stirling's formula beyond 33, with the reflection
// formula for negative x.
constexpr double kGamP[] = {1.60119522476751861407e-04, 1.19135147006586384913e-03,
                            1.04213797561761569935e-02, 4.76367800457137231464e-02,
                            2.07448227648435975150e-01, 4.94214826801497100753e-01,
                            9.99999999999999996796e-01};
constexpr double kGamQ[] = {-2.31581873324120129819e-05, 5.39605580493303397842e-04,
                            -4.45641913851797240494e-03, 1.18139785222060435552e-02,
                            3.58236398605498653373e-02,  -2.34591795718243348568e-01,
                            7.14304917030273074085e-02,  1.00000000000000000320e+00};
constexpr double kGamS[] = {7.87311395793093628397e-04, -2.29549961613378126380e-04,
                            -2.68132617805781232825e-03, 3.47222221605458667310e-03,
                            8.33333333333482257126e-02};

// Stirling's formula as two factors (their product may overflow where
// the caller's quotient does not).
void stirling(double x, double* y1, double* y2) {
  if (x > 200) {
    *y1 = std::numeric_limits<double>::infinity();
    *y2 = 1;
    return;
  }
  constexpr double kSqrtTwoPi = 2.506628274631000502417;
  constexpr double kMaxStirling = 143.01608;
  double w = 1 / x;
  w = 1 + w * ((((kGamS[0] * w + kGamS[1]) * w + kGamS[2]) * w + kGamS[3]) * w + kGamS[4]);
  double a = goExp(x);
  double b = 1.0;
  if (x > kMaxStirling) {  // avoid overflow in Pow
    double v = goPow(x, 0.5 * x - 0.25);
    b = v / a;
    a = v;
  } else {
    a = goPow(x, x - 0.5) / a;
  }
  *y1 = a;
  *y2 = kSqrtTwoPi * w * b;
}

double goGamma(double x) {
  constexpr double kEuler = 0.57721566490153286060651209008240243104215933593992;
  constexpr double kInf = std::numeric_limits<double>::infinity();
  bool negInt = x < 0 && std::trunc(x) == x;
  if (negInt || (std::isinf(x) && x < 0) || std::isnan(x)) return F(0x7FF8000000000001);
  if (std::isinf(x)) return kInf;
  if (x == 0) return std::signbit(x) ? -kInf : kInf;
  double q = std::fabs(x);
  double p = std::floor(q);
  if (q > 33) {
    double y1, y2;
    if (x >= 0) {
      stirling(x, &y1, &y2);
      return y1 * y2;
    }
    int sign = (static_cast<int64_t>(p) & 1) == 0 ? -1 : 1;
    double z = q - p;
    if (z > 0.5) {
      p = p + 1;
      z = q - p;
    }
    z = q * goSin(kPi * z);
    if (z == 0) return sign * kInf;
    stirling(q, &y1, &y2);
    double absz = std::fabs(z);
    double d = absz * y1 * y2;
    z = std::isinf(d) ? kPi / absz / y1 / y2 : kPi / d;
    return sign * z;
  }
  double z = 1.0;
  while (x >= 3) {
    x = x - 1;
    z = z * x;
  }
  bool small = false;
  while (!small && x < 0) {
    if (x > -1e-09) {
      small = true;
      break;
    }
    z = z / x;
    x = x + 1;
  }
  while (!small && x < 2) {
    if (x < 1e-09) {
      small = true;
      break;
    }
    z = z / x;
    x = x + 1;
  }
  if (small) {
    if (x == 0) return kInf;
    return z / ((1 + kEuler * x) * x);
  }
  if (x == 2) return z;
  x = x - 2;
  p = (((((x * kGamP[0] + kGamP[1]) * x + kGamP[2]) * x + kGamP[3]) * x + kGamP[4]) * x + kGamP[5]) * x +
      kGamP[6];
  q = ((((((x * kGamQ[0] + kGamQ[1]) * x + kGamQ[2]) * x + kGamQ[3]) * x + kGamQ[4]) * x + kGamQ[5]) * x +
       kGamQ[6]) * x + kGamQ[7];
  return z * p / q;
}

// Go's Tanh (Cephes): 1-2/(e^2|x|+1) from 0.625 up, a rational
// approximation below; ±1 beyond log(2^127)/2.
double goTanh(double x) {
  constexpr double p0 = -9.64399179425052238628e-1, p1 = -9.92877231001918586564e1,
                   p2 = -1.61468768441708447952e3;
  constexpr double q0 = 1.12811678491632931402e2, q1 = 2.23548839060100448583e3,
                   q2 = 4.84406305325125486048e3;
  constexpr double kHalfMaxLog = 0.5 * 8.8029691931113054295988e+01;  // exact: a power-of-two scaling
  double z = std::fabs(x);
  if (z > kHalfMaxLog) return x < 0 ? -1 : 1;
  if (z >= 0.625) {
    double e = goExp(2 * z);
    z = 1 - 2 / (e + 1);
    return x < 0 ? -z : z;
  }
  if (x == 0) return x;
  double s = x * x;
  return x + x * s * ((p0 * s + p1) * s + p2) / (((s + q0) * s + q1) * s + q2);
}

// Go: Exp(x)/2 beyond 21, else (e^x ± e^-x)/2; Sinh near zero uses a
// polynomial of its own, for which the C library stands in.
double goCosh(double x) {
  x = std::fabs(x);
  if (x > 21) return goExp(x) * 0.5;
  double ex = goExp(x);
  return (ex + 1 / ex) * 0.5;
}

double goSinh(double x) {
  // Hart and Cheney's #2029 rational approximation below 0.5.
  constexpr double p0 = -0.6307673640497716991184787251e+6, p1 = -0.8991272022039509355398013511e+5,
                   p2 = -0.2894211355989563807284660366e+4, p3 = -0.2630563213397497062819489e+2;
  constexpr double q0 = -0.6307673640497716991212077277e+6, q1 = 0.1521517378790019070696485176e+5,
                   q2 = -0.173678953558233699533450911e+3;
  bool negative = x < 0;
  if (negative) x = -x;
  double r;
  if (x > 21) {
    r = goExp(x) * 0.5;
  } else if (x > 0.5) {
    double ex = goExp(x);
    r = (ex - 1 / ex) * 0.5;
  } else {
    double sq = x * x;
    r = (((p3 * sq + p2) * sq + p1) * sq + p0) * x;
    r = r / (((sq + q2) * sq + q1) * sq + q0);
  }
  return negative ? -r : r;
}

// Go's (FreeBSD's) cube root: a 5-bit estimate from the exponent bits,
// one step of a rational iteration to 23 bits, rounded to 20 bits so that
// t*t is exact, then one Newton step.
double goCbrt(double x) {
  constexpr uint64_t kB1 = 715094163;  // (682-0.03306235651)*2**20
  constexpr uint64_t kB2 = 696219795;  // (664-0.03306235651)*2**20
  constexpr double kC = 19.0 / 35, kD = -864.0 / 1225, kE = 99.0 / 70, kF = 45.0 / 28, kG = 5.0 / 14;
  if (x == 0 || std::isnan(x) || std::isinf(x)) return x;
  bool negative = x < 0;
  if (negative) x = -x;
  double t = F(W(x) / 3 + (kB1 << 32));
  if (x < 0x1p-1022) {  // subnormal: scale by 2^54 first
    t = 0x1p54;
    t *= x;
    t = F(W(t) / 3 + (kB2 << 32));
  }
  double r = t * t / x;
  double s = kC + r * t;
  t *= kG + kF / (s + kE + kD / s);
  t = F((W(t) & (uint64_t{0xFFFFFFFFC} << 28)) + (uint64_t{1} << 30));
  s = t * t;
  r = x / s;
  double w = t + t;
  r = (r - t) / (w + r);
  t = t + t * r;
  return negative ? -t : t;
}
// ---- from the C library: exact operations, and the rest (see the top) ----

double cSqrt(double x) { return std::sqrt(x); }
double cExpm1(double x) { return std::expm1(x); }
double cLog1p(double x) { return std::log1p(x); }
double cFloor(double x) { return std::floor(x); }
double cCeil(double x) { return std::ceil(x); }
double cTrunc(double x) { return std::trunc(x); }
double cRound(double x) { return std::round(x); }  // half away from zero, as Go
double cRoundToEven(double x) { return std::nearbyint(x); }  // default mode: to even
double cMod(double x, double y) { return std::fmod(x, y); }
double cRemainder(double x, double y) { return std::remainder(x, y); }
// Go: Nextafter(x, x) is x (C gives y, which differs for ±0).
double goNextafter(double x, double y) { return x == y ? x : std::nextafter(x, y); }
double cErf(double x) { return std::erf(x); }
double cErfc(double x) { return std::erfc(x); }

// Go: Log2 splits off the exponent so that powers of two are exact.
double goLog2(double x) {
  int e = 0;
  double frac = std::frexp(x, &e);
  if (frac == 0.5) return static_cast<double>(e - 1);
  return goLog(frac) * kLog2E + static_cast<double>(e);
}

double goLog10(double x) { return goLog(x) * kLog10E; }

double goHypot(double p, double q) {
  if (std::isinf(p) || std::isinf(q)) return std::numeric_limits<double>::infinity();
  if (std::isnan(p) || std::isnan(q)) return std::numeric_limits<double>::quiet_NaN();
  p = std::fabs(p);
  q = std::fabs(q);
  if (p < q) std::swap(p, q);
  if (p == 0) return 0;
  q = q / p;
  return p * std::sqrt(1 + q * q);
}

double goMax(double x, double y) {
  if (std::isinf(x) && x > 0) return x;
  if (std::isinf(y) && y > 0) return y;
  if (std::isnan(x) || std::isnan(y)) return std::numeric_limits<double>::quiet_NaN();
  if (x == 0 && x == y) return std::signbit(x) ? y : x;
  return x > y ? x : y;
}

double goMin(double x, double y) {
  if (std::isinf(x) && x < 0) return x;
  if (std::isinf(y) && y < 0) return y;
  if (std::isnan(x) || std::isnan(y)) return std::numeric_limits<double>::quiet_NaN();
  if (x == 0 && x == y) return std::signbit(x) ? x : y;
  return x < y ? x : y;
}

double goDim(double x, double y) {
  double v = x - y;  // NaN for Inf-Inf and NaN operands
  if (v <= 0) return 0;
  return v;
}

double goLogb(double x) {
  if (x == 0) return -std::numeric_limits<double>::infinity();
  if (std::isinf(x)) return std::numeric_limits<double>::infinity();
  if (std::isnan(x)) return x;
  return static_cast<double>(std::ilogb(x));
}

// Pow10: Go multiplies (or divides) an entry of 10^(32k) by one of 10^j,
// j < 32, so large powers are not always correctly rounded; the same
// tables (correctly rounded constants) give the same bits.
constexpr double kPow10[32] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                               1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                               1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23,
                               1e24, 1e25, 1e26, 1e27, 1e28, 1e29, 1e30, 1e31};
constexpr double kPow10Pos32[] = {1e0, 1e32, 1e64, 1e96, 1e128, 1e160, 1e192, 1e224, 1e256, 1e288};
constexpr double kPow10Neg32[] = {1e-0,   1e-32,  1e-64,  1e-96,  1e-128, 1e-160,
                                  1e-192, 1e-224, 1e-256, 1e-288, 1e-320};

bool pow10(Machine&, rt::G&, uint64_t* s) {
  int64_t n = static_cast<int64_t>(s[0]);
  double r;
  if (n >= 0 && n <= 308) {
    r = kPow10Pos32[n / 32] * kPow10[n % 32];
  } else if (n < 0 && n >= -323) {
    r = kPow10Neg32[-n / 32] / kPow10[-n % 32];
  } else {
    r = n > 0 ? std::numeric_limits<double>::infinity() : 0;
  }
  s[0] = W(r);
  return true;
}

bool ilogb(Machine&, rt::G&, uint64_t* s) {
  double x = F(s[0]);
  int64_t r;
  if (x == 0) {
    r = std::numeric_limits<int32_t>::min();
  } else if (std::isnan(x) || std::isinf(x)) {
    r = std::numeric_limits<int32_t>::max();
  } else {
    r = std::ilogb(x);
  }
  s[0] = static_cast<uint64_t>(r);
  return true;
}

bool frexp(Machine&, rt::G&, uint64_t* s) {
  double x = F(s[0]);
  int e = 0;
  double frac = x;
  if (x != 0 && std::isfinite(x)) frac = std::frexp(x, &e);
  s[0] = W(frac);
  s[1] = static_cast<uint64_t>(static_cast<int64_t>(e));
  return true;
}

bool ldexp(Machine&, rt::G&, uint64_t* s) {
  double frac = F(s[0]);
  int64_t e = static_cast<int64_t>(s[1]);
  // Beyond ±2200 every finite non-zero frac over- or underflows, so
  // clamping keeps C's int parameter in range without changing results.
  if (e > 2200) e = 2200;
  if (e < -2200) e = -2200;
  s[0] = W(std::ldexp(frac, static_cast<int>(e)));
  return true;
}

// Go's Modf: the integer part keeps the sign, the fraction is f - int
// (so Modf(±Inf) is ±Inf, NaN).
void goModf(double f, double* ip, double* frac) {
  if (f < 1) {
    if (f < 0) {
      goModf(-f, ip, frac);
      *ip = -*ip;
      *frac = -*frac;
      return;
    }
    if (f == 0) {
      *ip = f;
      *frac = f;
      return;
    }
    *ip = 0;
    *frac = f;
    return;
  }
  uint64_t x = W(f);
  uint64_t e = ((x >> 52) & 0x7FF) - 1023;
  if (e < 52) x &= ~((uint64_t{1} << (52 - e)) - 1);
  *ip = F(x);
  *frac = f - *ip;
}

bool modf(Machine&, rt::G&, uint64_t* s) {
  double ip, frac;
  goModf(F(s[0]), &ip, &frac);
  s[0] = W(ip);
  s[1] = W(frac);
  return true;
}

bool fma(Machine&, rt::G&, uint64_t* s) {
  s[0] = W(std::fma(F(s[0]), F(s[1]), F(s[2])));
  return true;
}

bool nextafter32(Machine&, rt::G&, uint64_t* s) {
  auto x = static_cast<float>(F(s[0]));
  auto y = static_cast<float>(F(s[1]));
  s[0] = W(static_cast<double>(x == y ? x : std::nextafter(x, y)));
  return true;
}

bool float64bits(Machine&, rt::G&, uint64_t*) { return true; }  // the slot already holds the bits

bool float32bits(Machine&, rt::G&, uint64_t* s) {
  s[0] = std::bit_cast<uint32_t>(static_cast<float>(F(s[0])));
  return true;
}

bool float32frombits(Machine&, rt::G&, uint64_t* s) {
  s[0] = W(static_cast<double>(std::bit_cast<float>(static_cast<uint32_t>(s[0]))));
  return true;
}

// math/bits: the 128-by-64 division; Div64 (Gol) has ruled out y == 0 and
// overflow.
bool div128(Machine&, rt::G&, uint64_t* s) {
  unsigned __int128 n = (static_cast<unsigned __int128>(s[0]) << 64) | s[1];
  uint64_t y = s[2];
  s[0] = static_cast<uint64_t>(n / y);
  s[1] = static_cast<uint64_t>(n % y);
  return true;
}

// math/rand: the global source's seed (Go 1.20+ seeds it randomly).
bool runtimeSeed(Machine&, rt::G&, uint64_t* s) {
  std::random_device rd;
  s[0] = (static_cast<uint64_t>(rd()) << 32) | rd();
  return true;
}

const NativeDef kMathNatives[] = {
    {"math.Float64bits", float64bits},
    {"math.Float64frombits", float64bits},
    {"math.Float32bits", float32bits},
    {"math.Float32frombits", float32frombits},
    {"math.Sqrt", unary<cSqrt>},
    {"math.Cbrt", unary<goCbrt>},
    {"math.Pow", binary<goPow>},
    {"math.Pow10", pow10},
    {"math.Exp", unary<goExp>},
    {"math.Exp2", unary<goExp2>},
    {"math.Expm1", unary<cExpm1>},
    {"math.Log", unary<goLog>},
    {"math.Log2", unary<goLog2>},
    {"math.Log10", unary<goLog10>},
    {"math.Log1p", unary<cLog1p>},
    {"math.Logb", unary<goLogb>},
    {"math.Ilogb", ilogb},
    {"math.Frexp", frexp},
    {"math.Ldexp", ldexp},
    {"math.Modf", modf},
    {"math.Sin", unary<goSin>},
    {"math.Cos", unary<goCos>},
    {"math.Tan", unary<goTan>},
    {"math.Sincos", sincos},
    {"math.Asin", unary<goAsin>},
    {"math.Acos", unary<goAcos>},
    {"math.Atan", unary<goAtan>},
    {"math.Atan2", binary<goAtan2>},
    {"math.Sinh", unary<goSinh>},
    {"math.Cosh", unary<goCosh>},
    {"math.Tanh", unary<goTanh>},
    {"math.Asinh", unary<goAsinh>},
    {"math.Acosh", unary<goAcosh>},
    {"math.Atanh", unary<goAtanh>},
    {"math.Floor", unary<cFloor>},
    {"math.Ceil", unary<cCeil>},
    {"math.Trunc", unary<cTrunc>},
    {"math.Round", unary<cRound>},
    {"math.RoundToEven", unary<cRoundToEven>},
    {"math.Mod", binary<cMod>},
    {"math.Remainder", binary<cRemainder>},
    {"math.Hypot", binary<goHypot>},
    {"math.Max", binary<goMax>},
    {"math.Min", binary<goMin>},
    {"math.Dim", binary<goDim>},
    {"math.FMA", fma},
    {"math.Nextafter", binary<goNextafter>},
    {"math.Nextafter32", nextafter32},
    {"math.Gamma", unary<goGamma>},
    {"math.Erf", unary<cErf>},
    {"math.Erfc", unary<cErfc>},
    {"math/bits.div128", div128},
    {"math/rand.sqrt", unary<cSqrt>},
    {"math/rand.ln", unary<goLog>},
    {"math/rand.runtimeSeed", runtimeSeed},
};

}  // namespace

std::span<const NativeDef> mathNatives() { return kMathNatives; }

}  // namespace gol::vm
