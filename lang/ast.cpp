// Printing the AST: node kind names, the indented dump used by tests and
// `gol dump-ast`, and Go-syntax rendering of expressions for messages.
//
// The dump prints one node per line, children indented two spaces under
// their parent and labelled with the field that holds them when a node has
// several kinds of children ("cond: ", "body: "). Positions print as
// @line:col. The output depends only on the tree, so tests can compare it
// verbatim. With annotations, an expression also shows what the checker
// recorded: its mode, its type and, for constants, the value.
#include <string>

#include <fmt/format.h>

#include "lang/ast.h"
#include "lang/types.h"

namespace gol::lang {

const char* nodeKindName(NodeKind k) {
  switch (k) {
#define GOL_AST_NAME(name) \
  case NodeKind::name:     \
    return #name;
    GOL_AST_NODES(GOL_AST_NAME)
#undef GOL_AST_NAME
  }
  return "?";
}

namespace {

const char* modeName(ExprMode m) {
  switch (m) {
    case ExprMode::Invalid: return "invalid";
    case ExprMode::NoValue: return "novalue";
    case ExprMode::Builtin: return "builtin";
    case ExprMode::TypeExpr: return "type";
    case ExprMode::Constant: return "constant";
    case ExprMode::Variable: return "variable";
    case ExprMode::MapIndex: return "mapindex";
    case ExprMode::Value: return "value";
    case ExprMode::CommaOk: return "commaok";
    case ExprMode::Package: return "package";
  }
  return "?";
}

const char* litKindName(Tok t) {
  switch (t) {
    case Tok::Int: return "Int";
    case Tok::Float: return "Float";
    case Tok::Imag: return "Imag";
    case Tok::Char: return "Char";
    case Tok::String: return "String";
    default: return "?";
  }
}

const char* chanDirName(ChanDir d) {
  switch (d) {
    case ChanDir::Both: return "chan";
    case ChanDir::Send: return "chan<-";
    case ChanDir::Recv: return "<-chan";
  }
  return "?";
}

class Dumper {
 public:
  explicit Dumper(bool annotations) : annotations_(annotations) {}

  std::string out;

  void node(const Node* n, int indent, std::string_view label = {}) {
    if (!n) return;
    out.append(static_cast<size_t>(indent) * 2, ' ');
    if (!label.empty()) {
      out += label;
      out += ": ";
    }
    out += nodeKindName(n->kind);
    std::string detail = details(n);
    if (!detail.empty()) {
      out += ' ';
      out += detail;
    }
    out += fmt::format(" @{}:{}", n->pos.line, n->pos.col);
    if (annotations_) {
      if (auto* e = dynamic_cast<const Expr*>(n)) annotate(e);
    }
    out += '\n';
    children(n, indent + 1);
  }

 private:
  // " [mode type = value]", e.g. " [constant untyped int = 5]".
  void annotate(const Expr* e) {
    out += fmt::format(" [{}", modeName(e->mode));
    if (e->type) out += " " + types::typeString(e->type);
    if (e->mode == ExprMode::Constant) out += " = " + e->value.toString();
    out += "]";
  }

