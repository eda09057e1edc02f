// Payload templates: Parameters, ResultSelector, ItemSelector, Pass Result
// with ".$" keys. A key ending in ".$" takes its value from a path, a context
// path ($$), a variable path ($name) or an intrinsic call; the key loses the
// ".$". Objects nested in objects and arrays are templates too.
// https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aslrt/failure.h"
#include "aslrt/intrinsics.h"
#include "aslrt/payload_size.h"
#include "aslrt/json.h"

namespace aslrt {

struct TemplateError {
  std::string pointer;  // JSON pointer inside the template, e.g. "/Payload/x.$"
  std::string message;
};

namespace template_detail {
struct Node;
}

struct RenderOptions {
  // The template's own input (the EvalContext's `input`), which nothing reads
  // after this render: an object template may build its result in that
  // value's storage, keeping members it copies unchanged ("k.$": "$.k").
  Json* reuse = nullptr;
  // Bounds on the input's serialised size and depth (payload_size.h), if known.
  SizeBound inputBound;
  // Out: bounds on the result's serialised size and depth.
  SizeBound* outputBound = nullptr;
};

class PayloadTemplate {
 public:
  // Parses every ".$" value once. Reports every problem (bad path or call
  // syntax, non-string ".$" value, "a" and "a.$" in one object), not just the first.
  static std::optional<PayloadTemplate> compile(const Json& tmpl,
                                                std::vector<TemplateError>* errors);

  // fieldName: the state field holding the template ("Parameters", ...); the
  // causes AWS prints name the template key instead (e.g. 'value.$').
  std::optional<Json> render(const EvalContext& ctx, std::string_view fieldName,
                             Failure* failure) const;
  std::optional<Json> render(const EvalContext& ctx, std::string_view fieldName, Failure* failure,
                             const RenderOptions& options) const;
  // The same, into `out`, which may be options.reuse itself; false on failure
  // (out is then unspecified).
  bool renderInto(Json& out, const EvalContext& ctx, std::string_view fieldName, Failure* failure,
                  const RenderOptions& options) const;
  bool isStatic() const;  // no ".$" anywhere: render always returns the template
  // Renders the same with a Map item borrowed (EvalContext::mapItem, the
  // context's $$.Map.Item.Value left null) as with the item in the context:
  // every context path it reads, in fields and intrinsic arguments, either
  // reads the item through JsonPath::mapItemPath() or avoids it.
  bool canBorrowMapItem() const { return canBorrowMapItem_; }

 private:
  explicit PayloadTemplate(std::shared_ptr<const template_detail::Node> root);
  std::shared_ptr<const template_detail::Node> root_;
  bool canBorrowMapItem_ = false;
};

}  // namespace aslrt
