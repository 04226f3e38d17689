/*
 * Every error path of the C ABI: NULL for every pointer parameter, text that is not
 * UTF-8, invalid documents (the whole tests/invalid corpus, JSON and CSV folders),
 * invalid options, unknown schema names, bad what-if arguments, missing folders, limits,
 * the last error (buffer sizes, truncation on a UTF-8 boundary, JSON), validation,
 * freeing NULL, and using the API after a failed call.
 *
 * Usage: errors [REPO_ROOT]   (default ".")
 */
#include "util.h"

/* Stand-ins for out-parameters: a failing call must overwrite them with NULL. */
static char sentinel;
#define NOT_NULL_STRING (&sentinel)
#define NOT_NULL_HANDLE ((convener_initiative *)(void *)&sentinel)

static const char *root = ".";
static convener_initiative *example = NULL; /* the bundled example, loaded once */

/* The code of the thread's last error as JSON holds `code` (e.g. "document.invalid"). */
static int last_code_is(const char *code) {
  char *json = NULL;
  if (convener_last_error_json(&json) != CONVENER_OK || json == NULL) {
    return 0;
  }
  char want[128];
  snprintf(want, sizeof want, "{\"code\":\"%s\",", code);
  int ok = strncmp(json, want, strlen(want)) == 0;
  if (!ok) {
    fprintf(stderr, "  last error JSON: %.300s\n", json);
  }
  convener_string_free(json);
  return ok;
}

/* A call that must fail with `want`, leave its out-parameter NULL and set the last error
 * to `code`. `out_after` is the out-parameter's value after the call. */
