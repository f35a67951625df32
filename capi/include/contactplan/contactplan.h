/*
 * contactplan.h: the stable C ABI of the contactplan engine (libcontactplan.so.1).
 *
 * This is the one interface of contactplan that keeps binary compatibility: a program built against
 * version 1.x of this header runs with any libcontactplan.so.1 of the same or a later minor
 * version. It is plain C (C89 and later, and C++), uses only <stddef.h>, and exposes no C++, Abseil
 * or protobuf type: plans, options and analyses cross it as serialized bytes of the messages in
 * contactplan/v1/{plan,options,analysis}.proto (installed with this header under
 * share/contactplan/proto).
 *
 * Conventions that hold for every function below unless its comment says otherwise:
 *
 *  - Status. Fallible functions return a cplan_status: CPLAN_OK (0) on success, another value on
 *    failure. Later minor versions may add status values, so treat any value other than CPLAN_OK as
 *    a failure.
 *  - Messages. The last parameter `char** message` may be NULL when the caller does not want the
 *    text. Otherwise the function always writes it: NULL on success; on failure a NUL-terminated
 * UTF-8 text that names what was wrong (the field path, or the line and column of the input) and
 * what would fix it. The caller owns that text and frees it with cplan_free(). (If memory runs out
 *    while the text is built, *message is NULL even though the status says failure.) An earlier
 *    value of *message is overwritten, not freed.
 *  - Outputs. Buffers the library returns are allocated by the library and freed by the caller with
 *    cplan_free(), never with free() or delete: the library may use another allocator than its
 * host. Every returned buffer is followed by a NUL byte that its length does not count, so JSON,
 * text and CSV output can be used as a C string. On failure output pointers are set to NULL and
 * output lengths to 0, so freeing them is always safe.
 *  - Arguments. A NULL pointer where the comment does not allow one, an unknown cplan_format value
 *    or a format a function does not accept is CPLAN_INVALID_ARGUMENT, never a crash. An input
 * longer than CPLAN_MAX_INPUT_BYTES (2 GiB - 1) is CPLAN_LIMIT_EXCEEDED and is not read.
 *  - Failures. No C++ exception, abort() or exit() crosses this interface: every entry point
 * catches everything and turns it into a status (CPLAN_INTERNAL for a bug, CPLAN_OUT_OF_MEMORY when
 * an allocation fails). The library never prints.
 *  - Threads. The library has no global mutable state. A cplan_engine's options are fixed at
 *    creation (it only keeps scratch memory between calls for its calls' arenas, as much as its
 *    earlier calls took and at most EngineOptions.limits.max_retained_bytes, default 128 MiB,
 *    synchronized inside):
 *    any number of threads may call cplan_analyze, cplan_validate and cplan_convert on the same
 *    engine at once. Only cplan_engine_destroy needs the caller to make sure no other call on that
 *    engine is running or will start.
 *  - Determinism. The engine never reads the clock; the same plan, options and formats give
 *    byte-identical output.
 *  - One copy per process. The library registers the contactplan.v1 schema with the process-wide
 *    protobuf runtime (libprotobuf.so.32). Load a single copy of it, and do not load it into a
 * process that also links the contactplan C++ library statically: protobuf aborts when one schema
 * file is registered twice.
 */
#ifndef CONTACTPLAN_CONTACTPLAN_H_
#define CONTACTPLAN_CONTACTPLAN_H_

#include <stddef.h>

/* The version of this header. The library's own version is cplan_version(). */
#define CPLAN_VERSION_MAJOR 1
#define CPLAN_VERSION_MINOR 2
#define CPLAN_VERSION_PATCH 0
#define CPLAN_VERSION_STRING "1.2.0"

/* The longest input any function reads, in bytes: 2 GiB - 1 (the protobuf runtime's limit). */
#define CPLAN_MAX_INPUT_BYTES 2147483647UL

#if defined(CPLAN_BUILDING_LIBRARY) && (defined(__GNUC__) || defined(__clang__))
#define CPLAN_EXPORT __attribute__((visibility("default")))
#else
#define CPLAN_EXPORT
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------------------------- */
/* Status codes */
/* ---------------------------------------------------------------------------------------------- */

