// Reading and writing plans (and analyses) in every format the product exchanges.
#ifndef CONTACTPLAN_PLAN_IO_H_
#define CONTACTPLAN_PLAN_IO_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "contactplan/v1/analysis.pb.h"
#include "contactplan/v1/plan.pb.h"

namespace contactplan {

// The most bytes of one serialized plan a reader takes in when the engine options set no
// `limits.max_input_bytes`: 256 MiB (docs/limits.md). A host reading a file or a stream checks its
// size against this (or the limit its options set) before it reads or parses it.
inline constexpr uint64_t kDefaultMaxInputBytes = uint64_t{256} << 20;

enum class PlanFormat {
  kBinary,   // protobuf wire format (canonical); .binpb or .pb
  kJson,     // protobuf JSON mapping; .json
  kText,     // protobuf text format; .txtpb or .textproto
  kCsvGrid,  // the contact map grid of docs/grid.md; .csv
};

// "binary", "json", "text" or "csv".
std::string_view PlanFormatName(PlanFormat format);
// Parses a name as PlanFormatName gives it (case-insensitive); nullopt when unknown.
std::optional<PlanFormat> PlanFormatFromName(std::string_view name);
// The format a path's extension names (case-insensitive: "PLAN.JSON" is JSON); nullopt when the
// extension is not one of the above or the file name has none.
std::optional<PlanFormat> PlanFormatFromPath(std::string_view path);

// Parses a plan. Thread-safe. Errors are InvalidArgument and say where and what would fix it, one
// problem per line:
//  - text, JSON and CSV: "line L, column C: ...", both 1-based; lines end at LF, CRLF or CR, and a
//    column counts characters (code points; a tab is one) from the start of the line. A UTF-8 byte
//    order mark at the start of the input is accepted (and is not a character).
//  - binary: "not a valid binary Plan: byte N, in <field path>: <why>". Unknown fields in binary
//    input are kept, and WritePlan writes them back in binary.
//  - JSON (docs/json.md): the protobuf JSON mapping. Field names may be lowerCamel ("teamMembers")
//    or the proto names ("team_members"); enums by name or number; 64-bit integers as numbers or
//    strings; Timestamps in RFC 3339. Every schema problem (unknown field or enum name, with the name
//    probably meant; a value of the wrong kind; a key given twice in one object; a list inside a
//    list) is reported at once with its field path, up to 100 problems ("... and N more problems");
//    a syntax error ends the read.
//  - text format: protobuf's first error, with the field name probably meant when one is unknown; a
//    string that is not UTF-8 (escapes such as \xff can make one) is an error, as it is in binary.
//
// The CSV contact map grid (docs/grid.md) is read as spreadsheets write it, and strictly otherwise;
// nothing is returned from a file with any error, and every error is reported, sorted by position,
// each starting with its cell ("cell C5, line 5, column 14: ..."):
//  - CSV: RFC 4180 (quoted cells, doubled quotes, line breaks inside quotes), UTF-8, with the
//    delimiter (comma, semicolon or tab) detected from row 1. Spaces (and tabs, unless the tab is
//    the delimiter) around an unquoted cell are dropped; a quoted cell is kept exactly as written. Errors: a byte
//    order mark past the start, text that is not UTF-8, a quote inside an unquoted cell, text after
//    a closing quote, a quote never closed (reported where it opened). With any of these, only these
//    are reported, since the cells cannot be trusted yet.
//  - Rows whose cells are all empty (blank lines, or rows of bare commas as spreadsheets write them)
//    are skipped wherever they stand; row 1 is the first row that is not empty.
//  - Row 1: two label cells (any text), then one client person per column: the person's name. Row 1
//    needs at least three cells (else the file is not a grid: a one-word file, a workbook renamed
//    .csv, a wrong delimiter). A column with no name and nothing below it is ignored, as are empty
//    cells past row 1's width. Positions of errors are where the offending cell starts.
//  - Attribute rows (first cell starts with '@', second cell empty) come before the team member
//    rows, at most one per attribute: @title @department @level @roles @key @reports_to
//    @relationship @desired_relationship @relationship_type @nps @buying_role @preference
//    @desired_preference; their names, like values, ignore case, spaces and hyphens. An empty cell
//    leaves the value unset. Any other '@' name is an error (it is almost always a typo).
//  - Team member rows: name, level, then the grade of each person column. An empty grade is a blank
//    cell and gives no relationship entry. A row may stop early; a value past row 1's width is an error.
//    A team member row needs a name.
//  - Values ignore ASCII case, and spaces and hyphens count as underscores; surrounding spaces are
//    ignored. Grades: T O S I D M or trust, open, satisfied, indifferent, dissatisfied,
//    motivated_to_change. Levels, relationship levels and types, preferences and buying roles: the
//    proto value names (executive, credible_source, collaborative, non_supporter, decision_maker
//    ...); levels also as the report labels them (senior mgmt, middle mgmt). @roles: power, user, advisor, evangelist, separated by spaces or ';', each at most once.
//    @key: yes, y, true, x, 1 or no, n, false, 0. @nps: a whole number from 0 to 10, stored as one NpsAnswer without a date.
//    @reports_to: the name of another person column (names match as their ids do).
//  - Ids come from names transliterated to ASCII (ICU; "Jürgen Müller" is "jurgen-muller",
//    "Иван Петров" is "ivan-petrov"): letters lowered, every run of other characters (spaces,
//    punctuation, symbols) becomes one '-', and no '-' is kept at either end: "Dr. Ann O'Neil (CFO)"
//    is "dr-ann-o-neil-cfo". A person name with nothing left gets "person-" and its column's
//    letters ("person-d"). Two persons (or two team members) whose names give one id, and a team
//    member name that gives none, are errors.
//  - If any person has @buying_role, @preference or @desired_preference, the plan gets one open
//    opportunity with id "opportunity" whose participants are those persons, in column order.
//  - The plan holds persons in column order, team members in row order, relationships row by row
//    (left to right), and nothing else: no schema version, no as_of, no account.
absl::StatusOr<v1::Plan> ParsePlan(std::string_view bytes, PlanFormat format);

// The same, into `*plan` (cleared first; cleared again on error). Give it a message on a
// google::protobuf::Arena to parse a large plan without a heap allocation per element, and to free
// it at once with the arena (about half the cost of parsing and freeing on the heap).
absl::Status ParsePlanInto(std::string_view bytes, PlanFormat format, v1::Plan* plan);

// Serializes a plan. Thread-safe.
//  - binary: deterministic (the same plan gives the same bytes); unknown fields are written back.
//  - JSON: the protobuf JSON mapping, lowerCamel names, fields at their defaults omitted, indented.
//  - text: protobuf text format. JSON and text cannot name fields unknown to this build and leave
//    them out; only binary keeps them.
//  - CSV grid: row 1 is "Team member", "Level", then the persons' names in plan order; then an
//    attribute row for each attribute at least one person has (in the order listed at ParsePlan);
//    then one row per team member in plan order, grades written as T O S I D M. Cells are quoted only
//    when needed; lines end with CRLF. ParsePlan of the result gives the plan back, up to the order of
//    relationships and participants, except for what the grid cannot hold, which is left out and
//    listed by CsvGridLosses: schema_version, as_of, account; team members' title, capacity, email;
//    persons' notes, influences, every NPS answer but the latest (by answered_at) and its date;
//    relationships without a grade, and every relationship field but the grade; every opportunity
//    but the one the grid holds (the open one with id "opportunity", else the only open one
//    whatever its id, which comes back as "opportunity"), that one's fields other than its
//    participants, and participants with neither buying role nor preference; the blueprint;
//    unknown fields. A plan without persons is an error (its grid could not be read back).
//    What would come back *changed* is an error instead, since it would silently break references
//    or merge people: a person or team member whose id is not the one its name gives, a name that
//    gives no id or the same id as another of its kind, a team member name starting with '@', a
//    graded relationship, reports_to_id or participant naming an id the plan lacks, two grades for
//    one cell, a person taking part twice, a person reporting to themselves, an unspecified or
//    repeated buyer role, an enum number the schema does not define, an NPS answer outside 0-10, or
//    text holding a byte order mark. The error lists every such problem, one per line in field
//    order, as "<field path>: what is wrong: what would fix it".
absl::StatusOr<std::string> WritePlan(const v1::Plan& plan, PlanFormat format);

// What WritePlan(plan, PlanFormat::kCsvGrid) would leave out, one entry per kind of data with the
// number of values lost, e.g. "relationships[].assessed_at (12)", in field order; empty when the grid
// holds the whole plan. For a tool to warn before it writes. Thread-safe.
std::vector<std::string> CsvGridLosses(const v1::Plan& plan);

// What WritePlan(plan, format) would leave out, in CsvGridLosses' terms: for the CSV grid,
// CsvGridLosses; for JSON and text, "fields unknown to this version (N)" when the plan carries fields
// only binary can write back (read from a newer version's binary); nothing for binary. Empty when
// the target holds the whole plan. Conversions refuse a non-empty list unless the caller allowed the
// losses. Thread-safe.
std::vector<std::string> ConversionLosses(const v1::Plan& plan, PlanFormat format);

// Reads a file (format from the extension unless given). Every line of an error starts with the path:
// "plans/x.csv: line 3, column 5: ...". A path whose extension names no format is an error unless
// `format` is given. Thread-safe.
absl::StatusOr<v1::Plan> ReadPlanFile(const std::string& path,
                                      std::optional<PlanFormat> format = std::nullopt);

// Told the path of WriteFileAtomically's named temporary file just before it may come into being,
// and nullptr once it no longer exists, so that a program can remove it if it is interrupted (the
// command line does so from its SIGINT/SIGTERM handler). Called on the writing thread.
using TemporaryFileWatch = void (*)(const char* temporary_path);

// Writes bytes to `path` atomically: a new temporary file beside it (same directory, so the rename
// is atomic) is written, flushed to disk and renamed over `path`; on any failure the temporary file
// is removed and `path` is left as it was, so a failure never leaves a half-written file. Where the
// file system allows (O_TMPFILE), the temporary file has no name until the instant before the
// rename, so even a killed process leaves nothing behind. A symbolic link is followed: the file it
// points at is replaced (created, if the link dangles) and the link stays. A file that is replaced
// keeps its permissions; a new one gets 0666 less the umask. The temporary name stays within
// NAME_MAX however long `path`'s last component is. A FIFO, device or socket is refused (replacing
// it with a regular file is never what writing to it means): write to those directly. Errors start
// with the path. Thread-safe (concurrent writers to one path: the last rename wins, each file whole).
absl::Status WriteFileAtomically(const std::string& path, std::string_view bytes,
                                 TemporaryFileWatch watch = nullptr);

// Writes bytes where a program's output file should go: a regular file or a new path (through a
// symbolic link too) as WriteFileAtomically does; a FIFO, a character or block device (a terminal,
// /dev/null) is opened and written straight through, never replaced and never created. Errors start
// with the path. Thread-safe as WriteFileAtomically.
absl::Status WriteOutputFile(const std::string& path, std::string_view bytes,
                             TemporaryFileWatch watch = nullptr);

// Serializes an analysis: binary (deterministic), JSON (protobuf JSON mapping with lowerCamel names,
// every field printed, including zeros and empty lists, enums as names, indented) or text format.
// kCsvGrid is an error: the grid holds plans only. Thread-safe.
// WritePlan and WriteAnalysis never return partial output: past 2 GiB - 1 bytes in any format (the
// most a message or a C ABI buffer holds) they return ResourceExhausted naming the size, before
// writing where the size is known up front (binary, text) and as soon as JSON grows past it.
absl::StatusOr<std::string> WriteAnalysis(const v1::Analysis& analysis, PlanFormat format);

// Parses any message of this library's schema (v1::EngineOptions, v1::AnalysisOptions, a plan ...)
// from the protobuf JSON mapping into `*message` (cleared first; cleared again on error), with the
// rules and errors of ParsePlan's JSON. Thread-safe for distinct messages.
absl::Status ParseJsonInto(std::string_view json, google::protobuf::Message* message);

// Parses any message of this library's schema (v1::EngineOptions, v1::AnalysisOptions, a plan ...)
// in `format` into `*message` (cleared first; cleared again on error). Thread-safe for distinct
// messages. Errors are InvalidArgument, as ParsePlan gives them for that format:
//  - binary: "not a valid binary <Message>: byte N, in <field path>: <why>"; fields unknown to this
//    build are kept; a string that is not UTF-8 is an error (protobuf would only log it).
//  - text: "line L, column C: ..." for protobuf's first error, with the field name probably meant;
//    a string that is not UTF-8 is an error. A UTF-8 byte order mark at the start is skipped.
//  - JSON: as ParseJsonInto.
//  - kCsvGrid: always an error, the grid holds plans only (ParsePlan reads it).
absl::Status ParseMessageInto(std::string_view bytes, PlanFormat format,
                              google::protobuf::Message* message);

}  // namespace contactplan

#endif  // CONTACTPLAN_PLAN_IO_H_