#define EXPECT_FAIL(call, out_after, want, code)                                         \
  do {                                                                                   \
    convener_status got_ = (call);                                                       \
    CHECK(got_ == (want), "%s gives %s, expected %s (%s)", #call, status_name(got_),     \
          status_name(want), last_message());                                            \
    CHECK((out_after) == NULL, "%s leaves its out-parameter set", #call);                \
    CHECK(last_code_is(code), "%s: last error code is not %s", #call, code);             \
  } while (0)

/* ---------------------------------------------------------------------------------- */

static void no_error_yet(void) {
  size_t needed = 99;
  CHECK_STATUS(convener_last_error(NULL, 0, &needed), CONVENER_OK);
  CHECK(needed == 0, "needed is %zu before any error, expected 0", needed);
  char buf[8] = "xxxxxxx";
  CHECK_STATUS(convener_last_error(buf, sizeof buf, &needed), CONVENER_OK);
  CHECK(buf[0] == '\0', "the buffer is not empty before any error");
  char *json = NOT_NULL_STRING;
  CHECK_STATUS(convener_last_error_json(&json), CONVENER_OK);
  CHECK(json != NULL && strcmp(json, "null") == 0, "last_error_json is %s before any error",
        json == NULL ? "NULL" : json);
  convener_string_free(json);
}

static void null_parameters(void) {
  const char *doc = "{}";
  convener_initiative *h = NOT_NULL_HANDLE;
  char *s = NOT_NULL_STRING;
  const char *code = "null_parameter";
  const convener_status want = CONVENER_NULL_PARAMETER;

  /* Reading. The out-parameter itself NULL: nothing to set, the status says it. */
  h = NOT_NULL_HANDLE;
  EXPECT_FAIL(convener_initiative_from_json(NULL, 2, &h), h, want, code);
  h = NOT_NULL_HANDLE;
  EXPECT_FAIL(convener_initiative_from_json(NULL, 0, &h), h, want, code);
  EXPECT_FAIL(convener_initiative_from_json(doc, 2, NULL), NULL, want, code);
  h = NOT_NULL_HANDLE;
  EXPECT_FAIL(convener_initiative_from_csv_dir(NULL, &h), h, want, code);
  EXPECT_FAIL(convener_initiative_from_csv_dir(root, NULL), NULL, want, code);

  /* The five functions on a handle: (ini, options_json, out); options NULL is allowed. */
  typedef convener_status (*on_handle)(const convener_initiative *, const char *, char **);
  struct {
    const char *name;
    on_handle f;
  } fns[] = {
      {"convener_analyze", convener_analyze},
      {"convener_network_csv", convener_network_csv},
      {"convener_network_json", convener_network_json},
      {"convener_indicators_csv", convener_indicators_csv},
      {"convener_indicators_json", convener_indicators_json},
  };
  for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
    s = NOT_NULL_STRING;
    convener_status got = fns[i].f(NULL, NULL, &s);
    CHECK(got == want && s == NULL && last_code_is(code), "%s(NULL, NULL, &out) gives %s",
          fns[i].name, status_name(got));
    s = NOT_NULL_STRING;
    got = fns[i].f(NULL, "{}", &s);
    CHECK(got == want && s == NULL && last_code_is(code), "%s(NULL, \"{}\", &out) gives %s",
          fns[i].name, status_name(got));
    got = fns[i].f(example, NULL, NULL);
    CHECK(got == want && last_code_is(code), "%s(ini, NULL, NULL) gives %s", fns[i].name,
          status_name(got));
    s = NOT_NULL_STRING;
    got = fns[i].f(example, NULL, &s);
    CHECK(got == CONVENER_OK && s != NULL && s != NOT_NULL_STRING,
          "%s(ini, NULL, &out): NULL options must mean the defaults, gives %s", fns[i].name,
          status_name(got));
    convener_string_free(s);
  }

  /* What-if: (ini, removed_ids_json, options_json, out). */
  s = NOT_NULL_STRING;
  EXPECT_FAIL(convener_what_if(NULL, "[]", NULL, &s), s, want, code);
  s = NOT_NULL_STRING;
  EXPECT_FAIL(convener_what_if(example, NULL, NULL, &s), s, want, code);
  EXPECT_FAIL(convener_what_if(example, "[]", NULL, NULL), NULL, want, code);

  /* Validation and schemas. */
  s = NOT_NULL_STRING;
  EXPECT_FAIL(convener_validate_json(NULL, 2, &s), s, want, code);
  EXPECT_FAIL(convener_validate_json(doc, 2, NULL), NULL, want, code);
  s = NOT_NULL_STRING;
  EXPECT_FAIL(convener_schema(NULL, &s), s, want, code);
  EXPECT_FAIL(convener_schema("report", NULL), NULL, want, code);

  /* The last error's own functions: NULL `out` / a NULL buffer with a length. These do
   * not replace the last error (it is what the caller is asking about). */
  CHECK_STATUS(convener_last_error_json(NULL), want);
  CHECK_STATUS(convener_last_error(NULL, 16, NULL), want);
  CHECK(last_code_is(code), "asking about the last error changed it");
}

static void invalid_utf8(void) {
  const char *bad = "\"\xff\xfe\"";           /* bytes that are never UTF-8 */
  const char *cut = "{\"a\":\"\xe2\x82\"}";   /* a character cut short */
  const char *code = "invalid_utf8";
  const convener_status want = CONVENER_INVALID_UTF8;
  convener_initiative *h;
  char *s;

  /* A document's bytes go to the loader, which says where they are not UTF-8. */
  h = NOT_NULL_HANDLE;
  EXPECT_FAIL(convener_initiative_from_json(bad, strlen(bad), &h), h, CONVENER_INVALID_DOCUMENT,
              "document.invalid");
  h = NOT_NULL_HANDLE;
  EXPECT_FAIL(convener_initiative_from_json(cut, strlen(cut), &h), h, CONVENER_INVALID_DOCUMENT,
              "document.invalid");
  char *json = NULL;
  convener_last_error_json(&json);
  CHECK(json != NULL && strstr(json, "encoding.invalid") != NULL && strstr(json, "\"column\":7") != NULL,
        "no encoding.invalid at column 7: %s", json ? json : "NULL");
  convener_string_free(json);
  h = NOT_NULL_HANDLE;
  EXPECT_FAIL(convener_initiative_from_csv_dir("/tmp/\xff", &h), h, want, code);
  s = NOT_NULL_STRING;
  EXPECT_FAIL(convener_analyze(example, bad, &s), s, want, code);
  s = NOT_NULL_STRING;
  EXPECT_FAIL(convener_network_csv(example, bad, &s), s, want, code);
  s = NOT_NULL_STRING;
  EXPECT_FAIL(convener_network_json(example, bad, &s), s, want, code);
  s = NOT_NULL_STRING;
  EXPECT_FAIL(convener_indicators_csv(example, bad, &s), s, want, code);
  s = NOT_NULL_STRING;
  EXPECT_FAIL(convener_indicators_json(example, bad, &s), s, want, code);
  s = NOT_NULL_STRING;
  EXPECT_FAIL(convener_what_if(example, "[\"\xff\"]", NULL, &s), s, want, code);
  s = NOT_NULL_STRING;
  EXPECT_FAIL(convener_what_if(example, "[]", bad, &s), s, want, code);
  s = NULL;
  CHECK_STATUS(convener_validate_json(bad, strlen(bad), &s), CONVENER_OK);
  CHECK(s != NULL && strstr(s, "encoding.invalid") != NULL, "%s", s ? s : "NULL");
  convener_string_free(s);
  s = NOT_NULL_STRING;
  EXPECT_FAIL(convener_schema("rep\xffort", &s), s, want, code);
}

/* ---------------------------------------------------------------------------------- */

/* Checks the outcome of one case. */
static void expect(const char *name, const char *what, int matches) {
  CHECK(matches, "%s: %s", name, what);
}

/* The last error, flattened (free it). */
static char *last_flat(void) {
  char *json = NULL;
  if (convener_last_error_json(&json) != CONVENER_OK || json == NULL) {
    return NULL;
  }
  char *f = flat(json);
  convener_string_free(json);
  return f;
}


/* The status an expected file's `error` stands for. */
static convener_status status_of_expected(const char *expected_flat) {
  return strncmp(expected_flat, "code=\"limit.exceeded\";", 22) == 0 ? CONVENER_LIMIT_EXCEEDED
                                                                     : CONVENER_INVALID_DOCUMENT;
}

/* tests/invalid/<name>.json: from_json refuses each with exactly its expected issues, in
 * order, and validate_json gives the same issues as OK. */
static void invalid_json_corpus(void) {
  char *dir = join(root, "tests/invalid");
  size_t n = 0;
  char **names = list_dir(dir, 0, ".json", &n);
  CHECK(n >= 40, "only %zu invalid documents in %s", n, dir);
  int failed_before = test_failed;
  for (size_t i = 0; i < n; i++) {
    char *path = join(dir, names[i]);
    size_t stem = strlen(names[i]) - 5;
    names[i][stem] = '\0';
    char expected_name[512];
    snprintf(expected_name, sizeof expected_name, "%s.expected.json", names[i]);
    char *expected_path = join(dir, expected_name);
    size_t len = 0;
    char *doc = read_file(path, &len);
    char *expected = read_file(expected_path, NULL);
    char *want = expected == NULL ? NULL : flat(expected);
    if (CHECK(doc != NULL && want != NULL, "%s: cannot read it or its expected file", names[i])) {
      convener_initiative *h = NOT_NULL_HANDLE;
      convener_status s = convener_initiative_from_json(doc, len, &h);
      char *got = last_flat();
      int matches = s == status_of_expected(want) && got != NULL && strcmp(got, want) == 0;
      expect(names[i], "convener_initiative_from_json gives other issues", matches);
      if (!matches) {
        fprintf(stderr, "  %s: status %s\n    expected %s\n    actual   %s\n", names[i],
                status_name(s), want, got == NULL ? "(none)" : got);
      }
      CHECK(h == NULL, "%s: the handle is not NULL after a failure", names[i]);
      convener_initiative_free(h == NOT_NULL_HANDLE ? NULL : h);
      free(got);

      /* validate_json: OK, and the issues without the error's code. */
      char *issues = NOT_NULL_STRING;
      s = convener_validate_json(doc, len, &issues);
      got = (s == CONVENER_OK && issues != NULL) ? flat(issues) : NULL;
      const char *want_issues = strchr(want, ';') + 1;
      matches = got != NULL && strcmp(got, want_issues) == 0 && issues[0] == '[';
      expect(names[i], "convener_validate_json gives other issues", matches);
      if (!matches) {
        fprintf(stderr, "  %s: validate gives %s\n    expected %s\n    actual   %s\n",
                names[i], status_name(s), want_issues, got == NULL ? "(none)" : got);
      }
      free(got);
      convener_string_free(issues == NOT_NULL_STRING ? NULL : issues);
    }
    free(want);
    free(expected);
    free(doc);
    free(expected_path);
    free(path);
  }
  printf("tests/invalid: %zu documents %s\n", n, test_failed == failed_before ? "ok" : "FAILED");
  free_list(names, n);
  free(dir);
}

/* tests/invalid/csv/<name>/: from_csv_dir refuses each with exactly its expected issues. */
static void invalid_csv_corpus(void) {
  char *dir = join(root, "tests/invalid/csv");
  size_t n = 0;
  char **names = list_dir(dir, 1, NULL, &n);
  CHECK(n >= 20, "only %zu invalid CSV folders in %s", n, dir);
  int failed_before = test_failed;
  for (size_t i = 0; i < n; i++) {
    char *folder = join(dir, names[i]);
    char expected_name[512];
    snprintf(expected_name, sizeof expected_name, "%s.expected.json", names[i]);
    char *expected_path = join(dir, expected_name);
    char *expected = read_file(expected_path, NULL);
    char *want = expected == NULL ? NULL : flat(expected);
    if (CHECK(want != NULL, "%s: cannot read its expected file", names[i])) {
      convener_initiative *h = NOT_NULL_HANDLE;
      convener_status s = convener_initiative_from_csv_dir(folder, &h);
      char *got = last_flat();
      int matches = s == status_of_expected(want) && got != NULL && strcmp(got, want) == 0;
      CHECK(matches, "%s: convener_initiative_from_csv_dir gives other issues", names[i]);
      if (!matches) {
        fprintf(stderr, "  %s: status %s\n    expected %s\n    actual   %s\n", names[i],
                status_name(s), want, got == NULL ? "(none)" : got);
      }
      CHECK(h == NULL, "%s: the handle is not NULL after a failure", names[i]);
      convener_initiative_free(h == NOT_NULL_HANDLE ? NULL : h);
      free(got);
    }
    free(want);
    free(expected);
    free(expected_path);
    free(folder);
  }
  printf("tests/invalid/csv: %zu folders %s\n", n, test_failed == failed_before ? "ok" : "FAILED");
  free_list(names, n);
  free(dir);
}

/* ---------------------------------------------------------------------------------- */

static void invalid_document(void) {
  char *path = join(root, "tests/invalid/reference-unknown-partner-ties.json");
  size_t len = 0;
  char *doc = read_file(path, &len);
  if (CHECK(doc != NULL, "cannot read %s", path)) {
    convener_initiative *h = NOT_NULL_HANDLE;
    EXPECT_FAIL(convener_initiative_from_json(doc, len, &h), h, CONVENER_INVALID_DOCUMENT,
                "document.invalid");
    char *json = NULL;
    CHECK_STATUS(convener_last_error_json(&json), CONVENER_OK);
    if (CHECK(json != NULL, "no last error JSON")) {
      const char *a = strstr(json, "\"pointer\":\"/ties/1/from\"");
      const char *b = a == NULL ? NULL : strstr(a, "\"pointer\":\"/ties/2/to\"");
      CHECK(a != NULL && b != NULL, "the pointers /ties/1/from, /ties/2/to are not in %s", json);
      CHECK(strstr(json, "\"code\":\"reference.unknown_partner\"") != NULL, "%s", json);
      CHECK(strstr(json, "\"issues\":[") != NULL && strstr(json, "\"more\":0") != NULL, "%s", json);
    }
    convener_string_free(json);
    /* The message names the problems too. */
    CHECK(strstr(last_message(), "counci") != NULL, "message: %s", last_message());
  }
  free(doc);
  free(path);
}

static void invalid_options(void) {
  const char *typo = "{\"min_levle\": 1}";
  const char *cases[][2] = {
      {"{\"min_levle\": 1}", "options.invalid"},  /* an unknown field (a typo) */
      {"{\"min_level\": 1}", "options.invalid"},  /* a number for a level */
      {"{\"min_level\": \"chat\"}", "options.invalid"},
      {"not json", "options.invalid"},
      {"\"cooperate\"", "options.invalid"},
  };
  typedef convener_status (*on_handle)(const convener_initiative *, const char *, char **);
  on_handle fns[] = {convener_analyze, convener_network_csv, convener_network_json,
                     convener_indicators_csv, convener_indicators_json};
  const char *names[] = {"analyze", "network_csv", "network_json", "indicators_csv",
                         "indicators_json"};
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
      char *s = NOT_NULL_STRING;
      convener_status got = fns[i](example, cases[c][0], &s);
      CHECK(got == CONVENER_INVALID_OPTIONS && s == NULL && last_code_is(cases[c][1]),
            "convener_%s(ini, %s) gives %s", names[i], cases[c][0], status_name(got));
    }
    char *s = NOT_NULL_STRING;
    EXPECT_FAIL(convener_what_if(example, "[]", cases[c][0], &s), s, CONVENER_INVALID_OPTIONS,
                cases[c][1]);
  }
  /* The typo's issue points at the field and suggests the right name. */
  char *s = NULL;
  convener_analyze(example, typo, &s);
  char *json = NULL;
  convener_last_error_json(&json);
  CHECK(json != NULL && strstr(json, "\"pointer\":\"/min_levle\"") != NULL, "%s", json ? json : "NULL");
  CHECK(strstr(last_message(), "min_level") != NULL, "no suggestion in: %s", last_message());
  convener_string_free(json);

  /* Options must be a JSON object: a list is not one (the core says so at the top level;
   * the typed reader alone would take a list as the fields in order). */
  const char *lists[] = {"[]", "[\"2024-01\", \"cooperate\"]"};
  for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
    s = NOT_NULL_STRING;
    convener_status got = convener_analyze(example, lists[i], &s);
    expect("options-as-list", "convener_analyze takes options that are not an object",
                    got == CONVENER_INVALID_OPTIONS && s == NULL);
    convener_string_free(s == NOT_NULL_STRING ? NULL : s);
  }
}