  static std::string details(const Node* n) {
    switch (n->kind) {
      case NodeKind::Ident: return static_cast<const Ident*>(n)->name;
      case NodeKind::BasicLit: {
        auto* b = static_cast<const BasicLit*>(n);
        return fmt::format("{} {}", litKindName(b->litKind), b->lit);
      }
      case NodeKind::BinaryExpr: return std::string(spelling(static_cast<const BinaryExpr*>(n)->op));
      case NodeKind::UnaryExpr: return std::string(spelling(static_cast<const UnaryExpr*>(n)->op));
      case NodeKind::CallExpr: return static_cast<const CallExpr*>(n)->hasEllipsis ? "..." : "";
      case NodeKind::SliceExpr: return static_cast<const SliceExpr*>(n)->slice3 ? "3-index" : "";
      case NodeKind::ChanType: return chanDirName(static_cast<const ChanType*>(n)->dir);
      case NodeKind::AssignStmt: return std::string(spelling(static_cast<const AssignStmt*>(n)->tok));
      case NodeKind::IncDecStmt: return std::string(spelling(static_cast<const IncDecStmt*>(n)->tok));
      case NodeKind::BranchStmt: return std::string(spelling(static_cast<const BranchStmt*>(n)->tok));
      case NodeKind::RangeStmt: {
        auto* r = static_cast<const RangeStmt*>(n);
        return r->tok == Tok::Illegal ? "" : std::string(spelling(r->tok));
      }
      case NodeKind::EmptyStmt: return static_cast<const EmptyStmt*>(n)->implicit ? "implicit" : "";
      case NodeKind::GenDecl: {
        auto* g = static_cast<const GenDecl*>(n);
        return fmt::format("{}{}", spelling(g->tok), g->grouped ? " (grouped)" : "");
      }
      case NodeKind::ValueSpec: return fmt::format("iota={}", static_cast<const ValueSpec*>(n)->iota);
      case NodeKind::TypeSpec: return static_cast<const TypeSpec*>(n)->isAlias ? "alias" : "";
      case NodeKind::FuncDecl: {
        auto* f = static_cast<const FuncDecl*>(n);
        return f->name ? f->name->name : "";
      }
      case NodeKind::File: {
        auto* f = static_cast<const File*>(n);
        return f->packageName ? "package " + f->packageName->name : "";
      }
      default: return "";
    }
  }

  template <typename T>
  void all(const std::vector<T*>& xs, int indent, std::string_view label = {}) {
    for (const T* x : xs) node(x, indent, label);
  }

