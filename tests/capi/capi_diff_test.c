/*
 * cplan_diff (1.2) from plain C: a diff in every output format, the force flag for plans of
 * different accounts, invalid and unparsable plans named OLD or NEW, and the argument errors.
 * Compiled as C and linked only against libcontactplan.so.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contactplan/contactplan.h"

static int failures = 0;
static int checks = 0;
static char* msg = NULL;

#define EXPECT(cond)                                                          \
  do {                                                                        \
    ++checks;                                                                 \
    if (!(cond)) {                                                            \
      ++failures;                                                             \
      fprintf(stderr, "capi_diff_test.c:%d: FAILED: %s\n", __LINE__, #cond); \
    }                                                                         \
  } while (0)

/* The last call returned `want` and, when `fragment` is not NULL, a message containing it (an OK
 * call must leave no message). Frees the message. */
static void expect_status(cplan_status got, cplan_status want, const char* fragment, int line) {
  ++checks;
  if (got != want || (want == CPLAN_OK && msg != NULL) ||
      (fragment != NULL && (msg == NULL || strstr(msg, fragment) == NULL))) {
    ++failures;
    fprintf(stderr, "capi_diff_test.c:%d: FAILED: got %s, wanted %s with \"%s\": %s\n", line,
            cplan_status_name(got), cplan_status_name(want), fragment != NULL ? fragment : "",
            msg != NULL ? msg : "(no message)");
  }
  cplan_free(msg);
  msg = NULL;
}
#define EXPECT_STATUS(call, want, fragment) expect_status((call), (want), (fragment), __LINE__)

/* OLD: Ann trusts Mia. NEW, two months later: the grade fell to Open and Bo joined. */
static const char kOld[] =
    "{\"asOf\": \"2024-10-01T00:00:00Z\", \"account\": {\"id\": \"acme\"},"
    " \"teamMembers\": [{\"id\": \"mia\", \"name\": \"Mia\"}],"
    " \"persons\": [{\"id\": \"ann\", \"name\": \"Ann\"}],"
    " \"relationships\": [{\"teamMemberId\": \"mia\", \"personId\": \"ann\", \"grade\": \"TRUST\"}]}";
static const char kNew[] =
    "{\"asOf\": \"2024-12-01T00:00:00Z\", \"account\": {\"id\": \"acme\"},"
    " \"teamMembers\": [{\"id\": \"mia\", \"name\": \"Mia\"}],"
    " \"persons\": [{\"id\": \"ann\", \"name\": \"Ann\"}, {\"id\": \"bo\", \"name\": \"Bo\"}],"
    " \"relationships\": [{\"teamMemberId\": \"mia\", \"personId\": \"ann\", \"grade\": \"OPEN\"}]}";
static const char kOtherAccount[] =
    "{\"asOf\": \"2024-12-01T00:00:00Z\", \"account\": {\"id\": \"globex\"},"
    " \"teamMembers\": [{\"id\": \"mia\"}], \"persons\": [{\"id\": \"ann\"}]}";
static const char kInvalid[] =
    "{\"teamMembers\": [{\"id\": \"mia\"}],"
    " \"relationships\": [{\"teamMemberId\": \"mia\", \"personId\": \"nobody\"}]}";

static cplan_status diff(const cplan_engine* engine, const char* old_plan, const char* new_plan,
                         unsigned flags, cplan_format output_format, char** output,
                         size_t* output_len) {
  return cplan_diff(engine, old_plan, strlen(old_plan), CPLAN_FORMAT_JSON, new_plan,
                    strlen(new_plan), CPLAN_FORMAT_JSON, NULL, 0, CPLAN_FORMAT_JSON, flags,
                    output_format, output, output_len, &msg);
}

static void test_diff(const cplan_engine* engine) {
  char* output = NULL;
  size_t output_len = 0;
  EXPECT_STATUS(diff(engine, kOld, kNew, 0, CPLAN_FORMAT_JSON, &output, &output_len), CPLAN_OK,
                NULL);
  EXPECT(output != NULL && output_len == strlen(output));
  if (output != NULL) {
    EXPECT(strstr(output, "\"gradeChanges\"") != NULL);
    EXPECT(strstr(output, "\"before\": \"TRUST\"") != NULL);
    EXPECT(strstr(output, "\"after\": \"OPEN\"") != NULL);
    EXPECT(strstr(output, "\"personsAdded\"") != NULL);
    EXPECT(strstr(output, "\"bo\"") != NULL);
  }
  cplan_free(output);

  EXPECT_STATUS(diff(engine, kOld, kNew, 0, CPLAN_FORMAT_BINARY, &output, &output_len), CPLAN_OK,
                NULL);
  EXPECT(output != NULL && output_len > 0);
  cplan_free(output);
  EXPECT_STATUS(diff(engine, kOld, kNew, 0, CPLAN_FORMAT_TEXT, &output, &output_len), CPLAN_OK,
                NULL);
  EXPECT(output != NULL && strstr(output, "grade_changes") != NULL);
  cplan_free(output);
}

