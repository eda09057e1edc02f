/* Native task handlers: the C ABI between an aslc executable and functions
 * linked into it with `aslc build ... --link handlers.o` (see docs/BINDINGS.md).
 *
 * A handler receives the task input as JSON text and answers through the
 * reply: a JSON result, or an ASL error name and cause (used verbatim).
 *
 *   static int greet(const aslrt_task_context* ctx, const char* in, size_t len,
 *                    aslrt_task_reply* reply) {
 *     return aslrt_reply_result(reply, "{\"hello\":\"world\"}", 17);
 *   }
 *   ASLRT_REGISTER_HANDLER(greet);
 *
 * Threads: the runtime calls a handler on a worker thread of its own, never on
 * the thread that runs the workflow's fibers, so a handler may block (I/O,
 * sleeps) without stalling other branches -- unless its binding says
 * "thread": "inline": then it runs on the workflow's thread and must not block. Handlers of parallel branches or
 * Map iterations run at the same time on different threads: a handler must
 * be thread-safe. Every pointer in the context and the input are valid only
 * until the handler returns; the reply must not be used after that either.
 *
 * Errors: never let a C++ exception escape a handler (handler.hpp's adapter
 * catches them). A handler is not interrupted by the state's TimeoutSeconds.
 */
#ifndef ASLRT_HANDLER_H
#define ASLRT_HANDLER_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ASLRT_HANDLER_ABI_VERSION 1u

/* What the handler returns: ASLRT_HANDLER_OK after aslrt_reply_result (or
 * with no reply: the result is null), anything else after aslrt_reply_error. */
#define ASLRT_HANDLER_OK 0
#define ASLRT_HANDLER_ERROR 1

typedef struct aslrt_task_reply aslrt_task_reply; /* opaque, owned by the runtime */

typedef struct aslrt_task_context {
  uint32_t abi_version;           /* ASLRT_HANDLER_ABI_VERSION */
  const char* execution_name;     /* $$.Execution.Name */
  const char* execution_arn;      /* $$.Execution.Id */
  const char* state_machine_name; /* $$.StateMachine.Name */
  const char* state_name;         /* $$.State.Name */
  const char* resource;           /* the state's Resource */
  const char* target;             /* what the binding matched: FunctionName, StateMachineArn or Resource */
  int64_t retry_count;            /* $$.State.RetryCount */
  /* The handler's own per-execution state: NULL when the execution starts.
   * When the execution ends, *slot_free (if set) is called with *slot on the
   * workflow's thread. Shared by concurrent calls: touch both only between
   * aslrt_slot_lock and aslrt_slot_unlock. */
  void** slot;
  void (**slot_free)(void*);
  void* runtime_private; /* for the runtime; do not touch */
} aslrt_task_context;

typedef int (*aslrt_handler_fn)(const aslrt_task_context* ctx, const char* input_json, size_t input_len,
                                aslrt_task_reply* reply);

/* The result: JSON text (copied; must parse). Returns ASLRT_HANDLER_OK. */
int aslrt_reply_result(aslrt_task_reply* reply, const char* json, size_t json_len);
/* An ASL error (e.g. "Payment.Declined") and an optional cause (NULL = none),
 * both copied. Returns ASLRT_HANDLER_ERROR. */
int aslrt_reply_error(aslrt_task_reply* reply, const char* error, const char* cause);

/* Guards ctx->slot and ctx->slot_free across concurrent calls of one execution. */
void aslrt_slot_lock(const aslrt_task_context* ctx);
void aslrt_slot_unlock(const aslrt_task_context* ctx);

/* Registration: bindings name handlers by symbol ("symbol": "greet"). The
 * runtime looks first in a table of registrations that ASLRT_REGISTER_HANDLER
 * puts in the "aslrt_handlers" section (kept by --gc-sections, found without
 * a dynamic symbol table), then with dlsym(RTLD_DEFAULT) for functions whose
 * symbol is exported (--link=-Wl,--export-dynamic-symbol=NAME). */
typedef struct aslrt_handler_registration {
  uint32_t abi_version;
  const char* name;
  aslrt_handler_fn fn;
} aslrt_handler_registration;

#if defined(__has_attribute)
#if __has_attribute(retain)
#define ASLRT_HANDLER_RETAIN __attribute__((retain))
#endif
#endif
#ifndef ASLRT_HANDLER_RETAIN
#define ASLRT_HANDLER_RETAIN
#endif

#define ASLRT_REGISTER_HANDLER_AS(name_string, fn_)                                            \
  static const aslrt_handler_registration aslrt_handler_registration_##fn_                     \
      __attribute__((used, section("aslrt_handlers"), aligned(8))) ASLRT_HANDLER_RETAIN = {   \
          ASLRT_HANDLER_ABI_VERSION, name_string, fn_}
#define ASLRT_REGISTER_HANDLER(fn_) ASLRT_REGISTER_HANDLER_AS(#fn_, fn_)

#ifdef __cplusplus
}
#endif
#endif /* ASLRT_HANDLER_H */
