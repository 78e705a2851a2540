// How the checker talks about the program in its messages.
//
// gc's messages (through types2) describe an operand by printing the
// expression back and saying what it is: `x (variable of type int)`,
// `300 (untyped int constant)`, `c (untyped int constant 300)` when the
// value differs from the text, `f() (no value)`, `len (built-in)`,
// `int (type)`. Expressions are printed back in types2's short form: the
// tree as written, with composite-literal and function bodies elided as
// `{…}`, so messages stay one line whatever the operand's size.
//
// Both printers work on the AST only; neither looks at source text, so a
// message reads the same whatever spacing the user wrote.
#include <string>

#include "lang/checker.h"

namespace gol::lang {

void Checker::error(Pos pos, std::string message) {
  // As gc: an error about an invalid operand or type is a follow-on of an
  // earlier one (`[3]invalid type` after a bad array length); drop it.
  std::string_view first = std::string_view(message).substr(0, message.find('\n'));
  if (diags_.hasErrors() &&
      (first.find("invalid operand") != std::string_view::npos || first.find("invalid type") != std::string_view::npos))
    return;
  diags_.error(errpos_.valid() ? errpos_ : pos, std::move(message));
}

namespace {

const char* modeDescription(ExprMode m) {
  switch (m) {
    case ExprMode::Invalid: return "invalid operand";
    case ExprMode::NoValue: return "no value";
    case ExprMode::Builtin: return "built-in";
    case ExprMode::TypeExpr: return "type";
    case ExprMode::Constant: return "constant";
    case ExprMode::Variable: return "variable";
    case ExprMode::MapIndex: return "map index expression";
    case ExprMode::Value: return "value";
    case ExprMode::CommaOk: return "comma, ok expression";
    case ExprMode::Package: return "package";
  }
  return "value";
}

const char* builtinName(types::BuiltinId id) {
  switch (id) {
#define GOL_BUILTIN_NAME(id, name) \
  case types::BuiltinId::id: return name;
    GOL_BUILTINS(GOL_BUILTIN_NAME)
#undef GOL_BUILTIN_NAME
  }
  return "?";
}

// Expression printing (types2's ShortForm).
void writeExpr(std::string& out, const Expr* e, int depth);

void writeFieldList(std::string& out, const FieldList* fl, const char* sep, int depth) {
  if (!fl) return;
  bool first = true;
  for (const Field* f : fl->list) {
    if (!first) out += sep;
    first = false;
    for (size_t i = 0; i < f->names.size(); ++i) {
      if (i) out += ", ";
      out += f->names[i]->name;
    }
    if (!f->names.empty()) out += ' ';
    writeExpr(out, f->typeExpr, depth + 1);
  }
}

void writeSignature(std::string& out, const FuncType* ft, int depth) {
  out += '(';
  writeFieldList(out, ft->params, ", ", depth);
  out += ')';
  const FieldList* res = ft->results;
  if (!res || res->list.empty()) return;
  out += ' ';
  if (res->list.size() == 1 && res->list[0]->names.empty()) {
    writeExpr(out, res->list[0]->typeExpr, depth + 1);
    return;
  }
  out += '(';
  writeFieldList(out, res, ", ", depth);
  out += ')';
}

void writeExpr(std::string& out, const Expr* e, int depth) {
  if (!e) return;
  if (depth > 100) {  // hostile nesting: messages need not be complete
    out += "…";
    return;
  }
  switch (e->kind) {
    case NodeKind::BadExpr: out += "BadExpr"; return;
    case NodeKind::Ident: out += e->as<Ident>()->name; return;
    case NodeKind::Ellipsis: {
      out += "...";
      writeExpr(out, e->as<Ellipsis>()->elt, depth + 1);
      return;
    }
    case NodeKind::BasicLit: out += e->as<BasicLit>()->lit; return;
    case NodeKind::FuncLit: {
      auto* f = e->as<FuncLit>();
      out += "func";
      if (f->sig) writeSignature(out, f->sig, depth);
      out += (f->body && !f->body->list.empty()) ? " {…}" : " {}";
      return;
    }
    case NodeKind::CompositeLit: {
      auto* c = e->as<CompositeLit>();
      writeExpr(out, c->typeExpr, depth + 1);
      out += c->elts.empty() ? "{}" : "{…}";
      return;
    }
    case NodeKind::ParenExpr:
      out += '(';
      writeExpr(out, e->as<ParenExpr>()->x, depth + 1);
      out += ')';
      return;
    case NodeKind::SelectorExpr: {
      auto* s = e->as<SelectorExpr>();
      writeExpr(out, s->x, depth + 1);
      out += '.';
      if (s->sel) out += s->sel->name;
      return;
    }
    case NodeKind::IndexExpr: {
      auto* ix = e->as<IndexExpr>();
      writeExpr(out, ix->x, depth + 1);
      out += '[';
      writeExpr(out, ix->index, depth + 1);
      out += ']';
      return;
    }
    case NodeKind::SliceExpr: {
      auto* s = e->as<SliceExpr>();
      writeExpr(out, s->x, depth + 1);
      out += '[';
      writeExpr(out, s->low, depth + 1);
      out += ':';
      writeExpr(out, s->high, depth + 1);
      if (s->slice3) {
        out += ':';
        writeExpr(out, s->max, depth + 1);
      }
      out += ']';
      return;
    }
    case NodeKind::TypeAssertExpr: {
      auto* t = e->as<TypeAssertExpr>();
      writeExpr(out, t->x, depth + 1);
      out += ".(";
      if (t->typeExpr) writeExpr(out, t->typeExpr, depth + 1);
      else out += "type";
      out += ')';
      return;
    }
    case NodeKind::CallExpr: {
      auto* c = e->as<CallExpr>();
      writeExpr(out, c->fun, depth + 1);
      out += '(';
      for (size_t i = 0; i < c->args.size(); ++i) {
        if (i) out += ", ";
        writeExpr(out, c->args[i], depth + 1);
      }
      if (c->hasEllipsis) out += "...";
      out += ')';
      return;
    }
    case NodeKind::StarExpr:
      out += '*';
      writeExpr(out, e->as<StarExpr>()->x, depth + 1);
      return;
    case NodeKind::UnaryExpr: {
      auto* u = e->as<UnaryExpr>();
      out += spelling(u->op);
      writeExpr(out, u->x, depth + 1);
      return;
    }
    case NodeKind::BinaryExpr: {
      auto* b = e->as<BinaryExpr>();
      writeExpr(out, b->x, depth + 1);
      out += ' ';
      out += spelling(b->op);
      out += ' ';
      writeExpr(out, b->y, depth + 1);
      return;
    }
    case NodeKind::KeyValueExpr: {
      auto* kv = e->as<KeyValueExpr>();
      writeExpr(out, kv->key, depth + 1);
      out += ": ";
      writeExpr(out, kv->value, depth + 1);
      return;
    }
    case NodeKind::ArrayType: {
      auto* a = e->as<ArrayType>();
      out += '[';
      if (a->len) {
        if (a->len->is<Ellipsis>()) out += "...";
        else writeExpr(out, a->len, depth + 1);
      }
      out += ']';
      writeExpr(out, a->elt, depth + 1);
      return;
    }
    case NodeKind::StructType:
      out += "struct{";
      writeFieldList(out, e->as<StructType>()->fields, "; ", depth);
      out += '}';
      return;
    case NodeKind::FuncType:
      out += "func";
      writeSignature(out, e->as<FuncType>(), depth);
      return;
    case NodeKind::InterfaceType: {
      out += "interface{";
      const FieldList* ms = e->as<InterfaceType>()->methods;
      bool first = true;
      if (ms) {
        for (const Field* f : ms->list) {
          if (!first) out += "; ";
          first = false;
          if (!f->names.empty() && f->typeExpr && f->typeExpr->is<FuncType>()) {
            out += f->names[0]->name;
            writeSignature(out, f->typeExpr->as<FuncType>(), depth + 1);
          } else {
            writeExpr(out, f->typeExpr, depth + 1);
          }
        }
      }
      out += '}';
      return;
    }
    case NodeKind::MapType: {
      auto* m = e->as<MapType>();
      out += "map[";
      writeExpr(out, m->key, depth + 1);
      out += ']';
      writeExpr(out, m->value, depth + 1);
      return;
    }
    case NodeKind::ChanType: {
      auto* c = e->as<ChanType>();
      if (c->dir == ChanDir::Recv) out += "<-chan ";
      else if (c->dir == ChanDir::Send) out += "chan<- ";
      else out += "chan ";
      writeExpr(out, c->value, depth + 1);
      return;
    }
    default: out += "?"; return;
  }
}

}  // namespace

std::string Checker::exprString(const Expr* e) {
  std::string out;
  writeExpr(out, e, 0);
  return out;
}

std::string Checker::operandString(const Operand& x) const {
  if (x.mode == ExprMode::Value && x.type && types::isUntyped(x.type) &&
      x.type->as<types::Basic>()->basicKind == types::BasicKind::UntypedNil)
    return "nil";

  std::string expr;
  if (x.expr) {
    expr = exprString(x.expr);
  } else if (x.mode == ExprMode::Builtin) {
    expr = builtinName(x.builtin);
  } else if (x.mode == ExprMode::TypeExpr) {
    expr = typeStr(x.type);
  } else if (x.mode == ExprMode::Constant) {
    expr = x.val.toString();
  }

  std::string out;
  if (!expr.empty()) out = expr + " (";

  bool hasType = false;
  switch (x.mode) {
    case ExprMode::Invalid:
    case ExprMode::NoValue:
    case ExprMode::Builtin:
    case ExprMode::TypeExpr:
    case ExprMode::Package: break;
    default:
      if (x.type) {
        if (types::isUntyped(x.type)) {
          out += x.type->as<types::Basic>()->name;
          out += ' ';
        } else {
          hasType = true;
        }
      }
  }
  out += modeDescription(x.mode);
  if (x.mode == ExprMode::Constant) {
    std::string v = x.val.toString();
    if (v != expr) {
      out += ' ';
      out += v;
    }
  }
  if (hasType) {
    if (!types::isInvalid(x.type)) {
      out += " of type ";
      out += typeStr(x.type);
    } else {
      out += " with invalid type";
    }
  }
  if (!expr.empty()) out += ')';
  return out;
}

}  // namespace gol::lang