typedef enum cplan_status {
  /* Success. */
  CPLAN_OK = 0,
  /* The call itself is wrong: a NULL pointer, an unknown cplan_format value, a format the function
   * does not accept, a path without a known extension. Fix the calling code. */
  CPLAN_INVALID_ARGUMENT = 1,
  /* The plan bytes are not a plan in the stated format (the message gives line and column, or the
   * byte offset for binary). */
  CPLAN_PARSE_ERROR = 2,
  /* The plan parsed but breaks the schema rules: a dangling or repeated id, a reports-to cycle, an
   * out-of-range value. The message is a one-line summary followed by one line per problem,
   * "field.path: problem" (e.g. relationships[3].person_id: no person "p-9"). */
  CPLAN_INVALID_PLAN = 3,
  /* Engine or analysis options do not parse or hold a value out of range (the message names the
   * option path and its allowed range). */
  CPLAN_INVALID_OPTIONS = 4,
  /* Conversion would lose data: the target format cannot hold something the plan has (the CSV grid
   * holds one opportunity and no blueprint, for example). */
  CPLAN_UNREPRESENTABLE = 5,
  /* An input is longer than CPLAN_MAX_INPUT_BYTES or exceeds one of the engine's limits
   * (EngineOptions.limits); the message names the limit. */
  CPLAN_LIMIT_EXCEEDED = 6,
  /* Memory ran out. */
  CPLAN_OUT_OF_MEMORY = 7,
  /* A bug in the library; the message says what failed. Please report it. */
  CPLAN_INTERNAL = 8,
  /* (1.2) Two plans that must be of one account name different accounts (cplan_diff without
   * CPLAN_DIFF_FORCE); the message names both accounts. */
  CPLAN_DIFFERENT_ACCOUNTS = 9
} cplan_status;

/* Serialization formats. Not every function accepts every format; each says which. */
typedef enum cplan_format {
  /* Protobuf wire format: the canonical, compact, deterministic form (.binpb, .pb). */
  CPLAN_FORMAT_BINARY = 1,
  /* The protobuf JSON mapping (.json). Output uses lowerCamel names and prints every field. */
  CPLAN_FORMAT_JSON = 2,
  /* The protobuf text format (.txtpb, .textproto). */
  CPLAN_FORMAT_TEXT = 3,
  /* The contact map grid, RFC 4180 CSV (.csv); plans only. */
  CPLAN_FORMAT_CSV = 4
} cplan_format;

/* ---------------------------------------------------------------------------------------------- */
/* Version */
/* ---------------------------------------------------------------------------------------------- */

/* The library's version as "MAJOR.MINOR.PATCH". The string has static storage: do not free it.
 * Never fails; thread-safe. */
CPLAN_EXPORT const char* cplan_version(void);

/* Whether this library can serve a program compiled against header version `major`.`minor`:
 * returns 1 when the library has the same major version and a minor version at least `minor`
 * (so every function and enum value of that header exists), 0 otherwise. Call it once at start-up,
 * normally through CPLAN_CHECK_VERSION(). Never fails; thread-safe. */
CPLAN_EXPORT int cplan_check_version(int major, int minor);

/* 1 when the loaded library is compatible with the header the caller was compiled against. */
#define CPLAN_CHECK_VERSION() cplan_check_version(CPLAN_VERSION_MAJOR, CPLAN_VERSION_MINOR)

/* ---------------------------------------------------------------------------------------------- */
/* Memory, names */
/* ---------------------------------------------------------------------------------------------- */

/* Frees a buffer or message this library returned. NULL is allowed and does nothing. Freeing the
 * same pointer twice, or a pointer the library did not return, is undefined behaviour. Thread-safe:
 * a buffer may be freed on another thread than the one that received it. */
CPLAN_EXPORT void cplan_free(void* buffer);

/* The name of a status code, e.g. "CPLAN_INVALID_PLAN"; "CPLAN_UNKNOWN_STATUS" for a value this
 * library does not define. Static storage: do not free. Never fails; thread-safe. */
CPLAN_EXPORT const char* cplan_status_name(cplan_status status);

/* The short name of a format: "binary", "json", "text" or "csv"; NULL for an unknown value.
 * Static storage: do not free. Never fails; thread-safe. */
CPLAN_EXPORT const char* cplan_format_name(cplan_format format);

