// Natives of math, math/bits and math/rand (see vm/natives.h for the
// calling convention).
//
// Go's math functions must give Go's bits. Where Go computes the exact,
// correctly rounded result (Sqrt, Floor, Ceil, Trunc, Round, FMA, Mod,
// Remainder, Nextafter, Frexp, Ldexp, Modf) the C library gives the same
// bits, and the special cases are written out where C's conventions
// differ from Go's (Max/Min and signed zeros, Ilogb of NaN, Modf of an
// infinity, Nextafter(x, x)). Where Go's result comes from its own
// algorithm rather than being correctly rounded, and programs commonly
// see the difference, the algorithm is reimplemented here:
//   - Pow: Go multiplies successive squarings of Frexp's mantissa for the
//     integer part of y and uses Exp(yf*Log(x)) for the fraction; glibc's
//     correctly rounded pow differs from it in the last place for most
//     inputs (about 60% of x**n for x in [1, 2), n < 20);
//   - Log: on amd64 Go runs fdlibm's algorithm (reduction to [sqrt(2)/2,
//     sqrt(2)) and a degree-14 odd polynomial in s = f/(2+f)), with the
//     exponent read straight from the bits, so a subnormal x gives
//     Log(x) as if its exponent were -1022 (Log(5e-324) is -709.09 in Go);
//   - Exp: Go's amd64 assembly (see goExp), with or without fused
//     multiply-adds as Go chooses on the CPU at hand;
//   - Log10 and Log2 are Log(x)*(1/Ln10) and Frexp + Log(frac)*(1/Ln2) (so
//     Log10(1e15) is 14.999999999999998, as in Go); Acos is Pi/2-Asin;
//     Hypot scales and takes one square root; Cosh, and Sinh above 0.5,
//     are formulas over Exp (so Cosh(710) overflows to +Inf as in Go);
//     Pow10 multiplies two entries of a table of powers of ten.
//
// Known differences: the remaining transcendental functions (Exp2,
// Expm1, Log1p, Sin, Cos, Tan, Asin, Atan, Atan2, Cbrt, Tanh, Sinh near
// zero, Gamma, Erf...) come from the C library, while Go uses its own
// (Cephes and FreeBSD) algorithms; they agree on every special case and
// usually on the bits, but may differ in the last place (the unit test
// counts these). Porting those algorithms would remove that.
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

double cSqrt(double x) { return std::sqrt(x); }
double cCbrt(double x) { return std::cbrt(x); }
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
double cExp2(double x) { return std::exp2(x); }
double cExpm1(double x) { return std::expm1(x); }
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

// Go: Exp(x)/2 beyond 21, else (e^x ± e^-x)/2; Sinh near zero uses a
// polynomial of its own, for which the C library stands in.
double goCosh(double x) {
  x = std::fabs(x);
  if (x > 21) return goExp(x) * 0.5;
  double ex = goExp(x);
  return (ex + 1 / ex) * 0.5;
}

double goSinh(double x) {
  double a = std::fabs(x);
  double r;
  if (a > 21) {
    r = goExp(a) * 0.5;
  } else if (a > 0.5) {
    double ex = goExp(a);
    r = (ex - 1 / ex) * 0.5;
  } else {
    return std::sinh(x);
  }
  return x < 0 ? -r : r;
}
double cLog1p(double x) { return std::log1p(x); }
double cSin(double x) { return std::sin(x); }
double cCos(double x) { return std::cos(x); }
double cTan(double x) { return std::tan(x); }
double cAsin(double x) { return std::asin(x); }
double cAtan(double x) { return std::atan(x); }
double cAtan2(double y, double x) { return std::atan2(y, x); }
double cTanh(double x) { return std::tanh(x); }
double cAsinh(double x) { return std::asinh(x); }
double cAcosh(double x) { return std::acosh(x); }
double cAtanh(double x) { return std::atanh(x); }
double cFloor(double x) { return std::floor(x); }
double cCeil(double x) { return std::ceil(x); }
double cTrunc(double x) { return std::trunc(x); }
double cRound(double x) { return std::round(x); }  // half away from zero, as Go
double cRoundToEven(double x) { return std::nearbyint(x); }  // default mode: to even
double cMod(double x, double y) { return std::fmod(x, y); }
double cRemainder(double x, double y) { return std::remainder(x, y); }
// Go: Nextafter(x, x) is x (C gives y, which differs for ±0).
double goNextafter(double x, double y) { return x == y ? x : std::nextafter(x, y); }
double cGamma(double x) { return std::tgamma(x); }
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

double goAcos(double x) { return kPi / 2 - std::asin(x); }

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

bool sincos(Machine&, rt::G&, uint64_t* s) {
  double x = F(s[0]);
  s[0] = W(std::sin(x));
  s[1] = W(std::cos(x));
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
    {"math.Cbrt", unary<cCbrt>},
    {"math.Pow", binary<goPow>},
    {"math.Pow10", pow10},
    {"math.Exp", unary<goExp>},
    {"math.Exp2", unary<cExp2>},
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
    {"math.Sin", unary<cSin>},
    {"math.Cos", unary<cCos>},
    {"math.Tan", unary<cTan>},
    {"math.Sincos", sincos},
    {"math.Asin", unary<cAsin>},
    {"math.Acos", unary<goAcos>},
    {"math.Atan", unary<cAtan>},
    {"math.Atan2", binary<cAtan2>},
    {"math.Sinh", unary<goSinh>},
    {"math.Cosh", unary<goCosh>},
    {"math.Tanh", unary<cTanh>},
    {"math.Asinh", unary<cAsinh>},
    {"math.Acosh", unary<cAcosh>},
    {"math.Atanh", unary<cAtanh>},
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
    {"math.Gamma", unary<cGamma>},
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
