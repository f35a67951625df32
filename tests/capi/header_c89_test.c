/*
 * contactplan.h is C89: this file is compiled with -std=c89 -pedantic-errors -Werror (and again as
 * C++98), so a // comment, a trailing enum comma, a C99 type or a C++ type in the header fails the
 * build. It also runs: the compile-time version must be one the library serves.
 */
#include <stdio.h>

#include "contactplan/contactplan.h"

int main(void) {
  cplan_engine* engine = NULL;
  char* message = NULL;
  cplan_status status;
  cplan_format format = CPLAN_FORMAT_JSON;

  if (!CPLAN_CHECK_VERSION()) {
    fprintf(stderr, "library %s cannot serve header %s\n", cplan_version(), CPLAN_VERSION_STRING);
    return 1;
  }
  status = cplan_engine_create(NULL, 0, format, &engine, &message);
  if (status != CPLAN_OK) {
    fprintf(stderr, "%s: %s\n", cplan_status_name(status), message != NULL ? message : "");
    cplan_free(message);
    return 1;
  }
  cplan_engine_destroy(engine);
  printf("contactplan %s\n", cplan_version());
  return 0;
}