static void bad_arguments(void) {
  char *s;
  s = NOT_NULL_STRING;
  EXPECT_FAIL(convener_schema("nope", &s), s, CONVENER_INVALID_OPTIONS, "argument.unknown_schema");
  s = NOT_NULL_STRING;
  EXPECT_FAIL(convener_schema("", &s), s, CONVENER_INVALID_OPTIONS, "argument.unknown_schema");
  s = NOT_NULL_STRING;
  EXPECT_FAIL(convener_schema("Report", &s), s, CONVENER_INVALID_OPTIONS, "argument.unknown_schema");

  s = NOT_NULL_STRING;
  EXPECT_FAIL(convener_what_if(example, "[\"no-such-partner\"]", NULL, &s), s,
              CONVENER_INVALID_OPTIONS, "argument.unknown_partner");
  CHECK(strstr(last_message(), "no-such-partner") != NULL, "message: %s", last_message());
  const char *not_arrays[] = {"{\"a\": 1}", "\"eastbrae-family-centre\"", "[1, 2]", "[null]",
                              "[", "", "null"};
  for (size_t i = 0; i < sizeof not_arrays / sizeof not_arrays[0]; i++) {
    s = NOT_NULL_STRING;
    convener_status got = convener_what_if(example, not_arrays[i], NULL, &s);
    CHECK(got == CONVENER_INVALID_OPTIONS && s == NULL && last_code_is("argument.invalid"),
          "convener_what_if(ini, '%s') gives %s", not_arrays[i], status_name(got));
  }
}