/* The plan format a file name's extension stands for (.binpb/.pb binary, .json, .txtpb/.textproto
 * text, .csv grid; case-insensitive), so that hosts pick formats exactly as the contactplan command
 * line does. Only the name is looked at; no file is opened.
 *   path:    NUL-terminated file name or path; must not be NULL.
 *   format:  receives the format on success; must not be NULL; untouched on failure.
 * Errors: CPLAN_INVALID_ARGUMENT for a NULL argument or an extension that names no format.
 * Thread-safe. */
CPLAN_EXPORT cplan_status cplan_format_from_path(const char* path, cplan_format* format,
                                                 char** message);

/* ---------------------------------------------------------------------------------------------- */
/* Engine */
/* ---------------------------------------------------------------------------------------------- */

/* An engine: the rule thresholds, weights and limits of contactplan.v1.EngineOptions, fixed when it
 * is created. Opaque; create with cplan_engine_create, destroy with cplan_engine_destroy. */
typedef struct cplan_engine cplan_engine;

/* Creates an engine from serialized contactplan.v1.EngineOptions.
 *   options, options_len:  the serialized options. options_len 0 means every option at its
 * documented default, and options may then be NULL; otherwise options must not be NULL.
 *   options_format:        CPLAN_FORMAT_BINARY or CPLAN_FORMAT_JSON.
 *   engine:                receives the new engine, owned by the caller until cplan_engine_destroy;
 *                          must not be NULL; set to NULL on failure.
 * Errors: CPLAN_INVALID_ARGUMENT (NULL engine, NULL options with a length, another format),
 *         CPLAN_INVALID_OPTIONS (options that do not parse, a string that is not UTF-8 (with its
 * byte offset and field), unknown JSON fields, a value out of range), CPLAN_LIMIT_EXCEEDED, CPLAN_OUT_OF_MEMORY, CPLAN_INTERNAL. Thread-safe: engines may be
 * created concurrently. */
CPLAN_EXPORT cplan_status cplan_engine_create(const void* options, size_t options_len,
                                              cplan_format options_format, cplan_engine** engine,
                                              char** message);

/* Destroys an engine and releases everything it holds, the scratch memory it kept between calls
 * included. NULL is allowed and does nothing. Buffers
 * returned by earlier calls stay valid (they belong to the caller). The caller must make sure no
 * other call is using the engine, and must not use the pointer afterwards. Never fails. */
CPLAN_EXPORT void cplan_engine_destroy(cplan_engine* engine);

/* Validates a plan, then analyses it: scores, web of influence, findings, gaps, recommendations.
 *   engine:                 must not be NULL.
 *   plan, plan_len:         the serialized contactplan.v1.Plan; plan must not be NULL (plan_len 0
 * is an empty plan in the binary format). At most the engine's limits.max_input_bytes (default 256
 * MiB) and CPLAN_MAX_INPUT_BYTES. plan_format:            any cplan_format (CSV: the contact map
 * grid). options, options_len:   serialized contactplan.v1.AnalysisOptions ("now" as as_of,
 * horizon_days 30, 60 or 90, max_findings, include_messages). options_len 0 means defaults, and
 * options may then be NULL. Options are checked before the plan is parsed: bad options are
 * CPLAN_INVALID_OPTIONS whatever the plan holds.
 *   options_format:         CPLAN_FORMAT_BINARY or CPLAN_FORMAT_JSON; ignored when options_len is
 * 0. output_format:          CPLAN_FORMAT_BINARY, CPLAN_FORMAT_JSON or CPLAN_FORMAT_TEXT: how the
 *                           contactplan.v1.Analysis is written to *output.
 *   output, output_len:     receive the analysis, owned by the caller (free with cplan_free); must
 * not be NULL; NULL and 0 on failure. Errors: CPLAN_INVALID_ARGUMENT, CPLAN_PARSE_ERROR,
 * CPLAN_INVALID_PLAN (every problem listed; nothing is analysed), CPLAN_INVALID_OPTIONS (bad
 * analysis options, such as an as_of outside 0001-01-01 .. 9999-12-31), CPLAN_LIMIT_EXCEEDED, CPLAN_OUT_OF_MEMORY, CPLAN_INTERNAL. Thread-safe;
 * deterministic. */
