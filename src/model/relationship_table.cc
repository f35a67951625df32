#include "model/relationship_table.h"

namespace contactplan::model {

void RelationshipTable::Reserve(size_t rows, size_t changes, size_t touches) {
  rows_.reserve(rows);
  history_.reserve(changes);
  touches_.reserve(touches);
}

RelationshipTable RelationshipTable::FromPlan(const v1::Plan& plan) {
  RelationshipTable table;
  size_t changes = 0;
  size_t touches = 0;
  for (const v1::Relationship& relationship : plan.relationships()) {
    changes += relationship.history_size();
    touches += relationship.touches_size();
  }
  table.Reserve(plan.relationships_size(), changes, touches);
  for (const v1::Relationship& relationship : plan.relationships()) {
    RelationshipRow& row = table.AddRow();
    row.team_member_id = relationship.team_member_id();
    row.person_id = relationship.person_id();
    row.assessed_at = PlanTime::Of(relationship.has_assessed_at(), relationship.assessed_at());
    row.last_contact_at =
        PlanTime::Of(relationship.has_last_contact_at(), relationship.last_contact_at());
    row.grade = relationship.grade();
    row.desired_grade = relationship.desired_grade();
    row.notes_bytes = static_cast<uint32_t>(relationship.notes().size());
    for (const v1::GradeChange& change : relationship.history()) {
      GradeChangeRow& entry = table.AddChange();
      entry.at = PlanTime::Of(change.has_at(), change.at());
      entry.grade = change.grade();
      entry.note_bytes = static_cast<uint32_t>(change.note().size());
    }
    for (const v1::Touch& touch : relationship.touches()) {
      TouchRow& entry = table.AddTouch();
      entry.at = PlanTime::Of(touch.has_at(), touch.at());
      entry.kind = touch.kind();
      entry.direction = touch.direction();
      entry.note_bytes = static_cast<uint32_t>(touch.note().size());
    }
  }
  return table;
}

}  // namespace contactplan::model
