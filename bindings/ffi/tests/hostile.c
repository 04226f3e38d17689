/*
 * The hostile corpus (tests/hostile/cases.json) through the C ABI: every malformed or
 * extreme document and CSV folder is refused with exactly the status, code, places and
 * count of the rest that the core, the command line and the wasm build give, and the
 * out-parameter is NULL after each failure. convener_validate_json lists the same issues.
 *
 * Cases with options are left to the other layers (the C ABI reads documents with the
 * default limits). With CONVENER_TEST_SMALL set (scripts/check-c sets it under valgrind),
 * generated cases over 64 KiB are left out too.
 *
 * Usage: hostile [REPO_ROOT]   (default ".")
 */
#include "util.h"

/* Stand-ins for out-parameters: a failing call must overwrite them with NULL. */
static char sentinel;
#define NOT_NULL_STRING (&sentinel)
#define NOT_NULL_HANDLE ((convener_initiative *)(void *)&sentinel)

/* ---------------------------------------------------------------------------------- */
/* A case line, flattened (flat in util.h), reads
 * `name="..";input="..";exit=1;code="document.invalid";code="..";pointer="..";` and
 * convener_last_error_json's text `code="document.invalid";code="..";pointer="..";`. */

/* The value of the first `key=` pair at or after `from` in a flat view, its end in *end. */
static const char *pair(const char *from, const char *key, const char **end) {
  size_t k = strlen(key);
  for (const char *p = from; p != NULL && *p != '\0';) {
    if (strncmp(p, key, k) == 0 && p[k] == '=') {
      const char *v = p + k + 1, *e = *v == '"' ? skip_string(v) : strchr(v, ';');
      *end = e;
      return v;
    }
    /* on to the next pair, past this value */
    const char *eq = strchr(p, '=');
    if (eq == NULL) {
      break;
    }
    const char *v = eq + 1, *e = *v == '"' ? skip_string(v) : strchr(v, ';');
    if (e == NULL || *e != ';') {
      break;
    }
    p = e + 1;
  }
  return NULL;
}