CPLAN_EXPORT cplan_status cplan_analyze(const cplan_engine* engine, const void* plan,
                                        size_t plan_len, cplan_format plan_format,
                                        const void* options, size_t options_len,
                                        cplan_format options_format, cplan_format output_format,
                                        char** output, size_t* output_len, char** message);

/* Checks a plan against the schema rules and the engine's limits without analysing it.
 *   engine:            must not be NULL.
 *   plan, plan_len, plan_format:  as for cplan_analyze.
 * Returns CPLAN_OK for a valid plan. Errors: CPLAN_INVALID_PLAN with the problems in the message
 *         (see CPLAN_INVALID_PLAN); CPLAN_INVALID_ARGUMENT, CPLAN_PARSE_ERROR,
 *         CPLAN_LIMIT_EXCEEDED, CPLAN_OUT_OF_MEMORY, CPLAN_INTERNAL.
 * Thread-safe. */
CPLAN_EXPORT cplan_status cplan_validate(const cplan_engine* engine, const void* plan,
                                         size_t plan_len, cplan_format plan_format, char** message);

/* Converts a plan from one format to another (binary, JSON, text, CSV grid). The plan is validated
 * first with the engine's limits: an invalid plan is never written. Binary output keeps unknown
 * fields of binary input and is deterministic. engine:                 must not be NULL (it
 * supplies the limits). plan, plan_len:         as for cplan_analyze. from_format, to_format: any
 * cplan_format; they may be equal (the plan is then normalised). output, output_len:     receive
 * the converted plan, owned by the caller (free with cplan_free); must not be NULL; NULL and 0 on
 * failure. Errors: CPLAN_INVALID_ARGUMENT, CPLAN_PARSE_ERROR, CPLAN_INVALID_PLAN,
 * CPLAN_UNREPRESENTABLE (the target cannot hold all of the plan; the message says what would be
 * lost), CPLAN_LIMIT_EXCEEDED, CPLAN_OUT_OF_MEMORY, CPLAN_INTERNAL. Thread-safe. */
CPLAN_EXPORT cplan_status cplan_convert(const cplan_engine* engine, const void* plan,
                                        size_t plan_len, cplan_format from_format,
                                        cplan_format to_format, char** output, size_t* output_len,
                                        char** message);

/* ---------------------------------------------------------------------------------------------- */
/* The seller's views (1.1): the brief, the detailed report, the marked-up map, the HTML report */
/* ---------------------------------------------------------------------------------------------- */

/* What cplan_render draws. Views, not formats: cplan_format names serializations of plans and
 * analyses; these are renderings for people. docs/views.md describes each. */
typedef enum cplan_view {
  /* One screen of terminal text: account and as-of, health (and confidence when the analysis has
   * it), the web-of-influence figure, at most 5 top actions with owner, introducer and why, the
   * critical risks in at most 8 lines, and how to see more. UTF-8. */
  CPLAN_VIEW_BRIEF = 1,
  /* The full terminal report: contact map, web, findings grouped by code, gaps, scores and every
   * recommendation. UTF-8. */
  CPLAN_VIEW_REPORT = 2,
  /* The contact map with the plan drawn on it: a self-contained SVG document; every cell element
   * carries data-person-id and data-team-member-id, a key intersection's also data-key-rank. */
  CPLAN_VIEW_SVG = 3,
  /* One self-contained HTML file (no network requests): brief, map, key intersections, blueprint
   * draft, findings filterable by severity and person, gaps. */
  CPLAN_VIEW_HTML = 4
} cplan_view;

/* Validates and analyses a plan as cplan_analyze does, then renders the analysis as `view`.
 *   engine, plan, plan_len, plan_format, options, options_len, options_format: as for
 *                           cplan_analyze (options are contactplan.v1.AnalysisOptions).
 *   view:                   a cplan_view.
 *   width:                  columns of the terminal views (no line is longer): 60 to 1000, or 0
 *                           for 100. Ignored by CPLAN_VIEW_SVG and CPLAN_VIEW_HTML.
 *   output, output_len:     receive the UTF-8 text (NUL-terminated; the length leaves the NUL out),
 *                           owned by the caller (free with cplan_free); must not be NULL; NULL and
 *                           0 on failure.
 * The plan's own text is shown as written: control and bidirectional-formatting characters appear
 * as visible escapes ("\x1b", "\u202e") in every view, and markup is escaped in SVG and HTML.
 * Errors: CPLAN_INVALID_ARGUMENT (NULL pointers, an unknown view, a width out of range), and those
 * of cplan_analyze. Thread-safe; deterministic. */