  void children(const Node* n, int in) {
    switch (n->kind) {
      case NodeKind::BadExpr: case NodeKind::Ident: case NodeKind::BasicLit:
      case NodeKind::BadStmt: case NodeKind::EmptyStmt: case NodeKind::BadDecl:
        return;
      case NodeKind::Ellipsis:
        node(static_cast<const Ellipsis*>(n)->elt, in);
        return;
      case NodeKind::FuncLit: {
        auto* f = static_cast<const FuncLit*>(n);
        node(f->sig, in);
        node(f->body, in);
        return;
      }
      case NodeKind::CompositeLit: {
        auto* c = static_cast<const CompositeLit*>(n);
        node(c->typeExpr, in, "type");
        all(c->elts, in);
        return;
      }
      case NodeKind::ParenExpr:
        node(static_cast<const ParenExpr*>(n)->x, in);
        return;
      case NodeKind::SelectorExpr: {
        auto* s = static_cast<const SelectorExpr*>(n);
        node(s->x, in);
        node(s->sel, in);
        return;
      }
      case NodeKind::IndexExpr: {
        auto* x = static_cast<const IndexExpr*>(n);
        node(x->x, in);
        node(x->index, in, "index");
        return;
      }
      case NodeKind::SliceExpr: {
        auto* s = static_cast<const SliceExpr*>(n);
        node(s->x, in);
        node(s->low, in, "low");
        node(s->high, in, "high");
        node(s->max, in, "max");
        return;
      }
      case NodeKind::TypeAssertExpr: {
        auto* t = static_cast<const TypeAssertExpr*>(n);
        node(t->x, in);
        if (t->typeExpr) {
          node(t->typeExpr, in, "type");
        } else {
          out.append(static_cast<size_t>(in) * 2, ' ');
          out += "type: (type)\n";
        }
        return;
      }
      case NodeKind::CallExpr: {
        auto* c = static_cast<const CallExpr*>(n);
        node(c->fun, in, "fun");
        all(c->args, in, "arg");
        return;
      }
      case NodeKind::StarExpr:
        node(static_cast<const StarExpr*>(n)->x, in);
        return;
      case NodeKind::UnaryExpr:
        node(static_cast<const UnaryExpr*>(n)->x, in);
        return;
      case NodeKind::BinaryExpr: {
        auto* b = static_cast<const BinaryExpr*>(n);
        node(b->x, in);
        node(b->y, in);
        return;
      }
      case NodeKind::KeyValueExpr: {
        auto* kv = static_cast<const KeyValueExpr*>(n);
        node(kv->key, in, "key");
        node(kv->value, in, "value");
        return;
      }
      case NodeKind::ArrayType: {
        auto* a = static_cast<const ArrayType*>(n);
        node(a->len, in, "len");
        node(a->elt, in, "elt");
        return;
      }
      case NodeKind::StructType:
        node(static_cast<const StructType*>(n)->fields, in);
        return;
      case NodeKind::FuncType: {
        auto* f = static_cast<const FuncType*>(n);
        node(f->params, in, "params");
        node(f->results, in, "results");
        return;
      }
      case NodeKind::InterfaceType:
        node(static_cast<const InterfaceType*>(n)->methods, in);
        return;
      case NodeKind::MapType: {
        auto* m = static_cast<const MapType*>(n);
        node(m->key, in, "key");
        node(m->value, in, "value");
        return;
      }
      case NodeKind::ChanType:
        node(static_cast<const ChanType*>(n)->value, in);
        return;
      case NodeKind::Field: {
        auto* f = static_cast<const Field*>(n);
        all(f->names, in, "name");
        node(f->typeExpr, in, "type");
        node(f->tag, in, "tag");
        return;
      }
      case NodeKind::FieldList:
        all(static_cast<const FieldList*>(n)->list, in);
        return;
      case NodeKind::DeclStmt:
        node(static_cast<const DeclStmt*>(n)->decl, in);
        return;
      case NodeKind::LabeledStmt: {
        auto* l = static_cast<const LabeledStmt*>(n);
        node(l->label, in, "label");
        node(l->stmt, in);
        return;
      }
      case NodeKind::ExprStmt:
        node(static_cast<const ExprStmt*>(n)->x, in);
        return;
      case NodeKind::SendStmt: {
        auto* s = static_cast<const SendStmt*>(n);
        node(s->chan, in, "chan");
        node(s->value, in, "value");
        return;
      }
      case NodeKind::IncDecStmt:
        node(static_cast<const IncDecStmt*>(n)->x, in);
        return;
      case NodeKind::AssignStmt: {
        auto* a = static_cast<const AssignStmt*>(n);
        all(a->lhs, in, "lhs");
        all(a->rhs, in, "rhs");
        return;
      }
      case NodeKind::GoStmt:
        node(static_cast<const GoStmt*>(n)->call, in);
        return;
      case NodeKind::DeferStmt:
        node(static_cast<const DeferStmt*>(n)->call, in);
        return;
      case NodeKind::ReturnStmt:
        all(static_cast<const ReturnStmt*>(n)->results, in);
        return;
      case NodeKind::BranchStmt:
        node(static_cast<const BranchStmt*>(n)->label, in, "label");
        return;
      case NodeKind::BlockStmt:
        all(static_cast<const BlockStmt*>(n)->list, in);
        return;
      case NodeKind::IfStmt: {
        auto* s = static_cast<const IfStmt*>(n);
        node(s->init, in, "init");
        node(s->cond, in, "cond");
        node(s->body, in, "body");
        node(s->elseStmt, in, "else");
        return;
      }
      case NodeKind::CaseClause: {
        auto* c = static_cast<const CaseClause*>(n);
        if (c->list.empty()) {
          out.append(static_cast<size_t>(in) * 2, ' ');
          out += "default\n";
        }
        all(c->list, in, "case");
        all(c->body, in);
        return;
      }
      case NodeKind::SwitchStmt: {
        auto* s = static_cast<const SwitchStmt*>(n);
        node(s->init, in, "init");
        node(s->tag, in, "tag");
        node(s->body, in, "body");
        return;
      }
      case NodeKind::TypeSwitchStmt: {
        auto* s = static_cast<const TypeSwitchStmt*>(n);
        node(s->init, in, "init");
        node(s->assign, in, "assign");
        node(s->body, in, "body");
        return;
      }
      case NodeKind::CommClause: {
        auto* c = static_cast<const CommClause*>(n);
        if (!c->comm) {
          out.append(static_cast<size_t>(in) * 2, ' ');
          out += "default\n";
        }
        node(c->comm, in, "comm");
        all(c->body, in);
        return;
      }
      case NodeKind::SelectStmt:
        node(static_cast<const SelectStmt*>(n)->body, in, "body");
        return;
      case NodeKind::ForStmt: {
        auto* s = static_cast<const ForStmt*>(n);
        node(s->init, in, "init");
        node(s->cond, in, "cond");
        node(s->post, in, "post");
        node(s->body, in, "body");
        return;
      }
      case NodeKind::RangeStmt: {
        auto* s = static_cast<const RangeStmt*>(n);
        node(s->key, in, "key");
        node(s->value, in, "value");
        node(s->x, in, "x");
        node(s->body, in, "body");
        return;
      }
      case NodeKind::ImportSpec: {
        auto* s = static_cast<const ImportSpec*>(n);
        node(s->name, in, "name");
        node(s->path, in, "path");
        return;
      }
      case NodeKind::ValueSpec: {
        auto* s = static_cast<const ValueSpec*>(n);
        all(s->names, in, "name");
        node(s->typeExpr, in, "type");
        all(s->values, in, "value");
        return;
      }
      case NodeKind::TypeSpec: {
        auto* s = static_cast<const TypeSpec*>(n);
        node(s->name, in, "name");
        node(s->typeExpr, in, "type");
        return;
      }
      case NodeKind::GenDecl:
        all(static_cast<const GenDecl*>(n)->specs, in);
        return;
      case NodeKind::FuncDecl: {
        auto* f = static_cast<const FuncDecl*>(n);
        node(f->recv, in, "recv");
        node(f->sig, in, "sig");
        node(f->body, in, "body");
        return;
      }
      case NodeKind::File:
        all(static_cast<const File*>(n)->decls, in);
        return;
    }
  }

