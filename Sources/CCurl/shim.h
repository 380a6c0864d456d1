#ifndef KATALOG_CCURL_SHIM_H
#define KATALOG_CCURL_SHIM_H
#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic; Swift cannot call them.
   These typed wrappers are the only way the fetcher talks to them. */
static inline CURLcode katalog_curl_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode katalog_curl_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode katalog_curl_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode katalog_curl_setopt_off_t(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode katalog_curl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
typedef size_t (*katalog_curl_data_cb)(char *ptr, size_t size, size_t nmemb, void *userdata);
static inline CURLcode katalog_curl_setopt_data_cb(CURL *h, CURLoption o, katalog_curl_data_cb v) { return curl_easy_setopt(h, o, v); }
typedef int (*katalog_curl_xferinfo_cb)(void *clientp, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow);
static inline CURLcode katalog_curl_setopt_xferinfo_cb(CURL *h, CURLoption o, katalog_curl_xferinfo_cb v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode katalog_curl_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode katalog_curl_getinfo_string(CURL *h, CURLINFO i, char **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode katalog_curl_getinfo_off_t(CURL *h, CURLINFO i, curl_off_t *v) { return curl_easy_getinfo(h, i, v); }
/* CURL_GLOBAL_DEFAULT is a compound macro that Swift does not import. */
static inline CURLcode katalog_curl_global_init_default(void) { return curl_global_init(CURL_GLOBAL_DEFAULT); }
#endif
