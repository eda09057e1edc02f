#include "runtime_abi.h"

namespace aslc::codegen {

RuntimeAbi::RuntimeAbi(llvm::Module& module) {
  llvm::LLVMContext& ctx = module.getContext();
  i32 = llvm::Type::getInt32Ty(ctx);
  i64 = llvm::Type::getInt64Ty(ctx);
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
  choiceTest = fn("aslrt_choice_test", i32, {ptr, i32, i32});
  noChoiceMatched = fn("aslrt_no_choice_matched", i32, {ptr, i32});
  choiceRuleEffects = fn("aslrt_choice_rule_effects", i32, {ptr, i32, i32, i32, i32});
  loopEnter = fn("aslrt_loop_enter", i32, {ptr, i32});
  loopLoadInt = fn("aslrt_loop_load_int", i32, {ptr, i32, ptr});
  loopStoreInt = fn("aslrt_loop_store_int", voidTy, {ptr, i32, i64});
  loopTick = fn("aslrt_loop_tick", i32, {ptr});
  // Each instruction's op: the frame, then one i32 per operand it passes.
#define ARG(field) , i32
#define INST_OP(Name, function, args) \
  instOps[static_cast<uint8_t>(ir::InstKind::Name)] = fn(#function, i32, {ptr args});
#include "aslc/ir/inst_ops.def"
#undef ARG
}

}  // namespace aslc::codegen
