// Reading the tuning's shared value types (proto/contactplan/v1/tuning.proto) by the enum they are
// keyed by: the scores and the recommendations look numbers up per grade, level, role and
// preference in many places.
#ifndef CONTACTPLAN_SRC_OPTIONS_TUNING_VALUES_H_
#define CONTACTPLAN_SRC_OPTIONS_TUNING_VALUES_H_

#include "contactplan/v1/plan.pb.h"
#include "contactplan/v1/tuning.pb.h"

namespace contactplan {

// The value for `grade`; GRADE_UNSPECIFIED (and any unknown value) reads `blank`.
inline double ValueOf(const v1::GradeValues& values, v1::Grade grade) {
  switch (grade) {
    case v1::TRUST: return values.trust();
    case v1::OPEN: return values.open();
    case v1::SATISFIED: return values.satisfied();
    case v1::INDIFFERENT: return values.indifferent();
    case v1::DISSATISFIED: return values.dissatisfied();
    case v1::MOTIVATED_TO_CHANGE: return values.motivated_to_change();
    default: return values.blank();
  }
}

// The value for `level`; LEVEL_UNSPECIFIED (and any unknown value) reads `unknown`.
inline double ValueOf(const v1::LevelValues& values, v1::Level level) {
  switch (level) {
    case v1::EXECUTIVE: return values.executive();
    case v1::SENIOR_MANAGEMENT: return values.senior_management();
    case v1::MIDDLE_MANAGEMENT: return values.middle_management();
    case v1::OPERATIONAL: return values.operational();
    default: return values.unknown();
  }
}

// The value for a buyer role; 0 for BUYER_ROLE_UNSPECIFIED.
inline double ValueOf(const v1::BuyerRoleValues& values, v1::Person::BuyerRole role) {
  switch (role) {
    case v1::Person::POWER: return values.power();
    case v1::Person::USER: return values.user();
    case v1::Person::ADVISOR: return values.advisor();
    case v1::Person::EVANGELIST: return values.evangelist();
    default: return 0;
  }
}

// The value for a buying role; BUYING_ROLE_UNSPECIFIED reads `none`.
inline double ValueOf(const v1::BuyingRoleValues& values, v1::Participant::BuyingRole role) {
  switch (role) {
    case v1::Participant::DECISION_MAKER: return values.decision_maker();
    case v1::Participant::APPROVER: return values.approver();
    case v1::Participant::EVALUATOR: return values.evaluator();
    case v1::Participant::USER: return values.user();
    default: return values.none();
  }
}

// The value of a planning preference; PREFERENCE_UNSPECIFIED reads `unset` (Neutral is read as
// stated: callers that plan with Neutral as Non-Supporter convert it first).
inline double ValueOf(const v1::PreferenceValues& values, v1::Preference preference) {
  switch (preference) {
    case v1::MENTOR: return values.mentor();
    case v1::SUPPORTER: return values.supporter();
    case v1::NEUTRAL: return values.neutral();
    case v1::NON_SUPPORTER: return values.non_supporter();
    case v1::ENEMY: return values.enemy();
    default: return values.unset();
  }
}

}  // namespace contactplan

#endif  // CONTACTPLAN_SRC_OPTIONS_TUNING_VALUES_H_