static void io_errors(void) {
  convener_initiative *h = NOT_NULL_HANDLE;
  char *missing = join(root, "tests/no-such-folder");
  EXPECT_FAIL(convener_initiative_from_csv_dir(missing, &h), h, CONVENER_IO, "io");
  CHECK(strstr(last_message(), "no-such-folder") != NULL, "message: %s", last_message());
  free(missing);
  char *file = join(root, "examples/data/family-support.json");
  h = NOT_NULL_HANDLE;
  EXPECT_FAIL(convener_initiative_from_csv_dir(file, &h), h, CONVENER_IO, "io");
  free(file);
  /* A folder without the CSV files is a document problem, not an I/O one. */
  char *empty = join(root, "tests/fixtures/family-support");
  h = NOT_NULL_HANDLE;
  EXPECT_FAIL(convener_initiative_from_csv_dir(empty, &h), h, CONVENER_INVALID_DOCUMENT,
              "document.invalid");
  free(empty);
}

/* `depth` opening brackets, then as many closing ones. */
static char *nested(size_t depth, char open, char close) {
  char *s = malloc(2 * depth + 1);
  if (s != NULL) {
    memset(s, open, depth);
    memset(s + depth, close, depth);
    s[2 * depth] = '\0';
  }
  return s;
}

static void limits(void) {
  char *deep = nested(100, '[', ']');
  if (!CHECK(deep != NULL, "out of memory")) {
    return;
  }
  convener_initiative *h = NOT_NULL_HANDLE;
  EXPECT_FAIL(convener_initiative_from_json(deep, strlen(deep), &h), h, CONVENER_LIMIT_EXCEEDED,
              "limit.exceeded");
  char *json = NULL;
  convener_last_error_json(&json);
  CHECK(json != NULL && strstr(json, "\"line\":1,\"column\":65") != NULL,
        "the issue is not at line 1, column 65: %s", json ? json : "NULL");
  convener_string_free(json);
  /* Validation reports it as an issue. */
  char *issues = NULL;
  CHECK_STATUS(convener_validate_json(deep, strlen(deep), &issues), CONVENER_OK);
  CHECK(issues != NULL && strstr(issues, "\"code\":\"limit.exceeded\"") != NULL, "%s",
        issues ? issues : "NULL");
  convener_string_free(issues);
  /* Options nested as deep. */
  char *s = NOT_NULL_STRING;
  EXPECT_FAIL(convener_analyze(example, deep, &s), s, CONVENER_LIMIT_EXCEEDED, "limit.exceeded");
  free(deep);
  /* Far deeper than any parser's stack should go: refused, not a crash. */
  char *deeper = nested(100000, '[', ']');
  h = NOT_NULL_HANDLE;
  EXPECT_FAIL(convener_initiative_from_json(deeper, strlen(deeper), &h), h,
              CONVENER_LIMIT_EXCEEDED, "limit.exceeded");
  s = NOT_NULL_STRING;
  convener_status got = convener_what_if(example, deeper, NULL, &s);
  CHECK(got == CONVENER_INVALID_OPTIONS && s == NULL, "what_if with 100000 brackets gives %s",
        status_name(got));
  free(deeper);
}

