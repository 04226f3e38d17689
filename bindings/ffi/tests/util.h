/*
 * Shared helpers for convener's C tests: pass/fail counting, reading files, paths.
 *
 * Every test program takes the repository root as argv[1] (default "."), counts its
 * checks, prints failures as they happen and closes with "N passed, M failed"; its exit
 * status is non-zero when a check failed.
 */
#ifndef CONVENER_TEST_UTIL_H
#define CONVENER_TEST_UTIL_H

#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dirent.h>
#include <sys/stat.h>

#include "convener.h"

static int test_passed = 0;
static int test_failed = 0;

/* Counts one check; on failure prints where and why (printf-style). */
static inline int check_at(int ok, const char *file, int line, const char *what, const char *fmt, ...) {
  if (ok) {
    test_passed++;
    return 1;
  }
  test_failed++;
  fprintf(stderr, "FAIL %s:%d: %s", file, line, what);
  if (fmt != NULL && fmt[0] != '\0') {
    va_list ap;
    va_start(ap, fmt);
    fputs(": ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
  }
  fputc('\n', stderr);
  return 0;
}

/* CHECK(condition, "format", args...): the format is required (use "" for none). */
#define CHECK(cond, ...) check_at((cond) ? 1 : 0, __FILE__, __LINE__, #cond, __VA_ARGS__)

/* The status's name, for messages. */
static inline const char *status_name(convener_status s) {
  switch (s) {
    case CONVENER_OK: return "CONVENER_OK";
    case CONVENER_NULL_PARAMETER: return "CONVENER_NULL_PARAMETER";
    case CONVENER_INVALID_UTF8: return "CONVENER_INVALID_UTF8";
    case CONVENER_INVALID_DOCUMENT: return "CONVENER_INVALID_DOCUMENT";
    case CONVENER_INVALID_OPTIONS: return "CONVENER_INVALID_OPTIONS";
    case CONVENER_IO: return "CONVENER_IO";
    case CONVENER_LIMIT_EXCEEDED: return "CONVENER_LIMIT_EXCEEDED";
    case CONVENER_PANIC: return "CONVENER_PANIC";
    case CONVENER_INTERNAL: return "CONVENER_INTERNAL";
  }
  return "(unknown status)";
}

/* The thread's last error message, in a static buffer (for failure messages only). */
static inline const char *last_message(void) {
  static char buf[1024];
  buf[0] = '\0';
  if (convener_last_error(buf, sizeof buf, NULL) != CONVENER_OK) {
    return "(convener_last_error failed)";
  }
  return buf;
}

/* CHECK_STATUS(call, expected): the call gives the expected status. */
#define CHECK_STATUS(call, expected)                                                   \
  do {                                                                                 \
    convener_status got_ = (call);                                                     \
    CHECK(got_ == (expected), "%s gives %s, expected %s (last error: %s)", #call,      \
          status_name(got_), status_name(expected), last_message());                   \
  } while (0)

/* Reads a whole file into a NUL-terminated buffer (free() it). NULL when unreadable. */
static inline char *read_file(const char *path, size_t *len_out) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) {
    return NULL;
  }
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  while (buf != NULL) {
    size_t n = fread(buf + len, 1, cap - len - 1, f);
    len += n;
    if (n == 0) {
      break;
    }
    if (cap - len - 1 == 0) {
      char *bigger = realloc(buf, cap * 2);
      if (bigger == NULL) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = bigger;
      cap *= 2;
    }
  }
  int bad = ferror(f);
  fclose(f);
  if (buf == NULL || bad) {
    free(buf);
    return NULL;
  }
  buf[len] = '\0';
  if (len_out != NULL) {
    *len_out = len;
  }
  return buf;
}

/* root + "/" + rel, in a malloc'd buffer. */
static inline char *join(const char *root, const char *rel) {
  size_t n = strlen(root) + 1 + strlen(rel) + 1;
  char *p = malloc(n);
  if (p != NULL) {
    snprintf(p, n, "%s/%s", root, rel);
  }
  return p;
}

/* SAME_BYTES(what, got, want, want_len): a result equals the expected bytes; on a
 * difference, says where. */
#define SAME_BYTES(what, got, want, want_len) \
  same_bytes_at(__FILE__, __LINE__, (what), (got), (want), (want_len))

static inline int same_bytes_at(const char *file, int line, const char *what, const char *got,
                                const char *want, size_t want_len) {
  size_t got_len = got == NULL ? 0 : strlen(got);
  if (got != NULL && got_len == want_len && memcmp(got, want, want_len) == 0) {
    return check_at(1, file, line, what, "");
  }
  size_t i = 0;
  while (got != NULL && i < got_len && i < want_len && got[i] == want[i]) {
    i++;
  }
  return check_at(0, file, line, what, "%s; %zu bytes, expected %zu; first difference at byte %zu",
                  got == NULL ? "no result" : "differs", got_len, want_len, i);
}

