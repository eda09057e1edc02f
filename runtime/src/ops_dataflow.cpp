// The data-flow ops: InputPath/OutputPath selection, payload templates and
// ResultPath, with AWS's error names and causes.
#include "execution.h"

using aslrt::Json;

namespace {

// Jayway's normalized form, which AWS quotes in its causes: $.a.b -> $['a']['b'].
std::string normalizedPath(const std::string& path) {
  std::string out = "$";
  size_t i = 1;
  while (i < path.size()) {
    if (path[i] == '.') {
      size_t end = path.find_first_of(".[", i + 1);
      if (end == std::string::npos) end = path.size();
      out += "['" + path.substr(i + 1, end - i - 1) + "']";
      i = end;
      continue;
    }
    size_t end = path.find(']', i);
    if (end == std::string::npos) return path;
    out += path.substr(i, end - i + 1);
    i = end + 1;
  }
  return out;
}

aslrt::EvalContext evalContext(aslrt_frame* f, const Json& input, Json& contextStorage) {
  contextStorage = f->contextObject();
  aslrt::EvalContext ctx;
  ctx.input = &input;
  ctx.context = &contextStorage;
  ctx.variables = &f->variables;
  ctx.rng = &f->exec->rng;
  return ctx;
}

}  // namespace

std::optional<Json> aslrt_select(aslrt_frame* f, const aslrt::JsonPath& path, const Json& input) {
  if (path.isContextPath()) {
    Json ctx = f->contextObject();
    return path.select(ctx);
  }
  if (path.isVariablePath()) return path.select(f->variables);
  return path.select(input);
}

extern "C" {

int32_t aslrt_select_path(aslrt_frame* f, uint32_t dst, uint32_t src, uint32_t path_id) {
  const aslrt::JsonPath& path = f->exec->program.paths[path_id];
  std::optional<Json> selected = aslrt_select(f, path, f->slots[src]);
  if (!selected)
    return f->raise("States.Runtime", "Invalid path '" + path.text() + "' : No results for path: " +
                                          normalizedPath(path.text()));
  f->slots[dst] = std::move(*selected);
  return ASLRT_OK;
}

int32_t aslrt_render_template(aslrt_frame* f, uint32_t dst, uint32_t src, uint32_t template_id) {
  Json context;
  aslrt::EvalContext ctx = evalContext(f, f->slots[src], context);
  aslrt::Failure failure;
  std::optional<Json> rendered = f->exec->program.templates[template_id].render(ctx, "", &failure);
  if (!rendered) return f->raise(failure.error, failure.cause.value_or(""));
  f->slots[dst] = std::move(*rendered);
  return ASLRT_OK;
}

int32_t aslrt_apply_result_path(aslrt_frame* f, uint32_t dst, uint32_t input, uint32_t result,
                                uint32_t path_id) {
  const aslrt::JsonPath& path = f->exec->program.paths[path_id];
  Json target = f->slots[input];
  std::string whyNot;
  if (!path.assign(target, f->slots[result], &whyNot))
    return f->raise("States.Runtime", "Invalid path '" + path.text() + "' : " + whyNot);
  f->slots[dst] = std::move(target);
  return ASLRT_OK;
}

}  // extern "C"