/* Is `s` (n bytes) whole UTF-8 characters, with no sequence cut at its end? */
static int whole_utf8(const unsigned char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    size_t k = s[i] < 0x80 ? 1 : (s[i] & 0xE0) == 0xC0 ? 2 : (s[i] & 0xF0) == 0xE0 ? 3 : 4;
    if (i + k > n) {
      return 0;
    }
    for (size_t j = 1; j < k; j++) {
      if ((s[i + j] & 0xC0) != 0x80) {
        return 0;
      }
    }
    i += k;
  }
  return 1;
}

static void last_error_buffer(void) {
  /* A message with a 3-byte character (the euro sign) in it. */
  char *s = NULL;
  convener_schema("\xe2\x82\xac-schema", &s);
  size_t needed = 0;
  CHECK_STATUS(convener_last_error(NULL, 0, &needed), CONVENER_OK);
  char full[512];
  size_t needed2 = 0;
  CHECK_STATUS(convener_last_error(full, sizeof full, &needed2), CONVENER_OK);
  CHECK(needed > 1 && needed == strlen(full) + 1 && needed2 == needed,
        "needed %zu/%zu for a message of %zu bytes", needed, needed2, strlen(full));
  CHECK(strstr(full, "\xe2\x82\xac-schema") != NULL, "message: %s", full);

  /* Too small: cut short, NUL-terminated, `needed` still the whole length + 1. */
  char small[8];
  memset(small, 'x', sizeof small);
  size_t n2 = 0;
  CHECK_STATUS(convener_last_error(small, 5, &n2), CONVENER_OK);
  CHECK(small[4] == '\0' && memcmp(small, full, 4) == 0 && small[5] == 'x',
        "a 5-byte buffer holds '%s'", small);
  CHECK(n2 == needed, "needed is %zu with a small buffer, expected %zu", n2, needed);
  /* One byte: just the NUL. */
  memset(small, 'x', sizeof small);
  CHECK_STATUS(convener_last_error(small, 1, NULL), CONVENER_OK);
  CHECK(small[0] == '\0' && small[1] == 'x', "a 1-byte buffer is not just a NUL");
  /* Length 0 with a buffer: nothing written. */
  memset(small, 'x', sizeof small);
  CHECK_STATUS(convener_last_error(small, 0, &n2), CONVENER_OK);
  CHECK(small[0] == 'x' && n2 == needed, "a 0-length buffer was written to");
  /* Exactly `needed` bytes: all of it; one fewer: all but the last byte. */
  char *exact = malloc(needed);
  CHECK_STATUS(convener_last_error(exact, needed, NULL), CONVENER_OK);
  CHECK(strcmp(exact, full) == 0, "a buffer of `needed` bytes is not the whole message");
  CHECK_STATUS(convener_last_error(exact, needed - 1, NULL), CONVENER_OK);
  CHECK(strlen(exact) == needed - 2 && strncmp(exact, full, needed - 2) == 0,
        "a buffer one byte short holds %zu bytes", strlen(exact));
  free(exact);

  /* Cut on a character boundary: never half of the euro sign. */
  size_t at = (size_t)(strstr(full, "\xe2\x82\xac") - full);
  char cut[512];
  for (size_t len = at + 1; len <= at + 4; len++) {
    memset(cut, 'x', sizeof cut);
    CHECK_STATUS(convener_last_error(cut, len, NULL), CONVENER_OK);
    size_t want = len < at + 4 ? at : at + 3;
    CHECK(strlen(cut) == want && memcmp(cut, full, want) == 0,
          "a %zu-byte buffer holds %zu bytes, expected %zu (the euro sign is at %zu)", len,
          strlen(cut), want, at);
  }
  /* Every length: a prefix of the message, whole characters, at most 3 bytes short. */
  int all_ok = 1;
  for (size_t len = 1; len <= needed + 2; len++) {
    memset(cut, 'x', sizeof cut);
    convener_last_error(cut, len, NULL);
    size_t got = strlen(cut);
    size_t most = len - 1 < needed - 1 ? len - 1 : needed - 1;
    if (got > most || got + 3 < most || memcmp(cut, full, got) != 0 ||
        !whole_utf8((const unsigned char *)cut, got) || cut[got + 1] != 'x') {
      all_ok = 0;
      fprintf(stderr, "  len %zu gives %zu bytes\n", len, got);
    }
  }
  CHECK(all_ok, "truncation at some length is wrong");
  /* Asking does not clear it. */
  CHECK(strcmp(last_message(), full) == 0, "the message changed after reading it");
}