CPLAN_EXPORT cplan_status cplan_render(const cplan_engine* engine, const void* plan,
                                       size_t plan_len, cplan_format plan_format,
                                       const void* options, size_t options_len,
                                       cplan_format options_format, cplan_view view, int width,
                                       char** output, size_t* output_len, char** message);

/* The rule catalogue: every rule's code, default severity, when it fires (with the default
 * thresholds) and why it matters, in catalogue order.
 *   output, output_len:     receive the catalogue, owned by the caller (free with cplan_free); must
 *                           not be NULL; NULL and 0 on failure.
 *   format:                 CPLAN_FORMAT_JSON: an array of objects {"code", "severity",
 *                           "firesWhen", "explanation"} (strings, UTF-8).
 * Errors: CPLAN_INVALID_ARGUMENT (NULL pointers, another format), CPLAN_OUT_OF_MEMORY. Needs no
 * engine; thread-safe; the same bytes every call. */
CPLAN_EXPORT cplan_status cplan_rules(char** output, size_t* output_len, cplan_format format,
                                      char** message);
/* ---- Portfolio (new in 1.1) ----
 *
 * Analyses many plans together, the book of business of one team, and returns a
 * contactplan.v1.Portfolio (contactplan/v1/portfolio.proto): a row per account, a row per team
 * member across the accounts (matched by email, else id), patterns across the accounts, and the key
 * intersections of every account planned under the team's shared capacity, so that no one is
 * planned beyond it; what could not be staffed is listed with the reason. docs/portfolio.md gives
 * every rule (the smallest capacity stated wins when plans disagree).
 *   engine:                 must not be NULL.
 *   plans, plan_lens, plan_formats: arrays of plan_count entries: the serialized plans, their
 *                           lengths and their formats (any cplan_format). None of the arrays may be
 *                           NULL; plans[i] may be NULL only when plan_lens[i] is 0. A NULL plan with
 *                           a length, or an unknown format, fails the call with
 *                           CPLAN_INVALID_ARGUMENT naming the index.
 *   plan_sources:           NULL, or an array of plan_count NUL-terminated UTF-8 names (a path,
 *                           say) that messages and the portfolio's `source` use for each plan; a
 *                           NULL array or entry names the plan "plans[i]".
 *   plan_count:             at least 1.
 *   options, options_len, options_format: AnalysisOptions for every plan, as for cplan_analyze.
 *   output_format:          CPLAN_FORMAT_BINARY, CPLAN_FORMAT_JSON or CPLAN_FORMAT_TEXT.
 *   output, output_len:     receive the portfolio, owned by the caller (free with cplan_free); must
 *                           not be NULL; NULL and 0 on failure.
 * A plan that does not parse, is invalid, is over the engine's limits.max_input_bytes or repeats an
 * account already given does not fail the call: it is left out and named in the portfolio's
 * `problems` with its source and the reason, and the other plans are analysed. Errors:
 * CPLAN_INVALID_ARGUMENT, CPLAN_INVALID_OPTIONS, CPLAN_LIMIT_EXCEEDED, CPLAN_OUT_OF_MEMORY,
 * CPLAN_INTERNAL. Thread-safe on a shared engine; deterministic. The plans are only read. */
CPLAN_EXPORT cplan_status cplan_portfolio(const cplan_engine* engine, const void* const* plans,
                                          const size_t* plan_lens, const cplan_format* plan_formats,
                                          const char* const* plan_sources, size_t plan_count,
                                          const void* options,
                                          size_t options_len, cplan_format options_format,
                                          cplan_format output_format, char** output,
                                          size_t* output_len, char** message);
/* ------------------------------------------------------------------------------------------------
 * Conversions that say what they lose (1.1).
 *
 * cplan_convert refuses, with CPLAN_UNREPRESENTABLE, a target that cannot hold the whole plan (the
 * CSV grid holds one opportunity and no blueprint; JSON and text cannot write fields unknown to this
 * version). cplan_convert2 can be told to go ahead anyway, and then says what it left out. */

