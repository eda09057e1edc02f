#include "http_curl.h"

#include <dlfcn.h>
#include <sys/auxv.h>

#include <mutex>

namespace aslrt {
namespace {

struct Loaded {
  CurlApi api{};
  std::string error;  // empty when api is usable
};

template <typename Fn>
bool resolve(void* lib, const char* name, Fn*& out, std::string& error) {
  out = reinterpret_cast<Fn*>(dlsym(lib, name));
  if (!out && error.empty()) error = std::string("libcurl.so.4 has no '") + name + "' (libcurl 7.68 or newer is needed)";
  return out != nullptr;
}

Loaded load() {
  Loaded l;
  // A static executable has no dynamic loader (AT_BASE is its address), and
  // a libcurl loaded by glibc's static dlopen would bring a second libc.
  if (getauxval(AT_BASE) == 0) {
    l.error = "HTTP requests need libcurl.so.4, which an executable built with --static cannot load; "
              "build it without --static";
    return l;
  }
  void* lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    const char* why = dlerror();
    l.error = std::string("HTTP requests need libcurl.so.4 (Debian: apt-get install libcurl4): ") +
              (why ? why : "cannot load it");
    return l;
  }
  CurlApi& a = l.api;
  std::string& e = l.error;
  resolve(lib, "curl_global_init", a.global_init, e);
  resolve(lib, "curl_easy_init", a.easy_init, e);
  resolve(lib, "curl_easy_setopt", a.easy_setopt, e);
  resolve(lib, "curl_easy_getinfo", a.easy_getinfo, e);
  resolve(lib, "curl_easy_cleanup", a.easy_cleanup, e);
  resolve(lib, "curl_easy_strerror", a.easy_strerror, e);
  resolve(lib, "curl_slist_append", a.slist_append, e);
  resolve(lib, "curl_slist_free_all", a.slist_free_all, e);
  resolve(lib, "curl_multi_init", a.multi_init, e);
  resolve(lib, "curl_multi_add_handle", a.multi_add_handle, e);
  resolve(lib, "curl_multi_remove_handle", a.multi_remove_handle, e);
  resolve(lib, "curl_multi_perform", a.multi_perform, e);
  resolve(lib, "curl_multi_poll", a.multi_poll, e);
  resolve(lib, "curl_multi_wakeup", a.multi_wakeup, e);
  resolve(lib, "curl_multi_info_read", a.multi_info_read, e);
  resolve(lib, "curl_multi_cleanup", a.multi_cleanup, e);
  if (e.empty() && a.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) e = "libcurl could not be initialised";
  return l;
}

}  // namespace

const CurlApi* loadCurl(std::string* error) {
  static std::once_flag once;
  static Loaded loaded;
  std::call_once(once, [] { loaded = load(); });
  if (!loaded.error.empty()) {
    *error = loaded.error;
    return nullptr;
  }
  return &loaded.api;
}

}  // namespace aslrt