static void validate(void) {
  char *path = join(root, "examples/data/family-support.json");
  size_t len = 0;
  char *doc = read_file(path, &len);
  char *issues = NOT_NULL_STRING;
  CHECK_STATUS(convener_validate_json(doc, len, &issues), CONVENER_OK);
  CHECK(issues != NULL && strcmp(issues, "[]") == 0, "a valid document gives %s",
        issues ? issues : "NULL");
  convener_string_free(issues);
  free(doc);
  free(path);

  path = join(root, "tests/invalid/reference-unknown-partner-ties.json");
  doc = read_file(path, &len);
  issues = NOT_NULL_STRING;
  CHECK_STATUS(convener_validate_json(doc, len, &issues), CONVENER_OK);
  CHECK(issues != NULL && issues[0] == '[' && issues[strlen(issues) - 1] == ']' &&
            strstr(issues, "\"pointer\":\"/ties/1/from\"") != NULL &&
            strstr(issues, "\"pointer\":\"/ties/2/to\"") != NULL,
        "an invalid document gives %s", issues ? issues : "NULL");
  convener_string_free(issues);
  free(doc);
  free(path);

  /* Not JSON at all: OK, with a json.syntax issue. */
  issues = NULL;
  CHECK_STATUS(convener_validate_json("{", 1, &issues), CONVENER_OK);
  CHECK(issues != NULL && strstr(issues, "\"code\":\"json.syntax\"") != NULL, "%s",
        issues ? issues : "NULL");
  convener_string_free(issues);
  /* `len` counts: the same text, cut after the first byte, is broken. */
  issues = NULL;
  CHECK_STATUS(convener_validate_json("{}", 1, &issues), CONVENER_OK);
  CHECK(issues != NULL && strstr(issues, "json.syntax") != NULL, "%s", issues ? issues : "NULL");
  convener_string_free(issues);
}

