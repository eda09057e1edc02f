/* Native handlers for native_echo.test: one replies with its input text
 * unchanged, one with the same value spelled differently. */
#include <aslrt/handler.h>
#include <string.h>

static int echo(const aslrt_task_context* ctx, const char* input, size_t len, aslrt_task_reply* reply) {
  (void)ctx;
  return aslrt_reply_result(reply, input, len);
}

/* The input with a space after its first character: the same JSON value. */
static int respell(const aslrt_task_context* ctx, const char* input, size_t len, aslrt_task_reply* reply) {
  char text[4096];
  (void)ctx;
  if (len + 2 > sizeof text) return aslrt_reply_error(reply, "TooLong", NULL);
  text[0] = input[0];
  text[1] = ' ';
  memcpy(text + 2, input + 1, len - 1);
  return aslrt_reply_result(reply, text, len + 1);
}

ASLRT_REGISTER_HANDLER(echo);
ASLRT_REGISTER_HANDLER(respell);