static void test_accounts(const cplan_engine* engine) {
  char* output = NULL;
  size_t output_len = 0;
  EXPECT_STATUS(diff(engine, kOld, kOtherAccount, 0, CPLAN_FORMAT_JSON, &output, &output_len),
                CPLAN_DIFFERENT_ACCOUNTS, "\"globex\": a diff compares two plans of one account; pass "
                "CPLAN_DIFF_FORCE");
  EXPECT(output == NULL && output_len == 0);
  EXPECT(strcmp(cplan_status_name(CPLAN_DIFFERENT_ACCOUNTS), "CPLAN_DIFFERENT_ACCOUNTS") == 0);
  EXPECT_STATUS(diff(engine, kOld, kOtherAccount, CPLAN_DIFF_FORCE, CPLAN_FORMAT_JSON, &output,
                     &output_len),
                CPLAN_OK, NULL);
  EXPECT(output != NULL && strstr(output, "\"accountsDiffer\": true") != NULL);
  cplan_free(output);
}

static void test_bad_plans(const cplan_engine* engine) {
  char* output = NULL;
  size_t output_len = 0;
  EXPECT_STATUS(diff(engine, kInvalid, kNew, 0, CPLAN_FORMAT_JSON, &output, &output_len),
                CPLAN_INVALID_PLAN, "OLD plan: invalid plan");
  EXPECT_STATUS(diff(engine, kOld, kInvalid, 0, CPLAN_FORMAT_JSON, &output, &output_len),
                CPLAN_INVALID_PLAN, "NEW plan: invalid plan");
  EXPECT_STATUS(diff(engine, kOld, "{", 0, CPLAN_FORMAT_JSON, &output, &output_len),
                CPLAN_PARSE_ERROR, "NEW plan (json)");
  EXPECT(output == NULL && output_len == 0);
}

static void test_arguments(const cplan_engine* engine) {
  char* output = NULL;
  size_t output_len = 0;
  EXPECT_STATUS(diff(NULL, kOld, kNew, 0, CPLAN_FORMAT_JSON, &output, &output_len),
                CPLAN_INVALID_ARGUMENT, "cplan_diff: engine is NULL");
  EXPECT_STATUS(diff(engine, kOld, kNew, 2u, CPLAN_FORMAT_JSON, &output, &output_len),
                CPLAN_INVALID_ARGUMENT, "flags");
  EXPECT_STATUS(diff(engine, kOld, kNew, 0, CPLAN_FORMAT_CSV, &output, &output_len),
                CPLAN_INVALID_ARGUMENT, "output_format");
  EXPECT_STATUS(diff(engine, kOld, kNew, 0, CPLAN_FORMAT_JSON, NULL, &output_len),
                CPLAN_INVALID_ARGUMENT, "output is NULL");
  EXPECT_STATUS(cplan_diff(engine, NULL, 3, CPLAN_FORMAT_JSON, kNew, strlen(kNew),
                           CPLAN_FORMAT_JSON, NULL, 0, CPLAN_FORMAT_JSON, 0, CPLAN_FORMAT_JSON,
                           &output, &output_len, &msg),
                CPLAN_INVALID_ARGUMENT, "old_plan is NULL");
  EXPECT_STATUS(cplan_diff(engine, kOld, strlen(kOld), CPLAN_FORMAT_JSON, kNew, strlen(kNew),
                           CPLAN_FORMAT_JSON, "{\"horizonDays\": 45}", 19, CPLAN_FORMAT_JSON, 0,
                           CPLAN_FORMAT_JSON, &output, &output_len, &msg),
                CPLAN_INVALID_OPTIONS, "horizon_days");
}

int main(void) {
  cplan_engine* engine = NULL;
  EXPECT(cplan_check_version(1, 2) == 1);
  if (cplan_engine_create(NULL, 0, CPLAN_FORMAT_JSON, &engine, &msg) != CPLAN_OK) {
    fprintf(stderr, "cannot create an engine: %s\n", msg != NULL ? msg : "(no message)");
    return 1;
  }
  test_diff(engine);
  test_accounts(engine);
  test_bad_plans(engine);
  test_arguments(engine);
  cplan_engine_destroy(engine);
  if (failures > 0) {
    fprintf(stderr, "%d of %d checks failed\n", failures, checks);
    return 1;
  }
  printf("all %d checks passed\n", checks);
  return 0;
}
