/* The contract between generated code and the runtime.
 *
 * Generated code is one function per state machine (the top-level machine,
 * each Parallel branch, each Map item processor). Each state is a block of
 * calls below followed by a branch. Values live in numbered slots of the
 * calling frame; constants (paths, templates, literals, retriers, ...) live in
 * the program's metadata, referred to by index. Every op that can fail returns
 * ASLRT_OK or ASLRT_FAILED; on failure the frame holds the ASL error and the
 * generated code asks aslrt_on_error where to go. No C++ exception crosses
 * this boundary. Bump ASLRT_ABI_VERSION on any change.
 */
#ifndef ASLRT_ABI_H
#define ASLRT_ABI_H
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ASLRT_ABI_VERSION 5

typedef struct aslrt_frame aslrt_frame;
/* Runs a machine from its StartAt: returns ASLRT_OK with the output in the
 * frame, or ASLRT_FAILED with the error in the frame. */
typedef int32_t (*aslrt_machine_fn)(aslrt_frame*);

typedef struct aslrt_program {
  uint32_t abi_version;
  const char* metadata; /* JSON: the constant tables, see docs/ARCHITECTURE.md */
  uint64_t metadata_size;
  const aslrt_machine_fn* machines; /* index 0 is the top-level machine */
  uint32_t machine_count;
} aslrt_program;

/* Emitted by the compiler into every executable. */
extern const aslrt_program aslrt_compiled_program;

/* A state machine compiled into the executable for a `stateMachine` task
 * binding (docs/BINDINGS.md): `definition` is the definition file's absolute
 * path, as the binding names it. The compiler puts one record per nested
 * machine in the "aslrt_machines" section; the runtime walks the section
 * through the linker's __start_/__stop_ symbols. */
typedef struct aslrt_nested_machine {
  uint32_t abi_version;
  const char* definition;
  const aslrt_program* program;
} aslrt_nested_machine;

enum { ASLRT_OK = 0, ASLRT_FAILED = 1 };
#define ASLRT_NO_SLOT 0xffffffffu
/* OR-ed into a slot operand of load_input (dst: the state's raw input is not
 * read again, so the op may take it), select_path, select_direct and
 * render_template (src) and apply_result_path
 * (input, result): the operand is dead after this op, which may move its value
 * instead of copying it. The compiler sets it from slot lifetimes; no other
 * op accepts it. */
#define ASLRT_MOVE 0x80000000u
/* OR-ed into load_input's dst when a retrier or catcher may need the raw
 * input again: the op moves it into the slot and lends it there. The one
 * op that may then change it in place is apply_result_path with a
 * one-member path (its input operand flagged ASLRT_MOVE), which records how
 * to undo the write; aslrt_on_error gives the raw input back, undone, before
 * it retries or catches. exit_state ends the loan. */
#define ASLRT_LEND 0x40000000u
/* aslrt_on_error results besides a catcher index >= 0. */
enum { ASLRT_PROPAGATE = -1, ASLRT_RETRY = -2 };

/* State boundaries. enter records StateEntered and resets per-state data. */
void aslrt_enter_state(aslrt_frame* f, uint32_t state);
int32_t aslrt_exit_state(aslrt_frame* f, uint32_t state, uint32_t output_slot);
/* Terminal outcomes of the machine this frame runs. */
int32_t aslrt_succeed(aslrt_frame* f, uint32_t output_slot);
int32_t aslrt_fail(aslrt_frame* f, uint32_t input_slot, uint32_t fail_id);
int32_t aslrt_on_error(aslrt_frame* f, uint32_t state);
/* Raises a feature that is not implemented yet (exits 3 at the end). */
int32_t aslrt_unsupported(aslrt_frame* f, uint32_t message_const);

/* Data flow. */
int32_t aslrt_load_input(aslrt_frame* f, uint32_t dst);
int32_t aslrt_load_const(aslrt_frame* f, uint32_t dst, uint32_t const_id);
int32_t aslrt_select_path(aslrt_frame* f, uint32_t dst, uint32_t src, uint32_t path_id);
/* A plain member/index path decoded at compile time (metadata "directPaths");
   same results and errors as aslrt_select_path on the same path. */
int32_t aslrt_select_direct(aslrt_frame* f, uint32_t dst, uint32_t src, uint32_t direct_id);
int32_t aslrt_render_template(aslrt_frame* f, uint32_t dst, uint32_t src, uint32_t template_id);
int32_t aslrt_apply_result_path(aslrt_frame* f, uint32_t dst, uint32_t input, uint32_t result,
                                uint32_t path_id);

/* Effects. */
int32_t aslrt_wait(aslrt_frame* f, uint32_t input_slot, uint32_t wait_id);
/* Returns 1 when the Choice leaf rule holds, 0 when not, -1 on error. */
int32_t aslrt_choice_test(aslrt_frame* f, uint32_t input_slot, uint32_t leaf_id);
int32_t aslrt_no_choice_matched(aslrt_frame* f, uint32_t state);
/* Runs the Task's binding (mock, handler, ...) on the rendered parameters. */
int32_t aslrt_invoke_task(aslrt_frame* f, uint32_t dst, uint32_t params_slot, uint32_t task_id);
/* Runs every branch machine on its own fiber; dst gets their outputs in order. */
int32_t aslrt_run_parallel(aslrt_frame* f, uint32_t dst, uint32_t input_slot, uint32_t parallel_id);
/* Runs the item processor for each item on fibers; dst gets the results in order. */
int32_t aslrt_run_map(aslrt_frame* f, uint32_t dst, uint32_t input_slot, uint32_t items_slot, uint32_t map_id);
/* JSONata: evaluates a value with "{% %}" expressions; $states.result is the
 * result slot's value unless it is ASLRT_NO_SLOT. */
int32_t aslrt_eval_jsonata(aslrt_frame* f, uint32_t dst, uint32_t input_slot, uint32_t result_slot, uint32_t id);
/* Assign: evaluates the variables against the state's values, then sets them. */
int32_t aslrt_assign(aslrt_frame* f, uint32_t input_slot, uint32_t result_slot, uint32_t assign_id);
/* A matched Choice rule's own Output (into value_slot) and Assign. */
int32_t aslrt_choice_rule_effects(aslrt_frame* f, uint32_t input_slot, uint32_t value_slot, uint32_t assign_id,
                                  uint32_t output_id);

/* Promoted loops (docs/ARCHITECTURE.md): generated code runs a counting
 * cycle of Pass/Choice states on native integers, the object staying in the
 * frame's input between a state's exit and the next one's entry.
 * loop_enter: 1 when the loop may run now (no history kept, no event quota,
 * room under the payload quota for int_members integers of 20 digits), else 0
 * and the states run as compiled. loop_load_int: 1 and *out when the input's
 * member named by the string constant is an integer a signed 64-bit value
 * holds, else 0. loop_store_int: sets that member. loop_tick: once per state
 * the loop runs, before it takes effect: gives way to other fibers, returns 1
 * when the execution is being cancelled (the state then runs as compiled),
 * else counts its two events and returns 0. */
int32_t aslrt_loop_enter(aslrt_frame* f, uint32_t int_members);
int32_t aslrt_loop_load_int(aslrt_frame* f, uint32_t key_const, int64_t* out);
void aslrt_loop_store_int(aslrt_frame* f, uint32_t key_const, int64_t value);
int32_t aslrt_loop_tick(aslrt_frame* f);

#ifdef __cplusplus
}
#endif
#endif