  bool annotations_;
};

// Go syntax, as gc's syntax.String in its short form.
class Printer {
 public:
  std::string out;

  void expr(const Expr* x) {
    if (!x) return;
    switch (x->kind) {
      case NodeKind::BadExpr: out += "BadExpr"; return;
      case NodeKind::Ident: out += static_cast<const Ident*>(x)->name; return;
      case NodeKind::BasicLit: out += static_cast<const BasicLit*>(x)->lit; return;
      case NodeKind::Ellipsis:
        out += "...";
        expr(static_cast<const Ellipsis*>(x)->elt);
        return;
      case NodeKind::FuncLit:
        expr(static_cast<const FuncLit*>(x)->sig);
        out += " {…}";
        return;
      case NodeKind::CompositeLit:
        expr(static_cast<const CompositeLit*>(x)->typeExpr);
        out += "{…}";
        return;
      case NodeKind::ParenExpr:
        out += '(';
        expr(static_cast<const ParenExpr*>(x)->x);
        out += ')';
        return;
      case NodeKind::SelectorExpr: {
        auto* s = static_cast<const SelectorExpr*>(x);
        expr(s->x);
        out += '.';
        expr(s->sel);
        return;
      }
      case NodeKind::IndexExpr: {
        auto* ix = static_cast<const IndexExpr*>(x);
        expr(ix->x);
        out += '[';
        expr(ix->index);
        out += ']';
        return;
      }
      case NodeKind::SliceExpr: {
        auto* s = static_cast<const SliceExpr*>(x);
        expr(s->x);
        out += '[';
        expr(s->low);
        out += ':';
        expr(s->high);
        if (s->slice3) {
          out += ':';
          expr(s->max);
        }
        out += ']';
        return;
      }
      case NodeKind::TypeAssertExpr: {
        auto* t = static_cast<const TypeAssertExpr*>(x);
        expr(t->x);
        out += ".(";
        if (t->typeExpr) expr(t->typeExpr); else out += "type";
        out += ')';
        return;
      }
      case NodeKind::CallExpr: {
        auto* c = static_cast<const CallExpr*>(x);
        expr(c->fun);
        out += '(';
        list(c->args);
        if (c->hasEllipsis) out += "...";
        out += ')';
        return;
      }
      case NodeKind::StarExpr:
        out += '*';
        expr(static_cast<const StarExpr*>(x)->x);
        return;
      case NodeKind::UnaryExpr: {
        auto* u = static_cast<const UnaryExpr*>(x);
        out += spelling(u->op);
        expr(u->x);
        return;
      }
      case NodeKind::BinaryExpr: {
        auto* b = static_cast<const BinaryExpr*>(x);
        expr(b->x);
        out += ' ';
        out += spelling(b->op);
        out += ' ';
        expr(b->y);
        return;
      }
      case NodeKind::KeyValueExpr: {
        auto* kv = static_cast<const KeyValueExpr*>(x);
        expr(kv->key);
        out += ": ";
        expr(kv->value);
        return;
      }
      case NodeKind::ArrayType: {
        auto* a = static_cast<const ArrayType*>(x);
        out += '[';
        if (a->len && a->len->is<Ellipsis>()) out += "..."; else expr(a->len);
        out += ']';
        expr(a->elt);
        return;
      }
      case NodeKind::StructType:
        out += "struct{";
        fields(static_cast<const StructType*>(x)->fields, "; ");
        out += '}';
        return;
      case NodeKind::FuncType:
        out += "func";
        signature(static_cast<const FuncType*>(x));
        return;
      case NodeKind::InterfaceType: {
        out += "interface{";
        const FieldList* methods = static_cast<const InterfaceType*>(x)->methods;
        if (methods) {
          bool first = true;
          for (const Field* f : methods->list) {
            if (!first) out += "; ";
            first = false;
            if (!f->names.empty() && f->typeExpr && f->typeExpr->is<FuncType>()) {
              out += f->names[0]->name;
              signature(static_cast<const FuncType*>(f->typeExpr));
            } else {
              expr(f->typeExpr);
            }
          }
        }
        out += '}';
        return;
      }
      case NodeKind::MapType: {
        auto* m = static_cast<const MapType*>(x);
        out += "map[";
        expr(m->key);
        out += ']';
        expr(m->value);
        return;
      }
      case NodeKind::ChanType: {
        auto* c = static_cast<const ChanType*>(x);
        out += chanDirName(c->dir);
        out += ' ';
        // chan (<-chan int) needs parentheses to keep its meaning.
        bool paren = c->dir == ChanDir::Both && c->value && c->value->is<ChanType>() &&
                     static_cast<const ChanType*>(c->value)->dir == ChanDir::Recv;
        if (paren) out += '(';
        expr(c->value);
        if (paren) out += ')';
        return;
      }
      default:
        out += nodeKindName(x->kind);
        return;
    }
  }

