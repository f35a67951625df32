// The contact map's relationships as flat rows: what validation, the id tables, the plan index and
// the stages read of each relationship, without a protobuf message per relationship, per touch and
// per timestamp. A plan's relationships are most of it (100,000 on a large account): as messages
// they take about eight times their wire size, as rows about two (docs/memory.md).
//
// Two ways to fill one: from a parsed plan (RelationshipTable::FromPlan, for plans that arrive as
// messages) or straight from the wire form of a plan (io/relationship_wire.h, for binary input),
// which never builds the relationships as messages. Both give the same rows for the same plan.
#ifndef CONTACTPLAN_SRC_MODEL_RELATIONSHIP_TABLE_H_
#define CONTACTPLAN_SRC_MODEL_RELATIONSHIP_TABLE_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "contactplan/v1/plan.pb.h"
#include "model/resolved_ids.h"
#include "model/time.h"

namespace contactplan::model {

// Enums are kept as the numbers written: proto3 keeps numbers this build does not define, and
// validation reports them.
struct GradeChangeRow {
  PlanTime at;
  int32_t grade = 0;
  uint32_t note_bytes = 0;  // the note's length: only its size is ever checked
  bool operator==(const GradeChangeRow&) const = default;
};

struct TouchRow {
  PlanTime at;
  int32_t kind = 0;
  int32_t direction = 0;
  uint32_t note_bytes = 0;
  bool operator==(const TouchRow&) const = default;
};

struct RelationshipRow {
  // Views of the ids: of the plan's strings (FromPlan) or of the input bytes (from the wire).
  std::string_view team_member_id;
  std::string_view person_id;
  PlanTime assessed_at;
  PlanTime last_contact_at;
  int32_t grade = 0;
  int32_t desired_grade = 0;
  uint32_t notes_bytes = 0;
  // history(r) and touches(r) are these ranges of the table's flat lists.
  uint32_t history_begin = 0;
  uint32_t history_count = 0;
  uint32_t touches_begin = 0;
  uint32_t touches_count = 0;
  bool operator==(const RelationshipRow&) const = default;
};

// Read-only once filled; safe to share between threads. Holds views: what the ids view (the plan,
// or the input bytes) must outlive the table and stay unchanged.
class RelationshipTable {
 public:
  RelationshipTable() = default;
  RelationshipTable(RelationshipTable&&) = default;
  RelationshipTable& operator=(RelationshipTable&&) = default;
  RelationshipTable(const RelationshipTable&) = delete;
  RelationshipTable& operator=(const RelationshipTable&) = delete;

  // The rows of plan.relationships(), in plan order. `plan` must outlive the table.
  static RelationshipTable FromPlan(const v1::Plan& plan);

  int32_t size() const { return static_cast<int32_t>(rows_.size()); }
  const RelationshipRow& operator[](RelationshipIx r) const { return rows_[r]; }
  std::span<const GradeChangeRow> history(RelationshipIx r) const {
    return {history_.data() + rows_[r].history_begin, rows_[r].history_count};
  }
  std::span<const TouchRow> touches(RelationshipIx r) const {
    return {touches_.data() + rows_[r].touches_begin, rows_[r].touches_count};
  }
  // Every history entry and every touch of the plan (details for the limits).
  size_t history_entries() const { return history_.size(); }
  size_t touch_count() const { return touches_.size(); }

  // Filling, in plan order: a new row, then its history entries and touches, which AddChange and
  // AddTouch count into the last row. Used by FromPlan and the wire reader.
  // (Inline: the wire reader adds 100,000 rows on a large account.)
  void Reserve(size_t rows, size_t changes, size_t touches);
  RelationshipRow& AddRow() {
    RelationshipRow& row = rows_.emplace_back();
    row.history_begin = static_cast<uint32_t>(history_.size());
    row.touches_begin = static_cast<uint32_t>(touches_.size());
    return row;
  }
  GradeChangeRow& AddChange() {
    ++rows_.back().history_count;
    return history_.emplace_back();
  }
  TouchRow& AddTouch() {
    ++rows_.back().touches_count;
    return touches_.emplace_back();
  }

  bool operator==(const RelationshipTable& other) const {
    return rows_ == other.rows_ && history_ == other.history_ && touches_ == other.touches_;
  }

 private:
  std::vector<RelationshipRow> rows_;
  std::vector<GradeChangeRow> history_;
  std::vector<TouchRow> touches_;
};

}  // namespace contactplan::model

#endif  // CONTACTPLAN_SRC_MODEL_RELATIONSHIP_TABLE_H_
