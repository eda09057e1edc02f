#include "runtime_abi.h"

namespace aslc::codegen {

RuntimeAbi::RuntimeAbi(llvm::Module& module) {
  llvm::LLVMContext& ctx = module.getContext();
  i32 = llvm::Type::getInt32Ty(ctx);
  ptr = llvm::PointerType::getUnqual(ctx);
  llvm::Type* voidTy = llvm::Type::getVoidTy(ctx);
  auto fn = [&](const char* name, llvm::Type* ret, std::initializer_list<llvm::Type*> args) {
    auto* type = llvm::FunctionType::get(ret, std::vector<llvm::Type*>(args), false);
    llvm::FunctionCallee callee = module.getOrInsertFunction(name, type);
    if (auto* f = llvm::dyn_cast<llvm::Function>(callee.getCallee())) f->setDoesNotThrow();
    return callee;
  };
  enterState = fn("aslrt_enter_state", voidTy, {ptr, i32});
  exitState = fn("aslrt_exit_state", i32, {ptr, i32, i32});
  succeed = fn("aslrt_succeed", i32, {ptr, i32});
  fail = fn("aslrt_fail", i32, {ptr, i32, i32});
  onError = fn("aslrt_on_error", i32, {ptr, i32});
  unsupported = fn("aslrt_unsupported", i32, {ptr, i32});
  loadInput = fn("aslrt_load_input", i32, {ptr, i32});
  loadConst = fn("aslrt_load_const", i32, {ptr, i32, i32});
  selectPath = fn("aslrt_select_path", i32, {ptr, i32, i32, i32});
  renderTemplate = fn("aslrt_render_template", i32, {ptr, i32, i32, i32});
  applyResultPath = fn("aslrt_apply_result_path", i32, {ptr, i32, i32, i32, i32});
  wait = fn("aslrt_wait", i32, {ptr, i32, i32});
  choiceTest = fn("aslrt_choice_test", i32, {ptr, i32, i32});
  noChoiceMatched = fn("aslrt_no_choice_matched", i32, {ptr, i32});
  invokeTask = fn("aslrt_invoke_task", i32, {ptr, i32, i32, i32});
  runParallel = fn("aslrt_run_parallel", i32, {ptr, i32, i32, i32});
  runMap = fn("aslrt_run_map", i32, {ptr, i32, i32, i32, i32});
  evalJsonata = fn("aslrt_eval_jsonata", i32, {ptr, i32, i32, i32, i32});
  assign = fn("aslrt_assign", i32, {ptr, i32, i32, i32});
  choiceRuleEffects = fn("aslrt_choice_rule_effects", i32, {ptr, i32, i32, i32, i32});
}

}  // namespace aslc::codegen