/* A UTF-8 byte order mark before the document: the core's loader (and the CLI) skip it. */
static void byte_order_mark(void) {
  char *path = join(root, "examples/data/family-support.json");
  size_t len = 0;
  char *doc = read_file(path, &len);
  char *with_bom = doc == NULL ? NULL : malloc(len + 4);
  if (CHECK(with_bom != NULL, "cannot read %s", path)) {
    memcpy(with_bom, "\xef\xbb\xbf", 3);
    memcpy(with_bom + 3, doc, len + 1);
    convener_initiative *h = NULL;
    convener_status s = convener_initiative_from_json(with_bom, len + 3, &h);
    expect("utf8-bom", "convener_initiative_from_json refuses a byte order mark",
                    s == CONVENER_OK && h != NULL);
    convener_initiative_free(h);
    char *issues = NULL;
    s = convener_validate_json(with_bom, len + 3, &issues);
    expect("utf8-bom", "convener_validate_json refuses a byte order mark",
                    s == CONVENER_OK && issues != NULL && strcmp(issues, "[]") == 0);
    convener_string_free(issues);
  }
  free(with_bom);
  free(doc);
  free(path);
}

static void free_null(void) {
  convener_string_free(NULL);
  convener_initiative_free(NULL);
  CHECK(1, "freeing NULL returned");
}

