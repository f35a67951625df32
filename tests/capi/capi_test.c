/*
 * The C ABI as a C host sees it: every entry point of contactplan.h, its success paths and every
 * error path (NULL arguments, unknown formats, oversized lengths, bad bytes, invalid plans, bad
 * options). Compiled as C and linked only against libcontactplan.so.
 *
 * Test data comes from $CONTACTPLAN_TEST_DATA (set by ctest), else the source tree's tests/data.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contactplan/contactplan.h"

static int failures = 0;
static int checks = 0;

/* Every call that can fail reports into this; check_* free it. */
static char* msg = NULL;

static void fail_at(int line, const char* what) {
  ++failures;
  fprintf(stderr, "capi_test.c:%d: FAILED: %s\n", line, what);
}

#define EXPECT(cond)                       \
  do {                                     \
    ++checks;                              \
    if (!(cond)) fail_at(__LINE__, #cond); \
  } while (0)

/* The call returns CPLAN_OK and leaves no message. */
static void check_ok(cplan_status status, const char* call, int line) {
  ++checks;
  if (status != CPLAN_OK || msg != NULL) {
    ++failures;
    fprintf(stderr, "capi_test.c:%d: FAILED: %s returned %s: %s\n", line, call,
            cplan_status_name(status), msg != NULL ? msg : "(no message)");
  }
  cplan_free(msg);
  msg = NULL;
}
#define CHECK_OK(call) check_ok((call), #call, __LINE__)

/* The call fails with `want` and a message that contains `fragment`. */
static void check_fails(cplan_status status, cplan_status want, const char* fragment,
                        const char* call, int line) {
  ++checks;
  if (status != want) {
    ++failures;
    fprintf(stderr, "capi_test.c:%d: FAILED: %s returned %s, expected %s: %s\n", line, call,
            cplan_status_name(status), cplan_status_name(want), msg != NULL ? msg : "(no message)");
  } else if (msg == NULL || strstr(msg, fragment) == NULL) {
    ++failures;
    fprintf(stderr, "capi_test.c:%d: FAILED: %s: message \"%s\" does not contain \"%s\"\n", line,
            call, msg != NULL ? msg : "(null)", fragment);
  }
  cplan_free(msg);
  msg = NULL;
}
#define CHECK_FAILS(call, want, fragment) check_fails((call), (want), (fragment), #call, __LINE__)

typedef struct {
  char* data;
  size_t size;
} bytes;

static bytes read_test_file(const char* name) {
  bytes result = {NULL, 0};
  const char* dir = getenv("CONTACTPLAN_TEST_DATA");
  char path[4096];
  FILE* file;
  long size;
  if (dir == NULL) dir = CPLAN_TEST_DATA_DIR;
  snprintf(path, sizeof path, "%s/%s", dir, name);
  file = fopen(path, "rb");
  if (file == NULL || fseek(file, 0, SEEK_END) != 0 || (size = ftell(file)) < 0 ||
      fseek(file, 0, SEEK_SET) != 0) {
    fprintf(stderr, "cannot read %s\n", path);
    exit(2);
  }
  result.data = malloc((size_t)size + 1);
  result.size = fread(result.data, 1, (size_t)size, file);
  result.data[result.size] = '\0';
  fclose(file);
  return result;
}

/* A string literal as the (pointer, length) pair the C ABI takes. */
#define LIT(s) (s), (sizeof(s) - 1)

/* A plan whose only relationship points at a person that does not exist. */
static const char* const kDanglingPlan =
    "{\"teamMembers\": [{\"id\": \"t1\"}], \"persons\": [{\"id\": \"p1\"}],"
    " \"relationships\": [{\"teamMemberId\": \"t1\", \"personId\": \"p-9\", \"grade\": "
    "\"TRUST\"}]}";

/* Valid, but with two opportunities and a blueprint: more than the CSV grid holds. */
static const char* const kTwoOpportunities =
    "{\"persons\": [{\"id\": \"p1\"}],"
    " \"opportunities\": [{\"id\": \"o1\", \"participants\": [{\"personId\": \"p1\"}]},"
    "                     {\"id\": \"o2\", \"participants\": [{\"personId\": \"p1\"}]}]}";

static void test_version(void) {
  char expected[32];
  EXPECT(strcmp(cplan_version(), CPLAN_VERSION_STRING) == 0);
  snprintf(expected, sizeof expected, "%d.%d.%d", CPLAN_VERSION_MAJOR, CPLAN_VERSION_MINOR,
           CPLAN_VERSION_PATCH);
  EXPECT(strcmp(cplan_version(), expected) == 0);
  EXPECT(CPLAN_CHECK_VERSION() == 1);
  EXPECT(cplan_check_version(CPLAN_VERSION_MAJOR, 0) == 1);
  /* A header newer than the library, or another major version, is not served. */
  EXPECT(cplan_check_version(CPLAN_VERSION_MAJOR, CPLAN_VERSION_MINOR + 1) == 0);
  EXPECT(cplan_check_version(CPLAN_VERSION_MAJOR + 1, 0) == 0);
  EXPECT(cplan_check_version(CPLAN_VERSION_MAJOR - 1, CPLAN_VERSION_MINOR) == 0);
  EXPECT(cplan_check_version(CPLAN_VERSION_MAJOR, -1) == 0);
}

static void test_names(void) {
  EXPECT(strcmp(cplan_status_name(CPLAN_OK), "CPLAN_OK") == 0);
  EXPECT(strcmp(cplan_status_name(CPLAN_INVALID_ARGUMENT), "CPLAN_INVALID_ARGUMENT") == 0);
  EXPECT(strcmp(cplan_status_name(CPLAN_PARSE_ERROR), "CPLAN_PARSE_ERROR") == 0);
  EXPECT(strcmp(cplan_status_name(CPLAN_INVALID_PLAN), "CPLAN_INVALID_PLAN") == 0);
  EXPECT(strcmp(cplan_status_name(CPLAN_INVALID_OPTIONS), "CPLAN_INVALID_OPTIONS") == 0);
  EXPECT(strcmp(cplan_status_name(CPLAN_UNREPRESENTABLE), "CPLAN_UNREPRESENTABLE") == 0);
  EXPECT(strcmp(cplan_status_name(CPLAN_LIMIT_EXCEEDED), "CPLAN_LIMIT_EXCEEDED") == 0);
  EXPECT(strcmp(cplan_status_name(CPLAN_OUT_OF_MEMORY), "CPLAN_OUT_OF_MEMORY") == 0);
  EXPECT(strcmp(cplan_status_name(CPLAN_INTERNAL), "CPLAN_INTERNAL") == 0);
  EXPECT(strcmp(cplan_status_name((cplan_status)42), "CPLAN_UNKNOWN_STATUS") == 0);
  EXPECT(strcmp(cplan_status_name((cplan_status)-1), "CPLAN_UNKNOWN_STATUS") == 0);

  EXPECT(strcmp(cplan_format_name(CPLAN_FORMAT_BINARY), "binary") == 0);
  EXPECT(strcmp(cplan_format_name(CPLAN_FORMAT_JSON), "json") == 0);
  EXPECT(strcmp(cplan_format_name(CPLAN_FORMAT_TEXT), "text") == 0);
  EXPECT(strcmp(cplan_format_name(CPLAN_FORMAT_CSV), "csv") == 0);
  EXPECT(cplan_format_name((cplan_format)0) == NULL);
  EXPECT(cplan_format_name((cplan_format)99) == NULL);

  cplan_free(NULL); /* allowed, does nothing */
}

static void test_format_from_path(void) {
  cplan_format format = (cplan_format)0;
  CHECK_OK(cplan_format_from_path("plans/acme.csv", &format, &msg));
  EXPECT(format == CPLAN_FORMAT_CSV);
  CHECK_OK(cplan_format_from_path("acme.json", &format, &msg));
  EXPECT(format == CPLAN_FORMAT_JSON);
  CHECK_OK(cplan_format_from_path("acme.binpb", &format, &msg));
  EXPECT(format == CPLAN_FORMAT_BINARY);
  CHECK_OK(cplan_format_from_path("acme.pb", &format, &msg));
  EXPECT(format == CPLAN_FORMAT_BINARY);
  CHECK_OK(cplan_format_from_path("acme.txtpb", &format, &msg));
  EXPECT(format == CPLAN_FORMAT_TEXT);
  CHECK_OK(cplan_format_from_path("acme.textproto", &format, &msg));
  EXPECT(format == CPLAN_FORMAT_TEXT);

  format = CPLAN_FORMAT_JSON;
  CHECK_FAILS(cplan_format_from_path("acme.xlsx", &format, &msg), CPLAN_INVALID_ARGUMENT,
              "acme.xlsx");
  EXPECT(format == CPLAN_FORMAT_JSON); /* untouched on failure */
  CHECK_FAILS(cplan_format_from_path(NULL, &format, &msg), CPLAN_INVALID_ARGUMENT, "path is NULL");
  CHECK_FAILS(cplan_format_from_path("a.csv", NULL, &msg), CPLAN_INVALID_ARGUMENT,
              "format is NULL");
  EXPECT(cplan_format_from_path(NULL, NULL, NULL) == CPLAN_INVALID_ARGUMENT);
}

static void test_engine_create(void) {
  cplan_engine* engine = NULL;
  const char* json =
      "{\"thresholds\": {\"staleAfterDays\": 60}, \"disabledRules\": [\"NO_EVANGELIST\"]}";

  CHECK_OK(cplan_engine_create(NULL, 0, CPLAN_FORMAT_JSON, &engine, &msg));
  EXPECT(engine != NULL);
  cplan_engine_destroy(engine);

  /* Empty options are the defaults whatever the pointer and format. */
  engine = NULL;
  CHECK_OK(cplan_engine_create(LIT(""), (cplan_format)99, &engine, &msg));
  EXPECT(engine != NULL);
  cplan_engine_destroy(engine);

  engine = NULL;
  CHECK_OK(cplan_engine_create(json, strlen(json), CPLAN_FORMAT_JSON, &engine, &msg));
  EXPECT(engine != NULL);
  cplan_engine_destroy(engine);

  /* The binary form of {thresholds {stale_after_days: 60}}: field 1 (length 2) holding field 7
   * = 60. */
  {
    static const char binary[] = {0x0a, 0x02, 0x38, 0x3c};
    engine = NULL;
    CHECK_OK(cplan_engine_create(binary, sizeof binary, CPLAN_FORMAT_BINARY, &engine, &msg));
    EXPECT(engine != NULL);
    cplan_engine_destroy(engine);
  }

  /* The message is optional. */
  engine = NULL;
  EXPECT(cplan_engine_create(NULL, 0, CPLAN_FORMAT_JSON, &engine, NULL) == CPLAN_OK);
  cplan_engine_destroy(engine);

  cplan_engine_destroy(NULL); /* allowed, does nothing */

  /* Errors leave *engine NULL. */
  engine = (cplan_engine*)&engine;
  CHECK_FAILS(cplan_engine_create(LIT("{\"thresholds\": {\"staleAfterDays\": 0}}"),
                                  CPLAN_FORMAT_JSON, &engine, &msg),
              CPLAN_INVALID_OPTIONS, "thresholds.stale_after_days");
  EXPECT(engine == NULL);
  CHECK_FAILS(
      cplan_engine_create(LIT("{\"staleAfterDays\": 60}"), CPLAN_FORMAT_JSON, &engine, &msg),
      CPLAN_INVALID_OPTIONS, "staleAfterDays");
  CHECK_FAILS(cplan_engine_create(LIT("{not json"), CPLAN_FORMAT_JSON, &engine, &msg),
              CPLAN_INVALID_OPTIONS, "engine options");
  CHECK_FAILS(cplan_engine_create(LIT("\xff\xff\xff"), CPLAN_FORMAT_BINARY, &engine, &msg),
              CPLAN_INVALID_OPTIONS, "EngineOptions");
  CHECK_FAILS(cplan_engine_create(LIT("{}"), CPLAN_FORMAT_CSV, &engine, &msg),
              CPLAN_INVALID_ARGUMENT, "options_format 4 (csv)");
  CHECK_FAILS(cplan_engine_create(LIT("{}"), CPLAN_FORMAT_TEXT, &engine, &msg),
              CPLAN_INVALID_ARGUMENT, "options_format 3 (text)");
  CHECK_FAILS(cplan_engine_create(LIT("{}"), (cplan_format)99, &engine, &msg),
              CPLAN_INVALID_ARGUMENT, "options_format 99 (unknown)");
  CHECK_FAILS(cplan_engine_create(NULL, 5, CPLAN_FORMAT_JSON, &engine, &msg),
              CPLAN_INVALID_ARGUMENT, "options is NULL but its length is 5");
  CHECK_FAILS(cplan_engine_create(LIT("{}"), CPLAN_FORMAT_JSON, NULL, &msg), CPLAN_INVALID_ARGUMENT,
              "engine is NULL");
  CHECK_FAILS(cplan_engine_create("{}", (size_t)CPLAN_MAX_INPUT_BYTES + 1, CPLAN_FORMAT_JSON,
                                  &engine, &msg),
              CPLAN_LIMIT_EXCEEDED, "2 GiB");
  EXPECT(engine == NULL);
  EXPECT(cplan_engine_create(NULL, 1, CPLAN_FORMAT_JSON, NULL, NULL) == CPLAN_INVALID_ARGUMENT);
}

static void test_analyze(cplan_engine* engine, bytes plan_json, bytes grid) {
  char* out = NULL;
  char* again = NULL;
  char* binary = NULL;
  size_t out_len = 0;
  size_t again_len = 0;
  size_t binary_len = 0;
  const char* options = "{\"asOf\": \"2024-06-01T00:00:00Z\", \"horizonDays\": 60}";

  CHECK_OK(cplan_analyze(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, NULL, 0,
                         CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON, &out, &out_len, &msg));
  EXPECT(out != NULL && out_len > 0);
  EXPECT(out != NULL && out[out_len] == '\0'); /* NUL-terminated beyond the length */
  EXPECT(out != NULL && strstr(out, "\"figure\"") != NULL);
  EXPECT(out != NULL && strstr(out, "\"accountHealth\"") != NULL);

  /* Deterministic: the same call gives the same bytes. */
  CHECK_OK(cplan_analyze(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, NULL, 0,
                         CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON, &again, &again_len, &msg));
  EXPECT(again_len == out_len && again != NULL && out != NULL && memcmp(again, out, out_len) == 0);
  cplan_free(again);
  again = NULL;

  /* Analysis options change "now" and the horizon. */
  CHECK_OK(cplan_analyze(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, options,
                         strlen(options), CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON, &again, &again_len,
                         &msg));
  EXPECT(again != NULL && strstr(again, "2024-06-01T00:00:00Z") != NULL);
  cplan_free(again);
  again = NULL;
  {
    /* horizon_days = 90 in binary: field 2, varint. */
    static const char binary_options[] = {0x10, 0x5a};
    CHECK_OK(cplan_analyze(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON,
                           binary_options, sizeof binary_options, CPLAN_FORMAT_BINARY,
                           CPLAN_FORMAT_BINARY, &binary, &binary_len, &msg));
    EXPECT(binary != NULL && binary_len > 0);
    cplan_free(binary);
    binary = NULL;
  }

  CHECK_OK(cplan_analyze(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, NULL, 0,
                         CPLAN_FORMAT_JSON, CPLAN_FORMAT_BINARY, &binary, &binary_len, &msg));
  EXPECT(binary != NULL && binary_len > 0 && binary_len < out_len);
  CHECK_OK(cplan_analyze(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, NULL, 0,
                         CPLAN_FORMAT_JSON, CPLAN_FORMAT_TEXT, &again, &again_len, &msg));
  EXPECT(again != NULL && strstr(again, "figure:") != NULL);
  cplan_free(again);
  again = NULL;

  /* The CSV grid is a plan format like the others. */
  CHECK_OK(cplan_analyze(engine, grid.data, grid.size, CPLAN_FORMAT_CSV, NULL, 0, CPLAN_FORMAT_JSON,
                         CPLAN_FORMAT_JSON, &again, &again_len, &msg));
  EXPECT(again != NULL && strstr(again, "\"figure\": \"1x2\"") != NULL);
  cplan_free(again);
  again = NULL;

  /* An empty binary plan is a plan with nothing in it. */
  CHECK_OK(cplan_analyze(engine, LIT(""), CPLAN_FORMAT_BINARY, NULL, 0, CPLAN_FORMAT_JSON,
                         CPLAN_FORMAT_JSON, &again, &again_len, &msg));
  EXPECT(again != NULL && again_len > 0);
  cplan_free(again);
  again = NULL;

  /* Errors: outputs are NULL and 0 afterwards. */
  again = (char*)&again;
  again_len = 7;
  CHECK_FAILS(cplan_analyze(NULL, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, NULL, 0,
                            CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON, &again, &again_len, &msg),
              CPLAN_INVALID_ARGUMENT, "cplan_analyze: engine is NULL");
  EXPECT(again == NULL && again_len == 0);
  CHECK_FAILS(cplan_analyze(engine, NULL, 10, CPLAN_FORMAT_JSON, NULL, 0, CPLAN_FORMAT_JSON,
                            CPLAN_FORMAT_JSON, &again, &again_len, &msg),
              CPLAN_INVALID_ARGUMENT, "plan is NULL");
  CHECK_FAILS(cplan_analyze(engine, NULL, 0, CPLAN_FORMAT_BINARY, NULL, 0, CPLAN_FORMAT_JSON,
                            CPLAN_FORMAT_JSON, &again, &again_len, &msg),
              CPLAN_INVALID_ARGUMENT, "plan is NULL");
  CHECK_FAILS(cplan_analyze(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, NULL, 0,
                            CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON, NULL, &again_len, &msg),
              CPLAN_INVALID_ARGUMENT, "output is NULL");
  CHECK_FAILS(cplan_analyze(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, NULL, 0,
                            CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON, &again, NULL, &msg),
              CPLAN_INVALID_ARGUMENT, "output_len is NULL");
  CHECK_FAILS(cplan_analyze(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, NULL, 4,
                            CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON, &again, &again_len, &msg),
              CPLAN_INVALID_ARGUMENT, "options is NULL but its length is 4");
  CHECK_FAILS(cplan_analyze(engine, plan_json.data, plan_json.size, (cplan_format)0, NULL, 0,
                            CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON, &again, &again_len, &msg),
              CPLAN_INVALID_ARGUMENT, "plan_format 0 (unknown)");
  CHECK_FAILS(cplan_analyze(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, NULL, 0,
                            CPLAN_FORMAT_JSON, CPLAN_FORMAT_CSV, &again, &again_len, &msg),
              CPLAN_INVALID_ARGUMENT, "output_format 4 (csv)");
  CHECK_FAILS(cplan_analyze(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, NULL, 0,
                            CPLAN_FORMAT_JSON, (cplan_format)-3, &again, &again_len, &msg),
              CPLAN_INVALID_ARGUMENT, "output_format -3 (unknown)");
  CHECK_FAILS(cplan_analyze(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, LIT("{}"),
                            CPLAN_FORMAT_CSV, CPLAN_FORMAT_JSON, &again, &again_len, &msg),
              CPLAN_INVALID_ARGUMENT, "options_format 4 (csv)");
  CHECK_FAILS(
      cplan_analyze(engine, plan_json.data, (size_t)CPLAN_MAX_INPUT_BYTES + 1, CPLAN_FORMAT_JSON,
                    NULL, 0, CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON, &again, &again_len, &msg),
      CPLAN_LIMIT_EXCEEDED, "2 GiB");
  CHECK_FAILS(
      cplan_analyze(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, "{}", (size_t)-1,
                    CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON, &again, &again_len, &msg),
      CPLAN_LIMIT_EXCEEDED, "options is");
  CHECK_FAILS(cplan_analyze(engine, LIT("{\"persons\": ["), CPLAN_FORMAT_JSON, NULL, 0,
                            CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON, &again, &again_len, &msg),
              CPLAN_PARSE_ERROR, "plan (json)");
  CHECK_FAILS(cplan_analyze(engine, LIT("\x0a\xff\xff\xff"), CPLAN_FORMAT_BINARY, NULL, 0,
                            CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON, &again, &again_len, &msg),
              CPLAN_PARSE_ERROR, "plan (binary)");
  CHECK_FAILS(cplan_analyze(engine, LIT("persons {"), CPLAN_FORMAT_TEXT, NULL, 0, CPLAN_FORMAT_JSON,
                            CPLAN_FORMAT_JSON, &again, &again_len, &msg),
              CPLAN_PARSE_ERROR, "plan (text)");
  CHECK_FAILS(cplan_analyze(engine, LIT("a,b,Cara\n@colour,,red\n"), CPLAN_FORMAT_CSV, NULL, 0,
                            CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON, &again, &again_len, &msg),
              CPLAN_PARSE_ERROR, "@colour");
  CHECK_FAILS(cplan_analyze(engine, kDanglingPlan, strlen(kDanglingPlan), CPLAN_FORMAT_JSON, NULL,
                            0, CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON, &again, &again_len, &msg),
              CPLAN_INVALID_PLAN, "relationships[0].person_id");
  CHECK_FAILS(cplan_analyze(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON,
                            LIT("{\"horizonDays\": 45}"), CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON,
                            &again, &again_len, &msg),
              CPLAN_INVALID_OPTIONS, "horizon_days");
  /* An invalid plan with bad options too: options are checked before the plan is read. */
  CHECK_FAILS(cplan_analyze(engine, kDanglingPlan, strlen(kDanglingPlan), CPLAN_FORMAT_JSON,
                            LIT("{\"horizonDays\": 45}"), CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON,
                            &again, &again_len, &msg),
              CPLAN_INVALID_OPTIONS, "horizon_days");
  CHECK_FAILS(cplan_analyze(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON,
                            LIT("{\"maxFindings\": -1}"), CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON,
                            &again, &again_len, &msg),
              CPLAN_INVALID_OPTIONS, "max_findings");
  CHECK_FAILS(cplan_analyze(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON,
                            LIT("{\"horizon\": 30}"), CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON, &again,
                            &again_len, &msg),
              CPLAN_INVALID_OPTIONS, "analysis options");
  CHECK_FAILS(
      cplan_analyze(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, LIT("\xff\xff"),
                    CPLAN_FORMAT_BINARY, CPLAN_FORMAT_JSON, &again, &again_len, &msg),
      CPLAN_INVALID_OPTIONS, "AnalysisOptions");
  EXPECT(again == NULL && again_len == 0);
  /* Without a message pointer the status still comes back. */
  EXPECT(cplan_analyze(engine, kDanglingPlan, strlen(kDanglingPlan), CPLAN_FORMAT_JSON, NULL, 0,
                       CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON, &again, &again_len,
                       NULL) == CPLAN_INVALID_PLAN);
  EXPECT(cplan_analyze(NULL, NULL, 0, (cplan_format)0, NULL, 1, (cplan_format)0, (cplan_format)0,
                       NULL, NULL, NULL) == CPLAN_INVALID_ARGUMENT);

  cplan_free(out);
  cplan_free(binary);
}

static void test_engine_limits(bytes plan_json) {
  cplan_engine* engine = NULL;
  char* out = NULL;
  size_t out_len = 0;
  const char* small_input = "{\"limits\": {\"maxInputBytes\": \"64\"}}";
  const char* few_persons = "{\"limits\": {\"maxPersons\": 2}}";

  CHECK_OK(cplan_engine_create(small_input, strlen(small_input), CPLAN_FORMAT_JSON, &engine, &msg));
  CHECK_FAILS(cplan_analyze(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, NULL, 0,
                            CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON, &out, &out_len, &msg),
              CPLAN_LIMIT_EXCEEDED, "limits.max_input_bytes (64)");
  CHECK_FAILS(cplan_validate(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, &msg),
              CPLAN_LIMIT_EXCEEDED, "limits.max_input_bytes (64)");
  CHECK_FAILS(cplan_convert(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON,
                            CPLAN_FORMAT_BINARY, &out, &out_len, &msg),
              CPLAN_LIMIT_EXCEEDED, "limits.max_input_bytes (64)");
  cplan_engine_destroy(engine);

  engine = NULL;
  CHECK_OK(cplan_engine_create(few_persons, strlen(few_persons), CPLAN_FORMAT_JSON, &engine, &msg));
  CHECK_FAILS(cplan_validate(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, &msg),
              CPLAN_LIMIT_EXCEEDED, "max_persons");
  CHECK_FAILS(cplan_analyze(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, NULL, 0,
                            CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON, &out, &out_len, &msg),
              CPLAN_LIMIT_EXCEEDED, "max_persons");
  EXPECT(out == NULL && out_len == 0);
  cplan_engine_destroy(engine);
}

static void test_validate(cplan_engine* engine, bytes plan_json, bytes grid) {
  CHECK_OK(cplan_validate(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, &msg));
  CHECK_OK(cplan_validate(engine, grid.data, grid.size, CPLAN_FORMAT_CSV, &msg));
  EXPECT(cplan_validate(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, NULL) ==
         CPLAN_OK);

  CHECK_FAILS(cplan_validate(engine, kDanglingPlan, strlen(kDanglingPlan), CPLAN_FORMAT_JSON, &msg),
              CPLAN_INVALID_PLAN, "relationships[0].person_id: no person \"p-9\"");
  CHECK_FAILS(cplan_validate(engine, LIT("{\"persons\": [{\"id\": \"p1\"}, {\"id\": \"p1\"}]}"),
                             CPLAN_FORMAT_JSON, &msg),
              CPLAN_INVALID_PLAN, "persons[1].id");
  CHECK_FAILS(cplan_validate(engine, LIT("{\"persons\": 7}"), CPLAN_FORMAT_JSON, &msg),
              CPLAN_PARSE_ERROR, "plan (json)");
  CHECK_FAILS(cplan_validate(NULL, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, &msg),
              CPLAN_INVALID_ARGUMENT, "cplan_validate: engine is NULL");
  CHECK_FAILS(cplan_validate(engine, NULL, 1, CPLAN_FORMAT_JSON, &msg), CPLAN_INVALID_ARGUMENT,
              "plan is NULL");
  CHECK_FAILS(cplan_validate(engine, plan_json.data, plan_json.size, (cplan_format)5, &msg),
              CPLAN_INVALID_ARGUMENT, "plan_format 5 (unknown)");
  CHECK_FAILS(cplan_validate(engine, plan_json.data, (size_t)CPLAN_MAX_INPUT_BYTES + 1,
                             CPLAN_FORMAT_JSON, &msg),
              CPLAN_LIMIT_EXCEEDED, "2 GiB");
  EXPECT(cplan_validate(NULL, NULL, 0, (cplan_format)0, NULL) == CPLAN_INVALID_ARGUMENT);
}

static void test_convert(cplan_engine* engine, bytes plan_json, bytes grid) {
  char* binary = NULL;
  char* json = NULL;
  char* back = NULL;
  char* csv = NULL;
  size_t binary_len = 0;
  size_t json_len = 0;
  size_t back_len = 0;
  size_t csv_len = 0;

  /* JSON -> binary -> JSON -> binary gives the same binary (lossless and deterministic). */
  CHECK_OK(cplan_convert(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON,
                         CPLAN_FORMAT_BINARY, &binary, &binary_len, &msg));
  CHECK_OK(cplan_convert(engine, binary, binary_len, CPLAN_FORMAT_BINARY, CPLAN_FORMAT_JSON, &json,
                         &json_len, &msg));
  EXPECT(json != NULL && strstr(json, "\"Bluefin Shipping\"") != NULL);
  CHECK_OK(cplan_convert(engine, json, json_len, CPLAN_FORMAT_JSON, CPLAN_FORMAT_BINARY, &back,
                         &back_len, &msg));
  EXPECT(back_len == binary_len && back != NULL && binary != NULL &&
         memcmp(back, binary, binary_len) == 0);
  cplan_free(back);
  back = NULL;

  /* Text format and back. */
  CHECK_OK(cplan_convert(engine, binary, binary_len, CPLAN_FORMAT_BINARY, CPLAN_FORMAT_TEXT, &back,
                         &back_len, &msg));
  EXPECT(back != NULL && strstr(back, "cara-lind") != NULL);
  cplan_free(back);
  back = NULL;

  /* CSV grid in and out. */
  CHECK_OK(cplan_convert(engine, grid.data, grid.size, CPLAN_FORMAT_CSV, CPLAN_FORMAT_JSON, &back,
                         &back_len, &msg));
  EXPECT(back != NULL && strstr(back, "\"cara-lind\"") != NULL);
  cplan_free(back);
  back = NULL;
  CHECK_OK(cplan_convert(engine, grid.data, grid.size, CPLAN_FORMAT_CSV, CPLAN_FORMAT_CSV, &csv,
                         &csv_len, &msg));
  EXPECT(csv != NULL && strstr(csv, "Cara Lind") != NULL && strstr(csv, "@reports_to") != NULL);

  /* Errors. */
  CHECK_FAILS(cplan_convert(engine, kTwoOpportunities, strlen(kTwoOpportunities), CPLAN_FORMAT_JSON,
                            CPLAN_FORMAT_CSV, &back, &back_len, &msg),
              CPLAN_UNREPRESENTABLE, "plan (csv)");
  EXPECT(back == NULL && back_len == 0);
  CHECK_FAILS(cplan_convert(engine, kDanglingPlan, strlen(kDanglingPlan), CPLAN_FORMAT_JSON,
                            CPLAN_FORMAT_BINARY, &back, &back_len, &msg),
              CPLAN_INVALID_PLAN, "relationships[0].person_id");
  CHECK_FAILS(cplan_convert(engine, LIT("{"), CPLAN_FORMAT_JSON, CPLAN_FORMAT_BINARY, &back,
                            &back_len, &msg),
              CPLAN_PARSE_ERROR, "plan (json)");
  CHECK_FAILS(cplan_convert(NULL, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON,
                            CPLAN_FORMAT_BINARY, &back, &back_len, &msg),
              CPLAN_INVALID_ARGUMENT, "cplan_convert: engine is NULL");
  CHECK_FAILS(cplan_convert(engine, NULL, 3, CPLAN_FORMAT_JSON, CPLAN_FORMAT_BINARY, &back,
                            &back_len, &msg),
              CPLAN_INVALID_ARGUMENT, "plan is NULL");
  CHECK_FAILS(cplan_convert(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON,
                            CPLAN_FORMAT_BINARY, NULL, &back_len, &msg),
              CPLAN_INVALID_ARGUMENT, "output is NULL");
  CHECK_FAILS(cplan_convert(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON,
                            CPLAN_FORMAT_BINARY, &back, NULL, &msg),
              CPLAN_INVALID_ARGUMENT, "output_len is NULL");
  CHECK_FAILS(cplan_convert(engine, plan_json.data, plan_json.size, (cplan_format)7,
                            CPLAN_FORMAT_BINARY, &back, &back_len, &msg),
              CPLAN_INVALID_ARGUMENT, "from_format 7 (unknown)");
  CHECK_FAILS(cplan_convert(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON,
                            (cplan_format)0, &back, &back_len, &msg),
              CPLAN_INVALID_ARGUMENT, "to_format 0 (unknown)");
  CHECK_FAILS(cplan_convert(engine, plan_json.data, (size_t)CPLAN_MAX_INPUT_BYTES + 1,
                            CPLAN_FORMAT_JSON, CPLAN_FORMAT_BINARY, &back, &back_len, &msg),
              CPLAN_LIMIT_EXCEEDED, "2 GiB");
  EXPECT(back == NULL && back_len == 0);
  EXPECT(cplan_convert(NULL, NULL, 0, (cplan_format)0, (cplan_format)0, NULL, NULL, NULL) ==
         CPLAN_INVALID_ARGUMENT);

  cplan_free(binary);
  cplan_free(json);
  cplan_free(csv);
}

/* ---- 1.1: the seller's views and the rule catalogue ---- */

static void test_render(cplan_engine* engine, bytes plan_json, bytes grid) {
  static const cplan_view kViews[] = {CPLAN_VIEW_BRIEF, CPLAN_VIEW_REPORT, CPLAN_VIEW_SVG,
                                      CPLAN_VIEW_HTML};
  static const char* const kStarts[] = {NULL, NULL, "<svg ", "<!DOCTYPE html>"};
  char* out = NULL;
  size_t out_len = 0;
  size_t i;
  for (i = 0; i < sizeof kViews / sizeof kViews[0]; ++i) {
    CHECK_OK(cplan_render(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, NULL, 0,
                          CPLAN_FORMAT_JSON, kViews[i], 0, &out, &out_len, &msg));
    EXPECT(out != NULL && out_len > 0 && out[out_len] == '\0' && strlen(out) == out_len);
    if (kStarts[i] != NULL) EXPECT(out != NULL && strncmp(out, kStarts[i], strlen(kStarts[i])) == 0);
    cplan_free(out);
    out = NULL;
  }
  /* The brief at 60 columns: no line longer (counting code points, not bytes). */
  CHECK_OK(cplan_render(engine, grid.data, grid.size, CPLAN_FORMAT_CSV, NULL, 0, CPLAN_FORMAT_JSON,
                        CPLAN_VIEW_BRIEF, 60, &out, &out_len, &msg));
  if (out != NULL) {
    size_t column = 0, widest = 0, k;
    for (k = 0; k < out_len; ++k) {
      if (out[k] == '\n') {
        if (column > widest) widest = column;
        column = 0;
      } else if ((out[k] & 0xC0) != 0x80) {
        ++column;
      }
    }
    EXPECT(widest <= 60 && widest > 40);
    EXPECT(strstr(out, "TOP ACTIONS") != NULL);
  }
  cplan_free(out);
  out = NULL;
  /* The map carries the cells' ids. */
  CHECK_OK(cplan_render(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, NULL, 0,
                        CPLAN_FORMAT_JSON, CPLAN_VIEW_SVG, 0, &out, &out_len, &msg));
  EXPECT(out != NULL && strstr(out, "data-person-id=") != NULL &&
         strstr(out, "data-team-member-id=") != NULL);
  cplan_free(out);
  out = NULL;

  CHECK_FAILS(cplan_render(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, NULL, 0,
                           CPLAN_FORMAT_JSON, (cplan_view)9, 0, &out, &out_len, &msg),
              CPLAN_INVALID_ARGUMENT, "view 9");
  EXPECT(out == NULL && out_len == 0);
  CHECK_FAILS(cplan_render(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, NULL, 0,
                           CPLAN_FORMAT_JSON, CPLAN_VIEW_BRIEF, 59, &out, &out_len, &msg),
              CPLAN_INVALID_ARGUMENT, "width 59");
  CHECK_FAILS(cplan_render(NULL, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, NULL, 0,
                           CPLAN_FORMAT_JSON, CPLAN_VIEW_BRIEF, 0, &out, &out_len, &msg),
              CPLAN_INVALID_ARGUMENT, "engine");
  CHECK_FAILS(cplan_render(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON, NULL, 0,
                           CPLAN_FORMAT_JSON, CPLAN_VIEW_BRIEF, 0, NULL, &out_len, &msg),
              CPLAN_INVALID_ARGUMENT, "output");
  CHECK_FAILS(cplan_render(engine, kDanglingPlan, strlen(kDanglingPlan), CPLAN_FORMAT_JSON, NULL,
                           0, CPLAN_FORMAT_JSON, CPLAN_VIEW_HTML, 0, &out, &out_len, &msg),
              CPLAN_INVALID_PLAN, "person_id");
  CHECK_FAILS(cplan_render(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON,
                           "{\"horizonDays\": 45}", 19, CPLAN_FORMAT_JSON, CPLAN_VIEW_BRIEF, 0,
                           &out, &out_len, &msg),
              CPLAN_INVALID_OPTIONS, "horizon");
}

static void test_rules(void) {
  char* out = NULL;
  size_t out_len = 0;
  CHECK_OK(cplan_rules(&out, &out_len, CPLAN_FORMAT_JSON, &msg));
  EXPECT(out != NULL && out[0] == '[' && strlen(out) == out_len);
  EXPECT(out != NULL && strstr(out, "\"code\": \"NO_MENTOR\"") != NULL &&
         strstr(out, "\"firesWhen\"") != NULL && strstr(out, "\"explanation\"") != NULL);
  cplan_free(out);
  out = NULL;
  CHECK_FAILS(cplan_rules(&out, &out_len, CPLAN_FORMAT_BINARY, &msg), CPLAN_INVALID_ARGUMENT,
              "format");
  EXPECT(out == NULL && out_len == 0);
  CHECK_FAILS(cplan_rules(NULL, &out_len, CPLAN_FORMAT_JSON, &msg), CPLAN_INVALID_ARGUMENT,
              "output");
}

/* No silent loss: plan.json holds an account, which the grid cannot hold. cplan_convert refuses;
 * cplan_convert2 refuses the same without the flag, and with it writes the grid and lists the loss. */
static void test_convert_losses(cplan_engine* engine, bytes plan_json, bytes grid) {
  char* csv = NULL;
  char* losses = NULL;
  size_t csv_len = 0;

  CHECK_FAILS(cplan_convert(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON,
                            CPLAN_FORMAT_CSV, &csv, &csv_len, &msg),
              CPLAN_UNREPRESENTABLE, "account (1)");
  EXPECT(csv == NULL && csv_len == 0);
  CHECK_FAILS(cplan_convert2(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON,
                             CPLAN_FORMAT_CSV, 0, &csv, &csv_len, &losses, &msg),
              CPLAN_UNREPRESENTABLE, "account (1)");
  EXPECT(csv == NULL && losses == NULL);
  CHECK_OK(cplan_convert2(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON,
                          CPLAN_FORMAT_CSV, CPLAN_CONVERT_ALLOW_LOSSES, &csv, &csv_len, &losses,
                          &msg));
  EXPECT(csv != NULL && strstr(csv, "Cara Lind") != NULL);
  EXPECT(losses != NULL && strstr(losses, "account (1)") != NULL);
  cplan_free(csv);
  cplan_free(losses);
  csv = NULL;
  losses = NULL;

  /* Nothing lost: no list. losses may be NULL. */
  CHECK_OK(cplan_convert2(engine, grid.data, grid.size, CPLAN_FORMAT_CSV, CPLAN_FORMAT_CSV,
                          CPLAN_CONVERT_ALLOW_LOSSES, &csv, &csv_len, &losses, &msg));
  EXPECT(losses == NULL);
  cplan_free(csv);
  csv = NULL;
  CHECK_OK(cplan_convert2(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON,
                          CPLAN_FORMAT_CSV, CPLAN_CONVERT_ALLOW_LOSSES, &csv, &csv_len, NULL,
                          &msg));
  cplan_free(csv);
  csv = NULL;
  CHECK_FAILS(cplan_convert2(engine, plan_json.data, plan_json.size, CPLAN_FORMAT_JSON,
                             CPLAN_FORMAT_CSV, 6u, &csv, &csv_len, &losses, &msg),
              CPLAN_INVALID_ARGUMENT, "cplan_convert2: flags 6");
}

int main(void) {
  bytes plan_json = read_test_file("capi/plan.json");
  bytes grid = read_test_file("capi/grid.csv");
  cplan_engine* engine = NULL;

  test_version();
  test_names();
  test_format_from_path();
  test_engine_create();

  if (cplan_engine_create(NULL, 0, CPLAN_FORMAT_JSON, &engine, &msg) != CPLAN_OK) {
    fprintf(stderr, "cannot create an engine: %s\n", msg != NULL ? msg : "(no message)");
    return 1;
  }
  test_analyze(engine, plan_json, grid);
  test_engine_limits(plan_json);
  test_validate(engine, plan_json, grid);
  test_convert(engine, plan_json, grid);
  test_render(engine, plan_json, grid);
  test_rules();
  test_convert_losses(engine, plan_json, grid);
  cplan_engine_destroy(engine);

  free(plan_json.data);
  free(grid.data);
  if (failures > 0) {
    fprintf(stderr, "%d of %d checks failed\n", failures, checks);
    return 1;
  }
  printf("all %d checks passed\n", checks);
  return 0;
}
