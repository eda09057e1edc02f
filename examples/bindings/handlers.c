/* Native task handlers for greet.json, in plain C against aslrt/handler.h.
 * Build: cc -c handlers.c -I<aslc>/runtime/include -o handlers.o
 *        aslc build greet.json --bindings greet.bindings.json --link handlers.o -o greet */
#include <aslrt/handler.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Finds "name":"..." in the input; a real handler would use a JSON parser. */
static int name_of(const char* json, size_t len, char* out, size_t cap) {
  const char* key = strstr(json, "\"name\":\"");
  if (!key) return 0;
  const char* start = key + 8;
  const char* end = memchr(start, '"', len - (size_t)(start - json));
  if (!end || (size_t)(end - start) >= cap) return 0;
  memcpy(out, start, (size_t)(end - start));
  out[end - start] = 0;
  return 1;
}

static int greet(const aslrt_task_context* ctx, const char* input, size_t len, aslrt_task_reply* reply) {
  char name[64], out[160];
  if (!name_of(input, len, name, sizeof name)) return aslrt_reply_error(reply, "Greet.NoName", "the input has no name");
  int n = snprintf(out, sizeof out, "{\"text\":\"Hello, %s!\",\"state\":\"%s\"}", name, ctx->state_name);
  return aslrt_reply_result(reply, out, (size_t)n);
}
ASLRT_REGISTER_HANDLER(greet);

/* Counts its calls in the execution's slot; Parallel branches call it at the
 * same time on different threads, hence the lock. */
static int audit(const aslrt_task_context* ctx, const char* input, size_t len, aslrt_task_reply* reply) {
  (void)input, (void)len;
  aslrt_slot_lock(ctx);
  if (!*ctx->slot) {
    *ctx->slot = calloc(1, sizeof(int));
    *ctx->slot_free = free;
  }
  int calls = ++*(int*)*ctx->slot;
  aslrt_slot_unlock(ctx);
  char out[32];
  int n = snprintf(out, sizeof out, "{\"calls\":%d}", calls);
  return aslrt_reply_result(reply, out, (size_t)n);
}
ASLRT_REGISTER_HANDLER(audit);

static int check_name(const aslrt_task_context* ctx, const char* input, size_t len, aslrt_task_reply* reply) {
  (void)ctx;
  char name[64];
  if (!name_of(input, len, name, sizeof name) || strlen(name) > 8)
    return aslrt_reply_error(reply, "Name.TooLong", "names have at most 8 characters");
  return aslrt_reply_result(reply, "{}", 2);
}
ASLRT_REGISTER_HANDLER(check_name);