static void after_a_failure(void) {
  char *path = join(root, "examples/data/family-support.json");
  size_t len = 0;
  char *doc = read_file(path, &len);

  convener_initiative *h = NOT_NULL_HANDLE;
  CHECK_STATUS(convener_initiative_from_json("{", 1, &h), CONVENER_INVALID_DOCUMENT);
  CHECK(h == NULL, "the handle is not NULL after a failure");
  /* The NULL a failure left is safe to pass on: a status, not a crash. */
  char *s = NOT_NULL_STRING;
  CHECK_STATUS(convener_analyze(h, NULL, &s), CONVENER_NULL_PARAMETER);
  CHECK(s == NULL, "out is not NULL");
  convener_string_free(s);
  convener_initiative_free(h);

  /* The same variables, used again: the next successful call works. */
  CHECK_STATUS(convener_initiative_from_json(doc, len, &h), CONVENER_OK);
  CHECK(h != NULL, "no handle");
  CHECK_STATUS(convener_analyze(h, NULL, &s), CONVENER_OK);
  CHECK(s != NULL && strncmp(s, "{\n  \"format\": \"convener-report/1\"", 33) == 0, "report: %.40s",
        s ? s : "NULL");
  convener_string_free(s);
  /* A failure on a good handle leaves the handle good. */
  s = NOT_NULL_STRING;
  CHECK_STATUS(convener_analyze(h, "{\"min_levle\": 1}", &s), CONVENER_INVALID_OPTIONS);
  CHECK(s == NULL, "out is not NULL");
  CHECK_STATUS(convener_analyze(h, NULL, &s), CONVENER_OK);
  /* As documented, a success leaves the last error as it was. */
  CHECK(last_code_is("options.invalid"), "a successful call changed the last error");
  convener_string_free(s);
  convener_initiative_free(h);
  free(doc);
  free(path);
}

int main(int argc, char **argv) {
  root = argc > 1 ? argv[1] : ".";
  no_error_yet(); /* first: nothing has failed on this thread yet */

  char *path = join(root, "examples/data/family-support.json");
  size_t len = 0;
  char *doc = read_file(path, &len);
  if (!CHECK(doc != NULL, "cannot read %s", path) ||
      !CHECK(convener_initiative_from_json(doc, len, &example) == CONVENER_OK,
             "cannot load the example: %s", last_message())) {
    return finish();
  }
  free(doc);
  free(path);

  null_parameters();
  invalid_utf8();
  invalid_document();
  invalid_json_corpus();
  invalid_csv_corpus();
  byte_order_mark();
  invalid_options();
  bad_arguments();
  io_errors();
  limits();
  last_error_buffer();
  validate();
  free_null();
  after_a_failure();

  convener_initiative_free(example);
  return finish();
}