/* Decodes a JSON string value (quotes included) into a malloc'd buffer; *len its bytes. */
static char *unescape(const char *v, const char *end, size_t *len) {
  char *out = malloc((size_t)(end - v) + 1);
  size_t n = 0;
  if (out == NULL) {
    return NULL;
  }
  for (const char *p = v + 1; p < end - 1; p++) {
    if (*p != '\\') {
      out[n++] = *p;
      continue;
    }
    p++;
    switch (*p) {
      case 'n': out[n++] = '\n'; break;
      case 'r': out[n++] = '\r'; break;
      case 't': out[n++] = '\t'; break;
      case 'b': out[n++] = '\b'; break;
      case 'f': out[n++] = '\f'; break;
      case 'u': { /* the corpus's generators escape ASCII only */
        unsigned cp = 0;
        for (int i = 1; i <= 4; i++) {
          char c = p[i];
          cp = cp * 16 + (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        }
        out[n++] = (char)cp;
        p += 4;
        break;
      }
      default: out[n++] = *p; break; /* \" \\ \/ */
    }
  }
  out[n] = '\0';
  *len = n;
  return out;
}

/* The generated text of a case: every (text, times) segment of its flat view. */
static char *generate(const char *flat_case, size_t *len) {
  size_t total = 0, cap = 1;
  const char *p = flat_case, *end = NULL, *v;
  while ((v = pair(p, "text", &end)) != NULL) {
    size_t seg = 0;
    char *t = unescape(v, end, &seg);
    const char *tend = NULL, *times = pair(end + 1, "times", &tend);
    if (t == NULL || times == NULL) {
      free(t);
      return NULL;
    }
    cap += seg * strtoull(times, NULL, 10);
    free(t);
    p = tend + 1;
  }
  char *out = malloc(cap);
  if (out == NULL) {
    return NULL;
  }
  p = flat_case;
  while ((v = pair(p, "text", &end)) != NULL) {
    size_t seg = 0;
    char *t = unescape(v, end, &seg);
    const char *tend = NULL;
    unsigned long long times = strtoull(pair(end + 1, "times", &tend), NULL, 10);
    for (unsigned long long i = 0; i < times; i++) {
      memcpy(out + total, t, seg);
      total += seg;
    }
    free(t);
    p = tend + 1;
  }
  out[total] = '\0';
  *len = total;
  return out;
}

/* The number after `"more":` in JSON text at or after `from` (0 when absent). */
static unsigned long long more_of(const char *from) {
  const char *m = from == NULL ? NULL : strstr(from, "\"more\":");
  return m == NULL ? 0 : strtoull(skip_space(m + 7), NULL, 10);
}

/* Issues in a flat error view: its `code=` pairs but the first (the error's code). */
static size_t issue_count(const char *f) {
  size_t n = 0;
  for (const char *p = f; (p = strstr(p, "code=")) != NULL; p += 5) {
    if (p == f || p[-1] == ';') {
      n++;
    }
  }
  return n > 0 ? n - 1 : 0;
}

static convener_status status_of(const char *expect_flat) {
  if (strncmp(expect_flat, "code=\"limit.exceeded\";", 22) == 0) {
    return CONVENER_LIMIT_EXCEEDED;
  }
  if (strncmp(expect_flat, "code=\"io\";", 10) == 0) {
    return CONVENER_IO;
  }
  return CONVENER_INVALID_DOCUMENT;
}

/* Runs one case line; returns 1 when it ran, 0 when it belongs to other layers. */
static int run_case(const char *root, const char *line, int small) {
  char *f = flat(line);
  const char *end = NULL;
  const char *name_v = pair(f, "name", &end);
  char name[256];
  snprintf(name, sizeof name, "%.*s", name_v == NULL ? 0 : (int)(end - name_v - 2), name_v == NULL ? "" : name_v + 1);
  const char *exit_v = pair(f, "exit", &end);
  if (!CHECK(name_v != NULL && exit_v != NULL, "a case without name or exit: %.200s", line)) {
    free(f);
    return 0;
  }
  const char *want = end + 1; /* the expectation's flat view */
  const char *raw_expect = strstr(line, "\"expect\":");
  unsigned long long want_more = more_of(raw_expect);
  const char *listed_v = pair(f, "listed", &end);
  size_t want_count = listed_v != NULL ? (size_t)strtoull(listed_v, NULL, 10) : issue_count(want);
  if (strstr(line, "\"options\":") != NULL) {
    free(f);
    return 0; /* the C ABI reads documents with the default limits */
  }

  const char *input_v = pair(f, "input", &end);
  char *input = NULL;
  size_t len = 0;
  if (input_v != NULL) {
    size_t n = 0;
    input = unescape(input_v, end, &n);
  }
  int csv = input != NULL && strncmp(input, "csv/", 4) == 0;
  char *doc = NULL;
  char *path = NULL;
  if (input != NULL) {
    char rel[512];
    snprintf(rel, sizeof rel, "tests/hostile/%s", input);
    path = join(root, rel);
    if (!csv) {
      doc = read_file(path, &len);
    }
  } else {
    doc = generate(f, &len);
    if (small && len > 64 * 1024) {
      free(doc);
      free(f);
      return 0;
    }
  }
  if (!csv && !CHECK(doc != NULL, "%s: cannot read or generate the document", name)) {
    free(path);
    free(input);
    free(f);
    return 0;
  }

  convener_initiative *h = NOT_NULL_HANDLE;
  convener_status s = csv ? convener_initiative_from_csv_dir(path, &h) : convener_initiative_from_json(doc, len, &h);
  char *json = NULL;
  convener_last_error_json(&json);
  char *got = json == NULL ? NULL : flat(json);
  size_t wlen = strlen(want);
  int matches = s == status_of(want) && got != NULL && strncmp(got, want, wlen) == 0 &&
                issue_count(got) == want_count && more_of(json) == want_more;
  CHECK(matches, "%s: the status, issues or count of the rest differ from cases.json", name);
  if (!matches) {
    fprintf(stderr, "  %s: status %s, %zu issues, more %llu\n    expected %s (%zu issues, more %llu)\n    actual   %.600s\n",
            name, status_name(s), got == NULL ? 0 : issue_count(got), more_of(json), want, want_count, want_more,
            got == NULL ? "(none)" : got);
  }
  CHECK(h == NULL, "%s: the handle is not NULL after a failure", name);
  convener_initiative_free(h == NOT_NULL_HANDLE ? NULL : h);
  free(got);
  convener_string_free(json);

  /* validate_json: OK, and the same issues. */
  if (!csv && s != CONVENER_IO) {
    char *issues = NOT_NULL_STRING;
    s = convener_validate_json(doc, len, &issues);
    got = (s == CONVENER_OK && issues != NULL && issues != NOT_NULL_STRING) ? flat(issues) : NULL;
    const char *want_issues = strchr(want, ';') + 1;
    int same = got != NULL && strncmp(got, want_issues, strlen(want_issues)) == 0 && issue_count(got) + 1 == want_count;
    CHECK(same, "%s: convener_validate_json gives other issues (%s): %.300s", name, status_name(s), got == NULL ? "(none)" : got);
    free(got);
    convener_string_free(issues == NOT_NULL_STRING ? NULL : issues);
  }
  free(doc);
  free(path);
  free(input);
  free(f);
  return 1;
}

/* Lengths that do not match the text: 0, shorter than the text, past a NUL, and a buffer
 * with no NUL at all (read only up to `len`: valgrind sees any read past it). */
static void wrong_lengths(void) {
  static const char valid[] = "{\"format\": \"convener/1\", \"initiative\": {\"id\": \"t\", \"name\": \"T\"}, "
                              "\"partners\": [{\"id\": \"a\", \"name\": \"A\"}]}";
  size_t n = sizeof valid - 1;
  char *exact = malloc(n); /* no NUL after the text */
  if (!CHECK(exact != NULL, "out of memory")) {
    return;
  }
  memcpy(exact, valid, n);
  convener_initiative *h = NOT_NULL_HANDLE;
  CHECK_STATUS(convener_initiative_from_json(exact, n, &h), CONVENER_OK);
  CHECK(h != NULL && h != NOT_NULL_HANDLE, "no handle for a valid document without a NUL");
  convener_initiative_free(h == NOT_NULL_HANDLE ? NULL : h);

  h = NOT_NULL_HANDLE;
  CHECK_STATUS(convener_initiative_from_json(exact, n - 1, &h), CONVENER_INVALID_DOCUMENT);
  CHECK(h == NULL, "the handle is not NULL after a document cut short by its length");
  h = NOT_NULL_HANDLE;
  CHECK_STATUS(convener_initiative_from_json(exact, 0, &h), CONVENER_INVALID_DOCUMENT);
  CHECK(h == NULL, "the handle is not NULL after a zero length");
  h = NOT_NULL_HANDLE;
  CHECK_STATUS(convener_initiative_from_json(NULL, n, &h), CONVENER_NULL_PARAMETER);
  CHECK(h == NULL, "the handle is not NULL after a NULL document with a length");

  char *issues = NOT_NULL_STRING;
  CHECK_STATUS(convener_validate_json(exact, 0, &issues), CONVENER_OK);
  CHECK(issues != NULL && issues != NOT_NULL_STRING && strstr(issues, "\"json.syntax\"") != NULL,
        "an empty text validates as: %s", issues == NOT_NULL_STRING ? "(unset)" : issues);
  convener_string_free(issues == NOT_NULL_STRING ? NULL : issues);
  free(exact);

  /* A NUL inside the length is a byte of the document, not its end. */
  char with_nul[sizeof valid + 8];
  memcpy(with_nul, valid, n);
  memcpy(with_nul + n, "\0 junk", 7);
  h = NOT_NULL_HANDLE;
  CHECK_STATUS(convener_initiative_from_json(with_nul, n + 7, &h), CONVENER_INVALID_DOCUMENT);
  CHECK(h == NULL, "the handle is not NULL after a NUL inside the length");
}

int main(int argc, char **argv) {
  const char *root = argc > 1 ? argv[1] : ".";
  int small = getenv("CONVENER_TEST_SMALL") != NULL;
  char *path = join(root, "tests/hostile/cases.json");
  char *text = read_file(path, NULL);
  if (!CHECK(text != NULL, "cannot read %s", path)) {
    free(path);
    return finish();
  }
  wrong_lengths();
  size_t cases = 0, ran = 0;
  for (char *line = strtok(text, "\n"); line != NULL; line = strtok(NULL, "\n")) {
    if (line[0] != '{') {
      continue;
    }
    size_t n = strlen(line);
    if (n > 0 && line[n - 1] == ',') {
      line[n - 1] = '\0';
    }
    cases++;
    ran += (size_t)run_case(root, line, small);
  }
  CHECK(cases >= 60, "only %zu cases in %s", cases, path);
  CHECK(ran >= (small ? 50u : 70u), "only %zu of %zu cases ran", ran, cases);
  printf("tests/hostile: %zu of %zu cases ran here%s\n", ran, cases, small ? " (small ones only)" : "");
  free(text);
  free(path);
  return finish();
}