/* A flat view of error JSON, to compare the ABI's errors with the expected files
 * without a JSON library: every `"key": scalar` pair in order, as `key=value;`, leaving
 * out `message` and `more` and calling the top-level `error` `code`, so that
 * {"error":"x","issues":[{"code":"y","pointer":"/a"}]} (an expected file) and
 * {"code":"x","message":"..","issues":[{"code":"y","pointer":"/a","message":".."}],
 * "more":0} (convener_last_error_json) both read `code="x";code="y";pointer="/a";`. */

static inline const char *skip_string(const char *p) { /* p at the opening quote */
  for (p++; *p != '\0' && *p != '"'; p++) {
    if (*p == '\\' && p[1] != '\0') {
      p++;
    }
  }
  return *p == '"' ? p + 1 : p;
}

static inline const char *skip_space(const char *p) {
  while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t') {
    p++;
  }
  return p;
}

static inline char *flat(const char *json) {
  size_t cap = strlen(json) + 16, n = 0;
  char *out = malloc(cap);
  if (out == NULL) {
    return NULL;
  }
  const char *p = json;
  while (*p != '\0') {
    if (*p != '"') {
      p++;
      continue;
    }
    const char *key = p + 1, *key_end = skip_string(p) - 1;
    p = skip_space(key_end + 1);
    if (*p != ':') {
      continue; /* a string value in a list: not a pair */
    }
    p = skip_space(p + 1);
    const char *value = p;
    if (*p == '"') {
      p = skip_string(p);
    } else if (*p == '{' || *p == '[') {
      continue; /* a nested value: its pairs come next */
    } else {
      while (*p != '\0' && strchr(",}] \n\r\t", *p) == NULL) {
        p++;
      }
    }
    size_t klen = (size_t)(key_end - key), vlen = (size_t)(p - value);
    if ((klen == 7 && memcmp(key, "message", 7) == 0) || (klen == 4 && memcmp(key, "more", 4) == 0)) {
      continue;
    }
    if (klen == 5 && memcmp(key, "error", 5) == 0) {
      key = "code";
      klen = 4;
    }
    if (n + klen + vlen + 3 > cap) { /* cannot happen: the flat view is shorter */
      break;
    }
    memcpy(out + n, key, klen);
    n += klen;
    out[n++] = '=';
    memcpy(out + n, value, vlen);
    n += vlen;
    out[n++] = ';';
  }
  out[n] = '\0';
  return out;
}

static inline int ends_with(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* Names in `dir` (sorted) whose entries are folders (want_dirs) or end with `suffix`. */
static inline char **list_dir(const char *dir, int want_dirs, const char *suffix, size_t *count) {
  DIR *d = opendir(dir);
  *count = 0;
  if (d == NULL) {
    return NULL;
  }
  size_t n = 0, cap = 256;
  char **names = malloc(cap * sizeof *names);
  struct dirent *e;
  while (names != NULL && (e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') {
      continue;
    }
    char *path = join(dir, e->d_name);
    struct stat st;
    int is_dir = path != NULL && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
    free(path);
    if (want_dirs ? !is_dir : (is_dir || !ends_with(e->d_name, suffix))) {
      continue;
    }
    if (!want_dirs && ends_with(e->d_name, ".expected.json")) {
      continue;
    }
    if (n == cap) {
      cap *= 2;
      char **bigger = realloc(names, cap * sizeof *names);
      if (bigger == NULL) {
        break;
      }
      names = bigger;
    }
    names[n] = malloc(strlen(e->d_name) + 1);
    if (names[n] != NULL) {
      strcpy(names[n++], e->d_name);
    }
  }
  closedir(d);
  for (size_t i = 1; i < n; i++) { /* insertion sort: a few hundred names */
    char *x = names[i];
    size_t j = i;
    for (; j > 0 && strcmp(names[j - 1], x) > 0; j--) {
      names[j] = names[j - 1];
    }
    names[j] = x;
  }
  *count = n;
  return names;
}

static inline void free_list(char **names, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(names[i]);
  }
  free(names);
}

/* Closes a test program: prints the counts and gives main's exit status. */
static inline int finish(void) {
  printf("%d passed, %d failed\n", test_passed, test_failed);
  return test_failed == 0 ? 0 : 1;
}

#endif /* CONVENER_TEST_UTIL_H */