/* Flags of cplan_convert2, OR-ed together. */
#define CPLAN_CONVERT_ALLOW_LOSSES 1u /* write what the target can hold, list the rest in *losses */

/* cplan_convert with flags and a list of what was left out.
 *   engine, plan, plan_len, from_format, to_format, output, output_len, message: as for
 *                           cplan_convert.
 *   flags:                  0 (exactly cplan_convert) or CPLAN_CONVERT_ALLOW_LOSSES; any other bit
 *                           is CPLAN_INVALID_ARGUMENT.
 *   losses:                 may be NULL. On CPLAN_OK with losses allowed, receives what the output
 *                           left out, one entry per line (no trailing newline) such as
 *                           "blueprint (4)", owned by the caller (free with cplan_free); NULL when
 *                           nothing was lost, and NULL on every failure.
 * Without CPLAN_CONVERT_ALLOW_LOSSES, a target that cannot hold the whole plan is
 * CPLAN_UNREPRESENTABLE with the losses listed in the message. A plan that would come back changed
 * (an id the grid would derive differently, two grades for one cell ...) is CPLAN_UNREPRESENTABLE
 * whatever the flags. Other errors as for cplan_convert. Thread-safe. */
CPLAN_EXPORT cplan_status cplan_convert2(const cplan_engine* engine, const void* plan,
                                         size_t plan_len, cplan_format from_format,
                                         cplan_format to_format, unsigned flags, char** output,
                                         size_t* output_len, char** losses, char** message);

/* ------------------------------------------------------------------------------------------------
 * What changed between two plans of one account (1.2). */

/* Flags of cplan_diff, OR-ed together. */
#define CPLAN_DIFF_FORCE 1u /* compare plans that name different accounts anyway */

/* Compares two plans of one account, an older (OLD) and a newer (NEW), and returns a
 * contactplan.v1.PlanDiff (contactplan/v1/diff.proto; docs/diff.md documents every field): grade
 * changes per intersection, persons and team members added and left, changes of relationship
 * level, preference and NPS, account NPS, health and web figure before and after, and the status
 * of each entry of OLD's blueprint (MET, NOT_MET, OVERDUE). Ids decide identity: a renamed person
 * is a change, not a removal.
 *   engine:                 must not be NULL; both plans are validated and analysed with it.
 *   old_plan, old_len, old_format: OLD, serialized as for cplan_analyze (any cplan_format).
 *   new_plan, new_len, new_format: NEW, likewise.
 *   options, options_len, options_format: contactplan.v1.AnalysisOptions as for cplan_analyze; its
 *                           as_of is NEW's "now" (who has left, which entries are overdue); OLD is
 *                           analysed at its own now.
 *   flags:                  0 or CPLAN_DIFF_FORCE; any other bit is CPLAN_INVALID_ARGUMENT.
 *   output_format:          CPLAN_FORMAT_BINARY, CPLAN_FORMAT_JSON or CPLAN_FORMAT_TEXT.
 *   output, output_len:     receive the diff, owned by the caller (free with cplan_free); must not
 *                           be NULL; NULL and 0 on failure.
 * Errors: CPLAN_INVALID_ARGUMENT, CPLAN_INVALID_OPTIONS (checked before the plans are parsed),
 * CPLAN_PARSE_ERROR and CPLAN_INVALID_PLAN (the message starts "OLD plan" or "NEW plan"; OLD is
 * checked first), CPLAN_DIFFERENT_ACCOUNTS (both plans set account ids that differ, or, where
 * either has no id, both set names that differ; a plan naming no account matches any),
 * CPLAN_LIMIT_EXCEEDED, CPLAN_OUT_OF_MEMORY, CPLAN_INTERNAL. Thread-safe on a shared engine;
 * deterministic. */
CPLAN_EXPORT cplan_status cplan_diff(const cplan_engine* engine, const void* old_plan,
                                     size_t old_len, cplan_format old_format,
                                     const void* new_plan, size_t new_len,
                                     cplan_format new_format, const void* options,
                                     size_t options_len, cplan_format options_format,
                                     unsigned flags, cplan_format output_format, char** output,
                                     size_t* output_len, char** message);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* CONTACTPLAN_CONTACTPLAN_H_ */
