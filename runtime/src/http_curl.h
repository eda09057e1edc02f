// libcurl, loaded on first use. Executables that never make an HTTP request
// neither link nor load it (no start-up cost, no new `ldd` dependency, and
// `aslc build --static` still links); the first request dlopen()s
// libcurl.so.4 and resolves the few functions the HTTP client calls. Only
// curl's header is needed at build time, for its types and constants.
#pragma once
#include <curl/curl.h>

#include <string>

namespace aslrt {

struct CurlApi {
  CURLcode (*global_init)(long flags);
  CURL* (*easy_init)();
  CURLcode (*easy_setopt)(CURL*, CURLoption, ...);
  CURLcode (*easy_getinfo)(CURL*, CURLINFO, ...);
  void (*easy_cleanup)(CURL*);
  const char* (*easy_strerror)(CURLcode);
  curl_slist* (*slist_append)(curl_slist*, const char*);
  void (*slist_free_all)(curl_slist*);
  CURLM* (*multi_init)();
  CURLMcode (*multi_add_handle)(CURLM*, CURL*);
  CURLMcode (*multi_remove_handle)(CURLM*, CURL*);
  CURLMcode (*multi_perform)(CURLM*, int*);
  CURLMcode (*multi_poll)(CURLM*, curl_waitfd*, unsigned, int, int*);
  CURLMcode (*multi_wakeup)(CURLM*);
  CURLMsg* (*multi_info_read)(CURLM*, int*);
  CURLMcode (*multi_cleanup)(CURLM*);
};

// The loaded and globally initialised library, or nullptr with `*error`
// saying why (not installed, too old, or a --static executable, which has no
// dynamic loader to load it with). Thread-safe; loads at most once.
const CurlApi* loadCurl(std::string* error);

}  // namespace aslrt
