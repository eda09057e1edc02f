// The data-flow ops: InputPath/OutputPath selection, payload templates and
// ResultPath, with AWS's error names and causes.
#include "execution.h"

using aslrt::Json;

namespace {

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
  if (!selected) {
    std::string whyNot;
    Json context = path.isContextPath() ? f->contextObject() : Json();
    path.select(path.isContextPath() ? context : path.isVariablePath() ? f->variables : f->slots[src], &whyNot);
    return f->raise("States.Runtime", path.invalidPathCause(whyNot));
  }
  f->slots[dst] = std::move(*selected);
  return ASLRT_OK;
}

int32_t aslrt_render_template(aslrt_frame* f, uint32_t dst, uint32_t src, uint32_t template_id) {
  std::optional<Json> rendered = f->render(f->exec->program.templates[template_id], f->slots[src], "",
                                           f->exec->program.templateContextUse[template_id]);
  if (!rendered) return ASLRT_FAILED;
  f->slots[dst] = std::move(*rendered);
  return ASLRT_OK;
}

int32_t aslrt_apply_result_path(aslrt_frame* f, uint32_t dst, uint32_t input, uint32_t result,
                                uint32_t path_id) {
  const aslrt::JsonPath& path = f->exec->program.paths[path_id];
  Json target = f->slots[input];
  std::string whyNot;
  if (!path.assign(target, f->slots[result], &whyNot))
    return f->raise("States.Runtime", whyNot);
  f->slots[dst] = std::move(target);
  return ASLRT_OK;
}

}  // extern "C"
