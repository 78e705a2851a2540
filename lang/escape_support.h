// Support for the escape analysis (escape.cpp): the type queries it needs
// (sizes as gc lays types out, pointer-shape, whether a type holds
// pointers), how gc prints an expression and where it places it in a
// message (GoPrinter, PosFinder), and the tags of native functions.
//
// Internal to lang/escape*.cpp; nothing else includes it. Everything here
// is a pure function of the typed AST and the source text.
#pragma once

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/core.h>

#include "lang/ast.h"
#include "lang/escape.h"
#include "lang/source.h"
#include "lang/types.h"

namespace gol::lang::escape::support {

using types::Type;

// Go's limits (cmd/compile/internal/ir/cfg.go).
inline constexpr int64_t kMaxStackVarSize = 10 * 1024 * 1024;    // declared variables
inline constexpr int64_t kMaxImplicitStackVarSize = 64 * 1024;   // new, &T{}, make, literals
inline constexpr int64_t kMaxByValueCapture = 128;               // closure capture by value

// ---------------------------------------------------------------------------
// Type queries

inline int64_t typeAlign(const Type* t, int depth = 0);

inline int64_t typeSize(const Type* t, int depth = 0) {
  if (!t || depth > 64) return 8;
  t = t->underlying();
  switch (t->kind()) {
    case types::TypeKind::Basic: {
      auto* b = t->as<types::Basic>();
      if (b->basicKind == types::BasicKind::String || b->basicKind == types::BasicKind::UntypedString) return 16;
      return b->size > 0 ? b->size : 8;
    }
    case types::TypeKind::Slice: return 24;
    case types::TypeKind::Interface: return 16;
    case types::TypeKind::Array: {
      auto* a = t->as<types::Array>();
      int64_t e = typeSize(a->elem, depth + 1);
      if (a->len > 0 && e > INT64_MAX / a->len) return INT64_MAX / 2;
      return a->len * e;
    }
    case types::TypeKind::Struct: {
      int64_t off = 0, maxAlign = 1;
      for (const types::Var* f : t->as<types::Struct>()->fields) {
        int64_t al = typeAlign(f->type, depth + 1);
        maxAlign = std::max(maxAlign, al);
        off = (off + al - 1) / al * al;
        off += typeSize(f->type, depth + 1);
        if (off > INT64_MAX / 4) return INT64_MAX / 4;
      }
      return (off + maxAlign - 1) / maxAlign * maxAlign;
    }
    default: return 8;
  }
}

inline int64_t typeAlign(const Type* t, int depth) {
  if (!t || depth > 64) return 8;
  t = t->underlying();
  switch (t->kind()) {
    case types::TypeKind::Basic: {
      auto* b = t->as<types::Basic>();
      if (b->basicKind == types::BasicKind::String) return 8;
      return b->size > 0 ? std::min<int64_t>(b->size, 8) : 8;
    }
    case types::TypeKind::Array: return typeAlign(t->as<types::Array>()->elem, depth + 1);
    case types::TypeKind::Struct: {
      int64_t al = 1;
      for (const types::Var* f : t->as<types::Struct>()->fields) al = std::max(al, typeAlign(f->type, depth + 1));
      return al;
    }
    default: return 8;
  }
}

inline bool hasPointers(const Type* t, int depth = 0) {
  if (!t || depth > 64) return true;  // unknown: assume it may
  t = t->underlying();
  switch (t->kind()) {
    case types::TypeKind::Basic: {
      auto k = t->as<types::Basic>()->basicKind;
      return k == types::BasicKind::String || k == types::BasicKind::UntypedString ||
             k == types::BasicKind::UntypedNil || k == types::BasicKind::Invalid;
    }
    case types::TypeKind::Array: {
      auto* a = t->as<types::Array>();
      return a->len > 0 && hasPointers(a->elem, depth + 1);
    }
    case types::TypeKind::Struct:
      for (const types::Var* f : t->as<types::Struct>()->fields)
        if (hasPointers(f->type, depth + 1)) return true;
      return false;
    case types::TypeKind::Tuple:
      for (const types::Var* v : t->as<types::Tuple>()->vars)
        if (hasPointers(v->type, depth + 1)) return true;
      return false;
    default: return true;
  }
}

// A type whose values fit an interface's data word as they are, so that
// converting one to an interface allocates nothing (Go's IsDirectIface).
inline bool isDirectIface(const Type* t, int depth = 0) {
  if (!t || depth > 64) return false;
  t = t->underlying();
  switch (t->kind()) {
    case types::TypeKind::Pointer:
    case types::TypeKind::Map:
    case types::TypeKind::Chan:
    case types::TypeKind::Signature: return true;
    case types::TypeKind::Array: {
      auto* a = t->as<types::Array>();
      return a->len == 1 && isDirectIface(a->elem, depth + 1);
    }
    case types::TypeKind::Struct: {
      auto* s = t->as<types::Struct>();
      return s->fields.size() == 1 && isDirectIface(s->fields[0]->type, depth + 1);
    }
    default: return false;
  }
}

inline bool isIface(const Type* t) { return t && t->under<types::Interface>() != nullptr; }

inline bool isUntypedNil(const Expr* e) {
  const Type* t = e->type;
  auto* b = t ? t->as<types::Basic>() : nullptr;
  return b && b->basicKind == types::BasicKind::UntypedNil;
}

inline bool isStringType(const Type* t) { return types::isString(t); }

inline bool isByteOrRuneSlice(const Type* t) {
  auto* s = t ? t->under<types::Slice>() : nullptr;
  if (!s) return false;
  auto* b = s->elem->under<types::Basic>();
  return b && (b->basicKind == types::BasicKind::Uint8 || b->basicKind == types::BasicKind::Int32);
}

// ---------------------------------------------------------------------------
// How gc prints expressions and where it places them.

inline std::string quoteRune(int64_t r) {
  switch (r) {
    case '\n': return "'\\n'";
    case '\t': return "'\\t'";
    case '\r': return "'\\r'";
    case '\\': return "'\\\\'";
    case '\'': return "'\\''";
    case 0: return "'\\x00'";
    default: break;
  }
  if (r >= 0x20 && r < 0x7f) return fmt::format("'{}'", static_cast<char>(r));
  if (r < 0x20 || r == 0x7f) return fmt::format("'\\x{:02x}'", r);
  // Other code points: UTF-8 as themselves.
  std::string s = "'";
  auto u = static_cast<uint32_t>(r);
  if (u < 0x800) {
    s += static_cast<char>(0xC0 | (u >> 6));
    s += static_cast<char>(0x80 | (u & 0x3F));
  } else if (u < 0x10000) {
    s += static_cast<char>(0xE0 | (u >> 12));
    s += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (u & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (u >> 18));
    s += static_cast<char>(0x80 | ((u >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (u & 0x3F));
  }
  return s + "'";
}

inline bool isRuneType(const Type* t) {
  auto* b = t ? t->as<types::Basic>() : nullptr;
  return b && (b->basicKind == types::BasicKind::UntypedRune || (b->basicKind == types::BasicKind::Int32 && b->name == "rune"));
}

int precedence(Tok op) {
  switch (op) {
    case Tok::LOr: return 1;
    case Tok::LAnd: return 2;
    case Tok::Eql: case Tok::Neq: case Tok::Lss: case Tok::Leq: case Tok::Gtr: case Tok::Geq: return 3;
    case Tok::Add: case Tok::Sub: case Tok::Or: case Tok::Xor: return 4;
    default: return 5;
  }
}

class GoPrinter {
 public:
  explicit GoPrinter(const types::Package* pkg) : pkg_(pkg) {}
  // Quiet: every expression prints as "" (nothing will be reported, and
  // the analysis never decides on text).
  bool quiet = false;

  std::string str(const Expr* e, int prec = 0) {
    if (!e || quiet) return "";
    if (e->is<ParenExpr>()) return str(e->as<ParenExpr>()->x, prec);
    if (e->mode == ExprMode::Constant && !e->value.isUnknown()) return constStr(e);
    switch (e->kind) {
      case NodeKind::Ident: return e->as<Ident>()->name;
      case NodeKind::BasicLit: return e->as<BasicLit>()->lit;
      case NodeKind::FuncLit: return "func literal";
      case NodeKind::CompositeLit: {
        auto* c = e->as<CompositeLit>();
        return typeStr(c->type) + (c->elts.empty() ? "{}" : "{...}");
      }
      case NodeKind::SelectorExpr: {
        auto* s = e->as<SelectorExpr>();
        return str(s->x, 6) + embeddedPath(s) + "." + s->sel->name;
      }
      case NodeKind::IndexExpr: {
        auto* x = e->as<IndexExpr>();
        return str(x->x, 6) + "[" + str(x->index) + "]";
      }
      case NodeKind::SliceExpr: {
        auto* x = e->as<SliceExpr>();
        std::string s = str(x->x, 6) + "[" + str(x->low) + ":" + str(x->high);
        if (x->slice3) s += ":" + str(x->max);
        return s + "]";
      }
      case NodeKind::TypeAssertExpr: {
        auto* x = e->as<TypeAssertExpr>();
        return str(x->x, 6) + ".(" + (x->typeExpr ? typeStr(x->typeExpr->type) : std::string("type")) + ")";
      }
      case NodeKind::StarExpr: return "*" + str(e->as<StarExpr>()->x, 6);
      case NodeKind::UnaryExpr: {
        auto* u = e->as<UnaryExpr>();
        if (u->op == Tok::And && unparen(u->x)->is<CompositeLit>()) return "&" + str(u->x, 6);
        return std::string(tokString(u->op)) + str(u->x, 6);
      }
      case NodeKind::BinaryExpr: {
        auto* b = e->as<BinaryExpr>();
        int p = precedence(b->op);
        std::string s = str(b->x, p) + " " + std::string(tokString(b->op)) + " " + str(b->y, p + 1);
        return p < prec ? "(" + s + ")" : s;
      }
      case NodeKind::CallExpr: {
        auto* c = e->as<CallExpr>();
        std::string f;
        if (c->callKind == CallKind::Conversion) {
          const Type* t = c->fun->type;
          bool named = t && (t->is<types::Named>() || t->is<types::Basic>());
          f = named ? typeStr(t) : "(" + typeStr(t) + ")";
        } else {
          f = str(c->fun, 6);
        }
        std::string s = f + "(";
        for (size_t i = 0; i < c->args.size(); ++i) {
          if (i) s += ", ";
          Expr* a = c->args[i];
          if (a && a->mode == ExprMode::TypeExpr)
            s += typeStr(a->type);
          else
            s += str(a);
        }
        if (c->hasEllipsis) s += "...";
        return s + ")";
      }
      case NodeKind::KeyValueExpr: {
        auto* kv = e->as<KeyValueExpr>();
        return str(kv->key) + ":" + str(kv->value);
      }
      default:
        if (e->mode == ExprMode::TypeExpr) return typeStr(e->type);
        return exprString(e);
    }
  }

  // A constant as gc prints it: its value, wrapped in a conversion when
  // its type is not the default one of its kind (int8(1), Weekday(4)).
  std::string constStr(const Expr* e) {
    std::string v = e->value.toString();
    const Type* t = e->type;
    auto* b = t ? t->as<types::Basic>() : nullptr;
    if (e->value.kind() == ConstValue::Kind::Int && isRuneType(t)) {
      char* end = nullptr;
      long long r = std::strtoll(v.c_str(), &end, 10);
      if (end && *end == 0) return quoteRune(r);
    }
    if (!t || types::isUntyped(t)) return v;
    if (b && (b->basicKind == types::BasicKind::Int || b->basicKind == types::BasicKind::Float64 ||
              b->basicKind == types::BasicKind::String || b->basicKind == types::BasicKind::Bool))
      return v;
    auto* ub = t->under<types::Basic>();
    if (ub && ub->basicKind == types::BasicKind::Float32 && e->value.kind() == ConstValue::Kind::Float) {
      double d = std::strtod(v.c_str(), nullptr);
      v = fmt::format("{:.6g}", d);
      if (v.find("e+0") != std::string::npos || v.find("e-0") != std::string::npos) {
        size_t at = v.find('e');
        v = v.substr(0, at + 2) + v.substr(at + 2);  // keep two exponent digits, as Go
      }
    }
    return typeStr(t) + "(" + v + ")";
  }

  // Go spells empty and non-empty struct and interface types with spaces:
  // `struct {}`, `struct { x int }`, `interface {}`.
  std::string typeStr(const Type* t) {
    if (!t) return "?";
    std::string s = types::typeString(t, pkg_);
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
      bool kw = (s.compare(i, 7, "struct{") == 0 && (i == 0 || !std::isalnum(static_cast<unsigned char>(s[i - 1])))) ||
                (s.compare(i, 10, "interface{") == 0 && (i == 0 || !std::isalnum(static_cast<unsigned char>(s[i - 1]))));
      if (!kw) {
        out += s[i];
        continue;
      }
      size_t brace = s.find('{', i);
      out += s.substr(i, brace - i);
      // Find the matching close brace.
      int depth = 0;
      size_t j = brace;
      for (; j < s.size(); ++j) {
        if (s[j] == '{') ++depth;
        else if (s[j] == '}' && --depth == 0) break;
      }
      std::string inner = s.substr(brace + 1, j - brace - 1);
      out += inner.empty() ? " {}" : " { " + inner + " }";
      i = j;
    }
    return out;
  }

 private:
  static const char* tokString(Tok t) {
    switch (t) {
      case Tok::Add: return "+";
      case Tok::Sub: return "-";
      case Tok::Mul: return "*";
      case Tok::Quo: return "/";
      case Tok::Rem: return "%";
      case Tok::And: return "&";
      case Tok::Or: return "|";
      case Tok::Xor: return "^";
      case Tok::Shl: return "<<";
      case Tok::Shr: return ">>";
      case Tok::AndNot: return "&^";
      case Tok::LAnd: return "&&";
      case Tok::LOr: return "||";
      case Tok::Arrow: return "<-";
      case Tok::Eql: return "==";
      case Tok::Neq: return "!=";
      case Tok::Lss: return "<";
      case Tok::Leq: return "<=";
      case Tok::Gtr: return ">";
      case Tok::Geq: return ">=";
      case Tok::Not: return "!";
      default: return "?";
    }
  }
  // ".Animal" for p.Name promoted from an embedded Animal: gc prints the
  // implicit path.
  static std::string embeddedPath(const SelectorExpr* s) {
    if (!s->selection || s->selection->index.size() < 2) return "";
    std::string out;
    const Type* t = s->x->type;
    const auto& idx = s->selection->index;
    for (size_t i = 0; i + 1 < idx.size(); ++i) {
      if (!t) return out;
      if (auto* p = t->under<types::Pointer>()) t = p->elem;
      auto* st = t->under<types::Struct>();
      if (!st || idx[i] < 0 || static_cast<size_t>(idx[i]) >= st->fields.size()) return out;
      const types::Var* f = st->fields[static_cast<size_t>(idx[i])];
      out += "." + f->name;
      t = f->type;
    }
    return out;
  }

  const types::Package* pkg_;
};

// Positions as gc reports them: a call at its '(', a binary expression at
// its operator, a selector at its '.', an index or slice at its '[', a
// composite literal at its '{'. Found from the source text where the AST
// does not record them.
class PosFinder {
 public:
  explicit PosFinder(const SourceSet& sources) : sources_(sources) {}
  // Quiet: every expression is at its node's position (nothing will be
  // reported; finding Go's column reads the source line).
  bool quiet = false;

  Pos pos(const Expr* e) {
    if (!e) return Pos{};
    if (quiet) return e->pos;
    switch (e->kind) {
      case NodeKind::ParenExpr: return pos(e->as<ParenExpr>()->x);
      case NodeKind::CallExpr: return e->as<CallExpr>()->lparen;
      case NodeKind::BinaryExpr: return e->as<BinaryExpr>()->opPos;
      case NodeKind::CompositeLit: return e->as<CompositeLit>()->lbrace;
      case NodeKind::SelectorExpr: {
        auto* s = e->as<SelectorExpr>();
        Pos p = after(end(s->x), '.');
        return p.valid() ? p : s->sel->pos;
      }
      case NodeKind::IndexExpr: {
        Pos p = after(end(e->as<IndexExpr>()->x), '[');
        return p.valid() ? p : e->pos;
      }
      case NodeKind::SliceExpr: {
        Pos p = after(end(e->as<SliceExpr>()->x), '[');
        return p.valid() ? p : e->pos;
      }
      case NodeKind::TypeAssertExpr: {
        Pos p = after(end(e->as<TypeAssertExpr>()->x), '.');
        return p.valid() ? p : e->pos;
      }
      default: return e->pos;
    }
  }

 private:
  // The position just past expression e, or invalid when unknown.
  Pos end(const Expr* e) {
    if (!e || !e->pos.valid()) return Pos{};
    switch (e->kind) {
      case NodeKind::Ident: return shift(e->pos, static_cast<int>(e->as<Ident>()->name.size()));
      case NodeKind::BasicLit: {
        auto& lit = e->as<BasicLit>()->lit;
        if (lit.find('\n') != std::string::npos) return Pos{};
        return shift(e->pos, static_cast<int>(lit.size()));
      }
      case NodeKind::CallExpr: return shift(e->as<CallExpr>()->rparen, 1);
      case NodeKind::CompositeLit: return shift(e->as<CompositeLit>()->rbrace, 1);
      case NodeKind::SelectorExpr: return end(e->as<SelectorExpr>()->sel);
      case NodeKind::StarExpr: return end(e->as<StarExpr>()->x);
      case NodeKind::UnaryExpr: return end(e->as<UnaryExpr>()->x);
      case NodeKind::BinaryExpr: return end(e->as<BinaryExpr>()->y);
      case NodeKind::FuncLit: {
        auto* f = e->as<FuncLit>();
        return f->body ? shift(f->body->rbrace, 1) : Pos{};
      }
      case NodeKind::ParenExpr: return matching(e->pos, '(', ')');
      case NodeKind::IndexExpr: return matching(after(end(e->as<IndexExpr>()->x), '['), '[', ']');
      case NodeKind::SliceExpr: return matching(after(end(e->as<SliceExpr>()->x), '['), '[', ']');
      case NodeKind::TypeAssertExpr: {
        Pos dot = after(end(e->as<TypeAssertExpr>()->x), '.');
        return matching(after(shift(dot, 1), '('), '(', ')');
      }
      default: return Pos{};
    }
  }

  static Pos shift(Pos p, int n) {
    if (!p.valid()) return p;
    p.col += n;
    return p;
  }

  const std::string* lineText(Pos p) {
    if (!p.valid() || p.file >= sources_.size()) return nullptr;
    auto& lines = lines_[p.file];
    if (lines.empty()) {
      const std::string& text = sources_.file(p.file).text;
      size_t start = 0;
      for (;;) {
        size_t nl = text.find('\n', start);
        lines.push_back(text.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
        if (nl == std::string::npos) break;
        start = nl + 1;
      }
    }
    if (p.line < 1 || static_cast<size_t>(p.line) > lines.size()) return nullptr;
    return &lines[static_cast<size_t>(p.line - 1)];
  }

  // The first `c` at or after p on its line, skipping spaces only.
  Pos after(Pos p, char c) {
    const std::string* line = lineText(p);
    if (!line) return Pos{};
    for (size_t i = static_cast<size_t>(p.col - 1); i < line->size(); ++i) {
      char ch = (*line)[i];
      if (ch == c) return Pos{p.file, p.line, static_cast<int32_t>(i + 1)};
      if (ch != ' ' && ch != '\t') return Pos{};
    }
    return Pos{};
  }

  // Just past the bracket closing the one at p (same line only).
  Pos matching(Pos p, char open, char close) {
    const std::string* line = lineText(p);
    if (!line || static_cast<size_t>(p.col - 1) >= line->size() || (*line)[p.col - 1] != open) return Pos{};
    int depth = 0;
    char quote = 0;
    for (size_t i = static_cast<size_t>(p.col - 1); i < line->size(); ++i) {
      char ch = (*line)[i];
      if (quote) {
        if (ch == '\\') ++i;
        else if (ch == quote) quote = 0;
        continue;
      }
      if (ch == '"' || ch == '\'' || ch == '`') quote = ch;
      else if (ch == '(' || ch == '[' || ch == '{') ++depth;
      else if (ch == ')' || ch == ']' || ch == '}') {
        if (--depth == 0) return ch == close ? Pos{p.file, p.line, static_cast<int32_t>(i + 2)} : Pos{};
      }
    }
    return Pos{};
  }

  const SourceSet& sources_;
  std::map<int32_t, std::vector<std::string>> lines_;
};

inline std::string posString(const SourceSet& sources, Pos p) {
  if (!p.valid() || p.file >= sources.size()) return "<autogenerated>:1";
  return fmt::format("{}:{}:{}", sources.file(p.file).name, p.line, p.col);
}

// Tags of native functions (declared without a body) that only read their
// pointer arguments during the call. Each letter is one parameter, receiver
// first: n does not escape, h it leaks to the heap, c its content leaks to
// the heap, r its value reaches result 0, R its content reaches result 0.
// A native not listed
// gets the tag of an unknown function: every argument leaks to the heap.
// Adding a native here is a promise about its C++ implementation: it keeps
// no pointer it was given after it returns. (Those that call back into Gol,
// such as fmt's, must also re-read their arguments after a callback, since
// a callback may grow the stack and move what they point to.)
//
// A native taking a func value calls back into Gol, so for codegen
// (Options::forCodegen) it is an unknown callee, unless its row says
// `callsBackSafely`: it copies what its pointer arguments point to before
// the first callback and re-derives its window after each (fmt's natives
// copy the format and the operands of their `...any` slice first; see
// vm/natives_fmt.cpp), so their arguments may live in the caller's frame.
struct NativeTag {
  const char* name;  // "pkg/path.Func" or "pkg/path.Type.Method"
  const char* tags;
  bool callsBackSafely = false;
};
inline constexpr NativeTag kNativeTags[] = {
    {"fmt.doPrintln", "cn", true},  {"fmt.doPrintf", "ncn", true},  {"fmt.doPrint", "cn", true},
    {"fmt.doSprintf", "rcn", true}, {"fmt.doSprint", "cn", true},   {"fmt.doSprintln", "cn", true},
    {"fmt.doAppendf", "rncn", true}, {"fmt.doAppend", "rcn", true}, {"fmt.doAppendln", "rcn", true},
    {"fmt.doErrorf", "rcn", true},  {"strings.Title", "r"},        {"strings.Builder.String", "R"},
    {"strconv.parseFloat", "nn"},    {"os.Getenv", "n"},            {"os.LookupEnv", "n"},
    {"os.sysOpen", "nnn"},            {"os.sysRead", "nn"},           {"os.sysWrite", "nn"},
    {"os.sysWriteString", "nn"},     {"os.sysRemove", "n"},         {"os.sysRemoveAll", "n"},
    {"os.sysRename", "nn"},         {"os.sysMkdir", "nn"},          {"os.sysIsDir", "nn"},
    {"unicode.tableData", "n"},     {"runtime.KeepAlive", "n"},    {"runtime.ReadMemStats", "n"},
    {"errors.isComparable", "n"},   {"errors.asTargetKind", "n"},
    {"sort.sortSlice", "hn"},       {"sort.sliceLen", "h"},        {"sort.sliceSwap", "hnn"},
    // sync/atomic is left out on purpose: Go tags its pointers as leaking,
    // and gol must never be less conservative than Go.
};

inline std::string nativeName(const types::Func* f) {
  std::string pkg = f->pkg ? f->pkg->path : "";
  const types::Signature* sig = f->signature();
  if (sig && sig->recv) {
    const Type* rt = sig->recv->type;
    if (auto* p = rt ? rt->as<types::Pointer>() : nullptr) rt = p->elem;
    auto* n = rt ? rt->as<types::Named>() : nullptr;
    return pkg + "." + (n ? n->obj->name : std::string("?")) + "." + f->name;
  }
  return pkg + "." + f->name;
}

inline const NativeTag* nativeTagRow(const types::Func* f) {
  static const auto* rows = [] {
    auto* m = new std::unordered_map<std::string, const NativeTag*>();
    for (const NativeTag& t : kNativeTags) (*m)[t.name] = &t;
    return m;
  }();
  auto it = rows->find(nativeName(f));
  return it == rows->end() ? nullptr : it->second;
}

inline const std::vector<Leaks>* nativeTags(const types::Func* f) {
  static const auto* table = [] {
    auto* m = new std::unordered_map<std::string, std::vector<Leaks>>();
    for (const NativeTag& t : kNativeTags) {
      std::vector<Leaks> tags;
      for (const char* c = t.tags; *c; ++c) {
        Leaks l;
        if (*c == 'h') l.heap = 0;
        if (*c == 'c') l.heap = 1;
        if (*c == 'r') l.result[0] = 0;
        if (*c == 'R') l.result[0] = 1;
        tags.push_back(l);
      }
      (*m)[t.name] = std::move(tags);
    }
    return m;
  }();
  auto it = table->find(nativeName(f));
  if (it == table->end()) return nullptr;
  // A table row that no longer fits the declaration is ignored (unknown callee).
  const types::Signature* sig = f->signature();
  size_t n = (sig && sig->recv ? 1 : 0) + (sig && sig->params ? sig->params->size() : 0);
  return it->second.size() == n ? &it->second : nullptr;
}

}  // namespace gol::lang::escape::support