  void stmt(const Stmt* s) {
    if (!s) return;
    switch (s->kind) {
      case NodeKind::ExprStmt: expr(static_cast<const ExprStmt*>(s)->x); return;
      case NodeKind::SendStmt: {
        auto* send = static_cast<const SendStmt*>(s);
        expr(send->chan);
        out += " <- ";
        expr(send->value);
        return;
      }
      case NodeKind::IncDecStmt: {
        auto* i = static_cast<const IncDecStmt*>(s);
        expr(i->x);
        out += spelling(i->tok);
        return;
      }
      case NodeKind::AssignStmt: {
        auto* a = static_cast<const AssignStmt*>(s);
        list(a->lhs);
        out += ' ';
        out += spelling(a->tok);
        out += ' ';
        list(a->rhs);
        return;
      }
      default:
        out += nodeKindName(s->kind);
        return;
    }
  }

 private:
  void list(const std::vector<Expr*>& xs) {
    for (size_t i = 0; i < xs.size(); ++i) {
      if (i) out += ", ";
      expr(xs[i]);
    }
  }

  void fields(const FieldList* fl, std::string_view sep) {
    if (!fl) return;
    for (size_t i = 0; i < fl->list.size(); ++i) {
      const Field* f = fl->list[i];
      if (i) out += sep;
      for (size_t j = 0; j < f->names.size(); ++j) {
        if (j) out += ", ";
        out += f->names[j]->name;
      }
      if (!f->names.empty()) out += ' ';
      expr(f->typeExpr);
      if (f->tag) {
        out += ' ';
        out += f->tag->lit;
      }
    }
  }

  void signature(const FuncType* f) {
    out += '(';
    fields(f->params, ", ");
    out += ')';
    if (!f->results || f->results->list.empty()) return;
    out += ' ';
    const FieldList* r = f->results;
    if (r->list.size() == 1 && r->list[0]->names.empty()) {
      expr(r->list[0]->typeExpr);
      return;
    }
    out += '(';
    fields(r, ", ");
    out += ')';
  }
};

}  // namespace

std::string dumpAst(const Node* n, bool annotations) {
  Dumper d(annotations);
  d.node(n, 0);
  return d.out;
}

std::string exprString(const Expr* x) {
  Printer p;
  p.expr(x);
  return p.out;
}

std::string stmtString(const Stmt* s) {
  Printer p;
  p.stmt(s);
  return p.out;
}

}  // namespace gol::lang
